/*
 * crop.c - an evidence crop's picture (see crop.h).
 */
#include "crop.h"

#include <leptonica/allheaders.h>
#include <math.h>
#include <png.h>

/* Margins around the region shown (the figure's line), points: a little
   of the lines above and below. */
#define SV_CROP_MARGIN_X 18.0
#define SV_CROP_MARGIN_Y 14.0
/* The outline: red, this many points wide (at least one pixel). */
#define SV_CROP_OUTLINE_PT 0.6
#define SV_CROP_GAP_PT 1.5
/* zlib level of the PNGs: the default (6) took a third of a text-layer
   page's crop time for 10 % fewer bytes.  The default strategy: RLE made
   8 % larger files and was no faster. */
#define SV_CROP_ZLIB_LEVEL 1

struct sv_box sv_crop_region(const struct sv_box *box, double width,
                             double height)
{
  struct sv_box r = {box->x0 - SV_CROP_MARGIN_X, box->y0 - SV_CROP_MARGIN_Y,
                     box->x1 + SV_CROP_MARGIN_X, box->y1 + SV_CROP_MARGIN_Y};
  r.x0 = fmax(r.x0, 0);
  r.y0 = fmax(r.y0, 0);
  if (width > 0)
    r.x1 = fmin(r.x1, width);
  if (height > 0)
    r.y1 = fmin(r.y1, height);
  return r;
}

/* The crop's colours: 64 grey levels, then the outline's red.  15 levels
   in 4 bits (tried 2026-12-03) made a third fewer bytes and 4 % less work
   on a text-layer run, and looked the same on rendered text, but turned a
   scan's paper noise to speckle: OCR of a scanned statement's crop no
   longer found its figure (test_crops). */
#define SV_CROP_GREYS 64
#define SV_CROP_RED SV_CROP_GREYS

struct png_sink {
  GByteArray *bytes;
};

static void sink_write(png_structp png, png_bytep data, size_t n)
{
  struct png_sink *sink = png_get_io_ptr(png);
  g_byte_array_append(sink->bytes, data, (guint)n);
}

static void sink_flush(png_structp png)
{
  (void)png;
}

/* Where the outline is drawn on a crop: a frame `line` pixels wide whose
   outer edge is the rectangle [x0, x1) x [y0, y1). */
struct frame {
  int x0, y0, x1, y1, line;
};

/* Paints row y (w pixels) of the frame f in red. */
static void frame_row(const struct frame *f, png_bytep row, int w, int y)
{
  if (y < f->y0 || y >= f->y1)
    return;
  int x0 = MAX(f->x0, 0), x1 = MIN(f->x1, w);
  if (y < f->y0 + f->line || y >= f->y1 - f->line) {
    for (int x = x0; x < x1; x++) /* top or bottom edge */
      row[x] = SV_CROP_RED;
    return;
  }
  for (int x = x0; x < MIN(f->x0 + f->line, x1); x++)
    row[x] = SV_CROP_RED;
  for (int x = MAX(f->x1 - f->line, x0); x < x1; x++)
    row[x] = SV_CROP_RED;
}

/* Writes rows [y0, y1) x [x0, x1) of the 8-bit grey pix as a PNG with
   the 64-grey + red palette, the frame in red.  Returns owned bytes or
   NULL.  libpng directly rather than Leptonica's writer, which checked
   every pixel against the colour map and swapped the bytes of a copy
   (together with the quantising, a third of a crop's time). */
static GBytes *encode(struct Pix *pix, int x0, int y0, int x1, int y1,
                      const struct frame *f, double dpi)
{
  int w = x1 - x0, h = y1 - y0;
  png_color palette[SV_CROP_GREYS + 1];
  for (int i = 0; i < SV_CROP_GREYS; i++) {
    png_byte v = (png_byte)(255 * i / (SV_CROP_GREYS - 1));
    palette[i] = (png_color){v, v, v};
  }
  palette[SV_CROP_RED] = (png_color){220, 0, 0};
  png_byte level[256];
  for (int g = 0; g < 256; g++)
    level[g] = (png_byte)((g * (SV_CROP_GREYS - 1) + 127) / 255);

  struct png_sink sink = {.bytes = g_byte_array_new()};
  png_bytep row = g_malloc((size_t)w);
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
  png_infop info = png != NULL ? png_create_info_struct(png) : NULL;
  if (info == NULL || setjmp(png_jmpbuf(png)) != 0) {
    /* libpng failed (it longjmps here): nothing half-made is returned */
    png_destroy_write_struct(&png, &info);
    g_free(row);
    g_byte_array_unref(sink.bytes);
    return NULL;
  }
  png_set_write_fn(png, &sink, sink_write, sink_flush);
  png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
               PNG_COLOR_TYPE_PALETTE, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_PLTE(png, info, palette, SV_CROP_GREYS + 1);
  png_uint_32 ppm = (png_uint_32)lround(dpi / 0.0254);
  png_set_pHYs(png, info, ppm, ppm, PNG_RESOLUTION_METER);
  png_set_filter(png, 0, PNG_FILTER_NONE); /* palette indices: no filter */
  png_set_compression_level(png, SV_CROP_ZLIB_LEVEL);
  png_write_info(png, info);
  const l_uint32 *data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = y0; y < y1; y++) {
    const l_uint32 *line = data + (size_t)y * wpl;
    for (int x = x0; x < x1; x++)
      row[x - x0] = level[GET_DATA_BYTE(line, x)];
    frame_row(f, row, w, y - y0);
    png_write_row(png, row);
  }
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  g_free(row);
  return g_byte_array_free_to_bytes(sink.bytes);
}

GBytes *sv_crop_png(struct Pix *pix, double dpi, double origin_x,
                    double origin_y, const struct sv_box *box,
                    const struct sv_box *show)
{
  if (pix == NULL || box == NULL || show == NULL || !(dpi > 0))
    return NULL;
  double k = dpi / 72.0;
  struct sv_box r = sv_crop_region(show, 0, 0);
  int w = pixGetWidth(pix), h = pixGetHeight(pix);
  int x0 = MAX(0, (int)floor((r.x0 - origin_x) * k));
  int y0 = MAX(0, (int)floor((r.y0 - origin_y) * k));
  int x1 = MIN(w, (int)ceil((r.x1 - origin_x) * k));
  int y1 = MIN(h, (int)ceil((r.y1 - origin_y) * k));
  if (x1 - x0 < 4 || y1 - y0 < 4)
    return NULL;
  /* the outline keeps clear of the glyphs: a word box hugs them */
  int line = MAX(1, (int)lround(SV_CROP_OUTLINE_PT * k));
  int gap = line + (int)lround(SV_CROP_GAP_PT * k);
  int bx = (int)floor((box->x0 - origin_x) * k) - x0 - gap;
  int by = (int)floor((box->y0 - origin_y) * k) - y0 - gap;
  int bw = (int)ceil((box->x1 - box->x0) * k) + 2 * gap;
  int bh = (int)ceil((box->y1 - box->y0) * k) + 2 * gap;
  struct frame f = {MAX(0, bx), MAX(0, by), MAX(0, bx) + MAX(1, bw),
                    MAX(0, by) + MAX(1, bh), line};
  /* pages come as 8-bit grey; anything else is made so */
  struct Pix *grey = pixGetDepth(pix) == 8 && pixGetColormap(pix) == NULL
                         ? pixClone(pix)
                         : pixConvertTo8(pix, FALSE);
  GBytes *png = grey != NULL ? encode(grey, x0, y0, x1, y1, &f, dpi) : NULL;
  pixDestroy(&grey);
  return png;
}
