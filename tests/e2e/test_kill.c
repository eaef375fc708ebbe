/*
 * test_kill.c - kill -9 at any moment leaves nothing half-written
 * (crash-only: pipeline/main.c, stages/report.c, pipeline/isolate.c,
 * pipeline/journal.c).
 *
 * A run into an empty OUT_DIR is killed with SIGKILL at ten points: eight
 * spread over a batch of the text-layer sample cases (listing, reading,
 * report writing, journal appends), two while reader processes OCR a
 * scanned case.  After each kill: no process of the run is left (reader
 * processes die with their worker), and a rerun over the same OUT_DIR
 * (resuming: the cases the killed run finished are skipped) completes,
 * leaves no temporary file, and every file it holds (reports, batch.xml,
 * batch.csv, journal.tsv) equals, byte for byte, that of a clean run into
 * a fresh folder.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

#define RATES SV_SOURCE_DIR "/samples/rates.xml"

/* Starts solvency over root into out in its own process group; returns
   its pid (= the group). */
static pid_t start(const char *root, const char *out)
{
  pid_t pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    setpgid(0, 0);
    const char *argv[] = {SV_SOLVENCY_BIN, "run", "-q", "-j", "2",
                          "--as-of", "2026-11-15", "--rates", RATES,
                          root, "-o", out, NULL};
    execv(SV_SOLVENCY_BIN, (char *const *)argv);
    _exit(121);
  }
  setpgid(pid, pid); /* both sides, so that it holds before any kill */
  return pid;
}

static int finish(pid_t pid)
{
  int st = 0;
  assert_int_equal(waitpid(pid, &st, 0), pid);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static bool text_case(const char *id) { return !sv_test_scanned_case(id); }

static bool ocr_pair(const char *id)
{
  return strncmp(id, "c01", 3) == 0 || strncmp(id, "c13", 3) == 0;
}

/* Every file of clean is in out with the same bytes, and out holds
   nothing else (no temporary file, no stale report). */
static void assert_same_tree(const char *clean, const char *out)
{
  GDir *d = g_dir_open(out, 0, NULL);
  assert_non_null(d);
  for (const char *name; (name = g_dir_read_name(d)) != NULL;)
    if (name[0] == '.')
      fail_msg("a temporary file is left: %s/%s", out, name);
  g_dir_close(d);
  char *why = sv_test_tree_diff(clean, out, NULL);
  if (why != NULL)
    fail_msg("after the rerun: %s", why);
}

/* Kills a run over root after each delay (ms), reruns it and compares
   with a clean run. */
static void kill_and_rerun(bool (*keep)(const char *id), const int *delays,
                           size_t n, size_t min_hits)
{
  size_t hits = 0;
  char *root = sv_test_sample_root("killcases", keep);
  char *clean = sv_test_tmpdir("killclean");
  assert_int_equal(finish(start(root, clean)), 0);
  for (size_t i = 0; i < n; i++) {
    /* a fresh OUT_DIR each time: the rerun would otherwise skip what the
       earlier reruns did (the journal) and the kill find nothing to do */
    char *out = sv_test_tmpdir("killout");
    pid_t pid = start(root, out);
    g_usleep((gulong)delays[i] * 1000);
    kill(pid, SIGKILL);
    if (finish(pid) == 128 + SIGKILL) /* or it finished just before */
      hits++;
    /* reader processes die with their worker (PR_SET_PDEATHSIG) */
    bool gone = false;
    for (int t = 0; t < 1000 && !gone; t++) { /* 10 s: ASan exits slowly */
      gone = kill(-pid, 0) != 0 && errno == ESRCH;
      if (!gone)
        g_usleep(10000);
    }
    if (!gone)
      fail_msg("a process of the killed run (group %d) is still alive",
               (int)pid);
    assert_int_equal(finish(start(root, out)), 0);
    assert_same_tree(clean, out);
    sv_test_rmtree(out);
    g_free(out);
  }
  if (hits < min_hits)
    fail_msg("only %zu of %zu kills found the run still going", hits, n);
  sv_test_rmtree(clean);
  sv_test_rmtree(root);
  g_free(clean);
  g_free(root);
}

/* Eight points over a batch of text-layer cases (about a second). */
static void test_kill_text_batch(void **state)
{
  (void)state;
  static const int delays[] = {5, 40, 90, 150, 220, 320, 450, 650};
  kill_and_rerun(text_case, delays, G_N_ELEMENTS(delays), 6);
}

/* Two points while reader processes OCR a scanned case. */
static void test_kill_during_ocr(void **state)
{
  (void)state;
  static const int delays[] = {1500, 4000};
  kill_and_rerun(ocr_pair, delays, G_N_ELEMENTS(delays), 2);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kill_text_batch),
      cmocka_unit_test(test_kill_during_ocr),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
