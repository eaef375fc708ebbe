/*
 * movements.c - movement tables into dated rows, columns decided by the
 * running balance (see movements.h).
 */
#include "movements.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../text/amount.h"
#include "../text/fold.h"
#include "cells.h"
#include "vocab.h"

#define MAX_MOVE_COLS 3
/* A re-read cell below this confidence is left unread: a wrong reading
   breaks the balances' links, no reading only leaves one out. */
#define SV_MOVE_REREAD_CONF 60.0f
#define MAX_BALANCE_TRIES 3
/* An OCR'd date cell read below this confidence is read again alone:
   in a page-wide reading Tesseract's line model can take a day's digits
   from its neighbours ("25" read "20" at 91 where the row reads 97), and
   no arithmetic checks a date. */
#define SV_MOVE_DATE_SURE 95.0f

/* How a table's date column prints its dates. */
enum date_form { FORM_NONE = 0, FORM_DAY, FORM_NUMERIC, FORM_NAMED };

static enum date_form form_of(const struct sv_row_date *rd)
{
  return rd->day_only ? FORM_DAY : rd->numeric ? FORM_NUMERIC : FORM_NAMED;
}

/* How one movement column is read: as printed (signed as parsed), as
   money in (its absolute value), or as money out. */
enum reading { READ_PRINTED = 0, READ_IN, READ_OUT };

struct tinfo {
  const struct sv_table *t;
  struct sv_tcell *cells;          /* owned: a copy of the rows' cells
                                      (texts borrowed), rows x columns,
                                      where re-read amounts are filled in */
  char **dates;                    /* owned, per row: a re-read date cell,
                                      or NULL */
  bool *undated;                   /* owned, per row: its date cell's
                                      readings disagree (NULL: none do) */
  size_t date_col;                 /* SIZE_MAX when rows carry their date in
                                      their first words */
  enum sv_column role[SV_LAYOUT_MAX_COLUMNS];
  int dir;                         /* the section title's direction */
  bool ledger;
  enum date_form date_form;        /* how most of its date cells print */
  /* for re-reads of cells the balances contradict; NULL without them */
  const struct sv_layout *l;
  const struct sv_doc *doc;
  const struct sv_services *svc;
};

/* ------------------------------------------------------------- helpers */

static const struct sv_tcell *cell_at(const struct tinfo *ti, size_t r,
                                      size_t c)
{
  return &ti->cells[r * ti->t->ncols + c];
}

static char *key_of(const char *text)
{
  char *f = sv_fold(text != NULL ? text : "");
  char *t = sv_fold_tokens(f);
  char *k = g_strdup(g_strstrip(t));
  g_free(t);
  g_free(f);
  return k;
}

/* The date printed at the start of text (a cell or the row's first
   words); day_ok accepts a bare day number ("07"). */
static bool date_of(const char *text, bool day_ok, struct sv_row_date *rd)
{
  if (text == NULL || text[0] == '\0')
    return false;
  char **w = g_strsplit(text, " ", 4);
  size_t n = g_strv_length(w);
  bool ok = sv_row_date_words((const char *const *)w, n, rd) > 0 ||
            (day_ok && n > 0 && sv_row_date_day(w[0], rd));
  g_strfreev(w);
  return ok;
}

/* The row's leftmost printed text. */
static const char *first_text(const struct sv_table *t, size_t r)
{
  for (size_t c = 0; c < t->ncols; c++)
    if (t->rows[r].cells[c].text != NULL)
      return t->rows[r].cells[c].text;
  return NULL;
}

/* The row's date: from the date column, else its first words. */
static bool row_date(const struct tinfo *ti, size_t r, struct sv_row_date *rd)
{
  const struct sv_table *t = ti->t;
  if (ti->undated != NULL && ti->undated[r])
    return false;
  if (ti->dates != NULL && ti->dates[r] != NULL &&
      date_of(ti->dates[r], true, rd))
    return true;
  if (ti->date_col != SIZE_MAX &&
      date_of(t->rows[r].cells[ti->date_col].text, true, rd))
    return true;
  return date_of(first_text(t, r), false, rd);
}

/* The text of a row's non-numeric cells and its wrapped lines, folded. */
static char *row_words(const struct sv_table *t, size_t r)
{
  GString *s = g_string_new(NULL);
  for (size_t c = 0; c < t->ncols; c++) {
    const struct sv_tcell *tc = &t->rows[r].cells[c];
    if (tc->text == NULL || tc->has_amount)
      continue;
    g_string_append_printf(s, "%s ", tc->text);
  }
  char *k = key_of(s->str);
  g_string_free(s, TRUE);
  return k;
}

/* The key of the section title above the table's header: the first of
   the three lines above it (within a few line heights) that names money
   in or out or daily balances; "" when none does. */
