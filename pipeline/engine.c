/*
 * engine.c - feeder, worker pool and collector (see engine.h, DESIGN.md).
 *
 * Lock order: the engine holds no lock of its own; the two queues each have
 * one internal mutex and no callback runs under it.  Counters shared between
 * threads are atomics.  Threads are made with an explicit stack size (OCR
 * engines need deep stacks) and named for debuggers and `top -H`.
 */
#include "engine.h"
#include "isolate.h"
#include "journal.h"
#include "pagejob.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "progress.h"
#include "queue.h"

#define SV_ENGINE_STACK (16u * 1024u * 1024u)
#define SV_ENGINE_MAX_JOBS 256

/* One unit in the queues: a document of a case, or (doc == NULL) a case
   that has no documents and goes straight to the collector, or (job) an
   offer to help read the pages of a document another worker runs. */
struct item {
  struct sv_case *c;
  struct sv_doc *doc;
  struct sv_page_job *job; /* owned reference */
  struct sv_batch_entry *skipped; /* owned: the case is unchanged since
                                     its journal block; its batch line */
  char *restamp;                  /* owned: that block with new stamps,
                                     or NULL (sv_journal_unchanged) */
};

struct engine {
  const struct sv_config *cfg;
  const struct sv_stage *const *stages;
  struct sv_queue *work;
  struct sv_queue *done;
  size_t ncases;
  int jobs;
  gint docs_total;      /* atomic: grows as the feeder lists cases */
  /* Documents queued and not yet done: the work queue closes only when
     none is left, since a worker running one may still offer its pages
     to the others through that queue. */
  pthread_mutex_t lock;
  pthread_cond_t idle;
  int in_flight;      /* atomic: grows as the feeder lists cases */
  struct sv_engine_result *res;
};

struct worker {
  struct engine *e;
  int index;
  pthread_t thread;
  struct sv_stats stats;  /* this worker's alone, added up after join */
  sv_reread_fn reread;    /* the re-read service, counted */
  void *reread_self;
};

static void name_thread(const char *name)
{
#ifdef __linux__
  prctl(PR_SET_NAME, name, 0, 0, 0);
#else
  (void)name;
#endif
}

/* ------------------------------------------------------------ workers */

/* The re-read service as offered, counted for --stats. */
static bool counted_reread(void *self, const struct sv_page *page,
                           const struct sv_box *box, enum sv_reread_kind kind,
                           struct sv_reread *out)
{
  struct worker *w = self;
  w->stats.rereads++;
  return w->reread(w->reread_self, page, box, kind, out);
}

/* Counts a document's pages by where their text came from. */
static void count_pages(struct sv_stats *st, const struct sv_doc *doc)
{
  st->docs++;
  for (int i = 0; i < doc->npages; i++) {
    enum sv_text_source src = doc->pages[i].source;
    if (src == SV_TEXT_LAYER)
      st->pages_text++;
    else if (src == SV_TEXT_OCR)
      st->pages_ocr++;
    else
      st->pages_unread++;
  }
}

/* sv_isolate_offer_fn: help items go first in the work queue, so that an
   idle worker takes them before the next document. */
static void offer_pages(void *self, struct sv_page_job *job, int helpers)
{
  struct engine *e = self;
  int n = MIN(helpers, e->jobs - 1);
  for (int i = 0; i < n; i++) {
    struct item *it = g_new0(struct item, 1);
    it->job = sv_page_job_ref(job);
    if (!sv_queue_push_front(e->work, it)) {
      sv_page_job_unref(&it->job);
      g_free(it);
    }
  }
}

