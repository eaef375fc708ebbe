/*
 * progress.c - "solvency: 3/9 cases, 41/80 documents, 120 pages (2.4/s),
 * ETA 1:05  C-0042" on a tty.
 */
#include "progress.h"

#include <glib.h>
#include <stdio.h>
#include <unistd.h>

struct sv_progress {
  bool enabled;
  bool drawn;
  size_t total_cases;
  gint64 start_us;
  gint64 last_us;
};

struct sv_progress *sv_progress_new(bool enabled, size_t total_cases)
{
  struct sv_progress *p = g_new0(struct sv_progress, 1);
  p->enabled = enabled && isatty(STDERR_FILENO);
  p->total_cases = total_cases;
  p->start_us = g_get_monotonic_time();
  return p;
}

void sv_progress_free(struct sv_progress **p)
{
  if (p == NULL || *p == NULL)
    return;
  g_free(*p);
  *p = NULL;
}

bool sv_progress_eta(size_t cases_done, size_t total_cases, size_t docs_done,
                     size_t docs_total, double elapsed, double *eta)
{
  double frac = 0;
  if (total_cases > 1 && cases_done > 0)
    frac = (double)cases_done / (double)total_cases;
  else if (docs_total > 0)
    frac = (double)docs_done / (double)docs_total;
  if (!(frac > 0) || elapsed <= 0)
    return false;
  *eta = elapsed * (1.0 - frac) / frac;
  return true;
}

void sv_progress_update(struct sv_progress *p, size_t cases_done,
                        size_t docs_done, size_t docs_total,
                        size_t pages_done, const char *current)
{
  if (!p->enabled)
    return;
  gint64 now = g_get_monotonic_time();
  bool last = cases_done == p->total_cases;
  if (!last && p->drawn && now - p->last_us < 100000)
    return;
  p->last_us = now;
  p->drawn = true;
  double elapsed = (double)(now - p->start_us) / 1e6, eta = 0;
  char when[32] = "";
  if (!last && sv_progress_eta(cases_done, p->total_cases, docs_done,
                               docs_total, elapsed, &eta))
    g_snprintf(when, sizeof when, ", ETA %ld:%02ld", (long)eta / 60,
               (long)eta % 60);
  fprintf(stderr,
          "\r\033[Ksolvency: %zu/%zu cases, %zu/%zu documents, %zu pages "
          "(%.1f/s)%s%s%.40s",
          cases_done, p->total_cases, docs_done, docs_total, pages_done,
          elapsed > 0 ? (double)pages_done / elapsed : 0.0, when,
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
