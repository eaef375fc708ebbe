/*
 * report_evidence.c - the evidence crops of a case on disk:
 * OUT_DIR/<case-id>/evidence/<crop name>.png, written whole or not at all
 * (a temporary folder beside it, then rename(2)), and what the report
 * calls them.  See report.h.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include "report.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "crops.h"

/* The case's document whose path is source's part before '#', or NULL. */
static const struct sv_doc *source_doc(const struct sv_case *c,
                                       const char *source)
{
  const char *hash = source != NULL ? strrchr(source, '#') : NULL;
  if (hash == NULL)
    return NULL;
  size_t n = (size_t)(hash - source);
  for (size_t i = 0; i < c->ndocs; i++) {
    const struct sv_doc *d = c->docs[i];
    if (strlen(d->relpath) == n && strncmp(d->relpath, source, n) == 0)
      return d;
  }
  return NULL;
}

char *sv_report_evidence_path(const struct sv_case *c,
                              const struct sv_crop *cr)
{
  return g_strdup_printf("%s/evidence/%s", c->id, cr->name);
}

const struct sv_crop *sv_report_evidence(const struct sv_config *cfg,
                                         const struct sv_case *c,
                                         const char *source, int page,
                                         const struct sv_box *box)
{
  if (cfg->no_evidence || c->failed || page < 1 || box == NULL)
    return NULL;
  const struct sv_doc *d = source_doc(c, source);
  if (d == NULL || d->status != SV_DOC_OK)
    return NULL;
  return sv_crops_find(d, page, box);
}

const struct sv_crop *sv_report_name_evidence(const struct sv_config *cfg,
                                              const struct sv_case *c,
                                              const struct sv_doc *d,
                                              const char *what, int first,
                                              int last)
{
  if (cfg->no_evidence || c->failed || d->status != SV_DOC_OK)
    return NULL;
  char *tail = g_strdup_printf("-%s.png", what);
  const struct sv_crop *found = NULL;
  for (guint i = 0; found == NULL && i < d->crops->len; i++) {
    const struct sv_crop *cr = g_ptr_array_index(d->crops, i);
    if (g_str_has_suffix(cr->name, tail) &&
        (first <= 0 || (cr->page >= first && cr->page <= last)))
      found = cr;
  }
  g_free(tail);
  return found;
}

