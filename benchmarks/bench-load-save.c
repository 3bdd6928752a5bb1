/* bench-load-save.c — reading and writing the built-in document
 *
 * Two measurements: the format alone (parse the built-in JSON into a plan
 * and serialize it again, in memory), and the way the window does it (load
 * a ShkDocument from a file and save it back, atomically with a backup).
 * Goal: each under 50 ms, so opening and saving feel immediate.
 *
 * With a plan file as argument (benchmarks/save.py makes one of 100,000
 * measures with make-plan.py), it times saving that plan instead: the
 * writer alone into memory, and the writer with the atomic save
 * (shk_format_save_file(): temporary file, fsync, rename, backup). Goal
 * (issue #17): the save of 100,000 measures under 1 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "shk-document.h"
#include "shk-format.h"

#define GOAL_MS      50.0
#define GOAL_RSS_MIB 128.0
#define GOAL_LARGE_SAVE_MS 1000.0

typedef struct
{
  ShkPlan  *plan;      /* the large plan, loaded once */
  double    cpu_seconds;  /* user + system time of the timed saves */
  guint     n_saves;
  GBytes   *builtin;
  GFile    *file;
  gsize     last_length;
  guint     last_measures;
  GError   *error;
} LoadSave;

static void
format_round_trip (gpointer user_data)
{
  LoadSave *ls = user_data;
  g_autoptr(ShkPlan) plan = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (ls->error != NULL)
    return;

  plan = shk_format_load_data (g_bytes_get_data (ls->builtin, NULL),
                               g_bytes_get_size (ls->builtin),
                               "kagoshima-2021.json", &ls->error);
  if (plan == NULL)
    return;

  data = shk_format_to_data (plan, &length);
  ls->last_length = length;
  ls->last_measures = g_list_model_get_n_items (shk_plan_get_measures (plan));
}

static void
document_round_trip (gpointer user_data)
{
  LoadSave *ls = user_data;
  g_autoptr(ShkDocument) document = NULL;

  if (ls->error != NULL)
    return;

  document = shk_document_new_from_file (ls->file, NULL, &ls->error);
  if (document == NULL)
    return;

  ls->last_measures =
    g_list_model_get_n_items (shk_plan_get_measures (shk_document_get_plan (document)));
  shk_document_save (document, NULL, FALSE, NULL, &ls->error);
}

