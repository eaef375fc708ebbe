/*
 * usstatus.c - US immigration status documents for the samples: the USCIS
 * Form I-797 / I-797A approval notice, the CBP website's "Most Recent I-94"
 * printout, the front of the EAD card (Form I-766) and the US visa foil
 * (machine-readable visa) in a passport, each in two or three layouts
 * (samples/LAYOUTS.md, "US immigration status documents").
 *
 * A document is a struct us_spec (who, class, dates, petitioner, post)
 * whose numbers (receipt, I-94 record, USCIS#, card, control, passport)
 * and secondary dates (received, notice, print time) are drawn by
 * us_build from a PRNG seeded with a fixed key, so a scanned twin draws
 * the very page of its text-layer original.  Drawn as the real forms
 * print them: labels and date formats as printed, surname first where the
 * form puts it first, the visa's two 44-character MRZ lines with ICAO 9303
 * check digits.  Portraits are grey rectangles.  Every person, number and
 * company is invented.
 */
#include <cairo.h>
#include <glib.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "samplegen.h"

/* Card and foil sizes in points: ID-1 card (85.6 x 54 mm), MRV-A visa
   (120 x 80 mm) on an ID-3 passport page (125 x 88 mm).  Foils and pages
   are drawn FOIL_SCALE times their size, as a phone close-up or an
   enlarged copy shows them. */
#define CARD_W 242.65
#define CARD_H 153.07
#define FOIL_W 340.16
#define FOIL_H 226.77
#define PPAGE_W 354.33
#define PPAGE_H 249.45
#define FOIL_SCALE 1.6

