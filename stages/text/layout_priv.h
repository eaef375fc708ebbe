/*
 * layout_priv.h - what layout.c and tables.c share inside the text
 * library's layout module; readers see only layout.h.
 */
#ifndef SV_LAYOUT_PRIV_H
#define SV_LAYOUT_PRIV_H

#include "layout.h"

struct sv_layout {
  const struct sv_doc *doc;
  GArray *lines;  /* of struct sv_lline */
  GArray *cells;  /* of struct sv_cell */
  GArray *tables; /* of struct sv_table */
};

const struct sv_lline *sv_layout_lline_at(const struct sv_layout *l, size_t i);
const struct sv_cell *sv_layout_cell_at(const struct sv_layout *l, size_t i);

/* The length [a0, a1] and [b0, b1] share (negative: the gap between). */
double sv_layout_overlap(double a0, double a1, double b0, double b1);

/* Finds the tables of l's lines, page by page (tables.c). */
void sv_layout_find_tables(struct sv_layout *l);

#endif
