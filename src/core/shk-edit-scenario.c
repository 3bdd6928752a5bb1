/* shk-edit-scenario.c — undoable edits of payback scenarios, and what is typed into them
 *
 * The limits are the payback engine's: a typed figure is put into the
 * engine's parameters for the scenario as it is and the engine is asked
 * whether that would be valid, so the form can never hold what the engine
 * refuses, and the engine's own message says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "shk-edit.h"
#include "shk-edit-scenario.h"
#include "shk-payback.h"

/* ------------------------------------------------------------------ */
/* Hours saved                                                         */

typedef struct
{
  ShkScenario *scenario;
  gboolean     had, has;
  double       old_hours, new_hours;
} HoursEdit;

static void
hours_edit_free (gpointer data)
{
  HoursEdit *edit = data;

  g_clear_object (&edit->scenario);
  g_free (edit);
}

static void
hours_edit_apply (gpointer data,
                  gboolean redo)
{
  HoursEdit *edit = data;

  if (redo ? edit->has : edit->had)
    shk_scenario_set_hours_saved (edit->scenario, redo ? edit->new_hours : edit->old_hours);
  else
    shk_scenario_unset_hours_saved (edit->scenario);
}

void
shk_edit_scenario_hours_saved (ShkUndoStack *stack,
                               ShkScenario  *scenario,
                               gboolean      has,
                               double        hours)
{
  g_autofree char *label = NULL;
  HoursEdit *edit;
  double old_hours = 0;
  gboolean had;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));
  g_return_if_fail (!has || isfinite (hours));

  had = shk_scenario_get_hours_saved (scenario, &old_hours);
  if (had == has && (!has || old_hours == hours))
    return;

  edit = g_new0 (HoursEdit, 1);
  edit->scenario = g_object_ref (scenario);
  edit->had = had;
  edit->old_hours = old_hours;
  edit->has = has;
  edit->new_hours = hours;
  hours_edit_apply (edit, TRUE);
  label = g_strdup_printf (_("Edit hours saved of “%s”"), shk_scenario_get_name (scenario));
  shk_undo_stack_push (stack, label, hours_edit_apply, edit, hours_edit_free);
}

/* ------------------------------------------------------------------ */
/* Cost amounts                                                        */

/* Amounts of one cost item in a run of years. */
typedef struct
{
  ShkCostItem *item;
  guint        first;
  guint        n;
  double      *old_amounts;
  double      *new_amounts;
} AmountsEdit;

static void
amounts_edit_free (gpointer data)
{
  AmountsEdit *edit = data;

  g_clear_object (&edit->item);
  g_free (edit->old_amounts);
  g_free (edit->new_amounts);
  g_free (edit);
}

static void
amounts_edit_apply (gpointer data,
                    gboolean redo)
{
  AmountsEdit *edit = data;

  for (guint i = 0; i < edit->n; i++)
    shk_cost_item_set_amount (edit->item, edit->first + i,
                              redo ? edit->new_amounts[i] : edit->old_amounts[i]);
}

void
shk_edit_cost_amounts (ShkUndoStack *stack,
                       ShkCostItem  *item,
                       guint         first,
                       guint         last,
                       double        amount)
{
  g_autofree char *label = NULL;
  AmountsEdit *edit;
  gboolean changed = FALSE;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_COST_ITEM (item));
  g_return_if_fail (first <= last && last < shk_cost_item_get_n_years (item));
  g_return_if_fail (isfinite (amount));

  edit = g_new0 (AmountsEdit, 1);
  edit->item = g_object_ref (item);
  edit->first = first;
  edit->n = last - first + 1;
  edit->old_amounts = g_new (double, edit->n);
  edit->new_amounts = g_new (double, edit->n);
  for (guint i = 0; i < edit->n; i++)
    {
      edit->old_amounts[i] = shk_cost_item_get_amount (item, first + i);
      edit->new_amounts[i] = amount;
      changed |= edit->old_amounts[i] != amount;
    }

  if (!changed)
    {
      amounts_edit_free (edit);
      return;
    }
  amounts_edit_apply (edit, TRUE);
  label = g_strdup_printf (_("Edit “%s” costs"), shk_cost_item_get_name (item));
  shk_undo_stack_push (stack, label, amounts_edit_apply, edit, amounts_edit_free);
}

