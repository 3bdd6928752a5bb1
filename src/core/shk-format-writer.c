/* shk-format-writer.c — plan documents written as JSON
 *
 * Writing does not use JsonGenerator: it prints 1000000.0 as "1000000.0"
 * or "1e+06" depending on the version, and its indentation and key order
 * are not ours to choose. A small writer prints the format exactly as
 * docs/file-format.md describes it, so that loading and saving a file
 * gives the same bytes. Files are written through the safe save
 * (shk-safe-save.c), in pieces as they are made: a plan of 100,000
 * measures is 200 MB, and one buffer of that size costs more in page
 * faults and cache misses than making the text (issue #17).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "shk-format.h"
#include "shk-format-private.h"
#include "shk-round.h"
#include "shk-safe-save.h"

/* ------------------------------------------------------------------ */
/* Writing                                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  GString  *out;
  guint     depth;
  gboolean  first;   /* nothing written yet in the open object or array */
  GStrv     year_ids;        /* the plan's fiscal years, in order */
  GStrv     evaluation_ids;  /* the plan's evaluations, in order */
  /* The data keys of unknown members, looked up once rather than by name
   * on every object (g_object_get_data() takes the quark table's lock). */
  GQuark    extra, extra_audience, extra_published, extra_manual_grades, extra_thresholds;
  ShkSafeSaveStream *stream; /* where full pieces go; NULL: all in out */
  GPtrArray *pieces;         /* or here, as GBytes (shk_format_to_pieces()) */
  gsize     flushed;         /* bytes handed on so far */
  gboolean  failed;          /* a write to @stream failed: stop */
} Writer;

/* A piece: small enough to stay in the cache, large enough that writes
 * are few. */
#define FLUSH_SIZE (256 * 1024)

/* Hands what is made so far to the stream. Past the largest file the
 * reader accepts, nothing more is written but the bytes are still
 * counted, for the message. */
static void
write_flush (Writer *w)
{
  if (w->pieces != NULL && w->out->len > 0)
    {
      w->flushed += w->out->len;
      g_ptr_array_add (w->pieces, g_bytes_new (w->out->str, w->out->len));
      g_string_truncate (w->out, 0);
      return;
    }
  if (w->stream == NULL || w->out->len == 0)
    return;
  w->flushed += w->out->len;
  if (!w->failed && w->flushed <= shk_format_get_max_file_size ())
    w->failed = !shk_safe_save_stream_write (w->stream, w->out->str, w->out->len);
  g_string_truncate (w->out, 0);
}

/* g_string_append_len() without its checks, for the hot paths: the
 * writer appends tens of millions of short pieces to a large plan. */
static inline void
out_append (Writer     *w,
            const char *text,
            gsize       length)
{
  GString *out = w->out;

  if (G_UNLIKELY (out->len + length >= out->allocated_len))
    {
      g_string_append_len (out, text, length);
      return;
    }
  memcpy (out->str + out->len, text, length);
  out->len += length;
  out->str[out->len] = '\0';
}

/* A newline and the indentation of the open containers, in one append:
 * a large plan has millions of lines. */
