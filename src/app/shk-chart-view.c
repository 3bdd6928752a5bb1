/* shk-chart-view.c — a chart of the core drawn in a widget
 *
 * The core renderers draw onto any cairo_t, so the widget only hands them
 * a cairo context of its own size and the style that matches the desktop.
 * The same draw function serves the export, so what is saved is what is
 * shown (at export size and in the chosen style).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdio.h>

#include "shk-application.h"
#include "shk-chart-view.h"
#include "shk-print.h"
#include "shk-window.h"

#define CORNER_RADIUS   12.0
#define EXPORT_MIN_WIDTH 1280.0
#define MIN_WIDTH        320
#define MIN_HEIGHT       200

struct _ShkChartView
{
  GtkWidget             parent_instance;

  ShkChartViewDrawFunc  func;
  gpointer              user_data;
  GDestroyNotify        destroy;

  char                 *description;
  char                 *export_name;
  char                 *export_title;
  GtkWidget            *context_menu;
  GtkFileChooserNative *export_chooser;
};

G_DEFINE_FINAL_TYPE (ShkChartView, shk_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The export choices offered in the file chooser, in ShkChartStyle order. */
static const char * const style_ids[] = { "light", "dark", "presentation", "high-contrast", NULL };
static const char * const scale_ids[] = { "1", "2", "3", NULL };
/* "screen" keeps the shape on screen; the others are slide sizes. */
static const char * const size_ids[] = { "screen", "1280x720", "1920x1080", "1024x768", NULL };

static void     copy_action    (GtkWidget      *widget,
                                const char     *action_name,
                                GVariant       *parameter);
static void     print_action   (GtkWidget      *widget,
                                const char     *action_name,
                                GVariant       *parameter);
static gboolean export_to_path (ShkChartView   *self,
                                const char     *path,
                                ShkChartStyle   style,
                                const char     *size,
                                double          scale,
                                GError        **error);

static void
shk_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ShkChartView *self = SHK_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRoundedRect clip;
  cairo_t *cr;

  if (self->func == NULL || width <= 0 || height <= 0)
    return;

  /* The chart fills its own background; rounding it keeps the card look. */
  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (0, 0, width, height), CORNER_RADIUS);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  self->func (cr, width, height, shk_chart_view_get_style (self), self->user_data);
  cairo_destroy (cr);
  gtk_snapshot_pop (snapshot);
}

static void
shk_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = 960;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = 360;
    }
}

static void
shk_chart_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  ShkChartView *self = SHK_CHART_VIEW (widget);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static GSettings *
app_settings (void)
{
  return shk_application_get_default_settings ();
}

/* The style chosen in the preferences (and at the last export), or the
 * one on screen without settings. */
static ShkChartStyle
export_style (void)
{
  g_autofree char *text = app_settings () != NULL
    ? g_settings_get_string (app_settings (), "chart-style") : NULL;
  ShkChartStyle style;

  if (text == NULL || !shk_chart_style_from_string (text, &style))
    style = shk_chart_view_desktop_style ();
  return style;
}

