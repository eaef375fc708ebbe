/*
 * cases_rules.c - sample cases c23-c26: the rules of the date.  Each case
 * is evaluated under more than one run of the program and its expected
 * file states the outcome of each:
 *
 *   c23  temporary resident whose balances reach 11,460 days of UMA
 *        (sre-2025) but not 20,000 days of minimum wage (sre-2012);
 *   c24  visitor with three months of statements and an as-of date of
 *        2024-06-30, when sre-2014 (300 days over 3 months) was in force;
 *   c25  pensioner (permanent resident) with two economic dependents:
 *        sre-2025 adds 220 days of UMA per dependent, sre-2012 gives no
 *        figure per dependent (a meets there is needs-review);
 *   c26  visitor whose savings mean passes while one month is far below:
 *        meets under the policy mean, not-met under every-month.
 *
 * The expected file (samples/expected/<case>.xml) keeps the format of the
 * other cases for the default run (solvency run, ruleset sre-2012, policy
 * mean, the as-of date of case.xml): the root's outcome and its <stay>
 * lines.  The root also names the ruleset and the daily index of that run
 * (rulesetId, chosen, wageIndex, wageDaily, wageEffective).  Each further
 * run is a <run ruleset="auto|ID" policy="mean|every-month"> child with
 * the same attributes, its outcome and its own <stay> lines.  A <stay> also
 * carries policy, incomeRequiredMxn, incomeWageDays and, where the reason
 * matters, savingsReason (a phrase one reason of the savings test must
 * contain).  samples/LAYOUTS.md describes the format.
 *
 * The figures of the rulesets and of the daily indexes below are the
 * generator's own copy of schemas/rulesets/sre-20{12,14,25}.xml and
 * schemas/data/{minimum-wages,uma}.xml (the entries these cases need):
 * the expected outcomes are computed here, by hand, never taken from the
 * program.  The arithmetic is written into each expected file's comment.
 */
#include <cairo.h>
#include <glib.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "samplegen.h"

/* ------------------------------------------------------------------ */
/* The rules of the date (generator's copy)                             */
/* ------------------------------------------------------------------ */

struct rr_index {
    const char *index, *effective;
    int64_t daily; /* cents */
};

/* schemas/data/minimum-wages.xml (zone general) and uma.xml, 2024-2026. */
static const struct rr_index INDEXES[] = {
    {"minimum-wage", "2024-01-01", 24893}, {"minimum-wage", "2025-01-01", 27880},
    {"minimum-wage", "2026-01-01", 31504}, {"uma", "2024-02-01", 10857},
    {"uma", "2025-02-01", 11314},          {"uma", "2026-02-01", 11731},
};

struct rr_ruleset {
    const char *id, *index, *from, *to; /* to NULL: open */
};

static const struct rr_ruleset RULESETS[] = {
    {"sre-2012", "minimum-wage", "2012-11-09", "2014-10-09"},
    {"sre-2014", "minimum-wage", "2014-10-10", "2025-08-08"},
    {"sre-2025", "uma", "2025-08-09", NULL},
};

/* The savings and income tests of a stay; stays with property and
   investment tests (temporary-resident) have `assets` set: no case here
   holds a deed, so those tests are insufficient-evidence. */
struct rr_stay {
    const char *ruleset, *stay;
    int sdays, swindow, sdep; /* savings: days, months, days per dependent */
    int idays, iwindow, idep; /* income */
    int assets;
};

static const struct rr_stay RSTAYS[] = {
    {"sre-2012", "visitor", 500, 6, 0, 150, 6, 0, 0},
    {"sre-2012", "temporary-resident", 20000, 12, 0, 400, 6, 0, 1},
    {"sre-2012", "permanent-resident", 25000, 12, 0, 500, 6, 0, 0},
    {"sre-2014", "visitor", 300, 3, 100, 100, 3, 100, 0},
    {"sre-2025", "visitor", 680, 3, 220, 220, 3, 220, 0},
    {"sre-2025", "temporary-resident", 11460, 12, 220, 680, 6, 220, 1},
    {"sre-2025", "permanent-resident", 45850, 12, 220, 1140, 6, 220, 0},
};

static const struct rr_ruleset *ruleset_by_id(const char *id)
{
    for (size_t i = 0; i < NELEM(RULESETS); i++)
        if (strcmp(RULESETS[i].id, id) == 0)
            return &RULESETS[i];
    die("unknown ruleset", id);
    return NULL;
}

/* --ruleset auto: the ruleset whose days hold as_of (ISO dates compare
   as strings). */
