/* test-survey-collect.c — the AI/RPA survey's workbooks out, replies in
 *
 * The built-in document's survey: 市民課 has p03 (14,400 h) and p11
 * (4,800 h) on rows 5 and 6 of its sheet, then blank rows from row 7.
 * Columns: A id, B process, C business, D unit, E hours, F category,
 * G whether AI/RPA could apply, H note. Replies are filled the way a
 * person would (tests/shk-test-reply.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "shk-collect.h"
#include "shk-edit.h"
#include "shk-edit-process.h"
#include "shk-format.h"
#include "shk-ranking.h"
#include "shk-request.h"
#include "shk-survey-collect.h"
#include "shk-survey-request.h"
#include "shk-test-reply.h"

static GBytes *
survey_request (ShkPlan    *plan,
                const char *section)
{
  ShkSurveyRequestOptions options = {
    .request = { .year_id = "R3", .due = "2026-12-20", .created = "2026-12-01" },
  };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = shk_survey_request_write_xlsx (plan, section, &options, &error);

  g_assert_no_error (error);
  return bytes;
}

static GBytes *
filled (ShkPlan           *plan,
        const char        *section,
        const ShkTestEdit *edits,
        guint              n_edits)
{
  g_autoptr(GBytes) sent = survey_request (plan, section);

  return shk_test_fill_reply (sent, edits, n_edits);
}

static char *
plan_json (ShkPlan *plan)
{
  gsize length;

  return shk_format_to_data (plan, &length);
}

static ShkProcess *
process (ShkPlan    *plan,
         const char *id)
{
  return shk_survey_find_process (shk_plan_get_survey (plan), id);
}

static gboolean
ranked (ShkPlan    *plan,
        const char *name,
        double     *hours)
{
  ShkRanking *ranking = shk_ranking_new (shk_plan_get_survey (plan));
  gboolean found = FALSE;

  for (guint i = 0; i < ranking->n_processes && !found; i++)
    if (g_str_equal (shk_process_get_name (ranking->processes[i].process), name))
      {
        found = TRUE;
        *hours = ranking->processes[i].hours;
      }
  shk_ranking_free (ranking);
  return found;
}

/* Every section of the survey gets its workbook, with its processes. */
static void
test_write_folder (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-survey-XXXXXX", &error);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_auto(GStrv) sections = shk_survey_request_dup_sections (plan);
  ShkSurveyRequestOptions options = { .request = { .year_id = "R3" } };
  guint n_processes = 0;
  const char *bad[] = { "存在しない課", NULL };

  g_assert_no_error (error);
  folder = g_file_new_for_path (dir);
  written = shk_survey_request_write_folder (plan, NULL, &options, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, g_strv_length (sections));
  g_assert_cmpuint (written->len, >, 10);
  for (guint i = 0; i < written->len; i++)
    {
      const ShkRequestInfo *info = g_ptr_array_index (written, i);
      g_autofree char *path = g_build_filename (dir, info->file_name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_nonnull (info->processes);
      n_processes += g_strv_length (info->processes);
      g_unlink (path);
    }
  /* Every listed process is asked of its section, once. */
  g_assert_cmpuint (n_processes, ==,
                    g_list_model_get_n_items (shk_survey_get_processes (shk_plan_get_survey (plan))));
  g_clear_pointer (&written, g_ptr_array_unref);

  written = shk_survey_request_write_folder (plan, bad, &options, folder, &error);
  g_assert_null (written);
  g_assert_error (error, SHK_REQUEST_ERROR, SHK_REQUEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "存在しない課"));
  g_rmdir (dir);
}

/* Hours, category, applicability and a note land; a new process joins
 * the ranking and the survey total; one undo step takes it all back. */