static char *title_key(const struct sv_layout *l, const struct sv_table *t)
{
  if (t->continued)
    return g_strdup("");
  const struct sv_lline *h = sv_layout_line(l, t->header_line);
  double top = h->ln->box.y0;
  for (size_t k = 1; k <= 3 && k <= t->header_line; k++) {
    const struct sv_lline *a = sv_layout_line(l, t->header_line - k);
    if (a->pidx != h->pidx || top - a->ln->box.y1 > 3.0 * fmax(h->height, 1.0))
      break;
    char *key = key_of(a->ln->text);
    if (sv_vocab_direction(key) != 0 || sv_vocab_daily_balances(key))
      return key;
    g_free(key);
    top = a->ln->box.y0;
  }
  return g_strdup("");
}

/* ----------------------------------------------------- what the table is */

static bool analyse(const struct sv_layout *l, const struct sv_table *t,
                    struct tinfo *ti)
{
  memset(ti, 0, sizeof *ti);
  ti->t = t;
  ti->date_col = SIZE_MAX;
  size_t numeric = 0, dates_hdr = 0;
  for (size_t c = 0; c < t->ncols && c < SV_LAYOUT_MAX_COLUMNS; c++) {
    ti->role[c] = sv_vocab_column(t->cols[c].key);
    if (t->cols[c].numeric)
      numeric++;
    if (ti->role[c] == SV_COL_DATE && !t->cols[c].numeric) {
      dates_hdr++;
      if (ti->date_col == SIZE_MAX)
        ti->date_col = c;
    }
  }
  if (numeric == 0 || t->nrows == 0)
    return false;
  /* no date header: the first text column most of whose rows hold dates */
  if (ti->date_col == SIZE_MAX) {
    for (size_t c = 0; c < t->ncols && ti->date_col == SIZE_MAX; c++) {
      if (t->cols[c].numeric)
        continue;
      size_t n = 0;
      for (size_t r = 0; r < t->nrows; r++) {
        struct sv_row_date rd;
        if (date_of(t->rows[r].cells[c].text, false, &rd))
          n++;
      }
      if (n * 2 > t->nrows)
        ti->date_col = c;
    }
  }
  size_t dated = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    struct sv_row_date rd;
    if (row_date(ti, r, &rd))
      dated++;
  }
  if (dated == 0 || (ti->date_col == SIZE_MAX && dated * 2 < t->nrows))
    return false;
  char *title = title_key(l, t);
  ti->dir = sv_vocab_direction(title);
  /* "Date Balance Date Balance", or dates and amounts under a daily
     balances title: a day's balance per pair */
  bool movement_cols = false;
  for (size_t c = 0; c < t->ncols; c++)
    if (t->cols[c].numeric &&
        (ti->role[c] == SV_COL_DEBIT || ti->role[c] == SV_COL_CREDIT))
      movement_cols = true;
  ti->ledger = !movement_cols &&
               (sv_vocab_daily_balances(title) ||
                (dates_hdr >= 2 && dates_hdr == numeric));
  if (ti->ledger)
    ti->dir = 0;
  g_free(title);
  return true;
}

/* --------------------------------------------------------- the columns */

struct hypo {
  size_t bal;                   /* the balance column, SIZE_MAX: none */
  size_t mcol[MAX_MOVE_COLS];   /* movement columns */
  enum reading read[MAX_MOVE_COLS];
  size_t nm;
};

static sv_cents read_value(const struct sv_tcell *tc, enum reading rd)
{
  sv_cents v = tc->span.value;
  sv_cents a = v < 0 ? -v : v;
  return rd == READ_IN ? a : rd == READ_OUT ? -a : v;
}

/* The movement of row r under hypothesis h; false when a movement cell
   cannot be read (two amounts, or text that is no amount). */
static bool row_move(const struct tinfo *ti, size_t r, const struct hypo *h,
                     sv_cents *sum, bool *any)
{
  *sum = 0;
  *any = false;
  for (size_t k = 0; k < h->nm; k++) {
    const struct sv_tcell *tc = cell_at(ti, r, h->mcol[k]);
    if (tc->namounts > 1 || (tc->text != NULL && !tc->has_amount))
      return false;
    if (tc->has_amount) {
      *sum += read_value(tc, h->read[k]);
      *any = true;
    }
  }
  return true;
}

/* How many balance links of t hold under h (*links: how many there are);
   the table before it may leave a balance to start from (*start). */
static int score(const struct tinfo *ti, const struct hypo *h,
                 const sv_cents *start, int *links)
{
  const struct sv_table *t = ti->t;
  int ok = 0;
  *links = 0;
  bool known = start != NULL, chain = true;
  sv_cents prev = start != NULL ? *start : 0, pending = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    sv_cents mv = 0;
    bool any = false;
    if (!row_move(ti, r, h, &mv, &any))
      chain = false;
    pending += mv;
    const struct sv_tcell *b = cell_at(ti, r, h->bal);
    if (!b->has_amount)
      continue;
    if (known && chain && any) {
      (*links)++;
      if (prev + pending == b->span.value)
        ok++;
    }
    prev = b->span.value;
    known = true;
    chain = true;
    pending = 0;
  }
  return ok;
}

