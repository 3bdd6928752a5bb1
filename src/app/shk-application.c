/* shk-application.c — the Shinchoku application
 *
 * Opens a window on the built-in Kagoshima document, or on the files given
 * on the command line, and at the first start after a crash offers the
 * recovery copies the windows left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-application.h"
#include "shk-chart-view.h"
#include "shk-preferences.h"
#include "shk-recovery.h"
#include "shk-window.h"

struct _ShkApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GtkCssProvider *grade_css;
  gboolean        recovery_offered;
  GPtrArray      *recovery_items;   /* offered, not yet answered */
  GThread        *builtin_reader;   /* returns the first window's document */
};

G_DEFINE_FINAL_TYPE (ShkApplication, shk_application, ADW_TYPE_APPLICATION)

/* GDK_DEBUG as it was before shk_application_prepare_environment(). */
static char *gdk_debug_before;
/* GTK_THEME was set by it, for GTK's settings to be made with. */
static gboolean theme_for_settings;

/* The cairo renderer draws without OpenGL, yet GDK's X11 backend sets
 * OpenGL up as it opens the display, to choose the windows' visual: it
 * loads and starts Mesa's driver, a seventh of a cold start's
 * instructions (issue #17). When the environment chose the cairo
 * renderer, GDK is told to leave OpenGL out; GDK reads GDK_DEBUG once,
 * as GTK starts, and restore_environment() puts it back after that, so
 * that nothing this process starts inherits the change. */
void
shk_application_prepare_environment (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *value = NULL;

  /* See on_display_opened(). */
  if (g_getenv ("GTK_THEME") == NULL)
    {
      g_setenv ("GTK_THEME", "Adwaita-empty", TRUE);
      theme_for_settings = TRUE;
    }

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0 || gdk_debug_before != NULL)
    return;
  gdk_debug_before = g_strdup (debug != NULL ? debug : "");
  value = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                          : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", value, TRUE);
}

/* GTK makes a display's settings, and has them load the theme they name
 * (GTK's own, 80 M instructions of CSS, a tenth of a cold start), just
 * before libadwaita replaces it by the empty theme it ships with its
 * own stylesheet. The settings are made here, as the display opens,
 * while GTK_THEME names that empty theme; GTK_THEME goes before
 * libadwaita looks at it (set, it would leave its stylesheet out). The
 * variable was not set before shk_application_prepare_environment():
 * removed, it is as it was. The built-in document's reader thread may be
 * running then; it reads the plan from the resources, and glibc's
 * unsetenv() leaves the strings a concurrent getenv() returned valid
 * (it only moves the environment's pointers). check_theme() covers a libadwaita that
 * keeps the desktop's theme (with Granite). */
static void
on_display_opened (GdkDisplayManager *manager,
                   GdkDisplay        *display)
{
  g_signal_handlers_disconnect_by_func (manager, on_display_opened, NULL);
  if (!theme_for_settings)
    return;
  gtk_settings_get_for_display (display);
  g_unsetenv ("GTK_THEME");
}

/* After libadwaita's start: it chose the empty theme, or the settings
 * load the one they name after all. */
static void
check_theme (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  g_autofree char *name = NULL;

  if (!theme_for_settings || settings == NULL)
    return;
  theme_for_settings = FALSE;
  g_object_get (settings, "gtk-theme-name", &name, NULL);
  if (g_strcmp0 (name, "Adwaita-empty") != 0)
    g_object_notify (G_OBJECT (settings), "gtk-theme-name");
}

/* Other threads run by now: the variable is given its old value (empty
 * if it had none), never removed, as glibc replaces the value of a
 * variable it has in place. An empty GDK_DEBUG asks for nothing. */
static void
restore_environment (void)
{
  if (gdk_debug_before == NULL)
    return;
  g_setenv ("GDK_DEBUG", gdk_debug_before, TRUE);
  g_clear_pointer (&gdk_debug_before, g_free);
}

/* The built-in document is read on a thread of its own while GTK starts
 * (issue #17: ~3 % of a cold start, off the window's path when a core is
 * free); the first window that shows it takes it from there. The document
 * and its plan are complete before the thread ends, and nothing else
 * holds them, as with a plan read off the window's thread. */
static gpointer
read_builtin (gpointer data)
{
  return shk_document_new_builtin ();
}

static ShkDocument *
new_builtin (ShkApplication *self)
{
  if (self->builtin_reader != NULL)
    return g_thread_join (g_steal_pointer (&self->builtin_reader));
  return shk_document_new_builtin ();
}

