/*
 * rates.c - the exchange rates file (--rates): dated MXN rates kept
 * scaled by 10^4, a 5th or 6th fraction digit refused, never rounded (see
 * rules.h); part of the rules library.
 */
#include "rules.h"
#include "rules_priv.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/money.h"
#include "../../pipeline/xmlsafe.h"

static int rate_cmp(const void *a, const void *b)
{
  const struct rate_entry *x = a, *y = b;
  int c = strcmp(x->currency, y->currency);
  if (c != 0)
    return c;
  return g_date_compare(&x->date, &y->date);
}

/* Plausible MXN per unit, scaled by 10^4: a rate outside its currency's
   band is a typo or a unit mistake (a rate "per 100", the inverse rate)
   that would multiply an applicant's savings, so it is refused.  The bands
   are wide: each holds every rate of 2012-2026 (USD 11.9-25.1, EUR
   13.5-26.3 ...) with room on both sides.  Other currencies: 0.0001 to
   1,000. */
static const struct {
  const char *code;
  int64_t lo, hi;
} bands[] = {
    {"USD", 50000, 500000}, {"CAD", 40000, 400000}, {"EUR", 50000, 500000},
    {"GBP", 60000, 600000}, {"CHF", 50000, 600000}, {"AUD", 30000, 400000},
    {"NZD", 30000, 400000}, {"SGD", 30000, 400000}, {"JPY", 300, 5000},
};

static bool rate_plausible(const char *cur, int64_t e4, int64_t *lo,
                           int64_t *hi)
{
  *lo = 1;
  *hi = 10000000;
  for (size_t i = 0; i < G_N_ELEMENTS(bands); i++)
    if (strcmp(bands[i].code, cur) == 0) {
      *lo = bands[i].lo;
      *hi = bands[i].hi;
    }
  return e4 >= *lo && e4 <= *hi;
}

sv_status sv_rules_load_rates(struct sv_rules *r, const char *data_dir,
                              const char *rates_path, char **err)
{
  sv_status rc = SV_OK;
  char *xsd = g_build_filename(data_dir, "rates.xsd", NULL);
  char *cur = NULL;
  char *date = NULL;
  char *mxn = NULL;
  xmlDocPtr doc = NULL;

  rc = sv_rules_load_xml(rates_path, xsd, "rates file", &doc, err);
  if (rc != SV_OK)
    goto out;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  size_t n = 0;
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (sv_rules_is_element(c, "rate"))
      n++;
  }
  r->rates = g_new0(struct rate_entry, n > 0 ? n : 1);
  for (xmlNodePtr c = root->children; c != NULL; c = c->next) {
    if (!sv_rules_is_element(c, "rate"))
      continue;
    struct rate_entry *e = &r->rates[r->nrates];
    int line = (int)xmlGetLineNo(c);
    g_free(cur);
    g_free(date);
    g_free(mxn);
    cur = sv_rules_prop(c, "currency");
    date = sv_rules_prop(c, "date");
    mxn = sv_rules_prop(c, "mxn");
    if (cur == NULL || strlen(cur) != 3) {
      rc = SV_BADXML;
      *err = g_strdup_printf("rates file %s, line %d: currency must be a "
                             "3-letter ISO 4217 code",
                             rates_path, line);
      goto out;
    }
    if (!sv_xml_parse_date(date, &e->date)) {
      rc = SV_BADXML;
      *err = g_strdup_printf("rates file %s, line %d: date \"%s\" is not a "
                             "valid YYYY-MM-DD date",
                             rates_path, line, date != NULL ? date : "");
      goto out;
    }
    int64_t v6 = 0;
    if (sv_decimal_parse(mxn, 6, &v6) != SV_OK || v6 <= 0) {
      rc = SV_BADXML;
      *err = g_strdup_printf("rates file %s, line %d: mxn \"%s\" is not a "
                             "positive decimal with at most 6 decimals",
                             rates_path, line, mxn != NULL ? mxn : "");
      goto out;
    }
    if (v6 % 100 != 0) {
      rc = SV_INVALID;
      *err = g_strdup_printf("rates file %s, line %d: mxn \"%s\" for %s has "
                             "more than 4 decimals; rates are kept to 4 "
                             "decimals and never rounded, so give at most 4",
                             rates_path, line, mxn, cur);
      goto out;
    }
    if (v6 / 100 == 0) {
      rc = SV_INVALID;
      *err = g_strdup_printf("rates file %s, line %d: mxn \"%s\" for %s is "
                             "below 0.0001",
                             rates_path, line, mxn, cur);
      goto out;
    }
    if (strcmp(cur, "MXN") == 0) {
      if (v6 / 100 != 10000) {
        rc = SV_INVALID;
        *err = g_strdup_printf("rates file %s, line %d: the MXN rate is "
                               "always 1.0000, not %s",
                               rates_path, line, mxn);
        goto out;
      }
      continue; /* MXN is built in */
    }
    int64_t lo = 0, hi = 0;
    if (!rate_plausible(cur, v6 / 100, &lo, &hi)) {
      rc = SV_INVALID;
      *err = g_strdup_printf(
          "rates file %s, line %d: %s MXN per %s is outside the plausible "
          "%lld.%04lld .. %lld.%04lld; a rate per 100 units, or the inverse "
          "rate?",
          rates_path, line, mxn, cur, (long long)(lo / 10000),
          (long long)(lo % 10000), (long long)(hi / 10000),
          (long long)(hi % 10000));
      goto out;
    }
    memcpy(e->currency, cur, 3);
    e->currency[3] = '\0';
    e->mxn_e4 = v6 / 100;
    r->nrates++;
  }
  qsort(r->rates, r->nrates, sizeof *r->rates, rate_cmp);
  for (size_t i = 1; i < r->nrates; i++) {
    if (rate_cmp(&r->rates[i - 1], &r->rates[i]) == 0) {
      char *d = sv_rules_date_str(&r->rates[i].date);
      rc = SV_BADXML;
      *err = g_strdup_printf("rates file %s: two rates for %s on %s",
                             rates_path, r->rates[i].currency, d);
      g_free(d);
      goto out;
    }
  }

out:
  if (doc != NULL)
    xmlFreeDoc(doc);
  g_free(cur);
  g_free(date);
  g_free(mxn);
  g_free(xsd);
  return rc;
}

bool sv_rules_rate(const struct sv_rules *rules, const char *currency,
                   const GDate *date, int64_t *mxn_e4, GDate *rate_date)
{
  if (rules == NULL || currency == NULL || date == NULL || !g_date_valid(date))
    return false;
  if (strcmp(currency, "MXN") == 0) {
    if (mxn_e4 != NULL)
      *mxn_e4 = 10000;
    if (rate_date != NULL)
      *rate_date = *date;
    return true;
  }
  const struct rate_entry *best = NULL;
  for (size_t i = 0; i < rules->nrates; i++) {
    const struct rate_entry *e = &rules->rates[i];
    if (strcmp(e->currency, currency) != 0)
      continue;
    if (g_date_compare(&e->date, date) > 0)
      continue;
    if (best == NULL || g_date_compare(&e->date, &best->date) > 0)
      best = e;
  }
  if (best == NULL)
    return false;
  if (mxn_e4 != NULL)
    *mxn_e4 = best->mxn_e4;
  if (rate_date != NULL)
    *rate_date = best->date;
  return true;
}
