/* shk-source-json.c — reading the handouts' source tables leniently
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "shk-source-json.h"

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

const char *
shk_source_get_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
shk_source_get_number (JsonObject *object,
                       const char *name,
                       double     *value)
{
  JsonNode *node = get_member (object, name);
  GType type;
  double number;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  number = json_node_get_double (node);
  if (!isfinite (number))
    return FALSE;
  *value = number;
  return TRUE;
}

gboolean
shk_source_get_count (JsonObject *object,
                      const char *name,
                      guint      *count)
{
  double value;

  if (!shk_source_get_number (object, name, &value) || value < 0 ||
      value > G_MAXUINT || value != floor (value))
    return FALSE;
  *count = (guint) value;
  return TRUE;
}

JsonObject *
shk_source_get_object (JsonObject *object,
                       const char *name)
{
  JsonNode *node = get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
shk_source_get_array (JsonObject *object,
                      const char *name)
{
  JsonNode *node = get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

GStrv
shk_source_dup_strv (JsonObject *object,
                     const char *name)
{
  JsonArray *array = shk_source_get_array (object, name);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}
