/* shk-types.c — enumerations shared by the whole core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shk-types.h"

static const GEnumValue grade_values[] = {
  { SHK_GRADE_NONE, "SHK_GRADE_NONE", "none" },
  { SHK_GRADE_ACHIEVED, "SHK_GRADE_ACHIEVED", "achieved" },
  { SHK_GRADE_MOSTLY, "SHK_GRADE_MOSTLY", "mostly" },
  { SHK_GRADE_LAGGING, "SHK_GRADE_LAGGING", "lagging" },
  { SHK_GRADE_PENDING, "SHK_GRADE_PENDING", "pending" },
  { 0, NULL, NULL },
};

static const GEnumValue direction_values[] = {
  { SHK_DIRECTION_HIGHER_IS_BETTER, "SHK_DIRECTION_HIGHER_IS_BETTER", "higher" },
  { SHK_DIRECTION_LOWER_IS_BETTER, "SHK_DIRECTION_LOWER_IS_BETTER", "lower" },
  { 0, NULL, NULL },
};

static const GEnumValue priority_values[] = {
  { SHK_PRIORITY_UNSET, "SHK_PRIORITY_UNSET", "" },
  { SHK_PRIORITY_HIGH, "SHK_PRIORITY_HIGH", "high" },
  { SHK_PRIORITY_MEDIUM, "SHK_PRIORITY_MEDIUM", "medium" },
  { SHK_PRIORITY_LOW, "SHK_PRIORITY_LOW", "low" },
  { SHK_PRIORITY_EXCLUDED, "SHK_PRIORITY_EXCLUDED", "excluded" },
  { SHK_PRIORITY_ALREADY_EFFICIENT, "SHK_PRIORITY_ALREADY_EFFICIENT", "already_efficient" },
  { 0, NULL, NULL },
};

GType
shk_grade_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("ShkGrade", grade_values));
  return type;
}

GType
shk_direction_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("ShkDirection", direction_values));
  return type;
}

GType
shk_priority_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("ShkPriority", priority_values));
  return type;
}

const char *
shk_grade_to_symbol (ShkGrade grade)
{
  switch (grade)
    {
    case SHK_GRADE_ACHIEVED: return "◎";
    case SHK_GRADE_MOSTLY:   return "○";
    case SHK_GRADE_LAGGING:  return "△";
    case SHK_GRADE_PENDING:  return "－";
    case SHK_GRADE_NONE:
    default:                 return "";
    }
}

gboolean
shk_grade_from_symbol (const char *symbol,
                       ShkGrade   *grade)
{
  /* The handouts' tables use the ASCII hyphen and look-alikes for －;
   * staff typing on a Japanese keyboard produce the full-width forms. */
  static const struct { const char *text; ShkGrade grade; } symbols[] = {
    { "", SHK_GRADE_NONE },
    { "◎", SHK_GRADE_ACHIEVED },
    { "○", SHK_GRADE_MOSTLY },
    { "〇", SHK_GRADE_MOSTLY },
    { "△", SHK_GRADE_LAGGING },
    { "－", SHK_GRADE_PENDING },
    { "-", SHK_GRADE_PENDING },
    { "ー", SHK_GRADE_PENDING },
    { "―", SHK_GRADE_PENDING },
    { "−", SHK_GRADE_PENDING },
  };

  g_return_val_if_fail (grade != NULL, FALSE);

  if (symbol == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      if (g_str_equal (symbol, symbols[i].text))
        {
          *grade = symbols[i].grade;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
shk_grade_get_label (ShkGrade grade)
{
  switch (grade)
    {
    case SHK_GRADE_ACHIEVED: return _("Fully achieved");
    case SHK_GRADE_MOSTLY:   return _("Mostly achieved");
    case SHK_GRADE_LAGGING:  return _("Not really achieved");
    case SHK_GRADE_PENDING:  return _("Not started or under consideration");
    case SHK_GRADE_NONE:
    default:                 return _("Not evaluated");
    }
}

const char *
shk_grade_to_key (ShkGrade grade)
{
  if ((guint) grade >= SHK_N_GRADES)
    return "none";
  return grade_values[grade].value_nick;
}

const char *
shk_direction_to_key (ShkDirection direction)
{
  return direction == SHK_DIRECTION_LOWER_IS_BETTER ? "lower" : "higher";
}

gboolean
shk_direction_from_key (const char   *key,
                        ShkDirection *direction)
{
  g_return_val_if_fail (direction != NULL, FALSE);

  if (g_strcmp0 (key, "higher") == 0)
    *direction = SHK_DIRECTION_HIGHER_IS_BETTER;
  else if (g_strcmp0 (key, "lower") == 0)
    *direction = SHK_DIRECTION_LOWER_IS_BETTER;
  else
    return FALSE;
  return TRUE;
}

const char *
shk_priority_to_key (ShkPriority priority)
{
  if ((guint) priority >= SHK_N_PRIORITIES)
    return "";
  return priority_values[priority].value_nick;
}

gboolean
shk_priority_from_key (const char  *key,
                       ShkPriority *priority)
{
  g_return_val_if_fail (priority != NULL, FALSE);

  if (key == NULL)
    return FALSE;

  for (guint i = 0; i < SHK_N_PRIORITIES; i++)
    {
      if (g_str_equal (key, priority_values[i].value_nick))
        {
          *priority = (ShkPriority) priority_values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
shk_priority_get_label (ShkPriority priority)
{
  /* The labels of 資料1-3 §3-1, so the window reads like the handouts. */
  switch (priority)
    {
    case SHK_PRIORITY_HIGH:              return _("Priority (high)");
    case SHK_PRIORITY_MEDIUM:            return _("Priority (medium)");
    case SHK_PRIORITY_LOW:               return _("Priority (low)");
    case SHK_PRIORITY_EXCLUDED:          return _("Excluded");
    case SHK_PRIORITY_ALREADY_EFFICIENT: return _("Already efficient or under review");
    case SHK_PRIORITY_UNSET:
    default:                             return _("Not classified");
    }
}
