/* shk-round-view.h — the page of the request round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"

G_BEGIN_DECLS

#define SHK_TYPE_ROUND_VIEW (shk_round_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkRoundView, shk_round_view, SHK, ROUND_VIEW, GtkWidget)

GtkWidget     *shk_round_view_new          (void);
void           shk_round_view_set_document (ShkRoundView *self,
                                            ShkDocument  *document);
/* For tests: the list, the summary line and the line above it (day
 * sent, folder) as shown. */
GtkColumnView *shk_round_view_get_columns  (ShkRoundView *self);
const char    *shk_round_view_get_summary  (ShkRoundView *self);
const char    *shk_round_view_get_details  (ShkRoundView *self);
/* Writes the reminder CSV (what round.export-csv writes once a file is
 * chosen). FALSE with @error set when it cannot be written. */
gboolean       shk_round_view_write_csv    (ShkRoundView *self,
                                            GFile        *file,
                                            GError      **error);

G_END_DECLS
