/*
 * journal.c - the rerun journal (see journal.h).
 *
 * A block, one record per line, fields separated by tabs, each field
 * escaped with g_strescape (so no tab or line break inside):
 *
 *   case  FOLDER ID SETTINGS MANIFEST REPORT REPORT_SHA OUTCOME APPLICANT
 *         NFILES NSTAYS
 *   file  RELPATH SIZE MTIME_NS SHA256 CTIME_NS INODE     (NFILES lines)
 *   stay  ID OUTCOME HAS_TEST BASIS REQUIRED HAS_ACTUAL ACTUAL HAS_LOWEST
 *         YEAR MONTH LOWEST REVIEW_REASONS                   (NSTAYS lines)
 *   end   FOLDER
 *
 * MANIFEST is "-" without case.xml; APPLICANT is "-" when none, else "="
 * and the name.  Only a block closed by its "end" line counts.  A file
 * line of an earlier version without CTIME_NS and INODE is read as a
 * stamp that does not vouch (stamp.h): that file is hashed.
 */
#include "journal.h"
#include "../stages/report.h"
#include "digest.h"
#include "html.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct jfile {
  char *relpath;
  struct sv_stamp stamp;
  char *sha;
};

struct block {
  char *text;           /* owned: the block as written, for compaction */
  char *folder, *id, *settings, *manifest, *report, *report_sha;
  struct sv_batch_entry entry; /* owned strings */
  GArray *files;        /* of struct jfile */
};

struct sv_journal {
  char *out_dir;
  char *settings;
  GHashTable *loaded;   /* folder -> struct block *: read-only once open */
  GHashTable *recorded; /* folder -> char * block text: collector only */
  int fd;               /* appending */
  bool force;           /* --force: nothing is unchanged */
};

static void block_free(gpointer p)
{
  struct block *b = p;
  g_free(b->text);
  g_free(b->folder);
  g_free(b->id);
  g_free(b->settings);
  g_free(b->manifest);
  g_free(b->report);
  g_free(b->report_sha);
  sv_batch_entry_clear(&b->entry);
  for (guint i = 0; b->files != NULL && i < b->files->len; i++) {
    g_free(g_array_index(b->files, struct jfile, i).relpath);
    g_free(g_array_index(b->files, struct jfile, i).sha);
  }
  if (b->files != NULL)
    g_array_free(b->files, TRUE);
  g_free(b);
}

/* ------------------------------------------------------------ reading */

static bool to_i64(const char *s, gint64 *v)
{
  char *end = NULL;
  errno = 0;
  *v = g_ascii_strtoll(s, &end, 10);
  return errno == 0 && end != s && *end == '\0';
}

static bool to_u64(const char *s, guint64 *v)
{
  char *end = NULL;
  errno = 0;
  *v = g_ascii_strtoull(s, &end, 10);
  return errno == 0 && end != s && *end == '\0' && s[0] != '-';
}

static bool to_int(const char *s, int *v, int lo, int hi)
{
  gint64 x = 0;
  if (!to_i64(s, &x) || x < lo || x > hi)
    return false;
  *v = (int)x;
  return true;
}

/* Splits a line into its unescaped fields (owned, NULL-terminated). */
static char **fields_of(const char *line)
{
  char **raw = g_strsplit(line, "\t", -1);
  for (char **f = raw; *f != NULL; f++) {
    char *u = g_strcompress(*f);
    g_free(*f);
    *f = u;
  }
  return raw;
}

static bool parse_case(struct block *b, char **f)
{
  int nf = 0, ns = 0, outcome = 0;
  if (g_strv_length(f) != 11 || !to_int(f[7], &outcome, 0, 4) ||
      !to_int(f[9], &nf, 0, 1000000) || !to_int(f[10], &ns, 0, 10000))
    return false;
  b->folder = g_strdup(f[1]);
  b->id = g_strdup(f[2]);
  b->settings = g_strdup(f[3]);
  b->manifest = g_strdup(f[4]);
  b->report = g_strdup(f[5]);
  b->report_sha = g_strdup(f[6]);
  b->entry.case_id = g_strdup(f[2]);
  b->entry.folder = g_strdup(f[1]);
  b->entry.report = g_strdup(f[5]);
  b->entry.outcome = (enum sv_outcome)outcome;
  b->entry.applicant = f[8][0] == '=' ? g_strdup(f[8] + 1) : NULL;
  b->entry.nstays = 0;
  b->entry.stays = g_new0(struct sv_batch_stay, (gsize)ns + 1);
  b->files = g_array_new(FALSE, TRUE, sizeof(struct jfile));
  return true; /* the counts are checked when the block ends */
}

