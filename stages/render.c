/*
 * render.c - document stage: file bytes to pages of positioned words or
 * pixels.
 *
 * PDFs: each worker opens its own PopplerDocument from the bytes ingest read
 * (never shared).  A page's text layer is cut into words and lines by
 * geometry; a page with fewer than SV_RENDER_MIN_CHARS printable characters
 * is rendered in memory at about 300 dpi into an 8-bit grey Pix for OCR.
 * PNG/JPEG/TIFF: every page is decoded with Leptonica after its header has
 * passed the pixel limit, converted to grey, turned upright as a JPEG's
 * EXIF orientation says, and scaled up when its resolution is too low to
 * read.  The bytes are dropped once pages exist.
 */
#include "render.h"
#include "orient.h"
#include "text/fold.h"
#include "text/lines.h"

#include <pthread.h>
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

/* Resolution OCR wants, and the least it reads well without scaling up. */
#define SV_RENDER_DPI 300.0
#define SV_RENDER_LOW_DPI 200.0
#define SV_RENDER_MAX_UPSCALE 4.0
/* Tesseract refuses images wider or taller than this. */
#define SV_RENDER_MAX_SIDE 32767

/* ------------------------------------------------------- text layer */

struct word_acc {
  GString *text;
  struct sv_box box;
  bool open;
};

static void word_flush(struct word_acc *acc, GArray *words)
{
  if (!acc->open)
    return;
  acc->open = false;
  /* NFC leaves ASCII as it is: most words need no normalising. */
  char *norm = sv_is_ascii(acc->text->str)
                   ? g_strndup(acc->text->str, acc->text->len)
                   : g_utf8_normalize(acc->text->str, -1, G_NORMALIZE_NFC);
  g_string_truncate(acc->text, 0);
  if (norm == NULL || norm[0] == '\0') {
    g_free(norm);
    return;
  }
  struct sv_word w = {.text = norm, .box = acc->box, .conf = 100.0f};
  g_array_append_val(words, w);
}

/* Reads one page's text layer into page; returns the number of printable
   characters seen. */
static long read_text_layer(PopplerPage *pp, struct sv_page *page)
{
  char *text = poppler_page_get_text(pp);
  PopplerRectangle *rects = NULL;
  guint nrects = 0;
  long printable = 0;
  GArray *words = g_array_new(FALSE, TRUE, sizeof(struct sv_word));
  struct word_acc acc = {.text = g_string_new(NULL)};

  if (text == NULL || !g_utf8_validate(text, -1, NULL) ||
      !poppler_page_get_text_layout(pp, &rects, &nrects))
    goto out;

  /* poppler gives one rectangle per character of poppler_page_get_text(). */
  guint i = 0;
  for (const char *p = text; *p != '\0' && i < nrects;
       p = g_utf8_next_char(p), i++) {
    gunichar ch = g_utf8_get_char(p);
    const PopplerRectangle *r = &rects[i];
    struct sv_box b = {fmin(r->x1, r->x2), fmin(r->y1, r->y2),
                       fmax(r->x1, r->x2), fmax(r->y1, r->y2)};
    if (g_unichar_isspace(ch) || !g_unichar_isprint(ch)) {
      word_flush(&acc, words);
      continue;
    }
    printable++;
    if (acc.open) {
      /* A jump backwards, to another line, or far right ends the word. */
      double h = acc.box.y1 - acc.box.y0;
      bool other_line = !sv_lines_same_band(acc.box.y0, acc.box.y1, &b);
      bool jump = b.x0 < acc.box.x1 - h || b.x0 > acc.box.x1 + h;
      if (other_line || jump)
        word_flush(&acc, words);
    }
    if (!acc.open) {
      acc.open = true;
      acc.box = b;
    } else {
      sv_box_union(&acc.box, &b);
    }
    g_string_append_unichar(acc.text, ch);
  }
  word_flush(&acc, words);

out:
  g_string_free(acc.text, TRUE);
  g_free(rects);
  g_free(text);
  if (printable >= SV_RENDER_MIN_CHARS) {
    size_t n = words->len;
    sv_lines_build(page, (struct sv_word *)g_array_free(words, FALSE),
                          n);
    page->source = SV_TEXT_LAYER;
    page->conf = 100.0f;
  } else {
    for (guint k = 0; k < words->len; k++)
      g_free(g_array_index(words, struct sv_word, k).text);
    g_array_free(words, TRUE);
    page->source = SV_TEXT_NONE;
  }
  return printable;
}

