/* shk-measure-column.h — what one column of the measures table shows
 *
 * A column of the measures table: its kind, its key (a fiscal year id or
 * an evaluation id), the plan it reads, the text of its cells and the
 * order it sorts measures in. Shared by the column's cells and its
 * sorter, which may outlive one another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-plan.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_MEASURE_COLUMN_NUMBER,
  SHK_MEASURE_COLUMN_POLICY,
  SHK_MEASURE_COLUMN_NAME,
  SHK_MEASURE_COLUMN_SECTION,
  SHK_MEASURE_COLUMN_INDICATOR,
  SHK_MEASURE_COLUMN_UNIT,
  SHK_MEASURE_COLUMN_TARGET,        /* key: fiscal year id */
  SHK_MEASURE_COLUMN_ACTUAL,        /* key: fiscal year id */
  SHK_MEASURE_COLUMN_PROGRESS,      /* the reporting year's actual ÷ its target */
  SHK_MEASURE_COLUMN_ACHIEVEMENT,   /* the reporting year's actual ÷ the final target */
  SHK_MEASURE_COLUMN_GRADE,         /* key: evaluation id */
} ShkMeasureColumnKind;

#define SHK_TYPE_MEASURE_COLUMN (shk_measure_column_get_type ())
G_DECLARE_FINAL_TYPE (ShkMeasureColumn, shk_measure_column, SHK, MEASURE_COLUMN, GObject)

ShkMeasureColumn     *shk_measure_column_new          (ShkMeasureColumnKind kind,
                                                       const char          *key);
ShkMeasureColumnKind  shk_measure_column_get_kind     (ShkMeasureColumn    *self);
const char           *shk_measure_column_get_key      (ShkMeasureColumn    *self);
/* The heading, as shown; cells use it in their accessible names. */
const char           *shk_measure_column_get_title    (ShkMeasureColumn    *self);
void                  shk_measure_column_set_title    (ShkMeasureColumn    *self,
                                                       const char          *title);
/* The plan the cells read, or NULL; the view sets it. */
ShkPlan              *shk_measure_column_get_plan     (ShkMeasureColumn    *self);
void                  shk_measure_column_set_plan     (ShkMeasureColumn    *self,
                                                       ShkPlan             *plan);
/* Tells the cells that the plan changed as a whole (emits "refresh"). */
void                  shk_measure_column_refresh      (ShkMeasureColumn    *self);
/* Whether the table shows it; a hidden column's cells are not made. */
gboolean              shk_measure_column_get_shown    (ShkMeasureColumn    *self);
void                  shk_measure_column_set_shown    (ShkMeasureColumn    *self,
                                                       gboolean             shown);

gboolean              shk_measure_column_is_numeric   (ShkMeasureColumn    *self);
/* One line per indicator. */
gboolean              shk_measure_column_is_stacked   (ShkMeasureColumn    *self);
gboolean              shk_measure_column_is_editable  (ShkMeasureColumn    *self);

const char           *shk_measure_column_get_reporting_year (ShkMeasureColumn *self);
/* A stacked column's text for one indicator. */
char                 *shk_measure_column_dup_line_text (ShkMeasureColumn   *self,
                                                        ShkIndicator       *indicator);
/* A cell's text; a stacked column's first line. */
char                 *shk_measure_column_dup_text     (ShkMeasureColumn    *self,
                                                       ShkMeasure          *measure);
/* The column's sort order; a GCompareDataFunc with the column as data. */
int                   shk_measure_column_compare      (gconstpointer        a,
                                                       gconstpointer        b,
                                                       gpointer             column);

char                 *shk_measure_column_format_rate  (double               rate);

G_END_DECLS
