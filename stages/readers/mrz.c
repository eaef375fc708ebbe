/*
 * mrz.c - a US visa's machine-readable zone (see mrz.h).
 */
#include "mrz.h"

#include <string.h>

#include "../text/dates.h"

int sv_mrz_check(const char *s, size_t n)
{
  static const int weights[3] = {7, 3, 1};
  int sum = 0;
  for (size_t i = 0; i < n; i++) {
    int v;
    if (g_ascii_isdigit(s[i]))
      v = s[i] - '0';
    else if (s[i] >= 'A' && s[i] <= 'Z')
      v = s[i] - 'A' + 10;
    else if (s[i] == '<')
      v = 0;
    else
      return -1;
    sum += v * weights[i % 3];
  }
  return sum % 10;
}

/* Returns owned: a line's characters without spaces, upper case, with the
   filler's look-alikes made '<' and other non-ASCII characters '?'. */
static char *compact(const char *text)
{
  GString *s = g_string_new(NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (ch == ' ')
      continue;
    if (ch == 0xab || ch == 0xbb || ch == 0x2039 || ch == 0x2264)
      ch = '<';
    if (ch < 128)
      g_string_append_c(s, g_ascii_toupper((char)ch));
    else
      g_string_append_c(s, '?');
  }
  return g_string_free(s, FALSE);
}

/* Returns owned: "GIVEN NAMES SURNAME" from a zone's name field, single
   spaces; NULL when it has no "<<". */
static char *name_of(const char *field)
{
  const char *sep = strstr(field, "<<");
  if (sep == NULL)
    return NULL;
  char *sur = g_strndup(field, (size_t)(sep - field));
  const char *g = sep + 2;
  size_t gl = 0;
  while (g[gl] != '\0' && !(g[gl] == '<' && g[gl + 1] == '<'))
    gl++;
  char *given = g_strndup(g, gl);
  g_strdelimit(sur, "<", ' ');
  g_strdelimit(given, "<", ' ');
  char *joined = g_strdup_printf("%s %s", g_strstrip(given), g_strstrip(sur));
  g_free(sur);
  g_free(given);
  char **w = g_strsplit(g_strstrip(joined), " ", -1);
  GString *out = g_string_new(NULL);
  for (size_t i = 0; w[i] != NULL; i++) {
    if (w[i][0] == '\0')
      continue;
    if (out->len > 0)
      g_string_append_c(out, ' ');
    g_string_append(out, w[i]);
  }
  g_strfreev(w);
  g_free(joined);
  return g_string_free(out, FALSE);
}

static int two(const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

bool sv_mrz_read_visa(const struct sv_layout *l, struct sv_mrz *m)
{
  memset(m, 0, sizeof *m);
  g_date_clear(&m->expiry, 1);
  bool found = false;
  for (size_t i = 0; i + 1 < sv_layout_nlines(l) && !found; i++) {
    const struct sv_lline *a = sv_layout_line(l, i),
                          *b = sv_layout_line(l, i + 1);
    if (a->ln->text == NULL || b->ln->text == NULL || a->page != b->page)
      continue;
    char *l1 = compact(a->ln->text), *l2 = compact(b->ln->text);
    if (strlen(l1) >= 30 && l1[0] == 'V' && strncmp(l1 + 2, "USA", 3) == 0 &&
        strlen(l2) >= 28 && sv_mrz_check(l2 + 13, 6) == l2[19] - '0' &&
        sv_mrz_check(l2 + 21, 6) == l2[27] - '0' &&
        sv_date_make(two(l2 + 25), two(l2 + 23), 2000 + two(l2 + 21),
                     &m->expiry)) {
      found = true;
      m->name = name_of(l1 + 5);
      m->page = b->page;
      m->box = b->ln->box;
    }
    g_free(l1);
    g_free(l2);
  }
  return found;
}

void sv_mrz_clear(struct sv_mrz *m)
{
  if (m == NULL)
    return;
  g_free(m->name);
  m->name = NULL;
}
