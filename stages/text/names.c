/*
 * names.c - matching a printed person's name with the applicant's.
 *
 * Both names become lists of folded tokens (names.h, rule 1); the printed
 * one is first split into joint holders.  Tokens are paired greedily in
 * three passes of falling strength (equal, OCR-fuzzy, initial), order
 * ignored, and the verdict follows from what paired (names.h, rules 3-5).
 * Names are short, so the quadratic pairing and the O(n*m) edit distance
 * cost nothing.
 */
#include "names.h"

#include <string.h>

#include "fold.h"

#define MAX_NAME_TOKENS 16

/* ------------------------------------------------------------- holders */

enum sep { SEP_NONE = 0, SEP_STRONG, SEP_WEAK };

/* What kind of holder separator a printed word is. */
static enum sep separator(const char *word)
{
  static const char *const strong[] = {"and", "&", "y/o", "and/or", "e/o",
                                       "u/o", NULL};
  static const char *const weak[] = {"y", "o", "e", "u", NULL};
  char *f = sv_fold(word);
  enum sep s = SEP_NONE;
  for (size_t k = 0; strong[k] != NULL && s == SEP_NONE; k++)
    if (strcmp(f, strong[k]) == 0)
      s = SEP_STRONG;
  for (size_t k = 0; weak[k] != NULL && s == SEP_NONE; k++)
    if (strcmp(f, weak[k]) == 0)
      s = SEP_WEAK;
  g_free(f);
  return s;
}

/* A run of printed words between separators. */
struct segment {
  GPtrArray *words; /* borrowed char * into the split word array */
  enum sep before;  /* the separator in front of it */
  const char *sep_word;
};

/* Cuts words into segments at separators. Returns owned GArray. */
static GArray *segments_of(char **words)
{
  GArray *segs = g_array_new(FALSE, TRUE, sizeof(struct segment));
  struct segment cur = {g_ptr_array_new(), SEP_NONE, NULL};
  for (size_t k = 0; words[k] != NULL; k++) {
    if (words[k][0] == '\0')
      continue;
    enum sep s = separator(words[k]);
    if (s == SEP_NONE || cur.words->len == 0) {
      g_ptr_array_add(cur.words, words[k]);
      continue;
    }
    g_array_append_val(segs, cur);
    cur.words = g_ptr_array_new();
    cur.before = s;
    cur.sep_word = words[k];
  }
  g_array_append_val(segs, cur);
  return segs;
}

static char *join_words(GPtrArray *w)
{
  g_ptr_array_add(w, NULL);
  char *s = g_strjoinv(" ", (char **)w->pdata);
  g_ptr_array_remove_index(w, w->len - 1);
  return s;
}

GPtrArray *sv_names_split_holders(const char *printed)
{
  GPtrArray *out = g_ptr_array_new_with_free_func(g_free);
  if (printed == NULL || strlen(printed) > SV_NAMES_MAX_TEXT)
    return out;
  char **amp = g_strsplit(printed, "&", -1);
  char *tmp = g_strjoinv(" & ", amp);
  char **words = g_strsplit_set(g_strstrip(tmp), " \t\n", -1);
  GArray *segs = segments_of(words);

  /* Merge across a weak separator unless both sides have 2+ words. */
  GPtrArray *merged = g_ptr_array_new();
  for (guint k = 0; k < segs->len; k++) {
    struct segment *s = &g_array_index(segs, struct segment, k);
    struct segment *prev = merged->len > 0
                               ? g_ptr_array_index(merged, merged->len - 1)
                               : NULL;
    bool weak_join = prev != NULL && s->before == SEP_WEAK &&
                     (prev->words->len < 2 || s->words->len < 2);
    if (!weak_join && s->words->len > 0) {
      g_ptr_array_add(merged, s);
      continue;
    }
    if (prev == NULL)
      continue;
    if (s->sep_word != NULL && weak_join)
      g_ptr_array_add(prev->words, (char *)s->sep_word);
    for (guint w = 0; w < s->words->len; w++)
      g_ptr_array_add(prev->words, g_ptr_array_index(s->words, w));
  }

  /* "JOHN AND JANE DOE": a lone given name takes the last holder's
     surname(s). */
  struct segment *last =
      merged->len > 0 ? g_ptr_array_index(merged, merged->len - 1) : NULL;
  for (guint k = 0; k < merged->len; k++) {
    struct segment *s = g_ptr_array_index(merged, k);
    if (s != last && s->words->len == 1 && last->words->len >= 2)
      for (guint w = 1; w < last->words->len; w++)
        g_ptr_array_add(s->words, g_ptr_array_index(last->words, w));
    char *name = join_words(s->words);
    if (g_strstrip(name)[0] != '\0')
      g_ptr_array_add(out, g_strdup(g_strstrip(name)));
    g_free(name);
  }

  for (guint k = 0; k < segs->len; k++)
    g_ptr_array_free(g_array_index(segs, struct segment, k).words, TRUE);
  g_array_free(segs, TRUE);
  g_ptr_array_free(merged, TRUE);
  g_strfreev(words);
  g_strfreev(amp);
  g_free(tmp);
  return out;
}

