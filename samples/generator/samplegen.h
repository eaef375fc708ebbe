/*
 * samplegen.h - what the parts of solvency-samplegen share.
 *
 * solvency-samplegen.c holds the original cases c01-c13 (layouts en-summary
 * and es-resumen), the PRNG, money formatting, the drawing primitives, the
 * scanner simulation and the savings evaluation; layouts.c the issue-4
 * statement layouts; letters.c income letters, deeds and other letters;
 * cases_more.c the cases c14-c22; cases_rules.c the cases c23-c26 (rules
 * of the date: rulesets, UMA, dependents, policy every-month, each case
 * expected under several runs); usstatus.c the US immigration status
 * documents (I-797, I-94, EAD, visa foil); cases_usvisa.c the cases
 * c27-c34 (US visa at the border posts); corpus.c the labelled corpus.  Not a
 * library: every declaration here serves the one generator binary.
 */
#ifndef SAMPLEGEN_H
#define SAMPLEGEN_H

#include <cairo.h>
#include <glib.h>
#include <leptonica/allheaders.h>

#include <stddef.h>
#include <stdint.h>

#define AS_OF_Y 2026
#define AS_OF_M 11
#define AS_OF_D 15
#define AS_OF "2026-11-15"
#define WAGE_CENTS 31504 /* 315.04 MXN, CDMX general minimum wage 2026 */
#define A4_W 595.28
#define A4_H 841.89
#define MAX_TX 64
#define MAX_ACCTS 2
#define MAX_STAYS 4
#define CHECK_OLD_RATE_FLIPS 1u    /* 17.9000 (2026-06-30): no longer meets */
#define CHECK_FUTURE_RATE_FLIPS 2u /* 6.0000 (2026-11-20): no longer meets */
#define CHECK_EACH_ALONE_FAILS 4u  /* no single account meets on its own */
#define CHECK_BLOT_FLIPS 8u        /* the blotted digit decides meets/not-met */
#define USD(x) ((int64_t)(x) * 100)
#define MXN(x) ((int64_t)(x) * 100)
#define CAD_(x) ((int64_t)(x) * 100)
#define EUR_(x) ((int64_t)(x) * 100)
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define X_LEFT 50.0
#define X_RIGHT 545.0
#define ROW_H 13.0
#define TABLE_BOTTOM 770.0

enum layout { LAYOUT_EN, LAYOUT_ES };

enum name_style {
    NAME_ISO,        /* statements/2026-05.pdf */
    NAME_ES_MONTH,   /* estados/estado_cuenta_noviembre_2025.pdf */
    NAME_EDOCTA,     /* EdoCta_6789_202511.pdf */
    NAME_EN_SPACES,  /* documents/Statement 2025-11.pdf */
    NAME_ES_SHORT,   /* estado_cuenta_mayo.pdf */
    NAME_SUB_ISO,    /* <prefix>/2026-05.pdf */
    NAME_SUB_AHORRO, /* <prefix>/ahorro_mayo_2026.pdf */
    NAME_STMT,       /* statements/stmt_202605.pdf */
    NAME_SCAN,       /* escaneos/scan_2026-05.pdf */
    NAME_EN_MON,     /* bank/FHB_Statement_May2026.pdf */
    NAME_SCAN_EN,    /* scans/FHB_scan_2026-05.pdf */
    NAME_PHOTO,      /* fotos/IMG_20261104_183012.jpg, fotos/estado_junio_2026.png */
    NAME_TIFF,       /* escaneos/edo_cta_2026_05.tif */
    NAME_SCAN_STMT   /* scanned/statement_202605.pdf */
};

struct account_spec {
    enum layout layout;
    const char *currency; /* "USD" or "MXN" */
    const char *number;   /* 10 (es) or 12 (en) digits */
    enum name_style naming;
    const char *prefix;          /* folder for NAME_SUB_* */
    int64_t target_lo, target_hi; /* average daily balance, cents */
    int low_y, low_m;             /* one month forced to low_target */
    int64_t low_target;
    int skip_y, skip_m; /* a month with no statement */
    int image_only;     /* scanned: no text layer */
    int busy;           /* many movements: statements run to 2 pages */
    const char *product;
};

