/*
 * test_ocr.c - render + OCR on synthetic scanned pages: an image-only PDF,
 * pages turned 90/180/270 degrees, a multi-page TIFF, a tiny photo scaled
 * up, a re-read of one figure's crop, and one engine per worker.  Pages are
 * drawn with cairo at a known resolution, so the words, amounts and boxes
 * expected are known exactly.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <string.h>

#include "ocr.h"
#include "render.h"
#include "support.h"

/* The statement-like page every test draws: 6 x 4.5 inches. */
#define PAGE_W_IN 6.0
#define PAGE_H_IN 4.5

static const char *const page_lines[] = {
    "BANCO DEL VALLE, S.A.",
    "Estado de Cuenta   Periodo: 01/03/2026 al 31/03/2026",
    "Titular: MARIA JOSE PEREZ GOMEZ",
    "Saldo Anterior",
    "Saldo Final",
    "Average Daily Balance",
    "Deposits and Additions",
};
static const char *const page_values[] = {
    NULL, NULL, NULL, "10,250.00", "12,345.67", "$8,848.32", "3,000.00",
};

/* Draws the page at dpi onto a cairo image surface; returns owned. */
static cairo_surface_t *draw_page(double dpi, const char *extra)
{
  int w = (int)(PAGE_W_IN * dpi), h = (int)(PAGE_H_IN * dpi);
  cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, dpi / 72.0, dpi / 72.0);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 11);
  size_t n = sizeof page_lines / sizeof *page_lines;
  for (size_t i = 0; i < n; i++) {
    double y = 36 + 22 * (double)i;
    cairo_move_to(cr, 30, y);
    cairo_show_text(cr, page_lines[i]);
    if (page_values[i] != NULL) {
      cairo_text_extents_t ext;
      cairo_text_extents(cr, page_values[i], &ext);
      cairo_move_to(cr, 400 - ext.x_advance, y); /* right-aligned at 400 pt */
      cairo_show_text(cr, page_values[i]);
    }
  }
  if (extra != NULL) {
    cairo_move_to(cr, 30, 36 + 22 * (double)n);
    cairo_show_text(cr, extra);
  }
  cairo_destroy(cr);
  cairo_surface_flush(s);
  return s;
}

/* Returns owned: the page as an 8-bit grey Pix at dpi. */
static struct Pix *page_pix(double dpi, const char *extra)
{
  cairo_surface_t *s = draw_page(dpi, extra);
  int w = cairo_image_surface_get_width(s);
  int h = cairo_image_surface_get_height(s);
  int stride = cairo_image_surface_get_stride(s);
  const unsigned char *d = cairo_image_surface_get_data(s);
  struct Pix *pix = pixCreate(w, h, 8);
  for (int y = 0; y < h; y++) {
    const uint32_t *row = (const uint32_t *)(const void *)(d + (size_t)y * stride);
    l_uint32 *line = pixGetData(pix) + (size_t)y * pixGetWpl(pix);
    for (int x = 0; x < w; x++)
      SET_DATA_BYTE(line, x, (row[x] >> 8) & 0xff);
  }
  cairo_surface_destroy(s);
  return pix;
}

/* Returns owned bytes of pix encoded as format (IFF_PNG, IFF_TIFF_G4 ...). */
static GBytes *encode(struct Pix *pix, int format)
{
  l_uint8 *data = NULL;
  size_t len = 0;
  assert_int_equal(pixWriteMem(&data, &len, pix, format), 0);
  GBytes *b = g_bytes_new(data, len);
  lept_free(data);
  return b;
}

static struct sv_doc *doc_of(struct sv_case *c, GBytes *bytes,
                             enum sv_filetype type)
{
  struct sv_doc *d = sv_doc_new(c, "scan", "/scan");
  d->type = type;
  d->bytes = bytes;
  return d;
}

/* Runs render then OCR with the given engine context. */
static void run_stages(void *ctx, struct sv_case *c, struct sv_doc *d)
{
  struct sv_config cfg = {0};
  assert_int_equal(sv_render_stage.process(NULL, &cfg, NULL, c, d), SV_OK);
  assert_int_equal(sv_ocr_stage.process(ctx, &cfg, NULL, c, d), SV_OK);
}

