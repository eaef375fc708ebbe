/*
 * letters.c - the non-statement documents of samples/LAYOUTS.md: employer
 * and pension letters in English (letter-en-employer, letter-en-pension),
 * Mexican income certificates (letter-es-constancia, quincenal and
 * catorcenal), a pay-table employer letter with the net column first
 * (letter-en-paytable), a constancia de percepciones with months as
 * columns (letter-es-percepciones), notarial deeds of sale (deed-es, with
 * price, appraisal and cadastral value in digits and in words) and capital
 * increases (investment-es), plus plain cover letters and a utility bill
 * that prove nothing.  The Spanish number words are written here from the
 * figures; a deed may be told to write other words than its digits say.
 */
#include <cairo.h>
#include <glib.h>

#include <stdio.h>
#include <string.h>

#include "samplegen.h"

/* ------------------------------------------------------------------ */
/* Spanish number words                                                 */
/* ------------------------------------------------------------------ */

static const char *const W_UNITS[] = {
    "",           "UNO",          "DOS",         "TRES",        "CUATRO",
    "CINCO",      "SEIS",         "SIETE",       "OCHO",        "NUEVE",
    "DIEZ",       "ONCE",         "DOCE",        "TRECE",       "CATORCE",
    "QUINCE",     "DIECISÉIS",    "DIECISIETE",  "DIECIOCHO",   "DIECINUEVE",
    "VEINTE",     "VEINTIUNO",    "VEINTIDÓS",   "VEINTITRÉS",  "VEINTICUATRO",
    "VEINTICINCO", "VEINTISÉIS",  "VEINTISIETE", "VEINTIOCHO",  "VEINTINUEVE"};
static const char *const W_TENS[] = {"",          "",         "",        "TREINTA",
                                     "CUARENTA",  "CINCUENTA", "SESENTA", "SETENTA",
                                     "OCHENTA",   "NOVENTA"};
static const char *const W_HUNDREDS[] = {
    "",           "CIENTO",     "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS",
    "QUINIENTOS", "SEISCIENTOS", "SETECIENTOS", "OCHOCIENTOS", "NOVECIENTOS"};

/* 1..999; `apocope`: "UN"/"VEINTIÚN"/"Y UN" before a noun. */
static void below_1000(GString *g, int n, int apocope)
{
    int h = n / 100, r = n % 100;
    if (n == 100) {
        g_string_append(g, "CIEN");
        return;
    }
    if (h)
        g_string_append(g, W_HUNDREDS[h]);
    if (!r)
        return;
    if (h)
        g_string_append_c(g, ' ');
    if (r < 30) {
        if (apocope && r == 1)
            g_string_append(g, "UN");
        else if (apocope && r == 21)
            g_string_append(g, "VEINTIÚN");
        else
            g_string_append(g, W_UNITS[r]);
        return;
    }
    g_string_append(g, W_TENS[r / 10]);
    if (r % 10) {
        g_string_append(g, " Y ");
        g_string_append(g, apocope && r % 10 == 1 ? "UN" : W_UNITS[r % 10]);
    }
}

char *es_number_words(int64_t n, int apocope)
{
    GString *g = g_string_new(NULL);
    int mill = (int)(n / 1000000), thou = (int)(n / 1000 % 1000), rest = (int)(n % 1000);
    if (n < 0 || n >= 1000000000)
        die("number out of range for words", NULL);
    if (n == 0)
        g_string_append(g, "CERO");
    if (mill == 1)
        g_string_append(g, "UN MILLÓN");
    else if (mill > 1) {
        below_1000(g, mill, 1);
        g_string_append(g, " MILLONES");
    }
    if (thou) {
        if (g->len)
            g_string_append_c(g, ' ');
        if (thou > 1) {
            below_1000(g, thou, 1);
            g_string_append_c(g, ' ');
        }
        g_string_append(g, "MIL");
    }
    if (rest) {
        if (g->len)
            g_string_append_c(g, ' ');
        below_1000(g, rest, apocope);
    }
    return g_string_free(g, FALSE);
}

char *es_amount_words(int64_t cents, const char *tail)
{
    int64_t pesos = cents / 100;
    char *w = es_number_words(pesos, 1);
    char *out = g_strdup_printf("%s %s %02d/100 %s", w,
                                pesos == 1                                ? "PESO"
                                : pesos > 0 && pesos % 1000000 == 0 ? "DE PESOS"
                                                                         : "PESOS",
                                (int)(cents % 100), tail);
    g_free(w);
    return out;
}

/* ------------------------------------------------------------------ */
/* Income letters                                                       */
/* ------------------------------------------------------------------ */

const char *lt_frequency(const struct letter *l)
{
    switch (l->kind) {
    case LK_EMPLOYER_WEEKLY: return "weekly";
    case LK_EMPLOYER_GROSS: return "annual";
    case LK_ES_QUINCENAL: return "semimonthly";
    case LK_ES_CATORCENAL: return "fortnightly";
    default: return "monthly";
    }
}

