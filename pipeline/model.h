/*
 * model.h - the data that flows through the pipeline.
 *
 * A case (one applicant folder) owns its documents; a document owns its pages,
 * a page its lines, a line its words.  Ingest creates documents, render/ocr
 * fill pages, classify sets the kind, extract fills the statement (and later
 * letters and deeds), evaluate fills the case's evaluation, report prints it.
 *
 * Threading: a document is touched by exactly one worker thread at a time
 * (it travels through the queues); a case is touched only by the collector
 * thread once all its documents are back.  Nothing here locks.
 *
 * Memory: everything is allocated with GLib (g_new and friends abort with a
 * message on out-of-memory, so error paths are for real failures only).
 */
#ifndef SV_MODEL_H
#define SV_MODEL_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "stamp.h"
#include "status.h"

/* Money as a fixed-point integer in hundredths (cents, centavos). */
typedef int64_t sv_cents;

/* ---------------------------------------------------------------- words */

/* A rectangle on a page, in PDF points (1/72 in), origin top-left. */
struct sv_box {
  double x0, y0, x1, y1;
};

/* Grows *acc to cover b too. */
void sv_box_union(struct sv_box *acc, const struct sv_box *b);

struct sv_word {
  char *text;        /* owned, UTF-8, NFC, never empty */
  struct sv_box box;
  float conf;        /* 0-100; 100 for text-layer words */
};

/* One visual line rebuilt by geometry: words sorted left to right. */
struct sv_line {
  struct sv_word *words; /* owned array */
  size_t nwords;
  struct sv_box box;     /* union of the word boxes */
  char *text;            /* owned: the words joined by one space, or by
                            SV_COLUMN_GAP where the gap is wide enough to be
                            a column break (so "Label   1,234.56" keeps the
                            two cells apart) */
};

/* What separates two words of a line that sit in different columns. */
#define SV_COLUMN_GAP "   "

enum sv_text_source {
  SV_TEXT_NONE = 0,  /* nothing read (yet) */
  SV_TEXT_LAYER,     /* the PDF's own text */
  SV_TEXT_OCR        /* recognised from pixels */
};

struct Pix; /* Leptonica */

struct sv_page {
  int number;                  /* 1-based */
  double width, height;        /* points */
  enum sv_text_source source;
  struct sv_line *lines;       /* owned array, top to bottom */
  size_t nlines;
  float conf;                  /* mean word confidence, 0-100 */
  int ocr_words;               /* OCR: words read, and the sum of their */
  double ocr_conf_sum;         /* confidences (the document's mean is
                                  made from these, page by page) */

  /* Pixels, only for pages without a text layer, and only while OCR
     works on the page: made from the document's pixel source (below) one
     page at a time, cleaned up and read, then released, so that memory
     never grows with the page count.  A re-read makes them again from the
     source and the clean-up recorded here (see ocr.c).  Word boxes stay in
     points whatever the pixels' resolution: x_px = x_pt * dpi / 72 in the
     cleaned-up image. */
  struct Pix *image;           /* owned, 8-bit grey, NULL but while OCR
                                  reads the page */
  double dpi;                  /* resolution of the page's pixels */
  double deskewed;             /* degrees of skew removed by OCR first */
  int rotated;                 /* degrees the page was then turned upright
                                  by OCR in all (0, 90, 180, 270): */
  int nturns;                  /* the turns of the low-confidence retries
                                  kept, in order, each clockwise quarter
                                  turns then the skew removed after it */
  struct sv_page_turn {
    int quads;
    double skew;
  } turns[2];
};

/* Where a document's page pixels come from, on demand: render sets it for
   a PDF with pages that have no text layer and for an image file; OCR asks
   it for one page at a time, a re-read asks again.  It holds the file's
   bytes (or the opened PDF), never pixels. */
