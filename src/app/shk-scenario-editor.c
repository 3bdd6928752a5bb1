/* shk-scenario-editor.c — one payback scenario: its chart, form and results
 *
 * The scenario's cost-benefit chart above a form with every parameter of
 * the payback engine, its costs per item and year (ShkScenarioCostGrid)
 * and a table of the results.
 *
 * Every keystroke that makes a valid value is applied to the model at
 * once, through the core's scenario edits, so the chart follows the
 * typing; keystrokes of one field fold into one undo step (see
 * shk-scenario-edit-fold.h). A value the engine would refuse is not
 * applied: the field is marked, the engine's own message says what is
 * wrong, and the chart stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-edit-scenario.h"
#include "shk-number.h"
#include "shk-scenario-cells.h"
#include "shk-scenario-edit-fold.h"
#include "shk-scenario-editor.h"
#include "shk-scroll-guard.h"

struct _ShkScenarioEditor
{
  GtkWidget            parent_instance;

  ShkPlan             *plan;
  ShkScenarioEditFold *fold;            /* holds the undo stack */
  ShkScenario         *scenario;
  gboolean             updating;        /* writing widgets: ignore their signals */
  /* Whose message is shown. Weak: a cost cell of the grid can be
   * recycled, and its editor destroyed, while its message is up. */
  GtkWidget           *error_widget;

  /* The last valid figures of the scenario. */
  ShkPaybackResult    *result;
  GStrv                year_labels;
  char                *result_text;

  /* template children */
  GtkPaned            *edit_paned;
  GtkLabel            *result_label;
  GtkLabel            *result_detail_label;
  ShkPaybackView      *chart;
  GtkRevealer         *message_revealer;
  GtkLabel            *message_label;
  GtkSpinButton       *rate_spin;
  AdwActionRow        *linked_row;
  GtkSwitch           *linked_switch;
  GtkSpinButton       *hours_spin;
  AdwComboRow         *start_row;
  GtkSpinButton       *months_spin;
  AdwEntryRow         *name_row;
  AdwEntryRow         *description_row;
  AdwEntryRow         *first_year_row;
  GtkSpinButton       *years_spin;
  GtkSpinButton       *discount_spin;
  ShkScenarioCostGrid *cost_grid;
  GtkGrid             *results_grid;
  GtkLabel            *payback_label;
  GtkLabel            *net_label;
  GtkLabel            *discounted_label;
};

G_DEFINE_FINAL_TYPE (ShkScenarioEditor, shk_scenario_editor, GTK_TYPE_WIDGET)

/* Which field of the core's scenario edits each widget of the form edits
 * (see shk-edit-scenario.h). */
static const struct {
  const char *field;
  gsize       offset;
} fields[] = {
  { "name", G_STRUCT_OFFSET (ShkScenarioEditor, name_row) },
  { "description", G_STRUCT_OFFSET (ShkScenarioEditor, description_row) },
  { "first-year", G_STRUCT_OFFSET (ShkScenarioEditor, first_year_row) },
  { "hourly-rate", G_STRUCT_OFFSET (ShkScenarioEditor, rate_spin) },
  { "hours-saved", G_STRUCT_OFFSET (ShkScenarioEditor, hours_spin) },
  { "first-year-months", G_STRUCT_OFFSET (ShkScenarioEditor, months_spin) },
  { "discount-rate", G_STRUCT_OFFSET (ShkScenarioEditor, discount_spin) },
  { "n-years", G_STRUCT_OFFSET (ShkScenarioEditor, years_spin) },
};

static GtkWidget *
field_widget_at (ShkScenarioEditor *self,
                 guint              i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);
}

static GtkWidget *
field_widget (ShkScenarioEditor *self,
              const char        *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return field_widget_at (self, i);
  return NULL;
}

static const char *
widget_field (ShkScenarioEditor *self,
              gpointer           widget)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (field_widget_at (self, i) == widget)
      return fields[i].field;
  g_return_val_if_reached (NULL);
}