static void
write_newline (Writer *w)
{
  static const char indent[] = "\n                                                                ";
  guint width = 2 * w->depth;

  if (width < sizeof indent - 1)
    {
      out_append (w, indent, 1 + width);
      return;
    }
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* The length of the well-formed UTF-8 sequence that starts at @p with a
 * byte ≥ 0x80, or 0: what g_utf8_validate() accepts (no overlong forms,
 * no surrogates, nothing above U+10FFFF), in the same pass as escaping. */
static guint
utf8_sequence_length (const guchar *p)
{
  guchar lead = p[0];
  guchar low = 0x80, high = 0xbf;
  guint n;

  if (lead >= 0xc2 && lead <= 0xdf)
    n = 2;
  else if (lead >= 0xe0 && lead <= 0xef)
    {
      n = 3;
      if (lead == 0xe0)
        low = 0xa0;
      else if (lead == 0xed)
        high = 0x9f;
    }
  else if (lead >= 0xf0 && lead <= 0xf4)
    {
      n = 4;
      if (lead == 0xf0)
        low = 0x90;
      else if (lead == 0xf4)
        high = 0x8f;
    }
  else
    return 0;

  /* The terminating nul is no continuation byte, so this stops at it. */
  if (p[1] < low || p[1] > high)
    return 0;
  for (guint i = 2; i < n; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return n;
}

static void
write_escape (Writer *w,
              guchar  c)
{
  switch (c)
    {
    case '"':  g_string_append (w->out, "\\\""); break;
    case '\\': g_string_append (w->out, "\\\\"); break;
    case '\n': g_string_append (w->out, "\\n"); break;
    case '\r': g_string_append (w->out, "\\r"); break;
    case '\t': g_string_append (w->out, "\\t"); break;
    case '\b': g_string_append (w->out, "\\b"); break;
    case '\f': g_string_append (w->out, "\\f"); break;
    default:
      g_string_append_printf (w->out, "\\u%04x", c);
    }
}

/* Escapes @text into a JSON string, UTF-8 as is. Text that is not valid
 * UTF-8 is written as g_utf8_make_valid() repairs it. Runs of text that
 * need no escaping go in one append. */
static void
write_string (Writer     *w,
              const char *text)
{
  gsize start = w->out->len;
  const guchar *run, *p;

  if (text == NULL)
    {
      g_string_append (w->out, "null");
      return;
    }

  g_string_append_c (w->out, '"');
  run = p = (const guchar *) text;
  for (;;)
    {
      guchar c = *p;

      if (G_LIKELY (c >= 0x20 && c < 0x80 && c != '"' && c != '\\'))
        {
          p++;
          continue;
        }
      if (c >= 0x80)
        {
          guint n = utf8_sequence_length (p);

          if (G_UNLIKELY (n == 0))
            {
              g_autofree char *valid = g_utf8_make_valid (text, -1);

              g_string_truncate (w->out, start);
              write_string (w, valid);
              return;
            }
          p += n;
          continue;
        }
      out_append (w, (const char *) run, p - run);
      if (c == '\0')
        break;
      write_escape (w, c);
      run = ++p;
    }
  g_string_append_c (w->out, '"');
}

static void
write_open (Writer *w,
            char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

static void
write_close (Writer *w,
             char    bracket)
{
  w->depth--;
  if (!w->first)
    write_newline (w);
  g_string_append_c (w->out, bracket);
  /* The enclosing container has at least this member now. */
  w->first = FALSE;
}

/* Starts an element of the open array. */
static void
write_element (Writer *w)
{
  if (G_UNLIKELY (w->out->len >= FLUSH_SIZE))
    write_flush (w);
  if (!w->first)
    g_string_append_c (w->out, ',');
  write_newline (w);
  w->first = FALSE;
}

/* Starts a member of the open object. */
static void
write_key (Writer     *w,
           const char *key)
{
  write_element (w);
  write_string (w, key);
  out_append (w, ": ", 2);
}

static void
write_member_string (Writer     *w,
                     const char *key,
                     const char *value)
{
  write_key (w, key);
  write_string (w, value);
}

/* Text that may be absent: "" and NULL are written as null. */
static void
write_member_text (Writer     *w,
                   const char *key,
                   const char *value)
{
  write_member_string (w, key, value != NULL && value[0] != '\0' ? value : NULL);
}

static void
write_member_number (Writer     *w,
                     const char *key,
                     double      value)
{
  write_key (w, key);
  shk_format_append_number (w->out, value);
}

static void
write_member_uint (Writer     *w,
                   const char *key,
                   guint       value)
{
  write_key (w, key);
  shk_format_append_number (w->out, value);
}

static void
write_member_boolean (Writer     *w,
                      const char *key,
                      gboolean    value)
{
  write_key (w, key);
  g_string_append (w->out, value ? "true" : "false");
}

static void
write_member_null (Writer     *w,
                   const char *key)
{
  write_key (w, key);
  g_string_append (w->out, "null");
}

static gboolean
node_is_container (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node);
}

static void write_node (Writer   *w,
                        JsonNode *node);

static void
write_node_members (Writer     *w,
                    JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      write_key (w, name);
      write_node (w, member);
    }
}

static void
write_node_array (Writer    *w,
                  JsonArray *array)
{
  guint n = json_array_get_length (array);
  gboolean flat = TRUE;

  for (guint i = 0; i < n && flat; i++)
    flat = !node_is_container (json_array_get_element (array, i));

  /* Short lists of plain values stay on one line, as in "years". */
  if (flat)
    {
      g_string_append_c (w->out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (w->out, ", ");
          write_node (w, json_array_get_element (array, i));
        }
      g_string_append_c (w->out, ']');
      return;
    }

  write_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      write_element (w);
      write_node (w, json_array_get_element (array, i));
    }
  write_close (w, ']');
}