struct sv_pixel_source {
  /* Returns owned: page index (0-based) as an 8-bit grey Pix at *dpi,
     not cleaned up; NULL with *code and *why (owned, plain words) when it
     cannot.  Worker thread that owns the document only. */
  struct Pix *(*render)(void *state, int index, double *dpi,
                        sv_status *code, char **why);
  void (*free)(void *state);
  void *state;
  /* May be NULL.  Returns owned: region (points) of page index drawn at
     dpi as an 8-bit grey Pix (the evidence crop of a text-layer page);
     NULL when it cannot. */
  struct Pix *(*region)(void *state, int index, const struct sv_box *region,
                        double dpi);
};

/* ------------------------------------------------------------- evidence */

/* A PNG picture of the page region a figure (or a name) was read from,
   made by the worker while it still holds the document: what an auditor
   looks at beside the figure (see stages/crops.h). */
struct sv_crop {
  char *name;        /* owned: file name, unique in its case, "*.png" */
  int page;          /* 1-based */
  struct sv_box box; /* the figure's box, points */
  GBytes *png;       /* owned */
};

/* Frees a struct sv_crop * (a GDestroyNotify). */
void sv_crop_free(gpointer crop);

/* -------------------------------------------------------------- problems */

/* The detail of something that went wrong or was doubtful. */
struct sv_problem {
  char *stage;   /* owned: "ingest", "render", ... */
  char *message; /* owned: plain words for the report */
  int page;      /* 1-based page, 0 when the whole file */
  sv_status status;
};

/* -------------------------------------------------------------- figures */

/* A number read from a document, traceable to where it was printed. */
struct sv_figure {
  bool present;
  sv_cents amount;
  int page;          /* 1-based */
  struct sv_box box;
  float conf;        /* 0-100, the lowest word confidence of the figure */
  bool unreconciled; /* the statement's arithmetic contradicts it and a
                        re-read did not fix it: never decides "meets" */
  bool reread;       /* the value comes from a re-read of its crop */
  bool confirmed;    /* a check of the statement's arithmetic that holds
                        involves it: its value is the page's, whatever the
                        OCR confidence */
};

enum sv_basis {
  SV_BASIS_AVERAGE_DAILY = 0, /* printed average, or computed from dailies */
  SV_BASIS_CLOSING            /* closing balance: no average available */
};

/* Where a currency was read from, strongest first. */
enum sv_currency_source {
  SV_CURRENCY_NONE = 0,
  SV_CURRENCY_PRINTED,  /* an ISO code or currency name on the document */
  SV_CURRENCY_COUNTRY,  /* the document's own country (address, phone,
                           account format) names its currency */
  SV_CURRENCY_INFERRED  /* a symbol only ("$"): a guess, never "meets" */
};

/* What extract read from one bank statement.  A document may hold several
   (one per period: a bundle of monthly statements). */
struct sv_statement {
  char *holder;          /* owned, as printed (NULL when not found) */
  char *account;         /* owned, masked: "****1234" (NULL when not found) */
  char currency[4];      /* ISO 4217, "" when unknown */
  enum sv_currency_source currency_source;
  GDate start, end;      /* statement period (g_date_valid() when found) */
  int first_page, last_page; /* the pages of the document it was read from */
  int year, month;       /* the calendar month it counts for (the month of
                            its cut-off date), 0 when no period was read */
  bool month_spans;      /* the period covers more than that month */
  struct sv_figure opening;
  struct sv_figure closing;
  struct sv_figure average; /* printed average (daily) balance, or, when
                               average_computed, the day-weighted average
                               of the running-balance column */
  bool average_computed;
  struct sv_figure credits; /* summary total of deposits / abonos */
  struct sv_figure debits;  /* summary total of withdrawals / cargos */
  bool reconciled;          /* every arithmetic check the statement allows
                               passed (false also when none was possible) */
  int checks;               /* how many checks were possible */
};

/* A value stated by a deed or an investment document, in digits and often
   also in words ("$14,500,000.00 (CATORCE MILLONES QUINIENTOS MIL PESOS
   00/100 M.N.)"). */
