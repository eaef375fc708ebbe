/*
 * corpus.c - writes samples/corpus/: single documents (not cases) of every
 * layout of samples/LAYOUTS.md, text-layer and scanned, each with
 * NAME.expected.xml holding the values the extract stage must read, taken
 * from the generator's own figures.  A scanned twin draws exactly the same
 * page as its text-layer original (same figures to the cent), rasterised
 * at 200-300 dpi with a mild tilt and noise and no blots.  The US status
 * documents (usstatus.c) come as text-layer PDFs and scans, the visa foil
 * as scans only.
 */
#include <cairo.h>
#include <glib.h>

#include <stdio.h>
#include <string.h>

#include "samplegen.h"

enum cd_what { CD_OLD, CD_X, CD_LETTER, CD_DEED, CD_OTHER, CD_US };

/* en-summary / es-resumen documents through the original builder. */
struct old_spec {
    enum layout layout;
    const char *currency, *number, *holder, *address, *product;
    int y, m;
    int64_t target;
};

struct x_spec {
    enum xlayout layout;
    const char *holder, *address, *account, *currency;
    int sy, sm, sd, ndays;
    int64_t opening, target;
    int allow_negative;
};

static const struct old_spec OLD[] = {
    {LAYOUT_EN, "USD", "002290417735", "KAREN ELIZABETH MOSS",
     "612 Birch Lane, Madison, WI 53703", "Premier Checking", 2026, 6, USD(21400)},
    {LAYOUT_EN, "USD", "008813024456", "THOMAS ALAN REED",
     "45 Old Mill Road, Asheville, NC 28801", "Everyday Checking", 2026, 9, USD(6830)},
    {LAYOUT_ES, "MXN", "0561238804", "RAÚL ERNESTO SANDOVAL PEÑA",
     "Av. Juárez 88, Col. Centro, C.P. 68000, Oaxaca, Oax.", "CUENTA MAESTRA", 2026, 4,
     MXN(186500)},
    {LAYOUT_ES, "USD", "0572219930", "ISABEL CRISTINA MORA LEAL",
     "Calle 5 de Mayo 19, Col. Centro, C.P. 22000, Tijuana, B.C.", "CUENTA DÓLARES", 2026, 10,
     USD(15250)},
};

static const struct x_spec XS[] = {
    {XL_EN_ACTIVITY, "JOHN MICHAEL DOE", "88 Harbor Road, Portland, ME 04101", "441722905561",
     "USD", 2026, 7, 1, 31, USD(12345) + 67, USD(13000), 0},
    {XL_EN_ACTIVITY, "EMILY ANNE CARTER", "17 Quarry Lane, Burlington, VT 05401", "441780031297",
     "USD", 2026, 9, 1, 30, USD(24410) + 5, USD(25600), 0},
    {XL_EN_ONLINE, "JOHN MICHAEL DOE", "1180 Bay Street, Toronto, ON M5S 2B4", "12345566",
     "CAD", 2026, 7, 16, 31, CAD_(4210), CAD_(4900), 0},
    {XL_EN_ONLINE, "NATHALIE ANNE TREMBLAY", "3420 Rue Sherbrooke O, Montréal, QC H3Z 1A9",
     "77019042", "CAD", 2026, 9, 16, 30, CAD_(18250) + 40, CAD_(17900), 0},
    {XL_ES_MOVIMIENTOS, "MARÍA JOSÉ PÉREZ GÓMEZ",
     "Calle Durango 214, Col. Roma Norte, C.P. 06700, Ciudad de México", "65501234567", "MXN",
     2026, 1, 1, 31, MXN(84250) + 10, MXN(91000), 0},
    {XL_ES_MOVIMIENTOS, "JORGE ÁLVAREZ OCHOA",
     "Blvd. Kukulcán Km 9, C.P. 77500, Cancún, Q. Roo", "65507788219", "MXN", 2026, 8, 1, 31,
     MXN(312400), MXN(305000), 0},
    {XL_ES_BANORTE, "JUAN CARLOS RAMÍREZ LÓPEZ",
     "Av. Constitución 1450, Col. Centro, C.P. 64000, Monterrey, N.L.", "0812345678", "MXN",
     2026, 1, 1, 31, MXN(1204500), MXN(1230000), 0},
    {XL_ES_BANORTE, "ROSA ELENA GARZA TREVIÑO",
     "Calle Zaragoza 310, Col. Centro, C.P. 25000, Saltillo, Coah.", "0834410092", "MXN",
     2026, 3, 1, 31, -(MXN(29536) + 44), MXN(12500), 1},
    {XL_ES_EURO, "MARÍA JOSÉ PÉREZ GÓMEZ", "Calle de Alcalá 120, 3.º B, 28009 Madrid",
     "ES91 2100 0418 4502 0005 1332", "EUR", 2026, 3, 1, 31, EUR_(12345) + 67, EUR_(13000), 0},
    {XL_ES_EURO, "CARMEN LUCÍA NAVARRO IBÁÑEZ", "Avinguda Diagonal 455, 08036 Barcelona",
     "ES76 0049 1500 0512 3456 7892", "EUR", 2026, 9, 1, 30, EUR_(8120) + 15, EUR_(8400), 0},
    {XL_ES_COLUMNAS, "LUCÍA FERNANDA ORTEGA VILLASEÑOR",
     "Av. Chapultepec Sur 284, Col. Americana, C.P. 44160, Guadalajara, Jal.", "0471229065",
     "MXN", 2026, 6, 1, 30, MXN(58230) + 45, MXN(61500), 0},
};

