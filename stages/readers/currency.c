/*
 * currency.c - the currency of a statement from the document's own
 * evidence (see currency.h).
 *
 * Three tallies over every line: codes and names printed (a labelled
 * "Currency:" value counts most, then codes on amounts, then names in the
 * text), country signs (address formats, regulators, account formats),
 * and symbols on amounts.  The strongest tally that names one currency
 * decides.
 */
#include "currency.h"

#include <string.h>

#include "../text/fold.h"
#include "vocab.h"

/* ------------------------------------------------------------ names */

struct named {
  const char *tokens; /* folded tokens, " " separated */
  const char *code;
};

/* Longest first where one holds another. */
static const struct named names[] = {
    {"new zealand dollars", "NZD"},
    {"new zealand dollar", "NZD"},
    {"australian dollars", "AUD"},
    {"australian dollar", "AUD"},
    {"canadian dollars", "CAD"},
    {"canadian dollar", "CAD"},
    {"singapore dollars", "SGD"},
    {"singapore dollar", "SGD"},
    {"u s dollars", "USD"},
    {"us dollars", "USD"},
    {"u s dollar", "USD"},
    {"us dollar", "USD"},
    {"united states dollars", "USD"},
    {"american dollars", "USD"},
    {"dolares americanos", "USD"},
    {"dolares estadounidenses", "USD"},
    {"dolares de los estados unidos", "USD"},
    {"dolares canadienses", "CAD"},
    {"dolar canadiense", "CAD"},
    {"dolares australianos", "AUD"},
    {"dolar australiano", "AUD"},
    {"dolares neozelandeses", "NZD"},
    {"dolar neozelandes", "NZD"},
    {"dolares de singapur", "SGD"},
    {"dolar de singapur", "SGD"},
    {"dolar americano", "USD"},
    {"dolar estadounidense", "USD"},
    {"libras esterlinas", "GBP"},
    {"libra esterlina", "GBP"},
    {"francos suizos", "CHF"},
    {"pesos mexicanos", "MXN"},
    /* in Spanish, "dólares" alone are US dollars; in English "dollars"
       alone name no single currency */
    {"dolares", "USD"},
    {"dolar", "USD"},
    {"peso mexicano", "MXN"},
    {"moneda nacional", "MXN"},
    {"m n", "MXN"},
    {"pounds sterling", "GBP"},
    {"pound sterling", "GBP"},
    {"sterling", "GBP"},
    {"british pounds", "GBP"},
    {"euros", "EUR"},
    {"euro", "EUR"},
    {"swiss francs", "CHF"},
    {"yen", "JPY"},
    {"usd", "USD"},
    {"mxn", "MXN"},
    {"eur", "EUR"},
    {"cad", "CAD"},
    {"gbp", "GBP"},
    {"nzd", "NZD"},
    {"aud", "AUD"},
    {"sgd", "SGD"},
    {"chf", "CHF"},
    {"jpy", "JPY"},
    {"dls", "USD"},
    {"usdollar", "USD"},
};

/* Counts of each code in names[] order of first appearance. */
#define MAX_CODES 16
struct tally {
  char code[MAX_CODES][4];
  long n[MAX_CODES];
  size_t len;
};

static void tally_add(struct tally *t, const char *code, long weight)
{
  for (size_t i = 0; i < t->len; i++)
    if (strcmp(t->code[i], code) == 0) {
      t->n[i] += weight;
      return;
    }
  if (t->len >= MAX_CODES)
    return;
  g_strlcpy(t->code[t->len], code, 4);
  t->n[t->len++] = weight;
}

/* The code with the highest count (ties: the first seen), NULL if none. */
static const char *tally_best(const struct tally *t)
{
  const char *best = NULL;
  long best_n = 0;
  for (size_t i = 0; i < t->len; i++)
    if (t->n[i] > best_n) {
      best_n = t->n[i];
      best = t->code[i];
    }
  return best;
}