static ShkWindow *
new_window (ShkApplication *self,
            ShkDocument    *document)
{
  g_autoptr(ShkDocument) fallback = NULL;
  ShkWindow *window;

  if (document == NULL)
    document = fallback = new_builtin (self);
  window = shk_window_new (self, document);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* A window still showing the untouched document it opened with can take
 * another document instead of opening one more window. */
static ShkWindow *
find_pristine_window (ShkApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  ShkDocument *document;

  /* Without a window manager nothing is ever focused. */
  if (active == NULL && windows != NULL)
    active = windows->data;

  /* A window reading a plan has been given one already. */
  if (!SHK_IS_WINDOW (active) || shk_window_is_loading (SHK_WINDOW (active)))
    return NULL;
  document = shk_window_get_document (SHK_WINDOW (active));
  if (shk_document_get_file (document) != NULL ||
      shk_document_get_modified (document) ||
      shk_undo_stack_can_undo (shk_document_get_undo_stack (document)) ||
      shk_undo_stack_can_redo (shk_document_get_undo_stack (document)))
    return NULL;
  return SHK_WINDOW (active);
}

/* ------------------------------------------------------------------ */
/* Recovery                                                           */
/* ------------------------------------------------------------------ */

static void
restore_items (ShkApplication *self,
               ShkWindow      *window)
{
  for (guint i = 0; i < self->recovery_items->len; i++)
    {
      ShkRecoveryItem *item = g_ptr_array_index (self->recovery_items, i);
      g_autoptr(ShkDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      ShkWindow *target;

      document = shk_recovery_restore (item, &error);
      if (document == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The recovery copy could not be read, so it was kept in “%s”.\n%s"),
                             g_file_peek_path (item->copy), error->message);
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window),
                                                      _("Could Not Recover a Plan"), message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
          continue;
        }

      target = find_pristine_window (self);
      if (target != NULL)
        shk_window_set_document (target, document);
      else
        target = new_window (self, document);

      /* The window's own copy replaces the old one before that goes, so a
       * second crash right now still loses nothing. */
      if (shk_window_write_recovery (target, NULL))
        shk_recovery_remove (item->id);
    }
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ShkApplication   *self)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_str_equal (response, "recover") && SHK_IS_WINDOW (window))
    restore_items (self, SHK_WINDOW (window));
  else if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < self->recovery_items->len; i++)
        shk_recovery_remove (((ShkRecoveryItem *) g_ptr_array_index (self->recovery_items, i))->id);
    }
  /* Closing the dialog otherwise keeps the copies for the next start. */
  g_clear_pointer (&self->recovery_items, g_ptr_array_unref);
}

static void
offer_recovery (ShkApplication *self,
                ShkWindow      *window)
{
  g_autoptr(GString) body = g_string_new (NULL);
  AdwMessageDialog *dialog;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  self->recovery_items = shk_recovery_list ();
  if (self->recovery_items->len == 0)
    {
      g_clear_pointer (&self->recovery_items, g_ptr_array_unref);
      return;
    }

  g_string_append_printf (body,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Shinchoku did not close properly last time. Unsaved changes to %u plan were kept:",
                                       "Shinchoku did not close properly last time. Unsaved changes to %u plans were kept:",
                                       self->recovery_items->len),
                          self->recovery_items->len);
  for (guint i = 0; i < self->recovery_items->len; i++)
    {
      ShkRecoveryItem *item = g_ptr_array_index (self->recovery_items, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (item->saved);
      g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *where = item->original != NULL
        ? g_file_get_parse_name (item->original) : g_strdup (_("not saved yet"));
      const char *title = item->title != NULL && *item->title != '\0' ? item->title : _("Untitled Plan");

      /* TRANSLATORS: one recovered plan: its title, its file, when the copy was made. */
      g_string_append_printf (body, _("\n• %s (%s), %s"), title, where, when);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Recover Unsaved Changes?"),
                                                       body->str));
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Actions                                                            */
/* ------------------------------------------------------------------ */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  ShkApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_autoptr(ShkDocument) document = shk_document_new_blank ();

  new_window (user_data, document);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ShkApplication *self = user_data;
  const char *developers[] = { _("The Shinchoku developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Shinchoku"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Shinchoku developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Track the progress of a regional informatization plan: "
                                      "measures, indicators, grades and the committee’s summary."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ShkApplication *self = user_data;
  ShkPreferences *preferences;

  if (self->settings == NULL)
    return;
  preferences = shk_preferences_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                     self->settings);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
  { .name = "new-window", .activate = new_window_action },
  { .name = "about", .activate = about_action },
};

