/*
 * dates.c - dates and statement periods in English and Spanish (see
 * dates.h).
 *
 * Regular expressions run over folded text (stages/text/fold.h), compiled
 * once and shared: a GRegex is immutable and safe to use from every
 * worker thread at once.
 */
#include "dates.h"

/* What OCR (and some layouts) leave after a date cell: "12/20." "25)" */
#define SV_DATE_TRAILING_NOISE ".,;:)"

#include <string.h>

#include "fold.h"

/* ------------------------------------------------------------- months */

/* Longest first, so that an alternation built from it prefers "sept" to
   "sep" and "march" to "mar". */
static const struct {
  const char *word;
  int month;
} month_words[] = {
    {"septiembre", 9}, {"noviembre", 11}, {"diciembre", 12},
    {"setiembre", 9},  {"september", 9},  {"february", 2}, {"november", 11},
    {"december", 12},  {"febrero", 2},    {"octubre", 10}, {"january", 1},
    {"october", 10},   {"agosto", 8},     {"august", 8},   {"enero", 1},
    {"marzo", 3},      {"abril", 4},      {"mayo", 5},     {"junio", 6},
    {"julio", 7},      {"march", 3},      {"april", 4},    {"june", 6},
    {"july", 7},       {"sept", 9},       {"may", 5},      {"ene", 1},
    {"feb", 2},        {"mar", 3},        {"abr", 4},      {"jun", 6},
    {"jul", 7},        {"ago", 8},        {"sep", 9},      {"set", 9},
    {"oct", 10},       {"nov", 11},       {"dic", 12},     {"jan", 1},
    {"apr", 4},        {"aug", 8},        {"dec", 12},
};

int sv_month_of(const char *word)
{
  if (word == NULL)
    return 0;
  size_t len = strlen(word);
  if (len > 0 && word[len - 1] == '.')
    len--;
  for (size_t k = 0; k < G_N_ELEMENTS(month_words); k++)
    if (strlen(month_words[k].word) == len &&
        strncmp(month_words[k].word, word, len) == 0)
      return month_words[k].month;
  return 0;
}

const char *sv_month_pattern(void)
{
  static gsize once = 0;
  static char *pattern = NULL;
  if (g_once_init_enter(&once)) {
    GString *s = g_string_new(NULL);
    for (size_t k = 0; k < G_N_ELEMENTS(month_words); k++) {
      if (k > 0)
        g_string_append_c(s, '|');
      g_string_append(s, month_words[k].word);
    }
    pattern = g_string_free(s, FALSE);
    g_once_init_leave(&once, 1);
  }
  return pattern;
}

/* -------------------------------------------------------------- dates */

/* On folded text.  Groups: 1-3 numeric a/b/year; 4-6 day, month name,
   year; 7-9 month name, day, year.  Years are optional for names.  An
   OCR'd "May l, 2019" (l or I for 1) is read as day 1 when a year
   follows. */
static char *date_pattern(void)
{
  const char *mon = sv_month_pattern();
  return g_strdup_printf(
      "\\b(?:(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b"
      "|(\\d{1,2})(?:st|nd|rd|th)?[ /.-]*(?:de\\s+)?(%s)"
      "\\b\\.?(?:,?[ /.-]*(?:de\\s+|del\\s+)?(\\d{4}|\\d{2})\\b)?"
      "|(%s)\\b\\.?\\s*(\\d{1,2}|[li](?=,?\\s*\\d{4}))(?:st|nd|rd|th)?\\b"
      "(?:,?\\s*(\\d{4})\\b)?)",
      mon, mon);
}

static const char range_sep_pattern[] =
    "^\\s*(?:-|\xe2\x80\x93|\xe2\x80\x94|~|al|a|to|through|thru|hasta|until|"
    "till)\\s*$";

/* Compiled once, never freed: GRegex is immutable and safe to share
   between threads. */
