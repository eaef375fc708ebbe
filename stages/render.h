/*
 * render.h - document stage: turn file bytes into pages of positioned words.
 *
 * For PDFs, poppler-glib gives each page's text layer with a box per
 * character; render groups characters into words and words into lines by
 * geometry (sv_render_build_lines), so classify and extract see lines and
 * columns however the PDF ordered its text.  A page without a text layer is
 * left with source SV_TEXT_NONE for the OCR stage.  Images (PNG, JPEG,
 * TIFF) have no text layer: their pages are left to OCR as well.
 */
#ifndef SV_RENDER_H
#define SV_RENDER_H

#include "stage.h"

extern const struct sv_stage sv_render_stage;

/* Fewer printable characters than this on a page means "no text layer". */
#define SV_RENDER_MIN_CHARS 10

/* Groups words into lines, top to bottom, each line's words left to right,
   and sets page->lines/nlines (replacing any).  Words whose vertical
   extents overlap by more than half the smaller height share a line.  Line
   text joins words with one space, or with SV_COLUMN_GAP where the gap
   between two words is wider than twice the mean character width.
   Takes ownership of words (the array and each text), even on failure. */
void sv_render_build_lines(struct sv_page *page, struct sv_word *words,
                           size_t nwords);

#endif
