/* shk-format-lite-measure.c — a usual measure read from its light tree
 *
 * The fast path of shk-format-lite.h: it reads what shk_reader_read_measure()
 * reads, for a measure written the usual way, and gives up (returns FALSE,
 * having changed nothing outside the measure it was building) on anything
 * else, which the full reader then reads and words. Each rule here is the
 * full reader's for the same key; where the full reader would accept more
 * (3.0 for 3, an empty grade), this one leaves it to it. A null stands for
 * an absent member, as it does for the full reader's optional members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "shk-format-lite.h"
#include "shk-indicator.h"
#include "shk-measure.h"
#include "shk-model-private.h"

static gboolean lite_disabled;

void
shk_lite_set_enabled (gboolean enabled)
{
  lite_disabled = !enabled;
}

static gboolean
lite_string (const LiteNode  *node,
             const char     **value)
{
  if (node->type != LITE_STRING)
    return FALSE;
  *value = node->v.string;
  return TRUE;
}

static gboolean
lite_boolean (const LiteNode *node,
              gboolean       *value)
{
  if (node->type != LITE_BOOLEAN)
    return FALSE;
  *value = node->v.boolean;
  return TRUE;
}

/* INTEGER_POSITIVE (min 1) and INTEGER_NON_NEGATIVE (min 0), written as
 * integers. */
static gboolean
lite_uint (const LiteNode *node,
           gint64          min,
           guint          *value)
{
  if (node->type != LITE_INTEGER || node->v.integer < min || node->v.integer > G_MAXUINT)
    return FALSE;
  *value = (guint) node->v.integer;
  return TRUE;
}

/* NUMBER_ANY: finite (the parser refused others) and within ±1e15. */
static gboolean
lite_number (const LiteNode *node,
             double         *value)
{
  double v;

  if (node->type == LITE_INTEGER)
    v = (double) node->v.integer;
  else if (node->type == LITE_DOUBLE)
    v = node->v.number;
  else
    return FALSE;
  if (!isfinite (v) || fabs (v) > MAX_MAGNITUDE)
    return FALSE;
  *value = v;
  return TRUE;
}

/* A grade symbol that sets a grade: not null, not "" (the full reader
 * takes those as "no grade", which each caller treats its own way). */
static gboolean
lite_grade (const LiteNode *node,
            ShkGrade       *grade)
{
  const char *symbol;

  return lite_string (node, &symbol) && symbol[0] != '\0'
         && shk_format_grade_from_symbol (symbol, grade)
         && *grade != SHK_GRADE_NONE;
}

/* Members of a map (years, evaluation ids) have non-empty keys. */
#define FOR_MAP(member, map) \
  for (const LiteNode *member = (map)->v.children.first; member != NULL; member = member->next)

static gboolean
read_values (const LiteNode *map,
             ShkIndicator   *indicator,
             void          (*set) (ShkIndicator *, const char *, double))
{
  if (map->type != LITE_OBJECT)
    return FALSE;
  FOR_MAP (member, map)
    {
      double value;

      if (member->key[0] == '\0')
        return FALSE;
      if (member->type == LITE_NULL)
        continue;
      if (!lite_number (member, &value))
        return FALSE;
      set (indicator, member->key, value);
    }
  return TRUE;
}

static gboolean
read_printed_rates (const LiteNode *map,
                    ShkIndicator   *indicator)
{
  if (map->type != LITE_OBJECT)
    return FALSE;
  FOR_MAP (member, map)
    {
      const char *text;

      if (member->key[0] == '\0')
        return FALSE;
      if (member->type == LITE_NULL)
        continue;
      if (!lite_string (member, &text))
        return FALSE;
      shk_indicator_set_printed_rate (indicator, member->key, text);
    }
  return TRUE;
}

/* The indicator's keys the full reader knows (all optional). */
static const char * const indicator_keys[] = {
  "label", "unit", "note", "direction", "target", "actual", "printed_rates", "baseline",
  "provenance", NULL
};

static gboolean
read_indicator_member (const LiteNode *member,
                       ShkIndicator   *indicator)
{
  const char *key = member->key, *text;

  if (member->type == LITE_NULL)
    return g_strv_contains (indicator_keys, key);
  if (g_str_equal (key, "label") && lite_string (member, &text))
    shk_indicator_set_label (indicator, text);
  else if (g_str_equal (key, "unit") && lite_string (member, &text))
    shk_indicator_set_unit (indicator, text);
  else if (g_str_equal (key, "note") && lite_string (member, &text))
    shk_indicator_set_note (indicator, text);
  else if (g_str_equal (key, "direction") && lite_string (member, &text)
           && (g_str_equal (text, "higher") || g_str_equal (text, "lower")))
    shk_indicator_set_direction (indicator, g_str_equal (text, "lower")
                                            ? SHK_DIRECTION_LOWER_IS_BETTER
                                            : SHK_DIRECTION_HIGHER_IS_BETTER);
  else if (g_str_equal (key, "target"))
    return read_values (member, indicator, shk_indicator_set_target);
  else if (g_str_equal (key, "actual"))
    return read_values (member, indicator, shk_indicator_set_actual);
  else if (g_str_equal (key, "printed_rates"))
    return read_printed_rates (member, indicator);
  else
    return FALSE;
  return TRUE;
}

