/* test-round-file.c — the request round in the plan's file: saved and read
 * back exactly, absent from plans without one, malformed data reported
 * where it is, and the document modified by the round's changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "shk-document.h"
#include "shk-format.h"
#include "shk-round.h"
#include "shk-test-reply.h"

static const char *const asked[] = { "広報課", "経営管理課", "水道整備課", NULL };

typedef struct
{
  char  *dir;     /* the workbooks */
  GFile *folder;
  char  *plans;   /* saved plans */
} Fixture;

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("test-round-file-XXXXXX", NULL);
  f->folder = g_file_new_for_path (f->dir);
  f->plans = g_dir_make_tmp ("test-round-plans-XXXXXX", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_dir (f->dir);
  remove_dir (f->plans);
  g_free (f->dir);
  g_free (f->plans);
  g_object_unref (f->folder);
}

static void
flush_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
start_round (Fixture *f,
             ShkPlan *plan)
{
  ShkRequestOptions options = { .year_id = "R3", .due = "2026-11-30", .created = "2026-11-02" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = shk_request_write_folder (plan, asked, &options, f->folder,
                                                           &error);

  g_assert_no_error (error);
  shk_round_start (shk_plan_get_round (plan), plan, written, &options, f->folder);
}

/* The workbook written for @section, filled with @edits. */
static GBytes *
reply (Fixture           *f,
       const char        *section,
       const ShkTestEdit *edits,
       guint              n_edits)
{
  g_autofree char *name = shk_request_dup_file_name ("R3", section);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  return shk_test_fill_reply_file (path, edits, n_edits);
}

/* 広報課 replies; 経営管理課's reply is refused; 水道整備課 has not
 * replied. One undo step, as the window and the command line make it. */
static void
collect_two (Fixture      *f,
             ShkPlan      *plan,
             ShkUndoStack *stack)
{
  g_autoptr(ShkCollect) collect = shk_collect_new (plan, NULL);
  const ShkTestEdit kouhou_edits[] = { { "O5", "3800000" } };
  const ShkTestEdit keiei_edits[] = { { "O5", "たくさん" } };
  g_autoptr(GBytes) kouhou = reply (f, "広報課", kouhou_edits, 1);
  g_autoptr(GBytes) keiei = reply (f, "経営管理課", keiei_edits, 1);

  shk_collect_add_bytes (collect, kouhou, "kouhou.xlsx");
  shk_collect_add_bytes (collect, keiei, "keiei.xlsx");
  shk_undo_stack_begin_group (stack, "Collect replies");
  g_assert_cmpuint (shk_collect_apply (collect, stack), ==, 1);
  g_assert_true (shk_round_record_replies (shk_plan_get_round (plan), plan, collect, stack));
  shk_undo_stack_end_group (stack);
}

static ShkPlan *
load (const char *data)
{
  g_autoptr(GError) error = NULL;
  ShkPlan *plan = shk_format_load_data (data, -1, "plan.json", &error);

  g_assert_no_error (error);
  return plan;
}

static void
assert_same_round (ShkRound *a,
                   ShkRound *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpstr (shk_round_get_year (a), ==, shk_round_get_year (b));
  g_assert_cmpstr (shk_round_get_due (a), ==, shk_round_get_due (b));
  g_assert_cmpstr (shk_round_get_sent (a), ==, shk_round_get_sent (b));
  g_assert_true (g_file_equal (shk_round_get_folder (a), shk_round_get_folder (b)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkRoundSection) x = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(ShkRoundSection) y = g_list_model_get_item (G_LIST_MODEL (b), i);
      GArray *xn = shk_round_section_get_measure_numbers (x);
      GArray *yn = shk_round_section_get_measure_numbers (y);

      g_assert_cmpstr (shk_round_section_get_section (x), ==, shk_round_section_get_section (y));
      g_assert_cmpstr (shk_round_section_get_measures (x), ==, shk_round_section_get_measures (y));
      g_assert_cmpmem (xn->data, xn->len * sizeof (guint), yn->data, yn->len * sizeof (guint));
      g_assert_cmpint (shk_round_section_get_status (x), ==, shk_round_section_get_status (y));
      g_assert_cmpstr (shk_round_section_get_due (x), ==, shk_round_section_get_due (y));
      g_assert_cmpstr (shk_round_section_get_file (x), ==, shk_round_section_get_file (y));
      g_assert_cmpstr (shk_round_section_get_message (x), ==,
                       shk_round_section_get_message (y));
    }
}

/* A round started and partly replied comes back exactly, and the file
 * written from it is written again byte for byte. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkPlan) loaded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  g_autofree char *folder_member = NULL;
  ShkRound *round;

  start_round (f, plan);
  collect_two (f, plan, stack);
  text = shk_format_to_data (plan, NULL);
  g_assert_nonnull (strstr (text, "\n  \"round\": {\n    \"year\": \"R3\",\n"
                                  "    \"due\": \"2026-11-30\",\n    \"sent\": \"2026-11-02\",\n"));
  g_assert_nonnull (strstr (text, "\"section\": \"広報課\",\n        \"measures\": [1, 2],\n"
                                  "        \"status\": \"replied\",\n"
                                  "        \"file\": \"kouhou.xlsx\",\n"
                                  "        \"message\": null\n"));
  folder_member = g_strdup_printf ("\"folder\": \"%s\"", f->dir);
  g_assert_nonnull (strstr (text, folder_member));

  loaded = load (text);
  round = shk_plan_get_round (loaded);
  assert_same_round (shk_plan_get_round (plan), round);
  g_assert_cmpuint (shk_round_count (round, SHK_REPLY_REPLIED), ==, 1);
  g_assert_cmpuint (shk_round_count (round, SHK_REPLY_REFUSED), ==, 1);
  g_assert_cmpuint (shk_round_count (round, SHK_REPLY_MISSING), ==, 1);
  again = shk_format_to_data (loaded, NULL);
  g_assert_cmpstr (again, ==, text);
}

/* Plans saved before rounds were (the built-in document is version 1;
 * saved, version 2 without "round") open with no round and are written
 * without one. */
static void
test_no_round (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autofree char *text = shk_format_to_data (plan, NULL);
  g_autoptr(ShkPlan) reloaded = NULL;

  g_assert_null (strstr (g_bytes_get_data (bytes, NULL), "\"round\""));
  g_assert_true (shk_round_is_empty (shk_plan_get_round (plan)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shk_plan_get_round (plan))), ==, 0);
  g_assert_nonnull (strstr (text, "\"version\": 2,"));
  g_assert_null (strstr (text, "\"round\""));

  reloaded = load (text);
  g_assert_true (shk_round_is_empty (shk_plan_get_round (reloaded)));
  g_assert_null (shk_round_get_year (shk_plan_get_round (reloaded)));
}

