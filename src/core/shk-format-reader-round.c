/* shk-format-reader-round.c — the request round read from the plan file
 *
 * One function, shk_reader_read_round(), reads the object under "round"
 * into the plan's ShkRound, recording every problem with its JSON path
 * as the rest of the reader does. It takes the round's own object so
 * that any reader that can hand it a JsonObject (json-glib's tree here,
 * a streaming reader that builds the small subtree) shares it.
 *
 * Sections and measures are not checked against the plan's: the round
 * records who was asked, and the plan may have moved on since (a measure
 * handed to another section, one deleted). A file Shinchoku wrote after
 * such an edit must still open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "shk-format-reader-private.h"
#include "shk-round.h"

static const char * const round_keys[] = {
  "year", "due", "sent", "folder", "sections", NULL
};

static const char * const section_keys[] = {
  "section", "measures", "status", "file", "message", NULL
};

typedef struct
{
  GPtrArray  *sections;  /* ShkRoundSection */
  GHashTable *names;     /* section name → path of its first entry */
  const char *due;
} SectionsRead;

/* "YYYY-MM-DD", a day of the calendar. */
static gboolean
is_date (const char *text)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  return year >= 1 && g_date_valid_dmy (day, month, year);
}

static const char *
read_date (Reader     *r,
           JsonObject *object,
           const char *key)
{
  const char *text = NULL;
  gsize mark = shk_reader_path_push_key (r, key);

  if (shk_reader_node_string (r, json_object_get_member (object, key), OPTIONAL, &text)
      && !is_date (text))
    {
      /* TRANSLATORS: "round.due: expected a date as YYYY-MM-DD, found "11/30"" */
      shk_reader_problem (r, _("%s: expected a date as YYYY-MM-DD, found \"%s\""),
                          r->path->str, text);
      text = NULL;
    }
  shk_reader_path_pop (r, mark);
  return text;
}

/* A local folder is stored as its path, anything else as a URI. Whether
 * the folder still exists is the page's to show, not an error: the file
 * is about what was sent, and folders get moved. */
static GFile *
read_folder (Reader     *r,
             JsonObject *object)
{
  const char *text = NULL;
  gsize mark = shk_reader_path_push_key (r, "folder");
  GFile *folder = NULL;

  if (shk_reader_node_id (r, json_object_get_member (object, "folder"), OPTIONAL, &text))
    {
      if (g_uri_peek_scheme (text) != NULL)
        folder = g_file_new_for_uri (text);
      else if (g_path_is_absolute (text))
        folder = g_file_new_for_path (text);
      else
        /* TRANSLATORS: "round.folder: expected an absolute path or a URI, found "requests"" */
        shk_reader_problem (r, _("%s: expected an absolute path or a URI, found \"%s\""),
                            r->path->str, text);
    }
  shk_reader_path_pop (r, mark);
  return folder;
}

static gboolean
read_status (Reader         *r,
             JsonObject     *object,
             ShkReplyStatus *status)
{
  const ShkReplyStatus statuses[] = { SHK_REPLY_REPLIED, SHK_REPLY_MISSING, SHK_REPLY_REFUSED };
  const char *key = NULL;
  gsize mark = shk_reader_path_push_key (r, "status");
  gboolean found = FALSE;

  if (shk_reader_node_string (r, json_object_get_member (object, "status"), REQUIRED, &key))
    {
      for (guint i = 0; i < G_N_ELEMENTS (statuses) && !found; i++)
        if (g_str_equal (key, shk_reply_status_to_key (statuses[i])))
          {
            *status = statuses[i];
            found = TRUE;
          }
      if (!found)
        /* TRANSLATORS: "round.sections[2].status: expected "replied", "missing" or "refused", found "done"" */
        shk_reader_problem (r, _("%s: expected \"replied\", \"missing\" or \"refused\", "
                                 "found \"%s\""), r->path->str, key);
    }
  shk_reader_path_pop (r, mark);
  return found;
}

static void
read_measure_number (Reader   *r,
                     JsonNode *element,
                     guint     index,
                     gpointer  user_data)
{
  GArray *numbers = user_data;
  double value = 0;
  guint number;

  if (!shk_reader_node_number (r, element, REQUIRED, INTEGER_POSITIVE, &value))
    return;
  number = (guint) value;
  for (guint m = 0; m < numbers->len; m++)
    if (g_array_index (numbers, guint, m) == number)
      {
        /* TRANSLATORS: "round.sections[0].measures[2]: measure 3 is listed twice" */
        shk_reader_problem (r, _("%s: measure %u is listed twice"), r->path->str, number);
        return;
      }
  g_array_append_val (numbers, number);
}

static void
read_section (Reader   *r,
              JsonNode *element,
              guint     index,
              gpointer  user_data)
{
  SectionsRead *read = user_data;
  JsonObject *object = shk_reader_element_object (r, element);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(ShkRoundSection) section = NULL;
  const char *name = NULL, *file = NULL, *message = NULL, *first;
  ShkReplyStatus status = SHK_REPLY_MISSING;
  guint n_problems = r->n_problems;

  if (object == NULL)
    return;

  if (shk_reader_read_id (r, object, "section", REQUIRED, &name)
      && (first = g_hash_table_lookup (read->names, name)) != NULL)
    /* TRANSLATORS: "round.sections[4].section: duplicate section "広報課" (also round.sections[1])" */
    shk_reader_problem (r, _("%s.section: duplicate section \"%s\" (also %s)"),
                        r->path->str, name, first);
  else if (name != NULL)
    g_hash_table_insert (read->names, g_strdup (name), g_strdup (r->path->str));
  shk_reader_read_array (r, object, "measures", OPTIONAL, read_measure_number, numbers);
  read_status (r, object, &status);
  shk_reader_read_string (r, object, "file", OPTIONAL, &file);
  shk_reader_read_string (r, object, "message", OPTIONAL, &message);
  if (r->n_problems > n_problems)
    return;

  section = shk_round_section_new (name, numbers, status, read->due,
                                   file != NULL && *file != '\0' ? file : NULL,
                                   message != NULL && *message != '\0' ? message : NULL);
  shk_reader_keep_unknown (r, section, EXTRA_KEY, object, section_keys);
  g_ptr_array_add (read->sections, g_steal_pointer (&section));
}

void
shk_reader_read_round (Reader     *r,
                       JsonObject *object)
{
  ShkRound *round = shk_plan_get_round (r->plan);
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GFile) folder = NULL;
  SectionsRead read = { sections, names, NULL };
  const char *year = NULL, *sent;
  guint n_problems = r->n_problems;

  shk_reader_read_id (r, object, "year", REQUIRED, &year);
  read.due = read_date (r, object, "due");
  sent = read_date (r, object, "sent");
  folder = read_folder (r, object);
  shk_reader_read_array (r, object, "sections", OPTIONAL, read_section, &read);
  shk_reader_keep_unknown (r, round, EXTRA_KEY, object, round_keys);

  if (r->n_problems == n_problems)
    shk_round_load (round, year, read.due, sent, folder, sections);
}
