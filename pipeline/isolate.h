/*
 * isolate.h - each worker's reader process: the stages that parse
 * untrusted bytes with third-party code (render: Poppler, Leptonica; OCR:
 * Tesseract) run there, one document at a time, so that a crash, an abort
 * (an uncaught C++ exception, std::bad_alloc), a hang or a runaway
 * allocation inside them costs that document and nothing else.
 *
 * The worker thread starts its process (the program itself, run as
 * `solvency __reader`) on its first document and sends it each document's
 * bytes; the process runs the isolated stages of the registry with its own
 * contexts (one Tesseract engine, made once, per process) and sends back
 * what they left: pages, lines, words, problems.  While it works it sends
 * a heartbeat per page; a page that takes longer than the page time limit
 * gets the process killed.  Re-reads of doubtful figures, asked by the
 * readers in the worker thread, are forwarded to the process, which keeps
 * the document (its bytes, never its pixels) until the worker is done with
 * it.  A process that died is started again for the next document.  See
 * pipeline/DESIGN.md for why processes and not threads.
 */
#ifndef SV_ISOLATE_H
#define SV_ISOLATE_H

#include <stdbool.h>

#include "../stages/stage.h"
#include "model.h"
#include "service.h"
#include "stats.h"

/* Seconds a reader process may spend on one page unless --page-timeout
   says otherwise (Tesseract's own deadline, 60 s, is checked only between
   its phases). */
#define SV_DEFAULT_PAGE_TIMEOUT 300

/* The argument that makes the program a reader process. */
#define SV_READER_ARG "__reader"

struct sv_isolate;
struct sv_page_job;

/* Offers job (the pages of the document this worker runs) to up to
   `helpers` other workers (the engine queues that many help items). */
typedef void (*sv_isolate_offer_fn)(void *self, struct sv_page_job *job,
                                    int helpers);


/* Returns owned (sv_isolate_free): a worker's link to its reader process,
   started on the first document.  Borrows cfg (cfg->reader_exe is the
   program to start). */
struct sv_isolate *sv_isolate_new(const struct sv_config *cfg);
/* Closes the link and waits for the process as sv_isolate_free does, so
   that its CPU time and memory are counted (sv_isolate_stats); the next
   document would start a new one. */
void sv_isolate_close(struct sv_isolate *iso);
/* NULL-safe: closes the link, waits for the process (killing it when it
   does not end within a few seconds) and clears *iso. */
void sv_isolate_free(struct sv_isolate **iso);

/* Runs doc (status OK, with its bytes) through the isolated stages in the
   reader process.  On return doc holds what they left, or is failed with
   the reason when the process died, hung past the page time limit or
   answered with garbage (the process is then gone; the next document
   starts a new one).  The bytes are dropped either way. */
void sv_isolate_run(struct sv_isolate *iso, struct sv_doc *doc);

/* Lets the documents this worker runs share their OCR pages with other
   workers through offer (pipeline/pagejob.h).  Without it (one worker),
   a reader reads every page of its document itself. */
void sv_isolate_share(struct sv_isolate *iso, sv_isolate_offer_fn offer,
                      void *self);

/* Reads, in this worker's reader process, the pages of another worker's
   document that nobody has claimed yet, and hands them to the job (or
   fails the page the process was lost on).  Returns at once when the job
   is closed. */
void sv_isolate_help(struct sv_isolate *iso, struct sv_page_job *job);

/* What the reader processes of this worker did and cost so far: CPU by
   stage, processes started, and (for the processes that ended) their CPU
   and peak memory; pages of its documents other readers read. */
const struct sv_stats *sv_isolate_stats(const struct sv_isolate *iso);

/* The re-read service (sv_reread_fn, self = the sv_isolate) for pages of
   the document last run: forwarded to the reader process. */
bool sv_isolate_reread(void *self, const struct sv_page *page,
                       const struct sv_box *box, enum sv_reread_kind kind,
                       struct sv_reread *out);

/* The crop service (sv_crop_fn, self = the sv_isolate) for pages of the
   document last run: forwarded to the reader process.  A process lost
   while drawing fails the document at sv_isolate_done. */
GBytes *sv_isolate_crop(void *self, const struct sv_page *page,
                        const struct sv_box *box, const struct sv_box *show);

/* Ends the document last run (the process drops it).  When the process
   was lost while serving its re-reads, doc is failed with the reason. */
void sv_isolate_done(struct sv_isolate *iso, struct sv_doc *doc);

/* The reader process: serves documents on file descriptor 0 until the
   worker closes it.  argv as given to the program (argv[1] is
   SV_READER_ARG, then --parent PID --max-pages N --worker-memory BYTES).
   stages is the
   registry; only its isolated stages run here.  Returns the exit status
   (at once when the worker that started it, --parent PID, is gone).
   A test hook: SV_FAULT_INJECT=MODE:TEXT[#PAGE] (MODE crash, abort, hang
   or oom) makes the process fail that way when OCR starts on a page (that
   page only, with #PAGE) of a document whose path contains TEXT. */
int sv_isolate_reader_main(int argc, char **argv,
                           const struct sv_stage *const *stages);

#endif
