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
    if (strlen(w[k]) == 1 && w[next] != NULL && class_word(w[next]) &&
        strpbrk(w[next], "0123456789") != NULL)
      k = next;
    if (class_word(w[k]) && !not_a_class(w[k])) {
      /* "B1/2" -> "B1/B2" */
      GString *full = g_string_new(NULL);
      char **parts = g_strsplit(w[k], "/", -1);
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
      out = sv_visa_class_norm(full->str);
      g_string_free(full, TRUE);
    }
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
