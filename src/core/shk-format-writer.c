/* shk-format-writer.c — plan documents written as JSON
 *
 * Writing does not use JsonGenerator: it prints 1000000.0 as "1000000.0"
 * or "1e+06" depending on the version, and its indentation and key order
 * are not ours to choose. A small writer prints the format exactly as
 * docs/file-format.md describes it, so that loading and saving a file
 * gives the same bytes. Files are written through the safe save
 * (shk-safe-save.c), in pieces as they are made: a plan of 100,000
 * measures is 200 MB, and one buffer of that size costs more in page
 * faults and cache misses than making the text (issue #17).
 *
 * This file is the output: the text, its pieces, and JSON's values
 * printed and escaped. What each part of a plan is written as is in
 * shk-format-writer-plan.c (see shk-format-writer-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "shk-format.h"
#include "shk-format-writer-private.h"
#include "shk-safe-save.h"

/* A piece: small enough to stay in the cache, large enough that writes
 * are few. */
#define FLUSH_SIZE (256 * 1024)

/* Hands what is made so far to the stream. Past the largest file the
 * reader accepts, nothing more is written but the bytes are still
 * counted, for the message. */
static void
write_flush (Writer *w)
{
  if (w->pieces != NULL && w->out->len > 0)
    {
      w->flushed += w->out->len;
      g_ptr_array_add (w->pieces, g_bytes_new (w->out->str, w->out->len));
      g_string_truncate (w->out, 0);
      return;
    }
  if (w->stream == NULL || w->out->len == 0)
    return;
  w->flushed += w->out->len;
  if (!w->failed && w->flushed <= shk_format_get_max_file_size ())
    w->failed = !shk_safe_save_stream_write (w->stream, w->out->str, w->out->len);
  g_string_truncate (w->out, 0);
}

/* g_string_append_len() without its checks, for the hot paths: the
 * writer appends tens of millions of short pieces to a large plan. */
static inline void
out_append (Writer     *w,
            const char *text,
            gsize       length)
{
  GString *out = w->out;

  if (G_UNLIKELY (out->len + length >= out->allocated_len))
    {
      g_string_append_len (out, text, length);
      return;
    }
  memcpy (out->str + out->len, text, length);
  out->len += length;
  out->str[out->len] = '\0';
}

/* A newline and the indentation of the open containers, in one append:
 * a large plan has millions of lines. */