/* The built-in document with @round as its "round" member. */
static char *
with_round (const char *round)
{
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  char *end = strrchr (text, '}');

  g_assert_nonnull (end);
  *end = '\0';
  return g_strdup_printf ("%s, \"round\": %s}\n", text, round);
}

static void
assert_error (const char *round,
              const char *expected)
{
  g_autofree char *text = with_round (round);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = shk_format_load_data (text, -1, "plan.json", &error);

  g_assert_null (plan);
  g_assert_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID);
  if (strstr (error->message, expected) == NULL)
    g_error ("expected “%s” in:\n%s", expected, error->message);
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  const char *section = "{\"section\": \"広報課\", \"measures\": [1], \"status\": \"missing\"}";
  g_autofree char *duplicate = g_strdup_printf ("{\"year\": \"R3\", \"sections\": [%s, %s]}",
                                                section, section);

  assert_error ("[]", "plan.json: round: expected an object or null, found an array");
  assert_error ("{\"sections\": []}", "plan.json: round.year: missing; expected a string");
  assert_error ("{\"year\": \"R3\", \"due\": \"2026/11/30\"}",
                "plan.json: round.due: expected a date as YYYY-MM-DD, found \"2026/11/30\"");
  assert_error ("{\"year\": \"R3\", \"sent\": \"2026-02-30\"}",
                "plan.json: round.sent: expected a date as YYYY-MM-DD, found \"2026-02-30\"");
  assert_error ("{\"year\": \"R3\", \"folder\": \"照会票\"}",
                "plan.json: round.folder: expected an absolute path or a URI, found \"照会票\"");
  assert_error ("{\"year\": \"R3\", \"sections\": [{\"section\": \"広報課\", \"status\": \"done\"}]}",
                "plan.json: round.sections[0].status: expected \"replied\", \"missing\" or "
                "\"refused\", found \"done\"");
  assert_error ("{\"year\": \"R3\", \"sections\": [{\"section\": \"広報課\"}]}",
                "plan.json: round.sections[0].status: missing");
  assert_error (duplicate, "plan.json: round.sections[1].section: duplicate section \"広報課\" "
                           "(also round.sections[0])");
  assert_error ("{\"year\": \"R3\", \"sections\": [{\"section\": \"広報課\", \"measures\": [1, 1], "
                "\"status\": \"missing\"}]}",
                "plan.json: round.sections[0].measures[1]: measure 1 is listed twice");
  assert_error ("{\"year\": \"R3\", \"sections\": [{\"section\": \"広報課\", \"measures\": [\"No.1\"], "
                "\"status\": \"missing\"}]}",
                "plan.json: round.sections[0].measures[0]: expected an integer ≥ 1, found a string");
  assert_error ("{\"year\": \"R3\", \"sections\": [{\"section\": \"\", \"status\": \"missing\"}]}",
                "plan.json: round.sections[0].section: must not be empty");
}