static void
test_values_land (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkCollect) collect = shk_collect_new (plan, NULL);
  const ShkTestEdit edits[] = {
    { "E5", "15000" }, { "F5", "入力事務" }, { "G5", "Could apply" }, { "H5", "繁忙期は3月" },
    { "B7", "住民票の郵送請求の受付" }, { "C7", "証明書交付" }, { "D7", "証明係" },
    { "E7", "2500" }, { "F7", "入力事務" }, { "G7", "Not sure" },
  };
  g_autoptr(GBytes) reply = filled (plan, "市民課", edits, G_N_ELEMENTS (edits));
  ShkSurvey *survey = shk_plan_get_survey (plan);
  double total = shk_survey_get_total_hours (survey);
  guint n = g_list_model_get_n_items (shk_survey_get_processes (survey));
  g_autofree char *before = plan_json (plan);
  g_autofree char *undone = NULL;
  g_auto(GStrv) sections = shk_survey_request_dup_sections (plan);
  GPtrArray *replies;
  GPtrArray *changes;
  GPtrArray *added;
  ShkSurveyNewProcess *new_process;
  const ShkProvenance *provenance;
  double hours = 0;

  shk_collect_add_bytes (collect, reply, "shimin.xlsx");
  g_assert_true (shk_collect_is_survey (collect));
  replies = shk_collect_get_replies (collect);
  g_assert_cmpint (((ShkCollectReply *) g_ptr_array_index (replies, 0))->status, ==,
                   SHK_REPLY_REPLIED);
  /* The other sections have not answered yet. */
  g_assert_cmpuint (replies->len, ==, g_strv_length (sections));
  g_assert_cmpint (((ShkCollectReply *) g_ptr_array_index (replies, 1))->status, ==,
                   SHK_REPLY_MISSING);
  g_assert_cmpuint (shk_collect_get_changes (collect)->len, ==, 0);

  changes = shk_collect_get_survey_changes (collect);
  g_assert_cmpuint (changes->len, ==, 4);
  {
    ShkSurveyChange *change = g_ptr_array_index (changes, 0);
    g_autofree char *line = shk_survey_change_describe (change);

    g_assert_cmpstr (shk_process_get_id (change->process), ==, "p03");
    g_assert_cmpint (change->field, ==, SHK_SURVEY_FIELD_HOURS);
    g_assert_cmpfloat (change->old_value.number, ==, 14400);
    g_assert_cmpfloat (change->new_value.number, ==, 15000);
    g_assert_cmpstr (change->cell, ==, "E5");
    g_assert_cmpint (change->warnings, ==, 0);
    g_assert_nonnull (strstr (line, "14,400"));
    g_assert_nonnull (strstr (line, "15,000"));
  }
  added = shk_collect_get_new_processes (collect);
  g_assert_cmpuint (added->len, ==, 1);
  new_process = g_ptr_array_index (added, 0);
  g_assert_cmpstr (new_process->name, ==, "住民票の郵送請求の受付");
  g_assert_cmpstr (new_process->section, ==, "市民課");
  g_assert_cmpstr (new_process->applicable, ==, "unknown");
  g_assert_cmpfloat (new_process->hours, ==, 2500);

  /* Nothing changes before applying. */
  g_assert_false (ranked (plan, "住民票の郵送請求の受付", &hours));

  g_assert_cmpuint (shk_collect_apply (collect, stack), ==, 5);
  g_assert_cmpuint (shk_collect_apply (collect, stack), ==, 0);
  g_assert_cmpfloat (shk_process_get_hours (process (plan, "p03")), ==, 15000);
  g_assert_cmpstr (shk_process_get_category (process (plan, "p03")), ==, "入力事務");
  g_assert_cmpstr (shk_process_get_ai_applicable (process (plan, "p03")), ==, "yes");
  g_assert_cmpstr (shk_process_get_reply_note (process (plan, "p03")), ==, "繁忙期は3月");
  provenance = shk_process_get_provenance (process (plan, "p03"), "hours");
  g_assert_nonnull (provenance);
  g_assert_cmpint (provenance->source, ==, SHK_PROVENANCE_REPLY);
  g_assert_cmpstr (provenance->section, ==, "市民課");
  g_assert_cmpstr (provenance->file, ==, "shimin.xlsx");
  g_assert_nonnull (shk_process_get_provenance (process (plan, "p03"), "ai_applicable"));
  g_assert_cmpuint (g_list_model_get_n_items (shk_survey_get_processes (survey)), ==, n + 1);
  g_assert_true (ranked (plan, "住民票の郵送請求の受付", &hours));
  g_assert_cmpfloat (hours, ==, 2500);
  g_assert_cmpfloat (shk_survey_get_total_hours (survey), ==, total + 600 + 2500);

  /* The answers are kept in the file. */
  {
    g_autofree char *saved = plan_json (plan);
    g_autoptr(GError) error = NULL;
    g_autoptr(ShkPlan) reloaded = shk_format_load_data (saved, -1, "saved.json", &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (shk_process_get_ai_applicable (process (reloaded, "p03")), ==, "yes");
    g_assert_cmpstr (shk_process_get_reply_note (process (reloaded, "p03")), ==, "繁忙期は3月");
    g_assert_true (ranked (reloaded, "住民票の郵送請求の受付", &hours));
    provenance = shk_process_get_provenance (process (reloaded, "p03"), "category");
    g_assert_nonnull (provenance);
    g_assert_cmpstr (provenance->section, ==, "市民課");
    again = plan_json (reloaded);
    g_assert_cmpstr (again, ==, saved);
  }

  /* One step undoes it all. */
  g_assert_true (shk_undo_stack_undo (stack));
  undone = plan_json (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (shk_undo_stack_can_undo (stack));
}

/* The office changed p04's hours after the workbook went out, and the
 * section answers too: a conflict, left until settled. */
static void
test_conflict (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkCollect) collect = NULL;
  g_autoptr(GBytes) sent = survey_request (plan, "納税課");
  const ShkTestEdit edits[] = { { "E5", "1234" } };
  g_autoptr(GBytes) reply = shk_test_fill_reply (sent, edits, G_N_ELEMENTS (edits));
  g_autoptr(GError) error = NULL;
  ShkProcess *p04 = process (plan, "p04");
  ShkSurveyConflict *conflict;

  g_assert_true (shk_edit_process_cell (stack, p04, "hours", "9999", &error));
  g_assert_no_error (error);
  collect = shk_collect_new (plan, NULL);
  shk_collect_add_bytes (collect, reply, "nouzei.xlsx");
  g_assert_cmpuint (shk_collect_get_survey_changes (collect)->len, ==, 0);
  g_assert_cmpuint (shk_collect_get_survey_conflicts (collect)->len, ==, 1);
  conflict = g_ptr_array_index (shk_collect_get_survey_conflicts (collect), 0);
  g_assert_true (conflict->process == p04);
  g_assert_true (conflict->office_changed);
  g_assert_cmpfloat (conflict->current.number, ==, 9999);

  /* Unsettled, it stays as the document has it. */
  g_assert_cmpuint (shk_collect_apply (collect, stack), ==, 0);
  g_assert_cmpfloat (shk_process_get_hours (p04), ==, 9999);

  g_clear_object (&collect);
  collect = shk_collect_new (plan, NULL);
  shk_collect_add_bytes (collect, reply, "nouzei.xlsx");
  g_assert_true (shk_collect_choose_survey_conflict (collect, 0, 0));
  g_assert_false (shk_collect_choose_survey_conflict (collect, 0, 3));
  g_assert_cmpuint (shk_collect_apply (collect, stack), ==, 1);
  g_assert_cmpfloat (shk_process_get_hours (p04), ==, 1234);
}

