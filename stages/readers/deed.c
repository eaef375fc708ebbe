/*
 * deed.c - reading deeds and investment documents (see deed.h).
 *
 * Everything is found by regular expressions over the folded text of the
 * document (stages/doctext.h) and mapped back to the printed words for
 * names and to word boxes for figures.  Each part (values, owners, notary,
 * date) is a small independent pass; a document where none of them finds
 * anything gives no deed at all.
 */
#include "deed.h"

#include <string.h>

#include "../text/amount.h"
#include "../text/dates.h"
#include "../text/doctext.h"
#include "../text/names.h"
#include "../text/numwords.h"

/* How far back (bytes of folded text) the words naming an amount may be. */
#define KIND_WINDOW 140

static GRegex *rx(const char *pattern)
{
  GRegex *r = g_regex_new(pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert(r != NULL); /* the patterns are constants */
  return r;
}

/* Counts the matches of pattern in text. */
static int count_matches(const char *text, const char *pattern)
{
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  int n = 0;
  g_regex_match(r, text, 0, &mi);
  while (g_match_info_matches(mi)) {
    n++;
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  return n;
}

/* ------------------------------------------------------------- values */

static const char *const investment_words =
    "capital social|acciones|aportacion|inversion|partes sociales|"
    "accionista";

/* The kind named by the words just before an amount; false when none. */
static bool kind_before(const char *text, size_t at, enum sv_value_kind *kind)
{
  static const struct {
    const char *pattern;
    enum sv_value_kind kind;
  } kinds[] = {
    {"avaluo", SV_VALUE_APPRAISAL},
    {"catastral", SV_VALUE_CADASTRAL},
    {"capital social|acciones|aportacion|inversion|partes sociales",
     SV_VALUE_INVESTMENT},
    {"precio|valor de (?:la )?operacion|contraprestacion|monto de la "
     "operacion|valor comercial",
     SV_VALUE_PRICE},
  };
  size_t from = at > KIND_WINDOW ? at - KIND_WINDOW : 0;
  char *window = g_strndup(text + from, at - from);
  gint best = -1;
  for (size_t k = 0; k < G_N_ELEMENTS(kinds); k++) {
    GRegex *r = rx(kinds[k].pattern);
    GMatchInfo *mi = NULL;
    g_regex_match(r, window, 0, &mi);
    while (g_match_info_matches(mi)) {
      gint s = 0, e = 0;
      g_match_info_fetch_pos(mi, 0, &s, &e);
      if (s > best) {
        best = s;
        *kind = kinds[k].kind;
      }
      g_match_info_next(mi, NULL);
    }
    g_match_info_free(mi);
    g_regex_unref(r);
  }
  g_free(window);
  return best >= 0;
}

/* The parenthesised words right after an amount (text + at), if any:
   sets has_words / words_amount. */
static void words_after(const char *text, size_t at, struct sv_stated_value *v)
{
  const char *p = text + at;
  while (*p == ' ' || *p == '\n' || *p == ',')
    p++;
  if (*p != '(')
    return;
  const char *close = strchr(p, ')');
  if (close == NULL || close - p > SV_NUMWORDS_MAX_TEXT)
    return;
  char *inner = g_strndup(p + 1, (gsize)(close - p - 1));
  sv_cents w = 0;
  if (sv_numwords_parse_es(inner, &w)) {
    v->has_words = true;
    v->words_amount = w;
  } else if (sv_numwords_looks_like_words(inner)) {
    v->has_words = true; /* words printed but not a well-formed number */
  }
  g_free(inner);
}

static void currency_of(const char *text, size_t end, char currency[4])
{
  size_t len = strlen(text + end);
  char *after = g_strndup(text + end, len < 160 ? len : 160);
  bool usd = strstr(after, "dolares") != NULL ||
             strstr(after, "dollars") != NULL ||
             strstr(after, "moneda de curso legal en los estados") != NULL;
  g_strlcpy(currency, usd ? "USD" : "MXN", 4);
  g_free(after);
}

static bool same_value(const GArray *values, const struct sv_stated_value *v)
{
  for (guint k = 0; k < values->len; k++) {
    const struct sv_stated_value *o =
        &g_array_index(values, struct sv_stated_value, k);
    if (o->kind == v->kind && o->figure.amount == v->figure.amount)
      return true;
  }
  return false;
}

/* True when the amount at [s, e) is the price of one share, not an
   investment: "con valor nominal de $1,000.00 cada una", "$50.00 por
   acción". */
static bool per_share(const char *text, gint s, gint e)
{
  gint from = s > 40 ? s - 40 : 0;
  char *before = g_strndup(text + from, (gsize)(s - from));
  size_t rest = strlen(text + e);
  char *after = g_strndup(text + e, rest < 200 ? rest : 200);
  bool nominal =
      count_matches(before, "valor (?:nominal|unitario)(?: de)?\\s*$") > 0 ||
      count_matches(after, "^\\s*(?:\\([^)]*\\)\\s*)?,?\\s*(?:cada (?:una|uno|"
                           "accion|parte social)|por (?:cada )?(?:accion|"
                           "parte social))\\b") > 0;
  g_free(before);
  g_free(after);
  return nominal;
}

/* One amount in digits at [s, e) of the folded text. */
static void read_value(const struct sv_doctext *t, struct sv_deed *d,
                       gint s, gint e)
{
  const char *text = sv_doctext_folded(t);
  struct sv_stated_value v;
  memset(&v, 0, sizeof v);
  char *digits = g_ascii_strup(text + s, e - s);
  bool parsed = sv_amount_parse(digits, &v.figure.amount);
  g_free(digits);
  if (!parsed || v.figure.amount <= 0 ||
      !kind_before(text, (size_t)s, &v.kind) ||
      (v.kind == SV_VALUE_INVESTMENT && per_share(text, s, e)))
    return;
  sv_doctext_figure(t, (size_t)s, (size_t)e, &v.figure);
  words_after(text, (size_t)e, &v);
  v.words_agree = v.has_words && v.words_amount == v.figure.amount;
  currency_of(text, (size_t)e, v.currency);
  if (!same_value(d->values, &v))
    g_array_append_val(d->values, v);
}

static void read_values(const struct sv_doctext *t, struct sv_deed *d)
{
  GRegex *r = rx("(?:us)?\\$ ?\\d{1,3}(?:,\\d{3})*(?:\\.\\d{2})?"
                 "|\\b\\d{1,3}(?:,\\d{3})+\\.\\d{2}\\b");
  GMatchInfo *mi = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 0, &s, &e);
    read_value(t, d, s, e);
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
}

/* ------------------------------------------------------------- owners */

static bool starts_upper(const char *word)
{
  gunichar c = g_utf8_get_char_validated(word, -1);
  return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isupper(c);
}

/* The trailing run of capitalised printed words of [s, e): the name in
   "... y JORGE LUIS PÉREZ HERNÁNDEZ".  Returns owned or NULL. */
static char *trailing_name(const struct sv_doctext *t, gint s, gint e)
{
  char *orig = sv_doctext_original(t, (size_t)s, (size_t)e);
  char **w = g_strsplit(orig, " ", -1);
  guint n = g_strv_length(w);
  guint first = n;
  while (first > 0 && starts_upper(w[first - 1]) &&
         strpbrk(w[first - 1], "()\u201c\u201d\"") == NULL)
    first--;
  char *name = NULL;
  if (n - first >= 2 && n - first <= 8)
    name = g_strjoinv(" ", w + first);
  if (name != NULL)
    g_strstrip(g_strdelimit(name, ",;:", ' '));
  g_strfreev(w);
  g_free(orig);
  return name;
}

static void add_owner(struct sv_deed *d, char *name)
{
  if (name == NULL)
    return;
  for (guint k = 0; k < d->owners->len; k++)
    if (sv_names_match(g_ptr_array_index(d->owners, k), name, NULL) ==
        SV_NAME_MATCH) {
      g_free(name);
      return;
    }
  g_ptr_array_add(d->owners, name);
}

#define BUYER "(?:la\\s+)?(?:parte\\s+)?(?:comprador[a]?|adquirente|" \
              "cesionari[oa]|titular|accionista|socio)"

/* "JORGE LUIS PÉREZ HERNÁNDEZ (en lo sucesivo, “EL COMPRADOR”)". */
static void owners_before_alias(const struct sv_doctext *t, struct sv_deed *d)
{
  GRegex *r = rx("((?:[^\\s()]+\\s+){2,9}?)\\(?(?:en\\s+lo\\s+sucesivo|"
                 "en\\s+adelante|a\\s+quien\\s+(?:en\\s+lo\\s+sucesivo\\s+)?"
                 "se\\s+le\\s+(?:denominara|designara))[^)]{0,40}?\\W" BUYER
                 "\\b");
  GMatchInfo *mi = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 1, &s, &e);
    add_owner(d, trailing_name(t, s, e));
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
}

