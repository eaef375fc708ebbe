/*
 * paytable.c - the month tables of income documents (see paytable.h).
 */
#include "paytable.h"

#include <stdlib.h>
#include <string.h>

#include "../text/amount.h"
#include "../text/dates.h"
#include "../text/fold.h"
#include "cells.h"

/* A re-read cell below this confidence is left as the page read it. */
#define SV_PAY_REREAD_CONF 60.0f

/* Where a table's cells can be read again (any may be NULL: no re-read). */
struct pay_src {
  const struct sv_layout *l;
  const struct sv_doc *doc;
  const struct sv_services *svc;
};

enum role { R_OTHER = 0, R_NET, R_GROSS, R_DEDUCTION };

static const struct {
  const char *word;
  enum role role;
} role_words[] = {
    {"net", R_NET},           {"neto", R_NET},
    {"neta", R_NET},          {"netos", R_NET},
    {"netas", R_NET},         {"liquido", R_NET},
    {"gross", R_GROSS},       {"bruto", R_GROSS},
    {"bruta", R_GROSS},       {"brutos", R_GROSS},
    {"brutas", R_GROSS},      {"percepciones", R_GROSS},
    {"earnings", R_GROSS},    {"tax", R_DEDUCTION},
    {"taxes", R_DEDUCTION},   {"withheld", R_DEDUCTION},
    {"withholding", R_DEDUCTION}, {"deductions", R_DEDUCTION},
    {"deduction", R_DEDUCTION}, {"deducciones", R_DEDUCTION},
    {"deduccion", R_DEDUCTION}, {"retenciones", R_DEDUCTION},
    {"retencion", R_DEDUCTION}, {"isr", R_DEDUCTION},
    {"imss", R_DEDUCTION},    {"premium", R_DEDUCTION},
    {"premiums", R_DEDUCTION}, {"descuentos", R_DEDUCTION},
    {"insurance", R_DEDUCTION}, {"medicare", R_DEDUCTION},
    {"impuestos", R_DEDUCTION},
};

/* Words that name gross pay only when nothing says net: "Net earnings",
   "Percepciones netas" are net. */
static bool weak_gross(const char *word)
{
  return strcmp(word, "earnings") == 0 || strcmp(word, "percepciones") == 0;
}

/* The role a header or a row label (folded key) names.  "Take home" is
   net; "Net pay (USD)" and "Net earnings" net; a label naming net and
   gross ("gross to net", "neto / bruto") is neither. */
static enum role role_of(const char *key)
{
  if (key == NULL)
    return R_OTHER;
  if (strstr(key, "take home") != NULL)
    return R_NET;
  char **tok = g_strsplit(key, " ", 16);
  bool net = false, gross = false, strong = false, ded = false;
  for (size_t i = 0; tok[i] != NULL; i++)
    for (size_t k = 0; k < G_N_ELEMENTS(role_words); k++)
      if (strcmp(tok[i], role_words[k].word) == 0) {
        net = net || role_words[k].role == R_NET;
        gross = gross || role_words[k].role == R_GROSS;
        strong = strong ||
                 (role_words[k].role == R_GROSS && !weak_gross(tok[i]));
        ded = ded || role_words[k].role == R_DEDUCTION;
      }
  g_strfreev(tok);
  if (net && !strong)
    return R_NET;
  if (gross && !net)
    return R_GROSS;
  if (ded && !net && !gross)
    return R_DEDUCTION;
  return R_OTHER;
}