static const struct letter LETTERS[] = {
    {.kind = LK_EMPLOYER_MONTHLY, .person = "Daniel Robert Hayes",
     .payer = "Acme Logistics Inc.", .currency = "USD", .stated = USD(6950),
     .since_y = 2019, .since_m = 3, .date_y = 2026, .date_m = 11, .date_d = 2,
     .signer = "Margaret Olsen", .signer_title = "Director of Human Resources",
     .address = "3300 Industrial Parkway, Springfield, IL 62711 \xc2\xb7 (217) 555-0100",
     .he = 1},
    {.kind = LK_EMPLOYER_WEEKLY, .person = "Laura Beth Donovan",
     .payer = "Green Mountain Cabinetry Co.", .currency = "USD", .stated = USD(1480),
     .since_y = 2015, .since_m = 8, .date_y = 2026, .date_m = 10, .date_d = 28,
     .signer = "Paul Gendron", .signer_title = "Payroll Manager",
     .address = "12 Depot Street, Burlington, VT 05401 \xc2\xb7 (802) 555-0147", .he = 0},
    {.kind = LK_EMPLOYER_GROSS, .person = "Rebecca Lynn Sorensen",
     .payer = "Tallgrass Engineering LLC", .currency = "USD", .stated = USD(96000),
     .since_y = 2021, .since_m = 1, .date_y = 2026, .date_m = 11, .date_d = 5,
     .signer = "Dana Whitaker", .signer_title = "HR Generalist",
     .address = "800 Main Street, Suite 400, Kansas City, MO 64105", .he = 0},
    {.kind = LK_EMPLOYER_TABLE, .person = "Michael Thomas Brennan",
     .payer = "Lone Star Freight Partners", .currency = "USD", .nmonths = 6,
     .first_y = 2026, .first_m = 5,
     .month_amt = {USD(5820), USD(5820), USD(6105) + 50, USD(5820), USD(5912) + 25, USD(5820)},
     .since_y = 2017, .since_m = 6, .date_y = 2026, .date_m = 11, .date_d = 4,
     .signer = "Angela Ruiz", .signer_title = "Human Resources Manager",
     .address = "4100 E Ben White Blvd, Austin, TX 78741 \xc2\xb7 (512) 555-0111", .he = 1},
    {.kind = LK_PENSION, .person = "Thomas Alan Reed",
     .payer = "North Carolina Teachers' Retirement System", .currency = "USD",
     .stated = USD(2345), .nmonths = 6, .first_y = 2026, .first_m = 5,
     .month_amt = {USD(2345), USD(2345), USD(2345), USD(2345), USD(2345), USD(2345)},
     .date_y = 2026, .date_m = 11, .date_d = 6, .signer = "Benefits Services",
     .signer_title = "Retirement Systems Division",
     .address = "3200 Atlantic Avenue, Raleigh, NC 27604", .he = 1},
    {.kind = LK_ES_QUINCENAL, .person = "MARÍA JOSÉ PÉREZ GÓMEZ",
     .payer = "Comercializadora del Bajío, S.A. de C.V.", .currency = "MXN",
     .stated = MXN(22500), .since_y = 2018, .since_m = 2, .date_y = 2026, .date_m = 11,
     .date_d = 2, .signer = "LIC. ADRIANA SOTO HERRERA",
     .signer_title = "Gerente de Recursos Humanos",
     .address = "Blvd. Adolfo López Mateos 1800, León, Gto. \xc2\xb7 RFC CBA-050311-7K2",
     .he = 0},
    {.kind = LK_ES_CATORCENAL, .person = "FERNANDO IVÁN CASTILLO LOZANO",
     .payer = "Aceros Regiomontanos, S.A. de C.V.", .currency = "MXN",
     .stated = MXN(18731) + 40, .since_y = 2012, .since_m = 9, .date_y = 2026,
     .date_m = 10, .date_d = 30, .signer = "ING. RAMÓN TREVIÑO SALINAS",
     .signer_title = "Director de Personal",
     .address = "Av. Los Ángeles 300 Ote., San Nicolás de los Garza, N.L.", .he = 1},
    {.kind = LK_EMPLOYER_MONTHLY, .person = "Nathalie Anne Tremblay",
     .payer = "Maple Leaf Logistics Ltd.", .currency = "CAD", .stated = CAD_(7420) + 80,
     .since_y = 2020, .since_m = 4, .date_y = 2026, .date_m = 11, .date_d = 3,
     .signer = "Jean-François Roy", .signer_title = "People & Culture Lead",
     .address = "2 Bloor Street W, Toronto, ON M4W 3E2 \xc2\xb7 (416) 555-0123", .he = 0},
    /* Pay tables written by hand: gross - deductions = net on every row. */
    {.kind = LK_EMPLOYER_PAYTABLE, .person = "Owen Patrick Callahan",
     .payer = "Cedar Ridge Analytics, Inc.", .currency = "USD", .nmonths = 6,
     .first_y = 2026, .first_m = 5,
     .month_gross = {USD(7250), USD(7250), USD(7250), USD(8100), USD(7250), USD(7412) + 50},
     .month_ded = {USD(1784) + 35, USD(1784) + 35, USD(1784) + 35, USD(2061) + 90,
                   USD(1784) + 35, USD(1837) + 18},
     .month_amt = {USD(5465) + 65, USD(5465) + 65, USD(5465) + 65, USD(6038) + 10,
                   USD(5465) + 65, USD(5575) + 32},
     .since_y = 2020, .since_m = 9, .date_y = 2026, .date_m = 11, .date_d = 3,
     .signer = "Harriet Quinlan", .signer_title = "Payroll and Benefits Specialist",
     .address = "950 Foothill Drive, Boise, ID 83702 \xc2\xb7 (208) 555-0164", .he = 1},
    {.kind = LK_ES_PERCEPCIONES, .person = "ANDRÉS FELIPE MONTOYA RUIZ",
     .payer = "Agroindustrias Tierra Fértil, S.A. de C.V.", .currency = "MXN", .nmonths = 6,
     .first_y = 2026, .first_m = 3,
     .month_gross = {MXN(32800), MXN(32800), MXN(34150), MXN(32800), MXN(32800), MXN(35420)},
     .month_ded = {MXN(6912) + 47, MXN(6912) + 47, MXN(7298) + 61, MXN(6912) + 47,
                   MXN(6912) + 47, MXN(7667) + 23},
     .month_amt = {MXN(25887) + 53, MXN(25887) + 53, MXN(26851) + 39, MXN(25887) + 53,
                   MXN(25887) + 53, MXN(27752) + 77},
     .since_y = 2017, .since_m = 1, .date_y = 2026, .date_m = 9, .date_d = 4,
     .signer = "C.P. VERÓNICA ISLAS ZAZUETA", .signer_title = "Jefa de Nóminas",
     .address = "Carretera a Navolato Km 7.5, Culiacán, Sin. \xc2\xb7 RFC ATF-090522-3Q1",
     .he = 1},
};

