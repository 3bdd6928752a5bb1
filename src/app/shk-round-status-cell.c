/* shk-round-status-cell.c — a round's section status, coloured
 *
 * 回答済 green, 不受理 red, 未回答 dim, or in the warning colour with
 * 「期限超過」 once the due date has passed. The colour repeats the
 * words, never replaces them. A refusal's reason is the tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-round-status-cell.h"

struct _ShkRoundStatusCell
{
  GtkWidget        parent_instance;

  ShkRoundSection *section;

  /* template children */
  GtkLabel        *label;
};

G_DEFINE_FINAL_TYPE (ShkRoundStatusCell, shk_round_status_cell, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const status_classes[] = { "success", "error", "warning", "dim-label" };

static void
update (ShkRoundStatusCell *self)
{
  g_autofree char *text = NULL;
  const char *css_class = "dim-label";
  GDate today;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), status_classes[i]);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  if (self->section == NULL)
    {
      gtk_label_set_text (self->label, "");
      return;
    }

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  text = g_strdup (shk_round_status_get_label (shk_round_section_get_status (self->section)));
  switch (shk_round_section_get_status (self->section))
    {
    case SHK_REPLY_REPLIED:
      css_class = "success";
      break;
    case SHK_REPLY_REFUSED:
      css_class = "error";
      gtk_widget_set_tooltip_text (GTK_WIDGET (self),
                                   shk_round_section_get_message (self->section));
      break;
    case SHK_REPLY_MISSING:
    default:
      break;
    }
  if (shk_round_section_is_overdue (self->section, &today))
    {
      g_autofree char *plain = g_steal_pointer (&text);

      /* TRANSLATORS: a section's status, and that its due date has passed */
      text = g_strdup_printf (_("%s · overdue"), plain);
      if (g_str_equal (css_class, "dim-label"))
        css_class = "warning";
    }
  gtk_label_set_text (self->label, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->label), css_class);
}

void
shk_round_status_cell_set_section (ShkRoundStatusCell *self,
                                   ShkRoundSection    *section)
{
  g_return_if_fail (SHK_IS_ROUND_STATUS_CELL (self));
  g_return_if_fail (section == NULL || SHK_IS_ROUND_SECTION (section));

  if (!g_set_object (&self->section, section))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

const char *
shk_round_status_cell_get_text (ShkRoundStatusCell *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_STATUS_CELL (self), NULL);
  return gtk_label_get_text (self->label);
}

GtkWidget *
shk_round_status_cell_new (void)
{
  return g_object_new (SHK_TYPE_ROUND_STATUS_CELL, NULL);
}

static void
shk_round_status_cell_dispose (GObject *object)
{
  ShkRoundStatusCell *self = SHK_ROUND_STATUS_CELL (object);

  g_clear_object (&self->section);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_ROUND_STATUS_CELL);

  G_OBJECT_CLASS (shk_round_status_cell_parent_class)->dispose (object);
}

static void
shk_round_status_cell_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ShkRoundStatusCell *self = SHK_ROUND_STATUS_CELL (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_object (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_round_status_cell_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ShkRoundStatusCell *self = SHK_ROUND_STATUS_CELL (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      shk_round_status_cell_set_section (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_round_status_cell_class_init (ShkRoundStatusCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_round_status_cell_dispose;
  object_class->get_property = shk_round_status_cell_get_property;
  object_class->set_property = shk_round_status_cell_set_property;

  properties[PROP_SECTION] =
    g_param_spec_object ("section", NULL, NULL, SHK_TYPE_ROUND_SECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-round-status-cell.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkRoundStatusCell, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shk_round_status_cell_init (ShkRoundStatusCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
