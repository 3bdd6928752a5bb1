/* shk-survey-review.c — the review of replies to the AI/RPA survey
 *
 * What the survey's replies would change, shown before anything is: per
 * listed process and field, old → new with the section, the file and the
 * cell, and the core's warnings (ten times the hours, hours emptied);
 * the processes the sections wrote on the blank rows, with their hours
 * and category; the conflicts, each a ShkConflictRow. The rows are built
 * from the review's data, so they are made in code; applying is the
 * dialog's (shk_collect_apply() covers the survey too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shk-conflict-row.h"
#include "shk-survey-collect.h"
#include "shk-survey-request.h"
#include "shk-survey-review.h"

struct _ShkSurveyReview
{
  AdwPreferencesPage  parent_instance;

  ShkCollect         *collect;
};

G_DEFINE_FINAL_TYPE (ShkSurveyReview, shk_survey_review, ADW_TYPE_PREFERENCES_PAGE)

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title != NULL ? title : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (subtitle != NULL && *subtitle != '\0')
    {
      g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
    }
  adw_preferences_group_add (group, row);
  return row;
}

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
add_warning_icon (GtkWidget  *row,
                  const char *sentence)
{
  GtkWidget *icon;

  if (sentence == NULL)
    return;
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, sentence);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sentence, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
}

static void
add_change (AdwPreferencesGroup   *group,
            const ShkSurveyChange *change)
{
  g_autofree char *label = shk_survey_dup_cell_label (change->process, change->field);
  g_autofree char *old_text = shk_survey_value_describe (change->field, &change->old_value);
  g_autofree char *new_text = shk_survey_value_describe (change->field, &change->new_value);
  g_autofree char *warnings = shk_survey_warnings_describe (change->warnings);
  /* TRANSLATORS: old → new · section · file and cell */
  g_autofree char *subtitle = g_strdup_printf (_("%s → %s · %s · %s %s"), old_text, new_text,
                                               change->section, change->file, change->cell);

  /* Said under the value as well as by the icon: a tooltip alone is
   * missed when reading down a long review. */
  if (warnings != NULL)
    {
      g_autofree char *with_warnings = g_strdup_printf ("%s\n%s", subtitle, warnings);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_warnings);
    }
  add_warning_icon (add_row (group, label, subtitle), warnings);
}

static GtkWidget *
changes_group (ShkCollect *collect)
{
  GPtrArray *changes = shk_collect_get_survey_changes (collect);
  GtkWidget *group = group_new (_("Changes"),
                                _("Nothing changes until you apply; applying is one step "
                                  "that Undo takes back."));

  for (guint i = 0; i < changes->len; i++)
    add_change (ADW_PREFERENCES_GROUP (group), g_ptr_array_index (changes, i));
  if (changes->len == 0)
    add_row (ADW_PREFERENCES_GROUP (group), _("No value changes"), NULL);
  return group;
}

/* "市民課 · 証明書交付 · 証明係 · 入力事務 · AI・RPA等の活用: わからない
 * · reply.xlsx B7": the answer alone would not say what was asked. */
static char *
new_process_subtitle (const ShkSurveyNewProcess *added)
{
  const char *answer = shk_survey_applicable_label (added->applicable);
  g_autofree char *applicable = answer != NULL
                                ? g_strdup_printf (_("%s: %s"), _("AI/RPA could apply"), answer)
                                : NULL;
  const char *parts[] = { added->section, added->business, added->unit, added->category,
                          applicable, added->note };
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (line, "%s · ", parts[i]);
  g_string_append_printf (line, "%s %s", added->file, added->cell);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

static GtkWidget *
new_processes_group (GPtrArray *added)
{
  GtkWidget *group = group_new (_("New Processes"),
                                _("Written by the sections on the blank rows. Applying adds "
                                  "them to the survey, where the ranking and the Pareto chart "
                                  "take them in."));

  for (guint i = 0; i < added->len; i++)
    {
      const ShkSurveyNewProcess *process = g_ptr_array_index (added, i);
      g_autofree char *subtitle = new_process_subtitle (process);
      ShkCollectValue value = { .has_value = TRUE, .number = process->hours };
      g_autofree char *hours = shk_survey_value_describe (SHK_SURVEY_FIELD_HOURS, &value);
      GtkWidget *row = add_row (ADW_PREFERENCES_GROUP (group), process->name, subtitle);
      GtkWidget *hours_label = gtk_label_new (hours);

      gtk_widget_add_css_class (hours_label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), hours_label);
    }
  return group;
}

static GtkWidget *
conflicts_group (ShkCollect *collect)
{
  GPtrArray *conflicts = shk_collect_get_survey_conflicts (collect);
  GtkWidget *group = group_new (_("Conflicts"),
                                _("Two replies give different values, or the office changed "
                                  "the value after the workbook went out. Choose the value to "
                                  "keep for each."));

  for (guint i = 0; i < conflicts->len; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), shk_conflict_row_new (collect, i));
  return group;
}

GtkWidget *
shk_survey_review_new (ShkCollect          *collect,
                       AdwPreferencesGroup *sections)
{
  ShkSurveyReview *self;
  AdwPreferencesPage *page;
  GPtrArray *added;

  g_return_val_if_fail (SHK_IS_COLLECT (collect), NULL);
  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (sections), NULL);

  self = g_object_new (SHK_TYPE_SURVEY_REVIEW, NULL);
  page = ADW_PREFERENCES_PAGE (self);
  self->collect = g_object_ref (collect);
  added = shk_collect_get_new_processes (collect);
  adw_preferences_page_add (page, sections);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (changes_group (collect)));
  if (added->len > 0)
    adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (new_processes_group (added)));
  if (shk_collect_get_survey_conflicts (collect)->len > 0)
    adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (conflicts_group (collect)));
  return GTK_WIDGET (self);
}

static void
shk_survey_review_dispose (GObject *object)
{
  ShkSurveyReview *self = SHK_SURVEY_REVIEW (object);

  g_clear_object (&self->collect);

  G_OBJECT_CLASS (shk_survey_review_parent_class)->dispose (object);
}

static void
shk_survey_review_class_init (ShkSurveyReviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shk_survey_review_dispose;
}

static void
shk_survey_review_init (ShkSurveyReview *self)
{
}
