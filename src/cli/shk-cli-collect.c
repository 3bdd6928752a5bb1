/* shk-cli-collect.c — the collect command: replies to request workbooks
 * reviewed, and with --apply written to a new document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-collect.h"
#include "shk-format.h"
#include "shk-number.h"
#include "shk-round.h"
#include "shk-survey-collect.h"

#include "shk-cli.h"

typedef char *(*DescribeChangeFunc) (gconstpointer change);

/* The values a round's replies change, each as @describe puts it: the
 * same for the measures and the survey. */
static void
append_changes (GString            *out,
                GPtrArray          *changes,
                DescribeChangeFunc  describe)
{
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u value changes:",
                                            "%u values change:", changes->len), changes->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = describe (g_ptr_array_index (changes, i));

      g_string_append_printf (out, "  %s\n", line);
    }
}

static void
append_conflicts_heading (GString *out,
                          guint    n_conflicts)
{
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%u conflict, left as the document has it:",
                                            "%u conflicts, left as the document has them:",
                                            n_conflicts), n_conflicts);
  g_string_append_c (out, '\n');
}

/* A conflict's cell, and the document's value (@current) when the office
 * changed it after the workbook went out; append_proposal() adds the
 * sections' values. */
static void
append_conflict (GString    *out,
                 const char *label,
                 gboolean    office_changed,
                 const char *current)
{
  g_string_append_printf (out, "  %s\n", label);
  if (office_changed)
    g_string_append_printf (out, "    %s: %s\n", _("the document, changed since sending"),
                            current);
}

static void
append_proposal (GString    *out,
                 const char *section,
                 const char *file,
                 const char *cell,
                 const char *value)
{
  g_string_append_printf (out, "    %s (%s %s): %s\n", section, file, cell, value);
}

static void
append_survey_text (GString    *out,
                    ShkCollect *collect)
{
  GPtrArray *changes = shk_collect_get_survey_changes (collect);
  GPtrArray *conflicts = shk_collect_get_survey_conflicts (collect);
  GPtrArray *added = shk_collect_get_new_processes (collect);

  append_changes (out, changes, (DescribeChangeFunc) shk_survey_change_describe);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u new work process:",
                                            "%u new work processes:", added->len), added->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < added->len; i++)
    {
      const ShkSurveyNewProcess *p = g_ptr_array_index (added, i);
      g_autofree char *hours = shk_format_number (p->hours);

      /* TRANSLATORS: new process: name, hours, section, file, cell */
      g_string_append_printf (out, _("  %s, %s h (%s, %s %s)"), p->name, hours, p->section,
                              p->file, p->cell);
      g_string_append_c (out, '\n');
    }
  append_conflicts_heading (out, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const ShkSurveyConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *label = shk_survey_dup_cell_label (conflict->process, conflict->field);
      g_autofree char *current = shk_survey_value_describe (conflict->field, &conflict->current);

      append_conflict (out, label, conflict->office_changed, current);
      for (guint p = 0; p < conflict->proposals->len; p++)
        {
          const ShkSurveyChange *proposal = g_ptr_array_index (conflict->proposals, p);
          g_autofree char *value = shk_survey_value_describe (proposal->field,
                                                              &proposal->new_value);

          append_proposal (out, proposal->section, proposal->file, proposal->cell, value);
        }
    }
}

static void
append_measures_text (GString    *out,
                      ShkCollect *collect)
{
  GPtrArray *changes = shk_collect_get_changes (collect);
  GPtrArray *conflicts = shk_collect_get_conflicts (collect);

  append_changes (out, changes, (DescribeChangeFunc) shk_collect_change_describe);
  append_conflicts_heading (out, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const ShkCollectConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *label = shk_collect_dup_cell_label (conflict->measure, conflict->indicator,
                                                           conflict->field, conflict->year_id);
      g_autofree char *current = shk_collect_value_describe (conflict->field, &conflict->current);

      append_conflict (out, label, conflict->office_changed, current);
      for (guint p = 0; p < conflict->proposals->len; p++)
        {
          const ShkCollectChange *proposal = g_ptr_array_index (conflict->proposals, p);
          g_autofree char *value = shk_collect_value_describe (proposal->field,
                                                               &proposal->new_value);

          append_proposal (out, proposal->section, proposal->file, proposal->cell, value);
        }
    }
}