/* Sections and measures the plan no longer has are kept (the plan moved
 * on since the round); keys of other tools are written back, also after
 * a section's state moved on; a folder that is gone is no error. */
static void
test_kept (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *text = with_round (
    "{\"year\": \"R3\", \"due\": null, \"folder\": \"/nonexistent/照会票\", \"x_tool\": [1],"
    " \"sections\": [{\"section\": \"廃止課\", \"measures\": [999], \"status\": \"refused\","
    " \"file\": \"a.xlsx\", \"message\": \"A5: 数値ではありません\", \"x_note\": \"再送済み\"}]}");
  g_autoptr(ShkPlan) plan = load (text);
  ShkRound *round = shk_plan_get_round (plan);
  g_autoptr(ShkRoundSection) section = g_list_model_get_item (G_LIST_MODEL (round), 0);
  g_autoptr(ShkRoundSection) moved = NULL;
  g_autofree char *written = shk_format_to_data (plan, NULL);
  g_autofree char *path = g_file_get_path (shk_round_get_folder (round));

  g_assert_cmpstr (path, ==, "/nonexistent/照会票");
  g_assert_null (shk_round_get_due (round));
  g_assert_null (shk_round_get_sent (round));
  g_assert_cmpstr (shk_round_section_get_measures (section), ==, "No.999");
  g_assert_cmpint (shk_round_section_get_status (section), ==, SHK_REPLY_REFUSED);
  g_assert_cmpstr (shk_round_section_get_message (section), ==, "A5: 数値ではありません");
  g_assert_nonnull (strstr (written, "\"message\": \"A5: 数値ではありません\",\n"
                                     "        \"x_note\": \"再送済み\"\n"));
  g_assert_nonnull (strstr (written, "\"sections\": [\n"));
  g_assert_nonnull (strstr (written, "\"x_tool\": [1]\n"));

  moved = shk_round_section_new_status (section, SHK_REPLY_REPLIED, "b.xlsx", NULL);
  g_assert_nonnull (g_object_get_data (G_OBJECT (moved), "shk-extra-json"));
}

