/* test-collect.c — replies collected into the document as one undo step
 *
 * The replies are filled the way a person would: the reply sheet's XML
 * inside the workbook is edited (with minizip, which libxlsxwriter
 * already brings), a number typed into one cell and a text into another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "shk-collect.h"
#include "shk-format.h"
#include "shk-request.h"
#include "shk-test-reply.h"

static GBytes *
request (ShkPlan    *plan,
         const char *section)
{
  ShkRequestOptions options = { .year_id = "R3", .due = "2026-12-20" };
  g_autoptr(GError) error = NULL;
  GBytes *bytes = shk_request_write_xlsx (plan, section, &options, &error);

  g_assert_no_error (error);
  return bytes;
}

static char *
plan_json (ShkPlan *plan)
{
  gsize length;

  return shk_format_to_data (plan, &length);
}

static ShkIndicator *
first_indicator (ShkPlan *plan,
                 guint    number)
{
  return shk_measure_get_indicator (shk_plan_find_measure (plan, number, NULL), 0);
}

/* The built-in plan's sections: 広報課 owns No.1 and 2 (rows 5 and 6);
 * No.60 is owned jointly, so 経営管理課 and 水道整備課 both answer it. The
 * reply sheet's columns: O the R3 actual, P the actions taken. */
static void
test_apply_is_one_undo_step (void)
{
  g_autoptr(ShkPlan) plan = shk_builtin_plan_new ();
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(ShkCollect) collect = shk_collect_new (plan, NULL);
  g_autoptr(GBytes) kouhou = request (plan, "広報課");
  g_autoptr(GBytes) keiei = request (plan, "経営管理課");
  g_autoptr(GBytes) suido = request (plan, "水道整備課");
  const ShkTestEdit kouhou_edits[] = { { "O5", "3800000" }, { "P5", "自動翻訳を導入した。" } };
  const ShkTestEdit keiei_edits[] = { { "O5", "120" } };
  const ShkTestEdit suido_edits[] = { { "O5", "150" } };
  g_autoptr(GBytes) a = shk_test_fill_reply (kouhou, kouhou_edits, G_N_ELEMENTS (kouhou_edits));
  g_autoptr(GBytes) b = shk_test_fill_reply (keiei, keiei_edits, G_N_ELEMENTS (keiei_edits));
  g_autoptr(GBytes) c = shk_test_fill_reply (suido, suido_edits, G_N_ELEMENTS (suido_edits));
  g_autofree char *before = plan_json (plan);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  const ShkProvenance *provenance;
  ShkCollectConflict *conflict;
  double value = 0;
  int keiei_choice = -1;

  shk_collect_add_bytes (collect, a, "kouhou.xlsx");
  shk_collect_add_bytes (collect, b, "keiei.xlsx");
  shk_collect_add_bytes (collect, c, "suido.xlsx");
  g_assert_cmpstr (shk_collect_get_year (collect), ==, "R3");
  g_assert_cmpuint (shk_collect_get_changes (collect)->len, ==, 2);
  g_assert_cmpuint (shk_collect_get_conflicts (collect)->len, ==, 1);

  /* Nothing changes before applying. */
  after = plan_json (plan);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  conflict = g_ptr_array_index (shk_collect_get_conflicts (collect), 0);
  g_assert_cmpuint (shk_measure_get_number (conflict->measure), ==, 60);
  for (guint i = 0; i < conflict->proposals->len; i++)
    if (g_str_equal (((ShkCollectChange *) g_ptr_array_index (conflict->proposals, i))->section,
                     "経営管理課"))
      keiei_choice = i;
  g_assert_cmpint (keiei_choice, >=, 0);
  g_assert_true (shk_collect_choose_conflict (collect, 0, keiei_choice));
  g_assert_false (shk_collect_choose_conflict (collect, 0, 7));

  g_assert_cmpuint (shk_collect_apply (collect, stack), ==, 3);
  g_assert_cmpuint (shk_collect_apply (collect, stack), ==, 0);
  g_assert_true (shk_indicator_get_actual (first_indicator (plan, 1), "R3", &value));
  g_assert_cmpfloat (value, ==, 3800000);
  g_assert_true (shk_indicator_get_actual (first_indicator (plan, 60), "R3", &value));
  g_assert_cmpfloat (value, ==, 120);
  g_assert_cmpstr (shk_measure_get_actions (shk_plan_find_measure (plan, 1, NULL)), ==,
                   "自動翻訳を導入した。");

  /* Each value remembers the section and file it came from, in the file too. */
  provenance = shk_indicator_get_provenance (first_indicator (plan, 1), "actual.R3");
  g_assert_nonnull (provenance);
  g_assert_cmpint (provenance->source, ==, SHK_PROVENANCE_REPLY);
  g_assert_cmpstr (provenance->section, ==, "広報課");
  g_assert_cmpstr (provenance->file, ==, "kouhou.xlsx");
  provenance = shk_measure_get_provenance (shk_plan_find_measure (plan, 1, NULL), "actions");
  g_assert_nonnull (provenance);
  g_assert_cmpstr (provenance->section, ==, "広報課");
  {
    g_autofree char *saved = plan_json (plan);
    g_autoptr(GError) error = NULL;
    g_autoptr(ShkPlan) reloaded = shk_format_load_data (saved, -1, "saved.json", &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    provenance = shk_indicator_get_provenance (first_indicator (reloaded, 60), "actual.R3");
    g_assert_nonnull (provenance);
    g_assert_cmpstr (provenance->section, ==, "経営管理課");
    again = plan_json (reloaded);
    g_assert_cmpstr (again, ==, saved);
  }

  /* One undo takes every value and every provenance back. */
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Collect replies");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));
  undone = plan_json (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_true (shk_indicator_get_actual (first_indicator (plan, 1), "R3", &value));
}

/* A version 1 document opens, and is written as version 2. */
static void
test_older_document_is_upgraded (void)
{
  g_autoptr(GBytes) bytes = shk_builtin_plan_bytes ();
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autofree char *saved = NULL;

  g_assert_nonnull (strstr (text, "\"version\": 1,"));
  plan = shk_format_load_data (text, -1, "kagoshima-2021.json", &error);
  g_assert_no_error (error);
  saved = plan_json (plan);
  g_assert_nonnull (strstr (saved, "\"version\": 2,"));
  g_assert_null (strstr (saved, "\"provenance\""));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/collect/apply-undo", test_apply_is_one_undo_step);
  g_test_add_func ("/collect/format-upgrade", test_older_document_is_upgraded);
  return g_test_run ();
}
