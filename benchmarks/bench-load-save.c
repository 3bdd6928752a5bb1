/* bench-load-save.c — reading and writing the built-in document
 *
 * Two measurements: the format alone (parse the built-in JSON into a plan
 * and serialize it again, in memory), and the way the window does it (load
 * a ShkDocument from a file and save it back, atomically with a backup).
 * Goal: each under 50 ms, so opening and saving feel immediate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "shk-document.h"
#include "shk-format.h"

#define GOAL_MS      50.0
#define GOAL_RSS_MIB 128.0

typedef struct
{
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

  shk_bench_parse_options (&options, 200,
                           "Times loading and saving the built-in document.",
                           &argc, &argv);

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
