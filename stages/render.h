/*
 * render.h - document stage: turn file bytes into pages of positioned words
 * or pixels.
 *
 * For PDFs, poppler-glib gives each page's text layer with a box per
 * character; render groups characters into words and words into lines by
 * geometry (stages/text/lines.h), so classify and extract see lines and
 * columns however the PDF ordered its text.  A page without a text layer is
 * rendered in memory (about 300 dpi, 8-bit grey Pix in page->image) and
 * left with source SV_TEXT_NONE for the OCR stage.  Images (PNG, JPEG, every
 * page of a TIFF) are decoded into pages with pixels the same way, after a
 * pixel limit checked on the header, and scaled up when too coarse.
 */
#ifndef SV_RENDER_H
#define SV_RENDER_H

#include "stage.h"

extern const struct sv_stage sv_render_stage;

/* Fewer printable characters than this on a page means "no text layer". */
#define SV_RENDER_MIN_CHARS 10

/* Pixels per page above which an image is refused before it is decoded
   (decompression bombs) and a PDF page is rendered at a lower resolution.
   An A4 page at 300 dpi is 8.7 million pixels. */
#define SV_RENDER_MAX_PIXELS 100000000

/* The most pixels a page may be rendered or decoded with under cfg's
   memory budget (cfg->worker_memory), never more than
   SV_RENDER_MAX_PIXELS; PDF pages also at most four A4 pages at 300 dpi.
   It shapes what is read, so it is part of the rerun journal's settings. */
double sv_render_pixel_cap(const struct sv_config *cfg);

/* An image page whose short side is under this many pixels, even after
   scaling up, is skipped: it cannot hold a readable statement page. */
#define SV_RENDER_MIN_SIDE 200

#endif
