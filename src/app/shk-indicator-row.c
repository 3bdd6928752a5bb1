/* shk-indicator-row.c — one indicator of a measure, in the detail pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-edit-measure.h"
#include "shk-indicator-row.h"
#include "shk-measure-field.h"

/* One year's target or actual entry. */
typedef struct
{
  ShkIndicatorRow *row;       /* unowned: the row owns its entries */
  ShkMeasureField *field;
  ShkValueKind     kind;
  char            *year_id;
  AdwActionRow    *year_row;  /* unowned: shows where the values came from */
} ValueEntry;

struct _ShkIndicatorRow
{
  AdwExpanderRow   parent_instance;

  ShkIndicator    *indicator;
  guint            index;
  gboolean         syncing;
  ShkMeasureField *label_field;
  ShkMeasureField *unit_field;
  ShkMeasureField *note_field;
  GPtrArray       *values;    /* ValueEntry: each year's target, then actual */

  /* template children */
  GtkWidget       *label_row;
  GtkWidget       *unit_row;
  GtkWidget       *note_row;
  AdwComboRow     *direction_row;
  GtkSizeGroup    *size_group;
};

G_DEFINE_FINAL_TYPE (ShkIndicatorRow, shk_indicator_row, ADW_TYPE_EXPANDER_ROW)

enum {
  EDIT_TEXT,
  EDIT_DIRECTION,
  EDIT_VALUE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
value_entry_free (gpointer data)
{
  ValueEntry *entry = data;

  g_clear_object (&entry->field);
  g_free (entry->year_id);
  g_free (entry);
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

/* ------------------------------------------------------------------ */
/* What the user asks for                                              */

static void
on_text_commit (ShkMeasureField *field,
                const char      *text,
                ShkIndicatorRow *self)
{
  const char *property = field == self->label_field ? "label"
                         : field == self->unit_field ? "unit" : "note";
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_signal_emit (self, signals[EDIT_TEXT], 0, field, property, stripped);
}

static void
on_value_commit (ShkMeasureField *field,
                 const char      *text,
                 ValueEntry      *entry)
{
  g_signal_emit (entry->row, signals[EDIT_VALUE], 0, field, (int) entry->kind, entry->year_id, text);
}

static void
on_direction_selected (ShkIndicatorRow *self)
{
  guint selected = adw_combo_row_get_selected (self->direction_row);

  if (self->syncing || self->indicator == NULL || selected > SHK_DIRECTION_LOWER_IS_BETTER ||
      (ShkDirection) selected == shk_indicator_get_direction (self->indicator))
    return;
  g_signal_emit (self, signals[EDIT_DIRECTION], 0, selected);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

/* ------------------------------------------------------------------ */
/* Building and syncing                                                */

static ShkMeasureField *
watch_text (ShkIndicatorRow *self,
            GtkWidget       *widget)
{
  ShkMeasureField *field = shk_measure_field_new (widget);

  g_signal_connect_object (field, "commit", G_CALLBACK (on_text_commit), self, 0);
  return field;
}

static GtkWidget *
new_value_entry (ShkIndicatorRow *self,
                 ShkMeasure      *measure,
                 ShkValueKind     kind,
                 const char      *year_id)
{
  GtkWidget *widget = gtk_entry_new ();
  g_autofree char *name = shk_edit_dup_value_cell_name (measure, self->index, kind, year_id);
  ValueEntry *entry = g_new0 (ValueEntry, 1);

  gtk_editable_set_width_chars (GTK_EDITABLE (widget), 8);
  gtk_editable_set_alignment (GTK_EDITABLE (widget), 1.0);
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (widget, "numeric");
  gtk_entry_set_placeholder_text (GTK_ENTRY (widget), kind == SHK_VALUE_TARGET ? _("Target") : _("Actual"));
  gtk_widget_set_tooltip_text (widget, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_size_group_add_widget (self->size_group, widget);

  entry->row = self;
  entry->kind = kind;
  entry->year_id = g_strdup (year_id);
  entry->field = shk_measure_field_new (widget);
  g_signal_connect (entry->field, "commit", G_CALLBACK (on_value_commit), entry);
  g_ptr_array_add (self->values, entry);
  return widget;
}

static void
add_year_rows (ShkIndicatorRow *self,
               ShkPlan         *plan,
               ShkMeasure      *measure)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);

  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);
      const char *id = shk_fiscal_year_get_id (year);
      g_autofree char *year_title = escape (shk_fiscal_year_get_label (year));
      g_autofree char *subtitle = escape (id);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), year_title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_value_entry (self, measure, SHK_VALUE_TARGET, id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_value_entry (self, measure, SHK_VALUE_ACTUAL, id));
      /* The two entries just made belong to this year's row. */
      for (guint e = self->values->len - 2; e < self->values->len; e++)
        ((ValueEntry *) g_ptr_array_index (self->values, e))->year_row = ADW_ACTION_ROW (row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
}

/* The year row's subtitle: its id, then where its target and actual came
 * from ("R3 · Actual: From the reply of 広報課 (…), 2026-12-02"). */
static void
show_provenance (ShkIndicator *indicator,
                 ValueEntry   *entry)
{
  g_autoptr(GString) subtitle = g_string_new (entry->year_id);
  g_autofree char *escaped = NULL;
  const ShkValueKind kinds[] = { SHK_VALUE_TARGET, SHK_VALUE_ACTUAL };

  if (entry->year_row == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *key = shk_edit_dup_value_key (kinds[k], entry->year_id);
      const ShkProvenance *provenance = shk_indicator_get_provenance (indicator, key);
      g_autofree char *text = NULL;

      if (provenance == NULL)
        continue;
      text = shk_provenance_describe (provenance);
      /* TRANSLATORS: “ · Actual: From the reply of 広報課 (…), 2026-12-02” */
      g_string_append_printf (subtitle, _(" · %s: %s"),
                              kinds[k] == SHK_VALUE_TARGET ? _("Target") : _("Actual"), text);
    }
  escaped = escape (subtitle->str);
  adw_action_row_set_subtitle (entry->year_row, escaped);
}

void
shk_indicator_row_sync (ShkIndicatorRow *self)
{
  ShkIndicator *indicator;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  const char *label, *unit;

  g_return_if_fail (SHK_IS_INDICATOR_ROW (self));

  indicator = self->indicator;
  label = shk_indicator_get_label (indicator);
  unit = shk_indicator_get_unit (indicator);
  if (*unit != '\0')
    subtitle = g_strdup_printf ("%s (%s)", label, unit);
  else
    subtitle = g_strdup (label);
  escaped = escape (subtitle);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), escaped);

  shk_measure_field_set_text (self->label_field, label);
  shk_measure_field_set_text (self->unit_field, unit);
  shk_measure_field_set_text (self->note_field, shk_indicator_get_note (indicator));
  self->syncing = TRUE;
  adw_combo_row_set_selected (self->direction_row, (guint) shk_indicator_get_direction (indicator));
  self->syncing = FALSE;

  for (guint e = 0; e < self->values->len; e++)
    {
      ValueEntry *entry = g_ptr_array_index (self->values, e);
      g_autofree char *text = NULL;
      double value;
      gboolean has;

      has = entry->kind == SHK_VALUE_TARGET ? shk_indicator_get_target (indicator, entry->year_id, &value)
                                            : shk_indicator_get_actual (indicator, entry->year_id, &value);
      text = has ? shk_format_number (value) : g_strdup ("");
      shk_measure_field_set_text (entry->field, text);
      if (entry->kind == SHK_VALUE_ACTUAL)
        show_provenance (indicator, entry);
    }
}

