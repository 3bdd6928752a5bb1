/* shk-cli-import.c — the import command: targets and actuals from a CSV
 * or XLSX file, previewed, and with --apply written to a new document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-format.h"
#include "shk-import.h"

#include "shk-cli.h"

/* "values.xlsx, sheet “Measures”", or the file name alone for CSV. */
static char *
describe_source (ShkImport *import)
{
  const char *file = shk_import_get_display_name (import);
  const char *sheet = shk_import_get_sheet_name (import);

  if (*sheet == '\0')
    return g_strdup (file);
  /* TRANSLATORS: where the imported values come from: “values.xlsx, sheet “Measures”” */
  return g_strdup_printf (_("%s, sheet “%s”"), file, sheet);
}

static void
print_problems (GString    *out,
                GPtrArray  *problems,
                const char *heading)
{
  if (problems->len == 0)
    return;
  g_string_append_printf (out, "%s\n", heading);
  for (guint i = 0; i < problems->len; i++)
    g_string_append_printf (out, "  %s\n",
                            ((ShkImportProblem *) g_ptr_array_index (problems, i))->message);
}

static void
print_text (ShkImport  *import,
            gboolean    applied,
            guint       n_applied,
            const char *output)
{
  GPtrArray *changes = shk_import_get_changes (import);
  GPtrArray *unmatched = shk_import_get_unmatched (import);
  GPtrArray *problems = shk_import_get_problems (import);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *source = describe_source (import);
  g_autofree char *heading = NULL;

  g_string_append_printf (out, "%s\n", source);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u value changes:",
                                            "%u values change:", changes->len),
                          changes->len);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < changes->len; i++)
    {
      const ShkImportChange *change = g_ptr_array_index (changes, i);
      g_autofree char *cell = shk_sheet_cell_name (change->row, change->column);
      g_autofree char *line = shk_import_change_describe (change);

      g_string_append_printf (out, "  %s: %s\n", cell, line);
    }

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row matches nothing:",
                                          "%u rows match nothing:", unmatched->len),
                             unmatched->len);
  print_problems (out, unmatched, heading);
  g_clear_pointer (&heading, g_free);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cell was skipped:",
                                          "%u cells were skipped:", problems->len),
                             problems->len);
  print_problems (out, problems, heading);

  if (applied)
    {
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%u value changed; the document is written to %s",
                                                "%u values changed; the document is written to %s",
                                                n_applied),
                              n_applied, output);
      g_string_append_c (out, '\n');
    }
  shk_cli_print (out->str);
}

static void
add_optional (JsonBuilder *builder,
              const char  *name,
              gboolean     has_value,
              double       value)
{
  json_builder_set_member_name (builder, name);
  if (has_value)
    shk_cli_json_add_number (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_change (JsonBuilder           *builder,
            const ShkImportChange *change)
{
  g_autofree char *cell = shk_sheet_cell_name (change->row, change->column);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cell");
  json_builder_add_string_value (builder, cell);
  json_builder_set_member_name (builder, "row");
  json_builder_add_int_value (builder, change->row + 1);
  json_builder_set_member_name (builder, "measure");
  json_builder_add_int_value (builder, shk_measure_get_number (change->measure));
  json_builder_set_member_name (builder, "indicator_index");
  json_builder_add_int_value (builder, change->indicator_index + 1);
  shk_cli_json_add_string_member (builder, "indicator",
                                  shk_indicator_get_label (change->indicator));
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, change->kind == SHK_VALUE_TARGET ? "target" : "actual");
  json_builder_set_member_name (builder, "year");
  json_builder_add_string_value (builder, change->year_id);
  add_optional (builder, "old", change->had_value, change->old_value);
  add_optional (builder, "new", change->has_value, change->new_value);
  json_builder_end_object (builder);
}

static void
add_problems (JsonBuilder *builder,
              const char  *name,
              GPtrArray   *problems)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; i < problems->len; i++)
    {
      const ShkImportProblem *problem = g_ptr_array_index (problems, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "cell");
      if (problem->column != G_MAXUINT)
        {
          g_autofree char *cell = shk_sheet_cell_name (problem->row, problem->column);

          json_builder_add_string_value (builder, cell);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "row");
      json_builder_add_int_value (builder, problem->row + 1);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, problem->text);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, problem->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_json (ShkImport  *import,
            gboolean    applied,
            guint       n_applied,
            const char *output)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *changes = shk_import_get_changes (import);

  json_builder_begin_object (builder);
  shk_cli_json_add_string_member (builder, "file", shk_import_get_display_name (import));
  json_builder_set_member_name (builder, "sheet");
  json_builder_add_string_value (builder, shk_import_get_sheet_name (import));
  json_builder_set_member_name (builder, "changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    add_change (builder, g_ptr_array_index (changes, i));
  json_builder_end_array (builder);
  add_problems (builder, "unmatched", shk_import_get_unmatched (import));
  add_problems (builder, "problems", shk_import_get_problems (import));
  json_builder_set_member_name (builder, "applied");
  if (applied)
    json_builder_add_int_value (builder, n_applied);
  else
    json_builder_add_null_value (builder);
  shk_cli_json_add_string_member (builder, "output", applied ? output : NULL);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  shk_cli_print_json (root);
}