int lt_is_net(const struct letter *l)
{
    return l->kind != LK_EMPLOYER_GROSS;
}

int64_t lt_monthly(const struct letter *l)
{
    switch (l->kind) {
    case LK_EMPLOYER_WEEKLY: return div_round(l->stated * 52, 12);
    case LK_EMPLOYER_GROSS: return 0;
    case LK_ES_QUINCENAL: return l->stated * 2;
    case LK_ES_CATORCENAL: return div_round(l->stated * 26, 12);
    default: return l->stated;
    }
}

const char *lt_language(const struct letter *l)
{
    return l->kind == LK_ES_QUINCENAL || l->kind == LK_ES_CATORCENAL ||
                   l->kind == LK_ES_PERCEPCIONES
               ? "es"
               : "en";
}

int lt_is_table(const struct letter *l)
{
    return l->kind == LK_EMPLOYER_TABLE || l->kind == LK_EMPLOYER_PAYTABLE ||
           l->kind == LK_ES_PERCEPCIONES;
}

int lt_pages(const struct letter *l)
{
    (void)l;
    return 1;
}

static void es_date(char *buf, size_t len, int y, int m, int d)
{
    snprintf(buf, len, "%d de %s de %d", d, ES_MONTH[m - 1], y);
}

static void letter_head(cairo_t *cr, const struct letter *l)
{
    cairo_set_source_rgb(cr, 0.15, 0.25, 0.45);
    cairo_rectangle(cr, X_LEFT - 4, 40, X_RIGHT - X_LEFT + 8, 2);
    cairo_fill(cr);
    gray(cr, 0);
    font(cr, 1, 15);
    text_at(cr, X_LEFT, 66, l->payer);
    font(cr, 0, 8);
    gray(cr, 0.35);
    text_at(cr, X_LEFT, 79, l->address);
    gray(cr, 0);
}

/* Gross - deductions = net on every month of a pay table (the figures
   are written by hand in corpus.c; a slip there must not reach a sample). */
static void lt_check_months(const struct letter *l)
{
    if (l->nmonths < 1 || l->nmonths > 12)
        die("pay table without months for", l->person);
    for (int i = 0; i < l->nmonths; i++)
        if (l->month_gross[i] - l->month_ded[i] != l->month_amt[i] || l->month_amt[i] <= 0)
            die("pay table month does not add up (gross - deductions != net) for",
                l->person);
}

/* letter-en-paytable: an employer's verification letter whose pay table
   prints the net column first and the gross column last. */
static void draw_paytable_en(cairo_t *cr, const struct letter *l)
{
    char buf[640], amt[48], date[64], since[64];
    double y, w = X_RIGHT - X_LEFT;
    int my = l->first_y, mm = l->first_m;
    const double c_net = 235, c_ded = 375, c_gross = 515;

    lt_check_months(l);
    font(cr, 0, 10);
    snprintf(date, sizeof date, "%s %d, %d", EN_MONTH[l->date_m - 1], l->date_d, l->date_y);
    text_at(cr, X_LEFT, 120, date);
    font(cr, 1, 10);
    snprintf(buf, sizeof buf, "RE: Verification of employment and earnings \xe2\x80\x93 %s",
             l->person);
    text_at(cr, X_LEFT, 150, buf);
    font(cr, 0, 10);
    text_at(cr, X_LEFT, 174, "To whom it may concern:");
    snprintf(since, sizeof since, "%s %d", EN_MONTH[l->since_m - 1], l->since_y);
    snprintf(buf, sizeof buf,
             "We are pleased to confirm that %s has worked for %s since %s and currently "
             "holds the position of Senior Data Analyst on a permanent, full-time basis. "
             "%s is paid once a month, on the last business day. The table below sets out "
             "what %s was paid for each of the last six pay months. Figures are in US "
             "dollars.",
             l->person, l->payer, since, l->he ? "He" : "She", l->he ? "he" : "she");
    y = paragraph(cr, X_LEFT, 200, w, 15, buf, 1);
    y += 16;
    font(cr, 1, 9.5);
    text_at(cr, X_LEFT + 6, y, "Pay month");
    text_right(cr, c_net, y, "Net amount paid");
    text_right(cr, c_ded, y, "Taxes and deductions");
    text_right(cr, c_gross, y, "Gross earnings");
    hrule(cr, y + 5, 0.6);
    font(cr, 0, 9.5);
    y += 19;
    for (int i = 0; i < l->nmonths; i++, month_add(&my, &mm, 1)) {
        snprintf(buf, sizeof buf, "%s %d", EN_MONTH[mm - 1], my);
        text_at(cr, X_LEFT + 6, y, buf);
        fmt_amt(amt, sizeof amt, l->month_amt[i], AMT_DOLLAR);
        text_right(cr, c_net, y, amt);
        fmt_amt(amt, sizeof amt, l->month_ded[i], AMT_DOLLAR);
        text_right(cr, c_ded, y, amt);
        fmt_amt(amt, sizeof amt, l->month_gross[i], AMT_DOLLAR);
        text_right(cr, c_gross, y, amt);
        y += 16;
    }
    gray(cr, 0.5);
    hrule(cr, y - 10, 0.4);
    gray(cr, 0);
    y = paragraph(cr, X_LEFT, y + 18, w, 15,
                  "Deductions include federal and state income tax, Social Security, "
                  "Medicare and the employee's share of health insurance premiums. This "
                  "letter is provided at the employee's request; our payroll team can "
                  "confirm its contents by telephone.",
                  1);
    text_at(cr, X_LEFT, y + 24, "Kind regards,");
    hrule(cr, y + 70, 0.5);
    text_at(cr, X_LEFT, y + 84, l->signer);
    text_at(cr, X_LEFT, y + 98, l->signer_title);
    font(cr, 0, 7.5);
    gray(cr, 0.4);
    text_at(cr, X_LEFT, 805, "Sample document with fictitious data.");
    gray(cr, 0);
}