enum sv_value_kind {
  SV_VALUE_PRICE = 0,     /* precio, valor de operación */
  SV_VALUE_APPRAISAL,     /* valor de avalúo */
  SV_VALUE_CADASTRAL,     /* valor catastral */
  SV_VALUE_INVESTMENT     /* capital, acciones, inversión */
};

struct sv_stated_value {
  enum sv_value_kind kind;
  struct sv_figure figure;  /* the digits */
  char currency[4];
  bool has_words;           /* the amount was also written in words */
  sv_cents words_amount;    /* what the words say (when has_words) */
  bool words_agree;         /* digits == words */
};

/* What extract read from a deed (escritura) or an investment document. */
struct sv_deed {
  bool investment;          /* shares / company capital, not real estate */
  GPtrArray *owners;        /* owned, of char *: buyers / titulares /
                               shareholders as printed */
  char *notary;             /* owned: "Notario Público No. 3 ..." or NULL */
  GDate date;               /* date of the deed (g_date_valid when read) */
  GArray *values;           /* of struct sv_stated_value */
};

enum sv_frequency {
  SV_FREQ_MONTHLY = 0,
  SV_FREQ_WEEKLY,
  SV_FREQ_FORTNIGHTLY,      /* quincenal, biweekly (every two weeks) */
  SV_FREQ_SEMIMONTHLY,      /* twice a month */
  SV_FREQ_ANNUAL
};

/* One month of income stated by a letter or pension statement. */
struct sv_income_month {
  int year, month;
  struct sv_figure figure;  /* the amount as printed for that month */
  sv_cents monthly;         /* normalised to a month */
};

/* What extract read from an employer or pension letter. */
struct sv_income_doc {
  char *person;             /* owned: the employee / pensioner as printed */
  char *payer;              /* owned: employer / pension fund, or NULL */
  char currency[4];
  enum sv_currency_source currency_source;
  bool net;                 /* the letter states net income (free of tax) */
  bool gross_only;          /* it states only gross income */
  bool hourly;              /* it states only an hourly rate */
  enum sv_frequency frequency; /* of the stated amount */
  bool frequency_printed;   /* the document says how often it is paid */
  struct sv_figure stated;  /* the stated amount per period, when one */
  sv_cents monthly;         /* stated normalised to a month (x52/12 weekly,
                               x26/12 fortnightly, x2 semimonthly, /12
                               annual), rounded half-up */
  bool converted;           /* monthly was worked out from another
                               frequency */
  GDate start, end;         /* the period it covers, when stated */
  GDate employed_since;     /* "employed since ...", when stated */
  GArray *months;           /* of struct sv_income_month: named months */
  bool checked;             /* its month table's gross - deductions = net
                               held on every row */
  char *doubt;              /* owned: why its amounts cannot be taken as
                               monthly net income, or NULL */
};

/* US immigration status documents (the us-tcn-border rules' proof of
   being "in status"; stages/readers/usstatus.h). */
enum sv_us_form {
  SV_US_FORM_I797 = 0,      /* USCIS Form I-797 notice of action */
  SV_US_FORM_I94,           /* CBP Form I-94 arrival/departure record */
  SV_US_FORM_EAD,           /* Form I-766 employment authorization card */
  SV_US_FORM_VISA           /* a US visa foil in a passport */
};

/* What extract read from a status document.  Dates are invalid (cleared)
   when not read. */