/* "ALEJANDRO TORRES VILLANUEVA, como LA PARTE COMPRADORA", "..., en su
   carácter de adquirente": the capitalised name before the role. */
static void owners_before_role(const struct sv_doctext *t, struct sv_deed *d)
{
  GRegex *r = rx("((?:[^\\s()]+\\s+){2,9}?)(?:como|en\\s+su\\s+caracter\\s+"
                 "de)\\s+" BUYER "\\b");
  GMatchInfo *mi = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 1, &s, &e);
    add_owner(d, trailing_name(t, s, e));
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
}

/* The leading run (2..8) of capitalised printed words of [s, e): the name
   in "JORGE ÁLVAREZ OCHOA suscribe y paga"; it ends at a lower-case word,
   before a word opening a parenthesis or quote, and after a word closing
   with punctuation (dropped).  Returns owned or NULL. */
static char *leading_name(const struct sv_doctext *t, gint s, gint e)
{
  char *orig = sv_doctext_original(t, (size_t)s, (size_t)e);
  char **w = g_strsplit(orig, " ", -1);
  guint n = 0;
  bool closed = false;
  while (w[n] != NULL && n < 9 && !closed && starts_upper(w[n])) {
    size_t len = strlen(w[n]);
    closed = len > 0 && strchr(",;:.)", w[n][len - 1]) != NULL;
    n++;
  }
  char *name = NULL;
  if (n >= 2 && n <= 8) {
    char *last = w[n];
    w[n] = NULL;
    name = g_strjoinv(" ", w);
    w[n] = last;
    g_strstrip(g_strdelimit(name, ",;:.)", ' '));
  }
  g_strfreev(w);
  g_free(orig);
  return name;
}

