/*
 * test_signals.c - a batch stopped by a signal (pipeline/main.c).
 *
 * Runs the real program over the scanned sample cases (OCR: seconds per
 * case, so a signal finds work in progress) and sends SIGTERM one second
 * in: the cases in progress finish,
 * batch.xml lists what was done and validates, every listed report is
 * there and validates, no temporary file is left, and the exit status is
 * 128 + SIGTERM.  Then two signals in a row stop it at once (128 + the
 * second), and a clean rerun over the same OUT_DIR removes whatever the
 * abrupt stop left.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "support.h"

#define CASES SV_SOURCE_DIR "/samples/cases"
#define RATES SV_SOURCE_DIR "/samples/rates.xml"
#define REPORT_XSD SV_SOURCE_DIR "/schemas/report.xsd"
#define BATCH_XSD SV_SOURCE_DIR "/schemas/batch.xsd"

/* A cases root of the scanned samples alone (OCR: seconds per case, so a
   signal always finds work in progress); returns owned, rmtree it. */
static char *scanned_root(void)
{
  static const char *const ids[] = {"c08-scanned-only", "c10-scan-pdf-visitor",
                                    "c11-scan-photos-es", "c12-scan-tiff",
                                    "c13-scan-damaged-figure"};
  char *root = sv_test_tmpdir("sigcases");
  for (size_t i = 0; i < G_N_ELEMENTS(ids); i++) {
    char *src = g_build_filename(CASES, ids[i], NULL);
    char *dst = g_build_filename(root, ids[i], NULL);
    assert_int_equal(symlink(src, dst), 0);
    g_free(src);
    g_free(dst);
  }
  return root;
}

/* Starts solvency over cases into out; returns its pid. */
static GPid start(const char *cases, const char *out)
{
  const char *argv[] = {SV_SOLVENCY_BIN, "run", "-q", "-j", "2", "--rates",
                        RATES, cases, "-o", out, NULL};
  GPid pid = 0;
  GError *e = NULL;
  if (!g_spawn_async(NULL, (char **)argv, NULL,
                     G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &pid, &e))
    fail_msg("cannot start solvency: %s", e->message);
  return pid;
}

static int wait_exit(GPid pid)
{
  int status = 0;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFEXITED(status));
  return WEXITSTATUS(status);
}

/* How many files of dir are temporary files (a leading '.'). */
static int hidden_files(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  int n = 0;
  for (const char *name; d != NULL && (name = g_dir_read_name(d)) != NULL;)
    n += name[0] == '.';
  if (d != NULL)
    g_dir_close(d);
  return n;
}

static void test_signals_sigterm_finishes_what_runs(void **state)
{
  (void)state;
  char *out = sv_test_tmpdir("sigterm");
  char *cases = scanned_root();
  GPid pid = start(cases, out);
  g_usleep(G_USEC_PER_SEC);
  kill(pid, SIGTERM);
  int rc = wait_exit(pid);
  assert_int_equal(rc, 128 + SIGTERM);

  char *batch = g_build_filename(out, "batch.xml", NULL);
  xmlDocPtr bd = xmlReadFile(batch, NULL, XML_PARSE_NONET);
  assert_non_null(bd);
  assert_true(sv_test_validate(bd, BATCH_XSD));
  int listed = 0;
  for (xmlNodePtr n = xmlDocGetRootElement(bd)->children; n != NULL;
       n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    xmlChar *rep = xmlGetProp(n, BAD_CAST "report");
    if (rep == NULL)
      continue;
    listed++;
    char *path = g_build_filename(out, (const char *)rep, NULL);
    xmlDocPtr rd = xmlReadFile(path, NULL, XML_PARSE_NONET);
    if (rd == NULL)
      fail_msg("batch.xml lists %s, which is not there", (const char *)rep);
    assert_true(sv_test_validate(rd, REPORT_XSD));
    xmlFreeDoc(rd);
    g_free(path);
    xmlFree(rep);
  }
  /* stopped early: the cases in progress done (normally one or two; none
     when the signal came before the first was opened), not all 5 */
  assert_true(listed < 5);
  assert_int_equal(hidden_files(out), 0);
  xmlFreeDoc(bd);
  g_free(batch);
  sv_test_rmtree(out);
  sv_test_rmtree(cases);
  g_free(cases);
  g_free(out);
}

static void test_signals_second_signal_stops_at_once(void **state)
{
  (void)state;
  char *out = sv_test_tmpdir("sigtwice");
  char *cases = scanned_root();
  GPid pid = start(cases, out);
  g_usleep(G_USEC_PER_SEC / 2);
  kill(pid, SIGTERM);
  g_usleep(G_USEC_PER_SEC / 5);
  kill(pid, SIGINT);
  assert_int_equal(wait_exit(pid), 128 + SIGINT);
  /* whatever it left, a temporary file planted as a killed run would
     leave one is gone after the next run starts */
  char *stale = g_build_filename(out, ".c01-en-visitor-meets.xml.Ab12Cd", NULL);
  sv_test_write(stale, "<half", 5);
  GPid again = start(cases, out);
  g_usleep(G_USEC_PER_SEC / 2);
  kill(again, SIGTERM);
  assert_int_equal(wait_exit(again), 128 + SIGTERM);
  assert_false(g_file_test(stale, G_FILE_TEST_EXISTS));
  assert_int_equal(hidden_files(out), 0);
  g_free(stale);
  sv_test_rmtree(out);
  sv_test_rmtree(cases);
  g_free(cases);
  g_free(out);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_signals_sigterm_finishes_what_runs),
      cmocka_unit_test(test_signals_second_signal_stops_at_once),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