/* letter-es-percepciones: "constancia de percepciones" whose table is
   transposed: one column per month, one row per concept. */
static void draw_percepciones_es(cairo_t *cr, const struct letter *l)
{
    char buf[720], amt[48], date[64], since[64];
    double y, w = X_RIGHT - X_LEFT, pitch = 68, left = X_LEFT - 8, right = X_RIGHT + 10;
    static const char *const rows[] = {"Percepciones brutas", "Deducciones (ISR, IMSS)",
                                       "Neto pagado"};
    int my, mm;

    lt_check_months(l);
    es_date(date, sizeof date, l->date_y, l->date_m, l->date_d);
    es_date(since, sizeof since, l->since_y, l->since_m, 16);
    font(cr, 1, 13);
    text_at(cr, 205, 130, "CONSTANCIA DE PERCEPCIONES");
    font(cr, 1, 10);
    text_at(cr, X_LEFT, 170, "A QUIEN CORRESPONDA:");
    font(cr, 0, 10);
    snprintf(buf, sizeof buf,
             "%s hace constar que %s C. %s presta sus servicios en esta empresa desde el "
             "%s, con el puesto de %s, y que durante los últimos %d meses recibió por "
             "concepto de sueldo las percepciones mensuales que se detallan a "
             "continuación, con las retenciones de ley correspondientes. Importes en "
             "pesos mexicanos (MXN).",
             l->payer, l->he ? "el" : "la", l->person, since,
             l->he ? "Supervisor de Almacén" : "Supervisora de Almacén", l->nmonths);
    y = paragraph(cr, X_LEFT, 200, w, 15, buf, 1);
    y += 18;
    font(cr, 1, 8);
    text_at(cr, left, y, "Concepto");
    my = l->first_y;
    mm = l->first_m;
    for (int i = 0; i < l->nmonths; i++, month_add(&my, &mm, 1)) {
        char mon[32];
        snprintf(mon, sizeof mon, "%s %d", ES_MONTH[mm - 1], my);
        mon[0] = (char)g_ascii_toupper(mon[0]);
        text_right(cr, right - pitch * (l->nmonths - 1 - i), y, mon);
    }
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, left, y + 5);
    cairo_line_to(cr, right, y + 5);
    cairo_stroke(cr);
    y += 19;
    for (int r = 0; r < 3; r++) {
        font(cr, r == 2, 8.5);
        text_at(cr, left, y, rows[r]);
        for (int i = 0; i < l->nmonths; i++) {
            int64_t v = r == 0 ? l->month_gross[i] : r == 1 ? l->month_ded[i] : l->month_amt[i];
            fmt_amt(amt, sizeof amt, v, AMT_US);
            text_right(cr, right - pitch * (l->nmonths - 1 - i), y, amt);
        }
        if (r == 1) {
            gray(cr, 0.5);
            cairo_set_line_width(cr, 0.4);
            cairo_move_to(cr, left, y + 5);
            cairo_line_to(cr, right, y + 5);
            cairo_stroke(cr);
            gray(cr, 0);
            y += 4;
        }
        y += 16;
    }
    font(cr, 0, 10);
    snprintf(buf, sizeof buf,
             "Se extiende la presente a solicitud de%s interesad%s, para los trámites que "
             "a su derecho convengan, en Culiacán, Sinaloa, a %s.",
             l->he ? "l" : " la", l->he ? "o" : "a", date);
    y = paragraph(cr, X_LEFT, y + 16, w, 15, buf, 1);
    text_at(cr, 250, y + 56, "ATENTAMENTE");
    hrule(cr, y + 106, 0.5);
    text_at(cr, 200, y + 121, l->signer);
    text_at(cr, 200, y + 135, l->signer_title);
    font(cr, 0, 7.5);
    gray(cr, 0.4);
    text_at(cr, X_LEFT, 805, "Documento de muestra con datos ficticios.");
    gray(cr, 0);
}