static ShkUndoStack *
stack_of (ShkScenarioEditor *self)
{
  return shk_scenario_edit_fold_get_stack (self->fold);
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static void
show_error (ShkScenarioEditor *self,
            GtkWidget         *widget,
            const char        *message)
{
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
    }
  g_set_weak_pointer (&self->error_widget, widget);
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
clear_error (ShkScenarioEditor *self,
             GtkWidget         *widget)
{
  if (widget != NULL && gtk_widget_has_css_class (widget, "error"))
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
    }
  if (self->error_widget == widget)
    {
      g_clear_weak_pointer (&self->error_widget);
      /* Hidden, not only folded: no gap above the form. */
      gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->message_revealer), FALSE);
    }
}

static void
report (ShkScenarioEditor *self,
        GtkWidget         *widget,
        gboolean           ok,
        GError            *error)
{
  if (ok)
    clear_error (self, widget);
  else
    show_error (self, widget, error->message);
}

/* The cost grid's cells share the form's message. */
static void
on_cost_show_error (ShkScenarioCostGrid *grid,
                    GtkWidget           *entry,
                    const char          *message,
                    ShkScenarioEditor   *self)
{
  show_error (self, entry, message);
}

static void
on_cost_clear_error (ShkScenarioCostGrid *grid,
                     GtkWidget           *entry,
                     ShkScenarioEditor   *self)
{
  clear_error (self, entry);
}

/* ------------------------------------------------------------------ */
/* Committing what was typed                                            */

/* The key under which edits of @field of the scenario fold together. */
static char *
field_key (ShkScenarioEditor *self,
           const char        *field)
{
  return g_strdup_printf ("%p:%s", (gpointer) self->scenario, field);
}

/* The core reads, checks and applies; the form only folds keystrokes.
 * Checking first keeps a refused keystroke from undoing the last good
 * one while folding, and an unchanged value from folding at all. */
static gboolean
commit_number (ShkScenarioEditor  *self,
               const char         *field,
               double              value,
               GError            **error)
{
  g_autofree char *key = NULL;
  gboolean changes, ok;
  guint pushes;

  if (!shk_edit_scenario_check_number (self->plan, self->scenario, field, value, &changes, error))
    return FALSE;
  if (!changes)
    return TRUE;
  key = field_key (self, field);
  pushes = shk_scenario_edit_fold_begin (self->fold, key);
  ok = shk_edit_scenario_number (stack_of (self), self->plan, self->scenario, field, value, error);
  shk_scenario_edit_fold_end (self->fold, key, pushes);
  return ok;
}