static const char *const MON_UP[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                     "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

/* ------------------------------------------------------------------ */
/* Dates and numbers                                                    */
/* ------------------------------------------------------------------ */

/* Days since 1970-01-01 of a civil date, and back (H. Hinnant). */
static long days_civil(int y, int m, int d)
{
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from(long z, int *y, int *m, int *d)
{
    long era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void mdy(char *b, size_t n, int y, int m, int d) /* 09/30/2027 */
{
    snprintf(b, n, "%02d/%02d/%04d", m, d, y);
}

static void ymd_words(char *b, size_t n, int y, int m, int d) /* 2024 March 15 */
{
    snprintf(b, n, "%04d %s %02d", y, EN_MONTH[m - 1], d);
}

static void iso(char *b, size_t n, int y, int m, int d)
{
    snprintf(b, n, "%04d-%02d-%02d", y, m, d);
}

/* A string of `n` random digits, the first one not zero when `lead`. */
static void digits(char *out, int n, int lead, uint64_t *rng)
{
    for (int i = 0; i < n; i++)
        out[i] = (char)('0' + rnd_range(rng, i == 0 && lead ? 1 : 0, 9));
    out[n] = '\0';
}

int mrz_check(const char *s, size_t n)
{
    static const int w[] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v = 0;
        if (s[i] >= '0' && s[i] <= '9')
            v = s[i] - '0';
        else if (s[i] >= 'A' && s[i] <= 'Z')
            v = s[i] - 'A' + 10;
        else if (s[i] != '<')
            die("not an MRZ character", s);
        sum += v * w[i % 3];
    }
    return sum % 10;
}

void us_class_hyphen(const char *cls, char *out, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; cls[i] && o + 2 < len; i++) {
        /* a hyphen before the first digit of a part that starts with letters */
        if (isdigit((unsigned char)cls[i]) && i > 0 && isalpha((unsigned char)cls[i - 1])) {
            size_t j = i;
            while (j > 0 && isalpha((unsigned char)cls[j - 1]))
                j--;
            if (j == 0 || cls[j - 1] == '/')
                out[o++] = '-';
        }
        out[o++] = cls[i];
    }
    out[o] = '\0';
}

enum us_form us_form_of(enum us_layout l)
{
    switch (l) {
    case USL_I797A_TEAROFF:
    case USL_I797_BOXES:
    case USL_I797_INLINE:
        return USF_I797;
    case USL_I94_LINES:
    case USL_I94_TABLE:
        return USF_I94;
    case USL_EAD_CARD:
    case USL_EAD_COPY:
        return USF_EAD;
    case USL_VISA_FOIL:
    case USL_VISA_PAGE:
        break;
    }
    return USF_VISA;
}

const char *us_layout_name(enum us_layout l)
{
    switch (l) {
    case USL_I797A_TEAROFF: return "i797a-tearoff";
    case USL_I797_BOXES: return "i797-boxes";
    case USL_I797_INLINE: return "i797-inline";
    case USL_I94_LINES: return "i94-lines";
    case USL_I94_TABLE: return "i94-table";
    case USL_EAD_CARD: return "ead-card";
    case USL_EAD_COPY: return "ead-copy";
    case USL_VISA_FOIL: return "visa-foil";
    case USL_VISA_PAGE: return "visa-page";
    }
    return "?";
}

void us_page_size(enum us_layout l, double *w, double *h)
{
    *w = LETTER_W;
    *h = LETTER_H;
    if (l == USL_VISA_FOIL) {
        *w = FOIL_W * FOIL_SCALE;
        *h = FOIL_H * FOIL_SCALE;
    } else if (l == USL_VISA_PAGE) {
        *w = PPAGE_W * FOIL_SCALE;
        *h = PPAGE_H * FOIL_SCALE;
    }
}

/* Text for an MRZ: letters (upper case) and digits kept, anything else a
   filler. */
static void mrz_name(char *out, size_t len, const char *s)
{
    size_t o = 0;
    for (; *s && o + 1 < len; s++)
        out[o++] = isalnum((unsigned char)*s) ? (char)toupper((unsigned char)*s) : '<';
    out[o] = '\0';
}

static void mrz_pad(char *buf, size_t width)
{
    size_t n = strlen(buf);
    while (n < width)
        buf[n++] = '<';
    buf[width] = '\0';
}

/* The passport and the A-number belong to the person: the same on every
   document of one person. */
static void person_numbers(struct us_doc *d)
{
    const struct us_person *p = d->sp->who;
    uint64_t r = seed_from("passport", p->surname, p->by, p->bm * 100 + p->bd);
    char n[16];
    if (strcmp(p->nat, "IND") == 0) { /* letter + 7 digits */
        digits(n, 7, 1, &r);
        snprintf(d->passport, sizeof d->passport, "%c%s", (char)('P' + rnd_range(&r, 0, 10)), n);
    } else if (strcmp(p->nat, "BRA") == 0) { /* two letters + 6 digits */
        digits(n, 6, 1, &r);
        snprintf(d->passport, sizeof d->passport, "F%c%s", (char)('A' + rnd_range(&r, 0, 25)),
                 n);
    } else if (strcmp(p->nat, "KOR") == 0) { /* M + 8 digits */
        digits(n, 8, 1, &r);
        snprintf(d->passport, sizeof d->passport, "M%s", n);
    } else {
        digits(n, 8, 1, &r);
        snprintf(d->passport, sizeof d->passport, "%c%s", (char)('A' + rnd_range(&r, 0, 7)), n);
    }
    r = seed_from("a-number", p->surname, p->by, p->bm * 100 + p->bd);
    snprintf(d->uscis, sizeof d->uscis, "2%02d-%03d-%03d", (int)rnd_range(&r, 0, 49),
             (int)rnd_range(&r, 0, 999), (int)rnd_range(&r, 0, 999));
}

/* Receipt number: center, fiscal year (from October), workday, 5 digits. */
static void receipt_number(char *out, size_t len, const char *center, long day, uint64_t *rng)
{
    int y, m, d, fy;
    char tail[8];
    civil_from(day, &y, &m, &d);
    fy = m >= 10 ? y + 1 : y;
    digits(tail, 5, 0, rng);
    snprintf(out, len, "%s%02d%03ld%s", center, fy % 100,
             (day - days_civil(fy - 1, 10, 1)) * 5 / 7 + 1, tail);
}

static const char *const STREETS[][2] = {
    {"2100 Mission College Blvd, Suite 400", "Santa Clara CA 95054"},
    {"55 Water Street, Floor 12", "New York NY 10041"},
    {"1 Lincoln Centre, Suite 900", "Chicago IL 60601"},
    {"5301 Southwest Parkway, Building 3", "Austin TX 78735"},
    {"400 Boylston Street, Suite 1100", "Boston MA 02116"},
    {"1800 Century Park East, Suite 600", "Los Angeles CA 90067"},
};

void us_build(struct us_doc *d, const struct us_spec *sp, const char *seed_key)
{
    uint64_t rng = seed_from("us-status", seed_key, sp->fy, sp->fm * 100 + sp->fd);
    long asof = days_civil(AS_OF_Y, AS_OF_M, AS_OF_D);
    char n[16];
    int k;

    memset(d, 0, sizeof *d);
    d->sp = sp;
    person_numbers(d);
    switch (us_form_of(sp->layout)) {
    case USF_I797: {
        long start = days_civil(sp->fy, sp->fm, sp->fd);
        long rec = start - rnd_range(&rng, 40, 170);
        long notice = rec + rnd_range(&rng, 12, 95);
        if (notice > asof - 7)
            notice = asof - 7;
        civil_from(rec, &d->ry, &d->rm, &d->rd);
        civil_from(notice, &d->ny, &d->nm, &d->nd);
        receipt_number(d->receipt, sizeof d->receipt, sp->center, rec, &rng);
        digits(n, 11, 1, &rng);
        g_strlcpy(d->i94, n, sizeof d->i94);
        k = (int)rnd_range(&rng, 0, (int64_t)NELEM(STREETS) - 1);
        snprintf(d->address[0], sizeof d->address[0], "%s", sp->org);
        snprintf(d->address[1], sizeof d->address[1], "c/o HUMAN RESOURCES DEPARTMENT");
        snprintf(d->address[2], sizeof d->address[2], "%s", STREETS[k][0]);
        snprintf(d->address[3], sizeof d->address[3], "%s", STREETS[k][1]);
        break;
    }
    case USF_I94: {
        long printed = asof - rnd_range(&rng, 2, 24);
        int y, m, dd, hh = (int)rnd_range(&rng, 8, 21), mi = (int)rnd_range(&rng, 0, 59);
        digits(n, 9, 1, &rng);
        if (rnd_range(&rng, 0, 3) == 0) { /* an older, all-digit record number */
            char t[4];
            digits(t, 2, 0, &rng);
            snprintf(d->i94, sizeof d->i94, "%s%s", n, t);
        } else {
            static const char L[] = "ABCDEFGHJKLMNPRTUVWXYZ";
            snprintf(d->i94, sizeof d->i94, "%s%c%d", n,
                     L[rnd_range(&rng, 0, (int64_t)sizeof L - 2)], (int)rnd_range(&rng, 0, 9));
        }
        civil_from(printed, &y, &m, &dd);
        snprintf(d->printed, sizeof d->printed, "%d/%d/%02d, %d:%02d %s", m, dd, y % 100,
                 hh > 12 ? hh - 12 : hh, mi, hh >= 12 ? "PM" : "AM");
        break;
    }
    case USF_EAD:
        digits(n, 10, 0, &rng);
        snprintf(d->card, sizeof d->card, "%s%s", sp->center, n);
        break;
    case USF_VISA: {
        long issue = days_civil(sp->fy, sp->fm, sp->fd);
        char b[16], e[16], nat[4], opt[20], name[64], l2[160];
        digits(n, 7, 0, &rng);
        snprintf(d->control, sizeof d->control, "%04d%03d%s", sp->fy % 10000,
                 (int)(issue - days_civil(sp->fy, 1, 1) + 1) % 1000, n);
        if (sp->cls[0] == 'F' || sp->cls[0] == 'J' || sp->cls[0] == 'M') {
            digits(n, 8, 0, &rng);
            snprintf(d->annotation, sizeof d->annotation, "SEVIS# N00%s %s", n, sp->org);
        } else if (sp->org) {
            char ptd[16];
            receipt_number(d->receipt, sizeof d->receipt, sp->center,
                           issue - rnd_range(&rng, 90, 200), &rng);
            mdy(ptd, sizeof ptd, sp->ty, sp->tm, sp->td);
            snprintf(d->annotation, sizeof d->annotation, "PETITION RECEIPT# %s PTD %s %s",
                     d->receipt, ptd, sp->org);
        }
        /* MRZ, MRV-A: V, N, USA, SURNAME<<GIVEN<NAMES */
        mrz_name(name, sizeof name, sp->who->surname);
        snprintf(d->mrz1, sizeof d->mrz1, "VNUSA%s<<", name);
        mrz_name(name, sizeof name, sp->who->given);
        g_strlcat(d->mrz1, name, sizeof d->mrz1);
        if (strlen(d->mrz1) > 44)
            die("name too long for the MRZ", d->mrz1);
        mrz_pad(d->mrz1, 44);
        /* passport<check>NAT<birth><check>SEX<expiry><check><optional data> */
        snprintf(d->mrz2, sizeof d->mrz2, "%s", d->passport);
        mrz_pad(d->mrz2, 9);
        snprintf(b, sizeof b, "%02d%02d%02d", sp->who->by % 100, sp->who->bm, sp->who->bd);
        snprintf(e, sizeof e, "%02d%02d%02d", sp->ty % 100, sp->tm, sp->td);
        g_strlcpy(nat, sp->who->nat, sizeof nat);
        mrz_name(opt, sizeof opt, sp->cls); /* the class, fillers after */
        snprintf(l2, sizeof l2, "%s%d%s%s%d%c%s%d%s", d->mrz2, mrz_check(d->mrz2, 9), nat, b,
                 mrz_check(b, 6), sp->who->sex, e, mrz_check(e, 6), opt);
        if (strlen(l2) > 44)
            die("MRZ line 2 too long", l2);
        mrz_pad(l2, 44);
        g_strlcpy(d->mrz2, l2, sizeof d->mrz2);
        break;
    }
    }
}

void us_values(const struct us_doc *d, struct us_values *v)
{
    const struct us_spec *sp = d->sp;
    const char *num = NULL;
    char alnum[32];
    size_t k = 0;

    memset(v, 0, sizeof *v);
    snprintf(v->name, sizeof v->name, "%s %s", sp->who->given, sp->who->surname);
    iso(v->valid_from, sizeof v->valid_from, sp->fy, sp->fm, sp->fd);
    if (sp->ty)
        iso(v->valid_until, sizeof v->valid_until, sp->ty, sp->tm, sp->td);
    switch (us_form_of(sp->layout)) {
    case USF_I797:
        v->form = "i-797";
        num = d->receipt;
        break;
    case USF_I94:
        v->form = "i-94";
        num = d->i94;
        v->ds = sp->ty == 0;
        break;
    case USF_EAD:
        v->form = "ead";
        num = d->uscis;
        break;
    case USF_VISA:
        v->form = "us-visa";
        num = d->control;
        v->post = sp->post;
        break;
    }
    if (us_form_of(sp->layout) == USF_EAD)
        g_strlcpy(v->category, sp->cls, sizeof v->category);
    else
        us_class_hyphen(sp->cls, v->category, sizeof v->category);
    if (!sp->ty && us_form_of(sp->layout) != USF_I94)
        die("only an I-94 is admitted for duration of status", v->name);
    for (const char *p = num; *p; p++)
        if (isalnum((unsigned char)*p) && k + 1 < sizeof alnum)
            alnum[k++] = *p;
    alnum[k] = '\0';
    if (k < 4)
        die("a number shorter than 4", num);
    snprintf(v->number, sizeof v->number, "****%s", alnum + k - 4);
}

/* ------------------------------------------------------------------ */
/* Drawing helpers                                                      */
/* ------------------------------------------------------------------ */

static void face(cairo_t *cr, const char *family, int bold, double size)
{
    cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

static void text_center(cairo_t *cr, double xc, double y, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    cairo_move_to(cr, xc - e.x_advance / 2, y);
    cairo_show_text(cr, s);
}

static double text_w(cairo_t *cr, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    return e.x_advance;
}

static void rect_stroke(cairo_t *cr, double x, double y, double w, double h, double lw)
{
    cairo_set_line_width(cr, lw);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
}

static void rounded(cairo_t *cr, double x, double y, double w, double h, double r)
{
    cairo_new_sub_path(cr);
    cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
    cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
    cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
    cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
    cairo_close_path(cr);
}

/* "Bold label: value" on one line; returns the x after it. */
static double label_value(cairo_t *cr, double x, double y, const char *label,
                          const char *value, double size)
{
    face(cr, "DejaVu Sans", 1, size);
    text_at(cr, x, y, label);
    x += text_w(cr, label) + size * 0.35;
    face(cr, "DejaVu Sans", 0, size);
    text_at(cr, x, y, value);
    return x + text_w(cr, value);
}

/* A box with its label in small type above the value. */
struct cell {
    double x0, x1;
    const char *label, *value;
};

static void box_row(cairo_t *cr, double y, double h, const struct cell *c, int n,
                    const char *label_family, double lsize, double vsize)
{
    for (int i = 0; i < n; i++) {
        gray(cr, 0.25);
        rect_stroke(cr, c[i].x0, y, c[i].x1 - c[i].x0, h, 0.7);
        gray(cr, 0);
        face(cr, label_family, 0, lsize);
        text_at(cr, c[i].x0 + 4, y + lsize + 2.5, c[i].label);
        if (c[i].value && c[i].value[0]) {
            face(cr, "DejaVu Sans", 0, vsize);
            text_at(cr, c[i].x0 + 6, y + h - 6.5, c[i].value);
        }
    }
}

/* A faint seal: rings and rays, as the watermark of the notice paper. */
static void seal(cairo_t *cr, double xc, double yc, double r, double g)
{
    gray(cr, g);
    cairo_set_line_width(cr, 1.2);
    cairo_arc(cr, xc, yc, r, 0, 2 * G_PI);
    cairo_stroke(cr);
    cairo_arc(cr, xc, yc, r * 0.82, 0, 2 * G_PI);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 0.6);
    for (int i = 0; i < 48; i++) {
        double a = i * G_PI / 24;
        cairo_move_to(cr, xc + cos(a) * r * 0.3, yc + sin(a) * r * 0.3);
        cairo_line_to(cr, xc + cos(a) * r * 0.78, yc + sin(a) * r * 0.78);
    }
    cairo_stroke(cr);
    gray(cr, 0);
}

/* Fine wavy lines over a rectangle (security background). */
static void guilloche(cairo_t *cr, double x, double y, double w, double h, double step,
                     double amp, double r, double g, double b)
{
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, h);
    cairo_clip(cr);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_set_line_width(cr, 0.35);
    for (double yy = y - amp; yy < y + h + amp; yy += step) {
        cairo_move_to(cr, x, yy);
        for (double xx = x; xx <= x + w; xx += 2)
            cairo_line_to(cr, xx, yy + amp * sin((xx - x) / 9.0 + yy / 7.0));
        cairo_stroke(cr);
    }
    cairo_restore(cr);
    gray(cr, 0);
}

