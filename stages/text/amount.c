/*
 * amount.c - printed amounts of money into cents (see amount.h).
 *
 * An amount is an optional prefix (one sign, one parenthesis, one currency
 * mark), a core of digits and separators, and an optional suffix (a
 * trailing minus, the closing parenthesis, CR/DR, a code).  The core's
 * decimal separator is decided from the separators themselves, never from
 * the language: Mexican banks print "1,234.56" and Spain "1.234,56".
 */
#include "amount.h"

#include <glib.h>
#include <string.h>

static const char *skip_spaces(const char *p, const char *e)
{
  while (p < e && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

/* The currency marks printed next to amounts and the ISO code each
   stands for ("" for a bare "$": dollars or pesos, the document says). */
static const struct {
  const char *mark;
  const char *code;
} marks[] = {
    {"US$", "USD"}, {"MX$", "MXN"}, {"NZ$", "NZD"}, {"C$", "CAD"},
    {"A$", "AUD"},  {"S$", "SGD"},  {"$", ""},
    {"\xe2\x82\xac" /* € */, "EUR"}, {"\xc2\xa3" /* £ */, "GBP"},
    {"M.N.", "MXN"},
};

static const char *const iso_codes[] = {"USD", "MXN", "EUR", "CAD", "GBP",
                                        "NZD", "AUD", "SGD", "CHF", "JPY",
                                        NULL};

/* Length of a currency mark at p ("US$", "$", "€", "MXN", "M.N."), 0 when
   there is none; *code gets the ISO code it stands for. */
static size_t currency_mark(const char *p, const char *e, const char **code)
{
  size_t avail = (size_t)(e - p);
  if (avail == 0 || g_ascii_isdigit(*p))
    return 0; /* every mark starts with a symbol or a capital */
  for (size_t i = 0; i < G_N_ELEMENTS(marks); i++) {
    size_t n = strlen(marks[i].mark);
    if (n <= avail && memcmp(p, marks[i].mark, n) == 0) {
      *code = marks[i].code;
      return n;
    }
  }
  for (size_t i = 0; iso_codes[i] != NULL; i++) {
    size_t n = strlen(iso_codes[i]);
    if (n <= avail && memcmp(p, iso_codes[i], n) == 0 &&
        (n == avail || !g_ascii_isalpha(p[n]))) {
      *code = iso_codes[i];
      return n;
    }
  }
  if (avail >= 2 && memcmp(p, "MN", 2) == 0 &&
      (avail == 2 || !g_ascii_isalpha(p[2]))) {
    *code = "MXN"; /* "1,000.00 MN" (moneda nacional) */
    return 2;
  }
  return 0;
}

/* Parses the digits-and-separators core [p, e) into cents; see the header
   for what counts as ambiguous.  *marked tells whether a currency mark was
   seen, which a bare integer needs. */
static bool parse_core(const char *p, const char *e, bool marked,
                       sv_cents *out)
{
  size_t len = (size_t)(e - p);
  if (len == 0 || !g_ascii_isdigit(p[0]) || !g_ascii_isdigit(e[-1]))
    return false;
  const char *last_dot = NULL, *last_comma = NULL;
  int ndots = 0, ncommas = 0;
  for (const char *q = p; q < e; q++) {
    if (*q == '.') {
      ndots++;
      last_dot = q;
    } else if (*q == ',') {
      ncommas++;
      last_comma = q;
    } else if (!g_ascii_isdigit(*q)) {
      return false;
    }
  }

  /* Decide the decimal separator and the group separator. */
  const char *dec = NULL;
  char group = '\0';
  if (ndots > 0 && ncommas > 0) {
    dec = last_dot > last_comma ? last_dot : last_comma;
    group = *dec == '.' ? ',' : '.';
    if ((*dec == '.' ? ndots : ncommas) != 1)
      return false;
  } else if (ndots + ncommas == 1) {
    const char *sep = ndots == 1 ? last_dot : last_comma;
    size_t after = (size_t)(e - sep - 1);
    if (after == 2)
      dec = sep;
    else if (after == 3)
      group = *sep;
    else
      return false;
  } else if (ndots + ncommas > 1) {
    /* "1,234,567" groups; "44.079.83" and "40,000,00" are OCR'd text
       layers that lost the decimal mark's shape: the last separator
       followed by exactly two digits can only be the decimal one. */
    group = ndots > 0 ? '.' : ',';
    const char *last = ndots > 0 ? last_dot : last_comma;
    if (e - last - 1 == 2)
      dec = last;
  }

  const char *int_end = dec != NULL ? dec : e;
  if (dec != NULL && e - dec - 1 != 2)
    return false;
  if (dec == NULL && group == '\0' && !marked)
    return false; /* a bare "16" or "31": a count, not money */

  /* Integer part: either plain digits, or 1-3 digits then groups of 3. */
  int64_t v = 0;
  int digits = 0;
  int run = 0;
  bool grouped = false;
  for (const char *q = p; q < int_end; q++) {
    if (*q == group) {
      if ((!grouped && (run < 1 || run > 3)) || (grouped && run != 3))
        return false;
      if (!grouped && p[0] == '0')
        return false; /* "0.000", "012,345" */
      grouped = true;
      run = 0;
      continue;
    }
    if (!g_ascii_isdigit(*q))
      return false;
    if (++digits > SV_AMOUNT_MAX_DIGITS)
      return false;
    v = v * 10 + (*q - '0');
    run++;
  }
  if (run == 0 || (grouped && run != 3))
    return false;
  v *= 100;
  if (dec != NULL)
    v += (dec[1] - '0') * 10 + (dec[2] - '0');
  *out = v;
  return true;
}

bool sv_amount_parse(const char *text, sv_cents *out)
{
  return sv_amount_parse_info(text, out, NULL);
}

bool sv_amount_parse_info(const char *text, sv_cents *out,
                          struct sv_amount_info *info)
{
  if (text == NULL || out == NULL)
    return false;
  const char *code = NULL, *mark_code = "";
  const char *p = text;
  const char *e = text + strlen(text);
  while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
    e--;
  p = skip_spaces(p, e);

  int signs = 0;
  bool neg = false, open_paren = false, close_paren = false;
  bool marked = false, cr = false, coded = false;

  /* Prefix: at most one sign, one parenthesis, one currency mark. */
  for (;;) {
    size_t m;
    if (p < e && (*p == '-' || *p == '+')) {
      signs++;
      neg = *p == '-';
      p = skip_spaces(p + 1, e);
    } else if (p < e && *p == '(' && !open_paren) {
      open_paren = true;
      p = skip_spaces(p + 1, e);
    } else if (!marked && (m = currency_mark(p, e, &code)) > 0) {
      marked = true;
      mark_code = code;
      coded = g_ascii_isalpha(*p);
      p = skip_spaces(p + m, e);
    } else {
      break;
    }
  }

  const char *core = p;
  while (p < e && (g_ascii_isdigit(*p) || *p == '.' || *p == ','))
    p++;
  const char *core_end = p;
  /* "6,022.06." (a full stop after the cents, an OCR speck): the cents
     stand, the dot goes */
  if (core_end - core >= 5 && (core_end[-1] == '.' || core_end[-1] == ',') &&
      (core_end[-4] == '.' || core_end[-4] == ',') &&
      g_ascii_isdigit(core_end[-2]) && g_ascii_isdigit(core_end[-3]))
    core_end--;
  p = skip_spaces(p, e);

  /* Suffix: a trailing minus, the closing parenthesis, CR/DR, a code. */
  for (;;) {
    size_t m;
    if (p < e && *p == '-') {
      signs++;
      neg = true;
      p = skip_spaces(p + 1, e);
    } else if (p < e && *p == ')' && open_paren && !close_paren) {
      close_paren = true;
      p = skip_spaces(p + 1, e);
    } else if (e - p >= 2 && !cr &&
               (g_ascii_strncasecmp(p, "CR", 2) == 0 ||
                g_ascii_strncasecmp(p, "DR", 2) == 0) &&
               (e - p == 2 || !g_ascii_isalpha(p[2]))) {
      cr = true;
      if (g_ascii_toupper(p[0]) == 'D') {
        signs++;
        neg = true;
      } else if (signs > 0) {
        return false; /* "-1.00 CR" contradicts itself */
      }
      p = skip_spaces(p + 2, e);
    } else if ((!marked || !coded) && (m = currency_mark(p, e, &code)) > 0 &&
               (!marked || g_ascii_isupper(*p))) {
      /* a mark, or the code after a symbol: "$1,234.56 CAD" */
      if (marked && memchr(p, '$', m) != NULL)
        return false; /* "$1.00 US$": two symbols */
      if (code[0] != '\0')
        mark_code = code;
      marked = coded = true;
      p = skip_spaces(p + m, e);
    } else {
      break;
    }
  }
  if (p != e || open_paren != close_paren)
    return false;
  if (open_paren) {
    signs++;
    neg = true;
  }
  if (signs > 1)
    return false;

  sv_cents v = 0;
  if (!parse_core(core, core_end, marked, &v))
    return false;
  *out = neg ? -v : v;
  if (info != NULL) {
    memset(info, 0, sizeof *info);
    g_strlcpy(info->code, mark_code, sizeof info->code);
    info->marked = marked;
    info->dollar = marked && mark_code[0] == '\0';
    info->signed_ = signs > 0;
  }
  return true;
}
