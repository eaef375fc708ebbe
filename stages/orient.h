/*
 * orient.h - the way up of a photographed page: the EXIF orientation tag.
 *
 * Phones and many cameras store a JPEG's pixels as the sensor saw them
 * and say in the EXIF Orientation tag (0x0112) how to turn them for
 * display: a page photographed in portrait usually comes as landscape
 * pixels with orientation 6 ("turn 90 degrees clockwise").  Every viewer
 * shows it upright, so the applicant and the auditor see it so; the
 * render stage turns the pixels the same way before OCR (otherwise the
 * page is read sideways, badly, then asked of OSD and read again: two or
 * three readings instead of one, and none if OSD is fooled), and
 * positions on the page (evidence crops) are those of the upright page.
 *
 * The tag is read with libexif from the JPEG's APP1 segment.
 */
#ifndef SV_ORIENT_H
#define SV_ORIENT_H

#include <stddef.h>
#include <stdint.h>

struct Pix;

/* The EXIF orientation (1-8) of a JPEG file's bytes; 1 (as stored) when
   it has no EXIF data, no orientation tag, or a value out of range. */
int sv_orient_exif(const uint8_t *data, size_t len);

/* pix turned (and mirrored, for 2, 4, 5 and 7) as orientation says, as a
   new Pix (owned); a clone for 1 or an unknown value; NULL when
   Leptonica fails.  pix is not changed. */
struct Pix *sv_orient_apply(struct Pix *pix, int orientation);

#endif
