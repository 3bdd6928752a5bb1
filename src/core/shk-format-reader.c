/* shk-format-reader.c — plan documents read from JSON
 *
 * One streaming pass over the text (shk-format-stream.c: yajl with the
 * strict checks of RFC 8259 that json-glib lacks) reads the measures as
 * they come and builds json-glib nodes of the plan's other parts; then a
 * walk over those fills the rest of the new plan. Every problem is
 * collected with its JSON path, and the plan is only returned when no
 * problem was found. Files are only read when they are regular files,
 * and are parsed in chunks as they are read, so that the text of a large
 * plan is never in memory whole.
 *
 * Members the app does not know are kept as a JsonObject in the GObject
 * data of the model object they were found in (see EXTRA_KEY) and written
 * back by the writer after the known members, in the order they were read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "shk-format.h"
#include "shk-format-reader-private.h"

/* A realistic plan of 100,000 measures is about 240 MB (issue #17), so
 * 1 GiB leaves room for four times that; the bound keeps a wrong file (a
 * disk image, a log) from exhausting memory. A fixed bound rather than one
 * derived from free memory: whether a file opens must not depend on what
 * else runs at the moment, and the writer refuses what the reader would. */
#define DEFAULT_MAX_FILE_SIZE ((gsize) 1024 * 1024 * 1024)
#define MAX_FILE_SIZE         (max_file_size)
#define MAX_DEPTH             128

static gsize max_file_size = DEFAULT_MAX_FILE_SIZE;

gsize
shk_format_get_max_file_size (void)
{
  return max_file_size;
}

void
shk_format_set_max_file_size (gsize size)
{
  max_file_size = size != 0 ? size : DEFAULT_MAX_FILE_SIZE;
}

G_DEFINE_QUARK (shk-format-error-quark, shk_format_error)

/* The plan ---------------------------------------------------------- */

static const char * const plan_keys[] = {
  "format", "version", "title", "organisation", "reporting_year",
  "fiscal_years", "evaluations", "grade_thresholds", "policies", "measures",
  "survey", "scenarios", "previous_plan", "round", NULL
};

static void
read_round_member (Reader     *r,
                   JsonObject *root)
{
  gsize mark = shk_reader_path_push_key (r, "round");
  JsonObject *round = shk_reader_node_object (r, json_object_get_member (root, "round"),
                                              OPTIONAL);

  if (round != NULL)
    shk_reader_read_round (r, round);
  shk_reader_path_pop (r, mark);
}

/* The measures, read from @root, or already read while parsing by
 * @streamed, whose problems then take their place among the others. */
static void
read_measures (Reader       *r,
               JsonObject   *root,
               const Reader *streamed)
{
  Uniques uniques;

  if (streamed != NULL)
    {
      shk_reader_add_problems (r, streamed);
      return;
    }
  shk_reader_uniques_init (&uniques);
  shk_reader_read_array (r, root, "measures", OPTIONAL, shk_reader_read_measure, &uniques);
  shk_reader_uniques_clear (&uniques);
}

static void
read_plan (Reader       *r,
           JsonObject   *root,
           const Reader *streamed_measures)
{
  Uniques uniques;

  shk_plan_set_title (r->plan, shk_reader_read_text (r, root, "title", OPTIONAL));
  shk_plan_set_organisation (r->plan, shk_reader_read_text (r, root, "organisation", OPTIONAL));
  shk_plan_set_previous_plan (r->plan, shk_reader_read_text (r, root, "previous_plan", OPTIONAL));

  shk_reader_read_fiscal_years (r, root);
  shk_plan_set_reporting_year (r->plan, shk_reader_read_plan_year (r, root, "reporting_year", OPTIONAL));

  shk_reader_uniques_init (&uniques);
  shk_reader_read_array (r, root, "evaluations", OPTIONAL, shk_reader_read_evaluation, &uniques);
  shk_reader_uniques_clear (&uniques);

  shk_reader_read_thresholds (r, root);

  shk_reader_uniques_init (&uniques);
  shk_reader_read_array (r, root, "policies", OPTIONAL, shk_reader_read_policy, &uniques);
  shk_reader_uniques_clear (&uniques);

  read_measures (r, root, streamed_measures);

  shk_reader_read_survey (r, root);
  shk_reader_read_array (r, root, "scenarios", OPTIONAL, shk_reader_read_scenario, NULL);
  read_round_member (r, root);

  shk_reader_keep_unknown (r, r->plan, EXTRA_KEY, root, plan_keys);
}

