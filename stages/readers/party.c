/*
 * party.c - the account holder and the account number of a statement
 * (see party.h).
 */
#include "party.h"

#include <math.h>
#include <string.h>

#include "../text/fold.h"
#include "vocab.h"

#define MAX_NAME_BYTES 120
#define MAX_NAME_WORDS 8

/* Words that join the names of a person or of joint holders. */
static const char *const joiners[] = {
    "y",   "and", "&",  "y/o", "and/or", "de", "del", "la", "las", "los", "van",
    "von", "der", "da", "dos", "di",     "le", "e",   "o",  "u",   NULL};

static bool in_list(const char *w, const char *const *list)
{
  for (size_t i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp(w, list[i]) == 0)
      return true;
  return false;
}

bool sv_party_is_name(const char *text)
{
  if (text == NULL || strlen(text) > MAX_NAME_BYTES)
    return false;
  char *copy = g_strstrip(g_strdup(text));
  char **w = g_strsplit(copy, " ", -1);
  g_free(copy);
  size_t n = 0, named = 0;
  bool ok = true;
  for (size_t i = 0; w[i] != NULL && ok; i++) {
    if (w[i][0] == '\0')
      continue;
    n++;
    if (in_list(w[i], joiners))
      continue;
    bool letters = false, first = true, upper = false;
    for (const char *p = w[i]; *p != '\0'; p = g_utf8_next_char(p)) {
      gunichar ch = g_utf8_get_char(p);
      if (g_unichar_isalpha(ch)) {
        if (first)
          upper = g_unichar_isupper(ch) || g_unichar_istitle(ch);
        first = false;
        letters = true;
      } else if (ch != '.' && ch != '-' && ch != '\'' && ch != ',' &&
                 ch != 0x2019) {
        ok = false; /* digits, ':', '/', '@' ... */
      }
    }
    if (!letters || !upper) {
      ok = false;
      continue;
    }
    char *k = sv_fold_key(w[i]);
    if (sv_vocab_not_a_name(k))
      ok = false;
    if (g_utf8_strlen(k, -1) >= 2)
      named++;
    g_free(k);
  }
  g_strfreev(w);
  return ok && named >= 2 && n <= MAX_NAME_WORDS;
}

static char *clean_name(const char *text)
{
  char *s = g_strdup(text);
  char *p = s;
  while (*p == ':' || *p == ' ' || *p == '-')
    p++;
  char *out = g_strstrip(g_strdup(p));
  g_free(s);
  size_t n = strlen(out);
  while (n > 0 && (out[n - 1] == ',' || out[n - 1] == ':'))
    out[--n] = '\0';
  return out;
}

/* ------------------------------------------------------------- account */

/* A character of a printed account number: a digit, a dash or a mask. */
static bool account_char(char c)
{
  return g_ascii_isdigit(c) || c == '-' || c == '*' || c == 'X' || c == 'x' ||
         c == '.';
}

char *sv_party_account_of(const char *value)
{
  if (value == NULL)
    return NULL;
  const char *p = value;
  while (*p == ':' || *p == ' ' || *p == '#' || *p == '-')
    p++;
  if (g_ascii_isalpha(p[0]) && g_ascii_isalpha(p[1]) && g_ascii_isdigit(p[2]) &&
      g_ascii_isdigit(p[3])) {
    /* an IBAN ("ES91 2100 0418 4502 0005 1332"): its last 4 digits */
    int n = 0;
    for (const char *q = p; *q != '\0' && (g_ascii_isalnum(*q) || *q == ' ');
         q++)
      n += g_ascii_isalnum(*q) ? 1 : 0;
    if (n < 15 || n > 34)
      return NULL;
    return sv_mask_account(p);
  }
  /* the first run of digits, spaces, dashes and masks ("****5569",
     "XXXX-XXXX-5569", "...5569", "0012 3456 7890") holding digits: the
     x of "Express" or the dot of "Cta." starts a run of none */
  const char *q = p;
  int digits = 0;
  for (; *p != '\0'; p = q) {
    while (*p != '\0' && !account_char(*p))
      p++;
    digits = 0;
    for (q = p; *q != '\0' && (account_char(*q) || *q == ' '); q++)
      digits += g_ascii_isdigit(*q) ? 1 : 0;
    if (digits > 0)
      break;
  }
  if (digits < 4 || digits == 18 || digits > 24)
    return NULL;
  char *num = g_strndup(p, (gsize)(q - p));
  char *masked = sv_mask_account(num);
  g_free(num);
  return masked;
}

/* ------------------------------------------------------------ labelled */

/* The text after a label of cell ci (its own words after the label's
   tokens), or NULL when the label takes the whole cell. */
static char *after_label(const struct sv_layout *l, size_t ci, size_t tokens)
{
  const struct sv_cell *c = sv_layout_cell(l, ci);
  const struct sv_line *ln = sv_layout_line(l, c->line)->ln;
  size_t w = sv_layout_word_after_tokens(ln, c->w0, c->w1, tokens);
  while (w < c->w1 && (strcmp(ln->words[w].text, ":") == 0 ||
                       strcmp(ln->words[w].text, "#") == 0))
    w++;
  return w < c->w1 ? sv_layout_words(ln, w, c->w1) : NULL;
}

static bool skipped(const struct sv_layout *l, size_t ci, const bool *skip)
{
  return skip != NULL && skip[sv_layout_cell(l, ci)->line];
}

