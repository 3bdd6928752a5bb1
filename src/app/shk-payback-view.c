/* shk-payback-view.c — the interactive cost-benefit chart
 *
 * The chart itself is the core's renderer in a ShkChartView, so what is
 * on screen is what is exported (and the export menu comes with it). This
 * widget adds what only a screen can have: a crosshair that follows the
 * pointer or, while the chart has the focus, the arrow keys; a tooltip
 * and a read-out line with the year's cumulative cost, savings and net;
 * and an accessible label that says the payback result in words.
 *
 * The crosshair and the highlighted year are drawn only while the widget
 * snapshots itself, never into an export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "shk-chart-view.h"
#include "shk-edit.h"
#include "shk-payback-view.h"

struct _ShkPaybackView
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  ShkChartView   *chart;
  GtkLabel       *readout;

  ShkPaybackSeriesSet *set;       /* what is drawn; never NULL after init */
  guint           n_years;

  int             key_year;       /* chosen with the keyboard, or -1 */
  int             hover_year;     /* under the pointer, or -1 */
  double          hover_y;        /* pointer height in the chart, or -1 */
  gboolean        on_screen;      /* drawing inside our own snapshot */
  ShkChartLayout  layout;         /* where the last on-screen draw put things */
  gboolean        has_layout;

  char           *label;
  char           *description;
};

G_DEFINE_FINAL_TYPE (ShkPaybackView, shk_payback_view, GTK_TYPE_WIDGET)

static int
shown_year (ShkPaybackView *self)
{
  return self->hover_year >= 0 ? self->hover_year : self->key_year;
}

static void
fill_chart (ShkPaybackView  *self,
            ShkPaybackChart *chart,
            ShkChartStyle    style,
            gboolean         with_highlight)
{
  shk_payback_series_set_fill_chart (self->set, style, NULL, chart);
  chart->highlight_year = with_highlight ? shown_year (self) : -1;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                            */

static void
draw_crosshair (ShkPaybackView *self,
                cairo_t        *cr,
                ShkChartStyle   style)
{
  ShkChartPalette palette;
  ShkRgba line;
  int year = shown_year (self);
  double x;

  if (year < 0 || (guint) year >= self->layout.n_years)
    return;

  shk_chart_palette_init (&palette, style);
  line = palette.highlight;
  line.a = 0.7;
  shk_chart_set_source (cr, &line);
  cairo_set_line_width (cr, 1.0);

  x = round (self->layout.year_x[year]) + 0.5;
  cairo_move_to (cr, x, self->layout.plot_y);
  cairo_line_to (cr, x, self->layout.plot_y + self->layout.plot_height);
  if (self->hover_year >= 0 && self->hover_y >= self->layout.plot_y &&
      self->hover_y <= self->layout.plot_y + self->layout.plot_height)
    {
      double y = round (self->hover_y) + 0.5;

      cairo_move_to (cr, self->layout.plot_x, y);
      cairo_line_to (cr, self->layout.plot_x + self->layout.plot_width, y);
    }
  cairo_stroke (cr);
}

static void
draw_chart (cairo_t       *cr,
            double         width,
            double         height,
            ShkChartStyle  style,
            gpointer       user_data)
{
  ShkPaybackView *self = user_data;
  ShkPaybackChart chart;

  fill_chart (self, &chart, style, self->on_screen);
  if (self->on_screen)
    {
      shk_payback_chart_draw (cr, width, height, &chart, &self->layout);
      self->has_layout = TRUE;
      draw_crosshair (self, cr, style);
    }
  else
    {
      ShkChartLayout layout;

      shk_payback_chart_draw (cr, width, height, &chart, &layout);
    }
}

static void
shk_payback_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ShkPaybackView *self = SHK_PAYBACK_VIEW (widget);

  /* The chart view calls draw_chart() from within this; an export calls
   * it from anywhere else and so gets the chart without the crosshair. */
  self->on_screen = TRUE;
  gtk_widget_snapshot_child (widget, self->box, snapshot);
  self->on_screen = FALSE;
}