static gboolean
commit_field (ShkScenarioEditor  *self,
              const char         *field,
              const char         *text,
              GError            **error)
{
  g_autofree char *key = NULL;
  gboolean changes, ok;
  guint pushes;

  if (self->scenario == NULL || stack_of (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no scenario to edit"));
      return FALSE;
    }

  if (!shk_edit_scenario_check_field (self->plan, self->scenario, field, text, &changes, error))
    return FALSE;
  if (!changes)
    return TRUE;
  key = field_key (self, field);
  pushes = shk_scenario_edit_fold_begin (self->fold, key);
  ok = shk_edit_scenario_field (stack_of (self), self->plan, self->scenario, field, text, error);
  shk_scenario_edit_fold_end (self->fold, key, pushes);
  return ok;
}

/* The one way in for typing, the form's signals and the API alike: the
 * field is marked and the message shown, or both cleared. */
gboolean
shk_scenario_editor_commit_field (ShkScenarioEditor  *self,
                                  const char         *field,
                                  const char         *text,
                                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (SHK_IS_SCENARIO_EDITOR (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = commit_field (self, field, text, &local_error);
  report (self, field_widget (self, field), ok, local_error);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
shk_scenario_editor_commit_cost (ShkScenarioEditor  *self,
                                 guint               item,
                                 guint               first_year,
                                 guint               last_year,
                                 const char         *text,
                                 GError            **error)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_EDITOR (self), FALSE);

  return shk_scenario_cost_grid_commit (self->cost_grid, item, first_year, last_year, text, error);
}

/* ------------------------------------------------------------------ */
/* The form's signals                                                   */

static void
on_field_text_changed (GtkEditable       *editable,
                       ShkScenarioEditor *self)
{
  if (self->updating || self->scenario == NULL)
    return;

  shk_scenario_editor_commit_field (self, widget_field (self, editable),
                                    gtk_editable_get_text (editable), NULL);
}

static void
on_spin_value_changed (GtkSpinButton     *spin,
                       ShkScenarioEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->updating || self->scenario == NULL)
    return;

  ok = commit_number (self, widget_field (self, spin), gtk_spin_button_get_value (spin), &error);
  report (self, GTK_WIDGET (spin), ok, error);
}

/* The spin buttons read what staff type ("2,566", "８", "2.5%"), not only
 * what strtod() understands. */
static int
on_spin_input (GtkSpinButton     *spin,
               double            *new_value,
               ShkScenarioEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (!shk_edit_scenario_parse_number (widget_field (self, spin), text, new_value))
    return GTK_INPUT_ERROR;
  return TRUE;
}

static gboolean
on_spin_output (GtkSpinButton     *spin,
                ShkScenarioEditor *self)
{
  g_autofree char *text = shk_format_number (gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_linked_toggled (ShkScenarioEditor *self)
{
  g_autofree char *key = NULL;
  double hours;
  guint pushes;

  if (self->updating || self->scenario == NULL)
    return;

  /* Switching to typed hours starts from what the processes give, so the
   * chart does not jump. */
  hours = shk_plan_get_scenario_hours_saved (self->plan, self->scenario);
  key = field_key (self, "hours-saved");
  pushes = shk_scenario_edit_fold_begin (self->fold, key);
  shk_edit_scenario_hours_saved (stack_of (self), self->scenario,
                                 !gtk_switch_get_active (self->linked_switch), hours);
  shk_scenario_edit_fold_end (self->fold, key, pushes);
}

static void
on_start_selected (ShkScenarioEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->start_row);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  if (self->updating || self->scenario == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected >= shk_scenario_get_n_years (self->scenario))
    return;

  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, selected);
  label = g_strdup_printf (_("Change first year of savings of “%s”"),
                           shk_scenario_get_name (self->scenario));
  shk_scenario_edit_fold_set_property (self->fold, G_OBJECT (self->scenario), "savings-start",
                                       &value, label);
}

/* ------------------------------------------------------------------ */
/* Showing the model in the form                                        */

static void
write_spin (ShkScenarioEditor *self,
            GtkSpinButton     *spin,
            double             value)
{
  double typed;
  gboolean matches = shk_edit_scenario_parse_number (widget_field (self, spin),
                                                     gtk_editable_get_text (GTK_EDITABLE (spin)),
                                                     &typed) &&
                     fabs (typed - value) < 1e-9;

  if (!shk_scenario_cells_may_write (GTK_WIDGET (spin), matches))
    return;
  gtk_spin_button_set_value (spin, value);
  gtk_widget_remove_css_class (GTK_WIDGET (spin), "error");
}

static void
update_year_model (ShkScenarioEditor *self)
{
  GListModel *model = adw_combo_row_get_model (self->start_row);
  guint n = shk_scenario_get_n_years (self->scenario);
  gboolean same = model != NULL && g_list_model_get_n_items (model) == n;

  for (guint i = 0; same && i < n; i++)
    same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                      self->year_labels[i]) == 0;
  if (!same)
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char * const *) self->year_labels);

      adw_combo_row_set_model (self->start_row, G_LIST_MODEL (labels));
    }
  adw_combo_row_set_selected (self->start_row, shk_scenario_get_savings_start (self->scenario));
}

/* The linked processes with their expected reductions, “A (2,186 h), B
 * (no estimate)”; their sum in @sum. */
