/* shk-measure-filter-bar.c — the measures table's search and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "shk-drop-down-a11y.h"
#include "shk-measure-filter-bar.h"
#include "shk-wrap-box.h"
#include "shk-rules.h"

/* The grade filter's items after "All Grades", in order. */
static const ShkGrade filter_grades[] = {
  SHK_GRADE_ACHIEVED,
  SHK_GRADE_MOSTLY,
  SHK_GRADE_LAGGING,
  SHK_GRADE_PENDING,
  SHK_GRADE_NONE,
};

struct _ShkMeasureFilterBar
{
  GtkWidget        parent_instance;

  ShkPlan         *plan;
  GtkCustomFilter *filter;
  GtkStringList   *policy_items;
  GArray          *policy_numbers;   /* guint, one per policy item after "all" */
  GtkStringList   *bureau_items;
  GtkStringList   *scope_items;
  GStrv            scope_ids;        /* evaluation ids; the last item is "any" */

  /* template children */
  GtkSearchEntry  *search_entry;
  GtkDropDown     *policy_filter;
  GtkDropDown     *bureau_filter;
  GtkDropDown     *grade_filter;
  GtkDropDown     *scope_filter;
};

G_DEFINE_FINAL_TYPE (ShkMeasureFilterBar, shk_measure_filter_bar, GTK_TYPE_WIDGET)

/* The evaluation being reported (the core's rule, shared with the
 * handout). */
static ShkEvaluation *
reporting_evaluation (ShkMeasureFilterBar *self)
{
  return self->plan != NULL ? shk_plan_get_reporting_evaluation (self->plan) : NULL;
}

static int
compare_text (const char *a,
              const char *b)
{
  g_autofree char *ka = g_utf8_collate_key (a != NULL ? a : "", -1);
  g_autofree char *kb = g_utf8_collate_key (b != NULL ? b : "", -1);

  return strcmp (ka, kb);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return compare_text (*(const char * const *) a, *(const char * const *) b);
}


static gboolean
text_contains (const char *haystack,
               const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}


static gboolean
matches_search (ShkMeasure *measure,
                const char *search)
{
  g_autofree char *needle = NULL;
  GListModel *indicators;
  guint n;

  if (search == NULL || *search == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  if (text_contains (shk_measure_get_name (measure), needle) ||
      text_contains (shk_measure_get_section (measure), needle))
    return TRUE;

  indicators = shk_measure_get_indicators (measure);
  n = g_list_model_get_n_items (indicators);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkIndicator) indicator = g_list_model_get_item (indicators, i);

      if (text_contains (shk_indicator_get_label (indicator), needle))
        return TRUE;
    }

  /* "12" or "No.12" finds measure No.12 too. */
  {
    const char *digits = g_str_has_prefix (needle, "no.") ? needle + 3 : needle;
    guint64 number;

    if (g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT, &number, NULL) &&
        number == shk_measure_get_number (measure))
      return TRUE;
  }
  return FALSE;
}


static gboolean
matches_grade (ShkMeasureFilterBar *self,
               ShkMeasure      *measure)
{
  guint selected = gtk_drop_down_get_selected (self->grade_filter);
  guint scope = gtk_drop_down_get_selected (self->scope_filter);
  guint n_scopes = self->scope_ids != NULL ? g_strv_length (self->scope_ids) : 0;
  ShkGrade wanted;
  GListModel *evaluations;
  guint n;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > G_N_ELEMENTS (filter_grades))
    return TRUE;
  wanted = filter_grades[selected - 1];

  if (scope < n_scopes)
    {
      ShkEvaluation *evaluation = shk_plan_find_evaluation (self->plan, self->scope_ids[scope]);

      return evaluation != NULL &&
             shk_plan_get_effective_grade (self->plan, measure, evaluation) == wanted;
    }

  /* Any evaluation. */
  evaluations = shk_plan_get_evaluations (self->plan);
  n = g_list_model_get_n_items (evaluations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);

      if (shk_plan_get_effective_grade (self->plan, measure, evaluation) == wanted)
        return TRUE;
    }
  return FALSE;
}