static const enum reading readings_for[][3] = {
    [SV_COL_OTHER] = {READ_PRINTED, READ_IN, READ_OUT},
    [SV_COL_DATE] = {READ_PRINTED, READ_IN, READ_OUT},
    [SV_COL_DEBIT] = {READ_OUT, READ_IN, READ_PRINTED},
    [SV_COL_CREDIT] = {READ_IN, READ_OUT, READ_PRINTED},
    [SV_COL_AMOUNT] = {READ_PRINTED, READ_IN, READ_OUT},
    [SV_COL_BALANCE] = {READ_PRINTED, READ_IN, READ_OUT},
};

/* Decides the columns of a table with a running balance: every balance
   column candidate and every reading of the movement columns, the most
   links held winning, the header's own reading on a tie; a table going on
   from the one before starts from that one's last balance (*start, may be
   NULL).  Returns false when the table has no column that behaves as a
   running balance. */
static bool decide(const struct tinfo *ti, const sv_cents *start,
                   struct hypo *best, int *links, int *links_ok)
{
  const struct sv_table *t = ti->t;
  size_t cands[MAX_BALANCE_TRIES];
  size_t nc = 0;
  /* header-named balance columns first, rightmost first; else any numeric
     column, rightmost first */
  for (int pass = 0; pass < 2 && nc == 0; pass++)
    for (size_t c = t->ncols; c-- > 0 && nc < MAX_BALANCE_TRIES;)
      if (t->cols[c].numeric &&
          (pass == 1 || ti->role[c] == SV_COL_BALANCE))
        cands[nc++] = c;
  int best_ok = -1, best_links = 0;
  for (size_t i = 0; i < nc; i++) {
    struct hypo h = {0};
    h.bal = cands[i];
    for (size_t c = 0; c < t->ncols && h.nm < MAX_MOVE_COLS; c++)
      if (t->cols[c].numeric && c != h.bal &&
          ti->role[c] != SV_COL_BALANCE)
        h.mcol[h.nm++] = c;
    if (h.nm == 0)
      continue;
    size_t combos = 1;
    for (size_t k = 0; k < h.nm; k++)
      combos *= 3;
    for (size_t combo = 0; combo < combos; combo++) {
      size_t x = combo;
      for (size_t k = 0; k < h.nm; k++) {
        h.read[k] = readings_for[ti->role[h.mcol[k]]][x % 3];
        x /= 3;
      }
      int nl = 0;
      int ok = score(ti, &h, start, &nl);
      if (ok > best_ok) {
        best_ok = ok;
        best_links = nl;
        *best = h;
      }
    }
  }
  *links = best_links;
  *links_ok = best_ok < 0 ? 0 : best_ok;
  if (best_ok > 0)
    return true;
  /* No reading links any balance (misread rows, one row): a column the
     header calls a balance is still one, read as the header says. */
  if (best_ok < 0 || ti->role[cands[0]] != SV_COL_BALANCE)
    return false;
  best->bal = cands[0];
  best->nm = 0;
  for (size_t c = 0; c < t->ncols && best->nm < MAX_MOVE_COLS; c++)
    if (t->cols[c].numeric && c != best->bal &&
        ti->role[c] != SV_COL_BALANCE) {
      best->mcol[best->nm] = c;
      best->read[best->nm++] = readings_for[ti->role[c]][0];
    }
  return true;
}

/* -------------------------------------------------------------- rows */

static void mark_skip(struct sv_movements *m, const struct sv_table *t)
{
  if (!t->continued)
    for (size_t k = 0; k < t->header_lines; k++)
      if (t->header_line + k < m->nlines)
        m->skip[t->header_line + k] = true;
  for (size_t r = 0; r < t->nrows; r++)
    for (size_t k = 0; k < t->rows[r].nlines; k++)
      if (t->rows[r].line + k < m->nlines)
        m->skip[t->rows[r].line + k] = true;
}

static void cell_figure(const struct sv_tcell *tc, sv_cents v,
                        struct sv_figure *f, int page)
{
  memset(f, 0, sizeof *f);
  f->present = true;
  f->amount = v;
  f->page = page;
  f->box = tc->span.box;
  f->conf = tc->span.conf;
}

