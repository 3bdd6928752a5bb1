/* shk-format-stream.c — a plan's JSON text parsed in one streaming pass
 *
 * Why: building json-glib's tree of a whole plan cost about six times the
 * file in memory and most of the load time (issue #17: 9 s and 1.4 GB for
 * 100,000 measures, where yajl's event parser reads the same bytes in
 * 0.6 s). So yajl reads the text once, and its events build json-glib
 * nodes only for what the readers of shk-format-reader-plan.c take:
 *
 * - each element of the top-level "measures" array becomes a light tree
 *   of its own (shk-format-lite.h), in an arena reused for the next one;
 *   as soon as it is complete it is read straight into a measure, or,
 *   when it holds more than the usual, turned into a node for
 *   shk_reader_read_measure(); the array itself is never built;
 * - every other top-level member (the small parts: fiscal years,
 *   policies, survey, scenarios, members the app does not know…) is built
 *   as a node in a root object, which the reader walks afterwards exactly
 *   as it walked json-glib's tree. No top-level key is special but
 *   "measures", so a new part of the format needs nothing here.
 *
 * Reading measures before the rest is safe because reading a measure uses
 * nothing read from the other parts (no fiscal years, evaluations or
 * policies are looked up); the problems found in them are kept apart and
 * put back in their place among the others (shk_reader_add_problems()),
 * so that the messages and their order are those of a reader that reads
 * the parts in order.
 *
 * Strictness (RFC 8259, as shk-json-check.c checks it) is merged into the
 * same pass: yajl itself refuses comments, single quotes, trailing commas,
 * a second value, control characters in strings and malformed numbers;
 * the callbacks here refuse duplicate keys, nesting deeper than the
 * limit, numbers beyond 64-bit integers or finite doubles, invalid UTF-8
 * (yajl takes overlong forms), "\u0000" and lone surrogates (yajl turns a
 * lone high surrogate into "?"). yajl also takes a vertical tab and a form
 * feed as white space, which JSON does not; no JSON text may hold those
 * bytes raw anywhere, so one memchr() each over the text finds them. And
 * yajl ends quietly in an unclosed token after the top-level value, so
 * only white space may follow that.
 *
 * A file is parsed in chunks as it is read (shk_reader_stream_input()),
 * so that its text is never in memory whole; the chunk before the one
 * being parsed is kept, where the raw text of a string that began there
 * is checked.
 *
 * Only when something is wrong is shk_json_check() run over the text (a
 * file's is then read whole, see shk-format-reader.c): it
 * finds the first problem in text order and says where it is
 * ("LINE:COLUMN: …"), so the messages are exactly those of the strict
 * check that used to run before every parse. The pass that succeeds pays
 * for none of that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "shk-format.h"
#include "shk-format-lite.h"
#include "shk-format-reader-private.h"
#include "shk-json-check.h"

/* Number literals are copied for g_ascii_strtoll/strtod; longer ones
 * (legal but rare: "0.000…") get a heap copy. */
#define NUMBER_BUFFER 64

typedef enum
{
  FRAME_OBJECT,   /* an object being built as a node */
  FRAME_ARRAY,    /* an array being built as a node */
  FRAME_STREAM,   /* an array whose elements are handed on one by one */
} FrameKind;

typedef struct
{
  FrameKind  kind;
  JsonNode  *node;      /* FRAME_OBJECT, FRAME_ARRAY */
  char      *key;       /* FRAME_OBJECT: the member whose value comes next */
  guint      index;     /* FRAME_STREAM: elements handed on so far */
  gboolean   measures;  /* FRAME_STREAM: the plan's measures (else discarded) */
} Frame;

typedef struct
{
  const char  *text;       /* what yajl is given now (after a byte order mark) */
  gsize        length;
  const char  *window;     /* the text read before it that is still in memory
                            * (contiguous with it): where the raw text of a
                            * string that began before can be found */
  gboolean     window_is_start;  /* nothing was before the window */
  yajl_handle  handle;
  GArray      *frames;     /* Frame; its length is the nesting depth */
  guint        max_depth;
  JsonNode    *root;
  Reader      *measures;   /* reads the measures as they come */
  LiteTree    *lite;       /* the measure being parsed */
  Uniques      numbers;    /* the measure numbers seen so far */
  GString     *scratch;    /* a string value being copied */
  gboolean     measures_streamed;
  gboolean     root_complete;  /* the top-level value has ended… */
  const char  *root_tail;      /* …here, in the text now parsed (NULL:
                                * in text parsed before) */
} Stream;

/* Strict checks ------------------------------------------------------- */

