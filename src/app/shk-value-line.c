/* shk-value-line.c — a value line of a table cell, its editor made on demand
 *
 * The line draws its text itself (shk-cell-text.c): its height is the
 * font's, so a new value only redraws it, and the text is shaped only
 * when the line is drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-cell-text.h"
#include "shk-editable-cell.h"
#include "shk-value-line.h"

struct _ShkValueLine
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;   /* the text shaped, made when first drawn */
  GtkWidget   *editor;   /* a ShkEditableCell while editing, else NULL */
  char        *name;     /* the accessible label, given to the editor too */
  float        xalign;
  int          width_chars;
  int          line_height;   /* the font's, 0 until asked */
  int          width;         /* width_chars digits of the font */
};

G_DEFINE_FINAL_TYPE (ShkValueLine, shk_value_line, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (ShkValueLine *self,
          const char   *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_object (&self->layout);
  /* Screen readers hear the value after the cell's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->text != NULL ? self->text : "", -1);
  /* The height is the font's, whatever the text: only a redraw. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The edit ended: the line takes what the editor kept (the typed text
 * when committed, the old one when not), and the editor goes. */
static void
on_editor_editing_changed (GtkEditableLabel *editor,
                           GParamSpec       *pspec,
                           ShkValueLine     *self)
{
  gboolean focused;

  if (gtk_editable_label_get_editing (editor) || self->editor != GTK_WIDGET (editor))
    return;

  focused = gtk_widget_has_focus (GTK_WIDGET (editor));
  g_signal_handlers_disconnect_by_func (editor, on_editor_editing_changed, self);
  set_text (self, gtk_editable_get_text (GTK_EDITABLE (editor)));
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  /* The line keeps the focus, as the sheet cursor's cell. */
  if (focused)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

GtkEditableLabel *
shk_value_line_start_editing (ShkValueLine *self)
{
  g_return_val_if_fail (SHK_IS_VALUE_LINE (self), NULL);

  if (self->editor != NULL)
    return GTK_EDITABLE_LABEL (self->editor);

  self->editor = shk_editable_cell_new ();
  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), self->xalign);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->editor), self->width_chars);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), shk_value_line_get_text (self));
  if (self->name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->name, -1);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_connect (self->editor, "notify::editing", G_CALLBACK (on_editor_editing_changed), self);
  gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (self->editor));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
  return GTK_EDITABLE_LABEL (self->editor);
}

GtkEditableLabel *
shk_value_line_get_editor (ShkValueLine *self)
{
  g_return_val_if_fail (SHK_IS_VALUE_LINE (self), NULL);

  return self->editor != NULL ? GTK_EDITABLE_LABEL (self->editor) : NULL;
}

gboolean
shk_value_line_get_editing (ShkValueLine *self)
{
  g_return_val_if_fail (SHK_IS_VALUE_LINE (self), FALSE);

  return self->editor != NULL;
}

const char *
shk_value_line_get_text (ShkValueLine *self)
{
  g_return_val_if_fail (SHK_IS_VALUE_LINE (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
shk_value_line_set_text (ShkValueLine *self,
                         const char   *text)
{
  g_return_if_fail (SHK_IS_VALUE_LINE (self));

  if (self->editor == NULL)
    set_text (self, text);
}

void
shk_value_line_set_name (ShkValueLine *self,
                         const char   *name)
{
  g_return_if_fail (SHK_IS_VALUE_LINE (self));

  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (self->editor != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* While editing, the focus belongs in the editor's entry. */
static gboolean
shk_value_line_grab_focus (GtkWidget *widget)
{
  ShkValueLine *self = SHK_VALUE_LINE (widget);

  if (self->editor != NULL)
    return gtk_widget_grab_focus (self->editor);
  if (gtk_widget_get_root (widget) == NULL)
    return FALSE;
  gtk_root_set_focus (gtk_widget_get_root (widget), widget);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Layout and drawing: the font's sizes, the text shaped when drawn     */

static void
shk_value_line_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  ShkValueLine *self = SHK_VALUE_LINE (widget);

  if (self->editor != NULL)
    {
      gtk_widget_measure (self->editor, orientation, for_size, minimum, natural,
                          minimum_baseline, natural_baseline);
      return;
    }
  if (self->line_height == 0)
    {
      self->line_height = shk_cell_text_line_height (widget);
      self->width = self->width_chars * shk_cell_text_digit_width (widget);
    }
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->line_height;
}

static void
shk_value_line_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  ShkValueLine *self = SHK_VALUE_LINE (widget);

  if (self->editor != NULL)
    gtk_widget_allocate (self->editor, width, height, baseline, NULL);
}

static void
shk_value_line_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  ShkValueLine *self = SHK_VALUE_LINE (widget);

  if (self->editor != NULL)
    {
      gtk_widget_snapshot_child (widget, self->editor, snapshot);
      return;
    }
  /* A figure is never cut short: it overflows as a label did. */
  shk_cell_text_snapshot (widget, snapshot, &self->layout, self->text, self->xalign, FALSE,
                          0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
}

/* A new font or colour (the "error" class, the theme): shaped again. */
static void
shk_value_line_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  ShkValueLine *self = SHK_VALUE_LINE (widget);

  GTK_WIDGET_CLASS (shk_value_line_parent_class)->css_changed (widget, change);
  g_clear_object (&self->layout);
  self->line_height = 0;
  gtk_widget_queue_resize (widget);
}

static void
shk_value_line_dispose (GObject *object)
{
  ShkValueLine *self = SHK_VALUE_LINE (object);

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_func (self->editor, on_editor_editing_changed, self);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (shk_value_line_parent_class)->dispose (object);
}

static void
shk_value_line_finalize (GObject *object)
{
  ShkValueLine *self = SHK_VALUE_LINE (object);

  g_free (self->name);
  g_free (self->text);

  G_OBJECT_CLASS (shk_value_line_parent_class)->finalize (object);
}

static void
shk_value_line_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ShkValueLine *self = SHK_VALUE_LINE (object);

  switch (prop_id)
    {
    case PROP_EDITING:
      g_value_set_boolean (value, self->editor != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_value_line_class_init (ShkValueLineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_value_line_dispose;
  object_class->finalize = shk_value_line_finalize;
  object_class->get_property = shk_value_line_get_property;
  widget_class->grab_focus = shk_value_line_grab_focus;
  widget_class->measure = shk_value_line_measure;
  widget_class->size_allocate = shk_value_line_size_allocate;
  widget_class->snapshot = shk_value_line_snapshot;
  widget_class->css_changed = shk_value_line_css_changed;

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The editable label's name, so that it looks the same as before
   * (themes style "editablelabel"). */
  gtk_widget_class_set_css_name (widget_class, "editablelabel");
}

static void
shk_value_line_init (ShkValueLine *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
shk_value_line_new (float xalign,
                    int   width_chars)
{
  ShkValueLine *self = g_object_new (SHK_TYPE_VALUE_LINE, NULL);

  self->xalign = xalign;
  self->width_chars = width_chars;
  return GTK_WIDGET (self);
}
