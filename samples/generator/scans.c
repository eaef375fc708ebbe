/*
 * scans.c - the scanned twins of the sample statements: each page drawn
 * as the text-layer PDF is, then rasterised, tilted, blurred and encoded
 * as a scanner or a phone camera would (scan_encode, render.c), written
 * into its case folder and recorded.  Split from solvency-samplegen.c;
 * see samplegen.h.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <leptonica/allheaders.h>

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "samplegen.h"

/* draw_page() in the shape the scanner wants. */
static void draw_stmt_page(cairo_t *cr, const void *ctx, int page, int npages)
{
    draw_page(cr, ctx, page, npages);
}

/* One page as a scanner or a phone camera sees it: the same drawing as the
   text-layer PDF, rasterised at `dpi`, tilted by `tilt_deg`, blurred, with
   toner/paper tone, sensor noise and dust.  Returns owned 8 bpp PIX: free
   with pixDestroy. */
PIX *scan_raster_fn(sg_draw_fn draw, const void *ctx, int page, int npages,
                    const struct scan_spec *sc, enum scan_look look, int dpi,
                    double tilt_deg, uint64_t *rng)
{
    return scan_raster_sized(draw, ctx, page, npages, sc, look, dpi, tilt_deg, rng, A4_W,
                             A4_H);
}

/* The same for a page of page_w x page_h points (US letter, a card, a
   passport page). */
PIX *scan_raster_sized(sg_draw_fn draw, const void *ctx, int page, int npages,
                       const struct scan_spec *sc, enum scan_look look, int dpi,
                       double tilt_deg, uint64_t *rng, double page_w, double page_h)
{
    double k = dpi / 72.0;
    int pw = (int)(page_w * k + 0.5), ph = (int)(page_h * k + 0.5);
    int photo = look == LOOK_PHOTO;
    int mx = photo ? pw / 18 : 0, my = photo ? ph / 28 : 0;
    int w = pw + 2 * mx, h = ph + 2 * my;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(img);
    const unsigned char *data;
    int stride;
    PIX *pix, *t;
    l_uint32 *pdata;
    int wpl;

    if (photo)
        cairo_set_source_rgb(cr, 0.36, 0.30, 0.24); /* a wooden table */
    else
        cairo_set_source_rgb(cr, 1, 1, 1); /* the scanner lid */
    cairo_paint(cr);
    cairo_translate(cr, w / 2.0, h / 2.0);
    cairo_rotate(cr, tilt_deg * G_PI / 180.0);
    cairo_translate(cr, -pw / 2.0, -ph / 2.0);
    cairo_scale(cr, k, k);
    cairo_rectangle(cr, 0, 0, page_w, page_h);
    cairo_clip(cr);
    draw(cr, ctx, page, npages);
    cairo_destroy(cr);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS)
        die("cairo failed", cairo_status_to_string(cairo_surface_status(img)));
    cairo_surface_flush(img);

    data = cairo_image_surface_get_data(img);
    stride = cairo_image_surface_get_stride(img);
    pix = pixCreate(w, h, 8);
    if (!pix)
        die("out of memory", NULL);
    pdata = pixGetData(pix);
    wpl = pixGetWpl(pix);
    for (int y = 0; y < h; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
        l_uint32 *line = pdata + (size_t)y * (size_t)wpl;
        for (int x = 0; x < w; x++) {
            uint32_t p = row[x];
            uint32_t r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
            SET_DATA_BYTE(line, x, (r * 299 + g * 587 + b * 114 + 500) / 1000);
        }
    }
    cairo_surface_destroy(img);

    for (int i = 0; i < sc->blur; i++) { /* optics: a 3x3 box blur */
        t = pixBlockconv(pix, 1, 1);
        if (!t)
            die("leptonica blur failed", NULL);
        pixDestroy(&pix);
        pix = t;
    }

    pdata = pixGetData(pix);
    for (int y = 0; y < h; y++) {
        l_uint32 *line = pdata + (size_t)y * (size_t)wpl;
        for (int x = 0; x < w; x++) {
            uint64_t r = splitmix64(rng);
            int v = (int)GET_DATA_BYTE(line, x);
            /* sum of four bytes: mean 510, sigma about 148 */
            int n = (int)(r & 0xff) + (int)((r >> 8) & 0xff) +
                    (int)((r >> 16) & 0xff) + (int)((r >> 24) & 0xff) - 510;
            if (photo) /* light from the top left, per mille */
                v = v * (1000 - 220 * (x + y) / (w + h)) / 1000;
            else /* paper is not quite white, toner not quite black */
                v = 12 + v * 232 / 255;
            v += n * sc->noise / 148;
            if ((r >> 40) % 60000 == 0) /* dust */
                v = 40;
            if (look == LOOK_APP) /* levels: 35 -> 0, 215 and up -> 255 */
                v = (v - 35) * 255 / 180;
            SET_DATA_BYTE(line, x, v < 0 ? 0 : v > 255 ? 255 : v);
        }
    }
    pixSetResolution(pix, dpi, dpi);
    return pix;
}

