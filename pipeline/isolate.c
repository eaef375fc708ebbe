/*
 * isolate.c - a worker's reader process, both ends (see isolate.h).
 *
 * Messages (pipeline/wire.h frames):
 *   worker -> reader   'D' path, file type, bytes, share: read this
 *                          document (share: ask before each OCR page)
 *                      'H' path, file type, bytes: help read the pages of
 *                          another worker's document (pipeline/pagejob.h)
 *                      'R' page, box, kind: re-read a figure of it
 *                      'K' page, box, shown box: draw the evidence crop
 *                          of a figure
 *                      'E' done with it
 *                      'Y' yes/no: the answer to a claim
 *                      'G' the pages other readers read (sv_page_job_gather)
 *   reader -> worker   'P' stage, page: a heartbeat, one per page
 *                      'C' page, candidates, pages: may I OCR this page?
 *                      'W' my pages are done: the others' pages, please
 *                      'S' the document as the isolated stages left it
 *                      'r' a page read for another worker (sent before
 *                          the next claim)
 *                      'h' the last pages read for another worker
 *                      'A' a re-read's readings
 *                      'k' a crop's PNG bytes (empty: none)
 */
#include "isolate.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pagejob.h"
#include "wire.h"

extern char **environ;

enum {
  MSG_DOC = 'D',
  MSG_HELP = 'H',
  MSG_REREAD = 'R',
  MSG_END = 'E',
  MSG_GRANT = 'Y',
  MSG_PAGES = 'G',
  MSG_PAGE = 'P',
  MSG_CLAIM = 'C',
  MSG_GATHER = 'W',
  MSG_STATE = 'S',
  MSG_HELPED = 'h',
  MSG_READ = 'r',
  MSG_ANSWER = 'A',
  MSG_CROP = 'K',
  MSG_CROPPED = 'k'
};

/* Seconds to wait for a reader process to end once its link is closed. */
#define SV_ISOLATE_EXIT_WAIT 5

struct sv_isolate {
  const struct sv_config *cfg; /* borrowed */
  pid_t pid;                   /* 0: no process */
  int fd;                      /* the worker's end of the link, -1 */
  bool holds_doc;              /* the process holds the document last run */
  char stage[16];              /* the last heartbeat: stage and page */
  int page;
  char *lost;                  /* owned: why the process was lost while
                                  serving re-reads, for sv_isolate_done */
  /* Page sharing (pipeline/pagejob.h) */
  sv_isolate_offer_fn offer;   /* NULL: this worker never shares pages */
  void *offer_self;
  const struct sv_doc *doc;    /* the document being run (owner) */
  struct sv_page_job *job;     /* owned reference: the job of the document
                                  run, or of the one helped */
  bool no_share;               /* the document run is not shared */
  bool helping;                /* the job is another worker's */
  GArray *claimed;             /* of int: pages claimed while helping */
  struct sv_stats stats;
};

/* ================================================================ worker */

static int timeout_ms(const struct sv_isolate *iso)
{
  int s = iso->cfg->page_timeout > 0 ? iso->cfg->page_timeout
                                     : SV_DEFAULT_PAGE_TIMEOUT;
  return s * 1000;
}

struct sv_isolate *sv_isolate_new(const struct sv_config *cfg)
{
  struct sv_isolate *iso = g_new0(struct sv_isolate, 1);
  iso->cfg = cfg;
  iso->fd = -1;
  iso->claimed = g_array_new(FALSE, FALSE, sizeof(int));
  return iso;
}

void sv_isolate_share(struct sv_isolate *iso, sv_isolate_offer_fn offer,
                      void *self)
{
  iso->offer = offer;
  iso->offer_self = self;
}

const struct sv_stats *sv_isolate_stats(const struct sv_isolate *iso)
{
  return &iso->stats;
}

/* Starts the reader process; false (with *why, owned) when it cannot. */
static bool start(struct sv_isolate *iso, char **why)
{
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    *why = g_strdup_printf("cannot start a reader process: %s",
                           g_strerror(errno));
    return false;
  }
  char pages[32], memory[32], parent[32];
  snprintf(parent, sizeof parent, "%d", (int)getpid());
  snprintf(pages, sizeof pages, "%d", iso->cfg->max_pages);
  snprintf(memory, sizeof memory, "%" G_GINT64_FORMAT,
           iso->cfg->worker_memory);
  char *argv[] = {(char *)"solvency", (char *)SV_READER_ARG,
                  (char *)"--parent", parent, (char *)"--max-pages", pages,
                  (char *)"--worker-memory", memory,
                  (char *)"--evidence",
                  (char *)(iso->cfg->no_evidence ? "no" : "yes"), NULL};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, iso->cfg->reader_exe, &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(sv[1]);
  if (rc != 0) {
    close(sv[0]);
    *why = g_strdup_printf("cannot start a reader process: %s",
                           g_strerror(rc));
    return false;
  }
  iso->pid = pid;
  iso->fd = sv[0];
  iso->stats.readers++;
  return true;
}