static const struct rr_ruleset *ruleset_in_force(const char *as_of)
{
    for (size_t i = 0; i < NELEM(RULESETS); i++)
        if (strcmp(as_of, RULESETS[i].from) >= 0 &&
            (!RULESETS[i].to || strcmp(as_of, RULESETS[i].to) <= 0))
            return &RULESETS[i];
    die("no ruleset in force on", as_of);
    return NULL;
}

static const struct rr_index *index_on(const char *index, const char *as_of)
{
    const struct rr_index *best = NULL;
    for (size_t i = 0; i < NELEM(INDEXES); i++)
        if (strcmp(INDEXES[i].index, index) == 0 &&
            strcmp(INDEXES[i].effective, as_of) <= 0 &&
            (!best || strcmp(INDEXES[i].effective, best->effective) > 0))
            best = &INDEXES[i];
    if (!best || strcmp(as_of, "2024-01-01") < 0)
        die("the generator's index table does not cover", as_of);
    return best;
}

static const struct rr_stay *rstay(const char *ruleset, const char *stay)
{
    for (size_t i = 0; i < NELEM(RSTAYS); i++)
        if (strcmp(RSTAYS[i].ruleset, ruleset) == 0 && strcmp(RSTAYS[i].stay, stay) == 0)
            return &RSTAYS[i];
    die("no figures for stay", stay);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* A case                                                               */
/* ------------------------------------------------------------------ */

struct rdoc {
    char *path;
    int pages;
    char sha256[65];
};

struct rrow {
    int y, m;
    char account[16];
    int64_t amount, mxn;
    const char *currency;
    int computed;
    char source[160];
};

struct rcase {
    const char *id, *applicant, *stay, *as_of, *note;
    const char *next_none; /* the expected file states the next steps of each
                              run (this comment when not met); NULL: none */
    int dependents;
    char *dir;
    GPtrArray *docs;
    GArray *months;
    GString *arith;
};

/* One run of the program: the options and the outcome it is designed for
   (the generator dies when its own evaluation disagrees). */
struct rrun {
    const char *ruleset; /* NULL: the default run (sre-2012, given) */
    const char *policy;  /* "mean" or "every-month" */
    const char *intended;
};

static void money(char *buf, size_t len, int64_t cents)
{
    fmt_amt(buf, len, cents, AMT_US);
}

static void days_str(char *buf, size_t len, int64_t days)
{
    char t[48];
    fmt_amt(t, sizeof t, days * 100, AMT_US);
    *strchr(t, '.') = '\0';
    snprintf(buf, len, "%s", t);
}

static struct rcase *rc_new(const char *outdir, const char *id, const char *applicant,
                            const char *stay, const char *as_of, int dependents,
                            const char *note)
{
    struct rcase *rc = g_new0(struct rcase, 1);
    rc->id = id;
    rc->applicant = applicant;
    rc->stay = stay;
    rc->as_of = as_of;
    rc->dependents = dependents;
    rc->note = note;
    rc->dir = g_build_filename(outdir, "cases", id, NULL);
    rc->docs = g_ptr_array_new();
    rc->months = g_array_new(FALSE, TRUE, sizeof(struct rrow));
    rc->arith = g_string_new("     Month amounts (amountMxn = amount x rate, rounded "
                             "half-up):\n");
    return rc;
}

static void rc_file(struct rcase *rc, const char *rel, const GByteArray *b, int pages)
{
    struct rdoc *d = g_new0(struct rdoc, 1);
    char *full = g_build_filename(rc->dir, rel, NULL);
    char *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, b->data, b->len);
    write_file(full, b->data, b->len);
    d->path = g_strdup(rel);
    d->pages = pages;
    g_strlcpy(d->sha256, sum, sizeof d->sha256);
    g_ptr_array_add(rc->docs, d);
    g_free(sum);
    g_free(full);
}

/* Records the month's deciding figure; converts at the rate in force on
   the case's as-of date (rate_for knows the rates of 2026-11-15 only, so
   a case with another as-of date must be in MXN). */
