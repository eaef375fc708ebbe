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

struct sv_page;
struct sv_box;

/* Re-reads the figure inside box (points, on page's own image) as one line
   of digits and punctuation at a larger scale.  On success returns true,
   owned *text (g_free) and its confidence (0-100). */
typedef bool (*sv_reread_fn)(void *self, const struct sv_page *page,
                             const struct sv_box *box, char **text,
                             float *conf);

struct sv_services {
  sv_reread_fn reread; /* NULL when no stage offers it */
  void *reread_self;   /* borrowed: the offering stage's worker context */
};

/* Calls the re-read service; false when there is none (svc NULL too). */
static inline bool sv_services_reread(const struct sv_services *svc,
                                      const struct sv_page *page,
                                      const struct sv_box *box, char **text,
                                      float *conf)
{
  if (svc == NULL || svc->reread == NULL)
    return false;
  return svc->reread(svc->reread_self, page, box, text, conf);
}

#endif