/* A "Total" row under debit and credit columns: the period's totals. */
static bool totals_row(struct sv_movements *m, const struct tinfo *ti,
                       size_t r, const char *words)
{
  if (!g_str_has_prefix(words, "total"))
    return false;
  const struct sv_table *t = ti->t;
  for (size_t c = 0; c < t->ncols; c++) {
    const struct sv_tcell *tc = cell_at(ti, r, c);
    if (!tc->has_amount)
      continue;
    sv_cents v = tc->span.value < 0 ? -tc->span.value : tc->span.value;
    if (ti->role[c] == SV_COL_CREDIT && !m->total_credits.present)
      cell_figure(tc, v, &m->total_credits, t->rows[r].page);
    else if (ti->role[c] == SV_COL_DEBIT && !m->total_debits.present)
      cell_figure(tc, v, &m->total_debits, t->rows[r].page);
  }
  return true;
}

/* Re-reads the amount of column c on row r from the page image; false
   when the page has none or nothing parses. */
static bool reread_cell(const struct tinfo *ti, size_t r, size_t c,
                        sv_cents *v, float *conf)
{
  char *text = NULL;
  bool ok = sv_cell_reread(ti->svc, ti->doc, ti->l, ti->t, r, c, &text,
                           conf) &&
            sv_amount_parse(text, v);
  g_free(text);
  return ok;
}

/* A row the balances contradict (previous + movement != balance) whose
   movement or balance, re-read from the page, makes them agree: the
   re-read is what the page prints.  One movement cell only. */
/* Whether row r, read by h, prints a movement and a balance that follow
   from the balance prev. */
static bool links_from(const struct tinfo *ti, size_t r, const struct hypo *h,
                       sv_cents prev)
{
  sv_cents mv = 0;
  bool any = false;
  if (!row_move(ti, r, h, &mv, &any) || !any)
    return false;
  const struct sv_tcell *b = cell_at(ti, r, h->bal);
  return b->has_amount &&
         (prev + mv == b->span.value || prev - mv == b->span.value);
}

static void reread_row(const struct tinfo *ti, size_t r, const struct hypo *h,
                       sv_cents prev, struct sv_mrow *row)
{
  size_t mc = SIZE_MAX;
  int n = 0;
  for (size_t k = 0; k < h->nm; k++)
    if (cell_at(ti, r, h->mcol[k])->has_amount) {
      mc = k;
      n++;
    }
  if (n != 1)
    return;
  sv_cents v = 0;
  float conf = 0;
  if (reread_cell(ti, r, h->mcol[mc], &v, &conf)) {
    sv_cents a = v < 0 ? -v : v;
    enum reading rd = h->read[mc];
    sv_cents mv = rd == READ_IN ? a : rd == READ_OUT ? -a : v;
    if (prev + mv == row->balance || prev - mv == row->balance) {
      row->amount = prev + mv == row->balance ? mv : -mv;
      row->amt_conf = conf;
      return;
    }
  }
  if (reread_cell(ti, r, h->bal, &v, &conf) &&
      (prev + row->amount == v || prev - row->amount == v)) {
    row->balance = v;
    row->bal_conf = conf;
    return;
  }
  /* the next row links from this row's balance: a misread balance would
     break that link too, so the balance stands and the movement is
     misread ("7,537.21" read "71,937.21", twice); it is left unread, and
     states nothing */
  const struct sv_page *pg = sv_doc_page(ti->doc, ti->t->rows[r].page);
  if (pg == NULL || pg->source != SV_TEXT_OCR)
    return; /* a text layer prints what it prints: no misreading */
  if (r + 1 < ti->t->nrows && links_from(ti, r + 1, h, row->balance)) {
    row->has_amount = false;
    row->unread = true;
    return;
  }
  /* still one digit off what the balances call for ("277.13" printed
     277.73, read twice so): the movement is misread, not the balances,
     which the rows around keep linking; it is left unread, and states
     nothing */
  char a[40], b[40];
  sv_cents want = row->balance - prev;
  g_snprintf(a, sizeof a, "%lld", (long long)(row->amount < 0 ? -row->amount
                                                              : row->amount));
  g_snprintf(b, sizeof b, "%lld", (long long)(want < 0 ? -want : want));
  size_t diff = 0;
  for (size_t i = 0; a[i] != '\0' && b[i] != '\0'; i++)
    diff += a[i] != b[i];
  if (strlen(a) == strlen(b) && diff == 1) {
    row->has_amount = false;
    row->unread = true;
  }
}

/* The digits of text, nothing else ("2,133.15" and "213315" alike). */
static void digits_of(const char *text, char *out, size_t len)
{
  size_t n = 0;
  for (const char *p = text != NULL ? text : ""; *p != '\0' && n + 1 < len;
       p++)
    if (g_ascii_isdigit(*p))
      out[n++] = *p;
  out[n] = '\0';
}

/* True when the digits printed in cell tc are those of v (its absolute
   value, in cents with two decimals). */