struct sv_us_doc {
  enum sv_us_form form;
  char *name;               /* owned: the person, given names first, as
                               printed, or NULL */
  char *category;           /* owned: canonical class ("H-1B", "B-1/B-2")
                               or EAD code ("C26"), or NULL */
  char *category_printed;   /* owned: as printed ("H1B", "(c)(26)") */
  char *number;             /* owned: receipt / record / USCIS / control
                               number masked to its last 4, or NULL */
  char *post;               /* owned: a visa's issuing post, or NULL */
  GDate valid_from;         /* I-797 valid from; I-94 date of entry; EAD
                               valid from; visa issue date */
  GDate valid_until;        /* I-797 valid to; I-94 admit until; EAD card
                               expires; visa expiration date */
  bool duration_of_status;  /* an I-94 admitting for "D/S" */
  bool mrz;                 /* a visa's machine-readable zone was read */
  bool mrz_agrees;          /* ... its check digits hold and its dates and
                               name agree with the printed fields */
  int page;                 /* where valid_until (else the category) was
                               printed, 1-based; 0 when neither */
  struct sv_box box;        /* ... and the words' box (evidence crop) */
  char *doubt;              /* owned: why it cannot be relied on, or NULL */
  struct sv_us_doc *next;   /* owned: the next form of the same file (a
                               scan of an I-797, an I-94 and a visa in one
                               PDF), in page order, or NULL */
};

/* ------------------------------------------------------------ documents */

enum sv_filetype {
  SV_FILE_UNKNOWN = 0,
  SV_FILE_PDF,
  SV_FILE_PNG,
  SV_FILE_JPEG,
  SV_FILE_TIFF
};

enum sv_doc_status { SV_DOC_OK = 0, SV_DOC_SKIPPED, SV_DOC_FAILED };

enum sv_doc_kind {
  SV_KIND_UNKNOWN = 0,
  SV_KIND_BANK_STATEMENT,
  SV_KIND_DEED,
  SV_KIND_INCOME_LETTER,
  SV_KIND_LETTER,
  SV_KIND_US_STATUS      /* a US immigration status document */
};

struct sv_case;

struct sv_doc {
  struct sv_case *owner; /* borrowed: the case this file belongs to */
  size_t index;          /* position in owner->docs (sorted by relpath) */
  char *relpath;         /* owned: path relative to the case folder, '/' */
  char *abspath;         /* owned */

  GBytes *bytes;         /* owned: the file's content; dropped by render
                            once pages exist, to bound memory */
  struct sv_pixel_source *pixels; /* owned: the pages' pixels on demand,
                            NULL when no page needs them; dropped with
                            sv_doc_drop_pixels() */
  gint64 size;           /* bytes */
  struct sv_stamp stamp; /* as ingest found it before reading (the
                            journal's quick change test), zeroed when it
                            could not */
  char sha256[65];       /* lowercase hex, "" until ingest */
  enum sv_filetype type;

  struct sv_page *pages; /* owned array */
  int npages;
  enum sv_text_source text; /* LAYER when every read page had a text layer,
                               OCR when any page was OCR'd, NONE otherwise */
  float ocr_conf;        /* mean over OCR'd pages (text == SV_TEXT_OCR) */

  enum sv_doc_status status;
  GPtrArray *problems;   /* owned: of struct sv_problem *; the first one is
                            the reason printed when status != OK */

  enum sv_doc_kind kind;
  double kind_score;     /* 0..1 */
  char lang[3];          /* "en", "es" or "" */

  GPtrArray *statements; /* owned: of struct sv_statement *, one per
                            statement period read, in page order; empty
                            unless a bank statement was extracted */
  struct sv_deed *deed;            /* owned, NULL unless a deed or an
                                     investment document was extracted */
  struct sv_income_doc *income;    /* owned, NULL unless an income letter
                                     was extracted */
  struct sv_us_doc *us;            /* owned, NULL unless a US status
                                     document was extracted; a list
                                     (->next) when the file holds
                                     several forms */
  GPtrArray *crops;      /* owned: of struct sv_crop *, in the order made;
                            empty with --no-evidence */

};

/* ----------------------------------------------------------- evaluation */

enum sv_outcome {
  SV_OUTCOME_MEETS = 0,
  SV_OUTCOME_NEEDS_REVIEW,
  SV_OUTCOME_INSUFFICIENT,
  SV_OUTCOME_NOT_MET,
  SV_OUTCOME_NOT_APPLICABLE /* the ruleset has no figure: not evaluated;
                               never counts in an overall outcome */
};

