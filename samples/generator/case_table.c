/*
 * case_table.c - the sample generator's tables: the cases (who, which
 * stays, which accounts and layouts, what outcome and why), how the
 * scanned ones are scanned, and the generator's own copy of the rules and
 * rates for the expected files.  Split from solvency-samplegen.c; see
 * samplegen.h.
 */
#include <glib.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "samplegen.h"

/* Properties of a case the generator verifies on its own figures, so a
   change in the PRNG or the table cannot silently defeat a case's purpose. */


const struct case_spec CASES[] = {
    {"c01-en-visitor-meets", "Daniel Robert Hayes", "DANIEL ROBERT HAYES",
     "1420 Lakeview Avenue, Springfield, IL 62704",
     {"visitor"}, 2026, 5, 6,
     {{LAYOUT_EN, "USD", "004417827890", NAME_ISO, NULL, USD(11000), USD(14000),
       0, 0, 0, 0, 0, 0, 0, "Premier Checking"}},
     1, 0, "meets",
     "Six English USD statements; mean well above 500 days of wage.", CHECK_FUTURE_RATE_FLIPS},
    {"c02-es-temporary-meets", "María José Pérez Gómez",
     "MARÍA JOSÉ PÉREZ GÓMEZ",
     "Calle Durango 214, Col. Roma Norte, Cuauhtémoc, C.P. 06700, Ciudad de México",
     {"temporary-resident"}, 2025, 11, 12,
     {{LAYOUT_ES, "MXN", "0123456789", NAME_ES_MONTH, NULL, MXN(7000000),
       MXN(7600000), 0, 0, 0, 0, 0, 0, 1, "CUENTA PATRIMONIAL"}},
     1, 0, "meets",
     "Twelve Spanish MXN statements, two pages each; mean above 20,000 days.", 0},
    {"c03-es-temporary-not-met", "José Luis Hernández Muñoz",
     "JOSÉ LUIS HERNÁNDEZ MUÑOZ",
     "Av. Vallarta 3040, Col. Vallarta Poniente, C.P. 44110, Guadalajara, Jal.",
     {"temporary-resident"}, 2025, 11, 12,
     {{LAYOUT_ES, "MXN", "0987654321", NAME_EDOCTA, NULL, MXN(1500000),
       MXN(2500000), 0, 0, 0, 0, 0, 0, 0, "CUENTA MAESTRA"}},
     1, 0, "not-met",
     "Twelve Spanish MXN statements, all months present, mean far below "
     "20,000 days.", 0},
    {"c04-en-missing-month", "Emily Anne Carter", "EMILY ANNE CARTER",
     "88 Harbor Road, Portland, ME 04101",
     {"visitor-10-years"}, 2025, 11, 12,
     {{LAYOUT_EN, "USD", "003150624418", NAME_EN_SPACES, NULL, USD(11500),
       USD(13500), 0, 0, 0, 2026, 3, 0, 0, "Everyday Checking"}},
     1, 0, "insufficient-evidence",
     "Eleven English USD statements; 2026-03 is missing from the 12-month "
     "window, so the savings test cannot be decided although the balances "
     "are high.", 0},
    {"c05-bad-files", "Ana Sofía Ramírez Núñez", "ANA SOFÍA RAMÍREZ NÚÑEZ",
     "Calle 60 No. 455, Col. Centro, C.P. 97000, Mérida, Yuc.",
     {"temporary-resident-family"}, 2026, 5, 6,
     {{LAYOUT_ES, "MXN", "0456001122", NAME_ES_SHORT, NULL, MXN(140000),
       MXN(160000), 0, 0, 0, 0, 0, 0, 0, "CUENTA MAESTRA"}},
     1, 1, "meets",
     "Six good Spanish MXN statements plus four unusable files (empty, "
     "truncated PDF, .docx, .txt) that must be reported and not stop the "
     "case.", 0},
    {"c06-two-accounts", "Jorge Álvarez Ochoa", "JORGE ÁLVAREZ OCHOA",
     "Blvd. Kukulcán Km 9, Zona Hotelera, C.P. 77500, Cancún, Q. Roo",
     {"temporary-resident-family"}, 2026, 5, 6,
     {{LAYOUT_ES, "MXN", "0711223344", NAME_SUB_ISO, "cuenta_cheques",
       MXN(57000), MXN(63000), 0, 0, 0, 0, 0, 0, 0, "CUENTA DE CHEQUES"},
      {LAYOUT_ES, "MXN", "0799887766", NAME_SUB_AHORRO, "cuenta_ahorro",
       MXN(57000), MXN(63000), 0, 0, 0, 0, 0, 0, 0, "CUENTA DE AHORRO"}},
     2, 0, "meets",
     "Two accounts of the applicant, each below 300 days of wage alone; the "
     "monthly sums pass.", CHECK_EACH_ALONE_FAILS},
    {"c07-month-below", "Michael Thomas Brennan", "MICHAEL THOMAS BRENNAN",
     "2210 Elm Street, Austin, TX 78705",
     {"visitor"}, 2026, 5, 6,
     {{LAYOUT_EN, "USD", "007731559021", NAME_STMT, NULL, USD(8750),
       USD(8850), 2026, 8, USD(8000), 0, 0, 0, 0, "Advantage Checking"}},
     1, 0, "meets",
     "Mean passes narrowly at the 2026-10-30 rate (and would fail at the "
     "older 17.9000 rate); 2026-08 alone is below the threshold and must be "
     "named as the lowest month.", CHECK_OLD_RATE_FLIPS | CHECK_FUTURE_RATE_FLIPS},
    {"c08-scanned-only", "Sarah Elizabeth Collins", "SARAH ELIZABETH COLLINS",
     "517 Pine Street, Seattle, WA 98101",
     {"visitor"}, 2026, 5, 6,
     {{LAYOUT_EN, "USD", "009914402276", NAME_SCAN, NULL, USD(10000),
       USD(12000), 0, 0, 0, 0, 0, 1, 0, "Premier Checking"}},
     1, 0, "meets",
     "Image-only PDFs (200 dpi gray scans, no text layer, no tilt); read by "
     "OCR the true figures below give meets.", 0},
    {"c09-no-manifest", NULL, "ROBERT JAMES WILSON",
     "3901 Ocean Drive, San Diego, CA 92109",
     {NULL}, 2026, 5, 6,
     {{LAYOUT_EN, "USD", "005528193344", NAME_EN_MON, NULL, USD(9500),
       USD(10500), 0, 0, 0, 0, 0, 0, 0, "Premier Checking"}},
     1, 0, "meets",
     "No case.xml: run with the as-of option set to 2026-11-15; the case id "
     "is the folder "
     "name, the applicant comes from the statements, every stay is "
     "evaluated.", CHECK_FUTURE_RATE_FLIPS},
    /* The scanned cases: how each is scanned is in SCANS below. */
    {"c10-scan-pdf-visitor", "Daniel Robert Hayes", "DANIEL ROBERT HAYES",
     "1420 Lakeview Avenue, Springfield, IL 62704",
     {"visitor"}, 2026, 5, 6,
     {{LAYOUT_EN, "USD", "004417827890", NAME_SCAN_EN, NULL, USD(11000), USD(14000),
       0, 0, 0, 0, 0, 1, 0, "Premier Checking"}},
     1, 0, "meets",
     "Scanned twin of c01-en-visitor-meets: the same six statements (same "
     "figures to the cent) as image-only PDFs, 300 dpi gray JPEG pages, tilted "
     "up to 1.2 degrees, slight blur and noise.", CHECK_FUTURE_RATE_FLIPS},
    {"c11-scan-photos-es", "Lucía Fernanda Ortega Ríos",
     "LUCÍA FERNANDA ORTEGA RÍOS",
     "Av. Revolución 1280, Col. Tlacopac, Álvaro Obregón, C.P. 01040, Ciudad de México",
     {"temporary-resident-family"}, 2026, 5, 6,
     {{LAYOUT_ES, "MXN", "0634551870", NAME_PHOTO, NULL, MXN(105000),
       MXN(125000), 0, 0, 0, 0, 0, 1, 0, "CUENTA MAESTRA"}},
     1, 0, "meets",
     "Six Spanish MXN statements taken with a phone, 150-200 dpi on the "
     "page, blurred, tilted up to 3 degrees: four JPEG photos (the table "
     "around the page, uneven light) and two PNG from a scanner app "
     "(cropped to the page, background whitened); mean above 300 days.", 0},
    {"c12-scan-tiff", "Fernando Iván Castillo Lozano",
     "FERNANDO IVÁN CASTILLO LOZANO",
     "Calle Hidalgo 512 Pte., Col. Centro, C.P. 64000, Monterrey, N.L.",
     {"temporary-resident-family"}, 2026, 5, 6,
     {{LAYOUT_ES, "MXN", "0582903316", NAME_TIFF, NULL, MXN(78000),
       MXN(88000), 0, 0, 0, 0, 0, 1, 1, "CUENTA PATRIMONIAL"}},
     1, 0, "not-met",
     "Six two-page Spanish MXN statements, one multi-page TIFF each (300 dpi, "
     "1 bit, G4, as a document scanner writes them); page 1 of the 2026-08 "
     "statement (the one with the Saldo Promedio) is upside down. All months "
     "present, mean about 13 % below 300 days: not-met.", 0},
    {"c13-scan-damaged-figure", "Laura Beth Donovan", "LAURA BETH DONOVAN",
     "73 Chestnut Hill Road, Burlington, VT 05401",
     {"visitor"}, 2026, 5, 6,
     {{LAYOUT_EN, "USD", "006620418853", NAME_SCAN_STMT, NULL, USD(8540),
       USD(8590), 2026, 7, USD(8561) + 37, 0, 0, 1, 0, "Advantage Checking"}},
     1, 0, "needs-review",
     "Image-only PDFs like c10 (240 dpi). On page 1 of scanned/statement_202607.pdf "
     "an ink blot hides the hundreds digit of the Average Daily Balance "
     "(the deciding figure of 2026-07). Without that month the "
     "window is incomplete (insufficient-evidence); the mean is so close to "
     "500 days that the hidden digit decides meets or not-met (see the list "
     "below), so the only right answer is needs-review. The day-weighted "
     "average of the running balances is not a printed figure and must not "
     "stand in for it.", CHECK_BLOT_FLIPS},
    /* Issue 4: the holder printed surname first, without accents. */
    {"c22-names-reordered", "María José Pérez Gómez", "PEREZ GOMEZ MARIA JOSE",
     "Calle Durango 214, Col. Roma Norte, Cuauhtémoc, C.P. 06700, Ciudad de México",
     {"temporary-resident-family"}, 2026, 5, 6,
     {{LAYOUT_ES, "MXN", "0345127788", NAME_EDOCTA, NULL, MXN(105000),
       MXN(125000), 0, 0, 0, 0, 0, 0, 0, "CUENTA MAESTRA"}},
     1, 0, "meets",
     "Six es-resumen MXN statements whose holder is printed PEREZ GOMEZ MARIA JOSE "
     "(surnames first, no accents) while case.xml says María José Pérez Gómez: the same "
     "person, so they count; mean above 300 days of wage.", 0},
};



