/*
 * usstatus.c - US immigration status documents (see usstatus.h).
 */
#include "usstatus.h"

#include <string.h>

#include "../text/fold.h"
#include "../text/dates.h"
#include "../text/layout.h"
#include "../text/names.h"
#include "../text/visaclass.h"
#include "mrz.h"

/* ---------------------------------------------------------------- dates */

struct dtok {
  bool num;
  int value;  /* num: its value */
  int ndig;   /* num: how many digits */
  int month;  /* a month name: 1..12, else 0 */
};

/* Splits folded text into runs of digits and runs of letters (a run of
   letters touching digits is its own token: "15jan2024"). */
static GArray *date_tokens(const char *folded)
{
  GArray *t = g_array_new(FALSE, TRUE, sizeof(struct dtok));
  const char *p = folded;
  while (*p != '\0') {
    if (g_ascii_isdigit(*p)) {
      const char *s = p;
      while (g_ascii_isdigit(*p))
        p++;
      struct dtok d = {.num = true, .ndig = (int)(p - s)};
      d.value = d.ndig <= 8 ? (int)g_ascii_strtoll(s, NULL, 10) : -1;
      g_array_append_val(t, d);
    } else if (g_ascii_isalpha(*p)) {
      const char *s = p;
      while (g_ascii_isalpha(*p))
        p++;
      char *w = g_strndup(s, (size_t)(p - s));
      struct dtok d = {.num = false, .month = sv_month_of(w)};
      g_free(w);
      g_array_append_val(t, d);
    } else {
      p++;
    }
  }
  return t;
}

static bool is_num(const struct dtok *d, int lo_dig, int hi_dig)
{
  return d->num && d->ndig >= lo_dig && d->ndig <= hi_dig && d->value >= 0;
}

bool sv_usstatus_date(const char *text, int nth, GDate *out)
{
  if (text == NULL || nth < 0)
    return false;
  char *folded = sv_fold(text);
  GArray *t = date_tokens(folded);
  g_free(folded);
  int found = -1;
  for (guint i = 0; i + 2 < t->len; i++) {
    const struct dtok *a = &g_array_index(t, struct dtok, i),
                      *b = &g_array_index(t, struct dtok, i + 1),
                      *c = &g_array_index(t, struct dtok, i + 2);
    int d = 0, m = 0, y = 0;
    if (is_num(a, 4, 4) && b->month > 0 && is_num(c, 1, 2)) {
      y = a->value; /* 2024 March 15 */
      m = b->month;
      d = c->value;
    } else if (is_num(a, 1, 2) && b->month > 0 && is_num(c, 4, 4)) {
      d = a->value; /* 15 JAN 2024, 15JAN2024 */
      m = b->month;
      y = c->value;
    } else if (a->month > 0 && is_num(b, 1, 2) && is_num(c, 4, 4)) {
      m = a->month; /* January 15, 2025 */
      d = b->value;
      y = c->value;
    } else if (is_num(a, 1, 2) && is_num(b, 1, 2) && is_num(c, 4, 4)) {
      /* US forms print month/day; a first number over 12 is a day */
      m = a->value <= 12 ? a->value : b->value;
      d = a->value <= 12 ? b->value : a->value;
      y = c->value;
    } else if (is_num(a, 4, 4) && is_num(b, 1, 2) && is_num(c, 1, 2)) {
      y = a->value; /* 2024-03-15 */
      m = b->value;
      d = c->value;
    } else {
      continue;
    }
    GDate g;
    if (!sv_date_make(d, m, y, &g))
      continue;
    if (++found == nth) {
      *out = g;
      g_array_free(t, TRUE);
      return true;
    }
    i += 2;
  }
  g_array_free(t, TRUE);
  return false;
}

/* ----------------------------------------------------------------- forms */

