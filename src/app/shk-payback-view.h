/* shk-payback-view.h — the interactive cost-benefit chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-payback-chart.h"
#include "shk-payback-series.h"

G_BEGIN_DECLS

#define SHK_TYPE_PAYBACK_VIEW (shk_payback_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkPaybackView, shk_payback_view, SHK, PAYBACK_VIEW, GtkWidget)

GtkWidget              *shk_payback_view_new                (void);

/* Shows the series of @set (see shk-payback-series.h), over the years of
 * its longest one, and takes @set over. NULL or empty shows an empty
 * chart. */
void                    shk_payback_view_set_series         (ShkPaybackView      *self,
                                                             ShkPaybackSeriesSet *set);
guint                   shk_payback_view_get_n_series       (ShkPaybackView      *self);
const ShkPaybackResult *shk_payback_view_get_result         (ShkPaybackView      *self,
                                                             guint                index);

/* The year under the crosshair (0-based), or -1. The arrow keys move it
 * while the chart has the focus; hovering moves it too. */
int                     shk_payback_view_get_highlight_year (ShkPaybackView      *self);
void                    shk_payback_view_set_highlight_year (ShkPaybackView      *self,
                                                             int                  year);

/* What the tooltip says about a year: cumulative cost, savings and net. */
char                   *shk_payback_view_dup_year_text      (ShkPaybackView      *self,
                                                             guint                year);

/* The accessible label (“Cost-benefit chart: recovered in year 4”) and
 * description (every series in a sentence), also the chart's alt text. */
const char             *shk_payback_view_get_label          (ShkPaybackView      *self);
const char             *shk_payback_view_get_description    (ShkPaybackView      *self);

/* The file name the export dialog suggests. */
/* The title an exported chart gets above it (the scenario's name). */
void shk_payback_view_set_export_title (ShkPaybackView *self,
                                        const char     *title);
void                    shk_payback_view_set_export_name    (ShkPaybackView      *self,
                                                             const char          *name);
/* Writes the chart as shown (without the crosshair) to @path. */
gboolean                shk_payback_view_export             (ShkPaybackView      *self,
                                                             const char          *path,
                                                             ShkChartStyle        style,
                                                             GError             **error);

G_END_DECLS