/* Counts an ended process's CPU time and peak memory. */
static void account(struct sv_isolate *iso, const struct rusage *ru)
{
  iso->stats.reader_cpu += (double)ru->ru_utime.tv_sec +
                           (double)ru->ru_utime.tv_usec / 1e6 +
                           (double)ru->ru_stime.tv_sec +
                           (double)ru->ru_stime.tv_usec / 1e6;
  iso->stats.reader_rss_kb = MAX(iso->stats.reader_rss_kb, ru->ru_maxrss);
}

/* Waits for the process to end (at most SV_ISOLATE_EXIT_WAIT seconds when
   not killed, then kills it); returns its wait status. */
static int reap(struct sv_isolate *iso, bool kill_first)
{
  pid_t pid = iso->pid;
  int st = 0;
  struct rusage ru = {0};
  if (kill_first)
    kill(pid, SIGKILL);
  for (int i = 0; i < SV_ISOLATE_EXIT_WAIT * 100; i++) {
    pid_t r = wait4(pid, &st, WNOHANG, &ru);
    if (r == pid)
      account(iso, &ru);
    if (r == pid || (r < 0 && errno != EINTR))
      return st;
    g_usleep(10000);
  }
  kill(pid, SIGKILL);
  pid_t r;
  while ((r = wait4(pid, &st, 0, &ru)) < 0 && errno == EINTR)
    ;
  if (r == pid)
    account(iso, &ru);
  return st;
}

/* The CPU each stage took in the reader for the last request (u32 count,
   then name and seconds each), added to the worker's counts. */
static bool get_cpu(struct sv_isolate *iso, struct sv_wire_in *in)
{
  guint32 n = 0;
  if (!sv_wire_get_u32(in, &n) || n > SV_STATS_MAX_STAGES)
    return in->ok = false;
  for (guint32 i = 0; i < n; i++) {
    char *name = NULL;
    double sec = 0;
    if (!sv_wire_get_str(in, &name) || name == NULL ||
        !sv_wire_get_f64(in, &sec) || !(sec >= 0)) {
      g_free(name);
      return in->ok = false;
    }
    sv_stats_stage(&iso->stats, name, sec);
    g_free(name);
  }
  return true;
}

/* Ends the process after result r and returns owned: why, in plain
   words, naming the page it was on. */