bool sv_usstatus_form(const char *tokens, enum sv_us_form *out)
{
  if (tokens == NULL)
    return false;
#define HAS(p) sv_fold_has_phrase(tokens, p)
  if (HAS("visa type class") || HAS("visa type") || HAS("issuing post name") ||
      HAS("issuing post") || (HAS("visa") && HAS("control number")))
    *out = SV_US_FORM_VISA;
  else if (HAS("notice of action") || HAS("i 797") || HAS("i 797a") ||
           HAS("i 797c") || HAS("i 797b") ||
           (HAS("approval notice") && HAS("receipt number")))
    *out = SV_US_FORM_I797;
  else if (HAS("admit until") || HAS("admit until date") ||
           HAS("class of admission") || HAS("admission i 94 record number") ||
           HAS("i 94 record number"))
    *out = SV_US_FORM_I94;
  else if (HAS("employment authorization") &&
           (HAS("card expires") || HAS("category") || HAS("uscis") ||
            HAS("not valid for reentry")))
    *out = SV_US_FORM_EAD;
  else
    return false;
#undef HAS
  return true;
}

/* ---------------------------------------------------------------- labels */

enum field {
  F_NAME = 0, /* the whole name */
  F_SURNAME,
  F_GIVEN,
  F_CATEGORY,
  F_FROM,
  F_UNTIL,
  F_NUMBER,
  F_POST,
  F_OTHER, /* a label of a field not read: never a value */
  F_COUNT
};

#define ALL 0xf
#define I797 (1 << SV_US_FORM_I797)
#define I94 (1 << SV_US_FORM_I94)
#define EAD (1 << SV_US_FORM_EAD)
#define VISA (1 << SV_US_FORM_VISA)

struct label {
  enum field field;
  int forms;        /* mask of the forms that print it */
  const char *key;  /* folded tokens */
  int nth;          /* dates: which date of the value */
  bool weak;        /* too common a word to rule out a value */
};

/* In priority order within a field: the first label whose value reads
   gives the field. */
