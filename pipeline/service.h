/*
 * service.h - what a worker thread offers the stages it runs, beyond their
 * own contexts.
 *
 * The engine makes one sv_services per worker, all empty.  A stage's init
 * may offer a service there (the OCR stage offers the re-read of a crop
 * with its own engine); every later process call of that worker receives
 * it, and passes it down to the readers.  So a reader can ask for a second
 * look at a doubtful figure without knowing which stage, engine or thread
 * provides it, and nothing hangs on the document itself.  Worker thread
 * only: the services of a worker are used by that worker alone.
 */
#ifndef SV_SERVICE_H
#define SV_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <glib.h>

struct sv_page;
struct sv_box;
struct sv_doc;

/* The readings of one re-read crop, one per way of reading it (the OCR
   stage reads it as a raw line and as a single line), most confident
   first.  Two readings that differ are a doubt: a figure the arithmetic
   checks may try each; one nothing checks (a date) needs them to agree. */
#define SV_REREAD_MAX 2
struct sv_reread {
  size_t n;
  char *text[SV_REREAD_MAX]; /* owned (g_free), never empty, UTF-8;
                                spaces removed (a line: collapsed) */
  float conf[SV_REREAD_MAX]; /* 0-100 */
};

/* What a re-read crop holds, which decides how it is read: an amount
   (digits, separators, signs, brackets, currency signs), a date printed in
   digits ("08/05", "25", "12-03-2026"), or a table row's whole line (any
   words, by the page's own reader, one reading: a cell's context). */
enum sv_reread_kind { SV_REREAD_AMOUNT = 0, SV_REREAD_DATE, SV_REREAD_LINE };

/* Re-reads the figure inside box (points, on page's own image) as one line
   of the characters kind allows, at a larger scale.  Fills *out (cleared
   first); returns true when something was read (out->n > 0). */
typedef bool (*sv_reread_fn)(void *self, const struct sv_page *page,
                             const struct sv_box *box,
                             enum sv_reread_kind kind, struct sv_reread *out);

/* Told when a stage starts on a page of the current document (a
   heartbeat: the supervisor of an isolated reader times each page). */
typedef void (*sv_page_fn)(void *self, const char *stage, int page);

/* Page sharing (pipeline/pagejob.h): may this reader OCR page (1-based)
   of the current document?  candidates is the number of the document's
   pages that need OCR.  Another reader may take the pages it is refused. */
typedef bool (*sv_claim_fn)(void *self, int page, int candidates);

/* After a reader has been through its pages: puts on doc the pages other
   readers OCR'd (replacing those pages, appending their problems), or
   fails doc with the reason one of them could not be read. */
typedef void (*sv_gather_fn)(void *self, struct sv_doc *doc);

/* Draws the region around show (points: the figure and the rest of its
   line, its label) on page, with a margin and box (the figure) outlined:
   the pixels OCR read, or for a text-layer page the page drawn at a
   readable resolution, as PNG bytes.  Returns owned, NULL when the page
   cannot be drawn. */
typedef GBytes *(*sv_crop_fn)(void *self, const struct sv_page *page,
                              const struct sv_box *box,
                              const struct sv_box *show);

struct sv_services {
  sv_reread_fn reread; /* NULL when no stage offers it */
  void *reread_self;   /* borrowed: the offering stage's worker context */
  sv_page_fn page;     /* NULL when nobody listens */
  void *page_self;
  sv_claim_fn claim;   /* NULL: every page is this reader's */
  sv_gather_fn gather;
  void *share_self;
  sv_crop_fn crop;     /* NULL when no stage offers it */
  void *crop_self;
};

/* The evidence crop of box on page (see sv_crop_fn); NULL when nobody
   offers crops or the page cannot be drawn. */
static inline GBytes *sv_services_crop(const struct sv_services *svc,
                                       const struct sv_page *page,
                                       const struct sv_box *box,
                                       const struct sv_box *show)
{
  if (svc == NULL || svc->crop == NULL || page == NULL || box == NULL ||
      show == NULL)
    return NULL;
  return svc->crop(svc->crop_self, page, box, show);
}

/* Whether the caller may OCR page; true when nobody shares pages. */
static inline bool sv_services_claim(const struct sv_services *svc, int page,
                                     int candidates)
{
  if (svc == NULL || svc->claim == NULL)
    return true;
  return svc->claim(svc->share_self, page, candidates);
}

/* Puts the pages other readers OCR'd on doc (nothing without sharing). */
static inline void sv_services_gather(const struct sv_services *svc,
                                      struct sv_doc *doc)
{
  if (svc != NULL && svc->gather != NULL)
    svc->gather(svc->share_self, doc);
}

/* Tells svc's listener, if any, that stage starts on page (1-based). */
static inline void sv_services_page(const struct sv_services *svc,
                                    const char *stage, int page)
{
  if (svc != NULL && svc->page != NULL)
    svc->page(svc->page_self, stage, page);
}

static inline void sv_reread_clear(struct sv_reread *r)
{
  for (size_t i = 0; i < r->n && i < SV_REREAD_MAX; i++)
    g_free(r->text[i]);
  memset(r, 0, sizeof *r);
}

/* Calls the re-read service for every reading; false when there is none
   (svc NULL too) or nothing was read.  Clear *out with sv_reread_clear
   either way. */
static inline bool sv_services_reread_all(const struct sv_services *svc,
                                          const struct sv_page *page,
                                          const struct sv_box *box,
                                          enum sv_reread_kind kind,
                                          struct sv_reread *out)
{
  memset(out, 0, sizeof *out);
  if (svc == NULL || svc->reread == NULL)
    return false;
  return svc->reread(svc->reread_self, page, box, kind, out) && out->n > 0;
}

/* An amount's most confident reading only: owned *text (g_free) and
   *conf. */
static inline bool sv_services_reread(const struct sv_services *svc,
                                      const struct sv_page *page,
                                      const struct sv_box *box, char **text,
                                      float *conf)
{
  struct sv_reread r;
  *text = NULL;
  *conf = 0.0f;
  if (!sv_services_reread_all(svc, page, box, SV_REREAD_AMOUNT, &r)) {
    sv_reread_clear(&r);
    return false;
  }
  *text = r.text[0];
  *conf = r.conf[0];
  r.text[0] = NULL;
  sv_reread_clear(&r);
  return true;
}

#endif
