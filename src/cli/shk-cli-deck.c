/* shk-cli-deck.c — the deck command: the committee's slides as a
 * PowerPoint (.pptx) file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "shk-deck.h"

#include "shk-cli.h"

static gboolean
has_pptx_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, ".pptx") && strlen (lower) > 5;
}

int
shk_cli_deck (int    argc,
              char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *slides_text = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The .pptx file to write"), N_("OUT") },
    { "slides", 's', 0, G_OPTION_ARG_STRING, &slides_text,
      N_("The slides to make, separated by commas: title, summary, achieved, lagging, pareto, "
         "breakdown, scenarios, comparison, survey; default: all"), N_("LIST") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  ShkDeckSlides slides = SHK_DECK_SLIDE_ALL;
  gboolean written;
  int status;

  context = shk_cli_option_context_new (_("[FILE] --output OUT.pptx [--slides LIST]"),
                                        _("Writes the committee's slides as a PowerPoint deck "
                                          "that PowerPoint and LibreOffice Impress open: a title "
                                          "slide, the grade summary, the measures fully achieved "
                                          "and lagging as tables, the Pareto chart and the "
                                          "breakdowns, each scenario, the comparison and the "
                                          "survey's figures. Charts are pictures with their "
                                          "description as alt text; the figures are in each "
                                          "slide's speaker notes."),
                                        entries);
  if ((status = shk_cli_parse_output_options (context, &argc, &argv, &output)) != SHK_CLI_EXIT_OK)
    return status;
  if (!has_pptx_extension (output))
    return shk_cli_usage_error (argv[0], _("the deck “%s” must be a .pptx file"), output);
  if (slides_text != NULL && !shk_deck_slides_from_string (slides_text, &slides, &error))
    return shk_cli_usage_error (argv[0], "%s", error->message);

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  written = shk_deck_write_file (plan, slides, output, &error);
  /* As for charts: drop fontconfig's patterns before exit, so that a leak
   * checker reports only real leaks. */
  pango_cairo_font_map_set_default (NULL);
  if (!written)
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  return SHK_CLI_EXIT_OK;
}