static bool same_digits(const struct sv_tcell *tc, sv_cents v)
{
  char printed[40], want[40];
  digits_of(tc->text, printed, sizeof printed);
  g_snprintf(want, sizeof want, "%lld", (long long)(v < 0 ? -v : v));
  if (strlen(want) < 3) {
    /* 0.05 prints as 005 / 0.05 */
    char padded[40];
    g_snprintf(padded, sizeof padded, "%03lld", (long long)(v < 0 ? -v : v));
    g_strlcpy(want, padded, sizeof want);
  }
  return printed[0] != '\0' && strcmp(printed, want) == 0;
}

/* A row with one cell OCR could not read as an amount ("213315": the
   punctuation lost) whose digits are exactly those the balances call for
   (balance - previous balance - the other movements, or previous balance
   + movements for the balance itself): the page prints that amount. */
static void restore_digits(const struct tinfo *ti, size_t r,
                           const struct hypo *h, sv_cents prev,
                           struct sv_mrow *row)
{
  const struct sv_tcell *b = cell_at(ti, r, h->bal);
  int bad = -1, nbad = 0;
  sv_cents others = 0;
  for (size_t k = 0; k < h->nm; k++) {
    const struct sv_tcell *tc = cell_at(ti, r, h->mcol[k]);
    if (tc->namounts > 1)
      return;
    if (tc->has_amount)
      others += read_value(tc, h->read[k]);
    else if (tc->text != NULL) {
      bad = (int)k;
      nbad++;
    }
  }
  if (nbad == 1 && b->has_amount) {
    sv_cents want = b->span.value - prev - others;
    const struct sv_tcell *tc = cell_at(ti, r, h->mcol[bad]);
    enum reading rd = h->read[bad];
    bool sign_ok = rd == READ_PRINTED || (rd == READ_IN && want > 0) ||
                   (rd == READ_OUT && want < 0);
    if (sign_ok && want != 0 && same_digits(tc, want)) {
      row->amount = others + want;
      row->has_amount = true;
      row->amt_box = tc->box;
      row->amt_conf = tc->conf;
      row->unread = false;
    }
  } else if (nbad == 0 && !b->has_amount && b->text != NULL &&
             same_digits(b, prev + others)) {
    row->has_balance = true;
    row->balance = prev + others;
    row->bal_box = b->box;
    row->bal_conf = b->conf;
    row->unread = false;
  }
}

/* The rows of a running-balance table under hypothesis h.  A row whose
   one movement leads to its balance only with the other sign (an amount
   printed near the edge between the debit and the credit column, read
   into the wrong one) takes that sign: the balance decides. *prev is the
   balance before the table (has_prev) and leaves it after. */
static void running_rows(struct sv_movements *m, const struct tinfo *ti,
                         const struct hypo *h, bool *has_prev,
                         sv_cents *prev)
{
  const struct sv_table *t = ti->t;
  struct sv_row_date last = {0};
  bool have_last = false;
  for (size_t r = 0; r < t->nrows; r++) {
    const struct sv_trow *tr = &t->rows[r];
    char *words = row_words(t, r);
    struct sv_mrow row = {0};
    row.page = tr->page;
    row.kind = SV_ROW_RUNNING;
    row.dated = row_date(ti, r, &row.raw);
    if (!row.dated && totals_row(m, ti, r, words)) {
      g_free(words);
      continue;
    }
    sv_cents mv = 0;
    bool any = false;
    row.unread = !row_move(ti, r, h, &mv, &any);
    row.has_amount = any && !row.unread;
    row.amount = mv;
    for (size_t k = 0; k < h->nm; k++) {
      const struct sv_tcell *tc = cell_at(ti, r, h->mcol[k]);
      if (tc->has_amount && !row.unread) {
        row.amt_box = tc->span.box;
        row.amt_conf = tc->span.conf;
      } else if (tc->text != NULL && !tc->has_amount) {
        row.unread_box = tc->box;
      }
    }
    const struct sv_tcell *b = cell_at(ti, r, h->bal);
    if (b->has_amount) {
      row.has_balance = true;
      row.balance = b->span.value;
      row.bal_box = b->span.box;
      row.bal_conf = b->span.conf;
    } else if (b->text != NULL) {
      row.unread = true;
      row.unread_box = b->box;
    }
    if (row.unread && *has_prev)
      restore_digits(ti, r, h, *prev, &row);
    if (row.has_amount && row.has_balance && *has_prev &&
        *prev + row.amount != row.balance &&
        *prev - row.amount != row.balance)
      reread_row(ti, r, h, *prev, &row);
    if (!row.has_amount && !row.unread && row.has_balance)
      row.marker = sv_vocab_balance_row(words, &row.opening);
    if (row.has_amount && row.has_balance && *has_prev && h->nm >= 2 &&
        *prev + row.amount != row.balance &&
        *prev - row.amount == row.balance)
      row.amount = -row.amount;
    if (row.has_balance) {
      *prev = row.balance;
      *has_prev = true;
    } else if (row.has_amount && *has_prev) {
      *prev += row.amount;
    } else if (row.unread) {
      *has_prev = false;
    }
    g_free(words);
    if (!row.has_amount && !row.has_balance && !row.unread)
      continue; /* a line of text the table took in */
    if (!row.dated && have_last) {
      row.raw = last; /* its date could not be read: the day of the row
                         above, a guess reconcile.c weighs */
      row.dated = true;
      row.date_guessed = true;
    }
    if (row.dated) {
      last = row.raw;
      have_last = true;
    }
    g_array_append_val(m->rows, row);
  }
}