static char *lose(struct sv_isolate *iso, enum sv_wire_result r)
{
  bool timed_out = r == SV_WIRE_TIMEOUT;
  int st = reap(iso, r != SV_WIRE_CLOSED);
  close(iso->fd);
  iso->fd = -1;
  iso->pid = 0;
  iso->holds_doc = false;
  char *where = iso->page > 0
                    ? g_strdup_printf("on page %d (%s)", iso->page, iso->stage)
                    : g_strdup("before its first page");
  char *why;
  if (timed_out) {
    why = g_strdup_printf("the reader process spent more than %d s %s and "
                          "was stopped (--page-timeout); the document was "
                          "not read",
                          timeout_ms(iso) / 1000, where);
  } else if (r == SV_WIRE_BAD) {
    why = g_strdup_printf("the reader process sent a malformed answer %s "
                          "and was stopped; the document was not read",
                          where);
  } else if (WIFSIGNALED(st)) {
    int sig = WTERMSIG(st);
    const char *hint =
        sig == SIGABRT ? ": an abort, usually memory running out or an "
                         "internal error of a library"
        : sig == SIGTRAP ? ": a fatal error inside a library (GLib stops "
                           "this way when memory runs out)"
        : sig == SIGKILL ? ": killed, possibly by the system for lack of "
                           "memory"
                         : "";
    why = g_strdup_printf("the reader process died %s with signal %d (%s)%s; "
                          "the document was not read",
                          where, sig, g_strsignal(sig), hint);
  } else {
    why = g_strdup_printf("the reader process ended %s with status %d; the "
                          "document was not read",
                          where, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
  }
  g_free(where);
  return why;
}

/* The reader asks whether it may OCR a page: as a helper, of the job
   helped; as the owner, of its document, whose job is made (and offered
   to the other workers) on the first ask when two or more pages need
   OCR.  Answers yes or no. */
static enum sv_wire_result answer_claim(struct sv_isolate *iso,
                                        const GByteArray *payload)
{
  struct sv_wire_in in;
  int page = 0, candidates = 0, npages = 0;
  sv_wire_in_init(&in, payload);
  if (!sv_wire_get_i32(&in, &page) || !sv_wire_get_i32(&in, &candidates) ||
      !sv_wire_get_i32(&in, &npages) || npages < 0 ||
      npages > SV_WIRE_MAX_PAGES)
    return SV_WIRE_BAD;
  bool yes;
  if (iso->helping) {
    yes = sv_page_job_claim(iso->job, page, false);
    if (yes)
      g_array_append_val(iso->claimed, page);
  } else {
    if (iso->job == NULL && !iso->no_share) {
      if (iso->offer != NULL && candidates >= 2 && iso->doc->bytes != NULL) {
        iso->job = sv_page_job_new(iso->doc->bytes, iso->doc->relpath,
                                   iso->doc->type, npages);
        iso->offer(iso->offer_self, iso->job, candidates - 1);
      } else {
        iso->no_share = true;
      }
    }
    yes = iso->job == NULL || sv_page_job_claim(iso->job, page, true);
  }
  GByteArray *b = g_byte_array_new();
  sv_wire_put_u32(b, yes ? 1u : 0u);
  enum sv_wire_result r = sv_wire_send(iso->fd, MSG_GRANT, b->data, b->len,
                                       timeout_ms(iso));
  g_byte_array_unref(b);
  return r;
}

/* Pages the helper's reader read (u32 count, then page results):
   checked, and handed to the job.  False when malformed. */
static bool deliver(struct sv_isolate *iso, struct sv_wire_in *in,
                    guint32 n)
{
  struct sv_doc *scratch =
      sv_doc_new(NULL, sv_page_job_path(iso->job), sv_page_job_path(iso->job));
  bool ok = n <= iso->claimed->len;
  for (guint32 i = 0; ok && i < n; i++) {
    struct sv_page pg;
    guint from = scratch->problems->len;
    ok = sv_wire_get_page_result(in, &pg, scratch);
    bool mine = false;
    for (guint k = 0; ok && k < iso->claimed->len; k++)
      mine = mine || g_array_index(iso->claimed, int, k) == pg.number;
    if (ok && mine) {
      GByteArray *res = g_byte_array_new();
      sv_wire_put_page_result(res, &pg, scratch->problems, from);
      sv_page_job_deliver(iso->job, pg.number, res);
    }
    ok = ok && mine;
    sv_page_clear(&pg);
  }
  sv_doc_free(&scratch);
  return ok;
}

/* The owner's reader has read its pages: waits for the helpers' and
   sends them. */
static enum sv_wire_result answer_gather(struct sv_isolate *iso)
{
  GByteArray *b = g_byte_array_new();
  if (iso->job != NULL && !iso->helping) {
    sv_page_job_gather(iso->job, b);
    iso->stats.pages_helped += sv_page_job_helped(iso->job);
  } else {
    sv_wire_put_u32(b, 0);
  }
  enum sv_wire_result r = sv_wire_send(iso->fd, MSG_PAGES, b->data, b->len,
                                       timeout_ms(iso));
  g_byte_array_unref(b);
  return r;
}

/* Receives the next frame that is not a heartbeat or a question about
   shared pages, recording heartbeats (each one gives the process the page
   time limit again) and answering the questions. */
static enum sv_wire_result recv_answer(struct sv_isolate *iso, guint8 *type,
                                       GByteArray **payload)
{
  for (;;) {
    enum sv_wire_result r = sv_wire_recv(iso->fd, type, payload,
                                         timeout_ms(iso));
    if (r == SV_WIRE_OK && *type == MSG_READ && iso->helping) {
      struct sv_wire_in in;
      sv_wire_in_init(&in, *payload);
      r = deliver(iso, &in, 1) ? SV_WIRE_OK : SV_WIRE_BAD;
      g_byte_array_unref(*payload);
      *payload = NULL;
      if (r != SV_WIRE_OK)
        return r;
      continue;
    }
    if (r == SV_WIRE_OK && (*type == MSG_CLAIM || *type == MSG_GATHER)) {
      r = *type == MSG_CLAIM ? answer_claim(iso, *payload)
                             : answer_gather(iso);
      g_byte_array_unref(*payload);
      *payload = NULL;
      if (r != SV_WIRE_OK)
        return r;
      continue;
    }
    if (r != SV_WIRE_OK || *type != MSG_PAGE)
      return r;
    struct sv_wire_in in;
    char *stage = NULL;
    sv_wire_in_init(&in, *payload);
    if (!sv_wire_get_str(&in, &stage) || stage == NULL ||
        !sv_wire_get_i32(&in, &iso->page)) {
      g_free(stage);
      g_byte_array_unref(*payload);
      *payload = NULL;
      return SV_WIRE_BAD;
    }
    g_strlcpy(iso->stage, stage, sizeof iso->stage);
    g_free(stage);
    g_byte_array_unref(*payload);
    *payload = NULL;
  }
}

/* Sends request b (a frame of type `type`; b is consumed) and receives
   the answer, which must be of type `want`: owned *answer on SV_WIRE_OK. */
static enum sv_wire_result ask(struct sv_isolate *iso, guint8 type,
                               GByteArray *b, guint8 want,
                               GByteArray **answer)
{
  *answer = NULL;
  enum sv_wire_result r = sv_wire_send(iso->fd, type, b->data, b->len,
                                       timeout_ms(iso));
  g_byte_array_unref(b);
  guint8 got = 0;
  if (r == SV_WIRE_OK)
    r = recv_answer(iso, &got, answer);
  if (r == SV_WIRE_OK && got != want)
    r = SV_WIRE_BAD;
  if (r != SV_WIRE_OK && *answer != NULL) {
    g_byte_array_unref(*answer);
    *answer = NULL;
  }
  return r;
}

void sv_isolate_run(struct sv_isolate *iso, struct sv_doc *doc)
{
  char *why = NULL;
  g_clear_pointer(&iso->lost, g_free);
  iso->page = 0;
  g_strlcpy(iso->stage, "render", sizeof iso->stage);
  if (iso->fd < 0 && !start(iso, &why)) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CRASH, "render", 0, "%s", why);
    g_free(why);
    goto out;
  }
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(doc->bytes, &len);
  GByteArray *b = g_byte_array_sized_new((guint)len + 256);
  sv_wire_put_str(b, doc->relpath);
  sv_wire_put_u32(b, (guint32)doc->type);
  sv_wire_put_blob(b, data, len);
  sv_wire_put_u32(b, iso->offer != NULL ? 1u : 0u);
  iso->doc = doc;
  iso->no_share = false;
  iso->helping = false;
  GByteArray *payload = NULL;
  enum sv_wire_result r = ask(iso, MSG_DOC, b, MSG_STATE, &payload);
  if (iso->job != NULL) { /* helpers still holding it find it closed */
    sv_page_job_close(iso->job);
    sv_page_job_unref(&iso->job);
  }
  iso->doc = NULL;
  if (r == SV_WIRE_OK) {
    struct sv_wire_in in;
    sv_wire_in_init(&in, payload);
    if (doc->npages != 0 || !sv_wire_get_doc(&in, doc) ||
        !get_cpu(iso, &in))
      r = SV_WIRE_BAD;
    else
      iso->holds_doc = true;
  }
  if (payload != NULL)
    g_byte_array_unref(payload);
  if (r != SV_WIRE_OK) {
    why = lose(iso, r);
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CRASH, iso->stage, iso->page, "%s",
                   why);
    g_free(why);
  }