static bool parse_file(struct block *b, char **f)
{
  struct jfile jf = {0};
  guint n = g_strv_length(f);
  if ((n != 5 && n != 7) || !to_i64(f[2], &jf.stamp.size) ||
      !to_i64(f[3], &jf.stamp.mtime_ns) ||
      (n == 7 && (!to_i64(f[5], &jf.stamp.ctime_ns) ||
                  !to_u64(f[6], &jf.stamp.ino))))
    return false;
  jf.relpath = g_strdup(f[1]);
  jf.sha = g_strdup(f[4]);
  g_array_append_val(b->files, jf);
  return true;
}

static bool parse_stay(struct block *b, size_t cap, char **f)
{
  struct sv_batch_stay st = {0};
  int outcome = 0, has_test = 0, basis = 0, has_actual = 0, has_lowest = 0;
  gint64 req = 0, act = 0, low = 0;
  if (g_strv_length(f) != 13 || b->entry.nstays >= cap ||
      !to_int(f[2], &outcome, 0, 4) || !to_int(f[3], &has_test, 0, 1) ||
      !to_int(f[4], &basis, 0, 3) || !to_i64(f[5], &req) ||
      !to_int(f[6], &has_actual, 0, 1) || !to_i64(f[7], &act) ||
      !to_int(f[8], &has_lowest, 0, 1) ||
      !to_int(f[9], &st.lowest_year, 0, 9999) ||
      !to_int(f[10], &st.lowest_month, 0, 12) || !to_i64(f[11], &low) ||
      !to_int(f[12], &st.review_reasons, 0, 1000000))
    return false;
  st.id = g_strdup(f[1]);
  st.outcome = (enum sv_outcome)outcome;
  st.has_test = has_test;
  st.basis = (enum sv_test_basis)basis;
  st.required_mxn = req;
  st.has_actual = has_actual;
  st.actual_mxn = act;
  st.has_lowest = has_lowest;
  st.lowest_mxn = low;
  ((struct sv_batch_stay *)b->entry.stays)[b->entry.nstays++] = st;
  return true;
}

/* Reads every complete block of text into j->loaded (the last block of a
   folder wins). */
static void load(struct sv_journal *j, const char *text)
{
  char **lines = g_strsplit(text, "\n", -1);
  struct block *b = NULL;
  GString *raw = g_string_new(NULL);
  int want_files = 0, want_stays = 0;
  for (char **l = lines; *l != NULL; l++) {
    char **f = fields_of(*l);
    bool ok = f[0] != NULL;
    if (ok && strcmp(f[0], "case") == 0) {
      if (b != NULL)
        block_free(b);
      b = g_new0(struct block, 1);
      g_string_truncate(raw, 0);
      ok = parse_case(b, f) && to_int(f[9], &want_files, 0, 1000000) &&
           to_int(f[10], &want_stays, 0, 10000);
    } else if (ok && b != NULL && strcmp(f[0], "file") == 0) {
      ok = parse_file(b, f);
    } else if (ok && b != NULL && strcmp(f[0], "stay") == 0) {
      ok = parse_stay(b, (size_t)want_stays, f);
    } else if (ok && b != NULL && strcmp(f[0], "end") == 0) {
      ok = g_strv_length(f) == 2 && strcmp(f[1], b->folder) == 0 &&
           (int)b->files->len == want_files &&
           (int)b->entry.nstays == want_stays;
      if (ok) {
        g_string_append_printf(raw, "%s\n", *l);
        b->text = g_strdup(raw->str);
        g_hash_table_replace(j->loaded, g_strdup(b->folder), b);
        b = NULL;
      }
      g_strfreev(f);
      if (!ok && b != NULL) {
        block_free(b);
        b = NULL;
      }
      continue;
    } else {
      ok = false;
    }
    g_strfreev(f);
    if (!ok && b != NULL) { /* a torn or foreign line ends the block */
      block_free(b);
      b = NULL;
    }
    if (b != NULL)
      g_string_append_printf(raw, "%s\n", *l);
  }
  if (b != NULL)
    block_free(b);
  g_string_free(raw, TRUE);
  g_strfreev(lines);
}

struct sv_journal *sv_journal_open(const char *out_dir, const char *settings,
                                   bool fresh, char **err)
{
  struct sv_journal *j = g_new0(struct sv_journal, 1);
  j->out_dir = g_strdup(out_dir);
  j->settings = g_strdup(settings);
  j->loaded = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                    block_free);
  j->recorded = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                      g_free);
  char *path = g_build_filename(out_dir, SV_JOURNAL_FILE, NULL);
  char *text = NULL;
  j->force = fresh;
  if (g_file_get_contents(path, &text, NULL, NULL))
    load(j, text); /* with --force too: for the stale reports */
  g_free(text);
  j->fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (j->fd < 0) {
    *err = g_strdup_printf("cannot open %s: %s", path, g_strerror(errno));
    g_free(path);
    sv_journal_free(&j);
    return NULL;
  }
  g_free(path);
  return j;
}

