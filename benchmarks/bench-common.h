/* bench-common.h — timing, memory and goals shared by the benchmarks
 *
 * Each benchmark times an operation with g_get_monotonic_time(), prints
 * how fast it ran and the process's peak resident memory, and compares
 * the median time with a goal from benchmarks/README.md. A missed goal (or
 * a result that shows the operation did not do its work) makes the
 * program exit with status 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*ShkBenchFunc) (gpointer user_data);

typedef struct
{
  guint  iterations;   /* -n, or the benchmark's default */
  char  *output_dir;   /* -o: where to leave sample output; may be NULL */
} ShkBenchOptions;

/* Parses -n/--iterations and -o/--output-dir; exits with a message on bad
 * options. */
void      shk_bench_parse_options (ShkBenchOptions *options,
                                   guint            default_iterations,
                                   const char      *description,
                                   int             *argc,
                                   char          ***argv);
void      shk_bench_options_clear (ShkBenchOptions *options);

/* Runs @func once untimed (warm-up: caches, fonts), then @iterations
 * times, each timed on its own. Prints one line and returns FALSE when
 * the median time per run is over @goal_ms (0: no goal, for figures
 * that are only reported). @ops_per_run is how many
 * operations one run performs (for ops/s; 1 for most). */
gboolean  shk_bench_run           (const char      *what,
                                   guint            iterations,
                                   double           ops_per_run,
                                   double           goal_ms,
                                   ShkBenchFunc     func,
                                   gpointer         user_data);

/* The median of the last shk_bench_run(), in ms: for goals stated as a
 * ratio of two runs. */
double    shk_bench_last_median_ms (void);
/* The median CPU time of the calling thread in the last shk_bench_run(),
 * in ms. */
double    shk_bench_last_median_cpu_ms (void);

/* Peak resident set size of the process so far, in KiB. */
gsize     shk_bench_peak_rss_kib  (void);
/* Prints the peak RSS; returns FALSE when it exceeds @goal_mib (0: no
 * goal). */
gboolean  shk_bench_report_rss    (double           goal_mib);

/* Prints why the benchmark cannot be trusted and returns FALSE, for
 * sanity checks: "return shk_bench_fail (...)". */
gboolean  shk_bench_fail          (const char      *format,
                                   ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