static void rc_month(struct rcase *rc, int y, int m, const char *account, int64_t amount,
                     const char *currency, int computed, const char *source)
{
    struct rrow r;
    char a[40], x[40];
    int64_t rate;
    if (strcmp(rc->as_of, AS_OF) != 0 && strcmp(currency, "MXN") != 0)
        die("a case with its own as-of date must be in MXN", rc->id);
    rate = rate_for(currency);
    for (guint i = 0; i < rc->months->len; i++)
        if (g_array_index(rc->months, struct rrow, i).y == y &&
            g_array_index(rc->months, struct rrow, i).m == m)
            die("one account per case here", rc->id);
    memset(&r, 0, sizeof r);
    r.y = y;
    r.m = m;
    g_strlcpy(r.account, account, sizeof r.account);
    r.amount = amount;
    r.mxn = div_round(amount * rate, 10000);
    r.currency = currency;
    r.computed = computed;
    snprintf(r.source, sizeof r.source, "%s#1", source);
    g_array_append_val(rc->months, r);
    money(a, sizeof a, amount);
    money(x, sizeof x, r.mxn);
    g_string_append_printf(rc->arith,
                           "       %04d-%02d %s: %s %s (average-daily%s) x %" PRId64
                           ".%04" PRId64 " = %s MXN\n",
                           y, m, account, a, currency, computed ? ", computed" : "",
                           rate / 10000, rate % 10000, x);
}

static const struct rrow *rc_row(const struct rcase *rc, int y, int m)
{
    for (guint i = 0; i < rc->months->len; i++) {
        const struct rrow *r = &g_array_index(rc->months, struct rrow, i);
        if (r->y == y && r->m == m)
            return r;
    }
    return NULL;
}

static void write_case_manifest(const struct rcase *rc)
{
    GString *g = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<case");
    char *e = g_markup_escape_text(rc->applicant, -1);
    char *path;
    gs_attr(g, "id", rc->id);
    g_string_append_printf(g, ">\n  <applicant>%s</applicant>\n  <asOf>%s</asOf>\n", e,
                           rc->as_of);
    g_string_append_printf(g, "  <request stay=\"%s\"/>\n", rc->stay);
    if (rc->dependents > 0)
        g_string_append_printf(g, "  <dependents n=\"%d\"/>\n", rc->dependents);
    g_string_append(g, "</case>\n");
    path = g_build_filename(rc->dir, "case.xml", NULL);
    write_file(path, g->str, g->len);
    g_free(path);
    g_free(e);
    g_string_free(g, TRUE);
}

/* ------------------------------------------------------------------ */
/* Evaluation of one run, by hand                                       */
/* ------------------------------------------------------------------ */

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

/* The run's attributes (rulesetId, chosen, the index) into g. */
static void run_attrs(GString *g, const struct rr_ruleset *rs, int chosen_auto,
                      const struct rr_index *ix)
{
    char d[40];
    gs_attr(g, "rulesetId", rs->id);
    gs_attr(g, "chosen", chosen_auto ? "auto" : "given");
    gs_attr(g, "wageIndex", ix->index);
    fmt_plain(d, sizeof d, ix->daily);
    gs_attr(g, "wageDaily", d);
    gs_attr(g, "wageEffective", ix->effective);
}

/* Evaluates the case's stay under `run`; appends the arithmetic to
   rc->arith, the opening tag's attributes to `head` and the <stay> line
   (indented by `ind`) to `body`; returns the overall outcome. */