static gboolean
filter_measure (gpointer item,
                gpointer user_data)
{
  ShkMeasureFilterBar *self = user_data;
  ShkMeasure *measure = item;
  guint policy = gtk_drop_down_get_selected (self->policy_filter);
  guint bureau = gtk_drop_down_get_selected (self->bureau_filter);

  if (self->plan == NULL)
    return FALSE;

  /* Position 0 of every filter is "all". */
  if (policy != 0 && policy != GTK_INVALID_LIST_POSITION && policy <= self->policy_numbers->len &&
      shk_measure_get_policy_number (measure) != g_array_index (self->policy_numbers, guint, policy - 1))
    return FALSE;

  if (bureau != 0 && bureau != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (shk_measure_get_bureau (measure),
                 gtk_string_list_get_string (self->bureau_items, bureau)) != 0)
    return FALSE;

  if (!matches_grade (self, measure))
    return FALSE;

  return matches_search (measure, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}


static void
on_filter_changed (ShkMeasureFilterBar *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}


/* Rebuilding a string list resets its drop-down; keep the choice. */
static void
replace_items (GtkDropDown   *drop_down,
               GtkStringList *list,
               GPtrArray     *items)
{
  GtkStringObject *current = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *selected = current != NULL ? g_strdup (gtk_string_object_get_string (current)) : NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint choice = 0;
  gboolean same = n == items->len + 1;

  for (guint i = 0; same && i < items->len; i++)
    same = g_str_equal (gtk_string_list_get_string (list, i + 1), g_ptr_array_index (items, i));
  if (same)
    return;

  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (list, 1, n - 1, (const char * const *) items->pdata);
  for (guint i = 0; selected != NULL && g_ptr_array_index (items, i) != NULL; i++)
    if (g_str_equal (g_ptr_array_index (items, i), selected))
      choice = i + 1;
  gtk_drop_down_set_selected (drop_down, choice);
}


static void
update_filter_items (ShkMeasureFilterBar *self)
{
  g_autoptr(GPtrArray) policies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) bureaus = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list;
  guint n;

  g_array_set_size (self->policy_numbers, 0);
  if (self->plan != NULL)
    {
      list = shk_plan_get_policies (self->plan);
      n = g_list_model_get_n_items (list);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShkPolicy) policy = g_list_model_get_item (list, i);
          guint number = shk_policy_get_number (policy);

          g_array_append_val (self->policy_numbers, number);
          g_ptr_array_add (policies, g_strdup_printf ("%u %s", number, shk_policy_get_name (policy)));
        }

      list = shk_plan_get_measures (self->plan);
      n = g_list_model_get_n_items (list);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShkMeasure) measure = g_list_model_get_item (list, i);
          const char *bureau = shk_measure_get_bureau (measure);

          if (*bureau != '\0' && g_hash_table_add (seen, (gpointer) bureau))
            g_ptr_array_add (bureaus, g_strdup (bureau));
        }
      g_ptr_array_sort (bureaus, compare_strings);
    }

  replace_items (self->policy_filter, self->policy_items, policies);
  replace_items (self->bureau_filter, self->bureau_items, bureaus);
}


/* The grade filter's scope: each evaluation, then "any"; the reporting
 * evaluation is the natural choice. */
static void
update_scope_items (ShkMeasureFilterBar *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  ShkEvaluation *reporting = reporting_evaluation (self);
  guint choice = 0;
  guint n = 0;

  if (self->plan != NULL)
    {
      GListModel *evaluations = shk_plan_get_evaluations (self->plan);

      n = g_list_model_get_n_items (evaluations);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(ShkEvaluation) evaluation = g_list_model_get_item (evaluations, i);

          g_strv_builder_add (ids, shk_evaluation_get_id (evaluation));
          g_ptr_array_add (labels, g_strdup_printf (_("in %s"), shk_evaluation_get_id (evaluation)));
          if (evaluation == reporting)
            choice = i;
        }
    }
  g_ptr_array_add (labels, g_strdup (_("in any evaluation")));
  g_ptr_array_add (labels, NULL);

  g_strfreev (self->scope_ids);
  self->scope_ids = g_strv_builder_end (ids);
  gtk_string_list_splice (self->scope_items, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->scope_items)),
                          (const char * const *) labels->pdata);
  gtk_drop_down_set_selected (self->scope_filter, choice);
}


/* Long policy names would make the toolbar wide: the button ellipsizes,
 * the list shows them whole. */
static void
setup_filter_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  gtk_list_item_set_child (item, label);
}


