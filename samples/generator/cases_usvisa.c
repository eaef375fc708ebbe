/*
 * cases_usvisa.c - sample cases c27-c30: the US visa renewal question at
 * the border posts (the us-tcn-border rules, schemas/data/us-tcn-border.xml,
 * from the seed ../shared/seeds/000_773e505e44ccb631.txt).
 *
 * Each case is a case.xml with a <usVisa> and no documents: the rules'
 * inputs come from case.xml, and no status document (I-94, I-797) can be
 * read yet.  The expected file keeps the format of the other cases (the
 * root's outcome: every stay insufficient-evidence, nothing to read) and
 * adds <eligibility outcome= reasons="rule ..."/>: the report's
 * r:eligibility/@outcome, and the rules its r:reason lines must name.
 * The outcomes are this generator's hand reading of the seed, never taken
 * from the program:
 *
 *   c27  H-1B renewal at Tijuana by an Indian national living in the US,
 *        entered as H-1B, visa issued in India: a listed category (H),
 *        no exclusion, but "in status" is shown by no read document:
 *        insufficient-evidence (eligible once an I-94 or I-797 is read);
 *   c28  B-1/B-2 renewal at Ciudad Juarez by a Chinese national living in
 *        the US: not a resident of Mexico, and B is excepted from
 *        same-category renewals: not-eligible, both listed;
 *   c29  H-4 to H-1B (a change through USCIS) at Nogales: the seed's
 *        "changing any non-F-1 ... to H-1": consult-lawyer;
 *   c30  crew (C-1/D) at Nuevo Laredo: "no visa available for crew in
 *        Nuevo Laredo": not-eligible.
 *
 * c31-c34 add status documents (usstatus.c) under status/ in the case
 * folder, and no bank documents.  Their expected file adds one
 * <usStatus file= form= category= validUntil=|durationOfStatus="true"
 * number= name=/> line per status document (the values it prints, from
 * the generator's own figures) and the <document> lines:
 *
 *   c31  c27's H-1B renewal at Tijuana with an I-797A approval and an I-94
 *        printout, both H1B until 2027-09-30, and a phone photo of the
 *        expired H1B visa foil issued in MUMBAI: in status, eligible;
 *   c32  L-1A renewal at Ciudad Juarez whose I-94 (a scan) and I-797 both
 *        end on 2026-10-31, before asOf: out of status, not-eligible;
 *   c33  F-1 renewal at Nogales whose I-94 admits for duration of status
 *        (D/S, no end date; the I-20 that has one is not read) and an EAD
 *        C03B (a scan): needs-review;
 *   c34  H-1B renewal at Matamoros whose I-797 and I-94 name someone else
 *        (the applicant's wife): needs-review.
 */
#include <glib.h>

#include <stdio.h>
#include <string.h>

#include "samplegen.h"

/* How a status document of a case is written. */
enum ud_look { UD_TEXT, UD_FLATBED, UD_PHONE };

/* The scanner and the phone of these cases (as the corpus's L_MFP and
   L_PHONE). */
static const struct scan_spec UD_SCANS[] = {
    {.fmt = SCAN_PDF, .dpi_lo = 300, .dpi_hi = 300, .tilt_cdeg = 80, .noise = 2, .blur = 1,
     .quality = 50, .creator = "Canon MF Scan Utility 1.5 (300 dpi)"},
    {.fmt = SCAN_JPEG, .dpi_lo = 200, .dpi_hi = 220, .tilt_cdeg = 150, .noise = 3,
     .blur = 1, .quality = 58, .photo = 1},
};

struct usvisa_doc {
    const char *file; /* in the case folder */
    enum ud_look look;
    struct us_spec spec;
};

struct usvisa_case {
    const char *id;
    const char *applicant;
    const char *usvisa;   /* the attributes of <usVisa> */
    const char *outcome;  /* r:eligibility/@outcome */
    const char *reasons;  /* rule ids its reasons must name */
    const char *why;      /* the hand reading, for the comment */
};