/* Ten times the hours and emptied hours are warned of, not refused. */
static void
test_warnings (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkCollect) collect = shk_collect_new (plan, NULL);
  const ShkTestEdit edits[] = { { "E5", "144000" }, { "E6", "" } };
  g_autoptr(GBytes) reply = filled (plan, "市民課", edits, G_N_ELEMENTS (edits));
  GPtrArray *changes;

  shk_collect_add_bytes (collect, reply, "shimin.xlsx");
  changes = shk_collect_get_survey_changes (collect);
  g_assert_cmpuint (changes->len, ==, 2);
  g_assert_cmpint (((ShkSurveyChange *) g_ptr_array_index (changes, 0))->warnings, ==,
                   SHK_COLLECT_WARNING_TENFOLD);
  g_assert_cmpint (((ShkSurveyChange *) g_ptr_array_index (changes, 1))->warnings, ==,
                   SHK_COLLECT_WARNING_CLEARED);
  /* Said in the survey's terms, not the measures' "last year's actual". */
  {
    g_autofree char *tenfold = shk_survey_change_describe (g_ptr_array_index (changes, 0));
    g_autofree char *cleared = shk_survey_change_describe (g_ptr_array_index (changes, 1));

    g_assert_nonnull (strstr (tenfold, "ten times the hours the document has"));
    g_assert_null (strstr (tenfold, "actual"));
    g_assert_nonnull (strstr (cleared, "sets them to 0"));
  }
}

static const char *
refusal (ShkPlan           *plan,
         const char        *section,
         const ShkTestEdit *edits,
         guint              n_edits)
{
  static char message[1024];
  g_autoptr(ShkCollect) collect = shk_collect_new (plan, NULL);
  g_autoptr(GBytes) reply = filled (plan, section, edits, n_edits);
  const ShkCollectReply *first;

  shk_collect_add_bytes (collect, reply, "reply.xlsx");
  first = g_ptr_array_index (shk_collect_get_replies (collect), 0);
  g_assert_cmpint (first->status, ==, SHK_REPLY_REFUSED);
  g_assert_cmpuint (shk_collect_get_survey_changes (collect)->len, ==, 0);
  g_strlcpy (message, first->message, sizeof message);
  return message;
}

/* A tampered context cell, negative hours, a category not in the list, a
 * new process without hours or without a name: refused, the cell named. */
