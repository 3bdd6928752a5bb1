/* test-window-layout.c — the window at half a screen, its remembered
 * state, and names for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "shk-application.h"
#include "shk-chart-view.h"
#include "shk-pareto-view.h"
#include "shk-preferences.h"
#include "shk-locale.h"
#include "shk-window-private.h"
#include "shk-test-utils.h"

static ShkApplication *application;
static GPtrArray *warnings;

static const char * const view_names[] = {
  "dashboard", "measures", "processes", "scenarios", "audit", "materials", "round",
};
G_STATIC_ASSERT (G_N_ELEMENTS (view_names) == SHK_WINDOW_N_VIEWS);

/* Every warning and critical is kept, so that a test can say which ones a
 * layout gave instead of aborting on the first. */
static GLogWriterOutput
keep_warnings (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      for (gsize i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].key, "MESSAGE"))
          {
            g_ptr_array_add (warnings, g_strdup (fields[i].value));
            break;
          }
    }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
assert_no_warnings (const char *where)
{
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("%s: %s\n", where, (const char *) g_ptr_array_index (warnings, i));
  g_assert_cmpuint (warnings->len, ==, 0);
}

static ShkWindow *
window_new (int width,
            int height)
{
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  ShkWindow *window = shk_window_new (application, document);

  /* 0 × 0: the size the window restored from the settings. */
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  shk_test_flush_events ();
  return window;
}

/* Prints the widgets that ask for more than @limit pixels across, the
 * deepest first, so that a failure names what keeps the window wide. */
static gboolean
print_wide (GtkWidget *widget,
            int        limit,
            int        depth)
{
  gboolean child_wide = FALSE;
  int minimum;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  if (minimum <= limit)
    return FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      child_wide |= print_wide (child, limit, depth + 1);

  g_printerr ("%*s%s (%s) min width %d\n", depth, "", G_OBJECT_TYPE_NAME (widget),
              gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) ?: "", minimum);
  /* None wide alone: the parts that add up. */
  if (!child_wide)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        int child_minimum;

        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, NULL, NULL, NULL);
        g_printerr ("%*s  · %s (%s) %d\n", depth, "", G_OBJECT_TYPE_NAME (child),
                    gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)) ?: "", child_minimum);
      }
  return TRUE;
}

static void
test_every_view_at_900x600 (void)
{
  ShkWindow *window;

  g_ptr_array_set_size (warnings, 0);
  window = window_new (900, 600);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      int minimum, minimum_height;

      shk_window_show_view (window, view_names[i]);
      shk_window_get_view (window, view_names[i]);
      shk_test_flush_events ();

      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                          &minimum, NULL, NULL, NULL);
      if (minimum > 900)
        print_wide (GTK_WIDGET (window), 900, 0);
      g_assert_cmpint (minimum, <=, 900);
      gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 900,
                          &minimum_height, NULL, NULL, NULL);
      g_assert_cmpint (minimum_height, <=, 600);

      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 900);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 600);
      assert_no_warnings (view_names[i]);
    }

  /* At half a screen the switcher makes way for the title and moves to a
   * bar at the bottom. */
  g_assert_true (adw_view_switcher_title_get_title_visible (window->switcher_title));
  /* …and the measures' detail pane folds away, back when wide again. */
  {
    gboolean details = TRUE;

    g_object_get (shk_window_get_view (window, "measures"), "show-details", &details, NULL);
    g_assert_false (details);
    gtk_window_set_default_size (GTK_WINDOW (window), 1600, 900);
    /* The X server answers the resize in its own time. */
    for (guint i = 0; i < 100 && gtk_widget_get_width (GTK_WIDGET (window)) < 1600; i++)
      {
        g_usleep (10000);
        shk_test_flush_events ();
      }
    shk_test_flush_events ();
    g_assert_false (adw_view_switcher_title_get_title_visible (window->switcher_title));
    g_object_get (shk_window_get_view (window, "measures"), "show-details", &details, NULL);
    g_assert_true (details);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

static void
test_state_restored (void)
{
  GSettings *settings = shk_application_get_settings (application);
  ShkWindow *window;
  int width, height;

  /* The tests run with the memory backend: nothing touches the desktop's. */
  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 1010);
  g_settings_set_int (settings, "window-height", 690);
  g_settings_set_string (settings, "last-view", "processes");

  window = window_new (0, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 690);
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "processes");

  /* Another view and size, then closed as the user closes it… */
  shk_window_show_view (window, "scenarios");
  gtk_window_set_default_size (GTK_WINDOW (window), 940, 620);
  shk_test_flush_events ();
  gtk_window_close (GTK_WINDOW (window));
  shk_test_flush_events ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 940);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 620);
  g_assert_cmpstr (g_settings_get_string (settings, "last-view"), ==, "scenarios");

  /* …and the next window comes back the same. */
  window = window_new (0, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 940);
  g_assert_cmpint (height, ==, 620);
  g_assert_cmpstr (shk_window_get_visible_view (window), ==, "scenarios");
  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "last-view");
}