static void
write_node (Writer   *w,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_open (w, '{');
      write_node_members (w, json_node_get_object (node));
      write_close (w, '}');
      return;
    case JSON_NODE_ARRAY:
      write_node_array (w, json_node_get_array (node));
      return;
    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      return;
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      write_string (w, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      shk_format_append_number (w->out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      g_string_append (w->out, "null");
      break;
    }
}

/* The unknown members kept under @data_key, after the known ones. */
static void
write_unknown (Writer     *w,
               gpointer    model_object,
               GQuark      data_key)
{
  JsonObject *unknown = g_object_get_qdata (G_OBJECT (model_object), data_key);

  if (unknown != NULL)
    write_node_members (w, unknown);
}

/* Writes the inline array of @strings (NULL-terminated). */
static void
write_string_list (Writer             *w,
                   const char * const *strings)
{
  g_string_append_c (w->out, '[');
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      write_string (w, strings[i]);
    }
  g_string_append_c (w->out, ']');
}

/* @ids in the plan's order (@order) first, then the others as given
 * (sorted). The strings belong to @order and @ids. */
static GPtrArray *
order_ids (GStrv  order,
           GStrv  ids)
{
  GPtrArray *ordered = g_ptr_array_new ();

  for (guint i = 0; order[i] != NULL; i++)
    if (ids != NULL && g_strv_contains ((const char * const *) ids, order[i]))
      g_ptr_array_add (ordered, order[i]);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) order, ids[i]))
      g_ptr_array_add (ordered, ids[i]);
  return ordered;
}

static GStrv
dup_fiscal_year_ids (ShkPlan *plan)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);
  guint n = g_list_model_get_n_items (years);
  GStrv ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      ids[i] = g_strdup (shk_fiscal_year_get_id (year));
    }
  return ids;
}

static GStrv
dup_evaluation_ids (ShkPlan *plan)
{
  GListModel *evaluations = shk_plan_get_evaluations (plan);
  guint n = g_list_model_get_n_items (evaluations);
  GStrv ids = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      ids[i] = g_strdup (shk_evaluation_get_id (evaluation));
    }
  return ids;
}

static void
write_fiscal_years (Writer  *w,
                    ShkPlan *plan)
{
  GListModel *years = shk_plan_get_fiscal_years (plan);

  write_key (w, "fiscal_years");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (years); i++)
    {
      g_autoptr(ShkFiscalYear) year = g_list_model_get_item (years, i);

      write_element (w);
      write_open (w, '{');
      write_member_string (w, "id", shk_fiscal_year_get_id (year));
      write_member_string (w, "label", shk_fiscal_year_get_label (year));
      write_unknown (w, year, w->extra);
      write_close (w, '}');
    }
  write_close (w, ']');
}

static void
write_evaluations (Writer  *w,
                   ShkPlan *plan)
{
  GListModel *evaluations = shk_plan_get_evaluations (plan);

  write_key (w, "evaluations");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (evaluations); i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      write_element (w);
      write_open (w, '{');
      write_member_string (w, "id", shk_evaluation_get_id (evaluation));
      write_member_text (w, "label", shk_evaluation_get_label (evaluation));
      write_member_string (w, "actual_year", shk_evaluation_get_actual_year (evaluation));
      write_member_string (w, "target_year", shk_evaluation_get_target_year (evaluation));
      write_unknown (w, evaluation, w->extra);
      write_close (w, '}');
    }
  write_close (w, ']');
}

