/*
 * wire.c - frames and document encoding between a worker and its reader
 * process (see wire.h).
 */
#include "wire.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* Limits on what a reader process may claim, far above any real page. */
#define SV_WIRE_MAX_ITEMS 1000000

/* --------------------------------------------------------------- frames */

/* Waits until fd is ready for events or the time runs out. */
static enum sv_wire_result wait_fd(int fd, short events, int timeout_ms)
{
  struct pollfd p = {.fd = fd, .events = events};
  for (;;) {
    int r = poll(&p, 1, timeout_ms);
    if (r > 0)
      return SV_WIRE_OK; /* ready, or hung up: the read/write says which */
    if (r == 0)
      return SV_WIRE_TIMEOUT;
    if (errno != EINTR)
      return SV_WIRE_CLOSED;
  }
}

static enum sv_wire_result send_all(int fd, const guint8 *p, size_t n,
                                    int timeout_ms)
{
  while (n > 0) {
    enum sv_wire_result w = wait_fd(fd, POLLOUT, timeout_ms);
    if (w != SV_WIRE_OK)
      return w;
    ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
    if (k < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return SV_WIRE_CLOSED;
    }
    p += k;
    n -= (size_t)k;
  }
  return SV_WIRE_OK;
}

static enum sv_wire_result recv_all(int fd, guint8 *p, size_t n,
                                    int timeout_ms)
{
  while (n > 0) {
    enum sv_wire_result w = wait_fd(fd, POLLIN, timeout_ms);
    if (w != SV_WIRE_OK)
      return w;
    ssize_t k = recv(fd, p, n, 0);
    if (k < 0) {
      if (errno == EINTR || errno == EAGAIN)
        continue;
      return SV_WIRE_CLOSED;
    }
    if (k == 0)
      return SV_WIRE_CLOSED;
    p += k;
    n -= (size_t)k;
  }
  return SV_WIRE_OK;
}

enum sv_wire_result sv_wire_send(int fd, guint8 type, const guint8 *payload,
                                 size_t len, int timeout_ms)
{
  if (len + 1 > SV_WIRE_MAX_FRAME)
    return SV_WIRE_BAD;
  guint32 n = (guint32)len + 1;
  guint8 head[5] = {(guint8)(n & 0xff), (guint8)((n >> 8) & 0xff),
                    (guint8)((n >> 16) & 0xff), (guint8)(n >> 24), type};
  enum sv_wire_result r = send_all(fd, head, sizeof head, timeout_ms);
  if (r == SV_WIRE_OK && len > 0)
    r = send_all(fd, payload, len, timeout_ms);
  return r;
}

enum sv_wire_result sv_wire_recv(int fd, guint8 *type, GByteArray **payload,
                                 int timeout_ms)
{
  guint8 head[5];
  *payload = NULL;
  enum sv_wire_result r = recv_all(fd, head, sizeof head, timeout_ms);
  if (r != SV_WIRE_OK)
    return r;
  guint32 n = (guint32)head[0] | (guint32)head[1] << 8 |
              (guint32)head[2] << 16 | (guint32)head[3] << 24;
  if (n < 1 || n > SV_WIRE_MAX_FRAME)
    return SV_WIRE_BAD;
  *type = head[4];
  GByteArray *b = g_byte_array_sized_new(n - 1);
  g_byte_array_set_size(b, n - 1);
  r = n > 1 ? recv_all(fd, b->data, n - 1, timeout_ms) : SV_WIRE_OK;
  if (r != SV_WIRE_OK) {
    g_byte_array_unref(b);
    return r == SV_WIRE_CLOSED ? SV_WIRE_CLOSED : r;
  }
  *payload = b;
  return SV_WIRE_OK;
}

/* -------------------------------------------------------------- values */

void sv_wire_put_u32(GByteArray *b, guint32 v)
{
  guint8 x[4] = {(guint8)(v & 0xff), (guint8)((v >> 8) & 0xff),
                 (guint8)((v >> 16) & 0xff), (guint8)(v >> 24)};
  g_byte_array_append(b, x, sizeof x);
}

void sv_wire_put_f64(GByteArray *b, double v)
{
  guint64 u;
  G_STATIC_ASSERT(sizeof u == sizeof v);
  memcpy(&u, &v, sizeof u);
  sv_wire_put_u32(b, (guint32)(u & 0xffffffffu));
  sv_wire_put_u32(b, (guint32)(u >> 32));
}

