/*
 * persons.c - the person and the payer of an income document (see
 * persons.h).
 */
#include "persons.h"

#include <string.h>

#include "../text/fold.h"

static GRegex *rx(const char *pattern)
{
  GRegex *r = g_regex_new(pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert(r != NULL); /* the patterns are constants */
  return r;
}

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
   alone in its cell ("RECIPIENT   LETTER DATE", or "Employee:" with
   nothing after it) heads the words printed under it, else the next
   cell.  Returns owned or
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
    if ((!colon || e <= s) &&
        sv_doctext_below(t, (size_t)ls, (size_t)cs, &vs, &ve))
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

/* Whether name ends with a company's legal form ("..., S.A. de C.V.",
   "Inc.", "LLC"): a company, not a person. */
static bool company_name(const char *name)
{
  char **w = g_strsplit(name, " ", -1);
  guint n = g_strv_length(w);
  bool form = n >= 2 && word_in(w[n - 1], company_forms);
  g_strfreev(w);
  return form;
}

/* A company named as the subject of "hace constar": "Agroindustrias del
   Valle, S.A. de C.V. hace constar que ...", at the start of its line or
   sentence.  Returns owned or NULL. */
static char *subject_of_constancia(const struct sv_doctext *t)
{
  GRegex *r = rx("(?:^|\\n|\\. )([^\\n]{3,160}?)\\s+(?:hace|hacen) "
                 "constar");
  GMatchInfo *mi = NULL;
  char *value = NULL;
  g_regex_match(r, sv_doctext_folded(t), 0, &mi);
  while (value == NULL && g_match_info_matches(mi)) {
    gint s = 0, e = 0;
    g_match_info_fetch_pos(mi, 1, &s, &e);
    value = leading_name(t, s, e);
    if (value != NULL && !company_name(value))
      g_clear_pointer(&value, g_free);
    g_match_info_next(mi, NULL);
  }
  g_match_info_free(mi);
  g_regex_unref(r);
  return value;
}

/* The letterhead: the document's first line when it is a company's name
   with its legal form ("Cedar Ridge Analytics, Inc.").  Returns owned or
   NULL. */
static char *letterhead(const struct sv_doctext *t)
{
  const char *f = sv_doctext_folded(t);
  const char *nl = strchr(f, '\n');
  gint e = nl != NULL ? (gint)(nl - f) : (gint)strlen(f);
  char *value = e > 0 ? leading_name(t, 0, e) : NULL;
  if (value != NULL && !company_name(value))
    g_clear_pointer(&value, g_free);
  return value;
}

void sv_persons_read(const struct sv_doctext *t, char **person, char **payer)
{
  *person = label_value(
      t, "employee(?: name)?|recipient|beneficiary|pensioner|retiree|"
         "claimant|name|nombre(?: del (?:trabajador|empleado|pensionado|"
         "beneficiario))?|trabajador|empleado|beneficiario|pensionado");
  if (*person == NULL)
    *person = after_phrase(
        t, "certify that|confirm that|certifies that|confirms that|"
           "verification (?:letter )?for|"
           "(?:hace|hacemos) constar que(?: el| la)?(?: \\(la\\))?"
           "(?: c\\.)?|"
           "certifica que(?: el| la)?(?: \\(la\\))?(?: c\\.)?|"
           "se hace constar que(?: el| la)?(?: \\(la\\))?(?: c\\.)?");
  *payer = label_value(t, "employer(?: name)?|company(?: name)?|payer|"
                              "issuer|nombre de la empresa|"
                              "empresa|patron|razon social|pagador|"
                              "institucion");
  if (*payer == NULL)
    *payer = after_phrase(
        t, "employed (?:by|at|with)|works (?:for|at)|"
           "(?:has )?worked (?:for|at)|working (?:for|at)|"
           "(?:benefits?|pension|annuity|payments?) (?:from|paid by)|"
           "por medio de la presente,?|"
           "presta sus servicios (?:en|para)|labora (?:en|para)|"
           "trabaja (?:en|para)");
  if (*payer == NULL)
    *payer = subject_of_constancia(t);
  if (*payer == NULL)
    *payer = letterhead(t);
}
