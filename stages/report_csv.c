/*
 * report_csv.c - batch.csv, the batch as a spreadsheet (see report.h).
 */
#include "report.h"

#include <string.h>

/* Appends one field, quoted when RFC 4180 asks for it. */
static void field(GString *out, const char *s, bool last)
{
  if (s == NULL)
    s = "";
  if (strpbrk(s, ",\"\r\n") != NULL) {
    g_string_append_c(out, '"');
    for (const char *p = s; *p != '\0'; p++) {
      if (*p == '"')
        g_string_append_c(out, '"');
      g_string_append_c(out, *p);
    }
    g_string_append_c(out, '"');
  } else {
    g_string_append(out, s);
  }
  g_string_append(out, last ? "\r\n" : ",");
}

/* Pesos with two decimals, "-" first when negative. */
static void money(char *buf, size_t len, sv_cents c)
{
  guint64 a = c < 0 ? (guint64)0 - (guint64)c : (guint64)c;
  g_snprintf(buf, len, "%s%" G_GUINT64_FORMAT ".%02u", c < 0 ? "-" : "",
             a / 100, (unsigned)(a % 100));
}

static void row(GString *out, const struct sv_batch_entry *e,
                const struct sv_batch_stay *st)
{
  char req[32] = "", act[32] = "", low[32] = "", lowm[16] = "", nr[16] = "";
  field(out, e->case_id, false);
  field(out, e->folder, false);
  field(out, e->applicant, false);
  field(out, sv_outcome_str(e->failed ? SV_OUTCOME_INSUFFICIENT : e->outcome),
        false);
  if (st != NULL) {
    if (st->has_test) {
      money(req, sizeof req, st->required_mxn);
      if (st->has_actual)
        money(act, sizeof act, st->actual_mxn);
      if (st->has_lowest) {
        g_snprintf(lowm, sizeof lowm, "%04d-%02d", st->lowest_year,
                   st->lowest_month);
        money(low, sizeof low, st->lowest_mxn);
      }
    }
    g_snprintf(nr, sizeof nr, "%d", st->review_reasons);
  }
  field(out, st != NULL ? st->id : NULL, false);
  field(out, st != NULL ? sv_outcome_str(st->outcome) : NULL, false);
  field(out, st != NULL && st->has_test ? sv_test_basis_str(st->basis) : NULL,
        false);
  field(out, req, false);
  field(out, act, false);
  field(out, lowm, false);
  field(out, low, false);
  field(out, nr, false);
  field(out, e->failed ? NULL : e->report, true);
}

sv_status sv_report_write_batch_csv(const struct sv_config *cfg,
                                    const struct sv_batch_entry *entries,
                                    size_t n, char **err)
{
  GString *out = g_string_new("case,folder,applicant,outcome,stay,"
                              "stay_outcome,basis,required_mxn,actual_mxn,"
                              "lowest_month,lowest_mxn,review_reasons,"
                              "report\r\n");
  for (size_t i = 0; i < n; i++) {
    const struct sv_batch_entry *e = &entries[i];
    if (e->nstays == 0 || e->failed)
      row(out, e, NULL);
    for (size_t k = 0; !e->failed && k < e->nstays; k++)
      row(out, e, &e->stays[k]);
  }
  gsize len = out->len;
  GBytes *bytes = g_bytes_new_take(g_string_free(out, FALSE), len);
  sv_status rc = sv_report_write_file(cfg->out_dir, "batch.csv", bytes, err);
  g_bytes_unref(bytes);
  return rc;
}
