/*
 * numwords.c - amounts written in words (Spanish, English) into cents.
 *
 * The text is folded (sv_fold: case and accents away) and cut
 * into tokens of letters, digits and '/', so "MILLÓN", "millon" and
 * "M.N.)" all reach the grammar the same way.  Each language has a small
 * recursive-descent parser over the tokens: a group 1..999, then the
 * thousands and millions that combine groups, then the currency and cents
 * tail.  Anything left over, or a group in the wrong place, rejects the
 * whole text: the point of reading the words is to cross-check the digits,
 * so a guess would defeat it.
 */
#include "numwords.h"

#include <string.h>

#include "fold.h"

/* --------------------------------------------------------------- tokens */

#define MAX_TOKENS 64

struct toks {
  char **v;   /* owned, NULL-terminated */
  size_t n;
  size_t i;   /* cursor */
};

/* Returns owned tokens of the folded text (free with g_strfreev), or NULL
   when the text is too long or has too many tokens. */
static char **tokenise(const char *text, size_t *count)
{
  char *folded = NULL;
  GPtrArray *out = NULL;
  GString *cur = g_string_new(NULL);

  if (text == NULL || strlen(text) > SV_NUMWORDS_MAX_TEXT)
    goto out;
  folded = sv_fold(text);
  out = g_ptr_array_new();
  for (const char *p = folded;; p++) {
    char ch = *p;
    bool keep = g_ascii_isalnum(ch) || ch == '/';
    if (keep) {
      g_string_append_c(cur, ch);
      continue;
    }
    if (cur->len > 0) {
      g_ptr_array_add(out, g_strdup(cur->str));
      g_string_truncate(cur, 0);
    }
    if (ch == '\0')
      break;
  }
  if (out->len > MAX_TOKENS) {
    g_ptr_array_set_free_func(out, g_free);
    g_ptr_array_free(out, TRUE);
    out = NULL;
    goto out;
  }
  *count = out->len;
  g_ptr_array_add(out, NULL);

out:
  g_free(folded);
  g_string_free(cur, TRUE);
  return out != NULL ? (char **)g_ptr_array_free(out, FALSE) : NULL;
}

static bool toks_open(struct toks *t, const char *text)
{
  t->n = 0;
  t->i = 0;
  t->v = tokenise(text, &t->n);
  return t->v != NULL;
}

static const char *peek(const struct toks *t, size_t ahead)
{
  return t->i + ahead < t->n ? t->v[t->i + ahead] : "";
}

static bool is(const struct toks *t, const char *word)
{
  return strcmp(peek(t, 0), word) == 0;
}

/* Consumes the current token when it is one of words (NULL-terminated). */
static bool accept_any(struct toks *t, const char *const *words)
{
  for (size_t k = 0; words[k] != NULL; k++) {
    if (is(t, words[k])) {
      t->i++;
      return true;
    }
  }
  return false;
}

struct word_value {
  const char *word;
  int value;
};

static int lookup(const struct word_value *table, const char *word)
{
  for (size_t k = 0; table[k].word != NULL; k++)
    if (strcmp(table[k].word, word) == 0)
      return table[k].value;
  return -1;
}

/* "NN/100" with one or two digits: sets *cents. */
static bool cents_token(const char *tok, int *cents)
{
  size_t len = strlen(tok);
  if (len < 5 || len > 6 || strcmp(tok + len - 4, "/100") != 0)
    return false;
  int v = 0;
  for (size_t k = 0; k + 4 < len; k++) {
    if (!g_ascii_isdigit(tok[k]))
      return false;
    v = v * 10 + (tok[k] - '0');
  }
  *cents = v;
  return true;
}

/* -------------------------------------------------------------- Spanish */

static const struct word_value es_units[] = {
  {"un", 1}, {"uno", 1}, {"una", 1}, {"dos", 2}, {"tres", 3},
  {"cuatro", 4}, {"cinco", 5}, {"seis", 6}, {"siete", 7}, {"ocho", 8},
  {"nueve", 9}, {NULL, 0}};

/* Tens that may take "y" + unit (DIEZ Y SEIS and VEINTE Y UNO are the old
   spellings of DIECISÉIS and VEINTIUNO). */
static const struct word_value es_tens[] = {
  {"diez", 10}, {"veinte", 20}, {"treinta", 30}, {"cuarenta", 40},
  {"cincuenta", 50}, {"sesenta", 60}, {"setenta", 70}, {"ochenta", 80},
  {"noventa", 90}, {NULL, 0}};

/* One-word numbers 11..29 that take nothing after them. */
static const struct word_value es_teens[] = {
  {"once", 11}, {"doce", 12}, {"trece", 13}, {"catorce", 14},
  {"quince", 15}, {"dieciseis", 16}, {"diecisiete", 17},
  {"dieciocho", 18}, {"diecinueve", 19}, {"veintiun", 21},
  {"veintiuno", 21}, {"veintiuna", 21}, {"veintidos", 22},
  {"veintitres", 23}, {"veinticuatro", 24}, {"veinticinco", 25},
  {"veintiseis", 26}, {"veintisiete", 27}, {"veintiocho", 28},
  {"veintinueve", 29}, {NULL, 0}};