out:
  if (doc->bytes != NULL) { /* the process had its copy */
    g_bytes_unref(doc->bytes);
    doc->bytes = NULL;
  }
}

void sv_isolate_help(struct sv_isolate *iso, struct sv_page_job *job)
{
  if (!sv_page_job_open(job))
    return; /* its owner has been through every page already */
  char *why = NULL;
  g_clear_pointer(&iso->lost, g_free);
  iso->page = 0;
  g_strlcpy(iso->stage, "render", sizeof iso->stage);
  if (iso->fd < 0 && !start(iso, &why)) {
    g_free(why); /* its pages stay free for the others */
    return;
  }
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(sv_page_job_bytes(job), &len);
  GByteArray *b = g_byte_array_sized_new((guint)len + 256);
  sv_wire_put_str(b, sv_page_job_path(job));
  sv_wire_put_u32(b, (guint32)sv_page_job_type(job));
  sv_wire_put_blob(b, data, len);
  iso->job = sv_page_job_ref(job);
  iso->helping = true;
  g_array_set_size(iso->claimed, 0);
  GByteArray *payload = NULL;
  enum sv_wire_result r = ask(iso, MSG_HELP, b, MSG_HELPED, &payload);
  if (r == SV_WIRE_OK) {
    struct sv_wire_in in;
    guint32 n = 0;
    sv_wire_in_init(&in, payload);
    if (!sv_wire_get_u32(&in, &n) || !deliver(iso, &in, n) ||
        !get_cpu(iso, &in))
      r = SV_WIRE_BAD;
  }
  if (payload != NULL)
    g_byte_array_unref(payload);
  if (r != SV_WIRE_OK)
    why = lose(iso, r);
  /* a page claimed and not handed back is failed (a page already handed
     back stays read) */
  for (guint k = 0; k < iso->claimed->len; k++) {
    int page = g_array_index(iso->claimed, int, k);
    char *own = why != NULL ? NULL
                            : g_strdup_printf("the reader process did not "
                                              "hand back page %d", page);
    sv_page_job_fail(job, page, why != NULL ? why : own);
    g_free(own);
  }
  g_free(why);
  iso->helping = false;
  sv_page_job_unref(&iso->job);
}

