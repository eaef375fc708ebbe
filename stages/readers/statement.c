/*
 * extract.c - document stage: the figures of a bank statement.
 *
 * Works on the lines render/ocr rebuilt.  Each line is viewed as words with
 * a folded key (sv_fold, alphanumerics only) and a flag telling
 * whether the word starts a cell (it follows an SV_COLUMN_GAP).  A label of
 * the table below matches a run of keys at the start of a cell; the longest
 * match wins, so "SALDO FINAL DEL PERIODO ANTERIOR" is an opening balance,
 * not a closing one, and "Saldo Promedio Mínimo Mensual" is ignored, not an
 * average.  A label's value is the first amount after it on its line (one
 * that starts a cell first), or, when there is none before the next label,
 * the amount below it on the next line in the same column.  The first label
 * with a value wins, page by page.  The period is the first date range of
 * the document (a monthly one first), whatever label introduces it.
 *
 * Other credit and debit lines of the summary ("+ Intereses Netos
 * Ganados", "Checks", "Service fees") are added to the credits / debits
 * totals (debits are kept positive).
 *
 * Summary figures never come from the transaction table (its amounts have
 * no summary label).  The table is read separately: a header line starting
 * "Date"/"Fecha" that names amount columns starts it, rows start with a
 * date ("03/02", "02/MAR", "05-OCT-24", "07/02/26"), each amount goes to
 * the nearest header column, and the running balance is the last amount in
 * a balance column (rows without one carry the movement on).  A statement
 * without a running-balance column may print movements only ("Date
 * Description Amount", by section) and a "Daily ledger balances" table of
 * "Date Balance" pairs: the two are merged in date order, each day's
 * balance after its movements, and play the running balance's part.  Row
 * dates are read in one day/month order for the whole table, the period's
 * own when it was printed numerically, and placed inside the period.
 * Then the statement is reconciled: opening + credits - debits = closing;
 * printed average = the day-weighted average of the running balances
 * (opening until the first movement, each day's end-of-day balance, half
 * up to the cent, as the banks and the sample generator do); closing =
 * last running balance; each running balance follows from the one before;
 * with movements only, opening + movements = closing.
 * A table that contradicts itself proves nothing about the printed
 * figures.  A failed check on an OCR'd page re-reads the crops of the
 * figures involved and keeps a reading that passes every check; else the
 * deciding figure is marked unreconciled and a problem says why.
 */
#include "statement.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../pipeline/money.h"
#include "../text/amount.h"
#include "../text/dates.h"
#include "../text/fold.h"

#define STAGE "extract"
#define MAX_HOLDER_BYTES 160
#define MAX_INT_DIGITS 15

/* ======================================================= line views */

struct line_view {
  const struct sv_line *ln;
  char **keys;    /* owned: folded alphanumerics of each word ("" if none) */
  bool *cell;     /* owned: word i starts a cell */
};

struct page_view {
  const struct sv_page *pg;
  struct line_view *lines; /* owned, pg->nlines of them */
};

static char *word_key(const char *text)
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

/* Marks cell starts from the line text (words joined by " " or by
   SV_COLUMN_GAP); falls back to geometry when the text does not match. */
static void mark_cells(const struct sv_line *ln, bool *cell)
{
  const char *t = ln->text != NULL ? ln->text : "";
  size_t pos = 0;
  bool text_ok = true;
  for (size_t i = 0; i < ln->nwords && text_ok; i++) {
    size_t spaces = 0;
    while (t[pos + spaces] == ' ')
      spaces++;
    cell[i] = i == 0 || spaces >= strlen(SV_COLUMN_GAP);
    pos += spaces;
    size_t n = strlen(ln->words[i].text);
    if (strncmp(t + pos, ln->words[i].text, n) != 0)
      text_ok = false;
    pos += n;
  }
  if (text_ok)
    return;
  double width = 0;
  glong chars = 0;
  for (size_t i = 0; i < ln->nwords; i++) {
    width += ln->words[i].box.x1 - ln->words[i].box.x0;
    chars += g_utf8_strlen(ln->words[i].text, -1);
  }
  double charw = chars > 0 ? width / (double)chars : 0;
  for (size_t i = 0; i < ln->nwords; i++)
    cell[i] = i == 0 || ln->words[i].box.x0 - ln->words[i - 1].box.x1 >
                            2 * charw;
}

static struct page_view *views_new(const struct sv_doc *doc)
{
  struct page_view *pv = g_new0(struct page_view, (gsize)doc->npages + 1);
  for (int p = 0; p < doc->npages; p++) {
    const struct sv_page *pg = &doc->pages[p];
    pv[p].pg = pg;
    pv[p].lines = g_new0(struct line_view, pg->nlines + 1);
    for (size_t l = 0; l < pg->nlines; l++) {
      const struct sv_line *ln = &pg->lines[l];
      struct line_view *lv = &pv[p].lines[l];
      lv->ln = ln;
      lv->keys = g_new0(char *, ln->nwords + 1);
      lv->cell = g_new0(bool, ln->nwords + 1);
      for (size_t w = 0; w < ln->nwords; w++)
        lv->keys[w] = word_key(ln->words[w].text);
      mark_cells(ln, lv->cell);
    }
  }
  return pv;
}

static void views_free(struct page_view **pvp, int npages)
{
  if (pvp == NULL || *pvp == NULL)
    return;
  struct page_view *pv = *pvp;
  for (int p = 0; p < npages; p++) {
    for (size_t l = 0; pv[p].pg != NULL && l < pv[p].pg->nlines; l++) {
      g_strfreev(pv[p].lines[l].keys);
      g_free(pv[p].lines[l].cell);
    }
    g_free(pv[p].lines);
  }
  g_free(pv);
  *pvp = NULL;
}

/* =========================================================== labels */

enum field {
  F_IGNORE = 0, /* a label that looks like one of ours but is not */
  F_OPENING,
  F_CLOSING,
  F_AVERAGE,
  F_CREDITS,
  F_DEBITS,
  F_CREDIT_LINE, /* another credit line of the summary ("+ Intereses Netos
                    Ganados"): added to the credits */
  F_DEBIT_LINE,  /* another debit line ("Checks", "Service fees"): added to
                    the debits */
  F_HOLDER,
  F_ACCOUNT,
  F_CURRENCY
};

struct label {
  enum field field;
  const char *phrase; /* folded keys separated by single spaces */
  bool colon;         /* needs a ':' (or '#') or a column gap after it */
};

/* Longest match wins; on equal length the first listed. */
static const struct label labels[] = {
    /* opening */
    {F_OPENING, "beginning balance", false},
    {F_OPENING, "opening balance", false},
    {F_OPENING, "previous balance", false},
    {F_OPENING, "starting balance", false},
    {F_OPENING, "balance brought forward", false},
    {F_OPENING, "saldo anterior", false},
    {F_OPENING, "saldo inicial", false},
    {F_OPENING, "saldo inicial del periodo", false},
    {F_OPENING, "saldo final del periodo anterior", false},
    {F_OPENING, "saldo final periodo anterior", false},
    /* closing */
    {F_CLOSING, "ending balance", false},
    {F_CLOSING, "closing balance", false},
    {F_CLOSING, "new balance", false},
    {F_CLOSING, "saldo final", false},
    {F_CLOSING, "saldo final del periodo", false},
    {F_CLOSING, "saldo al corte", false},
    /* average */
    {F_AVERAGE, "average daily balance", false},
    {F_AVERAGE, "average ledger balance", false},
    {F_AVERAGE, "average collected balance", false},
    {F_AVERAGE, "average balance", false},
    {F_AVERAGE, "saldo promedio", false},
    {F_AVERAGE, "saldo promedio diario", false},
    {F_AVERAGE, "saldo promedio mensual", false},
    {F_AVERAGE, "saldo promedio del periodo", false},
    {F_AVERAGE, "saldo medio", false},
    {F_AVERAGE, "saldo medio del periodo", false},
    /* summary totals */
    {F_CREDITS, "deposits and additions", false},
    {F_CREDITS, "deposits and other credits", false},
    {F_CREDITS, "total deposits", false},
    {F_CREDITS, "total deposits and additions", false},
    {F_CREDITS, "depositos abonos", false},
    {F_CREDITS, "total de depositos", false},
    {F_CREDITS, "total importe abonos", false},
    {F_CREDITS, "abonos", true},
    {F_CREDITS, "total abonos", false},
    {F_CREDIT_LINE, "intereses netos ganados", false},
    {F_DEBITS, "withdrawals and debits", false},
    {F_DEBITS, "withdrawals and other debits", false},
    {F_DEBITS, "total withdrawals", false},
    {F_DEBITS, "retiros cargos", false},
    {F_DEBITS, "total de retiros", false},
    {F_DEBITS, "total importe cargos", false},
    {F_DEBITS, "cargos", true},
    {F_DEBITS, "total cargos", false},
    {F_DEBIT_LINE, "checks", false},
    {F_DEBIT_LINE, "checks paid", false},
    {F_DEBIT_LINE, "service fees", false},
    {F_DEBIT_LINE, "fees", false},
    {F_DEBIT_LINE, "fees and charges", false},
    /* look-alikes */
    {F_IGNORE, "total movimientos cargos", false},
    {F_IGNORE, "total movimientos abonos", false},
    {F_IGNORE, "total de movimientos", false},
    {F_IGNORE, "numero de abonos", false},
    {F_IGNORE, "numero de cargos", false},
    {F_IGNORE, "saldo promedio minimo", false},
    {F_IGNORE, "saldo promedio minimo mensual", false},
    {F_IGNORE, "saldo promedio gravable", false},
    {F_IGNORE, "saldo minimo", false},
    {F_IGNORE, "minimum balance", false},
    {F_IGNORE, "minimum daily balance", false},
    {F_IGNORE, "minimum daily ending balance", false},
    {F_IGNORE, "account name", false},
    {F_IGNORE, "account type", false},
    {F_IGNORE, "no de cliente", false},
    {F_IGNORE, "numero de cliente", false},
    {F_IGNORE, "num de cliente", false},
    {F_IGNORE, "cuenta clabe", false},
    {F_IGNORE, "no cuenta clabe", false},
    {F_IGNORE, "no de cuenta clabe", false},
    {F_IGNORE, "numero de cuenta clabe", false},
    {F_IGNORE, "clabe", false},
    {F_IGNORE, "clabe interbancaria", false},
    {F_IGNORE, "numero de tarjeta", false},
    {F_IGNORE, "no de tarjeta", false},
    {F_IGNORE, "card number", false},
    {F_IGNORE, "total checks", false},
    {F_IGNORE, "total service fees", false},
    {F_IGNORE, "total fees", false},
    {F_IGNORE, "average balance for fees", false},
    /* holder */
    {F_HOLDER, "account holder", false},
    {F_HOLDER, "account holders", false},
    {F_HOLDER, "customer name", false},
    {F_HOLDER, "customer", true},
    {F_HOLDER, "nombre del cliente", false},
    {F_HOLDER, "nombre del titular", false},
    {F_HOLDER, "titular", true},
    {F_HOLDER, "cliente", true},
    {F_HOLDER, "nombre", true},
    {F_HOLDER, "name", true},
    /* account */
    {F_ACCOUNT, "account number", false},
    {F_ACCOUNT, "account no", false},
    {F_ACCOUNT, "acct number", false},
    {F_ACCOUNT, "acct no", false},
    {F_ACCOUNT, "primary account", false},
    {F_ACCOUNT, "iban", false},
    {F_ACCOUNT, "account", true},
    {F_ACCOUNT, "no de cuenta", false},
    {F_ACCOUNT, "numero de cuenta", false},
    {F_ACCOUNT, "num de cuenta", false},
    {F_ACCOUNT, "no cuenta", false},
    {F_ACCOUNT, "cuenta", true},
    /* currency */
    {F_CURRENCY, "currency", false},
    {F_CURRENCY, "moneda", false},
    {F_CURRENCY, "divisa", false},
    {F_CURRENCY, "tipo de moneda", false},
    {F_CURRENCY, "all amounts in", false},
};

