/* shk-presentation.h — full-screen presentation of the charts for meetings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "shk-document.h"
#include "shk-trial.h"

G_BEGIN_DECLS

#define SHK_TYPE_PRESENTATION (shk_presentation_get_type ())
G_DECLARE_FINAL_TYPE (ShkPresentation, shk_presentation, SHK, PRESENTATION, AdwWindow)

/* Where a presentation starts: the page that shows what the window shows. */
typedef enum
{
  SHK_PRESENTATION_START_SUMMARY = 0,
  SHK_PRESENTATION_START_PARETO,
  SHK_PRESENTATION_START_SCENARIOS,
} ShkPresentationStart;

ShkPresentation *shk_presentation_new             (GtkWindow            *parent,
                                                   ShkDocument          *document,
                                                   ShkPresentationStart  start);

guint            shk_presentation_get_n_pages     (ShkPresentation      *self);
guint            shk_presentation_get_page        (ShkPresentation      *self);
void             shk_presentation_set_page        (ShkPresentation      *self,
                                                   guint                 page);
/* The page's title and, for screen readers, what its chart shows. */
const char      *shk_presentation_get_page_title  (ShkPresentation      *self);
char            *shk_presentation_dup_description (ShkPresentation      *self);
/* The scenario of the current page, or NULL on the other pages. */
ShkScenario     *shk_presentation_get_scenario    (ShkPresentation      *self);
/* The what-if tried on the slides; the document is untouched by it. */
ShkTrial        *shk_presentation_get_trial       (ShkPresentation      *self);
/* Ends the presentation, keeping the trial as one undo step of the
 * document or discarding it (what leaving asks when there is a trial). */
void             shk_presentation_leave           (ShkPresentation      *self,
                                                   gboolean              keep);

G_END_DECLS