static const char *center_name(const char *c)
{
    if (strcmp(c, "WAC") == 0)
        return "California Service Center\nP.O. Box 30111\nLaguna Niguel CA 92607-0111";
    if (strcmp(c, "EAC") == 0)
        return "Vermont Service Center\n75 Lower Welden Street\nSaint Albans VT 05479-0001";
    if (strcmp(c, "LIN") == 0)
        return "Nebraska Service Center\nP.O. Box 82521\nLincoln NE 68501-2521";
    if (strcmp(c, "SRC") == 0)
        return "Texas Service Center\n4141 N St. Augustine Rd\nDallas TX 75227";
    die("no service center for", c);
    return NULL;
}

static void lines_at(cairo_t *cr, double x, double y, double lead, const char *text)
{
    char **l = g_strsplit(text, "\n", -1);
    for (int i = 0; l[i]; i++, y += lead)
        text_at(cr, x, y, l[i]);
    g_strfreev(l);
}

/* ------------------------------------------------------------------ */
/* Form I-797 / I-797A                                                  */
/* ------------------------------------------------------------------ */

static const char *case_type(const struct us_spec *sp)
{
    (void)sp;
    return "I129 - PETITION FOR A NONIMMIGRANT WORKER";
}

static void i797_header(cairo_t *cr, const char *form_title)
{
    face(cr, "DejaVu Sans", 0, 7.5);
    text_at(cr, 36, 34, "Department of Homeland Security");
    text_at(cr, 36, 43.5, "U.S. Citizenship and Immigration Services");
    face(cr, "DejaVu Sans", 1, 10.5);
    text_right(cr, 576, 40, form_title);
    face(cr, "DejaVu Serif", 1, 21);
    cairo_set_source_rgb(cr, 0.10, 0.16, 0.30);
    text_center(cr, 306, 78, "THE UNITED STATES OF AMERICA");
    gray(cr, 0);
}

