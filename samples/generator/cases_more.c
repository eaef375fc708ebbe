/*
 * cases_more.c - sample cases c14-c21 of issue 4 (c22, the reordered name,
 * is an ordinary entry of CASES in solvency-samplegen.c): income letters,
 * deeds, someone else's account, two layouts with a duplicate, a Canadian
 * account whose periods are not calendar months, a Spanish EUR account.
 *
 * Each case writes its folder and samples/expected/<case>.xml in the
 * format of the original cases, plus <income> and <asset> lines, the
 * income/property outcomes on each <stay>, and in the comment the
 * arithmetic by hand, all from the generator's own figures.
 */
#include <cairo.h>
#include <glib.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "samplegen.h"

struct mdoc {
    char *path;
    const char *kind;
    const char *text;
    int pages;
    char sha256[65];
    const char *dup_of;
};

struct mrow { /* a balance month or an income month */
    int y, m;
    char account[16];
    int64_t amount, mxn;
    const char *currency, *basis;
    char source[160];
    int computed;
};

struct masset {
    const char *value; /* price, appraisal, cadastral */
    int64_t amount;
    int words_agree;
    char source[160];
};

struct mcase {
    const char *id, *applicant;
    const char *stays[MAX_STAYS];
    const char *intended, *note;
    char *dir;
    GPtrArray *docs;
    GArray *months, *income, *assets;
    GString *arith; /* hand arithmetic, for the comment */
    GString *extra; /* lines after <applicant> */
    int income_review, property_review;
    const char *income_why, *property_why;
};

/* Income, property and investment days per stay (schemas/rulesets/sre-2012.xml). */
struct other_days {
    const char *id;
    int income, property, investment;
};

static const struct other_days OTHER_DAYS[] = {
    {"visitor", 150, 0, 0},
    {"visitor-study", 150, 0, 0},
    {"visitor-10-years", 300, 0, 0},
    {"temporary-resident", 400, 40000, 20000},
    {"temporary-resident-family", 100, 0, 0},
};

static const struct other_days *other_days(const char *id)
{
    for (size_t i = 0; i < NELEM(OTHER_DAYS); i++)
        if (strcmp(OTHER_DAYS[i].id, id) == 0)
            return &OTHER_DAYS[i];
    die("no income days for stay", id);
    return NULL;
}

static void money(char *buf, size_t len, int64_t cents)
{
    fmt_amt(buf, len, cents, AMT_US);
}

static struct mcase *mc_new(const char *outdir, const char *id, const char *applicant,
                            const char *stay, const char *intended, const char *note)
{
    struct mcase *mc = g_new0(struct mcase, 1);
    mc->id = id;
    mc->applicant = applicant;
    mc->stays[0] = stay;
    mc->intended = intended;
    mc->note = note;
    mc->dir = g_build_filename(outdir, "cases", id, NULL);
    mc->docs = g_ptr_array_new();
    mc->months = g_array_new(FALSE, TRUE, sizeof(struct mrow));
    mc->income = g_array_new(FALSE, TRUE, sizeof(struct mrow));
    mc->assets = g_array_new(FALSE, TRUE, sizeof(struct masset));
    mc->arith = g_string_new(NULL);
    mc->extra = g_string_new(NULL);
    return mc;
}

static struct mdoc *mc_file(struct mcase *mc, const char *rel, const GByteArray *b,
                            const char *kind, int pages)
{
    struct mdoc *d = g_new0(struct mdoc, 1);
    char *full = g_build_filename(mc->dir, rel, NULL);
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, b->data, b->len);
    write_file(full, b->data, b->len);
    d->path = g_strdup(rel);
    d->kind = kind;
    d->text = "text-layer";
    d->pages = pages;
    g_strlcpy(d->sha256, sum, sizeof d->sha256);
    g_ptr_array_add(mc->docs, d);
    g_free(sum);
    g_free(full);
    return d;
}

static void mc_month(struct mcase *mc, int y, int m, const char *account, int64_t amount,
                     const char *currency, const char *basis, int computed,
                     const char *source)
{
    struct mrow r;
    char a[40], x[40], rt[40];
    int64_t rate = rate_for(currency);
    memset(&r, 0, sizeof r);
    r.y = y;
    r.m = m;
    g_strlcpy(r.account, account, sizeof r.account);
    r.amount = amount;
    r.mxn = div_round(amount * rate, 10000);
    r.currency = currency;
    r.basis = basis;
    r.computed = computed;
    snprintf(r.source, sizeof r.source, "%s#1", source);
    g_array_append_val(mc->months, r);
    money(a, sizeof a, amount);
    money(x, sizeof x, r.mxn);
    snprintf(rt, sizeof rt, "%" PRId64 ".%04" PRId64, rate / 10000, rate % 10000);
    g_string_append_printf(mc->arith, "       %04d-%02d %s: %s %s (%s%s) x %s = %s MXN\n", y,
                           m, account, a, currency, basis,
                           computed ? ", computed" : "", rt, x);
}

