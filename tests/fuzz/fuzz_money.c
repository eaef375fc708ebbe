/*
 * fuzz_money.c - libFuzzer harness for pipeline/money.c: plain decimals at
 * every scale, cents printed back, rates applied.  A parse that succeeds
 * must print back to the same value at scale 2.  Built only with
 * -DSV_FUZZ=ON (scripts/fuzz.sh).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "money.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1 || size > 64)
    return 0;
  char *s = g_strndup((const char *)data + 1, size - 1);
  int scale = data[0] % 10;
  int64_t v = 0;
  if (sv_decimal_parse(s, scale, &v) == SV_OK) {
    char buf[48], grouped[64];
    sv_cents_format(v, buf, sizeof buf);
    sv_cents_format_grouped(v, grouped, sizeof grouped);
    if (scale == 2) {
      int64_t back = 0;
      if (sv_decimal_parse(buf, 2, &back) != SV_OK || back != v)
        abort();
    }
    sv_cents out = 0;
    (void)sv_cents_mul_rate(v, (int64_t)(data[0]) * 1000 + 1, 4, &out);
    sv_cents acc = v;
    (void)sv_cents_add(&acc, v);
  }
  g_free(s);
  return 0;
}
