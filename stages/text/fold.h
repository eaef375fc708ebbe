/*
 * fold.h - text folding for matching, the base of the text library.
 *
 * Every reader compares printed words with its vocabularies after folding:
 * Unicode case folding, canonical decomposition and the combining marks
 * removed, so "Número", "NUMERO" and "número" are all "numero".  Keys keep
 * only the letters and digits ("No." -> "no", "(+)" -> ""); token streams
 * turn a text into " tok tok ... " so that a phrase matches as " phrase "
 * whatever punctuation was printed between its words.
 *
 * The text library (stages/text/) depends on nothing in the stages: only on
 * GLib and the data model (pipeline/model.h).
 */
#ifndef SV_FOLD_H
#define SV_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/* True when text (not NULL) is plain ASCII: no byte of 0x80 or more. */
bool sv_is_ascii(const char *text);

/* Folds text: invalid UTF-8 repaired, case folded, accents removed.
   Borrows text (NULL gives "").  Returns owned: free with g_free. */
char *sv_fold(const char *text);

/* The folded letters and digits of text, nothing else ("No." -> "no",
   "$1,234.56" -> "123456").  Returns owned (g_free). */
char *sv_fold_key(const char *text);

/* " tok tok ... ": the alphanumeric runs of already folded text separated
   by single spaces, with a space at both ends (" " when there is none).
   Borrows folded.  Returns owned (g_free). */
char *sv_fold_tokens(const char *folded);

/* True when the token stream (sv_fold_tokens) holds phrase (folded tokens
   separated by single spaces) as whole tokens.  Borrows both. */
bool sv_fold_has_phrase(const char *tokens, const char *phrase);

/* The Levenshtein distance of a[0..na) and b[0..nb) (bytes): how many
   characters OCR would have to have inserted, dropped or misread.  For
   short texts (names, labels, words): O(na * nb). */
size_t sv_fold_edits(const char *a, size_t na, const char *b, size_t nb);

#endif