void
shk_indicator_row_flush (ShkIndicatorRow *self)
{
  g_return_if_fail (SHK_IS_INDICATOR_ROW (self));

  shk_measure_field_commit (self->label_field);
  shk_measure_field_commit (self->unit_field);
  shk_measure_field_commit (self->note_field);
  for (guint e = 0; e < self->values->len; e++)
    shk_measure_field_commit (((ValueEntry *) g_ptr_array_index (self->values, e))->field);
}

void
shk_indicator_row_focus_label (ShkIndicatorRow *self)
{
  g_return_if_fail (SHK_IS_INDICATOR_ROW (self));

  gtk_widget_grab_focus (self->label_row);
}

ShkIndicator *
shk_indicator_row_get_indicator (ShkIndicatorRow *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR_ROW (self), NULL);

  return self->indicator;
}

guint
shk_indicator_row_get_index (ShkIndicatorRow *self)
{
  g_return_val_if_fail (SHK_IS_INDICATOR_ROW (self), 0);

  return self->index;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_indicator_row_dispose (GObject *object)
{
  ShkIndicatorRow *self = SHK_INDICATOR_ROW (object);

  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_object (&self->label_field);
  g_clear_object (&self->unit_field);
  g_clear_object (&self->note_field);
  g_clear_object (&self->indicator);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_INDICATOR_ROW);

  G_OBJECT_CLASS (shk_indicator_row_parent_class)->dispose (object);
}

static void
shk_indicator_row_class_init (ShkIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_indicator_row_dispose;

  signals[EDIT_TEXT] =
    g_signal_new ("edit-text", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, SHK_TYPE_MEASURE_FIELD, G_TYPE_STRING, G_TYPE_STRING);
  signals[EDIT_DIRECTION] =
    g_signal_new ("edit-direction", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[EDIT_VALUE] =
    g_signal_new ("edit-value", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, SHK_TYPE_MEASURE_FIELD, G_TYPE_INT, G_TYPE_STRING, G_TYPE_STRING);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkIndicatorRow, label_row);
  gtk_widget_class_bind_template_child (widget_class, ShkIndicatorRow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ShkIndicatorRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, ShkIndicatorRow, direction_row);
  gtk_widget_class_bind_template_child (widget_class, ShkIndicatorRow, size_group);
  gtk_widget_class_bind_template_callback (widget_class, on_direction_selected);
  gtk_widget_class_install_action (widget_class, "indicator.remove", NULL, remove_action);
}

static void
shk_indicator_row_init (ShkIndicatorRow *self)
{
  /* The template's combo row selects its first item: not an edit. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->syncing = FALSE;

  self->values = g_ptr_array_new_with_free_func (value_entry_free);
  self->label_field = watch_text (self, self->label_row);
  self->unit_field = watch_text (self, self->unit_row);
  self->note_field = watch_text (self, self->note_row);
}

GtkWidget *
shk_indicator_row_new (ShkPlan    *plan,
                       ShkMeasure *measure,
                       guint       index)
{
  ShkIndicatorRow *self;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (SHK_IS_MEASURE (measure), NULL);

  self = g_object_new (SHK_TYPE_INDICATOR_ROW, NULL);
  self->indicator = g_object_ref (shk_measure_get_indicator (measure, index));
  self->index = index;
  title = g_strdup_printf (_("Indicator %u"), index + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  add_year_rows (self, plan, measure);
  return GTK_WIDGET (self);
}
