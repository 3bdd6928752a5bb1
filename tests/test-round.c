/* test-round.c — the request round: sections asked, replied, missing,
 * refused; the summary and the reminder list; undo with the collect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "shk-format.h"
#include "shk-round.h"
#include "shk-test-reply.h"

static const char *const asked[] = { "広報課", "経営管理課", "水道整備課", NULL };

typedef struct
{
  ShkPlan      *plan;
  ShkUndoStack *stack;
  ShkRound     *round;
  GFile        *folder;
  char         *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->plan = shk_builtin_plan_new ();
  f->stack = shk_undo_stack_new ();
  f->round = shk_round_new ();
  f->dir = g_dir_make_tmp ("test-round-XXXXXX", NULL);
  f->folder = g_file_new_for_path (f->dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);

  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL; )
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_object_unref (f->folder);
  g_object_unref (f->round);
  g_object_unref (f->stack);
  g_object_unref (f->plan);
}

static void
start_round (Fixture *f)
{
  ShkRequestOptions options = { .year_id = "R3", .due = "2026-11-30", .created = "2026-11-02" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) written = shk_request_write_folder (f->plan, asked, &options, f->folder,
                                                           &error);

  g_assert_no_error (error);
  shk_round_start (f->round, f->plan, written, &options, f->folder);
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

static ShkRoundSection *
item (ShkRound *round,
      guint     i)
{
  ShkRoundSection *section = g_list_model_get_item (G_LIST_MODEL (round), i);

  /* The round keeps its own reference. */
  g_object_unref (section);
  return section;
}

static void
date (GDate *today,
      int    year,
      int    month,
      int    day)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, day, month, year);
}

/* 広報課 replies; 経営管理課's reply is refused (a word where the actual
 * goes); 水道整備課 has not replied. */
static void
collect_two (Fixture *f)
{
  g_autoptr(ShkCollect) collect = shk_collect_new (f->plan, NULL);
  const ShkTestEdit kouhou_edits[] = { { "O5", "3800000" } };
  const ShkTestEdit keiei_edits[] = { { "O5", "たくさん" } };
  g_autoptr(GBytes) kouhou = reply (f, "広報課", kouhou_edits, 1);
  g_autoptr(GBytes) keiei = reply (f, "経営管理課", keiei_edits, 1);

  shk_collect_add_bytes (collect, kouhou, "kouhou.xlsx");
  shk_collect_add_bytes (collect, keiei, "keiei.xlsx");
  shk_undo_stack_begin_group (f->stack, "Collect replies");
  g_assert_cmpuint (shk_collect_apply (collect, f->stack), ==, 1);
  g_assert_true (shk_round_record_replies (f->round, f->plan, collect, f->stack));
  shk_undo_stack_end_group (f->stack);
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_start (Fixture       *f,
            gconstpointer  data)
{
  guint items_changed = 0, changed = 0;
  g_autofree char *kouhou_file = shk_request_dup_file_name ("R3", "広報課");

  g_assert_true (shk_round_is_empty (f->round));
  g_signal_connect_swapped (f->round, "items-changed", G_CALLBACK (count_signal), &items_changed);
  g_signal_connect_swapped (f->round, "changed", G_CALLBACK (count_signal), &changed);
  start_round (f);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_false (shk_round_is_empty (f->round));
  g_assert_cmpstr (shk_round_get_year (f->round), ==, "R3");
  g_assert_cmpstr (shk_round_get_due (f->round), ==, "2026-11-30");
  g_assert_cmpstr (shk_round_get_sent (f->round), ==, "2026-11-02");
  g_assert_true (g_file_equal (shk_round_get_folder (f->round), f->folder));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->round)), ==, 3);
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_MISSING), ==, 3);
  /* 広報課 owns No.1 and No.2; its workbook is the file named for it. */
  g_assert_cmpstr (shk_round_section_get_section (item (f->round, 0)), ==, "広報課");
  g_assert_cmpstr (shk_round_section_get_measures (item (f->round, 0)), ==, "No.1, No.2");
  {
    g_autofree char *numbers = shk_round_section_dup_numbers (item (f->round, 0));

    g_assert_cmpstr (numbers, ==, "1, 2");
  }
  g_assert_cmpstr (shk_round_section_get_file (item (f->round, 0)), ==, kouhou_file);
  g_assert_cmpstr (shk_round_section_get_due (item (f->round, 0)), ==, "2026-11-30");
  g_assert_cmpstr (shk_round_section_get_section (item (f->round, 2)), ==, "水道整備課");
}

