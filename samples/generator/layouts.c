/*
 * layouts.c - the issue-4 statement layouts of samples/LAYOUTS.md:
 * en-activity (multi-page, average ledger balance), en-online (CAD, period
 * not aligned to months, running balances, debits in parentheses),
 * es-movimientos (DD-MMM-YYYY, running balances, no average), es-banorte
 * (opening/closing only, trailing minus), es-euro (Spain, 1.234,56 €,
 * "Saldo medio del periodo") and es-columnas (header in two key/value
 * columns side by side, values below their labels; Cargos | Abonos | Saldo).
 *
 * xs_build() draws random movements over any period and adds a levelling
 * transfer so that the day-weighted average of the end-of-day balances
 * (the same method as stmt_settle() for the original layouts) lands on a
 * target; every statement is self-consistent: opening + credits - debits =
 * closing, each running balance is the previous one plus the movement.
 */
#include <cairo.h>
#include <glib.h>

#include <stdio.h>
#include <string.h>

#include "samplegen.h"

/* ------------------------------------------------------------------ */
/* Building                                                             */
/* ------------------------------------------------------------------ */

static void xs_settle(struct xstmt *s)
{
    int64_t bal = s->opening, sum = 0;
    int t = 0;
    s->deposits = s->withdrawals = s->checks = s->fees = s->interest = 0;
    for (int d = 0; d < s->ndays; d++) {
        while (t < s->ntx && s->tx[t].off == d) {
            struct xtxn *x = &s->tx[t];
            bal += x->amount;
            x->balance = bal;
            switch (x->kind) {
            case 'd': s->deposits += x->amount; break;
            case 'i': s->interest += x->amount; break;
            case 'c': s->checks -= x->amount; break;
            case 'f': s->fees -= x->amount; break;
            default:
                if (x->amount >= 0)
                    s->deposits += x->amount;
                else
                    s->withdrawals -= x->amount;
            }
            t++;
        }
        sum += bal;
    }
    s->closing = bal;
    s->adb = div_round(sum, s->ndays);
}

static void xs_sort(struct xstmt *s)
{
    for (int i = 1; i < s->ntx; i++) {
        struct xtxn k = s->tx[i];
        int j = i - 1;
        while (j >= 0 && s->tx[j].off > k.off) {
            s->tx[j + 1] = s->tx[j];
            j--;
        }
        s->tx[j + 1] = k;
    }
}

static void xs_add(struct xstmt *s, int off, const char *desc, int64_t amount,
                   char kind)
{
    if (s->ntx >= MAX_XTX)
        die("too many movements", desc);
    memset(&s->tx[s->ntx], 0, sizeof s->tx[s->ntx]);
    s->tx[s->ntx].off = off;
    g_strlcpy(s->tx[s->ntx].desc, desc, sizeof s->tx[s->ntx].desc);
    s->tx[s->ntx].amount = amount;
    s->tx[s->ntx].kind = kind;
    s->ntx++;
}

static const char *const EN_OUT[] = {
    "DEBIT CARD PURCHASE HANNAFORD",  "ONLINE PMT CENTRAL MAINE POWER",
    "ATM WITHDRAWAL 88 HARBOR RD",    "DEBIT CARD PURCHASE IRVING OIL",
    "AMAZON MKTPLACE PMTS",           "T-MOBILE AUTOPAY",
    "DEBIT CARD PURCHASE L.L.BEAN",   "GEICO AUTO INSURANCE",
    "PORTLAND WATER DISTRICT",        "SPOTIFY USA"};
static const char *const CA_OUT[] = {
    "POS PURCHASE LOBLAWS",     "POS PURCHASE TIM HORTONS", "BILL PMT HYDRO ONE",
    "E-TRANSFER SENT",          "BILL PMT ROGERS WIRELESS", "POS PURCHASE SHOPPERS DRUG",
    "ATM WITHDRAWAL INTERAC",   "PRE-AUTH PMT INTACT INS"};
static const char *const MX_OUT[] = {
    "PAGO TARJETA DE CREDITO", "SPEI ENVIADO BANAMEX", "RETIRO CAJERO AUTOMATICO",
    "PAGO CFE SUMINISTRADOR",  "PAGO TELMEX",          "COMPRA SORIANA",
    "DOMICILIACION AXA SEGUROS", "COMPRA COSTCO MONTERREY", "PAGO GAS NATURAL"};
static const char *const MX_IN[] = {"SPEI RECIBIDO BBVA", "DEPOSITO EN EFECTIVO",
                                    "SPEI RECIBIDO BANORTE"};
static const char *const EU_OUT[] = {
    "RECIBO IBERDROLA",      "COMPRA MERCADONA",  "RECIBO MOVISTAR",
    "PAGO TARJETA VISA",     "COMPRA EL CORTE INGLÉS", "RECIBO COMUNIDAD PROPIETARIOS",
    "RETIRADA CAJERO",       "BIZUM ENVIADO"};
static const char *const EU_IN[] = {"TRANSFERENCIA RECIBIDA", "BIZUM RECIBIDO"};
static const char *const CO_OUT[] = {
    "PAGO SERVICIO AGUA SIAPA", "COMPRA TIENDA DE CONVENIENCIA", "TRANSF SPEI A TERCEROS",
    "DISPOSICION EN CAJERO",    "PAGO TARJETA ORO CORDILLERA",   "COMPRA ALMACENES GARCIA",
    "CARGO DOMICILIADO TELEFONIA", "PAGO IMPUESTO PREDIAL",      "COMPRA FARMACIA DEL AHORRO"};
static const char *const CO_IN[] = {"ABONO SPEI RECIBIDO", "DEPOSITO EN VENTANILLA"};

static int64_t pm(uint64_t *rng, int64_t base, int lo, int hi)
{
    return base * rnd_range(rng, (int64_t)lo * 100, (int64_t)hi * 100) / 100000 +
           rnd_range(rng, 0, 99);
}

