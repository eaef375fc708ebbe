/*
 * dates.h - dates and statement periods as banks, employers and notaries
 * print them, in English and Spanish.
 *
 * Part of the text library (stages/text/): one table of month names (full
 * and abbreviated, both languages) serves every reader.  Numeric dates are
 * kept as printed (sv_raw_date) until the caller can decide between
 * month/day and day/month: a period's two dates decide together (a start
 * after the end is impossible, a 20-40 day period is likelier), and the
 * rows of a movements table are read in one order for the whole table.
 */
#ifndef SV_DATES_H
#define SV_DATES_H

#include <glib.h>
#include <stdbool.h>

/* The month (1..12) a folded word names, Spanish or English, full or
   abbreviated, with or without a final '.' ("septiembre", "setiembre",
   "sept", "ene", "january", "jan."); 0 when none.  Borrows word. */
int sv_month_of(const char *word);

/* The regex alternation of every month name sv_month_of knows, longest
   first (static string, for building patterns over folded text). */
const char *sv_month_pattern(void);

/* A date as printed, before the day/month order is decided. */
struct sv_raw_date {
  bool numeric;   /* a/b are day and month in an unknown order */
  int a, b;       /* numeric: first and second number */
  int day, month; /* with a month name */
  int year;       /* 0 when not printed */
  int start, end; /* byte offsets of the match in the text searched */
};

/* Every date of folded text: "03/01/2026", "01-ENE-2024", "1 de marzo de
   2026", "April 01, 2025", "May l, 2019" (an OCR'd l or I for 1 when a
   year follows).  Returns owned: a GArray of struct sv_raw_date. */
GArray *sv_dates_in(const char *folded);

/* A four-digit year from a printed one: 26 -> 2026, 98 -> 1998; a negative
   (absent) year gives 0. */
int sv_date_full_year(int y);

/* Sets *out to d/m/y when that is a real date (years 1900-2200). */
bool sv_date_make(int d, int m, int y, GDate *out);

/* Reads two printed dates as a period [*gs, *ge]: both readings of numeric
   dates are tried, lang's own order first ("en": month/day), and the one
   that is valid (start <= end) is taken, a 20-40 day one when both are.  A
   missing year is borrowed from the other date.  *monthly tells whether
   the period lasts 20-40 days; *mdy (may be NULL) is 1 when numeric dates
   read month/day, 0 when day/month, -1 when no date was numeric. */
bool sv_dates_pick(const struct sv_raw_date *s, const struct sv_raw_date *e,
                   const char *lang, GDate *gs, GDate *ge, bool *monthly,
                   int *mdy);

/* The first valid range of folded text: two dates joined by "-", "al",
   "a", "to", "through", "thru", "hasta", "until" ("DEL 01/03/2026 AL
   31/03/2026", "April 01, 2025 through April 30, 2025", "February 1 -
   April 30, 2022").  Same outputs as sv_dates_pick. */
bool sv_period_in(const char *folded, const char *lang, GDate *start,
                  GDate *end, bool *monthly, int *mdy);

/* Finds the first date range in text (not folded) and sets *start and
   *end; see sv_period_in.  Borrows text and lang.  Returns false and leaves
   the dates alone when no valid range is found. */
bool sv_period_parse(const char *text, const char *lang, GDate *start,
                     GDate *end);

/* A date printed in one word at the start of a movement row, before the
   statement's period gives it a year: "03/02", "02/MAR", "15-ENE",
   "05-OCT-24", "03/02/2026". */
struct sv_row_date {
  bool numeric;   /* a/b: both orders possible */
  int a, b;
  int day, month; /* with a month name; day_only: month 0 */
  int year;       /* 0 when not printed */
  bool day_only;  /* only the day of the month was printed ("07") */
};

/* Parses word as a row date; false when it is not one. */
bool sv_row_date_parse(const char *word, struct sv_row_date *rd);

/* A day of the month printed alone ("07", "31") as a row date. */
bool sv_row_date_day(const char *word, struct sv_row_date *rd);

/* The row date printed by the first words of words[0..n) (as printed, not
   folded): one word ("03/02", "15/ENE", "05-OCT-24"), or a day and a month
   name in two words ("02 May", "May 02", "2 de mayo" is not a row date).
   Returns how many words it took (1 or 2), 0 when they print no date. */
size_t sv_row_date_words(const char *const *words, size_t n,
                         struct sv_row_date *rd);

/* Places a row date in the period [start, end]: numeric dates are read
   month/day when order is 1, day/month when 0, and both ways (lang's own
   order first) when -1; a date without a year takes the period's start or
   end year; a day alone takes the period's end month, else its start
   month.  False when no reading falls inside the period. */
bool sv_row_date_place(const struct sv_row_date *rd, const char *lang,
                       int order, const GDate *start, const GDate *end,
                       GDate *out);

#endif
