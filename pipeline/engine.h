/*
 * engine.h - the multi-threaded pipeline that runs a batch of cases.
 *
 *   feeder (caller's thread)  --work queue-->  N workers  --done queue-->
 *   collector thread
 *
 * The feeder opens each case folder in order (ingest's listing) and pushes
 * one item per document into the bounded work queue.  Each worker owns one
 * context per document stage (made once per thread, e.g. an OCR engine)
 * and runs the document stages on each item in registry order.  The
 * collector counts a case's documents back in and, when all are there, runs
 * the case stages (evaluate, report) and frees the case.  Reports depend
 * only on their case's content, never on thread timing.  See
 * pipeline/DESIGN.md for ownership and lock order.
 */
#ifndef SV_ENGINE_H
#define SV_ENGINE_H

#include <stdbool.h>
#include <stddef.h>

#include "../stages/stage.h"
#include "stats.h"

struct sv_engine_result {
  size_t cases;
  size_t reported;        /* reports written, or in place (skipped) */
  size_t skipped;         /* cases the journal found unchanged */
  size_t failed;          /* cases that could not be evaluated or written */
  size_t documents;
  size_t outcomes[SV_OUTCOME_NOT_APPLICABLE + 1]; /* by enum sv_outcome,
                                                    reported cases only */
  struct sv_batch_entry *entries; /* owned, sorted by case id; free with
                                     sv_engine_result_clear */
  size_t nentries;
  bool stopped;           /* cfg->stop ended the batch early: nentries
                             cases were done, the others not started */
  struct sv_stats stats;  /* what it did and cost (--stats) */
};

/* Runs the case folders case_dirs[0..n) (absolute paths) with cfg through
   stages (NULL-terminated, pipeline order; the program passes sv_stages,
   tests their own).  Blocks until every case is done; writes no batch.xml
   (the caller does, from res->entries).  Call from the main thread only. */
void sv_engine_run(const struct sv_config *cfg,
                   const struct sv_stage *const *stages,
                   char *const *case_dirs, size_t n,
                   struct sv_engine_result *res);

/* Frees what sv_engine_run put in res. */
void sv_engine_result_clear(struct sv_engine_result *res);

#endif