static char *
linked_processes (ShkScenarioEditor *self,
                  double            *sum)
{
  const char * const *ids = shk_scenario_get_process_ids (self->scenario);
  ShkSurvey *survey = shk_plan_get_survey (self->plan);
  GString *names = g_string_new (NULL);

  *sum = 0;
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      ShkProcess *process = shk_survey_find_process (survey, ids[i]);
      double reduction;

      if (names->len > 0)
        g_string_append (names, _(", "));
      if (process == NULL)
        /* TRANSLATORS: a linked process that is not in the survey any more */
        g_string_append_printf (names, _("%s (missing)"), ids[i]);
      else if (shk_process_get_expected_reduction (process, &reduction))
        {
          g_autofree char *h = shk_format_number (reduction);

          /* TRANSLATORS: a process and its expected reduction, “処理対象のエラーの更新 (2,186 h)” */
          g_string_append_printf (names, _("%s (%s h)"), shk_process_get_name (process), h);
          *sum += reduction;
        }
      else
        g_string_append_printf (names, _("%s (no estimate)"), shk_process_get_name (process));
    }
  return g_string_free (names, FALSE);
}

static void
update_linked (ShkScenarioEditor *self)
{
  double hours = 0, linked_sum;
  gboolean typed = shk_scenario_get_hours_saved (self->scenario, &hours);
  g_autofree char *list = linked_processes (self, &linked_sum);
  g_autofree char *subtitle = NULL;

  if (*list == '\0')
    subtitle = g_strdup (_("No processes are linked to this scenario"));
  else
    {
      g_autofree char *sum = shk_format_number (linked_sum);

      /* TRANSLATORS: “2,186 hours a year: 処理対象のエラーの更新 (2,186 h)” */
      subtitle = g_strdup_printf (_("%s hours a year: %s"), sum, list);
    }
  adw_action_row_set_subtitle (self->linked_row, subtitle);

  gtk_switch_set_active (self->linked_switch, !typed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->hours_spin), typed);
  write_spin (self, self->hours_spin, typed ? hours : linked_sum);
}

static void
update_form (ShkScenarioEditor *self)
{
  const char * const *years = shk_scenario_get_years (self->scenario);
  const char *name = shk_scenario_get_name (self->scenario);
  const char *description = shk_scenario_get_description (self->scenario);
  g_autofree char *typed_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *typed_first = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->first_year_row))));

  shk_scenario_cells_set_text (GTK_WIDGET (self->name_row), name, g_strcmp0 (typed_name, name) == 0);
  shk_scenario_cells_set_text (GTK_WIDGET (self->description_row), description != NULL ? description : "",
                               g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                          description != NULL ? description : "") == 0);
  shk_scenario_cells_set_text (GTK_WIDGET (self->first_year_row), years[0] != NULL ? years[0] : "",
                               g_strcmp0 (typed_first, years[0]) == 0);

  write_spin (self, self->rate_spin, shk_scenario_get_hourly_rate (self->scenario));
  write_spin (self, self->months_spin, shk_scenario_get_first_year_months (self->scenario));
  write_spin (self, self->years_spin, shk_scenario_get_n_years (self->scenario));
  write_spin (self, self->discount_spin, shk_scenario_get_discount_rate (self->scenario) * 100.0);
  update_linked (self);
  update_year_model (self);
  shk_scenario_cost_grid_update (self->cost_grid, self->plan, self->scenario);
}

/* ------------------------------------------------------------------ */
/* Results                                                              */

static char *
format_yen (double yen)
{
  g_autofree char *number = shk_format_number (yen);

  /* TRANSLATORS: an amount of money, e.g. “14,231,800 yen” (14,231,800円) */
  return g_strdup_printf (_("%s yen"), number);
}