static void
on_dark_changed (ShkChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
popup_context_menu (ShkChartView *self,
                    double        x,
                    double        y)
{
  if (self->context_menu == NULL)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      g_menu_append (menu, _("_Copy Chart"), "chart.copy");
      g_menu_append (menu, _("_Export Chart…"), "chart.export");
      g_menu_append (menu, _("_Print Chart…"), "chart.print");
      self->context_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      ShkChartView    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu (self, x, y);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 ShkChartView        *self)
{
  popup_context_menu (self, x, y);
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShkChartView *self = SHK_CHART_VIEW (widget);

  popup_context_menu (self, gtk_widget_get_width (widget) / 2.0,
                      gtk_widget_get_height (widget) / 2.0);
}

static void
show_message (ShkChartView *self,
              const char   *message)
{
  /* The window shows toasts; a chart outside one has nowhere to say it. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message))
    g_message ("%s", message);
}

static void
show_export_error (ShkChartView *self,
                   GError       *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Export the Chart"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Adds ".png" when the name has no extension the exporter knows, so that
 * typing "summary" gives a PNG rather than an error. */
static char *
path_with_extension (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".png") ||
      g_str_has_suffix (lower, ".svg") ||
      g_str_has_suffix (lower, ".pdf"))
    return g_strdup (path);
  return g_strconcat (path, ".png", NULL);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    ShkChartView    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  ShkChartStyle style = SHK_CHART_STYLE_LIGHT;
  double scale = 1.0;
  const char *choice;
  const char *size;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || g_file_peek_path (file) == NULL)
    {
      show_message (self, _("Charts can only be exported to local files"));
      goto out;
    }

  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "style");
  if (choice != NULL && shk_chart_style_from_string (choice, &style) && app_settings () != NULL)
    g_settings_set_string (app_settings (), "chart-style", style_ids[style]);
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scale");
  if (choice != NULL)
    scale = CLAMP (g_ascii_strtod (choice, NULL), 1.0, 3.0);

  size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "size");

  path = path_with_extension (g_file_peek_path (file));
  if (export_to_path (self, path, style, size, scale, &error))
    {
      g_autofree char *basename = g_filename_display_basename (path);
      g_autofree char *message = g_strdup_printf (_("Chart exported to “%s”"), basename);

      show_message (self, message);
    }
  else
    show_export_error (self, error);

out:
  g_clear_object (&self->export_chooser);
}

/* Exports go next to the plan they come from, not wherever the program
 * was started; a plan never saved leaves the chooser's own default. */
