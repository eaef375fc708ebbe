/*
 * test_usstatus.c - tests of the US status-document reader
 * (stages/readers/usstatus.c): I-797 notices, I-94 records, EAD cards and
 * visa foils written as the forms print them, in the layouts they come in
 * (labels above boxed values, "Label: value" lines, label and value in
 * two columns), run through classify and extract.  Expected values are
 * read off the texts by hand; the MRZ check digits were worked out by
 * hand with ICAO 9303's weights 7-3-1.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "stages/readers/reader_fixture.h"
#include "readers/mrz.h"
#include "readers/usstatus.h"

/* Returns owned: text classified and extracted; it must read as a status
   document of form `form`. */
static struct sv_doc *status_doc(const char *text, enum sv_us_form form)
{
  struct sv_doc *doc = fx_extract_text(text);
  assert_int_equal(doc->kind, SV_KIND_US_STATUS);
  assert_non_null(doc->us);
  assert_int_equal(doc->us->form, form);
  return doc;
}

/* I-797A as USCIS prints it: boxes with the label above the value, three
   to a row; class and validity in the body; a tear-off I-94 below. */
static const char i797_boxes[] =
    "THE UNITED STATES OF AMERICA\n"
    "Department of Homeland Security\n"
    "U.S. Citizenship and Immigration Services      I-797A, Notice of Action\n"
    "\n"
    "Receipt Number           Case Type\n"
    "WAC2512345678            I129 - PETITION FOR A NONIMMIGRANT WORKER\n"
    "Received Date            Priority Date            Petitioner\n"
    "03/15/2024                                        ACME ANALYTICS LLC\n"
    "Notice Date              Page                     Beneficiary\n"
    "05/20/2024               1 of 1                   RAMAN, PRIYA\n"
    "\n"
    "Notice Type:   Approval Notice\n"
    "Class:   H1B\n"
    "Valid from 10/01/2024 to 09/30/2027\n"
    "\n"
    "The above petition and change of status have been approved.\n"
    "\n"
    "Departure Record\n"
    "I-94 Number   12345678901     Name   RAMAN, PRIYA\n";

static void test_i797_boxes(void **state)
{
  (void)state;
  struct sv_doc *doc = status_doc(i797_boxes, SV_US_FORM_I797);
  const struct sv_us_doc *u = doc->us;
  assert_string_equal(u->name, "PRIYA RAMAN");
  assert_string_equal(u->category, "H-1B");
  assert_string_equal(u->category_printed, "H1B");
  fx_assert_date(&u->valid_from, 2024, 10, 1);
  fx_assert_date(&u->valid_until, 2027, 9, 30);
  assert_string_equal(u->number, "****5678");
  assert_null(u->doubt);
  assert_int_equal(u->page, 1);
  sv_doc_free(&doc);
}

/* Another printer: "Label: value" lines in other words. */
static const char i797_inline[] =
    "FORM I-797, NOTICE OF ACTION\n"
    "Department of Homeland Security\n"
    "Receipt No.: EAC-25-123-45678\n"
    "Beneficiary: Okafor, Chinedu Emeka\n"
    "Classification: L-1A\n"
    "Validity Dates: From 01/15/2025 To 01/14/2028\n"
    "Approval Notice\n";

static void test_i797_inline(void **state)
{
  (void)state;
  struct sv_doc *doc = status_doc(i797_inline, SV_US_FORM_I797);
  const struct sv_us_doc *u = doc->us;
  assert_string_equal(u->name, "Chinedu Emeka Okafor");
  assert_string_equal(u->category, "L-1A");
  fx_assert_date(&u->valid_from, 2025, 1, 15);
  fx_assert_date(&u->valid_until, 2028, 1, 14);
  assert_string_equal(u->number, "****5678");
  sv_doc_free(&doc);
}

/* The CBP website's "Most Recent I-94" printout. */
static const char i94_printout[] =
    "Most Recent I-94\n"
    "Admission (I-94) Record Number: 123456789A1\n"
    "Most Recent Date of Entry: 2024 March 15\n"
    "Class of Admission: H1B\n"
    "Admit Until Date: 09/30/2027\n"
    "Details provided on the I-94 Information form:\n"
    "Last/Surname: RAMAN\n"
    "First (Given) Name: PRIYA\n"
    "Birth Date: 1990 July 04\n"
    "Passport Number: Z1234567\n"
    "Country of Issuance: India\n";