/* ------------------------------------------------------- pixels */

/* Poppler is not safe to drive from several threads at once even with one
   PopplerDocument per thread: its lazily built LittleCMS state and cairo
   output device raced under ThreadSanitizer on document open and page
   render (prior-art: xournalpp#7601).  Opening, rendering and closing
   documents therefore take this lock; text extraction runs unlocked.
   Rendering is ~15-70 ms a page against ~1.5 s of OCR, so the lock costs
   little. */
/* pthread, not GMutex: GLib's futex mutex is invisible to TSan. */
static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

/* Poppler-glib gives every PopplerDocument a share of Poppler's global
   parameters, built when the first document opens and torn down when the
   last one closes: building them (the glyph-name tables, the encodings)
   cost 18 % of a text-layer run's CPU, because a reader holds one PDF at a
   time and so rebuilt them for every file (callgrind, 2026-12-03).  One
   empty document, opened once per process and kept, keeps them alive. */
static const char keeper_pdf[] =
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 1 1]>>endobj\n"
    "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n"
    "0000000052 00000 n \n0000000101 00000 n \n"
    "trailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n";
static PopplerDocument *keeper; /* under poppler_lock; never closed */

/* Call with poppler_lock held, before opening a document. */
static void keep_poppler_params(void)
{
  if (keeper != NULL)
    return;
  GBytes *b = g_bytes_new_static(keeper_pdf, sizeof keeper_pdf - 1);
  keeper = poppler_document_new_from_bytes(b, NULL, NULL);
  g_bytes_unref(b);
}

static void render_guarded(PopplerPage *pp, cairo_t *cr)
{
  pthread_mutex_lock(&poppler_lock);
  poppler_page_render(pp, cr);
  pthread_mutex_unlock(&poppler_lock);
}

/* Leptonica prints every decoding error on stderr; the report carries ours.
   Set once, before any worker decodes (g_once orders it for all threads). */
static void quiet_leptonica(void)
{
  static gsize once = 0;
  if (g_once_init_enter(&once)) {
    setMsgSeverity(L_SEVERITY_NONE);
    g_once_init_leave(&once, 1);
  }
}

/* The grey of a cairo RGB24 pixel (ITU-R 601 weights). */
static inline uint32_t grey_of(uint32_t v)
{
  if ((v & 0xffffffu) == 0xffffffu)
    return 255; /* paper, most of a page */
  return (77u * ((v >> 16) & 0xff) + 150u * ((v >> 8) & 0xff) +
          29u * (v & 0xff) + 128u) >> 8;
}

/* Copies the first rows rows of a cairo RGB24 surface, in grey, into
   pix from row y0 on. */
static void grey_rows(cairo_surface_t *surf, struct Pix *pix, int y0,
                      int rows)
{
  int w = cairo_image_surface_get_width(surf);
  int stride = cairo_image_surface_get_stride(surf);
  const unsigned char *data = cairo_image_surface_get_data(surf);
  l_uint32 *pd = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < rows; y++) {
    const uint32_t *row = (const uint32_t *)(const void *)(data +
                                                           (size_t)y * stride);
    l_uint32 *line = pd + (size_t)(y0 + y) * wpl;
    int x = 0;
    /* four pixels a word, the first in the high byte: Leptonica's
       order (SET_DATA_BYTE) */
    for (; x + 4 <= w; x += 4)
      line[x >> 2] = (grey_of(row[x]) << 24) | (grey_of(row[x + 1]) << 16) |
                     (grey_of(row[x + 2]) << 8) | grey_of(row[x + 3]);
    for (; x < w; x++)
      SET_DATA_BYTE(line, x, grey_of(row[x]));
  }
}

/* Bytes of memory reading one page of w x h pixels takes at its peak:
   the grey page and Tesseract's copies and thresholded images and the
   clean-up's while reading (an A4 page at 300 dpi: 8.7 million pixels). */