static void i797_footer(cairo_t *cr, const struct us_spec *sp, double y, const char *form_line)
{
    char *c = g_strdup(center_name(sp->center));
    face(cr, "DejaVu Sans", 0, 7.5);
    text_at(cr, 36, y, "Please see the additional information on the back. You will be notified "
                       "separately about any other cases you filed.");
    face(cr, "DejaVu Sans", 0, 8);
    text_at(cr, 36, y + 16, "U.S. CITIZENSHIP & IMMIGRATION SVC");
    lines_at(cr, 36, y + 26, 10, c);
    text_at(cr, 36, y + 56, "USCIS Contact Center: www.uscis.gov/contactcenter");
    face(cr, "DejaVu Sans", 0, 6.5);
    text_at(cr, 36, y + 72, form_line);
    g_free(c);
}

/* Addressee block and the notice type, class and validity on the right. */
static void i797_notice_block(cairo_t *cr, const struct us_doc *d, double y, int consulate)
{
    const struct us_spec *sp = d->sp;
    char a[24], b[24], v[80];
    face(cr, "DejaVu Sans", 0, 9);
    for (int i = 0; i < 4; i++)
        text_at(cr, 50, y + 12 * i, d->address[i]);
    mdy(a, sizeof a, sp->fy, sp->fm, sp->fd);
    mdy(b, sizeof b, sp->ty, sp->tm, sp->td);
    text_at(cr, 330, y, "Notice Type: Approval Notice");
    snprintf(v, sizeof v, "Class: %s", sp->cls);
    text_at(cr, 330, y + 13, v);
    snprintf(v, sizeof v, "Valid from %s to %s", a, b);
    text_at(cr, 330, y + 26, v);
    if (consulate && sp->post) {
        snprintf(v, sizeof v, "Consulate: %s", sp->post);
        text_at(cr, 330, y + 39, v);
    }
}

static double body_paragraphs(cairo_t *cr, double y, const char *const *paras, int n)
{
    face(cr, "DejaVu Sans", 0, 8.5);
    for (int i = 0; i < n; i++)
        y = paragraph(cr, 36, y, 540, 11, paras[i], 1) + 6;
    return y;
}

static const char *const EXTEND_TEXT[] = {
    "The above petition and extension of stay have been approved. The beneficiary's "
    "nonimmigrant status is approved for the validity dates shown above. If the beneficiary "
    "travels abroad, a valid visa is needed to return unless visa exempt.",
    "The approval of this petition does not in itself grant any immigration status and does "
    "not guarantee that the beneficiary will subsequently be found eligible for a visa, for "
    "admission to the United States, or for an extension, change, or adjustment of status.",
    "The petitioner should keep this original notice for its records. The beneficiary should "
    "keep the lower part of this notice, the Form I-94 Departure Record, with the passport. "
    "It shows the beneficiary's new status and the period of authorized stay.",
    "This form is not a visa and may not be used in place of a visa. Please contact the "
    "USCIS Contact Center if you have questions about this notice.",
};

static const char *const CONSULAR_TEXT[] = {
    "The above petition has been approved. The petition indicates that the person for whom "
    "you are petitioning will apply for a visa abroad. We have sent the approved petition to "
    "the Department of State National Visa Center (NVC), 31 Rochester Avenue, Suite 200, "
    "Portsmouth, NH 03801-2915. NVC processes all approved nonimmigrant visa petitions that "
    "need consular action.",
    "The approval of this visa petition does not in itself grant any immigration status and "
    "does not guarantee that the alien beneficiary will subsequently be found to be eligible "
    "for a visa, for admission to the United States, or for an extension, change, or "
    "adjustment of status.",
    "THIS FORM IS NOT A VISA NOR MAY IT BE USED IN PLACE OF A VISA.",
};

