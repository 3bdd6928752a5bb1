/* shk-format-reader-private.h — what the parts of the plan reader share
 *
 * shk-format-reader-values.c reads typed values out of json-glib nodes
 * and records every problem with its JSON path; shk-format-reader-plan.c
 * reads the plan's parts with it; shk-format-stream.c parses the text in
 * one pass, reading the measures as they come and building nodes of the
 * rest; shk-format-reader.c walks the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "shk-format-private.h"
#include "shk-plan.h"
#include "shk-text-pool.h"

G_BEGIN_DECLS

#define MAX_SCENARIO_YEARS    60

typedef struct
{
  GString    *path;      /* JSON path of the value being read */
  GPtrArray  *problems;  /* messages, each starting with its path */
  guint       n_problems;
  ShkPlan    *plan;
  GHashTable *fiscal_years; /* the plan's year ids */
  gboolean    years_known;  /* FALSE when fiscal_years is wrong: then
                             * references to years are not checked, so
                             * that one mistake is not reported many times */
  ShkTextPool *texts;       /* where the measures read keep their texts */
} Reader;

typedef enum
{
  OPTIONAL,  /* absent and null mean "no value" */
  REQUIRED,  /* must be present and not null */
} Need;

typedef enum
{
  NUMBER_ANY,
  NUMBER_NON_NEGATIVE,
  NUMBER_FRACTION,
  INTEGER_POSITIVE,
  INTEGER_NON_NEGATIVE,
  INTEGER_MONTHS,
} NumberKind;

/* Reads the array member @key, calling @read_element for each element
 * with the element's index pushed on the path. */
typedef void (*ReadElementFunc) (Reader   *r,
                                 JsonNode *element,
                                 guint     index,
                                 gpointer  user_data);

/* Reads the object member @key whose members are all of one kind (years,
 * evaluation ids), calling @read_member for each with its key pushed. */
typedef void (*ReadMemberFunc) (Reader     *r,
                                const char *name,
                                JsonNode   *member,
                                gpointer    user_data);

/* Ids seen so far, to report duplicates with the path of the first. */
typedef struct
{
  GHashTable   *seen;   /* id → path of first occurrence */
  /* The ids and paths: a prefecture's plan has 100,000 measure numbers,
   * and two allocations each cost it a few percent of its load. */
  GStringChunk *texts;
} Uniques;

/* Adds the problems @from found (a part read apart from the others, see
 * shk-format-stream.c) to @r's, as if @r had found them. */
void
shk_reader_add_problems (Reader       *r,
                         const Reader *from);
void
shk_reader_problem (Reader     *r,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);
gsize
shk_reader_path_push_key (Reader     *r,
               const char *key);
void
shk_reader_path_pop (Reader *r,
          gsize   length);
char *
shk_reader_describe_node (JsonNode *node);
void
shk_reader_wrong_type (Reader     *r,
            JsonNode   *node,
            const char *expected,
            Need        need);
gboolean
shk_reader_node_is_string (JsonNode *node);
gboolean
shk_reader_node_is_number (JsonNode *node);
gboolean
shk_reader_node_string (Reader      *r,
             JsonNode    *node,
             Need         need,
             const char **value);
gboolean
shk_reader_node_id (Reader      *r,
         JsonNode    *node,
         Need         need,
         const char **value);
gboolean
shk_reader_node_number (Reader     *r,
             JsonNode   *node,
             Need        need,
             NumberKind  kind,
             double     *value);
JsonObject *
shk_reader_node_object (Reader   *r,
             JsonNode *node,
             Need      need);
gboolean
shk_reader_read_string (Reader      *r,
             JsonObject  *object,
             const char  *key,
             Need         need,
             const char **value);
gboolean
shk_reader_read_id (Reader      *r,
         JsonObject  *object,
         const char  *key,
         Need         need,
         const char **value);
gboolean
shk_reader_read_number (Reader     *r,
             JsonObject *object,
             const char *key,
             Need        need,
             NumberKind  kind,
             double     *value);
