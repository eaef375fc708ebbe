/*
 * money.c - fixed-point decimals: parse data-file numbers, print cents.
 */
#include "money.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* *v = *v * 10 + d, false when that overflows int64. */
static bool push_digit(int64_t *v, int d)
{
  if (*v > (INT64_MAX - d) / 10)
    return false;
  *v = *v * 10 + d;
  return true;
}

sv_status sv_decimal_parse(const char *s, int scale, int64_t *out)
{
  if (s == NULL || scale < 0 || scale > 9)
    return SV_INVALID;
  const char *p = s;
  bool neg = false;
  if (*p == '-') {
    neg = true;
    p++;
  }
  int64_t v = 0;
  int intdigits = 0;
  while (g_ascii_isdigit(*p)) {
    if (++intdigits > 15 || !push_digit(&v, *p - '0'))
      return SV_INVALID;
    p++;
  }
  int frac = 0;
  if (*p == '.') {
    p++;
    while (g_ascii_isdigit(*p)) {
      if (++frac > scale || !push_digit(&v, *p - '0'))
        return SV_INVALID;
      p++;
    }
    if (frac == 0)
      return SV_INVALID;
  }
  if (*p != '\0' || intdigits == 0)
    return SV_INVALID;
  for (; frac < scale; frac++)
    if (!push_digit(&v, 0))
      return SV_INVALID;
  *out = neg ? -v : v;
  return SV_OK;
}

void sv_cents_format(sv_cents v, char *buf, size_t len)
{
  uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  snprintf(buf, len, "%s%" PRIu64 ".%02" PRIu64, v < 0 ? "-" : "",
           mag / 100, mag % 100);
}

void sv_cents_format_grouped(sv_cents v, char *buf, size_t len)
{
  char plain[40], out[56];
  size_t o = 0;
  sv_cents_format(v, plain, sizeof plain);
  const char *p = plain;
  if (*p == '-')
    out[o++] = *p++;
  const char *dot = strchr(p, '.');
  size_t nint = dot != NULL ? (size_t)(dot - p) : strlen(p);
  for (size_t i = 0; i < nint; i++) {
    if (i > 0 && (nint - i) % 3 == 0)
      out[o++] = ',';
    out[o++] = p[i];
  }
  out[o] = '\0';
  snprintf(buf, len, "%s%s", out, dot != NULL ? dot : "");
}

bool sv_cents_add(sv_cents *acc, sv_cents v)
{
  if ((v > 0 && *acc > INT64_MAX - v) || (v < 0 && *acc < INT64_MIN - v))
    return false;
  *acc += v;
  return true;
}

bool sv_cents_mul_rate(sv_cents amount, int64_t rate, int rate_scale,
                       sv_cents *out)
{
  if (rate_scale < 0 || rate_scale > 9)
    return false;
  int64_t div = 1;
  for (int i = 0; i < rate_scale; i++)
    div *= 10;
  bool neg = (amount < 0) != (rate < 0);
  uint64_t a = amount < 0 ? (uint64_t)0 - (uint64_t)amount : (uint64_t)amount;
  uint64_t r = rate < 0 ? (uint64_t)0 - (uint64_t)rate : (uint64_t)rate;
  if (r != 0 && a > UINT64_MAX / r)
    return false;
  uint64_t prod = a * r;
  uint64_t q = prod / (uint64_t)div;
  uint64_t rem = prod % (uint64_t)div;
  if (rem * 2 >= (uint64_t)div)
    q++;
  if (q > (uint64_t)INT64_MAX)
    return false;
  *out = neg ? -(int64_t)q : (int64_t)q;
  return true;
}
