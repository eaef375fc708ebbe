/*
 * test_party.c - tests of whose statement it is (stages/readers/party.c)
 * on layouts of pages drawn from text (tests/support.h): the holder right
 * of a label, after its colon, under it, or from the address block (a
 * name with an address right under it, upper half of the first page); a
 * movement's description never the holder; the account from its label
 * or after "Account" in a cell, masked to its last 4 digits, never an
 * 18-digit CLABE; and sv_party_account_of / sv_party_is_name on their
 * own.  Every expected name and number is printed in the case's text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "readers/party.h"
#include "support.h"
#include "text/layout.h"

/* ------------------------------------------------------------ helpers */

struct party {
  char *holder, *account;
};

/* Reads the party of pages [p0, p1] of a document of the given pages,
   leaving out the lines of every table when skip_tables. */
static struct party read_pages(const char *const *pages, int p0, int p1,
                               bool skip_tables)
{
  struct sv_doc *doc = sv_test_doc_from_pages("p.pdf", pages, 0.0);
  struct sv_layout *l = sv_layout_new(doc);
  bool *skip = NULL;
  if (skip_tables) {
    skip = g_new0(bool, sv_layout_nlines(l) + 1);
    for (size_t i = 0; i < sv_layout_ntables(l); i++) {
      const struct sv_table *t = sv_layout_table(l, i);
      for (size_t h = 0; h < t->header_lines; h++)
        skip[t->header_line + h] = true;
      for (size_t r = 0; r < t->nrows; r++)
        for (size_t k = 0; k < t->rows[r].nlines; k++)
          skip[t->rows[r].line + k] = true;
    }
  }
  struct party p = {NULL, NULL};
  sv_party_read(l, p0, p1, skip, &p.holder, &p.account);
  g_free(skip);
  sv_layout_free(&l);
  sv_doc_free(&doc);
  return p;
}

static struct party read_text(const char *text)
{
  const char *pages[] = {text, NULL};
  return read_pages(pages, 1, 1, false);
}

static void assert_str_or_null(const char *got, const char *want)
{
  if (want == NULL) {
    if (got != NULL)
      fail_msg("got \"%s\", expected NULL", got);
  } else {
    if (got == NULL)
      fail_msg("got NULL, expected \"%s\"", want);
    assert_string_equal(got, want);
  }
}

/* Reads text and checks holder and account (NULL: none), then frees. */
static void check(const char *text, const char *holder, const char *account)
{
  struct party p = read_text(text);
  assert_str_or_null(p.holder, holder);
  assert_str_or_null(p.account, account);
  g_free(p.holder);
  g_free(p.account);
}

/* ------------------------------------------------------------- holder */

/* The holder's name right of its label, a column gap between them. */
static void test_party_holder_right_of_label(void **state)
{
  (void)state;
  check("FIRST HARBOR BANK\n"
        "Account Holder        JOHN MICHAEL DOE\n"
        "Account Number        0012 3456 7890\n",
        "JOHN MICHAEL DOE", "****7890");
  check("BANCO DEL VALLE\n"
        "Cliente               ANA RUIZ SOTO\n",
        "ANA RUIZ SOTO", NULL);
}

/* The holder after the label's colon in the same cell, accents kept. */
static void test_party_holder_after_colon(void **state)
{
  (void)state;
  check("BANCO DEL VALLE, S.A.\n"
        "Titular: MARÍA JOSÉ PÉREZ GÓMEZ\n"
        "No. de Cuenta: 0123456789\n",
        "MARÍA JOSÉ PÉREZ GÓMEZ", "****6789");
  check("Nombre del Cliente: Juan de la Cruz Ortega\n",
        "Juan de la Cruz Ortega", NULL);
}

/* A label heading a column: the value printed under it; the cell right
   of it ("Statement Date") is no name and is passed over. */
static void test_party_holder_under_label(void **state)
{
  (void)state;
  check("OAKWOOD SAVINGS\n"
        "Customer Name          Statement Date\n"
        "Avery L. Moss          03/31/2026\n",
        "Avery L. Moss", NULL);
}

/* No label: the first name of the address block, a street address right
   under it in the same column; the bank's name above it is no name. */