bool sv_paytable_month(const char *text, int *year, int *month)
{
  if (text == NULL)
    return false;
  char *f = sv_fold(text);
  char *t = sv_fold_tokens(f);
  g_free(f);
  char **tok = g_strsplit(g_strstrip(t), " ", 6);
  g_free(t);
  bool ok = false;
  size_t n = g_strv_length(tok);
  /* a month name, maybe "de", a year */
  if (n >= 2) {
    int m = sv_month_of(tok[0]);
    size_t yi = n >= 3 && strcmp(tok[1], "de") == 0 ? 2 : 1;
    if (m > 0 && yi < n && strlen(tok[yi]) == 4) {
      int y = atoi(tok[yi]);
      if (y >= 1900 && y <= 2200) {
        *year = y;
        *month = m;
        ok = true;
      }
    }
    /* 09/2025 or 2025-09 (tokens "09" "2025" / "2025" "09") */
    if (!ok && strlen(tok[0]) <= 2 && strlen(tok[1]) == 4 &&
        g_ascii_isdigit(tok[0][0]) && g_ascii_isdigit(tok[1][0])) {
      int m2 = atoi(tok[0]), y = atoi(tok[1]);
      if (m2 >= 1 && m2 <= 12 && y >= 1900 && y <= 2200) {
        *year = y;
        *month = m2;
        ok = true;
      }
    } else if (!ok && strlen(tok[0]) == 4 && strlen(tok[1]) <= 2 &&
               g_ascii_isdigit(tok[0][0]) && g_ascii_isdigit(tok[1][0])) {
      int y = atoi(tok[0]), m2 = atoi(tok[1]);
      if (m2 >= 1 && m2 <= 12 && y >= 1900 && y <= 2200) {
        *year = y;
        *month = m2;
        ok = true;
      }
    }
  }
  g_strfreev(tok);
  return ok;
}

/* ------------------------------------------------------------ months */

/* One month's amounts by role. */
struct prow {
  int year, month;
  bool has[4];
  sv_cents v[4];        /* by enum role; deductions summed */
  struct sv_figure net; /* where the net amount was printed */
  sv_cents other;       /* an unlabelled amount */
  bool has_other;
  struct sv_figure other_fig;
};

static void figure_of(const struct sv_tcell *tc, int page,
                      struct sv_figure *f)
{
  memset(f, 0, sizeof *f);
  f->present = true;
  f->amount = tc->span.value;
  f->page = page;
  f->box = tc->span.box;
  f->conf = tc->span.conf;
}

/* Adds value v of role r (from cell tc) to row pr. */
static void add_value(struct prow *pr, enum role r, const struct sv_tcell *tc,
                      int page)
{
  sv_cents v = tc->span.value < 0 ? -tc->span.value : tc->span.value;
  if (r == R_OTHER) {
    if (!pr->has_other) {
      pr->other = v;
      pr->has_other = true;
      figure_of(tc, page, &pr->other_fig);
    }
    return;
  }
  if (r == R_DEDUCTION) {
    pr->v[r] += v;
    pr->has[r] = true;
    return;
  }
  if (pr->has[r])
    return; /* the first column of a role counts */
  pr->v[r] = v;
  pr->has[r] = true;
  if (r == R_NET)
    figure_of(tc, page, &pr->net);
}

/* The month column of a table: the text column most of whose rows name a
   month of a year; SIZE_MAX when none. */
static size_t month_column(const struct sv_table *t)
{
  for (size_t c = 0; c < t->ncols; c++) {
    if (t->cols[c].numeric)
      continue;
    size_t n = 0;
    for (size_t r = 0; r < t->nrows; r++) {
      int y, m;
      if (sv_paytable_month(t->rows[r].cells[c].text, &y, &m))
        n++;
    }
    if (n > 0 && n * 2 >= t->nrows)
      return c;
  }
  return SIZE_MAX;
}

/* Row r's amounts by their columns' roles, from cells (one per column). */
static void row_values(const struct sv_table *t, size_t r,
                       const struct sv_tcell *cells, struct prow *pr)
{
  int year = pr->year, month = pr->month;
  memset(pr, 0, sizeof *pr);
  pr->year = year;
  pr->month = month;
  for (size_t c = 0; c < t->ncols; c++)
    if (t->cols[c].numeric && cells[c].has_amount)
      add_value(pr, role_of(t->cols[c].key), &cells[c], t->rows[r].page);
}

/* Whether a row that prints gross, deductions and net says
   gross - deductions = net (true when it prints fewer). */
static bool row_adds_up(const struct prow *pr)
{
  return !pr->has[R_GROSS] || !pr->has[R_DEDUCTION] || !pr->has[R_NET] ||
         pr->v[R_GROSS] - pr->v[R_DEDUCTION] == pr->v[R_NET];
}

/* Row r with cells a and b taken from again: when it then prints gross,
   deductions and net and they add up, cells and pr take the trial. */