/* How a savings window is judged (docs/domain.md s.3): the mean of its
   months reaches the threshold, or every month does. */
enum sv_policy { SV_POLICY_MEAN = 0, SV_POLICY_EVERY_MONTH };

enum sv_test_basis {
  SV_TEST_SAVINGS = 0,
  SV_TEST_INCOME,
  SV_TEST_PROPERTY,
  SV_TEST_INVESTMENT
};

/* One monthly amount: a balance or a net income, for one account or the
   total of the applicant's accounts in that month. */
struct sv_month {
  int year, month;       /* calendar month */
  char *account;         /* owned: masked account, or "total" */
  sv_cents amount;       /* in currency */
  char currency[4];
  enum sv_basis basis;
  bool has_mxn;          /* false when no rate was available */
  sv_cents amount_mxn;
  char *source;          /* owned: "statements/2026-03.pdf#2" */
  float conf;            /* lowest confidence of the figure(s), 0-100 */
  bool unreconciled;     /* a figure behind it failed the arithmetic checks */
  bool ocr;              /* a figure behind it was read by OCR */
  bool computed;         /* average-daily computed from running balances */
  bool holder_doubt;     /* the holder may not be the applicant */
  enum sv_currency_source currency_source;
  bool confirmed;        /* the figure behind it is confirmed by its
                            statement's arithmetic */
  bool converted;        /* income worked out from another frequency */
  enum sv_frequency frequency; /* ... that frequency, when converted */
  int page;              /* where the figure behind it was printed, for */
  struct sv_box box;     /* its evidence crop: page 0 for a total */
};

enum sv_asset_kind { SV_ASSET_PROPERTY = 0, SV_ASSET_INVESTMENT };

struct sv_asset {
  enum sv_asset_kind kind;
  enum sv_value_kind value; /* price, appraisal, cadastral, investment */
  sv_cents amount;
  char currency[4];
  bool has_mxn;
  sv_cents amount_mxn;
  char *source;          /* owned */
  bool has_words;        /* the deed also writes the amount in words */
  bool words_agree;      /* ... and they say the same */
  bool owner_doubt;      /* the owner may not be the applicant */
  float conf;            /* lowest confidence of the digits, 0-100 */
  int page;              /* where the digits were printed (1-based) */
  struct sv_box box;
};

struct sv_test {
  char *stay;            /* owned: stay id */
  enum sv_test_basis basis;
  int window_months;     /* 0 when no window applies */
  int wage_days;
  sv_cents required_mxn;
  bool has_actual;
  sv_cents actual_mxn;
  int months_found;
  bool has_lowest;       /* lowest month in the window (savings, income) */
  int lowest_year, lowest_month;
  sv_cents lowest_mxn;
  bool has_policy;       /* savings: judged under policy; the mean and
                            the months below are given whatever it is */
  enum sv_policy policy;
  bool has_mean;
  sv_cents mean_mxn;
  int months_below;
  enum sv_outcome outcome;
  GPtrArray *reasons;    /* owned: of char *, plain words */
};

struct sv_stay {
  char *id;              /* owned */
  enum sv_outcome outcome;
};

/* What to do at INM after a stay the evaluation finds met (the INM
   procedures table, stages/rules/nextsteps.h): the procedure that follows
   and whether its appointment is booked online. */
struct sv_next_step {
  char *stay;              /* owned: stay id */
  char *procedure;         /* owned: the table's procedure id, or "none" */
  char *name;              /* owned: the procedure in English, NULL for none */
  char *name_es;           /* owned: ... in Spanish, NULL for none */
  bool online;             /* an appointment must be booked online */
  GDate since;             /* ... since this day (invalid when not stated) */
  int within_days;         /* time limit in calendar days after entry, 0 when
                              the table gives none */
  char *within_confidence; /* owned: how firmly the sources establish it
                              (the rulesets' words), NULL when no limit */
  char *within_source;     /* owned, NULL when no limit */
  char *where;             /* owned: inm-office, consulate, port-of-entry */
  char *source;            /* owned: the file and sentence it rests on */
  char *text;              /* owned: what to do, in plain words */
};