void sv_wire_put_blob(GByteArray *b, const void *data, size_t len)
{
  sv_wire_put_u32(b, (guint32)len);
  if (len > 0)
    g_byte_array_append(b, data, (guint)len);
}

void sv_wire_put_str(GByteArray *b, const char *s)
{
  if (s == NULL) {
    sv_wire_put_u32(b, 0xffffffffu);
    return;
  }
  sv_wire_put_blob(b, s, strlen(s));
}

void sv_wire_in_init(struct sv_wire_in *in, const GByteArray *payload)
{
  in->p = payload != NULL ? payload->data : NULL;
  in->left = payload != NULL ? payload->len : 0;
  in->ok = true;
}

bool sv_wire_get_u32(struct sv_wire_in *in, guint32 *v)
{
  *v = 0;
  if (!in->ok || in->left < 4)
    return in->ok = false;
  *v = (guint32)in->p[0] | (guint32)in->p[1] << 8 | (guint32)in->p[2] << 16 |
       (guint32)in->p[3] << 24;
  in->p += 4;
  in->left -= 4;
  return true;
}

bool sv_wire_get_i32(struct sv_wire_in *in, int *v)
{
  guint32 u = 0;
  bool ok = sv_wire_get_u32(in, &u);
  *v = (int)(gint32)u;
  return ok;
}

bool sv_wire_get_f64(struct sv_wire_in *in, double *v)
{
  guint32 lo = 0, hi = 0;
  *v = 0;
  if (!sv_wire_get_u32(in, &lo) || !sv_wire_get_u32(in, &hi))
    return false;
  guint64 u = (guint64)hi << 32 | lo;
  memcpy(v, &u, sizeof u);
  if (!isfinite(*v)) /* no NaN or infinity reaches a page */
    return in->ok = false;
  return true;
}

bool sv_wire_get_blob(struct sv_wire_in *in, const guint8 **data,
                      size_t *len)
{
  guint32 n = 0;
  *data = NULL;
  *len = 0;
  if (!sv_wire_get_u32(in, &n) || n > in->left)
    return in->ok = false;
  *data = in->p;
  *len = n;
  in->p += n;
  in->left -= n;
  return true;
}

bool sv_wire_get_str(struct sv_wire_in *in, char **s)
{
  guint32 n = 0;
  *s = NULL;
  if (!in->ok || in->left < 4)
    return in->ok = false;
  if (in->p[0] == 0xff && in->p[1] == 0xff && in->p[2] == 0xff &&
      in->p[3] == 0xff)
    return sv_wire_get_u32(in, &n); /* NULL */
  const guint8 *data = NULL;
  size_t len = 0;
  if (!sv_wire_get_blob(in, &data, &len))
    return false;
  if (memchr(data, '\0', len) != NULL ||
      !g_utf8_validate((const char *)data, (gssize)len, NULL))
    return in->ok = false;
  *s = g_strndup((const char *)data, len);
  return true;
}

/* ------------------------------------------------------------ documents */

void sv_wire_put_box(GByteArray *b, const struct sv_box *x)
{
  sv_wire_put_f64(b, x->x0);
  sv_wire_put_f64(b, x->y0);
  sv_wire_put_f64(b, x->x1);
  sv_wire_put_f64(b, x->y1);
}

bool sv_wire_get_box(struct sv_wire_in *in, struct sv_box *x)
{
  return sv_wire_get_f64(in, &x->x0) && sv_wire_get_f64(in, &x->y0) &&
         sv_wire_get_f64(in, &x->x1) && sv_wire_get_f64(in, &x->y1);
}

static void put_page(GByteArray *b, const struct sv_page *pg)
{
  sv_wire_put_u32(b, (guint32)pg->number);
  sv_wire_put_f64(b, pg->width);
  sv_wire_put_f64(b, pg->height);
  sv_wire_put_u32(b, (guint32)pg->source);
  sv_wire_put_f64(b, pg->conf);
  sv_wire_put_u32(b, (guint32)pg->ocr_words);
  sv_wire_put_f64(b, pg->ocr_conf_sum);
  sv_wire_put_f64(b, pg->dpi);
  sv_wire_put_f64(b, pg->deskewed);
  sv_wire_put_u32(b, (guint32)pg->rotated);
  sv_wire_put_u32(b, (guint32)pg->nturns);
  for (int k = 0; k < pg->nturns; k++) {
    sv_wire_put_u32(b, (guint32)pg->turns[k].quads);
    sv_wire_put_f64(b, pg->turns[k].skew);
  }
  sv_wire_put_u32(b, (guint32)pg->nlines);
  for (size_t l = 0; l < pg->nlines; l++) {
    const struct sv_line *ln = &pg->lines[l];
    sv_wire_put_box(b, &ln->box);
    sv_wire_put_str(b, ln->text);
    sv_wire_put_u32(b, (guint32)ln->nwords);
    for (size_t w = 0; w < ln->nwords; w++) {
      sv_wire_put_str(b, ln->words[w].text);
      sv_wire_put_box(b, &ln->words[w].box);
      sv_wire_put_f64(b, ln->words[w].conf);
    }
  }
}