void xs_build(struct xstmt *s, enum xlayout layout, const char *holder,
              const char *address, const char *account, const char *currency,
              int sy, int sm, int sd, int ndays, int64_t opening,
              int64_t target, int allow_negative, uint64_t *rng)
{
    int en = layout == XL_EN_ACTIVITY || layout == XL_EN_ONLINE;
    int nrand = layout == XL_EN_ACTIVITY ? (int)rnd_range(rng, 36, 44)
                                         : (int)rnd_range(rng, 10, 16);
    const char *const *outs;
    size_t nouts;
    long folio = 1200000 + (long)rnd_range(rng, 0, 800000);

    memset(s, 0, sizeof *s);
    s->layout = layout;
    s->holder = holder;
    s->address = address;
    s->account = account;
    s->currency = currency;
    s->sy = sy;
    s->sm = sm;
    s->sd = sd;
    s->ndays = ndays;
    date_after(sy, sm, sd, ndays - 1, &s->ey, &s->em, &s->ed);
    s->opening = opening;

    switch (layout) {
    case XL_EN_ACTIVITY: outs = EN_OUT; nouts = NELEM(EN_OUT); break;
    case XL_EN_ONLINE: outs = CA_OUT; nouts = NELEM(CA_OUT); break;
    case XL_ES_EURO: outs = EU_OUT; nouts = NELEM(EU_OUT); break;
    case XL_ES_COLUMNAS: outs = CO_OUT; nouts = NELEM(CO_OUT); break;
    default: outs = MX_OUT; nouts = NELEM(MX_OUT); break;
    }
    /* pay: twice a period (en, mx), once (Spain) */
    if (layout == XL_ES_EURO) {
        xs_add(s, 0, "NÓMINA TALLERES LEVANTE SL", pm(rng, target, 150, 250) / 100 * 100, 'd');
    } else {
        const char *pay = layout == XL_EN_ACTIVITY ? "PAYROLL CASCO BAY MARINE DIR DEP"
                          : layout == XL_EN_ONLINE ? "PAYROLL DEPOSIT MAPLE LEAF LOGISTICS"
                          : layout == XL_ES_COLUMNAS ? "ABONO NOMINA QUINCENAL"
                                                   : "DEPOSITO NOMINA";
        xs_add(s, 0, pay, pm(rng, target, 60, 110) / 100 * 100, 'd');
        xs_add(s, 14, pay, pm(rng, target, 60, 110) / 100 * 100, 'd');
    }
    for (int i = 0; i < nrand; i++) {
        int off = (int)rnd_range(rng, 2, ndays - 1);
        int credit = rnd_range(rng, 0, 9) == 0;
        int64_t amt = layout == XL_EN_ACTIVITY ? pm(rng, target, 2, 12) : pm(rng, target, 3, 30);
        if (credit) {
            const char *d = en ? (layout == XL_EN_ONLINE ? "E-TRANSFER RECEIVED" : "MOBILE DEPOSIT")
                            : layout == XL_ES_EURO
                                ? EU_IN[rnd_range(rng, 0, NELEM(EU_IN) - 1)]
                            : layout == XL_ES_COLUMNAS
                                ? CO_IN[rnd_range(rng, 0, NELEM(CO_IN) - 1)]
                                : MX_IN[rnd_range(rng, 0, NELEM(MX_IN) - 1)];
            xs_add(s, off, d, amt, 'd');
        } else {
            xs_add(s, off, outs[rnd_range(rng, 0, (int64_t)nouts - 1)], -amt, 'w');
        }
    }
    if (layout == XL_EN_ACTIVITY) {
        int nchk = (int)rnd_range(rng, 2, 3);
        for (int i = 0; i < nchk; i++) {
            char d[32];
            snprintf(d, sizeof d, "CHECK %d", (int)rnd_range(rng, 2101, 2399));
            xs_add(s, (int)rnd_range(rng, 3, ndays - 2), d,
                   -(pm(rng, target, 5, 20) / 100 * 100), 'c');
        }
    }
    xs_add(s, 4,
           en ? (layout == XL_EN_ONLINE ? "PRE-AUTH PMT RENT 1180 BAY ST" : "MORTGAGE PMT NORWAY SVGS")
           : layout == XL_ES_EURO     ? "RECIBO ALQUILER VIVIENDA"
           : layout == XL_ES_COLUMNAS ? "PAGO ARRENDAMIENTO DEPTO"
                                      : "PAGO RENTA CASA",
           -(pm(rng, target, 40, 90) / 100 * 100), 'w');
    xs_sort(s);
    if (layout == XL_EN_ACTIVITY)
        xs_add(s, ndays - 1, "MONTHLY MAINTENANCE FEE", -1200, 'f');
    if (layout != XL_EN_ONLINE)
        xs_add(s, ndays - 1,
               en ? "INTEREST EARNED"
               : layout == XL_ES_EURO     ? "LIQUIDACIÓN INTERESES"
               : layout == XL_ES_COLUMNAS ? "RENDIMIENTO DEL PERIODO"
                                          : "INTERESES NETOS GANADOS",
               pm(rng, target, 1, 3) / 10, 'i');
    xs_settle(s);
    {
        int64_t x = div_round((target - s->adb) * s->ndays, s->ndays - 1);
        x = div_round(x, 100) * 100;
        if (x != 0) {
            const char *d = en ? (x > 0 ? "ONLINE TRANSFER FROM SAVINGS ...0913"
                                        : "ONLINE TRANSFER TO SAVINGS ...0913")
                            : layout == XL_ES_EURO
                                ? (x > 0 ? "TRASPASO DESDE CUENTA AHORRO" : "TRASPASO A CUENTA AHORRO")
                                : (x > 0 ? "TRASPASO DE INVERSION" : "TRASPASO A INVERSION");
            xs_add(s, 1, d, x, x > 0 ? 'd' : 'w');
            xs_sort(s);
            xs_settle(s);
        }
    }
    for (int i = 0; i < s->ntx; i++) {
        s->tx[i].folio = folio + 37 * i + (long)rnd_range(rng, 0, 30);
        if (!allow_negative && s->tx[i].balance < 0)
            die("negative running balance in a statement of", holder);
    }
}