static void
test_replies_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  ShkRoundSection *keiei;
  GDate before_due, after_due;
  g_autofree char *summary = NULL;
  g_autofree char *early = NULL;
  g_autofree char *kouhou_file = shk_request_dup_file_name ("R3", "広報課");

  start_round (f);
  collect_two (f);
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_REPLIED), ==, 1);
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_REFUSED), ==, 1);
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_MISSING), ==, 1);
  g_assert_cmpint (shk_round_section_get_status (item (f->round, 0)), ==, SHK_REPLY_REPLIED);
  g_assert_cmpstr (shk_round_section_get_file (item (f->round, 0)), ==, "kouhou.xlsx");
  keiei = item (f->round, 1);
  g_assert_cmpint (shk_round_section_get_status (keiei), ==, SHK_REPLY_REFUSED);
  g_assert_cmpstr (shk_round_section_get_file (keiei), ==, "keiei.xlsx");
  g_assert_nonnull (strstr (shk_round_section_get_message (keiei), "O5"));
  g_assert_cmpint (shk_round_section_get_status (item (f->round, 2)), ==, SHK_REPLY_MISSING);

  date (&before_due, 2026, 11, 30);
  date (&after_due, 2026, 12, 1);
  g_assert_cmpuint (shk_round_count_overdue (f->round, &before_due), ==, 0);
  g_assert_cmpuint (shk_round_count_overdue (f->round, &after_due), ==, 2);
  g_assert_false (shk_round_section_is_overdue (item (f->round, 0), &after_due));
  summary = shk_round_dup_summary (f->round, &after_due);
  g_assert_cmpstr (summary, ==,
                   "Asked 3 · replied 1 · not yet 1 · refused 1 · due 2026-11-30 (2 overdue)");
  early = shk_round_dup_summary (f->round, &before_due);
  g_assert_cmpstr (early, ==, "Asked 3 · replied 1 · not yet 1 · refused 1 · due 2026-11-30");

  /* The values and the round are one step. */
  g_assert_true (shk_undo_stack_undo (f->stack));
  g_assert_false (shk_undo_stack_can_undo (f->stack));
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_MISSING), ==, 3);
  g_assert_cmpstr (shk_round_section_get_file (item (f->round, 0)), ==, kouhou_file);
  g_assert_true (shk_undo_stack_redo (f->stack));
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_REPLIED), ==, 1);
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_REFUSED), ==, 1);
}

static void
test_reminders (Fixture       *f,
                gconstpointer  data)
{
  GDate after_due;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *message = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *suido_file = shk_request_dup_file_name ("R3", "水道整備課");

  start_round (f);
  collect_two (f);
  date (&after_due, 2026, 12, 1);
  message = g_strdup (shk_round_section_get_message (item (f->round, 1)));
  text = shk_round_dup_reminders (f->round, FALSE, &after_due);
  expected = g_strdup_printf ("経営管理課 (No.60): the reply was refused: %s — overdue\n"
                              "水道整備課 (No.60): no reply yet — overdue\n"
                              "Due date: 2026-11-30\n", message);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&expected, g_free);

  csv = shk_round_dup_reminders (f->round, TRUE, &after_due);
  g_assert_true (g_str_has_prefix (csv, "section,measures,status,due,overdue,file,message\r\n"
                                        "経営管理課,No.60,refused,2026-11-30,yes,keiei.xlsx,"));
  expected = g_strdup_printf ("水道整備課,No.60,missing,2026-11-30,yes,%s,\r\n", suido_file);
  g_assert_true (g_str_has_suffix (csv, expected));
  g_assert_null (strstr (csv, "広報課"));
}

/* Replies for another year belong to another round; an undo recorded in
 * an earlier round leaves a newer round alone. */
static void
test_other_rounds (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShkCollect) other_year = shk_collect_new (f->plan, NULL);
  ShkRequestOptions r2 = { .year_id = "R2" };
  g_autoptr(GBytes) workbook = NULL;
  g_autoptr(GError) error = NULL;
  const ShkTestEdit edits[] = { { "O5", "1" } };
  g_autoptr(GBytes) filled = NULL;

  start_round (f);
  workbook = shk_request_write_xlsx (f->plan, "広報課", &r2, &error);
  g_assert_no_error (error);
  filled = shk_test_fill_reply (workbook, edits, 1);
  shk_collect_add_bytes (other_year, filled, "r2.xlsx");
  g_assert_cmpstr (shk_collect_get_year (other_year), ==, "R2");
  g_assert_false (shk_round_record_replies (f->round, f->plan, other_year, f->stack));
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_MISSING), ==, 3);

  collect_two (f);
  start_round (f);
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_MISSING), ==, 3);
  g_assert_true (shk_undo_stack_undo (f->stack));
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_MISSING), ==, 3);
  g_assert_true (shk_undo_stack_redo (f->stack));
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_MISSING), ==, 3);
}

/* A document reopened since the workbooks went out: the replies start
 * the round, every owning section asked, the due date the reply gives. */
static void
test_round_from_replies (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ShkCollect) collect = shk_collect_new (f->plan, NULL);
  const ShkTestEdit edits[] = { { "O5", "3800000" } };
  g_autoptr(GBytes) kouhou = NULL;
  g_auto(GStrv) sections = shk_request_dup_sections (f->plan);

  start_round (f);
  kouhou = reply (f, "広報課", edits, 1);
  g_clear_object (&f->round);
  f->round = shk_round_new ();
  shk_collect_add_bytes (collect, kouhou, "kouhou.xlsx");
  g_assert_true (shk_round_record_replies (f->round, f->plan, collect, f->stack));
  g_assert_cmpstr (shk_round_get_year (f->round), ==, "R3");
  g_assert_cmpstr (shk_round_get_due (f->round), ==, "2026-11-30");
  g_assert_null (shk_round_get_sent (f->round));
  g_assert_null (shk_round_get_folder (f->round));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->round)), ==,
                    g_strv_length (sections));
  g_assert_cmpuint (shk_round_count (f->round, SHK_REPLY_REPLIED), ==, 1);
  g_assert_true (shk_undo_stack_undo (f->stack));
  g_assert_true (shk_round_is_empty (f->round));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->round)), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/round/start", Fixture, NULL, fixture_set_up, test_start, fixture_tear_down);
  g_test_add ("/round/replies-undo", Fixture, NULL, fixture_set_up, test_replies_and_undo,
              fixture_tear_down);
  g_test_add ("/round/reminders", Fixture, NULL, fixture_set_up, test_reminders,
              fixture_tear_down);
  g_test_add ("/round/other-rounds", Fixture, NULL, fixture_set_up, test_other_rounds,
              fixture_tear_down);
  g_test_add ("/round/from-replies", Fixture, NULL, fixture_set_up, test_round_from_replies,
              fixture_tear_down);
  return g_test_run ();
}