/* How far (folded bytes) a name after its role may run. */
#define NAME_WINDOW 120

/* "El accionista JORGE ÁLVAREZ OCHOA suscribe ...", "la compradora MARÍA
   ...": the role, then the name on the same line (a role alone at the end
   of its line heads a signature, see owners_under_signature), carried over
   a wrapped line. */
static void owners_after_role(const struct sv_doctext *t, struct sv_deed *d)
{
  GRegex *r = rx("\\b(?:el|la|al|del)\\s+(?:parte\\s+)?(?:comprador[a]?|"
                 "adquirente|cesionari[oa]|titular|accionista|socio)"
                 " (?=[^\\s])");
  GMatchInfo *mi = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 0, &s, &e);
    size_t end = sv_doctext_run_end(t, (size_t)e, NAME_WINDOW);
    add_owner(d, leading_name(t, e, (gint)end));
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
}

/* "Comprador: JORGE LUIS ...", "Accionista: ..." up to the end of the
   cell. */
static void owners_after_label(const struct sv_doctext *t, struct sv_deed *d)
{
  GRegex *r = rx("(?:^|\\s)" BUYER "s?\\s*:\\s*([^\\n,;]+?)(?:   |\\n|,|;|$)");
  GMatchInfo *mi = NULL;
  g_regex_match(r, sv_doctext_folded(t), G_REGEX_MATCH_NOTEMPTY, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 1, &s, &e);
    char *name = sv_doctext_original(t, (size_t)s, (size_t)e);
    if (g_strstrip(name)[0] != '\0' && strchr(name, '_') == NULL)
      add_owner(d, name);
    else
      g_free(name);
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
}

