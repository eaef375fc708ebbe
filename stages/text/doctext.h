/*
 * doctext.h - a document's words as one searchable folded text, with the
 * way back from any match to the printed words, their page, box and
 * confidence.
 *
 * Shared by the readers of deeds (stages/readers/deed.c) and income
 * documents (stages/readers/income.c), which find labels with regular
 * expressions over the folded text (case and accents away, sv_fold) and
 * then need the original words and a traceable sv_figure.  The lines are
 * the page's own (sv_lines_build, watermark glyphs already left out).
 */
#ifndef SV_DOCTEXT_H
#define SV_DOCTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "../../pipeline/model.h"

struct sv_doctext;

/* A document of more text than this (bytes) is cut there. */
#define SV_DOCTEXT_MAX (4 * 1024 * 1024)

/* Returns owned (sv_doctext_free): the text of every page with lines.
   Words are joined by ' ', by SV_COLUMN_GAP across a column gap, lines by
   '\n' and pages by "\n\f\n".  Borrows doc (copies what it keeps). */
struct sv_doctext *sv_doctext_new(const struct sv_doc *doc);

/* NULL-safe; clears *t. */
void sv_doctext_free(struct sv_doctext **t);

/* Returns borrowed (valid until sv_doctext_free): the folded text. */
const char *sv_doctext_folded(const struct sv_doctext *t);

/* Returns owned (g_free): the printed words that overlap the folded byte
   range [fstart, fend), joined by one space; "" when none. */
char *sv_doctext_original(const struct sv_doctext *t, size_t fstart,
                          size_t fend);

/* Sets fig->page, box (union of the overlapping words on the first one's
   page) and conf (their lowest), and fig->present; leaves fig->amount.
   Returns false (fig untouched) when the range covers no word. */
bool sv_doctext_figure(const struct sv_doctext *t, size_t fstart, size_t fend,
                       struct sv_figure *fig);

/* The value printed under a label: the words of the next line whose
   horizontal extent overlaps the label's words (within 12pt), as a folded
   byte range [*vstart, *vend).  False when there is none. */
bool sv_doctext_below(const struct sv_doctext *t, size_t fstart, size_t fend,
                      size_t *vstart, size_t *vend);

/* The same for the line above: the label printed over a value. */
bool sv_doctext_above(const struct sv_doctext *t, size_t fstart, size_t fend,
                      size_t *vstart, size_t *vend);

/* True when the line holding folded byte pos is running text that goes
   on in the next line: the next line follows on the same page within two
   line heights, and its first word would not have fitted at the end of
   this one (past the page's right edge of running text: the upper
   quartile of the right ends of its lines of 4+ words). */
bool sv_doctext_line_wraps(const struct sv_doctext *t, size_t pos);

/* The folded byte offset where the running text holding pos ends: the
   end of its line ('\n' or the end of the text), carried over the next
   lines while each wraps (sv_doctext_line_wraps), but no more than max
   bytes past pos (then pos + max).  Line breaks inside stay '\n'. */
size_t sv_doctext_run_end(const struct sv_doctext *t, size_t pos, size_t max);

/* The same backwards: where the running text holding pos starts, carried
   back over the lines that wrap into it, no more than max bytes. */
size_t sv_doctext_run_start(const struct sv_doctext *t, size_t pos,
                            size_t max);

/* The folded byte offset where the line holding pos starts. */
size_t sv_doctext_line_start(const struct sv_doctext *t, size_t pos);

#endif