static const struct usvisa_case USVISA_CASES[] = {
    {"c27-usvisa-h1b-insufficient", "Priya Raman",
     "category=\"H-1B\" nationality=\"IN\" residence=\"US\" post=\"Tijuana\" "
     "entryCategory=\"H-1B\" visaIssuedIn=\"IN\"",
     "insufficient-evidence", "temporary-worker in-status",
     "H-1B is a temporary worker (H) category; no exclusion applies; the "
     "in-status condition needs an I-94 or I-797, which is not read yet"},
    {"c28-usvisa-b2-not-eligible", "Wei Zhang",
     "category=\"B-1/B-2\" nationality=\"CN\" residence=\"US\" "
     "post=\"Ciudad Juarez\" entryCategory=\"B-1/B-2\" visaIssuedIn=\"CN\"",
     "not-eligible", "same-category-renewal visitor-non-resident",
     "a B-1/B-2 renewal (except B-1, B-2 or H-2) by a non-resident of "
     "Mexico (B-1/B-2 including renewals)"},
    {"c29-usvisa-h4-to-h1b-lawyer", "Ananya Iyer",
     "category=\"H-1B\" nationality=\"IN\" residence=\"US\" post=\"Nogales\" "
     "entryCategory=\"H-4\" changingFrom=\"H-4\" visaIssuedIn=\"IN\"",
     "consult-lawyer", "lawyer-non-f1-to-h1",
     "changing from H-4 (non-F-1) to H-1: consult an immigration lawyer"},
    {"c30-usvisa-crew-nuevo-laredo", "Jose Santos",
     "category=\"C-1/D\" nationality=\"PH\" residence=\"US\" "
     "post=\"Nuevo Laredo\" entryCategory=\"C-1/D\" visaIssuedIn=\"PH\"",
     "not-eligible", "crew-nuevo-laredo",
     "crew, but there is no visa for crew in Nuevo Laredo"},
};

/* c31-c34: invented people. */
static const struct us_person P_RAMAN = {"RAMAN", "PRIYA", 1990, 7, 4, 'F', "India", "IND"};
static const struct us_person P_FERREIRA = {"FERREIRA SILVA", "LUCAS", 1986, 3, 22, 'M',
                                            "Brazil", "BRA"};
static const struct us_person P_KIM = {"KIM", "MINJI", 2000, 10, 9, 'F', "Korea, South",
                                       "KOR"};
static const struct us_person P_VERMA = {"VERMA", "ANJALI", 1991, 1, 15, 'F', "India", "IND"};

static const struct usvisa_doc C31_DOCS[] = {
    {"status/i-797.pdf", UD_TEXT,
     {USL_I797A_TEAROFF, &P_RAMAN, "H1B", 2024, 10, 1, 2027, 9, 30,
      "PACIFIC CREST SOFTWARE INC", "WAC", NULL}},
    {"status/i-94.pdf", UD_TEXT,
     {USL_I94_LINES, &P_RAMAN, "H1B", 2025, 6, 8, 2027, 9, 30, NULL, NULL, NULL}},
    {"status/visa-foil.jpg", UD_PHONE,
     {USL_VISA_PAGE, &P_RAMAN, "H1B", 2021, 9, 13, 2024, 9, 30, "PACIFIC CREST SOFTWARE INC",
      "WAC", "MUMBAI"}},
};

static const struct usvisa_doc C32_DOCS[] = {
    {"status/i-797.pdf", UD_TEXT,
     {USL_I797_INLINE, &P_FERREIRA, "L1A", 2023, 11, 1, 2026, 10, 31,
      "ATLAS MARITIME SYSTEMS INC", "EAC", NULL}},
    {"status/i-94-scan.pdf", UD_FLATBED,
     {USL_I94_TABLE, &P_FERREIRA, "L1A", 2025, 3, 2, 2026, 10, 31, NULL, NULL, NULL}},
};

static const struct usvisa_doc C33_DOCS[] = {
    {"status/ead-scan.pdf", UD_FLATBED,
     {USL_EAD_COPY, &P_KIM, "C03B", 2026, 6, 15, 2028, 6, 14, NULL, "IOE", NULL}},
    {"status/i-94.pdf", UD_TEXT,
     {USL_I94_LINES, &P_KIM, "F1", 2024, 8, 10, 0, 0, 0, NULL, NULL, NULL}},
};

static const struct usvisa_doc C34_DOCS[] = {
    {"status/i-797.pdf", UD_TEXT,
     {USL_I797_BOXES, &P_VERMA, "H1B", 2025, 4, 1, 2028, 3, 31,
      "MERIDIAN HEALTH INFORMATICS LLC", "LIN", "MUMBAI"}},
    {"status/i-94.pdf", UD_TEXT,
     {USL_I94_TABLE, &P_VERMA, "H1B", 2025, 8, 20, 2028, 3, 31, NULL, NULL, NULL}},
};

