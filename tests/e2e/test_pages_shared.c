/*
 * test_pages_shared.c - the pages of one long scanned document are read by
 * several workers' reader processes (pipeline/pagejob.h), and nothing in
 * the report shows which read what.
 *
 * The fixture is a batch whose whole work is one 12-page Group-4 TIFF (the
 * pages of the six two-page scans of sample c12, joined with Leptonica).
 * With -j 1 one reader reads every page; with -j 2 the second worker,
 * idle, helps: --stats must say another worker's reader read some pages,
 * and the report must be byte-identical to the -j 1 one.  A crash injected
 * on page 7 only (SV_FAULT_INJECT=crash:long.tif#7), which with -j 2 may
 * hit either reader, fails the document naming page 7 either way, and the
 * other case of the batch is untouched.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib/gstdio.h>
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "support.h"

#define CASES SV_SOURCE_DIR "/samples/cases"
#define RATES SV_SOURCE_DIR "/samples/rates.xml"
#define TIFFS CASES "/c12-scan-tiff/escaneos"
#define PAGES 12

struct fixture {
  char *root;
  char *one; /* OUT_DIR of the -j 1 run */
  char *one_err;
};

static int run(const char *root, const char *out, const char *jobs,
               char **err)
{
  const char *argv[] = {"run", "-q", "--stats", "-j", jobs,
                        "--as-of", "2026-11-15", "--rates", RATES,
                        root, "-o", out, NULL};
  return sv_test_run(argv, NULL, err);
}

/* One multi-page TIFF of every page of c12's scans, in name order. */
static bool join_tiffs(const char *dst)
{
  static const char *const months[] = {"05", "06", "07", "08", "09", "10"};
  int written = 0;
  for (size_t m = 0; m < G_N_ELEMENTS(months); m++) {
    char *src = g_strdup_printf(TIFFS "/edo_cta_2026_%s.tif", months[m]);
    for (int n = 0; n < 2; n++) {
      PIX *pix = pixReadTiff(src, n);
      if (pix == NULL) {
        g_free(src);
        return false;
      }
      l_int32 rc = pixWriteTiff(dst, pix, IFF_TIFF_G4,
                                written == 0 ? "w" : "a");
      pixDestroy(&pix);
      if (rc != 0) {
        g_free(src);
        return false;
      }
      written++;
    }
    g_free(src);
  }
  return written == PAGES;
}

static int setup(void **state)
{
  struct fixture *f = g_new0(struct fixture, 1);
  *state = f;
  f->root = sv_test_tmpdir("sharedpages");
  char *dir = g_build_filename(f->root, "long", NULL);
  g_mkdir(dir, 0755);
  char *xml = g_build_filename(dir, "case.xml", NULL);
  static const char manifest[] =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<case id=\"long\"><applicant>Fernando Iv\xc3\xa1n Castillo "
      "Lozano</applicant><asOf>2026-11-15</asOf>"
      "<request stay=\"temporary-resident\"/></case>\n";
  sv_test_write(xml, manifest, sizeof manifest - 1);
  char *tif = g_build_filename(dir, "long.tif", NULL);
  bool ok = join_tiffs(tif);
  /* a second case: must not be touched by a fault in the first */
  char *src = g_build_filename(CASES, "c01-en-visitor-meets", NULL);
  char *dst = g_build_filename(f->root, "c01-en-visitor-meets", NULL);
  ok = ok && symlink(src, dst) == 0;
  g_free(src);
  g_free(dst);
  g_free(tif);
  g_free(xml);
  g_free(dir);
  if (!ok)
    return -1;
  f->one = sv_test_tmpdir("sharedone");
  return run(f->root, f->one, "1", &f->one_err) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
  struct fixture *f = *state;
  sv_test_rmtree(f->root);
  sv_test_rmtree(f->one);
  g_free(f->root);
  g_free(f->one);
  g_free(f->one_err);
  g_free(f);
  return 0;
}

static char *slurp(const char *dir, const char *name)
{
  char *path = g_build_filename(dir, name, NULL);
  char *data = NULL;
  gboolean ok = g_file_get_contents(path, &data, NULL, NULL);
  g_free(path);
  assert_true(ok);
  return data;
}

/* "(N of them by another worker's reader)" from --stats. */
static long helped(const char *err)
{
  const char *at = err != NULL ? strstr(err, " of them by another") : NULL;
  assert_non_null(at);
  while (at > err && at[-1] != '(')
    at--;
  return strtol(at, NULL, 10);
}

/* -j 2: the idle worker reads some of the pages; the report is the
   -j 1 one, byte for byte. */
static void test_pages_shared_same_report(void **state)
{
  struct fixture *f = *state;
  assert_int_equal(helped(f->one_err), 0);
  assert_non_null(strstr(f->one_err, "12 OCR"));
  char *out = sv_test_tmpdir("sharedtwo");
  char *err = NULL;
  assert_int_equal(run(f->root, out, "2", &err), 0);
  long n = helped(err);
  if (n < 1)
    fail_msg("no page was read by the second worker:\n%s", err);
  assert_true(n < PAGES);
  char *a = slurp(f->one, "long.xml"), *b = slurp(out, "long.xml");
  assert_string_equal(a, b);
  assert_non_null(strstr(a, "pages=\"12\" text=\"ocr\""));
  g_free(a);
  g_free(b);
  g_free(err);
  sv_test_rmtree(out);
  g_free(out);
}

/* A reader dying on page 7 fails the document naming page 7, with one
   worker or two; the other case is untouched. */
static void test_pages_shared_fault_names_its_page(void **state)
{
  struct fixture *f = *state;
  static const char *const jobs[] = {"1", "2"};
  for (size_t j = 0; j < G_N_ELEMENTS(jobs); j++) {
    char *out = sv_test_tmpdir("sharedfault");
    g_setenv("SV_FAULT_INJECT", "crash:long.tif#7", TRUE);
    assert_int_equal(run(f->root, out, jobs[j], NULL), 0);
    g_unsetenv("SV_FAULT_INJECT");
    char *r = slurp(out, "long.xml");
    if (strstr(r, "status=\"failed\"") == NULL ||
        strstr(r, "page 7 (ocr) with signal 11") == NULL)
      fail_msg("-j %s: the document is not failed on page 7:\n%s", jobs[j],
               r);
    char *a = slurp(f->one, "c01-en-visitor-meets.xml");
    char *b = slurp(out, "c01-en-visitor-meets.xml");
    assert_string_equal(a, b);
    g_free(a);
    g_free(b);
    g_free(r);
    sv_test_rmtree(out);
    g_free(out);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pages_shared_same_report),
      cmocka_unit_test(test_pages_shared_fault_names_its_page),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
