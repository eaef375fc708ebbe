/*
 * test_faults.c - a library failing on one document costs that document
 * only (pipeline/isolate.c).
 *
 * Runs the real program over two sample cases (c08: six scanned statement
 * PDFs; c01: text-layer statements) once cleanly, then once per kind of
 * failure injected into OCR of one scan (SV_FAULT_INJECT, the reader
 * process's test hook): a segmentation fault, an abort (what an uncaught
 * C++ exception or std::bad_alloc ends in), a hang (stopped by
 * --page-timeout) and memory running out.  Each time: the run ends with
 * status 0 and a batch.xml, c01's report is byte-identical to the clean
 * run's, the targeted scan is failed with a reason that names the page
 * and the failure, and c08's five other scans are read exactly as in the
 * clean run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "support.h"

#define CASES SV_SOURCE_DIR "/samples/cases"
#define RATES SV_SOURCE_DIR "/samples/rates.xml"
#define TARGET "scan_2026-07.pdf"

struct fixture {
  char *root;  /* cases: symlinks to c01 and c08 */
  char *clean; /* OUT_DIR of the clean run */
};

static int run(const char *root, const char *out, const char *timeout)
{
  const char *argv[] = {"run", "-q", "-j", "2",
                        "--as-of", "2026-11-15", "--rates", RATES,
                        "--page-timeout", timeout, root, "-o", out, NULL};
  return sv_test_run(argv, NULL, NULL);
}

static int setup(void **state)
{
  struct fixture *f = g_new0(struct fixture, 1);
  f->root = sv_test_tmpdir("faultcases");
  static const char *const ids[] = {"c01-en-visitor-meets",
                                    "c08-scanned-only"};
  for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
    char *src = g_build_filename(CASES, ids[i], NULL);
    char *dst = g_build_filename(f->root, ids[i], NULL);
    if (symlink(src, dst) != 0)
      return -1;
    g_free(src);
    g_free(dst);
  }
  f->clean = sv_test_tmpdir("faultclean");
  *state = f;
  g_unsetenv("SV_FAULT_INJECT");
  int rc = run(f->root, f->clean, "300");
  if (rc != 0) {
    fprintf(stderr, "the clean run ended with status %d\n", rc);
    return -1;
  }
  return 0;
}

static int teardown(void **state)
{
  struct fixture *f = *state;
  if (f == NULL)
    return 0;
  sv_test_rmtree(f->root);
  sv_test_rmtree(f->clean);
  g_free(f->root);
  g_free(f->clean);
  g_free(f);
  return 0;
}

G_GNUC_NO_INLINE static char *slurp(const char *dir, const char *name)
{
  char *path = g_build_filename(dir, name, NULL);
  char *data = NULL;
  gboolean ok = g_file_get_contents(path, &data, NULL, NULL);
  g_free(path);
  assert_true(ok);
  return data;
}

/* The <document> element of path in a report's text (owned), NULL when
   absent. */
static char *document_of(const char *report, const char *path)
{
  char *key = g_strdup_printf("<document path=\"%s\"", path);
  const char *from = strstr(report, key);
  const char *to = from != NULL ? strstr(from, "</document>") : NULL;
  char *element = to != NULL ? g_strndup(from, (gsize)(to - from)) : NULL;
  g_free(key);
  return element;
}

/* Runs with fault mode injected into OCR of TARGET and checks the
   damage stays there; the reason must contain expect. */
static void check_fault(struct fixture *f, const char *mode,
                        const char *timeout, const char *expect)
{
  char *out = sv_test_tmpdir("faultout");
  char *inject = g_strdup_printf("%s:%s", mode, TARGET);
  g_setenv("SV_FAULT_INJECT", inject, TRUE);
  int rc = run(f->root, out, timeout);
  g_unsetenv("SV_FAULT_INJECT");
  g_free(inject);
  assert_int_equal(rc, 0);
  g_free(slurp(out, "batch.xml"));

  char *c01_clean = slurp(f->clean, "c01-en-visitor-meets.xml");
  char *c01 = slurp(out, "c01-en-visitor-meets.xml");
  assert_string_equal(c01_clean, c01); /* the other case: byte for byte */
  g_free(c01_clean);
  g_free(c01);

  char *a = slurp(f->clean, "c08-scanned-only.xml");
  char *b = slurp(out, "c08-scanned-only.xml");
  char *hit = document_of(b, "escaneos/" TARGET);
  assert_non_null(hit);
  assert_non_null(strstr(hit, "status=\"failed\""));
  assert_non_null(strstr(hit, "the reader process"));
  assert_non_null(strstr(hit, "page 1 (ocr)"));
  if (strstr(hit, expect) == NULL)
    fail_msg("reason without '%s': %s", expect, hit);
  g_free(hit);
  static const char *const others[] = {"05", "06", "08", "09", "10"};
  for (size_t i = 0; i < G_N_ELEMENTS(others); i++) {
    char *p = g_strdup_printf("escaneos/scan_2026-%s.pdf", others[i]);
    char *da = document_of(a, p), *db = document_of(b, p);
    assert_non_null(da);
    assert_non_null(db);
    assert_string_equal(da, db); /* read exactly as in the clean run */
    g_free(da);
    g_free(db);
    g_free(p);
  }
  g_free(a);
  g_free(b);
  sv_test_rmtree(out);
  g_free(out);
}

/* A segmentation fault inside the reader (as a bad pointer in a library
   would give). */
static void test_fault_crash(void **state)
{
  check_fault(*state, "crash", "300", "signal 11");
}

/* An abort: what an uncaught C++ exception from Tesseract ends in. */
static void test_fault_abort(void **state)
{
  check_fault(*state, "abort", "300", "signal 6");
}

/* A page that never ends: the worker kills the process after
   --page-timeout. */
static void test_fault_hang(void **state)
{
  check_fault(*state, "hang", "30", "spent more than 30 s on page 1");
}

/* Memory running out inside the reader (a runaway allocation meets its
   address-space limit; GLib's allocator stops the process). */
static void test_fault_out_of_memory(void **state)
{
#ifdef SV_ASAN
  (void)state;
  print_message("skipped: under AddressSanitizer the reader's allocator "
                "reports running out of memory itself (exit status 1)\n");
  skip();
#else
  check_fault(*state, "oom", "300", "memory runs out");
#endif
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_fault_crash),
      cmocka_unit_test(test_fault_abort),
      cmocka_unit_test(test_fault_hang),
      cmocka_unit_test(test_fault_out_of_memory),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