static void
bind_filter_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (string));
}


static void
set_filter_factories (GtkDropDown *drop_down)
{
  GtkListItemFactory *button = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_filter_label), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_filter_label), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_filter_label), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_filter_label), NULL);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, list);
  g_object_unref (button);
  g_object_unref (list);
}


static void
setup_filters (ShkMeasureFilterBar *self)
{
  g_autoptr(GtkStringList) grades = gtk_string_list_new ((const char * const []) { _("All Grades"), NULL });
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  for (guint i = 0; i < G_N_ELEMENTS (filter_grades); i++)
    {
      g_autofree char *label = NULL;

      if (filter_grades[i] == SHK_GRADE_NONE)
        label = g_strdup (_("Not evaluated"));
      else
        label = g_strdup_printf ("%s %s", shk_grade_to_symbol (filter_grades[i]),
                                 shk_grade_get_label (filter_grades[i]));
      gtk_string_list_append (grades, label);
    }

  self->policy_items = gtk_string_list_new ((const char * const []) { _("All Policies"), NULL });
  self->bureau_items = gtk_string_list_new ((const char * const []) { _("All Bureaus"), NULL });
  self->scope_items = gtk_string_list_new (NULL);
  self->policy_numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  set_filter_factories (self->policy_filter);
  set_filter_factories (self->grade_filter);
  gtk_drop_down_set_model (self->policy_filter, G_LIST_MODEL (self->policy_items));
  gtk_drop_down_set_model (self->bureau_filter, G_LIST_MODEL (self->bureau_items));
  gtk_drop_down_set_model (self->grade_filter, G_LIST_MODEL (grades));
  gtk_drop_down_set_model (self->scope_filter, G_LIST_MODEL (self->scope_items));
  /* The drop-down takes a reference of its own. */
  gtk_drop_down_set_expression (self->bureau_filter, expression);

  g_signal_connect_swapped (self->policy_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->bureau_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->grade_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->scope_filter, "notify::selected", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed), self);

  shk_drop_down_a11y_follow (self->policy_filter, _("Policy"));
  shk_drop_down_a11y_follow (self->bureau_filter, _("Bureau"));
  shk_drop_down_a11y_follow (self->grade_filter, _("Grade"));
  shk_drop_down_a11y_follow (self->scope_filter, _("Evaluation Filtered"));
}


/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
shk_measure_filter_bar_dispose (GObject *object)
{
  ShkMeasureFilterBar *self = SHK_MEASURE_FILTER_BAR (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHK_TYPE_MEASURE_FILTER_BAR);

  G_OBJECT_CLASS (shk_measure_filter_bar_parent_class)->dispose (object);
}

static void
shk_measure_filter_bar_finalize (GObject *object)
{
  ShkMeasureFilterBar *self = SHK_MEASURE_FILTER_BAR (object);

  g_clear_object (&self->filter);
  g_clear_object (&self->policy_items);
  g_clear_object (&self->bureau_items);
  g_clear_object (&self->scope_items);
  g_clear_pointer (&self->scope_ids, g_strfreev);
  g_clear_pointer (&self->policy_numbers, g_array_unref);

  G_OBJECT_CLASS (shk_measure_filter_bar_parent_class)->finalize (object);
}

static void
shk_measure_filter_bar_class_init (ShkMeasureFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shk_measure_filter_bar_dispose;
  object_class->finalize = shk_measure_filter_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shinchoku/Shinchoku/shk-measure-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureFilterBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureFilterBar, policy_filter);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureFilterBar, bureau_filter);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureFilterBar, grade_filter);
  gtk_widget_class_bind_template_child (widget_class, ShkMeasureFilterBar, scope_filter);

  /* The filters wrap onto a second line in a narrow window. */
  gtk_widget_class_set_layout_manager_type (widget_class, SHK_TYPE_WRAP_LAYOUT);
}

static void
shk_measure_filter_bar_init (ShkMeasureFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The same spacing as the toolbar around it. */

  self->filter = gtk_custom_filter_new (filter_measure, self, NULL);
  setup_filters (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkFilter *
shk_measure_filter_bar_get_filter (ShkMeasureFilterBar *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_FILTER_BAR (self), NULL);

  return GTK_FILTER (self->filter);
}

void
shk_measure_filter_bar_set_plan (ShkMeasureFilterBar *self,
                                 ShkPlan             *plan)
{
  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));

  g_set_object (&self->plan, plan);
}

