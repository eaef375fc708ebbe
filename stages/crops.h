/*
 * crops.h - document stage: the evidence crops of a read document.
 *
 * Runs on the worker after extract, while the worker (or its reader
 * process) still holds the document: for every figure that can feed a
 * test (the figure standing for a statement's month, an income letter's
 * amounts, a deed's stated values, a US status document's validity) and
 * for the name of the statement's holder or the letter's person, it asks the crop service (the OCR
 * stage's, pipeline/service.h) for a PNG of the page region and keeps it
 * on doc->crops.  The report stage writes the crops its figures point to
 * (OUT_DIR/<case-id>/evidence/) and names them in @evidence.  Off with
 * --no-evidence.  Deterministic: the same document gives the same crops,
 * in the same order, with the same names, whichever worker read it.
 */
#ifndef SV_CROPS_H
#define SV_CROPS_H

#include <stdbool.h>

#include "stage.h"

extern const struct sv_stage sv_crops_stage;

/* The box (union of word boxes) where the words of name are printed on
   page: the first run of consecutive words of one line that spells it
   (case and trailing punctuation aside).  False when none does. */
bool sv_crops_find_name(const struct sv_page *page, const char *name,
                        struct sv_box *box);

/* The crop of doc printed at page, box, or NULL. */
const struct sv_crop *sv_crops_find(const struct sv_doc *doc, int page,
                                    const struct sv_box *box);

#endif