#define SV_RENDER_BYTES_PER_PIXEL 8
/* Pixels of the cairo RGB surface a PDF page is drawn on: a larger page
   is drawn in horizontal strips of this many pixels, one after the other
   into its grey image, so that cairo's 4 bytes a pixel never hold a whole
   large page.  A letter or A4 page at 300 dpi fits in one strip. */
#define SV_RENDER_STRIP_PIXELS (12 * 1024 * 1024)
/* What a worker's engine and its models take before any page (eng+spa
   LSTM and OSD: about 130 MB resident, measured). */
#define SV_RENDER_WORKER_BASE ((gint64)160 << 20)

/* The most pixels a page may have under cfg's memory budget (and never
   more than SV_RENDER_MAX_PIXELS). */
double sv_render_pixel_cap(const struct sv_config *cfg)
{
  double cap = SV_RENDER_MAX_PIXELS;
  if (cfg != NULL && cfg->worker_memory > 0) {
    gint64 room = cfg->worker_memory - SV_RENDER_WORKER_BASE;
    if (room < ((gint64)32 << 20))
      room = (gint64)32 << 20;
    cap = fmin(cap, (double)room / SV_RENDER_BYTES_PER_PIXEL);
  }
  return cap;
}

/* A PDF page larger than this many pixels at 300 dpi (four A4 pages) is
   rendered at a lower resolution: paper that large holds large print, and
   a page of 200 x 200 inches (PDF's largest) must not cost a worker half
   a gigabyte. */
#define SV_RENDER_PDF_MAX_PIXELS 36000000.0

/* One PDF's pages without a text layer, rendered on demand. */
struct pdf_pixels {
  PopplerDocument *pd; /* owned; opened and closed under poppler_lock */
  double cap;          /* sv_render_pixel_cap(), at most
                          SV_RENDER_PDF_MAX_PIXELS */
  /* the drawing of the page regions were last asked of: Poppler
     interprets a page once however many regions of it are drawn (each
     region drawn straight from the page cost a whole interpretation of
     its content: 65 % of a text-layer run with crops).  One page is kept,
     so what it holds (the images it draws, decoded) is no more than one
     region's drawing held before; crops come page by page, so over the
     samples one page drew as many times as two kept would (154 for 304
     crops). */
  cairo_surface_t *rec; /* owned, or NULL */
  int rec_index;
};

static void pdf_pixels_free(void *state)
{
  struct pdf_pixels *s = state;
  if (s->rec != NULL)
    cairo_surface_destroy(s->rec);
  pthread_mutex_lock(&poppler_lock);
  g_object_unref(s->pd);
  pthread_mutex_unlock(&poppler_lock);
  g_free(s);
}

/* Page index's drawing as a cairo recording, in points (borrowed from s),
   or NULL when the page cannot be had. */
static cairo_surface_t *page_recording(struct pdf_pixels *s, int index)
{
  if (s->rec != NULL && s->rec_index == index)
    return s->rec;
  if (s->rec != NULL) {
    cairo_surface_destroy(s->rec);
    s->rec = NULL;
  }
  PopplerPage *pp = poppler_document_get_page(s->pd, index);
  if (pp == NULL)
    return NULL;
  double width = 0, height = 0;
  poppler_page_get_size(pp, &width, &height);
  cairo_rectangle_t page = {0, 0, width, height};
  cairo_surface_t *rec =
      cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &page);
  cairo_t *cr = cairo_create(rec);
  /* drawn as for printing: Poppler-glib then builds no text page for
     selection alongside the drawing (the text layer was read already),
     27 % of the drawing's time; the page shows as printed (annotations
     marked for print) */
  pthread_mutex_lock(&poppler_lock);
  poppler_page_render_for_printing(pp, cr);
  pthread_mutex_unlock(&poppler_lock);
  cairo_destroy(cr);
  g_object_unref(pp);
  if (cairo_surface_status(rec) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(rec);
    return NULL;
  }
  s->rec = rec;
  s->rec_index = index;
  return rec;
}

/* Renders page index at SV_RENDER_DPI, or less when the page is so large
   that it would pass the pixel cap (SV_RENDER_MAX_PIXELS, or the memory
   budget). */