static void
write_thresholds (Writer  *w,
                  ShkPlan *plan)
{
  write_key (w, "grade_thresholds");
  write_open (w, '{');
  write_member_number (w, "achieved", shk_plan_get_achieved_threshold (plan));
  write_member_number (w, "mostly", shk_plan_get_mostly_threshold (plan));
  write_unknown (w, plan, w->extra_thresholds);
  write_close (w, '}');
}

static void
write_policies (Writer  *w,
                ShkPlan *plan)
{
  GListModel *policies = shk_plan_get_policies (plan);

  write_key (w, "policies");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (policies); i++)
    {
      g_autoptr(ShkPolicy) policy = g_list_model_get_item (policies, i);

      write_element (w);
      write_open (w, '{');
      write_member_uint (w, "number", shk_policy_get_number (policy));
      write_member_string (w, "name", shk_policy_get_name (policy));
      write_unknown (w, policy, w->extra);
      write_close (w, '}');
    }
  write_close (w, ']');
}

typedef gboolean (*GetYearValueFunc) (ShkIndicator *indicator,
                                      const char   *year_id,
                                      double       *value);

static void
write_year_values (Writer           *w,
                   const char       *key,
                   ShkIndicator     *indicator,
                   GPtrArray        *years,
                   GetYearValueFunc  get_value)
{
  write_key (w, key);
  write_open (w, '{');
  for (guint i = 0; i < years->len; i++)
    {
      const char *year = g_ptr_array_index (years, i);
      double value;

      if (get_value (indicator, year, &value))
        write_member_number (w, year, value);
    }
  write_close (w, '}');
}

/* Written only when known, so that documents typed before version 2
 * keep their bytes but for the version. */
static void
write_provenance (Writer *w,
                  GStrv   keys,
                  const ShkProvenance *(*get) (gpointer, const char *),
                  gpointer owner)
{
  if (keys == NULL || keys[0] == NULL)
    return;
  write_key (w, "provenance");
  write_open (w, '{');
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const ShkProvenance *p = get (owner, keys[i]);

      write_key (w, keys[i]);
      write_open (w, '{');
      write_member_string (w, "source", shk_provenance_source_to_key (p->source));
      if (p->section != NULL)
        write_member_string (w, "section", p->section);
      if (p->file != NULL)
        write_member_string (w, "file", p->file);
      write_member_string (w, "date", p->date);
      write_close (w, '}');
    }
  write_close (w, '}');
}

static void
write_indicator (Writer       *w,
                 ShkIndicator *indicator)
{
  g_auto(GStrv) year_ids = shk_indicator_dup_year_ids (indicator);
  g_autoptr(GPtrArray) years = order_ids (w->year_ids, year_ids);
  const char *baseline_year = NULL;
  double baseline = 0;

  write_open (w, '{');
  write_member_string (w, "label", shk_indicator_get_label (indicator));
  write_member_string (w, "unit", shk_indicator_get_unit (indicator));
  write_member_text (w, "note", shk_indicator_get_note (indicator));
  write_member_string (w, "direction",
                       shk_indicator_get_direction (indicator) == SHK_DIRECTION_LOWER_IS_BETTER
                       ? "lower" : "higher");
  write_year_values (w, "target", indicator, years, shk_indicator_get_target);
  write_year_values (w, "actual", indicator, years, shk_indicator_get_actual);

  write_key (w, "printed_rates");
  write_open (w, '{');
  for (guint i = 0; i < years->len; i++)
    {
      const char *year = g_ptr_array_index (years, i);
      const char *rate = shk_indicator_get_printed_rate (indicator, year);

      if (rate != NULL)
        write_member_string (w, year, rate);
    }
  write_close (w, '}');

  /* Written only when set, like previous_plan. */
  if (shk_indicator_get_baseline (indicator, &baseline_year, &baseline))
    {
      write_key (w, "baseline");
      write_open (w, '{');
      write_member_string (w, "year", baseline_year);
      write_member_number (w, "value", baseline);
      write_close (w, '}');
    }

  {
    g_auto(GStrv) keys = shk_indicator_dup_provenance_keys (indicator);

    write_provenance (w, keys, (gpointer) shk_indicator_get_provenance, indicator);
  }
  write_unknown (w, indicator, w->extra);
  write_close (w, '}');
}