/* The labels' phrases split into keys, made once and never freed. */
static char **const *label_keys(void)
{
  static gsize once = 0;
  static char **keys[G_N_ELEMENTS(labels)];
  if (g_once_init_enter(&once)) {
    for (size_t k = 0; k < G_N_ELEMENTS(labels); k++)
      keys[k] = g_strsplit(labels[k].phrase, " ", -1);
    g_once_init_leave(&once, 1);
  }
  return keys;
}

/* A label found on a line: words [first, end) are the label. */
struct hit {
  enum field field;
  size_t label; /* index in labels[] */
  size_t first, end;
};

static bool has_colon(const char *text)
{
  return strchr(text, ':') != NULL || strchr(text, '#') != NULL;
}

/* Matches a label at word i (which starts a cell) of lv; fills *h with the
   longest. */
static bool label_at(const struct line_view *lv, size_t i, struct hit *h)
{
  const struct sv_line *ln = lv->ln;
  size_t first = i;
  while (first < ln->nwords && lv->keys[first][0] == '\0' &&
         (first == i || !lv->cell[first]))
    first++;
  if (first >= ln->nwords)
    return false;
  size_t best_tokens = 0;
  bool found = false;
  char **const *keys = label_keys();
  for (size_t k = 0; k < G_N_ELEMENTS(labels); k++) {
    char **toks = keys[k];
    size_t w = first, t = 0;
    size_t ntok = g_strv_length(toks);
    while (toks[t] != NULL && w < ln->nwords) {
      if (w > first && lv->cell[w])
        break; /* a label never spans a column gap */
      if (lv->keys[w][0] == '\0' && w > first) {
        w++;
        continue;
      }
      if (strcmp(lv->keys[w], toks[t]) != 0)
        break;
      t++;
      w++;
    }
    bool match = toks[t] == NULL;
    if (!match || ntok <= best_tokens)
      continue;
    if (labels[k].colon) {
      /* "Cuenta:" / "Account #" / "Titular   X"; not "Cliente Preferente" */
      bool ok = has_colon(ln->words[w - 1].text) || w == ln->nwords ||
                lv->cell[w] ||
                (lv->keys[w][0] == '\0' && has_colon(ln->words[w].text));
      if (!ok)
        continue;
    }
    best_tokens = ntok;
    found = true;
    h->field = labels[k].field;
    h->label = k;
    h->first = i;
    h->end = w;
  }
  return found;
}

/* True when a label starts at word i of lv (i must start a cell). */
static bool label_starts(const struct line_view *lv, size_t i)
{
  struct hit h;
  return lv->cell[i] && label_at(lv, i, &h);
}

/* ======================================================= figure search */

struct span {
  size_t first, last; /* words [first, last] */
  sv_cents amount;
};

static struct sv_box words_box(const struct sv_line *ln, size_t a, size_t b)
{
  struct sv_box bx = ln->words[a].box;
  for (size_t i = a + 1; i <= b; i++) {
    bx.x0 = fmin(bx.x0, ln->words[i].box.x0);
    bx.y0 = fmin(bx.y0, ln->words[i].box.y0);
    bx.x1 = fmax(bx.x1, ln->words[i].box.x1);
    bx.y1 = fmax(bx.y1, ln->words[i].box.y1);
  }
  return bx;
}

/* An amount made of 1-3 words of one cell starting at word i, the longest
   that parses. */
static bool amount_at(const struct line_view *lv, size_t i, struct span *sp)
{
  const struct sv_line *ln = lv->ln;
  for (size_t n = 3; n >= 1; n--) {
    if (i + n > ln->nwords)
      continue;
    bool one_cell = true;
    for (size_t k = i + 1; k < i + n; k++)
      if (lv->cell[k])
        one_cell = false;
    if (!one_cell)
      continue;
    GString *s = g_string_new(NULL);
    for (size_t k = i; k < i + n; k++) {
      if (k > i)
        g_string_append_c(s, ' ');
      g_string_append(s, ln->words[k].text);
    }
    sv_cents v = 0;
    bool ok = sv_amount_parse(s->str, &v);
    g_string_free(s, TRUE);
    if (ok) {
      sp->first = i;
      sp->last = i + n - 1;
      sp->amount = v;
      return true;
    }
  }
  return false;
}

static void set_figure(struct sv_figure *f, const struct sv_line *ln,
                       const struct span *sp, int page)
{
  f->present = true;
  f->amount = sp->amount;
  f->page = page;
  f->box = words_box(ln, sp->first, sp->last);
  f->conf = ln->words[sp->first].conf;
  for (size_t i = sp->first; i <= sp->last; i++)
    f->conf = fminf(f->conf, ln->words[i].conf);
}

/* The end of the label's own stretch of the line: the next cell that
   starts another label, or the end of the line. */
static size_t stretch_end(const struct line_view *lv, size_t from)
{
  for (size_t j = from; j < lv->ln->nwords; j++)
    if (lv->cell[j] && label_starts(lv, j))
      return j;
  return lv->ln->nwords;
}

/* The value of an amount label on its own line: an amount that starts a
   cell first, else the first amount. */
static bool amount_same_line(const struct line_view *lv, const struct hit *h,
                             struct span *sp)
{
  size_t end = stretch_end(lv, h->end);
  for (size_t j = h->end; j < end; j++)
    if (lv->cell[j] && amount_at(lv, j, sp) && sp->last < end)
      return true;
  for (size_t j = h->end; j < end; j++)
    if (amount_at(lv, j, sp) && sp->last < end)
      return true;
  return false;
}

/* The x range of the label's column: from the label to the next label of
   its line. */
static void column_of(const struct line_view *lv, const struct hit *h,
                      double *x0, double *x1)
{
  const struct sv_line *ln = lv->ln;
  double h_line = ln->box.y1 - ln->box.y0;
  *x0 = ln->words[h->first].box.x0 - h_line;
  size_t end = stretch_end(lv, h->end);
  *x1 = end < ln->nwords ? ln->words[end].box.x0 : INFINITY;
}

/* The next line, when it is close enough below to hold a label's value. */
static const struct line_view *next_line(const struct page_view *pv,
                                         size_t l)
{
  if (l + 1 >= pv->pg->nlines)
    return NULL;
  const struct sv_line *a = pv->lines[l].ln;
  const struct sv_line *b = pv->lines[l + 1].ln;
  double h = a->box.y1 - a->box.y0;
  if (h <= 0 || b->box.y0 - a->box.y1 > 2.0 * h)
    return NULL;
  return &pv->lines[l + 1];
}

/* The value of an amount label printed alone: on the next line, in the
   label's column, not claimed by a label of that line. */
static bool amount_below(const struct page_view *pv, size_t l,
                         const struct hit *h, struct span *sp)
{
  const struct line_view *nx = next_line(pv, l);
  if (nx == NULL)
    return false;
  double x0, x1;
  column_of(&pv->lines[l], h, &x0, &x1);
  for (size_t j = 0; j < nx->ln->nwords; j++) {
    const struct sv_box *b = &nx->ln->words[j].box;
    if (nx->cell[j] && label_starts(nx, j) && b->x0 >= x0 && b->x0 < x1)
      return false; /* the value below belongs to that label */
    if (b->x1 < x0 || b->x0 >= x1)
      continue;
    if (amount_at(nx, j, sp))
      return true;
  }
  return false;
}

/* ============================================================ strings */

/* Returns owned: words [a, b) of ln joined by one space. */
static char *join_words(const struct sv_line *ln, size_t a, size_t b)
{
  GString *s = g_string_new(NULL);
  for (size_t i = a; i < b; i++) {
    if (s->len > 0)
      g_string_append_c(s, ' ');
    g_string_append(s, ln->words[i].text);
  }
  return g_string_free(s, FALSE);
}

/* The end of the cell that holds word i. */
static size_t cell_end(const struct line_view *lv, size_t i)
{
  size_t j = i + 1;
  while (j < lv->ln->nwords && !lv->cell[j])
    j++;
  return j;
}

