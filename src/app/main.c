/* main.c — the shinchoku executable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "shk-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShkApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = shk_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
