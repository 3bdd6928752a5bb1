/* shk-cli-common.c — option parsing, loading, output helpers for the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "shk-format.h"
#include "shk-table-export.h"

#include "shk-cli.h"

void
shk_cli_error (const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("shinchoku-cli: %s\n", message);
}

void
shk_cli_file_error (const char *path,
                    const char *message)
{
  /* GIO's messages mostly name the file already. */
  if (strstr (message, path) != NULL)
    shk_cli_error ("%s", message);
  else
    shk_cli_error ("%s: %s", path, message);
}

int
shk_cli_usage_error (const char *command,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  shk_cli_error ("%s", message);
  /* TRANSLATORS: %s is a command line such as “shinchoku-cli summary” */
  g_printerr (_("Run “%s --help” to see how to use it.\n"), command);
  return SHK_CLI_EXIT_USAGE;
}

GOptionContext *
shk_cli_option_context_new (const char         *parameter_string,
                            const char         *summary,
                            const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

int
shk_cli_parse_options (GOptionContext   *context,
                       const char       *command,
                       int              *argc,
                       char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return shk_cli_usage_error (command, "%s", error->message);

  return SHK_CLI_EXIT_OK;
}

int
shk_cli_check_arguments (const char *command,
                         int         argc,
                         int         min_args,
                         int         max_args)
{
  int n = argc - 1;

  if (n < min_args)
    return shk_cli_usage_error (command, _("missing argument"));
  if (n > max_args)
    return shk_cli_usage_error (command, _("too many arguments"));
  return SHK_CLI_EXIT_OK;
}

static const struct
{
  ShkCliFormat format;
  const char  *name;
} format_names[] = {
  { SHK_CLI_FORMAT_TEXT, "text" },
  { SHK_CLI_FORMAT_CSV,  "csv" },
  { SHK_CLI_FORMAT_JSON, "json" },
};

int
shk_cli_parse_format (const char   *command,
                      const char   *text,
                      guint         allowed,
                      ShkCliFormat *format)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (text == NULL)
    {
      *format = SHK_CLI_FORMAT_TEXT;
      return SHK_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if ((allowed & format_names[i].format) == 0)
        continue;
      if (g_str_equal (text, format_names[i].name))
        {
          *format = format_names[i].format;
          return SHK_CLI_EXIT_OK;
        }
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, format_names[i].name);
    }

  return shk_cli_usage_error (command,
                              /* TRANSLATORS: the second %s lists the formats, e.g. “text, json” */
                              _("unknown format “%s”; use one of: %s"),
                              text, names->str);
}

static GBytes *
read_standard_input (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_byte_array_append (data, buffer, (guint) n);

  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("could not read standard input"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The plans this process loaded, kept until it exits. Freeing a plan of
 * 100,000 measures object by object costs a fifth of a whole `summary`
 * run, and the system takes the memory back at exit for nothing. Held
 * by a static array, they stay reachable: leak checkers say nothing. */
static GPtrArray *plans_kept_until_exit;

static ShkPlan *
keep_until_exit (ShkPlan *plan)
{
  if (plan == NULL)
    return NULL;
  if (plans_kept_until_exit == NULL)
    plans_kept_until_exit = g_ptr_array_new ();
  g_ptr_array_add (plans_kept_until_exit, g_object_ref (plan));
  return plan;
}

static ShkPlan *
load_plan (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    {
      ShkPlan *plan = shk_builtin_plan_new ();

      if (plan == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("the built-in document could not be loaded"));
      return plan;
    }

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GBytes) bytes = read_standard_input (error);
      gsize length;
      const char *data;

      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &length);
      return shk_format_load_data (data != NULL ? data : "", (gssize) length,
                                   _("standard input"), error);
    }

  file = g_file_new_for_commandline_arg (path);
  return shk_format_load_file (file, NULL, error);
}

ShkPlan *
shk_cli_load_plan (const char  *path,
                   GError     **error)
{
  return keep_until_exit (load_plan (path, error));
}

int
shk_cli_parse_file_options (GOptionContext *context,
                            int            *argc,
                            char         ***argv,
                            char          **format_text,
                            guint           allowed,
                            ShkCliFormat   *format)
{
  const char *command = (*argv)[0];
  int status;

  if ((status = shk_cli_parse_options (context, command, argc, argv)) != SHK_CLI_EXIT_OK ||
      (status = shk_cli_check_arguments (command, *argc, 0, 1)) != SHK_CLI_EXIT_OK)
    return status;
  if (format == NULL)
    return SHK_CLI_EXIT_OK;
  return shk_cli_parse_format (command, *format_text, allowed, format);
}

