/*
 * layout.c - cells, neighbours and tables from word boxes (see layout.h).
 *
 * Three passes over a document's lines: cells and amounts per line; tables
 * per page (a header candidate, its rows, then columns from the rows'
 * amounts); neighbours are answered on demand from the cells.  Geometry is
 * in PDF points with the origin top-left, as in the model.
 */
#include "layout.h"

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

struct sv_layout {
  const struct sv_doc *doc;
  GArray *lines;  /* of struct sv_lline */
  GArray *cells;  /* of struct sv_cell */
  GArray *tables; /* of struct sv_table */
};

/* ------------------------------------------------------------- helpers */

static int cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double overlap(double a0, double a1, double b0, double b1)
{
  return fmin(a1, b1) - fmax(a0, b0);
}

char *sv_layout_words(const struct sv_line *ln, size_t w0, size_t w1)
{
  GString *s = g_string_new(NULL);
  for (size_t i = w0; i < w1 && i < ln->nwords; i++) {
    if (s->len > 0)
      g_string_append_c(s, ' ');
    g_string_append(s, ln->words[i].text);
  }
  return g_string_free(s, FALSE);
}

size_t sv_layout_word_after_tokens(const struct sv_line *ln, size_t w0,
                                   size_t w1, size_t ntokens)
{
  size_t seen = 0, w = w0;
  while (w < w1 && w < ln->nwords && seen < ntokens) {
    char *f = sv_fold(ln->words[w].text);
    char *t = sv_fold_tokens(f);
    for (const char *p = t; *p != '\0'; p++)
      if (p[0] == ' ' && p[1] != '\0')
        seen++;
    g_free(t);
    g_free(f);
    w++;
  }
  return w;
}

struct sv_box sv_layout_words_box(const struct sv_line *ln, size_t w0,
                                  size_t w1)
{
  struct sv_box b = ln->words[w0].box;
  for (size_t i = w0 + 1; i < w1 && i < ln->nwords; i++)
    sv_box_union(&b, &ln->words[i].box);
  return b;
}

static float words_conf(const struct sv_line *ln, size_t w0, size_t w1)
{
  float c = 100.0f;
  for (size_t i = w0; i < w1 && i < ln->nwords; i++)
    c = fminf(c, ln->words[i].conf);
  return c;
}

bool sv_layout_amount_in(const struct sv_line *ln, size_t w0, size_t w1,
                         struct sv_span *out)
{
  for (size_t i = w0; i < w1 && i < ln->nwords; i++) {
    for (size_t n = 3; n >= 1; n--) {
      if (i + n > w1 || i + n > ln->nwords)
        continue;
      char *t = sv_layout_words(ln, i, i + n);
      sv_cents v = 0;
      struct sv_amount_info info;
      bool ok = sv_amount_parse_info(t, &v, &info);
      g_free(t);
      if (!ok)
        continue;
      memset(out, 0, sizeof *out);
      out->w0 = i;
      out->w1 = i + n;
      out->box = sv_layout_words_box(ln, i, i + n);
      out->conf = words_conf(ln, i, i + n);
      out->value = v;
      out->info = info;
      return true;
    }
  }
  return false;
}

/* --------------------------------------------------------------- cells */

static double median_height(const struct sv_line *ln)
{
  if (ln->nwords == 0)
    return 0.0;
  double *h = g_new(double, ln->nwords);
  for (size_t i = 0; i < ln->nwords; i++)
    h[i] = ln->words[i].box.y1 - ln->words[i].box.y0;
  qsort(h, ln->nwords, sizeof *h, cmp_double);
  double m = h[ln->nwords / 2];
  g_free(h);
  return m;
}

