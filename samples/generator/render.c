/*
 * render.c - turns any drawing into a sample file: a text-layer PDF, or a
 * scan of it (image-only PDF, JPEG, PNG, multi-page G4 TIFF), plus the
 * small helpers the issue-4 documents share (amount styles, word wrap,
 * date arithmetic).  The scanner itself (scan_raster_fn) lives in
 * solvency-samplegen.c with the original scanned cases; the encoding here
 * mirrors scan_write() there, for documents that are not statements.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <leptonica/allheaders.h>

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "samplegen.h"

const char *const EN_MONTH[] = {"January", "February", "March",     "April",
                                "May",     "June",     "July",      "August",
                                "September", "October", "November", "December"};

void fmt_amt(char *buf, size_t len, int64_t cents, enum amt_style st)
{
    char digits[32], grouped[48];
    int neg = cents < 0;
    uint64_t v = neg ? (uint64_t)(-cents) : (uint64_t)cents;
    int eu = st == AMT_EU || st == AMT_EU_EURO;
    char thou = eu ? '.' : ',', dec = eu ? ',' : '.';
    size_t n, o = 0;

    snprintf(digits, sizeof digits, "%" PRIu64, v / 100);
    n = strlen(digits);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            grouped[o++] = thou;
        grouped[o++] = digits[i];
    }
    grouped[o] = '\0';
    switch (st) {
    case AMT_US:
    case AMT_EU:
        snprintf(buf, len, "%s%s%c%02u", neg ? "-" : "", grouped, dec,
                 (unsigned)(v % 100));
        break;
    case AMT_DOLLAR:
        snprintf(buf, len, "%s$%s.%02u", neg ? "-" : "", grouped, (unsigned)(v % 100));
        break;
    case AMT_PESO_SP:
        snprintf(buf, len, "%s$ %s.%02u", neg ? "-" : "", grouped, (unsigned)(v % 100));
        break;
    case AMT_PAREN:
        snprintf(buf, len, "%s%s.%02u%s", neg ? "(" : "", grouped,
                 (unsigned)(v % 100), neg ? ")" : "");
        break;
    case AMT_TRAIL:
        snprintf(buf, len, "%s.%02u%s", grouped, (unsigned)(v % 100), neg ? "-" : "");
        break;
    case AMT_EU_EURO:
        snprintf(buf, len, "%s%s,%02u \xe2\x82\xac", neg ? "-" : "", grouped,
                 (unsigned)(v % 100));
        break;
    }
}

void date_after(int y, int m, int d, int off, int *oy, int *om, int *od)
{
    d += off;
    while (d > days_in_month(y, m)) {
        d -= days_in_month(y, m);
        month_add(&y, &m, 1);
    }
    *oy = y;
    *om = m;
    *od = d;
}

double paragraph(cairo_t *cr, double x, double y, double width, double lead,
                 const char *text, int draw)
{
    char **words = g_strsplit(text, " ", -1);
    GString *line = g_string_new(NULL);
    cairo_text_extents_t e;

    for (int i = 0; words[i]; i++) {
        size_t keep = line->len;
        if (words[i][0] == '\0')
            continue;
        if (line->len)
            g_string_append_c(line, ' ');
        g_string_append(line, words[i]);
        cairo_text_extents(cr, line->str, &e);
        if (e.x_advance > width && keep > 0) {
            g_string_truncate(line, keep);
            if (draw)
                text_at(cr, x, y, line->str);
            y += lead;
            g_string_assign(line, words[i]);
        }
    }
    if (line->len) {
        if (draw)
            text_at(cr, x, y, line->str);
        y += lead;
    }
    g_string_free(line, TRUE);
    g_strfreev(words);
    return y;
}

GByteArray *render_pdf(sg_draw_fn draw, const void *ctx, int npages,
                       const char *creator, const char *title,
                       const char *create_date)
{
    return render_pdf_sized(draw, ctx, npages, creator, title, create_date, A4_W, A4_H);
}

GByteArray *render_pdf_sized(sg_draw_fn draw, const void *ctx, int npages,
                             const char *creator, const char *title,
                             const char *create_date, double page_w, double page_h)
{
    GByteArray *out = g_byte_array_new();
    cairo_surface_t *pdf =
        cairo_pdf_surface_create_for_stream(append_bytes, out, page_w, page_h);
    cairo_t *cr;

    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, create_date);
    cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, creator);
    if (title)
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, title);
    cr = cairo_create(pdf);
    for (int p = 1; p <= npages; p++) {
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        gray(cr, 0);
        draw(cr, ctx, p, npages);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(pdf);
    if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS)
        die("cairo failed", cairo_status_to_string(cairo_surface_status(pdf)));
    cairo_surface_destroy(pdf);
    return out;
}

/* White page under any drawing, as the statements' draw_page() paints. */
struct white_ctx {
    sg_draw_fn draw;
    const void *ctx;
};

static void draw_on_white(cairo_t *cr, const void *ctx, int page, int npages)
{
    const struct white_ctx *w = ctx;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    gray(cr, 0);
    w->draw(cr, w->ctx, page, npages);
}