struct usvisa_status_case {
    struct usvisa_case c;
    const struct usvisa_doc *docs;
    size_t ndocs;
};

static const struct usvisa_status_case STATUS_CASES[] = {
    {{"c31-usvisa-h1b-eligible", "Priya Raman",
      "category=\"H-1B\" nationality=\"IN\" residence=\"US\" post=\"Tijuana\" "
      "entryCategory=\"H-1B\" visaIssuedIn=\"IN\"",
      "eligible", "temporary-worker in-status",
      "H-1B is a temporary worker (H) category and no exclusion applies (as c27); in "
      "status: the I-94 admits until 2027-09-30, after asOf, and the I-797A approval for "
      "H1B (H-1B, the category applied for) runs from 2024-10-01 to 2027-09-30, so it is "
      "valid on asOf; both name PRIYA RAMAN, the applicant.  The visa foil (R H1B, MUMBAI) "
      "expired on 2024-09-30: it is the visa to renew and shows no status (the 2025-06-08 "
      "entry on the expired visa fits an automatic revalidation after a short trip to "
      "Mexico or Canada).  Eligible, for the two reasons"},
     C31_DOCS, G_N_ELEMENTS(C31_DOCS)},
    {{"c32-usvisa-l1-out-of-status", "Lucas Ferreira Silva",
      "category=\"L-1A\" nationality=\"BR\" residence=\"US\" post=\"Ciudad Juarez\" "
      "entryCategory=\"L-1A\" visaIssuedIn=\"BR\"",
      "not-eligible", "in-status",
      "L-1A is a temporary worker (L) category and no exclusion applies, but the scanned "
      "I-94 admits until 2026-10-31 and the I-797 approval for L1A is valid from 2023-11-01 "
      "to 2026-10-31: both ended before asOf 2026-11-15, so the applicant is out of status "
      "(\"never been out of the situation\"): not-eligible"},
     C32_DOCS, G_N_ELEMENTS(C32_DOCS)},
    {{"c33-usvisa-f1-duration-of-status", "Minji Kim",
      "category=\"F-1\" nationality=\"KR\" residence=\"US\" post=\"Nogales\" "
      "entryCategory=\"F-1\" visaIssuedIn=\"KR\"",
      "needs-review", "in-status",
      "F-1 is a student (F) category and no exclusion applies; the I-94 admits the "
      "student for duration of status (D/S): it gives no end date, and the Form I-20 that "
      "would is not read, so it can show neither in nor out of status; the EAD (category "
      "C03B, valid 2026-06-15 to 2028-06-14) is not in the rule (no I-797 approval).  In "
      "status needs a person: needs-review"},
     C33_DOCS, G_N_ELEMENTS(C33_DOCS)},
    {{"c34-usvisa-status-other-person", "Rahul Verma",
      "category=\"H-1B\" nationality=\"IN\" residence=\"US\" post=\"Matamoros\" "
      "entryCategory=\"H-1B\" visaIssuedIn=\"IN\"",
      "needs-review", "in-status",
      "H-1B is a temporary worker (H) category and no exclusion applies; the I-797 approval "
      "(H1B, 2025-04-01 to 2028-03-31) and the I-94 (H1B until 2028-03-31) would show "
      "status, but both name ANJALI VERMA (the applicant's wife, same surname), not the "
      "applicant RAHUL VERMA: they do not show his status, and a person must look: "
      "needs-review"},
     C34_DOCS, G_N_ELEMENTS(C34_DOCS)},
};

static void write_case_xml_usvisa(const char *dir, const struct usvisa_case *uc)
{
    char *cx = g_strdup_printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<case id=\"%s\">\n"
                               "  <applicant>%s</applicant>\n"
                               "  <asOf>2026-11-15</asOf>\n"
                               "  <usVisa %s/>\n"
                               "</case>\n",
                               uc->id, uc->applicant, uc->usvisa);
    char *path = g_strdup_printf("%s/case.xml", dir);
    write_file(path, cx, strlen(cx));
    g_free(path);
    g_free(cx);
}

static const char *form_title(enum us_layout l)
{
    switch (us_form_of(l)) {
    case USF_I797: return l == USL_I797A_TEAROFF ? "I-797A approval notice" : "I-797 approval notice";
    case USF_I94: return "Form I-94 printout";
    case USF_EAD: return "EAD card, Form I-766";
    case USF_VISA: break;
    }
    return "visa foil";
}

