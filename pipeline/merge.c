/*
 * merge.c - joining a sharded batch (see merge.h).
 */
#include "merge.h"

#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "../stages/report.h"
#include "xmlsafe.h"

/* One case of a shard: its batch line and its batch.csv records. */
struct mcase {
  struct sv_batch_entry e; /* owned strings (stays unused) */
  GString *csv;            /* its records, as the shard wrote them */
  const char *dir;         /* borrowed: the shard's OUT_DIR */
};

static void mcase_free(gpointer p)
{
  struct mcase *m = p;
  sv_batch_entry_clear(&m->e);
  g_string_free(m->csv, TRUE);
  g_free(m);
}

static int mcase_cmp(gconstpointer a, gconstpointer b)
{
  const struct mcase *x = *(struct mcase *const *)a;
  const struct mcase *y = *(struct mcase *const *)b;
  return strcmp(x->e.case_id, y->e.case_id);
}

static char *prop(xmlNodePtr n, const char *name)
{
  xmlChar *v = xmlGetProp(n, BAD_CAST name);
  char *s = v != NULL ? g_strdup((const char *)v) : NULL;
  xmlFree(v);
  return s;
}

static enum sv_outcome outcome_of(const char *s)
{
  for (int o = 0; o <= SV_OUTCOME_NOT_APPLICABLE; o++)
    if (s != NULL && strcmp(s, sv_outcome_str((enum sv_outcome)o)) == 0)
      return (enum sv_outcome)o;
  return SV_OUTCOME_INSUFFICIENT;
}

/* Splits RFC 4180 text into records (owned strings, each with its CRLF),
   the header first.  False when a quote is never closed. */
static bool csv_records(const char *text, GPtrArray *out)
{
  const char *start = text;
  bool quoted = false;
  for (const char *p = text; *p != '\0'; p++) {
    if (*p == '"')
      quoted = !quoted; /* a doubled quote toggles twice */
    else if (!quoted && *p == '\n') {
      g_ptr_array_add(out, g_strndup(start, (gsize)(p + 1 - start)));
      start = p + 1;
    }
  }
  return !quoted && *start == '\0';
}

/* The first field of a record, unquoted (owned). */
static char *first_field(const char *rec)
{
  if (rec[0] != '"')
    return g_strndup(rec, strcspn(rec, ",\r\n"));
  GString *g = g_string_new(NULL);
  for (const char *p = rec + 1; *p != '\0'; p++) {
    if (*p == '"' && p[1] == '"') {
      g_string_append_c(g, '"');
      p++;
    } else if (*p == '"') {
      break;
    } else {
      g_string_append_c(g, *p);
    }
  }
  return g_string_free(g, FALSE);
}

/* Reads one shard; its cases go into cases (and by id into ids).  Sets
   *ruleset and *version from the first shard and checks the others
   agree. */
static bool read_shard(const char *dir, const char *data_dir,
                       GPtrArray *cases, GHashTable *ids, char **ruleset,
                       char **version, char **header)
{
  char *path = g_build_filename(dir, "batch.xml", NULL);
  char *xsd = g_build_filename(data_dir, "batch.xsd", NULL);
  char *err = NULL;
  xmlDocPtr doc = NULL;
  bool ok = sv_xml_load(path, xsd, &doc, &err) == SV_OK;
  if (!ok)
    fprintf(stderr, "solvency merge: %s\n", err);
  g_free(err);
  g_free(xsd);
  g_free(path);
  xmlNodePtr root = ok ? xmlDocGetRootElement(doc) : NULL;
  char *rs = root != NULL ? prop(root, "ruleset") : NULL;
  char *tv = root != NULL ? prop(root, "toolVersion") : NULL;
  if (ok && *ruleset == NULL) {
    *ruleset = g_strdup(rs);
    *version = g_strdup(tv);
  } else if (ok && (g_strcmp0(rs, *ruleset) != 0 ||
                    g_strcmp0(tv, *version) != 0)) {
    fprintf(stderr, "solvency merge: %s was made with ruleset %s by "
                    "solvency %s, the first shard with %s by %s\n",
            dir, rs, tv, *ruleset, *version);
    ok = false;
  }
  g_free(rs);
  g_free(tv);

  GHashTable *mine = g_hash_table_new(g_str_hash, g_str_equal);
  for (xmlNodePtr n = root != NULL ? root->children : NULL; ok && n != NULL;
       n = n->next) {
    if (n->type != XML_ELEMENT_NODE)
      continue;
    struct mcase *m = g_new0(struct mcase, 1);
    m->csv = g_string_new(NULL);
    m->dir = dir;
    m->e.case_id = prop(n, "id");
    m->e.folder = prop(n, "folder");
    m->e.report = prop(n, "report");
    char *st = prop(n, "status"), *oc = prop(n, "outcome");
    m->e.failed = g_strcmp0(st, "failed") == 0;
    m->e.outcome = outcome_of(oc);
    g_free(st);
    g_free(oc);
    for (xmlNodePtr p = n->children; p != NULL; p = p->next)
      if (p->type == XML_ELEMENT_NODE) {
        xmlChar *t = xmlNodeGetContent(p);
        m->e.error = g_strdup((const char *)t);
        xmlFree(t);
      }
    const struct mcase *other = g_hash_table_lookup(ids, m->e.case_id);
    if (other != NULL) {
      fprintf(stderr, "solvency merge: case %s is in both %s and %s (the "
                      "shards of one batch are disjoint)\n",
              m->e.case_id, other->dir, dir);
      mcase_free(m);
      ok = false;
      break;
    }
    g_ptr_array_add(cases, m);
    g_hash_table_insert(ids, (gpointer)m->e.case_id, m);
    g_hash_table_insert(mine, (gpointer)m->e.case_id, m);
  }
  if (doc != NULL)
    xmlFreeDoc(doc);

  /* batch.csv: each record goes to its case */
  char *csv = NULL;
  path = g_build_filename(dir, "batch.csv", NULL);
  GPtrArray *recs = g_ptr_array_new_with_free_func(g_free);
  if (ok && (!g_file_get_contents(path, &csv, NULL, NULL) ||
             !csv_records(csv, recs) || recs->len == 0)) {
    fprintf(stderr, "solvency merge: %s is missing or malformed\n", path);
    ok = false;
  }
  for (guint i = 0; ok && i < recs->len; i++) {
    const char *rec = g_ptr_array_index(recs, i);
    if (i == 0) {
      if (*header == NULL)
        *header = g_strdup(rec);
      ok = strcmp(rec, *header) == 0;
      continue;
    }
    char *id = first_field(rec);
    struct mcase *m = g_hash_table_lookup(mine, id);
    g_free(id);
    if (m == NULL) {
      fprintf(stderr, "solvency merge: %s has a row for a case its "
                      "batch.xml does not list\n",
              path);
      ok = false;
      break;
    }
    g_string_append(m->csv, rec);
  }
  g_ptr_array_free(recs, TRUE);
  g_free(csv);
  g_free(path);
  g_hash_table_destroy(mine);
  return ok;
}

