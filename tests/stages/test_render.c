/*
 * test_render.c - the render stage alone: PDF text layer to words and lines
 * (geometry, columns, reading order), image-only pages left for OCR,
 * damaged and encrypted-looking PDFs failed with a reason.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include <leptonica/allheaders.h>

#include "orient.h"
#include "render.h"
#include "text/lines.h"
#include "support.h"

static struct sv_doc *render_image_cfg(const struct sv_config *cfg,
                                       struct sv_case *c, GBytes *bytes,
                                       enum sv_filetype type)
{
  struct sv_doc *d = sv_doc_new(c, "scan", "/scan");
  d->type = type;
  d->bytes = bytes;
  assert_int_equal(sv_render_stage.process(NULL, cfg, NULL, c, d), SV_OK);
  return d;
}

static struct sv_doc *render_image(struct sv_case *c, GBytes *bytes,
                                   enum sv_filetype type)
{
  struct sv_config cfg = {0};
  return render_image_cfg(&cfg, c, bytes, type);
}

/* Page index of d from its pixel source; returns owned, asserting it
   exists. */
static struct Pix *page_pix(const struct sv_doc *d, int index, double *dpi)
{
  sv_status code = SV_OK;
  char *why = NULL;
  struct Pix *pix = sv_doc_render_page(d, index, dpi, &code, &why);
  assert_non_null(pix);
  assert_null(why);
  return pix;
}

/* PNG's CRC-32 (ISO 3309) of n bytes. */
static unsigned long crc32_png(const unsigned char *p, size_t n)
{
  unsigned long c = 0xffffffffUL;
  for (size_t i = 0; i < n; i++) {
    c ^= p[i];
    for (int k = 0; k < 8; k++)
      c = (c & 1) ? 0xedb88320UL ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xffffffffUL;
}

/* Big-endian 32-bit store. */
static void put32(unsigned char *p, uint32_t v)
{
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

/* Returns owned: a PNG that declares w x h 8-bit grey pixels in its IHDR
   (with a valid CRC) followed by a tiny IDAT: the pixels never exist. */
static GBytes *png_header_only(uint32_t w, uint32_t h)
{
  unsigned char png[8 + 25 + 12 + 12] = {0x89, 'P', 'N', 'G', '\r', '\n',
                                         0x1a, '\n'};
  unsigned char *ihdr = png + 8;
  put32(ihdr, 13);
  memcpy(ihdr + 4, "IHDR", 4);
  put32(ihdr + 8, w);
  put32(ihdr + 12, h);
  ihdr[16] = 8; /* bit depth */
  ihdr[17] = 0; /* grey */
  put32(ihdr + 21, (uint32_t)crc32_png(ihdr + 4, 17));
  unsigned char *idat = ihdr + 25;
  put32(idat, 0);
  memcpy(idat + 4, "IDAT", 4);
  put32(idat + 8, (uint32_t)crc32_png(idat + 4, 4));
  unsigned char *iend = idat + 12;
  put32(iend, 0);
  memcpy(iend + 4, "IEND", 4);
  put32(iend + 8, (uint32_t)crc32_png(iend + 4, 4));
  return g_bytes_new(png, sizeof png);
}

struct sink {
  GByteArray *buf;
};

static cairo_status_t sink_write(void *closure, const unsigned char *data,
                                 unsigned int len)
{
  struct sink *s = closure;
  g_byte_array_append(s->buf, data, len);
  return CAIRO_STATUS_SUCCESS;
}

/* Draws a one-page A4 PDF in memory: (text, x, y) triples, plus an image
   when image is true.  Returns owned bytes. */
static GBytes *make_pdf(const char *const *texts, const double *xy,
                        size_t n, bool image)
{
  struct sink s = {g_byte_array_new()};
  cairo_surface_t *surf =
      cairo_pdf_surface_create_for_stream(sink_write, &s, 595, 842);
  cairo_t *cr = cairo_create(surf);
  if (image) {
    cairo_surface_t *img =
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, 200, 100);
    cairo_t *ic = cairo_create(img);
    cairo_set_source_rgb(ic, 1, 1, 1);
    cairo_paint(ic);
    cairo_set_source_rgb(ic, 0, 0, 0);
    cairo_move_to(ic, 10, 50);
    cairo_set_font_size(ic, 20);
    cairo_show_text(ic, "Saldo Final 1,000.00"); /* pixels only */
    cairo_destroy(ic);
    cairo_set_source_surface(cr, img, 50, 50);
    cairo_paint(cr);
    cairo_surface_destroy(img);
  }
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                         CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 10);
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (size_t i = 0; i < n; i++) {
    cairo_move_to(cr, xy[2 * i], xy[2 * i + 1]);
    cairo_show_text(cr, texts[i]);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surf);
  cairo_surface_destroy(surf);
  return g_byte_array_free_to_bytes(s.buf);
}