bool sv_isolate_reread(void *self, const struct sv_page *page,
                       const struct sv_box *box, enum sv_reread_kind kind,
                       struct sv_reread *out)
{
  struct sv_isolate *iso = self;
  memset(out, 0, sizeof *out);
  if (iso == NULL || !iso->holds_doc || iso->fd < 0 || page == NULL ||
      box == NULL)
    return false;
  GByteArray *b = g_byte_array_new();
  sv_wire_put_u32(b, (guint32)page->number);
  sv_wire_put_box(b, box);
  sv_wire_put_u32(b, (guint32)kind);
  iso->page = page->number;
  g_strlcpy(iso->stage, "re-read", sizeof iso->stage);
  GByteArray *payload = NULL;
  enum sv_wire_result r = ask(iso, MSG_REREAD, b, MSG_ANSWER, &payload);
  if (r == SV_WIRE_OK) {
    struct sv_wire_in in;
    guint32 n = 0;
    sv_wire_in_init(&in, payload);
    if (!sv_wire_get_u32(&in, &n) || n > SV_REREAD_MAX)
      r = SV_WIRE_BAD;
    for (guint32 i = 0; r == SV_WIRE_OK && i < n; i++) {
      char *t = NULL;
      double c = 0;
      if (!sv_wire_get_str(&in, &t) || t == NULL || t[0] == '\0' ||
          !sv_wire_get_f64(&in, &c)) {
        g_free(t);
        r = SV_WIRE_BAD;
        break;
      }
      out->text[out->n] = t;
      out->conf[out->n] = (float)c;
      out->n++;
    }
  }
  if (payload != NULL)
    g_byte_array_unref(payload);
  if (r != SV_WIRE_OK) {
    sv_reread_clear(out);
    g_free(iso->lost);
    iso->lost = lose(iso, r);
    return false;
  }
  return out->n > 0;
}

GBytes *sv_isolate_crop(void *self, const struct sv_page *page,
                        const struct sv_box *box, const struct sv_box *show)
{
  struct sv_isolate *iso = self;
  if (iso == NULL || !iso->holds_doc || iso->fd < 0 || page == NULL ||
      box == NULL || show == NULL || iso->lost != NULL)
    return NULL;
  GByteArray *b = g_byte_array_new();
  sv_wire_put_u32(b, (guint32)page->number);
  sv_wire_put_box(b, box);
  sv_wire_put_box(b, show);
  iso->page = page->number;
  g_strlcpy(iso->stage, "crops", sizeof iso->stage);
  GByteArray *payload = NULL;
  GBytes *png = NULL;
  enum sv_wire_result r = ask(iso, MSG_CROP, b, MSG_CROPPED, &payload);
  if (r == SV_WIRE_OK) {
    struct sv_wire_in in;
    const guint8 *data = NULL;
    size_t len = 0;
    sv_wire_in_init(&in, payload);
    if (!sv_wire_get_blob(&in, &data, &len))
      r = SV_WIRE_BAD;
    else if (len > 0)
      png = g_bytes_new(data, len);
  }
  if (payload != NULL)
    g_byte_array_unref(payload);
  if (r != SV_WIRE_OK) {
    g_free(iso->lost);
    iso->lost = lose(iso, r);
  }
  return png;
}

void sv_isolate_done(struct sv_isolate *iso, struct sv_doc *doc)
{
  if (iso->lost != NULL) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CRASH, iso->stage, iso->page, "%s",
                   iso->lost);
    g_clear_pointer(&iso->lost, g_free);
  }
  if (!iso->holds_doc || iso->fd < 0)
    return;
  iso->holds_doc = false;
  enum sv_wire_result r = sv_wire_send(iso->fd, MSG_END, NULL, 0,
                                       timeout_ms(iso));
  if (r != SV_WIRE_OK) /* found out on the next document otherwise */
    g_free(lose(iso, r));
}

void sv_isolate_close(struct sv_isolate *iso)
{
  if (iso->fd >= 0) {
    close(iso->fd); /* the process sees the end of its input and exits */
    iso->fd = -1;
    reap(iso, false);
    iso->pid = 0;
  }
}

void sv_isolate_free(struct sv_isolate **iso)
{
  if (iso == NULL || *iso == NULL)
    return;
  struct sv_isolate *s = *iso;
  sv_isolate_close(s);
  g_free(s->lost);
  g_array_free(s->claimed, TRUE);
  g_free(s);
  *iso = NULL;
}

/* ================================================================ reader */

struct reader {
  int fd;
  const struct sv_stage *const *stages;
  size_t nstages;
  void **ctx;
  sv_status *ready;
  struct sv_services svc;
  struct sv_config cfg;
  struct sv_doc *doc;     /* owned: the document held for re-reads */
  bool sharing;           /* the document's pages are shared out: ask */
  bool helping;           /* ... and it is another worker's */
  GArray *claimed;        /* of int: pages read for another worker */
  guint sent;             /* how many of them were handed back */
  guint claim_from;       /* the document's problems before OCR */
  bool claiming;
  char *fault_mode;       /* owned: SV_FAULT_INJECT's mode, or NULL */
  char *fault_path;       /* owned: ... and the path text it targets */
  int fault_page;         /* ... and the page (0: any) */
};

/* SV_FAULT_INJECT's failure, when OCR starts on a page of a targeted
   document (a test hook; see isolate.h). */