/* Returns owned: the text value after a label (rest of its cell, else the
   next cell when it is not a label, else the next line's cell below), or
   NULL. */
static char *text_value(const struct page_view *pv, size_t l,
                        const struct hit *h)
{
  const struct line_view *lv = &pv->lines[l];
  size_t n = lv->ln->nwords;
  size_t j = h->end;
  while (j < n && lv->keys[j][0] == '\0' && !lv->cell[j])
    j++; /* ":" */
  if (j < n && !lv->cell[j])
    return join_words(lv->ln, j, cell_end(lv, j));
  while (j < n && lv->keys[j][0] == '\0')
    j++;
  if (j < n && !label_starts(lv, j))
    return join_words(lv->ln, j, cell_end(lv, j));
  if (j < n)
    return NULL;
  const struct line_view *nx = next_line(pv, l);
  if (nx == NULL)
    return NULL;
  double x0, x1;
  column_of(lv, h, &x0, &x1);
  for (size_t k = 0; k < nx->ln->nwords; k++) {
    if (!nx->cell[k])
      continue;
    const struct sv_box *b = &nx->ln->words[k].box;
    if (b->x0 < x0 || b->x0 >= x1)
      continue;
    if (label_starts(nx, k))
      return NULL;
    return join_words(nx->ln, k, cell_end(nx, k));
  }
  return NULL;
}

/* Trims spaces and leading ':' from a holder value; returns owned or NULL
   when it holds no letter or is too long. */
static char *clean_holder(char *v)
{
  if (v == NULL)
    return NULL;
  char *p = v;
  while (*p == ':' || *p == ' ')
    p++;
  char *out = g_strstrip(g_strdup(p));
  g_free(v);
  bool letter = false;
  for (const char *q = out; *q != '\0'; q = g_utf8_next_char(q))
    if (g_unichar_isalpha(g_utf8_get_char(q)))
      letter = true;
  if (!letter || strlen(out) > MAX_HOLDER_BYTES) {
    g_free(out);
    return NULL;
  }
  return out;
}

/* Returns owned: the masked account from a value such as "0012 3456 7890"
   or "0482917365", NULL when it is not a number or is an 18-digit CLABE. */
static char *account_from(const char *v)
{
  if (v == NULL)
    return NULL;
  const char *p = v;
  while (*p == ':' || *p == ' ' || *p == '#')
    p++;
  if (g_ascii_isalpha(p[0]) && g_ascii_isalpha(p[1]) &&
      g_ascii_isdigit(p[2]) && g_ascii_isdigit(p[3])) {
    /* an IBAN ("ES91 2100 0418 4502 0005 1332"): masked to its last 4
       digits like any account number */
    int n = 0;
    for (const char *q = p; *q != '\0' && (g_ascii_isalnum(*q) || *q == ' ');
         q++)
      n += g_ascii_isalnum(*q) ? 1 : 0;
    if (n < 15 || n > 34)
      return NULL;
    return sv_mask_account(p);
  }
  int digits = 0;
  const char *q = p;
  for (; *q != '\0'; q++) {
    if (g_ascii_isdigit(*q))
      digits++;
    else if (*q != ' ' && *q != '-' && *q != '*' && *q != 'X' && *q != 'x')
      break;
  }
  if (digits < 4 || digits == 18 || digits > 20)
    return NULL;
  char *num = g_strndup(p, (gsize)(q - p));
  char *masked = sv_mask_account(num);
  g_free(num);
  return masked;
}

/* ============================================================ currency */

struct currency_signal {
  const char *tokens; /* folded tokens, " " separated */
  const char *code;
};

static const struct currency_signal currency_signals[] = {
    {"usd", "USD"},    {"mxn", "MXN"},    {"eur", "EUR"},
    {"cad", "CAD"},    {"gbp", "GBP"},    {"nzd", "NZD"},
    {"aud", "AUD"},    {"sgd", "SGD"},    {"chf", "CHF"},
    {"jpy", "JPY"},    {"moneda nacional", "MXN"},           {"pesos", "MXN"},
    {"peso", "MXN"},   {"dolares", "USD"}, {"dolar", "USD"},
    {"dls", "USD"},    {"us dollars", "USD"},
};

/* Returns owned " tok tok " of folded text (alphanumeric runs). */
static char *token_stream(const char *folded)
{
  GString *s = g_string_new(" ");
  bool in = false;
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (g_unichar_isalnum(ch)) {
      g_string_append_unichar(s, ch);
      in = true;
    } else if (in) {
      g_string_append_c(s, ' ');
      in = false;
    }
  }
  if (!in && s->len > 1)
    g_string_truncate(s, s->len - 1);
  g_string_append_c(s, ' ');
  return g_string_free(s, FALSE);
}

/* Counts the currency signals of text (raw, not folded) into counts[],
   indexed like currency_signals plus 3 symbol slots. */
enum {
  SYM_USD = G_N_ELEMENTS(currency_signals),
  SYM_EUR,
  SYM_GBP,
  SYM_MXN,
  CUR_SLOTS
};

static const char *signal_code(int i)
{
  if (i == SYM_USD)
    return "USD";
  if (i == SYM_EUR)
    return "EUR";
  if (i == SYM_GBP)
    return "GBP";
  if (i == SYM_MXN)
    return "MXN";
  return currency_signals[i].code;
}

static void count_currency(const char *text, long counts[CUR_SLOTS],
                           long first_pos[CUR_SLOTS], long *pos_base)
{
  char *folded = sv_fold(text);
  char *toks = token_stream(folded);
  for (size_t i = 0; i < G_N_ELEMENTS(currency_signals); i++) {
    char needle[40];
    snprintf(needle, sizeof needle, " %s ", currency_signals[i].tokens);
    for (const char *p = strstr(toks, needle); p != NULL;
         p = strstr(p + 1, needle)) {
      if (counts[i]++ == 0)
        first_pos[i] = *pos_base + (p - toks);
    }
  }
  /* marks with their punctuation: "M.N." (not the letters M N of a
     chart's month axis) */
  static const char *const syms[] = {"us$", "\xe2\x82\xac", "\xc2\xa3",
                                     "m.n."};
  for (int k = 0; k < 4; k++) {
    for (const char *p = strstr(folded, syms[k]); p != NULL;
         p = strstr(p + 1, syms[k])) {
      if (counts[SYM_USD + k]++ == 0)
        first_pos[SYM_USD + k] = *pos_base + (p - folded);
    }
  }
  *pos_base += (long)strlen(toks) + 1;
  g_free(toks);
  g_free(folded);
}

/* The code with most signals (ties: seen first); NULL when none. */
static const char *best_currency(const long counts[CUR_SLOTS],
                                 const long first_pos[CUR_SLOTS])
{
  /* Several signals name the same code: add them up per code. */
  const char *best = NULL;
  long best_n = 0, best_pos = 0;
  for (int i = 0; i < CUR_SLOTS; i++) {
    if (counts[i] == 0)
      continue;
    const char *code = signal_code(i);
    long n = 0, pos = G_MAXLONG;
    for (int k = 0; k < CUR_SLOTS; k++) {
      if (counts[k] > 0 && strcmp(signal_code(k), code) == 0) {
        n += counts[k];
        pos = MIN(pos, first_pos[k]);
      }
    }
    if (n > best_n || (n == best_n && pos < best_pos)) {
      best = code;
      best_n = n;
      best_pos = pos;
    }
  }
  return best;
}

/* ======================================================= holder guess */

static const char *const not_names[] = {
    "bank",     "banco",      "statement", "estado",    "cuenta",
    "account",  "accounts",   "summary",   "resumen",   "customer",
    "service",  "information", "informacion", "checking", "savings",
    "ahorro",   "page",       "pagina",    "member",    "fdic",
    "detalle",  "periodo",    "period",    "financial", "financiera",
    "balance",  "saldo",      "total",     "date",      "fecha",
    "sucursal", "branch",     "credit",    "credito",   "debit",
    "tarjeta",  "card",       "online",    "www",       "com",
    "bancomer", "banamex",    "santander", "banorte",   "hsbc",
    "scotiabank", "chase",    "wells",     "fargo",     "america",
    "deposits", "depositos",  "transactions", "movimientos", "digital",
    "basico",   "everyday",   "personal",  "business",  "empresarial",
    "sa",       "cv",         "na",        "inc",       "llc",
    "your",     "banking",    "extracto",  "corriente", "cheques",
};

/* A word of a name: letters (and . - '), capitalised, not a bank word. */
static bool name_word(const char *text, const char *key)
{
  bool letter = false;
  bool first_upper = false;
  bool first = true;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
    gunichar ch = g_utf8_get_char(p);
    if (g_unichar_isalpha(ch)) {
      if (first)
        first_upper = g_unichar_isupper(ch);
      first = false;
      letter = true;
    } else if (ch != '.' && ch != '-' && ch != '\'') {
      return false;
    }
  }
  if (!letter || !first_upper)
    return false;
  for (size_t i = 0; i < G_N_ELEMENTS(not_names); i++)
    if (strcmp(key, not_names[i]) == 0)
      return false;
  return true;
}

/* Returns owned: an unlabelled holder name on page 1 (a cell of 2-5
   capitalised words with the address, which has digits, printed right below
   it), or NULL.  Many statements print the name only in the address
   block. */