static void pix_to_cairo_gray(PIX *pix, cairo_surface_t *img)
{
    int w = pixGetWidth(pix), h = pixGetHeight(pix);
    unsigned char *d = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    l_uint32 *pdata = pixGetData(pix);
    int wpl = pixGetWpl(pix);

    for (int y = 0; y < h; y++) {
        uint32_t *row = (uint32_t *)(void *)(d + (size_t)y * (size_t)stride);
        l_uint32 *line = pdata + (size_t)y * (size_t)wpl;
        for (int x = 0; x < w; x++) {
            uint32_t v = GET_DATA_BYTE(line, x);
            row[x] = 0xff000000u | (v << 16) | (v << 8) | v;
        }
    }
    cairo_surface_mark_dirty(img);
}

GByteArray *scan_encode(sg_draw_fn draw, const void *ctx, int npages,
                        const struct scan_spec *sc, enum scan_fmt fmt,
                        const char *seed_key, const char *tiff_path,
                        GString *notes)
{
    return scan_encode_sized(draw, ctx, npages, sc, fmt, seed_key, tiff_path, notes, A4_W,
                             A4_H);
}

GByteArray *scan_encode_sized(sg_draw_fn draw, const void *ctx, int npages,
                              const struct scan_spec *sc, enum scan_fmt fmt,
                              const char *seed_key, const char *tiff_path,
                              GString *notes, double page_w, double page_h)
{
    GByteArray *out = g_byte_array_new();
    cairo_surface_t *pdf = NULL;
    cairo_t *cr = NULL;
    struct white_ctx wc = {draw, ctx};

    if ((fmt == SCAN_JPEG || fmt == SCAN_PNG) && npages != 1)
        die("a photo holds one page only", seed_key);
    if (fmt == SCAN_PDF) {
        pdf = cairo_pdf_surface_create_for_stream(append_bytes, out, page_w, page_h);
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE,
                                       "2026-11-09T17:42:00Z");
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, sc->creator);
        cr = cairo_create(pdf);
    }
    for (int p = 1; p <= npages; p++) {
        uint64_t rng = seed_from(seed_key, "scan", 0, p);
        int dpi = (int)rnd_range(&rng, sc->dpi_lo, sc->dpi_hi);
        int cdeg = (int)rnd_range(&rng, -sc->tilt_cdeg, sc->tilt_cdeg);
        enum scan_look look = !sc->photo ? LOOK_FLATBED
                              : fmt == SCAN_PNG ? LOOK_APP : LOOK_PHOTO;
        PIX *pix = scan_raster_sized(draw_on_white, &wc, p, npages, sc, look, dpi,
                                     cdeg / 100.0, &rng, page_w, page_h);
        l_uint8 *enc = NULL;
        size_t enclen = 0;

        if (notes)
            g_string_append_printf(notes, "page %d: %d dpi, tilted %+.2f degrees; ", p,
                                   dpi, cdeg / 100.0);
        switch (fmt) {
        case SCAN_PDF: {
            cairo_surface_t *img = cairo_image_surface_create(
                CAIRO_FORMAT_RGB24, pixGetWidth(pix), pixGetHeight(pix));
            if (pixWriteMemJpeg(&enc, &enclen, pix, sc->quality, 0) != 0)
                die("JPEG encoding failed", seed_key);
            pix_to_cairo_gray(pix, img);
            if (cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, enc, enclen,
                                            lept_free, enc) != CAIRO_STATUS_SUCCESS)
                die("cairo refused the JPEG", seed_key);
            cairo_save(cr);
            cairo_scale(cr, 72.0 / dpi, 72.0 / dpi);
            cairo_set_source_surface(cr, img, 0, 0);
            cairo_paint(cr);
            cairo_restore(cr);
            cairo_show_page(cr);
            cairo_surface_destroy(img);
            break;
        }
        case SCAN_JPEG:
            if (pixWriteMemJpeg(&enc, &enclen, pix, sc->quality, 0) != 0)
                die("JPEG encoding failed", seed_key);
            g_byte_array_append(out, enc, (guint)enclen);
            lept_free(enc);
            break;
        case SCAN_PNG:
            pixSetZlibCompression(pix, 9);
            if (pixWriteMemPng(&enc, &enclen, pix, 0.0) != 0)
                die("PNG encoding failed", seed_key);
            g_byte_array_append(out, enc, (guint)enclen);
            lept_free(enc);
            break;
        case SCAN_TIFF: {
            PIX *bw = pixThresholdToBinary(pix, 150);
            if (!bw)
                die("binarisation failed", seed_key);
            pixSetResolution(bw, dpi, dpi);
            if (pixWriteTiff(tiff_path, bw, IFF_TIFF_G4, p == 1 ? "w" : "a") != 0)
                die("TIFF writing failed", tiff_path);
            pixDestroy(&bw);
            break;
        }
        }
        pixDestroy(&pix);
    }
    if (fmt == SCAN_PDF) {
        cairo_destroy(cr);
        cairo_surface_finish(pdf);
        if (cairo_surface_status(pdf) != CAIRO_STATUS_SUCCESS)
            die("cairo failed", cairo_status_to_string(cairo_surface_status(pdf)));
        cairo_surface_destroy(pdf);
    }
    if (fmt == SCAN_TIFF) {
        gchar *c = NULL;
        gsize len = 0;
        GError *err = NULL;
        if (!g_file_get_contents(tiff_path, &c, &len, &err))
            die("cannot read back", err->message);
        g_byte_array_append(out, (const guint8 *)c, (guint)len);
        g_free(c);
    }
    return out;
}
