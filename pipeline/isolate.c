/*
 * isolate.c - a worker's reader process, both ends (see isolate.h).
 *
 * Messages (pipeline/wire.h frames):
 *   worker -> reader   'D' path, file type, bytes: read this document
 *                      'R' page, box, kind: re-read a figure of it
 *                      'E' done with it
 *   reader -> worker   'P' stage, page: a heartbeat, one per page
 *                      'S' the document as the isolated stages left it
 *                      'A' a re-read's readings
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

#include "wire.h"

extern char **environ;

enum {
  MSG_DOC = 'D',
  MSG_REREAD = 'R',
  MSG_END = 'E',
  MSG_PAGE = 'P',
  MSG_STATE = 'S',
  MSG_ANSWER = 'A'
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
  return iso;
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
                  (char *)"--worker-memory", memory, NULL};
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
  return true;
}

/* Waits for the process to end (at most SV_ISOLATE_EXIT_WAIT seconds when
   not killed, then kills it); returns its wait status. */
static int reap(pid_t pid, bool kill_first)
{
  int st = 0;
  if (kill_first)
    kill(pid, SIGKILL);
  for (int i = 0; i < SV_ISOLATE_EXIT_WAIT * 100; i++) {
    pid_t r = waitpid(pid, &st, WNOHANG);
    if (r == pid || (r < 0 && errno != EINTR))
      return st;
    g_usleep(10000);
  }
  kill(pid, SIGKILL);
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
    ;
  return st;
}

/* Ends the process after result r and returns owned: why, in plain
   words, naming the page it was on. */
static char *lose(struct sv_isolate *iso, enum sv_wire_result r)
{
  bool timed_out = r == SV_WIRE_TIMEOUT;
  int st = reap(iso->pid, r != SV_WIRE_CLOSED);
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

/* Receives the next frame that is not a heartbeat, recording heartbeats;
   each one gives the process the page time limit again. */
static enum sv_wire_result recv_answer(struct sv_isolate *iso, guint8 *type,
                                       GByteArray **payload)
{
  for (;;) {
    enum sv_wire_result r = sv_wire_recv(iso->fd, type, payload,
                                         timeout_ms(iso));
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
  GByteArray *payload = NULL;
  enum sv_wire_result r = ask(iso, MSG_DOC, b, MSG_STATE, &payload);
  if (r == SV_WIRE_OK) {
    struct sv_wire_in in;
    sv_wire_in_init(&in, payload);
    if (doc->npages != 0 || !sv_wire_get_doc(&in, doc))
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

void sv_isolate_free(struct sv_isolate **iso)
{
  if (iso == NULL || *iso == NULL)
    return;
  struct sv_isolate *s = *iso;
  if (s->fd >= 0) {
    close(s->fd); /* the process sees the end of its input and exits */
    reap(s->pid, false);
  }
  g_free(s->lost);
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
  char *fault_mode;       /* owned: SV_FAULT_INJECT's mode, or NULL */
  char *fault_path;       /* owned: ... and the path text it targets */
};

/* SV_FAULT_INJECT's failure, when OCR starts on a page of a targeted
   document (a test hook; see isolate.h). */
static void maybe_fail(const struct reader *rd, const char *stage)
{
  if (rd->fault_mode == NULL || strcmp(stage, "ocr") != 0 ||
      rd->doc == NULL || strstr(rd->doc->relpath, rd->fault_path) == NULL)
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
  maybe_fail(rd, stage);
}

static bool serve_doc(struct reader *rd, GByteArray *payload)
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
  sv_doc_free(&rd->doc);
  rd->doc = sv_doc_new(NULL, path, path);
  g_free(path);
  rd->doc->type = (enum sv_filetype)type;
  rd->doc->bytes = g_bytes_new(data, len);
  rd->doc->size = (gint64)len;
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
    st->process(rd->ctx[s], &rd->cfg, &rd->svc, NULL, rd->doc);
  }
  GByteArray *b = g_byte_array_new();
  sv_wire_put_doc(b, rd->doc, 0);
  bool ok = sv_wire_send(rd->fd, MSG_STATE, b->data, b->len, -1) ==
            SV_WIRE_OK;
  g_byte_array_unref(b);
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
  }
  const char *fault = g_getenv("SV_FAULT_INJECT");
  if (fault != NULL && strchr(fault, ':') != NULL) {
    rd.fault_mode = g_strndup(fault, (gsize)(strchr(fault, ':') - fault));
    rd.fault_path = g_strdup(strchr(fault, ':') + 1);
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

  int status = 0;
  for (;;) {
    guint8 type = 0;
    GByteArray *payload = NULL;
    enum sv_wire_result r = sv_wire_recv(rd.fd, &type, &payload, -1);
    if (r == SV_WIRE_CLOSED)
      break; /* the worker is done */
    bool ok = r == SV_WIRE_OK;
    if (ok && type == MSG_DOC)
      ok = serve_doc(&rd, payload);
    else if (ok && type == MSG_REREAD)
      ok = serve_reread(&rd, payload);
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
  g_free(rd.fault_mode);
  g_free(rd.fault_path);
  return status;
}
