/*
 * test_persons.c - tests of who an income document is about and who pays
 * (stages/readers/persons.c), on the folded text of pages drawn from text
 * (tests/support.h, text/doctext.h) as the income reader builds it: each
 * sentence form persons.h lists, in English and Spanish ("Employee: X",
 * "Recipient" over "X", "certify that X", "verification for X", "hace
 * constar que el C. X"; "Employer: X", "employed by X", "benefit from X",
 * "Por medio de la presente, X hace constar", "presta sus servicios en
 * X"), where a name ends (a lower-case word, a sentence's '.', a legal
 * form, '('), particles and legal forms kept, a name wrapped onto the
 * next line, and documents naming nobody.  Every expected name is printed
 * in its case's text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "readers/persons.h"
#include "support.h"
#include "text/doctext.h"

/* ------------------------------------------------------------ helpers */

static void assert_str_or_null(const char *what, const char *got,
                               const char *want)
{
  if (want == NULL && got != NULL)
    fail_msg("%s: got \"%s\", expected NULL", what, got);
  if (want != NULL && got == NULL)
    fail_msg("%s: got NULL, expected \"%s\"", what, want);
  if (want != NULL)
    assert_string_equal(got, want);
}

/* Reads the person and payer of a one-page document of text and checks
   them (NULL: none). */
static void check(const char *text, const char *person, const char *payer)
{
  const char *pages[] = {text, NULL};
  struct sv_doc *doc = sv_test_doc_from_pages("letter.pdf", pages, 0.0);
  struct sv_doctext *t = sv_doctext_new(doc);
  char *got_person = (char *)"unset", *got_payer = (char *)"unset";
  sv_persons_read(t, &got_person, &got_payer);
  assert_str_or_null("person", got_person, person);
  assert_str_or_null("payer", got_payer, payer);
  g_free(got_person);
  g_free(got_payer);
  sv_doctext_free(&t);
  assert_null(t);
  sv_doc_free(&doc);
}

/* ------------------------------------------------------------- labels */

/* "Employee: X" and "Employer: X", a legal form ending the payer. */
static void test_persons_labels_english(void **state)
{
  (void)state;
  check("EMPLOYMENT VERIFICATION\n"
        "Employee: Mara North\n"
        "Employer: Acme Widgets LLC\n"
        "Position: Warehouse Lead\n",
        "Mara North", "Acme Widgets LLC");
  /* "Employee Name:"; a '(' ends the name */
  check("Employee Name: John Smith (ID 4471)\n"
        "Company: Blue Ridge Logistics Inc.\n",
        "John Smith", "Blue Ridge Logistics Inc.");
}

/* Spanish labels: "Nombre del trabajador:", "Empresa:" with the legal form
   after a comma ("..., S.A. de C.V."). */
static void test_persons_labels_spanish(void **state)
{
  (void)state;
  check("CONSTANCIA DE PERCEPCIONES\n"
        "Nombre del trabajador: ANA RUIZ SOTO\n"
        "Empresa: Textiles del Norte, S.A. de C.V.\n",
        "ANA RUIZ SOTO", "Textiles del Norte, S.A. de C.V.");
}

/* A label alone in its cell is a column heading: the name printed under
   it ("RECIPIENT" over "Avery Moss"), not the next cell; likewise a label
   whose colon has nothing after it. */
static void test_persons_label_over_value(void **state)
{
  (void)state;
  check("BENEFIT PAYMENT NOTICE\n"
        "RECIPIENT          LETTER DATE\n"
        "Avery Moss         May 1, 2026\n",
        "Avery Moss", NULL);
  /* "Employee:" with nothing after its colon: the name under it;
     "Company Name:" names the payer */
  check("EMPLOYMENT VERIFICATION\n"
        "Employee:\n"
        "Mara North\n"
        "Company Name: Acme Widgets LLC\n",
        "Mara North", "Acme Widgets LLC");
}

/* A label whose value is no name ("Employee: 12345") gives way to the
   sentence forms. */
static void test_persons_label_not_a_name(void **state)
{
  (void)state;
  check("Employee: 12345\n"
        "This is to certify that Laura Gomez Ruiz is employed by Delta "
        "Freight Inc.\n"
        "since 2021.\n",
        "Laura Gomez Ruiz", "Delta Freight Inc.");
}

/* ---------------------------------------------------- sentence forms */

/* "certify that X" ends at the lower-case "has"; "employed by X" goes on
   over the line break and ends after the legal form ("Inc. since"). */
static void test_persons_certify_employed_by(void **state)
{
  (void)state;
  check("NORTHWIND TRADERS INC.\n"
        "To whom it may concern:\n"
        "This is to certify that John Michael Doe has been employed by\n"
        "Northwind Traders Inc. since January 2020 as a Senior Analyst.\n",
        "John Michael Doe", "Northwind Traders Inc.");
}

/* "verification for X" does not run on into the short "Dear Ms. Hart:"
   line; "benefit from X" ends at the sentence's '.' ("System. Your"). */
static void test_persons_verification_benefit_from(void **state)
{
  (void)state;
  check("Re: Benefit verification for Grace Ellen Hart\n"
        "Dear Ms. Hart:\n"
        "You receive a monthly benefit from Ohio State Retirement System. "
        "Your\n"
        "benefit is paid on the first business day of each month.\n",
        "Grace Ellen Hart", "Ohio State Retirement System");
  /* "pension from X": a typographic apostrophe made plain */
  check("Pensioner: Walter Bishop\n"
        "Your pension from Maple Workers\u2019 Retirement Plan is paid "
        "monthly.\n",
        "Walter Bishop", "Maple Workers' Retirement Plan");
}

