/* shk-measure.c — a plan measure (具体策)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-measure.h"
#include "shk-model-private.h"

/* The text fields, kept in one array so that the property plumbing is
 * written once rather than eleven times. */
typedef enum
{
  TEXT_NAME,
  TEXT_PURPOSE,
  TEXT_BUREAU,
  TEXT_SECTION,
  TEXT_ACTIONS,
  TEXT_NEXT_YEAR_PLAN,
  TEXT_EXPECTED_EFFECT,
  TEXT_NOTES,
  TEXT_YEAR_ADDED,
  TEXT_PUBLISHED_RATE,
  TEXT_PUBLISHED_STATUS,
  N_TEXTS
} TextField;

/* A grade given to a measure by id (an evaluation, or a fiscal year for a
 * section's own): a measure has a handful, so a small array sorted by id
 * costs one allocation where a hash table cost four (issue #17). */
typedef struct
{
  const char *id;      /* interned */
  ShkGrade    grade;
  char       *reason;  /* NULL: none */
} GradeEntry;

typedef struct
{
  GradeEntry *entries;
  guint       n;
} GradeList;

struct _ShkMeasure
{
  GObject     parent_instance;

  guint       number;
  guint       policy_number;
  guint       index_in_policy;
  char       *texts[N_TEXTS];
  gboolean    for_citizens;
  gboolean    for_internal;
  gboolean    counted;

  /* The indicators, and the list model views watch, made when first asked
   * for: grading, saving and the command line never need one, and a list
   * store per measure cost a prefecture's plan a tenth of its load
   * (issue #17). While it exists, it follows the array. */
  GPtrArray  *indicator_array;
  GListStore *indicators;
  GradeList   manual_grades;     /* by evaluation id */
  GradeList   published_grades;  /* by evaluation id; no reasons */
  GradeList   self_grades;       /* by fiscal year id, the section's own */
  /* Made on first use (NULL until then): most measures have none, and a
   * hash table each cost a prefecture's plan megabytes (issue #17). */
  GHashTable *provenance;        /* "actions", "self_grade.R3" → ShkProvenance */

  /* The plan it belongs to, called directly on a change (see
   * shk-model-private.h). */
  ShkModelOwner owner;
  /* Set while a reader builds it (shk_measure_begin_read()): then new
   * texts go to text_pool, which holds those of pooled_texts and is kept
   * while the measure lives. */
  gboolean      quiet;
  ShkTextPool  *text_pool;
  guint         pooled_texts;   /* 1 << TextField */
};