static void
add_result_row (ShkScenarioEditor *self,
                guint              row,
                const char        *title,
                const gint64      *values,
                const double      *doubles,
                guint              n,
                guint              payback_year)
{
  gtk_grid_attach (self->results_grid, shk_scenario_cells_label (title, FALSE, TRUE), 0, row, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      double value = values != NULL ? (double) values[i] : round (doubles[i]);
      g_autofree char *text = shk_format_number (value);
      GtkWidget *label = shk_scenario_cells_label (text, TRUE, FALSE);

      if (i + 1 == payback_year)
        gtk_widget_add_css_class (label, "accent");
      gtk_grid_attach (self->results_grid, label, i + 1, row, 1, 1);
    }
}

static void
update_results_table (ShkScenarioEditor *self)
{
  const ShkPaybackResult *r = self->result;
  guint row = 1;

  gtk_grid_attach (self->results_grid, shk_scenario_cells_label (_("(yen)"), FALSE, TRUE), 0, 0, 1, 1);
  for (guint i = 0; i < r->n_years; i++)
    {
      GtkWidget *label = shk_scenario_cells_label (self->year_labels[i], TRUE, TRUE);

      if (i + 1 == r->payback_year)
        {
          gtk_widget_remove_css_class (label, "dim-label");
          gtk_widget_add_css_class (label, "accent");
          gtk_widget_add_css_class (label, "heading");
        }
      gtk_grid_attach (self->results_grid, label, i + 1, 0, 1, 1);
    }
  add_result_row (self, row++, _("Cost"), r->cost, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Savings"), r->saving, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Cumulative cost"), r->cumulative_cost, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Cumulative savings"), r->cumulative_saving, NULL, r->n_years, r->payback_year);
  add_result_row (self, row++, _("Net"), r->net, NULL, r->n_years, r->payback_year);
  if (shk_scenario_get_discount_rate (self->scenario) > 0)
    {
      add_result_row (self, row++, _("Discounted cumulative cost"), NULL,
                      r->discounted_cumulative_cost, r->n_years, r->discounted_payback_year);
      add_result_row (self, row++, _("Discounted cumulative savings"), NULL,
                      r->discounted_cumulative_saving, r->n_years, r->discounted_payback_year);
    }
}

/* The headline above the chart, and the sentences under the table. */
static void
update_results_text (ShkScenarioEditor *self)
{
  const ShkPaybackResult *r = self->result;
  gboolean discounted = shk_scenario_get_discount_rate (self->scenario) > 0;
  g_autofree char *detail = NULL;
  g_autofree char *net = format_yen ((double) r->net_at_horizon);
  const char *last_label = self->year_labels[r->n_years - 1];

  g_free (self->result_text);
  self->result_text = shk_scenario_cells_dup_headline (r);
  gtk_label_set_text (self->result_label, self->result_text);

  if (r->payback_year > 0)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: “Month 11 of 4年目(R5); net by 8年目(R9): 12,163,373 yen” */
      detail = g_strdup_printf (_("Month %u of %s; net by %s: %s"),
                                r->payback_month, self->year_labels[r->payback_year - 1],
                                last_label, net);
      /* TRANSLATORS: “Recovered in year 4 (month 11), 4年目(R5).” */
      text = g_strdup_printf (_("Payback: year %u (month %u), %s."), r->payback_year,
                              r->payback_month, self->year_labels[r->payback_year - 1]);
      gtk_label_set_text (self->payback_label, text);
    }
  else
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: “Net by 8年目(R9): -4,000,000 yen” */
      detail = g_strdup_printf (_("Net by %s: %s"), last_label, net);
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Payback: none within %u year.",
                                           "Payback: none within %u years.", r->n_years),
                              r->n_years);
      gtk_label_set_text (self->payback_label, text);
    }
  gtk_label_set_text (self->result_detail_label, detail);

  {
    g_autofree char *text = g_strdup_printf (_("Net at the end of the period (%s): %s."), last_label, net);
    gtk_label_set_text (self->net_label, text);
  }
  {
    g_autofree char *percent = shk_format_number (shk_scenario_get_discount_rate (self->scenario) * 100.0);
    g_autofree char *text = NULL;

    if (!discounted)
      text = g_strdup (_("Discounted payback: the same, as the discount rate is 0%."));
    else if (r->discounted_payback_year > 0)
      text = g_strdup_printf (_("Discounted at %s%% a year: payback in year %u, %s."), percent,
                              r->discounted_payback_year,
                              self->year_labels[r->discounted_payback_year - 1]);
    else
      text = g_strdup_printf (_("Discounted at %s%% a year: no payback within the period."), percent);
    gtk_label_set_text (self->discounted_label, text);
  }
}

