/*
 * main.c - the program's entry: `solvency run` (run.c), `solvency merge`
 * (merge.c), `solvency render` (html.c), and the reader process each
 * worker starts (isolate.c).
 *
 * Sets up what must be set up before any thread starts: Tesseract's
 * OpenMP threads, the stopping signals (SIGINT, SIGTERM, SIGHUP: the first
 * lets the cases in progress finish, a second stops at once; the
 * temporary files it leaves are removed by the next run), libxml2.
 */
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

#include "../stages/stage.h"
#include "html.h"
#include "isolate.h"
#include "merge.h"
#include "run.h"

/* Tesseract's OpenMP threads fight our workers for the cores, so each
   worker's engine must run single-threaded.  libgomp reads OMP_THREAD_LIMIT
   once, when it is loaded, before main: setting it here is too late for
   this process.  So when the user has not set it, set it and re-execute
   the program once (a few milliseconds); a user's own value is kept. */
static void limit_openmp(char **argv)
{
  if (g_getenv("OMP_THREAD_LIMIT") != NULL)
    return;
  g_setenv("OMP_THREAD_LIMIT", "1", TRUE);
  execv("/proc/self/exe", argv);
  /* exec failed (no /proc?): go on with OpenMP as it is; only speed
     suffers. */
}

/* -------------------------------------------------------------- signals */

static int stop_signal; /* atomic: the first stopping signal, 0 before */

/* Waits for SIGINT, SIGTERM or SIGHUP (blocked in every other thread):
   the first asks the engine to stop feeding cases, the second ends the
   process at once. */
static void *signal_main(void *arg)
{
  sigset_t *set = arg;
  for (;;) {
    int sig = 0;
    if (sigwait(set, &sig) != 0)
      continue;
    if (g_atomic_int_compare_and_exchange(&stop_signal, 0, sig)) {
      static const char msg[] = "\nsolvency: stopping: finishing the cases "
                                "in progress (signal again to stop at "
                                "once)\n";
      if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0) {
        /* nothing to do */
      }
      continue;
    }
    _exit(128 + sig);
  }
  return NULL;
}

/* Blocks the stopping signals in this thread (and so in every thread the
   engine starts) and starts the thread that waits for them. */
static void watch_signals(void)
{
  static sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  pthread_t t;
  if (pthread_create(&t, NULL, signal_main, &set) == 0)
    pthread_detach(t);
}

/* The data folder: $SOLVENCY_DATA_DIR, else <prefix>/share/solvency next
   to an installed binary (<prefix>/bin/solvency), else the source tree's
   schemas/ the build was made from. */
static char *default_data_dir(void)
{
  const char *env = g_getenv("SOLVENCY_DATA_DIR");
  if (env != NULL && env[0] != '\0')
    return g_strdup(env);
  char *exe = g_file_read_link("/proc/self/exe", NULL);
  if (exe != NULL) {
    char *bin = g_path_get_dirname(exe);
    char *share = g_build_filename(bin, "..", "share", "solvency", NULL);
    char *probe = g_build_filename(share, "report.xsd", NULL);
    bool found = g_file_test(probe, G_FILE_TEST_IS_REGULAR);
    g_free(probe);
    g_free(bin);
    g_free(exe);
    if (found)
      return share;
    g_free(share);
  }
  return g_strdup(SV_DATA_DIR);
}

int main(int argc, char **argv)
{
  int rc;
  limit_openmp(argv);
  if (argc >= 2 && strcmp(argv[1], SV_READER_ARG) == 0)
    return sv_isolate_reader_main(argc, argv, sv_stages);
  watch_signals(); /* before any other thread: they all inherit the mask */
  LIBXML_TEST_VERSION
  xmlInitParser();
  char *dd = default_data_dir();
  if (argc >= 2 && strcmp(argv[1], "merge") == 0)
    rc = sv_merge_main(argc, argv, dd);
  else if (argc >= 2 && strcmp(argv[1], "render") == 0)
    rc = sv_html_main(argc, argv, dd);
  else
    rc = sv_run_main(argc, argv, dd, &stop_signal);
  g_free(dd);
  xsltCleanupGlobals();
  xmlCleanupParser();
  return rc;
}
