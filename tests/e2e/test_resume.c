/*
 * test_resume.c - a rerun over the same OUT_DIR (pipeline/journal.h).
 *
 * Three text-layer sample cases are copied into a fresh root (one gets a
 * symbolic link, which is listed and not followed) and run.
 * Then: a rerun skips all three and leaves every file of OUT_DIR (reports,
 * batch.xml, batch.csv, journal.tsv) byte-identical; a case whose evidence
 * folder, or one crop of it, was deleted is redone (the crops come back);
 * a document rewritten
 * in one case gets that case redone and the others skipped, and the
 * result equals a clean run's over the changed root; so does a document
 * rewritten with its old size and modification time (the change time
 * tells); a document touched (same bytes, new time) leaves its case
 * skipped, and the journal takes its new stamp; a case folder removed
 * drops out of batch.xml and batch.csv and its report and HTML page are
 * removed; another --policy redoes every case, and so does --force.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib/gstdio.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stamp.h"
#include "support.h"

#define CASES SV_SOURCE_DIR "/samples/cases"
#define RATES SV_SOURCE_DIR "/samples/rates.xml"

/* Runs solvency over root into out with extra (may be NULL); returns its
   stdout (owned), asserting exit status 0. */
static char *run(const char *root, const char *out, const char *extra)
{
  const char *argv[] = {"run", "-j", "2", "--as-of", "2026-11-15",
                        "--rates", RATES, root, "-o", out, extra, NULL};
  char *so = NULL;
  assert_int_equal(sv_test_run(argv, &so, NULL), 0);
  return so;
}

static char *slurp(const char *dir, const char *name)
{
  char *path = g_build_filename(dir, name, NULL);
  char *data = NULL;
  gboolean ok = g_file_get_contents(path, &data, NULL, NULL);
  g_free(path);
  return ok ? data : NULL;
}

/* Every file of a is in b with the same bytes and b has no other
   (but for skip, when not NULL). */
static void assert_same_dir_but(const char *a, const char *b,
                                const char *skip)
{
  char *why = sv_test_tree_diff(a, b, skip);
  if (why != NULL)
    fail_msg("%s", why);
}

static void assert_same_dir(const char *a, const char *b)
{
  assert_same_dir_but(a, b, NULL);
}

/* The same, but for the journals: a file changed moments before a run
   is recorded without its change time (stamp.h), so two runs over just
   changed files may record it differently. */
static void assert_same_reports(const char *a, const char *b)
{
  assert_same_dir_but(a, b, "journal.tsv");
}

static char *copy_dir(const char *src, const char *dst)
{
  const char *argv[] = {"cp", "-a", src, dst, NULL};
  int st = 0;
  assert_true(g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH,
                           NULL, NULL, NULL, NULL, &st, NULL));
  assert_true(g_spawn_check_wait_status(st, NULL));
  return g_strdup(dst);
}

/* Waits until files changed now are older than the journal's racy
   margin (stamp.h), so that their stamps vouch for them. */
static void settle(void)
{
  g_usleep((gulong)(SV_STAMP_RACY_NS / 1000) + 200000);
}

/* A file under dir/sub whose name ends in suffix (owned), NULL if none. */
static char *find_file(const char *dir, const char *suffix)
{
  char *found = NULL;
  GDir *d = g_dir_open(dir, 0, NULL);
  for (const char *n; d != NULL && found == NULL &&
                      (n = g_dir_read_name(d)) != NULL;) {
    char *p = g_build_filename(dir, n, NULL);
    if (g_file_test(p, G_FILE_TEST_IS_DIR))
      found = find_file(p, suffix);
    else if (g_str_has_suffix(n, suffix))
      found = g_strdup(p);
    g_free(p);
  }
  if (d != NULL)
    g_dir_close(d);
  return found;
}