static struct sv_doc *render(struct sv_case *c, GBytes *bytes)
{
  struct sv_config cfg = {0};
  struct sv_doc *d = sv_doc_new(c, "t.pdf", "/t.pdf");
  d->type = SV_FILE_PDF;
  d->bytes = bytes;
  assert_int_equal(sv_render_stage.process(NULL, &cfg, NULL, c, d), SV_OK);
  return d;
}

/* Text drawn out of order (value first, label later; lower line first)
   comes back as lines top to bottom, words left to right, with a column
   gap between label and value and single spaces inside the label. */
static void test_render_lines_by_geometry(void **state)
{
  (void)state;
  const char *t[] = {"$14,111.11", "Ending Balance", "Beginning Balance",
                     "$12,345.67", "Account Holder: JOHN DOE"};
  const double xy[] = {450, 200, 60, 200, 60, 180, 450, 180, 60, 100};
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render(c, make_pdf(t, xy, 5, false));
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 1);
  assert_int_equal(d->text, SV_TEXT_LAYER);
  assert_null(d->bytes); /* text layer everywhere: bytes dropped */
  struct sv_page *p = &d->pages[0];
  assert_int_equal(p->source, SV_TEXT_LAYER);
  assert_int_equal(p->nlines, 3);
  assert_string_equal(p->lines[0].text, "Account Holder: JOHN DOE");
  assert_string_equal(p->lines[1].text,
                      "Beginning Balance" SV_COLUMN_GAP "$12,345.67");
  assert_string_equal(p->lines[2].text,
                      "Ending Balance" SV_COLUMN_GAP "$14,111.11");
  /* boxes are in points, top-left origin: the value sits at x >= 450 */
  const struct sv_line *ln = &p->lines[2];
  assert_int_equal(ln->nwords, 3);
  assert_true(ln->words[2].box.x0 >= 449 && ln->words[2].box.x0 < 460);
  assert_true(ln->words[2].box.y1 > 190 && ln->words[2].box.y0 < 201);
  assert_true(ln->words[2].conf == 100.0f);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A page holding only an image has no text layer: left for OCR, which
   has it rendered in memory at 300 dpi into an 8-bit grey image by the
   document's pixel source (no pixels exist before), the bytes dropped. */
static void test_render_image_only_page_left_for_ocr(void **state)
{
  (void)state;
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render(c, make_pdf(NULL, NULL, 0, true));
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 1);
  assert_int_equal(d->pages[0].source, SV_TEXT_NONE);
  assert_int_equal(d->pages[0].nlines, 0);
  assert_int_equal(d->text, SV_TEXT_NONE);
  assert_null(d->bytes);
  assert_null(d->pages[0].image);
  assert_non_null(d->pixels);
  double dpi = 0;
  struct Pix *img = page_pix(d, 0, &dpi);
  assert_int_equal(pixGetDepth(img), 8);
  assert_true(dpi == 300.0);
  assert_int_equal(pixGetWidth(img), 2479); /* 595 pt at 300 dpi */
  /* white paper around the drawn image, dark text inside it */
  l_uint32 v = 0;
  pixGetPixel(img, 10, 10, &v);
  assert_int_equal(v, 255);
  pixDestroy(&img);
  sv_doc_drop_pixels(d);
  assert_null(d->pixels);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A truncated PDF fails with a reason; nothing crashes or leaks. */
