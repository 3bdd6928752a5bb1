/* shk-measure-column.c — what one column of the measures table shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-measure-column.h"
#include "shk-number.h"
#include "shk-rules.h"

struct _ShkMeasureColumn
{
  GObject               parent_instance;

  ShkMeasureColumnKind  kind;
  char                 *key;
  char                 *title;
  ShkPlan              *plan;
  gboolean              shown;
};

G_DEFINE_FINAL_TYPE (ShkMeasureColumn, shk_measure_column, G_TYPE_OBJECT)

enum {
  REFRESH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
shk_measure_column_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SHOWN:
      g_value_set_boolean (value, SHK_MEASURE_COLUMN (object)->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measure_column_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SHOWN:
      shk_measure_column_set_shown (SHK_MEASURE_COLUMN (object), g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measure_column_finalize (GObject *object)
{
  ShkMeasureColumn *self = SHK_MEASURE_COLUMN (object);

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (shk_measure_column_parent_class)->finalize (object);
}

static void
shk_measure_column_class_init (ShkMeasureColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = shk_measure_column_finalize;
  object_class->get_property = shk_measure_column_get_property;
  object_class->set_property = shk_measure_column_set_property;

  /* Whether the table shows the column: the cells of a hidden one are
   * made only when it is shown (GTK 4.8 makes every column's cells). */
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the plan changed as a whole; every bound cell listens. */
  signals[REFRESH] =
    g_signal_new ("refresh", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_measure_column_init (ShkMeasureColumn *self)
{
  self->shown = TRUE;
}

ShkMeasureColumn *
shk_measure_column_new (ShkMeasureColumnKind kind,
                        const char          *key)
{
  ShkMeasureColumn *self = g_object_new (SHK_TYPE_MEASURE_COLUMN, NULL);

  self->kind = kind;
  self->key = g_strdup (key);
  return self;
}

const char *
shk_measure_column_get_title (ShkMeasureColumn *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (self), NULL);

  return self->title != NULL ? self->title : "";
}

void
shk_measure_column_set_title (ShkMeasureColumn *self,
                              const char       *title)
{
  g_return_if_fail (SHK_IS_MEASURE_COLUMN (self));

  g_free (self->title);
  self->title = g_strdup (title);
}

ShkMeasureColumnKind
shk_measure_column_get_kind (ShkMeasureColumn *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (self), SHK_MEASURE_COLUMN_NUMBER);

  return self->kind;
}

const char *
shk_measure_column_get_key (ShkMeasureColumn *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (self), NULL);

  return self->key;
}

ShkPlan *
shk_measure_column_get_plan (ShkMeasureColumn *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (self), NULL);

  return self->plan;
}

void
shk_measure_column_set_plan (ShkMeasureColumn *self,
                             ShkPlan          *plan)
{
  g_return_if_fail (SHK_IS_MEASURE_COLUMN (self));

  g_set_object (&self->plan, plan);
}

gboolean
shk_measure_column_get_shown (ShkMeasureColumn *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_COLUMN (self), FALSE);

  return self->shown;
}

