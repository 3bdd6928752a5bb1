/* fault-inject.c — makes real system calls fail, for the safe-save tests
 *
 * Loaded with LD_PRELOAD into test-safe-save. It wraps write, fsync,
 * rename, link and the creating opens, passing each call on to the C
 * library (dlsym RTLD_NEXT) until the test arms a fault: then the Nth call
 * of one kind fails with the errno the test chose, or, for write, the
 * writes stop after a byte budget (a short write, then the error) as on a
 * disk that fills up. The test finds the control functions below with
 * dlsym(RTLD_DEFAULT): when they are missing, the library was not
 * preloaded and the fault tests skip.
 *
 * Only opens that create a file (O_CREAT) are counted, so that the reads
 * the code under test makes do not shift the count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The callers' open may be open64 (_FILE_OFFSET_BITS=64, which Meson
 * sets): this file defines both under their own names. */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* Exported for the test, not declared in any header. */
void     shk_fault_arm      (const char *call, unsigned nth, long byte_budget, int err);
void     shk_fault_disarm   (void);
unsigned shk_fault_calls    (void);
unsigned shk_fault_failures (void);

static struct
{
  int      armed;
  char     call[16];
  unsigned nth;          /* 0: never by count */
  long     byte_budget;  /* < 0: no budget */
  int      err;
  unsigned calls;        /* calls of that kind since armed */
  unsigned failures;
  long     bytes;
} fault;

void
shk_fault_arm (const char *call,
               unsigned    nth,
               long        byte_budget,
               int         err)
{
  memset (&fault, 0, sizeof fault);
  snprintf (fault.call, sizeof fault.call, "%s", call);
  fault.nth = nth;
  fault.byte_budget = byte_budget;
  fault.err = err;
  fault.armed = 1;
}

void
shk_fault_disarm (void)
{
  fault.armed = 0;
}

unsigned
shk_fault_calls (void)
{
  return fault.calls;
}

unsigned
shk_fault_failures (void)
{
  return fault.failures;
}

/* Counts a call of @call; TRUE when it is to fail (errno set). */
static int
should_fail (const char *call)
{
  if (!fault.armed || strcmp (fault.call, call) != 0)
    return 0;
  fault.calls++;
  if (fault.nth != 0 && fault.calls == fault.nth)
    {
      fault.failures++;
      errno = fault.err;
      return 1;
    }
  return 0;
}

#define REAL(name) \
  static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

ssize_t
write (int         fd,
       const void *buffer,
       size_t      count)
{
  REAL (write);

  if (should_fail ("write"))
    return -1;
  if (fault.armed && strcmp (fault.call, "write") == 0 && fault.byte_budget >= 0)
    {
      long left = fault.byte_budget - fault.bytes;

      if (left <= 0)
        {
          fault.failures++;
          errno = fault.err;
          return -1;
        }
      if ((long) count > left)
        count = (size_t) left;
      fault.bytes += (long) count;
    }
  return real_write (fd, buffer, count);
}

int
fsync (int fd)
{
  REAL (fsync);

  if (should_fail ("fsync"))
    return -1;
  return real_fsync (fd);
}

int
rename (const char *from,
        const char *to)
{
  REAL (rename);

  if (should_fail ("rename"))
    return -1;
  return real_rename (from, to);
}

int
renameat (int         from_dir,
          const char *from,
          int         to_dir,
          const char *to)
{
  REAL (renameat);

  if (should_fail ("rename"))
    return -1;
  return real_renameat (from_dir, from, to_dir, to);
}

int
link (const char *from,
      const char *to)
{
  REAL (link);

  if (should_fail ("link"))
    return -1;
  return real_link (from, to);
}

int
linkat (int         from_dir,
        const char *from,
        int         to_dir,
        const char *to,
        int         flags)
{
  REAL (linkat);

  if (should_fail ("link"))
    return -1;
  return real_linkat (from_dir, from, to_dir, to, flags);
}

/* With _FILE_OFFSET_BITS=64 the callers' open is open64: wrap both. */
#define WRAP_OPEN(name) \
  int name (const char *path, int flags, ...) \
  { \
    mode_t mode = 0; \
    REAL (name); \
    if ((flags & O_CREAT) != 0) \
      { \
        va_list args; \
        va_start (args, flags); \
        mode = (mode_t) va_arg (args, int); \
        va_end (args); \
        if (should_fail ("open")) \
          return -1; \
      } \
    return real_##name (path, flags, mode); \
  }

#define WRAP_OPENAT(name) \
  int name (int dir, const char *path, int flags, ...) \
  { \
    mode_t mode = 0; \
    REAL (name); \
    if ((flags & O_CREAT) != 0) \
      { \
        va_list args; \
        va_start (args, flags); \
        mode = (mode_t) va_arg (args, int); \
        va_end (args); \
        if (should_fail ("open")) \
          return -1; \
      } \
    return real_##name (dir, path, flags, mode); \
  }

WRAP_OPEN (open)
WRAP_OPEN (open64)
WRAP_OPENAT (openat)
WRAP_OPENAT (openat64)
