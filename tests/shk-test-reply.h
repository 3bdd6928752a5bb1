/* shk-test-reply.h — a request workbook filled the way a person would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *cell;
  const char *value;     /* a number as digits, else a text */
} ShkTestEdit;

/* The workbook with cells of its reply sheet changed: the sheet's XML is
 * edited inside the ZIP with minizip, as a spreadsheet would save it. */
GBytes *shk_test_fill_reply (GBytes            *workbook,
                             const ShkTestEdit *edits,
                             guint              n_edits);

/* The same for the workbook in the file @path. */
GBytes *shk_test_fill_reply_file (const char        *path,
                                  const ShkTestEdit *edits,
                                  guint              n_edits);

G_END_DECLS
