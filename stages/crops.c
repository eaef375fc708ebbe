/*
 * crops.c - the evidence crops of a document (see crops.h).
 */
#include "crops.h"

#include <stdio.h>
#include <string.h>

/* Whether word (as printed) spells folded, a casefolded name word: equal
   ignoring case and any punctuation after it ("BRENNAN," for "Brennan"). */
static bool word_spells(const char *word, const char *folded)
{
  char *a = g_utf8_casefold(word, -1);
  size_t n = strlen(folded);
  bool same = strncmp(a, folded, n) == 0;
  for (const char *p = a + n; same && *p != '\0'; p++)
    same = g_ascii_ispunct(*p);
  g_free(a);
  return same;
}

bool sv_crops_find_name(const struct sv_page *page, const char *name,
                        struct sv_box *box)
{
  if (page == NULL || name == NULL)
    return false;
  /* the name's words, casefolded once */
  char **tokens = g_strsplit_set(name, " \t", -1);
  size_t ntok = 0;
  for (char **t = tokens; *t != NULL; t++) {
    char *word = *t; /* the slot may be overwritten below */
    if (word[0] != '\0')
      tokens[ntok++] = g_utf8_casefold(word, -1);
    g_free(word);
  }
  tokens[ntok] = NULL;
  bool found = false;
  for (size_t l = 0; ntok > 0 && !found && l < page->nlines; l++) {
    const struct sv_line *ln = &page->lines[l];
    for (size_t w = 0; !found && w + ntok <= ln->nwords; w++) {
      size_t k = 0;
      while (k < ntok && word_spells(ln->words[w + k].text, tokens[k]))
        k++;
      if (k < ntok)
        continue;
      *box = ln->words[w].box;
      for (k = 1; k < ntok; k++)
        sv_box_union(box, &ln->words[w + k].box);
      found = true;
    }
  }
  g_strfreev(tokens);
  return found;
}

const struct sv_crop *sv_crops_find(const struct sv_doc *doc, int page,
                                    const struct sv_box *box)
{
  for (guint i = 0; doc != NULL && doc->crops != NULL && i < doc->crops->len;
       i++) {
    const struct sv_crop *cr = g_ptr_array_index(doc->crops, i);
    if (cr->page == page && memcmp(&cr->box, box, sizeof *box) == 0)
      return cr;
  }
  return NULL;
}

/* A file name part from a document path: letters, digits, '.', '-' and
   '_' kept, anything else '_'. */
static char *safe_name(const char *path)
{
  const char *base = strrchr(path, '/');
  char *s = g_strdup(base != NULL ? base + 1 : path);
  for (char *p = s; *p != '\0'; p++)
    if (!g_ascii_isalnum(*p) && *p != '.' && *p != '-' && *p != '_')
      *p = '_';
  return s;
}

/* Grows *show to the line of page that holds box (the label a figure is
   read against is on its line), if one does. */
static void line_of(const struct sv_page *page, const struct sv_box *box,
                    struct sv_box *show)
{
  double mid = (box->y0 + box->y1) / 2;
  for (size_t l = 0; l < page->nlines; l++) {
    const struct sv_box *lb = &page->lines[l].box;
    if (mid >= lb->y0 && mid <= lb->y1 && box->x0 < lb->x1 &&
        box->x1 > lb->x0) {
      sv_box_union(show, lb);
      return;
    }
  }
}

struct maker {
  const struct sv_services *svc;
  struct sv_doc *doc;
  char *stem; /* owned: "<document number>-<file name>" */
};

/* Crops box on page as "<stem>-p<page>-<what>.png" unless it was cropped
   already or the page cannot be drawn. */
static void make(struct maker *mk, int page, const struct sv_box *box,
                 const char *what)
{
  struct sv_doc *doc = mk->doc;
  if (page < 1 || page > doc->npages || !(box->x1 > box->x0) ||
      !(box->y1 > box->y0) || sv_crops_find(doc, page, box) != NULL)
    return;
  const struct sv_page *pg = &doc->pages[page - 1];
  struct sv_box show = *box;
  line_of(pg, box, &show);
  GBytes *png = sv_services_crop(mk->svc, pg, box, &show);
  if (png == NULL)
    return;
  struct sv_crop *cr = g_new0(struct sv_crop, 1);
  cr->name = g_strdup_printf("%s-p%d-%s.png", mk->stem, page, what);
  cr->page = page;
  cr->box = *box;
  cr->png = png;
  g_ptr_array_add(doc->crops, cr);
}

static void make_figure(struct maker *mk, const struct sv_figure *f,
                        const char *what)
{
  if (f != NULL && f->present)
    make(mk, f->page, &f->box, what);
}

/* The name's crop, on the first page from first to last that prints it. */
static void make_name(struct maker *mk, const char *name, int first,
                      int last, const char *what)
{
  if (name == NULL)
    return;
  first = MAX(first, 1);
  last = last > 0 ? MIN(last, mk->doc->npages) : mk->doc->npages;
  for (int p = first; p <= last; p++) {
    struct sv_box box;
    if (sv_crops_find_name(&mk->doc->pages[p - 1], name, &box)) {
      make(mk, p, &box, what);
      return;
    }
  }
}

static sv_status crops_process(void *ctx, const struct sv_config *cfg,
                               const struct sv_services *svc,
                               struct sv_case *c, struct sv_doc *doc)
{
  (void)ctx;
  (void)c;
  if (cfg->no_evidence || doc->status != SV_DOC_OK || svc == NULL ||
      svc->crop == NULL)
    return SV_OK;
  char *base = safe_name(doc->relpath);
  struct maker mk = {.svc = svc, .doc = doc,
                     .stem = g_strdup_printf("%02zu-%s", doc->index + 1,
                                             base)};
  g_free(base);
  for (guint s = 0; s < doc->statements->len; s++) {
    const struct sv_statement *st = g_ptr_array_index(doc->statements, s);
    enum sv_basis basis = SV_BASIS_AVERAGE_DAILY;
    const struct sv_figure *f = sv_statement_month_figure(st, &basis);
    make_figure(&mk, f, basis == SV_BASIS_CLOSING ? "closing" : "average");
    make_name(&mk, st->holder, st->first_page, st->last_page, "holder");
  }
  const struct sv_income_doc *inc = doc->income;
  if (inc != NULL) {
    make_figure(&mk, &inc->stated, "income");
    for (guint m = 0; inc->months != NULL && m < inc->months->len; m++) {
      const struct sv_income_month *im =
          &g_array_index(inc->months, struct sv_income_month, m);
      char what[32];
      snprintf(what, sizeof what, "income-%04d-%02d", im->year, im->month);
      make_figure(&mk, &im->figure, what);
    }
    make_name(&mk, inc->person, 1, 0, "person");
  }
  const struct sv_deed *dd = doc->deed;
  for (guint k = 0; dd != NULL && dd->values != NULL && k < dd->values->len;
       k++) {
    const struct sv_stated_value *v =
        &g_array_index(dd->values, struct sv_stated_value, k);
    char what[32];
    snprintf(what, sizeof what, "value-%u", k + 1);
    make_figure(&mk, &v->figure, what);
  }
  /* the validity (else the class) of each status form */
  for (const struct sv_us_doc *u = doc->us; u != NULL; u = u->next)
    make(&mk, u->page, &u->box, "status");
  g_free(mk.stem);
  return SV_OK;
}

const struct sv_stage sv_crops_stage = {
    .name = "crops",
    .scope = SV_SCOPE_DOCUMENT,
    .process = crops_process,
};