static void test_i94_printout(void **state)
{
  (void)state;
  struct sv_doc *doc = status_doc(i94_printout, SV_US_FORM_I94);
  const struct sv_us_doc *u = doc->us;
  assert_string_equal(u->name, "PRIYA RAMAN");
  assert_string_equal(u->category, "H-1B");
  fx_assert_date(&u->valid_from, 2024, 3, 15);
  fx_assert_date(&u->valid_until, 2027, 9, 30);
  assert_false(u->duration_of_status);
  assert_string_equal(u->number, "****89A1");
  sv_doc_free(&doc);
}

/* A student's I-94 in two columns: admitted for duration of status. */
static const char i94_ds[] =
    "I-94 Arrival/Departure Record\n"
    "Admission Record Number          987654321B2\n"
    "Date of Entry                    August 20, 2025\n"
    "Class of Admission               F1\n"
    "Admit Until Date                 D/S\n"
    "Last Name                        NGUYEN\n"
    "First Name                       THI LAN\n";

static void test_i94_duration_of_status(void **state)
{
  (void)state;
  struct sv_doc *doc = status_doc(i94_ds, SV_US_FORM_I94);
  const struct sv_us_doc *u = doc->us;
  assert_string_equal(u->name, "THI LAN NGUYEN");
  assert_string_equal(u->category, "F-1");
  fx_assert_date(&u->valid_from, 2025, 8, 20);
  assert_false(g_date_valid(&u->valid_until));
  assert_true(u->duration_of_status);
  assert_string_equal(u->number, "****21B2");
  sv_doc_free(&doc);
  /* as OCR reads it */
  char *t = fx_replaced(i94_ds, "D/S", "D/5");
  doc = status_doc(t, SV_US_FORM_I94);
  assert_true(doc->us->duration_of_status);
  sv_doc_free(&doc);
  g_free(t);
  /* a word that only starts like it is not D/S */
  t = fx_replaced(i94_ds, "D/S", "DSX");
  doc = status_doc(t, SV_US_FORM_I94);
  assert_false(doc->us->duration_of_status);
  sv_doc_free(&doc);
  g_free(t);
}

/* An EAD card enlarged on a page: labels above values. */
static const char ead_card[] =
    "UNITED STATES OF AMERICA\n"
    "EMPLOYMENT AUTHORIZATION CARD\n"
    "Surname\n"
    "RAMAN\n"
    "Given Name\n"
    "ANIL\n"
    "USCIS#             Category        Card#\n"
    "123-456-789        (c)(26)         SRC2512345678\n"
    "Country of Birth\n"
    "India\n"
    "Terms and Conditions\n"
    "None\n"
    "Date of Birth      Sex\n"
    "11 FEB 1988        M\n"
    "Valid From:        01/15/2025\n"
    "Card Expires:      01/14/2027\n"
    "NOT VALID FOR REENTRY TO U.S.\n";

static void test_ead_card(void **state)
{
  (void)state;
  struct sv_doc *doc = status_doc(ead_card, SV_US_FORM_EAD);
  const struct sv_us_doc *u = doc->us;
  assert_string_equal(u->name, "ANIL RAMAN");
  assert_string_equal(u->category, "C26");
  assert_string_equal(u->number, "****6789");
  fx_assert_date(&u->valid_from, 2025, 1, 15);
  fx_assert_date(&u->valid_until, 2027, 1, 14);
  sv_doc_free(&doc);
}

/* A visa foil: labels above values, dates DDMONYYYY, the two MRZ lines
   (check digits: 900704 -> 6, 270114 -> 9). */
static const char visa_foil[] =
    "UNITED STATES OF AMERICA                          VISA\n"
    "Issuing Post Name             Control Number\n"
    "MUMBAI                        20241234567890\n"
    "Surname\n"
    "RAMAN\n"
    "Given Name\n"
    "PRIYA\n"
    "Visa Type/Class     Passport Number     Sex     Birth Date\n"
    "R H1B               Z1234567            F       04JUL1990\n"
    "Nationality     Entries     Issue Date      Expiration Date\n"
    "IND             M           15JAN2024       14JAN2027\n"
    "Annotation\n"
    "PETITION RECEIPT# WAC2512345678 PTD 09/30/2027\n"
    "VNUSARAMAN<<PRIYA<<<<<<<<<<<<<<<<<<<<<<<<<<<\n"
    "Z1234567<1IND9007046F2701149H1BWAC2512345<<<\n";

