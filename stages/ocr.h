/*
 * ocr.h - document stage: text for pages that have no text layer.
 *
 * Pages that render left without text but with pixels (image-only PDF
 * pages rendered in memory, decoded PNG/JPEG/TIFF pages) are cleaned up
 * (orientation, skew; see ocr.c for what was measured to pay) and read by
 * Tesseract through its C API.  Each worker thread owns one engine, made
 * once in init and reused for every page, never shared.  Words come out
 * with their boxes (in points, like the text layer) and confidences into
 * the same word/line model, so classify and extract do not care where text
 * came from.  Text-layer pages never reach OCR.
 */
#ifndef SV_OCR_H
#define SV_OCR_H

#include "stage.h"

/* One worker's OCR engine(s); opaque. */
struct sv_ocr_engine;

extern const struct sv_stage sv_ocr_stage;

/* Where the models are read from unless SV_TESSDATA says otherwise. */
#define SV_OCR_TESSDATA "/usr/share/tesseract-ocr/5/tessdata"

/* Makes one worker's engine (eng+spa page reader, OSD).  Returns owned:
   free with sv_ocr_engine_free; never NULL: when the models cannot be
   loaded, sv_ocr_engine_status() says so and every page fails with the
   reason.  The engine must stay on the thread that uses it. */
struct sv_ocr_engine *sv_ocr_engine_new(void);
/* NULL-safe; frees the engine and clears *engine. */
void sv_ocr_engine_free(struct sv_ocr_engine **engine);
/* SV_OK, or why the engine could not start. */
sv_status sv_ocr_engine_status(const struct sv_ocr_engine *engine);

/* How many page-reading engines this process has made (MT safe); tests use
   it to check that a worker makes one and reuses it. */
int sv_ocr_engines_made(void);

/* Re-reads the figure inside box (points, on the OCR'd page of doc, whose
   cleaned-up pixels are made again from doc's pixel source), binarized,
   only the characters of kind, at a larger scale, for a figure the
   statement's arithmetic contradicts: one reading as a raw line, one as a
   single line, into *out (pipeline/service.h; clear it with
   sv_reread_clear).  False when the page was not OCR'd, its pixels cannot
   be made again, or nothing was read.  Worker thread only, with that
   worker's engine; the stage offers it to the later stages of its worker
   as the re-read service. */
bool sv_ocr_reread(struct sv_ocr_engine *engine, const struct sv_doc *doc,
                   const struct sv_page *page, const struct sv_box *box,
                   enum sv_reread_kind kind, struct sv_reread *out);

/* The evidence crop of box, showing show, on page of doc (stages/crop.h,
   pipeline/service.h's sv_crop_fn): from the
   cleaned-up pixels OCR read (made again as for a re-read), or for a
   text-layer page from the page drawn at SV_CROP_TEXT_DPI.  Returns owned
   PNG bytes, NULL when the page cannot be drawn.  The stage offers it as
   the crop service. */
GBytes *sv_ocr_crop(struct sv_ocr_engine *engine, const struct sv_doc *doc,
                    const struct sv_page *page, const struct sv_box *box,
                    const struct sv_box *show);

#endif