static const struct deed DEEDS[] = {
    {.owner = "MARÍA JOSÉ PÉREZ GÓMEZ", .seller = "el señor ARTURO BENÍTEZ CAMPOS",
     .notary = "ROBERTO SALAZAR MEDINA", .notary_no = 12, .city = "Ciudad de México",
     .number = 45210, .y = 2026, .m = 3, .d = 12, .price = MXN(14500000),
     .price_words = MXN(14500000), .appraisal = MXN(14800000), .appraisal_words = MXN(14800000),
     .cadastral = MXN(9875340) + 50, .cadastral_words = MXN(9875340) + 50,
     .property = "la casa habitación marcada con el número 57 de la calle Amsterdam, "
                 "colonia Hipódromo, alcaldía Cuauhtémoc, Ciudad de México"},
    {.owner = "JOSÉ LUIS HERNÁNDEZ MUÑOZ", .seller = "la señora GABRIELA PONCE ARREOLA",
     .notary = "ELENA MARGARITA IBARRA CHÁVEZ", .notary_no = 101, .city = "Guadalajara, Jalisco",
     .number = 23877, .y = 2026, .m = 6, .d = 21, .price = MXN(14500000),
     .price_words = MXN(4500000), .appraisal = MXN(14650000), .appraisal_words = MXN(14650000),
     .property = "el departamento 1202 del condominio Torre Andares, avenida Patria 2085, "
                 "Zapopan, Jalisco"},
    {.investment = 1, .owner = "JORGE ÁLVAREZ OCHOA", .notary = "CARLOS ENRIQUE VEGA RIVERA",
     .notary_no = 4, .city = "Cancún, Quintana Roo", .number = 8734, .y = 2026, .m = 9,
     .d = 3, .capital = MXN(7000000), .capital_words = MXN(7000000), .shares = 7000,
     .company = "DESARROLLOS TURÍSTICOS DEL CARIBE, S.A. DE C.V."},
    {.owner = "ANA SOFÍA RAMÍREZ NÚÑEZ", .seller = "el señor HUGO ALBERTO CANTÚ ROJAS",
     .notary = "LUIS FELIPE ARCEO MANZANILLA", .notary_no = 61, .city = "Mérida, Yucatán",
     .number = 112541, .y = 2025, .m = 12, .d = 1, .price = MXN(3251721),
     .price_words = MXN(3251721), .cadastral = MXN(1980450), .cadastral_words = MXN(1980450),
     .property = "el predio urbano marcado con el número 455 de la calle 60, colonia "
                 "Centro, Mérida, Yucatán"},
};

static const enum other_kind OTHERS[] = {OK_COVER_ES, OK_COVER_EN, OK_CFE_BILL};

/* US immigration status documents (usstatus.c): invented people. */
static const struct us_person P_NGUYEN = {"NGUYEN", "THANH HA", 1988, 2, 19, 'F', "Vietnam", "VNM"};
static const struct us_person P_SCHMIDT = {"SCHMIDT", "JONAS", 1991, 5, 11, 'M', "Germany", "DEU"};
static const struct us_person P_PETROVA = {"PETROVA", "ELENA", 1987, 12, 3, 'F', "Ukraine", "UKR"};
static const struct us_person P_IYER = {"IYER", "ARJUN S", 1993, 9, 23, 'M', "India", "IND"};
static const struct us_person P_TANAKA_K = {"TANAKA", "KENJI", 1982, 1, 27, 'M', "Japan", "JPN"};
static const struct us_person P_OKONKWO = {"OKONKWO", "CHINEDU EMEKA", 1985, 11, 30, 'M',
                                           "Nigeria", "NGA"};
