/*
 * visaclass.c - US visa classes and EAD codes made canonical (see
 * visaclass.h).
 */
#include "visaclass.h"

#include <glib.h>
#include <stdbool.h>
#include <string.h>

char *sv_visa_class_norm(const char *s)
{
  if (s == NULL)
    return NULL;
  GString *o = g_string_new(NULL);
  bool letters = false; /* inside the class letters of a part */
  bool start = true;
  for (const char *p = s; *p != '\0'; p++) {
    char ch = g_ascii_toupper(*p);
    if (g_ascii_isspace(ch))
      continue;
    if (ch == '/') {
      start = true;
      letters = false;
      g_string_append_c(o, ch);
      continue;
    }
    if (g_ascii_isalpha(ch) && start) {
      letters = true;
      start = false;
    } else if (g_ascii_isdigit(ch) && letters) {
      g_string_append_c(o, '-');
      letters = false;
    } else if (ch == '-') {
      letters = false;
    }
    g_string_append_c(o, ch);
  }
  return g_string_free(o, FALSE);
}

/* Whether [p, p+n) is one part of a class: 1-2 letters, then optionally
   '-' and a digit followed by up to three letters or digits ("H1B1"). */
static bool class_part(const char *p, size_t n)
{
  size_t i = 0, letters = 0;
  while (i < n && g_ascii_isalpha(p[i]) && letters < 2) {
    i++;
    letters++;
  }
  if (letters == 0)
    return false;
  if (i == n)
    return true;
  if (p[i] == '-')
    i++;
  if (i >= n || !g_ascii_isdigit(p[i]))
    return false;
  i++;
  size_t more = 0;
  while (i < n && g_ascii_isalnum(p[i]) && more < 3) {
    i++;
    more++;
  }
  return i == n;
}

/* Whether word (upper case, no spaces) is a class: parts joined by '/'. */
static bool class_word(const char *w)
{
  size_t n = strlen(w);
  if (n == 0 || n > 16)
    return false;
  const char *p = w;
  while (true) {
    const char *slash = strchr(p, '/');
    size_t len = slash != NULL ? (size_t)(slash - p) : strlen(p);
    /* "B1/2": a bare digit after '/' repeats the letters before it */
    bool bare = len == 1 && g_ascii_isdigit(p[0]) && p != w;
    if (!bare && !class_part(p, len))
      return false;
    if (slash == NULL)
      return true;
    p = slash + 1;
  }
}

/* Words that look like a class but never are one on these forms. */
static const char *const not_classes[] = {
    "NONE", "NA", "N", "THE", "OF", "TO", "IN", "ON", "AT", "BY", "AN",
    "OR", "IS", "IT", "AS", "DS", "M", "F", "X", NULL};

static bool not_a_class(const char *w)
{
  for (size_t i = 0; not_classes[i] != NULL; i++)
    if (strcmp(w, not_classes[i]) == 0)
      return true;
  return false;
}

/* US nonimmigrant classes as the State Department and CBP print them
   (9 FAM 402; CBP class-of-admission codes), canonical. */
static const char *const known_classes[] = {
    "A-1",  "A-2",  "A-3",   "B-1",  "B-2",  "B-1/B-2", "C-1",  "C-1/D",
    "C-2",  "C-3",  "C-4",   "D",    "D-1",  "D-2",     "E-1",  "E-2",
    "E-2C", "E-3",  "E-3D",  "E-3R", "F-1",  "F-2",     "F-3",  "G-1",
    "G-2",  "G-3",  "G-4",   "G-5",  "H-1B", "H-1B1",   "H-1C", "H-2A",
    "H-2B", "H-3",  "H-4",   "I",    "J-1",  "J-2",     "K-1",  "K-2",
    "K-3",  "K-4",  "L-1",   "L-1A", "L-1B", "L-2",     "M-1",  "M-2",
    "M-3",  "N-8",  "N-9",   "O-1",  "O-1A", "O-1B",    "O-2",  "O-3",
    "P-1",  "P-1A", "P-1B",  "P-1S", "P-2",  "P-2S",    "P-3",  "P-3S",
    "P-4",  "Q-1",  "R-1",   "R-2",  "S-5",  "S-6",     "S-7",  "T-1",
    "T-2",  "T-3",  "T-4",   "T-5",  "T-6",  "TD",      "TN",   "U-1",
    "U-2",  "U-3",  "U-4",   "U-5",  "V-1",  "V-2",     "V-3",  "CW-1",
    "CW-2", "WB",   "WT",    "H-1A", "H-2",  "Q-2",     NULL};

bool sv_visa_class_known(const char *canonical)
{
  for (size_t i = 0; canonical != NULL && known_classes[i] != NULL; i++)
    if (strcmp(canonical, known_classes[i]) == 0)
      return true;
  return false;
}

/* What OCR confuses a character of a class with (both ways). */
static const char *confusions(char ch)
{
  switch (ch) {
  case '1':
    return "LI";
  case 'L':
  case 'I':
    return "1";
  case '0':
    return "OD";
  case 'O':
  case 'D':
  case 'Q':
    return "0";
  case '8':
    return "B";
  case 'B':
    return "8";
  case '5':
    return "S";
  case 'S':
    return "5";
  case '2':
    return "Z";
  case 'Z':
    return "2";
  case '4':
    return "A";
  case 'A':
    return "4";
  default:
    return "";
  }
}

/* Tries every reading of w[i..] with OCR confusions undone, fewest first;
   keeps in *best the known class with the fewest (*best_subs). */