void lt_draw_page(cairo_t *cr, const void *ctx, int page, int npages)
{
    const struct letter *l = ctx;
    char buf[640], amt[48], date[64], since[64];
    const char *cur = l->currency;
    double y, w = X_RIGHT - X_LEFT;
    const char *he = l->he ? "He" : "She", *his = l->he ? "His" : "Her";

    (void)page;
    (void)npages;
    letter_head(cr, l);
    if (l->kind == LK_EMPLOYER_PAYTABLE) {
        draw_paytable_en(cr, l);
        return;
    }
    if (l->kind == LK_ES_PERCEPCIONES) {
        draw_percepciones_es(cr, l);
        return;
    }
    font(cr, 0, 10);
    if (strcmp(lt_language(l), "es") == 0) {
        char *words;
        es_date(date, sizeof date, l->date_y, l->date_m, l->date_d);
        es_date(since, sizeof since, l->since_y, l->since_m, 1);
        font(cr, 1, 13);
        text_at(cr, 230, 130, "CONSTANCIA DE INGRESOS");
        font(cr, 1, 10);
        text_at(cr, X_LEFT, 170, "A QUIEN CORRESPONDA:");
        font(cr, 0, 10);
        fmt_amt(amt, sizeof amt, l->stated, AMT_DOLLAR);
        words = es_amount_words(l->stated, "M.N.");
        snprintf(buf, sizeof buf,
                 "Por medio de la presente, %s hace constar que %s C. %s labora en "
                 "esta empresa desde el %s, ocupando el puesto de %s, con contrato por "
                 "tiempo indeterminado, y percibe un sueldo neto %s de %s (%s) libre de "
                 "impuestos.",
                 l->payer, l->he ? "el" : "la", l->person, since,
                 l->he ? "Jefe de Mantenimiento" : "Gerente de Compras",
                 l->kind == LK_ES_QUINCENAL ? "quincenal" : "catorcenal", amt, words);
        g_free(words);
        y = paragraph(cr, X_LEFT, 200, w, 15, buf, 1);
        snprintf(buf, sizeof buf,
                 "Se extiende la presente a petición de %s interesad%s para los fines "
                 "legales que a %s convengan, en la Ciudad de México, a %s.",
                 l->he ? "el" : "la", l->he ? "o" : "a", l->he ? "él" : "ella", date);
        y = paragraph(cr, X_LEFT, y + 12, w, 15, buf, 1);
        text_at(cr, 250, y + 60, "ATENTAMENTE");
        hrule(cr, y + 110, 0.5);
        text_at(cr, 200, y + 125, l->signer);
        text_at(cr, 200, y + 139, l->signer_title);
        font(cr, 0, 7.5);
        gray(cr, 0.4);
        text_at(cr, X_LEFT, 805, "Documento de muestra con datos ficticios.");
        gray(cr, 0);
        return;
    }

    snprintf(date, sizeof date, "%s %d, %d", EN_MONTH[l->date_m - 1], l->date_d, l->date_y);
    text_at(cr, X_LEFT, 120, date);
    if (l->kind == LK_PENSION) {
        snprintf(buf, sizeof buf, "Re: Benefit verification for %s", l->person);
        font(cr, 1, 10);
        text_at(cr, X_LEFT, 150, buf);
        font(cr, 0, 10);
        snprintf(buf, sizeof buf, "Dear %s %s:", l->he ? "Mr." : "Ms.",
                 strrchr(l->person, ' ') + 1);
        text_at(cr, X_LEFT, 176, buf);
        fmt_amt(amt, sizeof amt, l->stated, AMT_DOLLAR);
        snprintf(buf, sizeof buf,
                 "This letter verifies that you receive a monthly service retirement "
                 "benefit from %s. Your monthly benefit after deductions is %s (%s). "
                 "The benefit is paid for life on the first business day of each month. "
                 "The payments made to you in the last months were:",
                 l->payer, amt, strcmp(cur, "USD") == 0 ? "U.S. dollars" : cur);
        y = paragraph(cr, X_LEFT, 200, w, 15, buf, 1);
    } else {
        text_at(cr, X_LEFT, 150, "To whom it may concern:");
        snprintf(since, sizeof since, "%s %d", EN_MONTH[l->since_m - 1], l->since_y);
        fmt_amt(amt, sizeof amt, l->stated, AMT_DOLLAR);
        switch (l->kind) {
        case LK_EMPLOYER_MONTHLY:
            snprintf(buf, sizeof buf,
                     "This letter is to confirm that %s has been employed by %s since %s "
                     "as a full-time Operations Manager. %s monthly net salary (after "
                     "taxes) is %s%s.",
                     l->person, l->payer, since, his,
                     strcmp(cur, "CAD") == 0 ? "C" : "US", amt);
            break;
        case LK_EMPLOYER_WEEKLY:
            snprintf(buf, sizeof buf,
                     "This letter is to confirm that %s has been employed by %s since %s "
                     "as a Senior Technician. %s is paid weekly; %s net pay after taxes "
                     "and deductions is %s per week. All amounts are in U.S. dollars.",
                     l->person, l->payer, since, he, l->he ? "his" : "her", amt);
            break;
        case LK_EMPLOYER_GROSS:
            snprintf(buf, sizeof buf,
                     "This letter is to confirm that %s has been employed by %s since %s "
                     "as a Project Engineer in good standing. %s currently earns an "
                     "annual gross salary of %s (U.S. dollars), before taxes and "
                     "benefit deductions.",
                     l->person, l->payer, since, he, amt);
            break;
        default:
            snprintf(buf, sizeof buf,
                     "This letter is to confirm that %s has been employed by %s since %s "
                     "as a Logistics Coordinator. %s net pay (after federal and state "
                     "taxes and deductions) for the last six months was as follows; all "
                     "amounts in U.S. dollars:",
                     l->person, l->payer, since, his);
            break;
        }
        y = paragraph(cr, X_LEFT, 178, w, 15, buf, 1);
    }
    if (l->nmonths > 0) {
        int my = l->first_y, mm = l->first_m;
        y += 10;
        font(cr, 1, 10);
        text_at(cr, X_LEFT + 40, y, "Month");
        text_right(cr, X_LEFT + 300, y, l->kind == LK_PENSION ? "Amount paid" : "Net pay");
        hrule(cr, y + 4, 0.5);
        font(cr, 0, 10);
        y += 18;
        for (int i = 0; i < l->nmonths; i++, month_add(&my, &mm, 1)) {
            snprintf(buf, sizeof buf, "%s %d", EN_MONTH[mm - 1], my);
            text_at(cr, X_LEFT + 40, y, buf);
            fmt_amt(amt, sizeof amt, l->month_amt[i], AMT_DOLLAR);
            text_right(cr, X_LEFT + 300, y, amt);
            y += 15;
        }
    }
    y = paragraph(cr, X_LEFT, y + 14, w, 15,
                  l->kind == LK_PENSION
                      ? "If you have questions about your benefit, please call our member "
                        "services line."
                      : "This letter is issued at the employee's request for immigration "
                        "purposes. Please contact our Human Resources department should "
                        "you need further information.",
                  1);
    text_at(cr, X_LEFT, y + 24, "Sincerely,");
    hrule(cr, y + 70, 0.5);
    text_at(cr, X_LEFT, y + 84, l->signer);
    text_at(cr, X_LEFT, y + 98, l->signer_title);
    font(cr, 0, 7.5);
    gray(cr, 0.4);
    text_at(cr, X_LEFT, 805, "Sample document with fictitious data.");
    gray(cr, 0);
}

