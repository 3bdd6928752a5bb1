/* shk-cli-round.c — `shinchoku-cli round`: the request round the plan
 * recorded, who was asked, who replied, and whom to remind
 *
 * The summary and the reminder list are the round page's own
 * (shk_round_dup_summary(), shk_round_dup_reminders()), so a script sees
 * what the office sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "shk-round.h"

#include "shk-cli.h"

static void
get_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

/* Said, not an error: the record stays good when the folder moves. */
static gboolean
folder_exists (GFile *folder)
{
  return !g_file_is_native (folder) || g_file_query_exists (folder, NULL);
}

static void
append_details (GString  *out,
                ShkRound *round)
{
  GFile *folder = shk_round_get_folder (round);

  /* TRANSLATORS: the heading of `shinchoku-cli round`; %s is a fiscal year id, R3 */
  g_string_append_printf (out, _("Request round for %s"), shk_round_get_year (round));
  g_string_append_c (out, '\n');
  if (shk_round_get_sent (round) != NULL)
    g_string_append_printf (out, _("Sent %s"), shk_round_get_sent (round));
  else
    g_string_append (out, _("Started from the replies collected"));
  if (folder != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (folder);

      if (folder_exists (folder))
        g_string_append_printf (out, " · %s", path);
      else
        g_string_append_printf (out, _(" · %s (the folder no longer exists)"), path);
    }
  g_string_append_c (out, '\n');
}

static void
print_text (ShkRound    *round,
            const GDate *today)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(ShkCliTable) table = shk_cli_table_new (5);
  g_autofree char *summary = shk_round_dup_summary (round, today);
  g_autofree char *rendered = NULL;

  append_details (out, round);
  g_string_append_printf (out, "%s\n\n", summary);

  shk_cli_table_add_row (table);
  shk_cli_table_add_cell (table, _("Section"));
  shk_cli_table_add_cell (table, _("No."));
  shk_cli_table_add_cell (table, _("Status"));
  shk_cli_table_add_cell (table, _("File"));
  shk_cli_table_add_cell (table, _("Message"));
  shk_cli_table_add_rule (table);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (round)); i++)
    {
      g_autoptr(ShkRoundSection) section = g_list_model_get_item (G_LIST_MODEL (round), i);
      const char *status = shk_round_status_get_label (shk_round_section_get_status (section));

      shk_cli_table_add_row (table);
      shk_cli_table_add_cell (table, shk_round_section_get_section (section));
      shk_cli_table_take_cell (table, shk_round_section_dup_numbers (section));
      if (shk_round_section_is_overdue (section, today))
        /* TRANSLATORS: a section's status, and that the due date has passed */
        shk_cli_table_take_cell (table, g_strdup_printf (_("%s (overdue)"), status));
      else
        shk_cli_table_add_cell (table, status);
      shk_cli_table_add_cell (table, shk_round_section_get_file (section));
      shk_cli_table_add_cell (table, shk_round_section_get_message (section));
    }
  rendered = shk_cli_table_render (table);
  g_string_append (out, rendered);
  shk_cli_print (out->str);
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        count)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, count);
}

static void
add_section (JsonBuilder     *builder,
             ShkRoundSection *section,
             const GDate     *today)
{
  GArray *numbers = shk_round_section_get_measure_numbers (section);

  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "section", shk_round_section_get_section (section));
  json_builder_set_member_name (builder, "measures");
  json_builder_begin_array (builder);
  for (guint m = 0; m < numbers->len; m++)
    json_builder_add_int_value (builder, g_array_index (numbers, guint, m));
  json_builder_end_array (builder);
  shk_cli_json_add_string_member (builder, "status",
                                  shk_reply_status_to_key (shk_round_section_get_status (section)));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, shk_round_section_is_overdue (section, today));
  shk_cli_json_add_string_member (builder, "file", shk_round_section_get_file (section));
  shk_cli_json_add_string_member (builder, "message", shk_round_section_get_message (section));
  json_builder_end_object (builder);
}