static bool get_page(struct sv_wire_in *in, struct sv_page *pg)
{
  guint32 source = 0, nlines = 0;
  double conf = 0;
  if (!sv_wire_get_i32(in, &pg->number) || !sv_wire_get_f64(in, &pg->width) ||
      !sv_wire_get_f64(in, &pg->height) || !sv_wire_get_u32(in, &source) ||
      !sv_wire_get_f64(in, &conf) || !sv_wire_get_i32(in, &pg->ocr_words) ||
      !sv_wire_get_f64(in, &pg->ocr_conf_sum) ||
      !sv_wire_get_f64(in, &pg->dpi) ||
      !sv_wire_get_f64(in, &pg->deskewed) ||
      !sv_wire_get_i32(in, &pg->rotated) || !sv_wire_get_i32(in, &pg->nturns))
    return false;
  if (source > SV_TEXT_OCR || pg->nturns < 0 || pg->ocr_words < 0 ||
      pg->nturns > (int)G_N_ELEMENTS(pg->turns))
    return in->ok = false;
  pg->source = (enum sv_text_source)source;
  pg->conf = (float)conf;
  for (int k = 0; k < pg->nturns; k++)
    if (!sv_wire_get_i32(in, &pg->turns[k].quads) ||
        !sv_wire_get_f64(in, &pg->turns[k].skew))
      return false;
  if (!sv_wire_get_u32(in, &nlines) || nlines > SV_WIRE_MAX_ITEMS)
    return in->ok = false;
  pg->lines = g_new0(struct sv_line, nlines);
  for (guint32 l = 0; l < nlines; l++) {
    struct sv_line *ln = &pg->lines[l];
    guint32 nwords = 0;
    pg->nlines = l + 1; /* what is allocated so far, for sv_page_clear */
    if (!sv_wire_get_box(in, &ln->box) || !sv_wire_get_str(in, &ln->text) ||
        ln->text == NULL || !sv_wire_get_u32(in, &nwords) ||
        nwords > SV_WIRE_MAX_ITEMS)
      return in->ok = false;
    ln->words = g_new0(struct sv_word, nwords);
    for (guint32 w = 0; w < nwords; w++) {
      struct sv_word *wd = &ln->words[w];
      ln->nwords = w + 1;
      if (!sv_wire_get_str(in, &wd->text) || wd->text == NULL ||
          !sv_wire_get_box(in, &wd->box) || !sv_wire_get_f64(in, &conf))
        return in->ok = false;
      wd->conf = (float)conf;
    }
  }
  return true;
}

static void put_problem(GByteArray *b, const struct sv_problem *pr)
{
  sv_wire_put_u32(b, (guint32)pr->status);
  sv_wire_put_str(b, pr->stage);
  sv_wire_put_u32(b, (guint32)pr->page);
  sv_wire_put_str(b, pr->message);
}

/* Problems read back but not yet recorded: four slots each (code, stage,
   page, message), so that a malformed payload records none of them. */
static bool get_problems(struct sv_wire_in *in, guint32 n, GPtrArray *probs)
{
  bool ok = n <= SV_WIRE_MAX_ITEMS || (in->ok = false);
  for (guint32 i = 0; i < n && ok; i++) {
    guint32 code = 0;
    int page = 0;
    char *stage = NULL, *msg = NULL;
    ok = sv_wire_get_u32(in, &code) && sv_wire_get_str(in, &stage) &&
         sv_wire_get_i32(in, &page) && sv_wire_get_str(in, &msg) &&
         code < SV_STATUS_COUNT && stage != NULL && msg != NULL;
    g_ptr_array_add(probs, GUINT_TO_POINTER(code));
    g_ptr_array_add(probs, stage);
    g_ptr_array_add(probs, GINT_TO_POINTER(page));
    g_ptr_array_add(probs, msg);
  }
  return ok;
}