struct case_spec {
    const char *id;
    const char *applicant; /* NULL: no case.xml */
    const char *holder;    /* as printed on statements */
    const char *address;
    const char *stays[MAX_STAYS];
    int first_y, first_m, nmonths;
    struct account_spec acct[MAX_ACCTS];
    int nacct;
    int bad_files;
    const char *intended; /* overall outcome the case is designed for */
    const char *note;
    unsigned checks; /* CHECK_* properties the generator asserts */
};

/* How the scanned cases were scanned.  A case listed here has image_only
   set in CASES; c08 is not listed and keeps its plain 200 dpi scans.  Page
   parameters (dpi, tilt, noise) are drawn per page from a PRNG seeded with
   the case id, the month and the page, apart from the statements' own. */
enum scan_fmt {
    SCAN_PDF,  /* image-only PDF, one gray JPEG per page */
    SCAN_JPEG, /* one .jpg per statement (single-page statements only) */
    SCAN_PNG,  /* one .png per statement (single-page statements only) */
    SCAN_TIFF  /* one multi-page .tif per statement, 1 bpp, CCITT G4 */
};

struct scan_spec {
    const char *case_id;
    const char *twin_of;  /* draw that case's statements; NULL: its own */
    enum scan_fmt fmt;    /* every statement but the png_ym ones */
    int png_ym[2];        /* statements (YYYYMM) written as PNG instead */
    int dpi_lo, dpi_hi;   /* resolution on the page, drawn per page */
    int tilt_cdeg;        /* |tilt| <= this, hundredths of a degree */
    int noise;            /* sensor noise, about its sigma in gray levels */
    int blur;             /* 3x3 box-blur passes */
    int quality;          /* JPEG quality */
    int photo;            /* phone photo: table around the page, uneven light */
    int flip_ym, flip_page; /* this page lies upside down (180 degrees) */
    int exif_ym;          /* this photo's pixels are stored sideways with
                             EXIF orientation 6, as phones store a page
                             shot in portrait */
    int blot_ym;          /* statement whose printed average gets an ink blot */
    const char *creator;  /* PDF creator metadata */
};

struct stay_rule {
    const char *id;
    int savings_days;
    int window;
};

struct txn {
    int day;
    char desc[64];
    int64_t amount; /* + deposit, - withdrawal */
    int64_t balance;
};

struct statement {
    enum layout layout;
    const char *currency;
    const char *holder;
    const char *address;
    const char *product;
    char account_print[32];
    char clabe[24];
    int y, m, ndays;
    int64_t opening, deposits, withdrawals, closing, adb;
    struct txn tx[MAX_TX];
    int ntx;
    int blot; /* an ink blot hides the hundreds digit of the printed average */
};

/* How a page was captured. */
enum scan_look {
    LOOK_FLATBED, /* scanner: white lid, paper tone, noise */
    LOOK_PHOTO,   /* phone camera: the table around the page, uneven light */
    LOOK_APP      /* phone scanner app: cropped to the page, background
                     whitened (so noise survives only around the ink) */
};

/* Savings test of one stay over the per-period totals (MXN cents).
   A window month in `damaged` (periods whose deciding figure cannot be
   read; NULL: none) makes the test needs-review. */
struct savings_eval {
    const char *outcome;
    int found;
    int64_t required, mean;
    int has_mean;
    int lowest_y, lowest_m;
    int64_t lowest;
    int below;
};

/* Draws page `page` (1-based) of `npages` of some document in PDF points;
   used by the scanner simulation for any kind of document. */
typedef void (*sg_draw_fn)(cairo_t *cr, const void *ctx, int page, int npages);

/* rng, dates, money */
uint64_t splitmix64(uint64_t *state);
int64_t rnd_range(uint64_t *st, int64_t lo, int64_t hi);
uint64_t seed_from(const char *a, const char *b, int y, int m);
int64_t div_round(int64_t num, int64_t den);
int days_in_month(int y, int m);
void month_add(int *y, int *m, int delta);
extern const char *const ES_MONTH[];
extern const char *const ES_MON[];
extern const char *const EN_MON[];
void fmt_money(char *buf, size_t len, int64_t cents, int dollar);
void fmt_plain(char *buf, size_t len, int64_t cents);
void die(const char *msg, const char *detail);
void write_file(const char *path, const void *data, size_t len);

