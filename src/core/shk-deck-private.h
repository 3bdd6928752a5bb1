/* shk-deck-private.h — what the deck's content and its package share
 *
 * shk-deck.c decides what each slide says; shk-deck-package.c writes the
 * slides as the parts of an Office Open XML package.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shk-deck.h"

G_BEGIN_DECLS

typedef struct
{
  char      *title;
  char      *subtitle;         /* lines under the title; may be NULL */
  /* A chart: a PNG and its size in pixels, with its alt text. */
  GBytes    *picture;
  guint      picture_width;
  guint      picture_height;
  char      *picture_name;
  char      *picture_descr;
  /* A table: n_columns texts per row, the first row the headings; the
   * columns' relative widths. */
  guint      n_columns;
  GPtrArray *cells;            /* char *, row by row; NULL without a table */
  double    *column_weights;
  char      *table_descr;
  /* The speaker notes, a paragraph each. */
  GPtrArray *notes;            /* char * */
} ShkDeckSlide;

ShkDeckSlide *shk_deck_slide_new        (const char   *title);
void          shk_deck_slide_free       (ShkDeckSlide *slide);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShkDeckSlide, shk_deck_slide_free)

/* Writes @slides (ShkDeckSlide) as a .pptx package to @path. */
gboolean      shk_deck_package_write    (const char   *path,
                                         const char   *title,
                                         const char   *author,
                                         GPtrArray    *slides,
                                         GError      **error);

G_END_DECLS
