/* shk-preferences.c — the preferences window (Ctrl+,)
 *
 * Each row is bound to its GSettings key, so there is nothing to apply or
 * cancel: what is chosen holds at once, for the window and the next start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-preferences.h"

struct _ShkPreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* template children */
  AdwComboRow          *chart_style_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *orientation_row;
  GtkAdjustment        *threshold_adjustment;
  GtkAdjustment        *autosave_adjustment;
};

G_DEFINE_FINAL_TYPE (ShkPreferences, shk_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of a key, in the order of its combo row's items. */
static const char * const chart_styles[] = { "light", "dark", "presentation", "high-contrast", NULL };
static const char * const papers[] = { "a4", "a3", NULL };
static const char * const orientations[] = { "landscape", "portrait", NULL };

static gboolean
choice_to_position (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *text = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], text))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
position_to_choice (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;
  return g_variant_new_string (choices[position]);
}

static void
bind_choice (ShkPreferences     *self,
             const char         *key,
             AdwComboRow        *row,
             const char * const *choices)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_to_position, position_to_choice,
                                (gpointer) choices, NULL);
}

static void
shk_preferences_dispose (GObject *object)
{
  ShkPreferences *self = SHK_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (shk_preferences_parent_class)->dispose (object);
}

static void
shk_preferences_class_init (ShkPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkPreferences, chart_style_row);
  gtk_widget_class_bind_template_child (widget_class, ShkPreferences, paper_row);
  gtk_widget_class_bind_template_child (widget_class, ShkPreferences, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, ShkPreferences, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, ShkPreferences, autosave_adjustment);
}

static void
shk_preferences_init (ShkPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ShkPreferences *
shk_preferences_new (GtkWindow *parent,
                     GSettings *settings)
{
  ShkPreferences *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SHK_TYPE_PREFERENCES, "transient-for", parent, NULL);
  self->settings = g_object_ref (settings);
  bind_choice (self, "chart-style", self->chart_style_row, chart_styles);
  bind_choice (self, "paper-size", self->paper_row, papers);
  bind_choice (self, "paper-orientation", self->orientation_row, orientations);
  g_settings_bind (settings, "pareto-threshold", self->threshold_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-interval", self->autosave_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  return self;
}