static void mc_income(struct mcase *mc, int y, int m, int64_t amount, const char *currency,
                      const char *source)
{
    struct mrow r;
    char a[40], x[40];
    int64_t rate = rate_for(currency);
    memset(&r, 0, sizeof r);
    r.y = y;
    r.m = m;
    r.amount = amount;
    r.mxn = div_round(amount * rate, 10000);
    r.currency = currency;
    snprintf(r.source, sizeof r.source, "%s", source);
    g_array_append_val(mc->income, r);
    money(a, sizeof a, amount);
    money(x, sizeof x, r.mxn);
    g_string_append_printf(mc->arith, "       income %04d-%02d: %s %s x %" PRId64 ".%04" PRId64
                                      " = %s MXN\n",
                           y, m, a, currency, rate / 10000, rate % 10000, x);
}

static const char *stay_outcome(const char *const *tests, int n)
{
    int review = 0, failed = 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(tests[i], "meets") == 0)
            return "meets";
        review |= strcmp(tests[i], "needs-review") == 0;
        failed |= strcmp(tests[i], "not-met") == 0;
    }
    return review ? "needs-review" : failed ? "not-met" : "insufficient-evidence";
}

static GHashTable *totals_of(GArray *rows)
{
    GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    for (guint i = 0; i < rows->len; i++) {
        const struct mrow *r = &g_array_index(rows, struct mrow, i);
        month_total_add(t, r->y, r->m, r->mxn);
    }
    return t;
}