/* Returns borrowed: the first word of the page containing text. */
static const struct sv_word *find_word(const struct sv_page *p,
                                       const char *text)
{
  for (size_t l = 0; l < p->nlines; l++)
    for (size_t w = 0; w < p->lines[l].nwords; w++)
      if (strstr(p->lines[l].words[w].text, text) != NULL)
        return &p->lines[l].words[w];
  return NULL;
}

/* Checks the page was read: the summary lines come out as label, column
   gap, value, and the value's box lies right of the labels, in points. */
static void assert_page_read(const struct sv_page *p)
{
  assert_int_equal(p->source, SV_TEXT_OCR);
  assert_true(p->nlines >= 7);
  bool saldo = false, avg = false;
  for (size_t l = 0; l < p->nlines; l++) {
    saldo |= strcmp(p->lines[l].text, "Saldo Final" SV_COLUMN_GAP
                                      "12,345.67") == 0;
    avg |= strcmp(p->lines[l].text, "Average Daily Balance" SV_COLUMN_GAP
                                    "$8,848.32") == 0;
  }
  assert_true(saldo);
  assert_true(avg);
  const struct sv_word *w = find_word(p, "12,345.67");
  assert_non_null(w);
  /* drawn right-aligned at x = 400 pt, baseline y = 36 + 4 * 22 = 124 pt */
  assert_true(w->box.x1 > 390 && w->box.x1 < 410);
  assert_true(w->box.x0 > 330 && w->box.x0 < w->box.x1);
  assert_true(w->box.y1 > 118 && w->box.y1 < 130);
  assert_true(w->conf > 60);
  assert_true(p->conf > 60);
}

