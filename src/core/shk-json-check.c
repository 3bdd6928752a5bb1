/* shk-json-check.c — a strict, single-pass check of JSON text (RFC 8259)
 *
 * Why hand-written: json-glib 1.6, which builds the tree afterwards, is
 * lenient and fragile. Its scanner (a GScanner) takes comments ("/…/",
 * "/ * … * /"), single-quoted strings and trailing commas, keeps the last
 * of two equal keys, cuts a string at "\u0000", puts a lone surrogate into
 * the string as invalid UTF-8, reads a second top-level value, wraps
 * integers beyond 64 bits (99999999999999999999 becomes -1) and turns
 * 1e309 into infinity; and its parser recurses once per nesting level with
 * no limit, so 80,000 nested arrays overflow the stack. A quick pre-scan
 * cannot guard it: it has to agree with json-glib's lexer, and the comment
 * syntax json-glib takes is exactly what made the old pre-scan miss a
 * crash. So the whole grammar is checked here, with the nesting depth
 * counted in the same pass that reads the text, and json-glib only ever
 * sees text that passed.
 *
 * Cost: one pass over the bytes, no allocation per character or per
 * value. The keys of the open objects are kept (decoded) in one growing
 * buffer to find duplicates: small objects compare a new key with each
 * earlier one; an object with more than SMALL_OBJECT_KEYS keys moves its
 * keys into a hash set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "shk-format.h"
#include "shk-json-check.h"

#define SMALL_OBJECT_KEYS 16
#define PREVIEW_CHARS     40
/* A number literal is copied for g_ascii_strtod; longer ones (legal, but
 * rare: "0.000…") get a heap copy. */
#define NUMBER_BUFFER     64

typedef struct
{
  gsize offset;  /* in Checker.arena */
  gsize length;
} KeySpan;

typedef struct
{
  gboolean    is_object;
  guint       first_key;   /* index in Checker.keys of its first key */
  gsize       arena_mark;  /* length of Checker.arena when it was opened */
  GHashTable *key_set;     /* its keys, once it has too many to compare */
} Frame;

typedef struct
{
  const char *data;
  gsize       length;
  gsize       text_start;  /* after a byte order mark */
  gsize       pos;
  Frame      *frames;
  guint       depth;
  guint       max_depth;
  GString    *arena;       /* the decoded keys of the open objects */
  GArray     *keys;        /* KeySpan of each of them */
  GError    **error;
} Checker;

/* Errors ------------------------------------------------------------- */

/* Line and column (1-based, in characters) of byte @offset. Only called
 * once, for the error: the text before @offset has been checked to be
 * valid UTF-8. */
static void
text_position (const char *data,
               gsize       offset,
               guint      *line,
               guint      *column)
{
  const char *line_start = data;
  const char *end = data + offset;
  const char *p = data;

  *line = 1;
  while ((p = memchr (p, '\n', (gsize) (end - p))) != NULL)
    {
      (*line)++;
      line_start = ++p;
    }
  *column = (guint) g_utf8_strlen (line_start, end - line_start) + 1;
}

