/* shk-format-reader-values.c — typed values out of a plan's JSON tree
 *
 * The reader walks json-glib's tree with a JSON path of where it is, so
 * that every problem (a wrong type, a missing member, a number out of
 * range, an unknown grade) is reported with its place, e.g.
 * measures[3].indicators[0].target.R3, and reading goes on to find the
 * others. Members the app does not know are kept for the writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "shk-format.h"
#include "shk-format-reader-private.h"

#define MAX_REPORTED_PROBLEMS 20
#define PREVIEW_CHARS         40




static const struct
{
  const char *expected;
  double      min;
  double      max;
  gboolean    integer;
  gboolean    max_excluded;
} number_kinds[] = {
  [NUMBER_ANY]           = { N_("a number"), -MAX_MAGNITUDE, MAX_MAGNITUDE, FALSE, FALSE },
  [NUMBER_NON_NEGATIVE]  = { N_("a number ≥ 0"), 0, MAX_MAGNITUDE, FALSE, FALSE },
  [NUMBER_FRACTION]      = { N_("a number from 0 up to (not including) 1"), 0, 1, FALSE, TRUE },
  [INTEGER_POSITIVE]     = { N_("an integer ≥ 1"), 1, G_MAXUINT, TRUE, FALSE },
  [INTEGER_NON_NEGATIVE] = { N_("an integer ≥ 0"), 0, G_MAXUINT, TRUE, FALSE },
  [INTEGER_MONTHS]       = { N_("an integer from 0 to 12"), 0, 12, TRUE, FALSE },
};

/* Records a problem. @format's first conversion is the JSON path. */
void
shk_reader_problem (Reader     *r,
         const char *format,
         ...)
{
  va_list args;

  r->n_problems++;
  if (r->problems->len >= MAX_REPORTED_PROBLEMS)
    return;

  va_start (args, format);
  g_ptr_array_add (r->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

void
shk_reader_add_problems (Reader       *r,
                         const Reader *from)
{
  for (guint i = 0; i < from->problems->len && r->problems->len < MAX_REPORTED_PROBLEMS; i++)
    g_ptr_array_add (r->problems, g_strdup (g_ptr_array_index (from->problems, i)));
  r->n_problems += from->n_problems;
}

gsize
shk_reader_path_push_key (Reader     *r,
               const char *key)
{
  gsize length = r->path->len;
  gboolean plain = key[0] != '\0';

  for (const char *p = key; *p != '\0' && plain; p++)
    if (*p == '.' || *p == '[' || *p == ']' || *p == '"'
        || g_ascii_isspace (*p) || (guchar) *p < 0x20)
      plain = FALSE;

  if (plain)
    {
      if (length > 0)
        g_string_append_c (r->path, '.');
      g_string_append (r->path, key);
    }
  else
    {
      /* Keys that would make the path ambiguous are quoted. */
      g_autofree char *escaped = g_strescape (key, NULL);

      g_string_append_printf (r->path, "[\"%s\"]", escaped);
    }
  return length;
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize length = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return length;
}

void
shk_reader_path_pop (Reader *r,
          gsize   length)
{
  g_string_truncate (r->path, length);
}

char *
shk_reader_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));
    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));
    case JSON_NODE_NULL:
      return g_strdup ("null");
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        g_autofree char *preview = NULL;

        if (g_utf8_strlen (text, -1) > PREVIEW_CHARS)
          {
            g_autofree char *start = g_utf8_substring (text, 0, PREVIEW_CHARS);

            preview = g_strconcat (start, "…", NULL);
          }
        else
          preview = g_strdup (text);
        /* TRANSLATORS: describes a value found in a file; %s is its text */
        return g_strdup_printf (_("a string (\"%s\")"), preview);
      }
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      {
        g_autofree char *number = shk_format_number_text (json_node_get_double (node));

        /* TRANSLATORS: describes a value found in a file */
        return g_strdup_printf (_("a number (%s)"), number);
      }
    case G_TYPE_BOOLEAN:
      /* TRANSLATORS: describes a value found in a file */
      return g_strdup_printf (_("a boolean (%s)"),
                              json_node_get_boolean (node) ? "true" : "false");
    default:
      return g_strdup (_("a value of an unknown type"));
    }
}