/* The month a statement counts for: the month of its cut-off date (the
   period's last day), as banks name their statements.  Unlike "the month
   holding most days", it gives every regular cycle (16th-15th, 15th-14th,
   through February) exactly one statement per month. */
void xs_month(const struct xstmt *s, int *y, int *m)
{
    int cy = s->sy, cm = s->sm, cd = s->sd, left = s->ndays;
    while (left > 0) {
        int n = days_in_month(cy, cm) - cd + 1;
        if (n >= left)
            break;
        left -= n;
        month_add(&cy, &cm, 1);
        cd = 1;
    }
    *y = cy;
    *m = cm;
}

int xs_prints_average(const struct xstmt *s)
{
    return s->layout == XL_EN_ACTIVITY || s->layout == XL_ES_EURO ||
           s->layout == XL_ES_COLUMNAS;
}

int xs_has_average(const struct xstmt *s)
{
    return s->layout != XL_ES_BANORTE;
}

int xs_prints_totals(const struct xstmt *s)
{
    return s->layout != XL_EN_ONLINE;
}

int64_t xs_credits(const struct xstmt *s)
{
    return s->deposits + s->interest;
}

int64_t xs_debits(const struct xstmt *s)
{
    return s->withdrawals + s->checks + s->fees;
}

void xs_masked(const struct xstmt *s, char *out, size_t len)
{
    char digits[40];
    size_t n = 0;
    for (const char *p = s->account; *p && n + 1 < sizeof digits; p++)
        if (*p >= '0' && *p <= '9')
            digits[n++] = *p;
    digits[n] = '\0';
    if (n < 4)
        die("account number too short", s->account);
    snprintf(out, len, "****%s", digits + n - 4);
}

const char *xs_layout_name(enum xlayout l)
{
    static const char *const names[] = {"en-activity", "en-online", "es-movimientos",
                                        "es-banorte", "es-euro", "es-columnas"};
    return names[l];
}

const char *xs_language(const struct xstmt *s)
{
    return s->layout == XL_EN_ACTIVITY || s->layout == XL_EN_ONLINE ? "en" : "es";
}

/* ------------------------------------------------------------------ */
/* Drawing                                                              */
/* ------------------------------------------------------------------ */

#define XROW 12.5
#define ACT_ROWS_1 12  /* en-activity: movements on page 1 */
#define ACT_ROWS_N 44  /* on the next pages */

static int table_rows_first(const struct xstmt *s)
{
    switch (s->layout) {
    case XL_EN_ONLINE: return (int)((TABLE_BOTTOM - 250.0) / XROW);
    case XL_ES_MOVIMIENTOS: return (int)((TABLE_BOTTOM - 215.0) / XROW);
    case XL_ES_EURO: return (int)((TABLE_BOTTOM - 330.0) / XROW);
    case XL_ES_COLUMNAS: return (int)((TABLE_BOTTOM - 380.0) / XROW);
    default: return ACT_ROWS_1;
    }
}

static int table_rows_next(const struct xstmt *s)
{
    return s->layout == XL_EN_ACTIVITY ? ACT_ROWS_N : (int)((TABLE_BOTTOM - 150.0) / XROW);
}

/* Rows after the movements: es-movimientos TOTAL + closing + currency. */
static int tail_rows(const struct xstmt *s)
{
    return s->layout == XL_ES_MOVIMIENTOS ? 4 : 0;
}

int xs_pages(const struct xstmt *s)
{
    int rest, pages = 1;
    if (s->layout == XL_ES_BANORTE)
        return 1;
    rest = s->ntx + tail_rows(s) - table_rows_first(s);
    while (rest > 0) {
        rest -= table_rows_next(s);
        pages++;
    }
    if (s->layout == XL_EN_ACTIVITY)
        pages++; /* daily ledger balances */
    return pages;
}

