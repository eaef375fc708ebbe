/*
 * money.h - fixed-point decimal helpers shared by the stages.
 *
 * Money is never a double: amounts are sv_cents (hundredths), exchange rates
 * and other data-file decimals are integers scaled by a power of ten.  These
 * helpers parse the plain decimals of our XML data files and print cents the
 * way the report writes them.  Amounts as printed on statements ("1.234,56",
 * "(12.00)", "US$") are parsed by the extract stage, not here.
 */
#ifndef SV_MONEY_H
#define SV_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "status.h"

/* Parses a plain decimal ("315.04", "-0.5", "18.4210") into *out scaled by
   10^scale (0..9).  No thousands separators, no spaces, at most `scale`
   fraction digits, at most 15 integer digits, and the scaled value within
   int64 (at scale 2 any 15 digits; at scale 4 up to 922,337,203,685,477).
   SV_INVALID otherwise, never an overflow. */
sv_status sv_decimal_parse(const char *s, int scale, int64_t *out);

/* Writes cents as "1234.56" or "-0.50" into buf; len >= 32 always suffices. */
void sv_cents_format(sv_cents v, char *buf, size_t len);

/* Writes cents with thousands separators, "1,234,567.89", for plain-words
   reasons and problems; len >= 40 always suffices. */
void sv_cents_format_grouped(sv_cents v, char *buf, size_t len);

/* *acc += v; false (and *acc left alone) on overflow. */
bool sv_cents_add(sv_cents *acc, sv_cents v);

/* amount × rate, rate scaled by 10^rate_scale, rounded half away from zero to
   cents.  Returns false (and leaves *out alone) on overflow. */
bool sv_cents_mul_rate(sv_cents amount, int64_t rate, int rate_scale,
                       sv_cents *out);

#endif