static bool try_cells(const struct sv_table *t, size_t r,
                      struct sv_tcell *cells, const struct sv_tcell *again,
                      size_t a, size_t b, struct prow *pr)
{
  struct sv_tcell trial[SV_LAYOUT_MAX_COLUMNS];
  struct prow tp = *pr;
  memcpy(trial, cells, t->ncols * sizeof trial[0]);
  trial[a] = again[a];
  trial[b] = again[b];
  row_values(t, r, trial, &tp);
  if (!tp.has[R_GROSS] || !tp.has[R_DEDUCTION] || !tp.has[R_NET] ||
      !row_adds_up(&tp))
    return false;
  memcpy(cells, trial, t->ncols * sizeof trial[0]);
  *pr = tp;
  return true;
}

/* On an OCR'd page, a row whose gross - deductions != net, or whose
   amount cell printed digits that are no amount ("3,275-12"), has its
   amount cells re-read; the re-reading of one cell, or of two, that makes
   the row add up is what the page prints (the first such set: an
   equation to the cent is not met by chance).  cells is the row's copy,
   changed in place. */
static void reread_row(const struct pay_src *src, const struct sv_table *t,
                       size_t r, struct sv_tcell *cells, struct prow *pr)
{
  bool digits = false;
  for (size_t c = 0; c < t->ncols; c++)
    if (t->cols[c].numeric && !cells[c].has_amount && cells[c].text != NULL &&
        strpbrk(cells[c].text, "0123456789") != NULL)
      digits = true;
  if ((row_adds_up(pr) && !digits) || src == NULL || src->svc == NULL ||
      t->ncols > SV_LAYOUT_MAX_COLUMNS)
    return;
  struct sv_tcell again[SV_LAYOUT_MAX_COLUMNS];
  size_t idx[SV_LAYOUT_MAX_COLUMNS], n = 0;
  for (size_t c = 0; c < t->ncols; c++) {
    if (!t->cols[c].numeric || cells[c].text == NULL)
      continue;
    if (sv_cell_reread_amount(src->svc, src->doc, src->l, t, r, c,
                              SV_PAY_REREAD_CONF, &again[c]) &&
        (!cells[c].has_amount || cells[c].span.value != again[c].span.value))
      idx[n++] = c;
  }
  /* one changed cell, then two */
  for (size_t i = 0; i < n; i++)
    if (try_cells(t, r, cells, again, idx[i], idx[i], pr))
      return;
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++)
      if (try_cells(t, r, cells, again, idx[i], idx[j], pr))
        return;
}

/* The rows of a table with a month on each row. */
static GArray *rows_by_month(const struct pay_src *src,
                             const struct sv_table *t, size_t mc)
{
  GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct prow));
  struct sv_tcell cells[SV_LAYOUT_MAX_COLUMNS];
  for (size_t r = 0; r < t->nrows; r++) {
    struct prow pr = {0};
    if (!sv_paytable_month(t->rows[r].cells[mc].text, &pr.year, &pr.month))
      continue;
    if (t->ncols > SV_LAYOUT_MAX_COLUMNS) {
      row_values(t, r, t->rows[r].cells, &pr);
    } else {
      memcpy(cells, t->rows[r].cells, t->ncols * sizeof cells[0]);
      row_values(t, r, cells, &pr);
      reread_row(src, t, r, cells, &pr);
    }
    g_array_append_val(rows, pr);
  }
  return rows;
}

/* The rows of a transposed table: months are the header's columns, the
   concepts its rows (labelled in their first text cell). */
static GArray *rows_by_column(const struct sv_table *t)
{
  GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct prow));
  size_t nmonths = 0;
  for (size_t c = 0; c < t->ncols; c++) {
    struct prow pr = {0};
    if (!t->cols[c].numeric ||
        !sv_paytable_month(t->cols[c].label, &pr.year, &pr.month))
      continue;
    nmonths++;
    for (size_t r = 0; r < t->nrows; r++) {
      const struct sv_tcell *tc = &t->rows[r].cells[c];
      const char *label = NULL;
      for (size_t k = 0; k < t->ncols && label == NULL; k++)
        if (!t->cols[k].numeric && t->rows[r].cells[k].text != NULL)
          label = t->rows[r].cells[k].text;
      if (!tc->has_amount || label == NULL)
        continue;
      char *f = sv_fold(label);
      char *tk = sv_fold_tokens(f);
      add_value(&pr, role_of(g_strstrip(tk)), tc, t->rows[r].page);
      g_free(tk);
      g_free(f);
    }
    g_array_append_val(rows, pr);
  }
  if (nmonths < 2)
    g_array_set_size(rows, 0);
  return rows;
}

