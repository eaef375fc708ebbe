/*
 * fold.c - text folding for matching (see fold.h).
 */
#include "fold.h"

#include <glib.h>
#include <string.h>

bool sv_is_ascii(const char *text)
{
  for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++)
    if (*p >= 0x80)
      return false;
  return true;
}

/* Appends the fold of the one character at c (n bytes, not ASCII) to out:
   case folded, decomposed (NFD), its combining marks dropped. */
static void fold_char(GString *out, const char *c, gssize n)
{
  char *cased = g_utf8_casefold(c, n);
  char *nfd = g_utf8_normalize(cased, -1, G_NORMALIZE_NFD);
  for (const char *p = nfd != NULL ? nfd : ""; *p != '\0';
       p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    GUnicodeType t = g_unichar_type(ch);
    if (t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_ENCLOSING_MARK ||
        t == G_UNICODE_SPACING_MARK)
      continue;
    g_string_append_unichar(out, ch);
  }
  g_free(nfd);
  g_free(cased);
}

char *sv_fold(const char *text)
{
  if (text == NULL)
    return g_strdup("");
  /* ASCII folds to its lower case (case folding and NFD change nothing
     else in it): the common case, without GLib's three copies. */
  if (sv_is_ascii(text))
    return g_ascii_strdown(text, -1);
  char *valid = NULL;
  if (!g_utf8_validate(text, -1, NULL))
    text = valid = g_utf8_make_valid(text, -1);
  /* Character by character: case folding maps each character alone, and
     NFD only decomposes and reorders combining marks, which go. */
  GString *out = g_string_sized_new(strlen(text));
  for (const char *p = text; *p != '\0';) {
    if ((unsigned char)*p < 0x80) {
      g_string_append_c(out, g_ascii_tolower(*p));
      p++;
      continue;
    }
    const char *next = g_utf8_next_char(p);
    fold_char(out, p, next - p);
    p = next;
  }
  g_free(valid);
  return g_string_free(out, FALSE);
}

char *sv_fold_key(const char *text)
{
  char *folded = sv_fold(text);
  GString *s = g_string_new(NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (g_unichar_isalnum(ch))
      g_string_append_unichar(s, ch);
  }
  g_free(folded);
  return g_string_free(s, FALSE);
}

char *sv_fold_tokens(const char *folded)
{
  GString *s = g_string_new(" ");
  bool in_tok = false;
  for (const char *p = folded != NULL ? folded : ""; *p != '\0';
       p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (g_unichar_isalnum(ch)) {
      g_string_append_unichar(s, ch);
      in_tok = true;
    } else if (in_tok) {
      g_string_append_c(s, ' ');
      in_tok = false;
    }
  }
  if (in_tok)
    g_string_append_c(s, ' ');
  return g_string_free(s, FALSE);
}

bool sv_fold_has_phrase(const char *tokens, const char *phrase)
{
  if (tokens == NULL || phrase == NULL || phrase[0] == '\0')
    return false;
  size_t n = strlen(phrase);
  for (const char *p = strstr(tokens, phrase); p != NULL;
       p = strstr(p + 1, phrase)) {
    if (p > tokens && p[-1] == ' ' && p[n] == ' ')
      return true;
  }
  return false;
}

size_t sv_fold_edits(const char *a, size_t na, const char *b, size_t nb)
{
  size_t *row = g_new(size_t, nb + 1);
  for (size_t j = 0; j <= nb; j++)
    row[j] = j;
  for (size_t i = 1; i <= na; i++) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t up = row[j];
      size_t best = diag + (a[i - 1] == b[j - 1] ? 0 : 1);
      if (up + 1 < best)
        best = up + 1;
      if (row[j - 1] + 1 < best)
        best = row[j - 1] + 1;
      row[j] = best;
      diag = up;
    }
  }
  size_t d = row[nb];
  g_free(row);
  return d;
}