static char *guess_holder(const struct page_view *pv)
{
  const struct sv_page *pg = pv->pg;
  double limit = pg->height > 0 ? pg->height * 0.45 : INFINITY;
  for (size_t l = 0; l < pg->nlines && l < 60; l++) {
    const struct line_view *lv = &pv->lines[l];
    const struct sv_line *ln = lv->ln;
    if (ln->box.y0 > limit)
      break;
    for (size_t i = 0; i < ln->nwords; i = cell_end(lv, i)) {
      size_t e = cell_end(lv, i);
      size_t n = e - i;
      if (n < 2 || n > 5)
        continue;
      bool ok = true;
      for (size_t k = i; k < e && ok; k++)
        ok = name_word(ln->words[k].text, lv->keys[k]);
      if (!ok)
        continue;
      /* The next cell starting in the same column below must have digits
         (street number, post code). */
      double x0 = ln->words[i].box.x0;
      double h = ln->box.y1 - ln->box.y0;
      bool address = false, looked = false;
      for (size_t m = l + 1; m < pg->nlines && m <= l + 3 && !looked; m++) {
        const struct line_view *nx = &pv->lines[m];
        if (nx->ln->box.y0 - ln->box.y1 > 3 * h)
          break;
        for (size_t k = 0; k < nx->ln->nwords; k = cell_end(nx, k)) {
          if (fabs(nx->ln->words[k].box.x0 - x0) > h)
            continue;
          looked = true;
          char *t = join_words(nx->ln, k, cell_end(nx, k));
          for (const char *q = t; *q != '\0'; q++)
            if (g_ascii_isdigit(*q))
              address = true;
          /* "for July 1, 2026 to July 31, 2026" is no address */
          char *f = sv_fold(t);
          GArray *d = sv_dates_in(f);
          if (d->len > 0)
            address = false;
          g_array_free(d, TRUE);
          g_free(f);
          g_free(t);
          break;
        }
      }
      if (address)
        return join_words(ln, i, e);
    }
  }
  return NULL;
}

/* ===================================================== movements table */

/* The columns of a movements table that hold amounts. */
enum col_kind { COL_DEBIT = 0, COL_CREDIT, COL_AMOUNT, COL_BALANCE };

struct column {
  enum col_kind kind;
  double x0, x1; /* the header word's extent */
};

#define MAX_COLUMNS 8
#define MAX_ROWS 5000
#define MAX_PERIOD_DAYS 400

struct table_head {
  struct column cols[MAX_COLUMNS];
  int ncols;
  bool balance; /* one of the columns is a running balance */
  bool movement; /* one of the columns is an amount, debit or credit */
  bool ledger;  /* only "Date Balance" pairs: daily ledger balances */
};

static const struct {
  const char *key;
  enum col_kind kind;
} column_words[] = {
    {"balance", COL_BALANCE},    {"saldo", COL_BALANCE},
    {"cargo", COL_DEBIT},        {"cargos", COL_DEBIT},
    {"retiro", COL_DEBIT},       {"retiros", COL_DEBIT},
    {"withdrawals", COL_DEBIT},  {"withdrawal", COL_DEBIT},
    {"debits", COL_DEBIT},       {"debit", COL_DEBIT},
    {"abono", COL_CREDIT},       {"abonos", COL_CREDIT},
    {"deposito", COL_CREDIT},    {"depositos", COL_CREDIT},
    {"deposits", COL_CREDIT},    {"deposit", COL_CREDIT},
    {"credits", COL_CREDIT},     {"credit", COL_CREDIT},
    {"amount", COL_AMOUNT},      {"importe", COL_AMOUNT},
    {"monto", COL_AMOUNT},
};

/* A table header: its first word is "Date"/"Fecha" and it names at least
   one amount column.  Fills *th (when not NULL) with the columns. */
static bool table_header(const struct line_view *lv, struct table_head *th)
{
  const struct sv_line *ln = lv->ln;
  if (ln->nwords < 2 || (strcmp(lv->keys[0], "date") != 0 &&
                         strcmp(lv->keys[0], "fecha") != 0))
    return false;
  struct table_head h;
  memset(&h, 0, sizeof h);
  int ndates = 1, nother = 0;
  for (size_t i = 1; i < ln->nwords && h.ncols < MAX_COLUMNS; i++) {
    bool known = false;
    for (size_t k = 0; k < G_N_ELEMENTS(column_words); k++) {
      if (strcmp(lv->keys[i], column_words[k].key) != 0)
        continue;
      struct column *c = &h.cols[h.ncols++];
      c->kind = column_words[k].kind;
      c->x0 = ln->words[i].box.x0;
      c->x1 = ln->words[i].box.x1;
      h.balance = h.balance || c->kind == COL_BALANCE;
      h.movement = h.movement || c->kind != COL_BALANCE;
      known = true;
      break;
    }
    if (known || lv->keys[i][0] == '\0')
      continue;
    if (strcmp(lv->keys[i], lv->keys[0]) == 0)
      ndates++;
    else
      nother++;
  }
  if (h.ncols == 0)
    return false;
  /* "Date  Balance ($)  Date  Balance ($)": a pair per day */
  h.ledger = !h.movement && nother == 0 && ndates == h.ncols;
  if (th != NULL)
    *th = h;
  return true;
}

/* One movement row. */
enum row_kind {
  ROW_RUNNING = 0, /* a table with a running-balance column */
  ROW_MOVE,        /* a table of movements only ("Date Description Amount") */
  ROW_LEDGER       /* a daily ledger balance: no movement of its own */
};

struct tx_row {
  int page;
  enum row_kind kind;
  struct sv_row_date raw;
  bool has_amount;   /* the movement: + credit, - debit */
  sv_cents amount;
  struct sv_box amt_box;
  float amt_conf;
  bool has_balance;  /* the running balance printed on the row */
  sv_cents balance;
  struct sv_box bal_box;
  float bal_conf;
};

/* The column nearest to [x0, x1]: overlap first, then the smallest gap,
   then the closest right edge (amounts are right-aligned). */
static const struct column *nearest_column(const struct table_head *th,
                                           double x0, double x1)
{
  const struct column *best = NULL;
  double best_gap = INFINITY, best_edge = INFINITY;
  for (int c = 0; c < th->ncols; c++) {
    const struct column *col = &th->cols[c];
    double gap = fmax(0.0, fmax(col->x0 - x1, x0 - col->x1));
    double edge = fabs(col->x1 - x1);
    if (gap < best_gap || (gap == best_gap && edge < best_edge)) {
      best = col;
      best_gap = gap;
      best_edge = edge;
    }
  }
  return best;
}

/* Reads one row (its first word is a date) under the table head. */
static bool read_row(const struct line_view *lv, const struct table_head *th,
                     int page, struct tx_row *row)
{
  const struct sv_line *ln = lv->ln;
  memset(row, 0, sizeof *row);
  if (ln->nwords < 2 || !sv_row_date_parse(ln->words[0].text, &row->raw))
    return false;
  row->page = page;
  int namounts = 0;
  bool found = false;
  for (size_t j = 1; j < ln->nwords;) {
    struct span sp;
    if (!amount_at(lv, j, &sp)) {
      j++;
      continue;
    }
    found = true;
    struct sv_box bx = words_box(ln, sp.first, sp.last);
    const struct column *col = nearest_column(th, bx.x0, bx.x1);
    if (col->kind == COL_BALANCE) {
      /* the last amount in the balance column (BBVA prints the balance
         twice, "operación" and "liquidación") */
      row->has_balance = true;
      row->balance = sp.amount;
      row->bal_box = bx;
      row->bal_conf = ln->words[sp.first].conf;
      for (size_t k = sp.first; k <= sp.last; k++)
        row->bal_conf = fminf(row->bal_conf, ln->words[k].conf);
    } else {
      sv_cents v = sp.amount;
      if (col->kind == COL_DEBIT)
        v = v < 0 ? v : -v;
      else if (col->kind == COL_CREDIT)
        v = v < 0 ? -v : v;
      row->amount = v;
      row->amt_box = bx;
      row->amt_conf = ln->words[sp.first].conf;
      for (size_t k = sp.first; k <= sp.last; k++)
        row->amt_conf = fminf(row->amt_conf, ln->words[k].conf);
      namounts++;
    }
    j = sp.last + 1;
  }
  /* Two movements on one row cannot be told apart: no amount. */
  row->has_amount = namounts == 1;
  return found;
}

/* Reads the "date balance" pairs of a daily ledger balances line into
   rows (a line holds one pair per column of the header). */
static void read_ledger_line(const struct line_view *lv, int page,
                             GArray *rows)
{
  const struct sv_line *ln = lv->ln;
  for (size_t i = 0; i + 1 < ln->nwords && rows->len < MAX_ROWS;) {
    struct tx_row row;
    struct span sp;
    memset(&row, 0, sizeof row);
    if (!sv_row_date_parse(ln->words[i].text, &row.raw) ||
        !amount_at(lv, i + 1, &sp)) {
      i++;
      continue;
    }
    row.page = page;
    row.kind = ROW_LEDGER;
    row.has_balance = true;
    row.balance = sp.amount;
    row.bal_box = words_box(ln, sp.first, sp.last);
    row.bal_conf = ln->words[i].conf;
    for (size_t k = sp.first; k <= sp.last; k++)
      row.bal_conf = fminf(row.bal_conf, ln->words[k].conf);
    g_array_append_val(rows, row);
    i = sp.last + 1;
  }
}

/* The movement rows of the document, in page and line order.  A header
   ("Date ... Balance", "Fecha ... Saldo", "Date Description Amount")
   starts a table; it holds until the next header, across pages
   (continuation pages may repeat it or not).  Tables with a running
   balance column give ROW_RUNNING rows; tables of movements only give
   ROW_MOVE rows and "Date Balance" pair tables ROW_LEDGER rows, which are
   only kept when there is no running-balance table (the movements and the
   daily balances together then play its part).  Returns owned. */
/* A "TOTAL   27,796.81   24,138.20" line under a table with deposit and
   withdrawal columns: the amounts under those columns are the period's
   credits and debits (the first such line counts). */