static void
print_text (ShkCollect *collect,
            gboolean    applied,
            guint       n_applied,
            const char *output)
{
  GPtrArray *replies = shk_collect_get_replies (collect);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *status_names[] = {
    [SHK_REPLY_REPLIED] = N_("replied"),
    [SHK_REPLY_REFUSED] = N_("refused"),
    [SHK_REPLY_MISSING] = N_("not yet"),
  };

  g_string_append_printf (out, _("Replies for %s:"), shk_collect_get_year (collect)
                                                     ? shk_collect_get_year (collect) : "—");
  g_string_append_c (out, '\n');
  for (guint i = 0; i < replies->len; i++)
    {
      const ShkCollectReply *reply = g_ptr_array_index (replies, i);

      g_string_append_printf (out, "  [%s] %s\n", _(status_names[reply->status]), reply->message);
    }
  if (shk_collect_is_survey (collect))
    append_survey_text (out, collect);
  else
    append_measures_text (out, collect);
  if (applied)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u value changed; the document is written to %s",
                                                "%u values changed; the document is written to %s",
                                                n_applied), n_applied, output);
      g_string_append_c (out, '\n');
    }
  shk_cli_print (out->str);
}

/* A value a reply gives, for both kinds of round: @is_number for the
 * measures' actuals and the survey's hours, text otherwise. */
static void
add_value (JsonBuilder           *builder,
           const char            *name,
           gboolean               is_number,
           const ShkCollectValue *value)
{
  json_builder_set_member_name (builder, name);
  if (!value->has_value)
    json_builder_add_null_value (builder);
  else if (is_number)
    shk_cli_json_add_number (builder, value->number);
  else
    json_builder_add_string_value (builder, value->text);
}

/* One of a conflict's "values": @value as @section proposes it; @section
 * NULL for the document's own, when the office changed it after the
 * workbook went out. */
static void
add_proposed_value (JsonBuilder           *builder,
                    const char            *section,
                    gboolean               is_number,
                    const ShkCollectValue *value)
{
  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "section", section);
  add_value (builder, "value", is_number, value);
  json_builder_end_object (builder);
}

static void
add_cell (JsonBuilder     *builder,
          ShkMeasure      *measure,
          ShkIndicator    *indicator,
          const char      *year_id,
          ShkCollectField  field)
{
  json_builder_set_member_name (builder, "measure");
  json_builder_add_int_value (builder, shk_measure_get_number (measure));
  shk_cli_json_add_string_member (builder, "indicator",
                                  indicator != NULL ? shk_indicator_get_label (indicator) : NULL);
  json_builder_set_member_name (builder, "year");
  json_builder_add_string_value (builder, year_id);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, shk_collect_field_to_key (field));
}