static GRegex *date_re(void)
{
  static gsize once = 0;
  static GRegex *re = NULL;
  if (g_once_init_enter(&once)) {
    char *pattern = date_pattern();
    re = g_regex_new(pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
    g_free(pattern);
    g_assert(re != NULL);
    g_once_init_leave(&once, 1);
  }
  return re;
}

static GRegex *range_sep_re(void)
{
  static gsize once = 0;
  static GRegex *re = NULL;
  if (g_once_init_enter(&once)) {
    re = g_regex_new(range_sep_pattern, G_REGEX_CASELESS, 0, NULL);
    g_assert(re != NULL);
    g_once_init_leave(&once, 1);
  }
  return re;
}

/* Parses a decimal group of at most 4 digits; -1 when absent. */
static int group_int(const GMatchInfo *mi, int n)
{
  int s = -1, e = -1;
  if (!g_match_info_fetch_pos(mi, n, &s, &e) || s < 0 || e <= s || e - s > 4)
    return -1;
  char *t = g_match_info_fetch(mi, n);
  if (strcmp(t, "l") == 0 || strcmp(t, "i") == 0)
    t[0] = '1';
  guint64 v = 0;
  bool ok = g_ascii_string_to_unsigned(t, 10, 0, 9999, &v, NULL);
  g_free(t);
  return ok ? (int)v : -1;
}

int sv_date_full_year(int y)
{
  if (y < 0)
    return 0;
  if (y < 70)
    return 2000 + y;
  if (y < 100)
    return 1900 + y;
  return y;
}

static bool raw_date_from_match(const GMatchInfo *mi, struct sv_raw_date *d)
{
  memset(d, 0, sizeof *d);
  g_match_info_fetch_pos(mi, 0, &d->start, &d->end);
  int a = group_int(mi, 1);
  if (a >= 0) {
    d->numeric = true;
    d->a = a;
    d->b = group_int(mi, 2);
    d->year = sv_date_full_year(group_int(mi, 3));
    return d->b >= 0;
  }
  int name_group = group_int(mi, 4) >= 0 ? 5 : 7;
  char *name = g_match_info_fetch(mi, name_group);
  d->month = name != NULL ? sv_month_of(name) : 0;
  g_free(name);
  if (name_group == 5) {
    d->day = group_int(mi, 4);
    d->year = sv_date_full_year(group_int(mi, 6));
  } else {
    d->day = group_int(mi, 8);
    d->year = sv_date_full_year(group_int(mi, 9));
  }
  return d->month > 0 && d->day > 0;
}

/* Resolves one date of a reading: mdy tells the order of numeric dates. */
static void resolve(const struct sv_raw_date *r, bool mdy, int *d, int *m)
{
  if (r->numeric) {
    *m = mdy ? r->a : r->b;
    *d = mdy ? r->b : r->a;
  } else {
    *d = r->day;
    *m = r->month;
  }
}

bool sv_date_make(int d, int m, int y, GDate *out)
{
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 ||
      !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return false;
  g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return true;
}

/* One reading of a pair of dates: valid when both exist and start <= end.
   A missing year is borrowed from the other date. */
static bool reading(const struct sv_raw_date *s, const struct sv_raw_date *e,
                    bool mdy, GDate *gs, GDate *ge)
{
  int sd, sm, ed, em;
  resolve(s, mdy, &sd, &sm);
  resolve(e, mdy, &ed, &em);
  int sy = s->year, ey = e->year;
  if (sy == 0 && ey == 0)
    return false;
  if (sy == 0)
    sy = sm > em ? ey - 1 : ey;
  if (ey == 0)
    ey = em < sm ? sy + 1 : sy;
  if (!sv_date_make(sd, sm, sy, gs) || !sv_date_make(ed, em, ey, ge))
    return false;
  return g_date_compare(gs, ge) <= 0;
}

static bool is_monthly(const GDate *s, const GDate *e)
{
  int len = g_date_days_between(s, e) + 1;
  return len >= 20 && len <= 40;
}

/* Chooses between the month/day and day/month readings of a pair (see the
   header); returns false when neither is valid. */
bool sv_dates_pick(const struct sv_raw_date *s, const struct sv_raw_date *e,
                         const char *lang, GDate *gs, GDate *ge,
                         bool *monthly, int *mdy_out)
{
  GDate rs[2], re[2];
  bool ok[2];
  bool mon[2] = {false, false};
  bool ambiguous = s->numeric || e->numeric;
  /* index 0: the language's own order first */
  bool prefer_mdy = lang != NULL && strcmp(lang, "en") == 0;
  for (int i = 0; i < 2; i++) {
    g_date_clear(&rs[i], 1);
    g_date_clear(&re[i], 1);
    bool mdy = i == 0 ? prefer_mdy : !prefer_mdy;
    ok[i] = (i == 0 || ambiguous) && reading(s, e, mdy, &rs[i], &re[i]);
    if (ok[i])
      mon[i] = is_monthly(&rs[i], &re[i]);
  }
  int pick = -1;
  if (ok[0] && ok[1])
    pick = (mon[1] && !mon[0]) ? 1 : 0;
  else if (ok[0])
    pick = 0;
  else if (ok[1])
    pick = 1;
  if (pick < 0)
    return false;
  *gs = rs[pick];
  *ge = re[pick];
  *monthly = mon[pick];
  if (mdy_out != NULL)
    *mdy_out = !ambiguous ? -1 : (pick == 0) == prefer_mdy;
  return true;
}

/* Collects the dates of folded text. Returns owned GArray of raw_date. */
GArray *sv_dates_in(const char *folded)
{
  GArray *out = g_array_new(FALSE, TRUE, sizeof(struct sv_raw_date));
  GMatchInfo *mi = NULL;
  g_regex_match(date_re(), folded, 0, &mi);
  while (g_match_info_matches(mi)) {
    struct sv_raw_date d;
    if (raw_date_from_match(mi, &d))
      g_array_append_val(out, d);
    if (!g_match_info_next(mi, NULL))
      break;
  }
  g_match_info_free(mi);
  return out;
}

/* The first valid range of folded text; *monthly set as for pick. */
bool sv_period_in(const char *folded, const char *lang, GDate *start,
                      GDate *end, bool *monthly, int *mdy)
{
  bool found = false;
  GArray *dates = sv_dates_in(folded);
  for (guint i = 0; i + 1 < dates->len && !found; i++) {
    const struct sv_raw_date *s = &g_array_index(dates, struct sv_raw_date, i);
    const struct sv_raw_date *e = &g_array_index(dates, struct sv_raw_date, i + 1);
    char *between = g_strndup(folded + s->end, (gsize)(e->start - s->end));
    bool sep = g_regex_match(range_sep_re(), between, 0, NULL);
    g_free(between);
    if (sep && sv_dates_pick(s, e, lang, start, end, monthly, mdy))
      found = true;
  }
  g_array_free(dates, TRUE);
  return found;
}

bool sv_period_parse(const char *text, const char *lang, GDate *start,
                             GDate *end)
{
  if (text == NULL || start == NULL || end == NULL)
    return false;
  char *folded = sv_fold(text);
  GDate s, e;
  bool monthly = false;
  g_date_clear(&s, 1);
  g_date_clear(&e, 1);
  bool ok = sv_period_in(folded, lang, &s, &e, &monthly, NULL);
  g_free(folded);
  if (ok) {
    *start = s;
    *end = e;
  }
  return ok;
}


/* ---------------------------------------------------------- row dates */

static bool all_digits(const char *s, size_t max)
{
  size_t n = strlen(s);
  if (n == 0 || n > max)
    return false;
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isdigit(s[i]))
      return false;
  return true;
}