static void read_totals(const struct line_view *lv, const struct table_head *th,
                        int page, struct sv_figure *credits,
                        struct sv_figure *debits)
{
  const struct sv_line *ln = lv->ln;
  if (credits->present || debits->present || ln->nwords < 2 ||
      (strcmp(lv->keys[0], "total") != 0 &&
       strcmp(lv->keys[0], "totales") != 0) ||
      th->balance == false || th->ledger)
    return;
  struct sv_figure c, d;
  memset(&c, 0, sizeof c);
  memset(&d, 0, sizeof d);
  for (size_t j = 1; j < ln->nwords;) {
    struct span sp;
    if (lv->keys[j][0] != '\0' && !g_ascii_isdigit(lv->keys[j][0]) &&
        !amount_at(lv, j, &sp))
      return; /* "Total de movimientos 24": not a totals line */
    if (!amount_at(lv, j, &sp)) {
      j++;
      continue;
    }
    struct sv_box bx = words_box(ln, sp.first, sp.last);
    const struct column *col = nearest_column(th, bx.x0, bx.x1);
    struct sv_figure *f = col->kind == COL_CREDIT  ? &c
                          : col->kind == COL_DEBIT ? &d
                                                   : NULL;
    if (f == NULL || f->present)
      return;
    set_figure(f, ln, &sp, page);
    if (f->amount < 0)
      f->amount = -f->amount;
    j = sp.last + 1;
  }
  if (c.present && d.present) {
    *credits = c;
    *debits = d;
  }
}

static GArray *read_table(const struct page_view *pv, int npages,
                          struct sv_figure *tot_credits,
                          struct sv_figure *tot_debits)
{
  GArray *rows = g_array_new(FALSE, TRUE, sizeof(struct tx_row));
  struct table_head th;
  bool in_table = false;
  int counts[3] = {0, 0, 0};
  memset(&th, 0, sizeof th);
  for (int p = 0; p < npages; p++) {
    if (pv[p].pg->source == SV_TEXT_NONE)
      continue;
    int page = pv[p].pg->number > 0 ? pv[p].pg->number : p + 1;
    for (size_t l = 0; l < pv[p].pg->nlines; l++) {
      const struct line_view *lv = &pv[p].lines[l];
      struct table_head h;
      if (table_header(lv, &h)) {
        th = h;
        in_table = true;
        continue;
      }
      if (!in_table || rows->len >= MAX_ROWS)
        continue;
      if (th.ledger) {
        guint before = rows->len;
        read_ledger_line(lv, page, rows);
        counts[ROW_LEDGER] += (int)(rows->len - before);
        continue;
      }
      struct tx_row row;
      if (!read_row(lv, &th, page, &row)) {
        read_totals(lv, &th, page, tot_credits, tot_debits);
        continue;
      }
      row.kind = th.balance ? ROW_RUNNING : ROW_MOVE;
      counts[row.kind]++;
      g_array_append_val(rows, row);
    }
  }
  /* One source of balances: a running-balance column wins.  Movements
     without daily balances are dropped: section tables ("Checks paid",
     "Deposits") often print unsigned amounts whose sign only the section
     title tells, so they prove nothing alone. */
  for (guint i = rows->len; i-- > 0;) {
    struct tx_row *r = &g_array_index(rows, struct tx_row, i);
    if ((counts[ROW_RUNNING] > 0 && r->kind != ROW_RUNNING) ||
        (r->kind == ROW_MOVE && counts[ROW_LEDGER] == 0))
      g_array_remove_index(rows, i);
    else if (r->kind == ROW_LEDGER && counts[ROW_MOVE] == 0)
      r->kind = ROW_RUNNING; /* balances alone: nothing to link them */
  }
  return rows;
}

/* ======================================================= reconciliation */

/* The figures a re-read may change. */
enum { FIG_OPENING = 0, FIG_CREDITS, FIG_DEBITS, FIG_CLOSING, FIG_AVERAGE,
       NFIGS };

struct values {
  bool has[NFIGS];
  sv_cents v[NFIGS];
};

/* What the checks found for one set of values. */
struct checks {
  int done, failed;
  bool sum_done, sum_ok;    /* opening + credits - debits = closing */
  sv_cents sum_expected;
  bool avg_done, avg_ok;    /* printed average = computed */
  bool has_computed;
  sv_cents computed;        /* day-weighted average of the running balances */
  bool last_done, last_ok;  /* closing = last running balance */
  sv_cents last_balance;
  int last_page;
  bool links_done, links_ok; /* each running balance follows from the one
                                before and the movements */
  int bad_page;             /* the first link that failed */
  sv_cents bad_prev, bad_amount, bad_balance;
};

/* num / den (den > 0) rounded half away from zero, like the banks (and the
   sample generator) round an average to the cent. */
static sv_cents div_round_half_up(sv_cents num, int64_t den)
{
  sv_cents q = num / den;
  sv_cents r = num % den;
  if (r < 0)
    r = -r;
  if (r * 2 >= den)
    q += num < 0 ? -1 : 1;
  return q;
}

/* The day-weighted average daily balance over [start, end]: the opening
   balance until the first movement, then each day's end-of-day balance
   (the last running balance printed that day; a row without one carries
   the previous balance plus its movement), summed over the days and
   divided by their number.  False when a row cannot be placed in the
   period, dates go backwards, or a balance before the first printed one
   is unknown. */
static bool day_weighted_average(const GArray *rows, const GDate *dates,
                                 const GDate *start, const GDate *end,
                                 bool has_open, sv_cents open, sv_cents *avg)
{
  if (!g_date_valid(start) || !g_date_valid(end) || rows->len == 0)
    return false;
  guint32 js = g_date_get_julian(start), je = g_date_get_julian(end);
  if (je < js || je - js + 1 > MAX_PERIOD_DAYS)
    return false;
  bool known = has_open;
  sv_cents bal = open;
  const struct tx_row *first = &g_array_index(rows, struct tx_row, 0);
  if (!known && first->has_balance && first->has_amount) {
    bal = first->balance - first->amount; /* the balance before it */
    known = true;
  }
  sv_cents sum = 0;
  guint i = 0;
  for (guint32 d = js; d <= je; d++) {
    for (; i < rows->len && g_date_get_julian(&dates[i]) <= d; i++) {
      const struct tx_row *r = &g_array_index(rows, struct tx_row, i);
      if (g_date_get_julian(&dates[i]) < d)
        return false; /* out of order */
      if (r->has_balance) {
        bal = r->balance;
        known = true;
      } else if (r->has_amount && known) {
        bal += r->amount;
      } else {
        known = false;
      }
    }
    if (!known)
      return false;
    if ((bal > 0 && sum > INT64_MAX - bal) ||
        (bal < 0 && sum < INT64_MIN - bal))
      return false;
    sum += bal;
  }
  if (i < rows->len)
    return false;
  *avg = div_round_half_up(sum, (int64_t)(je - js + 1));
  return true;
}

/* The statement being reconciled and its movements. */
struct recon {
  struct sv_doc *doc;
  const struct sv_services *svc; /* borrowed: the worker's re-read */
  struct sv_statement *st;
  GArray *rows;        /* owned: of struct tx_row */
  GDate *dates;        /* owned: the rows' dates in the period */
  bool dates_ok;       /* every row has one */
  bool closing_printed, average_printed;
  sv_cents credit_extra, debit_extra; /* other summary lines in the
                                         credits / debits totals */
};

/* Runs every check the statement allows on values v (printed figures
   only). */
static void run_checks(const struct recon *rc, const struct values *v,
                       struct checks *ck)
{
  const GArray *rows = rc->rows;
  memset(ck, 0, sizeof *ck);
  if (v->has[FIG_OPENING] && v->has[FIG_CREDITS] && v->has[FIG_DEBITS] &&
      v->has[FIG_CLOSING]) {
    sv_cents deb = v->v[FIG_DEBITS] < 0 ? -v->v[FIG_DEBITS] : v->v[FIG_DEBITS];
    ck->sum_done = true;
    ck->sum_expected = v->v[FIG_OPENING] + v->v[FIG_CREDITS] - deb;
    ck->sum_ok = ck->sum_expected == v->v[FIG_CLOSING];
  }
  ck->has_computed =
      rc->dates_ok &&
      day_weighted_average(rows, rc->dates, &rc->st->start, &rc->st->end,
                           v->has[FIG_OPENING], v->v[FIG_OPENING],
                           &ck->computed);
  if (ck->has_computed && v->has[FIG_AVERAGE]) {
    ck->avg_done = true;
    ck->avg_ok = ck->computed == v->v[FIG_AVERAGE];
  }
  /* running balances: links and the last one */
  bool known = v->has[FIG_OPENING];
  sv_cents prev = v->v[FIG_OPENING], pending = 0;
  bool pending_ok = true;
  ck->links_ok = true;
  bool any_balance = false, all_amounts = rows->len > 0;
  sv_cents moved = 0;
  for (guint i = 0; i < rows->len; i++) {
    const struct tx_row *r = &g_array_index(rows, struct tx_row, i);
    any_balance = any_balance || r->has_balance;
    all_amounts = all_amounts && (r->has_amount || r->kind == ROW_LEDGER);
    if (r->has_amount)
      moved += r->amount;
    if (r->kind == ROW_LEDGER)
      ; /* a day's balance: the movements before it lead to it */
    else if (!r->has_amount)
      pending_ok = false;
    else
      pending += r->amount;
    if (!r->has_balance)
      continue;
    if (known && pending_ok) {
      ck->links_done = true;
      if (prev + pending != r->balance && ck->links_ok) {
        ck->links_ok = false;
        ck->bad_page = r->page;
        ck->bad_prev = prev;
        ck->bad_amount = pending;
        ck->bad_balance = r->balance;
      }
    }
    prev = r->balance;
    known = true;
    pending = 0;
    pending_ok = true;
    ck->last_balance = r->balance;
    ck->last_page = r->page;
    ck->last_done = true; /* provisional: needs a printed closing */
  }
  if (!any_balance && all_amounts && v->has[FIG_OPENING]) {
    /* movements only: opening + movements = closing */
    ck->last_done = true;
    ck->last_balance = v->v[FIG_OPENING] + moved;
    ck->last_page = g_array_index(rows, struct tx_row, rows->len - 1).page;
  }
  ck->last_done = ck->last_done && v->has[FIG_CLOSING];
  if (ck->last_done)
    ck->last_ok = ck->last_balance == v->v[FIG_CLOSING];
  if (!ck->links_done)
    ck->links_ok = false;
  if (ck->links_done && !ck->links_ok) {
    /* The table contradicts itself (a misread or missed row, typically
       on a scan): it can prove nothing about the printed figures, so
       the average and closing are not compared with it. */
    ck->avg_done = ck->avg_ok = false;
    ck->last_done = ck->last_ok = false;
  }