int
shk_cli_parse_output_options (GOptionContext *context,
                              int            *argc,
                              char         ***argv,
                              char          **output)
{
  int status;

  if ((status = shk_cli_parse_file_options (context, argc, argv, NULL, 0, NULL)) != SHK_CLI_EXIT_OK)
    return status;
  if (*output == NULL)
    return shk_cli_usage_error ((*argv)[0], _("--output is required"));
  return SHK_CLI_EXIT_OK;
}

int
shk_cli_open_plan (const char  *path,
                   ShkPlan    **plan)
{
  g_autoptr(GError) error = NULL;

  *plan = shk_cli_load_plan (path, &error);
  if (*plan == NULL)
    {
      shk_cli_error ("%s", error->message);
      return SHK_CLI_EXIT_FAILURE;
    }
  return SHK_CLI_EXIT_OK;
}

static gboolean
parse_position (const char *spec,
                guint64    *position)
{
  if (spec[0] == '\0')
    return FALSE;
  for (const char *p = spec; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return g_ascii_string_to_unsigned (spec, 10, 1, G_MAXUINT, position, NULL);
}

static void
print_scenarios (ShkPlan *plan)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  guint n = g_list_model_get_n_items (scenarios);

  if (n == 0)
    {
      g_printerr (_("The document has no scenarios.\n"));
      return;
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "The document has %u scenario:\n",
                           "The document has %u scenarios:\n", n), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);

      g_printerr ("  %u  %s\n", i + 1, shk_scenario_get_name (scenario));
    }
}

ShkScenario *
shk_cli_find_scenario (const char *command,
                       ShkPlan    *plan,
                       const char *spec,
                       guint      *position)
{
  GListModel *scenarios = shk_plan_get_scenarios (plan);
  guint n = g_list_model_get_n_items (scenarios);
  guint64 number;

  /* A name wins over a number, so that a scenario called “2” can still be
   * chosen by name. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkScenario) scenario = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (shk_scenario_get_name (scenario), spec) == 0)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&scenario);
        }
    }

  if (parse_position (spec, &number) && number >= 1 && number <= n)
    {
      if (position != NULL)
        *position = (guint) number - 1;
      return g_list_model_get_item (scenarios, (guint) number - 1);
    }

  if (parse_position (spec, &number))
    shk_cli_error (_("there is no scenario %s"), spec);
  else
    shk_cli_error (_("there is no scenario named “%s”"), spec);
  print_scenarios (plan);
  return NULL;
}

char *
shk_cli_format_integer (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             value < 0 ? (guint64) 0 - (guint64) value
                                                       : (guint64) value);
  GString *text = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

char *
shk_cli_format_percent (gboolean has_rate,
                        double   rate)
{
  if (!has_rate)
    return g_strdup ("");
  return g_strdup_printf ("%.1f%%", rate * 100.0);
}

char *
shk_cli_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* The shortest precision that reads back as the same double, so that a
   * target of 0.1 is written 0.1 and not 0.10000000000000001. */
  for (int precision = 15; precision <= 17; precision++)
    {
      g_autofree char *format = g_strdup_printf ("%%.%dg", precision);

      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

void
shk_cli_print (const char *text)
{
  fputs (text, stdout);
}

gboolean
shk_cli_flush_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      shk_cli_error (_("could not write to standard output: %s"),
                     g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

void
shk_cli_json_add_number (JsonBuilder *builder,
                         double       value)
{
  const double limit = 9007199254740992.0; /* 2^53 */

  /* JSON has no NaN or infinity; json-glib would write them as bare words
   * and make the whole output unreadable. */
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value >= -limit && value <= limit && value == (double) (gint64) value)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

void
shk_cli_json_add_string_or_null (JsonBuilder *builder,
                                 const char  *value)
{
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

void
shk_cli_json_add_string_member (JsonBuilder *builder,
                                const char  *name,
                                const char  *value)
{
  json_builder_set_member_name (builder, name);
  shk_cli_json_add_string_or_null (builder, value);
}

void
shk_cli_json_add_number_member (JsonBuilder *builder,
                                const char  *name,
                                double       value)
{
  json_builder_set_member_name (builder, name);
  shk_cli_json_add_number (builder, value);
}

void
shk_cli_print_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  shk_cli_print (text);
  shk_cli_print ("\n");
}

void
shk_cli_csv_init (ShkCliCsv *csv)
{
  csv->text = g_string_new (NULL);
  csv->in_record = FALSE;
}

void
shk_cli_csv_clear (ShkCliCsv *csv)
{
  if (csv->text != NULL)
    g_string_free (g_steal_pointer (&csv->text), TRUE);
}

void
shk_cli_csv_add_field (ShkCliCsv  *csv,
                       const char *text)
{
  g_autofree char *field = NULL;

  if (csv->in_record)
    g_string_append_c (csv->text, ',');
  csv->in_record = TRUE;

  if (text == NULL)
    return;
  /* The same rule as the exported tables: no field that a spreadsheet
   * would run as a formula. */
  field = shk_table_csv_guard (text);

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv->text, field);
      return;
    }

  g_string_append_c (csv->text, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv->text, '"');
      g_string_append_c (csv->text, *p);
    }
  g_string_append_c (csv->text, '"');
}

