/*
 * crop.c - an evidence crop's picture (see crop.h).
 */
#include "crop.h"

#include <leptonica/allheaders.h>
#include <math.h>

/* Margins around the region shown (the figure's line), points: a little
   of the lines above and below. */
#define SV_CROP_MARGIN_X 18.0
#define SV_CROP_MARGIN_Y 14.0
/* The outline: red, this many points wide (at least one pixel). */
#define SV_CROP_OUTLINE_PT 0.6
#define SV_CROP_GAP_PT 1.5
/* zlib level of the PNGs: the default (6) took a third of a text-layer
   page's crop time for 10 % fewer bytes. */
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
  struct Box *clip = boxCreate(x0, y0, x1 - x0, y1 - y0);
  struct Pix *part = clip != NULL ? pixClipRectangle(pix, clip, NULL) : NULL;
  boxDestroy(&clip);
  /* 8-bit grey in 64 levels with a colour map (room for the outline's
     red): a third of the bytes of RGB, the same to the eye */
  struct Pix *grey = part != NULL && pixGetDepth(part) == 8 &&
                             pixGetColormap(part) == NULL
                         ? pixThresholdOn8bpp(part, 64, 1)
                         : NULL;
  struct Pix *rgb = grey != NULL ? pixClone(grey)
                    : part != NULL ? pixConvertTo32(part)
                                   : NULL;
  pixDestroy(&grey);
  pixDestroy(&part);
  if (rgb == NULL)
    return NULL;
  /* the outline keeps clear of the glyphs: a word box hugs them */
  int line = MAX(1, (int)lround(SV_CROP_OUTLINE_PT * k));
  int gap = line + (int)lround(SV_CROP_GAP_PT * k);
  int bx = (int)floor((box->x0 - origin_x) * k) - x0 - gap;
  int by = (int)floor((box->y0 - origin_y) * k) - y0 - gap;
  int bw = (int)ceil((box->x1 - box->x0) * k) + 2 * gap;
  int bh = (int)ceil((box->y1 - box->y0) * k) + 2 * gap;
  struct Box *outline = boxCreate(MAX(0, bx), MAX(0, by), MAX(1, bw),
                                  MAX(1, bh));
  if (outline != NULL)
    pixRenderBoxArb(rgb, outline, line, 220, 0, 0);
  boxDestroy(&outline);
  pixSetResolution(rgb, (l_int32)lround(dpi), (l_int32)lround(dpi));
  pixSetZlibCompression(rgb, SV_CROP_ZLIB_LEVEL);
  l_uint8 *data = NULL;
  size_t size = 0;
  GBytes *png = NULL;
  if (pixWriteMemPng(&data, &size, rgb, 0.0) == 0 && data != NULL)
    png = g_bytes_new(data, size);
  lept_free(data);
  pixDestroy(&rgb);
  return png;
}
