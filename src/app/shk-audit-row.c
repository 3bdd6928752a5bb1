/* shk-audit-row.c — one finding of the audit page
 *
 * The finding's sentence, what the handout has against what the rules
 * compute, and a button that opens the measure in the measures view
 * through the window's "win.show-measure" action. The audit page's list
 * view makes rows for the findings on screen only and binds them again
 * as it scrolls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "shk-audit-row.h"
#include "shk-audit.h"

struct _ShkAuditRow
{
  GtkWidget     parent_instance;

  char         *kind_label;
  guint         measure;
  char         *place;
  char         *printed;
  char         *computed;
  char         *message;

  /* template children */
  GtkLabel     *number_label;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkLabel     *printed_label;
  GtkLabel     *computed_label;
  GtkWidget    *figures_box;
  GtkButton    *show_button;
};

G_DEFINE_FINAL_TYPE (ShkAuditRow, shk_audit_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND_LABEL,
  PROP_MEASURE,
  PROP_PLACE,
  PROP_PRINTED,
  PROP_COMPUTED,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (ShkAuditRow *self)
{
  g_autofree char *number = self->measure > 0 ? g_strdup_printf (_("No.%u"), self->measure)
                                              : g_strdup ("");
  g_autofree char *title = NULL;
  gboolean has_figures = (self->printed != NULL && *self->printed != '\0') ||
                         (self->computed != NULL && *self->computed != '\0');

  title = self->place != NULL && *self->place != '\0'
    ? g_strdup_printf ("%s — %s", self->kind_label != NULL ? self->kind_label : "", self->place)
    : g_strdup (self->kind_label != NULL ? self->kind_label : "");
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->subtitle_label, self->message != NULL ? self->message : "");
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->printed_label, self->printed != NULL ? self->printed : "—");
  gtk_label_set_text (self->computed_label, self->computed != NULL ? self->computed : "—");
  gtk_widget_set_visible (self->figures_box, has_figures);

  /* The button opens the measure; a finding about no measure (a
   * category total) has none to open. */
  gtk_widget_set_visible (GTK_WIDGET (self->show_button), self->measure > 0);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->show_button),
                                          g_variant_new_uint32 (self->measure));
}

static void
set_string (ShkAuditRow *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
shk_audit_row_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), SHK_TYPE_AUDIT_ROW);
  /* The row's direct children are its template's top level, not all of
   * them bound. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (shk_audit_row_parent_class)->dispose (object);
}

static void
shk_audit_row_finalize (GObject *object)
{
  ShkAuditRow *self = SHK_AUDIT_ROW (object);

  g_free (self->kind_label);
  g_free (self->place);
  g_free (self->printed);
  g_free (self->computed);
  g_free (self->message);

  G_OBJECT_CLASS (shk_audit_row_parent_class)->finalize (object);
}

static void
shk_audit_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShkAuditRow *self = SHK_AUDIT_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND_LABEL:
      g_value_set_string (value, self->kind_label);
      break;
    case PROP_MEASURE:
      g_value_set_uint (value, self->measure);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_PRINTED:
      g_value_set_string (value, self->printed);
      break;
    case PROP_COMPUTED:
      g_value_set_string (value, self->computed);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_audit_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShkAuditRow *self = SHK_AUDIT_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND_LABEL:
      set_string (self, &self->kind_label, g_value_get_string (value), prop_id);
      break;
    case PROP_MEASURE:
      if (self->measure != g_value_get_uint (value))
        {
          self->measure = g_value_get_uint (value);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PLACE:
      set_string (self, &self->place, g_value_get_string (value), prop_id);
      break;
    case PROP_PRINTED:
      set_string (self, &self->printed, g_value_get_string (value), prop_id);
      break;
    case PROP_COMPUTED:
      set_string (self, &self->computed, g_value_get_string (value), prop_id);
      break;
    case PROP_MESSAGE:
      set_string (self, &self->message, g_value_get_string (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_audit_row_class_init (ShkAuditRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = shk_audit_row_dispose;
  object_class->finalize = shk_audit_row_finalize;
  object_class->get_property = shk_audit_row_get_property;
  object_class->set_property = shk_audit_row_set_property;

  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_MEASURE] = g_param_spec_uint ("measure", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_PRINTED] = g_param_spec_string ("printed", NULL, NULL, NULL, flags);
  properties[PROP_COMPUTED] = g_param_spec_string ("computed", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-audit-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkAuditRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditRow, printed_label);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditRow, computed_label);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditRow, figures_box);
  gtk_widget_class_bind_template_child (widget_class, ShkAuditRow, show_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "auditrow");
}

static void
shk_audit_row_init (ShkAuditRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 12);
  update (self);
}

static const char *
finding_place (const ShkFinding *finding)
{
  if (finding->evaluation != NULL)
    return finding->evaluation;
  if (finding->year != NULL)
    return finding->year;
  return finding->subject;
}

void
shk_audit_row_show_finding (ShkAuditRow      *self,
                            const ShkFinding *finding)
{
  g_return_if_fail (SHK_IS_AUDIT_ROW (self));
  g_return_if_fail (finding != NULL);

  g_object_set (self,
                "kind-label", shk_finding_kind_get_label (finding->kind),
                "measure", finding->measure,
                "place", finding_place (finding),
                "printed", finding->printed,
                "computed", finding->computed,
                "message", finding->message,
                NULL);
}

GtkWidget *
shk_audit_row_new (void)
{
  return g_object_new (SHK_TYPE_AUDIT_ROW, NULL);
}

guint
shk_audit_row_get_measure (ShkAuditRow *self)
{
  g_return_val_if_fail (SHK_IS_AUDIT_ROW (self), 0);
  return self->measure;
}
