/*
 * tables.c - the tables of a document's lines (see layout.h, struct
 * sv_table): a header candidate, the rows under it (dated or printing
 * amounts, wrapped lines joined), amount columns clustered from the rows'
 * right-aligned numbers and matched to the header's words, each cell's
 * text assigned to the column it overlaps; a table left open at the foot
 * of a page continues on the next.
 */
#include "layout.h"
#include "layout_priv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "fold.h"

/* How far (in line heights) a table may run on after a gap, and how far
   below its header its first amounts may start. */
#define TABLE_GAP_LINES 3.0
#define HEADER_REACH_LINES 4.0
/* How far right of its header's last cell a table's amounts may print. */
#define TABLE_RIGHT_SLACK 48.0

/* A header cell: printed words of a header line (or two merged lines). */
struct hcell {
  double x0, x1;
  GString *label;
};

/* An amount column while a table is collected: [x0, x1]. */
struct zone {
  double x0, x1;
};

/* A table while its rows are collected. */
struct draft {
  size_t header_line, header_lines;
  int page;
  GArray *hcells;     /* of struct hcell */
  double hx0, hx1;    /* the header's extent */
  GArray *row_lines;  /* of size_t: the first line of each row */
  GArray *wrap_of;    /* of size_t: per row, how many lines follow it */
  GArray *zones;      /* of struct zone: the amount columns so far */
  double pitch;       /* the largest distance between rows so far */
  size_t amount_rows; /* rows printing an amount so far */
  double dated_x0;    /* the left edge of the first dated row, or
                         INFINITY */
  bool continued;
  const struct sv_table *parent; /* the table it continues */
};

static bool header_candidate(const struct sv_lline *ll)
{
  return ll->ncells >= 2 && ll->nspans == 0;
}

/* True when the line starts with a row date, or with a bare day of the
   month ("01".."31": tables dated by day only, "Día"). */
static bool first_words_date(const struct sv_lline *ll)
{
  const char *w[2] = {NULL, NULL};
  size_t n = MIN((size_t)2, ll->ln->nwords);
  for (size_t i = 0; i < n; i++)
    w[i] = ll->ln->words[i].text;
  struct sv_row_date rd;
  if (sv_row_date_words(w, n, &rd) > 0)
    return true;
  const char *t = w[0];
  size_t len = t != NULL ? strlen(t) : 0;
  if (len < 1 || len > 2 || !g_ascii_isdigit(t[0]) ||
      (len == 2 && !g_ascii_isdigit(t[1])))
    return false;
  int day = atoi(t);
  return day >= 1 && day <= 31 && ll->ncells >= 2;
}

/* True when a header candidate at line i has amounts printed below it,
   under its extent, before any other header candidate. */
static bool has_body(const struct sv_layout *l, size_t i)
{
  const struct sv_lline *h = sv_layout_lline_at(l, i);
  double reach = HEADER_REACH_LINES * fmax(h->height, 1.0);
  double bottom = h->ln->box.y1;
  for (size_t k = i + 1; k < l->lines->len && k <= i + 4; k++) {
    const struct sv_lline *o = sv_layout_lline_at(l, k);
    if (o->pidx != h->pidx || o->ln->box.y0 - bottom > reach)
      return false;
    for (size_t s = 0; s < o->nspans; s++)
      if (o->spans[s].box.x1 > h->ln->box.x0 &&
          o->spans[s].box.x0 < h->ln->box.x1 + TABLE_RIGHT_SLACK)
        return true;
    if (o->nspans == 0 && !header_candidate(o) && o->ncells > 0 &&
        !first_words_date(o))
      bottom = o->ln->box.y1; /* a blank-ish line between: go on */
    else if (header_candidate(o))
      bottom = o->ln->box.y1; /* a second header line */
  }
  return false;
}