/* ------------------------------------------------------------------ */
/* Moving a cost item                                                  */

typedef struct
{
  ShkScenario *scenario;
  guint        from, to;
} MoveEdit;

static void
move_edit_free (gpointer data)
{
  MoveEdit *edit = data;

  g_clear_object (&edit->scenario);
  g_free (edit);
}

static void
move_edit_apply (gpointer data,
                 gboolean redo)
{
  MoveEdit *edit = data;
  guint from = redo ? edit->from : edit->to;
  guint to = redo ? edit->to : edit->from;
  g_autoptr(ShkCostItem) item = g_object_ref (shk_scenario_peek_cost_item (edit->scenario, from));

  shk_scenario_remove_cost_item (edit->scenario, from);
  shk_scenario_insert_cost_item (edit->scenario, to, item);
}

void
shk_edit_move_cost_item (ShkUndoStack *stack,
                         ShkScenario  *scenario,
                         guint         from,
                         guint         to)
{
  g_autofree char *label = NULL;
  MoveEdit *edit;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));
  g_return_if_fail (from < shk_scenario_get_n_cost_items (scenario) && to < shk_scenario_get_n_cost_items (scenario));

  if (from == to)
    return;

  edit = g_new0 (MoveEdit, 1);
  edit->scenario = g_object_ref (scenario);
  edit->from = from;
  edit->to = to;
  label = g_strdup_printf (_("Move cost item “%s”"),
                           shk_cost_item_get_name (shk_scenario_peek_cost_item (scenario, from)));
  move_edit_apply (edit, TRUE);
  shk_undo_stack_push (stack, label, move_edit_apply, edit, move_edit_free);
}

/* ------------------------------------------------------------------ */
/* The horizon                                                         */

/* New years resize every cost item, which drops amounts when it
 * shrinks; undo puts them back. */
typedef struct
{
  ShkScenario *scenario;
  GStrv        old_years, new_years;
  guint        old_start, new_start;
  GPtrArray   *items;          /* ShkCostItem refs */
  GPtrArray   *old_amounts;    /* double arrays, per item, old_n of them */
} HorizonEdit;

static void
horizon_edit_free (gpointer data)
{
  HorizonEdit *edit = data;

  g_clear_object (&edit->scenario);
  g_strfreev (edit->old_years);
  g_strfreev (edit->new_years);
  g_ptr_array_unref (edit->items);
  g_ptr_array_unref (edit->old_amounts);
  g_free (edit);
}

static void
horizon_edit_apply (gpointer data,
                    gboolean redo)
{
  HorizonEdit *edit = data;

  if (redo)
    {
      shk_scenario_set_years (edit->scenario, (const char * const *) edit->new_years);
      shk_scenario_set_savings_start (edit->scenario, edit->new_start);
      return;
    }

  shk_scenario_set_years (edit->scenario, (const char * const *) edit->old_years);
  for (guint i = 0; i < edit->items->len; i++)
    {
      const double *amounts = g_ptr_array_index (edit->old_amounts, i);

      for (guint y = 0; edit->old_years[y] != NULL; y++)
        shk_cost_item_set_amount (g_ptr_array_index (edit->items, i), y, amounts[y]);
    }
  shk_scenario_set_savings_start (edit->scenario, edit->old_start);
}