static const struct us_person P_HASSAN = {"HASSAN", "OMAR", 2001, 4, 14, 'M', "Egypt", "EGY"};
static const struct us_person P_CASTRO = {"CASTRO RUIZ", "VALENTINA", 1996, 8, 8, 'F',
                                          "Colombia", "COL"};
static const struct us_person P_LIN = {"LIN", "MEI LING", 1994, 3, 17, 'F', "China", "CHN"};
static const struct us_person P_KOWALSKA = {"KOWALSKA", "ANNA MARIA", 1979, 6, 21, 'F', "Poland",
                                            "POL"};
static const struct us_person P_GUPTA = {"GUPTA", "NEHA", 1992, 10, 2, 'F', "India", "IND"};
static const struct us_person P_SANTOS = {"SANTOS", "JOAO PEDRO", 1990, 7, 29, 'M', "Brazil",
                                          "BRA"};
static const struct us_person P_ABEBE = {"ABEBE", "MERON", 1989, 9, 11, 'F', "Ethiopia", "ETH"};
static const struct us_person P_TANAKA_Y = {"TANAKA", "YUKI", 1985, 5, 5, 'F', "Japan", "JPN"};
static const struct us_person P_PARK = {"PARK", "JIWOO", 1998, 12, 19, 'M', "Korea, South",
                                        "KOR"};

/* layout, who, class, from, until (0: D/S), petitioner or school, center, post */
static const struct us_spec US[] = {
    {USL_I797A_TEAROFF, &P_NGUYEN, "H1B", 2025, 10, 1, 2028, 9, 30, "BRIGHTPATH SOFTWARE INC",
     "WAC", NULL},
    {USL_I797A_TEAROFF, &P_SCHMIDT, "L1B", 2025, 3, 15, 2027, 3, 14,
     "NORDWIND LOGISTICS USA INC", "EAC", NULL},
    {USL_I797_BOXES, &P_PETROVA, "O1", 2025, 6, 1, 2028, 5, 31,
     "STARLIGHT STAGE PRODUCTIONS LLC", "LIN", "WARSAW"},
    {USL_I797_INLINE, &P_IYER, "H1B", 2024, 12, 1, 2027, 11, 30, "LONE STAR DATA SYSTEMS LLC",
     "SRC", NULL},
    {USL_I797_INLINE, &P_TANAKA_K, "L1A", 2023, 8, 1, 2026, 7, 31,
     "KAIZEN PRECISION AMERICA CORP", "WAC", NULL},
    {USL_I94_LINES, &P_OKONKWO, "H1B", 2025, 2, 9, 2027, 8, 31, NULL, NULL, NULL},
    {USL_I94_LINES, &P_HASSAN, "F1", 2024, 8, 18, 0, 0, 0, NULL, NULL, NULL},
    {USL_I94_TABLE, &P_CASTRO, "J1", 2025, 1, 6, 0, 0, 0, NULL, NULL, NULL},
    {USL_I94_TABLE, &P_LIN, "H4", 2026, 4, 22, 2027, 9, 30, NULL, NULL, NULL},
    {USL_I94_LINES, &P_KOWALSKA, "B2", 2026, 9, 2, 2027, 3, 1, NULL, NULL, NULL},
    {USL_EAD_CARD, &P_GUPTA, "C26", 2025, 3, 10, 2027, 9, 30, NULL, "IOE", NULL},
    {USL_EAD_CARD, &P_SANTOS, "C09", 2026, 2, 14, 2031, 2, 13, NULL, "MSC", NULL},
    {USL_EAD_COPY, &P_ABEBE, "C08", 2025, 6, 20, 2030, 6, 19, NULL, "LIN", NULL},
    {USL_EAD_COPY, &P_TANAKA_Y, "A17", 2024, 8, 1, 2026, 7, 31, NULL, "WAC", NULL},
    {USL_EAD_COPY, &P_PARK, "C03B", 2025, 7, 1, 2027, 6, 30, NULL, "IOE", NULL},
    {USL_VISA_FOIL, &P_OKONKWO, "H1B", 2024, 11, 20, 2027, 8, 31,
     "HARBORVIEW MEDICAL ANALYTICS INC", "WAC", "LAGOS"},
    {USL_VISA_FOIL, &P_HASSAN, "F1", 2024, 7, 2, 2025, 7, 1, "ARIZONA STATE UNIV", NULL,
     "CAIRO"},
    {USL_VISA_PAGE, &P_KOWALSKA, "B1/B2", 2019, 5, 14, 2029, 5, 13, NULL, NULL, "WARSAW"},
    {USL_VISA_PAGE, &P_TANAKA_K, "L1A", 2023, 9, 12, 2026, 7, 31,
     "KAIZEN PRECISION AMERICA CORP", "WAC", "TOKYO"},
    {USL_VISA_PAGE, &P_PETROVA, "O1", 2025, 7, 15, 2028, 5, 31,
     "STARLIGHT STAGE PRODUCTIONS LLC", "LIN", "WARSAW"},
};

