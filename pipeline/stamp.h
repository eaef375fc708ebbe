/*
 * stamp.h - a file's stamp: what its metadata says about whether its bytes
 * changed, for the rerun journal's quick test (pipeline/journal.h).
 *
 * Like git's index and make, a rerun trusts an input unchanged when its
 * size, modification time, change time and inode are those recorded, and
 * otherwise hashes it and compares the SHA-256.  The change time (ctime)
 * is what makes the quick test safe: tools that restore a modification
 * time (cp -p, rsync -t, unzip, touch -r) cannot set it; every write,
 * rename into place or metadata change moves it to the present.  A file
 * rewritten with the same size and its old mtime is therefore caught.
 *
 * The "racy" case (git's name): timestamps advance by a clock tick, so a
 * file written in the same tick just after it was looked at could keep
 * every field.  A stamp taken within SV_STAMP_RACY_NS of the file's last
 * change does not vouch for it (its ctime is stored as 0): the next run
 * hashes that file.
 */
#ifndef SV_STAMP_H
#define SV_STAMP_H

#include <glib.h>
#include <glib/gstdio.h>
#include <stdbool.h>

/* How recent a change must be for a stamp not to vouch for the file:
   far above a clock tick (1-10 ms), and above the clock skew of most
   network file systems. */
#define SV_STAMP_RACY_NS ((gint64)2000000000)

struct sv_stamp {
  gint64 size;     /* bytes */
  gint64 mtime_ns; /* modification time, ns since the epoch */
  gint64 ctime_ns; /* change time; 0: the stamp does not vouch */
  guint64 ino;     /* inode number */
};

/* The stamp of the file st describes (from lstat), taken at now_ns
   (g_get_real_time() * 1000). */
void sv_stamp_of(const GStatBuf *st, gint64 now_ns, struct sv_stamp *out);

/* The stamp of path now, as lstat sees it (a symbolic link is stamped,
   not followed); *regular tells whether it is a regular file.  False
   (and *out zeroed) when it cannot be seen. */
bool sv_stamp_file(const char *path, struct sv_stamp *out, bool *regular);

/* Whether recorded vouches that the file whose stamp is now has the bytes
   it had when recorded was taken: every field equal, and recorded not
   racy. */
bool sv_stamp_vouches(const struct sv_stamp *recorded,
                      const struct sv_stamp *now);

#endif