void
shk_measure_filter_bar_update_items (ShkMeasureFilterBar *self,
                                     gboolean             evaluations_changed)
{
  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));

  if (evaluations_changed)
    update_scope_items (self);
  update_filter_items (self);
}

void
shk_measure_filter_bar_note_measure (ShkMeasureFilterBar *self,
                                     ShkMeasure          *measure)
{
  const char *bureau;
  guint n;

  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));
  g_return_if_fail (SHK_IS_MEASURE (measure));

  bureau = shk_measure_get_bureau (measure);
  if (*bureau == '\0')
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->bureau_items));
  for (guint i = 1; i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->bureau_items, i), bureau))
      return;
  update_filter_items (self);
}

gboolean
shk_measure_filter_bar_matches (ShkMeasureFilterBar *self,
                                ShkMeasure          *measure)
{
  g_return_val_if_fail (SHK_IS_MEASURE_FILTER_BAR (self), FALSE);

  return filter_measure (measure, self);
}

void
shk_measure_filter_bar_clear (ShkMeasureFilterBar *self)
{
  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->policy_filter, 0);
  gtk_drop_down_set_selected (self->bureau_filter, 0);
  gtk_drop_down_set_selected (self->grade_filter, 0);
  on_filter_changed (self);
}

guint
shk_measure_filter_bar_get_policy (ShkMeasureFilterBar *self)
{
  guint selected;

  g_return_val_if_fail (SHK_IS_MEASURE_FILTER_BAR (self), 0);

  selected = gtk_drop_down_get_selected (self->policy_filter);
  if (selected > 0 && selected <= self->policy_numbers->len)
    return g_array_index (self->policy_numbers, guint, selected - 1);
  return 0;
}

guint
shk_measure_filter_bar_get_first_policy (ShkMeasureFilterBar *self)
{
  g_return_val_if_fail (SHK_IS_MEASURE_FILTER_BAR (self), 0);

  return self->policy_numbers->len > 0 ? g_array_index (self->policy_numbers, guint, 0) : 0;
}

void
shk_measure_filter_bar_focus_search (ShkMeasureFilterBar *self)
{
  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
shk_measure_filter_bar_set_search (ShkMeasureFilterBar *self,
                                   const char          *text)
{
  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* The entry reports changes after a delay; filter now. */
  on_filter_changed (self);
}

void
shk_measure_filter_bar_set_policy (ShkMeasureFilterBar *self,
                                   guint                policy_number)
{
  guint choice = 0;

  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));

  for (guint i = 0; policy_number != 0 && i < self->policy_numbers->len; i++)
    if (g_array_index (self->policy_numbers, guint, i) == policy_number)
      choice = i + 1;
  g_return_if_fail (policy_number == 0 || choice != 0);
  gtk_drop_down_set_selected (self->policy_filter, choice);
}

void
shk_measure_filter_bar_set_bureau (ShkMeasureFilterBar *self,
                                   const char          *bureau)
{
  guint n, choice = 0;

  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->bureau_items));
  for (guint i = 1; bureau != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (self->bureau_items, i), bureau))
      choice = i;
  g_return_if_fail (bureau == NULL || choice != 0);
  gtk_drop_down_set_selected (self->bureau_filter, choice);
}

void
shk_measure_filter_bar_set_grade (ShkMeasureFilterBar *self,
                                  int                  grade,
                                  const char          *evaluation_id)
{
  guint choice = 0, scope;

  g_return_if_fail (SHK_IS_MEASURE_FILTER_BAR (self));
  g_return_if_fail (grade < SHK_N_GRADES);

  for (guint i = 0; grade >= 0 && i < G_N_ELEMENTS (filter_grades); i++)
    if ((int) filter_grades[i] == grade)
      choice = i + 1;

  /* The last scope item is "any evaluation". */
  scope = self->scope_ids != NULL ? g_strv_length (self->scope_ids) : 0;
  for (guint i = 0; evaluation_id != NULL && self->scope_ids[i] != NULL; i++)
    if (g_str_equal (self->scope_ids[i], evaluation_id))
      scope = i;

  gtk_drop_down_set_selected (self->scope_filter, scope);
  gtk_drop_down_set_selected (self->grade_filter, choice);
}
