/* shk-cli-audit.c — `shinchoku-cli audit`: where the document's printed
 * figures and the rules computed from its own figures part ways
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shk-audit.h"
#include "shk-cli.h"

static void
print_audit_text (GPtrArray *findings)
{
  g_autoptr(GString) out = g_string_new (NULL);
  int group = -1;

  if (findings->len == 0)
    {
      shk_cli_print (_("No findings: every printed figure agrees with the computed one.\n"));
      return;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      const ShkFinding *finding = g_ptr_array_index (findings, i);

      if ((int) finding->kind != group)
        {
          group = (int) finding->kind;
          g_string_append_printf (out, "%s%s (%s)\n", out->len > 0 ? "\n" : "",
                                  shk_finding_kind_get_label (finding->kind),
                                  shk_finding_kind_to_key (finding->kind));
        }
      g_string_append_printf (out, "  %s\n", finding->message);
    }
  g_string_append_printf (out, "\n");
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u finding.\n", "%u findings.\n",
                                            findings->len),
                          findings->len);
  shk_cli_print (out->str);
}

static void
print_audit_json (GPtrArray *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < findings->len; i++)
    {
      const ShkFinding *finding = g_ptr_array_index (findings, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "kind", shk_finding_kind_to_key (finding->kind));
      json_builder_set_member_name (builder, "measure");
      if (finding->measure > 0)
        json_builder_add_int_value (builder, finding->measure);
      else
        json_builder_add_null_value (builder);
      shk_cli_json_add_string_member (builder, "printed", finding->printed);
      shk_cli_json_add_string_member (builder, "computed", finding->computed);
      shk_cli_json_add_string_member (builder, "evaluation", finding->evaluation);
      shk_cli_json_add_string_member (builder, "year", finding->year);
      shk_cli_json_add_string_member (builder, "subject", finding->subject);
      shk_cli_json_add_string_member (builder, "message", finding->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_audit (int    argc,
               char **argv)
{
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  ShkCliFormat format;
  int status;

  context = shk_cli_option_context_new (_("[FILE]"),
                                        _("Checks the document against itself: grades that depart "
                                          "from their figures, printed rates that differ from the "
                                          "computed ones, category totals that cannot be traced to "
                                          "listed processes, measures that cannot be rated and "
                                          "measures not counted because of the year they were added."),
                                        entries);
  if ((status = shk_cli_parse_file_options (context, &argc, &argv, &format_text,
                                            SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                            &format)) != SHK_CLI_EXIT_OK)
    return status;

  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  findings = shk_audit_run (plan);
  if (format == SHK_CLI_FORMAT_JSON)
    print_audit_json (findings);
  else
    print_audit_text (findings);
  return SHK_CLI_EXIT_OK;
}