/* ------------------------------------------------------------------ */
/* Grade colours                                                      */
/* ------------------------------------------------------------------ */

/* ◎○△－ are drawn in the tables in the charts' own colours, so that a
 * colour means one grade everywhere: the CSS is made from the palette of
 * the style the charts on screen use (light, dark or high contrast). */
static void
update_grade_css (ShkApplication *self)
{
  static const struct { const char *css_class; ShkGrade grade; } grades[] = {
    { "grade-achieved", SHK_GRADE_ACHIEVED },
    { "grade-mostly", SHK_GRADE_MOSTLY },
    { "grade-lagging", SHK_GRADE_LAGGING },
    { "grade-pending", SHK_GRADE_PENDING },
  };
  g_autoptr(GString) css = g_string_new (NULL);
  ShkChartPalette palette;

  shk_chart_palette_init (&palette, shk_chart_view_desktop_style ());
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      const ShkRgba *rgba = &palette.grade[grades[i].grade];

      g_string_append_printf (css, ".%s { color: rgb(%d, %d, %d); }\n", grades[i].css_class,
                              (int) (rgba->r * 255 + 0.5), (int) (rgba->g * 255 + 0.5),
                              (int) (rgba->b * 255 + 0.5));
    }
  gtk_css_provider_load_from_data (self->grade_css, css->str, -1);
}

static void
setup_grade_css (ShkApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->grade_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->grade_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (update_grade_css), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (update_grade_css), self,
                           G_CONNECT_SWAPPED);
  update_grade_css (self);
}

/* ------------------------------------------------------------------ */

static void
shk_application_startup (GApplication *application)
{
  ShkApplication *self = SHK_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *new_window_accels[] = { "<Control><Shift>n", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  /* Before GTK's start, which holds the window's thread for a while. */
  self->builtin_reader = g_thread_new ("shk-builtin", read_builtin, NULL);
  g_signal_connect (gdk_display_manager_get (), "display-opened",
                    G_CALLBACK (on_display_opened), NULL);
  G_APPLICATION_CLASS (shk_application_parent_class)->startup (application);
  restore_environment ();
  check_theme ();

  g_set_application_name (_("Shinchoku"));
  gtk_window_set_default_icon_name (APPLICATION_ID);

  /* Uninstalled runs may not have the schema: then nothing is remembered,
   * which is better than g_settings_new() aborting. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  shk_window_install_accels (GTK_APPLICATION (self));
  if (gdk_display_get_default () != NULL)
    setup_grade_css (self);
}

static void
shk_application_activate (GApplication *application)
{
  ShkApplication *self = SHK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self, NULL));
  gtk_window_present (window);
  offer_recovery (self, SHK_WINDOW (window));
}

static void
shk_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  ShkApplication *self = SHK_APPLICATION (application);
  ShkWindow *window = NULL;

  for (int i = 0; i < n_files; i++)
    {
      window = find_pristine_window (self);
      if (window == NULL)
        window = new_window (self, NULL);
      /* A file that does not load leaves the built-in document open and
       * says why in that window. */
      shk_window_open_file_async (window, files[i], NULL, NULL);
      gtk_window_present (GTK_WINDOW (window));
    }

  if (window != NULL)
    offer_recovery (self, window);
}

static void
shk_application_dispose (GObject *object)
{
  ShkApplication *self = SHK_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->grade_css);
  g_clear_pointer (&self->recovery_items, g_ptr_array_unref);
  if (self->builtin_reader != NULL)
    g_object_unref (g_thread_join (g_steal_pointer (&self->builtin_reader)));

  G_OBJECT_CLASS (shk_application_parent_class)->dispose (object);
}

/* "shinchoku --version" answers without a display or a window. */
static int
shk_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("shinchoku %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
shk_application_class_init (ShkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = shk_application_dispose;
  app_class->handle_local_options = shk_application_handle_local_options;
  app_class->startup = shk_application_startup;
  app_class->activate = shk_application_activate;
  app_class->open = shk_application_open;
}

static void
shk_application_init (ShkApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "version", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE, _("Show the version and exit"), NULL);
}

ShkApplication *
shk_application_new (void)
{
  return g_object_new (SHK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/shinchoku/Shinchoku",
                       NULL);
}

GSettings *
shk_application_get_default_settings (void)
{
  GApplication *application = g_application_get_default ();

  return SHK_IS_APPLICATION (application)
    ? SHK_APPLICATION (application)->settings : NULL;
}

GSettings *
shk_application_get_settings (ShkApplication *self)
{
  g_return_val_if_fail (SHK_IS_APPLICATION (self), NULL);

  return self->settings;
}