static const char *eval_run(struct rcase *rc, const struct rrun *run, GString *head,
                            GString *body, const char *ind)
{
    int auto_rs = run->ruleset && strcmp(run->ruleset, "auto") == 0;
    const struct rr_ruleset *rs = auto_rs       ? ruleset_in_force(rc->as_of)
                                  : run->ruleset ? ruleset_by_id(run->ruleset)
                                                 : ruleset_by_id("sre-2012");
    const struct rr_index *ix = index_on(rs->index, rc->as_of);
    const struct rr_stay *st = rstay(rs->id, rc->stay);
    int every = strcmp(run->policy, "every-month") == 0;
    int uma = strcmp(ix->index, "uma") == 0;
    int ay, am, ad, y, m, found = 0, below = 0, ly = 0, lm = 0, complete, mean_pass = 0;
    int sdays = st->sdays, idays = st->idays;
    int64_t sreq, ireq, sum = 0, lowest = 0, mean = 0;
    const char *sv, *tests[4], *so, *review_why = NULL;
    int nt = 0;
    char a[48], b[48], c[48], dd[48], first[16], last[16], daily[40];

    if (sscanf(rc->as_of, "%d-%d-%d", &ay, &am, &ad) != 3)
        die("bad as-of date", rc->as_of);
    fmt_plain(daily, sizeof daily, ix->daily);

    /* header of the run */
    if (!run->ruleset)
        g_string_append_printf(rc->arith, "     Default run (ruleset sre-2012, given; policy %s):\n",
                               run->policy);
    else if (auto_rs)
        g_string_append_printf(rc->arith,
                               "     Run with ruleset auto, policy %s: %s is in force on %s "
                               "(from %s%s%s):\n",
                               run->policy, rs->id, rc->as_of, rs->from, rs->to ? " to " : "",
                               rs->to ? rs->to : "");
    else
        g_string_append_printf(rc->arith, "     Run with ruleset %s, policy %s:\n", rs->id,
                               run->policy);
    g_string_append_printf(rc->arith, "       %s in force on %s: %s MXN/day (from %s).\n",
                           uma ? "UMA" : "minimum wage (zone general)", rc->as_of, daily,
                           ix->effective);

    /* savings: days, dependents, required */
    if (rc->dependents > 0 && st->sdep > 0)
        sdays += rc->dependents * st->sdep;
    if (rc->dependents > 0 && st->idep > 0)
        idays += rc->dependents * st->idep;
    sreq = (int64_t)sdays * ix->daily;
    ireq = (int64_t)idays * ix->daily;
    money(a, sizeof a, sreq);
    days_str(b, sizeof b, st->sdays);
    if (rc->dependents > 0 && st->sdep > 0) {
        days_str(c, sizeof c, sdays);
        g_string_append_printf(rc->arith,
                               "       Stay %s, savings: (%s + %d dependents x %d = %s) days%s "
                               "x %s = %s MXN",
                               st->stay, b, rc->dependents, st->sdep, c, uma ? " of UMA" : "",
                               daily, a);
    } else {
        g_string_append_printf(rc->arith, "       Stay %s, savings: %s days%s x %s = %s MXN",
                               st->stay, b, uma ? " of UMA" : "", daily, a);
        if (rc->dependents > 0)
            g_string_append_printf(rc->arith,
                                   " (%s gives no figure per dependent: the %d dependents "
                                   "add nothing, and a meets becomes needs-review)",
                                   rs->id, rc->dependents);
    }

    /* the window: the N calendar months before the as-of month */
    y = ay;
    m = am;
    month_add(&y, &m, -st->swindow);
    snprintf(first, sizeof first, "%04d-%02d", y, m);
    for (int k = 0; k < st->swindow; k++, month_add(&y, &m, 1)) {
        const struct rrow *r = rc_row(rc, y, m);
        snprintf(last, sizeof last, "%04d-%02d", y, m);
        if (!r)
            continue;
        found++;
        sum += r->mxn;
        if (found == 1 || r->mxn < lowest) {
            lowest = r->mxn;
            ly = y;
            lm = m;
        }
        if (r->mxn < sreq)
            below++;
    }
    g_string_append_printf(rc->arith, " over the %d months %s..%s; %d found", st->swindow,
                           first, last, found);
    complete = found == st->swindow;
    if (!complete) {
        sv = "insufficient-evidence";
        g_string_append(rc->arith, " (every month is needed)");
    } else {
        money(c, sizeof c, sum);
        mean = div_round(sum, st->swindow);
        money(dd, sizeof dd, mean);
        /* "reaches": sum >= required x N, exactly (no rounding) */
        mean_pass = sum >= sreq * st->swindow;
        g_string_append_printf(rc->arith, "; sum %s, mean = sum / %d = %s MXN %s %s", c,
                               st->swindow, dd, mean_pass ? ">=" : "<", a);
        sv = mean_pass && (!every || below == 0) ? "meets" : "not-met";
    }
    if (found > 0) {
        money(c, sizeof c, lowest);
        g_string_append_printf(rc->arith, "; lowest %04d-%02d %s; %d month(s) below %s", ly, lm,
                               c, below, a);
    }
    if (every && complete)
        g_string_append_printf(rc->arith, "; policy every-month: %s",
                               below > 0 ? "a month below fails the test whatever the mean"
                                         : "every month reaches it");
    if (rc->dependents > 0 && st->sdep == 0 && strcmp(sv, "meets") == 0) {
        sv = "needs-review";
        review_why = "per dependent";
    }
    g_string_append_printf(rc->arith, " -> %s.\n", sv);
    tests[nt++] = sv;

    /* income: no letter in these cases */
    money(a, sizeof a, ireq);
    days_str(b, sizeof b, st->idays);
    if (rc->dependents > 0 && st->idep > 0) {
        days_str(c, sizeof c, idays);
        g_string_append_printf(rc->arith, "       Income: (%s + %d x %d = %s) days x %s = %s MXN",
                               b, rc->dependents, st->idep, c, daily, a);
    } else {
        g_string_append_printf(rc->arith, "       Income: %s days x %s = %s MXN", b, daily, a);
    }
    g_string_append_printf(rc->arith, " over %d months; no income letter -> "
                                      "insufficient-evidence.\n",
                           st->iwindow);
    tests[nt++] = "insufficient-evidence";
    if (st->assets) {
        g_string_append(rc->arith, "       Property, investment: no deed -> "
                                   "insufficient-evidence.\n");
        tests[nt++] = "insufficient-evidence";
        tests[nt++] = "insufficient-evidence";
    }
    so = stay_outcome(tests, nt);
    g_string_append_printf(rc->arith, "       Stay %s -> %s (a stay meets when any test does); "
                                      "overall %s.\n",
                           st->stay, so, so);
    if (strcmp(so, run->intended) != 0)
        die("run outcome differs from the design", rc->id);

    run_attrs(head, rs, auto_rs, ix);

    g_string_append_printf(body, "%s<stay", ind);
    gs_attr(body, "id", st->stay);
    gs_attr(body, "outcome", so);
    g_string_append_printf(body, " windowMonths=\"%d\" wageDays=\"%d\"", st->swindow, sdays);
    gs_attr_cents(body, "savingsRequiredMxn", sreq);
    if (complete)
        gs_attr_cents(body, "savingsMeanMxn", mean);
    g_string_append_printf(body, " monthsFound=\"%d\"", found);
    gs_attr(body, "policy", run->policy);
    gs_attr(body, "savingsOutcome", sv);
    gs_attr(body, "incomeOutcome", "insufficient-evidence");
    if (found > 0) {
        snprintf(c, sizeof c, "%04d-%02d", ly, lm);
        gs_attr(body, "lowestMonth", c);
        gs_attr_cents(body, "lowestMonthMxn", lowest);
        g_string_append_printf(body, " monthsBelow=\"%d\"", below);
    }
    gs_attr_cents(body, "incomeRequiredMxn", ireq);
    g_string_append_printf(body, " incomeWageDays=\"%d\" incomeMonthsFound=\"0\"", idays);
    if (review_why)
        gs_attr(body, "savingsReason", review_why);
    else if (every && complete && below > 0)
        gs_attr(body, "savingsReason", "policy every-month");
    g_string_append(body, "/>\n");
    return so;
}

