/* fuzz-common.h — what every libFuzzer target of tests/fuzz/ shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib.h>

/* libFuzzer's entry points; declared here because -Wmissing-prototypes
 * wants a prototype for every global function. */
int    LLVMFuzzerInitialize       (int            *argc,
                                   char         ***argv);
int    LLVMFuzzerTestOneInput     (const uint8_t  *data,
                                   size_t          size);
size_t LLVMFuzzerCustomMutator    (uint8_t        *data,
                                   size_t          size,
                                   size_t          max_size,
                                   unsigned int    seed);
/* Provided by libFuzzer: its own mutations, for a custom mutator. */
size_t LLVMFuzzerMutate           (uint8_t        *data,
                                   size_t          size,
                                   size_t          max_size);

/* A broken invariant: says which, and aborts, which libFuzzer reports as a
 * crash with the input that caused it. */
#define FUZZ_FAIL(...) \
  G_STMT_START { \
    fprintf (stderr, "fuzz invariant broken at %s:%d: ", __FILE__, __LINE__); \
    fprintf (stderr, __VA_ARGS__); \
    fputc ('\n', stderr); \
    abort (); \
  } G_STMT_END

/* A g_critical() is a g_return_if_fail() that failed, that is a bug in
 * Shinchoku, whatever the input; a g_warning() from the core or from
 * json-glib about an input is no better. Both stop the fuzzer. */
static inline void
fuzz_make_criticals_fatal (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* The fuzzers test Shinchoku's readers, not the GIO modules a machine
   * happens to have: glib-networking's proxy modules, loaded as soon as
   * GIO looks for any extension, keep 154 bytes LeakSanitizer reports at
   * some later input, which made the verdict depend on the machine. */
  g_setenv ("GIO_MODULE_DIR", "/nonexistent/shinchoku-fuzz-no-gio-modules", TRUE);
  g_setenv ("GIO_USE_VFS", "local", TRUE);
}

/* Whether the check @name is listed in $SHK_FUZZ_SKIP (comma-separated).
 * Only for exploring beyond a known finding while its fix is pending;
 * tools/run-fuzzers.sh and CI never set it. */
static inline gboolean
fuzz_skips (const char *name)
{
  const char *skip = g_getenv ("SHK_FUZZ_SKIP");
  g_auto(GStrv) names = skip != NULL ? g_strsplit (skip, ",", -1) : NULL;

  return names != NULL && g_strv_contains ((const char * const *) names, name);
}

/* Messages are shown to the user as they are: a message that is not UTF-8
 * would be a critical in GTK (and garbage on screen). */
static inline void
fuzz_check_message (const GError *error,
                    const char   *what)
{
  if (error == NULL)
    FUZZ_FAIL ("%s failed without an error", what);
  if (error->message == NULL || error->message[0] == '\0')
    FUZZ_FAIL ("%s failed with an empty message", what);
  if (!g_utf8_validate (error->message, -1, NULL) && !fuzz_skips ("message-utf8"))
    {
      g_autofree char *escaped = g_strescape (error->message, NULL);

      FUZZ_FAIL ("%s failed with a message that is not UTF-8: \"%s\"", what, escaped);
    }
}