  ck->done = ck->sum_done + ck->avg_done + ck->last_done + ck->links_done;
  ck->failed = (ck->sum_done && !ck->sum_ok) + (ck->avg_done && !ck->avg_ok) +
               (ck->last_done && !ck->last_ok) +
               (ck->links_done && !ck->links_ok);
}

static struct sv_figure *figure_of(struct sv_statement *st, int f)
{
  switch (f) {
  case FIG_OPENING:
    return &st->opening;
  case FIG_CREDITS:
    return &st->credits;
  case FIG_DEBITS:
    return &st->debits;
  case FIG_CLOSING:
    return &st->closing;
  default:
    return &st->average;
  }
}

/* The printed figures as values. */
static void printed_values(const struct recon *rc, struct values *v)
{
  memset(v, 0, sizeof *v);
  for (int f = 0; f < NFIGS; f++) {
    const struct sv_figure *fig = figure_of(rc->st, f);
    bool printed = fig->present;
    if (f == FIG_CLOSING)
      printed = rc->closing_printed;
    else if (f == FIG_AVERAGE)
      printed = rc->average_printed;
    v->has[f] = printed;
    v->v[f] = fig->amount;
  }
}

/* The page of doc numbered n (1-based), or NULL. */
static const struct sv_page *page_numbered(const struct sv_doc *doc, int n)
{
  for (int p = 0; p < doc->npages; p++)
    if ((doc->pages[p].number > 0 ? doc->pages[p].number : p + 1) == n)
      return &doc->pages[p];
  return NULL;
}

/* True when figure fig could be re-read from pixels. */
static bool can_reread(const struct recon *rc, const struct sv_figure *fig)
{
  const struct sv_page *pg = page_numbered(rc->doc, fig->page);
  return rc->svc != NULL && rc->svc->reread != NULL && fig->present &&
         pg != NULL && pg->image != NULL;
}

/* The figures a failed check involves (a bit per FIG_*). */
static unsigned involved(const struct checks *ck)
{
  unsigned m = 0;
  if (ck->sum_done && !ck->sum_ok)
    m |= 1u << FIG_OPENING | 1u << FIG_CREDITS | 1u << FIG_DEBITS |
         1u << FIG_CLOSING;
  if (ck->avg_done && !ck->avg_ok)
    m |= 1u << FIG_AVERAGE | 1u << FIG_OPENING;
  if (ck->last_done && !ck->last_ok)
    m |= 1u << FIG_CLOSING;
  if (ck->links_done && !ck->links_ok)
    m |= 1u << FIG_OPENING;
  return m;
}

/* A failed check: re-read the crops of the figures involved (digits only,
   larger scale) and try the readings, fewest changes first and, among as
   many changes, the lowest-confidence figures first.  The first reading
   that passes every check is kept: its figures get the re-read value and
   confidence and reread = true.  Returns true when one was kept; *tried
   tells whether any re-read was possible at all. */
static bool reread_figures(struct recon *rc, struct checks *ck, bool *tried)
{
  struct cand {
    int fig;
    sv_cents value;
    float conf;
  } cands[NFIGS];
  int n = 0;
  unsigned want = involved(ck);
  *tried = false;
  for (int f = 0; f < NFIGS; f++) {
    struct sv_figure *fig = figure_of(rc->st, f);
    if (!(want & (1u << f)) || !can_reread(rc, fig) ||
        (f == FIG_AVERAGE && !rc->average_printed) ||
        (f == FIG_CLOSING && !rc->closing_printed))
      continue;
    char *text = NULL;
    float conf = 0;
    *tried = true;
    bool ok = sv_services_reread(rc->svc, page_numbered(rc->doc, fig->page),
                            &fig->box, &text, &conf);
    sv_cents v = 0;
    bool parsed = ok && sv_amount_parse(text, &v);
    if (parsed && f == FIG_DEBITS)
      v = (v < 0 ? -v : v) + rc->debit_extra;
    else if (parsed && f == FIG_CREDITS)
      v += rc->credit_extra;
    if (parsed && v != fig->amount) {
      cands[n].fig = f;
      cands[n].value = v;
      cands[n].conf = conf;
      n++;
    }
    g_free(text);
  }
  /* lowest confidence of the original reading first */
  for (int i = 1; i < n; i++) {
    struct cand k = cands[i];
    int j = i - 1;
    while (j >= 0 && figure_of(rc->st, cands[j].fig)->conf >
                         figure_of(rc->st, k.fig)->conf) {
      cands[j + 1] = cands[j];
      j--;
    }
    cands[j + 1] = k;
  }
  for (int size = 1; size <= n; size++) {
    for (unsigned mask = 1; mask < (1u << n); mask++) {
      int bits = 0;
      for (unsigned m = mask; m != 0; m >>= 1)
        bits += (int)(m & 1u);
      if (bits != size)
        continue;
      struct values v;
      printed_values(rc, &v);
      for (int i = 0; i < n; i++)
        if (mask & (1u << i))
          v.v[cands[i].fig] = cands[i].value;
      struct checks trial;
      run_checks(rc, &v, &trial);
      if (trial.done == 0 || trial.failed > 0)
        continue;
      for (int i = 0; i < n; i++) {
        if (!(mask & (1u << i)))
          continue;
        struct sv_figure *fig = figure_of(rc->st, cands[i].fig);
        fig->amount = cands[i].value;
        fig->conf = cands[i].conf;
        fig->reread = true;
      }
      *ck = trial;
      return true;
    }
  }
  return false;
}

/* The average computed from the running balances as a figure: the page of
   the first balance cell, the union of the balance cells on that page, the
   lowest confidence of them all (the movement cells when no balance is
   printed). */
static void computed_average_figure(const struct recon *rc, sv_cents value,
                                    struct sv_figure *f)
{
  memset(f, 0, sizeof *f);
  f->present = true;
  f->amount = value;
  f->conf = 100.0f;
  bool any_balance = false;
  for (guint i = 0; i < rc->rows->len; i++)
    any_balance = any_balance ||
                  g_array_index(rc->rows, struct tx_row, i).has_balance;
  bool first = true;
  for (guint i = 0; i < rc->rows->len; i++) {
    const struct tx_row *r = &g_array_index(rc->rows, struct tx_row, i);
    if (any_balance ? !r->has_balance : !r->has_amount)
      continue;
    const struct sv_box *bx = any_balance ? &r->bal_box : &r->amt_box;
    f->conf = fminf(f->conf, any_balance ? r->bal_conf : r->amt_conf);
    if (first) {
      f->page = r->page;
      f->box = *bx;
      first = false;
    } else if (r->page == f->page) {
      f->box.x0 = fmin(f->box.x0, bx->x0);
      f->box.y0 = fmin(f->box.y0, bx->y0);
      f->box.x1 = fmax(f->box.x1, bx->x1);
      f->box.y1 = fmax(f->box.y1, bx->y1);
    }
  }
}

/* The last running balance as the closing figure (none printed). */
static void closing_from_table(const struct recon *rc, struct sv_figure *f)
{
  for (guint i = rc->rows->len; i-- > 0;) {
    const struct tx_row *r = &g_array_index(rc->rows, struct tx_row, i);
    if (!r->has_balance)
      continue;
    memset(f, 0, sizeof *f);
    f->present = true;
    f->amount = r->balance;
    f->page = r->page;
    f->box = r->bal_box;
    f->conf = r->bal_conf;
    return;
  }
}

/* Marks the deciding figures of the failed checks unreconciled and says
   why on the document, with both numbers of each failed check. */
static void report_failures(struct recon *rc, const struct checks *ck,
                            bool tried)
{
  struct sv_statement *st = rc->st;
  const char *tail =
      tried ? "re-reading the figures did not reconcile them"
            : rc->doc->text == SV_TEXT_OCR
                  ? "the page image was not available to re-read them"
                  : "the statement contradicts itself";
  char a[48], b[48];
  if (ck->avg_done && !ck->avg_ok) {
    st->average.unreconciled = true;
    sv_cents_format_grouped(st->average.amount, a, sizeof a);
    sv_cents_format_grouped(ck->computed, b, sizeof b);
    sv_doc_problem(rc->doc, SV_DOC_OK, SV_INVALID, STAGE, st->average.page,
                   "page %d: the printed average balance %s does not match "
                   "the day-weighted average of the running balances, %s; %s",
                   st->average.page, a, b, tail);
  }
  if (ck->sum_done && !ck->sum_ok) {
    /* which of the four is wrong cannot be told: the closing balance is
       the figure that decides, so it is the one marked */
    st->closing.unreconciled = true;
    char o[48], c[48], d[48];
    sv_cents_format_grouped(st->opening.amount, o, sizeof o);
    sv_cents_format_grouped(st->credits.amount, c, sizeof c);
    sv_cents_format_grouped(st->debits.amount < 0 ? -st->debits.amount : st->debits.amount,
               d, sizeof d);
    sv_cents_format_grouped(ck->sum_expected, a, sizeof a);
    sv_cents_format_grouped(st->closing.amount, b, sizeof b);
    sv_doc_problem(rc->doc, SV_DOC_OK, SV_INVALID, STAGE, st->closing.page,
                   "page %d: opening balance %s + credits %s - debits %s = "
                   "%s, but the printed closing balance is %s; %s",
                   st->closing.page, o, c, d, a, b, tail);
  }
  if (ck->last_done && !ck->last_ok) {
    st->closing.unreconciled = true;
    if (st->average_computed)
      st->average.unreconciled = true;
    sv_cents_format_grouped(st->closing.amount, a, sizeof a);
    sv_cents_format_grouped(ck->last_balance, b, sizeof b);
    sv_doc_problem(rc->doc, SV_DOC_OK, SV_INVALID, STAGE, st->closing.page,
                   "page %d: the printed closing balance %s does not match "
                   "the last running balance, %s (page %d); %s",
                   st->closing.page, a, b, ck->last_page, tail);
  }
  if (ck->links_done && !ck->links_ok) {
    if (st->average_computed)
      st->average.unreconciled = true;
    char m[48];
    sv_cents_format_grouped(ck->bad_prev, a, sizeof a);
    sv_cents_format_grouped(ck->bad_amount, m, sizeof m);
    sv_cents_format_grouped(ck->bad_balance, b, sizeof b);
    sv_doc_problem(rc->doc, SV_DOC_OK, SV_INVALID, STAGE, ck->bad_page,
                   "page %d: the running balance %s does not follow from the "
                   "balance before it, %s, and the movements since, %s; %s",
                   ck->bad_page, b, a, m, tail);
  }
}

