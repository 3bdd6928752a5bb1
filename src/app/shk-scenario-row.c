/* shk-scenario-row.c — a scenario in the scenarios view's list
 *
 * Its name follows the scenario; the check button is bound to the row's
 * "compared" property, which the list's owner watches and sets; the line
 * under the name is given by the owner, who computes the payback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-scenario-row.h"

struct _ShkScenarioRow
{
  GtkListBoxRow  parent_instance;

  ShkScenario   *scenario;
  gboolean       compared;
  char          *summary;

  /* template children */
  GtkCheckButton *check;
  GtkLabel       *name_label;
};

G_DEFINE_FINAL_TYPE (ShkScenarioRow, shk_scenario_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_SCENARIO,
  PROP_COMPARED,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_name (ShkScenarioRow *self)
{
  const char *name = shk_scenario_get_name (self->scenario);
  g_autofree char *check_label = g_strdup_printf (_("Compare “%s”"), name);

  gtk_label_set_text (self->name_label, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
}

static void
set_scenario (ShkScenarioRow *self,
              ShkScenario    *scenario)
{
  g_return_if_fail (SHK_IS_SCENARIO (scenario));

  self->scenario = g_object_ref (scenario);
  g_signal_connect_object (scenario, "notify::name", G_CALLBACK (update_name), self,
                           G_CONNECT_SWAPPED);
  update_name (self);
}

ShkScenario *
shk_scenario_row_get_scenario (ShkScenarioRow *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_ROW (self), NULL);

  return self->scenario;
}

gboolean
shk_scenario_row_get_compared (ShkScenarioRow *self)
{
  g_return_val_if_fail (SHK_IS_SCENARIO_ROW (self), FALSE);

  return self->compared;
}

void
shk_scenario_row_set_compared (ShkScenarioRow *self,
                               gboolean        compared)
{
  g_return_if_fail (SHK_IS_SCENARIO_ROW (self));

  compared = !!compared;
  if (self->compared == compared)
    return;
  self->compared = compared;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARED]);
}

void
shk_scenario_row_set_summary (ShkScenarioRow *self,
                              const char     *summary)
{
  g_return_if_fail (SHK_IS_SCENARIO_ROW (self));

  if (g_strcmp0 (self->summary, summary) == 0)
    return;
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

static void
shk_scenario_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ShkScenarioRow *self = SHK_SCENARIO_ROW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      g_value_set_object (value, self->scenario);
      break;
    case PROP_COMPARED:
      g_value_set_boolean (value, self->compared);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_scenario_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ShkScenarioRow *self = SHK_SCENARIO_ROW (object);

  switch (prop_id)
    {
    case PROP_SCENARIO:
      set_scenario (self, g_value_get_object (value));
      break;
    case PROP_COMPARED:
      shk_scenario_row_set_compared (self, g_value_get_boolean (value));
      break;
    case PROP_SUMMARY:
      shk_scenario_row_set_summary (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_scenario_row_dispose (GObject *object)
{
  ShkScenarioRow *self = SHK_SCENARIO_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_SCENARIO_ROW);
  g_clear_object (&self->scenario);

  G_OBJECT_CLASS (shk_scenario_row_parent_class)->dispose (object);
}

static void
shk_scenario_row_finalize (GObject *object)
{
  ShkScenarioRow *self = SHK_SCENARIO_ROW (object);

  g_free (self->summary);

  G_OBJECT_CLASS (shk_scenario_row_parent_class)->finalize (object);
}

static void
shk_scenario_row_class_init (ShkScenarioRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shk_scenario_row_get_property;
  object_class->set_property = shk_scenario_row_set_property;
  object_class->dispose = shk_scenario_row_dispose;
  object_class->finalize = shk_scenario_row_finalize;

  properties[PROP_SCENARIO] =
    g_param_spec_object ("scenario", NULL, NULL, SHK_TYPE_SCENARIO,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARED] =
    g_param_spec_boolean ("compared", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-scenario-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioRow, check);
  gtk_widget_class_bind_template_child (widget_class, ShkScenarioRow, name_label);
}

static void
shk_scenario_row_init (ShkScenarioRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
shk_scenario_row_new (ShkScenario *scenario)
{
  return g_object_new (SHK_TYPE_SCENARIO_ROW, "scenario", scenario, NULL);
}
