/* main.c — the shinchoku executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shk-application.h"
#include "shk-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShkApplication) application = NULL;

  shk_application_prepare_environment ();
  shk_locale_init ();

  application = shk_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