/* Reads the movements table and checks the statement's arithmetic (see
   the header comment of this file). */
/* Dates every row in the period.  Numeric row dates ("07/02", "02/03")
   are read in one order for the whole table: the order the period was
   printed in when that told (else the language's), unless the other order
   places more rows in the period or keeps them in date order where this
   one does not; rows no fixed order places are read either way.  Returns
   true when every row has a date. */
static bool place_rows(const GArray *rows, const char *lang, int period_mdy,
                       const GDate *start, const GDate *end, GDate *dates)
{
  if (rows->len == 0)
    return false;
  int first = period_mdy >= 0 ? period_mdy : strcmp(lang, "en") == 0;
  int best_order = -1, best_score = -1;
  GDate *tmp = g_new0(GDate, rows->len);
  for (int k = 0; k < 2; k++) {
    int order = k == 0 ? first : !first;
    int placed = 0;
    bool sorted = true;
    for (guint i = 0; i < rows->len; i++) {
      const struct tx_row *r = &g_array_index(rows, struct tx_row, i);
      g_date_clear(&tmp[i], 1);
      if (!sv_row_date_place(&r->raw, lang, order, start, end, &tmp[i]))
        continue;
      placed++;
      if (i > 0 && g_date_valid(&tmp[i - 1]) && r->kind == ROW_RUNNING &&
          g_date_compare(&tmp[i - 1], &tmp[i]) > 0)
        sorted = false;
    }
    int score = placed * 2 + (sorted ? 1 : 0);
    if (score > best_score) {
      best_score = score;
      best_order = order;
    }
  }
  g_free(tmp);
  bool all = true;
  for (guint i = 0; i < rows->len; i++) {
    const struct tx_row *r = &g_array_index(rows, struct tx_row, i);
    g_date_clear(&dates[i], 1);
    if (!sv_row_date_place(&r->raw, lang, best_order, start, end, &dates[i]) &&
        !sv_row_date_place(&r->raw, lang, -1, start, end, &dates[i]))
      all = false;
  }
  return all;
}

struct dated_row {
  struct tx_row row;
  GDate date;
  guint index;
};

static int dated_row_cmp_q(const void *pa, const void *pb)
{
  const struct dated_row *a = pa, *b = pb;
  int c = g_date_compare(&a->date, &b->date);
  if (c != 0)
    return c;
  /* a day's ledger balance comes after that day's movements */
  if ((a->row.kind == ROW_LEDGER) != (b->row.kind == ROW_LEDGER))
    return a->row.kind == ROW_LEDGER ? 1 : -1;
  return a->index < b->index ? -1 : a->index > b->index;
}

/* Movements without a running balance may be printed by section
   (credits, then debits) and their daily balances in a table of their
   own: they are put in date order, each day's ledger balance after the
   day's movements.  A running-balance table keeps its printed order. */
static void sort_movements(struct recon *rc)
{
  GArray *rows = rc->rows;
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index(rows, struct tx_row, i).kind == ROW_RUNNING)
      return;
  struct dated_row *dr = g_new0(struct dated_row, rows->len + 1);
  for (guint i = 0; i < rows->len; i++) {
    dr[i].row = g_array_index(rows, struct tx_row, i);
    dr[i].date = rc->dates[i];
    dr[i].index = i;
  }
  qsort(dr, rows->len, sizeof dr[0], dated_row_cmp_q);
  for (guint i = 0; i < rows->len; i++) {
    g_array_index(rows, struct tx_row, i) = dr[i].row;
    rc->dates[i] = dr[i].date;
  }
  g_free(dr);
}

/* Drops the movement rows and keeps the daily ledger balances alone (rows
   and dates stay in step); true when there was a movement to drop. */
static bool drop_movements(struct recon *rc)
{
  guint k = 0;
  bool dropped = false;
  for (guint i = 0; i < rc->rows->len; i++) {
    struct tx_row r = g_array_index(rc->rows, struct tx_row, i);
    if (r.kind == ROW_MOVE) {
      dropped = true;
      continue;
    }
    if (r.kind == ROW_LEDGER)
      r.kind = ROW_RUNNING;
    g_array_index(rc->rows, struct tx_row, k) = r;
    rc->dates[k] = rc->dates[i];
    k++;
  }
  g_array_set_size(rc->rows, k);
  if (k == 0)
    rc->dates_ok = false;
  return dropped;
}

static void reconcile(struct sv_doc *doc, const struct sv_services *svc,
                      struct sv_statement *st,
                      const struct page_view *pv, sv_cents credit_extra,
                      sv_cents debit_extra, int period_mdy)
{
  struct recon rc;
  memset(&rc, 0, sizeof rc);
  rc.doc = doc;
  rc.svc = svc;
  rc.st = st;
  rc.credit_extra = credit_extra;
  rc.debit_extra = debit_extra;
  struct sv_figure tot_credits, tot_debits;
  memset(&tot_credits, 0, sizeof tot_credits);
  memset(&tot_debits, 0, sizeof tot_debits);
  rc.rows = read_table(pv, doc->npages, &tot_credits, &tot_debits);
  if (!st->credits.present && !st->debits.present && tot_credits.present) {
    /* no summary totals: the table's TOTAL line gives them */
    st->credits = tot_credits;
    st->debits = tot_debits;
  }
  rc.dates = g_new0(GDate, rc.rows->len + 1);
  rc.dates_ok = place_rows(rc.rows, doc->lang, period_mdy, &st->start,
                           &st->end, rc.dates);
  if (rc.dates_ok)
    sort_movements(&rc);
  rc.closing_printed = st->closing.present;
  rc.average_printed = st->average.present;

  struct values v;
  struct checks ck;
  printed_values(&rc, &v);
  run_checks(&rc, &v, &ck);
  if (ck.links_done && !ck.links_ok && drop_movements(&rc)) {
    /* The movements do not lead to the daily ledger balances (a section
       of unsigned amounts, a missed table): the balances alone still
       give the average and the last-balance check. */
    run_checks(&rc, &v, &ck);
  }
  bool tried = false;
  if (ck.failed > 0)
    reread_figures(&rc, &ck, &tried);

  if (!st->average.present && ck.has_computed) {
    computed_average_figure(&rc, ck.computed, &st->average);
    st->average_computed = true;
  }
  if (!st->closing.present)
    closing_from_table(&rc, &st->closing);
  st->checks = ck.done;
  st->reconciled = ck.done > 0 && ck.failed == 0;
  if (ck.failed > 0)
    report_failures(&rc, &ck, tried);

  g_free(rc.dates);
  g_array_free(rc.rows, TRUE);
}

/* ============================================================= stage */

/* What the label scan found besides the figures. */
struct scan {
  const struct sv_doc *doc;
  const struct sv_services *svc; /* borrowed: the worker's re-read */
  struct sv_statement *st;
  /* other credit / debit lines of the summary, each label once */
  bool line_seen[G_N_ELEMENTS(labels)];
  struct sv_figure credit_lines, debit_lines; /* sums, positive */
  sv_cents credit_extra, debit_extra; /* what those lines added */
  int period_mdy; /* -1 unknown, else how the period's numeric dates read */
  const char *currency_label; /* code from a "Currency:" label, or NULL */
  struct sv_raw_date open_raw, close_raw; /* "Beginning balance on July 1" */
  bool has_open_raw, has_close_raw;
};

/* Remembers a date printed between a balance label and its amount. */
static void note_label_date(const struct sv_line *ln, const struct hit *h,
                            size_t upto, struct sv_raw_date *raw, bool *has)
{
  if (*has || upto <= h->end)
    return;
  char *t = join_words(ln, h->end, upto);
  char *f = sv_fold(t);
  GArray *d = sv_dates_in(f);
  if (d->len > 0) {
    *raw = g_array_index(d, struct sv_raw_date, 0);
    *has = true;
  }
  g_array_free(d, TRUE);
  g_free(f);
  g_free(t);
}

/* On an OCR'd page, a label whose value did not parse ("$13/9:72:36" for
   "$13,972.36") gets its value cell re-read digits-only; the figure keeps
   the re-read's confidence and says it was re-read. */
static void reread_value(const struct scan *sc, const struct line_view *lv,
                         const struct hit *h, int page,
                         struct sv_figure *fig)
{
  const struct sv_page *pg = page_numbered(sc->doc, page);
  if (pg == NULL || pg->image == NULL)
    return;
  size_t end = stretch_end(lv, h->end);
  bool digits = false;
  for (size_t j = h->end; j < end && !digits; j++)
    digits = strpbrk(lv->ln->words[j].text, "0123456789") != NULL;
  if (!digits)
    return;
  struct sv_box box = words_box(lv->ln, h->end, end - 1);
  char *text = NULL;
  float conf = 0;
  sv_cents v = 0;
  if (sv_services_reread(sc->svc, pg, &box, &text, &conf) &&
      sv_amount_parse(text, &v)) {
    fig->present = true;
    fig->amount = v;
    fig->page = page;
    fig->box = box;
    fig->conf = conf;
    fig->reread = true;
  }
  g_free(text);
}