/* True when the gap before word i (i > 0) of ln is a column gap. */
static bool column_gap(const struct sv_line *ln, size_t i, double charw)
{
  const struct sv_box *a = &ln->words[i - 1].box, *b = &ln->words[i].box;
  double gap = b->x0 - a->x1;
  double h = fmin(a->y1 - a->y0, b->y1 - b->y0);
  return gap > SV_LAYOUT_GAP_CHARS * charw && gap > SV_LAYOUT_GAP_HEIGHT * h;
}

static char *key_of(const struct sv_line *ln, size_t w0, size_t w1)
{
  char *t = sv_layout_words(ln, w0, w1);
  char *f = sv_fold(t);
  char *tok = sv_fold_tokens(f);
  char *key = g_strdup(g_strstrip(tok));
  g_free(tok);
  g_free(f);
  g_free(t);
  return key;
}

/* The amounts of one line, left to right, never across a cell edge. */
static void line_spans(struct sv_lline *ll, const struct sv_cell *cells)
{
  GArray *spans = g_array_new(FALSE, TRUE, sizeof(struct sv_span));
  for (size_t c = 0; c < ll->ncells; c++) {
    const struct sv_cell *cell = &cells[ll->cell0 + c];
    size_t i = cell->w0;
    while (i < cell->w1) {
      struct sv_span sp;
      if (!sv_layout_amount_in(ll->ln, i, cell->w1, &sp))
        break;
      g_array_append_val(spans, sp);
      i = sp.w1;
    }
  }
  ll->nspans = spans->len;
  ll->spans = (struct sv_span *)g_array_free(spans, FALSE);
}

static void add_line(struct sv_layout *l, const struct sv_line *ln, int pidx,
                     int page, double page_height)
{
  if (ln->nwords == 0 || l->cells->len >= SV_LAYOUT_MAX_CELLS)
    return;
  struct sv_lline ll = {0};
  ll.ln = ln;
  ll.pidx = pidx;
  ll.page = page;
  ll.height = median_height(ln);
  ll.page_height = page_height;
  ll.cell0 = l->cells->len;
  double width = 0;
  glong chars = 0;
  for (size_t i = 0; i < ln->nwords; i++) {
    width += ln->words[i].box.x1 - ln->words[i].box.x0;
    chars += g_utf8_strlen(ln->words[i].text, -1);
  }
  double charw = chars > 0 ? width / (double)chars : 0;
  size_t index = l->lines->len;
  size_t start = 0;
  for (size_t i = 1; i <= ln->nwords; i++) {
    if (i < ln->nwords && !column_gap(ln, i, charw))
      continue;
    struct sv_cell c = {0};
    c.line = index;
    c.w0 = start;
    c.w1 = i;
    c.box = sv_layout_words_box(ln, start, i);
    c.conf = words_conf(ln, start, i);
    c.text = sv_layout_words(ln, start, i);
    c.key = key_of(ln, start, i);
    g_array_append_val(l->cells, c);
    start = i;
  }
  ll.ncells = l->cells->len - ll.cell0;
  struct sv_cell *cells = &g_array_index(l->cells, struct sv_cell, 0);
  line_spans(&ll, cells);
  /* which spans each cell holds */
  size_t s = 0;
  for (size_t c = 0; c < ll.ncells; c++) {
    struct sv_cell *cell = &cells[ll.cell0 + c];
    cell->span0 = s;
    while (s < ll.nspans && ll.spans[s].w0 < cell->w1) {
      cell->nspans++;
      s++;
    }
    cell->amount = cell->nspans == 1 && ll.spans[cell->span0].w0 == cell->w0 &&
                   ll.spans[cell->span0].w1 == cell->w1;
  }
  g_array_append_val(l->lines, ll);
}

/* ---------------------------------------------------------- neighbours */

static const struct sv_lline *line_at(const struct sv_layout *l, size_t i)
{
  return &g_array_index(l->lines, struct sv_lline, i);
}

static const struct sv_cell *cell_at(const struct sv_layout *l, size_t i)
{
  return &g_array_index(l->cells, struct sv_cell, i);
}