/* The rows of a table of movements only, signed by their columns or
   their section's title. */
static void move_rows(struct sv_movements *m, const struct tinfo *ti)
{
  const struct sv_table *t = ti->t;
  for (size_t r = 0; r < t->nrows; r++) {
    const struct sv_trow *tr = &t->rows[r];
    char *words = row_words(t, r);
    struct sv_mrow row = {0};
    row.page = tr->page;
    row.kind = SV_ROW_MOVE;
    row.dated = row_date(ti, r, &row.raw);
    if (!row.dated) {
      totals_row(m, ti, r, words);
      g_free(words);
      continue;
    }
    g_free(words);
    int n = 0;
    for (size_t c = 0; c < t->ncols; c++) {
      const struct sv_tcell *tc = cell_at(ti, r, c);
      if (!t->cols[c].numeric || !tc->has_amount)
        continue;
      enum reading rd = READ_PRINTED;
      if (ti->role[c] == SV_COL_DEBIT || (ti->dir < 0 &&
                                          ti->role[c] != SV_COL_CREDIT))
        rd = READ_OUT;
      else if (ti->role[c] == SV_COL_CREDIT || ti->dir > 0)
        rd = READ_IN;
      row.amount += read_value(tc, rd);
      row.amt_box = tc->span.box;
      row.amt_conf = tc->span.conf;
      n++;
    }
    row.has_amount = n == 1;
    if (n == 0)
      continue;
    g_array_append_val(m->rows, row);
  }
}

/* "Date Balance" pairs: a day's balance each. */
static void ledger_rows(struct sv_movements *m, const struct tinfo *ti)
{
  const struct sv_table *t = ti->t;
  for (size_t r = 0; r < t->nrows; r++) {
    for (size_t c = 0; c + 1 < t->ncols; c++) {
      const struct sv_tcell *dc = cell_at(ti, r, c);
      const struct sv_tcell *vc = cell_at(ti, r, c + 1);
      struct sv_mrow row = {0};
      if (t->cols[c].numeric || !t->cols[c + 1].numeric ||
          !vc->has_amount || !date_of(dc->text, false, &row.raw))
        continue;
      row.page = t->rows[r].page;
      row.kind = SV_ROW_LEDGER;
      row.dated = true;
      row.has_balance = true;
      row.balance = vc->span.value;
      row.bal_box = vc->span.box;
      row.bal_conf = vc->span.conf;
      g_array_append_val(m->rows, row);
    }
  }
}

static bool same_date(const struct sv_row_date *x, const struct sv_row_date *y)
{
  return x->numeric == y->numeric && x->a == y->a && x->b == y->b &&
         x->day == y->day && x->month == y->month && x->year == y->year &&
         x->day_only == y->day_only;
}

/* One reading of a date cell: the page's (from -1), a cell re-read's
   (from 0 ..) or the line re-read's (from SV_REREAD_MAX ..). */
#define MAX_DATE_READINGS (1 + 2 * SV_REREAD_MAX)
struct date_reading {
  long from;
  bool parsed;
  struct sv_row_date rd;
  bool sure;
  char digits[16]; /* its digits alone ("08/25" and "0825": 0825) */
};

static void reading_digits(const char *text, char *out, size_t len)
{
  size_t k = 0;
  for (const char *p = text; *p != '\0' && k + 1 < len; p++)
    if (g_ascii_isdigit(*p))
      out[k++] = *p;
  out[k] = '\0';
}

/* Whether readings a and b say the same date: both parse to it, or one
   parses and the other prints the same three digits or more (a separator
   OCR dropped: "08/25" and "0825"; a lone "2" left of "2A" proves
   nothing). */
static bool readings_agree(const struct date_reading *a,
                           const struct date_reading *b)
{
  if (a->parsed && b->parsed)
    return same_date(&a->rd, &b->rd);
  return (a->parsed || b->parsed) && strlen(a->digits) >= 3 &&
         strcmp(a->digits, b->digits) == 0;
}

/* Whether the digits of short are those of full with some dropped ("2"
   of "21"): a reading that lost a digit says nothing against another. */