/* What a screen reader hears as @widget's name, as GTK 4.8 computes it:
 * its label property, or the text of what it is labelled by. The
 * labelled-by targets cannot be read through the public API, so for a
 * button the labels inside it stand for them (a button labels itself by
 * its child), and for a row the labels and named cells in it. NULL when
 * nothing names it. */
static char *
label_text_below (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
  /* A row of a table is read by the named cells in it (the measures
   * table's cells draw their texts and carry their names). */
  else if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      g_autofree char *name = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");

      if (name != NULL)
        g_string_append (text, name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *below = label_text_below (child);

      if (below != NULL)
        g_string_append (text, below);
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static char *
accessible_name (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    {
      /* Checked against a value it cannot have, the check gives the value. */
      char *value = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                        "\x01");
      if (value != NULL && *value != '\0')
        return value;
      g_free (value);
    }
  /* A (selectable) label is read by its text. */
  if (GTK_IS_LABEL (widget))
    return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
  /* Buttons label themselves by their child; screen readers read a row
   * of a list by its text. */
  if (GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_LIST_BOX_ROW (widget) ||
      GTK_IS_FLOW_BOX_CHILD (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkListItemWidget"))
    return label_text_below (widget);
  if (gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return g_strdup ("(labelled by another widget)");
  return NULL;
}

/* The widget a screen reader presents for a focusable part: GtkText in an
 * entry or a spin button, the toggle inside a drop-down or a menu button. */
static GtkWidget *
presented_widget (GtkWidget *widget)
{
  GtkWidget *owner;

  if ((owner = gtk_widget_get_ancestor (widget, GTK_TYPE_DROP_DOWN)) != NULL ||
      (owner = gtk_widget_get_ancestor (widget, GTK_TYPE_MENU_BUTTON)) != NULL ||
      (owner = gtk_widget_get_ancestor (widget, ADW_TYPE_SPLIT_BUTTON)) != NULL)
    return owner;
  if (GTK_IS_TEXT (widget))
    {
      for (owner = gtk_widget_get_parent (widget); owner != NULL; owner = gtk_widget_get_parent (owner))
        if (GTK_IS_EDITABLE (owner))
          return owner;
    }
  return widget;
}

static void
collect_unnamed (GtkWidget *widget,
                 GPtrArray *unnamed)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
    return;

  /* Containers that pass the focus on to what they hold. */
  if (gtk_widget_get_focusable (widget) && gtk_widget_get_can_focus (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget) && !GTK_IS_PANED (widget) && !GTK_IS_LIST_BOX (widget) &&
      !GTK_IS_FLOW_BOX (widget) && !GTK_IS_LIST_VIEW (widget) && !GTK_IS_COLUMN_VIEW (widget) &&
      !g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnListView"))
    {
      GtkWidget *presented = presented_widget (widget);
      g_autofree char *name = accessible_name (presented);

      if (name == NULL || *g_strstrip (name) == '\0' || g_type_from_name (name) != 0)
        {
          g_autofree char *path = NULL;
          GString *where = g_string_new (G_OBJECT_TYPE_NAME (presented));

          for (GtkWidget *up = gtk_widget_get_parent (presented); up != NULL; up = gtk_widget_get_parent (up))
            if (gtk_buildable_get_buildable_id (GTK_BUILDABLE (up)) != NULL || g_str_has_prefix (G_OBJECT_TYPE_NAME (up), "Shk"))
              {
                g_string_append_printf (where, " in %s#%s", G_OBJECT_TYPE_NAME (up),
                                        gtk_buildable_get_buildable_id (GTK_BUILDABLE (up)) ?: "");
                break;
              }
          if (!g_ptr_array_find_with_equal_func (unnamed, where->str, g_str_equal, NULL))
            g_ptr_array_add (unnamed, g_string_free (where, FALSE));
          else
            g_string_free (where, TRUE);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unnamed (child, unnamed);
}

static gboolean
has_text_property (GtkWidget             *widget,
                   GtkAccessibleProperty  property)
{
  g_autofree char *value = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), property))
    return FALSE;
  value = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), property, "\x01");
  return value != NULL && *value != '\0';
}

/* Every chart, shown or not: focusable, named, described. */
static guint
check_charts (GtkWidget *widget)
{
  guint n = 0;

  /* The Pareto view holds a ShkChartView, which takes the focus. */
  if (SHK_IS_CHART_VIEW (widget))
    {
      if (!gtk_widget_get_focusable (widget) ||
          !has_text_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL) ||
          !has_text_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION))
        g_printerr ("chart %s#%s: focusable %d, named %d, described %d\n",
                    G_OBJECT_TYPE_NAME (widget), gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)) ?: "",
                    gtk_widget_get_focusable (widget),
                    has_text_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL),
                    has_text_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      g_assert_true (gtk_widget_get_focusable (widget));
      g_assert_true (has_text_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL));
      g_assert_true (has_text_property (widget, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
      n++;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_charts (child);
  return n;
}

static void
test_every_control_named (void)
{
  ShkWindow *window = window_new (1200, 800);
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    {
      shk_window_show_view (window, view_names[i]);
      shk_window_get_view (window, view_names[i]);
      shk_test_flush_events ();
      collect_unnamed (GTK_WIDGET (window), unnamed);
    }

  for (guint i = 0; i < unnamed->len; i++)
    g_printerr ("no accessible name: %s\n", (const char *) g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
  /* Summary, Pareto, two breakdowns, payback, sensitivity at least. */
  g_assert_cmpuint (check_charts (GTK_WIDGET (window)), >=, 6);

  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

/* A grade has one colour: the tables' symbols take the charts' colours. */
static void
test_grade_colours_match_charts (void)
{
  ShkWindow *window = window_new (900, 600);
  GtkWidget *label = gtk_label_new ("◎");
  ShkChartPalette palette;
  GdkRGBA colour;

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), label);
  gtk_widget_add_css_class (label, "grade-achieved");
  shk_test_flush_events ();
  shk_chart_palette_init (&palette, shk_chart_view_desktop_style ());
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &colour);
  g_assert_cmpfloat_with_epsilon (colour.red, palette.grade[SHK_GRADE_ACHIEVED].r, 0.01);
  g_assert_cmpfloat_with_epsilon (colour.green, palette.grade[SHK_GRADE_ACHIEVED].g, 0.01);
  g_assert_cmpfloat_with_epsilon (colour.blue, palette.grade[SHK_GRADE_ACHIEVED].b, 0.01);

  gtk_widget_remove_css_class (label, "grade-achieved");
  gtk_widget_add_css_class (label, "grade-lagging");
  gtk_style_context_get_color (gtk_widget_get_style_context (label), &colour);
  g_assert_cmpfloat_with_epsilon (colour.red, palette.grade[SHK_GRADE_LAGGING].r, 0.01);
  g_assert_cmpfloat_with_epsilon (colour.green, palette.grade[SHK_GRADE_LAGGING].g, 0.01);

  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The preferences are the settings: a choice is stored at once, and a
 * stored value shows in the window (the Pareto threshold). */
static void
test_preferences (void)
{
  GSettings *settings = shk_application_get_settings (application);
  ShkWindow *window = window_new (900, 600);
  ShkPreferences *preferences = shk_preferences_new (GTK_WINDOW (window), settings);
  GtkWidget *processes = shk_window_get_view (window, "processes");
  GtkSpinButton *threshold;
  g_autofree char *style = NULL;
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);

  gtk_window_present (GTK_WINDOW (preferences));
  shk_test_flush_events ();

  g_settings_set_string (settings, "chart-style", "presentation");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (preferences), "chart_style_row"))), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (preferences), "chart_style_row")), 3);
  style = g_settings_get_string (settings, "chart-style");
  g_assert_cmpstr (style, ==, "high-contrast");

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_by_id (GTK_WIDGET (preferences), "orientation_row")), 1);
  {
    g_autofree char *orientation = g_settings_get_string (settings, "paper-orientation");

    g_assert_cmpstr (orientation, ==, "portrait");
  }

  gtk_adjustment_set_value (gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (find_by_id (GTK_WIDGET (preferences), "autosave_spin"))), 120);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-interval"), ==, 120);

  /* The processes view's threshold is the same setting. */
  g_settings_set_double (settings, "pareto-threshold", 90);
  threshold = GTK_SPIN_BUTTON (find_by_id (processes, "threshold_spin"));
  g_assert_cmpfloat (gtk_spin_button_get_value (threshold), ==, 90);

  collect_unnamed (GTK_WIDGET (preferences), unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_printerr ("no accessible name: %s\n", (const char *) g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);

  gtk_window_destroy (GTK_WINDOW (preferences));
  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
  for (guint i = 0; i < 5; i++)
    g_settings_reset (settings, (const char *[]) { "chart-style", "paper-orientation",
                                                   "autosave-interval", "pareto-threshold",
                                                   "paper-size" }[i]);
}