/* The "\u" escapes of a string's raw text: none may be "\u0000" or half of
 * a surrogate pair. yajl has already checked that four hex digits follow
 * each "\u". */
static gint
hex4 (const char *text)
{
  gint value = 0;

  for (guint i = 0; i < 4; i++)
    value = value * 16 + g_ascii_xdigit_value (text[i]);
  return value;
}

static gboolean
escapes_are_strict (const char *raw,
                    gsize       length)
{
  for (gsize i = 0; i + 1 < length; i++)
    {
      gint unit;

      if (raw[i] != '\\')
        continue;
      if (raw[i + 1] != 'u')
        {
          i++;  /* "\\", "\"", "\n"…: skip the escaped character */
          continue;
        }
      if (length - i < 6)
        return FALSE;
      unit = hex4 (raw + i + 2);
      if (unit == 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
        return FALSE;
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          gint low;

          if (length - i < 12 || raw[i + 6] != '\\' || raw[i + 7] != 'u')
            return FALSE;
          low = hex4 (raw + i + 8);
          if (low < 0xDC00 || low > 0xDFFF)
            return FALSE;
          i += 6;
        }
      i += 5;
    }
  return TRUE;
}

/* yajl hands on a string without escapes as a pointer into the text it
 * was given, and one with escapes (or, when the text comes in chunks, one
 * that began in an earlier chunk) from a buffer of its own. The raw text
 * of the latter ends just before the bytes consumed so far, and starts
 * after the last quote before it that is not escaped (an odd number of
 * backslashes before a quote escapes it); when that is no longer in
 * memory (a string longer than a chunk), the string is refused and the
 * caller reads the whole text to judge it. */
static gboolean
string_is_strict (Stream        *s,
                  const guchar  *value,
                  gsize          length)
{
  const char *text = (const char *) value;
  const char *close, *open;
  gsize consumed;

  if (!g_utf8_validate_len (text, length, NULL))  /* also refuses NUL */
    return FALSE;
  if (text >= s->text && text < s->text + s->length)
    return TRUE;

  consumed = yajl_get_bytes_consumed (s->handle);
  if (consumed == 0 || consumed > s->length || s->text[consumed - 1] != '"')
    return FALSE;
  close = s->text + consumed - 1;
  for (open = close; open > s->window; )
    {
      gsize backslashes = 0;

      open--;
      if (*open != '"')
        continue;
      while (open - backslashes > s->window && open[-1 - (gssize) backslashes] == '\\')
        backslashes++;
      if (open - backslashes == s->window && !s->window_is_start)
        return FALSE;  /* its backslashes may go on before the window */
      if (backslashes % 2 == 0)
        return escapes_are_strict (open + 1, (gsize) (close - open - 1));
    }
  return FALSE;
}

/* Building nodes -------------------------------------------------------- */

static JsonNode *
new_object_node (void)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, json_object_new ());
  return node;
}

static JsonNode *
new_array_node (void)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, json_array_new ());
  return node;
}

static Frame *
top_frame (Stream *s)
{
  return s->frames->len > 0 ? &g_array_index (s->frames, Frame, s->frames->len - 1) : NULL;
}

static void
clear_frame (Frame *frame)
{
  g_clear_pointer (&frame->node, json_node_unref);
  g_clear_pointer (&frame->key, g_free);
}

static void
read_measure_node (Stream   *s,
                   JsonNode *node,
                   guint     index)
{
  Reader *r = s->measures;
  gsize mark = shk_reader_path_push_key (r, "measures");

  g_string_append_printf (r->path, "[%u]", index);
  shk_reader_read_measure (r, node, index, &s->numbers);
  shk_reader_path_pop (r, mark);
}

/* yajl ends a parse that stops in a token after the top-level value
 * (an unclosed string: `{} "`) without a word, so stream_parse() checks
 * that only white space follows it. */
static void
mark_root_end (Stream *s)
{
  s->root_complete = TRUE;
  s->root_tail = s->text + yajl_get_bytes_consumed (s->handle);
}

/* A complete value (@node, owned) goes where its container wants it. */
static int
deliver (Stream   *s,
         JsonNode *node)
{
  Frame *frame = top_frame (s);

  if (frame == NULL)
    {
      s->root = node;
      mark_root_end (s);
      return 1;
    }
  switch (frame->kind)
    {
    case FRAME_OBJECT:
      json_object_set_member (json_node_get_object (frame->node), frame->key, node);
      g_clear_pointer (&frame->key, g_free);
      break;
    case FRAME_ARRAY:
      json_array_add_element (json_node_get_array (frame->node), node);
      break;
    case FRAME_STREAM:
    default:
      if (frame->measures)
        read_measure_node (s, node, frame->index);
      frame->index++;
      json_node_unref (node);
      break;
    }
  return 1;
}