static void letterhead(cairo_t *cr, const struct xstmt *s)
{
    switch (s->layout) {
    case XL_EN_ACTIVITY:
        cairo_set_source_rgb(cr, 0.55, 0.08, 0.12);
        cairo_rectangle(cr, X_LEFT - 4, 36, 28, 28);
        cairo_fill(cr);
        gray(cr, 0);
        font(cr, 1, 17);
        text_at(cr, X_LEFT + 32, 57, "RIVERSIDE NATIONAL BANK");
        font(cr, 0, 7.5);
        gray(cr, 0.35);
        text_right(cr, X_RIGHT, 50, "P.O. Box 15284, Wilmington, DE 19850");
        text_right(cr, X_RIGHT, 60, "riverside.example \xc2\xb7 1-800-555-0188");
        break;
    case XL_EN_ONLINE:
        cairo_set_source_rgb(cr, 0.10, 0.30, 0.25);
        cairo_rectangle(cr, X_LEFT - 4, 34, X_RIGHT - X_LEFT + 8, 34);
        cairo_fill(cr);
        cairo_set_source_rgb(cr, 1, 1, 1);
        font(cr, 1, 15);
        text_at(cr, X_LEFT + 6, 57, "NORTHERN LIGHTS ONLINE BANK (Canada)");
        font(cr, 0, 7.5);
        text_right(cr, X_RIGHT - 6, 57, "northernlights.example");
        break;
    case XL_ES_MOVIMIENTOS:
        cairo_set_source_rgb(cr, 0.80, 0.05, 0.05);
        cairo_arc(cr, X_LEFT + 10, 50, 11, 0, 2 * G_PI);
        cairo_fill(cr);
        gray(cr, 0);
        font(cr, 1, 15);
        text_at(cr, X_LEFT + 28, 56, "BANCO ATLÁNTICO MÉXICO, S.A.");
        font(cr, 0, 7);
        gray(cr, 0.35);
        text_at(cr, X_LEFT + 28, 67,
                "Institución de Banca Múltiple, Grupo Financiero Atlántico \xc2\xb7 "
                "Prol. Paseo de la Reforma 500, Ciudad de México");
        break;
    case XL_ES_BANORTE:
        cairo_set_source_rgb(cr, 0.78, 0.10, 0.18);
        cairo_rectangle(cr, X_LEFT - 4, 36, 8, 30);
        cairo_fill(cr);
        gray(cr, 0);
        font(cr, 1, 18);
        text_at(cr, X_LEFT + 12, 58, "BANCO DEL NORTE");
        font(cr, 0, 7.5);
        gray(cr, 0.35);
        text_right(cr, X_RIGHT, 52, "Av. Revolución 3000, Monterrey, N.L.");
        text_right(cr, X_RIGHT, 62, "bancodelnorte.example \xc2\xb7 81 8156 0000");
        break;
    case XL_ES_EURO:
        cairo_set_source_rgb(cr, 0.0, 0.25, 0.55);
        cairo_rectangle(cr, X_LEFT - 4, 36, X_RIGHT - X_LEFT + 8, 3);
        cairo_fill(cr);
        gray(cr, 0);
        font(cr, 1, 17);
        text_at(cr, X_LEFT, 60, "BANCO IBÉRICO");
        font(cr, 0, 7.5);
        gray(cr, 0.35);
        text_right(cr, X_RIGHT, 52, "Paseo de la Castellana 81, 28046 Madrid");
        text_right(cr, X_RIGHT, 62, "NIF A-28000000 \xc2\xb7 bancoiberico.example");
        break;
    case XL_ES_COLUMNAS:
        cairo_set_source_rgb(cr, 0.05, 0.35, 0.30);
        cairo_move_to(cr, X_LEFT - 4, 64);
        cairo_line_to(cr, X_LEFT + 12, 36);
        cairo_line_to(cr, X_LEFT + 28, 64);
        cairo_close_path(cr);
        cairo_fill(cr);
        gray(cr, 0);
        font(cr, 1, 16);
        text_at(cr, X_LEFT + 36, 56, "BANCO CORDILLERA DE OCCIDENTE");
        font(cr, 0, 7.5);
        gray(cr, 0.35);
        text_at(cr, X_LEFT + 36, 67, "Institución de Banca Múltiple \xc2\xb7 "
                                     "Av. de las Américas 1500, Guadalajara, Jal.");
        break;
    }
    gray(cr, 0);
}

static void footer(cairo_t *cr, const struct xstmt *s, int page, int npages)
{
    char buf[64];
    int en = strcmp(xs_language(s), "en") == 0;
    gray(cr, 0.6);
    hrule(cr, 792, 0.5);
    font(cr, 0, 6.5);
    gray(cr, 0.4);
    text_at(cr, X_LEFT, 803,
            en ? "Sample document with fictitious data. Please examine this statement "
                 "promptly and report errors within 60 days."
               : "Documento de muestra con datos ficticios. Revise este documento y "
                 "reporte aclaraciones dentro de los 90 días siguientes.");
    snprintf(buf, sizeof buf, en ? "Page %d of %d" : "Página %d de %d", page, npages);
    font(cr, 0, 8);
    gray(cr, 0);
    text_right(cr, X_RIGHT, 812, buf);
}

static void row2(cairo_t *cr, double y, const char *label, const char *value,
                 double xr)
{
    text_at(cr, X_LEFT + 4, y, label);
    text_right(cr, xr, y, value);
}

static double head_activity(cairo_t *cr, const struct xstmt *s)
{
    char buf[160], v[48];
    double y;
    font(cr, 0, 10);
    text_at(cr, X_LEFT, 92, "Your Adv Plus Banking");
    font(cr, 0, 9);
    snprintf(buf, sizeof buf, "for %s %d, %d to %s %d, %d", EN_MONTH[s->sm - 1], s->sd,
             s->sy, EN_MONTH[s->em - 1], s->ed, s->ey);
    text_at(cr, X_LEFT, 106, buf);
    snprintf(buf, sizeof buf, "Account number: %.4s %.4s %.4s", s->account,
             s->account + 4, s->account + 8);
    text_right(cr, X_RIGHT, 106, buf);
    font(cr, 0, 9.5);
    text_at(cr, X_LEFT, 136, s->holder);
    text_at(cr, X_LEFT, 149, s->address);
    y = 186;
    bar(cr, y - 12, 17, 0.90);
    font(cr, 1, 10.5);
    text_at(cr, X_LEFT, y, "Account summary");
    font(cr, 0, 9.5);
    y += 20;
    snprintf(buf, sizeof buf, "Beginning balance on %s %d, %d", EN_MONTH[s->sm - 1], s->sd, s->sy);
    fmt_amt(v, sizeof v, s->opening, AMT_DOLLAR);
    row2(cr, y, buf, v, 360);
    fmt_amt(v, sizeof v, xs_credits(s), AMT_US);
    row2(cr, y += 15, "Deposits and other credits", v, 360);
    fmt_amt(v, sizeof v, -s->withdrawals, AMT_US);
    row2(cr, y += 15, "Withdrawals and other debits", v, 360);
    fmt_amt(v, sizeof v, -s->checks, AMT_US);
    row2(cr, y += 15, "Checks", v, 360);
    fmt_amt(v, sizeof v, -s->fees, AMT_US);
    row2(cr, y += 15, "Service fees", v, 360);
    snprintf(buf, sizeof buf, "Ending balance on %s %d, %d", EN_MONTH[s->em - 1], s->ed, s->ey);
    fmt_amt(v, sizeof v, s->closing, AMT_DOLLAR);
    font(cr, 1, 9.5);
    row2(cr, y += 15, buf, v, 360);
    font(cr, 0, 9.5);
    fmt_amt(v, sizeof v, s->adb, AMT_DOLLAR);
    row2(cr, y += 20, "Average ledger balance", v, 360);
    gray(cr, 0.6);
    hrule(cr, y + 8, 0.5);
    gray(cr, 0);
    font(cr, 0, 7.5);
    gray(cr, 0.3);
    y = paragraph(cr, X_LEFT, y + 24, X_RIGHT - X_LEFT, 10,
                  "IMPORTANT INFORMATION: Overdraft fees may apply. Keep this statement "
                  "for your records. Your deposits are insured by the FDIC up to the "
                  "maximum allowed by law.", 1);
    gray(cr, 0);
    y += 14;
    bar(cr, y - 12, 17, 0.90);
    font(cr, 1, 10.5);
    text_at(cr, X_LEFT, y, "Transactions");
    return y + 20;
}