static void draw_i797a(cairo_t *cr, const struct us_doc *d)
{
    const struct us_spec *sp = d->sp;
    char rec[16], notice[16], name[96], bd[16];
    double y = 96, yb;

    /* the notice paper: a pale tint and the seal */
    cairo_set_source_rgb(cr, 0.93, 0.95, 0.97);
    cairo_rectangle(cr, 24, 22, 564, 556);
    cairo_fill(cr);
    seal(cr, 306, 360, 120, 0.86);
    i797_header(cr, "I-797A, Notice of Action");

    mdy(rec, sizeof rec, d->ry, d->rm, d->rd);
    mdy(notice, sizeof notice, d->ny, d->nm, d->nd);
    snprintf(name, sizeof name, "%s, %s", sp->who->surname, sp->who->given);
    {
        const struct cell r1[] = {{36, 256, "Receipt Number", d->receipt},
                                  {256, 576, "Case Type", case_type(sp)}};
        const struct cell r2[] = {{36, 146, "Received Date", rec},
                                  {146, 256, "Priority Date", ""},
                                  {256, 576, "Petitioner", sp->org}};
        const struct cell r3[] = {{36, 146, "Notice Date", notice},
                                  {146, 256, "Page", "1 of 1"},
                                  {256, 576, "Beneficiary", name}};
        box_row(cr, y, 30, r1, 2, "DejaVu Sans", 6.5, 10);
        box_row(cr, y + 30, 30, r2, 3, "DejaVu Sans", 6.5, 10);
        box_row(cr, y + 60, 30, r3, 3, "DejaVu Sans", 6.5, 10);
    }
    i797_notice_block(cr, d, 212, 0);
    yb = body_paragraphs(cr, 280, EXTEND_TEXT, (int)NELEM(EXTEND_TEXT));
    i797_footer(cr, sp, yb + 8 > 462 ? yb + 8 : 462, "Form I-797A 04/01/19");

    /* the I-94 tear-off */
    cairo_save(cr);
    {
        static const double dash[] = {4, 3};
        cairo_set_dash(cr, dash, 2, 0);
        gray(cr, 0.3);
        cairo_set_line_width(cr, 0.8);
        cairo_move_to(cr, 24, 592);
        cairo_line_to(cr, 588, 592);
        cairo_stroke(cr);
    }
    cairo_restore(cr);
    gray(cr, 0);
    face(cr, "DejaVu Sans", 0, 6);
    text_center(cr, 306, 588, "Please tear off and keep the lower part with your passport");
    face(cr, "DejaVu Sans", 0, 7);
    text_at(cr, 44, 614, "I-94 Number");
    face(cr, "DejaVu Sans Mono", 1, 13);
    text_at(cr, 44, 631, d->i94);
    face(cr, "DejaVu Serif", 1, 15);
    text_at(cr, 300, 624, "Departure Record");
    snprintf(bd, sizeof bd, "%02d %02d %02d", sp->who->bd, sp->who->bm, sp->who->by % 100);
    {
        const struct cell t1[] = {{44, 300, "14. Family Name", sp->who->surname},
                                  {300, 568, "15. First (Given) Name", sp->who->given}};
        const struct cell t2[] = {{44, 200, "16. Birth Date (Day/Mo/Yr)", bd},
                                  {200, 568, "17. Country of Citizenship", sp->who->country}};
        box_row(cr, 646, 30, t1, 2, "DejaVu Sans", 6.5, 11);
        box_row(cr, 676, 30, t2, 2, "DejaVu Sans", 6.5, 11);
    }
    face(cr, "DejaVu Sans", 0, 6.5);
    text_at(cr, 44, 722, "Form I-94 (Rev. 04/01/19)");
    text_right(cr, 568, 722, "See Other Side");
    face(cr, "DejaVu Sans", 1, 6.5);
    text_center(cr, 306, 740, "STAPLE HERE");
}

static void draw_i797_boxes(cairo_t *cr, const struct us_doc *d)
{
    const struct us_spec *sp = d->sp;
    char rec[16], notice[16], name[96];
    double yb;

    cairo_set_source_rgb(cr, 0.95, 0.96, 0.94);
    cairo_rectangle(cr, 24, 22, 564, 748);
    cairo_fill(cr);
    seal(cr, 306, 420, 140, 0.87);
    i797_header(cr, "Form I-797, Notice of Action");

    mdy(rec, sizeof rec, d->ry, d->rm, d->rd);
    mdy(notice, sizeof notice, d->ny, d->nm, d->nd);
    snprintf(name, sizeof name, "%s, %s", sp->who->surname, sp->who->given);
    {
        const struct cell r1[] = {{36, 236, "RECEIPT NUMBER", d->receipt},
                                  {236, 576, "CASE TYPE", case_type(sp)}};
        const struct cell r2[] = {{36, 171, "RECEIPT DATE", rec},
                                  {171, 306, "PRIORITY DATE", ""},
                                  {306, 441, "NOTICE DATE", notice},
                                  {441, 576, "PAGE", "1 of 1"}};
        const struct cell r3[] = {{36, 306, "PETITIONER", sp->org},
                                  {306, 576, "BENEFICIARY", name}};
        box_row(cr, 96, 30, r1, 2, "DejaVu Sans", 6.5, 10);
        box_row(cr, 126, 30, r2, 4, "DejaVu Sans", 6.5, 10);
        box_row(cr, 156, 30, r3, 2, "DejaVu Sans", 6.5, 10);
    }
    i797_notice_block(cr, d, 212, 1);
    yb = body_paragraphs(cr, 290, CONSULAR_TEXT, (int)NELEM(CONSULAR_TEXT));
    i797_footer(cr, sp, yb + 40 > 640 ? yb + 40 : 640, "Form I-797 (Rev. 01/31/05) N");
}

static void draw_i797_inline(cairo_t *cr, const struct us_doc *d)
{
    const struct us_spec *sp = d->sp;
    char rec[16], notice[16], v[96], a[16], b[16], cls[16];
    double y = 112, yb;

    seal(cr, 306, 430, 150, 0.90);
    i797_header(cr, "Form I-797, Notice of Action");
    gray(cr, 0.3);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, 36, 90);
    cairo_line_to(cr, 576, 90);
    cairo_stroke(cr);
    gray(cr, 0);

    mdy(rec, sizeof rec, d->ry, d->rm, d->rd);
    mdy(notice, sizeof notice, d->ny, d->nm, d->nd);
    label_value(cr, 36, y, "Receipt Number:", d->receipt, 9.5);
    label_value(cr, 360, y, "Notice Date:", notice, 9.5);
    y += 15;
    label_value(cr, 36, y, "Case Type:", case_type(sp), 9.5);
    y += 15;
    label_value(cr, 36, y, "Received Date:", rec, 9.5);
    label_value(cr, 360, y, "Page:", "1 of 1", 9.5);
    y += 15;
    label_value(cr, 36, y, "Petitioner:", sp->org, 9.5);
    y += 15;
    snprintf(v, sizeof v, "%s, %s", sp->who->surname, sp->who->given);
    label_value(cr, 36, y, "Beneficiary:", v, 9.5);
    y += 24;
    face(cr, "DejaVu Sans", 0, 9);
    for (int i = 0; i < 4; i++)
        text_at(cr, 50, y + 12 * i, d->address[i]);
    y += 64;
    us_class_hyphen(sp->cls, cls, sizeof cls);
    mdy(a, sizeof a, sp->fy, sp->fm, sp->fd);
    mdy(b, sizeof b, sp->ty, sp->tm, sp->td);
    label_value(cr, 36, y, "Notice Type:", "Approval Notice", 9.5);
    y += 15;
    label_value(cr, 36, y, "Classification:", cls, 9.5);
    y += 15;
    snprintf(v, sizeof v, "From %s To %s", a, b);
    label_value(cr, 36, y, "Validity Dates:", v, 9.5);
    yb = body_paragraphs(cr, y + 24, EXTEND_TEXT, 2);
    i797_footer(cr, sp, yb + 30 > 620 ? yb + 30 : 620, "Form I-797 (Rev. 04/01/19)");
}

/* ------------------------------------------------------------------ */
/* I-94 printout (CBP website)                                          */
/* ------------------------------------------------------------------ */

struct i94_rows {
    char num[16], entry[32], cls[16], until[16], birth[32];
};

