/*
 * test_output.c - what the program does with OUT_DIR before and after a
 * batch (pipeline/main.c, stages/report.c): a nearly full file system is
 * found out before any work (a 1 MiB tmpfs, where one can be mounted;
 * skipped with a message otherwise), and the reports and batch.xml are
 * written 0600 in a folder created 0700.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "support.h"

#define CASES SV_SOURCE_DIR "/samples/cases"

static void test_output_full_disk_found_before_work(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("fulldisk");
  if (mount("tmpfs", dir, "tmpfs", 0, "size=1m") != 0) {
    print_message("skipped: cannot mount a tmpfs here (%s)\n",
                  g_strerror(errno));
    sv_test_rmtree(dir);
    g_free(dir);
    return;
  }
  char *out = g_build_filename(dir, "out", NULL);
  const char *argv[] = {"run", "-q", "--as-of", "2026-11-15", CASES,
                        "-o",  out,  NULL};
  char *err = NULL;
  int rc = sv_test_run(argv, NULL, &err);
  assert_int_equal(rc, 1);
  assert_non_null(strstr(err, "free"));
  /* nothing was written: the check came before the work */
  char *batch = g_build_filename(out, "batch.xml", NULL);
  assert_false(g_file_test(batch, G_FILE_TEST_EXISTS));
  g_free(batch);
  g_free(err);
  g_free(out);
  assert_int_equal(umount(dir), 0);
  sv_test_rmtree(dir);
  g_free(dir);
}

static void test_output_private_modes(void **state)
{
  (void)state;
  char *dir = sv_test_tmpdir("modes");
  char *out = g_build_filename(dir, "new", "out", NULL);
  char *root = sv_test_tmpdir("modes-root");
  char *case_dir = g_build_filename(root, "c1", NULL);
  char *doc = g_build_filename(case_dir, "note.txt", NULL);
  sv_test_write(doc, "hello", 5);
  const char *argv[] = {"run", "-q", "--as-of", "2026-11-15", root,
                        "-o",  out,  NULL};
  assert_int_equal(sv_test_run(argv, NULL, NULL), 0);
  GStatBuf st;
  assert_int_equal(g_stat(out, &st), 0);
  assert_int_equal(st.st_mode & 0777, 0700);
  static const char *const files[] = {"c1.xml", "batch.xml"};
  for (size_t i = 0; i < G_N_ELEMENTS(files); i++) {
    char *p = g_build_filename(out, files[i], NULL);
    assert_int_equal(g_stat(p, &st), 0);
    if ((st.st_mode & 0777) != 0600)
      fail_msg("%s is %o", files[i], st.st_mode & 0777);
    g_free(p);
  }
  sv_test_rmtree(root);
  sv_test_rmtree(dir);
  g_free(doc);
  g_free(case_dir);
  g_free(root);
  g_free(out);
  g_free(dir);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_output_full_disk_found_before_work),
      cmocka_unit_test(test_output_private_modes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
