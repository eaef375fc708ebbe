/*
 * orient.c - the EXIF orientation of a JPEG and turning its pixels upright
 * (see orient.h).
 */
#include "orient.h"

#include <leptonica/allheaders.h>
#include <libexif/exif-data.h>
#include <stdbool.h>

int sv_orient_exif(const uint8_t *data, size_t len)
{
  if (data == NULL || len < 4 || len > UINT32_MAX)
    return 1;
  /* libexif finds the APP1 "Exif" segment among the JPEG's markers */
  ExifData *ed = exif_data_new_from_data(data, (unsigned int)len);
  if (ed == NULL)
    return 1;
  int value = 1;
  ExifEntry *e = exif_content_get_entry(ed->ifd[EXIF_IFD_0],
                                        EXIF_TAG_ORIENTATION);
  if (e != NULL && e->format == EXIF_FORMAT_SHORT && e->components >= 1 &&
      e->data != NULL && e->size >= 2) {
    int v = exif_get_short(e->data, exif_data_get_byte_order(ed));
    if (v >= 1 && v <= 8)
      value = v;
  }
  exif_data_unref(ed);
  return value;
}

/* pix turned a quarter turn clockwise, then mirrored left-right (lr) or
   top-bottom: a transposition (EXIF 5) or a transversion (7). */
static struct Pix *quarter_then_flip(struct Pix *pix, bool lr)
{
  struct Pix *t = pixRotateOrth(pix, 1);
  struct Pix *m = t == NULL ? NULL : lr ? pixFlipLR(NULL, t)
                                        : pixFlipTB(NULL, t);
  pixDestroy(&t);
  return m;
}

struct Pix *sv_orient_apply(struct Pix *pix, int orientation)
{
  if (pix == NULL)
    return NULL;
  /* As EXIF 2.3 table 5 draws them: the stored pixels' first row is the
     picture's top (1-2), bottom (3-4), left side (5-6) or right side
     (7-8); the even ones and 5 and 7 are mirrored. */
  switch (orientation) {
  case 2:
    return pixFlipLR(NULL, pix);
  case 3:
    return pixRotateOrth(pix, 2);
  case 4:
    return pixFlipTB(NULL, pix);
  case 5:
    return quarter_then_flip(pix, true);
  case 6:
    return pixRotateOrth(pix, 1);
  case 7:
    return quarter_then_flip(pix, false);
  case 8:
    return pixRotateOrth(pix, 3);
  default:
    return pixClone(pix);
  }
}
