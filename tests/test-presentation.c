/* test-presentation.c — presentation mode on the built-in document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "shk-presentation.h"
#include "shk-test-utils.h"

static GtkSpinButton *
find_spin (GtkWidget  *widget,
           const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found;

      if (GTK_IS_SPIN_BUTTON (child) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), name) == 0)
        return GTK_SPIN_BUTTON (child);
      found = find_spin (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_pages (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPresentation *presentation = shk_presentation_new (NULL, document,
                                                        SHK_PRESENTATION_START_SUMMARY);
  GListModel *scenarios = shk_plan_get_scenarios (shk_document_get_plan (document));
  guint n_scenarios = g_list_model_get_n_items (scenarios);

  gtk_window_present (GTK_WINDOW (presentation));
  shk_test_flush_events ();

  /* Summary, Pareto, one page per scenario, and the comparison. */
  g_assert_cmpuint (n_scenarios, ==, 3);
  g_assert_cmpuint (shk_presentation_get_n_pages (presentation), ==, 2 + n_scenarios + 1);
  g_assert_cmpuint (shk_presentation_get_page (presentation), ==, 0);
  g_assert_null (shk_presentation_get_scenario (presentation));

  /* Moving on past the last page stays there; back before the first too. */
  for (guint i = 0; i < 10; i++)
    gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.next", NULL);
  g_assert_cmpuint (shk_presentation_get_page (presentation), ==, 2 + n_scenarios);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.first", NULL);
  g_assert_cmpuint (shk_presentation_get_page (presentation), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.previous", NULL);
  g_assert_cmpuint (shk_presentation_get_page (presentation), ==, 0);

  gtk_window_destroy (GTK_WINDOW (presentation));
  shk_test_flush_events ();
}

static void
test_what_if_is_undoable (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPresentation *presentation = shk_presentation_new (NULL, document,
                                                        SHK_PRESENTATION_START_SCENARIOS);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ShkScenario *scenario;
  GtkSpinButton *rate;
  double old_rate;

  gtk_window_present (GTK_WINDOW (presentation));
  shk_test_flush_events ();

  scenario = shk_presentation_get_scenario (presentation);
  g_assert_nonnull (scenario);
  before = shk_presentation_dup_description (presentation);
  g_test_message ("%s", before);
  g_assert_nonnull (strstr (before, "4"));

  /* Setting the hourly rate from the what-if bar edits the scenario. */
  rate = find_spin (GTK_WIDGET (presentation), "rate_spin");
  g_assert_nonnull (rate);
  old_rate = shk_scenario_get_hourly_rate (scenario);
  g_assert_cmpfloat (gtk_spin_button_get_value (rate), ==, old_rate);
  g_assert_false (shk_undo_stack_can_undo (stack));

  gtk_spin_button_set_value (rate, 100);
  shk_test_flush_events ();
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 100);
  g_assert_true (shk_undo_stack_can_undo (stack));
  after = shk_presentation_dup_description (presentation);
  g_assert_cmpstr (before, !=, after);

  /* Ctrl+Z in the presentation undoes it, and the bar follows. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.undo", NULL);
  shk_test_flush_events ();
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, old_rate);
  g_assert_cmpfloat (gtk_spin_button_get_value (rate), ==, old_rate);
  g_assert_false (shk_undo_stack_can_undo (stack));

  gtk_window_destroy (GTK_WINDOW (presentation));
  shk_test_flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/presentation/pages", test_pages);
  g_test_add_func ("/presentation/what-if-undoable", test_what_if_is_undoable);

  return g_test_run ();
}