G_DEFINE_FINAL_TYPE (ShkMeasure, shk_measure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_POLICY_NUMBER,
  PROP_INDEX_IN_POLICY,
  PROP_FOR_CITIZENS,
  PROP_FOR_INTERNAL,
  PROP_COUNTED,
  PROP_FIRST_TEXT,
  PROP_LAST_TEXT = PROP_FIRST_TEXT + N_TEXTS - 1,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const text_property_names[N_TEXTS] = {
  [TEXT_NAME] = "name",
  [TEXT_PURPOSE] = "purpose",
  [TEXT_BUREAU] = "bureau",
  [TEXT_SECTION] = "section",
  [TEXT_ACTIONS] = "actions",
  [TEXT_NEXT_YEAR_PLAN] = "next-year-plan",
  [TEXT_EXPECTED_EFFECT] = "expected-effect",
  [TEXT_NOTES] = "notes",
  [TEXT_YEAR_ADDED] = "year-added",
  [TEXT_PUBLISHED_RATE] = "published-rate",
  [TEXT_PUBLISHED_STATUS] = "published-status",
};

static GradeEntry *
grades_find (const GradeList *list,
             const char      *id)
{
  if (id == NULL)
    return NULL;
  for (guint i = 0; i < list->n; i++)
    if (list->entries[i].id == id || strcmp (list->entries[i].id, id) == 0)
      return &list->entries[i];
  return NULL;
}

/* Returns TRUE when the list changed. */
static gboolean
grades_set (GradeList  *list,
            const char *id,
            ShkGrade    grade,
            const char *reason)
{
  GradeEntry *entry = grades_find (list, id);
  guint position = 0;

  if (entry != NULL)
    {
      if (entry->grade == grade && g_strcmp0 (entry->reason, reason) == 0)
        return FALSE;
      entry->grade = grade;
      g_free (entry->reason);
      entry->reason = g_strdup (reason);
      return TRUE;
    }

  while (position < list->n && strcmp (list->entries[position].id, id) < 0)
    position++;
  list->entries = g_renew (GradeEntry, list->entries, list->n + 1);
  memmove (&list->entries[position + 1], &list->entries[position],
           (list->n - position) * sizeof (GradeEntry));
  list->n++;
  list->entries[position] = (GradeEntry) { g_intern_string (id), grade, g_strdup (reason) };
  return TRUE;
}

static gboolean
grades_remove (GradeList  *list,
               const char *id)
{
  GradeEntry *entry = grades_find (list, id);
  guint position;

  if (entry == NULL)
    return FALSE;
  position = entry - list->entries;
  g_free (entry->reason);
  memmove (&list->entries[position], &list->entries[position + 1],
           (list->n - position - 1) * sizeof (GradeEntry));
  list->n--;
  if (list->n == 0)
    g_clear_pointer (&list->entries, g_free);
  return TRUE;
}

/* Sorted already: entries are kept in id order. */
static GStrv
grades_dup_ids (const GradeList *list)
{
  GStrv ids = g_new0 (char *, list->n + 1);

  for (guint i = 0; i < list->n; i++)
    ids[i] = g_strdup (list->entries[i].id);
  return ids;
}

static void
grades_clear (GradeList *list)
{
  for (guint i = 0; i < list->n; i++)
    g_free (list->entries[i].reason);
  g_clear_pointer (&list->entries, g_free);
  list->n = 0;
}

static void
emit_changed (ShkMeasure *self)
{
  if (self->quiet)
    return;
  g_signal_emit (self, signals[CHANGED], 0);
  shk_model_owner_notify (&self->owner, self);
}

static void
notify (ShkMeasure *self,
        guint       prop_id)
{
  if (!self->quiet)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
on_indicator_changed (gpointer owner,
                      gpointer indicator)
{
  emit_changed (owner);
}

/* Texts that many measures share (a plan has a few dozen sections and a
 * handful of years) are interned, not copied per measure (issue #17). */
static gboolean
is_shared_text (TextField field)
{
  return field == TEXT_BUREAU || field == TEXT_SECTION ||
         field == TEXT_YEAR_ADDED || field == TEXT_PUBLISHED_STATUS;
}

static void
set_text (ShkMeasure *self,
          TextField   field,
          const char *text)
{
  gboolean changed = is_shared_text (field)
                     ? shk_model_set_interned ((const char **) &self->texts[field], text)
                     : shk_model_set_pooled_string (&self->texts[field], text, self->quiet ? self->text_pool : NULL,
                                                    &self->pooled_texts, 1u << field);

  if (!changed)
    return;

  notify (self, PROP_FIRST_TEXT + field);
  emit_changed (self);
}

static void
set_uint (ShkMeasure *self,
          guint      *field,
          guint       value,
          guint       prop_id)
{
  if (*field == value)
    return;

  *field = value;
  notify (self, prop_id);
  emit_changed (self);
}

static void
set_boolean (ShkMeasure *self,
             gboolean   *field,
             gboolean    value,
             guint       prop_id)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  notify (self, prop_id);
  emit_changed (self);
}

static void
shk_measure_dispose (GObject *object)
{
  ShkMeasure *self = SHK_MEASURE (object);

  if (self->indicator_array != NULL)
    {
      /* The indicators may outlive the measure in an undo entry. */
      for (guint i = 0; i < self->indicator_array->len; i++)
        shk_indicator_set_owner (g_ptr_array_index (self->indicator_array, i), NULL, NULL);
      g_clear_pointer (&self->indicator_array, g_ptr_array_unref);
    }
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (shk_measure_parent_class)->dispose (object);
}

static void
shk_measure_finalize (GObject *object)
{
  ShkMeasure *self = SHK_MEASURE (object);

  for (guint i = 0; i < N_TEXTS; i++)
    if (!is_shared_text (i) && (self->pooled_texts & (1u << i)) == 0)
      g_clear_pointer (&self->texts[i], g_free);
  g_clear_pointer (&self->text_pool, shk_text_pool_unref);
  grades_clear (&self->manual_grades);
  grades_clear (&self->published_grades);
  grades_clear (&self->self_grades);
  g_clear_pointer (&self->provenance, g_hash_table_unref);

  G_OBJECT_CLASS (shk_measure_parent_class)->finalize (object);
}

static void
shk_measure_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ShkMeasure *self = SHK_MEASURE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      g_value_set_string (value, shk_model_string_or_empty (self->texts[prop_id - PROP_FIRST_TEXT]));
      return;
    }

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_POLICY_NUMBER:
      g_value_set_uint (value, self->policy_number);
      break;
    case PROP_INDEX_IN_POLICY:
      g_value_set_uint (value, self->index_in_policy);
      break;
    case PROP_FOR_CITIZENS:
      g_value_set_boolean (value, self->for_citizens);
      break;
    case PROP_FOR_INTERNAL:
      g_value_set_boolean (value, self->for_internal);
      break;
    case PROP_COUNTED:
      g_value_set_boolean (value, self->counted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measure_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ShkMeasure *self = SHK_MEASURE (object);

  if (prop_id >= PROP_FIRST_TEXT && prop_id <= PROP_LAST_TEXT)
    {
      set_text (self, prop_id - PROP_FIRST_TEXT, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_NUMBER:
      set_uint (self, &self->number, g_value_get_uint (value), prop_id);
      break;
    case PROP_POLICY_NUMBER:
      set_uint (self, &self->policy_number, g_value_get_uint (value), prop_id);
      break;
    case PROP_INDEX_IN_POLICY:
      set_uint (self, &self->index_in_policy, g_value_get_uint (value), prop_id);
      break;
    case PROP_FOR_CITIZENS:
      set_boolean (self, &self->for_citizens, g_value_get_boolean (value), prop_id);
      break;
    case PROP_FOR_INTERNAL:
      set_boolean (self, &self->for_internal, g_value_get_boolean (value), prop_id);
      break;
    case PROP_COUNTED:
      set_boolean (self, &self->counted, g_value_get_boolean (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_measure_class_init (ShkMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = shk_measure_dispose;
  object_class->finalize = shk_measure_finalize;
  object_class->get_property = shk_measure_get_property;
  object_class->set_property = shk_measure_set_property;

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_POLICY_NUMBER] =
    g_param_spec_uint ("policy-number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_INDEX_IN_POLICY] =
    g_param_spec_uint ("index-in-policy", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_FOR_CITIZENS] =
    g_param_spec_boolean ("for-citizens", NULL, NULL, FALSE, flags);
  properties[PROP_FOR_INTERNAL] =
    g_param_spec_boolean ("for-internal", NULL, NULL, FALSE, flags);
  properties[PROP_COUNTED] =
    g_param_spec_boolean ("counted", NULL, NULL, TRUE, flags);
  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FIRST_TEXT + i] =
      g_param_spec_string (text_property_names[i], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
shk_measure_init (ShkMeasure *self)
{
  self->counted = TRUE;
  self->indicator_array = g_ptr_array_new_with_free_func (g_object_unref);
}

ShkMeasure *
shk_measure_new (guint number)
{
  /* The field directly rather than through the "number" property: a
   * property at construction costs a prefecture's plan of 100,000
   * measures a tenth of a second, and nobody listens yet. */
  ShkMeasure *self = g_object_new (SHK_TYPE_MEASURE, NULL);

  self->number = number;
  return self;
}

guint
shk_measure_get_number (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), 0);
  return self->number;
}

void
shk_measure_set_number (ShkMeasure *self,
                        guint       number)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_uint (self, &self->number, number, PROP_NUMBER);
}

guint
shk_measure_get_policy_number (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), 0);
  return self->policy_number;
}

void
shk_measure_set_policy_number (ShkMeasure *self,
                               guint       policy_number)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_uint (self, &self->policy_number, policy_number, PROP_POLICY_NUMBER);
}

