/*
 * income.c - reading income and pension letters (see income.h).
 *
 * One pass collects every amount in digits with the words around it (the
 * text before it on its line, the label above it, a few words after it);
 * a table of phrases turns those words into a frequency and a net / gross
 * / hourly label; the best candidate becomes the stated amount.  Month
 * rows are read by their own pattern.  Person, payer and period are
 * separate small passes over the folded text (stages/text/doctext.h).
 */
#include "income.h"

#include <string.h>

#include "../text/amount.h"
#include "../text/dates.h"
#include "../text/doctext.h"
#include "../text/fold.h"

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

enum label { L_NONE = 0, L_HOURLY, L_MONTHLY, L_WEEKLY, L_FORTNIGHTLY,
             L_SEMIMONTHLY, L_ANNUAL };

static const struct {
  const char *pattern;
  enum label label;
} freq_phrases[] = {
  {"\\bper hour|\\bhourly|/ ?h(?:ou)?r\\b|\\bpor hora|\\bla hora",
   L_HOURLY},
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
      if (!have || key > best_key ||
          (key == best_key && e - s > best_len)) {
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
  gint s, e;          /* the digits in the folded text */
  sv_cents amount;
  enum label freq;
  int net;            /* +1 net, -1 gross, 0 neither */
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

  c->freq = freq_in(after, false);
  if (c->freq == L_NONE)
    c->freq = freq_in(before, true);
  if (c->freq == L_NONE && above != NULL)
    c->freq = freq_in(above, true);
  char *all = g_strjoin(" | ", before, after, above != NULL ? above : "",
                        NULL);
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
  bool ok = sv_amount_parse(up, out);
  g_free(up);
  return ok;
}

/* The best stated amount; false when there is none. */
static bool best_candidate(const struct sv_doctext *t, struct candidate *best)
{
  const char *text = sv_doctext_folded(t);
  GRegex *r = rx(amount_pattern);
  GMatchInfo *mi = NULL;
  bool found = false;
  g_regex_match(r, text, 0, &mi);
  while (g_match_info_matches(mi)) {
    struct candidate c;
    memset(&c, 0, sizeof c);
    g_match_info_fetch_pos(mi, 0, &c.s, &c.e);
    if (parse_at(text, c.s, c.e, &c.amount) && c.amount > 0 &&
        !on_month_row(t, c.s)) {
      describe(t, &c);
      if (c.freq != L_HOURLY && (!found || rank(&c) > rank(best))) {
        *best = c;
        found = true;
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
   candidate, copied to *c; false (c untouched) when there is none. */
static bool read_amount(const struct sv_doctext *t, struct sv_income_doc *inc,
                        struct candidate *best)
{
  const char *text = sv_doctext_folded(t);
  struct candidate c = {0};
  bool says_net = has(text, net_words);
  bool says_gross = has(text, gross_words);
  bool found = best_candidate(t, &c);
  if (found) {
    *best = c;
    inc->stated.amount = c.amount;
    sv_doctext_figure(t, (size_t)c.s, (size_t)c.e, &inc->stated);
    inc->frequency = frequency_of(c.freq);
    inc->monthly = sv_income_monthly(c.amount, inc->frequency);
    inc->net = c.net > 0 || (c.net == 0 && says_net);
  } else {
    inc->net = says_net;
  }
  inc->gross_only = !inc->net && says_gross;
  return found;
}

/* ---------------------------------------------------------------- months */

static void read_months(const struct sv_doctext *t, struct sv_income_doc *inc)
{
  const char *text = sv_doctext_folded(t);
  char *pattern = g_strdup_printf(
      "(?:^|\\n)[^\\n\\d]*?(?:\\b(%s)\\.?,? (?:de )?(\\d{4})|(\\d{1,2})/(\\d{4}))"
      "\\b[^\\n]*?(%s)",
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
    if (m.month >= 1 && m.month <= 12 && m.year >= 1900 && m.year <= 2200 &&
        parse_at(text, s, e, &m.figure.amount)) {
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

/* --------------------------------------------------------- person, payer */

static bool starts_upper(const char *word)
{
  gunichar c = g_utf8_get_char_validated(word, -1);
  return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isupper(c);
}

/* True when word, folded and without its punctuation, is one of list. */
static bool word_in(const char *word, const char *const *list)
{
  char *f = sv_fold(word);
  GString *b = g_string_new(NULL);
  for (const char *p = f; *p != '\0'; p++)
    if (g_ascii_isalnum(*p) || (guchar)*p >= 0x80 || *p == '&')
      g_string_append_c(b, *p);
  bool in = false;
  for (size_t k = 0; list[k] != NULL && !in; k++)
    in = strcmp(b->str, list[k]) == 0;
  g_string_free(b, TRUE);
  g_free(f);
  return in;
}

/* Lower-case words that join the words of a name: "Comercializadora del
   Bajío", "María de la Luz", "Bank of the West", "Smith & Sons". */
static const char *const particles[] = {
  "de", "del", "la", "las", "los", "y", "e", "da", "das", "do", "dos", "di",
  "du", "van", "von", "der", "den", "le", "of", "the", "and", "&", NULL};

/* Legal forms that end a company's name: "S.A. de C.V.", "Inc.", "LLC". */
static const char *const company_forms[] = {
  "sa", "cv", "srl", "rl", "sc", "ac", "sapi", "sab", "spr", "inc", "llc",
  "ltd", "co", "corp", "lp", "llp", "plc", "gmbh", "pllc", "ltda", "cia",
  "pc", "pa", "sas", "bv", "nv", "ag", NULL};

/* Titles and initials that a '.' does not end: "Mr.", "Lic.", "C.". */
static const char *const titles[] = {
  "mr", "mrs", "ms", "dr", "jr", "sr", "sra", "srta", "lic", "ing", "prof",
  "c", "st", NULL};

/* word is a legal form, or a particle and then one: what may follow a
   company's name ("..., S.A. de C.V."). */
static bool form_follows(char **w, guint at)
{
  if (w[at] == NULL)
    return false;
  if (word_in(w[at], company_forms))
    return true;
  return word_in(w[at], particles) && w[at + 1] != NULL &&
         word_in(w[at + 1], company_forms);
}

/* True when a '.' at the end of word does not end a sentence: a title,
   an initial or a dotted abbreviation ("U.S.", "S.A.", "J."). */
static bool abbreviation(const char *word)
{
  size_t len = strlen(word);
  if (word_in(word, titles) || g_utf8_strlen(word, -1) == 2)
    return true;
  for (size_t k = 0; k + 1 < len; k++)
    if (word[k] == '.')
      return true;
  return false;
}

/* Replaces U+2018 / U+2019 in s by "'" (glib 2.56 has no
   g_string_replace). */
static void straight_apostrophes(GString *s)
{
  gsize o = 0;
  for (gsize i = 0; i < s->len; i++) {
    if (i + 2 < s->len && (guchar)s->str[i] == 0xe2 &&
        (guchar)s->str[i + 1] == 0x80 &&
        ((guchar)s->str[i + 2] == 0x98 || (guchar)s->str[i + 2] == 0x99)) {
      s->str[o++] = '\'';
      i += 2;
    } else {
      s->str[o++] = s->str[i];
    }
  }
  g_string_truncate(s, o);
}

/* The name at the start of the printed words of [s, e): capitalised words,
   the particles between them, a company's legal form after a comma;
   it ends at a lower-case word, at a '.' that ends a sentence ("... System.
   Your"), after a legal form ("Co. since", "Inc. His"), at a ',' ';' ':'
   or ')' (trailing punctuation dropped, a legal form's dots kept), or
   after 10 words.  Typographic apostrophes become "'".  Returns owned or
   NULL. */
static char *leading_name(const struct sv_doctext *t, gint s, gint e)
{
  char *orig = sv_doctext_original(t, (size_t)s, (size_t)e);
  char **w = g_strsplit(orig, " ", -1);
  GString *name = g_string_new(NULL);
  guint count = 0;
  for (guint i = 0; w[i] != NULL && count < 10; i++) {
    const char *word = w[i];
    if (word[0] == '\0')
      continue;
    if (strchr("(\"[", word[0]) != NULL || g_str_has_prefix(word, "\u201c"))
      break;
    if (!starts_upper(word)) {
      if (count == 0 || !word_in(word, particles) || w[i + 1] == NULL ||
          !(starts_upper(w[i + 1]) || word_in(w[i + 1], particles)))
        break;
    }
    size_t len = strlen(word);
    char last = word[len - 1];
    bool stop = false, keep = true;
    if (last == ',') {
      stop = !form_follows(w, i + 1);
      keep = !stop;
    } else if (last == ';' || last == ':' || last == ')') {
      stop = true;
      keep = false;
    } else if (last == '.') {
      if (word_in(word, company_forms))
        stop = !form_follows(w, i + 1);
      else if (!abbreviation(word)) {
        stop = true;
        keep = false;
      }
    } else if (word_in(word, company_forms)) {
      stop = !form_follows(w, i + 1);
    }
    if (name->len > 0)
      g_string_append_c(name, ' ');
    g_string_append_len(name, word, (gssize)(keep ? len : len - 1));
    count++;
    if (stop)
      break;
  }
  /* no particle at the end ("... de") */
  while (count > 0) {
    const char *sp = strrchr(name->str, ' ');
    if (sp == NULL || !word_in(sp + 1, particles) || strcmp(sp + 1, "&") == 0)
      break;
    g_string_truncate(name, (gsize)(sp - name->str));
  }
  /* a typographic apostrophe (OCR reads "Teachers'" so) is an apostrophe */
  straight_apostrophes(name);
  g_strfreev(w);
  g_free(orig);
  if (name->len == 0) {
    g_string_free(name, TRUE);
    return NULL;
  }
  return g_string_free(name, FALSE);
}

/* The value of a label: after "Label:" the rest of its cell; a label
   alone in its cell ("RECIPIENT   LETTER DATE") is a column heading, so
   the words printed under it first, else the next cell.  Returns owned or
   NULL. */
static char *label_value(const struct sv_doctext *t, const char *labels)
{
  char *pattern = g_strdup_printf(
      "(?:^|\\n|   )(?:%s)[ \\t]*(:|   |(?=\\n)|$)[ \\t]*([^\\n]*?)"
      "(?=   |\\n|$)",
      labels);
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  char *value = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (value == NULL && g_match_info_matches(mi)) {
    gint s = 0, e = 0, ls = 0, le = 0, cs = 0, ce = 0;
    size_t vs = 0, ve = 0;
    g_match_info_fetch_pos(mi, 2, &s, &e);
    g_match_info_fetch_pos(mi, 1, &cs, &ce);
    g_match_info_fetch_pos(mi, 0, &ls, &le);
    bool colon = ce > cs && sv_doctext_folded(t)[cs] == ':';
    if (!colon && sv_doctext_below(t, (size_t)ls, (size_t)cs, &vs, &ve))
      value = leading_name(t, (gint)vs, (gint)ve);
    if (value == NULL && e > s)
      value = leading_name(t, s, e);
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  g_free(pattern);
  return value;
}

/* How far (folded bytes) a name after a phrase may run. */
#define NAME_WINDOW 160

/* The name after a phrase: "certify that X", "employed by X", "hace
   constar que la C. X", carried over wrapped lines; the first occurrence
   followed by a name.  Returns owned or NULL. */
static char *after_phrase(const struct sv_doctext *t, const char *phrases)
{
  char *pattern = g_strdup_printf("(?:%s)\\s+(?=\\S)", phrases);
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  char *value = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (value == NULL && g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 0, &s, &e);
    size_t end = sv_doctext_run_end(t, (size_t)e, NAME_WINDOW);
    value = leading_name(t, e, (gint)end);
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  g_free(pattern);
  return value;
}

static void read_parties(const struct sv_doctext *t, struct sv_income_doc *inc)
{
  inc->person = label_value(
      t, "employee(?: name)?|recipient|beneficiary|pensioner|retiree|"
         "claimant|name|nombre(?: del (?:trabajador|empleado|pensionado|"
         "beneficiario))?|trabajador|empleado|beneficiario|pensionado");
  if (inc->person == NULL)
    inc->person = after_phrase(
        t, "certify that|confirm that|certifies that|confirms that|"
           "verification (?:letter )?for|"
           "(?:hace|hacemos) constar que(?: el| la)?(?: c\\.)?|"
           "certifica que(?: el| la)?(?: c\\.)?|"
           "se hace constar que(?: el| la)?(?: c\\.)?");
  inc->payer = label_value(t, "employer(?: name)?|company|payer|issuer|"
                              "empresa|patron|razon social|pagador|"
                              "institucion");
  if (inc->payer == NULL)
    inc->payer = after_phrase(
        t, "employed (?:by|at|with)|works (?:for|at)|"
           "(?:benefits?|pension|annuity|payments?) (?:from|paid by)|"
           "por medio de la presente,?|"
           "presta sus servicios (?:en|para)|labora (?:en|para)|"
           "trabaja (?:en|para)");
}

/* ------------------------------------------------------------- reading */

/* Currency marks: on the stated amount itself first ("US$", "C$",
   "MXN"), then anywhere in the letter; the more specific dollars before
   plain "dollars". */
static const struct {
  const char *pattern;
  const char *code;
} currency_marks[] = {
  {"\\bcad\\b|\\bca?n?\\$|canadian dollars?|dolares canadienses", "CAD"},
  {"\\busd\\b|\\bus\\$|u\\.\\s?s\\.\\s?dollars?|\\bus dollars?|"
   "dolares (?:estadounidenses|americanos)|\\bdollars?\\b|\\bdolares\\b",
   "USD"},
  {"\\beur\\b|\u20ac|\\beuros?\\b", "EUR"},
  {"\\bmxn\\b|\\bpesos\\b|m\\.\\s?n\\.|moneda nacional", "MXN"},
};

static const char *currency_in(const char *text)
{
  for (size_t k = 0; k < G_N_ELEMENTS(currency_marks); k++)
    if (has(text, currency_marks[k].pattern))
      return currency_marks[k].code;
  return NULL;
}

static void currency_of(const struct sv_doctext *t, const char *lang,
                        const struct candidate *stated,
                        struct sv_income_doc *inc)
{
  const char *text = sv_doctext_folded(t);
  const char *cur = NULL;
  if (stated != NULL) {
    /* the amount with a few bytes either side: "US$7,420.80", "$500 CAD" */
    gint from = stated->s > 4 ? stated->s - 4 : 0;
    size_t rest = strlen(text + stated->e);
    char *near = g_strndup(text + from,
                           (gsize)(stated->e - from) + (rest < 5 ? rest : 5));
    g_strdelimit(near, "\n", ' ');
    cur = currency_in(near);
    g_free(near);
  }
  if (cur == NULL)
    cur = currency_in(text);
  if (cur == NULL && has(text, "\\$"))
    cur = strcmp(lang, "es") == 0 ? "MXN" : "USD";
  if (cur != NULL)
    g_strlcpy(inc->currency, cur, sizeof inc->currency);
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

bool sv_income_read(struct sv_doc *doc)
{
  struct sv_doctext *t = NULL;
  struct sv_income_doc *inc = NULL;
  bool ok = false;

  sv_income_doc_free(&doc->income);
  t = sv_doctext_new(doc);
  const char *text = sv_doctext_folded(t);
  if (text[0] == '\0')
    goto out;
  const char *lang = guess_lang(doc, text);
  inc = sv_income_doc_new();
  read_parties(t, inc);
  read_months(t, inc);
  struct candidate stated = {0};
  bool have_stated = read_amount(t, inc, &stated);
  read_period(t, lang, inc);
  currency_of(t, lang, have_stated ? &stated : NULL, inc);
  ok = inc->person != NULL || inc->stated.present || inc->months->len > 0;
  if (ok) {
    doc->income = inc;
    inc = NULL;
  }

out:
  sv_income_doc_free(&inc);
  sv_doctext_free(&t);
  return ok;
}