static void maybe_fail(const struct reader *rd, const char *stage, int page)
{
  if (rd->fault_mode == NULL || strcmp(stage, "ocr") != 0 ||
      rd->doc == NULL || strstr(rd->doc->relpath, rd->fault_path) == NULL ||
      (rd->fault_page > 0 && page != rd->fault_page))
    return;
  if (strcmp(rd->fault_mode, "crash") == 0) {
    signal(SIGSEGV, SIG_DFL);
    raise(SIGSEGV);
  } else if (strcmp(rd->fault_mode, "abort") == 0) {
    abort();
  } else if (strcmp(rd->fault_mode, "hang") == 0) {
    for (;;)
      pause();
  } else if (strcmp(rd->fault_mode, "oom") == 0) {
    /* what a runaway allocation meets: the address space runs out */
    struct rlimit lim = {(rlim_t)256 << 20, (rlim_t)256 << 20};
    setrlimit(RLIMIT_AS, &lim);
    for (;;)
      memset(g_malloc((gsize)64 << 20), 1, (gsize)64 << 20);
  }
}

/* The heartbeat: tells the worker which page a stage starts. */
static void heartbeat(void *self, const char *stage, int page)
{
  struct reader *rd = self;
  GByteArray *b = g_byte_array_new();
  sv_wire_put_str(b, stage);
  sv_wire_put_u32(b, (guint32)page);
  (void)sv_wire_send(rd->fd, MSG_PAGE, b->data, b->len, -1);
  g_byte_array_unref(b);
  maybe_fail(rd, stage, page);
}

/* Appends the results of the pages read for another worker and not yet
   handed back; returns how many. */
static guint32 put_helped(struct reader *rd, GByteArray *b)
{
  guint32 n = 0;
  for (; rd->sent < rd->claimed->len; rd->sent++, n++) {
    int page = g_array_index(rd->claimed, int, rd->sent);
    sv_wire_put_page_result(b, &rd->doc->pages[page - 1], rd->doc->problems,
                            rd->claim_from);
  }
  return n;
}

/* The claim service (sv_claim_fn): asks the worker. */
static bool reader_claim(void *self, int page, int candidates)
{
  struct reader *rd = self;
  if (!rd->sharing || rd->doc == NULL || page < 1 ||
      page > rd->doc->npages)
    return true;
  if (!rd->claiming) {
    rd->claiming = true;
    rd->claim_from = rd->doc->problems->len;
  }
  if (rd->helping && rd->sent < rd->claimed->len) {
    GByteArray *b = g_byte_array_new();
    put_helped(rd, b);
    enum sv_wire_result r = sv_wire_send(rd->fd, MSG_READ, b->data, b->len,
                                         -1);
    g_byte_array_unref(b);
    if (r != SV_WIRE_OK)
      return false;
  }
  GByteArray *b = g_byte_array_new();
  sv_wire_put_u32(b, (guint32)page);
  sv_wire_put_u32(b, (guint32)candidates);
  sv_wire_put_u32(b, (guint32)rd->doc->npages);
  enum sv_wire_result r = sv_wire_send(rd->fd, MSG_CLAIM, b->data, b->len,
                                       -1);
  g_byte_array_unref(b);
  guint8 type = 0;
  GByteArray *payload = NULL;
  guint32 yes = 0;
  if (r == SV_WIRE_OK)
    r = sv_wire_recv(rd->fd, &type, &payload, -1);
  if (r == SV_WIRE_OK) {
    struct sv_wire_in in;
    sv_wire_in_init(&in, payload);
    if (type != MSG_GRANT || !sv_wire_get_u32(&in, &yes))
      yes = 0;
  }
  if (payload != NULL)
    g_byte_array_unref(payload);
  if (yes != 0 && rd->helping)
    g_array_append_val(rd->claimed, page);
  return yes != 0;
}

/* The gather service (sv_gather_fn): the owner's reader takes the pages
   the helpers read, or the reason one was lost. */
static void reader_gather(void *self, struct sv_doc *doc)
{
  struct reader *rd = self;
  if (!rd->sharing || rd->helping || doc != rd->doc)
    return;
  guint8 type = 0;
  GByteArray *payload = NULL;
  enum sv_wire_result r = sv_wire_send(rd->fd, MSG_GATHER, NULL, 0, -1);
  if (r == SV_WIRE_OK)
    r = sv_wire_recv(rd->fd, &type, &payload, -1);
  bool ok = r == SV_WIRE_OK && type == MSG_PAGES;
  struct sv_wire_in in;
  guint32 n = 0;
  if (ok) {
    sv_wire_in_init(&in, payload);
    ok = sv_wire_get_u32(&in, &n) && n <= (guint32)doc->npages;
  }
  for (guint32 i = 0; ok && i < n; i++) {
    int page = 0;
    guint32 kind = 0;
    ok = sv_wire_get_i32(&in, &page) && sv_wire_get_u32(&in, &kind) &&
         page >= 1 && page <= doc->npages &&
         doc->pages[page - 1].source == SV_TEXT_NONE;
    if (ok && kind == 0) {
      struct sv_page pg;
      ok = sv_wire_get_page_result(&in, &pg, doc) && pg.number == page;
      if (ok) {
        sv_page_clear(&doc->pages[page - 1]);
        doc->pages[page - 1] = pg;
      } else {
        sv_page_clear(&pg);
      }
    } else if (ok) {
      char *why = NULL;
      ok = kind == 1 && sv_wire_get_str(&in, &why) && why != NULL;
      if (ok)
        sv_doc_problem(doc, SV_DOC_FAILED, SV_CRASH, "ocr", page, "%s", why);
      g_free(why);
    }
  }
  if (payload != NULL)
    g_byte_array_unref(payload);
  if (!ok)
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CRASH, "ocr", 0,
                   "the pages other reader processes read could not be "
                   "taken back; the document was not read");
}