static struct Pix *pdf_pixels_render(void *state, int index, double *dpi_out,
                                     sv_status *code, char **why)
{
  struct pdf_pixels *s = state;
  struct Pix *pix = NULL;
  cairo_surface_t *surf = NULL;
  cairo_t *cr = NULL;
  double width = 0, height = 0, dpi = SV_RENDER_DPI;
  PopplerPage *pp = poppler_document_get_page(s->pd, index);
  if (pp == NULL) {
    *code = SV_CORRUPT;
    *why = g_strdup_printf("page %d cannot be read", index + 1);
    return NULL;
  }
  poppler_page_get_size(pp, &width, &height);
  double wpx = width * dpi / 72.0, hpx = height * dpi / 72.0;
  if (!(wpx >= 1 && hpx >= 1)) {
    *code = SV_CORRUPT;
    *why = g_strdup_printf("page %d has no size", index + 1);
    goto out;
  }
  double scale = 1.0;
  if (wpx * hpx > s->cap)
    scale = sqrt(s->cap / (wpx * hpx));
  if (fmax(wpx, hpx) * scale > SV_RENDER_MAX_SIDE)
    scale = fmin(scale, SV_RENDER_MAX_SIDE / fmax(wpx, hpx));
  dpi *= scale;
  int w = (int)floor(wpx * scale), h = (int)floor(hpx * scale);
  if (w < 1 || h < 1 || dpi < SV_RENDER_LOW_DPI / 4) {
    *code = SV_TOOBIG;
    *why = g_strdup_printf("page %d is %.0f x %.0f inches; it cannot be "
                           "rendered readably within %.0f million pixels "
                           "(the limit, or the memory a worker may use)",
                           index + 1, width / 72.0, height / 72.0,
                           s->cap / 1e6);
    goto out;
  }
  int strip = MAX(1, MIN(h, SV_RENDER_STRIP_PIXELS / w));
  surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, strip);
  pix = pixCreate(w, h, 8);
  if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS || pix == NULL) {
    pixDestroy(&pix);
    *code = SV_TOOBIG;
    *why = g_strdup_printf("page %d could not be rendered at %d x %d pixels",
                           index + 1, w, h);
    goto out;
  }
  for (int y0 = 0; y0 < h; y0 += strip) {
    cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_translate(cr, 0, -y0);
    cairo_scale(cr, dpi / 72.0, dpi / 72.0);
    render_guarded(pp, cr);
    cairo_destroy(cr);
    cr = NULL;
    cairo_surface_flush(surf);
    grey_rows(surf, pix, y0, MIN(strip, h - y0));
  }
  pixSetResolution(pix, (l_int32)lround(dpi), (l_int32)lround(dpi));
  *dpi_out = dpi;
out:
  if (cr != NULL)
    cairo_destroy(cr);
  if (surf != NULL)
    cairo_surface_destroy(surf);
  g_object_unref(pp);
  return pix;
}

/* Draws region (points) of page index at dpi: an evidence crop of a page
   with a text layer (stages/crop.h).  Cairo clips the drawing to the small
   surface, so it costs a fraction of the page's render. */
static struct Pix *pdf_pixels_region(void *state, int index,
                                     const struct sv_box *region, double dpi)
{
  struct pdf_pixels *s = state;
  double k = dpi / 72.0;
  int w = (int)ceil((region->x1 - region->x0) * k);
  int h = (int)ceil((region->y1 - region->y0) * k);
  if (w < 1 || h < 1 || (double)w * h > SV_RENDER_STRIP_PIXELS)
    return NULL;
  cairo_surface_t *rec = page_recording(s, index);
  if (rec == NULL)
    return NULL;
  cairo_surface_t *surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  struct Pix *pix = NULL;
  if (cairo_surface_status(surf) == CAIRO_STATUS_SUCCESS) {
    cairo_t *cr = cairo_create(surf);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, k, k);
    cairo_translate(cr, -region->x0, -region->y0);
    /* replayed under the lock too: the recording draws with the FreeType
       faces of Poppler's cairo output device (only --in-process shares a
       process between workers; a reader process has one) */
    cairo_set_source_surface(cr, rec, 0, 0);
    pthread_mutex_lock(&poppler_lock);
    cairo_paint(cr);
    pthread_mutex_unlock(&poppler_lock);
    cairo_destroy(cr);
    cairo_surface_flush(surf);
    pix = pixCreate(w, h, 8);
    if (pix != NULL) {
      grey_rows(surf, pix, 0, h);
      pixSetResolution(pix, (l_int32)lround(dpi), (l_int32)lround(dpi));
    }
  }
  cairo_surface_destroy(surf);
  return pix;
}

