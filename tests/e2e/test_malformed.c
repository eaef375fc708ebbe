/*
 * test_malformed.c - the hostile-input corpus (tests/malformed/) through
 * the real program.
 *
 * The corpus is written into a fresh folder (truncated, encrypted,
 * zero-byte and random files, a GIF named .pdf, a PDF with JavaScript, a
 * decompression-bomb PNG, a 200 x 200 inch blank page, file names with
 * control and non-UTF-8 bytes, symlinks out and in a loop, a FIFO, a
 * 2,000-page PDF, a 200-page full-size TIFF, a billion-laughs and an XXE
 * case.xml), each case with one good statement beside it.  Every entry of
 * sv_malformed_table must come out with its status and reason, the good
 * statement of every case must be read as a bank statement, and every case
 * must have a schema-valid report.  Then the same under an address-space
 * limit of 400,000 KB (`ulimit -v 400000`) with -j 2, and the scanned
 * sample cases under that limit: every case reported, nothing failed for
 * lack of memory.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "malformed/malformed.h"
#include "support.h"

#define GOOD SV_SOURCE_DIR "/samples/cases/c01-en-visitor-meets/statements/2026-05.pdf"
#define RATES SV_SOURCE_DIR "/samples/rates.xml"
#define REPORT_XSD SV_SOURCE_DIR "/schemas/report.xsd"

/* Runs solvency with args, under an address-space limit of limit_kb
   (0: none); returns its exit status. */
static int run_limited(const char *const *args, rlim_t limit_kb)
{
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    if (limit_kb > 0) {
      struct rlimit r = {limit_kb * 1024, limit_kb * 1024};
      if (setrlimit(RLIMIT_AS, &r) != 0)
        _exit(120);
    }
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, 1);
      dup2(null, 2);
    }
    execv(SV_SOLVENCY_BIN, (char *const *)args);
    _exit(121);
  }
  int st = 0;
  assert_int_equal(waitpid(pid, &st, 0), pid);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static int setup(void **state)
{
  char *root = sv_test_tmpdir("malformed");
  if (!sv_malformed_write(root, GOOD, true))
    return -1;
  *state = root;
  return 0;
}

static int teardown(void **state)
{
  char *root = *state;
  if (root != NULL)
    sv_test_rmtree(root);
  g_free(root);
  return 0;
}

/* Checks every entry of the table in the reports of out. */
static void check_reports(const char *out)
{
  const char *last_case = "";
  xmlDocPtr doc = NULL;
  for (const struct sv_malformed *m = sv_malformed_table; m->path != NULL;
       m++) {
    if (strcmp(m->case_id, last_case) != 0) {
      if (doc != NULL)
        xmlFreeDoc(doc);
      char *name = g_strdup_printf("%s.xml", m->case_id);
      char *path = g_build_filename(out, name, NULL);
      doc = sv_test_parse(path);
      if (doc == NULL)
        fail_msg("no report for case %s", m->case_id);
      assert_true(sv_test_validate(doc, REPORT_XSD));
      g_free(name);
      g_free(path);
      last_case = m->case_id;
    }
    char *xp = g_strdup_printf("string(//r:document[@path='%s']/@status)",
                               m->path);
    char *status = sv_test_xpath_str(doc, xp);
    g_free(xp);
    if (status == NULL || strcmp(status, m->status) != 0)
      fail_msg("%s/%s: status %s, expected %s", m->case_id, m->path,
               status != NULL ? status : "(no document)", m->status);
    g_free(status);
    if (m->reason != NULL) {
      xp = g_strdup_printf("//r:document[@path='%s']/r:problem"
                           "[contains(., \"%s\")]",
                           m->path, m->reason);
      int n = sv_test_xpath_count(doc, xp);
      g_free(xp);
      if (n < 1)
        fail_msg("%s/%s: no problem says \"%s\"", m->case_id, m->path,
                 m->reason);
    }
    if (strcmp(m->path, SV_MALFORMED_GOOD) == 0) {
      xp = g_strdup_printf("string(//r:document[@path='%s']/@kind)", m->path);
      char *kind = sv_test_xpath_str(doc, xp);
      g_free(xp);
      assert_non_null(kind);
      assert_string_equal(kind, "bank-statement");
      g_free(kind);
    }
  }
  /* the hostile manifests are case-level problems, never a "meets" */
  for (int i = 0; i < 2; i++) {
    const char *id = i == 0 ? "m02-billion-laughs" : "m03-xxe";
    char *path = g_strdup_printf("%s/%s.xml", out, id);
    xmlDocPtr d = sv_test_parse(path);
    assert_non_null(d);
    char *outcome = sv_test_xpath_str(d, "string(/r:report/@outcome)");
    assert_non_null(outcome);
    assert_string_not_equal(outcome, "meets");
    assert_true(sv_test_xpath_count(d, "/r:report/r:problems/r:problem") >= 1);
    char *all = sv_test_xpath_str(d, "string(/r:report)");
    assert_null(strstr(all != NULL ? all : "", "root:")); /* no /etc/passwd */
    g_free(all);
    g_free(outcome);
    xmlFreeDoc(d);
    g_free(path);
  }
  if (doc != NULL)
    xmlFreeDoc(doc);
}