static void *worker_main(void *arg)
{
  struct worker *w = arg;
  const struct sv_config *cfg = w->e->cfg;
  const struct sv_stage *const *stages = w->e->stages;
  char name[16];
  snprintf(name, sizeof name, "sv-worker-%d", w->index);
  name_thread(name);

  size_t nstages = 0;
  while (stages[nstages] != NULL)
    nstages++;
  void **ctx = g_new0(void *, nstages);
  sv_status *ready = g_new0(sv_status, nstages);
  struct sv_services svc = {0}; /* filled by the stages that offer one */
  /* With a reader program, the isolated stages run in this worker's
     reader process, which offers the re-reads (pipeline/isolate.h). */
  struct sv_isolate *iso =
      cfg->reader_exe != NULL ? sv_isolate_new(cfg) : NULL;
  for (size_t s = 0; s < nstages; s++) {
    const struct sv_stage *st = stages[s];
    if (st->scope != SV_SCOPE_DOCUMENT || st->init == NULL ||
        (iso != NULL && st->isolated))
      continue;
    ready[s] = st->init(cfg, &svc, &ctx[s]);
  }
  if (iso != NULL) {
    svc.reread = sv_isolate_reread;
    svc.reread_self = iso;
    svc.crop = sv_isolate_crop;
    svc.crop_self = iso;
    if (w->e->jobs > 1)
      sv_isolate_share(iso, offer_pages, w->e);
  }
  if (svc.reread != NULL) {
    w->reread = svc.reread;
    w->reread_self = svc.reread_self;
    svc.reread = counted_reread;
    svc.reread_self = w;
  }

  struct item *it;
  while ((it = sv_queue_pop(w->e->work)) != NULL) {
    if (it->job != NULL) { /* another worker's pages */
      sv_isolate_help(iso, it->job);
      sv_page_job_unref(&it->job);
      g_free(it);
      continue;
    }
    struct sv_doc *doc = it->doc;
    bool isolated_done = false, sent = false;
    for (size_t s = 0; s < nstages; s++) {
      const struct sv_stage *st = stages[s];
      if (st->scope != SV_SCOPE_DOCUMENT || st->process == NULL)
        continue;
      if (iso != NULL && st->isolated) { /* all of them at once, there */
        if (!isolated_done && doc->status == SV_DOC_OK &&
            doc->bytes != NULL) {
          sv_isolate_run(iso, doc);
          sent = true;
        }
        isolated_done = true;
        continue;
      }
      if (doc->status != SV_DOC_OK && !st->run_on_failed)
        continue;
      if (ready[s] != SV_OK) {
        sv_doc_problem(doc, SV_DOC_FAILED, ready[s], st->name, 0,
                       "the %s stage could not start: %s", st->name,
                       sv_status_str(ready[s]));
        continue;
      }
      double t0 = sv_stats_thread_cpu();
      st->process(ctx[s], cfg, &svc, it->c, doc);
      sv_stats_stage(&w->stats, st->name, sv_stats_thread_cpu() - t0);
    }
    if (sent)
      sv_isolate_done(iso, doc);
    count_pages(&w->stats, doc);
    pthread_mutex_lock(&w->e->lock);
    if (--w->e->in_flight == 0)
      pthread_cond_broadcast(&w->e->idle);
    pthread_mutex_unlock(&w->e->lock);
    sv_doc_drop_pixels(doc); /* never carry pixels past the workers */
    if (!sv_queue_push(w->e->done, it))
      g_free(it); /* cannot happen: done closes after workers join */
  }

  for (size_t s = 0; s < nstages; s++)
    if (stages[s]->fini != NULL && ctx[s] != NULL)
      stages[s]->fini(&ctx[s]);
  if (iso != NULL) {
    sv_isolate_close(iso);
    sv_stats_add(&w->stats, sv_isolate_stats(iso));
    sv_isolate_free(&iso);
  }
  g_free(ready);
  g_free(ctx);
  return NULL;
}

/* ---------------------------------------------------------- collector */

struct collector {
  struct engine *e;
  pthread_t thread;
  GArray *entries; /* of struct sv_batch_entry with owned strings */
  struct sv_stats stats;
};

/* What batch.csv says of one stay: its outcome and the figures of the
   test that decided it. */