static void rc_finish(struct rcase *rc, const char *outdir, const struct rrun *runs, int nruns)
{
    GString *g = g_string_new(NULL), *xml = g_string_new(NULL);
    GString *head = g_string_new(NULL), *body = g_string_new(NULL);
    const char *overall;
    char *path;

    write_case_manifest(rc);
    if (nruns < 2 || runs[0].ruleset != NULL || strcmp(runs[0].policy, "mean") != 0)
        die("the first run must be the default one", rc->id);

    /* rc->arith so far: the months; the runs follow */
    overall = eval_run(rc, &runs[0], head, body, "  ");
    if (rc->next_none)
        next_steps_xml(body, "  ", rc->stay, overall, rc->next_none);
    g_string_append(xml, "<expected");
    gs_attr(xml, "case", rc->id);
    gs_attr(xml, "asOf", rc->as_of);
    gs_attr(xml, "outcome", overall);
    g_string_append(xml, head->str);
    g_string_append(xml, ">\n");
    g_string_append(xml, body->str);
    for (int i = 1; i < nruns; i++) {
        g_string_truncate(head, 0);
        g_string_truncate(body, 0);
        const char *o = eval_run(rc, &runs[i], head, body, "    ");
        if (rc->next_none)
            next_steps_xml(body, "    ", rc->stay, o, rc->next_none);
        g_string_append(xml, "  <run");
        gs_attr(xml, "ruleset", runs[i].ruleset ? runs[i].ruleset : "sre-2012");
        gs_attr(xml, "policy", runs[i].policy);
        g_string_append(xml, head->str);
        gs_attr(xml, "outcome", o);
        g_string_append(xml, ">\n");
        g_string_append(xml, body->str);
        g_string_append(xml, "  </run>\n");
    }
    g_string_append(xml, "  <applicant");
    gs_attr(xml, "name", rc->applicant);
    gs_attr(xml, "source", "manifest");
    g_string_append(xml, "/>\n");
    for (guint i = 0; i < rc->months->len; i++) {
        const struct rrow *r = &g_array_index(rc->months, struct rrow, i);
        char period[16];
        snprintf(period, sizeof period, "%04d-%02d", r->y, r->m);
        g_string_append(xml, "  <month");
        gs_attr(xml, "period", period);
        gs_attr(xml, "account", r->account);
        gs_attr_cents(xml, "amount", r->amount);
        gs_attr(xml, "currency", r->currency);
        gs_attr(xml, "basis", "average-daily");
        gs_attr_cents(xml, "amountMxn", r->mxn);
        gs_attr(xml, "source", r->source);
        if (r->computed)
            gs_attr(xml, "computed", "true");
        g_string_append(xml, "/>\n");
    }
    for (guint i = 0; i < rc->docs->len; i++) {
        const struct rdoc *d = g_ptr_array_index(rc->docs, i);
        g_string_append(xml, "  <document");
        gs_attr(xml, "path", d->path);
        gs_attr(xml, "status", "ok");
        gs_attr(xml, "kind", "bank-statement");
        g_string_append_printf(xml, " pages=\"%d\"", d->pages);
        gs_attr(xml, "text", "text-layer");
        gs_attr(xml, "sha256", d->sha256);
        g_string_append(xml, "/>\n");
    }
    g_string_append(xml, "</expected>\n");

    if (strstr(rc->note, "--") || strstr(rc->arith->str, "--"))
        die("an XML comment cannot hold \"--\"", rc->id);
    g_string_append(g, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    g_string_append_printf(
        g,
        "<!-- Expected outcome of sample case %s, written by solvency-samplegen from its "
        "own figures.\n"
        "     Not read by the pipeline; the golden tests compare reports with it.\n"
        "     %s\n"
        "     Runs: the root element and its <stay> lines are the default run (solvency run "
        "without the ruleset and\n"
        "     policy options: ruleset sre-2012, policy mean) at the as-of date of case.xml; "
        "each <run ruleset=\"R\" policy=\"P\">\n"
        "     child is the run with the options ruleset R and policy P, its outcome and its "
        "<stay> lines.  rulesetId, chosen,\n"
        "     wageIndex, wageDaily and wageEffective name the ruleset applied and the daily "
        "index in force on asOf.\n"
        "     Figures: schemas/rulesets/sre-2012.xml, sre-2014.xml, sre-2025.xml; "
        "schemas/data/minimum-wages.xml, uma.xml.\n"
        "     A savings test reaches its figure when the sum of the window's monthly totals "
        ">= figure x months\n"
        "     (the mean, unrounded); the mean printed is rounded half-up.  Under policy "
        "every-month each month must\n"
        "     reach it as well.  No case here has an income letter or a deed: those tests "
        "are insufficient-evidence.\n"
        "     By hand:\n%s     -->\n",
        rc->id, rc->note, rc->arith->str);
    g_string_append(g, xml->str);
    path = g_strdup_printf("%s/expected/%s.xml", outdir, rc->id);
    write_file(path, g->str, g->len);
    printf("%-28s %-22s %u documents, %d runs\n", rc->id, overall, rc->docs->len, nruns);

    g_free(path);
    for (guint i = 0; i < rc->docs->len; i++) {
        struct rdoc *d = g_ptr_array_index(rc->docs, i);
        g_free(d->path);
        g_free(d);
    }
    g_ptr_array_free(rc->docs, TRUE);
    g_array_free(rc->months, TRUE);
    g_string_free(rc->arith, TRUE);
    g_string_free(g, TRUE);
    g_string_free(xml, TRUE);
    g_string_free(head, TRUE);
    g_string_free(body, TRUE);
    g_free(rc->dir);
    g_free(rc);
}

static int rdoc_cmp(gconstpointer a, gconstpointer b)
{
    const struct rdoc *x = *(struct rdoc *const *)a, *y = *(struct rdoc *const *)b;
    return strcmp(x->path, y->path);
}

/* ------------------------------------------------------------------ */
/* Statements                                                           */
/* ------------------------------------------------------------------ */

/* Statements in the original layouts (en-summary, es-resumen): n months
   from (y, m); month (low_y, low_m) lands on low_target. */
static void original_statements(struct rcase *rc, enum layout layout, const char *currency,
                                const char *holder, const char *address, const char *number,
                                const char *product, int y, int m, int n, int64_t lo,
                                int64_t hi, int low_y, int low_m, int64_t low_target,
                                char *(*name_of)(int y, int m))
{
    struct case_spec cs;
    struct account_spec as;
    struct statement *s = g_new0(struct statement, 1);
    uint64_t r0 = seed_from(rc->id, number, 0, 0);
    int64_t opening = rnd_range(&r0, lo, hi);
    char masked[16];

    memset(&cs, 0, sizeof cs);
    memset(&as, 0, sizeof as);
    cs.id = rc->id;
    cs.holder = holder;
    cs.address = address;
    as.layout = layout;
    as.currency = currency;
    as.number = number;
    as.product = product;
    snprintf(masked, sizeof masked, "****%s", number + strlen(number) - 4);
    for (int i = 0; i < n; i++, month_add(&y, &m, 1)) {
        uint64_t rng = seed_from(rc->id, number, y, m);
        int64_t target = rnd_range(&rng, lo, hi);
        char *name = name_of(y, m);
        int pages;
        GByteArray *pdf;
        if (y == low_y && m == low_m)
            target = low_target;
        stmt_build(s, &cs, &as, y, m, opening, target, &rng);
        print_account(s->account_print, sizeof s->account_print, &as);
        make_clabe(s->clabe, sizeof s->clabe, as.number);
        opening = s->closing;
        pdf = stmt_render(s, 0, &pages);
        rc_file(rc, name, pdf, pages);
        rc_month(rc, y, m, masked, s->adb, currency, 0, name);
        g_byte_array_free(pdf, TRUE);
        g_free(name);
    }
    g_free(s);
}

/* Statements in an issue-4 layout, whole calendar months. */
static void x_statements(struct rcase *rc, enum xlayout layout, const char *holder,
                         const char *address, const char *number, int y, int m, int n,
                         int64_t lo, int64_t hi, char *(*name_of)(int y, int m))
{
    struct xstmt *s = g_new0(struct xstmt, 1);
    uint64_t r0 = seed_from(rc->id, number, 0, 0);
    int64_t opening = rnd_range(&r0, lo, hi);
    for (int i = 0; i < n; i++, month_add(&y, &m, 1)) {
        uint64_t rng = seed_from(rc->id, number, y, m);
        int64_t target = rnd_range(&rng, lo, hi);
        char *name = name_of(y, m);
        char masked[16];
        int pages;
        GByteArray *b;
        xs_build(s, layout, holder, address, number, "MXN", y, m, 1, days_in_month(y, m),
                 opening, target, 0, &rng);
        opening = s->closing;
        b = xs_render(s, &pages);
        rc_file(rc, name, b, pages);
        xs_masked(s, masked, sizeof masked);
        rc_month(rc, y, m, masked, s->adb, "MXN", !xs_prints_average(s), name);
        g_byte_array_free(b, TRUE);
        g_free(name);
    }
    g_free(s);
}

/* ------------------------------------------------------------------ */
/* The cases                                                            */
/* ------------------------------------------------------------------ */

/* File names of the statements (returned owned: g_free). */
static char *name_c23(int y, int m)
{
    return g_strdup_printf("banco_del_valle/edo_cta_%04d_%02d.pdf", y, m);
}

static char *name_c24(int y, int m)
{
    return g_strdup_printf("movimientos/EdoCta_Atlantico_%04d-%02d.pdf", y, m);
}

static char *name_c25(int y, int m)
{
    return g_strdup_printf("cordillera/estado_%s_%04d.pdf", ES_MONTH[m - 1], y);
}

static char *name_c26(int y, int m)
{
    return g_strdup_printf("statements/FHB_%04d-%02d.pdf", y, m);
}

static void c23(const char *outdir)
{
    static const struct rrun runs[] = {{NULL, "mean", "not-met"},
                                       {"auto", "mean", "meets"}};
    struct rcase *rc = rc_new(
        outdir, "c23-temporary-uma-2025", "Valentina Sofía Restrepo Arango",
        "temporary-resident", AS_OF, 0,
        "Twelve es-resumen MXN statements (2025-11..2026-10), monthly averages of about "
        "1.42 to 1.56 million pesos: above 11,460 days of UMA (sre-2025, in force on "
        "2026-11-15, UMA 117.31 from 2026-02-01) in every month, far below 20,000 days of "
        "minimum wage (sre-2012, 315.04 from 2026-01-01). Default run: not-met; with "
        "ruleset auto: meets.");
    rc->next_none = "none under sre-2012 (not met); under auto the stay meets and the canje "
                    "follows.";
    original_statements(rc, LAYOUT_ES, "MXN", "VALENTINA SOFÍA RESTREPO ARANGO",
                        "Av. Álvaro Obregón 185, Col. Roma Norte, Cuauhtémoc, C.P. 06700, "
                        "Ciudad de México",
                        "0561203348", "CUENTA PATRIMONIAL", 2025, 11, 12, MXN(1420000),
                        MXN(1560000), 0, 0, 0, name_c23);
    g_ptr_array_sort(rc->docs, rdoc_cmp);
    rc_finish(rc, outdir, runs, NELEM(runs));
}

static void c24(const char *outdir)
{
    static const struct rrun runs[] = {{NULL, "mean", "insufficient-evidence"},
                                       {"auto", "mean", "meets"}};
    struct rcase *rc = rc_new(
        outdir, "c24-visitor-2024-sre-2014", "Camila Andrea Figueroa Soto", "visitor",
        "2024-06-30", 0,
        "Three es-movimientos MXN statements (2024-03..2024-05; no printed average, the "
        "average daily balance is computed from the running balances) and asOf 2024-06-30 "
        "in case.xml, when sre-2014 was in force (2014-10-10..2025-08-08): 300 days of the "
        "minimum wage 248.93 (from 2024-01-01) over the 3 months before asOf; ruleset auto "
        "meets. The default sre-2012 asks 500 days over 6 months (2023-12..2024-05): three "
        "are missing, insufficient-evidence. The golden test checks the default run at the "
        "case's own asOf (its run over all samples forces the as-of date 2026-11-15).");
    x_statements(rc, XL_ES_MOVIMIENTOS, "CAMILA ANDREA FIGUEROA SOTO",
                 "Av. Constitución 1450, Col. Centro, C.P. 64000, Monterrey, N.L.",
                 "65504481903", 2024, 3, 3, MXN(86000), MXN(94000),
                 name_c24);
    g_ptr_array_sort(rc->docs, rdoc_cmp);
    rc_finish(rc, outdir, runs, NELEM(runs));
}

static void c25(const char *outdir)
{
    static const struct rrun runs[] = {{NULL, "mean", "needs-review"},
                                       {"auto", "mean", "meets"}};
    struct rcase *rc = rc_new(
        outdir, "c25-pensioner-dependents", "Richard Alan Kowalski", "permanent-resident",
        AS_OF, 2,
        "A pensioner with two economic dependents (<dependents n=\"2\"/> in case.xml) and "
        "twelve es-columnas MXN statements (2025-11..2026-10), monthly averages of about "
        "8.05 to 8.35 million pesos. Ruleset auto (sre-2025): (45,850 + 2 x 220) days of "
        "UMA, meets. Default sre-2012: the mean reaches 25,000 days of minimum wage, but "
        "sre-2012 has no figure per dependent, so the savings test is needs-review (a "
        "person decides what the dependents add).");
    x_statements(rc, XL_ES_COLUMNAS, "RICHARD ALAN KOWALSKI",
                 "Calle Colón 23, Col. Centro, C.P. 45920, Ajijic, Jal.", "0473318520", 2025,
                 11, 12, MXN(8050000), MXN(8350000), name_c25);
    g_ptr_array_sort(rc->docs, rdoc_cmp);
    rc_finish(rc, outdir, runs, NELEM(runs));
}

static void c26(const char *outdir)
{
    static const struct rrun runs[] = {{NULL, "mean", "meets"},
                                       {"sre-2012", "every-month", "not-met"},
                                       {"auto", "mean", "meets"},
                                       {"auto", "every-month", "not-met"}};
    struct rcase *rc = rc_new(
        outdir, "c26-every-month-dip", "Olivia Grace Bennett", "visitor", AS_OF, 0,
        "Six en-summary USD statements (2026-05..2026-10) with averages of about US$10,200 "
        "to 10,800, except 2026-08 (US$3,900.00: money moved out for the month). The mean "
        "passes both 500 days of minimum wage over 6 months (sre-2012) and 680 days of UMA "
        "over 3 months (sre-2025), but 2026-08 is below either figure: policy mean meets, "
        "policy every-month is not-met.");
    original_statements(rc, LAYOUT_EN, "USD", "OLIVIA GRACE BENNETT",
                        "1907 Magnolia Avenue, Chattanooga, TN 37404", "008835120467",
                        "Premier Checking", 2026, 5, 6, USD(10200), USD(10800), 2026, 8,
                        USD(3900), name_c26);
    g_ptr_array_sort(rc->docs, rdoc_cmp);
    rc_finish(rc, outdir, runs, NELEM(runs));
}

void rules_cases_generate(const char *outdir)
{
    c23(outdir);
    c24(outdir);
    c25(outdir);
    c26(outdir);
}
