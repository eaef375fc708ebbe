/*
 * crop.h - the picture of an evidence crop: the page region around a
 * figure's box, with a margin and the box outlined, as PNG bytes.
 *
 * Used in the reader (isolated) by the OCR stage's crop service: for an
 * OCR'd page from the very pixels OCR read, for a text-layer page from the
 * region drawn by Poppler (sv_doc_render_region).  Pure: the same pixels
 * and box give the same bytes (written with libpng, no time stamp).
 */
#ifndef SV_CROP_H
#define SV_CROP_H

#include <glib.h>

#include "../pipeline/model.h"

/* Resolution a text-layer page's crop is drawn at: readable digits. */
#define SV_CROP_TEXT_DPI 200.0

/* The page region (points) a crop of box shows: box with a margin,
   clipped to the page (width x height points; 0 for unknown). */
struct sv_box sv_crop_region(const struct sv_box *box, double width,
                             double height);

/* Encodes the region of pix around show (sv_crop_region) as PNG, box
   outlined: pix shows the page from (origin_x, origin_y) points on at dpi
   pixels per inch.  Returns owned bytes, NULL when the region is empty or
   encoding fails. */
GBytes *sv_crop_png(struct Pix *pix, double dpi, double origin_x,
                    double origin_y, const struct sv_box *box,
                    const struct sv_box *show);

#endif
