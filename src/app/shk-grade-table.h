/* shk-grade-table.h — the grade counts of every evaluation, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-rules.h"

G_BEGIN_DECLS

#define SHK_TYPE_GRADE_TABLE (shk_grade_table_get_type ())
G_DECLARE_FINAL_TYPE (ShkGradeTable, shk_grade_table, SHK, GRADE_TABLE, GtkWidget)

GtkWidget *shk_grade_table_new            (void);
/* Shows every column of @summary; NULL empties the table. */
void       shk_grade_table_set_summary    (ShkGradeTable    *self,
                                           const ShkSummary *summary);
/* The count shown for @grade (NONE: the total) in an evaluation's
 * column, or NULL when there is no such cell. */
char      *shk_grade_table_dup_count_text (ShkGradeTable    *self,
                                           const char       *evaluation_id,
                                           ShkGrade          grade);

G_END_DECLS