static const struct label labels[] = {
    {F_NAME, I797, "beneficiary", 0, false},
    {F_NAME, I797, "beneficiary name", 0, false},
    {F_NAME, I797, "name of beneficiary", 0, false},
    {F_NAME, I797 | I94 | EAD, "applicant", 0, false},
    {F_NAME, I797 | I94 | EAD, "applicant name", 0, false},
    {F_NAME, ALL, "full name", 0, false},
    {F_NAME, ALL, "name", 0, false},
    {F_NAME, ALL, "holder", 0, false},
    {F_SURNAME, ALL, "last surname", 0, false},
    {F_SURNAME, ALL, "surname", 0, false},
    {F_SURNAME, ALL, "surnames", 0, false},
    {F_SURNAME, ALL, "last name", 0, false},
    {F_SURNAME, ALL, "family name", 0, false},
    {F_GIVEN, ALL, "first given name", 0, false},
    {F_GIVEN, ALL, "given names", 0, false},
    {F_GIVEN, ALL, "given name", 0, false},
    {F_GIVEN, ALL, "first name", 0, false},
    {F_GIVEN, ALL, "first names", 0, false},

    {F_CATEGORY, VISA, "visa type class", 0, false},
    {F_CATEGORY, VISA, "type class", 0, false},
    {F_CATEGORY, VISA, "visa class", 0, false},
    {F_CATEGORY, VISA, "visa type", 0, false},
    {F_CATEGORY, I94, "class of admission", 0, false},
    {F_CATEGORY, I94, "admission class", 0, false},
    {F_CATEGORY, I797, "classification", 0, false},
    {F_CATEGORY, I797, "class requested", 0, false},
    {F_CATEGORY, I797, "requested classification", 0, false},
    {F_CATEGORY, I797, "nonimmigrant classification", 0, false},
    {F_CATEGORY, I797, "visa classification", 0, false},
    {F_CATEGORY, I797 | I94 | VISA, "class", 0, false},
    {F_CATEGORY, EAD, "category", 0, false},
    {F_CATEGORY, EAD, "eligibility category", 0, false},

    {F_FROM, I797 | EAD, "valid from", 0, false},
    {F_FROM, I797, "validity dates", 0, false},
    {F_FROM, I797, "validity dates from", 0, false},
    {F_FROM, I797, "validity period", 0, false},
    {F_FROM, I797, "validity", 0, false},
    {F_FROM, I94, "most recent date of entry", 0, false},
    {F_FROM, I94, "date of entry", 0, false},
    {F_FROM, I94, "entry date", 0, false},
    {F_FROM, I94, "date of admission", 0, false},
    {F_FROM, I94, "admission date", 0, false},
    {F_FROM, VISA, "issue date", 0, false},
    {F_FROM, VISA, "date of issue", 0, false},
    {F_FROM, VISA, "issued on", 0, false},

    {F_UNTIL, I94, "admit until date", 0, false},
    {F_UNTIL, I94, "admit until", 0, false},
    {F_UNTIL, I94, "admitted until", 0, false},
    {F_UNTIL, EAD, "card expires", 0, false},
    {F_UNTIL, VISA | EAD, "expiration date", 0, false},
    {F_UNTIL, VISA | EAD, "date of expiration", 0, false},
    {F_UNTIL, VISA | EAD, "expiry date", 0, false},
    {F_UNTIL, VISA | EAD, "expires", 0, false},
    {F_UNTIL, VISA | EAD, "expires on", 0, false},
    {F_UNTIL, I797 | EAD, "valid to", 0, false},
    {F_UNTIL, I797 | EAD, "valid until", 0, false},
    {F_UNTIL, I797 | EAD, "valid through", 0, false},
    {F_UNTIL, I797, "valid from", 1, false},
    {F_UNTIL, I797, "validity dates", 1, false},
    {F_UNTIL, I797, "validity dates from", 1, false},
    {F_UNTIL, I797, "validity period", 1, false},
    {F_UNTIL, I797, "validity", 1, false},
    {F_UNTIL, I797, "to", 0, true},
    {F_UNTIL, I797, "through", 0, true},
    {F_UNTIL, I797, "until", 0, true},

    {F_NUMBER, I797, "receipt number", 0, false},
    {F_NUMBER, I797, "receipt no", 0, false},
    {F_NUMBER, I797, "receipt", 0, false},
    {F_NUMBER, I94, "admission i 94 record number", 0, false},
    {F_NUMBER, I94, "i 94 record number", 0, false},
    {F_NUMBER, I94, "admission record number", 0, false},
    {F_NUMBER, I94, "i 94 number", 0, false},
    {F_NUMBER, I94, "record number", 0, false},
    {F_NUMBER, I94, "admission number", 0, false},
    {F_NUMBER, EAD, "uscis", 0, false},
    {F_NUMBER, EAD, "uscis number", 0, false},
    {F_NUMBER, EAD, "uscis no", 0, false},
    {F_NUMBER, EAD, "a number", 0, false},
    {F_NUMBER, EAD, "alien number", 0, false},
    {F_NUMBER, VISA, "control number", 0, false},
    {F_NUMBER, VISA, "control no", 0, false},

    {F_POST, VISA, "issuing post name", 0, false},
    {F_POST, VISA, "issuing post", 0, false},
    {F_POST, VISA, "issuing office", 0, false},

    /* labels of what is not read: never taken as a value */
    {F_OTHER, ALL, "sex", 0, false},
    {F_OTHER, ALL, "gender", 0, false},
    {F_OTHER, ALL, "nationality", 0, false},
    {F_OTHER, ALL, "birth date", 0, false},
    {F_OTHER, ALL, "date of birth", 0, false},
    {F_OTHER, ALL, "country of birth", 0, false},
    {F_OTHER, ALL, "country of citizenship", 0, false},
    {F_OTHER, ALL, "country of issuance", 0, false},
    {F_OTHER, ALL, "passport number", 0, false},
    {F_OTHER, ALL, "passport", 0, false},
    {F_OTHER, ALL, "entries", 0, false},
    {F_OTHER, ALL, "annotation", 0, false},
    {F_OTHER, ALL, "card", 0, false},
    {F_OTHER, ALL, "terms and conditions", 0, false},
    {F_OTHER, ALL, "petitioner", 0, false},
    {F_OTHER, ALL, "case type", 0, false},
    {F_OTHER, ALL, "notice date", 0, false},
    {F_OTHER, ALL, "notice type", 0, false},
    {F_OTHER, ALL, "received date", 0, false},
    {F_OTHER, ALL, "receipt date", 0, false},
    {F_OTHER, ALL, "priority date", 0, false},
    {F_OTHER, ALL, "page", 0, false},
    {F_OTHER, ALL, "employer", 0, false},
};

