/* test-presentation.c — presentation mode on the built-in document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include <string.h>

#include <glib/gstdio.h>

#include "shk-format.h"
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

/* The document as saved to a file, read back. */
static char *
save_to_text (ShkDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shk-presentation-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GFile) file = NULL;
  char *text = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.shinchoku", NULL);
  backup = g_strconcat (path, "~", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (shk_format_save_file (shk_document_get_plan (document), file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
  return text;
}

/* Tries ¥100 an hour and 2,000 hours on the first scenario. */
static ShkScenario *
try_what_if (ShkPresentation *presentation,
             double           rate,
             double           hours)
{
  ShkScenario *scenario = shk_presentation_get_scenario (presentation);
  GtkSpinButton *rate_spin = find_spin (GTK_WIDGET (presentation), "rate_spin");
  GtkSpinButton *hours_spin = find_spin (GTK_WIDGET (presentation), "hours_spin");

  g_assert_nonnull (scenario);
  g_assert_nonnull (rate_spin);
  g_assert_nonnull (hours_spin);
  gtk_spin_button_set_value (rate_spin, rate);
  gtk_spin_button_set_value (hours_spin, hours);
  shk_test_flush_events ();
  return scenario;
}

static void
test_what_if_is_a_trial (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPresentation *presentation = shk_presentation_new (NULL, document,
                                                        SHK_PRESENTATION_START_SCENARIOS);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_autofree char *saved = save_to_text (document);
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *after = NULL;
  ShkTrial *trial;
  ShkScenario *scenario;
  double old_rate;

  gtk_window_present (GTK_WINDOW (presentation));
  shk_test_flush_events ();
  trial = shk_presentation_get_trial (presentation);
  before = shk_presentation_dup_description (presentation);
  old_rate = shk_scenario_get_hourly_rate (shk_presentation_get_scenario (presentation));

  scenario = try_what_if (presentation, 100, 2000);

  /* The slide changes and says it is a trial; the document does not. */
  g_assert_true (shk_trial_is_active (trial));
  during = shk_presentation_dup_description (presentation);
  g_assert_cmpstr (before, !=, during);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (presentation)),
                            shk_scenario_get_name (scenario)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (presentation)), !=,
                   shk_presentation_get_page_title (presentation));
  changes = shk_trial_dup_changes (trial, scenario);
  g_test_message ("%s", changes);
  g_assert_nonnull (strstr (changes, "100"));
  g_assert_nonnull (strstr (changes, "2,000"));
  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, old_rate);
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_false (shk_document_get_modified (document));

  /* Ctrl+Z takes back the last figure; the reset all of them. */
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.undo", NULL);
  shk_test_flush_events ();
  g_assert_true (shk_trial_is_active (trial));
  gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.reset", NULL);
  shk_test_flush_events ();
  g_assert_false (shk_trial_is_active (trial));
  after = shk_presentation_dup_description (presentation);
  g_assert_cmpstr (before, ==, after);

  /* Leaving with a trial and discarding it leaves the very same bytes. */
  try_what_if (presentation, 100, 2000);
  g_assert_true (shk_trial_is_active (trial));
  shk_presentation_leave (presentation, FALSE);
  shk_test_flush_events ();
  {
    g_autofree char *resaved = save_to_text (document);

    g_assert_cmpstr (saved, ==, resaved);
  }
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_false (shk_document_get_modified (document));
}

static void
test_what_if_kept (void)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkPresentation *presentation = shk_presentation_new (NULL, document,
                                                        SHK_PRESENTATION_START_SCENARIOS);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);
  g_autofree char *saved = save_to_text (document);
  g_autofree char *kept = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(ShkScenario) scenario = NULL;
  double hours;

  gtk_window_present (GTK_WINDOW (presentation));
  shk_test_flush_events ();
  scenario = g_object_ref (try_what_if (presentation, 100, 2000));
  /* Hours came from the linked processes: keeping enters them. */
  g_assert_false (shk_scenario_get_hours_saved (scenario, NULL));

  shk_presentation_leave (presentation, TRUE);
  shk_test_flush_events ();

  g_assert_cmpfloat (shk_scenario_get_hourly_rate (scenario), ==, 100);
  g_assert_true (shk_scenario_get_hours_saved (scenario, &hours));
  g_assert_cmpfloat (hours, ==, 2000);
  g_assert_true (shk_document_get_modified (document));
  kept = save_to_text (document);
  g_assert_cmpstr (saved, !=, kept);

  /* One undo step takes all of it back, to the byte. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  undone = save_to_text (document);
  g_assert_cmpstr (saved, ==, undone);
  g_assert_false (shk_document_get_modified (document));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/presentation/pages", test_pages);
  g_test_add_func ("/presentation/what-if-is-a-trial", test_what_if_is_a_trial);
  g_test_add_func ("/presentation/what-if-kept", test_what_if_kept);

  return g_test_run ();
}