static int
push (Stream    *s,
      FrameKind  kind,
      JsonNode  *node,
      gboolean   measures)
{
  Frame frame = { kind, node, NULL, 0, measures };

  if (s->frames->len >= s->max_depth)
    {
      g_clear_pointer (&node, json_node_unref);
      return 0;
    }
  g_array_append_val (s->frames, frame);
  return 1;
}

/* Ends the innermost container and delivers it to the one around it. */
static int
pop (Stream *s)
{
  Frame *frame = &g_array_index (s->frames, Frame, s->frames->len - 1);
  JsonNode *node = g_steal_pointer (&frame->node);

  g_array_set_size (s->frames, s->frames->len - 1);
  if (node == NULL)  /* FRAME_STREAM */
    {
      if (s->frames->len == 0)
        mark_root_end (s);
      return 1;
    }
  return deliver (s, node);
}

/* Measures, as light trees -------------------------------------------- */

/* The next value goes into the light tree of a measure: the innermost
 * container is the plan's measures (a measure's own containers are in
 * the tree, not in the frames). */
static gboolean
in_measure (Stream *s)
{
  Frame *frame = top_frame (s);

  return frame != NULL && frame->kind == FRAME_STREAM && frame->measures;
}

/* Once the measure's tree is complete, it is read and forgotten. */
static int
measure_value_added (Stream *s)
{
  Frame *frame = top_frame (s);
  LiteNode *root = shk_lite_tree_get_root (s->lite);

  if (root == NULL)
    return 1;
  if (!shk_lite_read_measure (s->measures, root, frame->index, &s->numbers))
    {
      JsonNode *node = shk_lite_to_json (root);

      read_measure_node (s, node, frame->index);
      json_node_unref (node);
    }
  frame->index++;
  shk_lite_tree_reset (s->lite);
  return 1;
}

/* A container may open within the nesting limit. */
static gboolean
measure_may_open (Stream *s)
{
  return s->frames->len + shk_lite_tree_get_depth (s->lite) < s->max_depth;
}

/* yajl's callbacks ------------------------------------------------------- */

static int
on_null (void *ctx)
{
  Stream *s = ctx;

  if (in_measure (s))
    {
      shk_lite_add_null (s->lite);
      return measure_value_added (s);
    }
  return deliver (s, json_node_new (JSON_NODE_NULL));
}

static int
on_boolean (void *ctx,
            int   value)
{
  Stream *s = ctx;

  if (in_measure (s))
    {
      shk_lite_add_boolean (s->lite, value != 0);
      return measure_value_added (s);
    }
  return deliver (s, json_node_init_boolean (json_node_alloc (), value != 0));
}

/* Whole numbers must fit a 64-bit integer (they are kept as one), others
 * a finite double; the type is the one json-glib's parser gave. FALSE
 * when the number is refused. */
static gboolean
parse_number (const char *text,
              size_t      length,
              gboolean   *integer,
              gint64     *whole,
              double     *value)
{
  static const char max_positive[] = "9223372036854775807";
  static const char max_negative[] = "9223372036854775808";
  char buffer[NUMBER_BUFFER];
  g_autofree char *heap = NULL;
  char *copy = buffer;
  gboolean negative = length > 0 && text[0] == '-';
  gsize digits = length - (negative ? 1 : 0);

  if (length >= sizeof buffer)
    copy = heap = g_malloc (length + 1);
  memcpy (copy, text, length);
  copy[length] = '\0';

  *integer = strpbrk (copy, ".eE") == NULL;
  if (*integer)
    {
      if (digits > 19 || (digits == 19 && memcmp (copy + (negative ? 1 : 0),
                                                   negative ? max_negative : max_positive,
                                                   19) > 0))
        return FALSE;
      *whole = g_ascii_strtoll (copy, NULL, 10);
      return TRUE;
    }
  *value = g_ascii_strtod (copy, NULL);
  return isfinite (*value);
}

static int
on_number (void       *ctx,
           const char *text,
           size_t      length)
{
  Stream *s = ctx;
  gboolean integer;
  gint64 whole = 0;
  double value = 0;

  if (!parse_number (text, length, &integer, &whole, &value))
    return 0;
  if (in_measure (s))
    {
      if (integer)
        shk_lite_add_integer (s->lite, whole);
      else
        shk_lite_add_double (s->lite, value);
      return measure_value_added (s);
    }
  return deliver (s, integer ? json_node_init_int (json_node_alloc (), whole)
                             : json_node_init_double (json_node_alloc (), value));
}