long sv_layout_right(const struct sv_layout *l, size_t i)
{
  if (l == NULL || i + 1 >= l->cells->len)
    return -1;
  return cell_at(l, i + 1)->line == cell_at(l, i)->line ? (long)(i + 1) : -1;
}

/* The cell of a line near cell c vertically (dir = +1 below, -1 above)
   overlapping it most. */
static long vertical(const struct sv_layout *l, size_t i, int dir)
{
  if (l == NULL || i >= l->cells->len)
    return -1;
  const struct sv_cell *c = cell_at(l, i);
  const struct sv_lline *cl = line_at(l, c->line);
  double reach = SV_LAYOUT_BELOW_LINES * fmax(cl->height, 1.0);
  for (long k = (long)c->line + dir; k >= 0 && (size_t)k < l->lines->len;
       k += dir) {
    const struct sv_lline *o = line_at(l, (size_t)k);
    if (o->pidx != cl->pidx)
      break;
    double dist = dir > 0 ? o->ln->box.y0 - cl->ln->box.y1
                          : cl->ln->box.y0 - o->ln->box.y1;
    if (dist > reach)
      break;
    long best = -1;
    double best_ov = 0.0;
    for (size_t j = 0; j < o->ncells; j++) {
      const struct sv_cell *d = cell_at(l, o->cell0 + j);
      double ov = overlap(c->box.x0, c->box.x1, d->box.x0, d->box.x1);
      if (ov > best_ov) {
        best_ov = ov;
        best = (long)(o->cell0 + j);
      }
    }
    if (best >= 0)
      return best;
  }
  return -1;
}

long sv_layout_below(const struct sv_layout *l, size_t i)
{
  return vertical(l, i, +1);
}

long sv_layout_above(const struct sv_layout *l, size_t i)
{
  return vertical(l, i, -1);
}

/* -------------------------------------------------------------- tables */

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
  GArray *hcells;      /* of struct hcell */
  double hx0, hx1;     /* the header's extent */
  GArray *row_lines;   /* of size_t: the first line of each row */
  GArray *wrap_of;     /* of size_t: per row, how many lines follow it */
  GArray *zones;       /* of struct zone: the amount columns so far */
  double pitch;        /* the largest distance between rows so far */
  size_t amount_rows;  /* rows printing an amount so far */
  double dated_x0;     /* the left edge of the first dated row, or
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
  const struct sv_lline *h = line_at(l, i);
  double reach = HEADER_REACH_LINES * fmax(h->height, 1.0);
  double bottom = h->ln->box.y1;
  for (size_t k = i + 1; k < l->lines->len && k <= i + 4; k++) {
    const struct sv_lline *o = line_at(l, k);
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
    const struct sv_cell *cell = cell_at(l, ll->cell0 + c);
    bool merged = false;
    for (guint k = 0; merge && k < hcells->len; k++) {
      struct hcell *h = &g_array_index(hcells, struct hcell, k);
      double ov = overlap(h->x0, h->x1, cell->box.x0, cell->box.x1);
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
    if (overlap(zz->x0 - 1.0, zz->x1 + 1.0, b->x0, b->x1) > 0)
      return true;
  }
  return false;
}

static void zone_add(struct draft *d, const struct sv_box *b)
{
  for (guint z = 0; z < d->zones->len; z++) {
    struct zone *zz = &g_array_index(d->zones, struct zone, z);
    if (overlap(zz->x0 - 1.0, zz->x1 + 1.0, b->x0, b->x1) > 0) {
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
    const struct sv_cell *cell = cell_at(l, ll->cell0 + c);
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
    const struct sv_cell *cell = cell_at(l, ll->cell0 + c);
    if (sp->w0 < cell->w0 || sp->w0 >= cell->w1)
      continue;
    return sp->w0 - cell->w0 <= 2 &&
           sp->box.x0 - cell->box.x0 < 8.0 * fmax(ll->height, 1.0);
  }
  return true;
}

/* What line ll is to draft d: a row, a wrapped line of the row above, a
   line to step over (before the first row), or the end of the table. */