/* Turns the letters OCR prints for digits (o, l, i, s, '|'; already
   lowered) into digits in a two-character part made only of digits and
   such letters: a day or month number misread. */
static void ocr_digits(char *w)
{
  size_t n = strlen(w);
  if (n != 2)
    return;
  for (size_t i = 0; i < n; i++)
    if (!g_ascii_isdigit(w[i]) && strchr("olis|", w[i]) == NULL)
      return;
  for (size_t i = 0; i < n; i++) {
    if (w[i] == 'o')
      w[i] = '0';
    else if (w[i] == 'l' || w[i] == 'i' || w[i] == '|')
      w[i] = '1';
    else if (w[i] == 's')
      w[i] = '5';
  }
}

/* The other way round for a month's name: "0ct", "n0v", "ju1" (two
   letters at least, the digits OCR prints for o, l and s). */
static void ocr_letters(char *w)
{
  int letters = 0;
  for (const char *p = w; *p != '\0'; p++)
    letters += g_ascii_isalpha(*p) ? 1 : 0;
  if (letters < 2 || letters == (int)strlen(w))
    return;
  for (char *p = w; *p != '\0'; p++) {
    if (*p == '0')
      *p = 'o';
    else if (*p == '1')
      *p = 'l';
    else if (*p == '5')
      *p = 's';
  }
}

