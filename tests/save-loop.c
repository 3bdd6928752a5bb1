/* save-loop.c — saves two documents in turn, to be killed, for the kill test
 *
 *   save-loop TARGET COPY_A COPY_B --once
 *   save-loop TARGET COPY_A COPY_B --serve
 *
 * Writes what the two documents serialise to, byte for byte, to COPY_A
 * and COPY_B (so that the test can compare). --once saves A to TARGET and
 * exits. --serve prints "ready" and then answers commands on standard
 * input: "start" forks a process that saves B, A, B, … to TARGET through
 * ShkDocument for ever; "kill" kills that process with SIGKILL, reaps it
 * and prints "killed" (or "exited N" if it had stopped by itself). Forking
 * from one prepared process keeps a round short, so that some 300 kills
 * fit in the test's time; the kill is still a real kill -9 of a process
 * in the middle of its saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shk-document.h"
#include "shk-format.h"

static ShkDocument *
document_titled (const char *title)
{
  ShkDocument *document = shk_document_new_builtin ();

  shk_plan_set_title (shk_document_get_plan (document), title);
  return document;
}

static void
write_copy (ShkDocument *document,
            const char  *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  data = shk_format_to_data (shk_document_get_plan (document), &length);
  if (!g_file_set_contents (path, data, (gssize) length, &error))
    g_error ("%s", error->message);
}

static void
save (ShkDocument *document,
      GFile       *target)
{
  g_autoptr(GError) error = NULL;

  /* Overwriting: the other document wrote the file last. */
  if (!shk_document_save (document, target, TRUE, NULL, &error))
    {
      g_printerr ("save-loop: %s\n", error->message);
      _exit (1);
    }
}

static G_NORETURN void
save_for_ever (ShkDocument *a,
               ShkDocument *b,
               GFile       *target)
{
  for (;;)
    {
      save (b, target);
      save (a, target);
    }
}

static int
serve (ShkDocument *a,
       ShkDocument *b,
       GFile       *target)
{
  char command[64];
  pid_t child = -1;

  printf ("ready\n");
  fflush (stdout);
  while (fgets (command, sizeof command, stdin) != NULL)
    {
      if (g_str_has_prefix (command, "start") && child < 0)
        {
          child = fork ();
          if (child < 0)
            return 1;
          if (child == 0)
            save_for_ever (a, b, target);
          printf ("started\n");
        }
      else if (g_str_has_prefix (command, "kill") && child > 0)
        {
          int status = 0;

          kill (child, SIGKILL);
          waitpid (child, &status, 0);
          child = -1;
          if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
            printf ("killed\n");
          else
            printf ("exited %d\n", WIFEXITED (status) ? WEXITSTATUS (status) : -1);
        }
      else
        printf ("what?\n");
      fflush (stdout);
    }
  if (child > 0)
    {
      kill (child, SIGKILL);
      waitpid (child, NULL, 0);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ShkDocument) a = NULL;
  g_autoptr(ShkDocument) b = NULL;
  g_autoptr(GFile) target = NULL;

  if (argc != 5 || (!g_str_equal (argv[4], "--once") && !g_str_equal (argv[4], "--serve")))
    {
      g_printerr ("usage: save-loop TARGET COPY_A COPY_B --once|--serve\n");
      return 2;
    }

  a = document_titled ("Document A");
  /* A different length too, so that a mix of the two shows. */
  b = document_titled ("Document B, the other of the two documents");
  write_copy (a, argv[2]);
  write_copy (b, argv[3]);
  target = g_file_new_for_commandline_arg (argv[1]);

  if (g_str_equal (argv[4], "--once"))
    {
      save (a, target);
      return 0;
    }
  return serve (a, b, target);
}