void
shk_edit_scenario_years (ShkUndoStack       *stack,
                         ShkScenario        *scenario,
                         const char * const *years)
{
  g_autofree char *label = NULL;
  const char * const *old_years;
  guint old_n, n;
  HorizonEdit *edit;

  g_return_if_fail (SHK_IS_UNDO_STACK (stack));
  g_return_if_fail (SHK_IS_SCENARIO (scenario));
  g_return_if_fail (years != NULL);

  n = g_strv_length ((char **) years);
  old_years = shk_scenario_get_years (scenario);
  if (n == 0 || g_strv_equal (old_years, years))
    return;
  old_n = g_strv_length ((char **) old_years);

  edit = g_new0 (HorizonEdit, 1);
  edit->scenario = g_object_ref (scenario);
  edit->old_years = g_strdupv ((char **) old_years);
  edit->new_years = g_strdupv ((char **) years);
  edit->old_start = shk_scenario_get_savings_start (scenario);
  edit->new_start = MIN (edit->old_start, n - 1);
  edit->items = g_ptr_array_new_with_free_func (g_object_unref);
  edit->old_amounts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < shk_scenario_get_n_cost_items (scenario); i++)
    {
      ShkCostItem *item = shk_scenario_peek_cost_item (scenario, i);
      double *amounts = g_new0 (double, MAX (old_n, 1));

      for (guint y = 0; y < old_n; y++)
        amounts[y] = shk_cost_item_get_amount (item, y);
      g_ptr_array_add (edit->items, g_object_ref (item));
      g_ptr_array_add (edit->old_amounts, amounts);
    }

  horizon_edit_apply (edit, TRUE);
  label = g_strdup_printf (_("Change years of “%s”"), shk_scenario_get_name (scenario));
  shk_undo_stack_push (stack, label, horizon_edit_apply, edit, horizon_edit_free);
}

/* ------------------------------------------------------------------ */
/* Reading what was typed                                              */

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "hourly-rate"))
    return _("Hourly rate");
  if (g_str_equal (field, "hours-saved"))
    return _("Hours saved");
  if (g_str_equal (field, "first-year-months"))
    return _("Months in that year");
  if (g_str_equal (field, "discount-rate"))
    return _("Discount rate");
  if (g_str_equal (field, "n-years"))
    return _("Years");
  return field;
}

static const char *
field_unit (const char *field)
{
  if (field == NULL)
    return NULL;
  if (g_str_equal (field, "hours-saved"))
    return "h";
  if (g_str_equal (field, "discount-rate"))
    return "%";
  if (g_str_equal (field, "first-year-months"))
    return "か月";
  if (g_str_equal (field, "n-years"))
    return "年";
  return NULL;
}

gboolean
shk_edit_scenario_parse_number (const char *field,
                                const char *text,
                                double     *value)
{
  const char *unit = field_unit (field);

  g_return_val_if_fail (text != NULL, FALSE);

  /* Staff type the unit or not, in either script. */
  return shk_parse_number (text, NULL, value) ||
         (unit != NULL && shk_parse_number (text, unit, value)) ||
         shk_parse_number (text, "円", value) ||
         shk_parse_number (text, _("yen"), value);
}

static gboolean
not_a_number (const char  *field_label,
              const char  *text,
              GError     **error)
{
  if (*text == '\0')
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* TRANSLATORS: %s is a field, e.g. “Hourly rate” */
                 _("%s: enter a number"), field_label);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* TRANSLATORS: “Hourly rate: “abc” is not a number; type digits such as 2,566” */
                 _("%s: “%s” is not a number; type digits such as 2,566"),
                 field_label, text);
  return FALSE;
}

static gboolean
whole_number (const char  *field_label,
              double       value,
              GError     **error)
{
  if (value == floor (value))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s: enter a whole number"), field_label);
  return FALSE;
}

GStrv
shk_scenario_generate_years (const char  *first,
                             guint        n,
                             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *prefix = NULL;
  const char *digits;
  guint64 number;
  int width;

  g_return_val_if_fail (first != NULL, NULL);

  digits = first + strlen (first);
  while (digits > first && g_ascii_isdigit (digits[-1]))
    digits--;
  if (*first == '\0' || *digits == '\0' || strlen (digits) > 9)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("First fiscal year: “%s” must end in a number, such as R2 or 2020"), first);
      return NULL;
    }

  builder = g_strv_builder_new ();
  prefix = g_strndup (first, digits - first);
  number = g_ascii_strtoull (digits, NULL, 10);
  width = (int) strlen (digits);
  for (guint i = 0; i < n; i++)
    {
      /* Keep the leading zeros of FY07. */
      g_autofree char *id = g_strdup_printf ("%s%0*" G_GUINT64_FORMAT, prefix,
                                             digits[0] == '0' ? width : 1, number + i);
      g_strv_builder_add (builder, id);
    }
  return g_strv_builder_end (builder);
}