void sv_journal_free(struct sv_journal **j)
{
  if (j == NULL || *j == NULL)
    return;
  struct sv_journal *s = *j;
  if (s->fd >= 0)
    close(s->fd);
  g_hash_table_destroy(s->loaded);
  g_hash_table_destroy(s->recorded);
  g_free(s->out_dir);
  g_free(s->settings);
  g_free(s);
  *j = NULL;
}

/* ------------------------------------------------------------ checking */

/* The SHA-256 of a file's bytes (owned), NULL when it cannot be read. */
static char *file_sha(const char *path)
{
  char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents(path, &data, &len, NULL))
    return NULL;
  char *hex = sv_sha256_hex(data, len);
  g_free(data);
  return hex;
}

/* Whether the report at OUT_DIR/report has the digest sha and every
   evidence crop it names (@evidence, @holderEvidence, @personEvidence:
   paths relative to OUT_DIR) is still there: a user who deleted a case's
   evidence folder gets it made again, not a report pointing at nothing. */
static bool report_in_place(const char *out_dir, const char *report,
                            const char *sha)
{
  char *path = g_build_filename(out_dir, report, NULL);
  char *data = NULL;
  gsize len = 0;
  bool ok = g_file_get_contents(path, &data, &len, NULL);
  g_free(path);
  if (!ok)
    return false;
  char *hex = sv_sha256_hex(data, len);
  ok = strcmp(hex, sha) == 0;
  g_free(hex);
  static const char attr[] = "vidence=\"";
  for (const char *p = ok ? strstr(data, attr) : NULL; ok && p != NULL;
       p = strstr(p, attr)) {
    p += sizeof attr - 1;
    const char *end = strchr(p, '"');
    if (end == NULL)
      break;
    char *rel = g_strndup(p, (gsize)(end - p));
    /* an escaped character: not worth unescaping; redo the case */
    char *crop = g_build_filename(out_dir, rel, NULL);
    ok = strchr(rel, '&') == NULL && rel[0] != '/' &&
         strstr(rel, "..") == NULL &&
         g_file_test(crop, G_FILE_TEST_IS_REGULAR);
    g_free(crop);
    g_free(rel);
    p = end;
  }
  g_free(data);
  return ok;
}

/* Appends fields (escaped, tab-separated) as one line. */
static void line(GString *out, const char *const *fields, size_t n)
{
  for (size_t i = 0; i < n; i++) {
    char *e = g_strescape(fields[i] != NULL ? fields[i] : "", NULL);
    g_string_append(out, e);
    g_string_append_c(out, i + 1 < n ? '\t' : '\n');
    g_free(e);
  }
}

/* Whether the document d is the file recorded as jf: by its stamp when
   the recorded one vouches for it, else by its bytes' SHA-256 (a touched
   or copied file, or a stamp taken moments after a change).  *now gets
   the file's stamp as it is; *hashed tells whether the bytes were read. */
static bool same_file(const struct jfile *jf, const struct sv_doc *d,
                      struct sv_stamp *now, bool *hashed)
{
  bool regular = false;
  *hashed = false;
  if (strcmp(jf->relpath, d->relpath) != 0 ||
      !sv_stamp_file(d->abspath, now, &regular))
    return false;
  if (sv_stamp_vouches(&jf->stamp, now))
    return true; /* a symbolic link or FIFO ingest skipped, too */
  if (!regular || now->size != jf->stamp.size)
    return false;
  *hashed = true;
  char *sha = file_sha(d->abspath);
  bool same = sha != NULL && strcmp(sha, jf->sha) == 0;
  g_free(sha);
  return same;
}

/* Formats a block's file line. */
static void file_line(GString *out, const char *relpath,
                      const struct sv_stamp *st, const char *sha)
{
  char size[24], mt[24], ct[24], ino[24];
  g_snprintf(size, sizeof size, "%" G_GINT64_FORMAT, st->size);
  g_snprintf(mt, sizeof mt, "%" G_GINT64_FORMAT, st->mtime_ns);
  g_snprintf(ct, sizeof ct, "%" G_GINT64_FORMAT, st->ctime_ns);
  g_snprintf(ino, sizeof ino, "%" G_GUINT64_FORMAT, st->ino);
  const char *f[] = {"file", relpath, size, mt,
                     sha != NULL && sha[0] != '\0' ? sha : "-", ct, ino};
  line(out, f, G_N_ELEMENTS(f));
}