static const struct scan_spec SCANS[] = {
    {.case_id = "c10-scan-pdf-visitor", .twin_of = "c01-en-visitor-meets",
     .fmt = SCAN_PDF, .dpi_lo = 300, .dpi_hi = 300, .tilt_cdeg = 120,
     .noise = 3, .blur = 1, .quality = 60, .creator = "DocuScan 4.2 (300 dpi)"},
    {.case_id = "c11-scan-photos-es", .fmt = SCAN_JPEG,
     .png_ym = {202606, 202609}, .dpi_lo = 150, .dpi_hi = 200, .tilt_cdeg = 300,
     .noise = 3, .blur = 1, .quality = 70, .photo = 1, .exif_ym = 202608},
    {.case_id = "c12-scan-tiff", .fmt = SCAN_TIFF, .dpi_lo = 300, .dpi_hi = 300,
     .tilt_cdeg = 150, .noise = 6, .blur = 1, .flip_ym = 202608, .flip_page = 1},
    {.case_id = "c13-scan-damaged-figure", .fmt = SCAN_PDF, .dpi_lo = 240,
     .dpi_hi = 240, .tilt_cdeg = 100, .noise = 3, .blur = 1, .quality = 62,
     .blot_ym = 202607, .creator = "HP Smart 148.2 Scan"},
};