/* The signature block: the name printed under “EL COMPRADOR”. */
static void owners_under_signature(const struct sv_doctext *t,
                                   struct sv_deed *d)
{
  GRegex *r = rx("(?:^|   )\\W?(?:el |la )" BUYER "\\W?(?=   |\\n|$)");
  GMatchInfo *mi = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    size_t vs = 0, ve = 0;
    g_match_info_fetch_pos(mi, 0, &s, &e);
    if (sv_doctext_below(t, (size_t)s, (size_t)e, &vs, &ve))
      add_owner(d, trailing_name(t, (gint)vs, (gint)ve));
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
}

/* ------------------------------------------------------ notary, date */

/* Group 1 of each pattern is the notary's name; the last has none. */
static const char *const notary_patterns[] = {
  /* "Licenciado X, Notario Público número 3", "Lic. X, titular de la
     Notaría Pública número 3" */
  "\\blic(?:enciad[oa])?\\.?\\s+((?:[a-z]+,?\\s+){1,5}?)(?:titular\\s+de\\s+"
  "la\\s+)?notari[oa](?:\\(a\\))?\\s+public[oa]\\s+(?:numero|num\\.?|"
  "no\\.?|n°)\\s*\\d+",
  /* "Notario(a) Lic. X (No. 12)" */
  "notari[oa](?:\\(a\\))?\\s+lic(?:enciad[oa])?\\.?\\s+((?:[a-z]+\\s+){1,5}?)"
  "\\(?(?:numero|num\\.?|no\\.?)\\s*\\d+\\)?",
  /* "Lic. X, titular de la Notaría número 3" */
  "\\blic(?:enciad[oa])?\\.?\\s+((?:[a-z]+,?\\s+){1,5}?)(?:titular\\s+de\\s+"
  "la\\s+)?notaria\\s+(?:publica\\s+)?(?:numero|num\\.?|no\\.?)\\s*\\d+",
  /* "Notario Público número 3" with no name */
  "notari[oa](?:\\(a\\))?\\s+publico\\s+(?:numero|num\\.?|no\\.?|n°)\\s*"
  "\\d+",
};

/* The notary: the name as printed, without "Lic." / "Licenciado" and
   without "Notario Público número N"; only when no pattern gives a name,
   the bare "Notario Público número N" as printed. */
static void read_notary(const struct sv_doctext *t, struct sv_deed *d)
{
  const char *text = sv_doctext_folded(t);
  for (size_t k = 0; k < G_N_ELEMENTS(notary_patterns) && d->notary == NULL;
       k++) {
    GRegex *r = rx(notary_patterns[k]);
    GMatchInfo *mi = NULL;
    if (g_regex_match(r, text, 0, &mi)) {
      gint s = -1, e = -1;
      if (g_match_info_get_match_count(mi) < 2 ||
          !g_match_info_fetch_pos(mi, 1, &s, &e) || s < 0 || e <= s)
        g_match_info_fetch_pos(mi, 0, &s, &e);
      d->notary = sv_doctext_original(t, (size_t)s, (size_t)e);
      g_strstrip(g_strdelimit(d->notary, ",;:", ' '));
      if (d->notary[0] == '\0')
        g_clear_pointer(&d->notary, g_free);
    }
    g_match_info_free(mi);
    g_regex_unref(r);
  }
}

