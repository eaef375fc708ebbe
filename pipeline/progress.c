/*
 * progress.c - "solvency: 3/9 cases, 41/80 documents  C-0042" on a tty.
 */
#include "progress.h"

#include <glib.h>
#include <stdio.h>
#include <unistd.h>

struct sv_progress {
  bool enabled;
  bool drawn;
  size_t total_cases;
  gint64 last_us;
};

struct sv_progress *sv_progress_new(bool enabled, size_t total_cases)
{
  struct sv_progress *p = g_new0(struct sv_progress, 1);
  p->enabled = enabled && isatty(STDERR_FILENO);
  p->total_cases = total_cases;
  return p;
}

void sv_progress_free(struct sv_progress **p)
{
  if (p == NULL || *p == NULL)
    return;
  g_free(*p);
  *p = NULL;
}

void sv_progress_update(struct sv_progress *p, size_t cases_done,
                        size_t docs_done, size_t docs_total,
                        const char *current)
{
  if (!p->enabled)
    return;
  gint64 now = g_get_monotonic_time();
  bool last = cases_done == p->total_cases;
  if (!last && p->drawn && now - p->last_us < 100000)
    return;
  p->last_us = now;
  p->drawn = true;
  fprintf(stderr, "\r\033[Ksolvency: %zu/%zu cases, %zu/%zu documents%s%.40s",
          cases_done, p->total_cases, docs_done, docs_total,
          current != NULL ? "  " : "", current != NULL ? current : "");
  fflush(stderr);
}

void sv_progress_finish(struct sv_progress *p)
{
  if (p->enabled && p->drawn) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
  }
  p->drawn = false;
}