static void
test_refused (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  const ShkTestEdit tampered[] = { { "B5", "別の処理" } };
  const ShkTestEdit negative[] = { { "E5", "-5" } };
  const ShkTestEdit category[] = { { "F6", "自動応答" } };
  const ShkTestEdit no_hours[] = { { "B8", "新しい処理" } };
  const ShkTestEdit no_name[] = { { "E9", "1200" } };
  const ShkTestEdit listed[] = { { "B7", "入力業務にRPAやOCR等の活用" }, { "E7", "10" } };
  const char *message;

  message = refusal (plan, "市民課", tampered, 1);
  g_assert_nonnull (strstr (message, "B5"));
  g_assert_nonnull (strstr (message, "別の処理"));
  g_assert_nonnull (strstr (refusal (plan, "市民課", negative, 1), "E5"));
  g_assert_nonnull (strstr (refusal (plan, "市民課", category, 1), "F6"));
  g_assert_nonnull (strstr (refusal (plan, "市民課", no_hours, 1), "E8"));
  g_assert_nonnull (strstr (refusal (plan, "市民課", no_name, 1), "B9"));
  g_assert_nonnull (strstr (refusal (plan, "市民課", listed, 2), "B7"));
}

/* A round is the measures' or the survey's: a reply of the other kind is
 * refused, and says why. */
static void
test_kinds_apart (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkCollect) collect = shk_collect_new (plan, NULL);
  ShkRequestOptions options = { .year_id = "R3" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) measures = shk_request_write_xlsx (plan, "広報課", &options, &error);
  g_autoptr(GBytes) survey = survey_request (plan, "広報課");
  const ShkCollectReply *second;

  g_assert_no_error (error);
  shk_collect_add_bytes (collect, survey, "survey.xlsx");
  shk_collect_add_bytes (collect, measures, "measures.xlsx");
  second = g_ptr_array_index (shk_collect_get_replies (collect), 1);
  g_assert_cmpint (second->status, ==, SHK_REPLY_REFUSED);
  g_assert_nonnull (strstr (second->message, "measures.xlsx"));
  g_assert_true (shk_collect_is_survey (collect));
}

/* Gnumeric re-saves the reply (numbers, strings and the hidden sheet its
 * own way): still recognised, and the values land. */
static void
test_ssconvert_round_trip (void)
{
  g_autofree char *ssconvert = g_find_program_in_path ("ssconvert");
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkCollect) collect = NULL;
  const ShkTestEdit edits[] = {
    { "E6", "5100" }, { "B7", "証明書の郵送" }, { "E7", "1500" }, { "F7", "入力事務" },
  };
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) resaved = NULL;
  const char *argv[] = { NULL, "-T", "Gnumeric_Excel:xlsx2", NULL, NULL, NULL };
  gsize length = 0;
  int status = -1;

  if (ssconvert == NULL)
    {
      g_test_skip ("ssconvert (Gnumeric) is not installed");
      return;
    }
  reply = filled (plan, "市民課", edits, G_N_ELEMENTS (edits));
  dir = g_dir_make_tmp ("test-survey-ss-XXXXXX", &error);
  g_assert_no_error (error);
  in = g_build_filename (dir, "in.xlsx", NULL);
  out = g_build_filename (dir, "out.xlsx", NULL);
  g_file_set_contents (in, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), &error);
  g_assert_no_error (error);
  argv[0] = ssconvert;
  argv[3] = in;
  argv[4] = out;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_file_get_contents (out, &contents, &length, &error);
  g_assert_no_error (error);
  resaved = g_bytes_new_take (g_steal_pointer (&contents), length);
  g_unlink (in);
  g_unlink (out);
  g_rmdir (dir);

  collect = shk_collect_new (plan, NULL);
  shk_collect_add_bytes (collect, resaved, "resaved.xlsx");
  g_assert_cmpint (((ShkCollectReply *) g_ptr_array_index (shk_collect_get_replies (collect), 0))->status,
                   ==, SHK_REPLY_REPLIED);
  g_assert_cmpuint (shk_collect_get_survey_changes (collect)->len, ==, 1);
  g_assert_cmpuint (shk_collect_get_new_processes (collect)->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey-collect/write-folder", test_write_folder);
  g_test_add_func ("/survey-collect/values-land", test_values_land);
  g_test_add_func ("/survey-collect/conflict", test_conflict);
  g_test_add_func ("/survey-collect/warnings", test_warnings);
  g_test_add_func ("/survey-collect/refused", test_refused);
  g_test_add_func ("/survey-collect/kinds-apart", test_kinds_apart);
  g_test_add_func ("/survey-collect/ssconvert-round-trip", test_ssconvert_round_trip);
  return g_test_run ();
}