static gboolean fail_at (Checker    *c,
                         gsize       offset,
                         const char *format,
                         ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail_at (Checker    *c,
         gsize       offset,
         const char *format,
         ...)
{
  g_autofree char *text = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  text_position (c->data + c->text_start, offset - c->text_start, &line, &column);
  g_set_error (c->error, SHK_FORMAT_ERROR, SHK_FORMAT_ERROR_SYNTAX,
               "%u:%u: %s", line, column, text);
  return FALSE;
}

/* At most PREVIEW_CHARS characters of valid UTF-8 @text, "…" after a cut. */
static char *
preview (const char *text,
         gsize       length)
{
  glong n = g_utf8_strlen (text, (gssize) length);
  g_autofree char *cut = NULL;

  if (n <= PREVIEW_CHARS)
    return g_strndup (text, length);
  cut = g_utf8_substring (text, 0, PREVIEW_CHARS);
  return g_strconcat (cut, "…", NULL);
}

/* The things that are wrong wherever they appear outside a string. Returns
 * FALSE with the error set when the byte at c->pos is one of them. */
static gboolean
check_stray_byte (Checker *c)
{
  const char *p = c->data + c->pos;
  gsize left = c->length - c->pos;

  if (left == 0)
    return TRUE;
  if (*p == '\0')
    return fail_at (c, c->pos, _("the text contains a NUL byte (is this a binary file?)"));
  if (*p == '/')
    /* json-glib takes "/…/" as well as C and C++ comments. */
    return fail_at (c, c->pos, _("comments are not allowed in a JSON file"));
  if (*p == '\'')
    return fail_at (c, c->pos, _("strings must be in double quotes (\"), not single quotes"));
  if ((guchar) *p >= 0x80
      && g_utf8_get_char_validated (p, (gssize) MIN (left, 4)) >= (gunichar) -2)
    return fail_at (c, c->pos, _("the text is not valid UTF-8"));
  return TRUE;
}

/* Reports what is at c->pos where @expected (translated) should be. */
static gboolean
unexpected (Checker    *c,
            const char *expected)
{
  const char *p = c->data + c->pos;
  gsize word = 0;

  if (c->pos == c->length)
    return fail_at (c, c->pos,
                    /* TRANSLATORS: %s is what should have come, e.g. "a value" */
                    _("the text ends too early (is the file cut short?); expected %s"),
                    expected);
  if (!check_stray_byte (c))
    return FALSE;

  while (g_ascii_isalpha (p[0]) && c->pos + word < c->length
         && (g_ascii_isalnum (p[word]) || p[word] == '_'))
    word++;
  if (word > 0)
    {
      g_autofree char *text = preview (p, word);

      /* TRANSLATORS: "unexpected word “oops”; expected a value" */
      return fail_at (c, c->pos, _("unexpected word “%s”; expected %s"), text, expected);
    }
  if ((guchar) *p < 0x20 || *p == 0x7f)
    return fail_at (c, c->pos, _("unexpected control character U+%04X; expected %s"),
                    (guint) (guchar) *p, expected);
  {
    g_autofree char *text = g_strndup (p, (gsize) g_utf8_skip[(guchar) *p]);

    /* TRANSLATORS: "unexpected character “;”; expected “,” or “]”" */
    return fail_at (c, c->pos, _("unexpected character “%s”; expected %s"), text, expected);
  }
}

/* Tokens --------------------------------------------------------------- */

static void
skip_space (Checker *c)
{
  while (c->pos < c->length)
    {
      char ch = c->data[c->pos];

      if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
        break;
      c->pos++;
    }
}

static gint
hex_value (char ch)
{
  return g_ascii_isxdigit (ch) ? g_ascii_xdigit_value (ch) : -1;
}

/* The four hex digits at @offset, or -1. */
static gint
read_hex4 (Checker *c,
           gsize    offset)
{
  gint value = 0;

  if (c->length - offset < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    {
      gint digit = hex_value (c->data[offset + i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* A "\u" escape at c->pos (the backslash): one character, or a surrogate
 * pair making one. */
static gboolean
read_unicode_escape (Checker  *c,
                     gunichar *ch)
{
  gsize at = c->pos;
  gint unit = read_hex4 (c, at + 2);

  if (unit < 0)
    return fail_at (c, at, _("“\\u” in a string must be followed by four hexadecimal digits"));
  if (unit == 0)
    return fail_at (c, at, _("“\\u0000” (a NUL character) is not allowed in a string"));
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      gint low = -1;

      if (c->length - at >= 12 && c->data[at + 6] == '\\' && c->data[at + 7] == 'u')
        low = read_hex4 (c, at + 8);
      if (low >= 0xDC00 && low <= 0xDFFF)
        {
          *ch = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
          c->pos += 12;
          return TRUE;
        }
    }
  if (unit >= 0xD800 && unit <= 0xDFFF)
    return fail_at (c, at,
                    /* TRANSLATORS: %04X is a UTF-16 code unit, e.g. D800 */
                    _("“\\u%04X” is half of a surrogate pair without its other half; "
                      "it is not a character"), (guint) unit);
  *ch = (gunichar) unit;
  c->pos += 6;
  return TRUE;
}

/* The escape at c->pos (a backslash); its character is appended to @out
 * when that is not NULL. */
static gboolean
read_escape (Checker *c,
             GString *out,
             gsize    string_start)
{
  static const char escaped[] = "\"\\/bfnrt";
  static const char meant[] = "\"\\/\b\f\n\r\t";
  const char *found;
  gunichar ch = 0;

  if (c->length - c->pos < 2)
    return fail_at (c, string_start, _("this string is not closed (a closing \" is missing)"));
  if (c->data[c->pos + 1] == 'u')
    {
      if (!read_unicode_escape (c, &ch))
        return FALSE;
      if (out != NULL)
        g_string_append_unichar (out, ch);
      return TRUE;
    }
  found = c->data[c->pos + 1] != '\0' ? strchr (escaped, c->data[c->pos + 1]) : NULL;
  if (found == NULL)
    return fail_at (c, c->pos,
                    _("a backslash in a string must start an escape such as \\n, \\\" or \\\\"));
  if (out != NULL)
    g_string_append_c (out, meant[found - escaped]);
  c->pos += 2;
  return TRUE;
}

/* The string at c->pos (its opening quote). Its decoded text is appended
 * to @out when that is not NULL. */
static gboolean
read_string (Checker *c,
             GString *out)
{
  gsize start = c->pos++;

  for (;;)
    {
      gsize run = c->pos;
      guchar ch = 0;

      while (c->pos < c->length)
        {
          ch = (guchar) c->data[c->pos];
          if (ch < 0x20 || ch >= 0x80 || ch == '"' || ch == '\\')
            break;
          c->pos++;
        }
      if (out != NULL)
        g_string_append_len (out, c->data + run, (gssize) (c->pos - run));

      if (c->pos == c->length)
        return fail_at (c, start, _("this string is not closed (a closing \" is missing)"));
      ch = (guchar) c->data[c->pos];
      if (ch == '"')
        {
          c->pos++;
          return TRUE;
        }
      if (ch == '\\')
        {
          if (!read_escape (c, out, start))
            return FALSE;
        }
      else if (ch >= 0x80)
        {
          /* A run of non-ASCII bytes holds whole characters when valid. */
          gsize end = c->pos;
          const char *bad = NULL;

          while (end < c->length && (guchar) c->data[end] >= 0x80)
            end++;
          if (!g_utf8_validate_len (c->data + c->pos, end - c->pos, &bad))
            return fail_at (c, (gsize) (bad - c->data), _("the text is not valid UTF-8"));
          if (out != NULL)
            g_string_append_len (out, c->data + c->pos, (gssize) (end - c->pos));
          c->pos = end;
        }
      else if (ch == '\n' || ch == '\r')
        return fail_at (c, start, _("this string is not closed before the end of its line "
                                    "(a line break inside a string must be written \\n)"));
      else if (ch == '\0')
        return fail_at (c, c->pos, _("the text contains a NUL byte (is this a binary file?)"));
      else
        return fail_at (c, c->pos,
                        /* TRANSLATORS: %04X is the code of a control character, e.g. 0009 */
                        _("a control character (U+%04X) in a string must be written "
                          "as an escape (\\u%04X)"), (guint) ch, (guint) ch);
    }
}

static gboolean
skip_digits (Checker *c)
{
  gsize start = c->pos;

  while (c->pos < c->length && g_ascii_isdigit (c->data[c->pos]))
    c->pos++;
  return c->pos > start;
}

static gboolean
invalid_number (Checker *c,
                gsize    start)
{
  gsize end = start;
  g_autofree char *text = NULL;

  while (end < c->length && (g_ascii_isalnum (c->data[end]) || c->data[end] == '.'
                             || c->data[end] == '+' || c->data[end] == '-'))
    end++;
  text = preview (c->data + start, end - start);
  /* TRANSLATORS: %s is the text read, e.g. "01" or "1." */
  return fail_at (c, start, _("“%s” is not a valid number"), text);
}

static gboolean
number_too_large (Checker *c,
                  gsize    start)
{
  g_autofree char *text = preview (c->data + start, c->pos - start);

  /* TRANSLATORS: %s is the number as written in the file */
  return fail_at (c, start, _("number too large (%s)"), text);
}

/* Whole numbers must fit a 64-bit integer (json-glib wraps them silently
 * otherwise), others a finite double. */
static gboolean
check_number_range (Checker  *c,
                    gsize     start,
                    gsize     digits_start,
                    gboolean  integer)
{
  static const char max_positive[] = "9223372036854775807";
  static const char max_negative[] = "9223372036854775808";
  gsize length = c->pos - start;
  char buffer[NUMBER_BUFFER];
  g_autofree char *heap = NULL;
  char *copy = buffer;
  double value;

  if (integer)
    {
      gsize digits = c->pos - digits_start;
      const char *max = digits_start > start ? max_negative : max_positive;

      if (digits > 19 || (digits == 19 && memcmp (c->data + digits_start, max, 19) > 0))
        return number_too_large (c, start);
      return TRUE;
    }

  if (length >= sizeof buffer)
    copy = heap = g_malloc (length + 1);
  memcpy (copy, c->data + start, length);
  copy[length] = '\0';
  value = g_ascii_strtod (copy, NULL);
  if (!isfinite (value))
    return number_too_large (c, start);
  return TRUE;
}

static gboolean
read_number (Checker *c)
{
  gsize start = c->pos, digits_start;
  gboolean integer = TRUE;

  if (c->data[c->pos] == '-')
    c->pos++;
  digits_start = c->pos;
  if (c->pos < c->length && c->data[c->pos] == '0')
    {
      c->pos++;
      if (c->pos < c->length && g_ascii_isdigit (c->data[c->pos]))
        return invalid_number (c, start);  /* a leading zero: 01 */
    }
  else if (!skip_digits (c))
    return invalid_number (c, start);

  if (c->pos < c->length && c->data[c->pos] == '.')
    {
      integer = FALSE;
      c->pos++;
      if (!skip_digits (c))
        return invalid_number (c, start);
    }
  if (c->pos < c->length && (c->data[c->pos] == 'e' || c->data[c->pos] == 'E'))
    {
      integer = FALSE;
      c->pos++;
      if (c->pos < c->length && (c->data[c->pos] == '+' || c->data[c->pos] == '-'))
        c->pos++;
      if (!skip_digits (c))
        return invalid_number (c, start);
    }
  if (c->pos < c->length && (g_ascii_isalpha (c->data[c->pos]) || c->data[c->pos] == '.'))
    return invalid_number (c, start);  /* 1.2.3, 0x1F, 12abc */

  return check_number_range (c, start, digits_start, integer);
}

static gboolean
read_literal (Checker *c)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize n = strlen (literals[i]);

      if (c->length - c->pos >= n && memcmp (c->data + c->pos, literals[i], n) == 0
          && (c->length - c->pos == n || !g_ascii_isalnum (c->data[c->pos + n])))
        {
          c->pos += n;
          return TRUE;
        }
    }
  return unexpected (c, _("a value"));
}

/* Objects, arrays and keys ----------------------------------------------- */

static gboolean
push (Checker  *c,
      gboolean  is_object)
{
  Frame *frame;

  if (c->depth == c->max_depth)
    return fail_at (c, c->pos,
                    /* TRANSLATORS: %u is the limit, e.g. 128 */
                    _("values are nested more than %u levels deep"), c->max_depth);
  frame = &c->frames[c->depth++];
  frame->is_object = is_object;
  frame->first_key = c->keys->len;
  frame->arena_mark = c->arena->len;
  frame->key_set = NULL;
  c->pos++;
  return TRUE;
}

static void
pop (Checker *c)
{
  Frame *frame = &c->frames[--c->depth];

  if (frame->is_object)
    {
      g_string_truncate (c->arena, frame->arena_mark);
      g_array_set_size (c->keys, frame->first_key);
      g_clear_pointer (&frame->key_set, g_hash_table_unref);
    }
}

/* Moves the keys of @frame from the arena into a hash set. */
static void
make_key_set (Checker *c,
              Frame   *frame)
{
  frame->key_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = frame->first_key; i < c->keys->len; i++)
    {
      KeySpan *span = &g_array_index (c->keys, KeySpan, i);

      g_hash_table_add (frame->key_set, g_strndup (c->arena->str + span->offset, span->length));
    }
  g_array_set_size (c->keys, frame->first_key);
  g_string_truncate (c->arena, frame->arena_mark);
}

/* Is the key at @mark in the arena (the last one read) already a key of
 * @frame? Adds it when not. */
static gboolean
key_seen (Checker *c,
          Frame   *frame,
          gsize    mark)
{
  const char *key = c->arena->str + mark;
  gsize length = c->arena->len - mark;
  KeySpan span = { mark, length };

  if (frame->key_set == NULL)
    {
      for (guint i = frame->first_key; i < c->keys->len; i++)
        {
          KeySpan *other = &g_array_index (c->keys, KeySpan, i);

          if (other->length == length
              && memcmp (c->arena->str + other->offset, key, length) == 0)
            return TRUE;
        }
      g_array_append_val (c->keys, span);
      if (c->keys->len - frame->first_key > SMALL_OBJECT_KEYS)
        make_key_set (c, frame);
      return FALSE;
    }

  /* No key holds a NUL ("\u0000" is refused), so the arena's
   * NUL-terminated tail is the whole key. */
  if (g_hash_table_contains (frame->key_set, key))
    return TRUE;
  g_hash_table_add (frame->key_set, g_strndup (key, length));
  g_string_truncate (c->arena, mark);
  return FALSE;
}

/* A key and its colon, at c->pos, in the innermost (object) frame. */
static gboolean
read_key (Checker *c)
{
  Frame *frame = &c->frames[c->depth - 1];
  gsize at = c->pos;
  gsize mark = c->arena->len;

  if (at == c->length || c->data[at] != '"')
    return unexpected (c, _("a key in double quotes (\")"));
  if (!read_string (c, c->arena))
    return FALSE;
  if (key_seen (c, frame, mark))
    {
      g_autofree char *text = preview (c->arena->str + mark, c->arena->len - mark);

      /* TRANSLATORS: %s is a key of a JSON object, e.g. "title" */
      return fail_at (c, at, _("the key “%s” appears twice in the same object"), text);
    }

  skip_space (c);
  if (c->pos == c->length || c->data[c->pos] != ':')
    return unexpected (c, _("“:”"));
  c->pos++;
  return TRUE;
}

/* The grammar ----------------------------------------------------------- */

/* A value at c->pos. An array or object is only opened here (and its first
 * key read): its elements are read by the loop in check_text(). @opened is
 * set when it was, and the caller goes on with its first element. */
static gboolean
read_value (Checker  *c,
            gboolean *opened)
{
  char ch;

  *opened = FALSE;
  skip_space (c);
  if (c->pos == c->length)
    return unexpected (c, _("a value"));
  ch = c->data[c->pos];

  if (ch == '{' || ch == '[')
    {
      char close = ch == '{' ? '}' : ']';

      if (!push (c, ch == '{'))
        return FALSE;
      skip_space (c);
      if (c->pos < c->length && c->data[c->pos] == close)
        {
          c->pos++;
          pop (c);
          return TRUE;
        }
      *opened = TRUE;
      return ch == '[' || read_key (c);
    }
  if (ch == '"')
    return read_string (c, NULL);
  if (ch == '-' || g_ascii_isdigit (ch))
    return read_number (c);
  return read_literal (c);
}

/* After a value inside the innermost frame: a comma and the next element
 * (@more set), or the frame's end. */
static gboolean
read_separator (Checker  *c,
                gboolean *more)
{
  Frame *frame = &c->frames[c->depth - 1];
  char close = frame->is_object ? '}' : ']';
  gsize comma;

  *more = FALSE;
  skip_space (c);
  if (c->pos < c->length && c->data[c->pos] == close)
    {
      c->pos++;
      pop (c);
      return TRUE;
    }
  if (c->pos == c->length || c->data[c->pos] != ',')
    return unexpected (c, frame->is_object ? _("“,” or “}”") : _("“,” or “]”"));

  comma = c->pos++;
  skip_space (c);
  if (c->pos < c->length && c->data[c->pos] == close)
    /* TRANSLATORS: %c is ] or } */
    return fail_at (c, comma, _("an extra comma before “%c”; remove it"), close);
  *more = TRUE;
  return !frame->is_object || read_key (c);
}

static gboolean
check_text (Checker *c)
{
  skip_space (c);
  if (c->pos == c->length)
    return fail_at (c, c->pos, _("the file contains no JSON value (is it empty?)"));

  /* Each turn reads one value; then, while it closed an array or object
   * (or was a plain value), the separators after it. */
  for (;;)
    {
      gboolean opened, more = FALSE;

      if (!read_value (c, &opened))
        return FALSE;
      if (opened)
        continue;
      while (c->depth > 0 && !more)
        if (!read_separator (c, &more))
          return FALSE;
      if (c->depth == 0)
        break;
    }

  skip_space (c);
  if (c->pos == c->length)
    return TRUE;
  if (!check_stray_byte (c))
    return FALSE;
  return fail_at (c, c->pos, _("more text after the end of the JSON value; "
                               "a plan file holds exactly one object"));
}

gboolean
shk_json_check (const char  *data,
                gsize        length,
                guint        max_depth,
                gsize       *start,
                GError     **error)
{
  Checker c = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (max_depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  c.data = data != NULL ? data : "";
  c.length = length;
  c.max_depth = max_depth;
  c.frames = g_new (Frame, max_depth);
  c.arena = g_string_new (NULL);
  c.keys = g_array_new (FALSE, FALSE, sizeof (KeySpan));
  c.error = error;

  if (length >= 3 && memcmp (c.data, "\xEF\xBB\xBF", 3) == 0)
    c.pos = c.text_start = 3;
  if (start != NULL)
    *start = c.text_start;

  ok = check_text (&c);

  while (c.depth > 0)
    pop (&c);
  g_free (c.frames);
  g_string_free (c.arena, TRUE);
  g_array_unref (c.keys);
  return ok;
}