gboolean
shk_reader_read_uint (Reader     *r,
           JsonObject *object,
           const char *key,
           Need        need,
           NumberKind  kind,
           guint      *value);
gboolean
shk_reader_read_boolean (Reader     *r,
              JsonObject *object,
              const char *key,
              Need        need,
              gboolean   *value);
const char *
shk_reader_read_text (Reader     *r,
           JsonObject *object,
           const char *key,
           Need        need);
JsonObject *
shk_reader_collect_unknown (Reader             *r,
                 JsonObject         *object,
                 const char * const *known);
void
shk_reader_keep_unknown (Reader             *r,
              gpointer            model_object,
              const char         *data_key,
              JsonObject         *object,
              const char * const *known);
JsonArray *
shk_reader_read_array (Reader          *r,
            JsonObject      *object,
            const char      *key,
            Need             need,
            ReadElementFunc  read_element,
            gpointer         user_data);
void
shk_reader_read_map (Reader         *r,
          JsonObject     *object,
          const char     *key,
          ReadMemberFunc  read_member,
          gpointer        user_data);
JsonObject *
shk_reader_element_object (Reader   *r,
                JsonNode *element);
void
shk_reader_uniques_init (Uniques *u);
void
shk_reader_uniques_clear (Uniques *u);
/* TRUE when @key is new; otherwise returns FALSE and sets @first_path to
 * where it was first seen. */
gboolean
shk_reader_uniques_add (Uniques     *u,
                        Reader      *r,
                        const char  *key,
                        const char **first_path);
void
shk_reader_read_fiscal_years (Reader     *r,
                   JsonObject *root);
const char *
shk_reader_read_plan_year (Reader     *r,
                JsonObject *object,
                const char *key,
                Need        need);
void
shk_reader_read_evaluation (Reader   *r,
                 JsonNode *element,
                 guint     index,
                 gpointer  user_data);
void
shk_reader_read_thresholds (Reader     *r,
                 JsonObject *root);
void
shk_reader_read_policy (Reader   *r,
             JsonNode *element,
             guint     index,
             gpointer  user_data);
void
shk_reader_read_measure (Reader   *r,
              JsonNode *element,
              guint     index,
              gpointer  user_data);
void
shk_reader_read_survey (Reader     *r,
             JsonObject *root);
void
shk_reader_read_scenario (Reader   *r,
               JsonNode *element,
               guint     index,
               gpointer  user_data);
/* The object under "round" (shk-format-reader-round.c), the path
 * already at "round": fills the plan's ShkRound when it is valid. */
void
shk_reader_read_round (Reader     *r,
                       JsonObject *object);

/* shk-format-stream.c: parses @data (@length bytes, strict RFC 8259 text
 * of at most @max_depth levels) and returns the top-level value as a
 * node; when that is an object whose "measures" member is an array, the
 * array's elements are read with @measures (its path empty) as they come,
 * the member is left out of the node and @measures_streamed is set. On a
 * syntax error returns NULL with @error set ("LINE:COLUMN: …"). */
JsonNode *
shk_reader_stream (const char  *data,
                   gsize        length,
                   guint        max_depth,
                   Reader      *measures,
                   gboolean    *measures_streamed,
                   GError     **error);

typedef enum
{
  SHK_STREAM_OK,         /* @root is the text's value */
  SHK_STREAM_RETRY,      /* the text is refused: read it whole and give it
                          * to shk_reader_stream(), which says why */
  SHK_STREAM_TOO_LARGE,  /* more than @max_size bytes (@size so far) */
  SHK_STREAM_ERROR,      /* reading failed: @error */
} ShkStreamStatus;

/* The same as shk_reader_stream() for text read from @input in chunks, so
 * that it is never in memory whole. */
ShkStreamStatus
shk_reader_stream_input (GInputStream  *input,
                         gsize          max_size,
                         guint          max_depth,
                         Reader        *measures,
                         gboolean      *measures_streamed,
                         JsonNode     **root,
                         gsize         *size,
                         GCancellable  *cancellable,
                         GError       **error);

G_END_DECLS