static void
write_manual_grades (Writer     *w,
                     ShkMeasure *measure)
{
  g_auto(GStrv) grade_ids = shk_measure_dup_manual_grade_ids (measure);
  g_autoptr(GPtrArray) ids = order_ids (w->evaluation_ids, grade_ids);
  JsonObject *all_unknown = g_object_get_qdata (G_OBJECT (measure), w->extra_manual_grades);

  write_key (w, "manual_grades");
  write_open (w, '{');
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *reason = NULL;
      ShkGrade grade = SHK_GRADE_NONE;

      if (!shk_measure_get_manual_grade (measure, id, &grade, &reason))
        continue;
      write_key (w, id);
      write_open (w, '{');
      write_member_string (w, "grade", shk_format_grade_to_symbol (grade));
      write_member_text (w, "reason", reason);
      if (all_unknown != NULL && json_object_has_member (all_unknown, id))
        write_node_members (w, json_object_get_object_member (all_unknown, id));
      write_close (w, '}');
    }
  write_close (w, '}');
}

/* Written only when there is one, so that documents without replies
 * keep their bytes. */
static void
write_self_grades (Writer     *w,
                   ShkMeasure *measure)
{
  g_auto(GStrv) years = shk_measure_dup_self_grade_years (measure);
  g_autoptr(GPtrArray) ids = order_ids (w->year_ids, years);

  if (ids->len == 0)
    return;
  write_key (w, "self_grades");
  write_open (w, '{');
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *reason = NULL;
      ShkGrade grade = SHK_GRADE_NONE;

      if (!shk_measure_get_self_grade (measure, id, &grade, &reason))
        continue;
      write_key (w, id);
      write_open (w, '{');
      write_member_string (w, "grade", shk_format_grade_to_symbol (grade));
      write_member_text (w, "reason", *reason != '\0' ? reason : NULL);
      write_close (w, '}');
    }
  write_close (w, '}');
}

static void
write_published (Writer     *w,
                 ShkMeasure *measure)
{
  g_auto(GStrv) grade_ids = shk_measure_dup_published_grade_ids (measure);
  g_autoptr(GPtrArray) ids = order_ids (w->evaluation_ids, grade_ids);

  write_key (w, "published");
  write_open (w, '{');
  write_member_text (w, "achievement_rate", shk_measure_get_published_rate (measure));
  write_member_text (w, "status", shk_measure_get_published_status (measure));
  write_key (w, "grades");
  write_open (w, '{');
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      ShkGrade grade = SHK_GRADE_NONE;

      if (shk_measure_get_published_grade (measure, id, &grade)
          && shk_format_grade_to_symbol (grade) != NULL)
        write_member_string (w, id, shk_format_grade_to_symbol (grade));
    }
  write_close (w, '}');
  write_unknown (w, measure, w->extra_published);
  write_close (w, '}');
}