static void test_malformed_corpus(void **state)
{
  const char *root = *state;
  char *out = sv_test_tmpdir("malformed-out");
  const char *args[] = {SV_SOLVENCY_BIN, "run", "-q", "-j", "2", "--as-of",
                        "2026-11-15", root, "-o", out, NULL};
  assert_int_equal(run_limited(args, 0), 0);
  check_reports(out);
  sv_test_rmtree(out);
  g_free(out);
}

/* The same corpus with 400,000 KB of address space per process. */
static void test_malformed_corpus_memory_limit(void **state)
{
#ifdef SV_ASAN
  (void)state;
  print_message("skipped: AddressSanitizer needs more address space than "
                "the limit\n");
  skip();
#else
  const char *root = *state;
  char *out = sv_test_tmpdir("malformed-limited");
  const char *args[] = {SV_SOLVENCY_BIN, "run", "-q", "-j", "2", "--as-of",
                        "2026-11-15", root, "-o", out, NULL};
  assert_int_equal(run_limited(args, 400000), 0);
  check_reports(out);
  sv_test_rmtree(out);
  g_free(out);
#endif
}

/* The scanned sample cases with 400,000 KB per process and -j 2: every
   case has its report and no document failed (two OCR engines used to
   abort the whole run in one process at this limit). */
static void test_scanned_samples_memory_limit(void **state)
{
  (void)state;
#ifdef SV_ASAN
  print_message("skipped: AddressSanitizer needs more address space than "
                "the limit\n");
  skip();
#else
  char *root = sv_test_sample_root("scan-limited", sv_test_scanned_case);
  char *out = sv_test_tmpdir("scan-limited-out");
  const char *args[] = {SV_SOLVENCY_BIN, "run", "-q", "-j", "2", "--as-of",
                        "2026-11-15", "--rates", RATES, root, "-o", out, NULL};
  assert_int_equal(run_limited(args, 400000), 0);
  static const char *const ids[] = {"c08-scanned-only", "c10-scan-pdf-visitor",
                                    "c11-scan-photos-es", "c12-scan-tiff",
                                    "c13-scan-damaged-figure"};
  for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
    char *path = g_strdup_printf("%s/%s.xml", out, ids[i]);
    xmlDocPtr d = sv_test_parse(path);
    if (d == NULL)
      fail_msg("no report for %s", ids[i]);
    assert_int_equal(
        sv_test_xpath_count(d, "//r:document[@status='failed']"), 0);
    xmlFreeDoc(d);
    g_free(path);
  }
  sv_test_rmtree(out);
  sv_test_rmtree(root);
  g_free(out);
  g_free(root);
#endif
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_malformed_corpus),
      cmocka_unit_test(test_malformed_corpus_memory_limit),
      cmocka_unit_test(test_scanned_samples_memory_limit),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