/* ------------------------------------------------------------------ */
/* Words                                                              */

static char *
format_yen (gint64 yen)
{
  g_autofree char *number = shk_format_number ((double) yen);

  /* TRANSLATORS: an amount of money, e.g. “14,231,800 yen” (14,231,800円) */
  return g_strdup_printf (_("%s yen"), number);
}

static char *
result_summary (const ShkPaybackResult *result)
{
  if (result->payback_year > 0)
    /* The same words as on the chart. */
    return g_strdup_printf (_("Recovered in year %u"), result->payback_year);
  return g_strdup (_("Not recovered within the period"));
}

static char *
year_label (ShkPaybackView *self,
            guint           year)
{
  if (year < self->set->n_years)
    return g_strdup (self->set->year_labels[year]);
  /* TRANSLATORS: the n-th year of a scenario, e.g. “Year 4” (4年目) */
  return g_strdup_printf (_("Year %u"), year + 1);
}

char *
shk_payback_view_dup_year_text (ShkPaybackView *self,
                                guint           year)
{
  g_autofree char *label = NULL;
  GString *text;

  g_return_val_if_fail (SHK_IS_PAYBACK_VIEW (self), NULL);

  label = year_label (self, year);
  text = g_string_new (label);
  for (guint s = 0; s < self->set->n_series; s++)
    {
      const ShkPaybackResult *result = self->set->series[s].result;
      g_autofree char *cost = NULL;
      g_autofree char *saving = NULL;
      g_autofree char *net = NULL;

      if (year >= result->n_years)
        continue;
      cost = format_yen (result->cumulative_cost[year]);
      saving = format_yen (result->cumulative_saving[year]);
      net = format_yen (result->net[year]);

      if (self->set->n_series > 1)
        g_string_append_printf (text, "\n%s", self->set->series[s].name);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Cumulative cost: %s"), cost);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Cumulative savings: %s"), saving);
      g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Net: %s"), net);
    }
  return g_string_free (text, FALSE);
}

static void
update_readout (ShkPaybackView *self)
{
  int year = shown_year (self);
  g_autofree char *text = NULL;

  if (self->set->n_series == 0)
    text = g_strdup ("");
  else if (year >= 0)
    {
      g_autofree char *lines = shk_payback_view_dup_year_text (self, (guint) year);
      g_auto(GStrv) parts = g_strsplit (lines, "\n", -1);

      /* One line: “4年目(R5) · Cumulative cost: … · …”. */
      text = g_strjoinv ("  ·  ", parts);
    }
  else
    /* TRANSLATORS: under the chart while no year is highlighted */
    text = g_strdup (_("Point at a year, or focus the chart and use the arrow keys, to read its figures"));

  gtk_label_set_text (self->readout, text);
}

static void
update_accessible (ShkPaybackView *self)
{
  ShkPaybackChart chart;
  GString *label = g_string_new (NULL);
  g_autofree char *summary = NULL;

  fill_chart (self, &chart, SHK_CHART_STYLE_LIGHT, FALSE);
  g_free (self->description);
  self->description = shk_payback_chart_describe (&chart);

  for (guint s = 0; s < self->set->n_series; s++)
    {
      g_autofree char *one = result_summary (self->set->series[s].result);

      if (s > 0)
        g_string_append (label, "; ");
      if (self->set->n_series > 1)
        /* TRANSLATORS: a scenario's name and its payback result */
        g_string_append_printf (label, _("%s: %s"), self->set->series[s].name, one);
      else
        g_string_append (label, one);
    }
  summary = g_string_free (label, FALSE);

  g_free (self->label);
  if (*summary == '\0')
    self->label = g_strdup (_("Cost-benefit chart"));
  else
    /* TRANSLATORS: the accessible name of the chart, e.g. “Cost-benefit chart: Recovered in year 4” */
    self->label = g_strdup_printf (_("Cost-benefit chart: %s"), summary);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->label,
                                  -1);
  shk_chart_view_set_description (self->chart, self->description);
}