/* rules and rates */
int64_t rate_for(const char *currency);
const struct stay_rule *find_stay(const char *id);
void eval_savings(const struct stay_rule *r, GHashTable *totals,
                  GHashTable *damaged, struct savings_eval *ev);
void month_total_add(GHashTable *totals, int y, int m, int64_t mxn);
const char *worse(const char *a, const char *b, int want_worst);
void gs_attr(GString *g, const char *name, const char *value);
void gs_attr_cents(GString *g, const char *name, int64_t cents);
void write_case_xml(const char *case_dir, const struct case_spec *cs);

/* the original statements (en-summary, es-resumen) */
void stmt_build(struct statement *s, const struct case_spec *cs,
                const struct account_spec *as, int y, int m, int64_t opening,
                int64_t target, uint64_t *rng);
void make_clabe(char *out, size_t len, const char *account);
void print_account(char *out, size_t len, const struct account_spec *as);
int stmt_pages(const struct statement *s);
void draw_page(cairo_t *cr, const struct statement *s, int page, int npages);
GByteArray *stmt_render(const struct statement *s, int image_only, int *pages_out);

/* drawing */
void font(cairo_t *cr, int bold, double size);
void gray(cairo_t *cr, double g);
void text_at(cairo_t *cr, double x, double y, const char *s);
void text_right(cairo_t *cr, double xr, double y, const char *s);
void hrule(cairo_t *cr, double y, double width);
void bar(cairo_t *cr, double y, double h, double g);
cairo_status_t append_bytes(void *closure, const unsigned char *data,
                            unsigned int length);

/* scanning: one page as a scanner or camera sees it (returns owned 8 bpp
   PIX: free with pixDestroy) */
PIX *scan_raster_fn(sg_draw_fn draw, const void *ctx, int page, int npages,
                    const struct scan_spec *sc, enum scan_look look, int dpi,
                    double tilt_deg, uint64_t *rng);
/* The same for a page of page_w x page_h points (scan_raster_fn: A4). */
PIX *scan_raster_sized(sg_draw_fn draw, const void *ctx, int page, int npages,
                       const struct scan_spec *sc, enum scan_look look, int dpi,
                       double tilt_deg, uint64_t *rng, double page_w, double page_h);


/* ------------------------------------------------------------------ */
/* render.c: any drawing to a text-layer PDF or to a scan               */
/* ------------------------------------------------------------------ */

/* "12,345.67"-style amounts in the ways the issue-4 layouts print them. */
enum amt_style {
    AMT_US,       /* 1,234.56   -1,234.56 */
    AMT_DOLLAR,   /* $1,234.56  -$1,234.56 */
    AMT_PESO_SP,  /* $ 1,234.56 */
    AMT_PAREN,    /* (1,234.56) for negatives */
    AMT_TRAIL,    /* 1,234.56-  trailing minus */
    AMT_EU,       /* 1.234,56   -1.234,56 */
    AMT_EU_EURO   /* 1.234,56 € */
};
void fmt_amt(char *buf, size_t len, int64_t cents, enum amt_style st);

/* Text-layer PDF of `npages` pages drawn by `draw` (returns owned). */
GByteArray *render_pdf(sg_draw_fn draw, const void *ctx, int npages,
                       const char *creator, const char *title,
                       const char *create_date);
/* The same on pages of page_w x page_h points (render_pdf: A4). */
GByteArray *render_pdf_sized(sg_draw_fn draw, const void *ctx, int npages,
                             const char *creator, const char *title,
                             const char *create_date, double page_w, double page_h);

/* Scans `npages` pages drawn by `draw` into the format `fmt` (image-only
   PDF, JPEG, PNG or multi-page G4 TIFF) with the look of `sc`; page
   parameters are drawn from a PRNG seeded with `seed_key`.  A TIFF is
   written to `tiff_path` (Leptonica appends pages to a file) and read back.
   One line per page is appended to `notes` when not NULL.  Returns owned. */
GByteArray *scan_encode(sg_draw_fn draw, const void *ctx, int npages,
                        const struct scan_spec *sc, enum scan_fmt fmt,
                        const char *seed_key, const char *tiff_path,
                        GString *notes);
/* The same on pages of page_w x page_h points (scan_encode: A4). */
GByteArray *scan_encode_sized(sg_draw_fn draw, const void *ctx, int npages,
                              const struct scan_spec *sc, enum scan_fmt fmt,
                              const char *seed_key, const char *tiff_path,
                              GString *notes, double page_w, double page_h);

