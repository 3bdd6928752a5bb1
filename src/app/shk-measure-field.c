/* shk-measure-field.c — a text field of the detail pane, committed whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "shk-measure-field.h"

struct _ShkMeasureField
{
  GObject    parent_instance;

  GtkWidget *widget;
  GObject   *source;      /* the editable, or the text view's buffer */
  gulong     changed_id;
  gboolean   dirty;
};

G_DEFINE_FINAL_TYPE (ShkMeasureField, shk_measure_field, G_TYPE_OBJECT)

enum {
  COMMIT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_text (ShkMeasureField *self)
{
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (self->widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->widget)));
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->source), &start, &end);
  return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->source), &start, &end, FALSE);
}

void
shk_measure_field_commit (ShkMeasureField *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SHK_IS_MEASURE_FIELD (self));

  if (!self->dirty)
    return;
  self->dirty = FALSE;
  text = dup_text (self);
  g_signal_emit (self, signals[COMMIT], 0, text);
}

void
shk_measure_field_set_text (ShkMeasureField *self,
                            const char      *text)
{
  g_autofree char *current = NULL;

  g_return_if_fail (SHK_IS_MEASURE_FIELD (self));

  if (self->dirty)
    return;
  current = dup_text (self);
  if (g_strcmp0 (current, text) == 0)
    return;

  /* The model's text is not the user's typing. */
  g_signal_handler_block (self->source, self->changed_id);
  if (GTK_IS_EDITABLE (self->widget))
    gtk_editable_set_text (GTK_EDITABLE (self->widget), text != NULL ? text : "");
  else
    gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self->source), text != NULL ? text : "", -1);
  g_signal_handler_unblock (self->source, self->changed_id);
}

void
shk_measure_field_reset (ShkMeasureField *self)
{
  g_return_if_fail (SHK_IS_MEASURE_FIELD (self));

  self->dirty = FALSE;
  shk_measure_field_set_refused (self, FALSE);
}

void
shk_measure_field_set_refused (ShkMeasureField *self,
                               gboolean         refused)
{
  g_return_if_fail (SHK_IS_MEASURE_FIELD (self));

  /* A text view takes any text: it is never refused. */
  if (!GTK_IS_EDITABLE (self->widget))
    return;
  if (refused)
    gtk_widget_add_css_class (self->widget, "error");
  else
    gtk_widget_remove_css_class (self->widget, "error");
}

GtkWidget *
shk_measure_field_get_widget (ShkMeasureField *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_FIELD (self), NULL);

  return self->widget;
}

static void
on_changed (ShkMeasureField *self)
{
  self->dirty = TRUE;
}

static void
shk_measure_field_dispose (GObject *object)
{
  ShkMeasureField *self = SHK_MEASURE_FIELD (object);

  if (self->source != NULL)
    g_clear_signal_handler (&self->changed_id, self->source);
  g_clear_object (&self->source);
  g_clear_object (&self->widget);

  G_OBJECT_CLASS (shk_measure_field_parent_class)->dispose (object);
}

static void
shk_measure_field_class_init (ShkMeasureFieldClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shk_measure_field_dispose;

  /* The user's text, to be applied as one undoable edit. */
  signals[COMMIT] =
    g_signal_new ("commit", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
shk_measure_field_init (ShkMeasureField *self)
{
}

ShkMeasureField *
shk_measure_field_new (GtkWidget *widget)
{
  ShkMeasureField *self;
  GtkEventController *focus;

  g_return_val_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget), NULL);

  self = g_object_new (SHK_TYPE_MEASURE_FIELD, NULL);
  self->widget = g_object_ref (widget);
  if (GTK_IS_TEXT_VIEW (widget))
    self->source = g_object_ref (G_OBJECT (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget))));
  else
    self->source = g_object_ref (G_OBJECT (widget));
  self->changed_id = g_signal_connect_swapped (self->source, "changed", G_CALLBACK (on_changed), self);

  /* The widget lives as long as its field: these go with it. */
  if (ADW_IS_ENTRY_ROW (widget))
    g_signal_connect_object (widget, "entry-activated", G_CALLBACK (shk_measure_field_commit),
                             self, G_CONNECT_SWAPPED);
  else if (GTK_IS_EDITABLE (widget))
    g_signal_connect_object (widget, "activate", G_CALLBACK (shk_measure_field_commit),
                             self, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (shk_measure_field_commit), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
  return self;
}