/* names[]'s tokens as needles for a token stream: " tokens ". */
static const char *const *name_needles(void)
{
  static gsize once = 0;
  static char *needles[G_N_ELEMENTS(names)];
  if (g_once_init_enter(&once)) {
    for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
      needles[i] = g_strdup_printf(" %s ", names[i].tokens);
    g_once_init_leave(&once, 1);
  }
  return (const char *const *)needles;
}

/* Every currency name or code of a token stream, added to t; a name
   counts once, not again for the shorter one it holds ("dolares" of
   "dolares canadienses"): names[] is longest first, and a match is
   blotted out of the stream once counted. */
static void count_names(const char *tokens, struct tally *t, long weight)
{
  const char *const *needles = name_needles();
  char *left = g_strdup(tokens);
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
    /* "m n" only as the abbreviation M.N., never two loose letters of a
       chart axis: counted from the punctuated form (mn_mark) */
    if (strcmp(names[i].tokens, "m n") == 0)
      continue;
    const char *needle = needles[i];
    size_t len = strlen(needle);
    for (char *p = strstr(left, needle); p != NULL; p = strstr(p, needle)) {
      tally_add(t, names[i].code, weight);
      memset(p + 1, '#', len - 2);
      p += len - 1;
    }
  }
  g_free(left);
}

/* Whether folded text prints the abbreviation "M.N." (moneda nacional),
   its last dot or not, as a word of its own. */
static bool mn_mark(const char *folded)
{
  for (const char *p = strstr(folded, "m.n"); p != NULL;
       p = strstr(p + 1, "m.n")) {
    bool before = p == folded || !g_ascii_isalnum(p[-1]);
    bool after = !g_ascii_isalnum(p[3]);
    if (before && after)
      return true;
  }
  return false;
}

const char *sv_currency_named(const char *folded)
{
  if (folded == NULL)
    return NULL;
  const char *const *needles = name_needles();
  char *tok = sv_fold_tokens(folded);
  const char *found = NULL;
  size_t at = SIZE_MAX;
  for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
    const char *p = strstr(tok, needles[i]);
    if (p != NULL && (size_t)(p - tok) < at) {
      at = (size_t)(p - tok);
      found = names[i].code;
    }
  }
  g_free(tok);
  return found;
}

/* ---------------------------------------------------------- countries */

struct country_sign {
  const char *pattern; /* on the printed line text, case-insensitive
                          unless it says otherwise */
  const char *code;    /* the currency of that country */
  int weight;
};

/* Signs of the country a statement is from.  A US state with its ZIP
   code, a Mexican postal code or CLABE, a New Zealand account number
   (bank-branch-account-suffix) and the like are hard to print by
   accident; a country's name is strong; regulators' names too. */
static const struct country_sign signs[] = {
    {"\\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|"
     "MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|"
     "UT|VT|VA|WA|WV|WI|WY)\\.?,?\\s+\\d{5}(?:-\\d{4})?\\b",
     "USD", 2},
    {"(?i)\\b(?:united states|u\\.s\\.a\\.|usa)\\b", "USD", 2},
    {"(?i)\\bmember fdic\\b|\\bfdic\\b|\\bncua\\b", "USD", 2},
    {"(?i)\\b(?:m[eé]xico|cdmx|ciudad de m[eé]xico)\\b", "MXN", 2},
    {"(?i)\\bc\\.\\s?p\\.?\\s*\\d{5}\\b", "MXN", 2},
    {"(?i)\\bclabe\\b|\\br\\.?f\\.?c\\.?\\b", "MXN", 1},
    {"\\b\\d{18}\\b", "MXN", 1},
    {"(?i)\\bnew zealand\\b|\\baotearoa\\b", "NZD", 3},
    {"\\bNZ\\b", "NZD", 2},
    {"\\b\\d{2}-\\d{4}-\\d{7}-\\d{2,3}\\b", "NZD", 2},
    {"(?i)\\bunited kingdom\\b|\\bengland\\b|\\bscotland\\b|\\bwales\\b", "GBP",
     3},
    {"(?i)\\bsort code\\b", "GBP", 2},
    {"\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s\\d[A-Z]{2}\\b", "GBP", 1},
    {"(?i)\\bcanada\\b|\\bcdic\\b", "CAD", 3},
    {"\\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)\\s+[A-Z]\\d[A-Z]\\s?"
     "\\d[A-Z]\\d\\b",
     "CAD", 2},
    {"(?i)\\baustralia\\b", "AUD", 3},
    {"\\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\\s+\\d{4}\\b", "AUD", 1},
    {"(?i)\\bsingapore\\b", "SGD", 3},
    {"(?i)\\b(?:deutschland|germany|france|espa[nñ]a|spain|ireland|"
     "italia|italy|nederland|netherlands|portugal|belgi[eë]|belgium|"
     "[oö]sterreich|austria|suomi|finland)\\b",
     "EUR", 3},
    {"\\b(?:DE|FR|ES|IE|IT|NL|PT|BE|AT|FI|LU|GR)\\d{2}(?:\\s?[A-Z0-9]{4}){3,}",
     "EUR", 2},
    {"\\bGB\\d{2}\\s?[A-Z]{4}(?:\\s?\\d{4}){3}", "GBP", 2},
};