/* ------------------------------------------------------------------ */
/* Checking and applying                                               */

static gboolean
validate_params (ShkPaybackParams  *params,
                 GError           **error)
{
  gboolean ok = shk_payback_params_validate (params, error);

  shk_payback_params_clear (params);
  return ok;
}

/* The model's value of a numeric field, as the form shows it. */
static double
model_value (ShkScenario *scenario,
             const char  *field,
             gboolean    *typed)
{
  double hours = 0;

  *typed = TRUE;
  if (g_str_equal (field, "hourly-rate"))
    return shk_scenario_get_hourly_rate (scenario);
  if (g_str_equal (field, "hours-saved"))
    {
      *typed = shk_scenario_get_hours_saved (scenario, &hours);
      return hours;
    }
  if (g_str_equal (field, "first-year-months"))
    return shk_scenario_get_first_year_months (scenario);
  if (g_str_equal (field, "discount-rate"))
    return shk_scenario_get_discount_rate (scenario) * 100.0;
  if (g_str_equal (field, "n-years"))
    return shk_scenario_get_n_years (scenario);
  *typed = FALSE;
  return NAN;
}

/* @label names the scenario as it is before the edit. */
static void
set_property (ShkUndoStack *stack,
              ShkScenario  *scenario,
              const char   *property,
              const GValue *value,
              char         *label)
{
  shk_edit_set_property (stack, G_OBJECT (scenario), property, value, label);
  g_free (label);
}

#define LABEL(format, scenario) g_strdup_printf ((format), shk_scenario_get_name (scenario))

/* With @stack NULL, only checks. */
static gboolean
edit_number (ShkUndoStack  *stack,
             ShkPlan       *plan,
             ShkScenario   *scenario,
             const char    *field,
             double         value,
             gboolean      *changes,
             GError       **error)
{
  ShkPaybackParams params = { 0 };
  g_auto(GValue) gvalue = G_VALUE_INIT;
  gboolean typed;

  /* A spin button reformatting its text, or a value typed again, is no
   * edit. */
  if (fabs (model_value (scenario, field, &typed) - value) < 1e-9 && typed)
    return TRUE;

  shk_payback_params_from_scenario (&params, plan, scenario);

  if (g_str_equal (field, "hourly-rate"))
    {
      params.hourly_rate = value;
      if (!validate_params (&params, error))
        return FALSE;
      *changes = TRUE;
      g_value_init (&gvalue, G_TYPE_DOUBLE);
      g_value_set_double (&gvalue, value);
      if (stack != NULL)
        set_property (stack, scenario, "hourly-rate", &gvalue,
                      LABEL (_("Edit hourly rate of “%s”"), scenario));
    }
  else if (g_str_equal (field, "hours-saved"))
    {
      params.hours_saved = value;
      if (!validate_params (&params, error))
        return FALSE;
      *changes = TRUE;
      if (stack != NULL)
        shk_edit_scenario_hours_saved (stack, scenario, TRUE, value);
    }
  else if (g_str_equal (field, "first-year-months"))
    {
      if (!whole_number (field_label (field), value, error) ||
          !shk_payback_check_first_year_months (value, error))
        {
          shk_payback_params_clear (&params);
          return FALSE;
        }
      params.first_year_months = (guint) value;
      if (!validate_params (&params, error))
        return FALSE;
      *changes = TRUE;
      g_value_init (&gvalue, G_TYPE_UINT);
      g_value_set_uint (&gvalue, (guint) value);
      if (stack != NULL)
        set_property (stack, scenario, "first-year-months", &gvalue,
                      LABEL (_("Edit months of “%s”"), scenario));
    }
  else if (g_str_equal (field, "discount-rate"))
    {
      params.discount_rate = value / 100.0;
      if (!validate_params (&params, error))
        return FALSE;
      *changes = TRUE;
      g_value_init (&gvalue, G_TYPE_DOUBLE);
      g_value_set_double (&gvalue, value / 100.0);
      if (stack != NULL)
        set_property (stack, scenario, "discount-rate", &gvalue,
                      LABEL (_("Edit discount rate of “%s”"), scenario));
    }
  else if (g_str_equal (field, "n-years"))
    {
      const char * const *years = shk_scenario_get_years (scenario);
      g_autofree double *costs = NULL;
      g_auto(GStrv) new_years = NULL;
      guint n;

      shk_payback_params_clear (&params);
      if (!whole_number (field_label (field), value, error))
        return FALSE;
      /* The engine says what the limits are. */
      n = value < 0 ? 0 : (guint) MIN (value, 100000.0);
      costs = g_new0 (double, MAX (n, 1));
      shk_payback_params_from_scenario (&params, plan, scenario);
      g_free (params.costs);
      params.costs = g_steal_pointer (&costs);
      params.n_years = n;
      params.savings_start = MIN (params.savings_start, MAX (n, 1) - 1);
      if (!validate_params (&params, error))
        return FALSE;

      new_years = shk_scenario_generate_years (years[0] != NULL ? years[0] : "1", n, error);
      if (new_years == NULL)
        return FALSE;
      *changes = !g_strv_equal (years, (const char * const *) new_years);
      if (stack != NULL)
        shk_edit_scenario_years (stack, scenario, (const char * const *) new_years);
    }
  else
    {
      shk_payback_params_clear (&params);
      g_critical ("%s: no numeric field “%s”", G_STRFUNC, field);
      return FALSE;
    }
  return TRUE;
}

