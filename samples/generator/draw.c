/*
 * draw.c - the statement pages of the sample generator: letterhead,
 * summary, movements table and footer drawn with cairo, and a statement
 * rendered to PDF bytes (text layer, or image-only at SCAN_DPI).  Split
 * from solvency-samplegen.c; see samplegen.h.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samplegen.h"

#define SCAN_DPI 200.0

/* ------------------------------------------------------------------ */
/* Drawing                                                              */
/* ------------------------------------------------------------------ */


void font(cairo_t *cr, int bold, double size)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

void gray(cairo_t *cr, double g)
{
    cairo_set_source_rgb(cr, g, g, g);
}

void text_at(cairo_t *cr, double x, double y, const char *s)
{
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s);
}

void text_right(cairo_t *cr, double xr, double y, const char *s)
{
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    cairo_move_to(cr, xr - e.x_advance, y);
    cairo_show_text(cr, s);
}

void hrule(cairo_t *cr, double y, double width)
{
    cairo_set_line_width(cr, width);
    cairo_move_to(cr, X_LEFT, y);
    cairo_line_to(cr, X_RIGHT, y);
    cairo_stroke(cr);
}

void bar(cairo_t *cr, double y, double h, double g)
{
    gray(cr, g);
    cairo_rectangle(cr, X_LEFT - 4, y, X_RIGHT - X_LEFT + 8, h);
    cairo_fill(cr);
    gray(cr, 0);
}

/* Bank letterhead, common to every page. */
static void draw_letterhead(cairo_t *cr, const struct statement *s)
{
    if (s->layout == LAYOUT_EN) {
        cairo_set_source_rgb(cr, 0.05, 0.20, 0.42);
        cairo_rectangle(cr, X_LEFT - 4, 38, 6, 30);
        cairo_fill(cr);
        font(cr, 1, 18);
        text_at(cr, X_LEFT + 10, 60, "FIRST HARBOR BANK");
        font(cr, 0, 9);
        gray(cr, 0);
        text_right(cr, X_RIGHT, 60, "Member FDIC");
        font(cr, 0, 7.5);
        gray(cr, 0.35);
        text_at(cr, X_LEFT + 10, 72,
                "P.O. Box 4410, Springfield, IL 62708 \xc2\xb7 1-800-555-0142 \xc2\xb7 "
                "firstharbor.example");
    } else {
        cairo_set_source_rgb(cr, 0.0, 0.38, 0.30);
        cairo_rectangle(cr, X_LEFT - 4, 38, X_RIGHT - X_LEFT + 8, 32);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        font(cr, 1, 16);
        text_at(cr, X_LEFT + 6, 60, "BANCO DEL VALLE, S.A.");
        font(cr, 0, 7.5);
        text_right(cr, X_RIGHT - 6, 52, "Institución de Banca Múltiple");
        text_right(cr, X_RIGHT - 6, 63, "Grupo Financiero del Valle");
        gray(cr, 0.35);
        text_at(cr, X_LEFT, 80,
                "Av. Insurgentes Sur 1602, Col. Crédito Constructor, C.P. 03940, "
                "Ciudad de México \xc2\xb7 RFC BVA-900412-QK3");
    }
    gray(cr, 0);
}

static void draw_footer(cairo_t *cr, const struct statement *s, int page,
                        int npages)
{
    char buf[64];
    gray(cr, 0.6);
    hrule(cr, 790, 0.5);
    font(cr, 0, 6.5);
    gray(cr, 0.4);
    if (s->layout == LAYOUT_EN) {
        text_at(cr, X_LEFT, 801,
                "Deposit products offered by First Harbor Bank, N.A. Member FDIC. "
                "Equal Housing Lender.");
        text_at(cr, X_LEFT, 810,
                "Report errors within 60 days. This is a sample document with "
                "fictitious data.");
        snprintf(buf, sizeof buf, "Page %d of %d", page, npages);
    } else {
        text_at(cr, X_LEFT, 801,
                "Este documento es una representación impresa de un CFDI. "
                "Consulte comisiones y CAT en bancodelvalle.example");
        text_at(cr, X_LEFT, 810,
                "UNE: 55 5140 0000. Documento de muestra con datos ficticios.");
        snprintf(buf, sizeof buf, "Página %d de %d", page, npages);
    }
    font(cr, 0, 8);
    gray(cr, 0);
    text_right(cr, X_RIGHT, 810, buf);
}

static void summary_row(cairo_t *cr, double y, const char *label,
                        const char *value)
{
    text_at(cr, X_LEFT + 6, y, label);
    text_right(cr, 330, y, value);
}

/* An ink blot over the hundreds digit of a summary value drawn by
   summary_row() on baseline y (the scanned case c13): a filled ellipse a
   little wider than the digit, so its neighbours stay legible. */