guint
shk_measure_get_index_in_policy (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), 0);
  return self->index_in_policy;
}

void
shk_measure_set_index_in_policy (ShkMeasure *self,
                                 guint       index)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_uint (self, &self->index_in_policy, index, PROP_INDEX_IN_POLICY);
}

#define TEXT_ACCESSORS(lower, field)                                   \
const char *                                                           \
shk_measure_get_##lower (ShkMeasure *self)                             \
{                                                                      \
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);                  \
  return shk_model_string_or_empty (self->texts[field]);               \
}                                                                      \
                                                                       \
void                                                                   \
shk_measure_set_##lower (ShkMeasure *self,                             \
                         const char *text)                             \
{                                                                      \
  g_return_if_fail (SHK_IS_MEASURE (self));                            \
  set_text (self, field, text);                                        \
}

TEXT_ACCESSORS (name, TEXT_NAME)
TEXT_ACCESSORS (purpose, TEXT_PURPOSE)
TEXT_ACCESSORS (bureau, TEXT_BUREAU)
TEXT_ACCESSORS (section, TEXT_SECTION)
TEXT_ACCESSORS (actions, TEXT_ACTIONS)
TEXT_ACCESSORS (next_year_plan, TEXT_NEXT_YEAR_PLAN)
TEXT_ACCESSORS (expected_effect, TEXT_EXPECTED_EFFECT)
TEXT_ACCESSORS (notes, TEXT_NOTES)

