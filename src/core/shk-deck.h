/* shk-deck.h — the committee's slides as a PowerPoint deck
 *
 * An Office Open XML presentation (.pptx) that PowerPoint and LibreOffice
 * Impress open: a title slide, then a slide per chart or table — the grade
 * summary, the measures fully achieved (◎) and lagging (△) as real tables,
 * the Pareto chart, the breakdowns, each scenario, the comparison and the
 * survey's figures. Titles are text; charts are PNG pictures drawn by the
 * same renderers as the window, each with its description as alt text;
 * the figures behind every slide are in its speaker notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shk-plan.h"
#include "shk-progress.h"

G_BEGIN_DECLS

#define SHK_DECK_ERROR (shk_deck_error_quark ())
GQuark shk_deck_error_quark (void);

typedef enum
{
  SHK_DECK_ERROR_SLIDES,   /* an unknown slide name */
  SHK_DECK_ERROR_EMPTY,    /* nothing to put on a slide */
  SHK_DECK_ERROR_FAILED,   /* the package could not be written */
} ShkDeckError;

/* Which slides to make; the deck keeps this order. */
typedef enum
{
  SHK_DECK_SLIDE_TITLE      = 1 << 0,
  SHK_DECK_SLIDE_SUMMARY    = 1 << 1,
  SHK_DECK_SLIDE_ACHIEVED   = 1 << 2,
  SHK_DECK_SLIDE_LAGGING    = 1 << 3,
  SHK_DECK_SLIDE_PARETO     = 1 << 4,
  SHK_DECK_SLIDE_BREAKDOWN  = 1 << 5,
  SHK_DECK_SLIDE_SCENARIOS  = 1 << 6,
  SHK_DECK_SLIDE_COMPARISON = 1 << 7,
  SHK_DECK_SLIDE_SURVEY     = 1 << 8,
} ShkDeckSlides;

#define SHK_DECK_SLIDE_ALL ((ShkDeckSlides) 0x1ff)

/* "title,summary,achieved,lagging,pareto,breakdown,scenarios,comparison,
 * survey": the names, in deck order, separated by commas. */
const char *shk_deck_slide_names          (void);
/* A comma-separated list of those names (spaces allowed, any order). */
gboolean    shk_deck_slides_from_string   (const char     *text,
                                           ShkDeckSlides  *slides,
                                           GError        **error);

/* The bytes of the .pptx file. */
GBytes     *shk_deck_write                (ShkPlan        *plan,
                                           ShkDeckSlides   slides,
                                           GError        **error);
/* Writes the deck to @path; never leaves a half-written file behind. */
gboolean    shk_deck_write_file           (ShkPlan        *plan,
                                           ShkDeckSlides   slides,
                                           const char     *path,
                                           GError        **error);
/* The same, for a worker thread: calls @progress (may be NULL) with the
 * share done after each group of slides, and stops with
 * G_IO_ERROR_CANCELLED soon after @cancellable is cancelled, leaving no
 * file. @plan must not change meanwhile (give it a copy of its own). */
gboolean    shk_deck_write_file_full      (ShkPlan        *plan,
                                           ShkDeckSlides   slides,
                                           const char     *path,
                                           ShkProgressFunc progress,
                                           gpointer        progress_data,
                                           GCancellable   *cancellable,
                                           GError        **error);

G_END_DECLS
