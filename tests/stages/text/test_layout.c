/*
 * test_layout.c - tests of the page layout (stages/text/layout.c) on
 * hand-made pages: each page is drawn as monospaced text (6 pt a
 * character, 14 pt a line, tests/support.h), so a column, a right-aligned
 * number or a wrapped line is exactly where the text puts it, and every
 * expected cell, neighbour and table cell is read off the drawing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "support.h"
#include "text/layout.h"

/* Returns owned (sv_doc_free): a document of pages drawn from text. */
static struct sv_doc *doc_of(const char *const *pages)
{
  return sv_test_doc_from_pages("t.pdf", pages, 0.0);
}

/* The index of the first cell whose text is text; fails when none. */
static size_t cell_named(const struct sv_layout *l, const char *text)
{
  for (size_t i = 0; i < sv_layout_ncells(l); i++)
    if (strcmp(sv_layout_cell(l, i)->text, text) == 0)
      return i;
  fail_msg("no cell \"%s\"", text);
  return 0;
}

static const char *cell_text(const struct sv_layout *l, long i)
{
  assert_true(i >= 0);
  return sv_layout_cell(l, (size_t)i)->text;
}

/* The text a table row prints in column c ("" when empty). */
static const char *tcell(const struct sv_table *t, size_t r, size_t c)
{
  assert_true(r < t->nrows && c < t->ncols);
  const char *s = t->rows[r].cells[c].text;
  return s != NULL ? s : "";
}

/* The column of table t whose header is label; fails when none. */
static size_t column(const struct sv_table *t, const char *label)
{
  for (size_t c = 0; c < t->ncols; c++)
    if (strcmp(t->cols[c].label, label) == 0)
      return c;
  fail_msg("no column \"%s\"", label);
  return 0;
}

/* Words a column gap apart are cells; words a space apart are one cell;
   amounts of 1-3 words are found and parsed. */