static void blot_hundreds(cairo_t *cr, double y, const char *value)
{
    const char *dot = strchr(value, '.');
    cairo_text_extents_t from, after;
    double x0, x1;

    if (!dot || dot - value < 3)
        die("no hundreds digit to blot in", value);
    cairo_text_extents(cr, dot - 3, &from);
    cairo_text_extents(cr, dot - 2, &after);
    x0 = 330 - from.x_advance;
    x1 = 330 - after.x_advance;
    cairo_save(cr);
    cairo_set_source_rgb(cr, 0.06, 0.06, 0.09);
    cairo_translate(cr, (x0 + x1) / 2, y - 3.6);
    cairo_rotate(cr, 0.25);
    cairo_scale(cr, (x1 - x0) * 0.55, 5.2);
    cairo_arc(cr, 0, 0, 1, 0, 2 * G_PI);
    cairo_fill(cr);
    cairo_restore(cr);
}

/* Page 1 header block; returns the y where the table header goes. */
static double draw_first_page_head(cairo_t *cr, const struct statement *s)
{
    char buf[160], v[48];
    int nd = s->ndays;
    double y;

    if (s->layout == LAYOUT_EN) {
        font(cr, 1, 14);
        text_at(cr, X_LEFT, 104, "Account Statement");
        font(cr, 0, 9.5);
        snprintf(buf, sizeof buf, "Account Holder: %s", s->holder);
        text_at(cr, X_LEFT, 128, buf);
        text_at(cr, X_LEFT, 142, s->address);
        snprintf(buf, sizeof buf, "Account Number: %s", s->account_print);
        text_at(cr, X_LEFT, 160, buf);
        snprintf(buf, sizeof buf,
                 "Statement Period: %02d/01/%04d - %02d/%02d/%04d", s->m, s->y,
                 s->m, nd, s->y);
        text_at(cr, X_LEFT, 174, buf);
        snprintf(buf, sizeof buf, "Currency: %s", s->currency);
        text_at(cr, X_LEFT, 188, buf);
        font(cr, 0, 8);
        gray(cr, 0.35);
        snprintf(buf, sizeof buf, "%s \xc2\xb7 statement date %s %d, %04d",
                 s->product, EN_MON[s->m - 1], nd, s->y);
        text_right(cr, X_RIGHT, 104, buf);
        gray(cr, 0);

        y = 222;
        bar(cr, y - 12, 17, 0.88);
        font(cr, 1, 10.5);
        text_at(cr, X_LEFT, y, "Account Summary");
        font(cr, 0, 9.5);
        y += 20;
        fmt_money(v, sizeof v, s->opening, 1);
        summary_row(cr, y, "Beginning Balance", v);
        fmt_money(v, sizeof v, s->deposits, 1);
        summary_row(cr, y += 15, "Deposits and Additions", v);
        fmt_money(v, sizeof v, s->withdrawals, 1);
        summary_row(cr, y += 15, "Withdrawals and Debits", v);
        fmt_money(v, sizeof v, s->closing, 1);
        summary_row(cr, y += 15, "Ending Balance", v);
        fmt_money(v, sizeof v, s->adb, 1);
        summary_row(cr, y += 15, "Average Daily Balance", v);
        if (s->blot)
            blot_hundreds(cr, y, v);
        gray(cr, 0.6);
        hrule(cr, y + 8, 0.5);
        gray(cr, 0);
        y += 34;
        bar(cr, y - 12, 17, 0.88);
        font(cr, 1, 10.5);
        text_at(cr, X_LEFT, y, "Transaction Detail");
        return y + 20;
    }

    font(cr, 1, 14);
    text_at(cr, X_LEFT, 108, "ESTADO DE CUENTA");
    font(cr, 0, 8);
    gray(cr, 0.35);
    snprintf(buf, sizeof buf, "%s \xc2\xb7 Fecha de corte %02d/%s/%04d",
             s->product, nd, ES_MON[s->m - 1], s->y);
    text_right(cr, X_RIGHT, 108, buf);
    gray(cr, 0);
    font(cr, 0, 9.5);
    snprintf(buf, sizeof buf, "Titular: %s", s->holder);
    text_at(cr, X_LEFT, 130, buf);
    text_at(cr, X_LEFT, 144, s->address);
    snprintf(buf, sizeof buf, "No. de Cuenta: %s", s->account_print);
    text_at(cr, X_LEFT, 162, buf);
    snprintf(buf, sizeof buf, "CLABE: %s", s->clabe);
    text_at(cr, X_LEFT, 176, buf);
    snprintf(buf, sizeof buf, "Periodo: DEL 01/%02d/%04d AL %02d/%02d/%04d",
             s->m, s->y, nd, s->m, s->y);
    text_at(cr, X_LEFT, 190, buf);
    text_at(cr, X_LEFT, 204,
            strcmp(s->currency, "MXN") == 0 ? "Moneda: PESOS (M.N.)"
                                            : "Moneda: DÓLARES (USD)");
    y = 236;
    bar(cr, y - 12, 17, 0.86);
    font(cr, 1, 10.5);
    text_at(cr, X_LEFT, y, "Información Financiera");
    font(cr, 0, 9.5);
    y += 20;
    fmt_money(v, sizeof v, s->opening, 1);
    summary_row(cr, y, "Saldo Anterior", v);
    fmt_money(v, sizeof v, s->deposits, 1);
    summary_row(cr, y += 15, "Depósitos / Abonos (+)", v);
    fmt_money(v, sizeof v, s->withdrawals, 1);
    summary_row(cr, y += 15, "Retiros / Cargos (-)", v);
    fmt_money(v, sizeof v, s->closing, 1);
    summary_row(cr, y += 15, "Saldo Final", v);
    fmt_money(v, sizeof v, s->adb, 1);
    summary_row(cr, y += 15, "Saldo Promedio", v);
    if (s->blot)
        blot_hundreds(cr, y, v);
    snprintf(v, sizeof v, "%d", nd);
    summary_row(cr, y += 15, "Días del Periodo", v);
    gray(cr, 0.6);
    hrule(cr, y + 8, 0.5);
    gray(cr, 0);
    y += 34;
    bar(cr, y - 12, 17, 0.86);
    font(cr, 1, 10.5);
    text_at(cr, X_LEFT, y, "Detalle de Movimientos");
    return y + 20;
}