/* Scan looks of the corpus: mild, readable, no blots. */
static const struct scan_spec LOOKS[] = {
    {.fmt = SCAN_PDF, .dpi_lo = 300, .dpi_hi = 300, .tilt_cdeg = 80, .noise = 3, .blur = 1,
     .quality = 60, .creator = "DocuScan 4.2 (300 dpi)"},
    {.fmt = SCAN_PDF, .dpi_lo = 240, .dpi_hi = 240, .tilt_cdeg = 60, .noise = 3, .blur = 1,
     .quality = 62, .creator = "HP Smart 148.2 Scan"},
    {.fmt = SCAN_JPEG, .dpi_lo = 220, .dpi_hi = 250, .tilt_cdeg = 120, .noise = 3,
     .blur = 1, .quality = 75, .photo = 1},
    {.fmt = SCAN_PNG, .dpi_lo = 200, .dpi_hi = 200, .tilt_cdeg = 90, .noise = 3, .blur = 1,
     .photo = 1},
    {.fmt = SCAN_TIFF, .dpi_lo = 300, .dpi_hi = 300, .tilt_cdeg = 80, .noise = 5, .blur = 1},
    /* an office copier's low-resolution black-and-white mode */
    {.fmt = SCAN_TIFF, .dpi_lo = 200, .dpi_hi = 200, .tilt_cdeg = 100, .noise = 6, .blur = 1},
    /* a phone photo a little further off and more compressed */
    {.fmt = SCAN_JPEG, .dpi_lo = 200, .dpi_hi = 220, .tilt_cdeg = 150, .noise = 3,
     .blur = 1, .quality = 58, .photo = 1},
    /* an office multifunction printer's 300 dpi PDF, more compressed */
    {.fmt = SCAN_PDF, .dpi_lo = 300, .dpi_hi = 300, .tilt_cdeg = 80, .noise = 2, .blur = 1,
     .quality = 50, .creator = "Canon MF Scan Utility 1.5 (300 dpi)"},
};
enum { L_NONE = -1, L_PDF300, L_PDF240, L_JPEG, L_PNG, L_TIFF, L_TIFF200, L_PHONE, L_MFP };

struct corpus_doc {
    const char *name; /* file name without extension */
    enum cd_what what;
    int index; /* into OLD, XS, LETTERS, DEEDS or OTHERS */
    int look;  /* L_NONE: text-layer PDF */
};

static const struct corpus_doc DOCS[] = {
    {"en-summary-01", CD_OLD, 0, L_NONE},
    {"en-summary-01-scan", CD_OLD, 0, L_PDF300},
    {"en-summary-02", CD_OLD, 1, L_NONE},
    {"es-resumen-01", CD_OLD, 2, L_NONE},
    {"es-resumen-01-foto", CD_OLD, 2, L_JPEG},
    {"es-resumen-02-usd", CD_OLD, 3, L_NONE},
    {"en-activity-01", CD_X, 0, L_NONE},
    {"en-activity-01-scan", CD_X, 0, L_PDF240},
    {"en-activity-02", CD_X, 1, L_NONE},
    {"en-online-01", CD_X, 2, L_NONE},
    {"en-online-01-app", CD_X, 2, L_PNG},
    {"en-online-02", CD_X, 3, L_NONE},
    {"en-online-02-scan", CD_X, 3, L_PDF300},
    {"es-movimientos-01", CD_X, 4, L_NONE},
    {"es-movimientos-01-escaneo", CD_X, 4, L_TIFF},
    {"es-movimientos-02", CD_X, 5, L_NONE},
    {"es-movimientos-02-foto", CD_X, 5, L_JPEG},
    {"es-banorte-01", CD_X, 6, L_NONE},
    {"es-banorte-01-escaneo", CD_X, 6, L_PDF300},
    {"es-banorte-02-negativo", CD_X, 7, L_NONE},
    {"es-banorte-02-negativo-app", CD_X, 7, L_PNG},
    {"es-euro-01", CD_X, 8, L_NONE},
    {"es-euro-01-foto", CD_X, 8, L_JPEG},
    {"es-euro-02", CD_X, 9, L_NONE},
    {"es-euro-02-escaneo", CD_X, 9, L_TIFF},
    {"letter-en-employer-monthly", CD_LETTER, 0, L_NONE},
    {"letter-en-employer-monthly-scan", CD_LETTER, 0, L_PDF300},
    {"letter-en-employer-weekly", CD_LETTER, 1, L_NONE},
    {"letter-en-employer-weekly-photo", CD_LETTER, 1, L_JPEG},
    {"letter-en-employer-gross", CD_LETTER, 2, L_NONE},
    {"letter-en-employer-gross-app", CD_LETTER, 2, L_PNG},
    {"letter-en-employer-table", CD_LETTER, 3, L_NONE},
    {"letter-en-employer-table-scan", CD_LETTER, 3, L_TIFF},
    {"letter-en-pension", CD_LETTER, 4, L_NONE},
    {"letter-en-pension-photo", CD_LETTER, 4, L_JPEG},
    {"letter-es-constancia-quincenal", CD_LETTER, 5, L_NONE},
    {"letter-es-constancia-quincenal-escaneo", CD_LETTER, 5, L_PDF240},
    {"letter-es-constancia-catorcenal", CD_LETTER, 6, L_NONE},
    {"letter-es-constancia-catorcenal-app", CD_LETTER, 6, L_PNG},
    {"letter-en-employer-cad", CD_LETTER, 7, L_NONE},
    {"deed-es-01", CD_DEED, 0, L_NONE},
    {"deed-es-01-escaneo", CD_DEED, 0, L_PDF300},
    {"deed-es-02-palabras-no-coinciden", CD_DEED, 1, L_NONE},
    {"deed-es-02-palabras-no-coinciden-escaneo", CD_DEED, 1, L_TIFF},
    {"investment-es-01", CD_DEED, 2, L_NONE},
    {"investment-es-01-escaneo", CD_DEED, 2, L_PDF240},
    {"deed-es-03-sin-avaluo", CD_DEED, 3, L_NONE},
    {"letter-es-carta-presentacion", CD_OTHER, 0, L_NONE},
    {"letter-en-cover", CD_OTHER, 1, L_NONE},
    {"unknown-es-recibo-cfe", CD_OTHER, 2, L_NONE},
    {"unknown-es-recibo-cfe-foto", CD_OTHER, 2, L_JPEG},
    {"letter-en-employer-paytable", CD_LETTER, 8, L_NONE},
    {"letter-en-employer-paytable-scan", CD_LETTER, 8, L_PDF240},
    {"letter-es-constancia-percepciones", CD_LETTER, 9, L_NONE},
    {"letter-es-constancia-percepciones-app", CD_LETTER, 9, L_PNG},
    {"es-columnas-01", CD_X, 10, L_NONE},
    {"es-columnas-01-foto", CD_X, 10, L_JPEG},
    {"us-i797a-01", CD_US, 0, L_NONE},
    {"us-i797a-01-scan", CD_US, 0, L_MFP},
    {"us-i797a-02", CD_US, 1, L_NONE},
    {"us-i797-03", CD_US, 2, L_NONE},
    {"us-i797-03-photo", CD_US, 2, L_PHONE},
    {"us-i797-04", CD_US, 3, L_NONE},
    {"us-i797-04-scan", CD_US, 3, L_TIFF200},
    {"us-i797-05-expired", CD_US, 4, L_NONE},
    {"us-i94-01", CD_US, 5, L_NONE},
    {"us-i94-01-app", CD_US, 5, L_PNG},
    {"us-i94-02-ds", CD_US, 6, L_NONE},
    {"us-i94-02-ds-photo", CD_US, 6, L_PHONE},
    {"us-i94-03-ds", CD_US, 7, L_NONE},
    {"us-i94-03-ds-scan", CD_US, 7, L_PDF240},
    {"us-i94-04", CD_US, 8, L_NONE},
    {"us-i94-04-scan", CD_US, 8, L_TIFF},
    {"us-i94-05", CD_US, 9, L_NONE},
    {"us-ead-01", CD_US, 10, L_NONE},
    {"us-ead-01-scan", CD_US, 10, L_MFP},
    {"us-ead-02", CD_US, 11, L_NONE},
    {"us-ead-02-photo", CD_US, 11, L_PHONE},
    {"us-ead-03", CD_US, 12, L_NONE},
    {"us-ead-03-scan", CD_US, 12, L_TIFF200},
    {"us-ead-04-expired", CD_US, 13, L_NONE},
    {"us-ead-05", CD_US, 14, L_NONE},
    {"us-visa-01-photo", CD_US, 15, L_PHONE},
    {"us-visa-02-scan", CD_US, 16, L_MFP},
    {"us-visa-03-photo", CD_US, 17, L_PHONE},
    {"us-visa-04-app", CD_US, 18, L_PNG},
    {"us-visa-05-scan", CD_US, 19, L_TIFF200},
};