static void stay_record(struct sv_batch_stay *bs,
                        const struct sv_evaluation *ev,
                        const struct sv_stay *stay)
{
  bs->id = g_strdup(stay->id);
  bs->outcome = stay->outcome;
  const struct sv_test *pick = NULL;
  for (guint t = 0; t < ev->tests->len; t++) {
    const struct sv_test *x = &g_array_index(ev->tests, struct sv_test, t);
    if (strcmp(x->stay, stay->id) != 0)
      continue;
    if (x->outcome == SV_OUTCOME_NEEDS_REVIEW && x->reasons != NULL)
      bs->review_reasons += (int)x->reasons->len;
    if (x->outcome == stay->outcome && pick == NULL)
      pick = x;
  }
  if (pick == NULL)
    return;
  bs->has_test = true;
  bs->basis = pick->basis;
  bs->required_mxn = pick->required_mxn;
  bs->has_actual = pick->has_actual;
  bs->actual_mxn = pick->actual_mxn;
  bs->has_lowest = pick->has_lowest;
  bs->lowest_year = pick->lowest_year;
  bs->lowest_month = pick->lowest_month;
  bs->lowest_mxn = pick->lowest_mxn;
}

static void entry_record(struct collector *col, const struct sv_case *c)
{
  struct sv_batch_entry be = {0};
  be.case_id = g_strdup(c->id);
  be.folder = g_strdup(c->folder);
  be.failed = c->failed;
  be.outcome = c->eval != NULL ? c->eval->overall : SV_OUTCOME_INSUFFICIENT;
  if (c->report_written)
    be.report = g_strdup_printf("%s.xml", c->id);
  const struct sv_evaluation *ev = c->eval;
  if (ev != NULL) {
    be.applicant = g_strdup(ev->applicant);
    struct sv_batch_stay *stays =
        g_new0(struct sv_batch_stay, ev->stays->len + 1);
    for (guint i = 0; i < ev->stays->len; i++)
      stay_record(&stays[i], ev, &g_array_index(ev->stays, struct sv_stay, i));
    be.stays = stays;
    be.nstays = ev->stays->len;
  }
  if (c->failed) {
    const struct sv_problem *pr =
        c->problems->len > 0
            ? g_ptr_array_index(c->problems, c->problems->len - 1)
            : NULL;
    be.error = g_strdup(pr != NULL ? pr->message : "the case failed");
  }
  g_array_append_val(col->entries, be);
}

static void case_finish(struct collector *col, void **ctx,
                        const struct sv_services *svc, struct sv_case *c)
{
  const struct sv_config *cfg = col->e->cfg;
  const struct sv_stage *const *stages = col->e->stages;
  for (size_t s = 0; stages[s] != NULL; s++) {
    const struct sv_stage *st = stages[s];
    if (st->scope == SV_SCOPE_CASE && st->process != NULL) {
      double t0 = sv_stats_thread_cpu();
      st->process(ctx[s], cfg, svc, c, NULL);
      sv_stats_stage(&col->stats, st->name, sv_stats_thread_cpu() - t0);
    }
  }
  struct sv_engine_result *res = col->e->res;
  if (c->failed) {
    res->failed++;
  } else {
    res->reported++;
    if (c->eval != NULL)
      res->outcomes[c->eval->overall]++;
  }
  res->documents += c->ndocs;
  entry_record(col, c);
  char *err = NULL;
  if (sv_journal_record(cfg->journal, c,
                        &g_array_index(col->entries, struct sv_batch_entry,
                                       col->entries->len - 1),
                        &err) != SV_OK)
    fprintf(stderr, "solvency: %s\n", err); /* redone next time */
  g_free(err);
}

/* A case the journal says is unchanged: its line as recorded, its report
   left as it is. */
static void case_skipped(struct collector *col, struct sv_case *c,
                         struct sv_batch_entry *entry)
{
  struct sv_engine_result *res = col->e->res;
  res->reported++;
  res->skipped++;
  res->outcomes[entry->outcome]++;
  res->documents += c->ndocs;
  g_array_append_val(col->entries, *entry);
  g_free(entry);
}