/* Records the problems get_problems read on doc (record) and frees probs. */
static void problems_done(GPtrArray *probs, struct sv_doc *doc, bool record)
{
  for (guint i = 0; i + 3 < probs->len; i += 4) {
    char *stage = g_ptr_array_index(probs, i + 1);
    char *msg = g_ptr_array_index(probs, i + 3);
    if (record)
      sv_doc_problem(doc, SV_DOC_OK,
                     (sv_status)GPOINTER_TO_UINT(g_ptr_array_index(probs, i)),
                     stage, GPOINTER_TO_INT(g_ptr_array_index(probs, i + 2)),
                     "%s", msg);
    g_free(stage);
    g_free(msg);
  }
  g_ptr_array_free(probs, TRUE);
}

void sv_wire_put_doc(GByteArray *b, const struct sv_doc *doc, guint from)
{
  sv_wire_put_u32(b, (guint32)doc->status);
  sv_wire_put_u32(b, (guint32)doc->text);
  sv_wire_put_f64(b, doc->ocr_conf);
  guint n = doc->problems->len > from ? doc->problems->len - from : 0;
  sv_wire_put_u32(b, n);
  for (guint i = from; i < doc->problems->len; i++)
    put_problem(b, g_ptr_array_index(doc->problems, i));
  sv_wire_put_u32(b, (guint32)doc->npages);
  for (int i = 0; i < doc->npages; i++)
    put_page(b, &doc->pages[i]);
}

bool sv_wire_get_doc(struct sv_wire_in *in, struct sv_doc *doc)
{
  guint32 status = 0, text = 0, nprob = 0, npages = 0;
  double conf = 0;
  if (!sv_wire_get_u32(in, &status) || !sv_wire_get_u32(in, &text) ||
      !sv_wire_get_f64(in, &conf) || !sv_wire_get_u32(in, &nprob) ||
      status > SV_DOC_FAILED || text > SV_TEXT_OCR)
    return in->ok = false;
  GPtrArray *probs = g_ptr_array_new();
  /* problems are checked whole before any is recorded */
  bool ok = get_problems(in, nprob, probs);
  ok = ok && sv_wire_get_u32(in, &npages) && npages <= SV_WIRE_MAX_PAGES;
  struct sv_page *pages = ok ? g_new0(struct sv_page, npages) : NULL;
  guint32 made = 0;
  for (; ok && made < npages; made++)
    ok = get_page(in, &pages[made]);
  problems_done(probs, doc, ok);
  if (!ok) {
    for (guint32 i = 0; pages != NULL && i <= made && i < npages; i++)
      sv_page_clear(&pages[i]);
    g_free(pages);
    return in->ok = false;
  }
  if ((enum sv_doc_status)status > doc->status)
    doc->status = (enum sv_doc_status)status;
  doc->text = (enum sv_text_source)text;
  doc->ocr_conf = (float)conf;
  doc->pages = pages;
  doc->npages = (int)npages;
  return true;
}

void sv_wire_put_page_result(GByteArray *b, const struct sv_page *page,
                             const GPtrArray *problems, guint from)
{
  guint n = 0;
  for (guint i = from; i < problems->len; i++)
    n += ((const struct sv_problem *)g_ptr_array_index(problems, i))->page ==
         page->number;
  put_page(b, page);
  sv_wire_put_u32(b, n);
  for (guint i = from; i < problems->len; i++) {
    const struct sv_problem *pr = g_ptr_array_index(problems, i);
    if (pr->page == page->number)
      put_problem(b, pr);
  }
}

bool sv_wire_get_page_result(struct sv_wire_in *in, struct sv_page *page,
                             struct sv_doc *doc)
{
  memset(page, 0, sizeof *page);
  guint32 nprob = 0;
  GPtrArray *probs = g_ptr_array_new();
  bool ok = get_page(in, page) && sv_wire_get_u32(in, &nprob) &&
            get_problems(in, nprob, probs);
  for (guint i = 0; ok && i + 3 < probs->len; i += 4)
    ok = GPOINTER_TO_INT(g_ptr_array_index(probs, i + 2)) == page->number ||
         (in->ok = false);
  problems_done(probs, doc, ok);
  if (!ok)
    sv_page_clear(page);
  return ok;
}