/* Word-wrapped paragraph from (x, y), `width` wide; returns the y of the
   next line.  Draws nothing when `draw` is 0 (layout pass). */
double paragraph(cairo_t *cr, double x, double y, double width, double lead,
                 const char *text, int draw);

/* Date arithmetic: the date `off` days after y-m-d. */
void date_after(int y, int m, int d, int off, int *oy, int *om, int *od);
extern const char *const EN_MONTH[];

/* ------------------------------------------------------------------ */
/* layouts.c: statements en-activity, en-online, es-movimientos,        */
/* es-banorte, es-euro                                                  */
/* ------------------------------------------------------------------ */

enum xlayout {
    XL_EN_ACTIVITY,
    XL_EN_ONLINE,
    XL_ES_MOVIMIENTOS,
    XL_ES_BANORTE,
    XL_ES_EURO,
    XL_ES_COLUMNAS /* two key/value columns side by side in the header */
};

#define MAX_XTX 96

struct xtxn {
    int off; /* days after the period's start */
    char desc[48];
    int64_t amount; /* + credit, - debit */
    int64_t balance;
    char kind; /* d deposit, w withdrawal, c check, f fee, i interest */
    long folio;
};

struct xstmt {
    enum xlayout layout;
    const char *currency;
    const char *holder;
    const char *address;
    const char *account; /* digits, as the bank prints them (see xs_*) */
    int sy, sm, sd, ndays; /* period: start and length in days */
    int ey, em, ed;        /* period end */
    int64_t opening, closing, adb;
    int64_t deposits, withdrawals, checks, fees, interest; /* all >= 0 */
    struct xtxn tx[MAX_XTX];
    int ntx;
};

/* Builds a statement of `layout` whose day-weighted average lands on
   `target` (within half a unit); dies on a negative running balance unless
   `allow_negative`. */
void xs_build(struct xstmt *s, enum xlayout layout, const char *holder,
              const char *address, const char *account, const char *currency,
              int sy, int sm, int sd, int ndays, int64_t opening,
              int64_t target, int allow_negative, uint64_t *rng);
int xs_pages(const struct xstmt *s);
void xs_draw_page(cairo_t *cr, const void *ctx, int page, int npages);
GByteArray *xs_render(const struct xstmt *s, int *pages_out);
/* Month rule: the calendar month holding most of the period's days
   (ties: the month of the period's end). */
void xs_month(const struct xstmt *s, int *y, int *m);
int xs_prints_average(const struct xstmt *s);
int xs_has_average(const struct xstmt *s); /* printed or computable */
int xs_prints_totals(const struct xstmt *s);
int64_t xs_credits(const struct xstmt *s);
int64_t xs_debits(const struct xstmt *s);
void xs_masked(const struct xstmt *s, char *out, size_t len);
const char *xs_layout_name(enum xlayout l);
const char *xs_language(const struct xstmt *s);

/* ------------------------------------------------------------------ */
/* letters.c: income letters, deeds, other letters                      */
/* ------------------------------------------------------------------ */

/* Spanish amount in words: "CATORCE MILLONES QUINIENTOS MIL PESOS 00/100
   M.N." (cents as NN/100; `tail` e.g. "M.N." or "MONEDA NACIONAL").
   Returns owned: g_free. */
char *es_amount_words(int64_t cents, const char *tail);
/* Spanish words of a whole number below 10^9, upper case ("UN" apocope
   when `apocope`).  Returns owned: g_free. */
char *es_number_words(int64_t n, int apocope);

enum letter_kind {
    LK_EMPLOYER_MONTHLY, /* monthly net salary */
    LK_EMPLOYER_WEEKLY,  /* weekly net pay */
    LK_EMPLOYER_GROSS,   /* annual gross salary only */
    LK_EMPLOYER_TABLE,   /* net pay of the last six months */
    LK_PENSION,          /* monthly benefit after deductions */
    LK_ES_QUINCENAL,     /* constancia: sueldo neto quincenal */
    LK_ES_CATORCENAL,    /* constancia: sueldo neto catorcenal */
    LK_EMPLOYER_PAYTABLE, /* six pay months: net, deductions, gross columns */
    LK_ES_PERCEPCIONES    /* constancia de percepciones: months as columns */
};