static void test_render_truncated_pdf_fails(void **state)
{
  (void)state;
  const char *t[] = {"Saldo Final", "$1,000.00", "Titular: ANA"};
  const double xy[] = {60, 100, 400, 100, 60, 60};
  GBytes *full = make_pdf(t, xy, 3, false);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(full, &len);
  GBytes *cut = g_bytes_new(data, len * 4 / 10);
  g_bytes_unref(full);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render(c, cut);
  assert_int_equal(d->status, SV_DOC_FAILED);
  struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_CORRUPT);
  assert_non_null(strstr(pr->message, "PDF"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* Line building alone: overlapping words share a line, a word lower by
   more than half a height starts a new one, and the gap rule holds. */
static void test_render_build_lines_direct(void **state)
{
  (void)state;
  struct sv_word *w = g_new0(struct sv_word, 4);
  w[0] = (struct sv_word){g_strdup("Saldo"), {10, 10, 40, 20}, 90};
  w[1] = (struct sv_word){g_strdup("Final"), {44, 11, 70, 21}, 95};
  w[2] = (struct sv_word){g_strdup("9.00"), {300, 10, 324, 20}, 80};
  w[3] = (struct sv_word){g_strdup("next"), {10, 30, 34, 40}, 99};
  struct sv_page p = {.number = 1};
  sv_lines_build(&p, w, 4);
  assert_int_equal(p.nlines, 2);
  assert_string_equal(p.lines[0].text, "Saldo Final" SV_COLUMN_GAP "9.00");
  assert_string_equal(p.lines[1].text, "next");
  assert_true(p.lines[0].box.x1 == 324 && p.lines[0].box.y1 == 21);
  assert_true(p.lines[0].words[2].conf == 80.0f);
  sv_page_clear(&p);
  assert_int_equal(p.nlines, 0);
}

/* An image whose header declares 40000 x 40000 pixels is refused before
   decoding: failed, SV_TOOBIG, the size and the limit in the reason, no
   page made (so no pixels allocated). */
static void test_render_oversized_image_rejected(void **state)
{
  (void)state;
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render_image(c, png_header_only(40000, 40000),
                                  SV_FILE_PNG);
  assert_int_equal(d->status, SV_DOC_FAILED);
  assert_int_equal(d->npages, 0);
  assert_null(d->pages);
  const struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_TOOBIG);
  assert_non_null(strstr(pr->message, "40000 x 40000 pixels"));
  assert_non_null(strstr(pr->message, "limit"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A file with PNG's magic and garbage after it fails with a reason. */
static void test_render_corrupt_png_fails(void **state)
{
  (void)state;
  static const unsigned char junk[] = "\x89PNG\r\n\x1a\nthis is not a png at "
                                      "all, just some garbage bytes ......";
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render_image(c, g_bytes_new(junk, sizeof junk),
                                  SV_FILE_PNG);
  assert_int_equal(d->status, SV_DOC_FAILED);
  assert_int_equal(d->problems->len, 1);
  const struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_int_equal(pr->status, SV_CORRUPT);
  assert_non_null(strstr(pr->message, "png"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* An image far too small to hold a page (60 x 40 pixels, even scaled up
   4x) gives no pixels, with a reason naming its size. */
static void test_render_tiny_image_skipped(void **state)
{
  (void)state;
  struct Pix *pix = pixCreate(60, 40, 8);
  pixSetAllArbitrary(pix, 200);
  l_uint8 *data = NULL;
  size_t len = 0;
  assert_int_equal(pixWriteMem(&data, &len, pix, IFF_PNG), 0);
  pixDestroy(&pix);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render_image(c, g_bytes_new(data, len), SV_FILE_PNG);
  lept_free(data);
  assert_int_equal(d->npages, 1);
  sv_status code = SV_OK;
  char *why = NULL;
  double dpi = 0;
  assert_null(sv_doc_render_page(d, 0, &dpi, &code, &why));
  assert_int_equal(code, SV_INVALID);
  assert_non_null(strstr(why, "too small"));
  g_free(why);
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* Every page of a multi-page TIFF gets its own grey image on demand, with
   the page size in points from its pixels and resolution; none is decoded
   before it is asked for. */
static void test_render_multipage_tiff_pages(void **state)
{
  (void)state;
  PIXA *pixa = pixaCreate(3);
  for (int i = 0; i < 3; i++) {
    struct Pix *p = pixCreate(900 + 100 * i, 1200, 1); /* fax-style 1 bpp */
    pixSetResolution(p, 300, 300);
    pixaAddPix(pixa, p, L_INSERT);
  }
  l_uint8 *data = NULL;
  size_t len = 0;
  assert_int_equal(pixaWriteMemMultipageTiff(&data, &len, pixa), 0);
  pixaDestroy(&pixa);
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render_image(c, g_bytes_new(data, len), SV_FILE_TIFF);
  lept_free(data);
  assert_int_equal(d->status, SV_DOC_OK);
  assert_int_equal(d->npages, 3);
  assert_null(d->bytes);
  for (int i = 0; i < 3; i++) {
    const struct sv_page *p = &d->pages[i];
    assert_int_equal(p->number, i + 1);
    assert_null(p->image);
    double dpi = 0;
    struct Pix *pix = page_pix(d, i, &dpi);
    assert_int_equal(pixGetDepth(pix), 8);
    assert_true(dpi == 300.0);
    assert_int_equal(pixGetWidth(pix), 900 + 100 * i);
    pixDestroy(&pix);
  }
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A JPEG of pix with an EXIF APP1 segment whose IFD0 holds only the
   Orientation tag (value o; none when o is 0), in Intel ("II") or
   Motorola ("MM") byte order; returns owned bytes. */
static GBytes *jpeg_with_orientation(struct Pix *pix, int o, bool motorola)
{
  l_uint8 *data = NULL;
  size_t len = 0;
  assert_int_equal(pixWriteMem(&data, &len, pix, IFF_JFIF_JPEG), 0);
  assert_true(len > 2 && data[0] == 0xff && data[1] == 0xd8);
  GByteArray *out = g_byte_array_new();
  g_byte_array_append(out, data, 2); /* SOI */
  if (o != 0) {
    static const guint8 ii[] = {'E', 'x', 'i', 'f', 0, 0,
                                'I', 'I', 42, 0, 8, 0, 0, 0, /* IFD0 at 8 */
                                1, 0,                   /* one entry */
                                0x12, 0x01, 3, 0,       /* 0x0112 SHORT */
                                1, 0, 0, 0,             /* one value */
                                0, 0, 0, 0,             /* the value */
                                0, 0, 0, 0};            /* no next IFD */
    static const guint8 mm[] = {'E', 'x', 'i', 'f', 0, 0,
                                'M', 'M', 0, 42, 0, 0, 0, 8,
                                0, 1,
                                0x01, 0x12, 0, 3,
                                0, 0, 0, 1,
                                0, 0, 0, 0,
                                0, 0, 0, 0};
    guint8 app1[sizeof ii];
    memcpy(app1, motorola ? mm : ii, sizeof app1);
    app1[motorola ? 25 : 24] = (guint8)o;
    guint8 head[4] = {0xff, 0xe1, 0, (guint8)(sizeof app1 + 2)};
    g_byte_array_append(out, head, sizeof head);
    g_byte_array_append(out, app1, sizeof app1);
  }
  g_byte_array_append(out, data + 2, (guint)(len - 2));
  lept_free(data);
  return g_byte_array_free_to_bytes(out);
}

/* The grey of pix around (x, y): the mean of a 9 x 9 square (JPEG
   blurs edges). */
static int grey_at(struct Pix *pix, int x, int y)
{
  long sum = 0;
  for (int dy = -4; dy <= 4; dy++)
    for (int dx = -4; dx <= 4; dx++) {
      l_uint32 v = 0;
      pixGetPixel(pix, x + dx, y + dy, &v);
      sum += (long)v;
    }
  return (int)(sum / 81);
}

/* A photo's pixels stored turned or mirrored, with the EXIF orientation
   that says so (1-8, both byte orders), decode upright: an upright page
   1200 x 1600 with a black block top left and a grey one top right is
   stored as each orientation's inverse, and every one renders as the
   upright page.  Without the tag, or with a value out of range, the
   pixels are taken as stored. */
static void test_render_jpeg_exif_orientation(void **state)
{
  (void)state;
  struct Pix *up = pixCreate(1200, 1600, 8);
  pixSetAllArbitrary(up, 255);
  pixRasterop(up, 0, 0, 300, 200, PIX_CLR, NULL, 0, 0);
  struct Pix *grey = pixCreate(300, 200, 8);
  pixSetAllArbitrary(grey, 128);
  pixRasterop(up, 900, 0, 300, 200, PIX_SRC, grey, 0, 0);
  pixDestroy(&grey);
  pixSetResolution(up, 200, 200);
  struct sv_case *c = sv_case_new("c", "/", "c");
  for (int o = 1; o <= 9; o++) {
    for (int mm = 0; mm < 2; mm++) {
      /* stored = the inverse of what orientation o undoes */
      struct Pix *t = NULL, *stored = NULL;
      switch (o) {
      case 2: stored = pixFlipLR(NULL, up); break;
      case 3: stored = pixRotateOrth(up, 2); break;
      case 4: stored = pixFlipTB(NULL, up); break;
      case 5: t = pixRotateOrth(up, 1); stored = pixFlipLR(NULL, t); break;
      case 6: stored = pixRotateOrth(up, 3); break;
      case 7: t = pixRotateOrth(up, 1); stored = pixFlipTB(NULL, t); break;
      case 8: stored = pixRotateOrth(up, 1); break;
      default: stored = pixClone(up); break; /* 1, and 9: out of range */
      }
      pixDestroy(&t);
      pixSetResolution(stored, 200, 200);
      struct sv_doc *d = render_image(c, jpeg_with_orientation(stored, o, mm),
                                      SV_FILE_JPEG);
      pixDestroy(&stored);
      assert_int_equal(d->status, SV_DOC_OK);
      double dpi = 0;
      struct Pix *pix = page_pix(d, 0, &dpi);
      if (pixGetWidth(pix) != 1200 || pixGetHeight(pix) != 1600)
        fail_msg("orientation %d (%s): %d x %d", o, mm ? "MM" : "II",
                 pixGetWidth(pix), pixGetHeight(pix));
      int tl = grey_at(pix, 150, 100), tr = grey_at(pix, 1050, 100);
      int bl = grey_at(pix, 150, 1500), br = grey_at(pix, 1050, 1500);
      if (tl > 40 || tr < 100 || tr > 156 || bl < 215 || br < 215)
        fail_msg("orientation %d (%s): corners %d %d %d %d", o,
                 mm ? "MM" : "II", tl, tr, bl, br);
      pixDestroy(&pix);
      sv_doc_free(&d);
    }
  }
  /* the tag read from cut-short and damaged bytes: a value 1-8, no
     read past the end (ASan), 1 when nothing usable is left */
  GBytes *whole = jpeg_with_orientation(up, 6, false);
  gsize wlen = 0;
  const guint8 *wdata = g_bytes_get_data(whole, &wlen);
  assert_int_equal(sv_orient_exif(wdata, wlen), 6);
  for (gsize k = 0; k < 64; k++) {
    guint8 *cut = g_memdup2(wdata, k); /* exactly k bytes: ASan sees past */
    int v = sv_orient_exif(cut, k);
    assert_true(v >= 1 && v <= 8);
    if (k <= 30) /* the value is byte 30 (from 0) of the file */
      assert_int_equal(v, 1);
    g_free(cut);
  }
  guint8 *bad = g_memdup2(wdata, wlen);
  for (gsize i = 4; i < 40; i++) { /* every byte of the segment, in turn */
    guint8 keep = bad[i];
    bad[i] ^= 0xa5;
    int v = sv_orient_exif(bad, wlen);
    assert_true(v >= 1 && v <= 8);
    bad[i] = keep;
  }
  g_free(bad);
  g_bytes_unref(whole);
  assert_int_equal(sv_orient_exif(NULL, 0), 1);

  /* no EXIF at all: as stored, sideways */
  struct Pix *side = pixRotateOrth(up, 3);
  pixSetResolution(side, 200, 200);
  struct sv_doc *d = render_image(c, jpeg_with_orientation(side, 0, false),
                                  SV_FILE_JPEG);
  double dpi = 0;
  struct Pix *pix = page_pix(d, 0, &dpi);
  assert_int_equal(pixGetWidth(pix), 1600);
  pixDestroy(&pix);
  sv_doc_free(&d);
  pixDestroy(&side);
  pixDestroy(&up);
  sv_case_free(&c);
}

/* A TIFF of three pages, 900-1100 x 1200 pixels; returns owned bytes. */
static GBytes *three_page_tiff(void)
{
  PIXA *pixa = pixaCreate(3);
  for (int i = 0; i < 3; i++) {
    struct Pix *p = pixCreate(900 + 100 * i, 1200, 1);
    pixSetResolution(p, 300, 300);
    pixaAddPix(pixa, p, L_INSERT);
  }
  l_uint8 *data = NULL;
  size_t len = 0;
  assert_int_equal(pixaWriteMemMultipageTiff(&data, &len, pixa), 0);
  pixaDestroy(&pixa);
  GBytes *b = g_bytes_new(data, len);
  lept_free(data);
  return b;
}

/* A document of more pages than --max-pages is refused before any page
   is decoded, saying so. */
static void test_render_page_limit(void **state)
{
  (void)state;
  struct sv_config cfg = {.max_pages = 2};
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render_image_cfg(&cfg, c, three_page_tiff(),
                                      SV_FILE_TIFF);
  assert_int_equal(d->status, SV_DOC_FAILED);
  assert_int_equal(d->npages, 0);
  assert_null(d->pixels);
  const struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_non_null(strstr(pr->message, "the limit is 2 pages per document"));
  assert_non_null(strstr(pr->message, "--max-pages"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

/* A page whose pixels would not fit in a worker's share of --max-memory
   is refused on its header, with the sizes: 8 bytes a pixel at the peak
   (1000 x 1200 x 8 = 9.2 MB) against a budget of 160 MB + 4 MB, whose
   room for pixels is floored at 32 MB -> fits; with 200 MB of pixels
   asked by a 5000 x 5000 page -> refused. */
static void test_render_memory_budget(void **state)
{
  (void)state;
  struct sv_config cfg = {.worker_memory = ((gint64)160 + 4) << 20};
  struct sv_case *c = sv_case_new("c", "/", "c");
  struct sv_doc *d = render_image_cfg(&cfg, c, three_page_tiff(),
                                      SV_FILE_TIFF);
  assert_int_equal(d->status, SV_DOC_OK);
  sv_doc_free(&d);
  struct Pix *big = pixCreate(5000, 5000, 1);
  l_uint8 *data = NULL;
  size_t len = 0;
  assert_int_equal(pixWriteMem(&data, &len, big, IFF_TIFF_G4), 0);
  pixDestroy(&big);
  d = render_image_cfg(&cfg, c, g_bytes_new(data, len), SV_FILE_TIFF);
  lept_free(data);
  assert_int_equal(d->status, SV_DOC_FAILED);
  const struct sv_problem *pr = g_ptr_array_index(d->problems, 0);
  assert_non_null(strstr(pr->message, "5000 x 5000 pixels"));
  assert_non_null(strstr(pr->message, "191 MB")); /* 25e6 x 8 / 2^20 */
  assert_non_null(strstr(pr->message, "--max-memory"));
  sv_doc_free(&d);
  sv_case_free(&c);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_render_lines_by_geometry),
      cmocka_unit_test(test_render_image_only_page_left_for_ocr),
      cmocka_unit_test(test_render_truncated_pdf_fails),
      cmocka_unit_test(test_render_build_lines_direct),
      cmocka_unit_test(test_render_oversized_image_rejected),
      cmocka_unit_test(test_render_corrupt_png_fails),
      cmocka_unit_test(test_render_tiny_image_skipped),
      cmocka_unit_test(test_render_page_limit),
      cmocka_unit_test(test_render_memory_budget),
      cmocka_unit_test(test_render_multipage_tiff_pages),
      cmocka_unit_test(test_render_jpeg_exif_orientation),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