/* ------------------------------------------------------------------ */
/* Pointer and keyboard                                               */

static int
year_at (ShkPaybackView *self,
         double          x,
         double          y)
{
  const ShkChartLayout *layout = &self->layout;
  double half;
  int best = -1;

  if (!self->has_layout || layout->n_years == 0 ||
      x < layout->plot_x || x > layout->plot_x + layout->plot_width ||
      y < layout->plot_y || y > layout->plot_y + layout->plot_height)
    return -1;

  half = layout->plot_width / layout->n_years / 2.0;
  for (guint i = 0; i < layout->n_years; i++)
    if (x >= layout->year_x[i] - half && x < layout->year_x[i] + half + 0.5)
      best = (int) i;
  return best;
}

static void
set_hover (ShkPaybackView *self,
           int             year,
           double          y)
{
  gboolean moved = year != self->hover_year;

  self->hover_year = year;
  self->hover_y = year >= 0 ? y : -1;
  if (moved)
    update_readout (self);
  /* The horizontal line follows the pointer within a year too. */
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           ShkPaybackView           *self)
{
  set_hover (self, year_at (self, x, y), y);
}

static void
on_leave (GtkEventControllerMotion *controller,
          ShkPaybackView           *self)
{
  set_hover (self, -1, -1);
}

static gboolean
on_query_tooltip (GtkWidget      *widget,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip,
                  ShkPaybackView *self)
{
  int year = keyboard_mode ? self->key_year : year_at (self, x, y);
  g_autofree char *text = NULL;

  if (year < 0 || self->set->n_series == 0)
    return FALSE;

  text = shk_payback_view_dup_year_text (self, (guint) year);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                ShkPaybackView        *self)
{
  int last = (int) self->n_years - 1;
  int year = self->key_year;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || last < 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      year = year < 0 ? last : MAX (year - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      year = year < 0 ? 0 : MIN (year + 1, last);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      year = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      year = last;
      break;
    case GDK_KEY_Escape:
      if (year < 0)
        return FALSE;
      year = -1;
      break;
    default:
      return FALSE;
    }

  shk_payback_view_set_highlight_year (self, year);
  return TRUE;
}

/* A click on a year selects it and gives the chart the keyboard, so that
 * the arrow keys go on from there. */
static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            ShkPaybackView  *self)
{
  int year = year_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
  if (year >= 0)
    shk_payback_view_set_highlight_year (self, year);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                ShkPaybackView          *self)
{
  shk_payback_view_set_highlight_year (self, -1);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */

static void
clear_series (ShkPaybackView *self)
{
  g_clear_pointer (&self->set, shk_payback_series_set_free);
  self->n_years = 0;
}

static void
shk_payback_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SHK_TYPE_PAYBACK_VIEW);

  G_OBJECT_CLASS (shk_payback_view_parent_class)->dispose (object);
}

static void
shk_payback_view_finalize (GObject *object)
{
  ShkPaybackView *self = SHK_PAYBACK_VIEW (object);

  clear_series (self);
  g_free (self->label);
  g_free (self->description);

  G_OBJECT_CLASS (shk_payback_view_parent_class)->finalize (object);
}

static void
shk_payback_view_class_init (ShkPaybackViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_payback_view_dispose;
  object_class->finalize = shk_payback_view_finalize;
  widget_class->snapshot = shk_payback_view_snapshot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-payback-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkPaybackView, box);
  gtk_widget_class_bind_template_child (widget_class, ShkPaybackView, chart);
  gtk_widget_class_bind_template_child (widget_class, ShkPaybackView, readout);
  gtk_widget_class_bind_template_callback (widget_class, on_motion);
  gtk_widget_class_bind_template_callback (widget_class, on_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_query_tooltip);
  gtk_widget_class_bind_template_callback (widget_class, on_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "paybackview");

  g_type_ensure (SHK_TYPE_CHART_VIEW);
}