static int
on_string (void         *ctx,
           const guchar *value,
           size_t        length)
{
  Stream *s = ctx;
  JsonNode *node;

  if (!string_is_strict (s, value, length))
    return 0;
  if (in_measure (s))
    {
      shk_lite_add_string (s->lite, (const char *) value, length);
      return measure_value_added (s);
    }
  /* json-glib 1.6 only copies a NUL-terminated string into a node. */
  g_string_truncate (s->scratch, 0);
  g_string_append_len (s->scratch, (const char *) value, (gssize) length);
  node = json_node_init_string (json_node_alloc (), s->scratch->str);
  return deliver (s, node);
}

static int
on_start_map (void *ctx)
{
  Stream *s = ctx;

  if (in_measure (s))
    {
      if (!measure_may_open (s))
        return 0;
      shk_lite_open_object (s->lite);
      return 1;
    }
  return push (s, FRAME_OBJECT, new_object_node (), FALSE);
}

static int
on_map_key (void         *ctx,
            const guchar *key,
            size_t        length)
{
  Stream *s = ctx;
  Frame *frame = top_frame (s);

  if (!string_is_strict (s, key, length))
    return 0;
  if (in_measure (s))
    return shk_lite_add_key (s->lite, (const char *) key, length);
  frame->key = g_strndup ((const char *) key, length);
  /* json-glib would keep the last of two equal keys. */
  return !json_object_has_member (json_node_get_object (frame->node), frame->key);
}

static int
on_end_container (void *ctx)
{
  Stream *s = ctx;

  /* The end of the measures array itself comes with no measure open. */
  if (in_measure (s) && shk_lite_tree_get_depth (s->lite) > 0)
    {
      shk_lite_close (s->lite);
      return measure_value_added (s);
    }
  return pop (s);
}

static int
on_start_array (void *ctx)
{
  Stream *s = ctx;
  Frame *frame = top_frame (s);

  if (in_measure (s))
    {
      if (!measure_may_open (s))
        return 0;
      shk_lite_open_array (s->lite);
      return 1;
    }
  if (frame == NULL || (s->frames->len == 1 && frame->kind == FRAME_OBJECT
                        && g_str_equal (frame->key, "measures")))
    {
      /* The plan's measures, or the array a wrong file holds at its top
       * (read for its syntax only; an empty array stands in for it). A
       * null stands in for the measures in the root object until the end,
       * so that a second "measures" key is seen as the duplicate it is. */
      gboolean measures = frame != NULL;

      if (!deliver (s, measures ? json_node_new (JSON_NODE_NULL)
                                : new_array_node ()))
        return 0;
      s->root_complete = FALSE;  /* the stand-in is not the end */
      s->measures_streamed |= measures;
      return push (s, FRAME_STREAM, NULL, measures);
    }
  return push (s, FRAME_ARRAY, new_array_node (), FALSE);
}

static const yajl_callbacks callbacks = {
  .yajl_null = on_null,
  .yajl_boolean = on_boolean,
  .yajl_number = on_number,
  .yajl_string = on_string,
  .yajl_start_map = on_start_map,
  .yajl_map_key = on_map_key,
  .yajl_end_map = on_end_container,
  .yajl_start_array = on_start_array,
  .yajl_end_array = on_end_container,
};

/* Errors ------------------------------------------------------------------ */

/* Every way yajl or a callback stops is a text shk_json_check() refuses
 * too; it says what and where. Should the two ever disagree, the place
 * where yajl stopped is given. */