static char *
expected_text (const char *expected,
               Need        need)
{
  if (need == REQUIRED)
    return g_strdup (expected);
  /* TRANSLATORS: %s is what a value must be, e.g. "a number" */
  return g_strdup_printf (_("%s or null"), expected);
}

/* Reports that the value at the current path has the wrong type. */
void
shk_reader_wrong_type (Reader     *r,
            JsonNode   *node,
            const char *expected,
            Need        need)
{
  g_autofree char *found = shk_reader_describe_node (node);
  g_autofree char *wanted = expected_text (expected, need);

  /* TRANSLATORS: "measures[3].name: expected a string, found a number (3)" */
  shk_reader_problem (r, _("%s: expected %s, found %s"), r->path->str, wanted, found);
}

/* Checks presence and nullness of the value at the current path. Returns
 * FALSE when there is no value to read (absent, null, or an error). */
static gboolean
check_present (Reader     *r,
               JsonNode   *node,
               const char *expected,
               Need        need)
{
  if (node == NULL)
    {
      if (need == REQUIRED)
        /* TRANSLATORS: "measures[3].number: missing; expected an integer ≥ 1" */
        shk_reader_problem (r, _("%s: missing; expected %s"), r->path->str, expected);
      return FALSE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (need == REQUIRED)
        shk_reader_wrong_type (r, node, expected, need);
      return FALSE;
    }
  return TRUE;
}

gboolean
shk_reader_node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
shk_reader_node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* The value at the current path as a string: TRUE and @value set when it
 * is one; FALSE (and @value NULL) when absent, null or wrong. */
gboolean
shk_reader_node_string (Reader      *r,
             JsonNode    *node,
             Need         need,
             const char **value)
{
  *value = NULL;
  if (!check_present (r, node, _("a string"), need))
    return FALSE;
  if (!shk_reader_node_is_string (node))
    {
      shk_reader_wrong_type (r, node, _("a string"), need);
      return FALSE;
    }
  *value = json_node_get_string (node);
  return TRUE;
}

/* Same, for a string that must not be empty (ids). */
gboolean
shk_reader_node_id (Reader      *r,
         JsonNode    *node,
         Need         need,
         const char **value)
{
  if (!shk_reader_node_string (r, node, need, value))
    return FALSE;
  if ((*value)[0] == '\0')
    {
      /* TRANSLATORS: %s is the JSON path of an id */
      shk_reader_problem (r, _("%s: must not be empty"), r->path->str);
      *value = NULL;
      return FALSE;
    }
  return TRUE;
}

gboolean
shk_reader_node_number (Reader     *r,
             JsonNode   *node,
             Need        need,
             NumberKind  kind,
             double     *value)
{
  const char *expected = _(number_kinds[kind].expected);
  g_autofree char *text = NULL;
  double v;

  if (!check_present (r, node, expected, need))
    return FALSE;
  if (!shk_reader_node_is_number (node))
    {
      shk_reader_wrong_type (r, node, expected, need);
      return FALSE;
    }

  v = json_node_get_double (node);
  if (!isfinite (v))
    {
      shk_reader_problem (r, _("%s: the number is too large to represent"), r->path->str);
      return FALSE;
    }

  /* The number's text only for a message: formatting every number of a
   * large plan was a twentieth of its load (issue #17). */
  if (fabs (v) > MAX_MAGNITUDE)
    {
      text = shk_format_number_text (v);
      /* TRANSLATORS: %s are the JSON path and the number */
      shk_reader_problem (r, _("%s: %s is out of range; numbers in a plan lie between -1e15 and 1e15"),
               r->path->str, text);
      return FALSE;
    }
  if (number_kinds[kind].integer && v != trunc (v))
    {
      text = shk_format_number_text (v);
      /* TRANSLATORS: "policies[0].number: 1.5 is not a whole number; expected an integer ≥ 1" */
      shk_reader_problem (r, _("%s: %s is not a whole number; expected %s"),
               r->path->str, text, expected);
      return FALSE;
    }
  if (v < number_kinds[kind].min || v > number_kinds[kind].max
      || (number_kinds[kind].max_excluded && v >= number_kinds[kind].max))
    {
      text = shk_format_number_text (v);
      /* TRANSLATORS: "survey.work_processes[2].hours: -3 is out of range; expected a number ≥ 0" */
      shk_reader_problem (r, _("%s: %s is out of range; expected %s"),
               r->path->str, text, expected);
      return FALSE;
    }

  *value = v;
  return TRUE;
}

