/*
 * stats.c - counting what a run did (see stats.h).
 */
#include "stats.h"

#include <glib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

void sv_stats_stage(struct sv_stats *s, const char *name, double seconds)
{
  size_t i = 0;
  while (i < s->nstages && strcmp(s->stage[i], name) != 0)
    i++;
  if (i == s->nstages) {
    if (s->nstages == SV_STATS_MAX_STAGES)
      return;
    g_strlcpy(s->stage[i], name, sizeof s->stage[i]);
    s->nstages++;
  }
  s->cpu[i] += seconds;
}

void sv_stats_add(struct sv_stats *into, const struct sv_stats *from)
{
  for (size_t i = 0; i < from->nstages; i++)
    sv_stats_stage(into, from->stage[i], from->cpu[i]);
  into->docs += from->docs;
  into->pages_text += from->pages_text;
  into->pages_ocr += from->pages_ocr;
  into->pages_unread += from->pages_unread;
  into->pages_helped += from->pages_helped;
  into->rereads += from->rereads;
  into->readers += from->readers;
  into->reader_cpu += from->reader_cpu;
  into->reader_rss_kb = MAX(into->reader_rss_kb, from->reader_rss_kb);
  into->work_high = MAX(into->work_high, from->work_high);
  into->work_cap = MAX(into->work_cap, from->work_cap);
  into->done_high = MAX(into->done_high, from->done_high);
  into->done_cap = MAX(into->done_cap, from->done_cap);
}

double sv_stats_thread_cpu(void)
{
  struct timespec ts;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
    return 0;
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sv_stats_print(FILE *f, const struct sv_stats *s, double wall,
                    int jobs, long main_rss_kb)
{
  struct rusage self = {0};
  getrusage(RUSAGE_SELF, &self);
  double main_cpu = (double)self.ru_utime.tv_sec +
                    (double)self.ru_utime.tv_usec / 1e6 +
                    (double)self.ru_stime.tv_sec +
                    (double)self.ru_stime.tv_usec / 1e6;
  double cpu = main_cpu + s->reader_cpu;
  long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (cores < 1)
    cores = 1;
  long pages = s->pages_text + s->pages_ocr + s->pages_unread;
  fprintf(f, "stats: wall %.2f s, CPU %.2f s (this process %.2f, reader "
             "processes %.2f), %.0f%% of %ld cores, -j %d\n",
          wall, cpu, main_cpu, s->reader_cpu,
          wall > 0 ? 100.0 * cpu / (wall * (double)cores) : 0.0, cores, jobs);
  fprintf(f, "stats: %ld documents, %ld pages (%.1f pages/s): %ld text "
             "layer, %ld OCR (%ld of them by another worker's reader), %ld "
             "unread; %ld figures re-read\n",
          s->docs, pages, wall > 0 ? (double)pages / wall : 0.0,
          s->pages_text, s->pages_ocr, s->pages_helped, s->pages_unread,
          s->rereads);
  fprintf(f, "stats: CPU by stage:");
  for (size_t i = 0; i < s->nstages; i++)
    fprintf(f, " %s %.2f s%s", s->stage[i], s->cpu[i],
            i + 1 < s->nstages ? "," : "\n");
  if (s->nstages == 0)
    fputc('\n', f);
  fprintf(f, "stats: queues: work %zu of %zu at most, done %zu of %zu; "
             "%d reader processes\n",
          s->work_high, s->work_cap, s->done_high, s->done_cap, s->readers);
  fprintf(f, "stats: peak memory: this process %.1f MB, largest reader "
             "process %.1f MB\n",
          (double)main_rss_kb / 1024.0, (double)s->reader_rss_kb / 1024.0);
}
