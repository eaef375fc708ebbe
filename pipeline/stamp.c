/*
 * stamp.c - a file's stamp (see stamp.h).
 */
#include "stamp.h"

#include <glib/gstdio.h>
#include <string.h>

void sv_stamp_of(const GStatBuf *st, gint64 now_ns, struct sv_stamp *out)
{
  out->size = (gint64)st->st_size;
  out->mtime_ns = (gint64)st->st_mtim.tv_sec * 1000000000 +
                  st->st_mtim.tv_nsec;
  out->ctime_ns = (gint64)st->st_ctim.tv_sec * 1000000000 +
                  st->st_ctim.tv_nsec;
  out->ino = (guint64)st->st_ino;
  /* changed moments ago (or in the future: a clock set back): the same
     tick may yet bring another change that leaves every field as it is */
  if (out->ctime_ns > now_ns - SV_STAMP_RACY_NS)
    out->ctime_ns = 0;
}

bool sv_stamp_file(const char *path, struct sv_stamp *out, bool *regular)
{
  GStatBuf st;
  memset(out, 0, sizeof *out);
  *regular = false;
  if (g_lstat(path, &st) != 0)
    return false;
  sv_stamp_of(&st, g_get_real_time() * 1000, out);
  *regular = S_ISREG(st.st_mode);
  return true;
}

bool sv_stamp_vouches(const struct sv_stamp *recorded,
                      const struct sv_stamp *now)
{
  return recorded->ctime_ns != 0 && recorded->size == now->size &&
         recorded->mtime_ns == now->mtime_ns &&
         recorded->ctime_ns == now->ctime_ns && recorded->ino == now->ino;
}