/* Names the net amounts of rows and says how sure: a net column, checked
   when gross - deductions = net wherever all three print; else an
   unlabelled column that is exactly gross - deductions on every row. */
static void settle(GArray *rows, struct sv_income_doc *inc, bool *found_net,
                   bool *found_gross, bool *unlabelled)
{
  int net = 0, gross = 0, ded = 0, other = 0, checked = 0, full = 0,
      derived = 0;
  for (guint i = 0; i < rows->len; i++) {
    const struct prow *pr = &g_array_index(rows, struct prow, i);
    net += pr->has[R_NET];
    gross += pr->has[R_GROSS];
    ded += pr->has[R_DEDUCTION];
    other += pr->has_other;
    if (pr->has[R_GROSS] && pr->has[R_DEDUCTION]) {
      sv_cents want = pr->v[R_GROSS] - pr->v[R_DEDUCTION];
      if (pr->has[R_NET]) {
        full++;
        checked += want == pr->v[R_NET];
      } else if (pr->has_other) {
        full++;
        derived += want == pr->other;
      }
    }
  }
  /* one amount column no header names: net or gross, the document's own
     words must tell (income.c) */
  *unlabelled = net == 0 && gross == 0 && ded == 0 && other > 0;
  bool use_other = (net == 0 && full > 0 && derived == full) || *unlabelled;
  *found_net = net > 0 || (use_other && !*unlabelled);
  *found_gross = gross > 0;
  inc->checked = full > 0 && (net > 0 ? checked == full : derived == full);
  if (!*found_net && !*unlabelled)
    return;
  for (guint i = 0; i < rows->len; i++) {
    const struct prow *pr = &g_array_index(rows, struct prow, i);
    struct sv_income_month m = {0};
    m.year = pr->year;
    m.month = pr->month;
    if (use_other && pr->has_other)
      m.figure = pr->other_fig;
    else if (pr->has[R_NET])
      m.figure = pr->net;
    else
      continue;
    m.monthly = m.figure.amount;
    /* a net figure the arithmetic contradicts decides nothing */
    if (pr->has[R_GROSS] && pr->has[R_DEDUCTION] &&
        pr->v[R_GROSS] - pr->v[R_DEDUCTION] != m.figure.amount)
      m.figure.unreconciled = true;
    g_array_append_val(inc->months, m);
  }
}

bool sv_paytable_read(const struct sv_layout *l, const struct sv_doc *doc,
                      const struct sv_services *svc,
                      struct sv_income_doc *inc, bool *unlabelled)
{
  const struct pay_src src = {l, doc, svc};
  bool found = false, any_net = false, any_gross = false;
  *unlabelled = false;
  for (size_t i = 0; i < sv_layout_ntables(l); i++) {
    const struct sv_table *t = sv_layout_table(l, i);
    size_t mc = month_column(t);
    GArray *rows = mc != SIZE_MAX ? rows_by_month(&src, t, mc) : rows_by_column(t);
    if (rows->len == 0) {
      g_array_free(rows, TRUE);
      continue;
    }
    found = true;
    bool net = false, gross = false, unl = false;
    settle(rows, inc, &net, &gross, &unl);
    any_net = any_net || net;
    any_gross = any_gross || gross;
    *unlabelled = *unlabelled || unl;
    g_array_free(rows, TRUE);
  }
  if (!found)
    return false;
  inc->net = any_net;
  inc->gross_only = !any_net && any_gross;
  if (!inc->stated.present) {
    inc->frequency = SV_FREQ_MONTHLY;
    inc->frequency_printed = true;
  }
  return true;
}