static void *collector_main(void *arg)
{
  struct collector *col = arg;
  struct engine *e = col->e;
  const struct sv_stage *const *stages = e->stages;
  name_thread("sv-collector");

  size_t nstages = 0;
  while (stages[nstages] != NULL)
    nstages++;
  void **ctx = g_new0(void *, nstages);
  struct sv_services svc = {0};
  for (size_t s = 0; s < nstages; s++)
    if (stages[s]->scope == SV_SCOPE_CASE && stages[s]->init != NULL)
      stages[s]->init(e->cfg, &svc, &ctx[s]);

  struct sv_progress *pg = sv_progress_new(!e->cfg->quiet, e->ncases);
  GHashTable *back = g_hash_table_new(g_direct_hash, g_direct_equal);
  size_t cases_done = 0, docs_done = 0, pages_done = 0;
  struct item *it;
  while ((it = sv_queue_pop(e->done)) != NULL) {
    struct sv_case *c = it->c;
    bool complete = true;
    if (it->skipped != NULL) {
      docs_done += c->ndocs;
      case_skipped(col, c, it->skipped);
      sv_journal_keep(e->cfg->journal, c->folder, it->restamp);
      g_free(it);
      sv_progress_update(pg, ++cases_done, docs_done,
                         (size_t)g_atomic_int_get(&e->docs_total), pages_done,
                         c->id);
      sv_case_free(&c);
      continue;
    }
    if (it->doc != NULL) {
      docs_done++;
      pages_done += (size_t)MAX(it->doc->npages, 0);
      gsize n = GPOINTER_TO_SIZE(g_hash_table_lookup(back, c)) + 1;
      complete = n == c->ndocs;
      if (complete)
        g_hash_table_remove(back, c);
      else
        g_hash_table_insert(back, c, GSIZE_TO_POINTER(n));
    }
    g_free(it);
    sv_progress_update(pg, cases_done, docs_done,
                       (size_t)g_atomic_int_get(&e->docs_total), pages_done,
                         c->id);
    if (!complete)
      continue;
    case_finish(col, ctx, &svc, c);
    sv_case_free(&c);
    cases_done++;
    sv_progress_update(pg, cases_done, docs_done,
                       (size_t)g_atomic_int_get(&e->docs_total), pages_done,
                       NULL);
  }
  sv_progress_finish(pg);
  sv_progress_free(&pg);
  g_hash_table_destroy(back);
  for (size_t s = 0; s < nstages; s++)
    if (stages[s]->fini != NULL && ctx[s] != NULL)
      stages[s]->fini(&ctx[s]);
  g_free(ctx);
  return NULL;
}

/* ------------------------------------------------------------- feeder */

/* Makes case ids unique in the batch: a later case whose id is taken gets
   "<id>-2", "-3", ... and a problem saying so.  Feeder thread only. */
static void unique_id(GHashTable *seen, struct sv_case *c)
{
  if (!g_hash_table_contains(seen, c->id)) {
    g_hash_table_add(seen, g_strdup(c->id));
    return;
  }
  char *orig = g_strdup(c->id);
  for (int k = 2;; k++) {
    char *cand = g_strdup_printf("%s-%d", orig, k);
    if (!g_hash_table_contains(seen, cand)) {
      sv_case_problem(c, SV_INVALID, "ingest",
                      "case id \"%s\" is used by an earlier case folder; "
                      "this report is named \"%s\"",
                      orig, cand);
      g_free(c->id);
      c->id = cand;
      g_hash_table_add(seen, g_strdup(cand));
      break;
    }
    g_free(cand);
  }
  g_free(orig);
}

static int start_thread(pthread_t *t, void *(*fn)(void *), void *arg)
{
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, SV_ENGINE_STACK);
  int rc = pthread_create(t, &attr, fn, arg);
  pthread_attr_destroy(&attr);
  return rc;
}

static gint entry_cmp(gconstpointer a, gconstpointer b)
{
  const struct sv_batch_entry *x = a, *y = b;
  return strcmp(x->case_id, y->case_id);
}

void sv_engine_run(const struct sv_config *cfg,
                   const struct sv_stage *const *stages,
                   char *const *case_dirs, size_t n,
                   struct sv_engine_result *res)
{
  memset(res, 0, sizeof *res);
  res->cases = n;
  int jobs = cfg->jobs < 1 ? 1 : cfg->jobs;
  if (jobs > SV_ENGINE_MAX_JOBS)
    jobs = SV_ENGINE_MAX_JOBS;

  struct engine e = {.cfg = cfg, .stages = stages, .ncases = n, .res = res,
                     .jobs = jobs};
  pthread_mutex_init(&e.lock, NULL);
  pthread_cond_init(&e.idle, NULL);
  e.work = sv_queue_new((size_t)jobs * 2);
  e.done = sv_queue_new((size_t)jobs * 4 + 16);