static void test_party_holder_address_block(void **state)
{
  (void)state;
  check("FIRST HARBOR BANK                       Account Statement\n"
        "\n"
        "JANE Q PUBLIC\n"
        "742 Evergreen Terrace\n"
        "Springfield, IL 62704\n"
        "\n"
        "Beginning Balance                 $1,200.00\n",
        "JANE Q PUBLIC", NULL);
  /* a name with no address under it is no address block */
  check("FIRST HARBOR BANK\n"
        "JANE Q PUBLIC\n"
        "Thank you for banking with us\n",
        NULL, NULL);
}

/* The address block is looked for in the upper half of the page only:
   36 lines down (36 x 14 pt = 504 pt of an 842 pt page) it is not. */
static void test_party_address_block_upper_half(void **state)
{
  (void)state;
  GString *s = g_string_new("FIRST HARBOR BANK\n");
  for (int i = 0; i < 35; i++)
    g_string_append_c(s, '\n');
  g_string_append(s, "JANE Q PUBLIC\n"
                     "742 Evergreen Terrace\n");
  check(s->str, NULL, NULL);
  g_string_free(s, TRUE);
}

/* A movement's description is never the holder: "AMAZON.COM PURCHASE" is
   no name even after a holder label, and a name-like description over a
   cell with digits ("JOSE LUIS MARTINEZ" over "CHECK 1042") is not taken
   for an address block once the table's lines are left out. */
static void test_party_description_never_holder(void **state)
{
  (void)state;
  check("Customer: AMAZON.COM PURCHASE\n", NULL, NULL);

  const char *pages[] = {"FIRST HARBOR BANK\n"
                         "Date       Description                  Amount\n"
                         "03/02      JOSE LUIS MARTINEZ         1,500.00\n"
                         "03/05      CHECK 1042                  -150.00\n"
                         "03/09      AMAZON.COM PURCHASE          -45.10\n",
                         NULL};
  struct party p = read_pages(pages, 1, 1, true);
  assert_null(p.holder);
  assert_null(p.account);
  g_free(p.holder);
  g_free(p.account);
}

/* In a bundle the statement's own pages count: the holder and account of
   page 2 for a statement on page 2 alone. */
static void test_party_pages(void **state)
{
  (void)state;
  const char *pages[] = {"Account Holder: JOHN DOE SMITH\n"
                         "Account Number: 1111 2222 3333\n",
                         "Account Holder: MARY ANN JONES\n"
                         "Account Number: 4444 5555 6666\n",
                         NULL};
  struct party p = read_pages(pages, 2, 2, false);
  assert_str_or_null(p.holder, "MARY ANN JONES");
  assert_str_or_null(p.account, "****6666");
  g_free(p.holder);
  g_free(p.account);
}

/* ------------------------------------------------------------ account */

/* Labelled accounts: digits with spaces, masked forms after "#:", an
   IBAN's last 4 digits, a number after words holding an 'x' or a '.'. */
static void test_party_account_labelled(void **state)
{
  (void)state;
  check("Account Number: 0012 3456 7890\n", NULL, "****7890");
  check("No. de Cuenta          0123456789\n", NULL, "****6789");
  check("Acct #: XXXX5569\n", NULL, "****5569");
  check("Acct #          12345678\n", NULL, "****5678");
  check("Account No.   ****5569\n", NULL, "****5569");
  check("IBAN: ES91 2100 0418 4502 0005 1332\n", NULL, "****1332");
  check("Account   Basic Savings 12345678\n", NULL, "****5678");
  check("Account Number   Express Checking ****5569\n", NULL, "****5569");
  check("Cuenta:   Cta. Cheques 12345678\n", NULL, "****5678");
}

/* An 18-digit CLABE is not the account: the account printed with it is
   taken; alone, or labelled "Cuenta CLABE", there is no account. */
static void test_party_clabe_not_account(void **state)
{
  (void)state;
  check("CLABE: 012180001234567897\n"
        "No. de Cuenta: 0123456789\n",
        NULL, "****6789");
  check("CLABE: 012180001234567897\n", NULL, NULL);
  check("Cuenta CLABE: 012180001234567897\n", NULL, NULL);
}