static void
write_newline (Writer *w)
{
  static const char indent[] = "\n                                                                ";
  guint width = 2 * w->depth;

  if (width < sizeof indent - 1)
    {
      out_append (w, indent, 1 + width);
      return;
    }
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* The length of the well-formed UTF-8 sequence that starts at @p with a
 * byte ≥ 0x80, or 0: what g_utf8_validate() accepts (no overlong forms,
 * no surrogates, nothing above U+10FFFF), in the same pass as escaping. */
static guint
utf8_sequence_length (const guchar *p)
{
  guchar lead = p[0];
  guchar low = 0x80, high = 0xbf;
  guint n;

  if (lead >= 0xc2 && lead <= 0xdf)
    n = 2;
  else if (lead >= 0xe0 && lead <= 0xef)
    {
      n = 3;
      if (lead == 0xe0)
        low = 0xa0;
      else if (lead == 0xed)
        high = 0x9f;
    }
  else if (lead >= 0xf0 && lead <= 0xf4)
    {
      n = 4;
      if (lead == 0xf0)
        low = 0x90;
      else if (lead == 0xf4)
        high = 0x8f;
    }
  else
    return 0;

  /* The terminating nul is no continuation byte, so this stops at it. */
  if (p[1] < low || p[1] > high)
    return 0;
  for (guint i = 2; i < n; i++)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  return n;
}

static void
write_escape (Writer *w,
              guchar  c)
{
  switch (c)
    {
    case '"':  g_string_append (w->out, "\\\""); break;
    case '\\': g_string_append (w->out, "\\\\"); break;
    case '\n': g_string_append (w->out, "\\n"); break;
    case '\r': g_string_append (w->out, "\\r"); break;
    case '\t': g_string_append (w->out, "\\t"); break;
    case '\b': g_string_append (w->out, "\\b"); break;
    case '\f': g_string_append (w->out, "\\f"); break;
    default:
      g_string_append_printf (w->out, "\\u%04x", c);
    }
}

/* Escapes @text into a JSON string, UTF-8 as is. Text that is not valid
 * UTF-8 is written as g_utf8_make_valid() repairs it. Runs of text that
 * need no escaping go in one append. */
void
shk_writer_string (Writer     *w,
                   const char *text)
{
  gsize start = w->out->len;
  const guchar *run, *p;

  if (text == NULL)
    {
      g_string_append (w->out, "null");
      return;
    }

  g_string_append_c (w->out, '"');
  run = p = (const guchar *) text;
  for (;;)
    {
      guchar c = *p;

      if (G_LIKELY (c >= 0x20 && c < 0x80 && c != '"' && c != '\\'))
        {
          p++;
          continue;
        }
      if (c >= 0x80)
        {
          guint n = utf8_sequence_length (p);

          if (G_UNLIKELY (n == 0))
            {
              g_autofree char *valid = g_utf8_make_valid (text, -1);

              g_string_truncate (w->out, start);
              shk_writer_string (w, valid);
              return;
            }
          p += n;
          continue;
        }
      out_append (w, (const char *) run, p - run);
      if (c == '\0')
        break;
      write_escape (w, c);
      run = ++p;
    }
  g_string_append_c (w->out, '"');
}

void
shk_writer_open (Writer *w,
                 char    bracket)
{
  g_string_append_c (w->out, bracket);
  w->depth++;
  w->first = TRUE;
}

void
shk_writer_close (Writer *w,
                  char    bracket)
{
  w->depth--;
  if (!w->first)
    write_newline (w);
  g_string_append_c (w->out, bracket);
  /* The enclosing container has at least this member now. */
  w->first = FALSE;
}

/* Starts an element of the open array. */
void
shk_writer_element (Writer *w)
{
  if (G_UNLIKELY (w->out->len >= FLUSH_SIZE))
    write_flush (w);
  if (!w->first)
    g_string_append_c (w->out, ',');
  write_newline (w);
  w->first = FALSE;
}

/* Starts a member of the open object. */
void
shk_writer_key (Writer     *w,
                const char *key)
{
  shk_writer_element (w);
  shk_writer_string (w, key);
  out_append (w, ": ", 2);
}

void
shk_writer_member_string (Writer     *w,
                          const char *key,
                          const char *value)
{
  shk_writer_key (w, key);
  shk_writer_string (w, value);
}

/* Text that may be absent: "" and NULL are written as null. */
void
shk_writer_member_text (Writer     *w,
                        const char *key,
                        const char *value)
{
  shk_writer_member_string (w, key, value != NULL && value[0] != '\0' ? value : NULL);
}

void
shk_writer_member_number (Writer     *w,
                          const char *key,
                          double      value)
{
  shk_writer_key (w, key);
  shk_format_append_number (w->out, value);
}

void
shk_writer_member_uint (Writer     *w,
                        const char *key,
                        guint       value)
{
  shk_writer_key (w, key);
  shk_format_append_number (w->out, value);
}

void
shk_writer_member_boolean (Writer     *w,
                           const char *key,
                           gboolean    value)
{
  shk_writer_key (w, key);
  g_string_append (w->out, value ? "true" : "false");
}

void
shk_writer_member_null (Writer     *w,
                        const char *key)
{
  shk_writer_key (w, key);
  g_string_append (w->out, "null");
}

static gboolean
node_is_container (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node);
}

void
shk_writer_node_members (Writer     *w,
                         JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      shk_writer_key (w, name);
      shk_writer_node (w, member);
    }
}

static void
write_node_array (Writer    *w,
                  JsonArray *array)
{
  guint n = json_array_get_length (array);
  gboolean flat = TRUE;

  for (guint i = 0; i < n && flat; i++)
    flat = !node_is_container (json_array_get_element (array, i));

  /* Short lists of plain values stay on one line, as in "years". */
  if (flat)
    {
      g_string_append_c (w->out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (w->out, ", ");
          shk_writer_node (w, json_array_get_element (array, i));
        }
      g_string_append_c (w->out, ']');
      return;
    }

  shk_writer_open (w, '[');
  for (guint i = 0; i < n; i++)
    {
      shk_writer_element (w);
      shk_writer_node (w, json_array_get_element (array, i));
    }
  shk_writer_close (w, ']');
}