static gboolean
node_uint (Reader     *r,
           JsonNode   *node,
           Need        need,
           NumberKind  kind,
           guint      *value)
{
  double v;

  g_assert (number_kinds[kind].integer);
  if (!shk_reader_node_number (r, node, need, kind, &v))
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static gboolean
node_boolean (Reader   *r,
              JsonNode *node,
              Need      need,
              gboolean *value)
{
  if (!check_present (r, node, _("a boolean"), need))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      shk_reader_wrong_type (r, node, _("a boolean"), need);
      return FALSE;
    }
  *value = json_node_get_boolean (node);
  return TRUE;
}

JsonObject *
shk_reader_node_object (Reader   *r,
             JsonNode *node,
             Need      need)
{
  if (!check_present (r, node, _("an object"), need))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      shk_reader_wrong_type (r, node, _("an object"), need);
      return NULL;
    }
  return json_node_get_object (node);
}

static JsonArray *
node_array (Reader   *r,
            JsonNode *node,
            Need      need)
{
  if (!check_present (r, node, _("an array"), need))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      shk_reader_wrong_type (r, node, _("an array"), need);
      return NULL;
    }
  return json_node_get_array (node);
}

/* Member-level versions: push the key onto the path, read, pop. */

gboolean
shk_reader_read_string (Reader      *r,
             JsonObject  *object,
             const char  *key,
             Need         need,
             const char **value)
{
  gsize mark = shk_reader_path_push_key (r, key);
  gboolean ok = shk_reader_node_string (r, json_object_get_member (object, key), need, value);

  shk_reader_path_pop (r, mark);
  return ok;
}

gboolean
shk_reader_read_id (Reader      *r,
         JsonObject  *object,
         const char  *key,
         Need         need,
         const char **value)
{
  gsize mark = shk_reader_path_push_key (r, key);
  gboolean ok = shk_reader_node_id (r, json_object_get_member (object, key), need, value);

  shk_reader_path_pop (r, mark);
  return ok;
}

gboolean
shk_reader_read_number (Reader     *r,
             JsonObject *object,
             const char *key,
             Need        need,
             NumberKind  kind,
             double     *value)
{
  gsize mark = shk_reader_path_push_key (r, key);
  gboolean ok = shk_reader_node_number (r, json_object_get_member (object, key), need, kind, value);

  shk_reader_path_pop (r, mark);
  return ok;
}

gboolean
shk_reader_read_uint (Reader     *r,
           JsonObject *object,
           const char *key,
           Need        need,
           NumberKind  kind,
           guint      *value)
{
  gsize mark = shk_reader_path_push_key (r, key);
  gboolean ok = node_uint (r, json_object_get_member (object, key), need, kind, value);

  shk_reader_path_pop (r, mark);
  return ok;
}

gboolean
shk_reader_read_boolean (Reader     *r,
              JsonObject *object,
              const char *key,
              Need        need,
              gboolean   *value)
{
  gsize mark = shk_reader_path_push_key (r, key);
  gboolean ok = node_boolean (r, json_object_get_member (object, key), need, value);

  shk_reader_path_pop (r, mark);
  return ok;
}