const struct scan_spec *scan_for(const char *case_id)
{
    for (size_t i = 0; i < sizeof SCANS / sizeof SCANS[0]; i++)
        if (strcmp(SCANS[i].case_id, case_id) == 0)
            return &SCANS[i];
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Rules and rates (the generator's own copy, for the expected files)   */
/* ------------------------------------------------------------------ */


const struct stay_rule STAYS[] = {
    {"visitor", 500, 6},
    {"visitor-study", 300, 6},
    {"visitor-10-years", 500, 12},
    {"temporary-resident", 20000, 12},
    {"temporary-resident-invited", 10000, 12},
    {"temporary-resident-family", 300, 6},
    {"temporary-student", 20000, 12},
    {"temporary-student-family", 300, 6},
    {"permanent-resident", 25000, 12},
    {"permanent-resident-family", 300, 6},
};
const size_t N_STAYS = sizeof STAYS / sizeof STAYS[0];


const struct rate RATES[] = {
    {"USD", "2026-06-30", 179000, "older rate: superseded by 2026-10-30"},
    {"USD", "2026-10-30", 184210, "the rate in force on 2026-11-15"},
    {"USD", "2026-11-20", 60000,
     "dated after asOf 2026-11-15: must be ignored (far below any recent rate on purpose, yet plausible enough to load)"},
    {"EUR", "2026-10-30", 213350, NULL},
    {"CAD", "2026-10-30", 132150, NULL},
};

int64_t rate_for(const char *currency)
{
    const struct rate *best = NULL;
    if (strcmp(currency, "MXN") == 0)
        return 10000;
    for (size_t i = 0; i < sizeof RATES / sizeof RATES[0]; i++) {
        if (strcmp(RATES[i].currency, currency) != 0 ||
            strcmp(RATES[i].date, AS_OF) > 0)
            continue;
        if (!best || strcmp(RATES[i].date, best->date) > 0)
            best = &RATES[i];
    }
    if (!best)
        die("no rate for", currency);
    return best->mxn_e4;
}


const size_t N_CASES = sizeof CASES / sizeof CASES[0];
const size_t N_RATES = sizeof RATES / sizeof RATES[0];