static void
write_measure (Writer     *w,
               ShkMeasure *measure)
{
  GListModel *indicators = shk_measure_get_indicators (measure);

  write_open (w, '{');
  write_member_uint (w, "number", shk_measure_get_number (measure));
  if (shk_measure_get_policy_number (measure) > 0)
    write_member_uint (w, "policy", shk_measure_get_policy_number (measure));
  else
    write_member_null (w, "policy");
  write_member_uint (w, "index_in_policy", shk_measure_get_index_in_policy (measure));
  write_member_string (w, "name", shk_measure_get_name (measure));
  write_member_string (w, "purpose", shk_measure_get_purpose (measure));

  write_key (w, "audience");
  write_open (w, '{');
  write_member_boolean (w, "citizens", shk_measure_get_for_citizens (measure));
  write_member_boolean (w, "internal", shk_measure_get_for_internal (measure));
  write_unknown (w, measure, w->extra_audience);
  write_close (w, '}');

  write_member_string (w, "bureau", shk_measure_get_bureau (measure));
  write_member_string (w, "section", shk_measure_get_section (measure));
  write_member_string (w, "actions", shk_measure_get_actions (measure));
  write_member_string (w, "next_year_plan", shk_measure_get_next_year_plan (measure));
  write_member_string (w, "expected_effect", shk_measure_get_expected_effect (measure));
  write_member_text (w, "year_added", shk_measure_get_year_added (measure));
  write_member_boolean (w, "counted_in_summary", shk_measure_get_counted (measure));

  write_key (w, "indicators");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);

      write_element (w);
      write_indicator (w, indicator);
    }
  write_close (w, ']');

  write_manual_grades (w, measure);
  write_self_grades (w, measure);
  {
    g_auto(GStrv) keys = shk_measure_dup_provenance_keys (measure);

    write_provenance (w, keys, (gpointer) shk_measure_get_provenance, measure);
  }
  write_published (w, measure);
  write_member_text (w, "notes", shk_measure_get_notes (measure));
  write_unknown (w, measure, w->extra);
  write_close (w, '}');
}

static void
write_measures (Writer  *w,
                ShkPlan *plan)
{
  GListModel *measures = shk_plan_get_measures (plan);

  write_key (w, "measures");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (measures) && !w->failed; i++)
    {
      g_autoptr(ShkMeasure) measure = g_list_model_get_item (measures, i);

      write_element (w);
      write_measure (w, measure);
    }
  write_close (w, ']');
}

static void
write_process (Writer     *w,
               ShkProcess *process)
{
  double reduction;

  write_open (w, '{');
  write_member_string (w, "id", shk_process_get_id (process));
  write_member_number (w, "hours", shk_process_get_hours (process));
  write_member_string (w, "process", shk_process_get_name (process));
  write_member_string (w, "business", shk_process_get_business (process));
  write_member_string (w, "section", shk_process_get_section (process));
  write_member_string (w, "unit", shk_process_get_unit (process));
  write_member_string (w, "priority", shk_format_priority_to_key (shk_process_get_priority (process)));
  write_member_text (w, "category", shk_process_get_category (process));
  write_member_text (w, "printed_category", shk_process_get_printed_category (process));
  write_member_text (w, "solution", shk_process_get_solution (process));
  if (shk_process_get_expected_reduction (process, &reduction))
    write_member_number (w, "expected_reduction_hours", reduction);
  else
    write_member_null (w, "expected_reduction_hours");
  write_member_text (w, "qualitative_effect", shk_process_get_qualitative_effect (process));
  write_member_text (w, "policy", shk_process_get_policy (process));
  write_member_text (w, "efficiency_measure", shk_process_get_efficiency_measure (process));
  write_member_text (w, "notes", shk_process_get_notes (process));
  /* Only once a section has answered, so that documents without survey
   * replies stay as they were. */
  if (*shk_process_get_ai_applicable (process) != '\0')
    write_member_text (w, "ai_applicable", shk_process_get_ai_applicable (process));
  if (*shk_process_get_reply_note (process) != '\0')
    write_member_text (w, "reply_note", shk_process_get_reply_note (process));
  write_member_boolean (w, "demo_experiment", shk_process_get_demo_experiment (process));
  write_member_boolean (w, "deep_dive", shk_process_get_deep_dive (process));
  {
    g_auto(GStrv) keys = shk_process_dup_provenance_keys (process);

    write_provenance (w, keys, (gpointer) shk_process_get_provenance, process);
  }
  write_unknown (w, process, w->extra);
  write_close (w, '}');
}

