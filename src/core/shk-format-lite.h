/* shk-format-lite.h — a measure's JSON as a light tree, read straight into the model
 *
 * The streaming loader (shk-format-stream.c) builds each element of a
 * plan's "measures" as a light tree in an arena that is reused for the
 * next measure, instead of as json-glib nodes: a json-glib object is a
 * hash table, a list and a node per member, and building then freeing
 * them was a third of the load of a prefecture's plan (issue #17).
 *
 * shk_lite_read_measure() reads the tree into a measure when it holds only
 * what a plan usually holds, written the usual way; for anything else (a
 * null, a number written as 3.0, a provenance, a key it does not know, a
 * value the reader would refuse…) it reads nothing and says so, and the
 * caller turns the tree into json-glib nodes (shk_lite_to_json()) for the
 * full reader of shk-format-reader-plan.c, which keeps unknown keys and
 * words every problem with its path. So the fast path never has to say
 * anything, and what it does read it reads as the full reader would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "shk-format-reader-private.h"

G_BEGIN_DECLS

typedef enum
{
  LITE_NULL,
  LITE_BOOLEAN,
  LITE_INTEGER,
  LITE_DOUBLE,
  LITE_STRING,
  LITE_OBJECT,
  LITE_ARRAY,
} LiteType;

typedef struct _LiteNode LiteNode;

struct _LiteNode
{
  LiteType    type;
  const char *key;   /* as a member of an object; NULL in an array */
  LiteNode   *next;  /* the next member or element */
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
    struct
    {
      LiteNode *first;
      LiteNode *last;
      guint     length;
    } children;
  } v;
};

typedef struct _LiteTree LiteTree;

LiteTree *shk_lite_tree_new        (void);
void      shk_lite_tree_free       (LiteTree     *tree);
/* Forgets the tree built so far (keeping its memory for the next one). */
void      shk_lite_tree_reset      (LiteTree     *tree);
/* Open containers of the tree being built: 0 before its root and once the
 * root is complete. */
guint     shk_lite_tree_get_depth  (LiteTree     *tree);
/* The complete root, or NULL while it is being built. */
LiteNode *shk_lite_tree_get_root   (LiteTree     *tree);

/* Building, in the parser's order. shk_lite_add_key() returns FALSE when
 * the open object already has the key (RFC 8259 texts are refused then,
 * see shk-format-stream.c). Strings are copied. */
void      shk_lite_add_null        (LiteTree     *tree);
void      shk_lite_add_boolean     (LiteTree     *tree,
                                    gboolean      value);
void      shk_lite_add_integer     (LiteTree     *tree,
                                    gint64        value);
void      shk_lite_add_double      (LiteTree     *tree,
                                    double        value);
void      shk_lite_add_string      (LiteTree     *tree,
                                    const char   *value,
                                    gsize         length);
gboolean  shk_lite_add_key         (LiteTree     *tree,
                                    const char   *key,
                                    gsize         length);
void      shk_lite_open_object     (LiteTree     *tree);
void      shk_lite_open_array      (LiteTree     *tree);
void      shk_lite_close           (LiteTree     *tree);

/* The same value as json-glib nodes (a new reference). */
JsonNode *shk_lite_to_json         (const LiteNode *node);

/* Reads @root, the element @index of the plan's measures, into a measure
 * appended to @r's plan, and records its number in @numbers. FALSE when it
 * read nothing: the tree holds something only the full reader reads. */
gboolean  shk_lite_read_measure    (Reader         *r,
                                    const LiteNode *root,
                                    guint           index,
                                    Uniques        *numbers);

/* For tests: FALSE reads every measure with the full reader, so that the
 * two can be compared. Not thread-safe; the default is TRUE. */
void      shk_lite_set_enabled     (gboolean        enabled);

G_END_DECLS
