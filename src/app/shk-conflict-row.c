/* shk-conflict-row.c — one conflict of the replies' review, settled in place
 *
 * A combo row over the conflict: the document's value first (what stays
 * when nothing is chosen), then each reply's. The measures' conflicts and
 * the survey's are the same choice over different cells, so one row
 * serves both; it keeps the collect and the conflict's index itself
 * rather than hanging them on the widget.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shk-conflict-row.h"
#include "shk-survey-collect.h"

struct _ShkConflictRow
{
  AdwComboRow  parent_instance;

  ShkCollect  *collect;
  guint        index;
  gboolean     survey;
};

G_DEFINE_FINAL_TYPE (ShkConflictRow, shk_conflict_row, ADW_TYPE_COMBO_ROW)

/* What one reply proposes, whichever kind of round. */
typedef struct
{
  const char *section;
  const char *file;
  char       *value;
} Proposal;

static void
proposal_clear (gpointer data)
{
  g_free (((Proposal *) data)->value);
}

static void
on_selected (ShkConflictRow *self,
             GParamSpec     *pspec,
             gpointer        user_data)
{
  /* The first item keeps the document's value. */
  int choice = (int) adw_combo_row_get_selected (ADW_COMBO_ROW (self)) - 1;

  if (self->survey)
    shk_collect_choose_survey_conflict (self->collect, self->index, choice);
  else
    shk_collect_choose_conflict (self->collect, self->index, choice);
}

/* The label, the document's value and the proposals of the conflict. */
static char *
read_conflict (ShkConflictRow *self,
               char          **current,
               gboolean       *office_changed,
               GArray         *proposals)
{
  if (self->survey)
    {
      const ShkSurveyConflict *conflict =
        g_ptr_array_index (shk_collect_get_survey_conflicts (self->collect), self->index);

      *current = shk_survey_value_describe (conflict->field, &conflict->current);
      *office_changed = conflict->office_changed;
      for (guint p = 0; p < conflict->proposals->len; p++)
        {
          const ShkSurveyChange *change = g_ptr_array_index (conflict->proposals, p);
          Proposal proposal = { change->section, change->file,
                                shk_survey_value_describe (change->field, &change->new_value) };

          g_array_append_val (proposals, proposal);
        }
      return shk_survey_dup_cell_label (conflict->process, conflict->field);
    }
  else
    {
      const ShkCollectConflict *conflict =
        g_ptr_array_index (shk_collect_get_conflicts (self->collect), self->index);

      *current = shk_collect_value_describe (conflict->field, &conflict->current);
      *office_changed = conflict->office_changed;
      for (guint p = 0; p < conflict->proposals->len; p++)
        {
          const ShkCollectChange *change = g_ptr_array_index (conflict->proposals, p);
          Proposal proposal = { change->section, change->file,
                                shk_collect_value_describe (change->field, &change->new_value) };

          g_array_append_val (proposals, proposal);
        }
      return shk_collect_dup_cell_label (conflict->measure, conflict->indicator,
                                         conflict->field, conflict->year_id);
    }
}

/* A section that sent its workbook twice is told apart by the file. */
static gboolean
section_repeats (GArray *proposals,
                 guint   index)
{
  const char *section = g_array_index (proposals, Proposal, index).section;

  for (guint i = 0; i < proposals->len; i++)
    if (i != index && g_strcmp0 (g_array_index (proposals, Proposal, i).section, section) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
selected_to_opacity (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_double (to, g_value_get_boolean (from) ? 1.0 : 0.0);
  return TRUE;
}

/* The popover's items wrap: the default list cuts them at twenty
 * characters, before the value that tells the choices apart. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property_full (item, "selected", check, "opacity", G_BINDING_SYNC_CREATE,
                               selected_to_opacity, NULL, NULL, NULL);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
fill (ShkConflictRow *self)
{
  g_autoptr(GArray) proposals = g_array_new (FALSE, TRUE, sizeof (Proposal));
  g_autoptr(GtkStringList) options = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *keep = NULL;
  gboolean office_changed = FALSE;

  g_array_set_clear_func (proposals, proposal_clear);
  label = read_conflict (self, &current, &office_changed, proposals);
  keep = office_changed
         ? g_strdup_printf (_("Keep the document’s value, changed since sending: %s"), current)
         : g_strdup_printf (_("Keep the document’s value: %s"), current);
  gtk_string_list_append (options, keep);
  for (guint p = 0; p < proposals->len; p++)
    {
      const Proposal *proposal = &g_array_index (proposals, Proposal, p);
      g_autofree char *option =
        section_repeats (proposals, p)
        /* TRANSLATORS: section (file): value, for a section that replied twice */
        ? g_strdup_printf (_("%s (%s): %s"), proposal->section, proposal->file, proposal->value)
        : g_strdup_printf ("%s: %s", proposal->section, proposal->value);

      gtk_string_list_append (options, option);
    }
  escaped = g_markup_escape_text (label, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped);
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (options));
  /* The label is long (a process or an indicator with its field): the
   * choice goes under it, where it is not cut short. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self), TRUE);
}

static void
set_list_factory (ShkConflictRow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), NULL);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self), factory);
}

GtkWidget *
shk_conflict_row_new (ShkCollect *collect,
                      guint       index)
{
  ShkConflictRow *self;

  g_return_val_if_fail (SHK_IS_COLLECT (collect), NULL);

  self = g_object_new (SHK_TYPE_CONFLICT_ROW, NULL);
  self->collect = g_object_ref (collect);
  self->index = index;
  self->survey = shk_collect_is_survey (collect);
  set_list_factory (self);
  fill (self);
  /* Connected after filling: setting the model selects the first item,
   * which is the choice the conflict already has. */
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), NULL);
  return GTK_WIDGET (self);
}

static void
shk_conflict_row_dispose (GObject *object)
{
  ShkConflictRow *self = SHK_CONFLICT_ROW (object);

  g_clear_object (&self->collect);

  G_OBJECT_CLASS (shk_conflict_row_parent_class)->dispose (object);
}

static void
shk_conflict_row_class_init (ShkConflictRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shk_conflict_row_dispose;
}

static void
shk_conflict_row_init (ShkConflictRow *self)
{
}