struct sv_evaluation {
  char *applicant;       /* owned: the name evaluated against */
  bool applicant_from_manifest;
  GArray *balances;      /* of struct sv_month, sorted by (period, account)
                            with the "total" row after the accounts */
  GArray *income;        /* of struct sv_month */
  GArray *assets;        /* of struct sv_asset */
  char *ruleset_id;      /* owned: the ruleset applied (for "auto", the one
                            in force on as-of), NULL when none */
  char *ruleset_source;  /* owned, may be NULL */
  char *ruleset_why;     /* owned: why "auto" chose it, or NULL */
  char *wage_index;      /* owned: "minimum-wage" or "uma" */
  char *wage_source;     /* owned, may be NULL */
  sv_cents wage_daily;   /* the daily wage applied, in centavos */
  char *wage_zone;       /* owned */
  GDate wage_effective;
  GArray *tests;         /* of struct sv_test */
  GArray *stays;         /* of struct sv_stay */
  enum sv_outcome overall;
  GArray *next_steps;      /* of struct sv_next_step: one per met stay, in
                              stay order; empty when none is met */
  char *next_steps_source; /* owned: where the INM table comes from, NULL
                              when no table was loaded */
  GDate next_steps_as_of;  /* the table's date */
  char *booking_url;       /* owned: where INM appointments are booked */
  char *booking_note;      /* owned: how, in plain words */
  char *booking_source;    /* owned */
  struct sv_eligibility_result *eligibility; /* owned: the us-tcn-border
                              answer, NULL when case.xml has no usVisa */
};

/* ------------------------------------------- US visa at the border posts */

/* case.xml's <usVisa> (schemas/case.xsd): what the documents cannot give
   for the us-tcn-border rules (stages/rules/ustcn.h).  Strings owned,
   NULL when case.xml leaves them out; countries ISO 3166 alpha-2,
   categories as written (H-1B, B-1/B-2). */
struct sv_usvisa {
  char *category;       /* the category applied for */
  char *nationality;
  char *residence;      /* country of legal residence */
  char *post;           /* the border post, as written */
  char *entry_category; /* the category of the last entry into the US */
  char *visa_issued_in; /* the country that issued the current visa */
  char *changing_from;  /* a USCIS change of category from this one */
  bool waiver;          /* entered under the Visa Waiver Program */
  bool nseers;          /* subject to NSEERS */
  bool overstay;        /* overstayed a visa or I-94 */
  bool lost_passport;   /* passport or visa lost or stolen */
  int vwp_resident;     /* residence in a VWP country: 1, 0, -1 not said */
};

enum sv_eligibility {
  SV_ELIGIBLE = 0,
  SV_NOT_ELIGIBLE,
  SV_CONSULT_LAWYER,
  SV_ELIG_NEEDS_REVIEW,
  SV_ELIG_INSUFFICIENT
};

/* One reason of an eligibility answer: the rule, plain words, and the
   seed's sentence it rests on ("file: \"quote\""). */
struct sv_elig_reason {
  char *rule; /* owned: the rule's id in the table */
  char *text; /* owned */
  char *cite; /* owned */
};

/* The answer of the us-tcn-border rules for a case with a <usVisa>. */
struct sv_eligibility_result {
  enum sv_eligibility outcome;
  char *ruleset;       /* owned: "us-tcn-border" */
  char *source;        /* owned: the table's source, its date and caveat */
  GArray *reasons;     /* of struct sv_elig_reason, in table order */
  GPtrArray *documents; /* owned: of char *, "path#page" of each document
                           the answer rests on (empty when none) */
};

/* ------------------------------------------------------------------ case */