#undef TEXT_ACCESSORS

gboolean
shk_measure_get_for_citizens (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), FALSE);
  return self->for_citizens;
}

void
shk_measure_set_for_citizens (ShkMeasure *self,
                              gboolean    value)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_boolean (self, &self->for_citizens, value, PROP_FOR_CITIZENS);
}

gboolean
shk_measure_get_for_internal (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), FALSE);
  return self->for_internal;
}

void
shk_measure_set_for_internal (ShkMeasure *self,
                              gboolean    value)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_boolean (self, &self->for_internal, value, PROP_FOR_INTERNAL);
}

const char *
shk_measure_get_year_added (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return self->texts[TEXT_YEAR_ADDED];
}

void
shk_measure_set_year_added (ShkMeasure *self,
                            const char *year_id)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_text (self, TEXT_YEAR_ADDED, year_id);
}

gboolean
shk_measure_get_counted (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), FALSE);
  return self->counted;
}

void
shk_measure_set_counted (ShkMeasure *self,
                         gboolean    counted)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_boolean (self, &self->counted, counted, PROP_COUNTED);
}

const char *
shk_measure_get_published_rate (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return self->texts[TEXT_PUBLISHED_RATE];
}

void
shk_measure_set_published_rate (ShkMeasure *self,
                                const char *text)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_text (self, TEXT_PUBLISHED_RATE, text);
}

const char *
shk_measure_get_published_status (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return self->texts[TEXT_PUBLISHED_STATUS];
}

void
shk_measure_set_published_status (ShkMeasure *self,
                                  const char *text)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  set_text (self, TEXT_PUBLISHED_STATUS, text);
}

gboolean
shk_measure_get_published_grade (ShkMeasure *self,
                                 const char *evaluation_id,
                                 ShkGrade   *grade)
{
  const GradeEntry *entry;

  g_return_val_if_fail (SHK_IS_MEASURE (self), FALSE);

  entry = grades_find (&self->published_grades, evaluation_id);
  if (entry == NULL)
    return FALSE;
  if (grade != NULL)
    *grade = entry->grade;
  return TRUE;
}

void
shk_measure_set_published_grade (ShkMeasure *self,
                                 const char *evaluation_id,
                                 ShkGrade    grade)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (evaluation_id != NULL);

  if (grades_set (&self->published_grades, evaluation_id, grade, NULL))
    emit_changed (self);
}

GListModel *
shk_measure_get_indicators (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);

  if (self->indicators == NULL)
    {
      self->indicators = g_list_store_new (SHK_TYPE_INDICATOR);
      g_list_store_splice (self->indicators, 0, 0, self->indicator_array->pdata,
                           self->indicator_array->len);
    }
  return G_LIST_MODEL (self->indicators);
}

guint
shk_measure_get_n_indicators (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), 0);
  return self->indicator_array->len;
}

ShkIndicator *
shk_measure_get_indicator (ShkMeasure *self,
                           guint       position)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);

  /* The array keeps its own reference, so a borrowed pointer is safe. */
  if (position >= self->indicator_array->len)
    return NULL;
  return g_ptr_array_index (self->indicator_array, position);
}

void
shk_measure_insert_indicator (ShkMeasure   *self,
                              guint         position,
                              ShkIndicator *indicator)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (SHK_IS_INDICATOR (indicator));

  position = MIN (position, self->indicator_array->len);
  shk_indicator_set_owner (indicator, on_indicator_changed, self);
  g_ptr_array_insert (self->indicator_array, (gint) position, g_object_ref (indicator));
  if (self->indicators != NULL)
    g_list_store_insert (self->indicators, position, indicator);
  /* Said here rather than by a handler of the store's "items-changed":
   * only these two functions change the list, and a connection per
   * measure is what issue #17 took out. */
  emit_changed (self);
}

void
shk_measure_append_indicator (ShkMeasure   *self,
                              ShkIndicator *indicator)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  shk_measure_insert_indicator (self, G_MAXUINT, indicator);
}