static GRegex **sign_res(void)
{
  static gsize once = 0;
  static GRegex *res[G_N_ELEMENTS(signs)];
  if (g_once_init_enter(&once)) {
    for (size_t i = 0; i < G_N_ELEMENTS(signs); i++) {
      res[i] = g_regex_new(signs[i].pattern, G_REGEX_OPTIMIZE, 0, NULL);
      g_assert(res[i] != NULL);
    }
    g_once_init_leave(&once, 1);
  }
  return res;
}

/* Which signs[] each line of l prints: bit i of signs_of[k] for line k.
   Each sign's pattern runs once over all the lines joined, not once per
   line (a GRegex call per line and sign cost a sixth of a text-layer
   run).  The lines are joined by a control character, which the text of
   a line never holds and no pattern matches, so no match spans two
   lines. */
G_STATIC_ASSERT(G_N_ELEMENTS(signs) <= 32);
static guint32 *country_signs(const struct sv_layout *l)
{
  size_t n = sv_layout_nlines(l);
  guint32 *signs_of = g_new0(guint32, n + 1);
  size_t *start = g_new(size_t, n + 1);
  GString *all = g_string_new(NULL);
  for (size_t k = 0; k < n; k++) {
    const struct sv_lline *ll = sv_layout_line(l, k);
    start[k] = all->len;
    if (ll->ln->text != NULL)
      g_string_append(all, ll->ln->text);
    g_string_append_c(all, '\x1f');
  }
  start[n] = all->len;
  GRegex **res = sign_res();
  for (size_t i = 0; i < G_N_ELEMENTS(signs); i++) {
    GMatchInfo *mi = NULL;
    size_t k = 0;
    g_regex_match(res[i], all->str, 0, &mi);
    while (g_match_info_matches(mi)) {
      int from = 0;
      g_match_info_fetch_pos(mi, 0, &from, NULL);
      while (k + 1 < n && start[k + 1] <= (size_t)from)
        k++; /* matches come in order: the line of this one */
      signs_of[k] |= (guint32)1 << i;
      g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
  }
  g_string_free(all, TRUE);
  g_free(start);
  return signs_of;
}

static void count_country(guint32 line_signs, struct tally *t)
{
  for (size_t i = 0; i < G_N_ELEMENTS(signs); i++)
    if (line_signs & ((guint32)1 << i))
      tally_add(t, signs[i].code, signs[i].weight);
}

/* ----------------------------------------------------------- the read */

/* The code a labelled "Currency:" cell (or the cell right of or under the
   label) names; NULL when none. */
static const char *labelled(const struct sv_layout *l, size_t ci,
                            const struct sv_label_match *m)
{
  const struct sv_cell *c = sv_layout_cell(l, ci);
  /* the label's own cell after the label words ("Moneda: MXN") */
  char **tok = g_strsplit(c->key, " ", -1);
  GString *rest = g_string_new(NULL);
  for (size_t i = m->tokens; tok[i] != NULL; i++)
    g_string_append_printf(rest, "%s ", tok[i]);
  g_strfreev(tok);
  const char *code = sv_currency_named(rest->str);
  g_string_free(rest, TRUE);
  long right = sv_layout_right(l, ci);
  if (code == NULL && right >= 0)
    code = sv_currency_named(sv_layout_cell(l, (size_t)right)->key);
  long below = sv_layout_below(l, ci);
  if (code == NULL && right < 0 && below >= 0)
    code = sv_currency_named(sv_layout_cell(l, (size_t)below)->key);
  return code;
}

void sv_currency_read(const struct sv_layout *l, const char *lang, char code[4],
                      enum sv_currency_source *source)
{
  struct tally printed = {0}, country = {0}, symbol = {0};
  code[0] = '\0';
  *source = SV_CURRENCY_NONE;
  bool dollar = false;
  for (size_t i = 0; i < sv_layout_ncells(l); i++) {
    const struct sv_cell *c = sv_layout_cell(l, i);
    struct sv_label_match m;
    if (sv_vocab_label(c->key, &m) && m.label == SV_LABEL_CURRENCY) {
      const char *lc = labelled(l, i, &m);
      if (lc != NULL)
        tally_add(&printed, lc, 100);
    }
  }
  guint32 *line_signs = country_signs(l);
  for (size_t i = 0; i < sv_layout_nlines(l); i++) {
    const struct sv_lline *ll = sv_layout_line(l, i);
    const char *text = ll->ln->text != NULL ? ll->ln->text : "";
    for (size_t s = 0; s < ll->nspans; s++) {
      const struct sv_amount_info *info = &ll->spans[s].info;
      if (info->dollar)
        dollar = true;
      if (info->code[0] == '\0')
        continue;
      /* a code or an unambiguous composite mark ("US$", "M.N.") is
         printed; "€" and "£" alone are symbols */
      const char *mark = strstr(text, "\xe2\x82\xac") != NULL ||
                                 strstr(text, "\xc2\xa3") != NULL
                             ? NULL
                             : info->code;
      if (mark != NULL)
        tally_add(&printed, mark, 2);
      else
        tally_add(&symbol, info->code, 1);
    }
    char *f = sv_fold(text);
    char *tok = sv_fold_tokens(f);
    count_names(tok, &printed, 1);
    if (mn_mark(f))
      tally_add(&printed, "MXN", 1);
    if (strstr(text, "\xe2\x82\xac") != NULL)
      tally_add(&symbol, "EUR", 1);
    if (strstr(text, "\xc2\xa3") != NULL)
      tally_add(&symbol, "GBP", 1);
    if (strchr(text, '$') != NULL)
      dollar = true;
    g_free(tok);
    g_free(f);
    count_country(line_signs[i], &country);
  }
  g_free(line_signs);
  const char *best = tally_best(&printed);
  if (best != NULL) {
    g_strlcpy(code, best, 4);
    *source = SV_CURRENCY_PRINTED;
    return;
  }
  const char *land = tally_best(&country);
  const char *sym = tally_best(&symbol);
  if (land != NULL && (sym == NULL || strcmp(sym, land) == 0 || dollar)) {
    /* the country's currency, unless a symbol of another one is printed */
    g_strlcpy(code, land, 4);
    *source = SV_CURRENCY_COUNTRY;
    return;
  }
  if (sym != NULL) {
    g_strlcpy(code, sym, 4);
    *source = SV_CURRENCY_INFERRED;
    return;
  }
  if (dollar || land == NULL) {
    /* "$" (or no mark at all): dollars or pesos, the language guesses */
    if (lang != NULL && strcmp(lang, "es") == 0)
      g_strlcpy(code, "MXN", 4);
    else if (lang != NULL && strcmp(lang, "en") == 0)
      g_strlcpy(code, "USD", 4);
    *source = code[0] != '\0' ? SV_CURRENCY_INFERRED : SV_CURRENCY_NONE;
  }
}