/* Block b again with its file lines stamped as now[] (owned). */
static char *restamped(const struct block *b, const struct sv_stamp *now)
{
  GString *out = g_string_new(NULL);
  char **lines = g_strsplit(b->text, "\n", -1);
  guint k = 0;
  for (char **l = lines; *l != NULL && (*l)[0] != '\0'; l++) {
    if (g_str_has_prefix(*l, "file\t") && k < b->files->len) {
      const struct jfile *jf = &g_array_index(b->files, struct jfile, k);
      file_line(out, jf->relpath, &now[k], jf->sha);
      k++;
    } else {
      g_string_append_printf(out, "%s\n", *l);
    }
  }
  g_strfreev(lines);
  return g_string_free(out, FALSE);
}

bool sv_journal_unchanged(const struct sv_journal *j, const struct sv_case *c,
                          struct sv_batch_entry *entry, char **restamp)
{
  memset(entry, 0, sizeof *entry);
  *restamp = NULL;
  if (j == NULL || j->force || c->failed)
    return false;
  const struct block *b = g_hash_table_lookup(j->loaded, c->folder);
  if (b == NULL || strcmp(b->settings, j->settings) != 0 ||
      strcmp(b->id, c->id) != 0 ||
      strcmp(b->manifest,
             c->manifest_sha256[0] != '\0' ? c->manifest_sha256 : "-") != 0 ||
      b->files->len != c->ndocs)
    return false;
  /* the report first: a missing one needs no file read to be redone */
  if (!report_in_place(j->out_dir, b->report, b->report_sha))
    return false;
  struct sv_stamp *now = g_new0(struct sv_stamp, c->ndocs + 1);
  bool any_hashed = false;
  for (size_t i = 0; i < c->ndocs; i++) {
    bool hashed = false;
    if (!same_file(&g_array_index(b->files, struct jfile, i), c->docs[i],
                   &now[i], &hashed)) {
      g_free(now);
      return false;
    }
    any_hashed |= hashed;
  }
  /* a file found the same by its bytes: its new stamp is recorded, so the
     next run need not read it again */
  if (any_hashed)
    *restamp = restamped(b, now);
  g_free(now);
  entry->case_id = g_strdup(b->entry.case_id);
  entry->folder = g_strdup(b->entry.folder);
  entry->report = g_strdup(b->entry.report);
  entry->outcome = b->entry.outcome;
  entry->applicant = g_strdup(b->entry.applicant);
  struct sv_batch_stay *stays = g_new0(struct sv_batch_stay,
                                       b->entry.nstays + 1);
  for (size_t k = 0; k < b->entry.nstays; k++) {
    stays[k] = b->entry.stays[k];
    stays[k].id = g_strdup(b->entry.stays[k].id);
  }
  entry->stays = stays;
  entry->nstays = b->entry.nstays;
  return true;
}

/* ------------------------------------------------------------ writing */

/* Appends a block's text (owned) to the journal and syncs it; the text
   becomes folder's block for this run's compaction either way. */
static sv_status append_block(struct sv_journal *j, const char *folder,
                              char *text, const char *what, char **err)
{
  sv_status rc = SV_OK;
  const char *p = text;
  size_t left = strlen(text);
  while (left > 0) {
    ssize_t k = write(j->fd, p, left);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0) {
      *err = g_strdup_printf("cannot add case %s to the journal: %s", what,
                             g_strerror(errno));
      rc = SV_WRITE;
      break;
    }
    p += k;
    left -= (size_t)k;
  }
  if (rc == SV_OK)
    (void)fdatasync(j->fd);
  g_hash_table_replace(j->recorded, g_strdup(folder), text);
  return rc;
}