/* Text of a member that defaults to "" (or NULL for @nullable members). */
const char *
shk_reader_read_text (Reader     *r,
           JsonObject *object,
           const char *key,
           Need        need)
{
  const char *value = NULL;

  shk_reader_read_string (r, object, key, need, &value);
  return value != NULL ? value : "";
}

/* A non-finite number anywhere in a kept unknown value could not be
 * written back as JSON. shk_json_check() already refuses such numbers;
 * this keeps the writer's guarantee should text ever reach the reader by
 * another way. */
static void
check_unknown_value (Reader   *r,
                     JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, json_node_get_object (node));
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gsize mark = shk_reader_path_push_key (r, name);

          check_unknown_value (r, member);
          shk_reader_path_pop (r, mark);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          gsize mark = path_push_index (r, i);

          check_unknown_value (r, json_array_get_element (array, i));
          shk_reader_path_pop (r, mark);
        }
    }
  else if (shk_reader_node_is_number (node) && !isfinite (json_node_get_double (node)))
    shk_reader_problem (r, _("%s: the number is too large to represent"), r->path->str);
}

/* The members of @object not named in @known, in the order read, or NULL
 * when there are none. */
JsonObject *
shk_reader_collect_unknown (Reader             *r,
                 JsonObject         *object,
                 const char * const *known)
{
  JsonObject *unknown = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      gsize mark;

      if (g_strv_contains (known, name))
        continue;

      mark = shk_reader_path_push_key (r, name);
      check_unknown_value (r, member);
      shk_reader_path_pop (r, mark);

      if (unknown == NULL)
        unknown = json_object_new ();
      /* A copy of an object or array node shares the (never modified)
       * JsonObject or JsonArray with the parser's tree. */
      json_object_set_member (unknown, name, json_node_copy (member));
    }
  return unknown;
}

void
shk_reader_keep_unknown (Reader             *r,
              gpointer            model_object,
              const char         *data_key,
              JsonObject         *object,
              const char * const *known)
{
  JsonObject *unknown = shk_reader_collect_unknown (r, object, known);

  g_object_set_data_full (G_OBJECT (model_object), data_key, unknown,
                          unknown != NULL ? (GDestroyNotify) json_object_unref : NULL);
}


JsonArray *
shk_reader_read_array (Reader          *r,
            JsonObject      *object,
            const char      *key,
            Need             need,
            ReadElementFunc  read_element,
            gpointer         user_data)
{
  gsize mark = shk_reader_path_push_key (r, key);
  JsonArray *array = node_array (r, json_object_get_member (object, key), need);

  if (array != NULL && read_element != NULL)
    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        gsize element_mark = path_push_index (r, i);

        read_element (r, json_array_get_element (array, i), i, user_data);
        shk_reader_path_pop (r, element_mark);
      }
  shk_reader_path_pop (r, mark);
  return array;
}


void
shk_reader_read_map (Reader         *r,
          JsonObject     *object,
          const char     *key,
          ReadMemberFunc  read_member,
          gpointer        user_data)
{
  gsize mark = shk_reader_path_push_key (r, key);
  JsonObject *map = shk_reader_node_object (r, json_object_get_member (object, key), OPTIONAL);

  if (map != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, map);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        {
          gsize member_mark = shk_reader_path_push_key (r, name);

          if (name[0] == '\0')
            shk_reader_problem (r, _("%s: the key must not be empty"), r->path->str);
          else
            read_member (r, name, member, user_data);
          shk_reader_path_pop (r, member_mark);
        }
    }
  shk_reader_path_pop (r, mark);
}

JsonObject *
shk_reader_element_object (Reader   *r,
                JsonNode *element)
{
  return shk_reader_node_object (r, element, REQUIRED);
}