static void
update_year_labels (ShkScenarioEditor *self)
{
  guint n = shk_scenario_get_n_years (self->scenario);

  g_strfreev (self->year_labels);
  self->year_labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->year_labels[i] = shk_scenario_dup_year_label (self->scenario, i);
}

/* Recomputes the scenario. One the engine refuses (possible only through
 * a file) keeps the last valid chart and says why. */
void
shk_scenario_editor_update (ShkScenarioEditor *self)
{
  g_autoptr(GError) error = NULL;
  ShkPaybackResult *result;

  g_return_if_fail (SHK_IS_SCENARIO_EDITOR (self));

  if (self->scenario == NULL)
    return;

  update_year_labels (self);
  result = shk_scenario_compute_payback (self->plan, self->scenario, &error);
  if (result == NULL && g_error_matches (error, SHK_PAYBACK_ERROR, SHK_PAYBACK_ERROR_NO_COSTS))
    {
      /* Nothing to keep from before: a scenario without costs has no
       * payback at all, and the form asks for them. */
      g_autofree char *message =
        g_strdup_printf (_("%s: %s. Enter the costs of each year in the table of costs."),
                         shk_scenario_get_name (self->scenario), error->message);

      g_clear_pointer (&self->result, shk_payback_result_free);
      shk_payback_view_set_series (self->chart, shk_payback_series_set_new ());
      g_free (self->result_text);
      self->result_text = g_strdup (error->message);
      gtk_label_set_text (self->result_label, self->result_text);
      gtk_label_set_text (self->result_detail_label, "");
      gtk_label_set_text (self->payback_label, "");
      gtk_label_set_text (self->net_label, "");
      gtk_label_set_text (self->discounted_label, "");
      show_error (self, NULL, message);
    }
  else if (result == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", shk_scenario_get_name (self->scenario),
                                                  error->message);
      show_error (self, NULL, message);
    }
  else
    {
      ShkPaybackSeriesSet *series = shk_payback_series_set_new ();

      if (self->error_widget == NULL)
        clear_error (self, NULL);
      g_clear_pointer (&self->result, shk_payback_result_free);
      self->result = result;
      shk_payback_series_set_add (series, self->plan, self->scenario, NULL);
      shk_payback_view_set_series (self->chart, series);
      shk_payback_view_set_export_name (self->chart, shk_scenario_get_name (self->scenario));
      shk_payback_view_set_export_title (self->chart, shk_scenario_get_name (self->scenario));
    }

  self->updating = TRUE;
  update_form (self);
  self->updating = FALSE;
  /* A refused field the model has since overwritten (an undo) is no
   * longer wrong. */
  if (self->error_widget != NULL && !gtk_widget_has_css_class (self->error_widget, "error"))
    clear_error (self, self->error_widget);

  shk_scenario_cells_clear (self->results_grid);
  if (self->result != NULL)
    {
      update_results_table (self);
      update_results_text (self);
    }
}

/* ------------------------------------------------------------------ */
/* Choosing what is edited                                              */