static bool in_pages(const struct sv_layout *l, size_t ci, int p0, int p1)
{
  int page = sv_layout_line(l, sv_layout_cell(l, ci)->line)->page;
  return page >= p0 && page <= p1;
}

/* The value of a label at cell ci that accept() takes: in its own cell,
   right of it, or under it.  Returns owned or NULL. */
static char *label_value(const struct sv_layout *l, size_t ci, size_t tokens,
                         char *(*accept)(const char *))
{
  char *v = after_label(l, ci, tokens);
  char *got = v != NULL ? accept(v) : NULL;
  g_free(v);
  if (got != NULL)
    return got;
  long r = sv_layout_right(l, ci);
  if (r >= 0 && (got = accept(sv_layout_cell(l, (size_t)r)->text)) != NULL)
    return got;
  long b = sv_layout_below(l, ci);
  if (b >= 0 && (got = accept(sv_layout_cell(l, (size_t)b)->text)) != NULL)
    return got;
  return NULL;
}

static char *accept_name(const char *text)
{
  char *c = clean_name(text);
  if (sv_party_is_name(c))
    return c;
  g_free(c);
  return NULL;
}

static char *accept_account(const char *text)
{
  return sv_party_account_of(text);
}

/* ------------------------------------------------------ address block */

/* True when a cell reads as the first line of an address: a street number
   or a post code (digits), or a street word. */
static bool address_like(const char *key)
{
  static const char *const street[] = {
      "street",  "st",  "avenue",  "ave",  "road", "rd",    "drive", "dr",
      "lane",    "ln",  "blvd",    "box",  "po",   "suite", "calle", "av",
      "avenida", "col", "colonia", "cp",   "apt",  "way",   "court", "ct",
      "place",   "pl",  "parkway", "pkwy", NULL};
  for (const char *p = key; *p != '\0'; p++)
    if (g_ascii_isdigit(*p))
      return true;
  char **tok = g_strsplit(key, " ", -1);
  bool found = false;
  for (size_t i = 0; tok[i] != NULL && !found; i++)
    found = in_list(tok[i], street);
  g_strfreev(tok);
  return found;
}

static char *address_block_name(const struct sv_layout *l, int page,
                                const bool *skip)
{
  for (size_t ci = 0; ci < sv_layout_ncells(l); ci++) {
    const struct sv_cell *c = sv_layout_cell(l, ci);
    const struct sv_lline *ll = sv_layout_line(l, c->line);
    if (ll->page != page || skipped(l, ci, skip) ||
        (ll->page_height > 0 && ll->ln->box.y0 > 0.5 * ll->page_height))
      continue;
    if (!sv_party_is_name(c->text))
      continue;
    long b = sv_layout_below(l, ci);
    if (b < 0)
      continue;
    const struct sv_cell *a = sv_layout_cell(l, (size_t)b);
    double h = fmax(ll->height, 1.0);
    if (fabs(a->box.x0 - c->box.x0) > 2.0 * h || !address_like(a->key))
      continue;
    return clean_name(c->text);
  }
  return NULL;
}

/* A number printed after "Account", "Acct" or "Cuenta" inside a cell
   ("SHARE DRAFT CHECKING Account ****9985"). */
static char *account_in_cell(const struct sv_cell *c)
{
  static const char *const words[] = {"account", "acct", "cuenta", NULL};
  char **tok = g_strsplit(c->text, " ", -1);
  char *found = NULL;
  for (size_t i = 0; tok[i] != NULL && tok[i + 1] != NULL && found == NULL;
       i++) {
    char *k = sv_fold_key(tok[i]);
    bool is = in_list(k, words);
    g_free(k);
    if (!is)
      continue;
    size_t j = i + 1;
    if (strcmp(tok[j], "#") == 0 || strcmp(tok[j], ":") == 0 ||
        g_ascii_strcasecmp(tok[j], "no.") == 0 ||
        g_ascii_strcasecmp(tok[j], "number") == 0)
      j++;
    if (tok[j] != NULL && (g_ascii_isdigit(tok[j][0]) || tok[j][0] == '*' ||
                           tok[j][0] == 'X' || tok[j][0] == '.'))
      found = sv_party_account_of(tok[j]);
  }
  g_strfreev(tok);
  return found;
}

void sv_party_read(const struct sv_layout *l, int page0, int page1,
                   const bool *skip, char **holder, char **account)
{
  *holder = NULL;
  *account = NULL;
  for (size_t ci = 0; ci < sv_layout_ncells(l); ci++) {
    if (!in_pages(l, ci, page0, page1) || skipped(l, ci, skip))
      continue;
    const struct sv_cell *c = sv_layout_cell(l, ci);
    struct sv_label_match m;
    if (!sv_vocab_label(c->key, &m))
      continue;
    if (m.label == SV_LABEL_HOLDER && *holder == NULL)
      *holder = label_value(l, ci, m.tokens, accept_name);
    else if (m.label == SV_LABEL_ACCOUNT && *account == NULL)
      *account = label_value(l, ci, m.tokens, accept_account);
  }
  if (*holder == NULL)
    *holder = address_block_name(l, page0, skip);
  for (size_t ci = 0; ci < sv_layout_ncells(l) && *account == NULL; ci++)
    if (in_pages(l, ci, page0, page1) && !skipped(l, ci, skip))
      *account = account_in_cell(sv_layout_cell(l, ci));
}