void
shk_cli_csv_end_record (ShkCliCsv *csv)
{
  g_string_append (csv->text, "\r\n");
  csv->in_record = FALSE;
}

/* Text tables */

struct _ShkCliTable
{
  guint      n_columns;
  gboolean  *right_aligned;
  GPtrArray *rows;          /* of GPtrArray of char*, or NULL for a rule */
};

ShkCliTable *
shk_cli_table_new (guint n_columns)
{
  ShkCliTable *table = g_new0 (ShkCliTable, 1);

  table->n_columns = n_columns;
  table->right_aligned = g_new0 (gboolean, n_columns);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  return table;
}

void
shk_cli_table_free (ShkCliTable *table)
{
  if (table == NULL)
    return;
  g_free (table->right_aligned);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
shk_cli_table_set_right_aligned (ShkCliTable *table,
                                 guint        column,
                                 gboolean     right)
{
  g_return_if_fail (column < table->n_columns);
  table->right_aligned[column] = right;
}

void
shk_cli_table_add_row (ShkCliTable *table)
{
  g_ptr_array_add (table->rows, g_ptr_array_new_with_free_func (g_free));
}

void
shk_cli_table_take_cell (ShkCliTable *table,
                         char        *text)
{
  GPtrArray *row;

  g_return_if_fail (table->rows->len > 0);
  row = g_ptr_array_index (table->rows, table->rows->len - 1);
  g_return_if_fail (row->len < table->n_columns);
  g_ptr_array_add (row, text != NULL ? text : g_strdup (""));
}

void
shk_cli_table_add_cell (ShkCliTable *table,
                        const char  *text)
{
  shk_cli_table_take_cell (table, g_strdup (text != NULL ? text : ""));
}

void
shk_cli_table_add_rule (ShkCliTable *table)
{
  /* An empty row stands for a rule. */
  shk_cli_table_add_row (table);
}

/* Terminals draw East Asian wide characters over two cells; the ambiguous
 * ones (◎ ○ △) too when the terminal is set up for Japanese. */
static gboolean
ambiguous_is_wide (void)
{
  static int wide = -1;

  if (wide < 0)
    {
      const char * const *languages = g_get_language_names ();

      wide = languages[0] != NULL &&
             (g_str_has_prefix (languages[0], "ja") ||
              g_str_has_prefix (languages[0], "zh") ||
              g_str_has_prefix (languages[0], "ko"));
    }
  return wide;
}

static guint
display_width (const char *text)
{
  guint width = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return (guint) strlen (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      if (ambiguous_is_wide () ? g_unichar_iswide_cjk (c) : g_unichar_iswide (c))
        width += 2;
      else
        width += 1;
    }
  return width;
}

static void
append_padding (GString *out,
                guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

char *
shk_cli_table_render (ShkCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  GString *out = g_string_new (NULL);
  guint total = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        widths[c] = MAX (widths[c], display_width (g_ptr_array_index (row, c)));
    }
  for (guint c = 0; c < table->n_columns; c++)
    total += widths[c] + (c > 0 ? 2 : 0);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);
      gsize line_start = out->len;

      if (row->len == 0)
        {
          for (guint i = 0; i < total; i++)
            g_string_append_c (out, '-');
          g_string_append_c (out, '\n');
          continue;
        }

      for (guint c = 0; c < table->n_columns; c++)
        {
          const char *cell = c < row->len ? g_ptr_array_index (row, c) : "";
          guint pad = widths[c] - display_width (cell);

          if (c > 0)
            g_string_append (out, "  ");
          if (table->right_aligned[c])
            append_padding (out, pad);
          g_string_append (out, cell);
          if (!table->right_aligned[c])
            append_padding (out, pad);
        }

      /* No trailing blanks: they upset diffs and copy-and-paste. */
      while (out->len > line_start && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