/* Format and version, checked before the rest of the plan is read (the
 * measures, read while parsing, excepted: their problems are dropped when
 * this fails, so that a file that is no plan or a newer one is refused
 * for that alone). */
static gboolean
check_format (JsonObject  *root,
              GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  double number = 0;

  if (format == NULL || !shk_reader_node_is_string (format))
    {
      g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_NOT_A_PLAN,
                   _("not a Shinchoku plan (there is no \"format\": \"%s\" at the top)"),
                   SHK_FORMAT_NAME);
      return FALSE;
    }
  if (!g_str_equal (json_node_get_string (format), SHK_FORMAT_NAME))
    {
      g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_NOT_A_PLAN,
                   _("not a Shinchoku plan (the format is \"%s\", not \"%s\")"),
                   json_node_get_string (format), SHK_FORMAT_NAME);
      return FALSE;
    }

  if (version == NULL)
    {
      g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
                   _("%s: missing; expected %s"), "version", _("an integer ≥ 1"));
      return FALSE;
    }
  if (shk_reader_node_is_number (version))
    number = json_node_get_double (version);
  if (!shk_reader_node_is_number (version) || !isfinite (number) || number != trunc (number)
      || number < 1)
    {
      g_autofree char *found = shk_reader_describe_node (version);

      g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
                   _("%s: expected %s, found %s"), "version", _("an integer ≥ 1"), found);
      return FALSE;
    }
  if (number > MAX_MAGNITUDE)
    {
      g_autofree char *text = shk_format_number_text (number);

      g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
                   _("%s: %s is out of range; numbers in a plan lie between -1e15 and 1e15"),
                   "version", text);
      return FALSE;
    }
  if (number > SHK_FORMAT_VERSION)
    {
      g_autofree char *text = shk_format_number_text (number);

      g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_NEWER_VERSION,
                   _("written by a newer version of Shinchoku (format version %s); "
                     "this version reads up to %d"),
                   text, SHK_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

static void
set_problems_error (GError **error,
                    Reader  *r)
{
  GString *message = g_string_new (NULL);

  for (guint i = 0; i < r->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (r->problems, i));
    }
  if (r->n_problems > r->problems->len)
    {
      guint more = r->n_problems - r->problems->len;

      g_string_append_c (message, '\n');
      g_string_append_printf (message,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "… and %u more problem",
                                           "… and %u more problems", more),
                              more);
    }

  g_set_error_literal (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID, message->str);
  g_string_free (message, TRUE);
}

static void
set_too_large_error (GError **error,
                     guint64  size)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit_text = g_format_size_full (MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_INVALID,
               /* TRANSLATORS: "the file is too large (1.5 GiB); plans of up to 1.0 GiB can be read" */
               _("the file is too large (%s); plans of up to %s can be read"),
               size_text, limit_text);
}

/* "4:15: …" */
static gboolean
starts_with_position (const char *line)
{
  const char *p = line;

  for (guint part = 0; part < 2; part++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p++ != ':')
        return FALSE;
    }
  return TRUE;
}

/* Prefixes every line of the message with the file name: "plan.json:4:15:
 * …" for a line that starts with a position, "plan.json: …" otherwise. */
static void
name_lines (GError     *error,
            const char *display_name)
{
  g_auto(GStrv) lines = g_strsplit (error->message, "\n", -1);
  GString *message = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, display_name);
      g_string_append (message, starts_with_position (lines[i]) ? ":" : ": ");
      g_string_append (message, lines[i]);
    }
  g_free (error->message);
  error->message = g_string_free (message, FALSE);
}