/* ------------------------------------------------------------------ */
/* Deeds                                                                */
/* ------------------------------------------------------------------ */

#define DEED_TOP 120.0
#define DEED_BOTTOM 715.0

/* Appends "$14,500,000.00 (CATORCE MILLONES ... 00/100 M.N.)". */
static void amount_and_words(GString *g, int64_t digits, int64_t words,
                             const char *tail)
{
    char amt[48];
    char *w = es_amount_words(words, tail);
    fmt_amt(amt, sizeof amt, digits, AMT_DOLLAR);
    g_string_append_printf(g, "%s (%s)", amt, w);
    g_free(w);
}

/* The deed as a list of paragraphs; a leading '#' marks a heading. */
static GPtrArray *deed_text(const struct deed *dd)
{
    GPtrArray *p = g_ptr_array_new_with_free_func(g_free);
    GString *g = g_string_new(NULL);
    char date[64], num[32];

    es_date(date, sizeof date, dd->y, dd->m, dd->d);
    fmt_amt(num, sizeof num, (int64_t)dd->number * 100, AMT_US);
    num[strlen(num) - 3] = '\0'; /* no cents */
    g_ptr_array_add(p, g_strdup_printf("#ESCRITURA PÚBLICA NÚMERO %s", num));
    g_ptr_array_add(p, g_strdup_printf("#LIBRO %d \xc2\xb7 FOLIO %ld",
                                       1000 + (int)(dd->number % 97), 10000 + dd->number % 8831));
    if (!dd->investment) {
        g_string_printf(g,
                        "En la %s, a %s, ANTE MÍ, LICENCIADO %s, NOTARIO PÚBLICO NÚMERO "
                        "%d de esta entidad, comparecen: de una parte, %s, como LA PARTE "
                        "VENDEDORA, y de otra parte, %s, como LA PARTE COMPRADORA, y "
                        "dijeron que formalizan el CONTRATO DE COMPRAVENTA que se contiene "
                        "en las siguientes declaraciones y cláusulas:",
                        dd->city, date, dd->notary, dd->notary_no, dd->seller, dd->owner);
        g_ptr_array_add(p, g_strdup(g->str));
        g_ptr_array_add(p, g_strdup("#ANTECEDENTES"));
        g_string_printf(g,
                        "I. PROPIEDAD. Declara LA PARTE VENDEDORA ser legítima propietaria "
                        "del inmueble identificado como %s, con la superficie, medidas y "
                        "colindancias que constan en el título de propiedad inscrito en el "
                        "Registro Público de la Propiedad, libre de todo gravamen según el "
                        "certificado que se agrega al apéndice de esta escritura.",
                        dd->property);
        g_ptr_array_add(p, g_strdup(g->str));
        if (dd->appraisal) {
            g_string_assign(g, "II. AVALÚO. El inmueble fue valuado por perito valuador "
                               "autorizado, quien le asignó un valor de avalúo de ");
            amount_and_words(g, dd->appraisal, dd->appraisal_words, "M.N.");
            g_string_append(g, ", según el avalúo que se agrega al apéndice.");
            g_ptr_array_add(p, g_strdup(g->str));
        }
        if (dd->cadastral) {
            g_string_printf(g, "%s. VALOR CATASTRAL. Según la boleta predial del ejercicio "
                               "%d, el valor catastral del inmueble es de ",
                            dd->appraisal ? "III" : "II", dd->y);
            amount_and_words(g, dd->cadastral, dd->cadastral_words, "M.N.");
            g_string_append_c(g, '.');
            g_ptr_array_add(p, g_strdup(g->str));
        }
        g_ptr_array_add(p, g_strdup("#CLÁUSULAS"));
        g_string_printf(g, "PRIMERA. OBJETO. LA PARTE VENDEDORA vende, libre de todo "
                           "gravamen y al corriente en el pago de sus contribuciones, a "
                           "%s, quien adquiere para sí, el inmueble descrito en el "
                           "antecedente I, con todo lo que de hecho y por derecho le "
                           "corresponde.",
                        dd->owner);
        g_ptr_array_add(p, g_strdup(g->str));
        g_string_assign(g, "SEGUNDA. PRECIO. El precio pactado por la compraventa es la "
                           "cantidad de ");
        amount_and_words(g, dd->price, dd->price_words, "MONEDA NACIONAL");
        g_string_append(g, ", que LA PARTE COMPRADORA paga en este acto mediante "
                           "transferencia electrónica de fondos, otorgando LA PARTE "
                           "VENDEDORA el recibo más amplio que en derecho proceda.");
        g_ptr_array_add(p, g_strdup(g->str));
        g_ptr_array_add(p, g_strdup(
            "TERCERA. GASTOS. Los gastos, derechos, honorarios e impuestos que cause esta "
            "escritura, incluido el Impuesto sobre Adquisición de Inmuebles, serán por "
            "cuenta de LA PARTE COMPRADORA, con excepción del Impuesto sobre la Renta, "
            "que será a cargo de LA PARTE VENDEDORA."));
        g_ptr_array_add(p, g_strdup(
            "CUARTA. JURISDICCIÓN. Para la interpretación y cumplimiento de este contrato "
            "las partes se someten a las leyes y tribunales de esta ciudad, renunciando "
            "al fuero que por razón de su domicilio presente o futuro pudiera "
            "corresponderles."));
    } else {
        char shares[32], nominal[48];
        fmt_amt(shares, sizeof shares, (int64_t)dd->shares * 100, AMT_US);
        shares[strlen(shares) - 3] = '\0';
        fmt_amt(nominal, sizeof nominal, dd->capital / dd->shares, AMT_DOLLAR);
        g_string_printf(g,
                        "En la %s, a %s, ANTE MÍ, LICENCIADO %s, NOTARIO PÚBLICO NÚMERO "
                        "%d de esta entidad, hago constar la PROTOCOLIZACIÓN DEL ACTA DE "
                        "ASAMBLEA GENERAL EXTRAORDINARIA DE ACCIONISTAS de %s, que "
                        "formaliza el AUMENTO DE CAPITAL SOCIAL en su parte variable, "
                        "al tenor de los siguientes antecedentes y cláusulas:",
                        dd->city, date, dd->notary, dd->notary_no, dd->company);
        g_ptr_array_add(p, g_strdup(g->str));
        g_ptr_array_add(p, g_strdup("#ANTECEDENTES"));
        g_string_printf(g, "I. La sociedad %s se constituyó conforme a las leyes mexicanas "
                           "y se encuentra inscrita en el Registro Público de Comercio. "
                           "II. En asamblea celebrada el día de hoy se aprobó aumentar el "
                           "capital social variable mediante la emisión de %s acciones "
                           "ordinarias, nominativas, con valor nominal de %s cada una.",
                        dd->company, shares, nominal);
        g_ptr_array_add(p, g_strdup(g->str));
        g_ptr_array_add(p, g_strdup("#CLÁUSULAS"));
        g_string_printf(g, "PRIMERA. SUSCRIPCIÓN. El accionista %s suscribe y paga %s "
                           "acciones de la serie B por la cantidad de ",
                        dd->owner, shares);
        amount_and_words(g, dd->capital, dd->capital_words, "M.N.");
        g_string_append(g, ", que entrega en este acto a la tesorería de la sociedad "
                           "mediante transferencia electrónica.");
        g_ptr_array_add(p, g_strdup(g->str));
        g_ptr_array_add(p, g_strdup(
            "SEGUNDA. Se instruye al secretario del consejo para que realice las "
            "anotaciones correspondientes en el libro de registro de acciones y en el "
            "libro de variaciones de capital de la sociedad."));
    }
    g_ptr_array_add(p, g_strdup("#GENERALES Y CERTIFICACIÓN"));
    g_string_printf(g, "YO, EL NOTARIO, CERTIFICO: que me identifiqué plenamente como "
                       "notario; que los comparecientes se identificaron con documentos "
                       "oficiales vigentes; que les leí íntegramente esta escritura y les "
                       "expliqué su valor y consecuencias legales; que manifestaron su "
                       "conformidad y la firmaron el día de su otorgamiento. DOY FE.");
    g_ptr_array_add(p, g_strdup(g->str));
    g_string_printf(g, "@LIC. %s", dd->notary);
    g_ptr_array_add(p, g_strdup(g->str));
    g_string_printf(g, "@NOTARIO PÚBLICO NÚMERO %d", dd->notary_no);
    g_ptr_array_add(p, g_strdup(g->str));
    g_string_free(g, TRUE);
    return p;
}