static double head_online(cairo_t *cr, const struct xstmt *s)
{
    char buf[160], v[48], acc[48];
    double y = 96;
    font(cr, 1, 11);
    snprintf(buf, sizeof buf, "Statement Period %02d/%02d/%04d - %02d/%02d/%04d", s->sm,
             s->sd, s->sy, s->em, s->ed, s->ey);
    text_at(cr, X_LEFT, y, buf);
    font(cr, 0, 9.5);
    snprintf(buf, sizeof buf, "Customer: %s", s->holder);
    text_at(cr, X_LEFT, y += 20, buf);
    snprintf(acc, sizeof acc, "Account No. ****%.4s-%s", s->account,
             s->account + strlen(s->account) - 4);
    text_right(cr, X_RIGHT, y, acc);
    text_at(cr, X_LEFT, y += 13, s->address);
    font(cr, 1, 9.5);
    snprintf(buf, sizeof buf, "All amounts in %s", s->currency);
    text_at(cr, X_LEFT, y += 20, buf);
    font(cr, 0, 9.5);
    y += 22;
    snprintf(buf, sizeof buf, "Beginning Balance, as of %02d/%02d/%04d", s->sm, s->sd, s->sy);
    fmt_amt(v, sizeof v, s->opening, AMT_DOLLAR);
    row2(cr, y, buf, v, 380);
    snprintf(v, sizeof v, "%d", s->ndays);
    row2(cr, y += 15, "Days In Statement Period", v, 380);
    snprintf(buf, sizeof buf, "Ending Balance, as of %02d/%02d/%04d", s->em, s->ed, s->ey);
    fmt_amt(v, sizeof v, s->closing, AMT_DOLLAR);
    row2(cr, y += 15, buf, v, 380);
    gray(cr, 0.6);
    hrule(cr, y + 8, 0.5);
    gray(cr, 0);
    return y + 30;
}

static double head_movimientos(cairo_t *cr, const struct xstmt *s)
{
    char buf[200], v[48];
    double y = 96;
    font(cr, 1, 11);
    text_at(cr, X_LEFT, y, "Estado de cuenta - Cuenta de cheques");
    font(cr, 0, 9.5);
    snprintf(buf, sizeof buf, "NOMBRE DEL CLIENTE: %s", s->holder);
    text_at(cr, X_LEFT, y += 20, buf);
    text_at(cr, X_LEFT, y += 13, s->address);
    snprintf(buf, sizeof buf, "NÚMERO DE CUENTA: %.2s-%.8s-%s", s->account, s->account + 2,
             s->account + 10);
    text_at(cr, X_LEFT, y += 17, buf);
    {
        char clabe[24];
        make_clabe(clabe, sizeof clabe, s->account + 3);
        memcpy(clabe, "014", 3); /* the bank's code */
        snprintf(buf, sizeof buf, "CUENTA CLABE: %s", clabe);
        text_right(cr, X_RIGHT, y, buf);
    }
    snprintf(buf, sizeof buf, "PERIODO DEL %02d-%s-%04d AL %02d-%s-%04d", s->sd,
             ES_MON[s->sm - 1], s->sy, s->ed, ES_MON[s->em - 1], s->ey);
    text_at(cr, X_LEFT, y += 14, buf);
    fmt_amt(v, sizeof v, s->opening, AMT_PESO_SP);
    snprintf(buf, sizeof buf, "SALDO FINAL DEL PERIODO ANTERIOR: %s", v);
    text_at(cr, X_LEFT, y += 14, buf);
    y += 22;
    bar(cr, y - 12, 17, 0.88);
    font(cr, 1, 10);
    text_at(cr, X_LEFT, y, "Detalle de movimientos cuenta de cheques");
    return y + 20;
}

/* es-columnas: the header prints two key/value columns side by side; each
   label sits on its own line with its value on the line below it, except
   the period, printed whole on the label line of the right column. */
