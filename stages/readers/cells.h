/*
 * cells.h - one table cell read again from its page image.
 *
 * On an OCR'd page a reader whose arithmetic fails on a row (a running
 * balance that does not link, gross - deductions != net) or whose date
 * cell read with little confidence asks for the cell again: its crop is
 * the column's whole width on the row's line, since OCR's own box of a
 * misread may cover part of the number only, and the OCR stage's re-read
 * service (pipeline/service.h) reads it alone.  Used by movements.c and
 * paytable.c.
 */
#ifndef SV_CELLS_H
#define SV_CELLS_H

#include <stdbool.h>
#include <stddef.h>

#include "../../pipeline/model.h"
#include "../../pipeline/service.h"
#include "../text/layout.h"

/* The crop of column c on row r of table t (in l): the column's extent
   widened to the cell's printed words, the height of the row's line. */
struct sv_box sv_cell_crop(const struct sv_layout *l,
                           const struct sv_table *t, size_t r, size_t c);

/* Re-reads the amount cell (column c, row r of t) from doc's page image
   through
   svc.  False when there is no service or no image (a text-layer page),
   or the engine read nothing; else sets *text (owned, free with g_free)
   and *conf (0-100) of the most confident reading. */
bool sv_cell_reread(const struct sv_services *svc, const struct sv_doc *doc,
                    const struct sv_layout *l, const struct sv_table *t,
                    size_t r, size_t c, char **text, float *conf);

/* Re-reads the amount cell (column c, row r of t) and, when the most
   confident reading is at least min_conf and parses as an amount, sets
   *out to the cell as printed with that one amount in it (its span boxed
   by the cell's crop).  False otherwise (*out untouched). */
bool sv_cell_reread_amount(const struct sv_services *svc,
                           const struct sv_doc *doc,
                           const struct sv_layout *l,
                           const struct sv_table *t, size_t r, size_t c,
                           float min_conf, struct sv_tcell *out);

/* Every reading of the cell as kind (pipeline/service.h's sv_reread:
   clear *out with sv_reread_clear either way); false as sv_cell_reread. */
bool sv_cell_reread_all(const struct sv_services *svc,
                        const struct sv_doc *doc, const struct sv_layout *l,
                        const struct sv_table *t, size_t r, size_t c,
                        enum sv_reread_kind kind, struct sv_reread *out);

/* Re-reads row r's whole line (every cell, SV_REREAD_LINE) from doc's
   page image: one reading, in *out; false as sv_cell_reread. */
bool sv_row_reread_line(const struct sv_services *svc,
                        const struct sv_doc *doc, const struct sv_layout *l,
                        const struct sv_table *t, size_t r,
                        struct sv_reread *out);

#endif