static void
write_survey (Writer  *w,
              ShkPlan *plan)
{
  ShkSurvey *survey = shk_plan_get_survey (plan);
  GListModel *processes;

  write_key (w, "survey");
  if (survey == NULL)
    {
      g_string_append (w->out, "null");
      return;
    }

  processes = shk_survey_get_processes (survey);
  write_open (w, '{');
  write_member_string (w, "title", shk_survey_get_title (survey));
  write_member_uint (w, "sections", shk_survey_get_total_sections (survey));
  write_member_uint (w, "businesses", shk_survey_get_total_businesses (survey));
  write_member_uint (w, "processes", shk_survey_get_total_processes (survey));
  /* The totals are computed; they are written for older readers and for
   * people reading the file, the remainder is what is read back. */
  write_member_number (w, "total_hours", shk_survey_get_total_hours (survey));
  write_member_number (w, "listing_threshold_hours", shk_survey_get_listing_threshold (survey));
  write_member_uint (w, "unlisted_processes", shk_survey_get_unlisted_processes (survey));
  write_member_number (w, "unlisted_hours", shk_survey_get_unlisted_hours (survey));
  write_key (w, "work_processes");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (processes) && !w->failed; i++)
    {
      g_autoptr(ShkProcess) process = g_list_model_get_item (processes, i);

      write_element (w);
      write_process (w, process);
    }
  write_close (w, ']');
  write_unknown (w, survey, w->extra);
  write_close (w, '}');
}

static void
write_cost_item (Writer      *w,
                 ShkCostItem *item,
                 guint        n_years)
{
  write_open (w, '{');
  write_member_string (w, "name", shk_cost_item_get_name (item));
  write_key (w, "amounts");
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < n_years; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      shk_format_append_number (w->out, shk_cost_item_get_amount (item, i));
    }
  g_string_append_c (w->out, ']');
  write_unknown (w, item, w->extra);
  write_close (w, '}');
}

static void
write_scenario (Writer      *w,
                ShkScenario *scenario)
{
  const char * const *years = shk_scenario_get_years (scenario);
  guint n_years = shk_scenario_get_n_years (scenario);
  guint start = shk_scenario_get_savings_start (scenario);
  GListModel *items = shk_scenario_get_cost_items (scenario);
  double hours;

  write_open (w, '{');
  write_member_string (w, "name", shk_scenario_get_name (scenario));
  write_member_text (w, "description", shk_scenario_get_description (scenario));
  write_key (w, "processes");
  write_string_list (w, shk_scenario_get_process_ids (scenario));
  write_key (w, "years");
  write_string_list (w, years);
  write_member_number (w, "hourly_rate", shk_scenario_get_hourly_rate (scenario));
  if (shk_scenario_get_hours_saved (scenario, &hours))
    write_member_number (w, "hours_saved", hours);
  else
    write_member_null (w, "hours_saved");
  write_member_string (w, "savings_start",
                       years != NULL && start < n_years ? years[start] : NULL);
  write_member_uint (w, "first_year_months", shk_scenario_get_first_year_months (scenario));
  write_member_number (w, "discount_rate", shk_scenario_get_discount_rate (scenario));

  write_key (w, "cost_items");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ShkCostItem) item = g_list_model_get_item (items, i);

      write_element (w);
      write_cost_item (w, item, n_years);
    }
  write_close (w, ']');
  write_unknown (w, scenario, w->extra);
  write_close (w, '}');
}

static void
write_scenarios (Writer  *w,
                 ShkPlan *plan)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);

  write_key (w, "scenarios");
  write_open (w, '[');
  for (guint i = 0; i < g_list_model_get_n_items (scenarios); i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);

      write_element (w);
      write_scenario (w, scenario);
    }
  write_close (w, ']');
}

/* Written only once a round was started, so that plans without one keep
 * their bytes. */
static void
write_round (Writer  *w,
             ShkPlan *plan)
{
  g_autoptr(JsonNode) node = NULL;

  if (shk_round_is_empty (shk_plan_get_round (plan)))
    return;
  node = shk_format_round_to_node (shk_plan_get_round (plan));
  write_key (w, "round");
  write_node (w, node);
}