/* Whether key is label (tokens) or starts with it. */
static bool key_starts(const char *key, const char *label)
{
  size_t n = strlen(label);
  return strncmp(key, label, n) == 0 && (key[n] == '\0' || key[n] == ' ');
}

/* Whether key starts with label as OCR may have misread it: its first as
   many tokens as the label has are at most one edit in five characters
   away from it (labels of 8 characters or more: "Vahd From" is "Valid
   From", "(1-94)" is "(I-94)").  Returns the tokens it takes, 0 when it
   does not. */
static size_t key_starts_fuzzy(const char *key, const char *label)
{
  size_t nl = strlen(label);
  if (nl < 8)
    return 0;
  size_t want = 1;
  for (const char *p = label; *p != '\0'; p++)
    want += *p == ' ';
  size_t tokens = 0, end = 0;
  while (key[end] != '\0') {
    if (key[end] == ' ' && ++tokens == want)
      break;
    end++;
  }
  if (key[end] == '\0')
    tokens++;
  if (tokens < want)
    return 0;
  return sv_fold_edits(key, end, label, nl) <= nl / 5 ? want : 0;
}

static size_t ntokens(const char *label)
{
  size_t n = 1;
  for (const char *p = label; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* Whether a cell is a label of the form (its whole key, or a label and a
   colon-free rest that is itself a label: "Surname   Given Name"). */
static bool is_label_cell(const struct sv_cell *c, int form_bit)
{
  size_t len = c->text != NULL ? strlen(c->text) : 0;
  if (len == 0 || c->key == NULL)
    return false;
  for (size_t i = 0; i < G_N_ELEMENTS(labels); i++) {
    if (labels[i].weak || !(labels[i].forms & form_bit))
      continue;
    if (strcmp(c->key, labels[i].key) == 0)
      return true;
    /* "Surname:" alone, "Date of Birth (mm/dd/yyyy)" */
    if (key_starts(c->key, labels[i].key) &&
        strchr(c->text, ':') == NULL && c->text[len - 1] != ':' &&
        labels[i].field != F_NAME && labels[i].field != F_OTHER) {
      const char *rest = c->key + strlen(labels[i].key) + 1;
      if (!g_ascii_isdigit(rest[0]) && strlen(rest) <= 12 &&
          labels[i].field != F_CATEGORY && labels[i].field != F_POST &&
          labels[i].field != F_NUMBER)
        return true;
    }
  }
  return false;
}

/* --------------------------------------------------------------- values */

/* Returns owned: text with runs of spaces made one and ends trimmed, and
   trailing punctuation (",", ".", ":", ";") dropped. */
static char *tidy(const char *text)
{
  GString *s = g_string_new(NULL);
  for (const char *p = text; *p != '\0'; p++) {
    if (*p == ' ' || *p == '\t') {
      if (s->len > 0 && s->str[s->len - 1] != ' ')
        g_string_append_c(s, ' ');
    } else {
      g_string_append_c(s, *p);
    }
  }
  while (s->len > 0 && strchr(" ,.:;", s->str[s->len - 1]) != NULL)
    g_string_truncate(s, s->len - 1);
  const char *start = s->str;
  while (*start == ' ' || *start == ':')
    start++;
  char *out = g_strdup(start);
  g_string_free(s, TRUE);
  return out;
}

/* Words a person's name never is (a label or a filler read as a value). */
static const char *const not_name_words[] = {
    "name",  "names",   "surname", "given",  "first",  "last",   "none",
    "sex",   "date",    "birth",   "class",  "category", "valid", "from",
    "card",  "number",  "visa",    "type",   "issue",  "expires",
    "united", "states", "america", "department", "notice", "approval",
    "petition", "receipt", "page", "uscis", "passport", "nationality",
    NULL};

/* Returns owned: the name printed in text ("RAMAN, PRIYA" -> "PRIYA
   RAMAN"), or NULL when text does not read as one.  min_words: 2 for a
   whole name, 1 for a surname or given names alone. */
static char *name_value(const char *text, int min_words)
{
  char *t = tidy(text);
  char *out = NULL;
  char *comma = strchr(t, ',');
  GString *joined = g_string_new(NULL);
  if (comma != NULL) {
    *comma = '\0';
    g_string_append(joined, g_strstrip(comma + 1));
    g_string_append_c(joined, ' ');
    g_string_append(joined, g_strstrip(t));
  } else {
    g_string_append(joined, t);
  }
  char **w = g_strsplit(joined->str, " ", -1);
  size_t n = 0;
  bool ok = joined->len > 0 && joined->len <= 120;
  for (size_t i = 0; ok && w[i] != NULL; i++) {
    if (w[i][0] == '\0')
      continue;
    n++;
    bool letter = false, first = true;
    for (const char *p = w[i]; *p != '\0'; p = g_utf8_next_char(p)) {
      gunichar ch = g_utf8_get_char(p);
      if (g_unichar_isalpha(ch)) {
        if (first && !(g_unichar_isupper(ch) || g_unichar_istitle(ch)))
          ok = false;
        letter = true;
        first = false;
      } else if (ch != '-' && ch != '\'' && ch != '.' && ch != 0x2019) {
        ok = false;
      }
    }
    if (!letter)
      ok = false;
    char *f = sv_fold(w[i]);
    for (size_t k = 0; ok && not_name_words[k] != NULL; k++)
      if (strcmp(f, not_name_words[k]) == 0)
        ok = false;
    g_free(f);
  }
  if (ok && n >= (size_t)min_words && n <= 6) {
    char *s = g_strjoinv(" ", w);
    out = tidy(s);
    g_free(s);
  }
  g_strfreev(w);
  g_string_free(joined, TRUE);
  g_free(t);
  return out;
}

/* Returns owned: the identifying number printed at the start of text,
   masked to its last 4 ("****5678"), or NULL.  Dashes and spaces before a
   digit separate printed groups ("123-456-789", "WAC-25-123-45678"). */
static char *number_value(const char *text)
{
  GString *s = g_string_new(NULL);
  int digits = 0;
  for (const char *p = text; *p != '\0'; p++) {
    if (g_ascii_isalnum(*p)) {
      g_string_append_c(s, g_ascii_toupper(*p));
      digits += g_ascii_isdigit(*p) ? 1 : 0;
    } else if (*p == '#' && s->len == 0) {
      continue;
    } else if (*p == '-' || *p == ' ') {
      /* a group separator only between digit groups */
      const char *q = p + 1;
      while (*q == ' ' || *q == '-')
        q++;
      if (s->len == 0)
        continue;
      if (!g_ascii_isdigit(*q))
        break;
      p = q - 1;
    } else {
      /* a number broken inside ("302116043)5": an OCR slip) is not
         read at all rather than read short */
      if (s->len > 0 && g_ascii_isalnum(p[1]))
        g_string_truncate(s, 0);
      break;
    }
  }
  char *out = NULL;
  if (s->len >= 8 && s->len <= 16 && digits >= 6)
    out = g_strdup_printf("****%s", s->str + s->len - 4);
  g_string_free(s, TRUE);
  return out;
}

/* Returns owned: a visa's issuing post as printed, or NULL. */
static char *post_value(const char *text)
{
  char *t = tidy(text);
  size_t words = 1;
  bool ok = t[0] != '\0' && strlen(t) <= 40;
  for (const char *p = t; ok && *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (ch == ' ')
      words++;
    else if (!g_unichar_isalpha(ch) && ch != '-' && ch != '.' && ch != '\'')
      ok = false;
  }
  if (!ok || words > 4) {
    g_free(t);
    return NULL;
  }
  return t;
}

/* --------------------------------------------------------------- reading */

struct found {
  bool have;
  char *text;          /* owned: the value read */
  char *raw;           /* owned: as printed */
  GDate date;
  bool ds;             /* "D/S" */
  int page;
  struct sv_box box;
};

struct reading {
  const struct sv_layout *l;
  enum sv_us_form form;
  int bit;
  struct found f[F_COUNT];
};

/* Tries value text (at page, box) for label lab; true when it reads. */
static bool try_value(struct reading *r, const struct label *lab,
                      const char *text, int page, const struct sv_box *box)
{
  struct found *f = &r->f[lab->field];
  char *v = NULL;
  GDate d;
  g_date_clear(&d, 1);
  bool ds = false;
  switch (lab->field) {
  case F_NAME:
    v = name_value(text, 2);
    break;
  case F_SURNAME:
  case F_GIVEN:
    v = name_value(text, 1);
    break;
  case F_CATEGORY:
    v = r->form == SV_US_FORM_EAD ? sv_ead_category_read(text)
                                  : sv_visa_class_read(text);
    break;
  case F_FROM:
  case F_UNTIL: {
    char *key = sv_fold_key(text);
    /* "D/S", as OCR may read it ("DIS", "D/5", "D5") */
    if (r->form == SV_US_FORM_I94 && lab->field == F_UNTIL &&
        (strcmp(key, "ds") == 0 || strcmp(key, "dis") == 0 ||
         strcmp(key, "d5") == 0 || strcmp(key, "dls") == 0 ||
         strcmp(key, "durationofstatus") == 0)) {
      ds = true;
      v = tidy(text);
    } else if (sv_usstatus_date(text, lab->nth, &d)) {
      v = tidy(text);
    }
    g_free(key);
    break;
  }
  case F_NUMBER:
    v = number_value(text);
    break;
  case F_POST:
    v = post_value(text);
    break;
  case F_OTHER:
  case F_COUNT:
    break;
  }
  if (v == NULL)
    return false;
  f->have = true;
  f->text = v;
  f->raw = tidy(text);
  f->date = d;
  f->ds = ds;
  f->page = page;
  f->box = *box;
  return true;
}

/* Looks for the value of label lab right after it in its cell, right of
   it, or under it, for every cell that starts with it (as printed, or
   with `fuzzy` as OCR may have misread it), in reading order. */
static bool read_label(struct reading *r, const struct label *lab,
                       bool fuzzy)
{
  const struct sv_layout *l = r->l;
  size_t nt = ntokens(lab->key);
  for (size_t i = 0; i < sv_layout_ncells(l); i++) {
    const struct sv_cell *c = sv_layout_cell(l, i);
    if (fuzzy ? key_starts_fuzzy(c->key, lab->key) == 0
              : !key_starts(c->key, lab->key))
      continue;
    const struct sv_lline *ll = sv_layout_line(l, c->line);
    size_t w = sv_layout_word_after_tokens(ll->ln, c->w0, c->w1, nt);
    if (w < c->w1) {
      char *text = sv_layout_words(ll->ln, w, c->w1);
      struct sv_box box = sv_layout_words_box(ll->ln, w, c->w1);
      bool ok = try_value(r, lab, text, ll->page, &box);
      g_free(text);
      if (ok)
        return true;
      if (lab->weak)
        continue; /* "to" starts sentences too */
    } else if (lab->weak) {
      continue;
    }
    long nb[2] = {sv_layout_right(l, i), sv_layout_below(l, i)};
    for (int k = 0; k < 2; k++) {
      if (nb[k] < 0)
        continue;
      const struct sv_cell *v = sv_layout_cell(l, (size_t)nb[k]);
      if (is_label_cell(v, r->bit))
        continue;
      if (try_value(r, lab, v->text, sv_layout_line(l, v->line)->page,
                    &v->box))
        return true;
    }
  }
  return false;
}

/* Every label of the field as printed first, then as misread. */
static void read_field(struct reading *r, enum field field)
{
  for (int fuzzy = 0; fuzzy < 2; fuzzy++)
    for (size_t i = 0; i < G_N_ELEMENTS(labels) && !r->f[field].have; i++)
      if (labels[i].field == field && (labels[i].forms & r->bit) &&
          (fuzzy == 0 || !labels[i].weak))
        read_label(r, &labels[i], fuzzy == 1);
}

/* ------------------------------------------------------------------ MRZ */

/* Whether the zone's name can be the printed one: the zone drops accents
   and punctuation and may be cut short, and its first line has no check
   digit, so OCR slips in it ("KENJ T" for KENJI) are allowed as the
   holder matching allows them (text/names.h); only a name that is
   clearly another disagrees. */
static bool same_person(const char *printed, const char *zone)
{
  char *ka = sv_fold_key(printed), *kb = sv_fold_key(zone);
  size_t na = strlen(ka), nb = strlen(kb);
  bool same = na > 0 && nb > 0 &&
              strncmp(ka, kb, na < nb ? na : nb) == 0 &&
              (na == nb || (na < nb ? na : nb) >= 30);
  g_free(ka);
  g_free(kb);
  return same || sv_names_match(printed, zone, NULL) != SV_NAME_DIFFERENT ||
         sv_fold_edits(printed, strlen(printed), zone, strlen(zone)) <= 2;
}

/* ------------------------------------------------------------- the reader */

/* Returns owned: the token stream of pages [p0, p1) of doc. */
static char *pages_tokens(const struct sv_doc *doc, int p0, int p1)
{
  GString *s = g_string_new(NULL);
  for (int p = p0; p < p1; p++)
    for (size_t i = 0; i < doc->pages[p].nlines; i++)
      if (doc->pages[p].lines[i].text != NULL) {
        g_string_append(s, doc->pages[p].lines[i].text);
        g_string_append_c(s, '\n');
      }
  char *folded = sv_fold(s->str);
  g_string_free(s, TRUE);
  char *tokens = sv_fold_tokens(folded);
  g_free(folded);
  return tokens;
}

static void add_doubt(struct sv_us_doc *u, char *why)
{
  if (u->doubt == NULL) {
    u->doubt = why;
    return;
  }
  char *both = g_strdup_printf("%s; %s", u->doubt, why);
  g_free(u->doubt);
  g_free(why);
  u->doubt = both;
}

static char *date_text(const GDate *d)
{
  char buf[16];
  g_date_strftime(buf, sizeof buf, "%Y-%m-%d", d);
  return g_strdup(buf);
}

/* Returns owned (NULL when it reads nothing): form `form` read from the
   pages of doc (or of a part of it). */
static struct sv_us_doc *read_form(const struct sv_doc *doc,
                                   enum sv_us_form form)
{
  struct sv_layout *l = sv_layout_new(doc);
  struct reading r;
  memset(&r, 0, sizeof r);
  r.l = l;
  r.form = form;
  r.bit = 1 << form;
  for (int f = 0; f < F_OTHER; f++)
    read_field(&r, (enum field)f);
  struct sv_mrz m;
  memset(&m, 0, sizeof m);
  bool zone = form == SV_US_FORM_VISA && sv_mrz_read_visa(l, &m);

  struct sv_us_doc *u = sv_us_doc_new();
  u->form = form;
  if (r.f[F_SURNAME].have && r.f[F_GIVEN].have)
    u->name = g_strdup_printf("%s %s", r.f[F_GIVEN].text,
                              r.f[F_SURNAME].text);
  else if (r.f[F_NAME].have)
    u->name = g_strdup(r.f[F_NAME].text);
  else if (r.f[F_SURNAME].have)
    u->name = g_strdup(r.f[F_SURNAME].text);
  if (r.f[F_CATEGORY].have) {
    u->category = g_strdup(r.f[F_CATEGORY].text);
    u->category_printed = g_strdup(r.f[F_CATEGORY].raw);
  }
  if (r.f[F_NUMBER].have)
    u->number = g_strdup(r.f[F_NUMBER].text);
  if (r.f[F_POST].have)
    u->post = g_strdup(r.f[F_POST].text);
  if (r.f[F_FROM].have)
    u->valid_from = r.f[F_FROM].date;
  if (r.f[F_UNTIL].have) {
    if (r.f[F_UNTIL].ds)
      u->duration_of_status = true;
    else
      u->valid_until = r.f[F_UNTIL].date;
  }
  const struct found *where = r.f[F_UNTIL].have      ? &r.f[F_UNTIL]
                              : r.f[F_CATEGORY].have ? &r.f[F_CATEGORY]
                                                     : NULL;
  if (where != NULL) {
    u->page = where->page;
    u->box = where->box;
  }

  if (zone) {
    u->mrz = true;
    u->mrz_agrees = true;
    if (!g_date_valid(&u->valid_until)) {
      u->valid_until = m.expiry; /* printed in the zone, checked */
      u->page = m.page;
      u->box = m.box;
    } else if (g_date_compare(&u->valid_until, &m.expiry) != 0) {
      u->mrz_agrees = false;
      char *a = date_text(&u->valid_until), *b = date_text(&m.expiry);
      add_doubt(u, g_strdup_printf("the visa's printed expiration date %s "
                                   "differs from its machine-readable "
                                   "zone's %s",
                                   a, b));
      g_free(a);
      g_free(b);
    }
    if (m.name != NULL && u->name == NULL) {
      u->name = g_strdup(m.name);
    } else if (m.name != NULL && !same_person(u->name, m.name)) {
      u->mrz_agrees = false;
      add_doubt(u, g_strdup_printf("the visa's printed name %s differs "
                                   "from its machine-readable zone's %s",
                                   u->name, m.name));
    }
  }
  if (g_date_valid(&u->valid_from) && g_date_valid(&u->valid_until) &&
      g_date_compare(&u->valid_from, &u->valid_until) > 0)
    add_doubt(u, g_strdup("its validity ends before it begins"));

  bool any = u->category != NULL || g_date_valid(&u->valid_until) ||
             u->duration_of_status;
  for (int f = 0; f < F_COUNT; f++) {
    g_free(r.f[f].text);
    g_free(r.f[f].raw);
  }
  if (zone)
    sv_mrz_clear(&m);
  sv_layout_free(&l);
  if (!any)
    sv_us_doc_free(&u);
  return u;
}

bool sv_usstatus_read(struct sv_doc *doc)
{
  sv_us_doc_free(&doc->us);
  /* Runs of pages by form: a page that names no form (a notice's back,
     a blank) belongs with the run before it, or the first run. */
  int n = doc->npages;
  enum sv_us_form *form = g_new0(enum sv_us_form, n > 0 ? n : 1);
  bool *named = g_new0(bool, n > 0 ? n : 1);
  bool any_named = false;
  for (int p = 0; p < n; p++) {
    char *t = pages_tokens(doc, p, p + 1);
    named[p] = sv_usstatus_form(t, &form[p]);
    any_named = any_named || named[p];
    g_free(t);
  }
  /* no page names a form by itself: the whole text may (its wording
     split over pages) */
  enum sv_us_form whole = SV_US_FORM_I797;
  if (!any_named) {
    char *tokens = pages_tokens(doc, 0, n);
    bool known = sv_usstatus_form(tokens, &whole);
    g_free(tokens);
    if (!known) {
      g_free(form);
      g_free(named);
      return false;
    }
  }
  struct sv_us_doc **tail = &doc->us;
  int start = 0;
  bool have = false;
  enum sv_us_form cur = whole;
  for (int p = 0; p <= n; p++) {
    bool cut = p == n || (named[p] && have && form[p] != cur);
    if (cut && p > start) {
      struct sv_doc part = *doc; /* a view of pages [start, p) */
      part.pages = doc->pages + start;
      part.npages = p - start;
      struct sv_us_doc *u = read_form(&part, have ? cur : whole);
      if (u != NULL) {
        *tail = u;
        tail = &u->next;
      }
      start = p;
      have = false;
    }
    if (p < n && named[p] && !have) {
      cur = form[p];
      have = true;
    }
  }
  g_free(form);
  g_free(named);
  return doc->us != NULL;
}