static void i94_rows(const struct us_doc *d, struct i94_rows *r)
{
    const struct us_spec *sp = d->sp;
    g_strlcpy(r->num, d->i94, sizeof r->num);
    ymd_words(r->entry, sizeof r->entry, sp->fy, sp->fm, sp->fd);
    g_strlcpy(r->cls, sp->cls, sizeof r->cls);
    if (sp->ty)
        mdy(r->until, sizeof r->until, sp->ty, sp->tm, sp->td);
    else
        g_strlcpy(r->until, "D/S", sizeof r->until);
    ymd_words(r->birth, sizeof r->birth, sp->who->by, sp->who->bm, sp->who->bd);
}

static const char *const I94_TEXT[] = {
    "Effective April 26, 2013, DHS began automating the admission process. An alien lawfully "
    "admitted or paroled into the U.S. is no longer required to be in possession of a "
    "preprinted Form I-94. A record of admission printed from the CBP website constitutes a "
    "lawful record of admission. See 8 CFR \xc2\xa7 1.4(d).",
    "If an employer, local, state or federal agency requests admission information, present "
    "your admission (I-94) number along with any additional required documents requested by "
    "that employer or agency.",
    "Note: For security reasons, we recommend that you close your browser after you have "
    "finished retrieving your I-94 number.",
};

static void draw_i94_lines(cairo_t *cr, const struct us_doc *d)
{
    const struct us_spec *sp = d->sp;
    struct i94_rows r;
    double y = 168;

    i94_rows(d, &r);
    /* browser print header and footer */
    face(cr, "DejaVu Sans", 0, 7);
    text_at(cr, 24, 20, d->printed);
    text_center(cr, 306, 20, "I-94 Official Website");
    text_at(cr, 24, 778, "https://i94.cbp.dhs.gov/search/recent-search-results");
    text_right(cr, 588, 778, "1/1");
    /* site banner */
    face(cr, "DejaVu Sans", 0, 7);
    text_at(cr, 36, 38, "Official Site of the Department of Homeland Security");
    cairo_set_source_rgb(cr, 0.05, 0.20, 0.38);
    cairo_rectangle(cr, 36, 44, 540, 34);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    face(cr, "DejaVu Sans", 1, 14);
    text_at(cr, 48, 66, "U.S. Customs and Border Protection");
    face(cr, "DejaVu Sans", 0, 10);
    text_right(cr, 566, 66, "I-94 Official Website");
    gray(cr, 0.35);
    face(cr, "DejaVu Sans", 0, 8);
    text_at(cr, 36, 94, "Home    Apply for I-94    Get Most Recent I-94    Get Travel History"
                        "    Help");
    gray(cr, 0);
    face(cr, "DejaVu Sans", 1, 17);
    text_at(cr, 72, 136, "Most Recent I-94");

    label_value(cr, 72, y, "Admission (I-94) Record Number:", r.num, 10.5);
    label_value(cr, 72, y += 20, "Most Recent Date of Entry:", r.entry, 10.5);
    label_value(cr, 72, y += 20, "Class of Admission:", r.cls, 10.5);
    label_value(cr, 72, y += 20, "Admit Until Date:", r.until, 10.5);
    face(cr, "DejaVu Sans", 1, 10.5);
    text_at(cr, 72, y += 32, "Details provided on the I-94 Information form:");
    label_value(cr, 72, y += 22, "Last/Surname:", sp->who->surname, 10.5);
    label_value(cr, 72, y += 20, "First (Given) Name:", sp->who->given, 10.5);
    label_value(cr, 72, y += 20, "Birth Date:", r.birth, 10.5);
    label_value(cr, 72, y += 20, "Passport Number:", d->passport, 10.5);
    label_value(cr, 72, y += 20, "Country of Issuance:", sp->who->country, 10.5);

    y += 30;
    gray(cr, 0.4);
    cairo_set_line_width(cr, 0.8);
    rounded(cr, 72, y, 210, 22, 4);
    cairo_stroke(cr);
    gray(cr, 0);
    face(cr, "DejaVu Sans", 0, 9);
    text_at(cr, 84, y + 14.5, "Get This Updated I-94 Information");
    y += 50;
    face(cr, "DejaVu Sans", 0, 8.5);
    for (size_t i = 0; i < NELEM(I94_TEXT); i++)
        y = paragraph(cr, 72, y, 468, 11, I94_TEXT[i], 1) + 7;
}

static void draw_i94_table(cairo_t *cr, const struct us_doc *d)
{
    const struct us_spec *sp = d->sp;
    struct i94_rows r;
    const char *rows1[][2] = {{"Admission (I-94) Record Number", r.num},
                              {"Most Recent Date of Entry", r.entry},
                              {"Class of Admission", r.cls},
                              {"Admit Until Date", r.until}};
    const char *rows2[][2] = {{"Last/Surname", sp->who->surname},
                              {"First (Given) Name", sp->who->given},
                              {"Birth Date", r.birth},
                              {"Passport Number", d->passport},
                              {"Country of Issuance", sp->who->country}};
    double y = 178, rh = 24;

    i94_rows(d, &r);
    face(cr, "DejaVu Sans", 0, 7);
    text_at(cr, 30, 22, d->printed);
    text_right(cr, 582, 22, "Get Most Recent I-94 | I-94 Official Website");
    text_at(cr, 30, 776, "i94.cbp.dhs.gov/I94/#/recent-search");
    text_right(cr, 582, 776, "Page 1 of 1");

    face(cr, "DejaVu Sans", 0, 8);
    text_at(cr, 54, 48, "U.S. Department of Homeland Security");
    face(cr, "DejaVu Serif", 1, 15);
    text_at(cr, 54, 68, "U.S. Customs and Border Protection");
    face(cr, "DejaVu Sans", 0, 10);
    text_right(cr, 558, 68, "I-94 Official Website");
    gray(cr, 0.2);
    cairo_set_line_width(cr, 1.5);
    cairo_move_to(cr, 54, 78);
    cairo_line_to(cr, 558, 78);
    cairo_stroke(cr);
    gray(cr, 0);
    face(cr, "DejaVu Sans", 1, 15);
    text_at(cr, 54, 118, "Get Most Recent I-94");
    face(cr, "DejaVu Sans", 0, 9);
    text_at(cr, 54, 136, "The information below is the most recent I-94 for the traveler.");
    face(cr, "DejaVu Sans", 1, 11);
    text_at(cr, 54, 164, "Most Recent I-94");

    for (size_t i = 0; i < NELEM(rows1) + NELEM(rows2) + 1; i++) {
        const char *l, *v;
        if (i == NELEM(rows1)) { /* the section heading row */
            cairo_set_source_rgb(cr, 0.88, 0.90, 0.93);
            cairo_rectangle(cr, 54, y, 504, rh);
            cairo_fill(cr);
            gray(cr, 0);
            face(cr, "DejaVu Sans", 1, 10);
            text_at(cr, 62, y + 16, "Details provided on the I-94 Information form:");
            y += rh;
            continue;
        }
        l = i < NELEM(rows1) ? rows1[i][0] : rows2[i - NELEM(rows1) - 1][0];
        v = i < NELEM(rows1) ? rows1[i][1] : rows2[i - NELEM(rows1) - 1][1];
        if (i % 2 == 0) {
            cairo_set_source_rgb(cr, 0.96, 0.96, 0.96);
            cairo_rectangle(cr, 54, y, 504, rh);
            cairo_fill(cr);
        }
        gray(cr, 0.7);
        cairo_set_line_width(cr, 0.5);
        cairo_move_to(cr, 54, y + rh);
        cairo_line_to(cr, 558, y + rh);
        cairo_stroke(cr);
        gray(cr, 0);
        face(cr, "DejaVu Sans", 1, 10);
        text_at(cr, 62, y + 16, l);
        face(cr, "DejaVu Sans", 0, 10);
        text_at(cr, 340, y + 16, v);
        y += rh;
    }
    y += 34;
    face(cr, "DejaVu Sans", 0, 8.5);
    for (size_t i = 0; i < 2; i++)
        y = paragraph(cr, 54, y, 504, 11, I94_TEXT[i], 1) + 7;
}

