/* shk-chart-view.h — a chart of the core drawn in a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shk-chart.h"

G_BEGIN_DECLS

#define SHK_TYPE_CHART_VIEW (shk_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (ShkChartView, shk_chart_view, SHK, CHART_VIEW, GtkWidget)

/* Draws the chart at @width × @height in @style: the view passes the style
 * that follows the desktop's light or dark preference, the exporter the
 * one the user chose. */
typedef void (*ShkChartViewDrawFunc) (cairo_t       *cr,
                                      double         width,
                                      double         height,
                                      ShkChartStyle  style,
                                      gpointer       user_data);

GtkWidget     *shk_chart_view_new             (void);
void           shk_chart_view_set_draw_func   (ShkChartView         *self,
                                               ShkChartViewDrawFunc  func,
                                               gpointer              user_data,
                                               GDestroyNotify        destroy);
/* Redraws after the data behind the chart changed. */
void           shk_chart_view_redraw          (ShkChartView         *self);

/* What the chart shows, in words: read by screen readers. */
void           shk_chart_view_set_description (ShkChartView         *self,
                                               const char           *description);
const char    *shk_chart_view_get_description (ShkChartView         *self);
/* The file name (without extension) the export dialog suggests. */
void           shk_chart_view_set_export_name (ShkChartView         *self,
                                               const char           *name);

/* The title drawn above the chart when it is exported, for a chart whose
 * title on screen is a heading of the window (NULL: none added). */
void           shk_chart_view_set_export_title (ShkChartView        *self,
                                                const char          *title);

/* LIGHT or DARK, following AdwStyleManager. */
ShkChartStyle  shk_chart_view_get_style       (ShkChartView         *self);
/* The style charts on screen take: high contrast or dark when the desktop
 * asks for it. */
ShkChartStyle  shk_chart_view_desktop_style   (void);

/* Writes the chart to @path (.png, .svg or .pdf) in @style. */
gboolean       shk_chart_view_export          (ShkChartView         *self,
                                               const char           *path,
                                               ShkChartStyle         style,
                                               GError              **error);

/* The chart at its size on screen times @scale, in the light style: what
 * "Copy" puts on the clipboard. NULL without a chart. */
GdkTexture    *shk_chart_view_render_texture  (ShkChartView         *self,
                                               double                scale);

G_END_DECLS