struct sv_case {
  char *id;              /* owned: case.xml's id, else the folder name */
  char *dir;             /* owned: absolute path of the case folder */
  char *folder;          /* owned: the folder's own name */
  char *applicant;       /* owned: from case.xml, NULL when absent */
  GDate as_of;           /* the evaluation date in force for this case */
  GPtrArray *requested;  /* owned: of char * stay ids (empty = all) */
  int dependents;        /* economic dependents (case.xml), 0 when none */
  bool manifest_unreadable; /* a case.xml was there but could not be used:
                               no outcome better than needs-review */
  struct sv_doc **docs;  /* owned array of owned docs, sorted by relpath */
  size_t ndocs;
  GPtrArray *problems;   /* owned: case-level problems (bad case.xml ...) */
  bool failed;           /* the case could not be evaluated or reported */
  bool report_written;   /* set by the report stage once the file is in
                            place */
  char manifest_sha256[65]; /* of case.xml as ingest read it, "" if none */
  char report_sha256[65];   /* of the report written, "" until then */
  struct sv_evaluation *eval; /* owned, filled by evaluate */
  struct sv_usvisa *usvisa;   /* owned: case.xml's usVisa, NULL if none */
};

/* One stay of a batch line: its outcome and the test that decided it
   (the first of the stay's tests with the stay's outcome). */
struct sv_batch_stay {
  const char *id;        /* borrowed */
  enum sv_outcome outcome;
  bool has_test;
  enum sv_test_basis basis;
  sv_cents required_mxn;
  bool has_actual;
  sv_cents actual_mxn;
  bool has_lowest;       /* the lowest month of its window */
  int lowest_year, lowest_month;
  sv_cents lowest_mxn;
  int review_reasons;    /* reasons of the stay's needs-review tests */
};

/* One line of batch.xml (and of batch.csv): what the engine keeps of a
   case once its report is written (the case itself is freed). */
struct sv_batch_entry {
  const char *case_id;   /* borrowed */
  const char *folder;    /* borrowed: the case folder's name */
  const char *report;    /* borrowed: report file name, NULL if none */
  enum sv_outcome outcome;
  bool failed;           /* the case could not be reported */
  const char *error;     /* borrowed, NULL unless failed */
  const char *applicant; /* borrowed: the name evaluated, NULL if none */
  const struct sv_batch_stay *stays; /* borrowed array, in report order */
  size_t nstays;
};

/* ------------------------------------------------------------ functions */

/* Returns owned: free with sv_doc_free.  Borrows owner; copies the paths. */
struct sv_doc *sv_doc_new(struct sv_case *owner, const char *relpath,
                          const char *abspath);
/* NULL-safe; frees everything the document owns and clears *doc. */
void sv_doc_free(struct sv_doc **doc);

/* Records a problem on the document and raises its status to at least
   `status` (OK < SKIPPED < FAILED).  Copies stage and the formatted text. */
void sv_doc_problem(struct sv_doc *doc, enum sv_doc_status status,
                    sv_status code, const char *stage, int page,
                    const char *fmt, ...) G_GNUC_PRINTF(6, 7);

/* Same for a case-level problem (never changes documents). */
void sv_case_problem(struct sv_case *c, sv_status code, const char *stage,
                     const char *fmt, ...) G_GNUC_PRINTF(4, 5);

/* Returns owned: free with sv_case_free.  Copies id, dir and folder. */
struct sv_case *sv_case_new(const char *id, const char *dir,
                            const char *folder);
/* NULL-safe; frees the case, its documents and its evaluation. */
void sv_case_free(struct sv_case **c);

/* Frees a page's lines, words and image (not the page struct itself). */
void sv_page_clear(struct sv_page *page);

/* Frees the document's file bytes, pixel source and page images, keeping
   everything read from them.  The engine calls it when a document leaves
   its worker. */
void sv_doc_drop_pixels(struct sv_doc *doc);

/* Page index (0-based) of doc rendered by its pixel source (see struct
   sv_pixel_source); NULL with *code and *why (owned) when it cannot or
   when the document has none. */