/* Appends the CPU each isolated stage took on the document (get_cpu). */
static void put_cpu(GByteArray *b, const struct reader *rd,
                    const double *cpu)
{
  guint32 n = 0;
  for (size_t s = 0; s < rd->nstages; s++)
    n += rd->stages[s]->isolated && n < SV_STATS_MAX_STAGES;
  sv_wire_put_u32(b, n);
  for (size_t s = 0, k = 0; s < rd->nstages && k < n; s++) {
    if (!rd->stages[s]->isolated)
      continue;
    sv_wire_put_str(b, rd->stages[s]->name);
    sv_wire_put_f64(b, cpu[s]);
    k++;
  }
}

static bool serve_doc(struct reader *rd, GByteArray *payload, bool help)
{
  struct sv_wire_in in;
  char *path = NULL;
  guint32 type = 0;
  const guint8 *data = NULL;
  size_t len = 0;
  sv_wire_in_init(&in, payload);
  if (!sv_wire_get_str(&in, &path) || path == NULL ||
      !sv_wire_get_u32(&in, &type) || type > SV_FILE_TIFF ||
      !sv_wire_get_blob(&in, &data, &len)) {
    g_free(path);
    return false;
  }
  guint32 share = 0;
  if (!help && !sv_wire_get_u32(&in, &share)) {
    g_free(path);
    return false;
  }
  rd->sharing = help || share != 0;
  rd->helping = help;
  rd->claiming = false;
  rd->sent = 0;
  g_array_set_size(rd->claimed, 0);
  sv_doc_free(&rd->doc);
  rd->doc = sv_doc_new(NULL, path, path);
  g_free(path);
  rd->doc->type = (enum sv_filetype)type;
  rd->doc->bytes = g_bytes_new(data, len);
  rd->doc->size = (gint64)len;
  double *cpu = g_new0(double, rd->nstages);
  for (size_t s = 0; s < rd->nstages; s++) {
    const struct sv_stage *st = rd->stages[s];
    if (!st->isolated || st->process == NULL)
      continue;
    if (rd->doc->status != SV_DOC_OK && !st->run_on_failed)
      continue;
    if (rd->ready[s] != SV_OK) {
      sv_doc_problem(rd->doc, SV_DOC_FAILED, rd->ready[s], st->name, 0,
                     "the %s stage could not start: %s", st->name,
                     sv_status_str(rd->ready[s]));
      continue;
    }
    double t0 = sv_stats_thread_cpu();
    st->process(rd->ctx[s], &rd->cfg, &rd->svc, NULL, rd->doc);
    cpu[s] = sv_stats_thread_cpu() - t0;
  }
  GByteArray *b = g_byte_array_new();
  bool ok;
  if (help) { /* the pages not handed back yet; the rest is the owner's */
    guint len0 = b->len;
    sv_wire_put_u32(b, 0);
    guint32 n = GUINT32_TO_LE(put_helped(rd, b));
    memcpy(b->data + len0, &n, sizeof n);
    put_cpu(b, rd, cpu);
    ok = sv_wire_send(rd->fd, MSG_HELPED, b->data, b->len, -1) == SV_WIRE_OK;
    sv_doc_free(&rd->doc);
  } else {
    sv_wire_put_doc(b, rd->doc, 0);
    put_cpu(b, rd, cpu);
    ok = sv_wire_send(rd->fd, MSG_STATE, b->data, b->len, -1) == SV_WIRE_OK;
  }
  g_byte_array_unref(b);
  g_free(cpu);
  rd->sharing = rd->helping = false;
  return ok;
}

static bool serve_reread(struct reader *rd, GByteArray *payload)
{
  struct sv_wire_in in;
  int number = 0;
  guint32 kind = 0;
  struct sv_box box;
  sv_wire_in_init(&in, payload);
  struct sv_reread out = {0};
  if (sv_wire_get_i32(&in, &number) && sv_wire_get_box(&in, &box) &&
      sv_wire_get_u32(&in, &kind) &&
      kind <= SV_REREAD_LINE && rd->doc != NULL && number >= 1 &&
      number <= rd->doc->npages)
    (void)sv_services_reread_all(&rd->svc, &rd->doc->pages[number - 1],
                                 &box, (enum sv_reread_kind)kind, &out);
  GByteArray *b = g_byte_array_new();
  sv_wire_put_u32(b, (guint32)out.n);
  for (size_t i = 0; i < out.n; i++) {
    sv_wire_put_str(b, out.text[i]);
    sv_wire_put_f64(b, out.conf[i]);
  }
  sv_reread_clear(&out);
  bool ok = sv_wire_send(rd->fd, MSG_ANSWER, b->data, b->len, -1) ==
            SV_WIRE_OK;
  g_byte_array_unref(b);
  return ok;
}

