/*
 * ocr.h - document stage: text for pages that have no text layer.
 *
 * Pages that render left without text (image-only PDF pages) and image
 * files (PNG, JPEG, TIFF) come here.  This version does not recognise text
 * yet: it records, page by page, that the document needs OCR, and the
 * document is reported as skipped with that reason.  Text-layer pages never
 * reach OCR.
 */
#ifndef SV_OCR_H
#define SV_OCR_H

#include "stage.h"

extern const struct sv_stage sv_ocr_stage;

#endif