static void mc_finish(struct mcase *mc, const char *outdir)
{
    GString *g = g_string_new(NULL), *stays = g_string_new(NULL);
    GHashTable *totals = totals_of(mc->months), *inc = totals_of(mc->income);
    const char *overall = NULL;
    struct case_spec cs;
    char *path;

    memset(&cs, 0, sizeof cs);
    cs.id = mc->id;
    cs.applicant = mc->applicant;
    cs.stays[0] = mc->stays[0];
    write_case_xml(mc->dir, &cs);

    for (int k = 0; k < MAX_STAYS && mc->stays[k]; k++) {
        const struct stay_rule *r = find_stay(mc->stays[k]);
        const struct other_days *od = other_days(r->id);
        struct stay_rule ir = {r->id, od->income, 6};
        struct savings_eval sv, iv;
        const char *tests[4], *prop = NULL, *so;
        int nt = 0;
        char v[40], lm[16], req[40];

        eval_savings(r, totals, NULL, &sv);
        eval_savings(&ir, inc, NULL, &iv);
        if (mc->income_review)
            iv.outcome = "needs-review";
        tests[nt++] = sv.outcome;
        tests[nt++] = iv.outcome;
        if (od->property) {
            int64_t need = (int64_t)od->property * WAGE_CENTS, best = 0;
            for (guint i = 0; i < mc->assets->len; i++) {
                const struct masset *a = &g_array_index(mc->assets, struct masset, i);
                if (a->amount > best)
                    best = a->amount;
            }
            prop = mc->assets->len == 0 ? "insufficient-evidence"
                   : mc->property_review ? "needs-review"
                   : best > need         ? "meets"
                                         : "not-met";
            tests[nt++] = prop;
            tests[nt++] = "insufficient-evidence"; /* investment: no evidence */
        }
        so = stay_outcome(tests, nt);

        /* the arithmetic of each test */
        money(req, sizeof req, sv.required);
        g_string_append_printf(mc->arith,
                               "     Stay %s: savings needs a mean of %d days x 315.04 = %s "
                               "MXN over %d months; %d month(s) found",
                               r->id, r->savings_days, req, r->window, sv.found);
        if (sv.has_mean) {
            money(v, sizeof v, sv.mean);
            g_string_append_printf(mc->arith, "; mean = sum / %d = %s MXN", r->window, v);
        }
        g_string_append_printf(mc->arith, " -> %s.\n", sv.outcome);
        money(req, sizeof req, iv.required);
        g_string_append_printf(mc->arith,
                               "     Income needs a mean monthly net income of %d days x "
                               "315.04 = %s MXN over 6 months; %d month(s) found",
                               od->income, req, iv.found);
        if (iv.has_mean && !mc->income_review) {
            money(v, sizeof v, iv.mean);
            g_string_append_printf(mc->arith, "; mean = %s MXN", v);
        }
        if (mc->income_why)
            g_string_append_printf(mc->arith, "; %s", mc->income_why);
        g_string_append_printf(mc->arith, " -> %s.\n", iv.outcome);
        if (prop) {
            money(req, sizeof req, (int64_t)od->property * WAGE_CENTS);
            g_string_append_printf(mc->arith,
                                   "     Property must exceed %d days x 315.04 = %s MXN",
                                   od->property, req);
            if (mc->property_why)
                g_string_append_printf(mc->arith, "; %s", mc->property_why);
            g_string_append_printf(mc->arith, " -> %s. Investment: no document -> "
                                              "insufficient-evidence.\n",
                                   prop);
        }
        g_string_append_printf(mc->arith, "     Stay %s -> %s.\n", r->id, so);

        g_string_append(stays, "  <stay");
        gs_attr(stays, "id", r->id);
        gs_attr(stays, "outcome", so);
        g_string_append_printf(stays, " windowMonths=\"%d\" wageDays=\"%d\"", r->window,
                               r->savings_days);
        gs_attr_cents(stays, "savingsRequiredMxn", sv.required);
        if (sv.has_mean)
            gs_attr_cents(stays, "savingsMeanMxn", sv.mean);
        g_string_append_printf(stays, " monthsFound=\"%d\"", sv.found);
        gs_attr(stays, "savingsOutcome", sv.outcome);
        gs_attr(stays, "incomeOutcome", iv.outcome);
        if (sv.found > 0) {
            snprintf(lm, sizeof lm, "%04d-%02d", sv.lowest_y, sv.lowest_m);
            gs_attr(stays, "lowestMonth", lm);
            gs_attr_cents(stays, "lowestMonthMxn", sv.lowest);
            g_string_append_printf(stays, " monthsBelow=\"%d\"", sv.below);
        }
        gs_attr_cents(stays, "incomeRequiredMxn", iv.required);
        if (iv.has_mean && !mc->income_review)
            gs_attr_cents(stays, "incomeMeanMxn", iv.mean);
        g_string_append_printf(stays, " incomeMonthsFound=\"%d\"", iv.found);
        if (prop) {
            gs_attr(stays, "propertyOutcome", prop);
            gs_attr_cents(stays, "propertyRequiredMxn", (int64_t)od->property * WAGE_CENTS);
            gs_attr(stays, "investmentOutcome", "insufficient-evidence");
        }
        g_string_append(stays, "/>\n");
        overall = overall ? worse(overall, so, 1) : so;
    }
    if (strcmp(overall, mc->intended) != 0)
        die("case outcome differs from the design", mc->id);

    g_string_append(g, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    g_string_append_printf(
        g,
        "<!-- Expected outcome of sample case %s, written by solvency-samplegen from its "
        "own figures.\n"
        "     Not read by the pipeline; the golden tests compare reports with it.\n"
        "     %s\n"
        "     Wage %s: 315.04 MXN/day. Rates (latest on or before asOf): USD 18.4210, "
        "EUR 21.3350, CAD 13.2150 (2026-10-30).\n"
        "     amountMxn = amount x rate rounded half-up per month; means = sum of monthly "
        "totals / window, rounded half-up.\n"
        "     By hand:\n%s     -->\n",
        mc->id, mc->note, AS_OF, mc->arith->str);
    g_string_append(g, "<expected");
    gs_attr(g, "case", mc->id);
    gs_attr(g, "asOf", AS_OF);
    gs_attr(g, "outcome", overall);
    g_string_append(g, ">\n");
    g_string_append(g, stays->str);
    g_string_append(g, "  <applicant");
    gs_attr(g, "name", mc->applicant);
    gs_attr(g, "source", "manifest");
    g_string_append(g, "/>\n");
    g_string_append(g, mc->extra->str);
    for (guint i = 0; i < mc->months->len; i++) {
        const struct mrow *r = &g_array_index(mc->months, struct mrow, i);
        char period[16];
        snprintf(period, sizeof period, "%04d-%02d", r->y, r->m);
        g_string_append(g, "  <month");
        gs_attr(g, "period", period);
        gs_attr(g, "account", r->account);
        gs_attr_cents(g, "amount", r->amount);
        gs_attr(g, "currency", r->currency);
        gs_attr(g, "basis", r->basis);
        gs_attr_cents(g, "amountMxn", r->mxn);
        gs_attr(g, "source", r->source);
        if (r->computed)
            gs_attr(g, "computed", "true");
        g_string_append(g, "/>\n");
    }
    {
        /* a total row per month when the case has more than one account */
        GHashTable *accts = g_hash_table_new(g_str_hash, g_str_equal);
        for (guint i = 0; i < mc->months->len; i++)
            g_hash_table_add(accts, g_array_index(mc->months, struct mrow, i).account);
        if (g_hash_table_size(accts) > 1) {
            int y = AS_OF_Y, m = AS_OF_M;
            month_add(&y, &m, -12);
            for (int i = 0; i < 12; i++, month_add(&y, &m, 1)) {
                char key[16];
                int64_t *v;
                snprintf(key, sizeof key, "%04d-%02d", y, m);
                v = g_hash_table_lookup(totals, key);
                if (!v)
                    continue;
                /* a total is an average only when every account's
                   figure is one; a closing balance makes it "closing" */
                const char *basis = "average-daily";
                for (guint k = 0; k < mc->months->len; k++) {
                    const struct mrow *r = &g_array_index(mc->months, struct mrow, k);
                    if (r->y == y && r->m == m && strcmp(r->basis, "closing") == 0)
                        basis = "closing";
                }
                g_string_append(g, "  <month");
                gs_attr(g, "period", key);
                gs_attr(g, "account", "total");
                gs_attr_cents(g, "amount", *v);
                gs_attr(g, "currency", "MXN");
                gs_attr(g, "basis", basis);
                gs_attr_cents(g, "amountMxn", *v);
                g_string_append(g, "/>\n");
            }
        }
        g_hash_table_destroy(accts);
    }
    for (guint i = 0; i < mc->income->len; i++) {
        const struct mrow *r = &g_array_index(mc->income, struct mrow, i);
        char period[16];
        snprintf(period, sizeof period, "%04d-%02d", r->y, r->m);
        g_string_append(g, "  <income");
        gs_attr(g, "period", period);
        gs_attr_cents(g, "amount", r->amount);
        gs_attr(g, "currency", r->currency);
        gs_attr_cents(g, "amountMxn", r->mxn);
        gs_attr(g, "source", r->source);
        g_string_append(g, "/>\n");
    }
    for (guint i = 0; i < mc->assets->len; i++) {
        const struct masset *a = &g_array_index(mc->assets, struct masset, i);
        g_string_append(g, "  <asset kind=\"property\"");
        gs_attr(g, "value", a->value);
        gs_attr_cents(g, "amount", a->amount);
        gs_attr(g, "currency", "MXN");
        gs_attr_cents(g, "amountMxn", a->amount);
        gs_attr(g, "wordsAgree", a->words_agree ? "true" : "false");
        gs_attr(g, "source", a->source);
        g_string_append(g, "/>\n");
    }
    for (guint i = 0; i < mc->docs->len; i++) {
        const struct mdoc *d = g_ptr_array_index(mc->docs, i);
        g_string_append(g, "  <document");
        gs_attr(g, "path", d->path);
        gs_attr(g, "status", "ok");
        gs_attr(g, "kind", d->kind);
        g_string_append_printf(g, " pages=\"%d\"", d->pages);
        gs_attr(g, "text", d->text);
        gs_attr(g, "sha256", d->sha256);
        if (d->dup_of)
            gs_attr(g, "duplicateOf", d->dup_of);
        g_string_append(g, "/>\n");
    }
    g_string_append(g, "</expected>\n");
    path = g_strdup_printf("%s/expected/%s.xml", outdir, mc->id);
    write_file(path, g->str, g->len);
    printf("%-28s %-22s %u documents\n", mc->id, overall, mc->docs->len);

    g_free(path);
    for (guint i = 0; i < mc->docs->len; i++) {
        struct mdoc *d = g_ptr_array_index(mc->docs, i);
        g_free(d->path);
        g_free(d);
    }
    g_ptr_array_free(mc->docs, TRUE);
    g_array_free(mc->months, TRUE);
    g_array_free(mc->income, TRUE);
    g_array_free(mc->assets, TRUE);
    g_string_free(mc->arith, TRUE);
    g_string_free(mc->extra, TRUE);
    g_string_free(stays, TRUE);
    g_string_free(g, TRUE);
    g_hash_table_destroy(totals);
    g_hash_table_destroy(inc);
    g_free(mc->dir);
    g_free(mc);
}

/* Sorts documents by path, as the original cases list them. */
static int mdoc_cmp(gconstpointer a, gconstpointer b)
{
    const struct mdoc *x = *(struct mdoc *const *)a, *y = *(struct mdoc *const *)b;
    return strcmp(x->path, y->path);
}

static void mc_sort(struct mcase *mc)
{
    g_ptr_array_sort(mc->docs, mdoc_cmp);
}

/* ------------------------------------------------------------------ */
/* Income and property                                                  */
/* ------------------------------------------------------------------ */

static void c14(const char *outdir)
{
    struct mcase *mc = mc_new(
        outdir, "c14-income-en-meets", "Gregory Allen Whitfield", "temporary-resident",
        "meets",
        "An employer letter listing the net pay of the last six months (2026-05..2026-10) "
        "in USD; no statements. Every month and the mean reach 400 days of wage: the "
        "income test meets, so the stay meets.");
    struct letter l = {.kind = LK_EMPLOYER_TABLE, .person = "Gregory Allen Whitfield",
                       .payer = "Cascade Freight Systems Inc.", .currency = "USD",
                       .nmonths = 6, .first_y = 2026, .first_m = 5,
                       .month_amt = {USD(7180), USD(7180), USD(7425) + 50, USD(7180),
                                     USD(7310) + 25, USD(7180)},
                       .since_y = 2016, .since_m = 4, .date_y = 2026, .date_m = 11,
                       .date_d = 3, .signer = "Karen Ostrowski",
                       .signer_title = "Vice President, Human Resources",
                       .address = "2200 N Interstate Ave, Portland, OR 97227 \xc2\xb7 "
                                  "(503) 555-0190",
                       .he = 1};
    GByteArray *b = render_pdf(lt_draw_page, &l, 1, "Microsoft Word", NULL,
                               "2026-11-03T15:20:00Z");
    int y = 2026, m = 5;
    mc_file(mc, "employment_verification_letter.pdf", b, "income-letter", 1);
    for (int i = 0; i < 6; i++, month_add(&y, &m, 1))
        mc_income(mc, y, m, l.month_amt[i], "USD", "employment_verification_letter.pdf#1");
    g_byte_array_free(b, TRUE);
    mc_finish(mc, outdir);
}

static void c15(const char *outdir)
{
    struct mcase *mc = mc_new(
        outdir, "c15-income-gross-only", "Rebecca Lynn Sorensen", "temporary-resident",
        "needs-review",
        "An employer letter that states only the annual gross salary (US$96,000.00, "
        "8,000.00 a month before tax, which would exceed 400 days of wage if it were "
        "net). The rule asks for income free of tax: income needs-review; no statements, "
        "no deed: the stay is needs-review.");
    struct letter l = {.kind = LK_EMPLOYER_GROSS, .person = "Rebecca Lynn Sorensen",
                       .payer = "Tallgrass Engineering LLC", .currency = "USD",
                       .stated = USD(96000), .since_y = 2021, .since_m = 1, .date_y = 2026,
                       .date_m = 11, .date_d = 5, .signer = "Dana Whitaker",
                       .signer_title = "HR Generalist",
                       .address = "800 Main Street, Suite 400, Kansas City, MO 64105",
                       .he = 0};
    GByteArray *b = render_pdf(lt_draw_page, &l, 1, "Microsoft Word", NULL,
                               "2026-11-05T10:00:00Z");
    mc_file(mc, "carta_empleador.pdf", b, "income-letter", 1);
    mc->income_review = 1;
    mc->income_why = "the letter states only gross income (annual gross 96,000.00 USD), "
                     "no net figure";
    g_byte_array_free(b, TRUE);
    mc_finish(mc, outdir);
}

static void deed_case(const char *outdir, const char *id, const char *applicant,
                      const struct deed *dd, const char *file, const char *intended,
                      const char *note, const char *why)
{
    struct mcase *mc = mc_new(outdir, id, applicant, "temporary-resident", intended, note);
    int vpage = 0, pages = deed_pages(dd, &vpage);
    GByteArray *b = render_pdf(deed_draw_page, dd, pages, "Notaría Digital 3.1", NULL,
                               "2026-04-02T12:00:00Z");
    struct masset a;
    mc_file(mc, file, b, "deed", pages);
    memset(&a, 0, sizeof a);
    a.value = "price";
    a.amount = dd->price;
    a.words_agree = dd->price == dd->price_words;
    snprintf(a.source, sizeof a.source, "%s#%d", file, vpage);
    g_array_append_val(mc->assets, a);
    mc->property_review = !a.words_agree;
    mc->property_why = why;
    g_byte_array_free(b, TRUE);
    mc_finish(mc, outdir);
}

static void c16_c17(const char *outdir)
{
    static const struct deed ok = {
        .owner = "ALEJANDRO TORRES VILLANUEVA", .seller = "la señora LETICIA AGUIRRE SOLÍS",
        .notary = "ROBERTO SALAZAR MEDINA", .notary_no = 12, .city = "Ciudad de México",
        .number = 45210, .y = 2026, .m = 3, .d = 12, .price = MXN(14500000),
        .price_words = MXN(14500000), .appraisal = MXN(14800000),
        .appraisal_words = MXN(14800000), .cadastral = MXN(12950300),
        .cadastral_words = MXN(12950300),
        .property = "la casa habitación marcada con el número 57 de la calle Amsterdam, "
                    "colonia Hipódromo, alcaldía Cuauhtémoc, Ciudad de México"};
    static const struct deed bad = {
        .owner = "SOFÍA MARGARITA DELGADO RUIZ", .seller = "el señor ERNESTO VILLASEÑOR GIL",
        .notary = "ELENA MARGARITA IBARRA CHÁVEZ", .notary_no = 101,
        .city = "Guadalajara, Jalisco", .number = 23877, .y = 2026, .m = 6, .d = 21,
        .price = MXN(14500000), .price_words = MXN(4500000), .cadastral = MXN(6120000),
        .cadastral_words = MXN(6120000),
        .property = "el departamento 1202 del condominio Torre Andares, avenida Patria "
                    "2085, Zapopan, Jalisco"};
    deed_case(outdir, "c16-property-meets", "Alejandro Torres Villanueva", &ok,
              "escritura_compraventa.pdf", "meets",
              "A notarial deed of sale (deed-es): the applicant is the buyer; price "
              "$14,500,000.00 (CATORCE MILLONES QUINIENTOS MIL PESOS 00/100 MONEDA "
              "NACIONAL), words agreeing; appraisal 14,800,000.00 and cadastral value "
              "12,950,300.00 also written in words, all three above the threshold. No "
              "statements, no letters.",
              "price 14,500,000.00 (words agree) > 12,601,600.00; appraisal 14,800,000.00 "
              "and cadastral 12,950,300.00 exceed it too, so the choice of value does not "
              "matter");
    deed_case(outdir, "c17-deed-words-mismatch", "Sofía Margarita Delgado Ruiz", &bad,
              "escritura/testimonio_23877.pdf", "needs-review",
              "A deed whose price reads $14,500,000.00 in digits but CUATRO MILLONES "
              "QUINIENTOS MIL PESOS (4,500,000.00) in words; no appraisal; cadastral value "
              "6,120,000.00 (words agree), below the threshold. The digits would exceed "
              "40,000 days, the words would not: the property test is needs-review.",
              "price digits 14,500,000.00 > 12,601,600.00 but the words say 4,500,000.00 "
              "< 12,601,600.00: the mismatch decides; the cadastral value 6,120,000.00 "
              "does not exceed it");
}

/* ------------------------------------------------------------------ */
/* Statements                                                           */
/* ------------------------------------------------------------------ */

static void c18(const char *outdir)
{
    struct mcase *mc = mc_new(
        outdir, "c18-someone-elses-account", "Kevin Patrick Morales", "visitor",
        "insufficient-evidence",
        "Six en-summary USD statements (2026-05..2026-10) of LINDA MARIE MORALES, not the "
        "applicant Kevin Patrick Morales (a shared surname is not a match). They do not "
        "count: no month of the window is proved, savings is insufficient-evidence, with "
        "the reason that the holder is another person.");
    struct case_spec cs;
    struct account_spec as;
    struct statement *s = g_new0(struct statement, 1);
    uint64_t r0 = seed_from(mc->id, "acct", 0, 0);
    int64_t opening = rnd_range(&r0, USD(15000), USD(17000));
    int y = 2026, m = 5;

    memset(&cs, 0, sizeof cs);
    memset(&as, 0, sizeof as);
    cs.id = mc->id;
    cs.holder = "LINDA MARIE MORALES";
    cs.address = "4471 Mission Street, San Francisco, CA 94112";
    as.layout = LAYOUT_EN;
    as.currency = "USD";
    as.number = "006193370518";
    as.product = "Premier Checking";
    g_string_append(mc->arith, "       (none of the applicant's: the statements below do "
                               "not count)\n");
    for (int i = 0; i < 6; i++, month_add(&y, &m, 1)) {
        uint64_t rng = seed_from(mc->id, as.number, y, m);
        int64_t target = rnd_range(&rng, USD(15000), USD(17000));
        char *name = g_strdup_printf("mom_statements/%04d-%02d.pdf", y, m);
        char a[40];
        int pages;
        GByteArray *b;
        stmt_build(s, &cs, &as, y, m, opening, target, &rng);
        print_account(s->account_print, sizeof s->account_print, &as);
        make_clabe(s->clabe, sizeof s->clabe, as.number);
        opening = s->closing;
        b = stmt_render(s, 0, &pages);
        mc_file(mc, name, b, "bank-statement", pages);
        fmt_plain(a, sizeof a, s->adb);
        g_string_append_printf(mc->extra,
                               "  <not-counted path=\"%s\" period=\"%04d-%02d\" "
                               "account=\"****0518\" holder=\"LINDA MARIE MORALES\" "
                               "amount=\"%s\" reason=\"the account holder LINDA MARIE "
                               "MORALES is not the applicant Kevin Patrick Morales\"/>\n",
                               name, y, m, a);
        g_byte_array_free(b, TRUE);
        g_free(name);
    }
    g_free(s);
    mc_sort(mc);
    mc_finish(mc, outdir);
}

static void c19(const char *outdir)
{
    struct mcase *mc = mc_new(
        outdir, "c19-duplicates-two-layouts", "Juan Carlos Ramírez López",
        "temporary-resident-family", "meets",
        "Two accounts of the applicant in two layouts, 2026-05..2026-10: es-movimientos "
        "(Banco Atlántico, no printed average: the average daily balance is computed from "
        "the running balances, basis average-daily) and es-banorte (Banco del Norte, "
        "opening/closing only: basis closing). Each alone is below 300 days of wage; "
        "the monthly sums pass. The 2026-08 Atlántico statement was also submitted as "
        "descargas/EdoCta_agosto (1).pdf, byte-identical: it counts once and is reported "
        "as a duplicate.");
    struct xstmt *s = g_new0(struct xstmt, 1);
    const char *holder = "JUAN CARLOS RAMÍREZ LÓPEZ";
    const char *addr = "Av. Constitución 1450, Col. Centro, C.P. 64000, Monterrey, N.L.";
    for (int acct = 0; acct < 2; acct++) {
        enum xlayout lay = acct == 0 ? XL_ES_MOVIMIENTOS : XL_ES_BANORTE;
        const char *number = acct == 0 ? "65509912384" : "0817730264";
        uint64_t r0 = seed_from(mc->id, number, 0, 0);
        int64_t opening = rnd_range(&r0, MXN(48000), MXN(52000));
        int y = 2026, m = 5;
        for (int i = 0; i < 6; i++, month_add(&y, &m, 1)) {
            uint64_t rng = seed_from(mc->id, number, y, m);
            int64_t target = rnd_range(&rng, MXN(48000), MXN(53000));
            char *name = acct == 0 ? g_strdup_printf("atlantico/EdoCta_%04d-%02d.pdf", y, m)
                                   : g_strdup_printf("banorte/enlace_%s_%04d.pdf",
                                                     ES_MONTH[m - 1], y);
            char masked[16];
            int pages;
            GByteArray *b;
            xs_build(s, lay, holder, addr, number, "MXN", y, m, 1, days_in_month(y, m),
                     opening, target, 0, &rng);
            opening = s->closing;
            b = xs_render(s, &pages);
            mc_file(mc, name, b, "bank-statement", pages);
            xs_masked(s, masked, sizeof masked);
            if (acct == 0)
                mc_month(mc, y, m, masked, s->adb, "MXN", "average-daily", 1, name);
            else
                mc_month(mc, y, m, masked, s->closing, "MXN", "closing", 0, name);
            if (acct == 0 && m == 8) {
                struct mdoc *d = mc_file(mc, "descargas/EdoCta_agosto (1).pdf", b,
                                         "bank-statement", pages);
                d->dup_of = "atlantico/EdoCta_2026-08.pdf";
            }
            g_byte_array_free(b, TRUE);
            g_free(name);
        }
    }
    g_free(s);
    mc_sort(mc);
    mc_finish(mc, outdir);
}

static void c20(const char *outdir)
{
    struct mcase *mc = mc_new(
        outdir, "c20-unaligned-cad", "Nathalie Anne Tremblay", "visitor", "meets",
        "Seven en-online CAD statements whose periods run from the 15th to the 14th of the "
        "next month (2026-04-15..2026-05-14 up to 2026-10-15..2026-11-14). Month rule: a "
        "statement counts for the calendar month of its cut-off date (its period's last "
        "day), so 2026-04-15..2026-05-14 counts for May and the last one, ending "
        "2026-11-14, for November, outside the window. No average is printed: each "
        "month's amount is the "
        "day-weighted average of the end-of-day running balances over the period "
        "(basis average-daily, computed).");
    struct xstmt *s = g_new0(struct xstmt, 1);
    const char *number = "77019042";
    uint64_t r0 = seed_from(mc->id, number, 0, 0);
    int64_t opening = rnd_range(&r0, CAD_(12500), CAD_(13500));
    int y = 2026, m = 4;
    for (int i = 0; i < 7; i++, month_add(&y, &m, 1)) {
        uint64_t rng = seed_from(mc->id, number, y, m);
        int64_t target = rnd_range(&rng, CAD_(12400), CAD_(13600));
        int ny = y, nm = m, cy, cm, pages;
        char *name = g_strdup_printf("NorthernLights/estatement_%04d%02d15.pdf", y, m);
        char masked[16];
        GByteArray *b;
        month_add(&ny, &nm, 1);
        xs_build(s, XL_EN_ONLINE, "NATHALIE ANNE TREMBLAY",
                 "3420 Rue Sherbrooke O, Montréal, QC H3Z 1A9", number, "CAD", y, m, 15,
                 days_in_month(y, m), opening, target, 0, &rng);
        opening = s->closing;
        b = xs_render(s, &pages);
        mc_file(mc, name, b, "bank-statement", pages);
        xs_masked(s, masked, sizeof masked);
        xs_month(s, &cy, &cm);
        if (cy != ny || cm != nm) /* the cut-off month: the next one */
            die("month rule surprise in", mc->id);
        g_string_append_printf(mc->arith,
                               "       period %04d-%02d-%02d..%04d-%02d-%02d (%d days: %d in "
                               "%04d-%02d, %d in %04d-%02d) counts for %04d-%02d\n",
                               s->sy, s->sm, s->sd, s->ey, s->em, s->ed, s->ndays,
                               days_in_month(y, m) - 14, y, m, s->ndays - (days_in_month(y, m) - 14),
                               ny, nm, cy, cm);
        if (cy * 100 + cm <= 202610)
            mc_month(mc, cy, cm, masked, s->adb, "CAD", "average-daily", 1, name);
        else
            g_string_append(mc->arith, "       (2026-11 is outside the 6-month window "
                                       "2026-05..2026-10 and does not count)\n");
        g_byte_array_free(b, TRUE);
        g_free(name);
    }
    g_free(s);
    mc_sort(mc);
    mc_finish(mc, outdir);
}

static void c21(const char *outdir)
{
    struct mcase *mc = mc_new(
        outdir, "c21-spain-eur", "Carmen Lucía Navarro Ibáñez", "visitor-10-years", "meets",
        "Twelve es-euro statements of a Spanish bank (2025-11..2026-10), amounts in the "
        "European format (12.345,67 \xe2\x82\xac), the printed \"Saldo medio del periodo\" "
        "is the month's amount (basis average-daily), converted at the EUR rate.");
    struct xstmt *s = g_new0(struct xstmt, 1);
    const char *iban = "ES76 0049 1500 0512 3456 7892";
    uint64_t r0 = seed_from(mc->id, iban, 0, 0);
    int64_t opening = rnd_range(&r0, EUR_(7900), EUR_(8700));
    int y = 2025, m = 11;
    for (int i = 0; i < 12; i++, month_add(&y, &m, 1)) {
        uint64_t rng = seed_from(mc->id, iban, y, m);
        int64_t target = rnd_range(&rng, EUR_(7700), EUR_(8700));
        char *name = g_strdup_printf("extractos/extracto_%04d_%02d.pdf", y, m);
        char masked[16];
        int pages;
        GByteArray *b;
        xs_build(s, XL_ES_EURO, "CARMEN LUCÍA NAVARRO IBÁÑEZ",
                 "Avinguda Diagonal 455, 08036 Barcelona", iban, "EUR", y, m, 1,
                 days_in_month(y, m), opening, target, 0, &rng);
        opening = s->closing;
        b = xs_render(s, &pages);
        mc_file(mc, name, b, "bank-statement", pages);
        xs_masked(s, masked, sizeof masked);
        mc_month(mc, y, m, masked, s->adb, "EUR", "average-daily", 0, name);
        g_byte_array_free(b, TRUE);
        g_free(name);
    }
    g_free(s);
    mc_sort(mc);
    mc_finish(mc, outdir);
}

void more_cases_generate(const char *outdir)
{
    c14(outdir);
    c15(outdir);
    c16_c17(outdir);
    c18(outdir);
    c19(outdir);
    c20(outdir);
    c21(outdir);
}