struct Pix *sv_doc_render_page(const struct sv_doc *doc, int index,
                               double *dpi, sv_status *code, char **why);

/* The figure of st that stands for its month: the average balance when
   printed or computed, else the closing balance (*basis says which, may
   be NULL); NULL when neither was read. */
const struct sv_figure *sv_statement_month_figure(
    const struct sv_statement *st, enum sv_basis *basis);

/* The region (points) of page index (0-based) drawn at dpi by the pixel
   source, for a page with a text layer; NULL when the source cannot. */
struct Pix *sv_doc_render_region(const struct sv_doc *doc, int index,
                                 const struct sv_box *region, double dpi);

/* Frees the strings and stays of a batch line that owns them (the
   engine's, the journal's) and zeroes it. */
void sv_batch_entry_clear(struct sv_batch_entry *e);

/* Returns owned: free with sv_statement_free. */
struct sv_statement *sv_statement_new(void);
void sv_statement_free(struct sv_statement **st);

/* The page of doc printed as number n (1-based), or NULL.  Returns
   borrowed. */
const struct sv_page *sv_doc_page(const struct sv_doc *doc, int n);

/* The document's statement i (in page order), NULL when it has fewer.
   Returns borrowed: valid while doc is. */
struct sv_statement *sv_doc_statement(const struct sv_doc *doc, size_t i);

/* Sets st's month from its period: the month of the cut-off date (see
   sv_statement); month_spans when the period is longer than 45 days, so it
   covers more than the month it counts for (a 16th-15th monthly cycle
   does not).  No period: year = month = 0. */
void sv_statement_set_month(struct sv_statement *st);

/* Return owned: free with sv_deed_free / sv_income_doc_free. */
struct sv_deed *sv_deed_new(void);
void sv_deed_free(struct sv_deed **d);
struct sv_income_doc *sv_income_doc_new(void);
void sv_income_doc_free(struct sv_income_doc **inc);
/* Returns owned: free with sv_us_doc_free (NULL-safe, clears *u; frees
   the rest of the list too). */
struct sv_us_doc *sv_us_doc_new(void);
void sv_us_doc_free(struct sv_us_doc **u);

/* Return owned: free with sv_usvisa_free / sv_eligibility_result_free
   (NULL-safe, clear the pointer). */
struct sv_usvisa *sv_usvisa_new(void);
void sv_usvisa_free(struct sv_usvisa **v);
struct sv_eligibility_result *sv_eligibility_result_new(void);
void sv_eligibility_result_free(struct sv_eligibility_result **r);

/* Returns owned: free with sv_evaluation_free. */
struct sv_evaluation *sv_evaluation_new(void);
void sv_evaluation_free(struct sv_evaluation **ev);

/* Text names used in the report; each returns a static string. */
const char *sv_doc_status_str(enum sv_doc_status s);
const char *sv_doc_kind_str(enum sv_doc_kind k);
const char *sv_outcome_str(enum sv_outcome o);
const char *sv_eligibility_str(enum sv_eligibility e);
const char *sv_test_basis_str(enum sv_test_basis b);
const char *sv_basis_str(enum sv_basis b);
const char *sv_asset_kind_str(enum sv_asset_kind k);
const char *sv_text_source_str(enum sv_text_source t);
const char *sv_filetype_str(enum sv_filetype t);
const char *sv_value_kind_str(enum sv_value_kind k);
const char *sv_frequency_str(enum sv_frequency f);
/* "i-797", "i-94", "ead", "us-visa". */
const char *sv_us_form_str(enum sv_us_form f);
const char *sv_currency_source_str(enum sv_currency_source s);
/* "net", "gross" (only gross stated) or "unknown", for the report. */
const char *sv_income_basis_str(const struct sv_income_doc *inc);

/* Returns owned: "****1234" from any account number with at least 4 digits
   (only the digits count), NULL when it has fewer than 4 digits. */
char *sv_mask_account(const char *number);

#endif