static gboolean
edit_text (ShkUndoStack  *stack,
           ShkPlan       *plan,
           ShkScenario   *scenario,
           const char    *field,
           const char    *text,
           gboolean      *changes,
           GError       **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GValue) value = G_VALUE_INIT;
  double number;

  if (g_str_equal (field, "name") || g_str_equal (field, "description"))
    {
      gboolean name = g_str_equal (field, "name");

      if (name && *stripped == '\0')
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("Name: a scenario needs a name"));
          return FALSE;
        }
      *changes = g_strcmp0 (name ? shk_scenario_get_name (scenario)
                                 : shk_scenario_get_description (scenario),
                            stripped) != 0;
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, stripped);
      if (stack != NULL)
        set_property (stack, scenario, field, &value,
                      name ? LABEL (_("Rename “%s”"), scenario)
                           : LABEL (_("Edit description of “%s”"), scenario));
      return TRUE;
    }

  if (g_str_equal (field, "first-year"))
    {
      g_auto(GStrv) years = shk_scenario_generate_years (stripped, shk_scenario_get_n_years (scenario),
                                                         error);

      if (years == NULL)
        return FALSE;
      *changes = g_strv_length (years) > 0 &&
                 !g_strv_equal (shk_scenario_get_years (scenario), (const char * const *) years);
      if (stack != NULL)
        shk_edit_scenario_years (stack, scenario, (const char * const *) years);
      return TRUE;
    }

  if (!shk_edit_scenario_parse_number (field, stripped, &number))
    return not_a_number (field_label (field), stripped, error);
  return edit_number (stack, plan, scenario, field, number, changes, error);
}