/* "se hace constar que el C. X" and "presta sus servicios en X"; the
   first "Por medio de la presente" is followed by no name and passed
   over. */
static void test_persons_constancia(void **state)
{
  (void)state;
  check("CONSTANCIA DE INGRESOS\n"
        "Por medio de la presente se hace constar que el C. JUAN PEREZ LOPEZ\n"
        "presta sus servicios en Grupo Industrial Saltillo desde el mes de\n"
        "marzo de 2019.\n",
        "JUAN PEREZ LOPEZ", "Grupo Industrial Saltillo");
}

/* "Por medio de la presente, X hace constar": the company with its legal
   form after a comma; "hace constar que la C. X": particles inside the
   person's name kept ("María de la Luz"), accents as printed. */
static void test_persons_por_medio_particles(void **state)
{
  (void)state;
  check("Por medio de la presente, Comercializadora del Bajío, S.A. de C.V.\n"
        "hace constar que la C. María de la Luz Fernández trabaja en ventas.\n",
        "María de la Luz Fernández",
        "Comercializadora del Bajío, S.A. de C.V.");
}

/* "works for X": '&' joins a company's words, "Co." ends it. */
static void test_persons_works_for(void **state)
{
  (void)state;
  check("Employee Name: Marisol Vega\n"
        "Ms. Vega works for Smith & Sons Co. since 2019 as a clerk.\n",
        "Marisol Vega", "Smith & Sons Co.");
}

/* "has worked for X"; a company that "hace constar" at the start of its
   sentence; a letterhead whose first line is a company with its legal
   form, when nothing else names the payer; a letterhead line without a
   legal form names nobody. */
static void test_persons_payer_subject_and_letterhead(void **state)
{
  (void)state;
  check("To whom it may concern:\n"
        "We confirm that Lena Ortiz has worked for Harbor Point Dental, LLC\n"
        "since March 2019.\n",
        "Lena Ortiz", "Harbor Point Dental, LLC");
  check("A QUIEN CORRESPONDA:\n"
        "Molinos del Sur, S.A. de C.V. hace constar que el C. RAUL PENA SOTO\n"
        "presta sus servicios en esta empresa desde 2015.\n",
        "RAUL PENA SOTO", "Molinos del Sur, S.A. de C.V.");
  check("Northgate Freight Systems Ltd.\n"
        "12 Quay Street, Wellington\n"
        "This is to certify that Aroha Tane is a permanent employee.\n",
        "Aroha Tane", "Northgate Freight Systems Ltd.");
  check("Northgate Freight Systems\n"
        "12 Quay Street, Wellington\n"
        "This is to certify that Aroha Tane is a permanent employee.\n",
        "Aroha Tane", NULL);
}

/* "of" and "the" join a company's words ("Bank of the West"); a legal
   form after a comma ("Shipping, Ltd.") is kept and ends the name;
   "Hacemos constar que la C. X" and "labora para X". */
static void test_persons_particles_and_forms(void **state)
{
  (void)state;
  check("This letter certifies that Lee Park is employed by Bank of the "
        "West since 2010.\n",
        "Lee Park", "Bank of the West");
  check("We confirm that Ryan Cole is employed by Harbor View Shipping, Ltd. "
        "as a pilot.\n",
        "Ryan Cole", "Harbor View Shipping, Ltd.");
  check("Hacemos constar que la C. Rosa Elena Villa labora para Hospital "
        "del Carmen\n"
        "desde el 1 de enero de 2015.\n",
        "Rosa Elena Villa", "Hospital del Carmen");
}

/* A person's name wrapped onto the next line of running text is read
   whole; "our company" is no payer. */
static void test_persons_wrapped_name(void **state)
{
  (void)state;
  check("Please accept this letter as confirmation. We certify that Daniela "
        "Sofia\n"
        "Castillo Reyes has worked for our company since 2017 as an "
        "accountant in\n"
        "the finance department and remains on staff full time in good "
        "standing.\n"
        "Sincerely, Human Resources\n",
        "Daniela Sofia Castillo Reyes", NULL);
}

/* Nothing of a letter: no person, no payer; lower-case words after a
   phrase are no name. */
static void test_persons_nobody(void **state)
{
  (void)state;
  check("lorem ipsum dolor sit amet\n", NULL, NULL);
  check("We certify that the attached statement is accurate and was issued "
        "by\n"
        "our office on request.\n",
        NULL, NULL);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_persons_labels_english),
      cmocka_unit_test(test_persons_labels_spanish),
      cmocka_unit_test(test_persons_label_over_value),
      cmocka_unit_test(test_persons_label_not_a_name),
      cmocka_unit_test(test_persons_certify_employed_by),
      cmocka_unit_test(test_persons_verification_benefit_from),
      cmocka_unit_test(test_persons_constancia),
      cmocka_unit_test(test_persons_por_medio_particles),
      cmocka_unit_test(test_persons_works_for),
      cmocka_unit_test(test_persons_payer_subject_and_letterhead),
      cmocka_unit_test(test_persons_particles_and_forms),
      cmocka_unit_test(test_persons_wrapped_name),
      cmocka_unit_test(test_persons_nobody),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