static void draw_table_head(cairo_t *cr, const struct statement *s, double y)
{
    font(cr, 1, 8.5);
    if (s->layout == LAYOUT_EN) {
        text_at(cr, X_LEFT, y, "Date");
        text_at(cr, X_LEFT + 52, y, "Description");
        text_right(cr, 450, y, "Amount");
        text_right(cr, X_RIGHT, y, "Balance");
    } else {
        text_at(cr, X_LEFT, y, "Fecha");
        text_at(cr, X_LEFT + 52, y, "Concepto");
        text_right(cr, 395, y, "Cargo");
        text_right(cr, 470, y, "Abono");
        text_right(cr, X_RIGHT, y, "Saldo");
    }
    gray(cr, 0.5);
    hrule(cr, y + 4, 0.6);
    gray(cr, 0);
}

static void draw_tx_row(cairo_t *cr, const struct statement *s,
                        const struct txn *t, double y)
{
    char date[16], v[48];
    font(cr, 0, 8.5);
    if (s->layout == LAYOUT_EN) {
        snprintf(date, sizeof date, "%02d/%02d", s->m, t->day);
        text_at(cr, X_LEFT, y, date);
        text_at(cr, X_LEFT + 52, y, t->desc);
        fmt_money(v, sizeof v, t->amount, 0);
        text_right(cr, 450, y, v);
    } else {
        snprintf(date, sizeof date, "%02d/%s", t->day, ES_MON[s->m - 1]);
        text_at(cr, X_LEFT, y, date);
        text_at(cr, X_LEFT + 52, y, t->desc);
        fmt_money(v, sizeof v, t->amount < 0 ? -t->amount : t->amount, 0);
        text_right(cr, t->amount < 0 ? 395 : 470, y, v);
    }
    fmt_money(v, sizeof v, t->balance, 0);
    text_right(cr, X_RIGHT, y, v);
}

static int rows_first_page(const struct statement *s)
{
    (void)s;
    return (int)((TABLE_BOTTOM - 380.0) / ROW_H);
}

static int rows_next_page(void)
{
    return (int)((TABLE_BOTTOM - 160.0) / ROW_H);
}

int stmt_pages(const struct statement *s)
{
    int rest = s->ntx + 1 - rows_first_page(s); /* +1: totals row */
    int pages = 1;
    while (rest > 0) {
        rest -= rows_next_page();
        pages++;
    }
    return pages;
}