/* ------------------------------------------------------------------ */
/* EAD card (Form I-766), front                                         */
/* ------------------------------------------------------------------ */

static void card_field(cairo_t *cr, double x, double y, const char *label, const char *value)
{
    face(cr, "DejaVu Sans", 0, 4.4);
    gray(cr, 0.2);
    text_at(cr, x, y, label);
    gray(cr, 0);
    face(cr, "DejaVu Sans", 1, 6.6);
    text_at(cr, x, y + 8.2, value);
}

/* The card front in card units (CARD_W x CARD_H), at (x, y) times k. */
static void draw_ead_front(cairo_t *cr, const struct us_doc *d, double x, double y, double k)
{
    const struct us_spec *sp = d->sp;
    char dob[16], from[16], until[16];

    snprintf(dob, sizeof dob, "%02d %s %04d", sp->who->bd, MON_UP[sp->who->bm - 1],
             sp->who->by);
    mdy(from, sizeof from, sp->fy, sp->fm, sp->fd);
    mdy(until, sizeof until, sp->ty, sp->tm, sp->td);

    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, k, k);
    rounded(cr, 0, 0, CARD_W, CARD_H, 9);
    cairo_set_source_rgb(cr, 0.95, 0.95, 0.92);
    cairo_fill_preserve(cr);
    cairo_save(cr);
    cairo_clip(cr);
    guilloche(cr, 0, 0, CARD_W, CARD_H, 6, 1.6, 0.86, 0.88, 0.84);
    /* flag stripes, top right */
    for (int i = 0; i < 7; i++) {
        cairo_set_source_rgb(cr, 0.86, 0.80, 0.80);
        cairo_rectangle(cr, 188, 4 + i * 4.2, 50, 2.1);
        cairo_fill(cr);
    }
    cairo_set_source_rgb(cr, 0.78, 0.82, 0.88);
    cairo_rectangle(cr, 188, 4, 20, 16);
    cairo_fill(cr);
    cairo_restore(cr);
    gray(cr, 0.45);
    cairo_set_line_width(cr, 0.6);
    rounded(cr, 0, 0, CARD_W, CARD_H, 9);
    cairo_stroke(cr);

    gray(cr, 0);
    face(cr, "DejaVu Sans", 1, 6.2);
    text_at(cr, 10, 13, "UNITED STATES OF AMERICA");
    face(cr, "DejaVu Sans", 1, 9.6);
    text_at(cr, 10, 27, "EMPLOYMENT AUTHORIZATION");

    /* portrait: grey rectangles (main and ghost) */
    gray(cr, 0.55);
    cairo_rectangle(cr, 9, 36, 56, 72);
    cairo_fill(cr);
    gray(cr, 0.82);
    cairo_rectangle(cr, 206, 104, 27, 34);
    cairo_fill(cr);
    gray(cr, 0);

    card_field(cr, 72, 40, "Surname", sp->who->surname);
    card_field(cr, 72, 57, "Given Name", sp->who->given);
    card_field(cr, 72, 74, "USCIS#", d->uscis);
    card_field(cr, 127, 74, "Category", sp->cls);
    card_field(cr, 156, 74, "Card#", d->card);
    card_field(cr, 72, 91, "Country of Birth", sp->who->country);
    card_field(cr, 140, 91, "Terms and Conditions", "None");
    card_field(cr, 72, 108, "Date of Birth", dob);
    {
        char sex[2] = {sp->who->sex, '\0'};
        card_field(cr, 140, 108, "Sex", sex);
    }
    card_field(cr, 72, 125, "Valid From:", from);
    card_field(cr, 140, 125, "Card Expires:", until);
    face(cr, "DejaVu Sans", 1, 5.6);
    text_at(cr, 9, 146, "NOT VALID FOR REENTRY TO U.S.");
    /* signature line under the portrait */
    gray(cr, 0.3);
    cairo_set_line_width(cr, 0.5);
    cairo_move_to(cr, 12, 124);
    cairo_curve_to(cr, 24, 114, 34, 132, 44, 120);
    cairo_curve_to(cr, 50, 114, 56, 126, 62, 118);
    cairo_stroke(cr);
    gray(cr, 0);
    cairo_restore(cr);
}

static void draw_ead_card(cairo_t *cr, const struct us_doc *d)
{
    double k = 2.2, w = CARD_W * k;
    /* the copier's shadow around the enlarged card */
    gray(cr, 0.80);
    rounded(cr, (LETTER_W - w) / 2 + 3, 66, w, CARD_H * k, 9 * k);
    cairo_fill(cr);
    draw_ead_front(cr, d, (LETTER_W - w) / 2, 63, k);
}

static void draw_ead_copy(cairo_t *cr, const struct us_doc *d)
{
    double k = 1.45;
    gray(cr, 0.85);
    cairo_rectangle(cr, 66, 66, CARD_W * k + 14, CARD_H * k + 14);
    cairo_fill(cr);
    draw_ead_front(cr, d, 73, 73, k);
}

/* ------------------------------------------------------------------ */
/* Visa foil                                                            */
/* ------------------------------------------------------------------ */