/* {"round": null} when none was recorded, so that a script need not
 * tell an empty output from a failure. */
static void
print_json (ShkRound    *round,
            const GDate *today)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GFile *folder = shk_round_get_folder (round);
  g_autofree char *path = folder != NULL ? g_file_get_parse_name (folder) : NULL;
  g_autofree char *summary = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "round");
  if (shk_round_is_empty (round))
    json_builder_add_null_value (builder);
  else
    {
      summary = shk_round_dup_summary (round, today);
      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "year", shk_round_get_year (round));
      shk_cli_json_add_string_member (builder, "due", shk_round_get_due (round));
      shk_cli_json_add_string_member (builder, "sent", shk_round_get_sent (round));
      shk_cli_json_add_string_member (builder, "folder", path);
      json_builder_set_member_name (builder, "folder_exists");
      if (folder != NULL)
        json_builder_add_boolean_value (builder, folder_exists (folder));
      else
        json_builder_add_null_value (builder);
      add_count (builder, "asked", g_list_model_get_n_items (G_LIST_MODEL (round)));
      add_count (builder, "replied", shk_round_count (round, SHK_REPLY_REPLIED));
      add_count (builder, "missing", shk_round_count (round, SHK_REPLY_MISSING));
      add_count (builder, "refused", shk_round_count (round, SHK_REPLY_REFUSED));
      add_count (builder, "overdue", shk_round_count_overdue (round, today));
      shk_cli_json_add_string_member (builder, "summary", summary);
      json_builder_set_member_name (builder, "sections");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (round)); i++)
        {
          g_autoptr(ShkRoundSection) section = g_list_model_get_item (G_LIST_MODEL (round), i);

          add_section (builder, section, today);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

int
shk_cli_round (int    argc,
               char **argv)
{
  g_autofree char *format_text = NULL;
  gboolean reminders = FALSE;
  const GOptionEntry entries[] = {
    { "reminders", 'r', 0, G_OPTION_ARG_NONE, &reminders,
      N_("Print the reminder list instead: the sections still to answer (text or csv)"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default), json or csv; json only without --reminders, csv only with it"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  ShkCliFormat format;
  ShkRound *round;
  GDate today;
  int status;

  context = shk_cli_option_context_new (_("[FILE]"),
                                        _("Shows the request round the plan recorded: the year, "
                                          "the due date, the day the workbooks were written and "
                                          "where, and per section its measures and whether it "
                                          "replied, has not yet or had its reply refused. The "
                                          "round is recorded by the window's “Create Requests”, "
                                          "by “requests --record” and by “collect --apply”."),
                                        entries);
  /* The formats allowed depend on --reminders: parsed first. */
  if ((status = shk_cli_parse_options (context, argv[0], &argc, &argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments (argv[0], argc, 0, 1)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_parse_format (argv[0], format_text,
                                      reminders ? SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_CSV
                                                : SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                      &format)) != SHK_CLI_EXIT_OK)
    return status;
  if ((status = shk_cli_open_plan (argc > 1 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  round = shk_plan_get_round (plan);
  get_today (&today);
  if (format == SHK_CLI_FORMAT_JSON)
    print_json (round, &today);
  else if (shk_round_is_empty (round))
    {
      if (format != SHK_CLI_FORMAT_CSV)
        shk_cli_print (_("No request round is recorded in this plan.\n"));
      else
        {
          g_autofree char *csv = shk_round_dup_reminders (round, TRUE, &today);

          shk_cli_print (csv);
        }
    }
  else if (reminders)
    {
      g_autofree char *list = shk_round_dup_reminders (round, format == SHK_CLI_FORMAT_CSV,
                                                       &today);

      shk_cli_print (list);
    }
  else
    print_text (round, &today);
  return SHK_CLI_EXIT_OK;
}