#define COL2 330.0
static double head_columnas(cairo_t *cr, const struct xstmt *s)
{
    char buf[200], v[48];
    const char *cp = strstr(s->address, ", C.P.");
    double y = 96;
    font(cr, 1, 12);
    text_at(cr, X_LEFT, y, "ESTADO DE CUENTA");
    font(cr, 0, 9.5);
    text_right(cr, X_RIGHT, y, "Cuenta Clásica Cordillera");
    font(cr, 1, 9);
    text_at(cr, X_LEFT, y += 30, "Cliente");
    font(cr, 0, 9.5);
    snprintf(buf, sizeof buf, "Periodo del %02d/%02d/%04d al %02d/%02d/%04d", s->sd, s->sm,
             s->sy, s->ed, s->em, s->ey);
    text_at(cr, COL2, y, buf);
    text_at(cr, X_LEFT, y += 14, s->holder);
    font(cr, 0, 8.5);
    if (cp != NULL) {
        snprintf(buf, sizeof buf, "%.*s", (int)(cp - s->address), s->address);
        text_at(cr, X_LEFT, y += 13, buf);
        text_at(cr, X_LEFT, y += 11, cp + 2);
    } else {
        text_at(cr, X_LEFT, y += 13, s->address);
    }
    font(cr, 1, 9);
    text_at(cr, X_LEFT, y += 24, "No. de cuenta");
    text_at(cr, COL2, y, "Moneda");
    font(cr, 0, 9.5);
    text_at(cr, X_LEFT, y += 14, s->account);
    text_at(cr, COL2, y,
            strcmp(s->currency, "MXN") == 0   ? "Pesos mexicanos (MXN)"
            : strcmp(s->currency, "USD") == 0 ? "Dólares americanos (USD)"
                                               : s->currency);
    y += 30;
    bar(cr, y - 12, 17, 0.90);
    font(cr, 1, 10);
    text_at(cr, X_LEFT, y, "Resumen del periodo");
    font(cr, 0, 9.5);
    fmt_amt(v, sizeof v, s->opening, AMT_DOLLAR);
    row2(cr, y += 18, "Saldo inicial", v, COL2);
    fmt_amt(v, sizeof v, xs_credits(s), AMT_DOLLAR);
    row2(cr, y += 14, "(+) Total de abonos", v, COL2);
    fmt_amt(v, sizeof v, xs_debits(s), AMT_DOLLAR);
    row2(cr, y += 14, "(-) Total de cargos", v, COL2);
    fmt_amt(v, sizeof v, s->closing, AMT_DOLLAR);
    font(cr, 1, 9.5);
    row2(cr, y += 14, "Saldo final", v, COL2);
    font(cr, 0, 9.5);
    fmt_amt(v, sizeof v, s->adb, AMT_DOLLAR);
    row2(cr, y += 18, "Saldo promedio diario", v, COL2);
    gray(cr, 0.6);
    hrule(cr, y + 8, 0.5);
    gray(cr, 0);
    y += 34;
    bar(cr, y - 12, 17, 0.90);
    font(cr, 1, 10);
    text_at(cr, X_LEFT, y, "Detalle de movimientos");
    return y + 20;
}

static double head_euro(cairo_t *cr, const struct xstmt *s)
{
    char buf[200], v[48];
    double y = 96;
    font(cr, 1, 12);
    text_at(cr, X_LEFT, y, "Extracto de cuenta corriente");
    font(cr, 0, 9.5);
    snprintf(buf, sizeof buf, "Titular: %s", s->holder);
    text_at(cr, X_LEFT, y += 22, buf);
    text_at(cr, X_LEFT, y += 13, s->address);
    snprintf(buf, sizeof buf, "IBAN: %s", s->account);
    text_at(cr, X_LEFT, y += 17, buf);
    snprintf(buf, sizeof buf, "Periodo: %02d/%02d/%04d - %02d/%02d/%04d", s->sd, s->sm, s->sy,
             s->ed, s->em, s->ey);
    text_at(cr, X_LEFT, y += 14, buf);
    y += 24;
    bar(cr, y - 12, 17, 0.90);
    font(cr, 1, 10);
    text_at(cr, X_LEFT, y, "Resumen");
    font(cr, 0, 9.5);
    fmt_amt(v, sizeof v, s->opening, AMT_EU_EURO);
    row2(cr, y += 18, "Saldo anterior", v, 330);
    fmt_amt(v, sizeof v, xs_credits(s), AMT_EU_EURO);
    row2(cr, y += 14, "Total abonos", v, 330);
    fmt_amt(v, sizeof v, xs_debits(s), AMT_EU_EURO);
    row2(cr, y += 14, "Total cargos", v, 330);
    fmt_amt(v, sizeof v, s->closing, AMT_EU_EURO);
    row2(cr, y += 14, "Saldo final", v, 330);
    fmt_amt(v, sizeof v, s->adb, AMT_EU_EURO);
    row2(cr, y += 14, "Saldo medio del periodo", v, 330);
    gray(cr, 0.6);
    hrule(cr, y + 8, 0.5);
    gray(cr, 0);
    return y + 30;
}

static void page_banorte(cairo_t *cr, const struct xstmt *s)
{
    char buf[200], v[48];
    double y = 100;
    font(cr, 1, 12);
    text_at(cr, X_LEFT, y, "ESTADO DE CUENTA ENLACE");
    font(cr, 0, 9.5);
    snprintf(buf, sizeof buf, "Titular: %s", s->holder);
    text_at(cr, X_LEFT, y += 24, buf);
    snprintf(buf, sizeof buf, "No. de Cuenta: %s", s->account);
    text_right(cr, X_RIGHT, y, buf);
    text_at(cr, X_LEFT, y += 13, s->address);
    snprintf(buf, sizeof buf, "Periodo Del %02d/%s/%04d Al %02d/%s/%04d", s->sd,
             ES_MON[s->sm - 1], s->sy, s->ed, ES_MON[s->em - 1], s->ey);
    text_at(cr, X_LEFT, y += 18, buf);
    snprintf(buf, sizeof buf, "Fecha de corte %02d/%s/%04d", s->ed, ES_MON[s->em - 1], s->ey);
    text_at(cr, X_LEFT, y += 14, buf);
    y += 30;
    bar(cr, y - 12, 17, 0.90);
    font(cr, 1, 10);
    text_at(cr, X_LEFT, y, "Resumen del periodo");
    font(cr, 0, 9.5);
    fmt_amt(v, sizeof v, s->opening, AMT_TRAIL);
    row2(cr, y += 20, "Saldo inicial del periodo", v, 360);
    fmt_amt(v, sizeof v, s->deposits, AMT_TRAIL);
    row2(cr, y += 15, "+ Total de depósitos", v, 360);
    fmt_amt(v, sizeof v, s->withdrawals, AMT_TRAIL);
    row2(cr, y += 15, "- Total de retiros", v, 360);
    fmt_amt(v, sizeof v, s->interest, AMT_TRAIL);
    row2(cr, y += 15, "+ Intereses Netos Ganados", v, 360);
    fmt_amt(v, sizeof v, s->closing, AMT_TRAIL);
    font(cr, 1, 9.5);
    row2(cr, y += 18, "Saldo final del periodo", v, 360);
    font(cr, 0, 9.5);
    gray(cr, 0.6);
    hrule(cr, y + 8, 0.5);
    gray(cr, 0);
    text_at(cr, X_LEFT, y += 30, "Moneda: PESOS (M.N.)");
    font(cr, 0, 8);
    gray(cr, 0.3);
    y = paragraph(cr, X_LEFT, y + 30, X_RIGHT - X_LEFT, 11,
                  "El detalle de sus movimientos está disponible en Banca en Línea. "
                  "Ganancia Anual Total (GAT) Nominal 0.10 % antes de impuestos. "
                  "Para cualquier aclaración acuda a su sucursal o llame a la Unidad "
                  "Especializada de Atención a Usuarios.", 1);
    gray(cr, 0);
    (void)y;
}

