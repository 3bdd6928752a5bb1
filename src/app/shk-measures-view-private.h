/* shk-measures-view-private.h — what the measures view's files share
 *
 * shk-measures-view.c holds the table, its refresh, edits and set-up;
 * shk-measures-view-columns.c the columns and their cells;
 * shk-measures-view-years.c the choice of years shown;
 * shk-measures-view-sheet.c what the cell cursor walks (ShkSheetTable);
 * shk-measures-view-frozen.c No. and the measure frozen while the figures
 * scroll.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-measure-detail.h"
#include "shk-measure-column.h"
#include "shk-measure-filter-bar.h"
#include "shk-measure-rows.h"
#include "shk-measures-view.h"
#include "shk-sheet-cursor.h"

G_BEGIN_DECLS

struct _ShkMeasuresView
{
  GtkWidget           parent_instance;

  ShkDocument        *document;
  ShkPlan            *plan;
  gulong              plan_changed_id;
  gulong              measure_changed_id;
  guint               refresh_idle;
  gboolean            refresh_all;       /* else only changed_measures */
  gboolean            measure_announced; /* "measure-changed" before "changed" */
  GPtrArray          *changed_measures;  /* ShkMeasure, to filter and sort again */
  ShkMeasureRows     *rows;
  char               *structure;        /* what the columns were built for */

  GtkFilterListModel *filter_model;
  GtkSortListModel   *sort_model;
  GtkSingleSelection *selection;
  GPtrArray          *columns;          /* ShkMeasureColumn, as shown */
  ShkSheetCursor     *cursor;
  GSettings          *settings;         /* NULL when the schema is not installed */
  GSimpleActionGroup *year_actions;
  char               *year_mode;        /* "latest", "all" or "chosen" */
  GStrv               chosen_years;
  GArray             *lines;             /* SheetRow: a line of a shown measure */
  gboolean            rows_valid;

  /* template children */
  ShkMeasureFilterBar *filter_bar;
  GtkLabel           *count_label;
  GtkRevealer        *message_revealer;
  GtkLabel           *message_label;
  GtkPaned           *paned;
  GtkOverlay         *table_overlay;
  GtkWidget          *frozen_header;
  GtkColumnView      *column_view;
  ShkMeasureDetail   *detail;
  GtkMenuButton      *years_button;
};

/* The sheet's rows are lines: a measure with several indicators has one
 * per indicator, so the cursor walks every value cell. */
typedef struct
{
  guint position;     /* in the shown (filtered, sorted) measures */
  guint line;         /* the indicator */
} SheetRow;

/* shk-measures-view.c */
const char   *shk_measures_view_reporting_year  (ShkMeasuresView        *self);
ShkUndoStack *shk_measures_view_undo_stack      (ShkMeasuresView        *self);
void          shk_measures_view_flush_refresh   (ShkMeasuresView        *self);
const char   *shk_measures_view_final_year      (ShkMeasuresView        *self);
void          shk_measures_view_hide_message    (ShkMeasuresView        *self);

/* shk-measures-view-columns.c */
char         *shk_measures_view_dup_structure   (ShkMeasuresView        *self);
void          shk_measures_view_remove_columns  (ShkMeasuresView        *self);
void          shk_measures_view_build_columns   (ShkMeasuresView        *self);

/* shk-measures-view-years.c */
void          shk_measures_view_setup_years     (ShkMeasuresView        *self);
void          shk_measures_view_build_year_menu (ShkMeasuresView        *self);
void          shk_measures_view_show_years      (ShkMeasuresView        *self);
gboolean      shk_measures_view_year_is_shown   (ShkMeasuresView        *self,
                                                 const char             *year_id);

/* shk-measures-view-sheet.c */
void          shk_measures_view_invalidate_rows (ShkMeasuresView        *self);
void          shk_measures_view_sheet_init      (ShkSheetTableInterface *iface);

/* shk-measures-view-frozen.c */
gboolean      shk_measures_view_is_frozen_column    (ShkMeasureColumnKind kind);
/* How much of the table's left edge the frozen columns cover. */
double        shk_measures_view_frozen_width        (ShkMeasuresView     *self);
void          shk_measures_view_setup_frozen        (ShkMeasuresView     *self);
void          shk_measures_view_build_frozen_header (ShkMeasuresView     *self);
void          shk_measures_view_update_frozen_header (ShkMeasuresView    *self);
void          shk_measures_view_restack_frozen      (ShkMeasuresView     *self);

G_END_DECLS