struct letter {
    enum letter_kind kind;
    const char *person;   /* as written in the letter */
    const char *payer;    /* employer or pension fund */
    const char *currency; /* USD, MXN, CAD */
    int64_t stated;       /* amount as stated (per its frequency) */
    int nmonths;          /* months listed (table, pension) */
    int first_y, first_m;
    int64_t month_amt[12];   /* net paid (the month fields) */
    int64_t month_gross[12]; /* LK_EMPLOYER_PAYTABLE, LK_ES_PERCEPCIONES: */
    int64_t month_ded[12];   /* gross - deductions = month_amt, checked */
    int since_y, since_m;
    int date_y, date_m, date_d; /* letter date */
    const char *signer, *signer_title;
    const char *address;
    int he; /* pronoun: 1 he, 0 she */
};

int lt_pages(const struct letter *l);
void lt_draw_page(cairo_t *cr, const void *ctx, int page, int npages);
const char *lt_frequency(const struct letter *l);
int lt_is_net(const struct letter *l);
/* The stated amount normalised to a month (weekly x52/12, fortnightly
   x26/12, semimonthly x2, annual /12, rounded half-up); 0 for gross-only. */
int64_t lt_monthly(const struct letter *l);
const char *lt_language(const struct letter *l);
/* The letter lists months in a table (no single stated amount). */
int lt_is_table(const struct letter *l);

struct deed {
    int investment;      /* investment-es (capital) instead of deed-es */
    const char *owner;   /* buyer / shareholder, upper case */
    const char *seller;
    const char *notary;  /* name without the title, upper case */
    int notary_no;
    const char *city;
    long number;         /* escritura number */
    int y, m, d;
    int64_t price, appraisal, cadastral; /* 0: not printed */
    int64_t price_words, appraisal_words, cadastral_words; /* as written */
    int64_t capital, capital_words;
    long shares;
    const char *company;
    const char *property; /* description of the property */
};

int deed_pages(const struct deed *dd, int *value_page);
void deed_draw_page(cairo_t *cr, const void *ctx, int page, int npages);

enum other_kind {
    OK_COVER_ES, /* carta de presentación (letter) */
    OK_COVER_EN, /* cover letter (letter) */
    OK_CFE_BILL  /* CFE electricity bill (unknown) */
};
void other_draw_page(cairo_t *cr, const void *ctx, int page, int npages);

/* ------------------------------------------------------------------ */
/* usstatus.c: US immigration status documents (I-797, I-94, EAD, visa) */
/* ------------------------------------------------------------------ */

#define LETTER_W 612.0
#define LETTER_H 792.0

enum us_form { USF_I797, USF_I94, USF_EAD, USF_VISA };

enum us_layout {
    USL_I797A_TEAROFF, /* I-797A: boxes, labels above values, I-94 tear-off */
    USL_I797_BOXES,    /* Form I-797: other boxes, upper-case labels, no tear-off */
    USL_I797_INLINE,   /* Form I-797: "Label: value" on one line */
    USL_I94_LINES,     /* CBP website printout, "Label: value" lines */
    USL_I94_TABLE,     /* CBP website printout, two-column table */
    USL_EAD_CARD,      /* I-766 front enlarged onto a letter page */
    USL_EAD_COPY,      /* I-766 front photocopied at the top of a letter page */
    USL_VISA_FOIL,     /* visa foil alone (close-up) */
    USL_VISA_PAGE      /* visa foil on its passport page */
};

/* A person as the documents print them. */
struct us_person {
    const char *surname, *given; /* upper case ("RAMAN", "PRIYA S") */
    int by, bm, bd;              /* birth date */
    char sex;                    /* 'F' or 'M' */
    const char *country;         /* of birth / passport issuance ("India") */
    const char *nat;             /* ICAO code ("IND") */
};