int sv_merge_main(int argc, char **argv, const char *data_dir)
{
  char *out_dir = NULL;
  gboolean quiet = FALSE;
  GError *gerr = NULL;
  GOptionEntry entries[] = {
      {"output", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
       "Folder for the joined batch (created if missing)", "OUT_DIR"},
      {"quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "No summary", NULL},
      {NULL, 0, 0, 0, NULL, NULL, NULL}};
  GOptionContext *ctx = g_option_context_new("DIR... -o OUT_DIR");
  g_option_context_set_summary(
      ctx, "Joins the OUT_DIRs of the shards of one batch (solvency run "
           "--shard K/N) into one: their reports, batch.xml and batch.csv, "
           "as a single run over every case folder writes them.");
  g_option_context_add_main_entries(ctx, entries, NULL);
  g_set_prgname("solvency merge");
  argv[1] = argv[0]; /* "solvency merge ..." parses as "merge ..." */
  argv++;
  argc--;
  int rc = 2;
  GPtrArray *cases = g_ptr_array_new_with_free_func(mcase_free);
  GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
  char *ruleset = NULL, *version = NULL, *header = NULL;
  if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
    fprintf(stderr, "solvency merge: %s\n", gerr->message);
    g_error_free(gerr);
    goto out;
  }
  if (argc < 2 || out_dir == NULL) {
    fprintf(stderr, "solvency merge: %s\nTry 'solvency merge --help'.\n",
            argc < 2 ? "no shard folder given" : "-o OUT_DIR is missing");
    goto out;
  }
  rc = 1;
  for (int i = 1; i < argc; i++)
    if (!read_shard(argv[i], data_dir, cases, ids, &ruleset, &version,
                    &header))
      goto out;
  g_ptr_array_sort(cases, mcase_cmp);

  struct sv_batch_entry *lines = g_new0(struct sv_batch_entry,
                                        cases->len + 1);
  GString *csv = g_string_new(header);
  char *err = NULL;
  bool ok = true;
  for (guint i = 0; i < cases->len && ok; i++) {
    const struct mcase *m = g_ptr_array_index(cases, i);
    lines[i] = m->e;
    g_string_append(csv, m->csv->str);
    if (m->e.failed || m->e.report == NULL)
      continue;
    char *src = g_build_filename(m->dir, m->e.report, NULL);
    gchar *data = NULL;
    gsize len = 0;
    if (strchr(m->e.report, '/') != NULL ||
        !g_file_get_contents(src, &data, &len, NULL)) {
      fprintf(stderr, "solvency merge: the report %s is missing\n", src);
      ok = false;
    } else {
      GBytes *b = g_bytes_new_take(data, len);
      /* the crops before the report that names them */
      ok = sv_report_copy_evidence(m->dir, out_dir, m->e.case_id, &err) ==
               SV_OK &&
           sv_report_write_file(out_dir, m->e.report, b, &err) == SV_OK;
      g_bytes_unref(b);
    }
    g_free(src);
  }
  struct sv_config cfg = {.out_dir = out_dir, .ruleset_id = ruleset};
  if (ok)
    ok = sv_report_write_batch(&cfg, lines, cases->len, &err) == SV_OK;
  if (ok) {
    gsize len = csv->len;
    GBytes *b = g_bytes_new_take(g_string_free(csv, FALSE), len);
    csv = NULL;
    ok = sv_report_write_file(out_dir, "batch.csv", b, &err) == SV_OK;
    g_bytes_unref(b);
  }
  if (csv != NULL)
    g_string_free(csv, TRUE);
  g_free(lines);
  if (err != NULL)
    fprintf(stderr, "solvency merge: %s\n", err);
  g_free(err);
  if (ok && !quiet)
    printf("solvency merge: %u cases from %d shards in %s\n", cases->len,
           argc - 1, out_dir);
  rc = ok ? 0 : 1;
out:
  g_hash_table_destroy(ids);
  g_ptr_array_free(cases, TRUE);
  g_free(ruleset);
  g_free(version);
  g_free(header);
  g_free(out_dir);
  g_option_context_free(ctx);
  return rc;
}