/* The most pages cfg lets a document have. */
static int max_pages(const struct sv_config *cfg)
{
  return cfg != NULL && cfg->max_pages > 0 ? cfg->max_pages
                                           : SV_DEFAULT_MAX_PAGES;
}

static void render_pdf(const struct sv_config *cfg,
                       const struct sv_services *svc, struct sv_doc *doc)
{
  GError *err = NULL;
  pthread_mutex_lock(&poppler_lock);
  keep_poppler_params();
  PopplerDocument *pd = poppler_document_new_from_bytes(doc->bytes, NULL, &err);
  pthread_mutex_unlock(&poppler_lock);
  if (pd == NULL) {
    bool encrypted = err != NULL &&
                     g_error_matches(err, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED);
    sv_doc_problem(doc, SV_DOC_FAILED, encrypted ? SV_ENCRYPTED : SV_CORRUPT,
                   "render", 0, "%s: %s",
                   encrypted ? "the PDF is password-protected"
                             : "the PDF cannot be opened",
                   err != NULL ? err->message : "unknown error");
    g_clear_error(&err);
    return;
  }
  int n = poppler_document_get_n_pages(pd);
  if (n <= 0) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CORRUPT, "render", 0,
                   "the PDF has no pages");
    goto out;
  }
  if (n > max_pages(cfg)) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_TOOBIG, "render", 0,
                   "the PDF has %d pages; the limit is %d pages per "
                   "document (--max-pages)",
                   n, max_pages(cfg));
    goto out;
  }
  doc->npages = n;
  doc->pages = g_new0(struct sv_page, n);
  bool all_text = true;
  for (int i = 0; i < n; i++) {
    struct sv_page *page = &doc->pages[i];
    page->number = i + 1;
    sv_services_page(svc, "render", i + 1);
    PopplerPage *pp = poppler_document_get_page(pd, i);
    if (pp == NULL) {
      sv_doc_problem(doc, SV_DOC_OK, SV_CORRUPT, "render", i + 1,
                     "page %d cannot be read", i + 1);
      all_text = false;
      continue;
    }
    poppler_page_get_size(pp, &page->width, &page->height);
    read_text_layer(pp, page);
    if (page->source != SV_TEXT_LAYER)
      all_text = false; /* its pixels are made when OCR reads it */
    g_object_unref(pp);
  }
  if (all_text)
    doc->text = SV_TEXT_LAYER;
  /* The PDF stays open while the worker holds the document: OCR renders
     the pages without text from it, evidence crops of text-layer pages
     are drawn from it. */
  if (!all_text || cfg == NULL || !cfg->no_evidence) {
    struct pdf_pixels *s = g_new0(struct pdf_pixels, 1);
    s->pd = pd;
    s->cap = fmin(sv_render_pixel_cap(cfg), SV_RENDER_PDF_MAX_PIXELS);
    pd = NULL;
    doc->pixels = g_new0(struct sv_pixel_source, 1);
    doc->pixels->render = pdf_pixels_render;
    doc->pixels->region = pdf_pixels_region;
    doc->pixels->free = pdf_pixels_free;
    doc->pixels->state = s;
  }
  g_bytes_unref(doc->bytes); /* the pages have their text, or the PDF */
  doc->bytes = NULL;
out:
  if (pd != NULL) {
    pthread_mutex_lock(&poppler_lock);
    g_object_unref(pd);
    pthread_mutex_unlock(&poppler_lock);
  }
}

/* ------------------------------------------------------- images */

/* The resolution to assume for an image: its own when that gives a page 3
   to 17 inches wide, else one that makes the short side as wide as a
   letter/A4 page (8.3 in). */