static bool serve_crop(struct reader *rd, GByteArray *payload)
{
  struct sv_wire_in in;
  int number = 0;
  struct sv_box box, show;
  GBytes *png = NULL;
  sv_wire_in_init(&in, payload);
  if (sv_wire_get_i32(&in, &number) && sv_wire_get_box(&in, &box) &&
      sv_wire_get_box(&in, &show) && rd->doc != NULL && number >= 1 &&
      number <= rd->doc->npages)
    png = sv_services_crop(&rd->svc, &rd->doc->pages[number - 1], &box,
                           &show);
  GByteArray *b = g_byte_array_new();
  gsize len = 0;
  const void *data = png != NULL ? g_bytes_get_data(png, &len) : NULL;
  sv_wire_put_blob(b, data, len);
  if (png != NULL)
    g_bytes_unref(png);
  bool ok = sv_wire_send(rd->fd, MSG_CROPPED, b->data, b->len, -1) ==
            SV_WIRE_OK;
  g_byte_array_unref(b);
  return ok;
}

int sv_isolate_reader_main(int argc, char **argv,
                           const struct sv_stage *const *stages)
{
  struct reader rd = {.fd = 0, .stages = stages};
  /* The worker decides when to stop: a Ctrl-C to the terminal's process
     group must not kill the documents in progress. */
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);
#ifdef PR_SET_PDEATHSIG
  prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the worker */
#endif
  for (int i = 2; i + 1 < argc; i += 2) {
    /* a worker killed before the line above took effect: gone already */
    if (strcmp(argv[i], "--parent") == 0 && getppid() != atoi(argv[i + 1]))
      return 0;
    if (strcmp(argv[i], "--max-pages") == 0)
      rd.cfg.max_pages = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "--worker-memory") == 0)
      rd.cfg.worker_memory = g_ascii_strtoll(argv[i + 1], NULL, 10);
    else if (strcmp(argv[i], "--evidence") == 0)
      rd.cfg.no_evidence = strcmp(argv[i + 1], "no") == 0;
  }
  const char *fault = g_getenv("SV_FAULT_INJECT");
  if (fault != NULL && strchr(fault, ':') != NULL) {
    rd.fault_mode = g_strndup(fault, (gsize)(strchr(fault, ':') - fault));
    rd.fault_path = g_strdup(strchr(fault, ':') + 1);
    char *hash = strrchr(rd.fault_path, '#');
    if (hash != NULL) {
      rd.fault_page = atoi(hash + 1);
      *hash = '\0';
    }
  }
  while (stages[rd.nstages] != NULL)
    rd.nstages++;
  rd.ctx = g_new0(void *, rd.nstages);
  rd.ready = g_new0(sv_status, rd.nstages);
  for (size_t s = 0; s < rd.nstages; s++)
    if (stages[s]->isolated && stages[s]->init != NULL)
      rd.ready[s] = stages[s]->init(&rd.cfg, &rd.svc, &rd.ctx[s]);
  rd.svc.page = heartbeat;
  rd.svc.page_self = &rd;
  rd.svc.claim = reader_claim;
  rd.svc.gather = reader_gather;
  rd.svc.share_self = &rd;
  rd.claimed = g_array_new(FALSE, FALSE, sizeof(int));

  int status = 0;
  for (;;) {
    guint8 type = 0;
    GByteArray *payload = NULL;
    enum sv_wire_result r = sv_wire_recv(rd.fd, &type, &payload, -1);
    if (r == SV_WIRE_CLOSED)
      break; /* the worker is done */
    bool ok = r == SV_WIRE_OK;
    if (ok && (type == MSG_DOC || type == MSG_HELP))
      ok = serve_doc(&rd, payload, type == MSG_HELP);
    else if (ok && type == MSG_REREAD)
      ok = serve_reread(&rd, payload);
    else if (ok && type == MSG_CROP)
      ok = serve_crop(&rd, payload);
    else if (ok && type == MSG_END)
      sv_doc_free(&rd.doc);
    else
      ok = false;
    if (payload != NULL)
      g_byte_array_unref(payload);
    if (!ok) {
      status = 1;
      break;
    }
  }
  sv_doc_free(&rd.doc);
  for (size_t s = 0; s < rd.nstages; s++)
    if (stages[s]->fini != NULL && rd.ctx[s] != NULL)
      stages[s]->fini(&rd.ctx[s]);
  g_free(rd.ctx);
  g_free(rd.ready);
  g_array_free(rd.claimed, TRUE);
  g_free(rd.fault_mode);
  g_free(rd.fault_path);
  return status;
}