static gboolean
read_indicators (const LiteNode *array,
                 ShkMeasure     *measure,
                 ShkTextPool    *texts)
{
  if (array->type != LITE_ARRAY)
    return FALSE;
  for (const LiteNode *element = array->v.children.first; element != NULL; element = element->next)
    {
      g_autoptr(ShkIndicator) indicator = NULL;

      if (element->type != LITE_OBJECT)
        return FALSE;
      indicator = shk_indicator_new ();
      shk_indicator_begin_read (indicator, texts);
      FOR_MAP (member, element)
        if (!read_indicator_member (member, indicator))
          return FALSE;
      shk_measure_append_indicator (measure, indicator);
    }
  return TRUE;
}

/* { "evaluation id": { "grade": "◎", "reason": "…" } } */
static gboolean
read_manual_grades (const LiteNode *map,
                    ShkMeasure     *measure)
{
  if (map->type != LITE_OBJECT)
    return FALSE;
  FOR_MAP (member, map)
    {
      ShkGrade grade = SHK_GRADE_NONE;
      const char *reason = NULL;
      gboolean has_grade = FALSE;

      if (member->key[0] == '\0' || member->type != LITE_OBJECT)
        return FALSE;
      FOR_MAP (field, member)
        {
          if (g_str_equal (field->key, "grade") && lite_grade (field, &grade))
            has_grade = TRUE;
          else if (!g_str_equal (field->key, "reason"))
            return FALSE;
          else if (field->type != LITE_NULL && !lite_string (field, &reason))
            return FALSE;
        }
      if (!has_grade)
        return FALSE;
      shk_measure_set_manual_grade (measure, member->key, grade, reason);
    }
  return TRUE;
}

static const char * const published_keys[] = { "achievement_rate", "status", "grades", NULL };

/* { "achievement_rate": "…", "status": "…", "grades": { id: "◎" } } */
static gboolean
read_published (const LiteNode *object,
                ShkMeasure     *measure)
{
  if (object->type != LITE_OBJECT)
    return FALSE;
  FOR_MAP (member, object)
    {
      const char *text;

      if (member->type == LITE_NULL && g_strv_contains (published_keys, member->key))
        continue;
      if (g_str_equal (member->key, "achievement_rate") && lite_string (member, &text))
        shk_measure_set_published_rate (measure, text);
      else if (g_str_equal (member->key, "status") && lite_string (member, &text))
        shk_measure_set_published_status (measure, text);
      else if (g_str_equal (member->key, "grades") && member->type == LITE_OBJECT)
        {
          FOR_MAP (grade_member, member)
            {
              ShkGrade grade;

              if (grade_member->key[0] == '\0')
                return FALSE;
              if (grade_member->type == LITE_NULL)
                continue;
              if (!lite_grade (grade_member, &grade))
                return FALSE;
              shk_measure_set_published_grade (measure, grade_member->key, grade);
            }
        }
      else
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_audience (const LiteNode *object,
               ShkMeasure     *measure)
{
  if (object->type != LITE_OBJECT)
    return FALSE;
  FOR_MAP (member, object)
    {
      gboolean value;

      if (!g_str_equal (member->key, "citizens") && !g_str_equal (member->key, "internal"))
        return FALSE;
      if (member->type == LITE_NULL)
        continue;
      if (!lite_boolean (member, &value))
        return FALSE;
      if (g_str_equal (member->key, "citizens"))
        shk_measure_set_for_citizens (measure, value);
      else if (g_str_equal (member->key, "internal"))
        shk_measure_set_for_internal (measure, value);
      else
        return FALSE;
    }
  return TRUE;
}

typedef void (*SetText) (ShkMeasure *, const char *);

typedef enum
{
  MEMBER_TEXT,
  MEMBER_NUMBER,
  MEMBER_POLICY,
  MEMBER_INDEX_IN_POLICY,
  MEMBER_COUNTED,
  MEMBER_AUDIENCE,
  MEMBER_INDICATORS,
  MEMBER_MANUAL_GRADES,
  MEMBER_PUBLISHED,
  MEMBER_FULL_READER_ONLY,  /* known, but left to the full reader */
} MemberKind;

typedef struct
{
  const char *key;
  MemberKind  kind;
  SetText     set_text;  /* MEMBER_TEXT */
} MeasureMember;

/* The measure's keys the full reader knows; all but "number" optional. */
static const MeasureMember measure_members[] = {
  { "number", MEMBER_NUMBER, NULL },
  { "policy", MEMBER_POLICY, NULL },
  { "index_in_policy", MEMBER_INDEX_IN_POLICY, NULL },
  { "name", MEMBER_TEXT, shk_measure_set_name },
  { "purpose", MEMBER_TEXT, shk_measure_set_purpose },
  { "audience", MEMBER_AUDIENCE, NULL },
  { "bureau", MEMBER_TEXT, shk_measure_set_bureau },
  { "section", MEMBER_TEXT, shk_measure_set_section },
  { "actions", MEMBER_TEXT, shk_measure_set_actions },
  { "next_year_plan", MEMBER_TEXT, shk_measure_set_next_year_plan },
  { "expected_effect", MEMBER_TEXT, shk_measure_set_expected_effect },
  { "year_added", MEMBER_TEXT, shk_measure_set_year_added },
  { "counted_in_summary", MEMBER_COUNTED, NULL },
  { "indicators", MEMBER_INDICATORS, NULL },
  { "manual_grades", MEMBER_MANUAL_GRADES, NULL },
  { "published", MEMBER_PUBLISHED, NULL },
  { "notes", MEMBER_TEXT, shk_measure_set_notes },
  { "self_grades", MEMBER_FULL_READER_ONLY, NULL },
  { "provenance", MEMBER_FULL_READER_ONLY, NULL },
};

/* Looked up by hash: comparing each key with the names in turn cost a
 * prefecture's plan some 150 strcmp() per measure (issue #17). */
static const MeasureMember *
find_measure_member (const char *key)
{
  static GHashTable *by_key;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      by_key = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (measure_members); i++)
        g_hash_table_insert (by_key, (gpointer) measure_members[i].key, (gpointer) &measure_members[i]);
      g_once_init_leave (&made, 1);
    }
  return g_hash_table_lookup (by_key, key);
}