static cairo_status_t pdf_sink(void *closure, const unsigned char *data,
                               unsigned int len)
{
  g_byte_array_append(closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

static int group_setup(void **state)
{
  struct sv_config cfg = {0};
  void *ctx = NULL;
  if (sv_ocr_stage.init(&cfg, NULL, &ctx) != SV_OK)
    return -1;
  *state = ctx;
  return 0;
}

static int group_teardown(void **state)
{
  sv_ocr_stage.fini(state);
  return 0;
}

/* An image-only PDF page is rendered in memory and read: words, amounts
   and boxes in points on the right part of the page. */
static void test_ocr_image_only_pdf(void **state)
{
  cairo_surface_t *img = draw_page(200, NULL); /* a 200 dpi scan */
  GByteArray *out = g_byte_array_new();
  cairo_surface_t *ps = cairo_pdf_surface_create_for_stream(
      pdf_sink, out, PAGE_W_IN * 72, PAGE_H_IN * 72);
  cairo_t *cr = cairo_create(ps);
  cairo_scale(cr, 72.0 / 200, 72.0 / 200);
  cairo_set_source_surface(cr, img, 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_finish(ps);
  cairo_surface_destroy(ps);
  cairo_surface_destroy(img);

  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = doc_of(c, g_byte_array_free_to_bytes(out), SV_FILE_PDF);
  run_stages(*state, c, d);
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 1);
  assert_int_equal(d->text, SV_TEXT_OCR);
  assert_true(d->ocr_conf > 60);
  assert_null(d->bytes);
  const struct sv_page *p = &d->pages[0];
  assert_null(p->image); /* released once read */
  /* rendered at 300 dpi; OCR may read large print at less (not under
     200) */
  assert_true(p->dpi >= 200 && p->dpi < 301);
  assert_true(p->width > 431 && p->width < 433);
  assert_page_read(p);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A page scanned turned by quads quarter turns clockwise comes back
   upright, read, with rotated saying how far it was turned back. */
static void check_turned(void **state, int quads)
{
  struct Pix *pix = page_pix(300, "Transaction Detail  Date  Description  "
                                  "Amount  Balance");
  struct Pix *turned = pixRotateOrth(pix, quads);
  pixSetResolution(turned, 300, 300);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = doc_of(c, encode(turned, IFF_PNG), SV_FILE_PNG);
  pixDestroy(&turned);
  pixDestroy(&pix);
  run_stages(*state, c, d);
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 1);
  const struct sv_page *p = &d->pages[0];
  assert_int_equal(p->rotated, (360 - 90 * quads) % 360);
  assert_true(p->width > p->height); /* upright: landscape as drawn */
  assert_page_read(p);
  /* the pixels are gone; a re-read makes them again, turned the same way,
     and finds the figure inside the word's box */
  assert_null(p->image);
  const struct sv_word *w = find_word(p, "8,848.32");
  assert_non_null(w);
  struct sv_reread rr;
  assert_true(sv_ocr_reread(*state, d, p, &w->box, SV_REREAD_AMOUNT, &rr));
  assert_non_null(strstr(rr.text[0], "8,848.32"));
  sv_reread_clear(&rr);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* Turned 90 degrees clockwise: OSD turns it back. */
static void test_ocr_rotated_90(void **state) { check_turned(state, 1); }

/* Turned 270 degrees clockwise: OSD turns it back. */
static void test_ocr_rotated_270(void **state) { check_turned(state, 3); }

/* Upside down: OSD or the low-confidence retry turns it back. */
static void test_ocr_upside_down(void **state) { check_turned(state, 2); }

/* Every page of a multi-page TIFF is decoded and read. */
static void test_ocr_multipage_tiff(void **state)
{
  struct Pix *p1 = page_pix(300, "Hoja uno");
  struct Pix *p2 = page_pix(300, "Hoja dos");
  l_uint8 *data = NULL;
  size_t len = 0;
  PIXA *pixa = pixaCreate(2);
  pixaAddPix(pixa, p1, L_INSERT);
  pixaAddPix(pixa, p2, L_INSERT);
  assert_int_equal(pixaWriteMemMultipageTiff(&data, &len, pixa), 0);
  pixaDestroy(&pixa);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = doc_of(c, g_bytes_new(data, len), SV_FILE_TIFF);
  lept_free(data);
  run_stages(*state, c, d);
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 2);
  assert_int_equal(d->text, SV_TEXT_OCR);
  assert_page_read(&d->pages[0]);
  assert_page_read(&d->pages[1]);
  assert_non_null(find_word(&d->pages[0], "uno"));
  assert_non_null(find_word(&d->pages[1], "dos"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A tiny photo (about 110 dpi, no resolution in the file) is scaled up
   before OCR and still read. */
static void test_ocr_tiny_photo_upscaled(void **state)
{
  struct Pix *pix = page_pix(110, NULL);
  pixSetResolution(pix, 0, 0);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = doc_of(c, encode(pix, IFF_JFIF_JPEG), SV_FILE_JPEG);
  int w = pixGetWidth(pix);
  pixDestroy(&pix);
  run_stages(*state, c, d);
  assert_int_equal(d->status, SV_DOC_OK);
  const struct sv_page *p = &d->pages[0];
  assert_true(p->dpi >= 200);
  assert_true(p->width * p->dpi / 72.0 >= 2 * w); /* scaled up */
  assert_non_null(find_word(p, "12,345.67"));
  assert_non_null(find_word(p, "8,848.32"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* Re-reading the crop of a figure (digits only, one line, larger) gives
   the figure and a confidence. */
static void test_ocr_reread_figure(void **state)
{
  struct Pix *pix = page_pix(300, NULL);
  pixSetResolution(pix, 300, 300);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = doc_of(c, encode(pix, IFF_PNG), SV_FILE_PNG);
  pixDestroy(&pix);
  run_stages(*state, c, d);
  const struct sv_page *p = &d->pages[0];
  const struct sv_word *w = find_word(p, "8,848.32");
  assert_non_null(w);
  struct sv_reread rr;
  assert_true(sv_ocr_reread(*state, d, p, &w->box, SV_REREAD_AMOUNT, &rr));
  /* a raw-line and a single-line reading, both of the figure here */
  assert_int_equal(rr.n, 2);
  for (size_t i = 0; i < rr.n; i++) {
    assert_string_equal(rr.text[i], "$8,848.32");
    assert_true(rr.conf[i] > 50 && rr.conf[i] <= 100);
  }
  assert_true(rr.conf[0] >= rr.conf[1]);
  sv_reread_clear(&rr);
  assert_int_equal(rr.n, 0);
  /* the page reader is unchanged: a second page still reads words */
  struct sv_box none = {0, 0, 0, 0};
  assert_false(sv_ocr_reread(*state, d, p, &none, SV_REREAD_AMOUNT, &rr));
  assert_int_equal(rr.n, 0);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A worker makes its engine once in init and reuses it for every
   document; fini frees it and clears the context. */
static void test_ocr_engine_once_per_worker(void **state)
{
  (void)state;
  struct sv_config cfg = {0};
  void *ctx = NULL;
  struct sv_services svc = {0};
  int before = sv_ocr_engines_made();
  assert_int_equal(sv_ocr_stage.init(&cfg, &svc, &ctx), SV_OK);
  assert_non_null(ctx);
  /* the engine is offered to the worker's later stages as the re-read */
  assert_non_null(svc.reread);
  assert_ptr_equal(svc.reread_self, ctx);
  struct sv_case *c = sv_case_new("c", "/", "c");
  for (int i = 0; i < 2; i++) {
    struct Pix *pix = page_pix(300, NULL);
    pixSetResolution(pix, 300, 300);
    struct sv_doc *d = doc_of(c, encode(pix, IFF_PNG), SV_FILE_PNG);
    pixDestroy(&pix);
    run_stages(ctx, c, d);
    assert_int_equal(d->text, SV_TEXT_OCR);
    sv_doc_free(&d);
  }
  assert_int_equal(sv_ocr_engines_made(), before + 1);
  sv_case_free(&c);
  sv_ocr_stage.fini(&ctx);
  assert_null(ctx);
}

/* Without models: init still succeeds (the models load on first use), a
   text-layer document passes the stage untouched, and a page that needs
   OCR fails its document with the reason. */
static void test_ocr_init_failure_fails_documents(void **state)
{
  (void)state;
  struct sv_config cfg = {0};
  void *ctx = NULL;
  g_setenv("SV_TESSDATA", "/nonexistent/tessdata", TRUE);
  assert_int_equal(sv_ocr_stage.init(&cfg, NULL, &ctx), SV_OK); /* later */
  g_unsetenv("SV_TESSDATA");
  /* A text-layer document goes through untouched... */
  struct sv_case *tc = sv_case_new("t", "/", "t");
  struct sv_doc *td = sv_doc_new(tc, "t.pdf", "/t.pdf");
  td->type = SV_FILE_PDF;
  td->npages = 1;
  td->pages = g_new0(struct sv_page, 1);
  td->pages[0].number = 1;
  td->pages[0].source = SV_TEXT_LAYER;
  td->text = SV_TEXT_LAYER;
  assert_int_equal(sv_ocr_stage.process(ctx, &cfg, NULL, tc, td), SV_OK);
  assert_int_equal(td->status, SV_DOC_OK);
  assert_int_equal(td->problems->len, 0);
  sv_doc_free(&td);
  sv_case_free(&tc);
  /* ...while one that needs OCR fails, naming where the models were
     looked for. */
  struct Pix *pix = page_pix(300, NULL);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = doc_of(c, encode(pix, IFF_PNG), SV_FILE_PNG);
  pixDestroy(&pix);
  run_stages(ctx, c, d);
  assert_int_equal(d->status, SV_DOC_FAILED);
  const struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_OCR);
  assert_non_null(strstr(pr->message, "/nonexistent/tessdata"));
  sv_doc_free(&d);
  sv_case_free(&c);
  sv_ocr_stage.fini(&ctx);
  assert_null(ctx);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_ocr_image_only_pdf),
      cmocka_unit_test(test_ocr_rotated_90),
      cmocka_unit_test(test_ocr_rotated_270),
      cmocka_unit_test(test_ocr_upside_down),
      cmocka_unit_test(test_ocr_multipage_tiff),
      cmocka_unit_test(test_ocr_tiny_photo_upscaled),
      cmocka_unit_test(test_ocr_reread_figure),
      cmocka_unit_test(test_ocr_engine_once_per_worker),
      cmocka_unit_test(test_ocr_init_failure_fails_documents),
  };
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