static void
set_syntax_error (Stream      *s,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  const char *end, *line_start;
  guint line = 1;

  if (!shk_json_check (data, length, s->max_depth, NULL, error))
    return;

  end = s->text + MIN (yajl_get_bytes_consumed (s->handle), s->length);
  line_start = s->text;
  for (const char *p = s->text; p < end; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  g_set_error (error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_SYNTAX, "%u:%u: %s", line,
               (guint) g_utf8_strlen (line_start, end - line_start) + 1,
               _("the text is not valid JSON"));
}

static void
stream_init (Stream *s,
             guint   max_depth,
             Reader *measures)
{
  s->frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_array_set_clear_func (s->frames, (GDestroyNotify) clear_frame);
  s->max_depth = max_depth;
  s->measures = measures;
  s->lite = shk_lite_tree_new ();
  shk_reader_uniques_init (&s->numbers);
  s->scratch = g_string_new (NULL);
  s->handle = yajl_alloc (&callbacks, NULL, s);
  /* Every string and key is checked by string_is_strict(), more strictly
   * than yajl does (it lets overlong forms and surrogates through), so
   * yajl's own check of the same bytes is left out: a prefecture's plan
   * is mostly Japanese text, and checking it twice cost a tenth of the
   * parse (issue #17). */
  yajl_config (s->handle, yajl_dont_validate_strings, 1);
}

/* Parses the next @length bytes at @text (@window: where the text still in
 * memory before them starts). FALSE when the text is refused. */
static gboolean
stream_parse (Stream     *s,
              const char *window,
              gboolean    window_is_start,
              const char *text,
              gsize       length)
{
  const char *tail;

  s->window = window;
  s->window_is_start = window_is_start;
  s->text = text;
  s->length = length;
  if (memchr (text, '\v', length) != NULL || memchr (text, '\f', length) != NULL
      || yajl_parse (s->handle, (const guchar *) text, length) != yajl_status_ok)
    return FALSE;
  if (!s->root_complete)
    return TRUE;

  tail = s->root_tail != NULL ? s->root_tail : text;
  s->root_tail = NULL;
  for (; tail < text + length; tail++)
    if (*tail != ' ' && *tail != '\t' && *tail != '\n' && *tail != '\r')
      return FALSE;
  return TRUE;
}

/* After the last of the text: TRUE when it held one complete value. */
static gboolean
stream_complete (Stream *s)
{
  return yajl_complete_parse (s->handle) == yajl_status_ok && s->root_complete;
}

/* The root, or NULL when the text was refused (@ok FALSE). */
static JsonNode *
stream_finish (Stream   *s,
               gboolean  ok,
               gboolean *measures_streamed)
{
  if (ok && s->measures_streamed)
    json_object_remove_member (json_node_get_object (s->root), "measures");

  *measures_streamed = ok && s->measures_streamed;
  yajl_free (s->handle);
  shk_reader_uniques_clear (&s->numbers);
  g_array_unref (s->frames);
  g_string_free (s->scratch, TRUE);
  g_clear_pointer (&s->lite, shk_lite_tree_free);
  if (!ok)
    g_clear_pointer (&s->root, json_node_unref);
  return g_steal_pointer (&s->root);
}

static gsize
byte_order_mark (const char *data,
                 gsize       length)
{
  return length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

JsonNode *
shk_reader_stream (const char  *data,
                   gsize        length,
                   guint        max_depth,
                   Reader      *measures,
                   gboolean    *measures_streamed,
                   GError     **error)
{
  Stream s = { 0 };
  gsize start = byte_order_mark (data, length);
  gboolean ok;

  stream_init (&s, max_depth, measures);
  ok = stream_parse (&s, data + start, TRUE, data + start, length - start) && stream_complete (&s);
  if (!ok)
    set_syntax_error (&s, data, length, error);
  return stream_finish (&s, ok, measures_streamed);
}

/* Files are read in chunks of this size; the chunk before the one being
 * parsed stays in memory for string_is_strict(). */
#define CHUNK ((gsize) 256 * 1024)

ShkStreamStatus
shk_reader_stream_input (GInputStream  *input,
                         gsize          max_size,
                         guint          max_depth,
                         Reader        *measures,
                         gboolean      *measures_streamed,
                         JsonNode     **root,
                         gsize         *size,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *buffer = g_malloc (2 * CHUNK);
  Stream s = { 0 };
  gsize previous = 0, bytes_read = CHUNK;
  gboolean ok = TRUE;
  ShkStreamStatus status = SHK_STREAM_OK;

  *root = NULL;
  *size = 0;
  stream_init (&s, max_depth, measures);
  while (ok && bytes_read == CHUNK)
    {
      char *chunk = buffer + previous;
      gsize start;

      if (!g_input_stream_read_all (input, chunk, CHUNK, &bytes_read, cancellable, error))
        {
          status = SHK_STREAM_ERROR;
          break;
        }
      start = *size == 0 ? byte_order_mark (chunk, bytes_read) : 0;
      *size += bytes_read;
      if (*size > max_size)
        {
          status = SHK_STREAM_TOO_LARGE;
          break;
        }
      ok = stream_parse (&s, buffer + start, previous == 0, chunk + start, bytes_read - start);
      /* The chunk just parsed becomes the one before. */
      memmove (buffer, chunk, bytes_read);
      previous = bytes_read;
    }
  ok = ok && status == SHK_STREAM_OK && stream_complete (&s);
  if (!ok && status == SHK_STREAM_OK)
    status = SHK_STREAM_RETRY;
  *root = stream_finish (&s, ok, measures_streamed);
  return status;
}
