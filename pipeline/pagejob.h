/*
 * pagejob.h - the pages of one document, shared out between workers.
 *
 * A long scanned document would keep one worker busy while the others
 * idle.  When the reader process of the worker that owns a document (the
 * owner) starts OCR on a document with two or more pages to read, the owner
 * makes a page job and offers it to the other workers (helpers) through the
 * work queue.  Every reader taking part asks, page by page, whether it may
 * read that page: the first to ask gets it.  A helper hands back the pages
 * its reader read, encoded (sv_wire_put_page_result), or the reason its
 * reader was lost on one; the owner waits for them all and gives them to
 * its own reader, which assembles the document as if it had read every
 * page itself.  Which reader read a page changes nothing in what it reads:
 * Tesseract starts every page afresh, and the document's figures are made
 * from its pages in page order.
 *
 * Shared by threads: reference-counted; one mutex and one condition inside.
 */
#ifndef SV_PAGEJOB_H
#define SV_PAGEJOB_H

#include <glib.h>
#include <stdbool.h>

#include "model.h"

struct sv_page_job;

/* Returns owned (one reference): a job over the npages pages of the
   document at relpath (type, bytes: a reference is taken). */
struct sv_page_job *sv_page_job_new(GBytes *bytes, const char *relpath,
                                    enum sv_filetype type, int npages);
struct sv_page_job *sv_page_job_ref(struct sv_page_job *job);
/* NULL-safe; clears *job. */
void sv_page_job_unref(struct sv_page_job **job);

/* The document, for a helper's reader (borrowed from the job). */
GBytes *sv_page_job_bytes(const struct sv_page_job *job);
const char *sv_page_job_path(const struct sv_page_job *job);
enum sv_filetype sv_page_job_type(const struct sv_page_job *job);

/* Whether helpers may still claim pages (false once the owner's reader
   has been through every page: a helper then drops the job at once). */
bool sv_page_job_open(struct sv_page_job *job);

/* Closes the job to helpers (the owner is done with the document). */
void sv_page_job_close(struct sv_page_job *job);

/* Claims page (1-based) for the owner or for a helper; true when nobody
   had it.  A helper's claim fails once the job is closed. */
bool sv_page_job_claim(struct sv_page_job *job, int page, bool owner);

/* A helper's page, read: result is its sv_wire_put_page_result encoding
   (taken).  Or the reason it could not be (copied). */
void sv_page_job_deliver(struct sv_page_job *job, int page,
                         GByteArray *result);
void sv_page_job_fail(struct sv_page_job *job, int page, const char *why);

/* Owner: closes the job to helpers, waits until every page a helper
   claimed is delivered or failed, and appends them to b in page order:
   u32 count, then per page i32 page, u32 0 and the result bytes, or
   i32 page, u32 1 and the reason (a string).  Returns the count. */
guint32 sv_page_job_gather(struct sv_page_job *job, GByteArray *b);

/* How many pages helpers read (statistics). */
int sv_page_job_helped(struct sv_page_job *job);

#endif
