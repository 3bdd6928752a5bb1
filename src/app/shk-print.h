/* shk-print.h — printing the meeting handout and single charts
 *
 * Both go through GtkPrintOperation with the page setup in the print
 * dialog (A4 or A3, portrait or landscape) and its preview. The handout's
 * pages come from the core's ShkReport, laid out anew for the paper the
 * user picks, so a printed copy and `shinchoku-cli report` agree. The
 * last print settings and page setup are kept with the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-chart.h"
#include "shk-document.h"

G_BEGIN_DECLS

/* Prints the handout of @document; with @preview, opens the preview
 * instead of the print dialog. Errors are shown to the user. */
void  shk_print_handout  (GtkWindow        *parent,
                          ShkDocument      *document,
                          gboolean          preview);

/* Prints one chart on one page, as large as the page allows at the
 * chart's @aspect (width ÷ height), under @title (may be NULL). @draw is
 * called while the operation runs; @user_data must stay valid until the
 * print dialog closes, so pass data the caller owns for longer, or use
 * @destroy. */
void  shk_print_chart    (GtkWindow        *parent,
                          const char       *title,
                          double            aspect,
                          ShkChartDrawFunc  draw,
                          gpointer          user_data,
                          GDestroyNotify    destroy);

G_END_DECLS