static void table_head(cairo_t *cr, const struct xstmt *s, double y)
{
    font(cr, 1, 8.5);
    switch (s->layout) {
    case XL_EN_ACTIVITY:
        text_at(cr, X_LEFT, y, "Date");
        text_at(cr, X_LEFT + 50, y, "Description");
        text_right(cr, X_RIGHT, y, "Amount");
        break;
    case XL_EN_ONLINE:
        text_at(cr, X_LEFT, y, "Date");
        text_at(cr, X_LEFT + 62, y, "Description");
        text_right(cr, 385, y, "Debits");
        text_right(cr, 460, y, "Credits");
        text_right(cr, X_RIGHT, y, "Balance");
        break;
    case XL_ES_MOVIMIENTOS:
        text_at(cr, X_LEFT, y, "FECHA");
        text_at(cr, X_LEFT + 62, y, "FOLIO");
        text_at(cr, X_LEFT + 108, y, "DESCRIPCION");
        text_right(cr, 400, y, "DEPOSITO");
        text_right(cr, 470, y, "RETIRO");
        text_right(cr, X_RIGHT, y, "SALDO");
        break;
    case XL_ES_EURO:
        text_at(cr, X_LEFT, y, "Fecha");
        text_at(cr, X_LEFT + 44, y, "Concepto");
        text_right(cr, 450, y, "Importe");
        text_right(cr, X_RIGHT, y, "Saldo");
        break;
    case XL_ES_COLUMNAS:
        text_at(cr, X_LEFT, y, "Fecha");
        text_at(cr, X_LEFT + 62, y, "Concepto");
        text_right(cr, 380, y, "Cargos");
        text_right(cr, 460, y, "Abonos");
        text_right(cr, X_RIGHT, y, "Saldo");
        break;
    case XL_ES_BANORTE:
        break;
    }
    gray(cr, 0.5);
    hrule(cr, y + 4, 0.6);
    gray(cr, 0);
}

static void table_row(cairo_t *cr, const struct xstmt *s, int i, double y)
{
    const struct xtxn *t = &s->tx[i];
    char date[24], v[48];
    int ty, tm, td;
    date_after(s->sy, s->sm, s->sd, t->off, &ty, &tm, &td);
    font(cr, 0, 8.5);
    switch (s->layout) {
    case XL_EN_ACTIVITY:
        snprintf(date, sizeof date, "%02d/%02d/%02d", tm, td, ty % 100);
        text_at(cr, X_LEFT, y, date);
        text_at(cr, X_LEFT + 50, y, t->desc);
        fmt_amt(v, sizeof v, t->amount, AMT_US);
        text_right(cr, X_RIGHT, y, v);
        break;
    case XL_EN_ONLINE:
        snprintf(date, sizeof date, "%02d/%02d/%04d", tm, td, ty);
        text_at(cr, X_LEFT, y, date);
        text_at(cr, X_LEFT + 62, y, t->desc);
        fmt_amt(v, sizeof v, t->amount, AMT_PAREN);
        text_right(cr, t->amount < 0 ? 385 : 460, y, v);
        fmt_amt(v, sizeof v, t->balance, AMT_PAREN);
        text_right(cr, X_RIGHT, y, v);
        break;
    case XL_ES_MOVIMIENTOS:
        snprintf(date, sizeof date, "%02d-%s-%04d", td, ES_MON[tm - 1], ty);
        text_at(cr, X_LEFT, y, date);
        snprintf(v, sizeof v, "%07ld", t->folio % 10000000);
        text_at(cr, X_LEFT + 62, y, v);
        text_at(cr, X_LEFT + 108, y, t->desc);
        fmt_amt(v, sizeof v, t->amount < 0 ? -t->amount : t->amount, AMT_US);
        text_right(cr, t->amount < 0 ? 470 : 400, y, v);
        fmt_amt(v, sizeof v, t->balance, AMT_US);
        text_right(cr, X_RIGHT, y, v);
        break;
    case XL_ES_EURO:
        snprintf(date, sizeof date, "%02d/%02d", td, tm);
        text_at(cr, X_LEFT, y, date);
        text_at(cr, X_LEFT + 44, y, t->desc);
        fmt_amt(v, sizeof v, t->amount, AMT_EU);
        text_right(cr, 450, y, v);
        fmt_amt(v, sizeof v, t->balance, AMT_EU);
        text_right(cr, X_RIGHT, y, v);
        break;
    case XL_ES_COLUMNAS:
        snprintf(date, sizeof date, "%02d/%02d/%04d", td, tm, ty);
        text_at(cr, X_LEFT, y, date);
        text_at(cr, X_LEFT + 62, y, t->desc);
        fmt_amt(v, sizeof v, t->amount < 0 ? -t->amount : t->amount, AMT_US);
        text_right(cr, t->amount < 0 ? 380 : 460, y, v);
        fmt_amt(v, sizeof v, t->balance, AMT_US);
        text_right(cr, X_RIGHT, y, v);
        break;
    case XL_ES_BANORTE:
        break;
    }
}

