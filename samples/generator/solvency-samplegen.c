/*
 * solvency-samplegen.c - writes the committed sample set under samples/.
 *
 * Not part of the pipeline: a stand-alone tool that draws synthetic bank
 * statements (layouts `en-summary` and `es-resumen` of samples/LAYOUTS.md)
 * as A4 PDFs with cairo, lays them out in applicant case folders, and writes
 * rates.xml plus one expected-outcome file per case, computed from the
 * generator's own figures.  Output is byte-reproducible: a private
 * splitmix64 PRNG seeded from fixed strings, fixed PDF metadata dates.
 *
 * Scanned twins (table SCANS): the same page drawings rasterised with cairo
 * at 150-300 dpi, tilted, blurred and speckled, then encoded with Leptonica
 * as image-only PDF (the JPEG stream embedded as is), JPEG, PNG or
 * multi-page G4 TIFF; one page upside down, one figure blotted by ink.
 *
 * Parts: case_table.c (the cases, scans, rules and rates tables), draw.c
 * (statement pages), scans.c (scanned twins), layouts.c, letters.c,
 * cases_more.c, cases_rules.c, usstatus.c, cases_usvisa.c, corpus.c,
 * render.c; this file builds the statements and writes each case with its
 * expected outcome.
 *
 * Usage: solvency-samplegen OUTDIR   (writes OUTDIR/cases, OUTDIR/expected,
 * OUTDIR/rates.xml; see scripts/make-samples.sh).
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <leptonica/allheaders.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samplegen.h"




/* ------------------------------------------------------------------ */
/* Small utilities                                                      */
/* ------------------------------------------------------------------ */

uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Uniform integer in [lo, hi]. */
int64_t rnd_range(uint64_t *st, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)(hi - lo) + 1;
    return lo + (int64_t)(splitmix64(st) % span);
}

