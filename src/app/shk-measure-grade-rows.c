/* shk-measure-grade-rows.c — a measure's grade in one evaluation, in the detail pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-measure-field.h"
#include "shk-measure-grade-rows.h"
#include "shk-rules.h"

/* The grade row's items after "Computed", in order. */
static const ShkGrade grade_choices[] = {
  SHK_GRADE_ACHIEVED,
  SHK_GRADE_MOSTLY,
  SHK_GRADE_LAGGING,
  SHK_GRADE_PENDING,
  SHK_GRADE_NONE,
};

struct _ShkMeasureGradeRows
{
  GObject          parent_instance;

  char            *evaluation_id;
  gboolean         syncing;
  GtkWidget       *grade_row;     /* AdwComboRow */
  GtkWidget       *reason_row;    /* AdwEntryRow */
  ShkMeasureField *reason_field;
};

G_DEFINE_FINAL_TYPE (ShkMeasureGradeRows, shk_measure_grade_rows, G_TYPE_OBJECT)

enum {
  GRADE_CHOSEN,
  REASON_EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static GListModel *
new_grade_items (void)
{
  GtkStringList *items = gtk_string_list_new ((const char * const []) { _("Computed"), NULL });

  for (guint i = 0; i < G_N_ELEMENTS (grade_choices); i++)
    {
      g_autofree char *label = NULL;

      if (grade_choices[i] == SHK_GRADE_NONE)
        label = g_strdup (_("Not evaluated"));
      else
        label = g_strdup_printf ("%s %s", shk_grade_to_symbol (grade_choices[i]),
                                 shk_grade_get_label (grade_choices[i]));
      gtk_string_list_append (items, label);
    }
  return G_LIST_MODEL (items);
}

static void
on_grade_selected (ShkMeasureGradeRows *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->grade_row));

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected == 0)
    g_signal_emit (self, signals[GRADE_CHOSEN], 0, FALSE, (int) SHK_GRADE_NONE);
  else if (selected <= G_N_ELEMENTS (grade_choices))
    g_signal_emit (self, signals[GRADE_CHOSEN], 0, TRUE, (int) grade_choices[selected - 1]);
}

static void
on_reason_commit (ShkMeasureGradeRows *self,
                  const char          *text)
{
  g_signal_emit (self, signals[REASON_EDITED], 0, self->reason_field, text);
}

void
shk_measure_grade_rows_sync (ShkMeasureGradeRows *self,
                             ShkPlan             *plan,
                             ShkMeasure          *measure)
{
  ShkEvaluation *evaluation;
  g_autofree char *subtitle = NULL;
  ShkGradeInfo info;
  guint selected = 0;

  g_return_if_fail (SHK_IS_MEASURE_GRADE_ROWS (self));

  evaluation = shk_plan_find_evaluation (plan, self->evaluation_id);
  if (evaluation == NULL)
    return;

  shk_plan_grade_measure (plan, measure, evaluation, &info);
  if (info.has_rate)
    subtitle = g_strdup_printf (_("Computed from the figures: %s %s (%.1f%%)"),
                                shk_grade_to_symbol (info.computed),
                                shk_grade_get_label (info.computed), info.rate * 100.0);
  else
    subtitle = g_strdup (_("The figures give no rate to compute a grade from"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->grade_row), subtitle);

  if (info.has_manual)
    for (guint i = 0; i < G_N_ELEMENTS (grade_choices); i++)
      if (grade_choices[i] == info.manual)
        selected = i + 1;
  self->syncing = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->grade_row), selected);
  self->syncing = FALSE;

  /* Departing from the figures is what a reason is for. */
  if (info.origin == SHK_GRADE_ORIGIN_OVERRIDDEN)
    gtk_widget_add_css_class (self->grade_row, "warning");
  else
    gtk_widget_remove_css_class (self->grade_row, "warning");

  shk_measure_field_set_text (self->reason_field, info.reason != NULL ? info.reason : "");
  gtk_widget_set_sensitive (self->reason_row, info.has_manual);
}

void
shk_measure_grade_rows_flush (ShkMeasureGradeRows *self)
{
  g_return_if_fail (SHK_IS_MEASURE_GRADE_ROWS (self));

  shk_measure_field_commit (self->reason_field);
}

const char *
shk_measure_grade_rows_get_evaluation_id (ShkMeasureGradeRows *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_GRADE_ROWS (self), NULL);

  return self->evaluation_id;
}

GtkWidget *
shk_measure_grade_rows_get_grade_row (ShkMeasureGradeRows *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_GRADE_ROWS (self), NULL);

  return self->grade_row;
}

GtkWidget *
shk_measure_grade_rows_get_reason_row (ShkMeasureGradeRows *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_GRADE_ROWS (self), NULL);

  return self->reason_row;
}

static void
shk_measure_grade_rows_dispose (GObject *object)
{
  ShkMeasureGradeRows *self = SHK_MEASURE_GRADE_ROWS (object);

  g_clear_object (&self->reason_field);
  g_clear_object (&self->grade_row);
  g_clear_object (&self->reason_row);

  G_OBJECT_CLASS (shk_measure_grade_rows_parent_class)->dispose (object);
}

static void
shk_measure_grade_rows_finalize (GObject *object)
{
  ShkMeasureGradeRows *self = SHK_MEASURE_GRADE_ROWS (object);

  g_free (self->evaluation_id);

  G_OBJECT_CLASS (shk_measure_grade_rows_parent_class)->finalize (object);
}

static void
shk_measure_grade_rows_class_init (ShkMeasureGradeRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = shk_measure_grade_rows_dispose;
  object_class->finalize = shk_measure_grade_rows_finalize;

  signals[GRADE_CHOSEN] =
    g_signal_new ("grade-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_INT);
  signals[REASON_EDITED] =
    g_signal_new ("reason-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, SHK_TYPE_MEASURE_FIELD, G_TYPE_STRING);
}

static void
shk_measure_grade_rows_init (ShkMeasureGradeRows *self)
{
}

ShkMeasureGradeRows *
shk_measure_grade_rows_new (ShkEvaluation *evaluation)
{
  ShkMeasureGradeRows *self;
  const char *heading;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *reason_title = NULL;
  g_autoptr(GListModel) items = new_grade_items ();

  g_return_val_if_fail (SHK_IS_EVALUATION (evaluation), NULL);

  self = g_object_new (SHK_TYPE_MEASURE_GRADE_ROWS, NULL);
  self->evaluation_id = g_strdup (shk_evaluation_get_id (evaluation));
  heading = shk_evaluation_get_label (evaluation);
  title = heading != NULL ? g_strdup_printf ("%s %s", self->evaluation_id, heading)
                          : g_strdup (self->evaluation_id);
  escaped = escape (title);

  self->grade_row = g_object_ref_sink (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->grade_row), escaped);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->grade_row), items);
  g_signal_connect_object (self->grade_row, "notify::selected", G_CALLBACK (on_grade_selected),
                           self, G_CONNECT_SWAPPED);

  self->reason_row = g_object_ref_sink (adw_entry_row_new ());
  reason_title = g_strdup_printf (_("Reason for the %s grade"), self->evaluation_id);
  g_clear_pointer (&escaped, g_free);
  escaped = escape (reason_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), escaped);
  self->reason_field = shk_measure_field_new (self->reason_row);
  g_signal_connect_object (self->reason_field, "commit", G_CALLBACK (on_reason_commit),
                           self, G_CONNECT_SWAPPED);
  return self;
}
