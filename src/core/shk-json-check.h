/* shk-json-check.h — a strict, single-pass check of JSON text (RFC 8259)
 *
 * Run over a file's bytes before any JSON library sees them: it refuses
 * everything RFC 8259 does not allow (comments, single quotes, trailing
 * commas, a second top-level value, duplicate keys, "\u0000", lone
 * surrogates, bad UTF-8, control characters in strings, numbers that do
 * not fit a 64-bit integer or a finite double) and nesting deeper than a
 * limit, each with the line and column where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Returns TRUE when @data (@length bytes, not necessarily NUL-terminated)
 * is exactly one JSON value with at most @max_depth levels of arrays and
 * objects. @start is set to where the JSON text begins: 0, or 3 after a
 * UTF-8 byte order mark, which RFC 8259 lets a reader ignore.
 *
 * On failure sets @error in the SHK_FORMAT_ERROR domain, code
 * SHK_FORMAT_ERROR_SYNTAX, with a message "LINE:COLUMN: what is wrong"
 * (1-based; columns counted in characters). */
gboolean shk_json_check (const char  *data,
                         gsize        length,
                         guint        max_depth,
                         gsize       *start,
                         GError     **error);

G_END_DECLS