static const struct word_value es_hundreds[] = {
  {"ciento", 100}, {"doscientos", 200}, {"doscientas", 200},
  {"trescientos", 300}, {"trescientas", 300}, {"cuatrocientos", 400},
  {"cuatrocientas", 400}, {"quinientos", 500}, {"quinientas", 500},
  {"seiscientos", 600}, {"seiscientas", 600}, {"setecientos", 700},
  {"setecientas", 700}, {"ochocientos", 800}, {"ochocientas", 800},
  {"novecientos", 900}, {"novecientas", 900}, {NULL, 0}};

/* 1..99 at the cursor; 0 when nothing there, -1 when malformed. */
static int es_below_hundred(struct toks *t)
{
  int v = lookup(es_teens, peek(t, 0));
  if (v > 0) {
    t->i++;
    return v;
  }
  v = lookup(es_units, peek(t, 0));
  if (v > 0) {
    t->i++;
    return v;
  }
  v = lookup(es_tens, peek(t, 0));
  if (v <= 0)
    return 0;
  t->i++;
  if (is(t, "y")) {
    int u = lookup(es_units, peek(t, 1));
    if (u <= 0)
      return -1;
    t->i += 2;
    v += u;
  }
  return v;
}

/* A group 1..999 at the cursor; 0 when none, -1 when malformed. */
static int es_group(struct toks *t)
{
  if (is(t, "cien")) {
    t->i++;
    return 100;
  }
  int h = lookup(es_hundreds, peek(t, 0));
  if (h > 0)
    t->i++;
  int rest = es_below_hundred(t);
  if (rest < 0)
    return -1;
  if (h == 100 && rest == 0)
    return -1; /* CIENTO needs something after it: CIENTO UNO, not CIENTO */
  return (h > 0 ? h : 0) + rest;
}

/* 1..999,999 at the cursor; 0 when none, -1 when malformed. */
static int64_t es_below_million(struct toks *t)
{
  int a = es_group(t);
  if (a < 0)
    return -1;
  if (!is(t, "mil"))
    return a;
  t->i++;
  int b = es_group(t);
  if (b < 0)
    return -1;
  return (int64_t)(a > 0 ? a : 1) * 1000 + b;
}

static const char *const es_currency[] = {
  "pesos", "peso", "dolares", "dolar", "dlls", "dls", "euros", "euro",
  NULL};
static const char *const es_codes[] = {"mn", "mxn", "usd", "mxp", NULL};

/* The tail: [DE] [currency] [CON|Y] [NN/100] [M.N.|MONEDA NACIONAL|code].
   whole_millions allows DE. */
static bool es_tail(struct toks *t, bool whole_millions, int *cents)
{
  static const char *const with[] = {"con", "y", NULL};
  *cents = 0;
  if (is(t, "de")) {
    if (!whole_millions)
      return false;
    t->i++;
  }
  accept_any(t, es_currency);
  if (accept_any(t, with) && !cents_token(peek(t, 0), cents))
    return false;
  if (cents_token(peek(t, 0), cents))
    t->i++;
  accept_any(t, es_currency);
  if (is(t, "moneda") && strcmp(peek(t, 1), "nacional") == 0)
    t->i += 2;
  else if (is(t, "m") && strcmp(peek(t, 1), "n") == 0)
    t->i += 2;
  else
    accept_any(t, es_codes);
  return t->i == t->n;
}

/* The whole amount in pesos (no cents); -1 when malformed or empty. */
static int64_t es_amount(struct toks *t, bool *whole_millions)
{
  size_t first = t->i;
  int64_t x = es_below_million(t);
  *whole_millions = false;
  if (x < 0)
    return -1;
  if (!is(t, "millon") && !is(t, "millones"))
    return t->i > first && x > 0 ? x : -1;
  /* UN MILLÓN, DOS MILLONES, MIL MILLONES */
  if (x == 0 || (x == 1) != is(t, "millon"))
    return -1;
  t->i++;
  int64_t r = es_below_million(t);
  if (r < 0)
    return -1;
  *whole_millions = r == 0;
  return x * 1000000 + r;
}

bool sv_numwords_parse_es(const char *text, sv_cents *out)
{
  struct toks t;
  bool ok = false;
  bool whole = false;
  int cents = 0;

  if (!toks_open(&t, text))
    return false;
  int64_t pesos = es_amount(&t, &whole);
  if (pesos < 0 || !es_tail(&t, whole, &cents))
    goto out;
  *out = pesos * 100 + cents;
  ok = true;

out:
  g_strfreev(t.v);
  return ok;
}