static gboolean
read_measure_member (const LiteNode *node,
                     ShkMeasure     *measure,
                     ShkTextPool    *texts)
{
  const MeasureMember *member = find_measure_member (node->key);
  const char *text;
  gboolean counted;
  guint value;

  if (member == NULL)
    return FALSE;
  if (node->type == LITE_NULL)
    return member->kind != MEMBER_NUMBER;

  switch (member->kind)
    {
    case MEMBER_TEXT:
      if (!lite_string (node, &text))
        return FALSE;
      member->set_text (measure, text);
      return TRUE;
    case MEMBER_NUMBER:
      return lite_uint (node, 1, &value);  /* read first, see below */
    case MEMBER_POLICY:
      if (!lite_uint (node, 1, &value))
        return FALSE;
      shk_measure_set_policy_number (measure, value);
      return TRUE;
    case MEMBER_INDEX_IN_POLICY:
      if (!lite_uint (node, 0, &value))
        return FALSE;
      shk_measure_set_index_in_policy (measure, value);
      return TRUE;
    case MEMBER_COUNTED:
      if (!lite_boolean (node, &counted))
        return FALSE;
      shk_measure_set_counted (measure, counted);
      return TRUE;
    case MEMBER_AUDIENCE:
      return read_audience (node, measure);
    case MEMBER_INDICATORS:
      return read_indicators (node, measure, texts);
    case MEMBER_MANUAL_GRADES:
      return read_manual_grades (node, measure);
    case MEMBER_PUBLISHED:
      return read_published (node, measure);
    case MEMBER_FULL_READER_ONLY:
    default:
      return FALSE;
    }
}

static gboolean
find_number (const LiteNode *root,
             guint          *number)
{
  FOR_MAP (member, root)
    if (g_str_equal (member->key, "number"))
      return lite_uint (member, 1, number);
  return FALSE;
}

gboolean
shk_lite_read_measure (Reader         *r,
                       const LiteNode *root,
                       guint           index,
                       Uniques        *numbers)
{
  g_autoptr(ShkMeasure) measure = NULL;
  char key[16];
  const char *first;
  guint number;
  gsize mark;

  if (lite_disabled || root->type != LITE_OBJECT || !find_number (root, &number))
    return FALSE;
  /* A second measure with this number is the full reader's to word. */
  g_snprintf (key, sizeof key, "%u", number);
  if (g_hash_table_contains (numbers->seen, key))
    return FALSE;

  measure = shk_measure_new (number);
  shk_measure_begin_read (measure, r->texts);
  FOR_MAP (member, root)
    if (!read_measure_member (member, measure, r->texts))
      return FALSE;
  shk_measure_end_read (measure);

  mark = shk_reader_path_push_key (r, "measures");
  g_string_append_printf (r->path, "[%u]", index);
  shk_reader_uniques_add (numbers, r, key, &first);
  shk_reader_path_pop (r, mark);
  shk_plan_append_measure (r->plan, measure);
  return TRUE;
}
