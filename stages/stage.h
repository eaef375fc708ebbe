/*
 * stage.h - the one interface every stage implements.
 *
 * The pipeline runs document stages (ingest, render, ocr, classify, extract)
 * on worker threads, one document at a time, and case stages (evaluate,
 * report) on the collector thread once all of a case's documents are done.
 * Each stage is a const ops table listed in the registry (stages.c):
 *
 *   open    - (the first stage only, ingest) lists one case folder into a
 *             case and its documents; the engine's feeder calls it for
 *             each folder in order.  NULL for every other stage.
 *   init    - called once per worker thread (document stages) or once on the
 *             collector (case stages); makes the per-thread context, e.g. a
 *             Tesseract engine, and may offer a service to the thread's
 *             other stages (pipeline/service.h).  May be NULL.
 *   process - does the stage's work on one document (doc != NULL) or one
 *             case (doc == NULL), with the thread's services.  A stage
 *             records problems on the document or case and returns SV_OK
 *             unless the thread itself cannot go on; a failing document
 *             never stops the others.
 *   fini    - frees the context and clears *ctx.  May be NULL.
 *
 * A stage skips a document whose status is already SV_DOC_FAILED or
 * SV_DOC_SKIPPED unless its ops say otherwise (see run_on_failed).
 */
#ifndef SV_STAGE_H
#define SV_STAGE_H

#include <stdbool.h>

#include "../pipeline/model.h"
#include "../pipeline/service.h"
#include "../pipeline/status.h"

struct sv_rules; /* ruleset + wage table + rates, see rules/rules.h */
struct sv_journal; /* the rerun journal, see pipeline/journal.h */

/* What a run was asked to do; filled by the CLI before any thread starts
   and read-only afterwards (MT safe to read). */
struct sv_config {
  const char *cases_root;
  const char *out_dir;
  const char *data_dir;     /* the schemas/ folder (XSDs, rulesets, data) */
  const char *ruleset_id;   /* "sre-2012" by default; "auto" */
  enum sv_policy policy;    /* how a savings window is judged */
  const char *rates_path;   /* NULL: only MXN can be evaluated */
  bool has_as_of;           /* --as-of given */
  GDate as_of;              /* --as-of */
  GDate today;              /* the date when neither --as-of nor case.xml
                               gives one */
  int jobs;
  int max_pages;            /* pages per document above which it is
                               refused; 0: SV_DEFAULT_MAX_PAGES */
  gint64 worker_memory;     /* bytes of memory one worker may use (from
                               --max-memory / jobs); a page whose pixels
                               would not fit is refused; 0: no limit */
  bool quiet;
  bool no_evidence;         /* --no-evidence: no crops, no @evidence */
  const struct sv_rules *rules; /* loaded once in main, borrowed */
  const char *reader_exe;   /* the program to start as each worker's
                               reader process (isolation), NULL to run
                               every stage in the worker thread itself */
  int page_timeout;         /* seconds a reader process may spend on one
                               page before it is killed; 0: default */
  struct sv_journal *journal; /* NULL: every case is processed; else an
                               unchanged case is skipped and every report
                               written is recorded (pipeline/journal.h) */
  const int *stop;          /* may be NULL; when *stop (read atomically)
                               turns non-zero, no further case is started
                               and the cases in progress finish */
};

/* A statement bundle runs to dozens of pages; a document of more pages
   than this is refused, with the reason, before any page is rendered. */
#define SV_DEFAULT_MAX_PAGES 500

enum sv_stage_scope { SV_SCOPE_DOCUMENT = 0, SV_SCOPE_CASE };

struct sv_stage {
  const char *name;
  enum sv_stage_scope scope;
  bool run_on_failed;  /* also called for skipped/failed documents */
  bool isolated;       /* parses untrusted bytes with third-party code
                          (Poppler, Leptonica, Tesseract): run in the
                          worker's reader process when isolation is on
                          (pipeline/isolate.h) */
  /* Returns the case (owned: sv_case_free) in *out, never NULL: a folder
     that cannot be read gives a failed case that says why. */
  sv_status (*open)(const struct sv_config *cfg, const char *dir,
                    struct sv_case **out);
  sv_status (*init)(const struct sv_config *cfg, struct sv_services *svc,
                    void **ctx);
  sv_status (*process)(void *ctx, const struct sv_config *cfg,
                       const struct sv_services *svc, struct sv_case *c,
                       struct sv_doc *doc);
  void (*fini)(void **ctx);
};

/* The registry, in pipeline order, NULL-terminated. */
extern const struct sv_stage *const sv_stages[];

#endif