bool sv_numwords_find_es(const char *text, sv_cents *out, size_t *start,
                         size_t *end)
{
  if (text == NULL)
    return false;
  for (const char *open = strchr(text, '('); open != NULL;
       open = strchr(open + 1, '(')) {
    const char *close = strchr(open + 1, ')');
    if (close == NULL)
      return false;
    if ((size_t)(close - open) > SV_NUMWORDS_MAX_TEXT)
      continue;
    char *inner = g_strndup(open + 1, (gsize)(close - open - 1));
    sv_cents v = 0;
    bool ok = sv_numwords_parse_es(inner, &v);
    g_free(inner);
    if (!ok)
      continue;
    *out = v;
    if (start != NULL)
      *start = (size_t)(open - text);
    if (end != NULL)
      *end = (size_t)(close - text) + 1;
    return true;
  }
  return false;
}

/* -------------------------------------------------------------- English */

static const struct word_value en_units[] = {
  {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5},
  {"six", 6}, {"seven", 7}, {"eight", 8}, {"nine", 9}, {NULL, 0}};

static const struct word_value en_teens[] = {
  {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
  {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17},
  {"eighteen", 18}, {"nineteen", 19}, {NULL, 0}};

static const struct word_value en_tens[] = {
  {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
  {"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
  {NULL, 0}};

static int en_below_hundred(struct toks *t)
{
  int v = lookup(en_teens, peek(t, 0));
  if (v > 0) {
    t->i++;
    return v;
  }
  v = lookup(en_units, peek(t, 0));
  if (v > 0) {
    t->i++;
    return v;
  }
  v = lookup(en_tens, peek(t, 0));
  if (v <= 0)
    return 0;
  t->i++;
  int u = lookup(en_units, peek(t, 0));
  if (u > 0) {
    t->i++;
    v += u;
  }
  return v;
}

/* A group 1..999; 0 when none, -1 when malformed. */
static int en_group(struct toks *t)
{
  int h = 0;
  int u = is(t, "a") ? 1 : lookup(en_units, peek(t, 0));
  if (u > 0 && strcmp(peek(t, 1), "hundred") == 0) {
    h = u * 100;
    t->i += 2;
  }
  int rest = en_below_hundred(t);
  if (rest < 0)
    return -1;
  return h + rest;
}

/* Consumes "<group> <scale>" when present; -1 malformed, 0 absent. */
static int en_scaled(struct toks *t, const char *scale)
{
  size_t save = t->i;
  bool article = is(t, "a");
  int g = en_group(t);
  if (g == 0 && article) {
    t->i++;
    g = 1;
  }
  if (g > 0 && is(t, scale)) {
    t->i++;
    return g;
  }
  t->i = save;
  return 0;
}

bool sv_numwords_parse_en(const char *text, sv_cents *out)
{
  static const char *const dollars[] = {"dollars", "dollar", "usd", NULL};
  struct toks t;
  bool ok = false;
  int cents = 0;

  if (!toks_open(&t, text))
    return false;
  size_t first = t.i;
  int64_t m = en_scaled(&t, "million");
  int64_t k = en_scaled(&t, "thousand");
  int g = en_group(&t);
  if (g < 0 || t.i == first)
    goto out;
  accept_any(&t, dollars);
  if (is(&t, "and") && cents_token(peek(&t, 1), &cents)) {
    t.i += 2;
  } else if (is(&t, "and") && strcmp(peek(&t, 2), "cents") == 0) {
    t.i++;
    cents = en_below_hundred(&t);
    if (cents <= 0 || !is(&t, "cents"))
      goto out;
    t.i++;
  }
  accept_any(&t, dollars);
  if (is(&t, "only"))
    t.i++;
  if (t.i != t.n)
    goto out;
  *out = ((m * 1000000) + (k * 1000) + g) * 100 + cents;
  ok = true;

out:
  g_strfreev(t.v);
  return ok;
}

/* ---------------------------------------------------------- look-alike */

static bool any_number_word(const char *tok)
{
  static const char *const extra[] = {
    "cien", "mil", "millon", "millones", "hundred", "thousand", "million",
    NULL};
  const struct word_value *tables[] = {es_units, es_tens, es_teens,
                                       es_hundreds, en_units, en_teens,
                                       en_tens};
  for (size_t k = 0; k < G_N_ELEMENTS(tables); k++)
    if (lookup(tables[k], tok) > 0)
      return true;
  for (size_t k = 0; extra[k] != NULL; k++)
    if (strcmp(extra[k], tok) == 0)
      return true;
  return false;
}

bool sv_numwords_looks_like_words(const char *text)
{
  static const char *const money[] = {"pesos", "peso", "dolares", "dollars",
                                      "moneda", "euros", NULL};
  struct toks t;
  bool number = false;
  bool currency = false;
  int cents = 0;

  if (!toks_open(&t, text))
    return false;
  for (t.i = 0; t.i < t.n; t.i++) {
    number = number || any_number_word(t.v[t.i]);
    currency = currency || cents_token(t.v[t.i], &cents);
    for (size_t k = 0; money[k] != NULL; k++)
      currency = currency || strcmp(t.v[t.i], money[k]) == 0;
  }
  g_strfreev(t.v);
  return number && currency;
}