static void stmt_page_fn(cairo_t *cr, const void *ctx, int page, int npages)
{
    draw_page(cr, ctx, page, npages);
}

static void field(GString *g, const char *name, const char *value)
{
    char *e = g_markup_escape_text(value, -1);
    g_string_append_printf(g, "  <field name=\"%s\">%s</field>\n", name, e);
    g_free(e);
}

static void field_cents(GString *g, const char *name, int64_t cents)
{
    char v[40];
    fmt_plain(v, sizeof v, cents);
    field(g, name, v);
}

static void field_date(GString *g, const char *name, int y, int m, int d)
{
    char v[16];
    snprintf(v, sizeof v, "%04d-%02d-%02d", y, m, d);
    field(g, name, v);
}

static const char *ext_of(int look)
{
    if (look == L_NONE)
        return "pdf";
    switch (LOOKS[look].fmt) {
    case SCAN_JPEG: return "jpg";
    case SCAN_PNG: return "png";
    case SCAN_TIFF: return "tif";
    default: return "pdf";
    }
}

/* Per-document totals, for the README comment and the report. */
struct corpus_tally {
    int docs, scanned, scanned_pages, by_kind[6][2][2]; /* kind, es?, scanned? */
};

static void gen_one(const char *dir, const struct corpus_doc *cd, struct corpus_tally *ta)
{
    char file[160], ym[16];
    char *path, *xml_path;
    GString *g = g_string_new(NULL);
    GString *fields = g_string_new(NULL);
    GString *notes = g_string_new(NULL);
    GByteArray *bytes;
    sg_draw_fn draw = NULL;
    const void *ctx = NULL;
    const char *kind = NULL, *lang = NULL, *layout = NULL, *creator = NULL;
    int npages = 1, kidx = 0;
    struct statement *st = g_new0(struct statement, 1);
    struct xstmt *xs = g_new0(struct xstmt, 1);
    struct us_doc *ud = g_new0(struct us_doc, 1);
    double page_w = A4_W, page_h = A4_H;

    snprintf(file, sizeof file, "%s.%s", cd->name, ext_of(cd->look));
    path = g_build_filename(dir, file, NULL);
    switch (cd->what) {
    case CD_OLD: {
        const struct old_spec *o = &OLD[cd->index];
        struct case_spec cs;
        struct account_spec as;
        uint64_t rng = seed_from("corpus", o->number, o->y, o->m);
        memset(&cs, 0, sizeof cs);
        memset(&as, 0, sizeof as);
        cs.id = cd->name;
        cs.holder = o->holder;
        cs.address = o->address;
        as.layout = o->layout;
        as.currency = o->currency;
        as.number = o->number;
        as.product = o->product;
        stmt_build(st, &cs, &as, o->y, o->m, o->target + rnd_range(&rng, -USD(900), USD(900)),
                   o->target, &rng);
        print_account(st->account_print, sizeof st->account_print, &as);
        make_clabe(st->clabe, sizeof st->clabe, as.number);
        npages = stmt_pages(st);
        draw = stmt_page_fn;
        ctx = st;
        kind = "bank-statement";
        lang = o->layout == LAYOUT_EN ? "en" : "es";
        layout = o->layout == LAYOUT_EN ? "en-summary" : "es-resumen";
        creator = o->layout == LAYOUT_EN ? "First Harbor Bank eStatements"
                                         : "Banco del Valle Estados de Cuenta";
        field(fields, "holder", o->holder);
        snprintf(ym, sizeof ym, "****%s", o->number + strlen(o->number) - 4);
        field(fields, "account", ym);
        field(fields, "currency", o->currency);
        field_date(fields, "periodStart", o->y, o->m, 1);
        field_date(fields, "periodEnd", o->y, o->m, st->ndays);
        field_cents(fields, "opening", st->opening);
        field_cents(fields, "closing", st->closing);
        field_cents(fields, "average", st->adb);
        field(fields, "averageComputed", "false");
        field_cents(fields, "credits", st->deposits);
        field_cents(fields, "debits", st->withdrawals);
        break;
    }
    case CD_X: {
        const struct x_spec *x = &XS[cd->index];
        uint64_t rng = seed_from("corpus", x->account, x->sy, x->sm);
        char masked[16];
        xs_build(xs, x->layout, x->holder, x->address, x->account, x->currency, x->sy, x->sm,
                 x->sd, x->ndays, x->opening, x->target, x->allow_negative, &rng);
        npages = xs_pages(xs);
        draw = xs_draw_page;
        ctx = xs;
        kind = "bank-statement";
        lang = xs_language(xs);
        layout = xs_layout_name(x->layout);
        creator = layout;
        field(fields, "holder", x->holder);
        xs_masked(xs, masked, sizeof masked);
        field(fields, "account", masked);
        field(fields, "currency", x->currency);
        field_date(fields, "periodStart", xs->sy, xs->sm, xs->sd);
        field_date(fields, "periodEnd", xs->ey, xs->em, xs->ed);
        field_cents(fields, "opening", xs->opening);
        field_cents(fields, "closing", xs->closing);
        if (xs_has_average(xs)) {
            field_cents(fields, "average", xs->adb);
            field(fields, "averageComputed", xs_prints_average(xs) ? "false" : "true");
        }
        if (xs_prints_totals(xs)) {
            field_cents(fields, "credits", xs_credits(xs));
            field_cents(fields, "debits", xs_debits(xs));
        }
        break;
    }
    case CD_LETTER: {
        const struct letter *l = &LETTERS[cd->index];
        npages = lt_pages(l);
        draw = lt_draw_page;
        ctx = l;
        kind = "income-letter";
        kidx = 1;
        lang = lt_language(l);
        layout = l->kind == LK_ES_PERCEPCIONES     ? "letter-es-percepciones"
                 : l->kind == LK_EMPLOYER_PAYTABLE ? "letter-en-paytable"
                 : strcmp(lang, "es") == 0         ? "letter-es-constancia"
                 : l->kind == LK_PENSION           ? "letter-en-pension"
                                                   : "letter-en-employer";
        creator = "Microsoft Word";
        field(fields, "person", l->person);
        field(fields, "payer", l->payer);
        field(fields, "currency", l->currency);
        field(fields, "net", lt_is_net(l) ? "true" : "false");
        field(fields, "grossOnly", lt_is_net(l) ? "false" : "true");
        field(fields, "frequency", lt_frequency(l));
        if (!lt_is_table(l))
            field_cents(fields, "stated", l->stated);
        if (lt_is_net(l) && !lt_is_table(l))
            field_cents(fields, "monthly", lt_monthly(l));
        {
            int my = l->first_y, mm = l->first_m;
            for (int i = 0; i < l->nmonths; i++, month_add(&my, &mm, 1)) {
                char v[48], a[32];
                fmt_plain(a, sizeof a, l->month_amt[i]);
                snprintf(v, sizeof v, "%04d-%02d=%s", my, mm, a);
                field(fields, "month", v);
            }
        }
        break;
    }
    case CD_DEED: {
        const struct deed *dd = &DEEDS[cd->index];
        npages = deed_pages(dd, NULL);
        draw = deed_draw_page;
        ctx = dd;
        kind = "deed";
        kidx = 2;
        lang = "es";
        layout = dd->investment ? "investment-es" : "deed-es";
        creator = "Notaría Digital 3.1";
        field(fields, "owner", dd->owner);
        field(fields, "notary", dd->notary);
        field_date(fields, "date", dd->y, dd->m, dd->d);
        field(fields, "investment", dd->investment ? "true" : "false");
        if (dd->price) {
            field_cents(fields, "price", dd->price);
            field(fields, "priceWordsAgree", dd->price == dd->price_words ? "true" : "false");
        }
        if (dd->appraisal) {
            field_cents(fields, "appraisal", dd->appraisal);
            field(fields, "appraisalWordsAgree",
                  dd->appraisal == dd->appraisal_words ? "true" : "false");
        }
        if (dd->cadastral)
            field_cents(fields, "cadastral", dd->cadastral);
        if (dd->investment) {
            field_cents(fields, "capital", dd->capital);
            field(fields, "capitalWordsAgree",
                  dd->capital == dd->capital_words ? "true" : "false");
        }
        break;
    }
    case CD_OTHER:
        draw = other_draw_page;
        ctx = &OTHERS[cd->index];
        kind = OTHERS[cd->index] == OK_CFE_BILL ? "unknown" : "letter";
        kidx = OTHERS[cd->index] == OK_CFE_BILL ? 4 : 3;
        lang = OTHERS[cd->index] == OK_COVER_EN ? "en" : "es";
        layout = OTHERS[cd->index] == OK_CFE_BILL ? "utility-bill" : "cover-letter";
        creator = "LibreOffice Writer";
        break;
    case CD_US: {
        const struct us_spec *sp = &US[cd->index];
        struct us_values v;
        char key[32];
        snprintf(key, sizeof key, "corpus-%d", cd->index);
        us_build(ud, sp, key);
        us_values(ud, &v);
        us_page_size(sp->layout, &page_w, &page_h);
        draw = us_draw_page;
        ctx = ud;
        kind = "us-status";
        kidx = 5;
        lang = "en";
        layout = us_layout_name(sp->layout);
        switch (us_form_of(sp->layout)) {
        case USF_I797: creator = "USCIS Online Account Notice"; break;
        case USF_I94: creator = "Skia/PDF m130"; break;
        case USF_EAD: creator = "Adobe Scan 24.10 (OCR)"; break;
        case USF_VISA:
            if (cd->look == L_NONE)
                die("a visa foil has no text layer", cd->name);
            break;
        }
        field(fields, "form", v.form);
        field(fields, "name", v.name);
        field(fields, "category", v.category);
        field(fields, "validFrom", v.valid_from);
        if (v.ds)
            field(fields, "durationOfStatus", "true");
        else
            field(fields, "validUntil", v.valid_until);
        field(fields, "number", v.number);
        if (v.post)
            field(fields, "post", v.post);
        break;
    }
    }

    if (cd->look == L_NONE) {
        bytes = render_pdf_sized(draw, ctx, npages, creator, NULL, "2026-11-05T09:00:00Z",
                                 page_w, page_h);
        write_file(path, bytes->data, bytes->len);
    } else {
        bytes = scan_encode_sized(draw, ctx, npages, &LOOKS[cd->look], LOOKS[cd->look].fmt,
                                  cd->name, path, notes, page_w, page_h);
        if (LOOKS[cd->look].fmt != SCAN_TIFF)
            write_file(path, bytes->data, bytes->len);
        ta->scanned++;
        ta->scanned_pages += npages;
    }
    ta->docs++;
    ta->by_kind[kidx][strcmp(lang, "es") == 0][cd->look != L_NONE]++;

    g_string_append(g, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    g_string_append_printf(g, "<!-- Labelled corpus document (samples/LAYOUTS.md, \"The "
                              "labelled corpus\"), values from solvency-samplegen's own "
                              "figures.");
    if (notes->len)
        g_string_append_printf(g, "\n     Scanned: %s", notes->str);
    g_string_append(g, " -->\n<expected-document");
    gs_attr(g, "file", file);
    gs_attr(g, "kind", kind);
    gs_attr(g, "language", lang);
    gs_attr(g, "text", cd->look == L_NONE ? "text-layer" : "ocr");
    gs_attr(g, "layout", layout);
    g_string_append_printf(g, " pages=\"%d\">\n", npages);
    g_string_append(g, fields->str);
    g_string_append(g, "</expected-document>\n");
    xml_path = g_strdup_printf("%s/%s.expected.xml", dir, cd->name);
    write_file(xml_path, g->str, g->len);

    g_byte_array_free(bytes, TRUE);
    g_free(xml_path);
    g_free(path);
    g_free(st);
    g_free(xs);
    g_free(ud);
    g_string_free(notes, TRUE);
    g_string_free(fields, TRUE);
    g_string_free(g, TRUE);
}

void corpus_generate(const char *outdir)
{
    char *dir = g_build_filename(outdir, "corpus", NULL);
    struct corpus_tally ta;
    static const char *const kinds[] = {"bank-statement", "income-letter", "deed", "letter",
                                        "unknown", "us-status"};
    memset(&ta, 0, sizeof ta);
    if (g_mkdir_with_parents(dir, 0755) != 0)
        die("cannot create folder", dir);
    for (size_t i = 0; i < NELEM(DOCS); i++)
        gen_one(dir, &DOCS[i], &ta);
    printf("corpus: %d documents, %d scanned (%d pages)\n", ta.docs, ta.scanned,
           ta.scanned_pages);
    for (int k = 0; k < 6; k++)
        printf("  %-15s en %d+%d  es %d+%d  (text-layer+scanned)\n", kinds[k],
               ta.by_kind[k][0][0], ta.by_kind[k][0][1], ta.by_kind[k][1][0],
               ta.by_kind[k][1][1]);
    if (ta.scanned_pages > 60)
        die("the corpus has more than 60 scanned pages", NULL);
    g_free(dir);
}