void
shk_scenario_editor_set_scenario (ShkScenarioEditor *self,
                                  ShkScenario       *scenario)
{
  g_return_if_fail (SHK_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (scenario == NULL || SHK_IS_SCENARIO (scenario));

  if (self->scenario == scenario)
    return;

  g_set_object (&self->scenario, scenario);
  shk_scenario_edit_fold_reset (self->fold);
  clear_error (self, self->error_widget);
  g_clear_pointer (&self->result, shk_payback_result_free);
  g_clear_pointer (&self->result_text, g_free);
  /* Nothing of the previous scenario may stay on show, should this one
   * be one the engine refuses. */
  shk_payback_view_set_series (self->chart, NULL);
  shk_payback_view_set_highlight_year (self->chart, -1);
  gtk_label_set_text (self->result_label, "");
  gtk_label_set_text (self->result_detail_label, "");
}

void
shk_scenario_editor_set_document (ShkScenarioEditor *self,
                                  ShkDocument       *document)
{
  ShkPlan *plan = document != NULL ? shk_document_get_plan (document) : NULL;

  g_return_if_fail (SHK_IS_SCENARIO_EDITOR (self));
  g_return_if_fail (document == NULL || SHK_IS_DOCUMENT (document));

  shk_scenario_editor_set_scenario (self, NULL);
  g_set_object (&self->plan, plan);
  shk_scenario_edit_fold_set_stack (self->fold,
                                    document != NULL ? shk_document_get_undo_stack (document) : NULL);
  shk_scenario_cost_grid_update (self->cost_grid, self->plan, NULL);
}

void
shk_scenario_editor_focus_name (ShkScenarioEditor *self)
{
  g_return_if_fail (SHK_IS_SCENARIO_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

const ShkPaybackResult *
shk_scenario_editor_get_result (ShkScenarioEditor *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_EDITOR (self), NULL);

  return self->result;
}

const char *
shk_scenario_editor_get_result_text (ShkScenarioEditor *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_EDITOR (self), NULL);

  return self->result_text;
}

ShkPaybackView *
shk_scenario_editor_get_chart (ShkScenarioEditor *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_EDITOR (self), NULL);

  return self->chart;
}

ShkScenarioCostGrid *
shk_scenario_editor_get_cost_grid (ShkScenarioEditor *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_EDITOR (self), NULL);

  return self->cost_grid;
}

/* ------------------------------------------------------------------ */
/* GObject                                                              */

static void
shk_scenario_editor_dispose (GObject *object)
{
  ShkScenarioEditor *self = SHK_SCENARIO_EDITOR (object);

  g_clear_weak_pointer (&self->error_widget);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIO_EDITOR);
  if (self->fold != NULL)
    shk_scenario_edit_fold_set_stack (self->fold, NULL);
  g_clear_object (&self->fold);
  g_clear_object (&self->scenario);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (shk_scenario_editor_parent_class)->dispose (object);
}

static void
shk_scenario_editor_finalize (GObject *object)
{
  ShkScenarioEditor *self = SHK_SCENARIO_EDITOR (object);

  g_clear_pointer (&self->result, shk_payback_result_free);
  g_clear_pointer (&self->year_labels, g_strfreev);
  g_clear_pointer (&self->result_text, g_free);

  G_OBJECT_CLASS (shk_scenario_editor_parent_class)->finalize (object);
}

static void
shk_scenario_editor_class_init (ShkScenarioEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_scenario_editor_dispose;
  object_class->finalize = shk_scenario_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-scenario-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, edit_paned);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, result_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, result_detail_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, chart);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, message_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, linked_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, linked_switch);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, hours_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, months_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, first_year_row);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, years_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, cost_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, results_grid);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, payback_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, net_label);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioEditor, discounted_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_input);
  gtk_widget_class_bind_template_callback (widget_class, on_spin_output);
  gtk_widget_class_bind_template_callback (widget_class, on_linked_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_start_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cost_show_error);
  gtk_widget_class_bind_template_callback (widget_class, on_cost_clear_error);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "scenarioeditor");

  g_type_ensure (SHK_TYPE_PAYBACK_VIEW);
  g_type_ensure (SHK_TYPE_SCENARIO_COST_GRID);
}

static void
shk_scenario_editor_init (ShkScenarioEditor *self)
{
  /* Before the template: its signals may come while it is built. */
  self->fold = shk_scenario_edit_fold_new ();
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->updating = FALSE;
  shk_scroll_guard_spin_buttons (GTK_WIDGET (self));
  shk_scenario_cost_grid_set_fold (self->cost_grid, self->fold);
}