enum scan_fmt scan_fmt_of(const struct scan_spec *sc, int ym)
{
    if (sc->png_ym[0] == ym || sc->png_ym[1] == ym)
        return SCAN_PNG;
    return sc->fmt;
}

/* File name of a scanned statement (returns owned: g_free). */
char *scan_doc_name(const struct account_spec *as, enum scan_fmt fmt,
                           int y, int m, int index)
{
    switch (as->naming) {
    case NAME_SCAN_EN:
        return g_strdup_printf("scans/FHB_scan_%04d-%02d.pdf", y, m);
    case NAME_PHOTO:
        if (fmt == SCAN_PNG)
            return g_strdup_printf("fotos/estado_%s_%04d.png", ES_MONTH[m - 1], y);
        return g_strdup_printf("fotos/IMG_20261104_%06d.jpg", 183012 + 47 * index);
    case NAME_TIFF:
        return g_strdup_printf("escaneos/edo_cta_%04d_%02d.tif", y, m);
    case NAME_SCAN_STMT:
        return g_strdup_printf("scanned/statement_%04d%02d.pdf", y, m);
    default:
        die("no scanned file name for this account's naming", NULL);
    }
    return NULL;
}

/* Appends a JPEG APP1 segment holding EXIF data with the Orientation tag
   only (Intel byte order, IFD0 with one SHORT entry): what a phone writes
   for pixels that viewers must turn. */
static void append_exif_orientation(GByteArray *out, int orientation)
{
    static const guint8 app1[] = {
        0xff, 0xe1, 0x00, 0x22,             /* APP1, 34 bytes with this */
        'E', 'x', 'i', 'f', 0, 0,
        'I', 'I', 42, 0, 8, 0, 0, 0,        /* TIFF header, IFD0 at 8 */
        1, 0,                               /* one entry: */
        0x12, 0x01, 3, 0, 1, 0, 0, 0,       /* 0x0112 Orientation, SHORT x1 */
        0, 0, 0, 0,                         /* its value (set below) */
        0, 0, 0, 0};                        /* no next IFD */
    guint len = out->len;
    g_byte_array_append(out, app1, sizeof app1);
    out->data[len + 28] = (guint8)orientation;
}

/* Writes one statement as a scan into case_dir/name and records it in docs;
   a line per page goes to notes.  Returns the number of pages. */
