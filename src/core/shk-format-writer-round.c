/* shk-format-writer-round.c — the request round as the plan file has it
 *
 * Built as a JSON tree that the writer prints with its own rules (keys in
 * this order, plain arrays on one line), so that the round's layout is
 * stated here, next to nothing else, and the reader's counterpart is
 * shk-format-reader-round.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "shk-format-private.h"
#include "shk-round.h"

/* "" and NULL are written as null, as everywhere in the format. */
static void
set_text (JsonObject *object,
          const char *key,
          const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (object, key, value);
  else
    json_object_set_null_member (object, key);
}

/* The unknown members kept on @model_object, after the known ones. */
static void
append_unknown (JsonObject *object,
                gpointer    model_object)
{
  JsonObject *unknown = g_object_get_data (G_OBJECT (model_object), EXTRA_KEY);
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (unknown == NULL)
    return;
  json_object_iter_init_ordered (&iter, unknown);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (object, name, json_node_copy (member));
}

static char *
folder_text (GFile *folder)
{
  const char *path = g_file_peek_path (folder);

  /* A local folder as the path the user chose, readable in a diff;
   * anything else (a network share GIO mounted), or a path that is not
   * UTF-8 and so no JSON string, as its URI. */
  if (path != NULL && g_utf8_validate (path, -1, NULL))
    return g_strdup (path);
  return g_file_get_uri (folder);
}

static JsonNode *
section_to_node (ShkRoundSection *section)
{
  JsonObject *object = json_object_new ();
  JsonArray *measures = json_array_new ();
  GArray *numbers = shk_round_section_get_measure_numbers (section);
  JsonNode *node;

  for (guint m = 0; m < numbers->len; m++)
    json_array_add_int_element (measures, g_array_index (numbers, guint, m));

  json_object_set_string_member (object, "section", shk_round_section_get_section (section));
  json_object_set_array_member (object, "measures", measures);
  json_object_set_string_member (object, "status",
                                 shk_reply_status_to_key (shk_round_section_get_status (section)));
  set_text (object, "file", shk_round_section_get_file (section));
  set_text (object, "message", shk_round_section_get_message (section));
  append_unknown (object, section);

  node = json_node_alloc ();
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

JsonNode *
shk_format_round_to_node (ShkRound *round)
{
  JsonObject *object;
  JsonArray *sections;
  JsonNode *node;
  GFile *folder;

  g_return_val_if_fail (SHK_IS_ROUND (round), NULL);

  object = json_object_new ();
  sections = json_array_new ();
  folder = shk_round_get_folder (round);

  json_object_set_string_member (object, "year", shk_round_get_year (round));
  set_text (object, "due", shk_round_get_due (round));
  set_text (object, "sent", shk_round_get_sent (round));
  if (folder != NULL)
    {
      g_autofree char *text = folder_text (folder);

      json_object_set_string_member (object, "folder", text);
    }
  else
    json_object_set_null_member (object, "folder");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (round)); i++)
    {
      g_autoptr(ShkRoundSection) section = g_list_model_get_item (G_LIST_MODEL (round), i);

      json_array_add_element (sections, section_to_node (section));
    }
  json_object_set_array_member (object, "sections", sections);
  append_unknown (object, round);

  node = json_node_alloc ();
  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}