static int remove_entry(const char *path, const struct stat *sb, int flag,
                        struct FTW *ftw)
{
  (void)sb;
  (void)ftw;
  if (flag == FTW_DP)
    return rmdir(path) == 0 || errno == ENOENT ? 0 : -1;
  return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

/* Removes path and everything under it, never following a symbolic
   link; 0, or -1 with errno. */
static int remove_tree(const char *path)
{
  struct stat st;
  if (lstat(path, &st) != 0)
    return errno == ENOENT ? 0 : -1;
  if (!S_ISDIR(st.st_mode))
    return unlink(path);
  return nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int write_png(const char *dir, const struct sv_crop *cr)
{
  char *path = g_build_filename(dir, cr->name, NULL);
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                0600);
  g_free(path);
  if (fd < 0)
    return -1;
  gsize len = 0;
  const guint8 *p = g_bytes_get_data(cr->png, &len);
  int rc = 0;
  while (rc == 0 && len > 0) {
    ssize_t n = write(fd, p, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      if (n == 0)
        errno = EIO;
      rc = -1;
      break;
    }
    p += n;
    len -= (gsize)n;
  }
  if (rc == 0 && fsync(fd) != 0)
    rc = -1;
  int saved = errno;
  if (close(fd) != 0 && rc == 0)
    rc = -1;
  else
    errno = saved;
  return rc;
}

/* Whether case_id can name a folder of OUT_DIR. */
static bool plain_id(const char *case_id)
{
  return case_id != NULL && case_id[0] != '\0' && case_id[0] != '.' &&
         strchr(case_id, '/') == NULL;
}

/* Puts crops (of struct sv_crop *, may be empty) as
   out_dir/case_id/evidence/, replacing what was there whole. */
static sv_status write_tree(const char *out_dir, const char *case_id,
                            const GPtrArray *crops, char **err)
{
  char *parent = g_build_filename(out_dir, case_id, NULL);
  char *final = g_build_filename(parent, "evidence", NULL);
  char *tmp = NULL, *old = NULL;
  sv_status rc = SV_OK;

  if (crops->len > 0) {
    tmp = g_strdup_printf("%s/.%s.evidence.XXXXXX", out_dir, case_id);
    /* OUT_DIR is made on first use, as for the reports (0700) */
    if (g_mkdir_with_parents(out_dir, 0700) != 0 ||
        g_mkdtemp_full(tmp, 0700) == NULL) {
      *err = g_strdup_printf("cannot write the evidence of %s: cannot "
                             "create a temporary folder in %s: %s",
                             case_id, out_dir, g_strerror(errno));
      g_clear_pointer(&tmp, g_free);
      rc = SV_WRITE;
      goto out;
    }
    for (guint k = 0; k < crops->len; k++)
      if (write_png(tmp, g_ptr_array_index(crops, k)) != 0) {
        *err = g_strdup_printf("cannot write the evidence of %s in %s: %s",
                               case_id, tmp, g_strerror(errno));
        rc = SV_WRITE;
        goto out;
      }
    if (g_mkdir_with_parents(parent, 0700) != 0) {
      *err = g_strdup_printf("cannot create %s: %s", parent,
                             g_strerror(errno));
      rc = SV_WRITE;
      goto out;
    }
  }
  /* The old crops move aside in one rename, the new ones take their
     place in another: a reader sees the old set or the new one. */
  if (g_file_test(final, G_FILE_TEST_EXISTS)) {
    old = g_strdup_printf("%s/.%s.old.XXXXXX", out_dir, case_id);
    char *aside = NULL;
    if (g_mkdtemp_full(old, 0700) != NULL)
      aside = g_build_filename(old, "evidence", NULL);
    if (aside == NULL || g_rename(final, aside) != 0) {
      *err = g_strdup_printf("cannot replace %s: %s", final,
                             g_strerror(errno));
      g_free(aside);
      rc = SV_WRITE;
      goto out;
    }
    g_free(aside);
  }
  if (tmp != NULL) {
    if (g_rename(tmp, final) != 0) {
      *err = g_strdup_printf("cannot write %s: rename failed: %s", final,
                             g_strerror(errno));
      rc = SV_WRITE;
      goto out;
    }
    g_clear_pointer(&tmp, g_free);
  } else {
    (void)g_rmdir(parent); /* only when empty: nothing of ours left */
  }

out:
  if (tmp != NULL)
    (void)remove_tree(tmp);
  if (old != NULL)
    (void)remove_tree(old);
  g_free(tmp);
  g_free(old);
  g_free(final);
  g_free(parent);
  return rc;
}

sv_status sv_report_write_evidence(const struct sv_config *cfg,
                                   const struct sv_case *c,
                                   const GPtrArray *crops, char **err)
{
  *err = NULL;
  if (!plain_id(c->id))
    return SV_OK; /* its report cannot be written either: it says why */
  /* each crop once, however many figures name it */
  GPtrArray *once = g_ptr_array_new();
  GHashTable *seen = g_hash_table_new(g_direct_hash, g_direct_equal);
  for (guint i = 0; !cfg->no_evidence && !c->failed && crops != NULL &&
                    i < crops->len;
       i++)
    if (g_hash_table_add(seen, g_ptr_array_index(crops, i)))
      g_ptr_array_add(once, g_ptr_array_index(crops, i));
  sv_status rc = write_tree(cfg->out_dir, c->id, once, err);
  g_hash_table_destroy(seen);
  g_ptr_array_free(once, TRUE);
  return rc;
}

sv_status sv_report_copy_evidence(const char *from_dir, const char *out_dir,
                                  const char *case_id, char **err)
{
  *err = NULL;
  if (!plain_id(case_id))
    return SV_OK;
  char *src = g_build_filename(from_dir, case_id, "evidence", NULL);
  GPtrArray *crops = g_ptr_array_new_with_free_func(sv_crop_free);
  sv_status rc = SV_OK;
  GDir *d = g_dir_open(src, 0, NULL);
  for (const char *n; d != NULL && (n = g_dir_read_name(d)) != NULL;) {
    char *path = g_build_filename(src, n, NULL);
    gchar *data = NULL;
    gsize len = 0;
    if (!g_str_has_suffix(n, ".png") ||
        g_file_test(path, G_FILE_TEST_IS_SYMLINK) ||
        !g_file_get_contents(path, &data, &len, NULL)) {
      *err = g_strdup_printf("%s is not an evidence crop", path);
      rc = SV_WRITE;
    } else {
      struct sv_crop *cr = g_new0(struct sv_crop, 1);
      cr->name = g_strdup(n);
      cr->png = g_bytes_new_take(data, len);
      g_ptr_array_add(crops, cr);
    }
    g_free(path);
    if (rc != SV_OK)
      break;
  }
  if (d != NULL)
    g_dir_close(d);
  if (rc == SV_OK)
    rc = write_tree(out_dir, case_id, crops, err);
  g_ptr_array_free(crops, TRUE);
  g_free(src);
  return rc;
}

void sv_report_remove_evidence(const char *out_dir, const char *case_id)
{
  if (!plain_id(case_id))
    return;
  char *parent = g_build_filename(out_dir, case_id, NULL);
  char *final = g_build_filename(parent, "evidence", NULL);
  (void)remove_tree(final);
  (void)g_rmdir(parent);
  g_free(final);
  g_free(parent);
}

/* Whether name is a temporary folder of write_tree: ".<id>.evidence.XXXXXX"
   or ".<id>.old.XXXXXX". */
static bool evidence_temp(const char *name)
{
  if (name[0] != '.')
    return false;
  const char *tail = strrchr(name, '.');
  if (tail == NULL || strlen(tail) != 7 || tail == name)
    return false;
  size_t n = (size_t)(tail - name);
  return (n > 9 && strncmp(tail - 9, ".evidence", 9) == 0) ||
         (n > 4 && strncmp(tail - 4, ".old", 4) == 0);
}

bool sv_report_remove_evidence_temp(const char *dir, const char *name)
{
  if (!evidence_temp(name))
    return false;
  char *path = g_build_filename(dir, name, NULL);
  bool removed = g_file_test(path, G_FILE_TEST_IS_DIR) &&
                 !g_file_test(path, G_FILE_TEST_IS_SYMLINK) &&
                 remove_tree(path) == 0;
  g_free(path);
  return removed;
}