static void foil_field(cairo_t *cr, double x, double y, const char *label, const char *value)
{
    face(cr, "DejaVu Sans", 0, 4.8);
    cairo_set_source_rgb(cr, 0.15, 0.2, 0.35);
    text_at(cr, x, y, label);
    gray(cr, 0);
    face(cr, "DejaVu Sans", 0, 7.6);
    text_at(cr, x, y + 9, value);
}

/* The foil in foil units (FOIL_W x FOIL_H) at (x, y). */
static void draw_foil(cairo_t *cr, const struct us_doc *d, double x, double y)
{
    const struct us_spec *sp = d->sp;
    char b[16], iss[16], exp_[16], sex[2] = {sp->who->sex, '\0'};

    snprintf(b, sizeof b, "%02d%s%04d", sp->who->bd, MON_UP[sp->who->bm - 1], sp->who->by);
    snprintf(iss, sizeof iss, "%02d%s%04d", sp->fd, MON_UP[sp->fm - 1], sp->fy);
    snprintf(exp_, sizeof exp_, "%02d%s%04d", sp->td, MON_UP[sp->tm - 1], sp->ty);

    cairo_save(cr);
    cairo_translate(cr, x, y);
    rounded(cr, 0, 0, FOIL_W, FOIL_H, 5);
    cairo_set_source_rgb(cr, 0.93, 0.95, 0.91);
    cairo_fill(cr);
    guilloche(cr, 0, 0, FOIL_W, 168, 5, 1.8, 0.82, 0.87, 0.84);
    /* the eagle's place: a faint ring behind the fields */
    cairo_set_source_rgb(cr, 0.85, 0.87, 0.90);
    cairo_set_line_width(cr, 3);
    cairo_arc(cr, 250, 95, 48, 0, 2 * G_PI);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.10, 0.18, 0.40);
    face(cr, "DejaVu Sans", 1, 8.5);
    text_at(cr, 10, 15, "UNITED STATES OF AMERICA");
    face(cr, "DejaVu Serif", 1, 15);
    text_right(cr, FOIL_W - 10, 18, "VISA");
    gray(cr, 0);

    gray(cr, 0.55);
    cairo_rectangle(cr, 10, 26, 72, 94);
    cairo_fill(cr);
    gray(cr, 0);

    foil_field(cr, 92, 30, "Issuing Post Name", sp->post);
    foil_field(cr, 212, 30, "Control Number", d->control);
    foil_field(cr, 92, 49, "Surname", sp->who->surname);
    foil_field(cr, 92, 68, "Given Name", sp->who->given);
    /* the type (R, regular) and the class stand well apart */
    foil_field(cr, 92, 87, "Visa Type/Class", "R");
    face(cr, "DejaVu Sans", 0, 7.6);
    text_at(cr, 106, 96, sp->cls);
    foil_field(cr, 170, 87, "Passport Number", d->passport);
    foil_field(cr, 262, 87, "Sex", sex);
    foil_field(cr, 92, 106, "Birth Date", b);
    foil_field(cr, 170, 106, "Nationality", sp->who->nat);
    foil_field(cr, 262, 106, "Entries", "M");
    foil_field(cr, 92, 125, "Issue Date", iss);
    foil_field(cr, 170, 125, "Expiration Date", exp_);
    face(cr, "DejaVu Sans", 0, 4.8);
    cairo_set_source_rgb(cr, 0.15, 0.2, 0.35);
    text_at(cr, 10, 140, "Annotation");
    gray(cr, 0);
    face(cr, "DejaVu Sans", 0, 7.6);
    if (d->annotation[0])
        paragraph(cr, 10, 150, FOIL_W - 20, 9.5, d->annotation, 1);

    /* MRZ on its white strip */
    cairo_set_source_rgb(cr, 0.98, 0.98, 0.97);
    cairo_rectangle(cr, 0, 172, FOIL_W, FOIL_H - 176);
    cairo_fill(cr);
    gray(cr, 0);
    face(cr, "DejaVu Sans Mono", 0, 12);
    text_at(cr, 11, 192, d->mrz1);
    text_at(cr, 11, 214, d->mrz2);
    gray(cr, 0.5);
    cairo_set_line_width(cr, 0.5);
    rounded(cr, 0, 0, FOIL_W, FOIL_H, 5);
    cairo_stroke(cr);
    gray(cr, 0);
    cairo_restore(cr);
}

static void draw_visa_foil(cairo_t *cr, const struct us_doc *d)
{
    cairo_save(cr);
    cairo_scale(cr, FOIL_SCALE, FOIL_SCALE);
    draw_foil(cr, d, 0, 0);
    cairo_restore(cr);
}

static void draw_visa_page(cairo_t *cr, const struct us_doc *d)
{
    char pg[8];
    cairo_save(cr);
    cairo_scale(cr, FOIL_SCALE, FOIL_SCALE);
    /* the passport page: tinted paper, its own pattern, the gutter */
    cairo_set_source_rgb(cr, 0.95, 0.93, 0.88);
    cairo_rectangle(cr, 0, 0, PPAGE_W, PPAGE_H);
    cairo_fill(cr);
    guilloche(cr, 0, 0, PPAGE_W, PPAGE_H, 7, 2.5, 0.88, 0.85, 0.80);
    for (int i = 0; i < 6; i++) { /* the binding's shadow on the left */
        gray(cr, 0.55 + i * 0.07);
        cairo_rectangle(cr, i, 0, 1, PPAGE_H);
        cairo_fill(cr);
    }
    gray(cr, 0.2);
    face(cr, "DejaVu Sans", 1, 7);
    snprintf(pg, sizeof pg, "%d", 6 + (int)(d->control[13] - '0'));
    text_right(cr, PPAGE_W - 8, 10, pg);
    face(cr, "DejaVu Sans", 0, 5.5);
    text_center(cr, PPAGE_W / 2, 10, "VISAS");
    gray(cr, 0);
    draw_foil(cr, d, 10, 15);
    cairo_restore(cr);
}

void us_draw_page(cairo_t *cr, const void *ctx, int page, int npages)
{
    const struct us_doc *d = ctx;
    (void)page;
    (void)npages;
    switch (d->sp->layout) {
    case USL_I797A_TEAROFF: draw_i797a(cr, d); break;
    case USL_I797_BOXES: draw_i797_boxes(cr, d); break;
    case USL_I797_INLINE: draw_i797_inline(cr, d); break;
    case USL_I94_LINES: draw_i94_lines(cr, d); break;
    case USL_I94_TABLE: draw_i94_table(cr, d); break;
    case USL_EAD_CARD: draw_ead_card(cr, d); break;
    case USL_EAD_COPY: draw_ead_copy(cr, d); break;
    case USL_VISA_FOIL: draw_visa_foil(cr, d); break;
    case USL_VISA_PAGE: draw_visa_page(cr, d); break;
    }
}