static void tail_row(cairo_t *cr, const struct xstmt *s, int k, double y)
{
    char v[48], buf[96];
    if (s->layout != XL_ES_MOVIMIENTOS)
        return;
    switch (k) {
    case 0:
        font(cr, 1, 8.5);
        gray(cr, 0.5);
        hrule(cr, y - 9, 0.4);
        gray(cr, 0);
        text_at(cr, X_LEFT + 108, y, "TOTAL");
        fmt_amt(v, sizeof v, xs_credits(s), AMT_US);
        text_right(cr, 400, y, v);
        fmt_amt(v, sizeof v, xs_debits(s), AMT_US);
        text_right(cr, 470, y, v);
        break;
    case 2:
        font(cr, 1, 9.5);
        fmt_amt(v, sizeof v, s->closing, AMT_PESO_SP);
        snprintf(buf, sizeof buf, "SALDO FINAL DEL PERIODO: %s", v);
        text_at(cr, X_LEFT, y, buf);
        break;
    case 3:
        font(cr, 0, 9.5);
        text_at(cr, X_LEFT, y, "MONEDA: MXN");
        break;
    default:
        break;
    }
}

/* en-activity, last page: end-of-day balances of the days with movements. */
static void ledger_page(cairo_t *cr, const struct xstmt *s, double y)
{
    char date[16], v[48];
    int col = 0;
    bar(cr, y - 12, 17, 0.90);
    font(cr, 1, 10.5);
    text_at(cr, X_LEFT, y, "Daily ledger balances");
    y += 20;
    font(cr, 1, 8.5);
    for (int c = 0; c < 3; c++) {
        text_at(cr, X_LEFT + c * 165, y, "Date");
        text_right(cr, X_LEFT + c * 165 + 140, y, "Balance ($)");
    }
    y += 15;
    font(cr, 0, 8.5);
    for (int i = 0; i < s->ntx; i++) {
        int ty, tm, td;
        if (i + 1 < s->ntx && s->tx[i + 1].off == s->tx[i].off)
            continue; /* the day's last movement holds its end balance */
        date_after(s->sy, s->sm, s->sd, s->tx[i].off, &ty, &tm, &td);
        snprintf(date, sizeof date, "%02d/%02d", tm, td);
        fmt_amt(v, sizeof v, s->tx[i].balance, AMT_US);
        text_at(cr, X_LEFT + col * 165, y, date);
        text_right(cr, X_LEFT + col * 165 + 140, y, v);
        if (++col == 3) {
            col = 0;
            y += 13;
        }
    }
}

void xs_draw_page(cairo_t *cr, const void *ctx, int page, int npages)
{
    const struct xstmt *s = ctx;
    double y;
    int first, count, total = s->ntx + tail_rows(s);
    char buf[128];

    letterhead(cr, s);
    if (s->layout == XL_ES_BANORTE) {
        page_banorte(cr, s);
        footer(cr, s, page, npages);
        return;
    }
    if (page == 1) {
        switch (s->layout) {
        case XL_EN_ACTIVITY: y = head_activity(cr, s); break;
        case XL_EN_ONLINE: y = head_online(cr, s); break;
        case XL_ES_MOVIMIENTOS: y = head_movimientos(cr, s); break;
        case XL_ES_COLUMNAS: y = head_columnas(cr, s); break;
        default: y = head_euro(cr, s); break;
        }
        first = 0;
        count = table_rows_first(s);
    } else {
        int en = strcmp(xs_language(s), "en") == 0;
        char masked[16];
        xs_masked(s, masked, sizeof masked);
        font(cr, 1, 10.5);
        text_at(cr, X_LEFT, 100,
                s->layout == XL_EN_ACTIVITY && page == npages ? "Daily ledger balances"
                : en ? "Transactions (continued)" : "Detalle de movimientos (continuación)");
        font(cr, 0, 8);
        gray(cr, 0.35);
        snprintf(buf, sizeof buf, "%s \xc2\xb7 %s", s->holder, masked);
        text_right(cr, X_RIGHT, 100, buf);
        gray(cr, 0);
        y = 130;
        first = table_rows_first(s) + (page - 2) * table_rows_next(s);
        count = table_rows_next(s);
        if (s->layout == XL_EN_ACTIVITY && page == npages) {
            ledger_page(cr, s, y);
            footer(cr, s, page, npages);
            return;
        }
    }
    table_head(cr, s, y);
    y += XROW + 3;
    for (int i = first; i < first + count && i < total; i++) {
        if (i < s->ntx)
            table_row(cr, s, i, y);
        else
            tail_row(cr, s, i - s->ntx, y);
        y += XROW;
    }
    if (s->layout == XL_EN_ACTIVITY && first + count < s->ntx) {
        font(cr, 0, 8);
        gray(cr, 0.35);
        text_right(cr, X_RIGHT, y + 6, "continued on the next page");
        gray(cr, 0);
    }
    footer(cr, s, page, npages);
}

GByteArray *xs_render(const struct xstmt *s, int *pages_out)
{
    static const char *const creators[] = {
        "Riverside National Bank eStatements", "Northern Lights Online Banking",
        "Banco Atlántico Estados de Cuenta", "Banco del Norte Enlace",
        "Banco Ibérico Banca Online", "Banco Cordillera Estados de Cuenta"};
    char date[32], title[64];
    int npages = xs_pages(s);
    int ny, nm, nd;
    date_after(s->ey, s->em, s->ed, 2, &ny, &nm, &nd);
    snprintf(date, sizeof date, "%04d-%02d-%02dT06:00:00Z", ny, nm, nd);
    snprintf(title, sizeof title, "%s %04d-%02d-%02d", xs_layout_name(s->layout), s->ey,
             s->em, s->ed);
    *pages_out = npages;
    return render_pdf(xs_draw_page, s, npages, creators[s->layout], title, date);
}