static gboolean
edit_cost (ShkUndoStack  *stack,
           ShkPlan       *plan,
           ShkScenario   *scenario,
           guint          item,
           guint          first_year,
           guint          last_year,
           const char    *text,
           gboolean      *changes,
           GError       **error)
{
  g_autofree char *stripped = NULL;
  ShkPaybackParams params = { 0 };
  ShkCostItem *cost = shk_scenario_peek_cost_item (scenario, item);
  double amount;

  if (cost == NULL || first_year > last_year || last_year >= shk_scenario_get_n_years (scenario))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no such cost in this scenario"));
      return FALSE;
    }

  /* An emptied cell is no cost in that year. */
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    amount = 0;
  else if (!shk_edit_scenario_parse_number (NULL, stripped, &amount))
    {
      g_autofree char *where = g_strdup_printf ("%s, %s", shk_cost_item_get_name (cost),
                                                shk_scenario_get_years (scenario)[first_year]);
      return not_a_number (where, stripped, error);
    }

  shk_payback_params_from_scenario (&params, plan, scenario);
  for (guint y = first_year; y <= last_year; y++)
    params.costs[y] += amount - shk_cost_item_get_amount (cost, y);
  if (!validate_params (&params, error))
    return FALSE;
  if (amount < 0)
    {
      /* Other items could make up for it in the total; not in a cell. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Cost in year %u must not be negative"), first_year + 1);
      return FALSE;
    }

  for (guint y = first_year; y <= last_year; y++)
    *changes |= shk_cost_item_get_amount (cost, y) != amount;
  if (stack != NULL && *changes)
    shk_edit_cost_amounts (stack, cost, first_year, last_year, amount);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The public entry points                                             */

#define CHECK_ARGS(plan, scenario, error, value)                         \
  G_STMT_START {                                                         \
    g_return_val_if_fail (SHK_IS_PLAN (plan), value);                    \
    g_return_val_if_fail (SHK_IS_SCENARIO (scenario), value);            \
    g_return_val_if_fail (error == NULL || *error == NULL, value);       \
  } G_STMT_END

gboolean
shk_edit_scenario_check_field (ShkPlan      *plan,
                               ShkScenario  *scenario,
                               const char   *field,
                               const char   *text,
                               gboolean     *changes,
                               GError      **error)
{
  gboolean changed = FALSE;
  gboolean ok;

  CHECK_ARGS (plan, scenario, error, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  ok = edit_text (NULL, plan, scenario, field, text, &changed, error);
  if (changes != NULL)
    *changes = ok && changed;
  return ok;
}

gboolean
shk_edit_scenario_field (ShkUndoStack *stack,
                         ShkPlan      *plan,
                         ShkScenario  *scenario,
                         const char   *field,
                         const char   *text,
                         GError      **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), FALSE);
  CHECK_ARGS (plan, scenario, error, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return edit_text (stack, plan, scenario, field, text, &changed, error);
}

gboolean
shk_edit_scenario_check_number (ShkPlan      *plan,
                                ShkScenario  *scenario,
                                const char   *field,
                                double        value,
                                gboolean     *changes,
                                GError      **error)
{
  gboolean changed = FALSE;
  gboolean ok;

  CHECK_ARGS (plan, scenario, error, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  ok = edit_number (NULL, plan, scenario, field, value, &changed, error);
  if (changes != NULL)
    *changes = ok && changed;
  return ok;
}

gboolean
shk_edit_scenario_number (ShkUndoStack *stack,
                          ShkPlan      *plan,
                          ShkScenario  *scenario,
                          const char   *field,
                          double        value,
                          GError      **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), FALSE);
  CHECK_ARGS (plan, scenario, error, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return edit_number (stack, plan, scenario, field, value, &changed, error);
}

gboolean
shk_edit_scenario_check_cost (ShkPlan      *plan,
                              ShkScenario  *scenario,
                              guint         item,
                              guint         first_year,
                              guint         last_year,
                              const char   *text,
                              gboolean     *changes,
                              GError      **error)
{
  gboolean changed = FALSE;
  gboolean ok;

  CHECK_ARGS (plan, scenario, error, FALSE);

  ok = edit_cost (NULL, plan, scenario, item, first_year, last_year, text, &changed, error);
  if (changes != NULL)
    *changes = ok && changed;
  return ok;
}

gboolean
shk_edit_scenario_cost (ShkUndoStack *stack,
                        ShkPlan      *plan,
                        ShkScenario  *scenario,
                        guint         item,
                        guint         first_year,
                        guint         last_year,
                        const char   *text,
                        GError      **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (SHK_IS_UNDO_STACK (stack), FALSE);
  CHECK_ARGS (plan, scenario, error, FALSE);

  return edit_cost (stack, plan, scenario, item, first_year, last_year, text, &changed, error);
}