static void
set_plan_folder (ShkChartView   *self,
                 GtkFileChooser *chooser)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ShkDocument *document;
  GFile *file;
  g_autoptr(GFile) folder = NULL;

  if (!SHK_IS_WINDOW (root))
    return;
  document = shk_window_get_document (SHK_WINDOW (root));
  file = document != NULL ? shk_document_get_file (document) : NULL;
  folder = file != NULL ? g_file_get_parent (file) : NULL;
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShkChartView *self = SHK_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  const char *style_labels[] = { _("Light"), _("Dark"), _("Presentation"), _("High Contrast"), NULL };
  const char *scale_labels[] = { _("1× (screen)"), _("2× (slides)"), _("3× (print)"), NULL };
  const char *size_labels[] = { _("As on screen"), _("1280 × 720 (16:9)"),
                                _("1920 × 1080 (16:9)"), _("1024 × 768 (4:3)"), NULL };
  const struct { const char *name, *pattern; } formats[] = {
    { N_("PNG Image"), "*.png" },
    { N_("SVG Image"), "*.svg" },
    { N_("PDF Document"), "*.pdf" },
  };

  if (self->export_chooser != NULL)
    return;

  self->export_chooser =
    gtk_file_chooser_native_new (_("Export Chart"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
    }

  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "style", _("Style"),
                               (const char **) style_ids, style_labels);
  /* TRANSLATORS: pixel scale of an exported PNG; SVG and PDF ignore it */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "scale", _("PNG Scale"),
                               (const char **) scale_ids, scale_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "scale", "1");
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "size", _("Size"),
                               (const char **) size_ids, size_labels);
  /* Charts leave the window for slides: full HD by default. */
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "size", "1920x1080");
  set_plan_folder (self, GTK_FILE_CHOOSER (self->export_chooser));
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "style",
                               style_ids[export_style ()]);

  name = g_strconcat (self->export_name != NULL ? self->export_name : _("chart"), ".png", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);

  g_signal_connect (self->export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
shk_chart_view_dispose (GObject *object)
{
  ShkChartView *self = SHK_CHART_VIEW (object);

  if (self->export_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->export_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->func = NULL;
  self->destroy = NULL;
  self->user_data = NULL;

  G_OBJECT_CLASS (shk_chart_view_parent_class)->dispose (object);
}

static void
shk_chart_view_finalize (GObject *object)
{
  ShkChartView *self = SHK_CHART_VIEW (object);

  g_free (self->description);
  g_free (self->export_name);
  g_free (self->export_title);

  G_OBJECT_CLASS (shk_chart_view_parent_class)->finalize (object);
}

static void
shk_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShkChartView *self = SHK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ShkChartView *self = SHK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DESCRIPTION:
      shk_chart_view_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_chart_view_class_init (ShkChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_chart_view_dispose;
  object_class->finalize = shk_chart_view_finalize;
  object_class->get_property = shk_chart_view_get_property;
  object_class->set_property = shk_chart_view_set_property;

  widget_class->snapshot = shk_chart_view_snapshot;
  widget_class->measure = shk_chart_view_measure;
  widget_class->size_allocate = shk_chart_view_size_allocate;

  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "chart.copy", NULL);
  gtk_widget_class_install_action (widget_class, "chart.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "chart.context-menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
shk_chart_view_init (ShkChartView *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
shk_chart_view_new (void)
{
  return g_object_new (SHK_TYPE_CHART_VIEW, NULL);
}

void
shk_chart_view_set_draw_func (ShkChartView         *self,
                              ShkChartViewDrawFunc  func,
                              gpointer              user_data,
                              GDestroyNotify        destroy)
{
  g_return_if_fail (SHK_IS_CHART_VIEW (self));

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  self->func = func;
  self->user_data = user_data;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
shk_chart_view_redraw (ShkChartView *self)
{
  g_return_if_fail (SHK_IS_CHART_VIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
shk_chart_view_set_description (ShkChartView *self,
                                const char   *description)
{
  g_return_if_fail (SHK_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;
  g_free (self->description);
  self->description = g_strdup (description);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char *
shk_chart_view_get_description (ShkChartView *self)
{
  g_return_val_if_fail (SHK_IS_CHART_VIEW (self), NULL);

  return self->description;
}

void
shk_chart_view_set_export_title (ShkChartView *self,
                                 const char   *title)
{
  g_return_if_fail (SHK_IS_CHART_VIEW (self));

  g_free (self->export_title);
  self->export_title = g_strdup (title);
}

void
shk_chart_view_set_export_name (ShkChartView *self,
                                const char   *name)
{
  g_return_if_fail (SHK_IS_CHART_VIEW (self));

  g_free (self->export_name);
  self->export_name = g_strdup (name);
}

ShkChartStyle
shk_chart_view_get_style (ShkChartView *self)
{
  g_return_val_if_fail (SHK_IS_CHART_VIEW (self), SHK_CHART_STYLE_LIGHT);

  return shk_chart_view_desktop_style ();
}

ShkChartStyle
shk_chart_view_desktop_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return SHK_CHART_STYLE_HIGH_CONTRAST;
  return adw_style_manager_get_dark (manager) ? SHK_CHART_STYLE_DARK : SHK_CHART_STYLE_LIGHT;
}

typedef struct
{
  ShkChartView  *self;
  ShkChartStyle  style;
} ExportData;

/* A chart whose title is a heading of the window, not part of its
 * drawing, gets that title above it when it leaves the window: a slide
 * or a mail has no heading. */
static void
export_draw (cairo_t  *cr,
             double    width,
             double    height,
             gpointer  user_data)
{
  ExportData *data = user_data;
  ShkChartPalette palette;
  g_autoptr(PangoLayout) title = NULL;
  double unit, pad, title_width, title_height;

  if (data->self->export_title == NULL)
    {
      data->self->func (cr, width, height, data->style, data->self->user_data);
      return;
    }

  shk_chart_palette_init (&palette, data->style);
  unit = shk_chart_unit (width, height, &palette);
  pad = unit * 0.8;
  title = shk_chart_title_layout (cr, data->self->export_title, unit * 1.35,
                                  MAX (width - 2 * pad, unit), 2);
  shk_chart_layout_size (title, &title_width, &title_height);

  shk_chart_set_source (cr, &palette.background);
  cairo_rectangle (cr, 0, 0, width, pad + title_height);
  cairo_fill (cr);
  shk_chart_set_source (cr, &palette.foreground);
  shk_chart_show_layout (cr, title, pad, pad);

  cairo_save (cr);
  cairo_translate (cr, 0, pad + title_height);
  data->self->func (cr, width, MAX (height - pad - title_height, 1.0), data->style,
                    data->self->user_data);
  cairo_restore (cr);
}

gboolean
shk_chart_view_export (ShkChartView   *self,
                       const char     *path,
                       ShkChartStyle   style,
                       GError        **error)
{
  g_return_val_if_fail (SHK_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_to_path (self, path, style, NULL, 1.0, error);
}

static gboolean
export_to_path (ShkChartView   *self,
                const char     *path,
                ShkChartStyle   style,
                const char     *size,
                double          scale,
                GError        **error)
{
  guint fixed_width, fixed_height;
  ExportData data = { self, style };
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double factor;
  ShkChartExportInfo info;

  if (self->func == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("There is no chart to export"));
      return FALSE;
    }

  /* The shape on screen, at least slide width: a chart exported from a
   * narrow window stays legible on a projector. */
  if (width < MIN_WIDTH || height < MIN_HEIGHT)
    {
      width = 1280;
      height = 720;
    }
  factor = MAX (1.0, EXPORT_MIN_WIDTH / width);

  /* A chosen slide size wins over the shape on screen. */
  if (size != NULL && sscanf (size, "%ux%u", &fixed_width, &fixed_height) == 2 &&
      fixed_width > 0 && fixed_height > 0)
    {
      width = fixed_width;
      height = fixed_height;
      factor = 1.0;
    }

  /* The file says what it shows: SVG <title>/<desc>, PDF Title/Subject. */
  info = (ShkChartExportInfo) { .title = self->export_title, .description = self->description };
  return shk_chart_export_with_info (path, width * factor, height * factor, scale, &info,
                                     export_draw, &data, error);
}

GdkTexture *
shk_chart_view_render_texture (ShkChartView *self,
                               double        scale)
{
  /* Slides and mails are white: a copy is in the light style whatever the
   * desktop's, like a printout. */
  ExportData data = { self, SHK_CHART_STYLE_LIGHT };
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), MIN_WIDTH);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), MIN_HEIGHT);
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;
  int w, h, stride;

  g_return_val_if_fail (SHK_IS_CHART_VIEW (self), NULL);

  if (self->func == NULL)
    return NULL;

  scale = CLAMP (scale, 1.0, 4.0);
  w = (int) ceil (width * scale);
  h = (int) ceil (height * scale);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  export_draw (cr, width, height, &data);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* CAIRO_FORMAT_ARGB32 is premultiplied native-endian ARGB, which is
   * GDK_MEMORY_DEFAULT on every machine GTK runs on. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * h);
  cairo_surface_destroy (surface);

  return gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* Copied at twice the screen size, so that a chart pasted into slides or
 * a mail stays sharp when it is enlarged there. */
static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ShkChartView *self = SHK_CHART_VIEW (widget);
  g_autoptr(GdkTexture) texture = shk_chart_view_render_texture (self, 2.0);

  if (texture == NULL)
    return;

  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  show_message (self, _("Chart copied to the clipboard"));
}

static void
print_draw (cairo_t  *cr,
            double    width,
            double    height,
            gpointer  user_data)
{
  ExportData *data = user_data;

  /* The view may be gone by the time the print dialog draws. */
  if (data->self != NULL && data->self->func != NULL)
    data->self->func (cr, width, height, SHK_CHART_STYLE_LIGHT, data->self->user_data);
}

static void
print_data_free (gpointer user_data)
{
  ExportData *data = user_data;

  g_clear_weak_pointer (&data->self);
  g_free (data);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ShkChartView *self = SHK_CHART_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  ExportData *data;
  double width = MAX (gtk_widget_get_width (widget), MIN_WIDTH);
  double height = MAX (gtk_widget_get_height (widget), MIN_HEIGHT);

  if (self->func == NULL)
    return;

  /* Printed on white paper, whatever the screen's style. */
  data = g_new0 (ExportData, 1);
  data->style = SHK_CHART_STYLE_LIGHT;
  g_set_weak_pointer (&data->self, self);
  shk_print_chart (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                   self->description, width / height, print_draw, data, print_data_free);
}
