/*
 * stats.h - what a run did and what it cost (`solvency run --stats`).
 *
 * Each worker thread (and each reader process, for the stages it runs)
 * counts into its own sv_stats, without locks; the engine adds them up
 * when the workers have ended.  CPU times are thread CPU time
 * (CLOCK_THREAD_CPUTIME_ID) around each stage's work on a document, in
 * the thread or reader process that ran it; reader processes' own totals
 * and peak memory come from wait4 when they end.  None of this goes into
 * a report: reports stay byte-identical whatever the timing.
 */
#ifndef SV_STATS_H
#define SV_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SV_STATS_MAX_STAGES 16

struct sv_stats {
  size_t nstages;
  char stage[SV_STATS_MAX_STAGES][16]; /* names, in the order first seen */
  double cpu[SV_STATS_MAX_STAGES];     /* seconds */
  long docs;
  long pages_text;    /* pages read from their text layer */
  long pages_ocr;     /* pages OCR'd */
  long pages_unread;  /* pages neither gave text (blank, failed, ...) */
  long pages_helped;  /* of the OCR'd pages, those another worker's reader
                         read (page sharing) */
  long rereads;       /* figures re-read from their crop */
  int readers;        /* reader processes started */
  double reader_cpu;  /* user + system seconds of the ended readers */
  long reader_rss_kb; /* the largest peak resident memory of a reader */
  size_t work_high, work_cap; /* queue high-water marks and capacities */
  size_t done_high, done_cap;
};

/* Adds seconds of CPU to the stage called name (a new entry when unseen;
   ignored past SV_STATS_MAX_STAGES stages). */
void sv_stats_stage(struct sv_stats *s, const char *name, double seconds);

/* Adds from's counts to into's (high-water marks and peaks: the larger). */
void sv_stats_add(struct sv_stats *into, const struct sv_stats *from);

/* The calling thread's CPU time, seconds. */
double sv_stats_thread_cpu(void);

/* Prints the table --stats shows: wall, CPU and utilisation over cores,
   per-stage CPU, pages by route, queues and peak memory (main_rss_kb:
   this process's peak). */
void sv_stats_print(FILE *f, const struct sv_stats *s, double wall,
                    int jobs, long main_rss_kb);

#endif
