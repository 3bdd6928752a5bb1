/* shk-successor-dialog.c — 「次期計画を作成」: start the next plan
 *
 * One expander row per policy, its switch carrying the policy over, with
 * a check per measure inside; measures without a policy in a row of
 * their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-application.h"
#include "shk-next-plan.h"
#include "shk-plan-successor.h"
#include "shk-successor-dialog.h"
#include "shk-window.h"

struct _ShkSuccessorDialog
{
  AdwWindow             parent_instance;

  ShkPlan              *plan;
  GHashTable           *measure_checks;   /* number → GtkCheckButton */
  GHashTable           *policy_rows;      /* number → AdwExpanderRow */

  /* template children */
  AdwEntryRow          *years_row;
  AdwEntryRow          *title_row;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *measures_group;
};

G_DEFINE_FINAL_TYPE (ShkSuccessorDialog, shk_successor_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
measure_row_new (ShkSuccessorDialog *self,
                 ShkMeasure         *measure)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *title = g_strdup_printf ("No.%u %s", shk_measure_get_number (measure),
                                            shk_measure_get_name (measure));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_hash_table_insert (self->measure_checks, GUINT_TO_POINTER (shk_measure_get_number (measure)),
                       check);
  return row;
}

static GtkWidget *
policy_row_new (ShkSuccessorDialog *self,
                guint               number,
                const char         *name)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *title = number > 0 ? g_strdup_printf ("%u. %s", number, name)
                                      : g_strdup (_("Measures without a policy"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), number > 0);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), TRUE);
  adw_preferences_group_add (self->measures_group, row);
  g_hash_table_insert (self->policy_rows, GUINT_TO_POINTER (number), row);
  return row;
}

static void
fill (ShkSuccessorDialog *self)
{
  GListModel *policies = shk_plan_get_policies (self->plan);
  GListModel *measures = shk_plan_get_measures (self->plan);
  g_autoptr(ShkNextPlan) next_plan = shk_next_plan_new_for_plan (self->plan, NULL);

  /* The period the handouts plan for, when the document has it. */
  if (next_plan != NULL && next_plan->period_first != NULL && next_plan->period_last != NULL)
    {
      g_autofree char *years = g_strdup_printf ("%s-%s", next_plan->period_first,
                                                next_plan->period_last);

      gtk_editable_set_text (GTK_EDITABLE (self->years_row), years);
    }

  for (guint i = 0; i < g_list_model_get_n_items (policies); i++)
    {
      g_autoptr(ShkPolicy) policy = g_list_model_get_item (policies, i);

      policy_row_new (self, shk_policy_get_number (policy), shk_policy_get_name (policy));
    }
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);
      guint policy = shk_measure_get_policy_number (measure);
      GtkWidget *row = g_hash_table_lookup (self->policy_rows, GUINT_TO_POINTER (policy));

      if (row == NULL)
        row = policy_row_new (self, 0, NULL);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), measure_row_new (self, measure));
    }
}

static GArray *
chosen_numbers (GHashTable *table,
                gboolean  (*is_chosen) (gpointer widget))
{
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (is_chosen (value))
      g_array_append_val (numbers, (guint) { GPOINTER_TO_UINT (key) });
  return numbers;
}

static gboolean
check_is_chosen (gpointer widget)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (widget));
}

static gboolean
policy_is_chosen (gpointer widget)
{
  return adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (widget));
}

ShkPlan *
shk_successor_dialog_build (ShkSuccessorDialog  *self,
                            GError             **error)
{
  g_autoptr(GArray) measures = NULL;
  g_autoptr(GArray) policies = NULL;
  ShkSuccessorOptions options = { 0 };

  g_return_val_if_fail (SHK_IS_SUCCESSOR_DIALOG (self), NULL);

  measures = chosen_numbers (self->measure_checks, check_is_chosen);
  policies = chosen_numbers (self->policy_rows, policy_is_chosen);
  if (measures->len == 0 && g_hash_table_size (self->measure_checks) > 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Choose at least one measure to carry over."));
      return NULL;
    }
  options = (ShkSuccessorOptions) {
    .years = gtk_editable_get_text (GTK_EDITABLE (self->years_row)),
    .title = gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
    .measures = measures,
    .policies = policies,
  };
  return shk_plan_successor_new (self->plan, &options, error);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShkSuccessorDialog *self = SHK_SUCCESSOR_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) next = shk_successor_dialog_build (self, &error);
  g_autoptr(ShkDocument) document = NULL;
  GtkApplication *application;
  ShkWindow *window;

  if (next == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  /* Untitled and unsaved: the staff save it where the new plan lives. */
  document = shk_document_new_recovered (next, NULL, NULL);
  application = gtk_window_get_application (gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL
                                            ? gtk_window_get_transient_for (GTK_WINDOW (self))
                                            : GTK_WINDOW (self));
  if (application == NULL)
    application = GTK_APPLICATION (g_application_get_default ());
  if (application == NULL || !SHK_IS_APPLICATION (application))
    {
      gtk_label_set_text (self->error_label, _("The new plan cannot be opened: no application."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  window = shk_window_new (SHK_APPLICATION (application), document);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (self));
}

void
shk_successor_dialog_set_measure_chosen (ShkSuccessorDialog *self,
                                         guint               number,
                                         gboolean            chosen)
{
  GtkWidget *check;

  g_return_if_fail (SHK_IS_SUCCESSOR_DIALOG (self));

  check = g_hash_table_lookup (self->measure_checks, GUINT_TO_POINTER (number));
  if (check != NULL)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
}

void
shk_successor_dialog_set_years (ShkSuccessorDialog *self,
                                const char         *years)
{
  g_return_if_fail (SHK_IS_SUCCESSOR_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->years_row), years);
}

ShkSuccessorDialog *
shk_successor_dialog_new (GtkWindow *parent,
                          ShkPlan   *plan)
{
  ShkSuccessorDialog *self;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  self = g_object_new (SHK_TYPE_SUCCESSOR_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  fill (self);
  return self;
}

void
shk_successor_dialog_present (GtkWindow *parent,
                              ShkPlan   *plan)
{
  gtk_window_present (GTK_WINDOW (shk_successor_dialog_new (parent, plan)));
}

static void
shk_successor_dialog_dispose (GObject *object)
{
  ShkSuccessorDialog *self = SHK_SUCCESSOR_DIALOG (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->measure_checks, g_hash_table_unref);
  g_clear_pointer (&self->policy_rows, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SUCCESSOR_DIALOG);

  G_OBJECT_CLASS (shk_successor_dialog_parent_class)->dispose (object);
}

static void
shk_successor_dialog_class_init (ShkSuccessorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_successor_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-successor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkSuccessorDialog, years_row);
  gtk_widget_class_bind_template_child (widget_class, ShkSuccessorDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ShkSuccessorDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShkSuccessorDialog, measures_group);
  gtk_widget_class_install_action (widget_class, "successor.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shk_successor_dialog_init (ShkSuccessorDialog *self)
{
  self->measure_checks = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->policy_rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}