static void test_visa_foil(void **state)
{
  (void)state;
  struct sv_doc *doc = status_doc(visa_foil, SV_US_FORM_VISA);
  const struct sv_us_doc *u = doc->us;
  assert_string_equal(u->name, "PRIYA RAMAN");
  assert_string_equal(u->category, "H-1B");
  assert_string_equal(u->category_printed, "R H1B");
  assert_string_equal(u->post, "MUMBAI");
  assert_string_equal(u->number, "****7890");
  fx_assert_date(&u->valid_from, 2024, 1, 15);
  fx_assert_date(&u->valid_until, 2027, 1, 14);
  assert_true(u->mrz);
  assert_true(u->mrz_agrees);
  assert_null(u->doubt);
  sv_doc_free(&doc);
}

/* The printed expiry differs from the zone's (checked) one: doubt. */
static void test_visa_foil_mrz_disagrees(void **state)
{
  (void)state;
  char *text = fx_replaced(visa_foil, "14JAN2027", "14JAN2029");
  struct sv_doc *doc = status_doc(text, SV_US_FORM_VISA);
  assert_true(doc->us->mrz);
  assert_false(doc->us->mrz_agrees);
  assert_non_null(doc->us->doubt);
  assert_non_null(strstr(doc->us->doubt, "2027-01-14"));
  sv_doc_free(&doc);
  g_free(text);

  /* another person's printed name */
  text = fx_replaced(visa_foil, "Surname\nRAMAN", "Surname\nKOWALSKI");
  doc = status_doc(text, SV_US_FORM_VISA);
  assert_false(doc->us->mrz_agrees);
  assert_non_null(strstr(doc->us->doubt, "PRIYA KOWALSKI"));
  sv_doc_free(&doc);
  g_free(text);

  /* an OCR slip in the zone's name (no check digit there) is no doubt */
  text = fx_replaced(visa_foil, "VNUSARAMAN<<PRIYA<", "VNUSARAMAN<<PRIVA<");
  doc = status_doc(text, SV_US_FORM_VISA);
  assert_true(doc->us->mrz_agrees);
  assert_null(doc->us->doubt);
  sv_doc_free(&doc);
  g_free(text);

  /* an unreadable printed expiry: the zone's, its check digit holding */
  text = fx_replaced(visa_foil, "14JAN2027", "14J#N2O27");
  doc = status_doc(text, SV_US_FORM_VISA);
  fx_assert_date(&doc->us->valid_until, 2027, 1, 14);
  assert_true(doc->us->mrz_agrees);
  sv_doc_free(&doc);
  g_free(text);

  /* a check digit that fails: the zone is not read */
  text = fx_replaced(visa_foil, "2701149", "2701148");
  doc = status_doc(text, SV_US_FORM_VISA);
  assert_false(doc->us->mrz);
  sv_doc_free(&doc);
  g_free(text);
}

/* What OCR makes of the labels and classes: "Vahd From", "(1-94)",
   "Fl", "H-18", "CO09". */
static void test_ocr_slips(void **state)
{
  (void)state;
  char *t = fx_replaced(i94_printout, "Admission (I-94)", "Admission (1-94)");
  char *t2 = fx_replaced(t, "Class of Admission: H1B",
                         "Class of Admission: H-18");
  struct sv_doc *doc = status_doc(t2, SV_US_FORM_I94);
  assert_string_equal(doc->us->number, "****89A1");
  assert_string_equal(doc->us->category, "H-1B");
  sv_doc_free(&doc);
  g_free(t);
  g_free(t2);

  t = fx_replaced(ead_card, "Valid From:", "Vahd From:");
  t2 = fx_replaced(t, "(c)(26)", "CO09   ");
  doc = status_doc(t2, SV_US_FORM_EAD);
  fx_assert_date(&doc->us->valid_from, 2025, 1, 15);
  assert_string_equal(doc->us->category, "C09");
  sv_doc_free(&doc);
  g_free(t);
  g_free(t2);
}

/* One file holding several forms (a client's scan of an I-797, its back,
   an I-94 and a visa): one reading per form, in page order, each from its
   own pages. */
