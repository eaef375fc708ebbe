/*
 * lines.h - words into visual lines, by geometry.
 *
 * Part of the text library (stages/text/).  Render builds a text-layer
 * page's lines with it, OCR an image page's, the document text the letter
 * and deed readers search; every reader then sees the same model: lines
 * top to bottom, each line's words left to right, however the PDF or the
 * OCR engine ordered its text.
 */
#ifndef SV_LINES_H
#define SV_LINES_H

#include <stdbool.h>
#include <stddef.h>

#include "../../pipeline/model.h"

/* A one- or two-character word this many times as tall as the page's
   median word is a watermark glyph, left out. */
#define SV_LINES_WATERMARK 1.8

/* Groups words into lines, top to bottom, each line's words left to right,
   and sets page->lines/nlines (replacing any; page->image is kept).
   Watermark glyphs are left out first (see SV_LINES_WATERMARK).  Words
   whose vertical extents overlap by more than half the smaller height
   share a line.  Line text joins words with one space, or with
   SV_COLUMN_GAP where the gap between two words is wider than twice the
   mean character width.  Takes ownership of words (the array and each
   text), even on failure. */
void sv_lines_build(struct sv_page *page, struct sv_word *words,
                    size_t nwords);

/* True when box b belongs on the line whose vertical extent is [y0, y1]:
   they overlap by more than half the smaller height. */
bool sv_lines_same_band(double y0, double y1, const struct sv_box *b);

#endif
