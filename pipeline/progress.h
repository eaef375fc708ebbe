/*
 * progress.h - the one-line progress display on a terminal.
 *
 * Only the collector thread updates it.  It draws on stderr when stderr is
 * a terminal and the run is not --quiet, at most ten times a second, and
 * says nothing otherwise (so logs and pipes stay clean).
 */
#ifndef SV_PROGRESS_H
#define SV_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

struct sv_progress;

/* Returns owned: free with sv_progress_free.  enabled=false never draws. */
struct sv_progress *sv_progress_new(bool enabled, size_t total_cases);
void sv_progress_free(struct sv_progress **p);

/* Updates the counts and redraws when due: cases and documents done,
   pages done and pages per second, and the time left.  docs_total may
   grow as cases are listed. */
void sv_progress_update(struct sv_progress *p, size_t cases_done,
                        size_t docs_done, size_t docs_total,
                        size_t pages_done, const char *current);

/* The time left, in seconds, after elapsed seconds: by cases done when
   the batch has several, else by documents.  False when nothing is done
   yet to go by. */
bool sv_progress_eta(size_t cases_done, size_t total_cases, size_t docs_done,
                     size_t docs_total, double elapsed, double *eta);

/* Erases the line (call before printing anything else). */
void sv_progress_finish(struct sv_progress *p);

#endif