static void test_resume(void **state)
{
  (void)state;
  static const char *const ids[] = {"c01-en-visitor-meets",
                                    "c02-es-temporary-meets",
                                    "c06-two-accounts"};
  char *root = sv_test_tmpdir("resume-root");
  for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
    char *src = g_build_filename(CASES, ids[i], NULL);
    char *dst = g_build_filename(root, ids[i], NULL);
    g_free(copy_dir(src, dst));
    g_free(src);
    g_free(dst);
  }
  /* a symbolic link in a case: listed, skipped (not followed), and no
     reason to redo the case when nothing changed */
  char *link = g_build_filename(root, "c06-two-accounts", "link.pdf", NULL);
  assert_int_equal(symlink(RATES, link), 0);
  g_free(link);
  char *out = sv_test_tmpdir("resume-out");
  char *first = sv_test_tmpdir("resume-first");
  settle();
  g_free(run(root, out, NULL));
  g_free(run(root, first, NULL));

  /* unchanged: all three skipped, every file as it was */
  char *so = run(root, out, NULL);
  assert_non_null(strstr(so, "3 unchanged since the last run"));
  g_free(so);
  assert_same_dir(first, out);

  /* a case's evidence folder deleted: that case redone, its crops back,
     the others skipped; one crop deleted: likewise */
  char *ev = g_build_filename(out, "c01-en-visitor-meets", "evidence", NULL);
  assert_true(g_file_test(ev, G_FILE_TEST_IS_DIR));
  sv_test_rmtree(ev);
  so = run(root, out, NULL);
  assert_non_null(strstr(so, "2 unchanged since the last run"));
  g_free(so);
  assert_same_dir(first, out);
  GDir *evd = g_dir_open(ev, 0, NULL);
  assert_non_null(evd);
  char *one = g_build_filename(ev, g_dir_read_name(evd), NULL);
  g_dir_close(evd);
  assert_int_equal(g_unlink(one), 0);
  so = run(root, out, NULL);
  assert_non_null(strstr(so, "2 unchanged since the last run"));
  g_free(so);
  assert_same_dir(first, out);
  g_free(one);
  g_free(ev);

  /* one document rewritten (a byte appended: still a valid PDF) */
  char *doc = g_build_filename(root, "c02-es-temporary-meets", NULL);
  GDir *d = g_dir_open(doc, 0, NULL);
  char *sub = NULL;
  for (const char *n; (n = g_dir_read_name(d)) != NULL && sub == NULL;) {
    char *p = g_build_filename(doc, n, NULL);
    if (g_file_test(p, G_FILE_TEST_IS_DIR))
      sub = g_strdup(p);
    g_free(p);
  }
  g_dir_close(d);
  assert_non_null(sub);
  d = g_dir_open(sub, 0, NULL);
  const char *pdf = g_dir_read_name(d);
  char *victim = g_build_filename(sub, pdf, NULL);
  g_dir_close(d);
  char *bytes = NULL;
  gsize len = 0;
  assert_true(g_file_get_contents(victim, &bytes, &len, NULL));
  char *more = g_strdup_printf("%s\n", "%% rescanned");
  GString *g = g_string_new_len(bytes, (gssize)len);
  g_string_append(g, more);
  sv_test_write(victim, g->str, g->len);
  g_string_free(g, TRUE);
  g_free(more);
  g_free(bytes);
  so = run(root, out, NULL);
  assert_non_null(strstr(so, "2 unchanged since the last run"));
  g_free(so);
  char *clean = sv_test_tmpdir("resume-clean");
  g_free(run(root, clean, NULL));
  assert_same_reports(clean, out);
  char *report = slurp(out, "c02-es-temporary-meets.xml");
  assert_non_null(report);
  g_free(report);

  /* a document rewritten in place with its old size and modification
     time (its trailing line break made a space): the same inode, and only
     its change time moved, so the case is redone */
  settle();
  g_free(run(root, out, NULL));
  char *same = find_file(root, ".pdf");
  assert_non_null(same);
  struct stat before;
  assert_int_equal(g_lstat(same, (GStatBuf *)&before), 0);
  assert_true(g_file_get_contents(same, &bytes, &len, NULL));
  assert_true(len > 0 && bytes[len - 1] == '\n');
  g_free(bytes);
  FILE *fp = fopen(same, "r+b");
  assert_non_null(fp);
  assert_int_equal(fseek(fp, (long)len - 1, SEEK_SET), 0);
  assert_int_equal(fputc(' ', fp), ' ');
  assert_int_equal(fclose(fp), 0);
  struct timespec keep[2] = {before.st_atim, before.st_mtim};
  assert_int_equal(utimensat(AT_FDCWD, same, keep, 0), 0);
  struct stat after;
  assert_int_equal(g_lstat(same, (GStatBuf *)&after), 0);
  assert_int_equal(after.st_ino, before.st_ino);
  assert_int_equal(after.st_size, before.st_size);
  assert_int_equal(after.st_mtim.tv_sec, before.st_mtim.tv_sec);
  assert_int_equal(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
  so = run(root, out, NULL);
  assert_non_null(strstr(so, "2 unchanged since the last run"));
  g_free(so);
  sv_test_rmtree(clean);
  g_free(run(root, clean, NULL));
  assert_same_reports(clean, out);

  /* a document touched (same bytes, a new modification time): its case
     is still skipped, and the journal records the new time */
  struct timespec later[2] = {{.tv_nsec = UTIME_OMIT},
                              {.tv_sec = after.st_mtim.tv_sec + 3600,
                               .tv_nsec = 123456789}};
  assert_int_equal(utimensat(AT_FDCWD, same, later, 0), 0);
  so = run(root, out, NULL);
  assert_non_null(strstr(so, "3 unchanged since the last run"));
  g_free(so);
  char *journal = slurp(out, "journal.tsv");
  char *stamp = g_strdup_printf("\t%" G_GINT64_FORMAT "123456789\t",
                                (gint64)later[1].tv_sec);
  assert_non_null(strstr(journal, stamp));
  g_free(stamp);
  g_free(journal);
  assert_same_reports(clean, out);
  g_free(same);

  /* a case folder removed: out of batch.xml and batch.csv, report and
     HTML page gone */
  so = run(root, out, "--html");
  assert_non_null(strstr(so, "3 unchanged since the last run"));
  g_free(so);
  char *page = g_build_filename(out, "c06-two-accounts.html", NULL);
  assert_true(g_file_test(page, G_FILE_TEST_IS_REGULAR));
  char *gone = g_build_filename(root, "c06-two-accounts", NULL);
  sv_test_rmtree(gone);
  so = run(root, out, "--html");
  assert_non_null(strstr(so, "2 unchanged since the last run"));
  assert_non_null(strstr(so, "1 report of case folders no longer there"));
  g_free(so);
  assert_false(g_file_test(page, G_FILE_TEST_EXISTS));
  g_free(page);
  char *index = slurp(out, "index.html");
  assert_null(strstr(index, "c06-two-accounts"));
  g_free(index);
  char *batch = slurp(out, "batch.xml");
  assert_null(strstr(batch, "c06-two-accounts"));
  g_free(batch);
  char *csv = slurp(out, "batch.csv");
  assert_null(strstr(csv, "c06-two-accounts"));
  g_free(csv);
  char *stale = slurp(out, "c06-two-accounts.xml");
  assert_null(stale);
  sv_test_rmtree(clean);
  g_free(run(root, clean, "--html"));
  assert_same_reports(clean, out);

  /* other settings, or --force: nothing skipped */
  so = run(root, out, "--force");
  assert_null(strstr(so, "unchanged since the last run"));
  g_free(so);
  so = run(root, out, "--policy=every-month");
  assert_null(strstr(so, "unchanged since the last run"));
  g_free(so);
  so = run(root, out, "--policy=every-month");
  assert_non_null(strstr(so, "2 unchanged since the last run"));
  g_free(so);

  sv_test_rmtree(root);
  sv_test_rmtree(out);
  sv_test_rmtree(first);
  sv_test_rmtree(clean);
  g_free(root);
  g_free(out);
  g_free(first);
  g_free(clean);
  g_free(doc);
  g_free(sub);
  g_free(victim);
  g_free(gone);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_resume),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
