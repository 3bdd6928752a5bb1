/* shk-source-json.h — reading the handouts' source tables leniently
 *
 * The source tables are kept as printed and may come from an older or
 * hand-edited document: an absent or mistyped member reads as absent,
 * never as an error, so a page shows what the document has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Each takes a NULL @object and returns NULL or FALSE for it. */
const char *shk_source_get_string (JsonObject *object,
                                   const char *name);
/* A finite number. */
gboolean    shk_source_get_number (JsonObject *object,
                                   const char *name,
                                   double     *value);
/* A whole number from 0 to G_MAXUINT. */
gboolean    shk_source_get_count  (JsonObject *object,
                                   const char *name,
                                   guint      *count);
JsonObject *shk_source_get_object (JsonObject *object,
                                   const char *name);
JsonArray  *shk_source_get_array  (JsonObject *object,
                                   const char *name);
/* The strings of the array @name (other elements skipped); never NULL. */
GStrv       shk_source_dup_strv   (JsonObject *object,
                                   const char *name);

G_END_DECLS