static bool dropped_digits(const char *short_, const char *full)
{
  size_t ns = strlen(short_);
  if (ns == 0 || ns >= strlen(full))
    return false;
  for (const char *p = full; *p != '\0' && *short_ != '\0'; p++)
    if (*p == *short_)
      short_++;
  return *short_ == '\0';
}

/* The readings' verdict: the index of the one that stands, or -1 when
   none does.  Two readings that agree stand (however unsure each) unless
   two others agree on another date; else the one sure parsed reading
   stands when no other says another date (one that only lost a digit
   does not); readings that differ settle nothing. */
static long vote(const struct date_reading *rd, size_t n, bool *by_pair)
{
  long agreed = -1;
  *by_pair = false;
  for (size_t i = 0; i < n; i++)
    for (size_t k = i + 1; k < n; k++) {
      if (!readings_agree(&rd[i], &rd[k]))
        continue;
      long w = rd[i].parsed ? (long)i : (long)k;
      if (agreed >= 0 && !same_date(&rd[agreed].rd, &rd[w].rd))
        return -1; /* two pairs, two dates */
      agreed = w;
    }
  if (agreed >= 0) {
    *by_pair = true;
    return agreed;
  }
  long sure = -1;
  for (size_t i = 0; i < n; i++) {
    if (!rd[i].parsed || !rd[i].sure)
      continue;
    if (sure >= 0)
      return -1; /* two sure dates, neither confirmed */
    sure = (long)i;
  }
  for (size_t i = 0; sure >= 0 && i < n; i++)
    if (rd[i].parsed && (long)i != sure &&
        !same_date(&rd[i].rd, &rd[sure].rd) &&
        !dropped_digits(rd[i].digits, rd[sure].digits))
      return -1; /* an unsure reading says another date */
  return sure;
}

/* Adds the readings of rr to rd (from n on) as dates of form; returns the
   new count. */
static size_t add_readings(const struct tinfo *ti, struct sv_reread *rr,
                           long base, struct date_reading *rd, size_t n)
{
  for (size_t i = 0; i < rr->n && n < MAX_DATE_READINGS; i++) {
    struct date_reading *x = &rd[n++];
    memset(x, 0, sizeof *x);
    x->from = base + (long)i;
    reading_digits(rr->text[i], x->digits, sizeof x->digits);
    /* a column of days: a separator is a speck ("2/7" for 27) */
    if (ti->date_form == FORM_DAY && base == 0)
      g_strlcpy(rr->text[i], x->digits, strlen(rr->text[i]) + 1);
    x->parsed = rr->text[i][0] != '\0' &&
                date_of(rr->text[i], true, &x->rd) &&
                form_of(&x->rd) == ti->date_form;
    x->sure = rr->conf[i] >= SV_MOVE_REREAD_CONF;
  }
  return n;
}

/* On an OCR'd page, row r's date cell when the page read it as no date or
   below SV_MOVE_DATE_SURE, in a column of days or of numeric dates: read
   again, in both ways, digits and date separators only (service.h), and
   when the readings still name no date, the row's whole line by the page
   reader (a day in its row's context).  Nothing checks a date, so the
   readings vote (vote), the line joining them unless two already
   agree; a re-read of another form than the column's is no date.  A row with readings but none standing is left undated, and its
   average gets a range (reconcile.c). */
static void settle_date(struct tinfo *ti, size_t r)
{
  const struct sv_table *t = ti->t;
  const struct sv_tcell *dc = &t->rows[r].cells[ti->date_col];
  struct date_reading rd[MAX_DATE_READINGS];
  memset(rd, 0, sizeof rd);
  if (dc->text == NULL)
    return;
  rd[0].from = -1;
  rd[0].parsed = row_date(ti, r, &rd[0].rd);
  /* a re-read reads digits and separators: no month names */
  if ((rd[0].parsed && dc->conf >= SV_MOVE_DATE_SURE) ||
      ti->date_form == FORM_NONE || ti->date_form == FORM_NAMED)
    return;
  rd[0].sure = dc->conf >= SV_MOVE_REREAD_CONF;
  reading_digits(dc->text, rd[0].digits, sizeof rd[0].digits);
  size_t n = 1;
  struct sv_reread cell, line;
  memset(&line, 0, sizeof line);
  if (!sv_cell_reread_all(ti->svc, ti->doc, ti->l, t, r, ti->date_col,
                          SV_REREAD_DATE, &cell)) {
    sv_reread_clear(&cell);
    return;
  }
  n = add_readings(ti, &cell, 0, rd, n);
  bool by_pair;
  long w = vote(rd, n, &by_pair);
  if (!by_pair &&
      sv_row_reread_line(ti->svc, ti->doc, ti->l, t, r, &line)) {
    n = add_readings(ti, &line, SV_REREAD_MAX, rd, n);
    w = vote(rd, n, &by_pair);
  }
  bool any = false;
  for (size_t i = 0; i < n; i++)
    any = any || rd[i].parsed;
  if (w < 0 && any) {
    if (ti->undated == NULL)
      ti->undated = g_new0(bool, t->nrows + 1);
    ti->undated[r] = true;
  } else if (w >= 0 && rd[w].from >= 0) {
    if (ti->dates == NULL)
      ti->dates = g_new0(char *, t->nrows + 1);
    struct sv_reread *src = rd[w].from < SV_REREAD_MAX ? &cell : &line;
    size_t k = (size_t)(rd[w].from % SV_REREAD_MAX);
    ti->dates[r] = src->text[k];
    src->text[k] = NULL;
  }
  sv_reread_clear(&cell);
  sv_reread_clear(&line);
}