static void
write_plan (Writer  *w,
            ShkPlan *plan)
{
  w->year_ids = dup_fiscal_year_ids (plan);
  w->evaluation_ids = dup_evaluation_ids (plan);
  w->extra = g_quark_from_static_string (EXTRA_KEY);
  w->extra_audience = g_quark_from_static_string (EXTRA_AUDIENCE);
  w->extra_published = g_quark_from_static_string (EXTRA_PUBLISHED);
  w->extra_manual_grades = g_quark_from_static_string (EXTRA_MANUAL_GRADES);
  w->extra_thresholds = g_quark_from_static_string (EXTRA_GRADE_THRESHOLDS);

  write_open (w, '{');
  write_member_string (w, "format", SHK_FORMAT_NAME);
  write_member_uint (w, "version", SHK_FORMAT_VERSION);
  write_member_string (w, "title", shk_plan_get_title (plan));
  write_member_string (w, "organisation", shk_plan_get_organisation (plan));
  /* Written only when set, so documents without a predecessor keep their
   * bytes. */
  if (shk_plan_get_previous_plan (plan) != NULL)
    write_member_string (w, "previous_plan", shk_plan_get_previous_plan (plan));
  write_member_text (w, "reporting_year", shk_plan_get_reporting_year (plan));
  write_fiscal_years (w, plan);
  write_evaluations (w, plan);
  write_thresholds (w, plan);
  write_policies (w, plan);
  write_measures (w, plan);
  write_survey (w, plan);
  write_scenarios (w, plan);
  write_round (w, plan);
  write_unknown (w, plan, w->extra);
  write_close (w, '}');
  g_string_append_c (w->out, '\n');

  g_clear_pointer (&w->year_ids, g_strfreev);
  g_clear_pointer (&w->evaluation_ids, g_strfreev);
}

char *
shk_format_to_data (ShkPlan *plan,
                    gsize   *length)
{
  Writer w = { 0 };

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  w.out = g_string_sized_new (64 * 1024);
  write_plan (&w, plan);
  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

GPtrArray *
shk_format_to_pieces (ShkPlan *plan,
                      gsize   *length)
{
  Writer w = { 0 };

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  w.pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  w.out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  write_plan (&w, plan);
  write_flush (&w);
  g_string_free (w.out, TRUE);
  if (length != NULL)
    *length = w.flushed;
  return w.pieces;
}

gboolean
shk_format_check_writable (gsize    length,
                           GError **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (length <= shk_format_get_max_file_size ())
    return TRUE;

  size_text = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
  limit_text = g_format_size_full (shk_format_get_max_file_size (), G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_TOO_LARGE,
               /* TRANSLATORS: "the plan would take 1.5 GiB, more than the 1.0 GiB a plan file can hold; nothing was written" */
               _("the plan would take %s, more than the %s a plan file can hold; nothing was written"),
               size_text, limit_text);
  return FALSE;
}

/* The safe save's writer: the plan, in pieces. */
static gboolean
write_plan_to_stream (ShkSafeSaveStream  *stream,
                      gpointer            user_data,
                      GError            **error)
{
  ShkPlan *plan = user_data;
  Writer w = { .stream = stream };
  gsize length;

  w.out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  write_plan (&w, plan);
  write_flush (&w);
  g_string_free (w.out, TRUE);
  length = w.flushed;
  if (w.failed)
    return FALSE;
  /* A file the reader would refuse is no save: keep the old file. */
  return shk_format_check_writable (length, error);
}

gboolean
shk_format_save_file (ShkPlan       *plan,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Its messages name the file and say that it is unchanged. */
  if (shk_safe_save_with_func (file, write_plan_to_stream, plan, SHK_SAFE_SAVE_KEEP_BACKUP,
                               NULL, cancellable, error))
    return TRUE;
  if (error != NULL && g_error_matches (*error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_TOO_LARGE))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
    }
  return FALSE;
}