void
shk_measure_remove_indicator (ShkMeasure *self,
                              guint       position)
{
  g_return_if_fail (SHK_IS_MEASURE (self));

  g_return_if_fail (position < self->indicator_array->len);

  shk_indicator_set_owner (shk_measure_get_indicator (self, position), NULL, NULL);
  g_ptr_array_remove_index (self->indicator_array, position);
  if (self->indicators != NULL)
    g_list_store_remove (self->indicators, position);
  emit_changed (self);
}

gboolean
shk_measure_get_manual_grade (ShkMeasure  *self,
                              const char  *evaluation_id,
                              ShkGrade    *grade,
                              const char **reason)
{
  const GradeEntry *manual;

  g_return_val_if_fail (SHK_IS_MEASURE (self), FALSE);

  manual = grades_find (&self->manual_grades, evaluation_id);
  if (manual == NULL)
    return FALSE;
  if (grade != NULL)
    *grade = manual->grade;
  if (reason != NULL)
    *reason = manual->reason;
  return TRUE;
}

void
shk_measure_set_manual_grade (ShkMeasure *self,
                              const char *evaluation_id,
                              ShkGrade    grade,
                              const char *reason)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (evaluation_id != NULL);

  if (reason != NULL && reason[0] == '\0')
    reason = NULL;
  if (grades_set (&self->manual_grades, evaluation_id, grade, reason))
    emit_changed (self);
}

void
shk_measure_clear_manual_grade (ShkMeasure *self,
                                const char *evaluation_id)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (evaluation_id != NULL);

  if (grades_remove (&self->manual_grades, evaluation_id))
    emit_changed (self);
}

GStrv
shk_measure_dup_manual_grade_ids (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return grades_dup_ids (&self->manual_grades);
}

GStrv
shk_measure_dup_published_grade_ids (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return grades_dup_ids (&self->published_grades);
}

gboolean
shk_measure_get_self_grade (ShkMeasure  *self,
                            const char  *year_id,
                            ShkGrade    *grade,
                            const char **reason)
{
  const GradeEntry *assessment;

  g_return_val_if_fail (SHK_IS_MEASURE (self), FALSE);

  assessment = grades_find (&self->self_grades, year_id);
  if (assessment == NULL)
    return FALSE;
  if (grade != NULL)
    *grade = assessment->grade;
  if (reason != NULL)
    *reason = assessment->reason != NULL ? assessment->reason : "";
  return TRUE;
}

void
shk_measure_set_self_grade (ShkMeasure *self,
                            const char *year_id,
                            ShkGrade    grade,
                            const char *reason)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (year_id != NULL);

  if (reason != NULL && reason[0] == '\0')
    reason = NULL;
  if (grades_set (&self->self_grades, year_id, grade, reason))
    emit_changed (self);
}

void
shk_measure_clear_self_grade (ShkMeasure *self,
                              const char *year_id)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (year_id != NULL);

  if (grades_remove (&self->self_grades, year_id))
    emit_changed (self);
}

GStrv
shk_measure_dup_self_grade_years (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return grades_dup_ids (&self->self_grades);
}

const ShkProvenance *
shk_measure_get_provenance (ShkMeasure *self,
                            const char *key)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return shk_model_provenance_lookup (self->provenance, key);
}

void
shk_measure_set_provenance (ShkMeasure          *self,
                            const char          *key,
                            const ShkProvenance *provenance)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (key != NULL);

  if (!shk_model_provenance_set (&self->provenance, key, provenance))
    return;
  emit_changed (self);
}

void
shk_measure_set_owner (ShkMeasure        *self,
                       ShkModelOwnerFunc  func,
                       gpointer           owner)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (func == NULL || self->owner.func == NULL);

  self->owner = (ShkModelOwner) { .func = func, .owner = owner };
}

void
shk_measure_begin_read (ShkMeasure  *self,
                        ShkTextPool *texts)
{
  g_return_if_fail (SHK_IS_MEASURE (self));
  g_return_if_fail (self->text_pool == NULL || texts == NULL || self->text_pool == texts);

  self->quiet = TRUE;
  if (texts != NULL && self->text_pool == NULL)
    self->text_pool = shk_text_pool_ref (texts);
}

void
shk_measure_end_read (ShkMeasure *self)
{
  g_return_if_fail (SHK_IS_MEASURE (self));

  self->quiet = FALSE;
  for (guint i = 0; i < self->indicator_array->len; i++)
    shk_indicator_end_read (g_ptr_array_index (self->indicator_array, i));
}

GStrv
shk_measure_dup_provenance_keys (ShkMeasure *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE (self), NULL);
  return shk_model_provenance_dup_keys (self->provenance);
}