/* Lays the deed out; draws page `page` (0: none); returns the page count.
   *value_page (when not NULL) gets the page of the price or capital clause. */
static int deed_flow(cairo_t *cr, const struct deed *dd, int page, int npages,
                     int *value_page)
{
    GPtrArray *p = deed_text(dd);
    int cur = 1;
    double y = DEED_TOP;
    double w = X_RIGHT - X_LEFT;

    for (guint i = 0; i < p->len; i++) {
        const char *t = p->pdata[i];
        int heading = t[0] == '#', sign = t[0] == '@';
        double need;
        font(cr, heading, heading ? 10.5 : 9.5);
        need = heading || sign ? 30 : paragraph(cr, X_LEFT, 0, w, 13, t, 0);
        if (sign && t[1] == 'L')
            need += 50; /* room to sign */
        if (y + need > DEED_BOTTOM) {
            cur++;
            y = DEED_TOP;
        }
        if (sign && t[1] == 'L')
            y += 45;
        if (value_page && (g_str_has_prefix(t, "SEGUNDA. PRECIO") ||
                           g_str_has_prefix(t, "PRIMERA. SUSCRIPCI")))
            *value_page = cur;
        if (heading || sign) {
            cairo_text_extents_t e;
            cairo_text_extents(cr, t + 1, &e);
            if (cur == page)
                text_at(cr, (A4_W - e.x_advance) / 2, y, t + 1);
            y += heading ? 22 : 14;
        } else {
            y = paragraph(cr, X_LEFT, y, w, 13, t, cur == page) + 8;
        }
    }
    if (page > 0) {
        char buf[96];
        /* the notary's seal line at the top of every page */
        font(cr, 1, 9);
        snprintf(buf, sizeof buf, "NOTARÍA PÚBLICA NÚMERO %d \xc2\xb7 %s", dd->notary_no,
                 dd->city);
        text_at(cr, X_LEFT, 62, buf);
        font(cr, 0, 8);
        gray(cr, 0.35);
        snprintf(buf, sizeof buf, "LIC. %s", dd->notary);
        text_at(cr, X_LEFT, 75, buf);
        text_right(cr, X_RIGHT, 62, "TESTIMONIO");
        hrule(cr, 84, 0.8);
        snprintf(buf, sizeof buf, "Hoja %d de %d", page, npages);
        text_right(cr, X_RIGHT, 805, buf);
        gray(cr, 0);
        cairo_set_source_rgb(cr, 0.55, 0.60, 0.75); /* the notary's seal */
        cairo_set_line_width(cr, 1.2);
        cairo_arc(cr, X_RIGHT - 40, 745, 22, 0, 2 * G_PI);
        cairo_stroke(cr);
        gray(cr, 0);
    }
    g_ptr_array_free(p, TRUE);
    return cur;
}

