/* shk-format.h — reading and writing plan documents as JSON
 *
 * The format is documented in docs/file-format.md. Reading never changes
 * the file; every problem found is reported with its location (line and
 * column for syntax errors, a JSON path such as
 * measures[12].indicators[0].target.R3 for everything else). Keys the app
 * does not know are kept and written back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-plan.h"

G_BEGIN_DECLS

#define SHK_FORMAT_NAME    "shinchoku-plan"
#define SHK_FORMAT_VERSION 2

#define SHK_FORMAT_ERROR (shk_format_error_quark ())
GQuark shk_format_error_quark (void);

typedef enum
{
  SHK_FORMAT_ERROR_SYNTAX,         /* not JSON */
  SHK_FORMAT_ERROR_NOT_A_PLAN,     /* JSON, but not our format */
  SHK_FORMAT_ERROR_NEWER_VERSION,  /* written by a newer Shinchoku */
  SHK_FORMAT_ERROR_INVALID,        /* wrong types, missing fields, … */
  SHK_FORMAT_ERROR_TOO_LARGE,      /* a plan too large to write and read back */
} ShkFormatError;

/* @display_name prefixes every message (a file name); may be NULL. The
 * error message lists every problem, one per line. */
ShkPlan  *shk_format_load_data     (const char  *data,
                                    gssize       length,
                                    const char  *display_name,
                                    GError     **error);
ShkPlan  *shk_format_load_file     (GFile       *file,
                                    GCancellable *cancellable,
                                    GError     **error);
/* FALSE with SHK_FORMAT_ERROR_TOO_LARGE when @length bytes could not be
 * read back; the message says what was refused and the bound. */
gboolean  shk_format_check_writable (gsize       length,
                                     GError    **error);
/* The largest file the reader takes (1 GiB); the writer and the recovery
 * copies refuse to write more, so that nothing is written that cannot be
 * read back. The setter is for tests (0 restores the default). */
gsize     shk_format_get_max_file_size (void);
void      shk_format_set_max_file_size (gsize size);
/* Pretty-printed UTF-8 JSON with a stable key order. */
char     *shk_format_to_data       (ShkPlan     *plan,
                                    gsize       *length);
/* The same text as pieces of about 256 KiB (GBytes), for a save that
 * writes them on another thread: a 200 MB text is never one buffer that
 * grows by copying (issue #17). @length: their total size. */
GPtrArray *shk_format_to_pieces    (ShkPlan     *plan,
                                    gsize       *length);
/* Writes with shk_safe_save_bytes(): atomically, keeping the previous
 * version as FILE~; a failure leaves FILE and FILE~ as they were. A plan
 * whose text would exceed shk_format_get_max_file_size() is refused with
 * SHK_FORMAT_ERROR_TOO_LARGE and nothing is written. */
gboolean  shk_format_save_file     (ShkPlan     *plan,
                                    GFile       *file,
                                    GCancellable *cancellable,
                                    GError     **error);

/* Members of a file the app does not know are kept on the model object
 * they were read into (GObject data) and written back. Copies of model
 * objects (shk_indicator_copy, shk_scenario_copy, …) call this so that a
 * copy keeps them too. Both are model objects of the same type. */
void      shk_format_copy_unknown  (gpointer     source,
                                    gpointer     destination);

/* The built-in document: the Kagoshima City plan as of FY2020 (R2). */
ShkPlan  *shk_builtin_plan_new     (void);
GBytes   *shk_builtin_plan_bytes   (void);

G_END_DECLS
