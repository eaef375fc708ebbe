/*
 * cells.c - one table cell read again from its page image (see cells.h).
 */
#include "cells.h"

#include <math.h>
#include <string.h>

struct sv_box sv_cell_crop(const struct sv_layout *l,
                           const struct sv_table *t, size_t r, size_t c)
{
  const struct sv_tcell *tc = &t->rows[r].cells[c];
  const struct sv_box *lb = &sv_layout_line(l, t->rows[r].line)->ln->box;
  struct sv_box crop = {t->cols[c].x0, lb->y0, t->cols[c].x1, lb->y1};
  if (tc->text != NULL) {
    crop.x0 = fmin(crop.x0, tc->box.x0);
    crop.x1 = fmax(crop.x1, tc->box.x1);
  }
  return crop;
}

bool sv_cell_reread_all(const struct sv_services *svc,
                        const struct sv_doc *doc, const struct sv_layout *l,
                        const struct sv_table *t, size_t r, size_t c,
                        enum sv_reread_kind kind, struct sv_reread *out)
{
  memset(out, 0, sizeof *out);
  const struct sv_page *pg = sv_doc_page(doc, t->rows[r].page);
  if (pg == NULL || pg->source != SV_TEXT_OCR)
    return false;
  struct sv_box crop = sv_cell_crop(l, t, r, c);
  return sv_services_reread_all(svc, pg, &crop, kind, out);
}

bool sv_cell_reread(const struct sv_services *svc, const struct sv_doc *doc,
                    const struct sv_layout *l, const struct sv_table *t,
                    size_t r, size_t c, char **text, float *conf)
{
  *text = NULL;
  *conf = 0.0f;
  const struct sv_page *pg = sv_doc_page(doc, t->rows[r].page);
  if (pg == NULL || pg->source != SV_TEXT_OCR)
    return false;
  struct sv_box crop = sv_cell_crop(l, t, r, c);
  return sv_services_reread(svc, pg, &crop, text, conf);
}

bool sv_row_reread_line(const struct sv_services *svc,
                        const struct sv_doc *doc, const struct sv_layout *l,
                        const struct sv_table *t, size_t r,
                        struct sv_reread *out)
{
  memset(out, 0, sizeof *out);
  const struct sv_page *pg = sv_doc_page(doc, t->rows[r].page);
  if (pg == NULL || pg->source != SV_TEXT_OCR)
    return false;
  struct sv_box line = sv_layout_line(l, t->rows[r].line)->ln->box;
  return sv_services_reread_all(svc, pg, &line, SV_REREAD_LINE, out);
}

bool sv_cell_reread_amount(const struct sv_services *svc,
                           const struct sv_doc *doc,
                           const struct sv_layout *l,
                           const struct sv_table *t, size_t r, size_t c,
                           float min_conf, struct sv_tcell *out)
{
  char *text = NULL;
  float conf = 0;
  sv_cents v = 0;
  struct sv_amount_info info;
  bool ok = sv_cell_reread(svc, doc, l, t, r, c, &text, &conf) &&
            conf >= min_conf && sv_amount_parse_info(text, &v, &info);
  g_free(text);
  if (!ok)
    return false;
  *out = t->rows[r].cells[c];
  out->has_amount = true;
  out->namounts = 1;
  memset(&out->span, 0, sizeof out->span);
  out->span.value = v;
  out->span.info = info;
  out->span.box = sv_cell_crop(l, t, r, c);
  out->span.conf = conf;
  return true;
}
