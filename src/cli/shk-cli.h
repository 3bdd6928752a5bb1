/* shk-cli.h — what the commands of shinchoku-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "shk-plan.h"

G_BEGIN_DECLS

/* Exit statuses: 2 is a mistake on the command line, 1 anything that went
 * wrong while doing what was asked (an invalid file, a failed write). */
#define SHK_CLI_EXIT_OK      0
#define SHK_CLI_EXIT_FAILURE 1
#define SHK_CLI_EXIT_USAGE   2

typedef enum
{
  SHK_CLI_FORMAT_TEXT = 1 << 0,
  SHK_CLI_FORMAT_CSV  = 1 << 1,
  SHK_CLI_FORMAT_JSON = 1 << 2,
} ShkCliFormat;

/* A command's entry point: argv[0] is "shinchoku-cli NAME". */
typedef int (*ShkCliCommandFunc) (int    argc,
                                  char **argv);

/* Messages on stderr, prefixed "shinchoku-cli: ". */
void            shk_cli_error              (const char     *format,
                                            ...) G_GNUC_PRINTF (1, 2);
/* A message about the file at @path, named once: “OUT.png: …”. */
void            shk_cli_file_error         (const char     *path,
                                            const char     *message);
/* Prints the message and a hint to the command's --help; returns
 * SHK_CLI_EXIT_USAGE. */
int             shk_cli_usage_error        (const char     *command,
                                            const char     *format,
                                            ...) G_GNUC_PRINTF (2, 3);

/* A context whose help shows @parameter_string after the options and the
 * translated @summary above them. */
GOptionContext *shk_cli_option_context_new (const char     *parameter_string,
                                            const char     *summary,
                                            const GOptionEntry *entries);
/* Parses, and on failure prints the message; returns SHK_CLI_EXIT_OK or
 * SHK_CLI_EXIT_USAGE. */
int             shk_cli_parse_options      (GOptionContext *context,
                                            const char     *command,
                                            int            *argc,
                                            char         ***argv);
/* Checks the number of positional arguments left after parsing. */
int             shk_cli_check_arguments    (const char     *command,
                                            int             argc,
                                            int             min_args,
                                            int             max_args);

/* @text NULL means text. @allowed is a mask of ShkCliFormat. */
int             shk_cli_parse_format       (const char     *command,
                                            const char     *text,
                                            guint           allowed,
                                            ShkCliFormat   *format);

/* @path NULL: the built-in document; "-": standard input. */
ShkPlan        *shk_cli_load_plan          (const char     *path,
                                            GError        **error);

/* What most commands do first: parse the options, accept at most one
 * FILE, and read --format (@format_text, as parsed) against @allowed;
 * @format NULL for a command without --format. Messages are printed;
 * returns the exit status. */
int             shk_cli_parse_file_options (GOptionContext *context,
                                            int            *argc,
                                            char         ***argv,
                                            char          **format_text,
                                            guint           allowed,
                                            ShkCliFormat   *format);
/* What the commands that write a file do first: as
 * shk_cli_parse_file_options() without --format, then insist on
 * --output (@output, as parsed). */
int             shk_cli_parse_output_options (GOptionContext *context,
                                              int            *argc,
                                              char         ***argv,
                                              char          **output);
/* Loads @path as shk_cli_load_plan() does into @plan, printing the
 * message when it cannot; returns the exit status. */
int             shk_cli_open_plan          (const char     *path,
                                            ShkPlan       **plan);

/* Resolves a --scenario value: a 1-based number or an exact name. On
 * failure prints a message listing the scenarios and returns NULL. */
ShkScenario    *shk_cli_find_scenario      (const char     *command,
                                            ShkPlan        *plan,
                                            const char     *spec,
                                            guint          *position);

/* "12,345,678" */
char           *shk_cli_format_integer     (gint64          value);
/* "112.4%", or "" when @has_rate is FALSE. */
char           *shk_cli_format_percent     (gboolean        has_rate,
                                            double          rate);
/* Shortest round-tripping text, in the C locale ("3", "0.25"). */
char           *shk_cli_format_number      (double          value);

/* Standard output takes the bytes as they are: everything is UTF-8. */
void            shk_cli_print              (const char     *text);
/* FALSE (after a message) when standard output could not be written. */
gboolean        shk_cli_flush_output       (void);

/* JSON: integral values within ±2^53 as integers, anything else as a
 * double, so that yen amounts come out as JSON integers; NaN and infinity,
 * which JSON cannot hold, as null. */
void            shk_cli_json_add_number    (JsonBuilder    *builder,
                                            double          value);
void            shk_cli_json_add_string_or_null (JsonBuilder *builder,
                                            const char     *value);
/* "name": value, or "name": null when @value is NULL. */
void            shk_cli_json_add_string_member (JsonBuilder *builder,
                                            const char     *name,
                                            const char     *value);
/* "name": value, as shk_cli_json_add_number() writes it. */
void            shk_cli_json_add_number_member (JsonBuilder *builder,
                                            const char     *name,
                                            double          value);
void            shk_cli_print_json         (JsonNode       *root);

/* CSV per RFC 4180: fields quoted when they hold a comma, a quote or a
 * line break; records end with CRLF. Formula-like fields get a leading '
 * (shk_table_csv_guard()). */
typedef struct
{
  GString  *text;
  gboolean  in_record;  /* a field was added since the last CRLF */
} ShkCliCsv;

void            shk_cli_csv_init           (ShkCliCsv      *csv);
void            shk_cli_csv_clear          (ShkCliCsv      *csv);
void            shk_cli_csv_add_field      (ShkCliCsv      *csv,
                                            const char     *field);
void            shk_cli_csv_end_record     (ShkCliCsv      *csv);

/* A plain-text table whose columns line up in a terminal, counting wide
 * (CJK) characters as two cells. */
typedef struct _ShkCliTable ShkCliTable;

ShkCliTable    *shk_cli_table_new          (guint           n_columns);
void            shk_cli_table_free         (ShkCliTable    *table);
void            shk_cli_table_set_right_aligned (ShkCliTable *table,
                                            guint           column,
                                            gboolean        right);
void            shk_cli_table_add_row      (ShkCliTable    *table);
void            shk_cli_table_add_cell     (ShkCliTable    *table,
                                            const char     *text);
void            shk_cli_table_take_cell    (ShkCliTable    *table,
                                            char           *text);
/* A line of dashes across the table. */
void            shk_cli_table_add_rule     (ShkCliTable    *table);
char           *shk_cli_table_render       (ShkCliTable    *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkCliTable, shk_cli_table_free)

/* The commands. */
int             shk_cli_validate           (int argc, char **argv);
int             shk_cli_summary            (int argc, char **argv);
int             shk_cli_measures           (int argc, char **argv);
int             shk_cli_export_builtin     (int argc, char **argv);
int             shk_cli_payback            (int argc, char **argv);
int             shk_cli_processes          (int argc, char **argv);
int             shk_cli_chart              (int argc, char **argv);
int             shk_cli_sensitivity        (int argc, char **argv);
int             shk_cli_report             (int argc, char **argv);
int             shk_cli_export             (int argc, char **argv);
int             shk_cli_import             (int argc, char **argv);
int             shk_cli_audit              (int argc, char **argv);
int             shk_cli_deck               (int argc, char **argv);
int             shk_cli_survey             (int argc, char **argv);
int             shk_cli_findings           (int argc, char **argv);
int             shk_cli_next_plan          (int argc, char **argv);
int             shk_cli_requests           (int argc, char **argv);
int             shk_cli_collect            (int argc, char **argv);
int             shk_cli_round              (int argc, char **argv);

G_END_DECLS
