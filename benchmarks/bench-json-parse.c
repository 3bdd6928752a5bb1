/* bench-json-parse.c — a bare parse of a file by the JSON parser Shinchoku uses
 *
 * The yardstick of benchmarks/scale.py: how long json-glib alone takes to
 * turn the file into a tree, with nothing checked, nothing built and the
 * tree never freed (as a process that exits does not). Loading a plan
 * should cost a small multiple of this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  JsonParser *parser;

  if (argc != 2)
    {
      g_printerr ("Usage: bench-json-parse FILE.json\n");
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
