/* shk-processes-view.h — the AI/RPA survey's processes, ranked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-document.h"
#include "shk-ranking.h"

G_BEGIN_DECLS

#define SHK_TYPE_PROCESSES_VIEW (shk_processes_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkProcessesView, shk_processes_view, SHK, PROCESSES_VIEW, GtkWidget)

GtkWidget        *shk_processes_view_new           (void);
void              shk_processes_view_set_document  (ShkProcessesView *self,
                                                    ShkDocument      *document);
/* The ranking shown, recomputed whenever the survey changes. */
const ShkRanking *shk_processes_view_get_ranking   (ShkProcessesView *self);
/* The rows as shown: filtered, sorted (or grouped). */
GListModel       *shk_processes_view_get_rows      (ShkProcessesView *self);

/* Filters, as the toolbar sets them: @priority -1 shows every class. */
void              shk_processes_view_set_search    (ShkProcessesView *self,
                                                    const char       *text);
void              shk_processes_view_set_priority_filter (ShkProcessesView *self,
                                                    int               priority);
void              shk_processes_view_set_grouped   (ShkProcessesView *self,
                                                    gboolean          grouped);

/* Applies @text to a cell as if the user typed it: @column is "hours",
 * "expected-reduction" or "name". FALSE (with the message in @error) when
 * the text is refused. For tests and the keyboard path alike. */
gboolean          shk_processes_view_commit_cell   (ShkProcessesView *self,
                                                    ShkProcess       *process,
                                                    const char       *column,
                                                    const char       *text,
                                                    GError          **error);

G_END_DECLS