void
shk_measure_column_set_shown (ShkMeasureColumn *self,
                              gboolean          shown)
{
  g_return_if_fail (SHK_IS_MEASURE_COLUMN (self));

  if (self->shown == !!shown)
    return;
  self->shown = !!shown;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

void
shk_measure_column_refresh (ShkMeasureColumn *self)
{
  g_return_if_fail (SHK_IS_MEASURE_COLUMN (self));

  g_signal_emit (self, signals[REFRESH], 0);
}

gboolean
shk_measure_column_is_numeric (ShkMeasureColumn *self)
{
  ShkMeasureColumnKind kind = self->kind;

  return kind == SHK_MEASURE_COLUMN_NUMBER || kind == SHK_MEASURE_COLUMN_POLICY ||
         kind == SHK_MEASURE_COLUMN_TARGET || kind == SHK_MEASURE_COLUMN_ACTUAL ||
         kind == SHK_MEASURE_COLUMN_PROGRESS || kind == SHK_MEASURE_COLUMN_ACHIEVEMENT;
}

gboolean
shk_measure_column_is_stacked (ShkMeasureColumn *self)
{
  ShkMeasureColumnKind kind = self->kind;

  return kind == SHK_MEASURE_COLUMN_INDICATOR || kind == SHK_MEASURE_COLUMN_UNIT ||
         kind == SHK_MEASURE_COLUMN_TARGET || kind == SHK_MEASURE_COLUMN_ACTUAL ||
         kind == SHK_MEASURE_COLUMN_PROGRESS || kind == SHK_MEASURE_COLUMN_ACHIEVEMENT;
}

gboolean
shk_measure_column_is_editable (ShkMeasureColumn *self)
{
  return self->kind == SHK_MEASURE_COLUMN_TARGET || self->kind == SHK_MEASURE_COLUMN_ACTUAL;
}

/* ------------------------------------------------------------------ */
/* Plan look-ups                                                       */

const char *
shk_measure_column_get_reporting_year (ShkMeasureColumn *self)
{
  const char *year = self->plan != NULL ? shk_plan_get_reporting_year (self->plan) : NULL;

  return year != NULL ? year : "";
}

static const char *
final_year (ShkMeasureColumn *self)
{
  ShkFiscalYear *year = self->plan != NULL ? shk_plan_get_final_year (self->plan) : NULL;

  return year != NULL ? shk_fiscal_year_get_id (year) : "";
}

char *
shk_measure_column_format_rate (double rate)
{
  return g_strdup_printf ("%.1f%%", rate * 100.0);
}

/* ◎ first, not evaluated last: the order of the handouts' summary. */
static int
grade_order (ShkGrade grade)
{
  return grade == SHK_GRADE_NONE ? SHK_N_GRADES : (int) grade;
}

/* ------------------------------------------------------------------ */
/* Cell text                                                           */

char *
shk_measure_column_dup_line_text (ShkMeasureColumn *self,
                                  ShkIndicator     *indicator)
{
  const char *reporting = shk_measure_column_get_reporting_year (self);
  double value;

  switch (self->kind)
    {
    case SHK_MEASURE_COLUMN_INDICATOR:
      return g_strdup (shk_indicator_get_label (indicator));
    case SHK_MEASURE_COLUMN_UNIT:
      return g_strdup (shk_indicator_get_unit (indicator));
    case SHK_MEASURE_COLUMN_TARGET:
      if (shk_indicator_get_target (indicator, self->key, &value))
        return shk_format_number (value);
      return g_strdup ("");
    case SHK_MEASURE_COLUMN_ACTUAL:
      if (shk_indicator_get_actual (indicator, self->key, &value))
        return shk_format_number (value);
      return g_strdup ("");
    case SHK_MEASURE_COLUMN_PROGRESS:
      if (shk_indicator_compute_rate (indicator, reporting, reporting, &value))
        return shk_measure_column_format_rate (value);
      return g_strdup ("");
    case SHK_MEASURE_COLUMN_ACHIEVEMENT:
      if (shk_indicator_compute_rate (indicator, reporting, final_year (self), &value))
        return shk_measure_column_format_rate (value);
      return g_strdup ("");
    case SHK_MEASURE_COLUMN_NUMBER:
    case SHK_MEASURE_COLUMN_POLICY:
    case SHK_MEASURE_COLUMN_NAME:
    case SHK_MEASURE_COLUMN_SECTION:
    case SHK_MEASURE_COLUMN_GRADE:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

char *
shk_measure_column_dup_text (ShkMeasureColumn *self,
                             ShkMeasure       *measure)
{
  switch (self->kind)
    {
    case SHK_MEASURE_COLUMN_NUMBER:
      return g_strdup_printf ("%u", shk_measure_get_number (measure));
    case SHK_MEASURE_COLUMN_POLICY:
      return g_strdup_printf ("%u", shk_measure_get_policy_number (measure));
    case SHK_MEASURE_COLUMN_NAME:
      return g_strdup (shk_measure_get_name (measure));
    case SHK_MEASURE_COLUMN_SECTION:
      return g_strdup (shk_measure_get_section (measure));
    default:
      {
        /* A stacked column sorts and searches by its first line. */
        ShkIndicator *first = NULL;

        if (g_list_model_get_n_items (shk_measure_get_indicators (measure)) > 0)
          first = shk_measure_get_indicator (measure, 0);
        return first != NULL ? shk_measure_column_dup_line_text (self, first) : g_strdup ("");
      }
    }
}

/* ------------------------------------------------------------------ */
/* Sorting                                                             */

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

static int
compare_double (double a,
                double b)
{
  return (a > b) - (a < b);
}

/* Measures without a figure go together, after those with one. */
static int
compare_optional (gboolean ha,
                  double   va,
                  gboolean hb,
                  double   vb)
{
  if (ha != hb)
    return ha ? -1 : 1;
  return ha ? compare_double (va, vb) : 0;
}

static gboolean
first_value (ShkMeasureColumn *self,
             ShkMeasure       *measure,
             double           *value)
{
  ShkIndicator *first;

  if (g_list_model_get_n_items (shk_measure_get_indicators (measure)) == 0)
    return FALSE;
  first = shk_measure_get_indicator (measure, 0);
  if (self->kind == SHK_MEASURE_COLUMN_TARGET)
    return shk_indicator_get_target (first, self->key, value);
  return shk_indicator_get_actual (first, self->key, value);
}

/* The rate of the measure's weakest indicator, as its grade rates it. */
static gboolean
weakest_rate (ShkMeasure *measure,
              const char *actual_year,
              const char *target_year,
              double     *rate)
{
  return shk_measure_get_weakest_indicator (measure, actual_year, target_year, rate) != NULL;
}

static int
compare_grades (ShkMeasureColumn *self,
                ShkMeasure       *a,
                ShkMeasure       *b)
{
  ShkEvaluation *evaluation = shk_plan_find_evaluation (self->plan, self->key);
  ShkGradeInfo ga, gb;
  int result;

  if (evaluation == NULL)
    return 0;
  shk_plan_grade_measure (self->plan, a, evaluation, &ga);
  shk_plan_grade_measure (self->plan, b, evaluation, &gb);
  result = grade_order (ga.effective) - grade_order (gb.effective);
  if (result != 0)
    return result;
  /* Within a grade, the better figures first. */
  return -compare_optional (ga.has_rate, ga.rate, gb.has_rate, gb.rate);
}

static int
compare_rates (ShkMeasureColumn *self,
               ShkMeasure       *ma,
               ShkMeasure       *mb)
{
  const char *reporting = shk_measure_column_get_reporting_year (self);
  const char *target = self->kind == SHK_MEASURE_COLUMN_PROGRESS ? reporting : final_year (self);
  double va = 0, vb = 0;
  gboolean ha = weakest_rate (ma, reporting, target, &va);
  gboolean hb = weakest_rate (mb, reporting, target, &vb);

  return compare_optional (ha, va, hb, vb);
}

int
shk_measure_column_compare (gconstpointer a,
                            gconstpointer b,
                            gpointer      column)
{
  ShkMeasure *ma = SHK_MEASURE ((gpointer) a);
  ShkMeasure *mb = SHK_MEASURE ((gpointer) b);
  ShkMeasureColumn *self = column;
  double va = 0, vb = 0;
  gboolean ha, hb;

  if (self->plan == NULL)
    return 0;

  switch (self->kind)
    {
    case SHK_MEASURE_COLUMN_NUMBER:
      return compare_double (shk_measure_get_number (ma), shk_measure_get_number (mb));
    case SHK_MEASURE_COLUMN_POLICY:
      {
        int result = compare_double (shk_measure_get_policy_number (ma),
                                     shk_measure_get_policy_number (mb));
        if (result != 0)
          return result;
        return compare_double (shk_measure_get_index_in_policy (ma),
                               shk_measure_get_index_in_policy (mb));
      }
    case SHK_MEASURE_COLUMN_TARGET:
    case SHK_MEASURE_COLUMN_ACTUAL:
      ha = first_value (self, ma, &va);
      hb = first_value (self, mb, &vb);
      return compare_optional (ha, va, hb, vb);
    case SHK_MEASURE_COLUMN_PROGRESS:
    case SHK_MEASURE_COLUMN_ACHIEVEMENT:
      return compare_rates (self, ma, mb);
    case SHK_MEASURE_COLUMN_GRADE:
      return compare_grades (self, ma, mb);
    case SHK_MEASURE_COLUMN_NAME:
    case SHK_MEASURE_COLUMN_SECTION:
    case SHK_MEASURE_COLUMN_INDICATOR:
    case SHK_MEASURE_COLUMN_UNIT:
    default:
      {
        g_autofree char *ta = shk_measure_column_dup_text (self, ma);
        g_autofree char *tb = shk_measure_column_dup_text (self, mb);
        return compare_text (ta, tb);
      }
    }
}