/* A folder on another machine, as GIO names it. */
static void
test_folder_uri (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = with_round ("{\"year\": \"R3\", \"folder\": \"smb://server/share/requests\"}");
  g_autoptr(ShkPlan) plan = load (text);
  g_autofree char *written = shk_format_to_data (plan, NULL);
  g_autofree char *uri = g_file_get_uri (shk_round_get_folder (shk_plan_get_round (plan)));

  g_autofree char *latin1 = with_round ("{\"year\": \"R3\", \"folder\": \"file:///tmp/caf%E9\"}");
  g_autoptr(ShkPlan) latin1_plan = load (latin1);
  g_autofree char *latin1_written = shk_format_to_data (latin1_plan, NULL);
  g_autoptr(ShkPlan) again = load (latin1_written);

  g_assert_cmpstr (uri, ==, "smb://server/share/requests");
  g_assert_nonnull (strstr (written, "\"folder\": \"smb://server/share/requests\""));
  /* A local path that is not UTF-8 is no JSON string: written as a URI. */
  g_assert_cmpstr (g_file_peek_path (shk_round_get_folder (shk_plan_get_round (latin1_plan))), ==,
                   "/tmp/caf\xE9");
  g_assert_nonnull (strstr (latin1_written, "\"folder\": \"file:///tmp/caf%E9\""));
  g_assert_true (g_file_equal (shk_round_get_folder (shk_plan_get_round (latin1_plan)),
                               shk_round_get_folder (shk_plan_get_round (again))));
}

/* Starting a round modifies the document for good (it is not undone);
 * recorded replies are undone back to the saved state. */
static void
test_document_modified (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->plans, "plan.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ShkDocument) document = shk_document_new_builtin ();
  g_autoptr(ShkDocument) reopened = NULL;
  g_autoptr(GError) error = NULL;
  ShkPlan *plan = shk_document_get_plan (document);
  ShkUndoStack *stack = shk_document_get_undo_stack (document);

  g_assert_true (shk_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (shk_document_get_modified (document));

  start_round (f, plan);
  flush_main_loop ();
  g_assert_true (shk_document_get_modified (document));
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_true (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_false (shk_document_get_modified (document));

  collect_two (f, plan, stack);
  flush_main_loop ();
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (shk_undo_stack_undo (stack));
  flush_main_loop ();
  g_assert_false (shk_document_get_modified (document));
  g_assert_cmpuint (shk_round_count (shk_document_get_round (document), SHK_REPLY_MISSING), ==, 3);
  g_assert_true (shk_undo_stack_redo (stack));
  flush_main_loop ();
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (shk_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_false (shk_document_get_modified (document));

  reopened = shk_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_round (shk_document_get_round (document), shk_document_get_round (reopened));

  /* A new round is a change undo does not take back: undoing the collect
   * leaves the round as started, and the document modified. */
  start_round (f, plan);
  flush_main_loop ();
  g_assert_true (shk_document_get_modified (document));
  g_assert_true (shk_undo_stack_undo (stack));
  flush_main_loop ();
  g_assert_cmpuint (shk_round_count (shk_document_get_round (document), SHK_REPLY_MISSING), ==, 3);
  g_assert_true (shk_document_get_modified (document));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/round-file/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/round-file/no-round", Fixture, NULL, fixture_set_up, test_no_round,
              fixture_tear_down);
  g_test_add ("/round-file/errors", Fixture, NULL, fixture_set_up, test_errors,
              fixture_tear_down);
  g_test_add ("/round-file/kept", Fixture, NULL, fixture_set_up, test_kept, fixture_tear_down);
  g_test_add ("/round-file/folder-uri", Fixture, NULL, fixture_set_up, test_folder_uri,
              fixture_tear_down);
  g_test_add ("/round-file/document-modified", Fixture, NULL, fixture_set_up,
              test_document_modified, fixture_tear_down);
  return g_test_run ();
}