/* c31-c34: case.xml, the status documents and the expected file. */
static void status_case(const char *outdir, const struct usvisa_status_case *sc)
{
    const struct usvisa_case *uc = &sc->c;
    char *dir = g_strdup_printf("%s/cases/%s", outdir, uc->id);
    GString *lines = g_string_new(NULL), *docs = g_string_new(NULL);
    GString *notes = g_string_new(NULL), *ex = g_string_new(NULL);
    GString *wrapped = g_string_new(NULL);
    char *path;

    if (g_mkdir_with_parents(dir, 0755) != 0)
        die("cannot create", dir);
    write_case_xml_usvisa(dir, uc);
    for (size_t i = 0; i < sc->ndocs; i++) {
        const struct usvisa_doc *ud = &sc->docs[i];
        struct us_doc *d = g_new0(struct us_doc, 1);
        struct us_values v;
        char *key = g_strdup_printf("%s/%s", uc->id, ud->file);
        char *full = g_build_filename(dir, ud->file, NULL);
        char *fdir = g_path_get_dirname(full);
        char *sum;
        GByteArray *b;
        GString *how = g_string_new(NULL);
        double w, h;

        if (i > 0 && strcmp(sc->docs[i - 1].file, ud->file) >= 0)
            die("status documents must be listed in path order", ud->file);
        if (g_mkdir_with_parents(fdir, 0755) != 0)
            die("cannot create", fdir);
        us_build(d, &ud->spec, key);
        us_values(d, &v);
        us_page_size(ud->spec.layout, &w, &h);
        if (ud->look == UD_TEXT) {
            if (us_form_of(ud->spec.layout) == USF_VISA)
                die("a visa foil has no text layer", ud->file);
            b = render_pdf_sized(us_draw_page, d, 1,
                                 us_form_of(ud->spec.layout) == USF_I94
                                     ? "Skia/PDF m130"
                                     : "USCIS Online Account Notice",
                                 NULL, "2026-11-05T09:00:00Z", w, h);
        } else {
            const struct scan_spec *ss = &UD_SCANS[ud->look == UD_PHONE];
            b = scan_encode_sized(us_draw_page, d, 1, ss, ss->fmt, key, NULL, how, w, h);
            while (how->len && (how->str[how->len - 1] == ' ' || how->str[how->len - 1] == ';'))
                g_string_truncate(how, how->len - 1);
        }
        write_file(full, b->data, b->len);
        sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256, b->data, b->len);

        g_string_append_printf(notes, "     %s: %s (layout %s, %s%s%s): %s, %s %s", ud->file,
                               form_title(ud->spec.layout), us_layout_name(ud->spec.layout),
                               ud->look == UD_TEXT ? "text layer"
                               : ud->look == UD_PHONE ? "phone photo, OCR"
                                                      : "scanned PDF, OCR",
                               how->len ? "; " : "", how->str, v.name,
                               us_form_of(ud->spec.layout) == USF_EAD ? "category" : "class",
                               ud->spec.cls);
        if (us_form_of(ud->spec.layout) == USF_EAD)
            g_string_append_printf(notes, ", %s to %s", v.valid_from, v.valid_until);
        else if (v.ds)
            g_string_append_printf(notes, " (%s), from %s, admit until D/S", v.category,
                                   v.valid_from);
        else
            g_string_append_printf(notes, " (%s), %s to %s", v.category, v.valid_from,
                                   v.valid_until);
        g_string_append_printf(notes, ", number %s%s%s.\n", v.number, v.post ? ", post " : "",
                               v.post ? v.post : "");

        g_string_append(lines, "  <usStatus");
        gs_attr(lines, "file", ud->file);
        gs_attr(lines, "form", v.form);
        gs_attr(lines, "category", v.category);
        if (v.ds)
            gs_attr(lines, "durationOfStatus", "true");
        else
            gs_attr(lines, "validUntil", v.valid_until);
        gs_attr(lines, "number", v.number);
        gs_attr(lines, "name", v.name);
        g_string_append(lines, "/>\n");

        g_string_append(docs, "  <document");
        gs_attr(docs, "path", ud->file);
        gs_attr(docs, "status", "ok");
        gs_attr(docs, "kind", "us-status");
        g_string_append(docs, " pages=\"1\"");
        gs_attr(docs, "text", ud->look == UD_TEXT ? "text-layer" : "ocr");
        gs_attr(docs, "sha256", sum);
        g_string_append(docs, "/>\n");

        g_string_free(how, TRUE);
        g_byte_array_free(b, TRUE);
        g_free(sum);
        g_free(fdir);
        g_free(full);
        g_free(key);
        g_free(d);
    }

    {
        /* the hand reading, wrapped at about 100 columns */
        char **w = g_strsplit(uc->why, " ", -1);
        GString *l = g_string_new("     ");
        for (int k = 0; w[k]; k++) {
            if (!w[k][0])
                continue;
            if (l->len > 5 && l->len + 1 + strlen(w[k]) > 100) {
                g_string_append_printf(wrapped, "%s\n", l->str);
                g_string_assign(l, "     ");
            }
            if (l->len > 5)
                g_string_append_c(l, ' ');
            g_string_append(l, w[k]);
        }
        g_string_append(wrapped, l->str);
        g_string_free(l, TRUE);
        g_strfreev(w);
    }
    g_string_append_printf(
        ex,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- Expected outcome of sample case %s, written by solvency-samplegen "
        "(cases_usvisa.c).\n"
        "     Not read by the pipeline; the golden tests compare reports with it.\n"
        "     No bank documents: every stay is insufficient-evidence.\n"
        "     Status documents (usstatus.c; the values they print, from the generator's own "
        "figures; number masked to its last 4):\n%s"
        "     US visa at the border posts, by hand from the seed 000_773e505e44ccb631.txt\n"
        "     (\"Form I-797, EAD card, form I-94 ... to prove his status\"; in status: an I-94 "
        "admitting until after asOf,\n"
        "     or an I-797 approval for the category applied for valid on asOf, naming the "
        "applicant):\n%s. -->\n"
        "<expected case=\"%s\" asOf=\"2026-11-15\" outcome=\"insufficient-evidence\">\n"
        "  <applicant name=\"%s\" source=\"manifest\"/>\n"
        "  <eligibility outcome=\"%s\" reasons=\"%s\"/>\n"
        "%s%s</expected>\n",
        uc->id, notes->str, wrapped->str, uc->id, uc->applicant, uc->outcome, uc->reasons,
        lines->str, docs->str);
    if (strstr(notes->str, "--") || strstr(uc->why, "--"))
        die("an XML comment cannot hold \"--\"", uc->id);
    path = g_strdup_printf("%s/expected/%s.xml", outdir, uc->id);
    write_file(path, ex->str, ex->len);
    printf("%-28s %-22s %zu status documents, eligibility %s\n", uc->id,
           "insufficient-evidence", sc->ndocs, uc->outcome);
    g_free(path);
    g_string_free(ex, TRUE);
    g_string_free(wrapped, TRUE);
    g_string_free(notes, TRUE);
    g_string_free(docs, TRUE);
    g_string_free(lines, TRUE);
    g_free(dir);
}

