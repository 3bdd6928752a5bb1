/* shk-format-lite.c — a measure's JSON as a light tree, read straight into the model
 *
 * See shk-format-lite.h for why. Written here rather than taken from a
 * library: the tree only has to live for one measure, so it sits in an
 * arena that is reused, and no JSON library in Debian 12 builds trees
 * that way (json-glib, jansson and yajl's own tree all allocate per node).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "shk-format-lite.h"
#include "shk-indicator.h"
#include "shk-measure.h"

/* Arena blocks; a bigger string gets a block of its own. */
#define BLOCK_SIZE ((gsize) 64 * 1024)
/* Objects with more members than this look their keys up in a hash table
 * rather than by walking the members (a hostile measure may have many). */
#define LINEAR_KEYS 16

typedef struct
{
  LiteNode   *node;
  GHashTable *keys;  /* made past LINEAR_KEYS members */
} OpenContainer;

struct _LiteTree
{
  GPtrArray  *blocks;   /* char[]; the first BLOCK_SIZE one is kept on reset */
  char       *free;     /* in the last block */
  gsize       left;
  GArray     *open;     /* OpenContainer */
  const char *key;      /* for the next value of the open object */
  LiteNode   *root;
  gboolean    complete;
};

/* The arena ---------------------------------------------------------- */

static gpointer
arena_alloc (LiteTree *tree,
             gsize     size)
{
  char *memory;

  size = (size + 7) & ~(gsize) 7;
  if (size > tree->left)
    {
      gsize block = MAX (size, BLOCK_SIZE);

      memory = g_malloc (block);
      g_ptr_array_add (tree->blocks, memory);
      if (block > BLOCK_SIZE)
        return memory;  /* the current block stays current */
      tree->free = memory;
      tree->left = block;
    }
  memory = tree->free;
  tree->free += size;
  tree->left -= size;
  return memory;
}