static void
add_replies (JsonBuilder *builder,
             GPtrArray   *replies)
{
  json_builder_set_member_name (builder, "replies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < replies->len; i++)
    {
      const ShkCollectReply *reply = g_ptr_array_index (replies, i);

      json_builder_begin_object (builder);
      shk_cli_json_add_string_member (builder, "file", reply->file);
      shk_cli_json_add_string_member (builder, "section", reply->section);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, shk_reply_status_to_key (reply->status));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, reply->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_changes (JsonBuilder *builder,
             GPtrArray   *changes)
{
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const ShkCollectChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      add_cell (builder, change->measure, change->indicator, change->year_id, change->field);
      add_value (builder, "old", change->field == SHK_COLLECT_FIELD_ACTUAL, &change->old_value);
      add_value (builder, "new", change->field == SHK_COLLECT_FIELD_ACTUAL, &change->new_value);
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, change->section);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The document's own value comes first, with "section": null, when the
 * office changed it after the workbook went out. */
static void
add_conflicts (JsonBuilder *builder,
               GPtrArray   *conflicts)
{
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const ShkCollectConflict *conflict = g_ptr_array_index (conflicts, i);
      gboolean is_number = conflict->field == SHK_COLLECT_FIELD_ACTUAL;

      json_builder_begin_object (builder);
      add_cell (builder, conflict->measure, conflict->indicator, conflict->year_id,
                conflict->field);
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      if (conflict->office_changed)
        add_proposed_value (builder, NULL, is_number, &conflict->current);
      for (guint p = 0; p < conflict->proposals->len; p++)
        {
          const ShkCollectChange *proposal = g_ptr_array_index (conflict->proposals, p);

          add_proposed_value (builder, proposal->section, is_number, &proposal->new_value);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_process_cell (JsonBuilder    *builder,
                  ShkProcess     *process,
                  ShkSurveyField  field)
{
  json_builder_set_member_name (builder, "process");
  json_builder_add_string_value (builder, shk_process_get_id (process));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, shk_process_get_name (process));
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, shk_survey_field_to_key (field));
}

static void
add_survey_changes (JsonBuilder *builder,
                    GPtrArray   *changes)
{
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const ShkSurveyChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      add_process_cell (builder, change->process, change->field);
      add_value (builder, "old", change->field == SHK_SURVEY_FIELD_HOURS, &change->old_value);
      add_value (builder, "new", change->field == SHK_SURVEY_FIELD_HOURS, &change->new_value);
      json_builder_set_member_name (builder, "section");
      json_builder_add_string_value (builder, change->section);
      json_builder_set_member_name (builder, "warnings");
      json_builder_begin_array (builder);
      if (change->warnings & SHK_COLLECT_WARNING_TENFOLD)
        json_builder_add_string_value (builder, "tenfold");
      if (change->warnings & SHK_COLLECT_WARNING_CLEARED)
        json_builder_add_string_value (builder, "cleared");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_new_processes (JsonBuilder *builder,
                   GPtrArray   *added)
{
  json_builder_set_member_name (builder, "new_processes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < added->len; i++)
    {
      const ShkSurveyNewProcess *p = g_ptr_array_index (added, i);
      const char *members[][2] = {
        { "name", p->name }, { "business", p->business }, { "unit", p->unit },
        { "section", p->section }, { "category", p->category },
        { "applicable", p->applicable }, { "note", p->note }, { "file", p->file },
        { "cell", p->cell },
      };

      json_builder_begin_object (builder);
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        {
          shk_cli_json_add_string_member (builder, members[m][0], members[m][1]);
        }
      shk_cli_json_add_number_member (builder, "hours", p->hours);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_survey_conflicts (JsonBuilder *builder,
                      GPtrArray   *conflicts)
{
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      const ShkSurveyConflict *conflict = g_ptr_array_index (conflicts, i);
      gboolean is_number = conflict->field == SHK_SURVEY_FIELD_HOURS;

      json_builder_begin_object (builder);
      add_process_cell (builder, conflict->process, conflict->field);
      json_builder_set_member_name (builder, "values");
      json_builder_begin_array (builder);
      if (conflict->office_changed)
        add_proposed_value (builder, NULL, is_number, &conflict->current);
      for (guint p = 0; p < conflict->proposals->len; p++)
        {
          const ShkSurveyChange *proposal = g_ptr_array_index (conflict->proposals, p);

          add_proposed_value (builder, proposal->section, is_number, &proposal->new_value);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (ShkCollect *collect)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_replies (builder, shk_collect_get_replies (collect));
  /* A survey round has its own kind of changes, and new processes. */
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, shk_collect_is_survey (collect) ? "survey" : "measures");
  if (shk_collect_is_survey (collect))
    {
      add_survey_changes (builder, shk_collect_get_survey_changes (collect));
      add_new_processes (builder, shk_collect_get_new_processes (collect));
      add_survey_conflicts (builder, shk_collect_get_survey_conflicts (collect));
    }
  else
    {
      add_changes (builder, shk_collect_get_changes (collect));
      add_conflicts (builder, shk_collect_get_conflicts (collect));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

/* A positional argument is a plan document unless it is a workbook or a
 * folder of workbooks. */
static gboolean
is_reply_argument (const char *arg)
{
  g_autofree char *lower = g_ascii_strdown (arg, -1);

  return g_str_has_suffix (lower, ".xlsx") || g_file_test (arg, G_FILE_TEST_IS_DIR);
}

int
shk_cli_collect (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *year = NULL;
  gboolean apply = FALSE;
  gboolean reminders = FALSE;
  const GOptionEntry entries[] = {
    { "apply", 'a', 0, G_OPTION_ARG_NONE, &apply,
      N_("Apply the changes and write the updated document to --output"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The document to write with --apply"), N_("OUT.json") },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year,
      N_("The year of the round (default: that of the first reply recognised)"), N_("YEAR") },
    { "reminders", 'r', 0, G_OPTION_ARG_NONE, &reminders,
      N_("Print the reminder list instead: the sections still to answer (text or csv)"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default), json or csv; csv only with --reminders"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkCollect) collect = NULL;
  g_autoptr(GError) error = NULL;
  ShkCliFormat format;
  guint n_applied = 0;
  int first_reply = 1;
  int status;

  context = shk_cli_option_context_new (_("[FILE] REPLY.xlsx|FOLDER…"),
                                        _("Reads the request workbooks the sections sent back "
                                          "and shows, per section, who replied, who has not "
                                          "and which replies are refused and why; per value, "
                                          "old → new and from which section; and the "
                                          "conflicts, which stay as the document has them. "
                                          "With --apply the changes are made and the updated "
                                          "document, with the replies recorded in its request "
                                          "round, is written to --output."),
                                        entries);
  if ((status = shk_cli_parse_options (context, argv[0], &argc, &argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments (argv[0], argc, 1, G_MAXINT)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_parse_format (argv[0], format_text,
                                      reminders ? SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_CSV
                                                : SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                      &format)) != SHK_CLI_EXIT_OK)
    return status;
  if (reminders && apply)
    return shk_cli_usage_error (argv[0], _("--reminders only lists; it cannot --apply"));
  if (apply != (output != NULL))
    return shk_cli_usage_error (argv[0], apply ? _("--apply needs --output OUT.json: the "
                                                   "updated document is written there")
                                               : _("--output is only for --apply"));
  if (!is_reply_argument (argv[1]))
    first_reply = 2;
  if (first_reply >= argc)
    return shk_cli_usage_error (argv[0], _("Name at least one reply workbook or folder"));

  if ((status = shk_cli_open_plan (first_reply == 2 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  collect = shk_collect_new (plan, year);
  for (int i = first_reply; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

      if (!shk_collect_add_file (collect, file, NULL, &error))
        {
          shk_cli_file_error (argv[i], error->message);
          return SHK_CLI_EXIT_FAILURE;
        }
    }

  if (apply)
    {
      g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);

      n_applied = shk_collect_apply (collect, stack);
      /* Who replied goes into the document with the values, as in the
       * window; the survey's workbooks are no request round. */
      if (!shk_collect_is_survey (collect))
        shk_round_record_replies (shk_plan_get_round (plan), plan, collect, stack);
      if (!shk_format_save_file (plan, out, NULL, &error))
        {
          shk_cli_error ("%s", error->message);
          return SHK_CLI_EXIT_FAILURE;
        }
    }

  if (reminders)
    {
      g_autofree char *list = shk_collect_dup_reminders (collect, format == SHK_CLI_FORMAT_CSV);

      shk_cli_print (list);
    }
  else if (format == SHK_CLI_FORMAT_JSON)
    print_json (collect);
  else
    print_text (collect, apply, n_applied, output);
  return SHK_CLI_EXIT_OK;
}
