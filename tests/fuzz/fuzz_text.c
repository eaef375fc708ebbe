/*
 * fuzz_text.c - libFuzzer harness for the text library: amounts, dates
 * and periods, number words, names, folding and visa classes
 * (stages/text/), and the status-form dates and MRZ check digits
 * (stages/readers/usstatus.h).  The first
 * byte picks the reader, the rest is its input as a C string.  Built only
 * with -DSV_FUZZ=ON and clang (scripts/fuzz.sh); any crash, leak or
 * sanitizer report is a finding.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <glib.h>

#include "text/amount.h"
#include "text/dates.h"
#include "text/fold.h"
#include "text/names.h"
#include "text/numwords.h"
#include "text/visaclass.h"
#include "readers/mrz.h"
#include "readers/usstatus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1 || size > 4096)
    return 0;
  char *s = g_strndup((const char *)data + 1, size - 1);
  sv_cents v = 0;
  switch (data[0] % 8) {
  case 0: {
    struct sv_amount_info info;
    (void)sv_amount_parse(s, &v);
    (void)sv_amount_parse_info(s, &v, &info);
    break;
  }
  case 1: {
    char *f = sv_fold(s);
    GArray *d = sv_dates_in(f);
    g_array_free(d, TRUE);
    GDate a, b;
    g_date_clear(&a, 1);
    g_date_clear(&b, 1);
    bool monthly = false;
    int mdy = 0;
    (void)sv_period_in(f, "en", &a, &b, &monthly, &mdy);
    (void)sv_period_parse(s, "es", &a, &b);
    g_free(f);
    break;
  }
  case 2: {
    struct sv_row_date rd;
    (void)sv_row_date_parse(s, &rd);
    (void)sv_row_date_day(s, &rd);
    break;
  }
  case 3: {
    size_t start = 0, end = 0;
    (void)sv_numwords_parse_es(s, &v);
    (void)sv_numwords_find_es(s, &v, &start, &end);
    (void)sv_numwords_looks_like_words(s);
    break;
  }
  case 4:
    (void)sv_numwords_parse_en(s, &v);
    break;
  case 5: {
    /* two names split at the first '|' */
    char *bar = strchr(s, '|');
    if (bar != NULL) {
      *bar = '\0';
      (void)sv_names_match(s, bar + 1, NULL);
    }
    break;
  }
  case 6: {
    /* US visa classes, EAD codes, status-form dates and MRZ digits */
    g_free(sv_visa_class_norm(s));
    g_free(sv_visa_class_read(s));
    g_free(sv_ead_category_read(s));
    GDate d;
    g_date_clear(&d, 1);
    (void)sv_usstatus_date(s, 0, &d);
    (void)sv_usstatus_date(s, 1, &d);
    (void)sv_mrz_check(s, strlen(s));
    break;
  }
  default: {
    char *f = sv_fold(s);
    char *k = sv_fold_key(s);
    char *t = sv_fold_tokens(f);
    (void)sv_fold_has_phrase(t, "saldo promedio");
    (void)sv_month_of(f);
    g_free(t);
    g_free(k);
    g_free(f);
    break;
  }
  }
  g_free(s);
  return 0;
}
