/*
 * income.c - reading income and pension documents (see income.h).
 *
 * Month tables first (paytable.c: net, gross and deduction columns by
 * their headers and by gross - deductions = net).  Without one, one pass
 * collects every amount in digits with the words around it (the text
 * before it on its line, the label above it, a few words after it); a
 * table of phrases turns those words into a frequency and a net / gross /
 * hourly label; the best net or unlabelled candidate becomes the stated
 * amount, a gross one never.  The months a sentence lists after a monthly
 * amount ("in each of the following months: October 2025, ...") are its
 * months.  Person and payer (persons.c), period and currency are separate
 * small passes.
 */
#include "income.h"

#include <string.h>

#include "../../pipeline/money.h"
#include "../text/amount.h"
#include "../text/dates.h"
#include "../text/doctext.h"
#include "../text/fold.h"
#include "../text/layout.h"
#include "currency.h"
#include "paytable.h"
#include "persons.h"

#define AFTER_WINDOW 32
#define BEFORE_WINDOW 80

static GRegex *rx(const char *pattern)
{
  GRegex *r = g_regex_new(pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert(r != NULL); /* the patterns are constants */
  return r;
}

static bool has(const char *text, const char *pattern)
{
  GRegex *r = rx(pattern);
  bool found = g_regex_match(r, text, 0, NULL);
  g_regex_unref(r);
  return found;
}

/* ---------------------------------------------------------- normalising */

/* a * num / den rounded half-up (a >= 0). */
static sv_cents scale(sv_cents a, int64_t num, int64_t den)
{
  return (a * num * 2 + den) / (2 * den);
}

sv_cents sv_income_monthly(sv_cents amount, enum sv_frequency freq)
{
  switch (freq) {
  case SV_FREQ_MONTHLY:
    return amount;
  case SV_FREQ_WEEKLY:
    return scale(amount, 52, 12);
  case SV_FREQ_FORTNIGHTLY:
    return scale(amount, 26, 12);
  case SV_FREQ_SEMIMONTHLY:
    return amount * 2;
  case SV_FREQ_ANNUAL:
    return scale(amount, 1, 12);
  }
  return amount;
}

/* ------------------------------------------------------------- phrases */

enum label {
  L_NONE = 0,
  L_HOURLY,
  L_MONTHLY,
  L_WEEKLY,
  L_FORTNIGHTLY,
  L_SEMIMONTHLY,
  L_ANNUAL,
  L_AMBIGUOUS
};

static const struct {
  const char *pattern;
  enum label label;
} freq_phrases[] = {
    {"\\bper hour|\\bhourly|/ ?h(?:ou)?r\\b|\\bpor hora|\\bla hora", L_HOURLY},
    {"\\bsemi-?monthly|\\btwice (?:a|per) month|\\btwice monthly|"
     "\\bquincenal(?:es)?|\\bpor quincena|\\bcada quincena|\\ba la quincena",
     L_SEMIMONTHLY},
    {"\\bbi-?weekly|\\bfortnight(?:ly)?|\\bevery (?:two|2|other) weeks?|"
     "\\bcatorcenal(?:es)?|\\bcada (?:catorce|14) dias|\\bpor catorcena",
     L_FORTNIGHTLY},
    {"\\bmonthly|\\bper month|\\ba month|/ ?mo(?:nth)?\\b|\\bmensual(?:es)?|"
     "\\bal mes|\\bpor mes|\\bcada mes",
     L_MONTHLY},
    {"\\bweekly|\\bper week|\\ba week|/ ?w(?:ee)?k\\b|\\bsemanal(?:es)?|"
     "\\bpor semana|\\ba la semana",
     L_WEEKLY},
    {"\\bannual(?:ly)?|\\bper (?:year|annum)|\\ba year|\\byearly|/ ?yr\\b|"
     "\\banual(?:es)?|\\bal ano|\\bpor ano",
     L_ANNUAL},
};

static const char *const net_words =
    "\\bnet\\b|\\bneto|\\bneta\\b|libres? de impuestos|after tax|"
    "after (?:all )?deductions|take[- ]home|libres? de gravamen|"
    "despues de (?:impuestos|deducciones|retenciones)|"
    "libres? de retenciones";
static const char *const gross_words =
    "\\bgross\\b|\\bbrut[oa]s?\\b|before tax|antes de impuestos";

/* The frequency phrase nearest to the amount in window: the last one
   when the window precedes it, the first when it follows. */
static enum label freq_in(const char *window, bool before)
{
  enum label best = L_NONE;
  bool have = false;
  gint best_key = 0, best_len = 0;
  for (size_t k = 0; k < G_N_ELEMENTS(freq_phrases); k++) {
    GRegex *r = rx(freq_phrases[k].pattern);
    GMatchInfo *mi = NULL;
    g_regex_match(r, window, 0, &mi);
    while (g_match_info_matches(mi)) {
      gint s = 0, e = 0;
      g_match_info_fetch_pos(mi, 0, &s, &e);
      gint key = before ? e : -s; /* larger is nearer the amount */
      if (!have || key > best_key || (key == best_key && e - s > best_len)) {
        have = true;
        best_key = key;
        best_len = e - s;
        best = freq_phrases[k].label;
      }
      g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_regex_unref(r);
  }
  return best;
}

/* ---------------------------------------------------------- candidates */

struct candidate {
  gint s, e; /* the digits in the folded text */
  sv_cents amount;
  enum label freq;
  int net;  /* +1 net, -1 gross, 0 neither */
  bool ytd; /* a year-to-date total */
};

/* Cuts text (in place) to what follows its last sentence end: a word of
   2+ letters, then '.' and white space ("... Manager. Her monthly"), so
   an earlier sentence does not describe the amount. */
static void sentence_tail(char *text)
{
  size_t cut = 0;
  if (strlen(text) < 3)
    return;
  for (size_t k = 2; text[k] != '\0'; k++)
    if (text[k] == '.' && g_ascii_isalpha(text[k - 1]) &&
        g_ascii_isalpha(text[k - 2]) &&
        (text[k + 1] == ' ' || text[k + 1] == '\n'))
      cut = k + 1;
  if (cut > 0)
    memmove(text, text + cut, strlen(text + cut) + 1);
}

/* The words describing an amount at [s, e): the running text before it
   (its line, and the lines that wrap into it, back to the sentence's
   start), the label printed above it, and a few bytes after it. */
static void describe(const struct sv_doctext *t, struct candidate *c)
{
  const char *text = sv_doctext_folded(t);
  size_t from = sv_doctext_run_start(t, (size_t)c->s, BEFORE_WINDOW);
  char *before = g_strndup(text + from, (size_t)c->s - from);
  sentence_tail(before);
  g_strdelimit(before, "\n", ' ');
  char *after = g_strndup(text + c->e, AFTER_WINDOW);
  char *nl = strchr(after, '\n');
  if (nl != NULL)
    *nl = '\0';
  size_t as = 0, ae = 0;
  char *above = NULL;
  if (sv_doctext_above(t, (size_t)c->s, (size_t)c->e, &as, &ae))
    above = g_strndup(text + as, ae - as);

  /* a form listing every frequency beside the amount ("(circle one)
     hourly weekly bi-weekly ...") says none of them in print */
  size_t le = (size_t)c->e;
  while (text[le] != '\0' && text[le] != '\n')
    le++;
  char *line = g_strndup(text + c->e, le - (size_t)c->e);
  int kinds = 0;
  for (size_t k = 0; k < G_N_ELEMENTS(freq_phrases); k++)
    kinds += has(line, freq_phrases[k].pattern) ? 1 : 0;
  g_free(line);
  /* a year-to-date figure is no period's pay */
  c->ytd = has(before, "year[- ]to[- ]date\\W*(?:\\w+\\W*){0,2}$|"
                       "\\bytd\\W*(?:\\w+\\W*){0,2}$|acumulad[oa]s?\\W*$");
  c->freq = kinds >= 2 ? L_AMBIGUOUS : freq_in(after, false);
  if (c->freq == L_NONE)
    c->freq = freq_in(before, true);
  if (c->freq == L_NONE && above != NULL)
    c->freq = freq_in(above, true);
  char *all = g_strjoin(" | ", before, after, above != NULL ? above : "", NULL);
  c->net = has(all, net_words) ? 1 : has(all, gross_words) ? -1 : 0;
  g_free(all);
  g_free(before);
  g_free(after);
  g_free(above);
}

static int rank(const struct candidate *c)
{
  int r = c->net * 4;
  if (c->freq != L_NONE)
    r += 2;
  return r;
}

/* True when the amount at s sits on a row of the month table. */
static bool on_month_row(const struct sv_doctext *t, gint s)
{
  const char *text = sv_doctext_folded(t);
  size_t ls = sv_doctext_line_start(t, (size_t)s);
  char *line = g_strndup(text + ls, (size_t)s - ls);
  char *pattern = g_strdup_printf("\\b(?:%s)\\.?,? (?:de )?\\d{4}\\b|"
                                  "^\\s*\\d{1,2}/\\d{4}\\b",
                                  sv_month_pattern());
  bool row = has(line, pattern);
  g_free(pattern);
  g_free(line);
  return row;
}

static const char *const amount_pattern =
    "(?:us\\$|\\$|mxn|usd)\\s?\\d{1,3}(?:,\\d{3})*(?:\\.\\d{2})?"
    "|\\b\\d{1,3}(?:,\\d{3})*\\.\\d{2}\\b";

static bool parse_at(const char *text, gint s, gint e, sv_cents *out)
{
  char *up = g_ascii_strup(text + s, e - s);
  g_strdelimit(up, "\n", ' '); /* "USD" at a line's end, digits below */
  bool ok = sv_amount_parse(up, out);
  g_free(up);
  return ok;
}

/* What the amounts of a document say besides the best one. */
struct seen {
  bool ambiguous; /* the stated amount's frequency is one of several
                     printed beside it (a form to circle) */
  bool gross;     /* an amount labelled gross */
  struct candidate best_gross; /* the likeliest gross amount */
  bool hourly;                 /* an hourly rate */
  bool other;                  /* an amount neither gross nor hourly */
  sv_cents hourly_rate;
};

/* The best stated amount that is not gross and not an hourly rate; false
   when there is none.  *sn tells what else was printed. */
static bool best_candidate(const struct sv_doctext *t, struct candidate *best,
                           struct seen *sn)
{
  const char *text = sv_doctext_folded(t);
  GRegex *r = rx(amount_pattern);
  GMatchInfo *mi = NULL;
  bool found = false;
  memset(sn, 0, sizeof *sn);
  g_regex_match(r, text, 0, &mi);
  while (g_match_info_matches(mi)) {
    struct candidate c;
    memset(&c, 0, sizeof c);
    g_match_info_fetch_pos(mi, 0, &c.s, &c.e);
    if (parse_at(text, c.s, c.e, &c.amount) && c.amount > 0 &&
        !on_month_row(t, c.s)) {
      describe(t, &c);
      if (c.ytd) {
        ; /* not a period's pay */
      } else if (c.freq == L_HOURLY) {
        if (!sn->hourly)
          sn->hourly_rate = c.amount;
        sn->hourly = true;
      } else if (c.net < 0) {
        /* gross is never income: kept only to say what was stated */
        if (!sn->gross || rank(&c) < rank(&sn->best_gross))
          sn->best_gross = c;
        sn->gross = true;
      } else {
        sn->other = true;
        if (!found || rank(&c) > rank(best)) {
          *best = c;
          found = true;
        }
      }
    }
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  return found;
}

static enum sv_frequency frequency_of(enum label l)
{
  switch (l) {
  case L_WEEKLY:
    return SV_FREQ_WEEKLY;
  case L_FORTNIGHTLY:
    return SV_FREQ_FORTNIGHTLY;
  case L_SEMIMONTHLY:
    return SV_FREQ_SEMIMONTHLY;
  case L_ANNUAL:
    return SV_FREQ_ANNUAL;
  default:
    return SV_FREQ_MONTHLY;
  }
}

/* Fills inc's stated amount, frequency, net / gross from the best
   candidate, copied to *best; false when there is none.  An amount whose
   frequency is not printed is not turned into a monthly one. */
static bool read_amount(const struct sv_doctext *t, struct sv_income_doc *inc,
                        struct candidate *best, struct seen *sn)
{
  const char *text = sv_doctext_folded(t);
  struct candidate c = {0};
  bool says_net = has(text, net_words);
  bool says_gross = has(text, gross_words);
  bool found = best_candidate(t, &c, sn);
  bool gross = !found && sn->gross;
  if (gross) {
    c = sn->best_gross; /* stated as gross: the report says so */
    found = true;
  }
  if (found) {
    *best = c;
    inc->stated.amount = c.amount;
    sv_doctext_figure(t, (size_t)c.s, (size_t)c.e, &inc->stated);
    inc->frequency = frequency_of(c.freq);
    inc->frequency_printed = c.freq != L_NONE && c.freq != L_AMBIGUOUS;
    sn->ambiguous = c.freq == L_AMBIGUOUS;
    if (inc->frequency_printed) {
      inc->monthly = sv_income_monthly(c.amount, inc->frequency);
      inc->converted = inc->frequency != SV_FREQ_MONTHLY;
    }
    inc->net = !gross && (c.net > 0 || (c.net == 0 && says_net && !sn->gross));
  } else {
    inc->net = false;
  }
  inc->gross_only = !inc->net && (gross || (!found && says_gross));
  inc->hourly = !found && sn->hourly;
  return found;
}

/* ---------------------------------------------------------------- months */

static void read_months(const struct sv_doctext *t, struct sv_income_doc *inc)
{
  const char *text = sv_doctext_folded(t);
  char *pattern = g_strdup_printf(
      "(?:^|\\n)[ \\t]*(?:\\b(%s)\\.?,? (?:de )?(\\d{4})|(\\d{1,2})/(\\d{4}))"
      "\\b[^\\na-z]*?(%s)",
      sv_month_pattern(), amount_pattern);
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  g_regex_match(r, text, 0, &mi);
  while (g_match_info_matches(mi)) {
    char *mname = g_match_info_fetch(mi, 1);
    char *year = g_match_info_fetch(mi, 2);
    char *mnum = g_match_info_fetch(mi, 3);
    char *year2 = g_match_info_fetch(mi, 4);
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 5, &s, &e);
    struct sv_income_month m;
    memset(&m, 0, sizeof m);
    m.month = mname[0] != '\0' ? sv_month_of(mname)
                               : (int)g_ascii_strtoull(mnum, NULL, 10);
    m.year = (int)g_ascii_strtoull(year[0] != '\0' ? year : year2, NULL, 10);
    /* one amount on the row: with several (gross, deductions, net) only
       a table's headers can say which is which */
    size_t le = (size_t)e;
    while (text[le] != '\0' && text[le] != '\n')
      le++;
    char *rest = g_strndup(text + e, le - (size_t)e);
    bool more = has(rest, amount_pattern);
    g_free(rest);
    if (!more && m.month >= 1 && m.month <= 12 && m.year >= 1900 &&
        m.year <= 2200 && parse_at(text, s, e, &m.figure.amount)) {
      sv_doctext_figure(t, (size_t)s, (size_t)e, &m.figure);
      m.monthly = m.figure.amount;
      g_array_append_val(inc->months, m);
    }
    g_free(mname);
    g_free(year);
    g_free(mnum);
    g_free(year2);
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  g_free(pattern);
}

/* ---------------------------------------------------------------- period */

static void months_span(struct sv_income_doc *inc)
{
  if (inc->months->len == 0)
    return;
  int lo = 0, hi = 0;
  for (guint k = 0; k < inc->months->len; k++) {
    const struct sv_income_month *m =
        &g_array_index(inc->months, struct sv_income_month, k);
    int key = m->year * 12 + m->month - 1;
    lo = k == 0 || key < lo ? key : lo;
    hi = k == 0 || key > hi ? key : hi;
  }
  g_date_set_dmy(&inc->start, 1, (GDateMonth)(lo % 12 + 1),
                 (GDateYear)(lo / 12));
  GDateYear y = (GDateYear)(hi / 12);
  GDateMonth mo = (GDateMonth)(hi % 12 + 1);
  g_date_set_dmy(&inc->end, g_date_get_days_in_month(mo, y), mo, y);
}

static void read_period(const struct sv_doctext *t, const char *lang,
                        struct sv_income_doc *inc)
{
  const char *text = sv_doctext_folded(t);
  if (sv_period_parse(text, lang, &inc->start, &inc->end))
    return;
  char *pattern = g_strdup_printf(
      "\\b(?:since|desde)(?:\\s+el\\s+mes\\s+de)?\\s+(%s)\\.?,?\\s+"
      "(?:de\\s+|del\\s+)?(\\d{4})",
      sv_month_pattern());
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  if (g_regex_match(r, text, 0, &mi)) {
    char *mon = g_match_info_fetch(mi, 1);
    char *year = g_match_info_fetch(mi, 2);
    guint64 y = g_ascii_strtoull(year, NULL, 10);
    int mm = sv_month_of(mon);
    if (mm > 0 && y >= 1900 && y <= 2200)
      g_date_set_dmy(&inc->start, 1, (GDateMonth)mm, (GDateYear)y);
    g_free(mon);
    g_free(year);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  g_free(pattern);
  if (!g_date_valid(&inc->start))
    months_span(inc);
}

/* The date a printed date at the start of rest names ("16 de enero de
   2017", "March 3, 2019", "01/15/2019" in lang's order, "September 2020"
   as its first day); false when none. */
static bool date_at(const char *rest, const char *lang, GDate *out)
{
  GArray *ds = sv_dates_in(rest);
  bool ok = false;
  if (ds->len > 0) {
    const struct sv_raw_date *d = &g_array_index(ds, struct sv_raw_date, 0);
    int y = sv_date_full_year(d->year);
    if (d->start <= 1 && y > 0) {
      if (!d->numeric)
        ok = sv_date_make(d->day, d->month, y, out);
      else if (strcmp(lang, "en") == 0)
        ok = sv_date_make(d->b, d->a, y, out);
      else
        ok = sv_date_make(d->a, d->b, y, out);
    }
  }
  g_array_free(ds, TRUE);
  if (ok)
    return true;
  char *pattern = g_strdup_printf(
      "^(%s)\\.?,?\\s+(?:de\\s+|del\\s+)?(\\d{4})\\b", sv_month_pattern());
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  if (g_regex_match(r, rest, 0, &mi)) {
    char *mon = g_match_info_fetch(mi, 1);
    char *year = g_match_info_fetch(mi, 2);
    int mm = sv_month_of(mon);
    ok = mm > 0 &&
         sv_date_make(1, mm, (int)g_ascii_strtoll(year, NULL, 10), out);
    g_free(mon);
    g_free(year);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  g_free(pattern);
  return ok;
}

/* Since when the person is employed: "has worked for X since September
   2020", "employed with us since March 3, 2019", "presta sus servicios en
   esta empresa desde el 16 de enero de 2017", "Date of hire: 01/15/2019",
   "Fecha de ingreso: 16/01/2017" (a visitor's income test asks for a
   year of stable employment). */
static void read_employed_since(const struct sv_doctext *t, const char *lang,
                                struct sv_income_doc *inc)
{
  const char *text = sv_doctext_folded(t);
  GRegex *r = rx("(?:\\b(?:employed|worked|working|works|employee|"
                 "servicios|labora|trabaja|colabora)\\b[^;]{0,100}?"
                 "\\b(?:since|desde(?:\\s+el)?)|\\b(?:date of hire|hire date|"
                 "start date|employment date|employed since|fecha de ingreso|"
                 "fecha de alta|antiguedad desde)\\s*:?)\\s*");
  GMatchInfo *mi = NULL;
  g_regex_match(r, text, 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 0, &s, &e);
    GDate d;
    g_date_clear(&d, 1);
    if (date_at(text + e, lang, &d)) {
      inc->employed_since = d;
      break;
    }
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
}

/* ------------------------------------------------------------- reading */

/* The currency: a mark on the stated amount itself ("US$7,420.80", "$500
   CAD") first, else the document's own evidence (currency.h). */
static void currency_of(const struct sv_doctext *t, const struct sv_layout *l,
                        const char *lang, const struct candidate *stated,
                        struct sv_income_doc *inc)
{
  const char *text = sv_doctext_folded(t);
  if (stated != NULL) {
    gint from = stated->s > 4 ? stated->s - 4 : 0;
    size_t rest = strlen(text + stated->e);
    char *near = g_strndup(text + from,
                           (gsize)(stated->e - from) + (rest < 5 ? rest : 5));
    g_strdelimit(near, "\n", ' ');
    const char *code = sv_currency_named(near);
    g_free(near);
    if (code != NULL) {
      g_strlcpy(inc->currency, code, sizeof inc->currency);
      inc->currency_source = SV_CURRENCY_PRINTED;
      return;
    }
  }
  char code[4];
  sv_currency_read(l, lang, code, &inc->currency_source);
  g_strlcpy(inc->currency, code, sizeof inc->currency);
}

static const char *guess_lang(const struct sv_doc *doc, const char *text)
{
  if (doc->lang[0] != '\0')
    return doc->lang;
  GRegex *es = rx("\\b(?:que|de|la|el|los|por|ingresos|mensual)\\b");
  GRegex *en = rx("\\b(?:the|of|and|that|is|per|income|monthly)\\b");
  int nes = 0, nen = 0;
  GMatchInfo *mi = NULL;
  for (g_regex_match(es, text, 0, &mi); g_match_info_matches(mi);
       g_match_info_next(mi, NULL))
    nes++;
  g_match_info_free(mi);
  for (g_regex_match(en, text, 0, &mi); g_match_info_matches(mi);
       g_match_info_next(mi, NULL))
    nen++;
  g_match_info_free(mi);
  g_regex_unref(es);
  g_regex_unref(en);
  return nes > nen ? "es" : "en";
}

/* The months a sentence lists after the stated amount ("... USD 3,100.00
   in each of the following months: October 2025, November 2025 ..."):
   every month and year named in the running text that holds the amount,
   when there are two or more. */
static void listed_months(const struct sv_doctext *t, const struct candidate *c,
                          struct sv_income_doc *inc)
{
  const char *text = sv_doctext_folded(t);
  size_t from = (size_t)c->e;
  size_t to = sv_doctext_run_end(t, from, 600);
  char *run = g_strndup(text + from, to - from);
  char *pattern = g_strdup_printf("\\b(%s)\\.?,?\\s+(?:de\\s+)?(\\d{4})\\b",
                                  sv_month_pattern());
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  GArray *found = g_array_new(FALSE, TRUE, sizeof(struct sv_income_month));
  g_regex_match(r, run, 0, &mi);
  while (g_match_info_matches(mi)) {
    char *mon = g_match_info_fetch(mi, 1);
    char *year = g_match_info_fetch(mi, 2);
    struct sv_income_month m = {0};
    m.month = sv_month_of(mon);
    m.year = (int)g_ascii_strtoull(year, NULL, 10);
    bool dup = false;
    for (guint k = 0; k < found->len; k++) {
      const struct sv_income_month *o =
          &g_array_index(found, struct sv_income_month, k);
      dup = dup || (o->year == m.year && o->month == m.month);
    }
    if (!dup && m.month > 0 && m.year >= 1900 && m.year <= 2200) {
      m.figure = inc->stated;
      m.monthly = inc->monthly;
      g_array_append_val(found, m);
    }
    g_free(mon);
    g_free(year);
    g_match_info_next(mi, NULL);
  }
  if (found->len >= 2)
    g_array_append_vals(inc->months, found->data, found->len);
  g_array_free(found, TRUE);
  g_match_info_free(mi);
  g_regex_unref(r);
  g_free(pattern);
  g_free(run);
}

/* Why the amounts cannot be taken as monthly net income, or NULL. */
static char *doubt_of(const struct sv_income_doc *inc, const struct seen *sn,
                      const char *text)
{
  char a[48];
  if (inc->months->len > 0 || inc->gross_only)
    return NULL;
  if (inc->hourly) {
    sv_cents_format_grouped(sn->hourly_rate, a, sizeof a);
    return g_strdup_printf("it states only an hourly rate (%s); a monthly "
                           "income cannot be read from it",
                           a);
  }
  if (inc->stated.present && !inc->frequency_printed) {
    sv_cents_format_grouped(inc->stated.amount, a, sizeof a);
    if (sn->ambiguous)
      return g_strdup_printf("it states %s beside several frequencies (a "
                             "form where one is marked by hand); how often "
                             "it is paid cannot be read",
                             a);
    if (has(text, "\\bpay period|\\bperiod (?:beginning|ending)|"
                  "\\bperiodo de pago"))
      return g_strdup_printf("it is a pay stub for one pay period (%s) and "
                             "does not say how often it is paid; a monthly "
                             "income cannot be stated from it",
                             a);
    return g_strdup_printf("it states %s but not how often it is paid", a);
  }
  return NULL;
}

bool sv_income_read(struct sv_doc *doc, const struct sv_services *svc)
{
  struct sv_doctext *t = NULL;
  struct sv_income_doc *inc = NULL;
  struct sv_layout *l = NULL;
  bool ok = false;

  sv_income_doc_free(&doc->income);
  t = sv_doctext_new(doc);
  const char *text = sv_doctext_folded(t);
  if (text[0] == '\0')
    goto out;
  const char *lang = guess_lang(doc, text);
  inc = sv_income_doc_new();
  sv_persons_read(t, &inc->person, &inc->payer);
  l = sv_layout_new(doc);
  bool unlabelled = false;
  struct candidate stated = {0};
  struct seen sn = {0};
  bool have_stated = read_amount(t, inc, &stated, &sn);
  bool stated_net = inc->net;
  if (sv_paytable_read(l, doc, svc, inc, &unlabelled)) {
    /* a month table: its months and its columns decide net or gross; one
       whose amounts no header names is what the document says it is */
    if (unlabelled)
      inc->net =
          stated_net || (has(text, net_words) && !has(text, gross_words));
  } else {
    read_months(t, inc);
    if (have_stated && inc->months->len == 0 && inc->frequency_printed &&
        inc->frequency == SV_FREQ_MONTHLY)
      listed_months(t, &stated, inc);
  }
  inc->doubt = doubt_of(inc, &sn, text);
  read_period(t, lang, inc);
  read_employed_since(t, lang, inc);
  currency_of(t, l, lang, have_stated ? &stated : NULL, inc);
  ok = inc->person != NULL || inc->stated.present || inc->months->len > 0 ||
       inc->hourly;
  if (ok) {
    doc->income = inc;
    inc = NULL;
  }

out:
  sv_layout_free(&l);
  sv_income_doc_free(&inc);
  sv_doctext_free(&t);
  return ok;
}