static enum line_role line_role(const struct sv_layout *l, const struct draft *d,
                                size_t k, double prev_bottom)
{
  const struct sv_lline *ll = line_at(l, k);
  double h = fmax(ll->height, 1.0);
  double gap = ll->ln->box.y0 - prev_bottom;
  if (d->row_lines->len > 0 &&
      gap > fmax(TABLE_GAP_LINES * h, 2.0 * d->pitch))
    return L_END;
  if (header_candidate(ll) && has_body(l, k))
    return L_END;
  /* Amounts must print in the columns the rows so far print in; until two
     rows have, anywhere under the header. */
  bool established = d->amount_rows >= 2;
  bool aligned = false, stray = false, under = true;
  for (size_t s = 0; s < ll->nspans; s++) {
    const struct sv_box *b = &ll->spans[s].box;
    bool below_header =
        b->x1 > d->hx0 && b->x0 < d->hx1 + TABLE_RIGHT_SLACK;
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
    text_only = ll->spans[s].box.x1 <= left + 1.0 &&
                !begins_cell(l, ll, &ll->spans[s]);
  if (ll->nspans > 0 && !text_only)
    return d->row_lines->len > 0 ? L_END : L_SKIP;
  /* no amount: a wrapped description stays left of the amount columns */
  if (d->row_lines->len == 0)
    return L_SKIP;
  /* ... and is indented from where the dated rows start (a line that
     starts under the dates is no row's wrapped description) */
  bool indented = d->dated_x0 == INFINITY ||
                  ll->ln->box.x0 > d->dated_x0 + 2.0 * h;
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

static void draft_take_row(const struct sv_layout *l, struct draft *d,
                           size_t k, double *prev_top)
{
  const struct sv_lline *ll = line_at(l, k);
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
    if (overlap(c->x0, c->x1, hc->x0, hc->x1) > 0)
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
                overlap(o->x0, o->x1, hc->x0, hc->x1) > 0;
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
    const struct sv_lline *ll = line_at(l, g_array_index(rows, size_t, r));
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
      if (overlap(a->x0, a->x1, b->x0, b->x1) > 0) {
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
  if (overlap(c->x0, c->x1, h->x0, h->x1) > 0)
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
      double cost = column_cost(
          &g_array_index(clusters, struct cluster, i - 1),
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
    double ov = overlap(cols[c].x0, cols[c].x1, b->x0, b->x1);
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
  const struct sv_lline *ll = line_at(l, k);
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
     one space before the description still goes to the date column) */
  for (size_t w = 0; w < ln->nwords; w++) {
    if (used[w])
      continue;
    const struct sv_word *wd = &ln->words[w];
    size_t c = column_of(cols, ncols, &wd->box, false);
    if (c != SIZE_MAX)
      tcell_add_text(&row->cells[c], wd->text, &wd->box, wd->conf);
  }
  g_free(used);
}

static void add_wrap(const struct sv_layout *l, struct sv_trow *row, size_t k)
{
  const struct sv_lline *ll = line_at(l, k);
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
  int pidx = line_at(l, k)->pidx;
  size_t last_row_or_wrap = SIZE_MAX;
  for (; k < l->lines->len; k++) {
    const struct sv_lline *ll = line_at(l, k);
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
  int pidx = line_at(l, k)->pidx;
  const struct sv_page *pg = &l->doc->pages[pidx];
  double limit = pg->height > 0 ? pg->height * 0.5 : INFINITY;
  for (; k < l->lines->len; k++) {
    const struct sv_lline *ll = line_at(l, k);
    if (ll->pidx != pidx || ll->ln->box.y0 > limit)
      return SIZE_MAX;
    if (header_candidate(ll) && has_body(l, k))
      return SIZE_MAX;
    if (ll->nspans == 0 || !first_words_date(ll))
      continue;
    bool all_in = true;
    for (size_t s = 0; s < ll->nspans && all_in; s++)
      all_in = column_of(t->cols, t->ncols, &ll->spans[s].box, true) !=
               SIZE_MAX;
    if (all_in)
      return k;
  }
  return SIZE_MAX;
}

static void find_tables(struct sv_layout *l)
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
        d.page = line_at(l, at)->page;
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
        k = collect(l, &d, at, line_at(l, at)->ln->box.y0, &open);
        draft_finish(l, &d);
        draft_free(&d);
        continue;
      }
    }
    const struct sv_lline *ll = line_at(l, k);
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
      const struct sv_lline *h2 = line_at(l, next);
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

/* ---------------------------------------------------------------- public */

struct sv_layout *sv_layout_new(const struct sv_doc *doc)
{
  struct sv_layout *l = g_new0(struct sv_layout, 1);
  l->doc = doc;
  l->lines = g_array_new(FALSE, TRUE, sizeof(struct sv_lline));
  l->cells = g_array_new(FALSE, TRUE, sizeof(struct sv_cell));
  l->tables = g_array_new(FALSE, TRUE, sizeof(struct sv_table));
  for (int p = 0; doc != NULL && p < doc->npages; p++) {
    const struct sv_page *pg = &doc->pages[p];
    if (pg->source == SV_TEXT_NONE)
      continue;
    int number = pg->number > 0 ? pg->number : p + 1;
    for (size_t i = 0; i < pg->nlines; i++)
      add_line(l, &pg->lines[i], p, number, pg->height);
  }
  find_tables(l);
  return l;
}

void sv_layout_free(struct sv_layout **lp)
{
  if (lp == NULL || *lp == NULL)
    return;
  struct sv_layout *l = *lp;
  for (guint i = 0; i < l->cells->len; i++) {
    struct sv_cell *c = &g_array_index(l->cells, struct sv_cell, i);
    g_free(c->text);
    g_free(c->key);
  }
  for (guint i = 0; i < l->lines->len; i++)
    g_free(g_array_index(l->lines, struct sv_lline, i).spans);
  for (guint i = 0; i < l->tables->len; i++) {
    struct sv_table *t = &g_array_index(l->tables, struct sv_table, i);
    for (size_t r = 0; r < t->nrows; r++) {
      for (size_t c = 0; c < t->ncols; c++)
        g_free(t->rows[r].cells[c].text);
      g_free(t->rows[r].cells);
      g_free(t->rows[r].more);
    }
    g_free(t->rows);
    for (size_t c = 0; c < t->ncols; c++) {
      g_free(t->cols[c].label);
      g_free(t->cols[c].key);
    }
    g_free(t->cols);
  }
  g_array_free(l->cells, TRUE);
  g_array_free(l->lines, TRUE);
  g_array_free(l->tables, TRUE);
  g_free(l);
  *lp = NULL;
}

size_t sv_layout_nlines(const struct sv_layout *l)
{
  return l != NULL ? l->lines->len : 0;
}

const struct sv_lline *sv_layout_line(const struct sv_layout *l, size_t i)
{
  return l != NULL && i < l->lines->len ? line_at(l, i) : NULL;
}

size_t sv_layout_ncells(const struct sv_layout *l)
{
  return l != NULL ? l->cells->len : 0;
}

const struct sv_cell *sv_layout_cell(const struct sv_layout *l, size_t i)
{
  return l != NULL && i < l->cells->len ? cell_at(l, i) : NULL;
}

size_t sv_layout_ntables(const struct sv_layout *l)
{
  return l != NULL ? l->tables->len : 0;
}

const struct sv_table *sv_layout_table(const struct sv_layout *l, size_t i)
{
  return l != NULL && i < l->tables->len
             ? &g_array_index(l->tables, struct sv_table, i)
             : NULL;
}