/* One status document; the numbers are drawn from the PRNG (us_build). */
struct us_spec {
    enum us_layout layout;
    const struct us_person *who;
    const char *cls;    /* as the I-797/I-94 print it ("H1B", "B1/B2"), the
                           EAD category ("C26") or the visa class ("H1B") */
    int fy, fm, fd;     /* valid from / date of entry / card valid from / issue date */
    int ty, tm, td;     /* valid until / admit until / card expires / expiration;
                           ty 0 on an I-94: D/S */
    const char *org;    /* I-797 petitioner; visa annotation: employer or school */
    const char *center; /* I-797 receipt and EAD card prefix (WAC, EAC, LIN, SRC, IOE);
                           visa: the petition's, in the annotation */
    const char *post;   /* visa issuing post; I-797 boxes: the consulate */
};

struct us_doc {
    const struct us_spec *sp;
    char receipt[32];           /* I-797 receipt number; visa annotation's */
    int ry, rm, rd, ny, nm, nd; /* I-797 received and notice dates */
    char i94[32];               /* I-94 record number; I-797A tear-off's */
    char uscis[32];             /* EAD USCIS# "123-456-789" */
    char card[32];              /* EAD Card# */
    char control[32];           /* visa control number */
    char passport[32];
    char annotation[160];
    char mrz1[128], mrz2[128];  /* 44 characters each */
    char address[4][96];        /* I-797 addressee */
    char printed[48];           /* I-94 browser print time */
};

/* The values a reader must find (corpus fields, <usStatus> lines). */
struct us_values {
    const char *form;      /* i-797, i-94, ead, us-visa */
    char name[96];         /* GIVEN NAMES SURNAME */
    char category[16];     /* H-1B, B-1/B-2, C26 */
    char valid_from[12];   /* YYYY-MM-DD */
    char valid_until[12];  /* "" for D/S */
    int ds;                /* I-94 admitted for duration of status */
    char number[16];       /* "****" + last 4 */
    const char *post;      /* visa only */
};

void us_build(struct us_doc *d, const struct us_spec *sp, const char *seed_key);
enum us_form us_form_of(enum us_layout l);
const char *us_layout_name(enum us_layout l);
void us_page_size(enum us_layout l, double *w, double *h);
void us_draw_page(cairo_t *cr, const void *ctx, int page, int npages);
void us_values(const struct us_doc *d, struct us_values *v);
/* "H1B" -> "H-1B", "B1/B2" -> "B-1/B-2", "C1/D" -> "C-1/D", "I" -> "I". */
void us_class_hyphen(const char *cls, char *out, size_t len);
/* ICAO 9303 check digit (weights 7, 3, 1; '<' 0, A 10 .. Z 35). */
int mrz_check(const char *s, size_t n);

/* cases_more.c, cases_rules.c, corpus.c */
void more_cases_generate(const char *outdir);
void rules_cases_generate(const char *outdir);
void usvisa_cases_generate(const char *outdir);
void corpus_generate(const char *outdir);

/* The INM next steps of an expected file (solvency-samplegen.c): the
   comment, <nextSteps count= asOf=/> and a <nextStep .../> for `stay`
   when `outcome` is meets, else the comment "Next steps: `none_note`" and
   <nextSteps count="0"/>; every line indented by `ind`. */
void next_steps_xml(GString *g, const char *ind, const char *stay, const char *outcome,
                    const char *none_note);

/* Records a written document of a case (solvency-samplegen.c). */
void add_doc(GPtrArray *docs, const char *path, const char *status,
             const char *kind, const char *reason, const void *data,
             size_t len, int pages, const char *text);

/* Scanned twins (scans.c): the format a month's scan is written in, its
   file name, and the writing of one statement as a scan into
   case_dir/name (recorded in docs, a line per page in notes); returns
   its pages. */
enum scan_fmt scan_fmt_of(const struct scan_spec *sc, int ym);
char *scan_doc_name(const struct account_spec *as, enum scan_fmt fmt, int y,
                    int m, int index);
int scan_write(const char *case_dir, const char *case_id,
               const struct scan_spec *sc, const struct statement *s,
               enum scan_fmt fmt, const char *name, GPtrArray *docs,
               GString *notes);

struct rate {
    const char *currency;
    const char *date;
    int64_t mxn_e4; /* MXN per unit × 10^4 */
    const char *comment;
};

/* The tables (case_table.c). */
extern const struct case_spec CASES[];
extern const size_t N_CASES;
extern const struct stay_rule STAYS[];
extern const size_t N_STAYS;
extern const struct rate RATES[];
extern const size_t N_RATES;
const struct scan_spec *scan_for(const char *case_id);

#endif
