/* shk-format-writer-private.h — what the parts of the plan writer share
 *
 * shk-format-writer.c holds the output: the text as it is made, handed
 * on in 256 KiB pieces (to the safe save, or as GBytes), and JSON's
 * strings, numbers, objects and arrays printed the way docs/file-format.md
 * shows them. shk-format-writer-plan.c says what each part of a plan
 * (fiscal years, measures with their indicators and grades, the survey,
 * the scenarios, the round) is written as, with these calls only, so that
 * neither side knows the other's rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "shk-format-private.h"
#include "shk-plan.h"
#include "shk-safe-save.h"

G_BEGIN_DECLS

typedef struct
{
  /* The output (shk-format-writer.c). */
  GString  *out;
  guint     depth;
  gboolean  first;   /* nothing written yet in the open object or array */
  ShkSafeSaveStream *stream; /* where full pieces go; NULL: all in out */
  GPtrArray *pieces;         /* or here, as GBytes (shk_format_to_pieces()) */
  gsize     flushed;         /* bytes handed on so far */
  gboolean  failed;          /* a write to @stream failed: stop */

  /* What the plan's parts look up once (shk-format-writer-plan.c). */
  GStrv     year_ids;        /* the plan's fiscal years, in order */
  GStrv     evaluation_ids;  /* the plan's evaluations, in order */
  /* The data keys of unknown members, looked up once rather than by name
   * on every object (g_object_get_data() takes the quark table's lock). */
  GQuark    extra, extra_audience, extra_published, extra_manual_grades, extra_thresholds;
} Writer;

/* Containers: @bracket is '{' or '[' to open, '}' or ']' to close. */
void shk_writer_open           (Writer             *w,
                                char                bracket);
void shk_writer_close          (Writer             *w,
                                char                bracket);
/* Starts an element of the open array; a full piece is handed on first. */
void shk_writer_element        (Writer             *w);
/* Starts a member of the open object. */
void shk_writer_key            (Writer             *w,
                                const char         *key);

/* @text as a JSON string (NULL as null). */
void shk_writer_string         (Writer             *w,
                                const char         *text);
/* The inline array of @strings (NULL-terminated). */
void shk_writer_string_list    (Writer             *w,
                                const char * const *strings);
/* The inline array of @n_values numbers. */
void shk_writer_number_list    (Writer             *w,
                                const double       *values,
                                guint               n_values);
/* Any JSON value, objects with their keys in order, arrays of plain
 * values on one line. */
void shk_writer_node           (Writer             *w,
                                JsonNode           *node);
/* The members of @object, as members of the open object. */
void shk_writer_node_members   (Writer             *w,
                                JsonObject         *object);
/* The unknown members kept on @model_object under @data_key, after the
 * known ones. */
void shk_writer_unknown        (Writer             *w,
                                gpointer            model_object,
                                GQuark              data_key);

void shk_writer_member_string  (Writer             *w,
                                const char         *key,
                                const char         *value);
/* Text that may be absent: "" and NULL are written as null. */
void shk_writer_member_text    (Writer             *w,
                                const char         *key,
                                const char         *value);
void shk_writer_member_number  (Writer             *w,
                                const char         *key,
                                double              value);
void shk_writer_member_uint    (Writer             *w,
                                const char         *key,
                                guint               value);
void shk_writer_member_boolean (Writer             *w,
                                const char         *key,
                                gboolean            value);
void shk_writer_member_null    (Writer             *w,
                                const char         *key);

/* shk-format-writer-plan.c: the whole plan, as the file's top-level
 * object. */
void shk_writer_write_plan     (Writer             *w,
                                ShkPlan            *plan);

G_END_DECLS