static void
shk_payback_view_init (ShkPaybackView *self)
{
  self->set = shk_payback_series_set_new ();
  self->key_year = -1;
  self->hover_year = -1;
  self->hover_y = -1;

  gtk_widget_init_template (GTK_WIDGET (self));
  shk_chart_view_set_draw_func (self->chart, draw_chart, self, NULL);
  shk_chart_view_set_export_name (self->chart, _("cost-benefit"));
  shk_chart_view_set_export_title (self->chart, _("Comparison of the scenarios"));

  update_accessible (self);
  update_readout (self);
}

GtkWidget *
shk_payback_view_new (void)
{
  return g_object_new (SHK_TYPE_PAYBACK_VIEW, NULL);
}

void
shk_payback_view_set_series (ShkPaybackView      *self,
                             ShkPaybackSeriesSet *set)
{
  g_return_if_fail (SHK_IS_PAYBACK_VIEW (self));

  clear_series (self);
  self->set = set != NULL ? set : shk_payback_series_set_new ();
  self->n_years = self->set->n_years;

  if (self->key_year >= (int) self->n_years)
    self->key_year = (int) self->n_years - 1;
  if (self->hover_year >= (int) self->n_years)
    self->hover_year = -1;

  update_accessible (self);
  update_readout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

guint
shk_payback_view_get_n_series (ShkPaybackView *self)
{
  g_return_val_if_fail (SHK_IS_PAYBACK_VIEW (self), 0);

  return self->set->n_series;
}

const ShkPaybackResult *
shk_payback_view_get_result (ShkPaybackView *self,
                             guint           index)
{
  g_return_val_if_fail (SHK_IS_PAYBACK_VIEW (self), NULL);

  if (index >= self->set->n_series)
    return NULL;
  return self->set->series[index].result;
}

int
shk_payback_view_get_highlight_year (ShkPaybackView *self)
{
  g_return_val_if_fail (SHK_IS_PAYBACK_VIEW (self), -1);

  return shown_year (self);
}

void
shk_payback_view_set_highlight_year (ShkPaybackView *self,
                                     int             year)
{
  g_return_if_fail (SHK_IS_PAYBACK_VIEW (self));

  if (year >= (int) self->n_years)
    year = (int) self->n_years - 1;
  if (year < -1)
    year = -1;
  if (self->key_year == year)
    return;

  self->key_year = year;
  update_readout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

const char *
shk_payback_view_get_label (ShkPaybackView *self)
{
  g_return_val_if_fail (SHK_IS_PAYBACK_VIEW (self), NULL);

  return self->label;
}

const char *
shk_payback_view_get_description (ShkPaybackView *self)
{
  g_return_val_if_fail (SHK_IS_PAYBACK_VIEW (self), NULL);

  return self->description;
}

void
shk_payback_view_set_export_title (ShkPaybackView *self,
                                   const char     *title)
{
  g_return_if_fail (SHK_IS_PAYBACK_VIEW (self));

  shk_chart_view_set_export_title (self->chart, title);
}

void
shk_payback_view_set_export_name (ShkPaybackView *self,
                                  const char     *name)
{
  g_return_if_fail (SHK_IS_PAYBACK_VIEW (self));

  shk_chart_view_set_export_name (self->chart, name);
}

gboolean
shk_payback_view_export (ShkPaybackView  *self,
                         const char      *path,
                         ShkChartStyle    style,
                         GError         **error)
{
  g_return_val_if_fail (SHK_IS_PAYBACK_VIEW (self), FALSE);

  return shk_chart_view_export (self->chart, path, style, error);
}
