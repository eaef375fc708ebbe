/*
 * numwords.h - amounts written in words: Spanish (deeds, contracts) and
 * English (cheques, pay stubs), parsed into cents.
 *
 * Used by the deed reader (stages/deed.c) to cross-check the digits of a
 * price with the words that follow them ("$14,500,000.00 (CATORCE MILLONES
 * QUINIENTOS MIL PESOS 00/100 M.N.)"), and by anything else that meets an
 * amount in words.  The parsers are strict: a sequence that is not a
 * well-formed number ("MIL MIL", "CIENTO CIEN", an unknown word) is
 * rejected, never guessed, so a mismatch with the digits means something.
 */
#ifndef SV_NUMWORDS_H
#define SV_NUMWORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "../../pipeline/model.h"

/* Upper bound on the text the parsers look at (bytes); longer is rejected. */
#define SV_NUMWORDS_MAX_TEXT 4096

/* Parses a Spanish amount in words into cents.  Case and accents do not
   matter ("UN MILLÓN", "un millon").  Grammar, in order:
     [N MILLÓN|MILLONES] [N MIL | MIL] [N] [DE] [PESOS|PESO|DÓLARES...]
     [CON] [NN/100] [M.N. | MONEDA NACIONAL | MXN | USD ...]
   where N is 1..999 (CIEN alone, CIENTO + rest, DOSCIENTOS..NOVECIENTOS,
   DIEZ..DIECINUEVE, VEINTE, VEINTIUNO/VEINTIÚN..VEINTINUEVE, TREINTA..
   NOVENTA [Y unit], UN/UNO/UNA..NUEVE); the millions part may itself carry
   MIL ("MIL MILLONES", "DOS MIL QUINIENTOS MILLONES").  UN goes with
   MILLÓN, MILLONES with more than one; DE only after a whole number of
   millions ("UN MILLÓN DE PESOS").  Surrounding parentheses and
   punctuation are ignored.  Borrows text; *out written only on success. */
bool sv_numwords_parse_es(const char *text, sv_cents *out);

/* Finds the first parenthesised group in text whose content parses with
   sv_numwords_parse_es and has at least one number word (so "(00/100)" or
   "(en lo sucesivo)" are skipped).  Sets *out and the byte offsets of the
   group in text, '(' at *start and *end just past ')'.  Any of start/end
   may be NULL.  Borrows text. */
bool sv_numwords_find_es(const char *text, sv_cents *out, size_t *start,
                         size_t *end);

/* True when text reads like an amount in words even if it does not parse:
   a Spanish or English number word together with a currency word or an
   NN/100 cents mark.  Lets a caller tell "words present but malformed"
   from "no words at all".  Borrows text. */
bool sv_numwords_looks_like_words(const char *text);

/* Parses an English amount in words into cents: "FIVE HUNDRED THIRTY TWO
   AND 76/100 DOLLARS", "one thousand two hundred fifty-five dollars",
   "TWO MILLION DOLLARS".  Grammar: [N MILLION] [N THOUSAND] [N] [DOLLARS]
   [AND NN/100 | AND NN CENTS] [DOLLARS], N = [unit HUNDRED] [tens[-unit] |
   teen | unit]; "A HUNDRED"/"A THOUSAND" are accepted.  Strict like the
   Spanish parser.  Borrows text; *out written only on success. */
bool sv_numwords_parse_en(const char *text, sv_cents *out);

#endif