static const char *
arena_strndup (LiteTree   *tree,
               const char *text,
               gsize       length)
{
  char *copy = arena_alloc (tree, length + 1);

  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

LiteTree *
shk_lite_tree_new (void)
{
  LiteTree *tree = g_new0 (LiteTree, 1);

  tree->blocks = g_ptr_array_new_with_free_func (g_free);
  tree->open = g_array_new (FALSE, FALSE, sizeof (OpenContainer));
  return tree;
}

static void
close_key_tables (LiteTree *tree)
{
  for (guint i = 0; i < tree->open->len; i++)
    g_clear_pointer (&g_array_index (tree->open, OpenContainer, i).keys, g_hash_table_unref);
  g_array_set_size (tree->open, 0);
}

void
shk_lite_tree_free (LiteTree *tree)
{
  if (tree == NULL)
    return;
  close_key_tables (tree);
  g_array_unref (tree->open);
  g_ptr_array_unref (tree->blocks);
  g_free (tree);
}

void
shk_lite_tree_reset (LiteTree *tree)
{
  close_key_tables (tree);
  /* Keep one block of the usual size: a measure fits in it. */
  while (tree->blocks->len > 0)
    {
      guint last = tree->blocks->len - 1;

      if (last == 0)
        break;
      g_ptr_array_remove_index (tree->blocks, last);
    }
  tree->free = tree->blocks->len > 0 ? g_ptr_array_index (tree->blocks, 0) : NULL;
  tree->left = tree->blocks->len > 0 ? BLOCK_SIZE : 0;
  tree->key = NULL;
  tree->root = NULL;
  tree->complete = FALSE;
}

guint
shk_lite_tree_get_depth (LiteTree *tree)
{
  return tree->open->len;
}

LiteNode *
shk_lite_tree_get_root (LiteTree *tree)
{
  return tree->complete ? tree->root : NULL;
}

/* Building ------------------------------------------------------------ */

static LiteNode *
add_node (LiteTree *tree,
          LiteType  type)
{
  LiteNode *node = arena_alloc (tree, sizeof (LiteNode));

  *node = (LiteNode) { .type = type };
  if (tree->open->len == 0)
    {
      tree->root = node;
      tree->complete = type != LITE_OBJECT && type != LITE_ARRAY;
      return node;
    }

  {
    LiteNode *parent = g_array_index (tree->open, OpenContainer, tree->open->len - 1).node;

    node->key = g_steal_pointer (&tree->key);
    if (parent->v.children.last != NULL)
      parent->v.children.last->next = node;
    else
      parent->v.children.first = node;
    parent->v.children.last = node;
    parent->v.children.length++;
  }
  return node;
}

void
shk_lite_add_null (LiteTree *tree)
{
  add_node (tree, LITE_NULL);
}

void
shk_lite_add_boolean (LiteTree *tree,
                      gboolean  value)
{
  add_node (tree, LITE_BOOLEAN)->v.boolean = value;
}

void
shk_lite_add_integer (LiteTree *tree,
                      gint64    value)
{
  add_node (tree, LITE_INTEGER)->v.integer = value;
}

void
shk_lite_add_double (LiteTree *tree,
                     double    value)
{
  add_node (tree, LITE_DOUBLE)->v.number = value;
}

void
shk_lite_add_string (LiteTree   *tree,
                     const char *value,
                     gsize       length)
{
  const char *copy = arena_strndup (tree, value, length);

  add_node (tree, LITE_STRING)->v.string = copy;
}

/* The keys of one object mostly differ in their first two bytes; checked
 * inline, they spare a measure's duplicate check about two hundred calls
 * of strcmp(), 4 % of a prefecture's load (issue #17). */
static inline gboolean
same_key (const char *a,
          const char *b)
{
  return a[0] == b[0] && (a[0] == '\0' || (a[1] == b[1] && strcmp (a, b) == 0));
}

static gboolean
has_key (OpenContainer *open,
         const char    *key)
{
  if (open->keys != NULL)
    return g_hash_table_contains (open->keys, key);

  for (LiteNode *member = open->node->v.children.first; member != NULL; member = member->next)
    if (same_key (member->key, key))
      return TRUE;
  return FALSE;
}

gboolean
shk_lite_add_key (LiteTree   *tree,
                  const char *key,
                  gsize       length)
{
  OpenContainer *open = &g_array_index (tree->open, OpenContainer, tree->open->len - 1);
  const char *copy = arena_strndup (tree, key, length);

  if (has_key (open, copy))
    return FALSE;

  if (open->keys == NULL && open->node->v.children.length >= LINEAR_KEYS)
    {
      open->keys = g_hash_table_new (g_str_hash, g_str_equal);
      for (LiteNode *member = open->node->v.children.first; member != NULL; member = member->next)
        g_hash_table_add (open->keys, (gpointer) member->key);
    }
  if (open->keys != NULL)
    g_hash_table_add (open->keys, (gpointer) copy);
  tree->key = copy;
  return TRUE;
}

static void
open_container (LiteTree *tree,
                LiteType  type)
{
  OpenContainer open = { add_node (tree, type), NULL };

  g_array_append_val (tree->open, open);
}

void
shk_lite_open_object (LiteTree *tree)
{
  open_container (tree, LITE_OBJECT);
}

void
shk_lite_open_array (LiteTree *tree)
{
  open_container (tree, LITE_ARRAY);
}

void
shk_lite_close (LiteTree *tree)
{
  OpenContainer *open = &g_array_index (tree->open, OpenContainer, tree->open->len - 1);

  g_clear_pointer (&open->keys, g_hash_table_unref);
  g_array_set_size (tree->open, tree->open->len - 1);
  if (tree->open->len == 0)
    tree->complete = TRUE;
}

/* To json-glib -------------------------------------------------------- */

JsonNode *
shk_lite_to_json (const LiteNode *node)
{
  switch (node->type)
    {
    case LITE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), node->v.boolean);
    case LITE_INTEGER:
      return json_node_init_int (json_node_alloc (), node->v.integer);
    case LITE_DOUBLE:
      return json_node_init_double (json_node_alloc (), node->v.number);
    case LITE_STRING:
      return json_node_init_string (json_node_alloc (), node->v.string);
    case LITE_OBJECT:
      {
        JsonObject *object = json_object_new ();

        for (const LiteNode *member = node->v.children.first; member != NULL; member = member->next)
          json_object_set_member (object, member->key, shk_lite_to_json (member));
        JsonNode *json = json_node_new (JSON_NODE_OBJECT);

        json_node_take_object (json, object);
        return json;
      }
    case LITE_ARRAY:
      {
        JsonArray *array = json_array_sized_new (node->v.children.length);

        for (const LiteNode *element = node->v.children.first; element != NULL; element = element->next)
          json_array_add_element (array, shk_lite_to_json (element));
        JsonNode *json = json_node_new (JSON_NODE_ARRAY);

        json_node_take_array (json, array);
        return json;
      }
    case LITE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}
