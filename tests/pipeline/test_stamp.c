/*
 * test_stamp.c - a file's stamp (pipeline/stamp.c): what is taken from
 * stat, the racy rule (a change within SV_STAMP_RACY_NS of the look does
 * not vouch), which differences make a stamp not vouch, and what
 * sv_stamp_file sees (a symbolic link itself; nothing for a missing
 * file).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "../../pipeline/stamp.h"
#include "support.h"

#define NS 1000000000LL

/* A stat buffer of a regular file: 100 bytes, modified at 1000 s, changed
   at 2000 s (and 5 ns), inode 42. */
static GStatBuf fake_stat(void)
{
  GStatBuf st;
  memset(&st, 0, sizeof st);
  st.st_mode = S_IFREG | 0644;
  st.st_size = 100;
  st.st_mtim.tv_sec = 1000;
  st.st_ctim.tv_sec = 2000;
  st.st_ctim.tv_nsec = 5;
  st.st_ino = 42;
  return st;
}

static void test_stamp_fields(void **state)
{
  (void)state;
  GStatBuf st = fake_stat();
  struct sv_stamp s;
  sv_stamp_of(&st, 3000 * NS, &s); /* changed 1000 s before the look */
  assert_int_equal(s.size, 100);
  assert_int_equal(s.mtime_ns, 1000 * NS);
  assert_int_equal(s.ctime_ns, 2000 * NS + 5);
  assert_int_equal(s.ino, 42);
}

static void test_stamp_racy(void **state)
{
  (void)state;
  GStatBuf st = fake_stat();
  struct sv_stamp s;
  gint64 changed = 2000 * NS + 5;
  /* just past the margin: vouches */
  sv_stamp_of(&st, changed + SV_STAMP_RACY_NS, &s);
  assert_int_equal(s.ctime_ns, changed);
  /* within it, to the nanosecond: does not */
  sv_stamp_of(&st, changed + SV_STAMP_RACY_NS - 1, &s);
  assert_int_equal(s.ctime_ns, 0);
  /* the same instant, and a change time in the future (a clock set
     back): does not */
  sv_stamp_of(&st, changed, &s);
  assert_int_equal(s.ctime_ns, 0);
  sv_stamp_of(&st, changed - 60 * NS, &s);
  assert_int_equal(s.ctime_ns, 0);
  assert_false(sv_stamp_vouches(&s, &s));
}

static void test_stamp_vouches(void **state)
{
  (void)state;
  GStatBuf st = fake_stat();
  struct sv_stamp rec, now;
  sv_stamp_of(&st, 3000 * NS, &rec);
  now = rec;
  assert_true(sv_stamp_vouches(&rec, &now));
  now.size++;
  assert_false(sv_stamp_vouches(&rec, &now));
  now = rec;
  now.mtime_ns++;
  assert_false(sv_stamp_vouches(&rec, &now));
  now = rec;
  now.ctime_ns++; /* rewritten with its old size and mtime */
  assert_false(sv_stamp_vouches(&rec, &now));
  now = rec;
  now.ino++; /* replaced by another file (renamed into place) */
  assert_false(sv_stamp_vouches(&rec, &now));
  now = rec;
  now.ctime_ns = 0; /* looked at moments after a change */
  assert_false(sv_stamp_vouches(&rec, &now));
}

static void test_stamp_file(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("stamp");
  char *file = g_build_filename(dir, "a.pdf", NULL);
  char *link = g_build_filename(dir, "b.pdf", NULL);
  sv_test_write(file, "12345", 5);
  struct sv_stamp s;
  bool regular = false;
  assert_true(sv_stamp_file(file, &s, &regular));
  assert_true(regular);
  assert_int_equal(s.size, 5);
  assert_int_equal(s.ctime_ns, 0); /* written just now: racy */
  GStatBuf st;
  assert_int_equal(g_lstat(file, &st), 0);
  assert_int_equal(s.ino, (guint64)st.st_ino);
  /* a symbolic link: the link's own stamp, not its target's */
  assert_int_equal(symlink(file, link), 0);
  assert_true(sv_stamp_file(link, &s, &regular));
  assert_false(regular);
  assert_int_equal(s.size, (gint64)strlen(file));
  assert_int_not_equal(s.ino, (guint64)st.st_ino);
  assert_true(sv_stamp_file(dir, &s, &regular));
  assert_false(regular);
  assert_int_equal(g_unlink(file), 0);
  assert_false(sv_stamp_file(file, &s, &regular));
  assert_int_equal(s.size, 0);
  sv_test_rmtree(dir);
  g_free(link);
  g_free(file);
  g_free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_stamp_fields),
      cmocka_unit_test(test_stamp_racy),
      cmocka_unit_test(test_stamp_vouches),
      cmocka_unit_test(test_stamp_file),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