void usvisa_cases_generate(const char *outdir)
{
    for (size_t i = 0; i < G_N_ELEMENTS(STATUS_CASES); i++)
        status_case(outdir, &STATUS_CASES[i]);
    for (size_t i = 0; i < G_N_ELEMENTS(USVISA_CASES); i++) {
        const struct usvisa_case *uc = &USVISA_CASES[i];
        char *dir = g_strdup_printf("%s/cases/%s", outdir, uc->id);
        char *path;
        if (g_mkdir_with_parents(dir, 0755) != 0)
            die("cannot create", dir);
        write_case_xml_usvisa(dir, uc);

        char *ex = g_strdup_printf(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<!-- Expected outcome of sample case %s, written by "
            "solvency-samplegen (cases_usvisa.c).\n"
            "     Not read by the pipeline; the golden tests compare reports "
            "with it.\n"
            "     No documents: every stay is insufficient-evidence.\n"
            "     US visa at the border posts, by hand from the seed "
            "000_773e505e44ccb631.txt: %s. -->\n"
            "<expected case=\"%s\" asOf=\"2026-11-15\" "
            "outcome=\"insufficient-evidence\">\n"
            "  <applicant name=\"%s\" source=\"manifest\"/>\n"
            "  <eligibility outcome=\"%s\" reasons=\"%s\"/>\n"
            "</expected>\n",
            uc->id, uc->why, uc->id, uc->applicant, uc->outcome, uc->reasons);
        path = g_strdup_printf("%s/expected/%s.xml", outdir, uc->id);
        write_file(path, ex, strlen(ex));
        g_free(path);
        g_free(ex);
        g_free(dir);
    }
}