static void test_several_forms_in_one_file(void **state)
{
  (void)state;
  const char *pages[] = {i797_inline,
                         "Please see the additional information on the "
                         "back.\nUSCIS Contact Center\n",
                         i94_printout, visa_foil, NULL};
  struct sv_doc *doc = fx_statement_doc(pages);
  fx_run_stages(doc);
  assert_int_equal(doc->kind, SV_KIND_US_STATUS);
  const struct sv_us_doc *u = doc->us;
  assert_non_null(u);
  assert_int_equal(u->form, SV_US_FORM_I797);
  assert_string_equal(u->category, "L-1A");
  assert_string_equal(u->name, "Chinedu Emeka Okafor");
  assert_int_equal(u->page, 1);
  u = u->next;
  assert_non_null(u);
  assert_int_equal(u->form, SV_US_FORM_I94);
  assert_string_equal(u->name, "PRIYA RAMAN");
  fx_assert_date(&u->valid_until, 2027, 9, 30);
  assert_int_equal(u->page, 3);
  u = u->next;
  assert_non_null(u);
  assert_int_equal(u->form, SV_US_FORM_VISA);
  assert_string_equal(u->post, "MUMBAI");
  assert_int_equal(u->page, 4);
  assert_null(u->next);
  sv_doc_free(&doc);
}

/* An employer letter about a visa is not a status document. */
static void test_letter_is_not_status(void **state)
{
  (void)state;
  struct sv_doc *doc = fx_extract_text(
      "ACME ANALYTICS LLC\n"
      "To whom it may concern:\n"
      "This letter confirms that Priya Raman is employed as a Data "
      "Scientist\n"
      "in H-1B status with employment authorization through 09/30/2027.\n"
      "Her monthly net salary is USD 9,100.00.\n"
      "Sincerely,\n");
  assert_int_not_equal(doc->kind, SV_KIND_US_STATUS);
  assert_null(doc->us);
  sv_doc_free(&doc);
}

/* Dates as the forms print them. */
static void test_dates(void **state)
{
  (void)state;
  GDate d;
  assert_true(sv_usstatus_date("09/30/2027", 0, &d));
  fx_assert_date(&d, 2027, 9, 30);
  assert_true(sv_usstatus_date("2024 March 15", 0, &d));
  fx_assert_date(&d, 2024, 3, 15);
  assert_true(sv_usstatus_date("15JAN2024", 0, &d));
  fx_assert_date(&d, 2024, 1, 15);
  assert_true(sv_usstatus_date("04 JUL 1990", 0, &d));
  fx_assert_date(&d, 1990, 7, 4);
  assert_true(sv_usstatus_date("January 15, 2025", 0, &d));
  fx_assert_date(&d, 2025, 1, 15);
  assert_true(sv_usstatus_date("2025-01-15", 0, &d));
  fx_assert_date(&d, 2025, 1, 15);
  assert_true(sv_usstatus_date("From 10/01/2024 To 09/30/2027", 1, &d));
  fx_assert_date(&d, 2027, 9, 30);
  assert_false(sv_usstatus_date("From 10/01/2024", 1, &d));
  assert_false(sv_usstatus_date("02/30/2027", 0, &d)); /* no such day */
  assert_false(sv_usstatus_date("D/S", 0, &d));
  assert_false(sv_usstatus_date("123456789A1", 0, &d));
}

static void test_mrz_check(void **state)
{
  (void)state;
  assert_int_equal(sv_mrz_check("900704", 6), 6);
  assert_int_equal(sv_mrz_check("270114", 6), 9);
  assert_int_equal(sv_mrz_check("Z1234567<", 9), 1);
  assert_int_equal(sv_mrz_check("12a", 3), -1);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_i797_boxes),
      cmocka_unit_test(test_i797_inline),
      cmocka_unit_test(test_ocr_slips),
      cmocka_unit_test(test_i94_printout),
      cmocka_unit_test(test_i94_duration_of_status),
      cmocka_unit_test(test_ead_card),
      cmocka_unit_test(test_visa_foil),
      cmocka_unit_test(test_visa_foil_mrz_disagrees),
      cmocka_unit_test(test_several_forms_in_one_file),
      cmocka_unit_test(test_letter_is_not_status),
      cmocka_unit_test(test_dates),
      cmocka_unit_test(test_mrz_check),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
