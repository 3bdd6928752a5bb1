/* bench-json-parse.c — a bare parse of a file by a JSON parser
 *
 * The yardstick of benchmarks/scale.py: how long the parser alone takes
 * over the file, with nothing checked and nothing built. Loading a plan
 * should cost a small multiple of this.
 *
 *   bench-json-parse FILE.json          json-glib: the whole tree, never
 *                                       freed (as a process that exits
 *                                       does not); the parser the loader
 *                                       used until issue #17
 *   bench-json-parse --yajl FILE.json   yajl, the parser the loader uses
 *                                       (shk-format-stream.c): one pass,
 *                                       callbacks that only count values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <yajl/yajl_parse.h>

static int
count_value (void *ctx)
{
  (*(guint64 *) ctx)++;
  return 1;
}

static int
count_boolean (void *ctx,
               int   value)
{
  return count_value (ctx);
}

static int
count_text (void         *ctx,
            const guchar *text,
            size_t        length)
{
  return count_value (ctx);
}

static int
count_number (void       *ctx,
              const char *text,
              size_t      length)
{
  return count_value (ctx);
}

static const yajl_callbacks counters = {
  .yajl_null = count_value,
  .yajl_boolean = count_boolean,
  .yajl_number = count_number,
  .yajl_string = count_text,
  .yajl_start_map = count_value,
  .yajl_map_key = count_text,
  .yajl_end_map = count_value,
  .yajl_start_array = count_value,
  .yajl_end_array = count_value,
};

static int
parse_with_yajl (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  guint64 events = 0;
  yajl_handle handle;
  gboolean ok;

  if (file == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }
  handle = yajl_alloc (&counters, NULL, &events);
  ok = yajl_parse (handle, (const guchar *) g_mapped_file_get_contents (file),
                   g_mapped_file_get_length (file)) == yajl_status_ok
       && yajl_complete_parse (handle) == yajl_status_ok;
  yajl_free (handle);
  if (!ok)
    {
      g_printerr ("%s: not valid JSON\n", path);
      return 1;
    }
  g_print ("parsed %s with yajl: %" G_GUINT64_FORMAT " events\n", path, events);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  JsonParser *parser;

  if (argc == 3 && g_str_equal (argv[1], "--yajl"))
    return parse_with_yajl (argv[2]);
  if (argc != 2)
    {
      g_printerr ("Usage: bench-json-parse [--yajl] FILE.json\n");
      return 2;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_mapped_file (parser, argv[1], &error))
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }
  g_print ("parsed %s\n", argv[1]);
  return 0;
}
