/* test-undo.c — the undo history on its own, with a counter as the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shk-undo.h"

/* The "model": a value and a log of what was applied to it. */
typedef struct
{
  int      value;
  GString *log;
} Model;

/* One edit: adds @delta to the model. */
typedef struct
{
  Model        *model;
  int           delta;
  ShkUndoStack *stack;      /* set when the edit pushes during an undo */
  guint        *destroyed;  /* counts destroy calls */
} Edit;

static void
edit_apply (gpointer data,
            gboolean redo)
{
  Edit *edit = data;

  edit->model->value += redo ? edit->delta : -edit->delta;
  g_string_append_printf (edit->model->log, "%c%d ", redo ? '+' : '-', edit->delta);
}

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  if (edit->destroyed != NULL)
    (*edit->destroyed)++;
  g_free (edit);
}

static void
do_edit (ShkUndoStack *stack,
         Model        *model,
         int           delta,
         guint        *destroyed)
{
  Edit *edit = g_new0 (Edit, 1);
  g_autofree char *label = g_strdup_printf ("Add %d", delta);

  edit->model = model;
  edit->delta = delta;
  edit->destroyed = destroyed;
  model->value += delta;
  shk_undo_stack_push (stack, label, edit_apply, edit, edit_free);
}

static void
test_push_undo_redo (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  Model model = { 0, g_string_new (NULL) };

  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_false (shk_undo_stack_can_redo (stack));
  g_assert_null (shk_undo_stack_get_undo_label (stack));
  g_assert_false (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_redo (stack));

  do_edit (stack, &model, 1, NULL);
  do_edit (stack, &model, 10, NULL);
  do_edit (stack, &model, 100, NULL);
  g_assert_cmpint (model.value, ==, 111);
  g_assert_true (shk_undo_stack_can_undo (stack));
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Add 100");

  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpint (model.value, ==, 11);
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpint (model.value, ==, 1);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Add 1");
  g_assert_cmpstr (shk_undo_stack_get_redo_label (stack), ==, "Add 10");
  g_assert_true (shk_undo_stack_can_redo (stack));

  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_cmpint (model.value, ==, 11);
  g_assert_cmpstr (shk_undo_stack_get_redo_label (stack), ==, "Add 100");

  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpint (model.value, ==, 0);
  g_assert_false (shk_undo_stack_undo (stack));
  g_assert_cmpint (model.value, ==, 0);

  g_assert_cmpstr (model.log->str, ==, "-100 -10 +10 -10 -1 ");
  g_string_free (model.log, TRUE);
}

static void
test_push_drops_redo (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  Model model = { 0, g_string_new (NULL) };
  guint destroyed = 0;

  do_edit (stack, &model, 1, &destroyed);
  do_edit (stack, &model, 2, &destroyed);
  do_edit (stack, &model, 3, &destroyed);
  shk_undo_stack_undo (stack);
  shk_undo_stack_undo (stack);
  g_assert_cmpint (model.value, ==, 1);

  /* A new edit replaces what could be redone, and frees it. */
  do_edit (stack, &model, 5, &destroyed);
  g_assert_cmpuint (destroyed, ==, 2);
  g_assert_false (shk_undo_stack_can_redo (stack));
  g_assert_cmpint (model.value, ==, 6);
  shk_undo_stack_undo (stack);
  shk_undo_stack_undo (stack);
  g_assert_cmpint (model.value, ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));

  g_clear_object (&stack);
  g_assert_cmpuint (destroyed, ==, 4);
  g_string_free (model.log, TRUE);
}

