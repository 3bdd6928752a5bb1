/* bench-common.c — timing, memory and goals shared by the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-common.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

void
shk_bench_parse_options (ShkBenchOptions *options,
                         guint            default_iterations,
                         const char      *description,
                         int             *argc,
                         char          ***argv)
{
  int iterations = (int) default_iterations;
  char *output_dir = NULL;
  GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations,
      "How many timed runs (default depends on the benchmark)", "N" },
    { "output-dir", 'o', 0, G_OPTION_ARG_FILENAME, &output_dir,
      "Leave sample output (files, images) in DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, description);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (2);
    }
  if (iterations < 1)
    {
      g_printerr ("--iterations must be at least 1, not %d\n", iterations);
      exit (2);
    }

  options->iterations = (guint) iterations;
  options->output_dir = output_dir;
}

void
shk_bench_options_clear (ShkBenchOptions *options)
{
  g_clear_pointer (&options->output_dir, g_free);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double last_median_ms, last_median_cpu_ms;

double
shk_bench_last_median_ms (void)
{
  return last_median_ms;
}

double
shk_bench_last_median_cpu_ms (void)
{
  return last_median_cpu_ms;
}

/* The calling thread's CPU time in µs: what a run cost, whatever else
 * the machine was doing (wall time on a loaded two-core machine mostly
 * measures the wait for a core). */
static gint64
thread_cpu_us (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

gboolean
shk_bench_run (const char   *what,
               guint         iterations,
               double        ops_per_run,
               double        goal_ms,
               ShkBenchFunc  func,
               gpointer      user_data)
{
  g_autofree double *ms = g_new0 (double, iterations);
  g_autofree double *cpu_ms = g_new0 (double, iterations);
  gint64 start, cpu_start, total_us = 0;
  double median, mean, ops_per_sec;
  gboolean met;

  g_return_val_if_fail (iterations > 0, FALSE);

  start = g_get_monotonic_time ();
  func (user_data);
  g_print ("%s: warm-up run %.2f ms\n", what,
           (g_get_monotonic_time () - start) / 1000.0);

  for (guint i = 0; i < iterations; i++)
    {
      gint64 elapsed;

      start = g_get_monotonic_time ();
      cpu_start = thread_cpu_us ();
      func (user_data);
      cpu_ms[i] = (thread_cpu_us () - cpu_start) / 1000.0;
      elapsed = g_get_monotonic_time () - start;
      total_us += elapsed;
      ms[i] = elapsed / 1000.0;
    }

  median = median_of (ms, iterations);
  last_median_cpu_ms = median_of (cpu_ms, iterations);
  mean = total_us / 1000.0 / iterations;
  /* A run too fast for the clock still counts as taking one microsecond. */
  ops_per_sec = ops_per_run * iterations * 1e6 / MAX (total_us, 1);
  met = goal_ms <= 0 || median <= goal_ms;
  last_median_ms = median;

  g_print ("%s: %u runs, median %.3f ms, mean %.3f ms, fastest %.3f ms, "
           "slowest %.3f ms, %.1f ops/s, median CPU time %.3f ms",
           what, iterations, median, mean, ms[0], ms[iterations - 1], ops_per_sec,
           last_median_cpu_ms);
  if (goal_ms > 0)
    g_print ("; goal: median ≤ %.0f ms: %s", goal_ms, met ? "met" : "MISSED");
  g_print ("\n");
  return met;
}

gsize
shk_bench_peak_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  /* Linux reports ru_maxrss in KiB. */
  return (gsize) usage.ru_maxrss;
}

gboolean
shk_bench_report_rss (double goal_mib)
{
  double mib = shk_bench_peak_rss_kib () / 1024.0;

  if (goal_mib <= 0)
    {
      g_print ("peak RSS: %.1f MiB\n", mib);
      return TRUE;
    }

  g_print ("peak RSS: %.1f MiB; goal: ≤ %.0f MiB: %s\n",
           mib, goal_mib, mib <= goal_mib ? "met" : "MISSED");
  return mib <= goal_mib;
}

gboolean
shk_bench_fail (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("benchmark invalid: %s\n", message);
  return FALSE;
}