static void
reader_init (Reader     *r,
             ShkPlan    *plan,
             GHashTable *fiscal_years)
{
  r->path = g_string_new (NULL);
  r->problems = g_ptr_array_new_with_free_func (g_free);
  r->plan = plan;
  r->fiscal_years = fiscal_years;
  r->texts = shk_text_pool_new ();
}

static void
reader_clear (Reader *r)
{
  g_string_free (r->path, TRUE);
  g_ptr_array_unref (r->problems);
  g_clear_pointer (&r->texts, shk_text_pool_unref);
}

/* Where the text comes from: memory, or a file read in chunks so that
 * it is never in memory whole. */
typedef struct
{
  const char   *data;
  gsize         size;
  GInputStream *input;
  GCancellable *cancellable;
  gboolean      retry;  /* the file's text was refused: read it whole, and
                         * load_data() on it says why */
} Source;

static JsonNode *
parse_source (Source    *source,
              Reader    *measures,
              gboolean  *measures_streamed,
              GError   **error)
{
  JsonNode *root = NULL;
  gsize size = 0;

  if (source->input == NULL)
    return shk_reader_stream (source->data, source->size, MAX_DEPTH, measures,
                              measures_streamed, error);

  switch (shk_reader_stream_input (source->input, MAX_FILE_SIZE, MAX_DEPTH, measures,
                                   measures_streamed, &root, &size, source->cancellable, error))
    {
    case SHK_STREAM_OK:
      return root;
    case SHK_STREAM_RETRY:
      source->retry = TRUE;
      return NULL;
    case SHK_STREAM_TOO_LARGE:
      set_too_large_error (error, size);
      return NULL;
    case SHK_STREAM_ERROR:
    default:
      return NULL;
    }
}

static ShkPlan *
load_data (Source  *source,
           GError **error)
{
  g_autoptr(ShkPlan) plan = NULL;
  g_autoptr(GHashTable) fiscal_years = NULL;
  g_autoptr(JsonNode) root = NULL;
  Reader r = { 0 }, measures = { 0 };
  gboolean measures_streamed = FALSE;
  gboolean ok;

  if (source->input == NULL && source->size > MAX_FILE_SIZE)
    {
      set_too_large_error (error, source->size);
      return NULL;
    }

  plan = shk_plan_new ();
  fiscal_years = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader_init (&measures, plan, fiscal_years);
  root = parse_source (source, &measures, &measures_streamed, error);

  /* The format is checked after the measures were read, as they come
   * before the end of the text; its message still wins over theirs. */
  ok = root != NULL;
  if (ok && !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_NOT_A_PLAN,
                           _("not a Shinchoku plan (the top level is not a JSON object)"));
      ok = FALSE;
    }
  ok = ok && check_format (json_node_get_object (root), error);

  if (ok)
    {
      reader_init (&r, plan, fiscal_years);
      read_plan (&r, json_node_get_object (root), measures_streamed ? &measures : NULL);
      if (r.n_problems > 0)
        {
          set_problems_error (error, &r);
          ok = FALSE;
        }
      reader_clear (&r);
    }
  reader_clear (&measures);
  return ok ? g_steal_pointer (&plan) : NULL;
}