/* No account label: the number after "Account" inside a cell. */
static void test_party_account_in_cell(void **state)
{
  (void)state;
  check("SHARE DRAFT CHECKING Account ****9985\n", NULL, "****9985");
  check("Everyday Savings Account # 12-3456-78\n", NULL, "****5678");
}

/* sv_party_account_of: masked to the last 4 digits; masks, spaces and
   dashes pass; fewer than 4 digits, 18 digits (a CLABE, however spaced)
   or words name no account; an IBAN gives its last 4 digits; the x of
   "Max" or the dot of "Cta." before the number starts no number. */
static void test_party_account_of(void **state)
{
  (void)state;
  static const struct {
    const char *value, *want;
  } cases[] = {
      {"****5569", "****5569"},
      {"XXXX5569", "****5569"},
      {"xxxx-xxxx-5569", "****5569"},
      {"...5569", "****5569"},
      {"0012 3456 7890", "****7890"},
      {": 987654321", "****4321"},
      {"# 12-3456-78", "****5678"},
      {"Checking ...5569", "****5569"},
      {"Basic Savings 12345678", "****5678"},
      {"Max Savings XXXX5569", "****5569"},
      {"Express Checking ****5569", "****5569"},
      {"Cta. Cheques 12345678", "****5678"},
      {"ES91 2100 0418 4502 0005 1332", "****1332"},
      {"012180001234567897", NULL},
      {"012 180 00123456789 7", NULL},
      {"123", NULL},
      {"Savings", NULL},
      {"", NULL},
  };
  for (size_t k = 0; k < G_N_ELEMENTS(cases); k++) {
    char *got = sv_party_account_of(cases[k].value);
    bool ok = cases[k].want == NULL
                  ? got == NULL
                  : got != NULL && strcmp(got, cases[k].want) == 0;
    if (!ok)
      fail_msg("\"%s\": %s, expected %s", cases[k].value,
               got != NULL ? got : "NULL",
               cases[k].want != NULL ? cases[k].want : "NULL");
    g_free(got);
  }
  assert_null(sv_party_account_of(NULL));
}

/* sv_party_is_name: 2-8 capitalised words of letters (joiners between
   them), no digits or date, no bank, statement or movement word. */
static void test_party_is_name(void **state)
{
  (void)state;
  static const char *const yes[] = {
      "John Michael Doe",   "JOHN MICHAEL DOE", "María José Pérez Gómez",
      "Juan y María López", "Mary O'Brien",     "Anne-Marie Dubois",
      "JANE Q PUBLIC"};
  static const char *const no[] = {
      "AMAZON.COM PURCHASE",
      "FIRST HARBOR BANK",
      "Account Statement",
      "Estado de Cuenta",
      "John",
      "john doe",
      "John Doe 03/31/2026",
      "PAYROLL ACME CORP",
      "Page 1 of 2",
      "J. Doe",
      "SPEI RECIBIDO BANORTE",
      "Ann Bea Cal Dee Eve Fay Gus Hal Ida"}; /* 9 words */
  for (size_t k = 0; k < G_N_ELEMENTS(yes); k++)
    if (!sv_party_is_name(yes[k]))
      fail_msg("\"%s\" refused as a name", yes[k]);
  for (size_t k = 0; k < G_N_ELEMENTS(no); k++)
    if (sv_party_is_name(no[k]))
      fail_msg("\"%s\" taken for a name", no[k]);
  assert_false(sv_party_is_name(NULL));
  assert_false(sv_party_is_name(""));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_party_holder_right_of_label),
      cmocka_unit_test(test_party_holder_after_colon),
      cmocka_unit_test(test_party_holder_under_label),
      cmocka_unit_test(test_party_holder_address_block),
      cmocka_unit_test(test_party_address_block_upper_half),
      cmocka_unit_test(test_party_description_never_holder),
      cmocka_unit_test(test_party_pages),
      cmocka_unit_test(test_party_account_labelled),
      cmocka_unit_test(test_party_clabe_not_account),
      cmocka_unit_test(test_party_account_in_cell),
      cmocka_unit_test(test_party_account_of),
      cmocka_unit_test(test_party_is_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
