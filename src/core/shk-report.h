/* shk-report.h — the meeting handout: a multi-page report of a plan
 *
 * What the committee gets on paper, in the order and numbering of its
 * documents (the table of sections in shk-report.c): 資料1-1 (1) the
 * achievement status with its chart and table, (2) the measures newly
 * fully achieved, (3) those lagging, (4) those added and (5) expanded,
 * (6) every measure with its figures and grades; 資料1-3 the work
 * processes of the AI/RPA survey ranked with their Pareto chart, their
 * priority classes and each payback scenario's chart with its yearly
 * table; then the audit of the document against itself. Every page
 * carries the plan's title, the date and "n / N".
 *
 * A report is a snapshot: it is laid out for one page size when it is
 * made and draws any of its pages onto any cairo_t, so the PDF writer and
 * the window's GtkPrintOperation share every line of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "shk-plan.h"
#include "shk-progress.h"

G_BEGIN_DECLS

typedef enum
{
  SHK_PAPER_A4 = 0,
  SHK_PAPER_A3,
} ShkPaperSize;

typedef enum
{
  SHK_ORIENTATION_LANDSCAPE = 0,
  SHK_ORIENTATION_PORTRAIT,
} ShkOrientation;

/* "a4", "a3" (any case). */
gboolean     shk_paper_size_from_string    (const char     *text,
                                            ShkPaperSize   *paper);
/* "landscape", "portrait". */
gboolean     shk_orientation_from_string   (const char     *text,
                                            ShkOrientation *orientation);
/* The page in PostScript points (1/72 inch). */
void         shk_paper_size_get_points     (ShkPaperSize    paper,
                                            ShkOrientation  orientation,
                                            double         *width,
                                            double         *height);

#define SHK_TYPE_REPORT (shk_report_get_type ())
G_DECLARE_FINAL_TYPE (ShkReport, shk_report, SHK, REPORT, GObject)

/* Lays @plan out on pages of @width_pt × @height_pt. @date is printed on
 * every page (NULL: today), e.g. the date of the meeting. */
ShkReport   *shk_report_new                (ShkPlan        *plan,
                                            double          width_pt,
                                            double          height_pt,
                                            GDateTime      *date);
guint        shk_report_get_n_pages        (ShkReport      *self);
/* The page size the report was laid out for. */
void         shk_report_get_page_size      (ShkReport      *self,
                                            double         *width_pt,
                                            double         *height_pt);
/* Draws page @page (0-based) in a @width_pt × @height_pt area of @cr; a
 * size other than the report's own scales the page to fit, centred. */
void         shk_report_draw_page          (ShkReport      *self,
                                            cairo_t        *cr,
                                            guint           page,
                                            double          width_pt,
                                            double          height_pt);
/* Writes every page to a PDF file; a failure leaves no file behind. */
gboolean     shk_report_save_pdf           (ShkReport      *self,
                                            const char     *path,
                                            GError        **error);
/* The same, for a worker thread: calls @progress (may be NULL) after each
 * page, and stops with G_IO_ERROR_CANCELLED soon after @cancellable is
 * cancelled, leaving no file. */
gboolean     shk_report_save_pdf_full      (ShkReport      *self,
                                            const char     *path,
                                            ShkProgressFunc progress,
                                            gpointer        progress_data,
                                            GCancellable   *cancellable,
                                            GError        **error);

/* Convenience: lays @plan out on @paper, dated today, and saves it. */
gboolean     shk_report_write_pdf          (ShkPlan        *plan,
                                            const char     *path,
                                            ShkPaperSize    paper,
                                            ShkOrientation  orientation,
                                            GError        **error);

G_END_DECLS