static void test_layout_cells_and_amounts(void **state)
{
  (void)state;
  const char *pages[] = {
      "Saldo inicial     $ 89,910.70     Dias del periodo        30\n"
      "Saldo final       - 3,169.04      Saldo promedio    638.24 CR\n",
      NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  assert_int_equal(sv_layout_nlines(l), 2);
  const struct sv_lline *l0 = sv_layout_line(l, 0);
  assert_int_equal(l0->ncells, 4);
  assert_string_equal(sv_layout_cell(l, l0->cell0)->text, "Saldo inicial");
  assert_string_equal(sv_layout_cell(l, l0->cell0)->key, "saldo inicial");
  const struct sv_cell *amt = sv_layout_cell(l, l0->cell0 + 1);
  assert_string_equal(amt->text, "$ 89,910.70");
  assert_true(amt->amount);
  /* "30" is a count, not money: no amount */
  assert_false(sv_layout_cell(l, l0->cell0 + 3)->amount);
  assert_int_equal(l0->nspans, 1);
  assert_int_equal(l0->spans[0].value, 8991070);
  assert_true(l0->spans[0].info.dollar);
  const struct sv_lline *l1 = sv_layout_line(l, 1);
  assert_int_equal(l1->nspans, 2);
  assert_int_equal(l1->spans[0].value, -316904);
  assert_int_equal(l1->spans[1].value, 63824);
  /* the right neighbour of a label is its value */
  size_t c = cell_named(l, "Saldo promedio");
  assert_string_equal(cell_text(l, sv_layout_right(l, c)), "638.24 CR");
  assert_int_equal(sv_layout_right(l, cell_named(l, "638.24 CR")), -1);
  sv_layout_free(&l);
  assert_null(l);
  sv_doc_free(&doc);
}

/* Two key/value columns side by side in a header are two columns: the
   left label's value is the cell under it, not the right column's line. */
static void test_layout_two_column_header(void **state)
{
  (void)state;
  const char *pages[] = {
      "Cliente                             Periodo del 01/04/2026 al 30/04/2026\n"
      "MARIA JOSE PEREZ GOMEZ              Fecha de corte: 30 de abril de 2026\n"
      "Av. Constitucion 2050, Monterrey    No. de cuenta: 0502049538\n"
      "                                    Moneda: MXN\n",
      NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  size_t cliente = cell_named(l, "Cliente");
  assert_string_equal(cell_text(l, sv_layout_right(l, cliente)),
                      "Periodo del 01/04/2026 al 30/04/2026");
  assert_string_equal(cell_text(l, sv_layout_below(l, cliente)),
                      "MARIA JOSE PEREZ GOMEZ");
  size_t name = cell_named(l, "MARIA JOSE PEREZ GOMEZ");
  assert_string_equal(cell_text(l, sv_layout_above(l, name)), "Cliente");
  assert_string_equal(cell_text(l, sv_layout_below(l, name)),
                      "Av. Constitucion 2050, Monterrey");
  /* the right column reads down on its own */
  size_t cuenta = cell_named(l, "No. de cuenta: 0502049538");
  assert_string_equal(cell_text(l, sv_layout_below(l, cuenta)),
                      "Moneda: MXN");
  /* the address has nothing under it in its column */
  assert_int_equal(
      sv_layout_below(l, cell_named(l, "Av. Constitucion 2050, Monterrey")),
      -1);
  assert_int_equal(sv_layout_ntables(l), 0);
  sv_layout_free(&l);
  sv_doc_free(&doc);
}

/* A movements table: the header's words name the columns, right-aligned
   amounts find their column though the header word stands left of them,
   a wrapped description joins its row, and the paragraph after the table
   is not a row. */
static void test_layout_movements_table(void **state)
{
  (void)state;
  const char *pages[] = {
      "Fecha    Concepto                  Cargos        Abonos          Saldo\n"
      "02/ABR   SPEI RECIBIDO                            2,840.02      92,750.72\n"
      "05/ABR   COMPRA LIVERPOOL              3,268.17                 89,482.55\n"
      "         TARJETA 4152\n"
      "06/ABR   ABONO NOMINA                            13,799.65     103,282.20\n"
      "\n"
      "Saldo final al 30 de abril de 2026: $ 103,282.20 en su cuenta de ahorro\n",
      NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  assert_int_equal(sv_layout_ntables(l), 1);
  const struct sv_table *t = sv_layout_table(l, 0);
  assert_int_equal(t->header_line, 0);
  assert_int_equal(t->ncols, 5);
  size_t fecha = column(t, "Fecha"), concepto = column(t, "Concepto");
  size_t cargos = column(t, "Cargos"), abonos = column(t, "Abonos");
  size_t saldo = column(t, "Saldo");
  assert_false(t->cols[fecha].numeric);
  assert_false(t->cols[concepto].numeric);
  assert_true(t->cols[cargos].numeric);
  assert_true(t->cols[abonos].numeric);
  assert_true(t->cols[saldo].numeric);
  assert_int_equal(t->nrows, 3);
  assert_string_equal(tcell(t, 0, fecha), "02/ABR");
  assert_string_equal(tcell(t, 0, cargos), "");
  assert_string_equal(tcell(t, 0, abonos), "2,840.02");
  assert_true(t->rows[0].cells[abonos].has_amount);
  assert_int_equal(t->rows[0].cells[abonos].span.value, 284002);
  assert_string_equal(tcell(t, 1, cargos), "3,268.17");
  assert_string_equal(tcell(t, 1, abonos), "");
  assert_string_equal(tcell(t, 1, concepto), "COMPRA LIVERPOOL");
  assert_string_equal(t->rows[1].more, "TARJETA 4152");
  assert_int_equal(t->rows[1].nlines, 2);
  assert_null(t->rows[0].more);
  assert_int_equal(t->rows[2].cells[saldo].span.value, 10328220);
  sv_layout_free(&l);
  sv_doc_free(&doc);
}

/* A month's only deposit, right-aligned past the end of its header: one
   amount in its column, under no header cell, is still the "Deposito"
   column, since no other amount column stands under that header. */
static void test_layout_lone_amount_column(void **state)
{
  (void)state;
  const char *pages[] = {
      "Dia   Descripcion            Retiro   Deposito                Saldo\n"
      "04    DEPOSITO CHEQUE                         567.70        121,583.94\n"
      "11    COMPRA WALMART       2,192.30                        119,391.64\n"
      "20    DOMICILIACION          579.21                        118,812.43\n",
      NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  assert_int_equal(sv_layout_ntables(l), 1);
  const struct sv_table *t = sv_layout_table(l, 0);
  size_t dep = column(t, "Deposito"), ret = column(t, "Retiro");
  assert_true(t->cols[dep].numeric);
  assert_true(t->cols[ret].numeric);
  assert_int_equal(t->nrows, 3);
  assert_true(t->rows[0].cells[dep].has_amount);
  assert_int_equal(t->rows[0].cells[dep].span.value, 56770);
  assert_string_equal(tcell(t, 0, ret), "");
  assert_string_equal(tcell(t, 1, dep), "");
  sv_layout_free(&l);
  sv_doc_free(&doc);
}

/* A horizontal summary: labels in one row (a two-line header), values in
   the next, each value under its label. */
static void test_layout_horizontal_summary(void **state)
{
  (void)state;
  const char *pages[] = {
      "                      BALANCE       TOTAL        TOTAL      CLOSING\n"
      "ACCOUNT               FORWARD      DEBITS      CREDITS      BALANCE\n"
      "Checking 1234            2.01      684.99       658.25       -24.73\n",
      NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  assert_int_equal(sv_layout_ntables(l), 1);
  const struct sv_table *t = sv_layout_table(l, 0);
  assert_int_equal(t->header_lines, 2);
  assert_int_equal(t->nrows, 1);
  assert_int_equal(t->rows[0].cells[column(t, "BALANCE FORWARD")].span.value,
                   201);
  assert_int_equal(t->rows[0].cells[column(t, "TOTAL DEBITS")].span.value,
                   68499);
  assert_int_equal(t->rows[0].cells[column(t, "TOTAL CREDITS")].span.value,
                   65825);
  assert_int_equal(t->rows[0].cells[column(t, "CLOSING BALANCE")].span.value,
                   -2473);
  assert_string_equal(tcell(t, 0, column(t, "ACCOUNT")), "Checking 1234");
  /* the same values are the cells under their labels */
  long below = sv_layout_below(l, cell_named(l, "DEBITS"));
  assert_string_equal(cell_text(l, below), "684.99");
  sv_layout_free(&l);
  sv_doc_free(&doc);
}

/* A transposed table: months are the columns, the rows are concepts. */
static void test_layout_transposed_table(void **state)
{
  (void)state;
  const char *pages[] = {
      "Concepto           Enero 2026     Febrero 2026     Marzo 2026\n"
      "Sueldo bruto        42,000.00        42,000.00      43,500.00\n"
      "Deducciones          8,400.00         8,400.00       8,900.00\n"
      "Neto pagado         33,600.00        33,600.00      34,600.00\n",
      NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  assert_int_equal(sv_layout_ntables(l), 1);
  const struct sv_table *t = sv_layout_table(l, 0);
  assert_int_equal(t->ncols, 4);
  assert_int_equal(t->nrows, 3);
  size_t feb = column(t, "Febrero 2026");
  assert_true(t->cols[feb].numeric);
  assert_string_equal(t->cols[feb].key, "febrero 2026");
  assert_string_equal(tcell(t, 2, column(t, "Concepto")), "Neto pagado");
  assert_int_equal(t->rows[2].cells[feb].span.value, 3360000);
  assert_int_equal(t->rows[2].cells[column(t, "Marzo 2026")].span.value,
                   3460000);
  sv_layout_free(&l);
  sv_doc_free(&doc);
}

/* A table goes on over the page break without a header of its own (rows
   in the same amount columns after a page heading); a repeated header
   starts a table of its own with the same columns. */
static void test_layout_table_continued(void **state)
{
  (void)state;
  const char *pages[] = {
      "Date    Description               Amount        Balance\n"
      "03/02   PAYROLL ACME CORP       3,000.00      15,345.67\n"
      "03/05   CHECK 1042               -150.00      15,195.67\n",
      "ACCOUNT 0012 3456 7890 - page 2\n"
      "\n"
      "03/09   GROCERY STORE             -45.10      15,150.57\n"
      "03/12   TRANSFER IN              200.00      15,350.57\n",
      "Date    Description               Amount        Balance\n"
      "03/20   RENT                    -900.00      14,450.57\n",
      NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  assert_int_equal(sv_layout_ntables(l), 3);
  const struct sv_table *t1 = sv_layout_table(l, 1);
  assert_true(t1->continued);
  assert_int_equal(t1->page, 2);
  assert_int_equal(t1->nrows, 2);
  assert_int_equal(t1->ncols, sv_layout_table(l, 0)->ncols);
  assert_string_equal(tcell(t1, 0, column(t1, "Amount")), "-45.10");
  assert_int_equal(t1->rows[1].cells[column(t1, "Balance")].span.value,
                   1535057);
  const struct sv_table *t2 = sv_layout_table(l, 2);
  assert_false(t2->continued);
  assert_int_equal(t2->page, 3);
  assert_int_equal(t2->nrows, 1);
  sv_layout_free(&l);
  sv_doc_free(&doc);
}

/* Lines that are not a table: a header-like line with nothing under it,
   a page without lines, an empty document. */
static void test_layout_no_table(void **state)
{
  (void)state;
  const char *pages[] = {"Name      Address      Phone\n"
                         "Dear Sir, we write to confirm your account.\n",
                         "", NULL};
  struct sv_doc *doc = doc_of(pages);
  struct sv_layout *l = sv_layout_new(doc);
  assert_int_equal(sv_layout_ntables(l), 0);
  assert_int_equal(sv_layout_nlines(l), 2);
  assert_null(sv_layout_line(l, 2));
  assert_null(sv_layout_cell(l, 999));
  assert_null(sv_layout_table(l, 0));
  assert_int_equal(sv_layout_right(l, 999), -1);
  sv_layout_free(&l);
  sv_doc_free(&doc);
  l = sv_layout_new(NULL);
  assert_int_equal(sv_layout_nlines(l), 0);
  sv_layout_free(&l);
  sv_layout_free(&l); /* NULL-safe */
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_layout_cells_and_amounts),
      cmocka_unit_test(test_layout_two_column_header),
      cmocka_unit_test(test_layout_movements_table),
      cmocka_unit_test(test_layout_lone_amount_column),
      cmocka_unit_test(test_layout_horizontal_summary),
      cmocka_unit_test(test_layout_transposed_table),
      cmocka_unit_test(test_layout_table_continued),
      cmocka_unit_test(test_layout_no_table),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