static double image_dpi(int w, int h, int xres)
{
  if (xres >= 50 && xres <= 1200) {
    double inches = (double)w / xres;
    if (inches >= 3 && inches <= 17)
      return xres;
  }
  return (double)MIN(w, h) / 8.3;
}

/* Reads the width and height of page n (0-based) without decoding it; false
   when there is no such page. */
static bool image_header(enum sv_filetype type, const guint8 *data,
                         size_t len, int n, int *w, int *h)
{
  l_int32 format = 0, bps = 0, spp = 0, cmap = 0, res = 0;
  *w = *h = 0;
  if (type == SV_FILE_TIFF)
    return readHeaderMemTiff(data, len, n, w, h, &bps, &spp, &res, &cmap,
                             &format) == 0 && *w > 0 && *h > 0;
  return n == 0 &&
         pixReadHeaderMem(data, len, &format, w, h, &bps, &spp, &cmap) == 0 &&
         *w > 0 && *h > 0;
}

/* Decodes page n into an 8-bit grey Pix (returns owned, NULL on failure),
   a JPEG turned as its EXIF orientation says (orient.h); *xres gets the
   file's horizontal resolution (0 when none). */
static struct Pix *image_decode(enum sv_filetype type, const guint8 *data,
                                size_t len, int n, int *xres)
{
  struct Pix *raw = type == SV_FILE_TIFF ? pixReadMemTiff(data, len, n)
                                         : pixReadMem(data, len);
  struct Pix *grey = NULL;
  *xres = 0;
  if (raw == NULL)
    return NULL;
  *xres = pixGetXRes(raw);
  if (pixGetSpp(raw) == 4) { /* transparent means white paper */
    struct Pix *flat = pixAlphaBlendUniform(raw, 0xffffff00);
    pixDestroy(&raw);
    raw = flat;
    if (raw == NULL)
      return NULL;
  }
  grey = pixConvertTo8(raw, 0);
  pixDestroy(&raw);
  if (grey != NULL && type == SV_FILE_JPEG) { /* a photo: its way up */
    int orientation = sv_orient_exif(data, len);
    if (orientation != 1) {
      struct Pix *up = sv_orient_apply(grey, orientation);
      pixDestroy(&grey);
      grey = up;
    }
  }
  return grey;
}

/* One PNG, JPEG or TIFF file's pages, decoded on demand. */
struct image_pixels {
  GBytes *bytes;       /* owned: the file */
  enum sv_filetype type;
};

static void image_pixels_free(void *state)
{
  struct image_pixels *s = state;
  g_bytes_unref(s->bytes);
  g_free(s);
}

/* Decodes page index, converted to grey and scaled up when its resolution
   is too low to read. */
static struct Pix *image_pixels_render(void *state, int index,
                                       double *dpi_out, sv_status *code,
                                       char **why)
{
  struct image_pixels *s = state;
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(s->bytes, &len);
  const char *what = sv_filetype_str(s->type);
  int xres = 0;
  struct Pix *pix = image_decode(s->type, data, len, index, &xres);
  if (pix == NULL) {
    *code = SV_CORRUPT;
    *why = g_strdup_printf("page %d of the %s image cannot be decoded",
                           index + 1, what);
    return NULL;
  }
  int w = pixGetWidth(pix), h = pixGetHeight(pix);
  double dpi = image_dpi(w, h, xres);
  if (dpi < SV_RENDER_LOW_DPI) { /* too coarse for OCR: scale up */
    double f = fmin(SV_RENDER_DPI / dpi, SV_RENDER_MAX_UPSCALE);
    double room = sqrt((double)SV_RENDER_MAX_PIXELS / ((double)w * h));
    f = fmin(f, fmin(room, SV_RENDER_MAX_SIDE / (double)MAX(w, h)));
    if (f > 1.05) {
      struct Pix *big = pixScaleGrayLI(pix, (l_float32)f, (l_float32)f);
      if (big != NULL) {
        pixDestroy(&pix);
        pix = big;
        dpi *= (double)pixGetWidth(pix) / w;
        w = pixGetWidth(pix);
        h = pixGetHeight(pix);
      }
    }
  }
  if (MIN(w, h) < SV_RENDER_MIN_SIDE) {
    *code = SV_INVALID;
    *why = g_strdup_printf("page %d: the image is only %d x %d pixels even "
                           "scaled up, too small to hold a readable page",
                           index + 1, w, h);
    pixDestroy(&pix);
    return NULL;
  }
  pixSetResolution(pix, (l_int32)lround(dpi), (l_int32)lround(dpi));
  *dpi_out = dpi;
  return pix;
}

