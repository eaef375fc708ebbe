/*
 * classify.h - document stage: what kind of document is this, and in what
 * language?
 *
 * Runs after render/ocr on documents whose pages have lines.  It folds the
 * text (case and accents away, see stages/text/fold.h), counts English and
 * Spanish stopwords and labels to set doc->lang, and scores each kind
 * (bank statement, deed, income letter, letter) with a static table of
 * weighted keywords to set doc->kind and doc->kind_score.  A document where
 * nothing scores above the threshold stays SV_KIND_UNKNOWN: it is listed in
 * the report, never guessed.  Extract runs next and reads bank statements.
 */
#ifndef SV_CLASSIFY_H
#define SV_CLASSIFY_H

#include "stage.h"

extern const struct sv_stage sv_classify_stage;

/* The lowest score a kind needs to be chosen (below it: unknown). */
#define SV_CLASSIFY_THRESHOLD 0.35

#endif