static void confused(char *w, size_t i, int subs, int *best_subs,
                     char **best)
{
  if (subs >= *best_subs)
    return;
  if (w[i] == '\0') {
    char *c = sv_visa_class_norm(w);
    if (sv_visa_class_known(c)) {
      g_free(*best);
      *best = c;
      *best_subs = subs;
    } else {
      g_free(c);
    }
    return;
  }
  confused(w, i + 1, subs, best_subs, best);
  char orig = w[i];
  for (const char *alt = confusions(orig); *alt != '\0'; alt++) {
    w[i] = *alt;
    confused(w, i + 1, subs + 1, best_subs, best);
  }
  w[i] = orig;
}

/* Returns owned: the canonical class word w (upper case) reads as, the
   printed reading when it is a known class, else the known class fewest
   OCR confusions away (at most two), else the printed reading when it is
   shaped like a class; NULL otherwise. */
static char *class_of_word(const char *w)
{
  if (w == NULL || w[0] == '\0' || strlen(w) > 8 || not_a_class(w))
    return NULL;
  char *strict = NULL;
  if (class_word(w)) {
    /* "B1/2" -> "B1/B2" */
    GString *full = g_string_new(NULL);
    char **parts = g_strsplit(w, "/", -1);
    char letters[3] = "";
    for (size_t i = 0; parts[i] != NULL; i++) {
      if (i > 0)
        g_string_append_c(full, '/');
      if (strlen(parts[i]) == 1 && g_ascii_isdigit(parts[i][0]))
        g_string_append(full, letters);
      else {
        size_t nl = 0;
        while (nl < 2 && g_ascii_isalpha(parts[i][nl]))
          nl++;
        memcpy(letters, parts[i], nl);
        letters[nl] = '\0';
      }
      g_string_append(full, parts[i]);
    }
    g_strfreev(parts);
    strict = sv_visa_class_norm(full->str);
    g_string_free(full, TRUE);
    if (sv_visa_class_known(strict))
      return strict;
  }
  char *copy = g_strdup(w);
  char *best = NULL;
  int best_subs = 3;
  confused(copy, 0, 0, &best_subs, &best);
  g_free(copy);
  if (best != NULL) {
    g_free(strict);
    return best;
  }
  return strict;
}

char *sv_visa_class_read(const char *printed)
{
  if (printed == NULL)
    return NULL;
  char *up = g_ascii_strup(printed, -1);
  /* words: runs of letters, digits, '-' and '/' ("R H1B", "B-1/B-2") */
  for (char *p = up; *p != '\0'; p++)
    if (!g_ascii_isalnum(*p) && *p != '-' && *p != '/')
      *p = ' ';
  char **w = g_strsplit(g_strstrip(up), " ", -1);
  char *out = NULL;
  size_t k = 0;
  while (w[k] != NULL && w[k][0] == '\0')
    k++;
  if (w[k] != NULL) {
    size_t next = k + 1;
    while (w[next] != NULL && w[next][0] == '\0')
      next++;
    /* a foil's visa type (R regular, S special ...) then the class */
    if (strlen(w[k]) == 1 && w[next] != NULL) {
      char *second = class_of_word(w[next]);
      if (second != NULL && strpbrk(second, "0123456789") != NULL)
        out = second;
      else
        g_free(second);
    }
    if (out == NULL)
      out = class_of_word(w[k]);
  }
  g_strfreev(w);
  g_free(up);
  return out;
}

char *sv_ead_category_read(const char *printed)
{
  if (printed == NULL)
    return NULL;
  /* letters and digits only: "(c)(3)(B)" -> "C3B", "C-09" -> "C09" */
  GString *s = g_string_new(NULL);
  const char *p = printed;
  while (*p == ' ' || *p == '\t')
    p++;
  for (; *p != '\0' && *p != ' '; p++)
    if (g_ascii_isalnum(*p))
      g_string_append_c(s, g_ascii_toupper(*p));
  /* OCR confusions in the digits after the letter: "CO9", "Cl0" */
  for (size_t i = 1; i < s->len && i <= 3; i++) {
    char ch = s->str[i];
    bool more_digits = i + 1 < s->len && (g_ascii_isdigit(s->str[i + 1]) ||
                                          strchr("OIL", s->str[i + 1]));
    if (ch == 'O' && (i == 1 || more_digits))
      s->str[i] = '0';
    else if ((ch == 'I' || ch == 'L') && (i == 1 || more_digits))
      s->str[i] = '1';
  }
  /* "C009": a zero too many */
  if (s->len >= 4 && s->str[1] == '0' && g_ascii_isdigit(s->str[2]) &&
      g_ascii_isdigit(s->str[3]))
    g_string_erase(s, 1, 1);
  char *out = NULL;
  const char *c = s->str;
  if ((c[0] == 'A' || c[0] == 'C') && g_ascii_isdigit(c[1])) {
    size_t nd = 1;
    if (g_ascii_isdigit(c[2]))
      nd = 2;
    const char *rest = c + 1 + nd;
    bool ok = rest[0] == '\0' ||
              (g_ascii_isalpha(rest[0]) && rest[1] == '\0');
    int num = (int)g_ascii_strtoll(c + 1, NULL, 10);
    if (ok && num >= 1 && num <= 40)
      out = g_strdup_printf("%c%02d%s", c[0], num, rest);
  }
  g_string_free(s, TRUE);
  return out;
}
