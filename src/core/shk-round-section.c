/* shk-round-section.c — one section of a request round, as it stands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "shk-format.h"
#include "shk-round-section.h"

struct _ShkRoundSection
{
  GObject         parent_instance;

  char           *section;
  char           *measures;
  GArray         *numbers;   /* guint */
  ShkReplyStatus  status;
  char           *due;
  char           *file;
  char           *message;
};

G_DEFINE_FINAL_TYPE (ShkRoundSection, shk_round_section, G_TYPE_OBJECT)

/* Read-only properties, so that list factories can look them up in
 * GtkExpressions. */
enum
{
  PROP_0,
  PROP_SECTION,
  PROP_MEASURES,
  PROP_NUMBERS,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_DUE,
  PROP_FILE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "No.1, No.3" */
static char *
format_measures (GArray *numbers)
{
  GString *text = g_string_new (NULL);

  for (guint m = 0; m < numbers->len; m++)
    g_string_append_printf (text, "%sNo.%u", m > 0 ? ", " : "",
                            g_array_index (numbers, guint, m));
  return g_string_free (text, FALSE);
}

ShkRoundSection *
shk_round_section_new (const char     *section,
                       GArray         *measures,
                       ShkReplyStatus  status,
                       const char     *due,
                       const char     *file,
                       const char     *message)
{
  ShkRoundSection *self;

  g_return_val_if_fail (section != NULL, NULL);

  self = g_object_new (SHK_TYPE_ROUND_SECTION, NULL);
  self->section = g_strdup (section);
  self->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  if (measures != NULL)
    g_array_append_vals (self->numbers, measures->data, measures->len);
  self->measures = format_measures (self->numbers);
  self->status = status;
  self->due = g_strdup (due);
  self->file = g_strdup (file);
  self->message = g_strdup (message);
  return self;
}

ShkRoundSection *
shk_round_section_new_status (ShkRoundSection *self,
                              ShkReplyStatus   status,
                              const char      *file,
                              const char      *message)
{
  ShkRoundSection *next;

  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);

  next = shk_round_section_new (self->section, self->numbers, status, self->due,
                                file != NULL ? file : self->file, message);
  /* What another tool keeps about the section stays with it. */
  shk_format_copy_unknown (self, next);
  return next;
}

const char *
shk_round_section_get_section (ShkRoundSection *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);
  return self->section;
}

const char *
shk_round_section_get_measures (ShkRoundSection *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);
  return self->measures;
}

GArray *
shk_round_section_get_measure_numbers (ShkRoundSection *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);
  return self->numbers;
}

char *
shk_round_section_dup_numbers (ShkRoundSection *self)
{
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);

  /* Pango may break "No.16" after its full stop when a list wraps; bare
   * numbers under a "No." heading break only between measures. */
  parts = g_strsplit (self->measures, "No.", -1);
  return g_strjoinv ("", parts);
}

ShkReplyStatus
shk_round_section_get_status (ShkRoundSection *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), SHK_REPLY_MISSING);
  return self->status;
}

const char *
shk_round_section_get_due (ShkRoundSection *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);
  return self->due;
}

const char *
shk_round_section_get_file (ShkRoundSection *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);
  return self->file;
}

const char *
shk_round_section_get_message (ShkRoundSection *self)
{
  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), NULL);
  return self->message;
}

gboolean
shk_round_section_is_overdue (ShkRoundSection *self,
                              const GDate     *today)
{
  GDate due;
  int year = 0, month = 0, day = 0;

  g_return_val_if_fail (SHK_IS_ROUND_SECTION (self), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (self->status == SHK_REPLY_REPLIED || self->due == NULL)
    return FALSE;
  /* shk_request_check_options() let only "YYYY-MM-DD" through. */
  if (sscanf (self->due, "%d-%d-%d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (&due, 1);
  g_date_set_dmy (&due, day, month, year);
  return g_date_compare (today, &due) > 0;
}

const char *
shk_round_status_get_label (ShkReplyStatus status)
{
  switch (status)
    {
    case SHK_REPLY_REPLIED:
      return _("Replied");
    case SHK_REPLY_REFUSED:
      return _("Refused");
    case SHK_REPLY_MISSING:
    default:
      return _("Not yet");
    }
}

static void
shk_round_section_finalize (GObject *object)
{
  ShkRoundSection *self = SHK_ROUND_SECTION (object);

  g_free (self->section);
  g_free (self->measures);
  g_array_unref (self->numbers);
  g_free (self->due);
  g_free (self->file);
  g_free (self->message);

  G_OBJECT_CLASS (shk_round_section_parent_class)->finalize (object);
}

static void
shk_round_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ShkRoundSection *self = SHK_ROUND_SECTION (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_MEASURES:
      g_value_set_string (value, self->measures);
      break;
    case PROP_NUMBERS:
      g_value_take_string (value, shk_round_section_dup_numbers (self));
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, shk_round_status_get_label (self->status));
      break;
    case PROP_DUE:
      g_value_set_string (value, self->due);
      break;
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shk_round_section_class_init (ShkRoundSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = shk_round_section_finalize;
  object_class->get_property = shk_round_section_get_property;

  properties[PROP_SECTION] = g_param_spec_string ("section", NULL, NULL, NULL, flags);
  properties[PROP_MEASURES] = g_param_spec_string ("measures", NULL, NULL, NULL, flags);
  properties[PROP_NUMBERS] = g_param_spec_string ("numbers", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, SHK_REPLY_REPLIED,
                                              SHK_REPLY_MISSING, SHK_REPLY_MISSING, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_DUE] = g_param_spec_string ("due", NULL, NULL, NULL, flags);
  properties[PROP_FILE] = g_param_spec_string ("file", NULL, NULL, NULL, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
shk_round_section_init (ShkRoundSection *self)
{
}