static int
check_options (const char *command,
               gboolean    apply,
               const char *output)
{
  if (apply && output == NULL)
    return shk_cli_usage_error (command, _("--apply needs --output OUT.json: the updated "
                                           "document is written there, never over FILE"));
  if (!apply && output != NULL)
    return shk_cli_usage_error (command, _("--output is only for --apply"));
  return SHK_CLI_EXIT_OK;
}

/* Applies the preview to the plan and writes it to @output. */
static gboolean
apply_and_write (ShkImport   *import,
                 ShkPlan     *plan,
                 const char  *output,
                 guint       *n_applied,
                 GError     **error)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

  *n_applied = shk_import_apply (import, stack);
  return shk_format_save_file (plan, file, NULL, error);
}

int
shk_cli_import (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format_text = NULL;
  gboolean apply = FALSE;
  const GOptionEntry entries[] = {
    { "apply", 'a', 0, G_OPTION_ARG_NONE, &apply,
      N_("Apply the changes and write the updated document to --output"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The document to write with --apply"), N_("OUT.json") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_text,
      N_("Output format: text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(ShkImport) import = NULL;
  g_autoptr(GFile) data = NULL;
  g_autoptr(GError) error = NULL;
  ShkCliFormat format;
  guint n_applied = 0;
  int status;

  context = shk_cli_option_context_new (_("[FILE] DATA.csv|DATA.xlsx"),
                                        _("Shows what importing the targets and actuals of a "
                                          "CSV or XLSX file (an exported measures table, "
                                          "edited) would change in the document, what is "
                                          "refused and why, by file, sheet and cell. With "
                                          "--apply the changes are made and the updated "
                                          "document is written to --output; FILE itself is "
                                          "never changed unless it is named as the output."),
                                        entries);
  if ((status = shk_cli_parse_options (context, argv[0], &argc, &argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments (argv[0], argc, 1, 2)) != SHK_CLI_EXIT_OK ||
      (status = check_options (argv[0], apply, output)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_parse_format (argv[0], format_text,
                                      SHK_CLI_FORMAT_TEXT | SHK_CLI_FORMAT_JSON,
                                      &format)) != SHK_CLI_EXIT_OK)
    return status;

  if ((status = shk_cli_open_plan (argc > 2 ? argv[1] : NULL, &plan)) != SHK_CLI_EXIT_OK)
    return status;

  data = g_file_new_for_commandline_arg (argv[argc - 1]);
  import = shk_import_new_from_file_full (plan, data, NULL, NULL, NULL, &error);
  if (import == NULL)
    {
      shk_cli_error (_("%s (nothing was imported and no file was written)"), error->message);
      return SHK_CLI_EXIT_FAILURE;
    }

  if (apply && !apply_and_write (import, plan, output, &n_applied, &error))
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }

  if (format == SHK_CLI_FORMAT_JSON)
    print_json (import, apply, n_applied, output);
  else
    print_text (import, apply, n_applied, output);
  return SHK_CLI_EXIT_OK;
}