static void take_hit(struct scan *sc, const struct page_view *pv, size_t l,
                     const struct hit *h, int page)
{
  const struct line_view *lv = &pv->lines[l];
  struct sv_statement *st = sc->st;
  struct sv_figure *fig = NULL;
  if (h->field == F_OPENING)
    fig = &st->opening;
  else if (h->field == F_CLOSING)
    fig = &st->closing;
  else if (h->field == F_AVERAGE)
    fig = &st->average;
  else if (h->field == F_CREDIT_LINE || h->field == F_DEBIT_LINE) {
    /* Only a line of its own with its amount on it ("Checks   -150.00"),
       never a word of a movement's description; each label once. */
    struct span sp;
    if (h->first != 0 || sc->line_seen[h->label] ||
        table_header(lv, NULL) || !amount_same_line(lv, h, &sp))
      return;
    sc->line_seen[h->label] = true;
    struct sv_figure *sum =
        h->field == F_CREDIT_LINE ? &sc->credit_lines : &sc->debit_lines;
    struct sv_figure one;
    memset(&one, 0, sizeof one);
    set_figure(&one, lv->ln, &sp, page);
    sv_cents v = one.amount < 0 ? -one.amount : one.amount;
    if (!sum->present) {
      *sum = one;
      sum->amount = v;
    } else {
      sum->amount += v;
      sum->conf = fminf(sum->conf, one.conf);
    }
    return;
  } else if (h->field == F_CREDITS || h->field == F_DEBITS) {
    /* "CARGOS   ABONOS   SALDO" heads the table: its words are column
       names, and the amounts below them are movements, not totals. */
    if (table_header(lv, NULL))
      return;
    fig = h->field == F_CREDITS ? &st->credits : &st->debits;
  }

  if (fig != NULL) {
    struct span sp;
    if (amount_same_line(lv, h, &sp)) {
      if (h->field == F_OPENING)
        note_label_date(lv->ln, h, sp.first, &sc->open_raw,
                        &sc->has_open_raw);
      else if (h->field == F_CLOSING)
        note_label_date(lv->ln, h, sp.first, &sc->close_raw,
                        &sc->has_close_raw);
      if (!fig->present)
        set_figure(fig, lv->ln, &sp, page);
    } else if (!fig->present && amount_below(pv, l, h, &sp)) {
      set_figure(fig, pv->lines[l + 1].ln, &sp, page);
    } else if (!fig->present) {
      reread_value(sc, lv, h, page, fig);
    }
    return;
  }
  if (h->field == F_HOLDER && st->holder == NULL) {
    st->holder = clean_holder(text_value(pv, l, h));
  } else if (h->field == F_ACCOUNT && st->account == NULL) {
    char *v = text_value(pv, l, h);
    st->account = account_from(v);
    g_free(v);
  } else if (h->field == F_CURRENCY && sc->currency_label == NULL) {
    /* the label's own words count: "MONEDA NACIONAL" */
    char *v = join_words(lv->ln, h->first, lv->ln->nwords);
    long counts[CUR_SLOTS] = {0}, first[CUR_SLOTS] = {0}, base = 0;
    count_currency(v, counts, first, &base);
    /* the first signal printed after the label, not the most frequent */
    const char *code = NULL;
    long pos = G_MAXLONG;
    for (int i = 0; i < CUR_SLOTS; i++) {
      if (counts[i] > 0 && first[i] < pos) {
        pos = first[i];
        code = signal_code(i);
      }
    }
    sc->currency_label = code;
    g_free(v);
  }
}

static void scan_labels(struct scan *sc, const struct page_view *pv,
                        int npages)
{
  for (int p = 0; p < npages; p++) {
    if (pv[p].pg->source == SV_TEXT_NONE)
      continue;
    for (size_t l = 0; l < pv[p].pg->nlines; l++) {
      const struct line_view *lv = &pv[p].lines[l];
      for (size_t i = 0; i < lv->ln->nwords; i++) {
        struct hit h;
        if (!lv->cell[i] || !label_at(lv, i, &h))
          continue;
        take_hit(sc, &pv[p], l, &h, pv[p].pg->number > 0
                                         ? pv[p].pg->number
                                         : p + 1);
      }
    }
  }
}

/* The statement period: the first monthly range of the document, else its
   first valid range, else the dates printed with the balance labels. */
static void find_period(struct scan *sc, const struct sv_doc *doc)
{
  GDate s, e, fs, fe;
  bool monthly = false, have_fallback = false;
  int fallback_mdy = -1;
  g_date_clear(&s, 1);
  g_date_clear(&e, 1);
  g_date_clear(&fs, 1);
  g_date_clear(&fe, 1);
  for (int p = 0; p < doc->npages; p++) {
    const struct sv_page *pg = &doc->pages[p];
    if (pg->source == SV_TEXT_NONE)
      continue;
    for (size_t l = 0; l < pg->nlines; l++) {
      char *f = sv_fold(pg->lines[l].text);
      int mdy = -1;
      bool ok = sv_period_in(f, doc->lang, &s, &e, &monthly, &mdy);
      g_free(f);
      if (ok && monthly) {
        sc->st->start = s;
        sc->st->end = e;
        sc->period_mdy = mdy;
        return;
      }
      if (ok && !have_fallback) {
        fs = s;
        fe = e;
        fallback_mdy = mdy;
        have_fallback = true;
      }
    }
  }
  if (have_fallback) {
    sc->st->start = fs;
    sc->st->end = fe;
    sc->period_mdy = fallback_mdy;
    return;
  }
  if (sc->has_open_raw && sc->has_close_raw &&
      sv_dates_pick(&sc->open_raw, &sc->close_raw, doc->lang, &s, &e,
                   &monthly, &sc->period_mdy)) {
    sc->st->start = s;
    sc->st->end = e;
  }
}

/* Debits are kept positive.  The summary's other credit and debit lines
   ("+ Intereses Netos Ganados", "Checks", "Service fees") are added to the
   total they belong to, when that total was printed: the statement's
   arithmetic is opening + all credits - all debits = closing. */
static void add_summary_lines(struct scan *sc)
{
  struct sv_statement *st = sc->st;
  if (st->debits.present && st->debits.amount < 0)
    st->debits.amount = -st->debits.amount;
  struct {
    struct sv_figure *total;
    const struct sv_figure *lines;
  } parts[] = {{&st->credits, &sc->credit_lines},
               {&st->debits, &sc->debit_lines}};
  for (size_t i = 0; i < G_N_ELEMENTS(parts); i++) {
    struct sv_figure *t = parts[i].total;
    const struct sv_figure *x = parts[i].lines;
    if (!t->present || !x->present)
      continue;
    t->amount += x->amount;
    t->conf = fminf(t->conf, x->conf);
    if (i == 0)
      sc->credit_extra = x->amount;
    else
      sc->debit_extra = x->amount;
  }
}

static void find_currency(struct scan *sc, const struct sv_doc *doc)
{
  struct sv_statement *st = sc->st;
  const char *code = sc->currency_label;
  bool dollar = false;
  if (code == NULL) {
    long counts[CUR_SLOTS] = {0}, first[CUR_SLOTS] = {0}, base = 0;
    for (int p = 0; p < doc->npages; p++) {
      const struct sv_page *pg = &doc->pages[p];
      if (pg->source == SV_TEXT_NONE)
        continue;
      for (size_t l = 0; l < pg->nlines; l++) {
        const char *t = pg->lines[l].text != NULL ? pg->lines[l].text : "";
        count_currency(t, counts, first, &base);
        if (strchr(t, '$') != NULL)
          dollar = true;
      }
    }
    code = best_currency(counts, first);
  }
  if (code != NULL) {
    g_strlcpy(st->currency, code, sizeof st->currency);
    st->currency_source = SV_CURRENCY_PRINTED;
  } else if (dollar && strcmp(doc->lang, "es") == 0) {
    g_strlcpy(st->currency, "MXN", sizeof st->currency);
    st->currency_source = SV_CURRENCY_INFERRED;
  } else if (dollar && strcmp(doc->lang, "en") == 0) {
    g_strlcpy(st->currency, "USD", sizeof st->currency);
    st->currency_source = SV_CURRENCY_INFERRED;
  }
}

static bool has_text(const struct sv_doc *doc)
{
  for (int p = 0; p < doc->npages; p++)
    if (doc->pages[p].source != SV_TEXT_NONE && doc->pages[p].nlines > 0)
      return true;
  return false;
}

static void report_missing(struct sv_doc *doc, const struct sv_statement *st)
{
  bool no_period = !g_date_valid(&st->start) || !g_date_valid(&st->end);
  bool no_balance = !st->opening.present && !st->closing.present;
  if (!no_period && !no_balance)
    return;
  sv_doc_problem(doc, SV_DOC_OK, SV_NOTFOUND, STAGE, 0,
                 "bank statement: could not read %s%s%s",
                 no_period ? "the statement period" : "",
                 no_period && no_balance ? " nor " : "",
                 no_balance ? "an opening or closing balance" : "");
}

bool sv_statement_read(struct sv_doc *doc, const struct sv_services *svc)
{
  struct page_view *pv = NULL;
  struct scan sc = {0};
  if (doc == NULL || !has_text(doc))
    return false;

  g_ptr_array_set_size(doc->statements, 0);
  sc.st = sv_statement_new();
  g_ptr_array_add(doc->statements, sc.st);
  sc.doc = doc;
  sc.svc = svc;
  sc.period_mdy = -1;
  pv = views_new(doc);

  scan_labels(&sc, pv, doc->npages);
  add_summary_lines(&sc);
  if (sc.st->holder == NULL && doc->npages > 0 &&
      doc->pages[0].source != SV_TEXT_NONE)
    sc.st->holder = guess_holder(&pv[0]);
  find_period(&sc, doc);
  find_currency(&sc, doc);
  reconcile(doc, svc, sc.st, pv, sc.credit_extra, sc.debit_extra,
            sc.period_mdy);
  report_missing(doc, sc.st);
  sc.st->first_page = 1;
  sc.st->last_page = doc->npages;
  sv_statement_set_month(sc.st);
  views_free(&pv, doc->npages);
  return true;
}
