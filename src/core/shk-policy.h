/* shk-policy.h — a policy (施策) that groups measures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHK_TYPE_POLICY (shk_policy_get_type ())
G_DECLARE_FINAL_TYPE (ShkPolicy, shk_policy, SHK, POLICY, GObject)

ShkPolicy  *shk_policy_new        (guint       number,
                                   const char *name);
guint       shk_policy_get_number (ShkPolicy  *self);
void        shk_policy_set_number (ShkPolicy  *self,
                                   guint       number);
const char *shk_policy_get_name   (ShkPolicy  *self);
void        shk_policy_set_name   (ShkPolicy  *self,
                                   const char *name);

G_END_DECLS