/* How much a date at `at` looks like the deed's own date. */
static int date_score(const char *text, gint at, bool signing_form)
{
  gint from = at > 80 ? at - 80 : 0;
  char *before = g_strndup(text + from, (gsize)(at - from));
  int score = signing_form ? 3 : 0;
  if (count_matches(before, "firma|otorga|lugar y fecha|en la ciudad de|"
                            "fecha de (?:la )?(?:escritura|firma)") > 0)
    score += 2;
  /* a birth date, or the date of an earlier deed ("Escritura No. 15432
     de fecha 10 de junio de 2023") */
  if (count_matches(before, "(?:nacimiento|naci(?:d[oa]|o)|constituida)"
                            "[^.;]{0,40}$") > 0 ||
      count_matches(before, "(?:escritura|instrumento|poliza)\\s+(?:no\\.?|"
                            "numero)\\s*[\\d,.]+\\s+de\\s+fecha\\s*$") > 0)
    score -= 3;
  g_free(before);
  return score;
}

static void read_date(const struct sv_doctext *t, struct sv_deed *d)
{
  char *pattern = g_strdup_printf(
      "(a los )?(\\d{1,2})(?: (?!de\\b)[a-z]+){0,2} (?:dias )?(?:del mes )?de "
      "(%s) (?:de |del )?(?:ano )?(\\d{4})",
      sv_month_pattern());
  GRegex *r = rx(pattern);
  GMatchInfo *mi = NULL;
  const char *text = sv_doctext_folded(t);
  int best = -100;
  g_regex_match(r, text, 0, &mi);
  while (g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 0, &s, &e);
    char *day = g_match_info_fetch(mi, 2);
    char *mon = g_match_info_fetch(mi, 3);
    char *year = g_match_info_fetch(mi, 4);
    char *form = g_match_info_fetch(mi, 1);
    guint64 dd = g_ascii_strtoull(day, NULL, 10);
    guint64 yy = g_ascii_strtoull(year, NULL, 10);
    int mm = sv_month_of(mon);
    int score = date_score(text, s, form != NULL && form[0] != '\0');
    if (mm > 0 && yy >= 1900 && yy <= 2200 &&
        g_date_valid_dmy((GDateDay)dd, (GDateMonth)mm, (GDateYear)yy) &&
        score > best) {
      best = score;
      g_date_set_dmy(&d->date, (GDateDay)dd, (GDateMonth)mm, (GDateYear)yy);
    }
    g_free(day);
    g_free(mon);
    g_free(year);
    g_free(form);
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  g_free(pattern);
}

/* ------------------------------------------------------------- reading */

bool sv_deed_read(struct sv_doc *doc)
{
  struct sv_doctext *t = NULL;
  struct sv_deed *d = NULL;
  bool ok = false;

  sv_deed_free(&doc->deed);
  t = sv_doctext_new(doc);
  const char *text = sv_doctext_folded(t);
  if (text[0] == '\0')
    goto out;
  d = sv_deed_new();
  read_values(t, d);
  owners_before_alias(t, d);
  owners_before_role(t, d);
  owners_after_role(t, d);
  owners_after_label(t, d);
  owners_under_signature(t, d);
  read_notary(t, d);
  read_date(t, d);
  d->investment =
      count_matches(text, investment_words) >
      count_matches(text, "inmueble|predio|terreno|casa habitacion|vivienda|"
                          "departamento|lote");
  ok = d->values->len > 0 || d->owners->len > 0 || d->notary != NULL ||
       g_date_valid(&d->date);
  if (ok) {
    doc->deed = d;
    d = NULL;
  }

out:
  sv_deed_free(&d);
  sv_doctext_free(&t);
  return ok;
}