ShkPlan *
shk_format_load_data (const char  *data,
                      gssize       length,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  Source source = { 0 };
  ShkPlan *plan;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";
  source.data = data;
  source.size = length < 0 ? strlen (data) : (gsize) length;
  plan = load_data (&source, &local_error);
  if (plan == NULL)
    {
      if (display_name != NULL)
        name_lines (local_error, display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return plan;
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);
  return g_filename_display_name (basename);
}

/* GIO's messages mostly name the file already; the rest get its name. */
static void
name_file_in_error (GError     **error,
                    GFile       *file,
                    const char  *display_name)
{
  g_autofree char *parse_name = g_file_get_parse_name (file);

  if (error == NULL || *error == NULL)
    return;
  if (strstr ((*error)->message, display_name) == NULL
      && strstr ((*error)->message, parse_name) == NULL)
    g_prefix_error (error, "%s: ", display_name);
}

/* Only regular files are opened: opening a FIFO with no writer blocks for
 * ever, a device may never end, and a directory or a symbolic link that
 * leads nowhere has nothing to read. */
static gboolean
refuse_special_type (GFileType   type,
                     GError    **error)
{
  switch (type)
    {
    case G_FILE_TYPE_REGULAR:
      return TRUE;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("this is a folder, not a plan file"));
      return FALSE;
    case G_FILE_TYPE_SYMBOLIC_LINK:
      /* Only seen when following the link failed. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("this is a symbolic link that leads to no file "
                             "(its target is missing, or the links form a loop)"));
      return FALSE;
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("this is not an ordinary file (it is a device, a pipe or "
                             "another special file); it was not read"));
      return FALSE;
    }
}

static gboolean
check_regular_file (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE,
                                                 cancellable, error);

  return info != NULL && refuse_special_type (g_file_info_get_file_type (info), error);
}

/* Opens a regular file, refusing one larger than MAX_FILE_SIZE from its
 * size; @size is set to that size (0 when unknown). */
static GFileInputStream *
open_bounded (GFile         *file,
              GCancellable  *cancellable,
              gsize         *size,
              GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  *size = 0;
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  /* Replaced by a special file after check_regular_file() looked? */
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_TYPE)
      && !refuse_special_type (g_file_info_get_file_type (info), error))
    return NULL;
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      if ((guint64) g_file_info_get_size (info) > MAX_FILE_SIZE)
        {
          set_too_large_error (error, (guint64) g_file_info_get_size (info));
          return NULL;
        }
      *size = (gsize) g_file_info_get_size (info);
    }
  return g_steal_pointer (&stream);
}

/* Reads at most MAX_FILE_SIZE + 1 bytes, so that a huge file is refused
 * without reading it all. */
static GBytes *
read_file_bounded (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  gsize chunk = 256 * 1024;
  gsize size;

  stream = open_bounded (file, cancellable, &size, error);
  if (stream == NULL)
    return NULL;

  /* Sized for the whole file when its size is known: growing by
   * reallocation copied a large plan several times over. */
  buffer = g_byte_array_sized_new ((guint) (size + chunk));
  for (;;)
    {
      guint old_length = buffer->len;
      gsize bytes_read = 0;

      g_byte_array_set_size (buffer, old_length + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_length,
                                    chunk, &bytes_read, cancellable, error))
        return NULL;
      g_byte_array_set_size (buffer, old_length + bytes_read);
      if (buffer->len > MAX_FILE_SIZE)
        {
          set_too_large_error (error, buffer->len);
          return NULL;
        }
      if (bytes_read < chunk)
        break;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* The file's text, read whole: the way to say what is wrong with a text
 * the streaming pass refused. */
static ShkPlan *
load_file_whole (GFile         *file,
                 const char    *display_name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = read_file_bounded (file, cancellable, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      name_file_in_error (error, file, display_name);
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return shk_format_load_data (data != NULL ? data : "", (gssize) length,
                               display_name, error);
}

ShkPlan *
shk_format_load_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  Source source = { 0 };
  ShkPlan *plan;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = dup_display_name (file);
  if (check_regular_file (file, cancellable, &local_error))
    stream = open_bounded (file, cancellable, &size, &local_error);
  if (stream == NULL)
    {
      name_file_in_error (&local_error, file, display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Parsed as it is read: the text of a large plan is never in memory
   * whole, only the plan made of it. */
  source.input = G_INPUT_STREAM (stream);
  source.cancellable = cancellable;
  plan = load_data (&source, &local_error);
  if (plan != NULL)
    return plan;
  if (source.retry)
    return load_file_whole (file, display_name, cancellable, error);

  if (local_error->domain == SHK_FORMAT_ERROR)
    name_lines (local_error, display_name);
  else
    name_file_in_error (&local_error, file, display_name);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}