static GtkWidget *
find_numeric_entry (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE_LABEL (widget) && gtk_widget_has_css_class (widget, "numeric"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_numeric_entry (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A cost typed without separators reads grouped once committed. */
static void
test_committed_cost_grouped (void)
{
  ShkWindow *window = window_new (1200, 800);
  GtkWidget *scenarios = shk_window_get_view (window, "scenarios");
  GtkWidget *grid, *entry;

  shk_window_show_view (window, "scenarios");
  shk_test_flush_events ();
  grid = find_by_id (scenarios, "cost_grid");
  g_assert_nonnull (grid);
  entry = find_numeric_entry (grid);
  g_assert_nonnull (entry);

  /* The cell's editor, as F2 opens and Enter closes it. */
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "9000000");
  shk_test_flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "9000000");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (entry), TRUE);
  shk_test_flush_events ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "9,000,000");

  gtk_window_destroy (GTK_WINDOW (window));
  shk_test_flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Laid out in Japanese, the users' language: its words are wider. */
  {
    g_autofree char *po = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

    g_setenv ("LANGUAGE", "ja", TRUE);
    g_setenv ("SHINCHOKU_LOCALEDIR", po, TRUE);
  }
  shk_locale_init ();
  warnings = g_ptr_array_new_with_free_func (g_free);
  /* Warnings are counted and reported by the test that caused them. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (keep_warnings, NULL, NULL);
  gtk_init ();

  application = shk_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window-layout/900x600", test_every_view_at_900x600);
  g_test_add_func ("/window-layout/state-restored", test_state_restored);
  g_test_add_func ("/window-layout/accessible-names", test_every_control_named);
  g_test_add_func ("/window-layout/grade-colours", test_grade_colours_match_charts);
  g_test_add_func ("/window-layout/preferences", test_preferences);
  g_test_add_func ("/window-layout/committed-cost-grouped", test_committed_cost_grouped);

  status = g_test_run ();
  g_object_unref (application);
  g_ptr_array_unref (warnings);
  return status;
}
