/* shk-grade-table.c — the grade counts of every evaluation, as a table
 *
 * The dashboard's table of 資料1-1 (1): a row per grade (◎○△－) and the
 * total, a column per evaluation, each cell the count and its share.
 * Rebuilt whole from a summary: it has at most a few dozen cells, so
 * keeping them in step one by one would cost more code than it saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-dashboard-measure-row.h"   /* shk_grade_badge_show () */
#include "shk-grade-table.h"

/* The rows of the table, in the handouts' order. */
static const ShkGrade table_grades[] = {
  SHK_GRADE_ACHIEVED,
  SHK_GRADE_MOSTLY,
  SHK_GRADE_LAGGING,
  SHK_GRADE_PENDING,
};

struct _ShkGradeTable
{
  GtkWidget   parent_instance;

  GtkGrid    *grid;
  GHashTable *count_labels;   /* "R2/R3\x1f<grade>" → GtkLabel */
};

G_DEFINE_FINAL_TYPE (ShkGradeTable, shk_grade_table, GTK_TYPE_WIDGET)

/* A grade symbol in its colour, the way the measures table shows it. */
static GtkWidget *
grade_badge_new (ShkGrade grade)
{
  GtkWidget *label = gtk_label_new (NULL);

  shk_grade_badge_show (label, grade);
  return label;
}

static char *
format_percent (double fraction)
{
  return g_strdup_printf ("%.1f%%", fraction * 100.0);
}

static char *
count_key (const char *evaluation_id,
           ShkGrade    grade)
{
  return g_strdup_printf ("%s\x1f%d", evaluation_id, grade);
}

static GtkWidget *
cell_label_new (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
attach_count_cell (ShkGradeTable          *self,
                   const ShkSummaryColumn *column,
                   ShkGrade                grade,
                   int                     col,
                   int                     row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *count_text = NULL;
  g_autofree char *share_text = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *count;
  GtkWidget *share;
  guint value;
  double fraction;

  /* NONE stands for the total row here. */
  if (grade == SHK_GRADE_NONE)
    {
      value = column->counted;
      fraction = column->counted > 0 ? 1.0 : 0.0;
    }
  else
    {
      value = column->count[grade];
      fraction = shk_summary_column_share (column, grade);
    }

  count_text = g_strdup_printf ("%u", value);
  share_text = format_percent (fraction);
  count = cell_label_new (count_text, "count");
  share = cell_label_new (share_text, "share");
  gtk_widget_set_hexpand (count, TRUE);
  gtk_label_set_xalign (GTK_LABEL (count), 1.0);
  gtk_label_set_xalign (GTK_LABEL (share), 1.0);
  gtk_label_set_width_chars (GTK_LABEL (share), 6);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), share);
  gtk_widget_add_css_class (box, "cell");
  if (grade == SHK_GRADE_NONE)
    gtk_widget_add_css_class (box, "total");

  accessible = g_strdup_printf ("%s %s: %s (%s)",
                                shk_evaluation_get_id (column->evaluation),
                                grade == SHK_GRADE_NONE ? _("Total") : shk_grade_get_label (grade),
                                count_text, share_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  gtk_grid_attach (self->grid, box, col, row, 1, 1);
  g_hash_table_insert (self->count_labels,
                       count_key (shk_evaluation_get_id (column->evaluation), grade),
                       count);
}

static void
attach_row_heading (ShkGradeTable *self,
                    ShkGrade      grade,
                    int           row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text;

  if (grade == SHK_GRADE_NONE)
    {
      text = cell_label_new (_("Total"), "heading");
    }
  else
    {
      gtk_box_append (GTK_BOX (box), grade_badge_new (grade));
      text = cell_label_new (shk_grade_get_label (grade), NULL);
    }
  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "cell");
  gtk_widget_add_css_class (box, "row-heading");
  if (grade == SHK_GRADE_NONE)
    gtk_widget_add_css_class (box, "total");
  gtk_grid_attach (self->grid, box, 0, row, 1, 1);
}