bool sv_row_date_parse(const char *word, struct sv_row_date *rd)
{
  memset(rd, 0, sizeof rd[0]);
  size_t n = strlen(word);
  if (n < 3 || n > 12)
    return false;
  char *low = g_ascii_strdown(word, -1);
  /* OCR and some layouts end a date cell with a stray dot or comma */
  while (n > 3 && strchr(SV_DATE_TRAILING_NOISE, low[n - 1]) != NULL)
    low[--n] = '\0';
  for (char *q = low; *q != '\0'; q++)
    if (*q == '.' || *q == '-')
      *q = '/';
  char **parts = g_strsplit(low, "/", 4);
  guint np = g_strv_length(parts);
  bool ok = false;
  if (np == 2 || np == 3) {
    int year = 0;
    ok = true;
    if (np == 3) {
      if (all_digits(parts[2], 4) && strlen(parts[2]) != 3 &&
          strlen(parts[2]) != 1)
        year = sv_date_full_year((int)g_ascii_strtoll(parts[2], NULL, 10));
      else
        ok = false;
    }
    /* OCR reads a 0 as O, a 1 as l or I, a 5 as S in a day or month
       number: "OS/JUN" is 05/JUN when the rest is a date */
    for (int k = 0; k < 2; k++)
      ocr_digits(parts[k]);
    ocr_letters(parts[1]);
    if (ok && all_digits(parts[0], 2) && all_digits(parts[1], 2)) {
      rd->numeric = true;
      rd->a = (int)g_ascii_strtoll(parts[0], NULL, 10);
      rd->b = (int)g_ascii_strtoll(parts[1], NULL, 10);
    } else if (ok && all_digits(parts[0], 2) && sv_month_of(parts[1]) > 0) {
      rd->day = (int)g_ascii_strtoll(parts[0], NULL, 10);
      rd->month = sv_month_of(parts[1]);
    } else {
      ok = false;
    }
    rd->year = year;
  }
  g_strfreev(parts);
  g_free(low);
  return ok;
}

/* A day of the month as printed: 1-2 digits, an optional ordinal suffix
   ("1st", "02nd"); -1 when it is not one. */
static int day_word(const char *w)
{
  size_t n = 0;
  int d = 0;
  while (g_ascii_isdigit(w[n]) && n < 2)
    d = d * 10 + (w[n++] - '0');
  if (n == 0 || d < 1 || d > 31)
    return -1;
  const char *rest = w + n;
  if (*rest == '\0' || strcmp(rest, ",") == 0 || strcmp(rest, ".") == 0)
    return d;
  static const char *const ord[] = {"st", "nd", "rd", "th"};
  for (size_t k = 0; k < G_N_ELEMENTS(ord); k++)
    if (g_ascii_strncasecmp(rest, ord[k], 2) == 0 &&
        (rest[2] == '\0' || rest[2] == ','))
      return d;
  return -1;
}