/* Checks a PNG, JPEG or TIFF file's pages by their headers (count, size
   against the pixel and memory limits) and leaves them to be decoded one
   at a time when OCR reads them. */
static void render_image(const struct sv_config *cfg, struct sv_doc *doc)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(doc->bytes, &len);
  const char *what = sv_filetype_str(doc->type);
  int w = 0, h = 0;
  if (!image_header(doc->type, data, len, 0, &w, &h)) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_CORRUPT, "render", 0,
                   "the %s image cannot be decoded: its header is damaged",
                   what);
    return;
  }
  int n = 1, limit = max_pages(cfg);
  if (doc->type == SV_FILE_TIFF)
    while (n <= limit && image_header(doc->type, data, len, n, &w, &h))
      n++;
  if (n > limit) {
    sv_doc_problem(doc, SV_DOC_FAILED, SV_TOOBIG, "render", 0,
                   "the TIFF has more than %d pages; the limit is %d pages "
                   "per document (--max-pages)",
                   limit, limit);
    return;
  }
  /* Every page's size is checked before any is decoded. */
  double cap = sv_render_pixel_cap(cfg);
  for (int i = 0; i < n; i++) {
    image_header(doc->type, data, len, i, &w, &h);
    if ((gint64)w * h > SV_RENDER_MAX_PIXELS || w > SV_RENDER_MAX_SIDE ||
        h > SV_RENDER_MAX_SIDE) {
      sv_doc_problem(doc, SV_DOC_FAILED, SV_TOOBIG, "render", n > 1 ? i + 1 : 0,
                     "the image%s is %d x %d pixels; the limit is %d pixels "
                     "per page and %d per side",
                     n > 1 ? " of a page" : "", w, h, SV_RENDER_MAX_PIXELS,
                     SV_RENDER_MAX_SIDE);
      return;
    }
    if ((double)w * h > cap) {
      sv_doc_problem(doc, SV_DOC_FAILED, SV_TOOBIG, "render", n > 1 ? i + 1 : 0,
                     "the image%s is %d x %d pixels; reading it needs about "
                     "%.0f MB, more than a worker may use (%.0f MB, from "
                     "--max-memory)",
                     n > 1 ? " of a page" : "", w, h,
                     (double)w * h * SV_RENDER_BYTES_PER_PIXEL / 1048576.0,
                     (double)cfg->worker_memory / 1048576.0);
      return;
    }
  }
  doc->npages = n;
  doc->pages = g_new0(struct sv_page, n);
  for (int i = 0; i < n; i++)
    doc->pages[i].number = i + 1; /* sized when decoded */
  struct image_pixels *s = g_new0(struct image_pixels, 1);
  s->bytes = doc->bytes; /* the source keeps the file */
  s->type = doc->type;
  doc->bytes = NULL;
  doc->pixels = g_new0(struct sv_pixel_source, 1);
  doc->pixels->render = image_pixels_render;
  doc->pixels->free = image_pixels_free;
  doc->pixels->state = s;
}

static sv_status render_process(void *ctx, const struct sv_config *cfg,
                                const struct sv_services *svc,
                                struct sv_case *c, struct sv_doc *doc)
{
  (void)ctx;
  (void)c;
  if (doc->bytes == NULL)
    return SV_OK;
  quiet_leptonica();
  if (doc->type == SV_FILE_PDF)
    render_pdf(cfg, svc, doc);
  else if (doc->type == SV_FILE_PNG || doc->type == SV_FILE_JPEG ||
           doc->type == SV_FILE_TIFF)
    render_image(cfg, doc);
  return SV_OK;
}

const struct sv_stage sv_render_stage = {
    .name = "render",
    .scope = SV_SCOPE_DOCUMENT,
    .isolated = true,
    .process = render_process,
};