/* Draws page `page` (1-based) of the statement in PDF points. */
void draw_page(cairo_t *cr, const struct statement *s, int page,
                      int npages)
{
    double y;
    int first, count;
    char buf[96];

    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    gray(cr, 0);
    draw_letterhead(cr, s);
    if (page == 1) {
        y = draw_first_page_head(cr, s);
        first = 0;
        count = rows_first_page(s);
    } else {
        font(cr, 1, 11);
        text_at(cr, X_LEFT, 108,
                s->layout == LAYOUT_EN ? "Transaction Detail (continued)"
                                       : "Detalle de Movimientos (continuación)");
        font(cr, 0, 8);
        gray(cr, 0.35);
        snprintf(buf, sizeof buf, "%s \xc2\xb7 ...%s", s->holder,
                 s->account_print + strlen(s->account_print) - 4);
        text_right(cr, X_RIGHT, 108, buf);
        gray(cr, 0);
        y = 140;
        first = rows_first_page(s) + (page - 2) * rows_next_page();
        count = rows_next_page();
    }
    draw_table_head(cr, s, y);
    y += ROW_H + 3;
    for (int i = first; i < first + count && i <= s->ntx; i++) {
        if (i == s->ntx) { /* totals row */
            char d[48], w[48];
            font(cr, 1, 8.5);
            gray(cr, 0.5);
            hrule(cr, y - 9, 0.4);
            gray(cr, 0);
            snprintf(buf, sizeof buf,
                     s->layout == LAYOUT_EN ? "Total for period: %d transactions"
                                            : "Total de Movimientos: %d",
                     s->ntx);
            text_at(cr, X_LEFT + 52, y, buf);
            fmt_money(d, sizeof d, s->deposits, 0);
            fmt_money(w, sizeof w, s->withdrawals, 0);
            if (s->layout == LAYOUT_ES) {
                text_right(cr, 395, y, w);
                text_right(cr, 470, y, d);
            }
            break;
        }
        draw_tx_row(cr, s, &s->tx[i], y);
        y += ROW_H;
    }
    draw_footer(cr, s, page, npages);
}

cairo_status_t append_bytes(void *closure, const unsigned char *data,
                                   unsigned int length)
{
    g_byte_array_append(closure, data, length);
    return CAIRO_STATUS_SUCCESS;
}

/* Turns an RGB24 image into shades of gray in place, as a grayscale
   scanner would; cairo then embeds one channel instead of three. */
static void to_grayscale(cairo_surface_t *img)
{
    int w = cairo_image_surface_get_width(img);
    int h = cairo_image_surface_get_height(img);
    int stride = cairo_image_surface_get_stride(img);
    unsigned char *data;

    cairo_surface_flush(img);
    data = cairo_image_surface_get_data(img);
    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(void *)(data + (size_t)y * (size_t)stride);
        for (int x = 0; x < w; x++) {
            uint32_t p = row[x];
            uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            uint32_t v = (r * 299 + g * 587 + b * 114 + 500) / 1000;
            row[x] = 0xff000000u | (v << 16) | (v << 8) | v;
        }
    }
    cairo_surface_mark_dirty(img);
}

/* Renders the statement to PDF bytes (returns owned GByteArray). */
GByteArray *stmt_render(const struct statement *s, int image_only,
                               int *pages_out)
{
    GByteArray *out = g_byte_array_new();
    cairo_surface_t *pdf;
    cairo_t *cr;
    char date[32], title[96];
    int npages = stmt_pages(s);
    int ny = s->y, nm = s->m;

    month_add(&ny, &nm, 1);
    snprintf(date, sizeof date, "%04d-%02d-02T06:00:00Z", ny, nm);
    pdf = cairo_pdf_surface_create_for_stream(append_bytes, out, A4_W, A4_H);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, date);
    if (image_only) {
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR,
                                       "DocuScan 4.2 (200 dpi)");
    } else {
        cairo_pdf_surface_set_metadata(
            pdf, CAIRO_PDF_METADATA_CREATOR,
            s->layout == LAYOUT_EN ? "First Harbor Bank eStatements"
                                   : "Banco del Valle Estados de Cuenta");
        snprintf(title, sizeof title, "%s %04d-%02d",
                 s->layout == LAYOUT_EN ? "Account Statement" : "Estado de Cuenta",
                 s->y, s->m);
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title);
    }
    cr = cairo_create(pdf);
    for (int p = 1; p <= npages; p++) {
        if (image_only) {
            int w = (int)(A4_W * SCAN_DPI / 72.0 + 0.5);
            int h = (int)(A4_H * SCAN_DPI / 72.0 + 0.5);
            cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
            cairo_t *ic = cairo_create(img);
            cairo_scale(ic, SCAN_DPI / 72.0, SCAN_DPI / 72.0);
            draw_page(ic, s, p, npages);
            cairo_destroy(ic);
            to_grayscale(img);
            cairo_save(cr);
            cairo_scale(cr, 72.0 / SCAN_DPI, 72.0 / SCAN_DPI);
            cairo_set_source_surface(cr, img, 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
            cairo_surface_destroy(img);
        } else {
            draw_page(cr, s, p, npages);
        }
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS)
        die("cairo failed", cairo_status_to_string(cairo_surface_status(pdf)));
    cairo_surface_destroy(pdf);
    *pages_out = npages;
    return out;
}