/* -------------------------------------------------------------- tokens */

static bool dropped_word(const char *tok)
{
  static const char *const drop[] = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "sr", "sra", "srta", "lic",
    "ing", "don", "dona", "c", "de", "del", "la", "las", "los", NULL};
  for (size_t k = 0; drop[k] != NULL; k++)
    if (strcmp(drop[k], tok) == 0)
      return true;
  return false;
}

/* Returns owned (g_strfreev) folded name tokens, "SURNAMES, GIVEN"
   turned round, titles and particles dropped. */
static char **name_tokens(const char *name)
{
  char *folded = sv_fold(name);
  char *comma = strchr(folded, ',');
  char *ordered = NULL;
  if (comma != NULL && strchr(comma + 1, ',') == NULL) {
    *comma = '\0';
    ordered = g_strconcat(comma + 1, " ", folded, NULL);
  } else {
    ordered = g_strdup(folded);
  }
  for (char *p = ordered; *p != '\0'; p++)
    if (!g_ascii_isalnum(*p) && ((unsigned char)*p) < 0x80)
      *p = ' ';
  char **raw = g_strsplit(ordered, " ", -1);
  GPtrArray *out = g_ptr_array_new();
  for (size_t k = 0; raw[k] != NULL; k++)
    if (raw[k][0] != '\0' && !dropped_word(raw[k]) &&
        out->len < MAX_NAME_TOKENS)
      g_ptr_array_add(out, g_strdup(raw[k]));
  g_ptr_array_add(out, NULL);
  g_strfreev(raw);
  g_free(folded);
  g_free(ordered);
  return (char **)g_ptr_array_free(out, FALSE);
}

/* ------------------------------------------------------------- pairing */

enum pair_kind { PAIR_NONE = 0, PAIR_EXACT, PAIR_FUZZY, PAIR_INITIAL };

struct pairing {
  size_t na, np;
  enum pair_kind a[MAX_NAME_TOKENS]; /* per applicant token */
  bool p_used[MAX_NAME_TOKENS];
  size_t edits;
};

/* How two tokens pair, for the given pass; *edits set for fuzzy. */
static enum pair_kind pair_of(const char *x, const char *y, enum pair_kind pass,
                              size_t *edits)
{
  size_t lx = strlen(x), ly = strlen(y);
  if (pass == PAIR_EXACT)
    return lx > 1 && strcmp(x, y) == 0 ? PAIR_EXACT : PAIR_NONE;
  if (pass == PAIR_INITIAL)
    return (lx == 1 || ly == 1) && x[0] == y[0] ? PAIR_INITIAL : PAIR_NONE;
  size_t shortest = lx < ly ? lx : ly;
  size_t allowed = shortest >= 7 ? 2 : shortest >= 4 ? 1 : 0;
  if (allowed == 0)
    return PAIR_NONE;
  size_t d = sv_fold_edits(x, strlen(x), y, strlen(y));
  if (d > allowed)
    return PAIR_NONE;
  *edits = d;
  return PAIR_FUZZY;
}