  struct collector col = {.e = &e};
  col.entries = g_array_new(FALSE, TRUE, sizeof(struct sv_batch_entry));
  if (start_thread(&col.thread, collector_main, &col) != 0)
    g_error("cannot start the collector thread");

  struct worker *workers = g_new0(struct worker, jobs);
  for (int i = 0; i < jobs; i++) {
    workers[i].e = &e;
    workers[i].index = i;
    if (start_thread(&workers[i].thread, worker_main, &workers[i]) != 0)
      g_error("cannot start worker thread %d", i);
  }

  const struct sv_stage *opener = NULL;
  for (size_t s = 0; stages[s] != NULL && opener == NULL; s++)
    if (stages[s]->open != NULL)
      opener = stages[s];
  GHashTable *seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                           NULL);
  for (size_t i = 0; i < n; i++) {
    if (cfg->stop != NULL && g_atomic_int_get(cfg->stop) != 0) {
      res->stopped = true; /* a signal: the cases fed so far finish */
      break;
    }
    struct sv_case *c = NULL;
    if (opener != NULL)
      opener->open(cfg, case_dirs[i], &c);
    if (c == NULL) {
      char *base = g_path_get_basename(case_dirs[i]);
      c = sv_case_new(base, case_dirs[i], base);
      sv_case_problem(c, SV_INVALID, "engine",
                      "no stage can open a case folder");
      c->failed = true;
      g_free(base);
    }
    unique_id(seen, c);
    g_atomic_int_add(&e.docs_total, (gint)c->ndocs);
    struct sv_batch_entry line;
    char *restamp = NULL;
    if (cfg->journal != NULL &&
        sv_journal_unchanged(cfg->journal, c, &line, &restamp)) {
      struct item *it = g_new0(struct item, 1);
      it->c = c;
      it->skipped = g_memdup2(&line, sizeof line);
      it->restamp = restamp;
      sv_queue_push(e.done, it);
      continue;
    }
    if (c->ndocs == 0) {
      struct item *it = g_new0(struct item, 1);
      it->c = c;
      sv_queue_push(e.done, it);
      continue;
    }
    /* After the last push the case belongs to the collector: read
       nothing of it here once its documents are queued. */
    size_t nd = c->ndocs;
    struct sv_doc **docs = c->docs;
    for (size_t d = 0; d < nd; d++) {
      struct item *it = g_new0(struct item, 1);
      it->c = c;
      it->doc = docs[d];
      pthread_mutex_lock(&e.lock);
      e.in_flight++;
      pthread_mutex_unlock(&e.lock);
      sv_queue_push(e.work, it);
    }
  }
  g_hash_table_destroy(seen);

  /* Shutdown: close -> drain -> join, upstream first (the work queue once
     no document is left in progress). */
  pthread_mutex_lock(&e.lock);
  while (e.in_flight > 0)
    pthread_cond_wait(&e.idle, &e.lock);
  pthread_mutex_unlock(&e.lock);
  sv_queue_close(e.work);
  for (int i = 0; i < jobs; i++)
    pthread_join(workers[i].thread, NULL);
  sv_queue_close(e.done);
  pthread_join(col.thread, NULL);
  for (int i = 0; i < jobs; i++)
    sv_stats_add(&res->stats, &workers[i].stats);
  sv_stats_add(&res->stats, &col.stats);
  res->stats.work_high = sv_queue_high_water(e.work);
  res->stats.work_cap = sv_queue_capacity(e.work);
  res->stats.done_high = sv_queue_high_water(e.done);
  res->stats.done_cap = sv_queue_capacity(e.done);

  g_array_sort(col.entries, entry_cmp);
  res->nentries = col.entries->len;
  res->entries = (struct sv_batch_entry *)g_array_free(col.entries, FALSE);
  g_free(workers);
  sv_queue_free(&e.work);
  sv_queue_free(&e.done);
  pthread_cond_destroy(&e.idle);
  pthread_mutex_destroy(&e.lock);
}

void sv_engine_result_clear(struct sv_engine_result *res)
{
  for (size_t i = 0; i < res->nentries; i++)
    sv_batch_entry_clear(&res->entries[i]);
  g_free(res->entries);
  res->entries = NULL;
  res->nentries = 0;
}
