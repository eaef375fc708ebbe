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
 */
#include <glib.h>

#include <stdio.h>
#include <string.h>

#include "samplegen.h"

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

void usvisa_cases_generate(const char *outdir)
{
    for (size_t i = 0; i < G_N_ELEMENTS(USVISA_CASES); i++) {
        const struct usvisa_case *uc = &USVISA_CASES[i];
        char *dir = g_strdup_printf("%s/cases/%s", outdir, uc->id);
        if (g_mkdir_with_parents(dir, 0755) != 0)
            die("cannot create", dir);
        char *cx = g_strdup_printf(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
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