static void pair_pass(struct pairing *pr, char **a, char **p,
                      enum pair_kind pass)
{
  for (size_t i = 0; i < pr->na; i++) {
    if (pr->a[i] != PAIR_NONE)
      continue;
    for (size_t j = 0; j < pr->np; j++) {
      size_t edits = 0;
      if (pr->p_used[j] || pair_of(a[i], p[j], pass, &edits) == PAIR_NONE)
        continue;
      pr->a[i] = pass;
      pr->p_used[j] = true;
      pr->edits += edits;
      break;
    }
  }
}

/* Verdict for one holder (see names.h); *score its share. */
static enum sv_name_verdict judge(char **a, char **p, double *score)
{
  struct pairing pr;
  memset(&pr, 0, sizeof pr);
  pr.na = g_strv_length(a);
  pr.np = g_strv_length(p);
  *score = 0;
  if (pr.na == 0 || pr.np == 0)
    return SV_NAME_DIFFERENT;
  pair_pass(&pr, a, p, PAIR_EXACT);
  pair_pass(&pr, a, p, PAIR_FUZZY);
  pair_pass(&pr, a, p, PAIR_INITIAL);

  size_t paired = 0, whole = 0;
  double weight = 0;
  bool surname = false;
  size_t first_surname = pr.na >= 3 ? pr.na - 2 : 1;
  for (size_t i = 0; i < pr.na; i++) {
    if (pr.a[i] == PAIR_NONE)
      continue;
    paired++;
    weight += pr.a[i] == PAIR_EXACT ? 1.0 : pr.a[i] == PAIR_FUZZY ? 0.8 : 0.5;
    if (pr.a[i] != PAIR_INITIAL) {
      whole++;
      surname = surname || i >= first_surname;
    }
  }
  size_t shorter = pr.na < pr.np ? pr.na : pr.np;
  *score = weight / (double)shorter;
  if (paired == shorter && whole >= 2)
    return pr.edits <= 2 ? SV_NAME_MATCH : SV_NAME_UNCERTAIN;
  /* Same family: uncertain only when some given name (or its initial)
     agrees too; a relative with other given names ("LINDA MARIE MORALES"
     for Kevin Patrick Morales) is another person. */
  bool given = false;
  for (size_t i = 0; i < first_surname && i < pr.na; i++)
    given = given || pr.a[i] != PAIR_NONE;
  if (whole >= 1 && surname && given)
    return SV_NAME_UNCERTAIN;
  /* all but one name agree and the one left is not the given name (a
     second surname missing, a middle name misread); with every given
     name different it is a relative: "PEDRO PEREZ GOMEZ" is not María
     José Pérez Gómez */
  if (whole >= 1 && shorter >= 3 && paired + 1 >= shorter && given)
    return SV_NAME_UNCERTAIN;
  return SV_NAME_DIFFERENT;
}

enum sv_name_verdict sv_names_match(const char *applicant, const char *printed,
                                    double *score)
{
  enum sv_name_verdict best = SV_NAME_DIFFERENT;
  double best_score = 0;
  char **a = NULL;
  GPtrArray *holders = NULL;

  if (applicant == NULL || printed == NULL ||
      strlen(applicant) > SV_NAMES_MAX_TEXT ||
      strlen(printed) > SV_NAMES_MAX_TEXT)
    goto out;
  a = name_tokens(applicant);
  holders = sv_names_split_holders(printed);
  for (guint k = 0; k < holders->len; k++) {
    char **p = name_tokens(g_ptr_array_index(holders, k));
    double s = 0;
    enum sv_name_verdict v = judge(a, p, &s);
    if (v < best || (v == best && s > best_score)) {
      best = v;
      best_score = s;
    }
    g_strfreev(p);
  }

out:
  if (score != NULL)
    *score = best_score;
  g_strfreev(a);
  if (holders != NULL)
    g_ptr_array_unref(holders);
  return best;
}

const char *sv_names_verdict_str(enum sv_name_verdict v)
{
  switch (v) {
  case SV_NAME_MATCH:
    return "match";
  case SV_NAME_UNCERTAIN:
    return "uncertain";
  case SV_NAME_DIFFERENT:
    return "different";
  }
  return "different";
}