int deed_pages(const struct deed *dd, int *value_page)
{
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_A8, 4, 4);
    cairo_t *cr = cairo_create(s);
    int n = deed_flow(cr, dd, 0, 0, value_page);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    return n;
}

void deed_draw_page(cairo_t *cr, const void *ctx, int page, int npages)
{
    deed_flow(cr, ctx, page, npages, NULL);
}

/* ------------------------------------------------------------------ */
/* Letters that prove nothing                                           */
/* ------------------------------------------------------------------ */

void other_draw_page(cairo_t *cr, const void *ctx, int page, int npages)
{
    const enum other_kind *k = ctx;
    double w = X_RIGHT - X_LEFT, y;
    (void)page;
    (void)npages;
    switch (*k) {
    case OK_COVER_ES:
        font(cr, 0, 10);
        text_right(cr, X_RIGHT, 80, "Guadalajara, Jal., a 3 de noviembre de 2026");
        font(cr, 1, 10);
        text_at(cr, X_LEFT, 120, "CONSULADO DE MÉXICO EN SAN ANTONIO, TEXAS");
        text_at(cr, X_LEFT, 134, "SECCIÓN CONSULAR");
        text_at(cr, X_LEFT, 160, "Asunto: solicitud de visa de residencia temporal");
        font(cr, 0, 10);
        y = paragraph(cr, X_LEFT, 196, w, 15,
                      "Estimados señores: Por medio de la presente me permito presentar mi "
                      "solicitud de visa de residencia temporal. Anexo a esta carta mi "
                      "pasaporte, la fotografía requerida y los comprobantes de solvencia "
                      "económica que se indican en la lista de requisitos del consulado.",
                      1);
        y = paragraph(cr, X_LEFT, y + 10, w, 15,
                      "Quedo a sus órdenes para cualquier aclaración o documento adicional "
                      "que consideren necesario. Agradezco de antemano la atención prestada.",
                      1);
        text_at(cr, X_LEFT, y + 30, "Atentamente,");
        text_at(cr, X_LEFT, y + 90, "Patricia Elena Vázquez Torres");
        break;
    case OK_COVER_EN:
        font(cr, 0, 10);
        text_at(cr, X_LEFT, 80, "Daniel Robert Hayes");
        text_at(cr, X_LEFT, 94, "1420 Lakeview Avenue, Springfield, IL 62704");
        text_at(cr, X_LEFT, 124, "November 4, 2026");
        text_at(cr, X_LEFT, 154, "Consulate General of Mexico in Chicago");
        text_at(cr, X_LEFT, 168, "204 S Ashland Ave, Chicago, IL 60607");
        text_at(cr, X_LEFT, 198, "Dear Consular Officer,");
        y = paragraph(cr, X_LEFT, 222, w, 15,
                      "I am writing to apply for a visitor visa. Please find enclosed my "
                      "passport, the visa application form, a recent photograph and the "
                      "documents that show my economic solvency, as listed on your "
                      "website. I plan to spend the winter months in Mérida, Yucatán, and "
                      "to return to the United States in April.",
                      1);
        y = paragraph(cr, X_LEFT, y + 10, w, 15,
                      "Thank you for your time and consideration. I can be reached at the "
                      "address above or by telephone at (217) 555-0199.",
                      1);
        text_at(cr, X_LEFT, y + 30, "Sincerely,");
        text_at(cr, X_LEFT, y + 90, "Daniel Robert Hayes");
        break;
    case OK_CFE_BILL:
        cairo_set_source_rgb(cr, 0.0, 0.45, 0.25);
        cairo_rectangle(cr, X_LEFT - 4, 36, X_RIGHT - X_LEFT + 8, 30);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        font(cr, 1, 14);
        text_at(cr, X_LEFT + 6, 57, "CFE Suministrador de Servicios Básicos");
        gray(cr, 0);
        font(cr, 0, 9.5);
        text_at(cr, X_LEFT, 96, "AVISO-RECIBO");
        text_at(cr, X_LEFT, 112, "JOSÉ LUIS HERNÁNDEZ MUÑOZ");
        text_at(cr, X_LEFT, 125, "AV VALLARTA 3040 COL VALLARTA PONIENTE CP 44110 GUADALAJARA JAL");
        text_at(cr, X_LEFT, 150, "NO. DE SERVICIO: 548 190 702 331     TARIFA: 1C     MEDIDOR: 8K41Q7");
        text_at(cr, X_LEFT, 164, "PERIODO FACTURADO: 14 JUL 26 - 12 SEP 26");
        font(cr, 1, 12);
        text_at(cr, X_LEFT, 196, "TOTAL A PAGAR: $1,248.00");
        font(cr, 0, 9.5);
        text_at(cr, X_LEFT, 212, "(MIL DOSCIENTOS CUARENTA Y OCHO PESOS 00/100 M.N.)");
        text_at(cr, X_LEFT, 228, "FECHA LÍMITE DE PAGO: 29 SEP 26");
        y = 270;
        font(cr, 1, 9);
        text_at(cr, X_LEFT, y, "Concepto");
        text_right(cr, 300, y, "kWh");
        text_right(cr, 400, y, "Precio");
        text_right(cr, X_RIGHT, y, "Subtotal");
        font(cr, 0, 9);
        text_at(cr, X_LEFT, y += 15, "Básico");
        text_right(cr, 300, y, "150");
        text_right(cr, 400, y, "0.890");
        text_right(cr, X_RIGHT, y, "133.50");
        text_at(cr, X_LEFT, y += 15, "Intermedio");
        text_right(cr, 300, y, "150");
        text_right(cr, 400, y, "1.082");
        text_right(cr, X_RIGHT, y, "162.30");
        text_at(cr, X_LEFT, y += 15, "Excedente");
        text_right(cr, 300, y, "262");
        text_right(cr, 400, y, "3.167");
        text_right(cr, X_RIGHT, y, "829.75");
        text_at(cr, X_LEFT, y += 15, "IVA 16%");
        text_right(cr, X_RIGHT, y, "180.09");
        text_at(cr, X_LEFT, y += 15, "DAP");
        text_right(cr, X_RIGHT, y, "-57.64");
        font(cr, 0, 7.5);
        gray(cr, 0.4);
        text_at(cr, X_LEFT, 805, "Documento de muestra con datos ficticios.");
        gray(cr, 0);
        break;
    }
}