uint64_t seed_from(const char *a, const char *b, int y, int m)
{
    uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
    char buf[256];
    snprintf(buf, sizeof buf, "%s|%s|%04d-%02d", a, b, y, m);
    for (const char *p = buf; *p; p++) {
        h ^= (unsigned char)*p;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* num / den rounded half away from zero (den > 0). */
int64_t div_round(int64_t num, int64_t den)
{
    if (num >= 0)
        return (2 * num + den) / (2 * den);
    return -((-2 * num + den) / (2 * den));
}

int days_in_month(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

void month_add(int *y, int *m, int delta)
{
    int idx = *y * 12 + (*m - 1) + delta;
    *y = idx / 12;
    *m = idx % 12 + 1;
}

const char *const ES_MONTH[] = {
    "enero", "febrero", "marzo",      "abril",   "mayo",      "junio",
    "julio", "agosto",  "septiembre", "octubre", "noviembre", "diciembre"};
const char *const ES_MON[] = {"ENE", "FEB", "MAR", "ABR", "MAY", "JUN",
                                     "JUL", "AGO", "SEP", "OCT", "NOV", "DIC"};
const char *const EN_MON[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "12,345.67" (no sign handling beyond a leading minus), optional "$". */
void fmt_money(char *buf, size_t len, int64_t cents, int dollar)
{
    char digits[32];
    char out[48];
    size_t o = 0;
    int neg = cents < 0;
    uint64_t v = neg ? (uint64_t)(-cents) : (uint64_t)cents;
    snprintf(digits, sizeof digits, "%" PRIu64, v / 100);
    size_t n = strlen(digits);
    if (neg)
        out[o++] = '-';
    if (dollar)
        out[o++] = '$';
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[o++] = ',';
        out[o++] = digits[i];
    }
    out[o] = '\0';
    snprintf(buf, len, "%s.%02u", out, (unsigned)(v % 100));
}

/* "12345.67" for XML attributes. */
void fmt_plain(char *buf, size_t len, int64_t cents)
{
    uint64_t v = cents < 0 ? (uint64_t)(-cents) : (uint64_t)cents;
    snprintf(buf, len, "%s%" PRIu64 ".%02u", cents < 0 ? "-" : "", v / 100,
             (unsigned)(v % 100));
}

void die(const char *msg, const char *detail)
{
    fprintf(stderr, "solvency-samplegen: %s%s%s\n", msg, detail ? ": " : "",
            detail ? detail : "");
    exit(1);
}

void write_file(const char *path, const void *data, size_t len)
{
    GError *err = NULL;
    char *dir = g_path_get_dirname(path);
    if (g_mkdir_with_parents(dir, 0755) != 0)
        die("cannot create folder", dir);
    g_free(dir);
    if (!g_file_set_contents(path, data, (gssize)len, &err))
        die("cannot write", err->message);
}

/* ------------------------------------------------------------------ */
/* Statements                                                           */
/* ------------------------------------------------------------------ */



/* Recomputes running balances, totals and the day-weighted average. */
static void stmt_settle(struct statement *s)
{
    int64_t bal = s->opening, sum = 0;
    int t = 0;
    s->deposits = s->withdrawals = 0;
    for (int d = 1; d <= s->ndays; d++) {
        while (t < s->ntx && s->tx[t].day == d) {
            bal += s->tx[t].amount;
            s->tx[t].balance = bal;
            if (s->tx[t].amount >= 0)
                s->deposits += s->tx[t].amount;
            else
                s->withdrawals -= s->tx[t].amount;
            t++;
        }
        sum += bal; /* end-of-day balance */
    }
    s->closing = bal;
    s->adb = div_round(sum, s->ndays);
}

/* Stable insertion sort by day: movements of one day keep the order in
   which they were added, so the output never depends on qsort. */
static void txn_sort_stable(struct txn *tx, int n)
{
    for (int i = 1; i < n; i++) {
        struct txn k = tx[i];
        int j = i - 1;
        while (j >= 0 && tx[j].day > k.day) {
            tx[j + 1] = tx[j];
            j--;
        }
        tx[j + 1] = k;
    }
}


static void add_tx(struct statement *s, int day, const char *desc,
                   int64_t amount)
{
    if (s->ntx >= MAX_TX)
        die("too many transactions", NULL);
    s->tx[s->ntx].day = day;
    g_strlcpy(s->tx[s->ntx].desc, desc, sizeof s->tx[s->ntx].desc);
    s->tx[s->ntx].amount = amount;
    s->ntx++;
}

static const char *const EN_DEBITS[] = {
    "DEBIT CARD PURCHASE WHOLE FOODS", "ONLINE PMT COMED ELECTRIC",
    "ATM WITHDRAWAL 0412 MAIN ST",     "DEBIT CARD PURCHASE SHELL OIL",
    "AMAZON MKTPLACE PMTS",            "VERIZON WIRELESS AUTOPAY",
    "CHECK",                           "DEBIT CARD PURCHASE TARGET",
    "STATE FARM INSURANCE",            "COSTCO WHSE",
    "NETFLIX.COM",                     "CITY WATER UTILITY"};
static const char *const EN_CREDITS[] = {"MOBILE DEPOSIT", "ZELLE FROM K MORGAN",
                                         "VENMO CASHOUT", "IRS TREAS 310 TAX REF"};
static const char *const ES_DEBITS[] = {
    "PAGO TARJETA DE CREDITO",  "SPEI ENVIADO BBVA",    "RETIRO CAJERO AUTOMATICO",
    "PAGO CFE SUMINISTRADOR",   "PAGO TELMEX",          "COMPRA LIVERPOOL INSURGENTES",
    "DOMICILIACION GNP SEGUROS", "COMPRA OXXO",         "PAGO PREDIAL CDMX",
    "COMPRA SORIANA",           "PAGO IZZI TELECOM",    "COMISION MANEJO DE CUENTA"};
static const char *const ES_CREDITS[] = {"SPEI RECIBIDO BANORTE", "DEPOSITO EN EFECTIVO",
                                         "SPEI RECIBIDO SANTANDER",
                                         "DEPOSITO CHEQUE OTRO BANCO"};


/* A random amount between lo and hi per mille of `base`, in cents. */
static int64_t permille(uint64_t *rng, int64_t base, int lo, int hi)
{
    return base * rnd_range(rng, (int64_t)lo * 100, (int64_t)hi * 100) / 100000 +
           rnd_range(rng, 0, 99);
}

/* Rounds cents down to whole currency units (payroll, rent, checks). */
static int64_t units(int64_t cents)
{
    return cents / 100 * 100;
}

/* Builds one month's statement whose average daily balance lands on
   `target` (within half a currency unit): random movements first, then a
   transfer on day 2 sized to pull the day-weighted average to the target. */
void stmt_build(struct statement *s, const struct case_spec *cs,
                       const struct account_spec *as, int y, int m,
                       int64_t opening, int64_t target, uint64_t *rng)
{
    int es = as->layout == LAYOUT_ES;
    int nrand = as->busy ? (int)rnd_range(rng, 34, 44) : (int)rnd_range(rng, 9, 16);
    char desc[64];

    memset(s, 0, sizeof *s);
    s->layout = as->layout;
    s->currency = as->currency;
    s->holder = cs->holder;
    s->address = cs->address;
    s->product = as->product;
    s->y = y;
    s->m = m;
    s->ndays = days_in_month(y, m);
    s->opening = opening;

    /* income: payroll twice (en) or once (es); amounts in per mille of
       the target balance */
    if (es) {
        add_tx(s, 1, "PAGO DE NOMINA",
               units(permille(rng, target, as->busy ? 20 : 150, as->busy ? 40 : 300)));
        if (as->busy)
            add_tx(s, 15, "RENDIMIENTOS FONDO DEL VALLE", permille(rng, target, 3, 6));
    } else {
        add_tx(s, 1, "PAYROLL ACME CORP DIR DEP", units(permille(rng, target, 100, 150)));
        add_tx(s, 15, "PAYROLL ACME CORP DIR DEP", units(permille(rng, target, 100, 150)));
    }
    for (int i = 0; i < nrand; i++) {
        int day = (int)rnd_range(rng, 3, s->ndays);
        int credit = rnd_range(rng, 0, 9) == 0;
        int64_t amt = as->busy ? permille(rng, target, 1, 6) : permille(rng, target, 3, 40);
        if (credit) {
            const char *d = es ? ES_CREDITS[rnd_range(rng, 0, NELEM(ES_CREDITS) - 1)]
                               : EN_CREDITS[rnd_range(rng, 0, NELEM(EN_CREDITS) - 1)];
            add_tx(s, day, d, amt);
        } else {
            const char *d = es ? ES_DEBITS[rnd_range(rng, 0, NELEM(ES_DEBITS) - 1)]
                               : EN_DEBITS[rnd_range(rng, 0, NELEM(EN_DEBITS) - 1)];
            if (strcmp(d, "CHECK") == 0) {
                snprintf(desc, sizeof desc, "CHECK %d", (int)rnd_range(rng, 1001, 1299));
                d = desc;
                amt = units(amt);
            }
            add_tx(s, day, d, -amt);
        }
    }
    /* monthly rent/mortgage */
    add_tx(s, 5, es ? "PAGO RENTA DEPARTAMENTO" : "MORTGAGE PMT HOMEPOINT",
           -units(permille(rng, target, as->busy ? 5 : 60, as->busy ? 10 : 120)));
    txn_sort_stable(s->tx, s->ntx);
    add_tx(s, s->ndays, es ? "INTERESES A FAVOR" : "INTEREST PAYMENT",
           permille(rng, target, 1, 3) / 10);
    stmt_settle(s);

    /* the levelling transfer, inserted on day 2 */
    {
        int64_t x;
        int d = 2;
        int weight = s->ndays - d + 1;
        x = div_round((target - s->adb) * s->ndays, weight);
        x = div_round(x, 100) * 100; /* whole units */
        if (x != 0) {
            const char *dsc = es ? (x > 0 ? "TRASPASO DE INVERSION" : "TRASPASO A INVERSION")
                                 : (x > 0 ? "ONLINE TRANSFER FROM SAV ...4471"
                                          : "ONLINE TRANSFER TO SAV ...4471");
            add_tx(s, d, dsc, x);
            txn_sort_stable(s->tx, s->ntx);
            stmt_settle(s);
        }
    }
    for (int i = 0; i < s->ntx; i++)
        if (s->tx[i].balance < 0)
            die("negative running balance in", cs->id);
}

/* CLABE: 3-digit bank, 3-digit plaza, 11-digit account, check digit
   (weights 3,7,1; 10 - sum mod 10). */
void make_clabe(char *out, size_t len, const char *account)
{
    char base[18];
    static const int w[3] = {3, 7, 1};
    int sum = 0;
    snprintf(base, sizeof base, "168180%011ld", strtol(account, NULL, 10));
    for (int i = 0; i < 17; i++)
        sum += ((base[i] - '0') * w[i % 3]) % 10;
    snprintf(out, len, "%s%d", base, (10 - sum % 10) % 10);
}

void print_account(char *out, size_t len, const struct account_spec *as)
{
    if (as->layout == LAYOUT_EN) /* 0012 3456 7890 */
        snprintf(out, len, "%.4s %.4s %.4s", as->number, as->number + 4,
                 as->number + 8);
    else
        snprintf(out, len, "%s", as->number);
}

/* ------------------------------------------------------------------ */
/* Case assembly and expected outcomes                                  */
/* ------------------------------------------------------------------ */

struct doc_rec {
    char *path;
    const char *status; /* ok, skipped, failed */
    const char *kind;   /* NULL when not ok */
    const char *reason;
    const char *text;   /* text-layer, ocr, NULL when not ok */
    char sha256[65];
    int pages;
};

struct month_rec {
    int y, m;
    char account[16]; /* ****7890 */
    int64_t amount, amount_mxn;
    const char *currency;
    char source[160];
    int ocr_only;
    int damaged;     /* its printed figure is blotted: cannot be read */
    int64_t closing; /* the statement's closing balance */
};

static char *doc_name(const struct account_spec *as, int y, int m)
{
    switch (as->naming) {
    case NAME_ISO:
        return g_strdup_printf("statements/%04d-%02d.pdf", y, m);
    case NAME_ES_MONTH:
        return g_strdup_printf("estados/estado_cuenta_%s_%04d.pdf", ES_MONTH[m - 1], y);
    case NAME_EDOCTA:
        return g_strdup_printf("EdoCta_%s_%04d%02d.pdf", as->number + 6, y, m);
    case NAME_EN_SPACES:
        return g_strdup_printf("documents/Statement %04d-%02d.pdf", y, m);
    case NAME_ES_SHORT:
        return g_strdup_printf("estado_cuenta_%s.pdf", ES_MONTH[m - 1]);
    case NAME_SUB_ISO:
        return g_strdup_printf("%s/%04d-%02d.pdf", as->prefix, y, m);
    case NAME_SUB_AHORRO:
        return g_strdup_printf("%s/ahorro_%s_%04d.pdf", as->prefix, ES_MONTH[m - 1], y);
    case NAME_STMT:
        return g_strdup_printf("statements/stmt_%04d%02d.pdf", y, m);
    case NAME_SCAN:
        return g_strdup_printf("escaneos/scan_%04d-%02d.pdf", y, m);
    case NAME_EN_MON:
        return g_strdup_printf("bank/FHB_Statement_%s%04d.pdf", EN_MON[m - 1], y);
    case NAME_SCAN_EN:
    case NAME_PHOTO:
    case NAME_TIFF:
    case NAME_SCAN_STMT:
        die("scanned naming outside SCANS", NULL);
    }
    return NULL;
}

void add_doc(GPtrArray *docs, const char *path, const char *status,
                    const char *kind, const char *reason, const void *data,
                    size_t len, int pages, const char *text)
{
    struct doc_rec *d = g_new0(struct doc_rec, 1);
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, len);
    d->path = g_strdup(path);
    d->status = status;
    d->kind = kind;
    d->reason = reason;
    d->pages = pages;
    d->text = text;
    g_strlcpy(d->sha256, sum, sizeof d->sha256);
    g_free(sum);
    g_ptr_array_add(docs, d);
}

static void doc_free(gpointer p)
{
    struct doc_rec *d = p;
    g_free(d->path);
    g_free(d);
}

static int doc_cmp(gconstpointer a, gconstpointer b)
{
    const struct doc_rec *x = *(struct doc_rec *const *)a;
    const struct doc_rec *y = *(struct doc_rec *const *)b;
    return strcmp(x->path, y->path);
}

const char *worse(const char *a, const char *b, int want_worst)
{
    static const char *const order[] = {"meets", "needs-review",
                                        "insufficient-evidence", "not-met"};
    int ia = 0, ib = 0;
    for (int i = 0; i < 4; i++) {
        if (strcmp(order[i], a) == 0)
            ia = i;
        if (strcmp(order[i], b) == 0)
            ib = i;
    }
    if (want_worst)
        return ia >= ib ? a : b;
    return ia <= ib ? a : b;
}

void gs_attr(GString *g, const char *name, const char *value)
{
    char *e = g_markup_escape_text(value, -1);
    g_string_append_printf(g, " %s=\"%s\"", name, e);
    g_free(e);
}

void gs_attr_cents(GString *g, const char *name, int64_t cents)
{
    char v[40];
    fmt_plain(v, sizeof v, cents);
    gs_attr(g, name, v);
}

static const char *LEEME_TXT =
    "Estimados señores del Consulado:\n\n"
    "Adjunto los estados de cuenta de los últimos seis meses de mi cuenta en\n"
    "Banco del Valle para acreditar solvencia económica (residencia temporal\n"
    "por unidad familiar). Quedo atenta a cualquier aclaración.\n\n"
    "Atentamente,\nAna Sofía Ramírez Núñez\n";

/* A few bytes that look like a .docx (zip local-file header) but are not a
   document the pipeline reads. */
static const unsigned char DOCX_STUB[] = {
    'P', 'K', 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21,
    0x00, 0xdf, 0xa4, 0xd2, 0x6c, 0x5a, 0x01, 0x00, 0x00, 0x20, 0x05, 0x00, 0x00,
    0x13, 0x00, 0x08, 0x02, '[',  'C',  'o',  'n',  't',  'e',  'n',  't',  '_',
    'T',  'y',  'p',  'e',  's',  ']',  '.',  'x',  'm',  'l',  ' ',  0xa2, 0x04,
    0x02, 0x28, 0xa0, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};

static void write_bad_files(const char *case_dir, const struct case_spec *cs,
                            const struct account_spec *as, GPtrArray *docs)
{
    struct statement *s = g_new0(struct statement, 1);
    uint64_t rng = seed_from(cs->id, "damaged", 2026, 4);
    GByteArray *pdf;
    char *path;
    size_t cut;
    int pages;

    path = g_build_filename(case_dir, "vacio.pdf", NULL);
    write_file(path, "", 0);
    g_free(path);
    add_doc(docs, "vacio.pdf", "failed", NULL, "empty file (0 bytes)", "", 0, 0, NULL);

    /* first 40 % of a genuine statement (April, outside the window) */
    stmt_build(s, cs, as, 2026, 4, as->target_lo, as->target_lo, &rng);
    print_account(s->account_print, sizeof s->account_print, as);
    make_clabe(s->clabe, sizeof s->clabe, as->number);
    pdf = stmt_render(s, 0, &pages);
    cut = pdf->len * 2 / 5;
    path = g_build_filename(case_dir, "dañado.pdf", NULL);
    write_file(path, pdf->data, cut);
    g_free(path);
    add_doc(docs, "dañado.pdf", "failed", NULL,
            "truncated PDF: header present, no cross-reference table or trailer",
            pdf->data, cut, 0, NULL);
    g_byte_array_free(pdf, TRUE);

    path = g_build_filename(case_dir, "notas.docx", NULL);
    write_file(path, DOCX_STUB, sizeof DOCX_STUB);
    g_free(path);
    add_doc(docs, "notas.docx", "skipped", NULL, "unsupported file type (.docx)",
            DOCX_STUB, sizeof DOCX_STUB, 0, NULL);

    path = g_build_filename(case_dir, "LEEME.txt", NULL);
    write_file(path, LEEME_TXT, strlen(LEEME_TXT));
    g_free(path);
    add_doc(docs, "LEEME.txt", "skipped", NULL, "unsupported file type (.txt)",
            LEEME_TXT, strlen(LEEME_TXT), 0, NULL);
    g_free(s);
}

void write_case_xml(const char *case_dir, const struct case_spec *cs)
{
    GString *g = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<case");
    char *e = g_markup_escape_text(cs->applicant, -1);
    char *path;
    gs_attr(g, "id", cs->id);
    g_string_append_printf(g, ">\n  <applicant>%s</applicant>\n  <asOf>%s</asOf>\n",
                           e, AS_OF);
    for (int i = 0; i < MAX_STAYS && cs->stays[i]; i++)
        g_string_append_printf(g, "  <request stay=\"%s\"/>\n", cs->stays[i]);
    g_string_append(g, "</case>\n");
    path = g_build_filename(case_dir, "case.xml", NULL);
    write_file(path, g->str, g->len);
    g_free(path);
    g_free(e);
    g_string_free(g, TRUE);
}


void eval_savings(const struct stay_rule *r, GHashTable *totals,
                         GHashTable *damaged, struct savings_eval *ev)
{
    int y = AS_OF_Y, m = AS_OF_M;
    int64_t sum = 0;
    int unreadable = 0;
    memset(ev, 0, sizeof *ev);
    ev->required = (int64_t)r->savings_days * WAGE_CENTS;
    month_add(&y, &m, -r->window);
    for (int i = 0; i < r->window; i++) {
        char key[16];
        int64_t *v;
        snprintf(key, sizeof key, "%04d-%02d", y, m);
        v = g_hash_table_lookup(totals, key);
        if (damaged && g_hash_table_contains(damaged, key))
            unreadable++;
        if (v) {
            ev->found++;
            sum += *v;
            if (ev->found == 1 || *v < ev->lowest) {
                ev->lowest = *v;
                ev->lowest_y = y;
                ev->lowest_m = m;
            }
            if (*v < ev->required)
                ev->below++;
        }
        month_add(&y, &m, 1);
    }
    if (unreadable > 0) {
        ev->outcome = "needs-review";
        return;
    }
    if (ev->found < r->window) {
        ev->outcome = "insufficient-evidence";
        return;
    }
    ev->has_mean = 1;
    ev->mean = div_round(sum, r->window);
    ev->outcome = ev->mean >= ev->required ? "meets" : "not-met";
}

const struct stay_rule *find_stay(const char *id)
{
    for (size_t i = 0; i < N_STAYS; i++)
        if (strcmp(STAYS[i].id, id) == 0)
            return &STAYS[i];
    die("unknown stay", id);
    return NULL;
}

/* Evaluates the stays of a case; appends <stay> lines; returns overall. */
static const char *eval_case(const struct case_spec *cs, GHashTable *totals,
                             GHashTable *damaged, GString *g)
{
    const char *overall = NULL;
    int requested = cs->stays[0] != NULL;
    for (int k = 0; k < MAX_STAYS && cs->stays[k]; k++)
        (void)find_stay(cs->stays[k]); /* dies on a typo in the case table */
    for (size_t i = 0; i < N_STAYS; i++) {
        const struct stay_rule *r = &STAYS[i];
        struct savings_eval ev;
        const char *stay_out;
        int wanted = !requested;
        char lm[16];
        for (int k = 0; k < MAX_STAYS && cs->stays[k]; k++)
            if (strcmp(cs->stays[k], r->id) == 0)
                wanted = 1;
        if (!wanted)
            continue;
        eval_savings(r, totals, damaged, &ev);
        /* income/property/investment: no evidence in any sample case */
        stay_out = strcmp(ev.outcome, "meets") == 0          ? "meets"
                   : strcmp(ev.outcome, "not-met") == 0      ? "not-met"
                   : strcmp(ev.outcome, "needs-review") == 0 ? "needs-review"
                                                             : "insufficient-evidence";
        g_string_append(g, "  <stay");
        gs_attr(g, "id", r->id);
        gs_attr(g, "outcome", stay_out);
        g_string_append_printf(g, " windowMonths=\"%d\" wageDays=\"%d\"", r->window,
                               r->savings_days);
        gs_attr_cents(g, "savingsRequiredMxn", ev.required);
        if (ev.has_mean)
            gs_attr_cents(g, "savingsMeanMxn", ev.mean);
        if (strcmp(ev.outcome, "needs-review") != 0)
            g_string_append_printf(g, " monthsFound=\"%d\"", ev.found);
        gs_attr(g, "savingsOutcome", ev.outcome);
        gs_attr(g, "incomeOutcome", "insufficient-evidence");
        if (ev.found > 0 && strcmp(ev.outcome, "needs-review") != 0) {
            snprintf(lm, sizeof lm, "%04d-%02d", ev.lowest_y, ev.lowest_m);
            gs_attr(g, "lowestMonth", lm);
            gs_attr_cents(g, "lowestMonthMxn", ev.lowest);
            g_string_append_printf(g, " monthsBelow=\"%d\"", ev.below);
        }
        g_string_append(g, "/>\n");
        overall = overall ? worse(overall, stay_out, requested) : stay_out;
    }
    return overall;
}

void month_total_add(GHashTable *totals, int y, int m, int64_t mxn)
{
    char key[16];
    int64_t *v;
    snprintf(key, sizeof key, "%04d-%02d", y, m);
    v = g_hash_table_lookup(totals, key);
    if (!v) {
        v = g_new0(int64_t, 1);
        g_hash_table_insert(totals, g_strdup(key), v);
    }
    *v += mxn;
}

/* Per-period MXN totals of the recorded months (returns owned table: free
   with g_hash_table_destroy).  account: only that masked account, or NULL
   for all; usd_rate: a rate to use instead of the right one (0: none).
   Months read by OCR count like the others; damaged ones do not. */
static GHashTable *totals_from(GArray *months, const char *account,
                               int64_t usd_rate)
{
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < months->len; i++) {
        const struct month_rec *mr = &g_array_index(months, struct month_rec, i);
        int64_t mxn = mr->amount_mxn;
        if (mr->damaged || (account && strcmp(account, mr->account) != 0))
            continue;
        if (usd_rate > 0 && strcmp(mr->currency, "USD") == 0)
            mxn = div_round(mr->amount * usd_rate, 10000);
        month_total_add(t, mr->y, mr->m, mxn);
    }
    return t;
}

/* Appends, inside an XML comment, the stay lines the evaluation would give
   under a what-if (wrong rate, single account); returns that overall. */
static const char *what_if(GString *g, const struct case_spec *cs, GArray *months,
                           GHashTable *damaged, const char *account,
                           int64_t usd_rate, const char *title)
{
    GHashTable *t = totals_from(months, account, usd_rate);
    GString *o = g_string_new(NULL);
    const char *out = eval_case(cs, t, damaged, o);
    g_string_append_printf(g, "  <!-- %s (overall %s):\n", title, out);
    g_string_append(g, o->str);
    g_string_append(g, "  -->\n");
    g_string_free(o, TRUE);
    g_hash_table_destroy(t);
    return out;
}

/* For a month whose printed average is blotted: what the first requested
   stay's savings test would give if the hidden hundreds digit were read
   as each of 0-9, if the month were left out, or if the closing balance
   stood in for the average; appended as a comment.  With
   CHECK_BLOT_FLIPS, dies unless the digit decides meets against not-met. */
static void blot_what_ifs(GString *g, const struct case_spec *cs, GArray *months)
{
    int meets = 0, notmet = 0, any = 0;
    for (guint i = 0; i < months->len; i++) {
        const struct month_rec *mr = &g_array_index(months, struct month_rec, i);
        const struct stay_rule *r;
        int64_t rate, hundreds;
        char v[48], req[40];
        if (!mr->damaged)
            continue;
        if (!cs->stays[0])
            die("a damaged figure needs a requested stay", cs->id);
        any = 1;
        r = find_stay(cs->stays[0]);
        rate = rate_for(mr->currency);
        hundreds = (mr->amount / 10000) % 10;
        fmt_plain(req, sizeof req, (int64_t)r->savings_days * WAGE_CENTS);
        fmt_money(v, sizeof v, mr->amount, 1);
        g_string_append_printf(
            g,
            "  <!-- %04d-%02d (%s): the printed average %s has its hundreds "
            "digit (%d) under an ink blot.\n"
            "       Stay %s, required mean %s MXN (%d days); the evaluation "
            "with each possible reading:\n",
            mr->y, mr->m, mr->source, v, (int)hundreds, r->id, req,
            r->savings_days);
        for (int d = -2; d <= 9; d++) {
            GHashTable *t = totals_from(months, NULL, 0);
            struct savings_eval ev;
            int64_t amt = d >= 0 ? mr->amount + (d - hundreds) * 10000 : mr->closing;
            char label[96], mean[40];
            if (d >= -1)
                month_total_add(t, mr->y, mr->m, div_round(amt * rate, 10000));
            eval_savings(r, t, NULL, &ev);
            g_hash_table_destroy(t);
            fmt_money(v, sizeof v, amt, 1);
            if (d >= 0)
                snprintf(label, sizeof label, "read as %d: %s", d, v);
            else if (d == -1)
                snprintf(label, sizeof label, "closing balance %s instead", v);
            else
                snprintf(label, sizeof label, "month left out");
            if (ev.has_mean)
                fmt_plain(mean, sizeof mean, ev.mean);
            g_string_append_printf(g, "         %-34s mean %-10s -> %s%s\n", label,
                                   ev.has_mean ? mean : "(none)", ev.outcome,
                                   d == hundreds ? "   (the true digit)" : "");
            if (d >= 0 && strcmp(ev.outcome, "meets") == 0)
                meets++;
            if (d >= 0 && strcmp(ev.outcome, "not-met") == 0)
                notmet++;
        }
        g_string_append(g, "       So the figure decides the test and cannot be "
                           "read: savings and the stay are needs-review. -->\n");
    }
    if ((cs->checks & CHECK_BLOT_FLIPS) && (!any || !meets || !notmet))
        die("the blotted digit does not decide the outcome", cs->id);
}

/* ------------------------------------------------------------------ */
/* INM next steps (the report's r:nextSteps)                            */
/* ------------------------------------------------------------------ */

/* The cases whose expected file states the next steps (the ones
   tests/e2e/test_samples.c checks), with the comment written when their
   stay is not met; c23 is in cases_rules.c. */
static const struct {
    const char *case_id, *none_note;
} NEXT_STEPS_CASES[] = {
    {"c01-en-visitor-meets", NULL},
    {"c02-es-temporary-meets", NULL},
    {"c03-es-temporary-not-met", "none, the only stay is not met (no r:nextSteps section)."},
};

void next_steps_xml(GString *g, const char *ind, const char *stay, const char *outcome,
                    const char *none_note)
{
    if (strcmp(outcome, "meets") != 0) {
        if (!none_note)
            die("no comment for a case without next steps", stay);
        g_string_append_printf(g, "%s<!-- Next steps: %s -->\n%s<nextSteps count=\"0\"/>\n",
                               ind, none_note, ind);
        return;
    }
    if (g_str_has_prefix(stay, "visitor")) {
        /* a visitor visa: shown at the port of entry, no card, no canje */
        g_string_append_printf(
            g,
            "%s<!-- Next steps, by hand from schemas/data/inm-procedures.xml (dated "
            "2024-09-13): a met %s stay is a visitor visa,\n"
            "%s     used at the port of entry with no card and no canje: no INM procedure, "
            "nothing to book, no time limit. -->\n"
            "%s<nextSteps count=\"1\" asOf=\"2024-09-13\"/>\n"
            "%s<nextStep stay=\"%s\" procedure=\"none\" appointment=\"none\" "
            "where=\"port-of-entry\"/>\n",
            ind, stay, ind, ind, ind, stay);
    } else if (g_str_has_prefix(stay, "temporary-") || g_str_has_prefix(stay, "permanent-")) {
        /* a residency visa: the canje at an INM office */
        g_string_append_printf(
            g,
            "%s<!-- Next steps, by hand from ../shared/seeds/002_adbcd8bb5367bd69.txt and "
            "schemas/data/inm-procedures.xml (dated 2024-09-13):\n"
            "%s     a met %s stay is a consular residency visa, exchanged at an INM office "
            "for the card: the canje\n"
            "%s     (\"Canje (exchange of visa for residency card).\": online appointment from "
            "2024-09-17); within 30 days after\n"
            "%s     entry, a figure the seeds do not state (unconfirmed). -->\n"
            "%s<nextSteps count=\"1\" asOf=\"2024-09-13\"/>\n"
            "%s<nextStep stay=\"%s\" procedure=\"canje\" appointment=\"online\" "
            "since=\"2024-09-17\" within=\"30\" withinConfidence=\"unconfirmed\" "
            "where=\"inm-office\"/>\n",
            ind, ind, stay, ind, ind, ind, ind, stay);
    } else {
        die("no next step known for stay", stay);
    }
}

static void gen_case(const char *outdir, const struct case_spec *cs)
{
    char *case_dir = g_build_filename(outdir, "cases", cs->id, NULL);
    GPtrArray *docs = g_ptr_array_new_with_free_func(doc_free);
    GArray *months = g_array_new(FALSE, TRUE, sizeof(struct month_rec));
    GHashTable *totals, *damaged;
    GString *g = g_string_new(NULL);
    GString *notes = g_string_new(NULL); /* how each page was scanned */
    struct statement *s = g_new0(struct statement, 1);
    const struct scan_spec *sc = scan_for(cs->id);
    /* a scanned twin draws the statements of its text-layer original */
    const char *seed_id = sc && sc->twin_of ? sc->twin_of : cs->id;
    const char *overall;
    char *path;
    int nocr = 0;

    damaged = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (int a = 0; a < cs->nacct; a++) {
        const struct account_spec *as = &cs->acct[a];
        uint64_t rng0 = seed_from(seed_id, as->number, 0, 0);
        int64_t opening = rnd_range(&rng0, as->target_lo, as->target_hi);
        int64_t rate = rate_for(as->currency);
        int y = cs->first_y, m = cs->first_m;

        for (int i = 0; i < cs->nmonths; i++, month_add(&y, &m, 1)) {
            uint64_t rng = seed_from(seed_id, as->number, y, m);
            int64_t target = rnd_range(&rng, as->target_lo, as->target_hi);
            struct month_rec mr;
            GByteArray *pdf = NULL;
            char *name, *full = NULL;
            int pages;

            if (y == as->low_y && m == as->low_m)
                target = as->low_target;
            stmt_build(s, cs, as, y, m, opening, target, &rng);
            print_account(s->account_print, sizeof s->account_print, as);
            make_clabe(s->clabe, sizeof s->clabe, as->number);
            opening = s->closing;
            if (y == as->skip_y && m == as->skip_m)
                continue; /* the applicant did not submit this one */

            if (sc) {
                enum scan_fmt fmt = scan_fmt_of(sc, y * 100 + m);
                if (as->image_only != 1)
                    die("a case in SCANS must be image_only", cs->id);
                s->blot = y * 100 + m == sc->blot_ym;
                name = scan_doc_name(as, fmt, y, m, i);
                pages = scan_write(case_dir, cs->id, sc, s, fmt, name, docs, notes);
            } else {
                pdf = stmt_render(s, as->image_only, &pages);
                name = doc_name(as, y, m);
                full = g_build_filename(case_dir, name, NULL);
                write_file(full, pdf->data, pdf->len);
                add_doc(docs, name, "ok", "bank-statement", NULL, pdf->data,
                        pdf->len, pages, as->image_only ? "ocr" : "text-layer");
            }
            if (as->image_only)
                nocr += pages;

            memset(&mr, 0, sizeof mr);
            mr.y = y;
            mr.m = m;
            snprintf(mr.account, sizeof mr.account, "****%s",
                     as->number + strlen(as->number) - 4);
            mr.amount = s->adb;
            mr.currency = as->currency;
            mr.amount_mxn = div_round(s->adb * rate, 10000);
            snprintf(mr.source, sizeof mr.source, "%s#1", name);
            mr.ocr_only = as->image_only;
            mr.damaged = s->blot;
            mr.closing = s->closing;
            if (mr.damaged)
                g_hash_table_add(damaged, g_strdup_printf("%04d-%02d", y, m));
            g_array_append_val(months, mr);
            g_free(full);
            g_free(name);
            if (pdf)
                g_byte_array_free(pdf, TRUE);
        }
        if (cs->bad_files)
            write_bad_files(case_dir, cs, as, docs);
    }
    if (cs->applicant)
        write_case_xml(case_dir, cs);
    totals = totals_from(months, NULL, 0);

    /* expected file */
    g_string_append(g, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    g_string_append_printf(
        g,
        "<!-- Expected outcome of sample case %s, written by "
        "solvency-samplegen from its own figures.\n"
        "     Not read by the pipeline; the golden tests compare reports "
        "with it.\n     %s\n"
        "     Wage %s: 315.04 MXN/day. USD rate: 18.4210 (2026-10-30, the "
        "latest on or before asOf).\n"
        "     Month amounts are the printed average daily balance; amountMxn "
        "= amount x rate rounded half-up per month;\n"
        "     savingsMeanMxn = sum of monthly totals / window, rounded "
        "half-up. -->\n",
        cs->id, cs->note, AS_OF);
    {
        GString *stays = g_string_new(NULL);
        overall = eval_case(cs, totals, damaged, stays);
        if (strcmp(overall, cs->intended) != 0)
            die("case outcome differs from the design", cs->id);
        g_string_append(g, "<expected");
        gs_attr(g, "case", cs->id);
        gs_attr(g, "asOf", AS_OF);
        gs_attr(g, "outcome", overall);
        g_string_append(g, ">\n");
        if (nocr > 0) {
            g_string_append_printf(
                g,
                "  <!-- Scanned evidence: no statement has a text layer; the %d "
                "page(s) are read by OCR (text=\"ocr\").\n"
                "       The month amounts are the true printed figures. Until "
                "the OCR stage exists these documents are\n"
                "       skipped as \"needs OCR\" and the case is "
                "insufficient-evidence.%s -->\n",
                nocr, notes->len > 0 ? " Pages:" : "");
            if (notes->len > 0) {
                g_string_append(g, "  <!--\n");
                g_string_append(g, notes->str);
                g_string_append(g, "  -->\n");
            }
        }
        blot_what_ifs(g, cs, months);
        g_string_append(g, stays->str);
        g_string_free(stays, TRUE);
        for (size_t i = 0; i < NELEM(NEXT_STEPS_CASES); i++) {
            if (strcmp(NEXT_STEPS_CASES[i].case_id, cs->id) != 0)
                continue;
            if (!cs->stays[0] || cs->stays[1])
                die("next steps are written for one requested stay", cs->id);
            next_steps_xml(g, "  ", cs->stays[0], overall, NEXT_STEPS_CASES[i].none_note);
        }
    }
    {
        int has_usd = 0;
        for (guint i = 0; i < months->len; i++)
            if (strcmp(g_array_index(months, struct month_rec, i).currency, "USD") == 0)
                has_usd = 1;
        if (has_usd) {
            const char *o1 = what_if(g, cs, months, damaged, NULL, 179000,
                                     "Wrong: the older USD rate 17.9000 of 2026-06-30");
            const char *o2 = what_if(g, cs, months, damaged, NULL, 60000,
                                     "Wrong: the USD rate 6.0000 dated 2026-11-20, after asOf");
            if ((cs->checks & CHECK_OLD_RATE_FLIPS) && strcmp(o1, "meets") == 0)
                die("the older rate does not flip", cs->id);
            if ((cs->checks & CHECK_FUTURE_RATE_FLIPS) && strcmp(o2, "meets") == 0)
                die("the future-dated rate does not flip", cs->id);
        }
        if (cs->nacct > 1) {
            for (int a = 0; a < cs->nacct; a++) {
                char acc[16], title[64];
                const char *o;
                snprintf(acc, sizeof acc, "****%s",
                         cs->acct[a].number + strlen(cs->acct[a].number) - 4);
                snprintf(title, sizeof title, "Account %s alone", acc);
                o = what_if(g, cs, months, damaged, acc, 0, title);
                if ((cs->checks & CHECK_EACH_ALONE_FAILS) && strcmp(o, "meets") == 0)
                    die("one account meets alone", cs->id);
            }
        }
    }
    g_string_append(g, "  <applicant");
    if (cs->applicant) {
        gs_attr(g, "name", cs->applicant);
        gs_attr(g, "source", "manifest");
    } else {
        gs_attr(g, "name", cs->holder);
        gs_attr(g, "source", "documents");
    }
    g_string_append(g, "/>\n");
    for (guint i = 0; i < months->len; i++) {
        const struct month_rec *mr = &g_array_index(months, struct month_rec, i);
        char period[16];
        snprintf(period, sizeof period, "%04d-%02d", mr->y, mr->m);
        g_string_append(g, "  <month");
        gs_attr(g, "period", period);
        gs_attr(g, "account", mr->account);
        gs_attr_cents(g, "amount", mr->amount);
        gs_attr(g, "currency", mr->currency);
        gs_attr(g, "basis", "average-daily");
        gs_attr_cents(g, "amountMxn", mr->amount_mxn);
        gs_attr(g, "source", mr->source);
        if (mr->ocr_only)
            gs_attr(g, "text", "ocr");
        if (mr->damaged)
            gs_attr(g, "damaged", "true");
        g_string_append(g, "/>\n");
    }
    if (cs->nacct > 1) {
        int y = cs->first_y, m = cs->first_m;
        for (int i = 0; i < cs->nmonths; i++, month_add(&y, &m, 1)) {
            char key[16];
            int64_t *v;
            snprintf(key, sizeof key, "%04d-%02d", y, m);
            v = g_hash_table_lookup(totals, key);
            if (!v)
                continue;
            g_string_append(g, "  <month");
            gs_attr(g, "period", key);
            gs_attr(g, "account", "total");
            gs_attr_cents(g, "amount", *v);
            gs_attr(g, "currency", "MXN");
            gs_attr(g, "basis", "average-daily");
            gs_attr_cents(g, "amountMxn", *v);
            g_string_append(g, "/>\n");
        }
    }
    g_ptr_array_sort(docs, doc_cmp);
    for (guint i = 0; i < docs->len; i++) {
        const struct doc_rec *d = g_ptr_array_index(docs, i);
        g_string_append(g, "  <document");
        gs_attr(g, "path", d->path);
        gs_attr(g, "status", d->status);
        if (d->kind)
            gs_attr(g, "kind", d->kind);
        if (d->pages > 0)
            g_string_append_printf(g, " pages=\"%d\"", d->pages);
        if (d->text)
            gs_attr(g, "text", d->text);
        gs_attr(g, "sha256", d->sha256);
        if (d->reason)
            gs_attr(g, "reason", d->reason);
        g_string_append(g, "/>\n");
    }
    g_string_append(g, "</expected>\n");
    path = g_strdup_printf("%s/expected/%s.xml", outdir, cs->id);
    write_file(path, g->str, g->len);
    printf("%-28s %-22s %u documents\n", cs->id, overall, docs->len);

    g_free(path);
    g_free(s);
    g_string_free(g, TRUE);
    g_hash_table_destroy(totals);
    g_hash_table_destroy(damaged);
    g_string_free(notes, TRUE);
    g_array_free(months, TRUE);
    g_ptr_array_free(docs, TRUE);
    g_free(case_dir);
}

static void write_rates(const char *outdir)
{
    GString *g = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    char *path = g_build_filename(outdir, "rates.xml", NULL);
    g_string_append(g, "<!-- Exchange rates for the sample cases (MXN per unit). "
                       "The rate used is the latest dated on or before asOf. -->\n"
                       "<rates>\n");
    for (size_t i = 0; i < N_RATES; i++) {
        char v[32];
        snprintf(v, sizeof v, "%" PRId64 ".%04" PRId64, RATES[i].mxn_e4 / 10000,
                 RATES[i].mxn_e4 % 10000);
        if (RATES[i].comment)
            g_string_append_printf(g, "  <!-- %s -->\n", RATES[i].comment);
        g_string_append_printf(g, "  <rate currency=\"%s\" date=\"%s\" mxn=\"%s\"/>\n",
                               RATES[i].currency, RATES[i].date, v);
    }
    g_string_append(g, "</rates>\n");
    write_file(path, g->str, g->len);
    g_free(path);
    g_string_free(g, TRUE);
}

int main(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: solvency-samplegen OUTDIR\n"
                        "writes OUTDIR/cases/, OUTDIR/expected/ and OUTDIR/rates.xml\n");
        return 2;
    }
    setMsgSeverity(L_SEVERITY_WARNING); /* no Leptonica chatter */
    write_rates(argv[1]);
    for (size_t i = 0; i < N_CASES; i++)
        gen_case(argv[1], &CASES[i]);
    more_cases_generate(argv[1]);
    corpus_generate(argv[1]);
    rules_cases_generate(argv[1]);
    usvisa_cases_generate(argv[1]);
    return 0;
}