static void
serialize_plan (gpointer user_data)
{
  LoadSave *ls = user_data;
  g_autofree char *data = shk_format_to_data (ls->plan, &ls->last_length);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* The CPU time is kept too: on a shared two-core machine the wall time
 * mostly says how long the process waited for a core. */
static void
save_plan (gpointer user_data)
{
  LoadSave *ls = user_data;
  double start = cpu_seconds ();

  if (ls->error == NULL)
    shk_format_save_file (ls->plan, ls->file, NULL, &ls->error);
  ls->cpu_seconds += cpu_seconds () - start;
  ls->n_saves++;
}

/* The saved file must be what the writer makes of the plan, and one that
 * the strict loader reads back with every measure. */
static gboolean
check_saved (LoadSave *ls,
             guint     n_measures)
{
  g_autofree char *expected = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(ShkPlan) reread = NULL;
  gsize expected_length = 0, saved_length = 0;

  if (ls->error != NULL)
    return shk_bench_fail ("saving: %s", ls->error->message);
  expected = shk_format_to_data (ls->plan, &expected_length);
  if (!g_file_load_contents (ls->file, NULL, &saved, &saved_length, NULL, &ls->error))
    return shk_bench_fail ("reading the saved plan: %s", ls->error->message);
  if (saved_length != expected_length || memcmp (saved, expected, saved_length) != 0)
    return shk_bench_fail ("the saved file is not what the writer made");
  reread = shk_format_load_data (saved, saved_length, "saved.json", &ls->error);
  if (reread == NULL)
    return shk_bench_fail ("the saved plan does not load again: %s", ls->error->message);
  if (g_list_model_get_n_items (shk_plan_get_measures (reread)) != n_measures)
    return shk_bench_fail ("the saved plan lost measures");
  return TRUE;
}

/* Saving a large plan: bench-load-save PLAN.json. The plan is loaded once
 * and saved into a temporary folder, beside a copy of itself, so that
 * every save also keeps a backup as the window's does. */
static int
bench_large_save (ShkBenchOptions *options,
                  const char      *source)
{
  LoadSave ls = { 0 };
  g_autoptr(GFile) source_file = g_file_new_for_commandline_arg (source);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *what = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  guint n_measures;

  ls.plan = shk_format_load_file (source_file, NULL, &error);
  if (ls.plan == NULL)
    {
      shk_bench_fail ("%s: %s", source, error->message);
      return EXIT_FAILURE;
    }
  n_measures = g_list_model_get_n_items (shk_plan_get_measures (ls.plan));

  dir = options->output_dir != NULL ? g_strdup (options->output_dir)
                                    : g_dir_make_tmp ("shinchoku-bench-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0755) != 0)
    {
      shk_bench_fail ("no folder to save into: %s", error != NULL ? error->message : dir);
      return EXIT_FAILURE;
    }
  path = g_build_filename (dir, "plan.json", NULL);
  backup = g_strconcat (path, "~", NULL);
  ls.file = g_file_new_for_path (path);

  what = g_strdup_printf ("serialize %u measures (memory)", n_measures);
  shk_bench_run (what, options->iterations, 1, GOAL_LARGE_SAVE_MS, serialize_plan, &ls);
  size = g_format_size (ls.last_length);
  g_print ("  %s written\n", size);

  g_clear_pointer (&what, g_free);
  what = g_strdup_printf ("save %u measures (file, atomic, backup)", n_measures);
  ok &= shk_bench_run (what, options->iterations, 1, GOAL_LARGE_SAVE_MS, save_plan, &ls);
  g_print ("  CPU time (user + system) a save, mean of all runs with the warm-up: %.0f ms\n",
           ls.cpu_seconds / MAX (ls.n_saves, 1) * 1000);
  ok &= check_saved (&ls, n_measures);
  ok &= shk_bench_report_rss (0);

  if (options->output_dir == NULL)
    {
      g_unlink (path);
      g_unlink (backup);
      g_rmdir (dir);
    }
  g_clear_error (&ls.error);
  g_clear_object (&ls.file);
  g_clear_object (&ls.plan);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

static gboolean
check (LoadSave   *ls,
       const char *what)
{
  if (ls->error != NULL)
    return shk_bench_fail ("%s: %s", what, ls->error->message);
  if (ls->last_measures == 0)
    return shk_bench_fail ("%s: the built-in document has no measures", what);
  return TRUE;
}

/* Whether a plan file is named (an argument that is no option's value):
 * then the default is a few runs, each of which takes a second. */
static gboolean
has_plan_argument (int    argc,
                   char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-n") || g_str_equal (argv[i], "-o") ||
          g_str_equal (argv[i], "--iterations") || g_str_equal (argv[i], "--output-dir"))
        i++;
      else if (argv[i][0] != '-')
        return TRUE;
    }
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  ShkBenchOptions options = { 0 };
  LoadSave ls = { 0 };
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  shk_bench_parse_options (&options, has_plan_argument (argc, argv) ? 5 : 200,
                           "Times loading and saving the built-in document, or saving PLAN.json.",
                           &argc, &argv);
  if (argc > 1)
    {
      int status = bench_large_save (&options, argv[1]);

      shk_bench_options_clear (&options);
      return status;
    }

  ls.builtin = shk_builtin_plan_bytes ();
  if (ls.builtin == NULL || g_bytes_get_size (ls.builtin) == 0)
    {
      shk_bench_fail ("the built-in document is empty");
      return EXIT_FAILURE;
    }

  ok &= shk_bench_run ("load+serialize of the built-in document (memory)",
                       options.iterations, 1, GOAL_MS,
                       format_round_trip, &ls);
  ok &= check (&ls, "load+serialize");
  if (ls.last_length == 0)
    ok &= shk_bench_fail ("serializing wrote nothing");

  if (options.output_dir != NULL)
    {
      g_mkdir_with_parents (options.output_dir, 0755);
      dir = g_strdup (options.output_dir);
    }
  else if ((dir = g_dir_make_tmp ("shinchoku-bench-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  path = g_build_filename (dir, "kagoshima-2021.json", NULL);
  backup = g_strconcat (path, "~", NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (ls.builtin, NULL),
                            g_bytes_get_size (ls.builtin), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  ls.file = g_file_new_for_path (path);

  ok &= shk_bench_run ("load+save of the built-in document (file, ShkDocument)",
                       options.iterations, 1, GOAL_MS,
                       document_round_trip, &ls);
  ok &= check (&ls, "load+save");

  ok &= shk_bench_report_rss (GOAL_RSS_MIB);

  if (options.output_dir == NULL)
    {
      g_unlink (path);
      g_unlink (backup);
      g_rmdir (dir);
    }

  g_clear_error (&ls.error);
  g_clear_object (&ls.file);
  g_clear_pointer (&ls.builtin, g_bytes_unref);
  shk_bench_options_clear (&options);

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