sv_status sv_journal_record(struct sv_journal *j, const struct sv_case *c,
                            const struct sv_batch_entry *entry, char **err)
{
  *err = NULL;
  if (j == NULL || c->failed || !c->report_written || entry->report == NULL)
    return SV_OK;
  GString *out = g_string_new(NULL);
  char n1[24], n2[24], n3[24];
  g_snprintf(n1, sizeof n1, "%d", (int)entry->outcome);
  g_snprintf(n2, sizeof n2, "%zu", c->ndocs);
  g_snprintf(n3, sizeof n3, "%zu", entry->nstays);
  char *applicant = entry->applicant != NULL
                        ? g_strconcat("=", entry->applicant, NULL)
                        : g_strdup("-");
  const char *head[] = {"case", c->folder, c->id, j->settings,
                        c->manifest_sha256[0] != '\0' ? c->manifest_sha256
                                                      : "-",
                        entry->report, c->report_sha256, n1, applicant, n2,
                        n3};
  line(out, head, G_N_ELEMENTS(head));
  g_free(applicant);
  for (size_t i = 0; i < c->ndocs; i++)
    file_line(out, c->docs[i]->relpath, &c->docs[i]->stamp,
              c->docs[i]->sha256);
  for (size_t k = 0; k < entry->nstays; k++) {
    const struct sv_batch_stay *s = &entry->stays[k];
    char v[11][24];
    g_snprintf(v[0], 24, "%d", (int)s->outcome);
    g_snprintf(v[1], 24, "%d", s->has_test ? 1 : 0);
    g_snprintf(v[2], 24, "%d", (int)s->basis);
    g_snprintf(v[3], 24, "%" G_GINT64_FORMAT, (gint64)s->required_mxn);
    g_snprintf(v[4], 24, "%d", s->has_actual ? 1 : 0);
    g_snprintf(v[5], 24, "%" G_GINT64_FORMAT, (gint64)s->actual_mxn);
    g_snprintf(v[6], 24, "%d", s->has_lowest ? 1 : 0);
    g_snprintf(v[7], 24, "%d", s->lowest_year);
    g_snprintf(v[8], 24, "%d", s->lowest_month);
    g_snprintf(v[9], 24, "%" G_GINT64_FORMAT, (gint64)s->lowest_mxn);
    g_snprintf(v[10], 24, "%d", s->review_reasons);
    const char *f[] = {"stay", s->id, v[0], v[1], v[2], v[3], v[4],
                       v[5], v[6], v[7], v[8], v[9], v[10]};
    line(out, f, G_N_ELEMENTS(f));
  }
  const char *end[] = {"end", c->folder};
  line(out, end, G_N_ELEMENTS(end));

  return append_block(j, c->folder, g_string_free(out, FALSE), c->id, err);
}

void sv_journal_keep(struct sv_journal *j, const char *folder, char *text)
{
  char *err = NULL;
  if (j == NULL || text == NULL)
    g_free(text);
  else if (append_block(j, folder, text, folder, &err) != SV_OK)
    fprintf(stderr, "solvency: %s\n", err); /* it is hashed again */
  g_free(err);
}

GBytes *sv_journal_compact(const struct sv_journal *j,
                           const struct sv_batch_entry *entries, size_t n)
{
  GString *out = g_string_new(NULL);
  for (size_t i = 0; i < n; i++) {
    const char *text = g_hash_table_lookup(j->recorded, entries[i].folder);
    if (text == NULL) {
      const struct block *b = g_hash_table_lookup(j->loaded,
                                                   entries[i].folder);
      text = b != NULL && !entries[i].failed ? b->text : NULL;
    }
    if (text != NULL)
      g_string_append(out, text);
  }
  gsize len = out->len;
  return g_bytes_new_take(g_string_free(out, FALSE), len);
}

/* Removes the HTML page made from report (html.h), if there is one: it
   shows a report no longer there. */
static void remove_page(const char *out_dir, const char *report)
{
  char *name = sv_html_page_name(report);
  char *path = g_build_filename(out_dir, name, NULL);
  struct stat st;
  if (lstat(path, &st) == 0 && S_ISREG(st.st_mode))
    (void)unlink(path);
  g_free(path);
  g_free(name);
}

size_t sv_journal_remove_stale(const struct sv_journal *j,
                               const struct sv_batch_entry *entries, size_t n)
{
  GHashTable *now = g_hash_table_new(g_str_hash, g_str_equal);
  for (size_t i = 0; i < n; i++) {
    g_hash_table_add(now, (gpointer)entries[i].folder);
    if (entries[i].report != NULL)
      g_hash_table_add(now, (gpointer)entries[i].report);
  }
  size_t removed = 0;
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init(&it, j->loaded);
  while (g_hash_table_iter_next(&it, &key, &value)) {
    const struct block *b = value;
    if (g_hash_table_contains(now, b->folder) ||
        g_hash_table_contains(now, b->report) || strchr(b->report, '/') != NULL)
      continue;
    char *path = g_build_filename(j->out_dir, b->report, NULL);
    char *sha = file_sha(path);
    if (sha != NULL && strcmp(sha, b->report_sha) == 0 &&
        unlink(path) == 0) {
      sv_report_remove_evidence(j->out_dir, b->id);
      remove_page(j->out_dir, b->report);
      removed++;
    }
    g_free(sha);
    g_free(path);
  }
  g_hash_table_destroy(now);
  return removed;
}
