/* shk-measures-view-years.c — which years' columns the measures table shows
 *
 * 「最新年度」 (the reporting year and after), 「全年度」 or chosen years,
 * remembered in GSettings (measure-years, measure-chosen-years).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "shk-edit.h"
#include "shk-edit-block.h"
#include "shk-measure-column.h"
#include "shk-measures-view-private.h"
#include "shk-rules.h"

/* ------------------------------------------------------------------ */
/* Years shown                                                         */

/* "latest" is the reporting year and the years after it (R2 and R3 of
 * the current evaluation): the figures the committee is asked about. */
gboolean
shk_measures_view_year_is_shown (ShkMeasuresView *self,
                                 const char      *year_id)
{
  GListModel *years = shk_plan_get_fiscal_years (self->plan);
  const char *reporting = shk_measures_view_reporting_year (self);
  guint n = g_list_model_get_n_items (years);
  int year_index = -1, reporting_index = (int) n - 1;

  if (g_strcmp0 (self->year_mode, "all") == 0)
    return TRUE;
  if (g_strcmp0 (self->year_mode, "chosen") == 0 && self->chosen_years != NULL &&
      self->chosen_years[0] != NULL)
    return g_strv_contains ((const char * const *) self->chosen_years, year_id);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      if (g_str_equal (shk_fiscal_year_get_id (year), year_id))
        year_index = (int) i;
      if (g_str_equal (shk_fiscal_year_get_id (year), reporting))
        reporting_index = (int) i;
    }
  return year_index >= reporting_index;
}

void
shk_measures_view_show_years (ShkMeasuresView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  if (self->plan == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (columns) && i < self->columns->len; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      ShkMeasureColumn *info = g_ptr_array_index (self->columns, i);
      ShkMeasureColumnKind kind = shk_measure_column_get_kind (info);

      if (kind == SHK_MEASURE_COLUMN_TARGET || kind == SHK_MEASURE_COLUMN_ACTUAL)
        {
          gboolean shown = shk_measures_view_year_is_shown (self, shk_measure_column_get_key (info));

          /* The cells first, so that a shown column comes with them. */
          shk_measure_column_set_shown (info, shown);
          gtk_column_view_column_set_visible (column, shown);
        }
    }
  self->rows_valid = FALSE;
  shk_measures_view_restack_frozen (self);
}

static void
sync_year_actions (ShkMeasuresView *self)
{
  GListModel *years = self->plan != NULL ? shk_plan_get_fiscal_years (self->plan) : NULL;
  GAction *mode = g_action_map_lookup_action (G_ACTION_MAP (self->year_actions), "mode");

  g_simple_action_set_state (G_SIMPLE_ACTION (mode), g_variant_new_string (self->year_mode));
  for (guint i = 0; years != NULL && i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autofree char *name = g_strdup_printf ("year-%u", i);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->year_actions), name);

      if (action != NULL)
        g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                   g_variant_new_boolean (shk_measures_view_year_is_shown (self, shk_fiscal_year_get_id (year))));
    }
}

void
shk_measures_view_set_years_shown (ShkMeasuresView    *self,
                                   const char         *mode,
                                   const char * const *chosen)
{
  g_return_if_fail (SHK_IS_MEASURES_VIEW (self));
  g_return_if_fail (g_strv_contains ((const char *[]) { "latest", "all", "chosen", NULL }, mode));

  g_free (self->year_mode);
  self->year_mode = g_strdup (mode);
  if (chosen != NULL)
    {
      g_strfreev (self->chosen_years);
      self->chosen_years = g_strdupv ((char **) chosen);
    }
  if (self->settings != NULL)
    {
      g_settings_set_string (self->settings, "measure-years", self->year_mode);
      g_settings_set_strv (self->settings, "measure-chosen-years",
                           (const char * const *) self->chosen_years);
    }
  shk_measures_view_show_years (self);
  sync_year_actions (self);
}

static void
on_year_mode (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       data)
{
  shk_measures_view_set_years_shown (data, g_variant_get_string (parameter, NULL), NULL);
}

/* Ticking a year chooses years: the ones shown now, with it or without. */
static void
on_year_toggled (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  ShkMeasuresView *self = data;
  GListModel *years = shk_plan_get_fiscal_years (self->plan);
  const char *name = g_action_get_name (G_ACTION (action));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) chosen = NULL;
  guint64 toggled = 0;

  g_ascii_string_to_unsigned (name + strlen ("year-"), 10, 0, G_MAXUINT, &toggled, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      gboolean shown = shk_measures_view_year_is_shown (self, shk_fiscal_year_get_id (year));

      if (i == toggled ? !shown : shown)
        g_strv_builder_add (builder, shk_fiscal_year_get_id (year));
    }
  chosen = g_strv_builder_end (builder);
  shk_measures_view_set_years_shown (self, "chosen", (const char * const *) chosen);
}

void
shk_measures_view_build_year_menu (ShkMeasuresView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) modes = g_menu_new ();
  g_autoptr(GMenu) chosen = g_menu_new ();
  GListModel *years = shk_plan_get_fiscal_years (self->plan);
  g_auto(GStrv) names = g_action_group_list_actions (G_ACTION_GROUP (self->year_actions));

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_prefix (names[i], "year-"))
      g_action_map_remove_action (G_ACTION_MAP (self->year_actions), names[i]);

  g_menu_append (modes, _("_Latest Year"), "years.mode::latest");
  g_menu_append (modes, _("_All Years"), "years.mode::all");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (modes));
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      g_autofree char *name = g_strdup_printf ("year-%u", i);
      g_autofree char *detailed = g_strdup_printf ("years.%s", name);
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (FALSE));

      g_signal_connect (action, "activate", G_CALLBACK (on_year_toggled), self);
      g_action_map_add_action (G_ACTION_MAP (self->year_actions), G_ACTION (action));
      g_menu_append (chosen, shk_fiscal_year_get_id (year), detailed);
    }
  g_menu_append_section (menu, _("Chosen Years"), G_MENU_MODEL (chosen));
  gtk_menu_button_set_menu_model (self->years_button, G_MENU_MODEL (menu));
  sync_year_actions (self);
}

void
shk_measures_view_setup_years (ShkMeasuresView *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSimpleAction) mode = NULL;

  self->year_actions = g_simple_action_group_new ();
  mode = g_simple_action_new_stateful ("mode", G_VARIANT_TYPE_STRING, g_variant_new_string ("latest"));
  g_signal_connect (mode, "activate", G_CALLBACK (on_year_mode), self);
  g_action_map_add_action (G_ACTION_MAP (self->year_actions), G_ACTION (mode));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "years", G_ACTION_GROUP (self->year_actions));

  /* Uninstalled runs may lack the schema: then the choice lasts the
   * session, as the window's settings do. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "measure-years"))
    self->settings = g_settings_new_full (schema, NULL, NULL);
  if (self->settings != NULL)
    {
      self->year_mode = g_settings_get_string (self->settings, "measure-years");
      self->chosen_years = g_settings_get_strv (self->settings, "measure-chosen-years");
    }
  else
    {
      self->year_mode = g_strdup ("latest");
      self->chosen_years = g_new0 (char *, 1);
    }
}