static void
test_groups (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  Model model = { 0, g_string_new (NULL) };

  shk_undo_stack_begin_group (stack, "Paste");
  do_edit (stack, &model, 1, NULL);
  /* Nested groups fold into the outermost one. */
  shk_undo_stack_begin_group (stack, "Inner");
  do_edit (stack, &model, 2, NULL);
  shk_undo_stack_end_group (stack);
  do_edit (stack, &model, 3, NULL);
  shk_undo_stack_end_group (stack);

  g_assert_cmpint (model.value, ==, 6);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste");

  /* One undo reverts the whole group, last edit first. */
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_cmpint (model.value, ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_cmpstr (model.log->str, ==, "-3 -2 -1 ");

  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_cmpint (model.value, ==, 6);
  g_assert_cmpstr (model.log->str, ==, "-3 -2 -1 +1 +2 +3 ");

  /* An empty group leaves no entry behind. */
  shk_undo_stack_begin_group (stack, "Nothing");
  shk_undo_stack_end_group (stack);
  g_assert_cmpstr (shk_undo_stack_get_undo_label (stack), ==, "Paste");
  g_assert_true (shk_undo_stack_undo (stack));
  g_assert_false (shk_undo_stack_can_undo (stack));

  g_string_free (model.log, TRUE);
}

static void
test_clean_point (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  Model model = { 0, g_string_new (NULL) };
  gboolean clean = FALSE;

  g_assert_true (shk_undo_stack_is_clean (stack));

  do_edit (stack, &model, 1, NULL);
  g_object_get (stack, "clean", &clean, NULL);
  g_assert_false (clean);
  g_assert_false (shk_undo_stack_is_clean (stack));

  /* Back to the state it started in: clean again. */
  shk_undo_stack_undo (stack);
  g_assert_true (shk_undo_stack_is_clean (stack));
  shk_undo_stack_redo (stack);
  g_assert_false (shk_undo_stack_is_clean (stack));

  do_edit (stack, &model, 2, NULL);
  shk_undo_stack_mark_clean (stack);   /* saved at value 3 */
  g_assert_true (shk_undo_stack_is_clean (stack));
  shk_undo_stack_undo (stack);
  g_assert_false (shk_undo_stack_is_clean (stack));
  shk_undo_stack_redo (stack);
  g_assert_true (shk_undo_stack_is_clean (stack));

  /* Undo past the saved state and edit: the saved state is gone for good,
   * whatever is undone or redone afterwards. */
  shk_undo_stack_undo (stack);
  shk_undo_stack_undo (stack);
  do_edit (stack, &model, 7, NULL);
  g_assert_false (shk_undo_stack_is_clean (stack));
  shk_undo_stack_undo (stack);
  g_assert_false (shk_undo_stack_is_clean (stack));
  shk_undo_stack_redo (stack);
  g_assert_false (shk_undo_stack_is_clean (stack));

  /* Clearing the history keeps unsaved changes unsaved. */
  shk_undo_stack_clear (stack);
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_false (shk_undo_stack_is_clean (stack));
  shk_undo_stack_mark_clean (stack);
  shk_undo_stack_clear (stack);
  g_assert_true (shk_undo_stack_is_clean (stack));

  g_string_free (model.log, TRUE);
}

/* An undo that itself goes through the edit path must not record itself. */
static void
pushing_apply (gpointer data,
               gboolean redo)
{
  Edit *edit = data;

  g_assert_true (shk_undo_stack_is_applying (edit->stack));
  edit_apply (data, redo);
  do_edit (edit->stack, edit->model, 1000, edit->destroyed);
  edit->model->value -= 1000;   /* the ignored push's own change */
}

static void
test_push_while_applying_ignored (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  Model model = { 0, g_string_new (NULL) };
  guint destroyed = 0;
  Edit *edit = g_new0 (Edit, 1);

  edit->model = &model;
  edit->delta = 4;
  edit->stack = stack;
  edit->destroyed = &destroyed;
  model.value = 4;
  shk_undo_stack_push (stack, "Add 4", pushing_apply, edit, edit_free);
  g_assert_false (shk_undo_stack_is_applying (stack));

  g_assert_true (shk_undo_stack_undo (stack));
  /* The push made during the undo was dropped and its data freed. */
  g_assert_cmpuint (destroyed, ==, 1);
  g_assert_cmpint (model.value, ==, 0);
  g_assert_false (shk_undo_stack_can_undo (stack));
  g_assert_true (shk_undo_stack_can_redo (stack));
  g_assert_cmpstr (shk_undo_stack_get_redo_label (stack), ==, "Add 4");

  g_assert_true (shk_undo_stack_redo (stack));
  g_assert_cmpuint (destroyed, ==, 2);
  g_assert_cmpint (model.value, ==, 4);
  g_assert_false (shk_undo_stack_can_redo (stack));

  g_string_free (model.log, TRUE);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_signals (void)
{
  g_autoptr(ShkUndoStack) stack = shk_undo_stack_new ();
  Model model = { 0, g_string_new (NULL) };
  guint can_undo_notifies = 0, pushed = 0, changed = 0;

  g_signal_connect (stack, "notify::can-undo", G_CALLBACK (count_notify), &can_undo_notifies);
  g_signal_connect (stack, "pushed", G_CALLBACK (count_signal), &pushed);
  g_signal_connect (stack, "changed", G_CALLBACK (count_signal), &changed);

  do_edit (stack, &model, 1, NULL);
  do_edit (stack, &model, 2, NULL);
  g_assert_cmpuint (can_undo_notifies, ==, 1);  /* only when it flips */
  g_assert_cmpuint (pushed, ==, 2);
  shk_undo_stack_undo (stack);
  shk_undo_stack_undo (stack);
  g_assert_cmpuint (can_undo_notifies, ==, 2);
  g_assert_cmpuint (pushed, ==, 2);             /* undo is not a push */
  g_assert_cmpuint (changed, ==, 4);

  g_string_free (model.log, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/push-undo-redo", test_push_undo_redo);
  g_test_add_func ("/undo/push-drops-redo", test_push_drops_redo);
  g_test_add_func ("/undo/groups", test_groups);
  g_test_add_func ("/undo/clean-point", test_clean_point);
  g_test_add_func ("/undo/push-while-applying", test_push_while_applying_ignored);
  g_test_add_func ("/undo/signals", test_signals);

  return g_test_run ();
}