/* Copies the table's cells; on an OCR'd page, an amount column's cell
   that printed something other than an amount ("1,473:90", "Z 189 Lo")
   is re-read from its crop, digits only, and so is a date cell that reads
   as no date ("As" for 18: only dates printed in digits can come back). */
static void copy_cells(struct tinfo *ti)
{
  const struct sv_table *t = ti->t;
  ti->cells = g_new0(struct sv_tcell, t->nrows * t->ncols + 1);
  size_t forms[FORM_NAMED + 1] = {0}, dates = 0;
  for (size_t r = 0; r < t->nrows && ti->date_col != SIZE_MAX; r++) {
    struct sv_row_date rd;
    if (row_date(ti, r, &rd)) {
      dates++;
      forms[form_of(&rd)]++;
    }
  }
  ti->date_form = FORM_NONE;
  for (int f = FORM_DAY; f <= FORM_NAMED; f++)
    if (forms[f] * 2 > dates)
      ti->date_form = (enum date_form)f;
  for (size_t r = 0; r < t->nrows; r++) {
    for (size_t c = 0; c < t->ncols; c++) {
      struct sv_tcell *tc = &ti->cells[r * t->ncols + c];
      *tc = t->rows[r].cells[c];
      if (!t->cols[c].numeric || tc->text == NULL || tc->namounts > 0 ||
          strpbrk(tc->text, "0123456789") == NULL)
        continue;
      sv_cell_reread_amount(ti->svc, ti->doc, ti->l, t, r, c,
                            SV_MOVE_REREAD_CONF, tc);
    }
    if (ti->date_col != SIZE_MAX)
      settle_date(ti, r);
  }
}

static void tinfo_clear(struct tinfo *ti)
{
  for (size_t r = 0; ti->dates != NULL && r < ti->t->nrows; r++)
    g_free(ti->dates[r]);
  g_free(ti->dates);
  g_free(ti->undated);
  g_free(ti->cells);
}

struct sv_movements *sv_movements_read(const struct sv_layout *l,
                                       const struct sv_doc *doc,
                                       const struct sv_services *svc,
                                       int page0, int page1)
{
  struct sv_movements *m = g_new0(struct sv_movements, 1);
  m->rows = g_array_new(FALSE, TRUE, sizeof(struct sv_mrow));
  m->nlines = sv_layout_nlines(l);
  m->skip = g_new0(bool, m->nlines + 1);
  bool has_prev = false; /* the last running balance so far */
  sv_cents prev = 0;
  for (size_t i = 0; i < sv_layout_ntables(l); i++) {
    const struct sv_table *t = sv_layout_table(l, i);
    if (t->page < page0 || t->page > page1)
      continue;
    struct tinfo ti;
    if (!analyse(l, t, &ti))
      continue;
    mark_skip(m, t);
    ti.l = l;
    ti.doc = doc;
    ti.svc = svc;
    copy_cells(&ti);
    if (ti.ledger) {
      ledger_rows(m, &ti);
      tinfo_clear(&ti);
      continue;
    }
    struct hypo h;
    int links = 0, ok = 0;
    if (decide(&ti, has_prev ? &prev : NULL, &h, &links, &ok)) {
      m->links += links;
      m->links_ok += ok;
      m->running = true;
      running_rows(m, &ti, &h, &has_prev, &prev);
    } else {
      move_rows(m, &ti);
    }
    tinfo_clear(&ti);
  }
  /* One source of balances: a running-balance table wins over movements
     and daily balances printed elsewhere. */
  if (m->running)
    for (guint i = m->rows->len; i-- > 0;)
      if (g_array_index(m->rows, struct sv_mrow, i).kind != SV_ROW_RUNNING)
        g_array_remove_index(m->rows, i);
  return m;
}

void sv_movements_free(struct sv_movements **mp)
{
  if (mp == NULL || *mp == NULL)
    return;
  g_array_free((*mp)->rows, TRUE);
  g_free((*mp)->skip);
  g_free(*mp);
  *mp = NULL;
}