void
shk_writer_node (Writer   *w,
                 JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      shk_writer_open (w, '{');
      shk_writer_node_members (w, json_node_get_object (node));
      shk_writer_close (w, '}');
      return;
    case JSON_NODE_ARRAY:
      write_node_array (w, json_node_get_array (node));
      return;
    case JSON_NODE_NULL:
      g_string_append (w->out, "null");
      return;
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      shk_writer_string (w, json_node_get_string (node));
      break;
    case G_TYPE_INT64:
      g_string_append_printf (w->out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      shk_format_append_number (w->out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (w->out, json_node_get_boolean (node) ? "true" : "false");
      break;
    default:
      g_string_append (w->out, "null");
      break;
    }
}

/* The unknown members kept under @data_key, after the known ones. */
void
shk_writer_unknown (Writer     *w,
                    gpointer    model_object,
                    GQuark      data_key)
{
  JsonObject *unknown = g_object_get_qdata (G_OBJECT (model_object), data_key);

  if (unknown != NULL)
    shk_writer_node_members (w, unknown);
}

/* Writes the inline array of @strings (NULL-terminated). */
void
shk_writer_string_list (Writer             *w,
                        const char * const *strings)
{
  g_string_append_c (w->out, '[');
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      shk_writer_string (w, strings[i]);
    }
  g_string_append_c (w->out, ']');
}

void
shk_writer_number_list (Writer       *w,
                        const double *values,
                        guint         n_values)
{
  g_string_append_c (w->out, '[');
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append (w->out, ", ");
      shk_format_append_number (w->out, values[i]);
    }
  g_string_append_c (w->out, ']');
}

/* The file's text: the plan, and a newline so that the last line is
 * whole. */
static void
write_document (Writer  *w,
                ShkPlan *plan)
{
  shk_writer_write_plan (w, plan);
  g_string_append_c (w->out, '\n');
}

/* The file's text handed on in pieces as it is made (to @w's stream, or
 * to its pieces); returns its length. */
static gsize
write_document_in_pieces (Writer  *w,
                          ShkPlan *plan)
{
  w->out = g_string_sized_new (FLUSH_SIZE + 64 * 1024);
  write_document (w, plan);
  write_flush (w);
  g_string_free (w->out, TRUE);
  w->out = NULL;
  return w->flushed;
}

char *
shk_format_to_data (ShkPlan *plan,
                    gsize   *length)
{
  Writer w = { 0 };

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  w.out = g_string_sized_new (64 * 1024);
  write_document (&w, plan);
  if (length != NULL)
    *length = w.out->len;
  return g_string_free (w.out, FALSE);
}

GPtrArray *
shk_format_to_pieces (ShkPlan *plan,
                      gsize   *length)
{
  Writer w = { 0 };
  gsize written;

  g_return_val_if_fail (SHK_IS_PLAN (plan), NULL);

  w.pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  written = write_document_in_pieces (&w, plan);
  if (length != NULL)
    *length = written;
  return w.pieces;
}

gboolean
shk_format_check_writable (gsize    length,
                           GError **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;

  if (length <= shk_format_get_max_file_size ())
    return TRUE;

  size_text = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
  limit_text = g_format_size_full (shk_format_get_max_file_size (), G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_TOO_LARGE,
               /* TRANSLATORS: "the plan would take 1.5 GiB, more than the 1.0 GiB a plan file can hold; nothing was written" */
               _("the plan would take %s, more than the %s a plan file can hold; nothing was written"),
               size_text, limit_text);
  return FALSE;
}

/* The safe save's writer: the plan, in pieces. */
static gboolean
write_plan_to_stream (ShkSafeSaveStream  *stream,
                      gpointer            user_data,
                      GError            **error)
{
  ShkPlan *plan = user_data;
  Writer w = { .stream = stream };
  gsize length = write_document_in_pieces (&w, plan);

  if (w.failed)
    return FALSE;
  /* A file the reader would refuse is no save: keep the old file. */
  return shk_format_check_writable (length, error);
}

gboolean
shk_format_save_file (ShkPlan       *plan,
                      GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (SHK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Its messages name the file and say that it is unchanged. */
  if (shk_safe_save_with_func (file, write_plan_to_stream, plan, SHK_SAFE_SAVE_KEEP_BACKUP,
                               NULL, cancellable, error))
    return TRUE;
  if (error != NULL && g_error_matches (*error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_TOO_LARGE))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
    }
  return FALSE;
}
