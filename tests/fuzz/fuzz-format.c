/* fuzz-format.c — libFuzzer target for the JSON plan loader
 *
 * Any input: shk_format_load_data() either fails with a readable message
 * or gives a plan. A plan it gives must save, load again and save to the
 * very same bytes (docs/file-format.md: "Loading a file and saving it
 * again therefore gives the same bytes when the file was written by
 * Shinchoku"), so nothing a user saves is lost or changed by the next
 * save. And the loader refuses as a syntax error exactly the texts the
 * strict checker (shk-json-check.c) refuses: the loader's streaming pass
 * makes those checks on its own. The fast reader of usual measures
 * (shk-format-lite-measure.c) must agree with the full reader: the same
 * refusal, or a plan saved to the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-format.h"
#include "shk-format-lite.h"
#include "shk-json-check.h"

#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_make_criticals_fatal ();
  return 0;
}

/* The input read with the full reader only: its saved bytes, or NULL with
 * @error set. */
static char *
load_with_full_reader (const uint8_t  *data,
                       size_t          size,
                       gsize          *length,
                       GError        **error)
{
  g_autoptr(ShkPlan) plan = NULL;

  shk_lite_set_enabled (FALSE);
  plan = shk_format_load_data ((const char *) data, size, "fuzz.json", error);
  shk_lite_set_enabled (TRUE);
  return plan != NULL ? shk_format_to_data (plan, length) : NULL;
}

/* Where two serialisations part, with some context, for the report. */
static void
report_difference (const char *first,
                   gsize       first_length,
                   const char *second,
                   gsize       second_length)
{
  gsize at = 0, start;
  guint line = 1;

  while (at < first_length && at < second_length && first[at] == second[at])
    {
      if (first[at] == '\n')
        line++;
      at++;
    }
  start = at > 80 ? at - 80 : 0;
  fprintf (stderr, "the two saved texts differ at byte %zu (line %u)\n"
                   "first:  …%.*s…\nsecond: …%.*s…\n",
           at, line,
           (int) MIN (first_length - start, 160), first + start,
           (int) MIN (second_length - start, 160), second + start);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkPlan) reloaded = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *full = NULL;
  g_autoptr(GError) full_error = NULL;
  gsize first_length = 0, second_length = 0, full_length = 0;

  plan = shk_format_load_data ((const char *) data, size, "fuzz.json", &error);

  /* The loader's one streaming pass makes the strict checks itself
   * (shk-format-stream.c); it must refuse as syntax exactly what the
   * strict checker does. */
  if (shk_json_check ((const char *) data, size, 128, NULL, NULL)
      == g_error_matches (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_SYNTAX))
    FUZZ_FAIL ("the loader and shk_json_check() disagree on the syntax: %s",
               error != NULL ? error->message : "loaded");

  full = load_with_full_reader (data, size, &full_length, &full_error);
  if ((plan == NULL) != (full == NULL)
      || (plan == NULL && g_strcmp0 (error->message, full_error->message) != 0))
    FUZZ_FAIL ("the fast and the full measure readers disagree: %s / %s",
               error != NULL ? error->message : "loaded",
               full_error != NULL ? full_error->message : "loaded");

  if (plan == NULL)
    {
      fuzz_check_message (error, "loading the input");
      return 0;
    }

  first = shk_format_to_data (plan, &first_length);
  if (first_length != full_length || memcmp (first, full, first_length) != 0)
    {
      report_difference (first, first_length, full, full_length);
      FUZZ_FAIL ("the fast and the full measure readers read different plans");
    }
  if (first == NULL || first_length == 0)
    FUZZ_FAIL ("a loaded plan saved to nothing");
  if (!g_utf8_validate_len (first, first_length, NULL))
    FUZZ_FAIL ("a loaded plan saved to text that is not UTF-8");

  reloaded = shk_format_load_data (first, first_length, "saved.json", &error);
  if (reloaded == NULL)
    FUZZ_FAIL ("a saved plan does not load again: %s", error->message);

  second = shk_format_to_data (reloaded, &second_length);
  if (second_length != first_length || memcmp (first, second, first_length) != 0)
    {
      report_difference (first, first_length, second, second_length);
      FUZZ_FAIL ("save, load, save does not give the same bytes");
    }
  return 0;
}