/* The month a printed word names (folded, a final ',' or '.' dropped). */
static int month_word(const char *w)
{
  char *f = sv_fold(w);
  size_t n = strlen(f);
  while (n > 0 && (f[n - 1] == ',' || f[n - 1] == '.'))
    f[--n] = '\0';
  int m = sv_month_of(f);
  g_free(f);
  return m;
}

size_t sv_row_date_words(const char *const *words, size_t n,
                         struct sv_row_date *rd)
{
  if (n == 0 || words[0] == NULL)
    return 0;
  if (sv_row_date_parse(words[0], rd))
    return 1;
  if (n < 2 || words[1] == NULL)
    return 0;
  int d = day_word(words[0]), m = month_word(words[1]);
  if (d < 0 || m == 0) {
    d = day_word(words[1]);
    m = month_word(words[0]);
  }
  if (d < 0 || m == 0)
    return 0;
  memset(rd, 0, sizeof *rd);
  rd->day = d;
  rd->month = m;
  return 2;
}

bool sv_row_date_day(const char *word, struct sv_row_date *rd)
{
  size_t n = word != NULL ? strlen(word) : 0;
  while (n > 1 && strchr(SV_DATE_TRAILING_NOISE, word[n - 1]) != NULL)
    n--;
  if (n < 1 || n > 2 || !g_ascii_isdigit(word[0]) ||
      (n == 2 && !g_ascii_isdigit(word[1])))
    return false;
  int d = (word[0] - '0') * (n == 2 ? 10 : 1) + (n == 2 ? word[1] - '0' : 0);
  if (d < 1 || d > 31)
    return false;
  memset(rd, 0, sizeof *rd);
  rd->day = d;
  rd->day_only = true;
  return true;
}

bool sv_row_date_place(const struct sv_row_date *rd, const char *lang,
                       int order, const GDate *start, const GDate *end,
                       GDate *out)
{
  if (!g_date_valid(start) || !g_date_valid(end))
    return false;
  if (rd->day_only) {
    const GDate *months[2] = {end, start};
    for (int k = 0; k < 2; k++) {
      GDate d;
      g_date_clear(&d, 1);
      if (sv_date_make(rd->day, (int)g_date_get_month(months[k]),
                       (int)g_date_get_year(months[k]), &d) &&
          g_date_compare(&d, start) >= 0 && g_date_compare(&d, end) <= 0) {
        *out = d;
        return true;
      }
    }
    return false;
  }
  int dm[2][2]; /* {day, month} readings */
  int nread = 1;
  if (rd->numeric) {
    bool mdy = order >= 0 ? order == 1
                         : lang != NULL && strcmp(lang, "en") == 0;
    dm[0][0] = mdy ? rd->b : rd->a;
    dm[0][1] = mdy ? rd->a : rd->b;
    dm[1][0] = mdy ? rd->a : rd->b;
    dm[1][1] = mdy ? rd->b : rd->a;
    nread = order >= 0 ? 1 : 2;
  } else {
    dm[0][0] = rd->day;
    dm[0][1] = rd->month;
  }
  int years[2] = {(int)g_date_get_year(start), (int)g_date_get_year(end)};
  for (int r = 0; r < nread; r++) {
    for (int y = 0; y < 2; y++) {
      int year = rd->year != 0 ? rd->year : years[y];
      GDate d;
      g_date_clear(&d, 1);
      if (!sv_date_make(dm[r][0], dm[r][1], year, &d))
        continue;
      if (g_date_compare(&d, start) >= 0 && g_date_compare(&d, end) <= 0) {
        *out = d;
        return true;
      }
    }
  }
  return false;
}