static void
attach_column_heading (ShkGradeTable *self,
                       ShkEvaluation *evaluation,
                       int            col)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *id = cell_label_new (shk_evaluation_get_id (evaluation), "heading");
  const char *label = shk_evaluation_get_label (evaluation);
  GtkWidget *caption;

  if (label == NULL || *label == '\0')
    label = shk_evaluation_is_progress (evaluation) ? _("Progress") : _("Achievement");
  caption = cell_label_new (label, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (id), 1.0);
  gtk_label_set_xalign (GTK_LABEL (caption), 1.0);
  gtk_box_append (GTK_BOX (box), id);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_widget_add_css_class (box, "cell");
  gtk_widget_add_css_class (box, "column-heading");
  gtk_widget_set_hexpand (box, TRUE);
  gtk_grid_attach (self->grid, box, col, 0, 1, 1);
}

void
shk_grade_table_set_summary (ShkGradeTable    *self,
                             const ShkSummary *summary)
{
  GtkWidget *child;
  GtkWidget *corner;
  int total_row = G_N_ELEMENTS (table_grades) + 1;

  g_return_if_fail (SHK_IS_GRADE_TABLE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->count_labels);

  corner = cell_label_new (_("Grade"), "heading");
  gtk_label_set_xalign (GTK_LABEL (corner), 0.0);
  gtk_widget_set_valign (corner, GTK_ALIGN_END);
  gtk_widget_add_css_class (corner, "cell");
  gtk_widget_add_css_class (corner, "column-heading");
  gtk_grid_attach (self->grid, corner, 0, 0, 1, 1);

  for (guint g = 0; g < G_N_ELEMENTS (table_grades); g++)
    attach_row_heading (self, table_grades[g], g + 1);
  attach_row_heading (self, SHK_GRADE_NONE, total_row);

  if (summary == NULL)
    return;
  for (guint c = 0; c < summary->n_columns; c++)
    {
      const ShkSummaryColumn *column = &summary->columns[c];

      attach_column_heading (self, column->evaluation, c + 1);
      for (guint g = 0; g < G_N_ELEMENTS (table_grades); g++)
        attach_count_cell (self, column, table_grades[g], c + 1, g + 1);
      attach_count_cell (self, column, SHK_GRADE_NONE, c + 1, total_row);
    }
}

char *
shk_grade_table_dup_count_text (ShkGradeTable *self,
                                const char    *evaluation_id,
                                ShkGrade       grade)
{
  g_autofree char *key = NULL;
  GtkLabel *label;

  g_return_val_if_fail (SHK_IS_GRADE_TABLE (self), NULL);
  g_return_val_if_fail (evaluation_id != NULL, NULL);

  key = count_key (evaluation_id, grade);
  label = g_hash_table_lookup (self->count_labels, key);
  return label != NULL ? g_strdup (gtk_label_get_text (label)) : NULL;
}

static void
shk_grade_table_dispose (GObject *object)
{
  ShkGradeTable *self = SHK_GRADE_TABLE (object);

  if (self->grid != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->grid));
      self->grid = NULL;
    }
  G_OBJECT_CLASS (shk_grade_table_parent_class)->dispose (object);
}

static void
shk_grade_table_finalize (GObject *object)
{
  ShkGradeTable *self = SHK_GRADE_TABLE (object);

  g_clear_pointer (&self->count_labels, g_hash_table_unref);
  G_OBJECT_CLASS (shk_grade_table_parent_class)->finalize (object);
}

static void
shk_grade_table_class_init (ShkGradeTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_grade_table_dispose;
  object_class->finalize = shk_grade_table_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gradetable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
shk_grade_table_init (ShkGradeTable *self)
{
  self->count_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->grid), GTK_WIDGET (self));
}

GtkWidget *
shk_grade_table_new (void)
{
  return g_object_new (SHK_TYPE_GRADE_TABLE, NULL);
}