int scan_write(const char *case_dir, const char *case_id,
                      const struct scan_spec *sc, const struct statement *s,
                      enum scan_fmt fmt, const char *name, GPtrArray *docs,
                      GString *notes)
{
    int npages = stmt_pages(s);
    int ym = s->y * 100 + s->m;
    char *full = g_build_filename(case_dir, name, NULL);
    char *dir = g_path_get_dirname(full);
    GByteArray *out = g_byte_array_new();
    cairo_surface_t *pdf = NULL;
    cairo_t *cr = NULL;

    if (g_mkdir_with_parents(dir, 0755) != 0)
        die("cannot create folder", dir);
    if ((fmt == SCAN_JPEG || fmt == SCAN_PNG) && npages != 1)
        die("a photo holds one page only", name);
    if (fmt == SCAN_PDF) {
        pdf = cairo_pdf_surface_create_for_stream(append_bytes, out, A4_W, A4_H);
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE,
                                       "2026-11-09T17:42:00Z");
        cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, sc->creator);
        cr = cairo_create(pdf);
    }
    for (int p = 1; p <= npages; p++) {
        uint64_t rng = seed_from(case_id, "scan", s->y, s->m * 10 + p);
        int dpi = (int)rnd_range(&rng, sc->dpi_lo, sc->dpi_hi);
        int cdeg = (int)rnd_range(&rng, -sc->tilt_cdeg, sc->tilt_cdeg);
        int flip = ym == sc->flip_ym && p == sc->flip_page;
        enum scan_look look = !sc->photo ? LOOK_FLATBED
                              : fmt == SCAN_PNG ? LOOK_APP : LOOK_PHOTO;
        PIX *pix = scan_raster_fn(draw_stmt_page, s, p, npages, sc, look, dpi,
                                  cdeg / 100.0, &rng);
        l_uint8 *enc = NULL;
        size_t enclen = 0;

        if (flip) {
            PIX *t = pixRotate180(NULL, pix);
            pixDestroy(&pix);
            pix = t;
        }
        g_string_append_printf(notes, "     %s page %d: %d dpi, tilted %+.2f degrees%s%s%s\n",
                               name, p, dpi, cdeg / 100.0,
                               flip ? ", UPSIDE DOWN (180 degrees)" : "",
                               fmt == SCAN_JPEG && ym == sc->exif_ym
                                   ? ", pixels stored SIDEWAYS with EXIF orientation 6 (as a phone stores a portrait shot)"
                                   : "",
                               p == 1 && s->blot ? ", INK BLOT over the hundreds digit of the printed average" : "");
        switch (fmt) {
        case SCAN_PDF: {
            int w = pixGetWidth(pix), h = pixGetHeight(pix);
            cairo_surface_t *img;
            if (pixWriteMemJpeg(&enc, &enclen, pix, sc->quality, 0) != 0)
                die("JPEG encoding failed", name);
            /* cairo embeds the JPEG stream itself (mime data); the pixels
               are there for any fallback rendering. */
            img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
            {
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
            if (cairo_surface_set_mime_data(img, CAIRO_MIME_TYPE_JPEG, enc, enclen,
                                            lept_free, enc) != CAIRO_STATUS_SUCCESS)
                die("cairo refused the JPEG", name);
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
            if (ym == sc->exif_ym) { /* stored a quarter turn to the left */
                PIX *t = pixRotateOrth(pix, 3);
                pixDestroy(&pix);
                pix = t;
            }
            if (pixWriteMemJpeg(&enc, &enclen, pix, sc->quality, 0) != 0)
                die("JPEG encoding failed", name);
            g_byte_array_append(out, enc, 2); /* SOI */
            if (ym == sc->exif_ym)
                append_exif_orientation(out, 6);
            g_byte_array_append(out, enc + 2, (guint)enclen - 2);
            lept_free(enc);
            break;
        case SCAN_PNG:
            pixSetZlibCompression(pix, 9);
            if (pixWriteMemPng(&enc, &enclen, pix, 0.0) != 0)
                die("PNG encoding failed", name);
            g_byte_array_append(out, enc, (guint)enclen);
            lept_free(enc);
            break;
        case SCAN_TIFF: {
            /* a document scanner's black-and-white mode */
            PIX *bw = pixThresholdToBinary(pix, 150);
            if (!bw)
                die("binarisation failed", name);
            pixSetResolution(bw, dpi, dpi);
            if (pixWriteTiff(full, bw, IFF_TIFF_G4, p == 1 ? "w" : "a") != 0)
                die("TIFF writing failed", full);
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
        if (!g_file_get_contents(full, &c, &len, &err))
            die("cannot read back", err->message);
        g_byte_array_append(out, (const guint8 *)c, (guint)len);
        g_free(c);
    } else {
        write_file(full, out->data, out->len);
    }
    add_doc(docs, name, "ok", "bank-statement", NULL, out->data, out->len, npages, "ocr");
    g_byte_array_free(out, TRUE);
    g_free(dir);
    g_free(full);
    return npages;
}