static void hcells_add_line(GArray *hcells, const struct sv_layout *l,
                            const struct sv_lline *ll, bool merge)
{
  for (size_t c = 0; c < ll->ncells; c++) {
    const struct sv_cell *cell = sv_layout_cell_at(l, ll->cell0 + c);
    bool merged = false;
    for (guint k = 0; merge && k < hcells->len; k++) {
      struct hcell *h = &g_array_index(hcells, struct hcell, k);
      double ov = sv_layout_overlap(h->x0, h->x1, cell->box.x0, cell->box.x1);
      if (ov > 0.3 * fmin(h->x1 - h->x0, cell->box.x1 - cell->box.x0)) {
        g_string_append_c(h->label, ' ');
        g_string_append(h->label, cell->text);
        h->x0 = fmin(h->x0, cell->box.x0);
        h->x1 = fmax(h->x1, cell->box.x1);
        merged = true;
        break;
      }
    }
    if (merged)
      continue;
    struct hcell h = {cell->box.x0, cell->box.x1, g_string_new(cell->text)};
    g_array_append_val(hcells, h);
  }
}

static int hcell_cmp(const void *a, const void *b)
{
  const struct hcell *x = a, *y = b;
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static void draft_free(struct draft *d)
{
  if (d->hcells != NULL) {
    for (guint k = 0; k < d->hcells->len; k++)
      g_string_free(g_array_index(d->hcells, struct hcell, k).label, TRUE);
    g_array_free(d->hcells, TRUE);
  }
  if (d->row_lines != NULL)
    g_array_free(d->row_lines, TRUE);
  if (d->wrap_of != NULL)
    g_array_free(d->wrap_of, TRUE);
  if (d->zones != NULL)
    g_array_free(d->zones, TRUE);
  memset(d, 0, sizeof *d);
}

static void draft_init(struct draft *d)
{
  memset(d, 0, sizeof *d);
  d->hcells = g_array_new(FALSE, TRUE, sizeof(struct hcell));
  d->row_lines = g_array_new(FALSE, TRUE, sizeof(size_t));
  d->wrap_of = g_array_new(FALSE, TRUE, sizeof(size_t));
  d->zones = g_array_new(FALSE, TRUE, sizeof(struct zone));
  d->dated_x0 = INFINITY;
}

/* True when span sp overlaps one of the amount columns found so far. */
static bool in_zone(const struct draft *d, const struct sv_box *b)
{
  for (guint z = 0; z < d->zones->len; z++) {
    const struct zone *zz = &g_array_index(d->zones, struct zone, z);
    if (sv_layout_overlap(zz->x0 - 1.0, zz->x1 + 1.0, b->x0, b->x1) > 0)
      return true;
  }
  return false;
}

static void zone_add(struct draft *d, const struct sv_box *b)
{
  for (guint z = 0; z < d->zones->len; z++) {
    struct zone *zz = &g_array_index(d->zones, struct zone, z);
    if (sv_layout_overlap(zz->x0 - 1.0, zz->x1 + 1.0, b->x0, b->x1) > 0) {
      zz->x0 = fmin(zz->x0, b->x0);
      zz->x1 = fmax(zz->x1, b->x1);
      return;
    }
  }
  struct zone nz = {b->x0, b->x1};
  g_array_append_val(d->zones, nz);
}

/* The left edge of the amount columns so far (INFINITY when none). */
static double zones_left(const struct draft *d)
{
  double x = INFINITY;
  for (guint z = 0; z < d->zones->len; z++)
    x = fmin(x, g_array_index(d->zones, struct zone, z).x0);
  return x;
}

enum line_role { L_ROW = 0, L_WRAP, L_SKIP, L_END };

/* True when amount sp is the first thing its cell prints. */
static bool begins_cell(const struct sv_layout *l, const struct sv_lline *ll,
                        const struct sv_span *sp)
{
  for (size_t c = 0; c < ll->ncells; c++) {
    const struct sv_cell *cell = sv_layout_cell_at(l, ll->cell0 + c);
    if (sp->w0 >= cell->w0 && sp->w0 < cell->w1)
      return sp->w0 == cell->w0;
  }
  return true;
}

/* True when amount sp begins its cell, or follows at most two short words
   of it ("USD", "Total"): a column's amount, not one inside a sentence. */
static bool starts_cell(const struct sv_layout *l, const struct sv_lline *ll,
                        const struct sv_span *sp)
{
  for (size_t c = 0; c < ll->ncells; c++) {
    const struct sv_cell *cell = sv_layout_cell_at(l, ll->cell0 + c);
    if (sp->w0 < cell->w0 || sp->w0 >= cell->w1)
      continue;
    return sp->w0 - cell->w0 <= 2 &&
           sp->box.x0 - cell->box.x0 < 8.0 * fmax(ll->height, 1.0);
  }
  return true;
}

/* What line ll is to draft d: a row, a wrapped line of the row above, a
   line to step over (before the first row), or the end of the table. */
static enum line_role line_role(const struct sv_layout *l,
                                const struct draft *d, size_t k,
                                double prev_bottom)
{
  const struct sv_lline *ll = sv_layout_lline_at(l, k);
  double h = fmax(ll->height, 1.0);
  double gap = ll->ln->box.y0 - prev_bottom;
  if (d->row_lines->len > 0 && gap > fmax(TABLE_GAP_LINES * h, 2.0 * d->pitch))
    return L_END;
  if (header_candidate(ll) && has_body(l, k))
    return L_END;
  /* Amounts must print in the columns the rows so far print in; until two
     rows have, anywhere under the header. */
  bool established = d->amount_rows >= 2;
  bool aligned = false, stray = false, under = true;
  for (size_t s = 0; s < ll->nspans; s++) {
    const struct sv_box *b = &ll->spans[s].box;
    bool below_header = b->x1 > d->hx0 && b->x0 < d->hx1 + TABLE_RIGHT_SLACK;
    under = under && below_header;
    if (!starts_cell(l, ll, &ll->spans[s]))
      stray = true; /* an amount inside a sentence is no column's */
    else if (in_zone(d, b) || (!established && below_header))
      aligned = true;
    else
      stray = true;
  }
  bool dated = first_words_date(ll);
  if (aligned && !stray)
    return L_ROW;
  if (dated && under) /* a dated row may open a column of its own */
    return L_ROW;
  double left = zones_left(d);
  /* amounts only inside text, left of the amount columns ("timed 9.52
     14 Feb"), are words of a wrapped description */
  bool text_only = !aligned && established;
  for (size_t s = 0; s < ll->nspans && text_only; s++)
    text_only =
        ll->spans[s].box.x1 <= left + 1.0 && !begins_cell(l, ll, &ll->spans[s]);
  if (ll->nspans > 0 && !text_only)
    return d->row_lines->len > 0 ? L_END : L_SKIP;
  /* no amount: a wrapped description stays left of the amount columns */
  if (d->row_lines->len == 0)
    return L_SKIP;
  /* ... and is indented from where the dated rows start (a line that
     starts under the dates is no row's wrapped description) */
  bool indented =
      d->dated_x0 == INFINITY || ll->ln->box.x0 > d->dated_x0 + 2.0 * h;
  if (ll->ln->box.x1 <= left + 1.0 && ll->ln->box.x0 >= d->hx0 - 2.0 * h &&
      indented)
    return L_WRAP;
  /* text right of the amounts (a description column after them) */
  bool all_right = true;
  for (guint z = 0; z < d->zones->len; z++)
    if (ll->ln->box.x0 < g_array_index(d->zones, struct zone, z).x1)
      all_right = false;
  if (all_right && d->zones->len > 0 && ll->ln->box.x0 <= d->hx1 + h)
    return L_WRAP;
  return L_END;
}

static void draft_take_row(const struct sv_layout *l, struct draft *d, size_t k,
                           double *prev_top)
{
  const struct sv_lline *ll = sv_layout_lline_at(l, k);
  if (d->row_lines->len > 0 && *prev_top >= 0)
    d->pitch = fmax(d->pitch, ll->ln->box.y0 - *prev_top);
  *prev_top = ll->ln->box.y0;
  size_t zero = 0;
  g_array_append_val(d->row_lines, k);
  g_array_append_val(d->wrap_of, zero);
  for (size_t s = 0; s < ll->nspans; s++)
    zone_add(d, &ll->spans[s].box);
  if (ll->nspans > 0)
    d->amount_rows++;
  if (d->dated_x0 == INFINITY && first_words_date(ll))
    d->dated_x0 = ll->ln->box.x0;
}

/* ----------------------------------------------------- columns and rows */

struct cluster {
  double x0, x1;
  int count;
};

/* How far (points, column_cost) a lone amount may stand from a header
   cell no other amount column claims and still be its column. */
#define LONE_NAME_DIST 48.0

static int cluster_cmp(const void *a, const void *b)
{
  const struct cluster *x = a, *y = b;
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static double column_cost(const struct cluster *c, const struct hcell *h);

/* Whether amount cluster c stands under a header cell: overlapping one,
   or near one no other amount column stands under (a month's only
   deposit, right-aligned past the end of its "Deposito" header). */
static bool headed(const struct cluster *c, const GArray *cl,
                   const GArray *hcells, int min_count)
{
  for (guint h = 0; h < hcells->len; h++) {
    const struct hcell *hc = &g_array_index(hcells, struct hcell, h);
    if (sv_layout_overlap(c->x0, c->x1, hc->x0, hc->x1) > 0)
      return true;
  }
  for (guint h = 0; h < hcells->len; h++) {
    const struct hcell *hc = &g_array_index(hcells, struct hcell, h);
    if (column_cost(c, hc) > LONE_NAME_DIST)
      continue;
    bool claimed = false;
    for (guint k = 0; k < cl->len && !claimed; k++) {
      const struct cluster *o = &g_array_index(cl, struct cluster, k);
      claimed = o != c && o->count >= min_count &&
                sv_layout_overlap(o->x0, o->x1, hc->x0, hc->x1) > 0;
    }
    if (!claimed)
      return true;
  }
  return false;
}

/* The amount columns of the rows: the unions of overlapping amount boxes,
   kept when two rows or more print in them, when they stand under a header
   cell (headed), or when the table is one or two rows long (a horizontal
   summary). */
static GArray *amount_clusters(const struct sv_layout *l, const GArray *rows,
                               const GArray *hcells)
{
  GArray *cl = g_array_new(FALSE, TRUE, sizeof(struct cluster));
  for (guint r = 0; r < rows->len; r++) {
    const struct sv_lline *ll =
        sv_layout_lline_at(l, g_array_index(rows, size_t, r));
    for (size_t s = 0; s < ll->nspans; s++) {
      struct cluster c = {ll->spans[s].box.x0, ll->spans[s].box.x1, 1};
      g_array_append_val(cl, c);
    }
  }
  /* merge until stable */
  bool merged = true;
  while (merged) {
    merged = false;
    g_array_sort(cl, cluster_cmp);
    for (guint i = 0; i + 1 < cl->len; i++) {
      struct cluster *a = &g_array_index(cl, struct cluster, i);
      struct cluster *b = &g_array_index(cl, struct cluster, i + 1);
      if (sv_layout_overlap(a->x0, a->x1, b->x0, b->x1) > 0) {
        a->x0 = fmin(a->x0, b->x0);
        a->x1 = fmax(a->x1, b->x1);
        a->count += b->count;
        g_array_remove_index(cl, i + 1);
        merged = true;
        break;
      }
    }
  }
  int min_count = rows->len <= 2 ? 1 : 2;
  for (guint i = cl->len; i-- > 0;) {
    const struct cluster *c = &g_array_index(cl, struct cluster, i);
    if (c->count < min_count && !headed(c, cl, hcells, min_count))
      g_array_remove_index(cl, i);
  }
  return cl;
}

static int col_cmp(const void *a, const void *b)
{
  const struct sv_tcol *x = a, *y = b;
  return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* How far apart an amount column and a header cell are: their right
   edges, centres or left edges, whichever are closest (numbers are
   right-aligned, headers any way), halved when they overlap. */
static double column_cost(const struct cluster *c, const struct hcell *h)
{
  double d = fmin(fabs(c->x1 - h->x1),
                  fmin(fabs((c->x0 + c->x1) / 2 - (h->x0 + h->x1) / 2),
                       fabs(c->x0 - h->x0)));
  if (sv_layout_overlap(c->x0, c->x1, h->x0, h->x1) > 0)
    d *= 0.5;
  return d;
}

/* Names each amount column (clusters, by x) after a header cell (hcells,
   by x), keeping their order: the alignment of least total distance, an
   amount column left unnamed costing UNNAMED_COST, a header cell left
   without amounts nothing (a text column).  So an amount column that
   overlaps its neighbour's header still takes its own when the columns
   around it need the neighbour's.  named[c] = header index or -1. */
#define UNNAMED_COST 150.0
#define MAX_NAME_DIST 120.0
static void match_columns(const GArray *hcells, const GArray *clusters,
                          int *named)
{
  size_t nc = clusters->len, nh = hcells->len;
  double *dp = g_new(double, (nc + 1) * (nh + 1));
  char *how = g_new0(char, (nc + 1) * (nh + 1)); /* 'h' 'c' 'm' */
#define DP(i, j) dp[(i) * (nh + 1) + (j)]
#define HOW(i, j) how[(i) * (nh + 1) + (j)]
  for (size_t j = 0; j <= nh; j++) {
    DP(0, j) = 0.0;
    HOW(0, j) = 'h';
  }
  for (size_t i = 1; i <= nc; i++) {
    DP(i, 0) = (double)i * UNNAMED_COST;
    HOW(i, 0) = 'c';
    for (size_t j = 1; j <= nh; j++) {
      double best = DP(i, j - 1);
      char w = 'h';
      if (DP(i - 1, j) + UNNAMED_COST < best) {
        best = DP(i - 1, j) + UNNAMED_COST;
        w = 'c';
      }
      double cost = column_cost(&g_array_index(clusters, struct cluster, i - 1),
                                &g_array_index(hcells, struct hcell, j - 1));
      if (cost <= MAX_NAME_DIST && DP(i - 1, j - 1) + cost < best) {
        best = DP(i - 1, j - 1) + cost;
        w = 'm';
      }
      DP(i, j) = best;
      HOW(i, j) = w;
    }
  }
  for (size_t i = 0; i < nc; i++)
    named[i] = -1;
  size_t i = nc, j = nh;
  while (i > 0) {
    char w = j > 0 ? HOW(i, j) : 'c';
    if (w == 'm') {
      named[i - 1] = (int)(j - 1);
      i--;
      j--;
    } else if (w == 'c') {
      i--;
    } else {
      j--;
    }
  }
#undef DP
#undef HOW
  g_free(dp);
  g_free(how);
}

/* The table's columns: one per amount cluster, named after the header
   cell matched to it (match_columns), and one per other header cell. */
static GArray *make_columns(const struct draft *d, const GArray *clusters)
{
  GArray *cols = g_array_new(FALSE, TRUE, sizeof(struct sv_tcol));
  guint nh = d->hcells->len;
  int *owner = g_new(int, nh + 1); /* header cell -> cluster, -1 */
  for (guint h = 0; h < nh; h++)
    owner[h] = -1;
  int *named = g_new(int, clusters->len + 1); /* cluster -> header cell */
  match_columns(d->hcells, clusters, named);
  for (guint c = 0; c < clusters->len; c++)
    if (named[c] >= 0)
      owner[named[c]] = (int)c;
  for (guint c = 0; c < clusters->len; c++) {
    const struct cluster *cl = &g_array_index(clusters, struct cluster, c);
    struct sv_tcol col = {0};
    col.numeric = true;
    col.x0 = cl->x0;
    col.x1 = cl->x1;
    if (named[c] >= 0) {
      const struct hcell *hc =
          &g_array_index(d->hcells, struct hcell, (guint)named[c]);
      col.label = g_strdup(hc->label->str);
      col.x0 = fmin(col.x0, hc->x0);
      col.x1 = fmax(col.x1, hc->x1);
    } else {
      col.label = g_strdup("");
    }
    g_array_append_val(cols, col);
  }
  for (guint h = 0; h < nh; h++) {
    if (owner[h] >= 0)
      continue;
    const struct hcell *hc = &g_array_index(d->hcells, struct hcell, h);
    struct sv_tcol col = {0};
    col.x0 = hc->x0;
    col.x1 = hc->x1;
    col.label = g_strdup(hc->label->str);
    g_array_append_val(cols, col);
  }
  g_free(owner);
  g_free(named);
  g_array_sort(cols, col_cmp);
  for (guint c = 0; c < cols->len; c++) {
    struct sv_tcol *col = &g_array_index(cols, struct sv_tcol, c);
    char *f = sv_fold(col->label);
    char *t = sv_fold_tokens(f);
    col->key = g_strdup(g_strstrip(t));
    g_free(t);
    g_free(f);
  }
  return cols;
}

static GArray *copy_columns(const struct sv_table *t)
{
  GArray *cols = g_array_new(FALSE, TRUE, sizeof(struct sv_tcol));
  for (size_t c = 0; c < t->ncols; c++) {
    struct sv_tcol col = t->cols[c];
    col.label = g_strdup(col.label);
    col.key = g_strdup(col.key);
    g_array_append_val(cols, col);
  }
  return cols;
}

/* The column a box belongs to: the one it overlaps most among numeric
   columns (amounts) or all columns (text); else the nearest. */
static size_t column_of(const struct sv_tcol *cols, size_t ncols,
                        const struct sv_box *b, bool amount)
{
  size_t best = SIZE_MAX;
  double best_ov = 0.0;
  for (size_t c = 0; c < ncols; c++) {
    if (amount && !cols[c].numeric)
      continue;
    double ov = sv_layout_overlap(cols[c].x0, cols[c].x1, b->x0, b->x1);
    if (ov > best_ov) {
      best_ov = ov;
      best = c;
    }
  }
  if (best != SIZE_MAX || amount)
    return best;
  /* Text runs on to the right of its header: the last column starting
     left of the word (columns are sorted by x0), else the first. */
  best = 0;
  for (size_t c = 0; c < ncols; c++)
    if (cols[c].x0 <= b->x0)
      best = c;
  return ncols > 0 ? best : SIZE_MAX;
}

static void tcell_add_text(struct sv_tcell *tc, const char *text,
                           const struct sv_box *b, float conf)
{
  if (tc->text == NULL) {
    tc->text = g_strdup(text);
    tc->box = *b;
    tc->conf = conf;
    return;
  }
  char *t = g_strconcat(tc->text, " ", text, NULL);
  g_free(tc->text);
  tc->text = t;
  sv_box_union(&tc->box, b);
  tc->conf = fminf(tc->conf, conf);
}

/* Fills one row's cells from line k. */
static void fill_row(const struct sv_layout *l, const struct sv_tcol *cols,
                     size_t ncols, size_t k, struct sv_trow *row)
{
  const struct sv_lline *ll = sv_layout_lline_at(l, k);
  const struct sv_line *ln = ll->ln;
  row->line = k;
  row->page = ll->page;
  row->nlines = 1;
  row->cells = g_new0(struct sv_tcell, ncols + 1);
  bool *used = g_new0(bool, ln->nwords + 1);
  for (size_t s = 0; s < ll->nspans; s++) {
    const struct sv_span *sp = &ll->spans[s];
    size_t c = column_of(cols, ncols, &sp->box, true);
    if (c == SIZE_MAX)
      continue; /* an amount inside a text column: text */
    struct sv_tcell *tc = &row->cells[c];
    char *t = sv_layout_words(ln, sp->w0, sp->w1);
    tcell_add_text(tc, t, &sp->box, sp->conf);
    g_free(t);
    tc->namounts++;
    tc->has_amount = tc->namounts == 1;
    if (tc->namounts == 1)
      tc->span = *sp;
    for (size_t w = sp->w0; w < sp->w1; w++)
      used[w] = true;
  }
  /* the other words, each to the column it overlaps most (a date printed
     one space before the description still goes to the date column); a
     word of a cell whose first words went to a text column stays with
     them rather than fall into an amount column's wide header
     ("Febrero 2026" under "Percepciones netas") */
  size_t cell_col = SIZE_MAX;
  size_t ci = ll->cell0;
  for (size_t w = 0; w < ln->nwords; w++) {
    while (ci < ll->cell0 + ll->ncells && sv_layout_cell_at(l, ci)->w1 <= w)
      ci++;
    bool first = ci < ll->cell0 + ll->ncells &&
                 sv_layout_cell_at(l, ci)->w0 == w;
    if (first)
      cell_col = SIZE_MAX;
    if (used[w])
      continue;
    const struct sv_word *wd = &ln->words[w];
    size_t c = column_of(cols, ncols, &wd->box, false);
    if (c != SIZE_MAX && cols[c].numeric && cell_col != SIZE_MAX)
      c = cell_col;
    else if (c != SIZE_MAX && !cols[c].numeric)
      cell_col = c;
    if (c != SIZE_MAX)
      tcell_add_text(&row->cells[c], wd->text, &wd->box, wd->conf);
  }
  g_free(used);
}

static void add_wrap(const struct sv_layout *l, struct sv_trow *row, size_t k)
{
  const struct sv_lline *ll = sv_layout_lline_at(l, k);
  char *t = sv_layout_words(ll->ln, 0, ll->ln->nwords);
  if (row->more == NULL) {
    row->more = t;
  } else {
    char *m = g_strconcat(row->more, " ", t, NULL);
    g_free(row->more);
    g_free(t);
    row->more = m;
  }
  row->nlines++;
}

static void draft_finish(struct sv_layout *l, struct draft *d)
{
  if (d->row_lines->len == 0)
    return;
  GArray *cols = NULL;
  if (d->parent != NULL) {
    cols = copy_columns(d->parent);
  } else {
    g_array_sort(d->hcells, hcell_cmp);
    GArray *clusters = amount_clusters(l, d->row_lines, d->hcells);
    cols = make_columns(d, clusters);
    g_array_free(clusters, TRUE);
  }
  bool numeric = false;
  for (guint c = 0; c < cols->len; c++)
    numeric = numeric || g_array_index(cols, struct sv_tcol, c).numeric;
  if (!numeric || cols->len > SV_LAYOUT_MAX_COLUMNS) {
    for (guint c = 0; c < cols->len; c++) {
      g_free(g_array_index(cols, struct sv_tcol, c).label);
      g_free(g_array_index(cols, struct sv_tcol, c).key);
    }
    g_array_free(cols, TRUE);
    return;
  }
  struct sv_table t = {0};
  t.header_line = d->header_line;
  t.header_lines = d->header_lines;
  t.page = d->page;
  t.continued = d->continued;
  t.ncols = cols->len;
  t.cols = (struct sv_tcol *)g_array_free(cols, FALSE);
  t.nrows = d->row_lines->len;
  t.rows = g_new0(struct sv_trow, t.nrows + 1);
  for (size_t r = 0; r < t.nrows; r++) {
    size_t k = g_array_index(d->row_lines, size_t, r);
    fill_row(l, t.cols, t.ncols, k, &t.rows[r]);
    size_t wraps = g_array_index(d->wrap_of, size_t, r);
    for (size_t w = 1; w <= wraps; w++)
      add_wrap(l, &t.rows[r], k + w);
  }
  g_array_append_val(l->tables, t);
}

/* Collects the rows of draft d from line k on, to the end of the table or
   of the page.  Returns the next line to look at; *open tells whether the
   table reached the end of its page (it may go on). */
static size_t collect(const struct sv_layout *l, struct draft *d, size_t k,
                      double prev_bottom, bool *open)
{
  double prev_top = -1.0;
  *open = false;
  if (k >= l->lines->len)
    return k;
  int pidx = sv_layout_lline_at(l, k)->pidx;
  size_t last_row_or_wrap = SIZE_MAX;
  for (; k < l->lines->len; k++) {
    const struct sv_lline *ll = sv_layout_lline_at(l, k);
    if (ll->pidx != pidx) {
      *open = d->row_lines->len > 0;
      return k;
    }
    if (d->row_lines->len >= SV_LAYOUT_MAX_ROWS)
      return k;
    enum line_role role = line_role(l, d, k, prev_bottom);
    if (role == L_END)
      return k;
    if (role == L_ROW) {
      draft_take_row(l, d, k, &prev_top);
      last_row_or_wrap = k;
      prev_bottom = ll->ln->box.y1;
    } else if (role == L_WRAP && last_row_or_wrap == k - 1) {
      size_t *w = &g_array_index(d->wrap_of, size_t, d->wrap_of->len - 1);
      (*w)++;
      last_row_or_wrap = k;
      prev_bottom = ll->ln->box.y1;
    } else if (role == L_WRAP) {
      prev_bottom = ll->ln->box.y1; /* text between rows */
    }
  }
  *open = d->row_lines->len > 0;
  return k;
}

/* On a new page, the line where table t goes on: the first line of the
   page's upper half printing a date and amounts in t's amount columns,
   before any header.  SIZE_MAX when it does not go on. */
static size_t continuation(const struct sv_layout *l, const struct sv_table *t,
                           size_t k)
{
  if (k >= l->lines->len)
    return SIZE_MAX;
  int pidx = sv_layout_lline_at(l, k)->pidx;
  const struct sv_page *pg = &l->doc->pages[pidx];
  double limit = pg->height > 0 ? pg->height * 0.5 : INFINITY;
  for (; k < l->lines->len; k++) {
    const struct sv_lline *ll = sv_layout_lline_at(l, k);
    if (ll->pidx != pidx || ll->ln->box.y0 > limit)
      return SIZE_MAX;
    if (header_candidate(ll) && has_body(l, k))
      return SIZE_MAX;
    if (ll->nspans == 0 || !first_words_date(ll))
      continue;
    bool all_in = true;
    for (size_t s = 0; s < ll->nspans && all_in; s++)
      all_in =
          column_of(t->cols, t->ncols, &ll->spans[s].box, true) != SIZE_MAX;
    if (all_in)
      return k;
  }
  return SIZE_MAX;
}

void sv_layout_find_tables(struct sv_layout *l)
{
  size_t k = 0;
  bool open = false;
  while (k < l->lines->len) {
    /* a table left open on the previous page may go on here */
    if (open && l->tables->len > 0) {
      const struct sv_table *prev =
          &g_array_index(l->tables, struct sv_table, l->tables->len - 1);
      size_t at = continuation(l, prev, k);
      open = false;
      if (at != SIZE_MAX) {
        struct draft d;
        draft_init(&d);
        d.header_line = prev->header_line;
        d.header_lines = prev->header_lines;
        d.page = sv_layout_lline_at(l, at)->page;
        d.continued = true;
        d.parent = prev;
        d.hx0 = INFINITY;
        d.hx1 = -INFINITY;
        for (size_t c = 0; c < prev->ncols; c++) {
          d.hx0 = fmin(d.hx0, prev->cols[c].x0);
          d.hx1 = fmax(d.hx1, prev->cols[c].x1);
          if (prev->cols[c].numeric) {
            struct zone z = {prev->cols[c].x0, prev->cols[c].x1};
            g_array_append_val(d.zones, z);
          }
        }
        k = collect(l, &d, at, sv_layout_lline_at(l, at)->ln->box.y0, &open);
        draft_finish(l, &d);
        draft_free(&d);
        continue;
      }
    }
    const struct sv_lline *ll = sv_layout_lline_at(l, k);
    if (!header_candidate(ll) || !has_body(l, k)) {
      k++;
      continue;
    }
    struct draft d;
    draft_init(&d);
    d.header_line = k;
    d.header_lines = 1;
    d.page = ll->page;
    hcells_add_line(d.hcells, l, ll, false);
    d.hx0 = ll->ln->box.x0;
    d.hx1 = ll->ln->box.x1;
    double bottom = ll->ln->box.y1;
    size_t next = k + 1;
    if (next < l->lines->len) {
      const struct sv_lline *h2 = sv_layout_lline_at(l, next);
      if (h2->pidx == ll->pidx && header_candidate(h2) &&
          h2->ln->box.y0 - bottom < 1.2 * fmax(ll->height, 1.0)) {
        hcells_add_line(d.hcells, l, h2, true);
        d.header_lines = 2;
        d.hx0 = fmin(d.hx0, h2->ln->box.x0);
        d.hx1 = fmax(d.hx1, h2->ln->box.x1);
        bottom = h2->ln->box.y1;
        next++;
      }
    }
    size_t after = collect(l, &d, next, bottom, &open);
    size_t before = l->tables->len;
    draft_finish(l, &d);
    draft_free(&d);
    if (l->tables->len == before)
      open = false;
    k = after > k ? after : k + 1;
  }
}
