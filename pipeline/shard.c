/*
 * shard.c - a batch's slice (see shard.h).
 */
#include "shard.h"

#include <errno.h>
#include <glib.h>
#include <string.h>

#define SV_SHARD_MAX 100000

/* Parses a whole decimal number in [lo, hi]. */
static bool number(const char *s, int lo, int hi, int *out)
{
  char *end = NULL;
  if (s == NULL || !g_ascii_isdigit(s[0]))
    return false;
  errno = 0;
  gint64 v = g_ascii_strtoll(s, &end, 10);
  if (errno != 0 || *end != '\0' || v < lo || v > hi)
    return false;
  *out = (int)v;
  return true;
}

/* K (1-based) from the environment, or 0 when none says. */
static bool k_from_env(int *k, char **err)
{
  const char *id = g_getenv("SLURM_ARRAY_TASK_ID");
  const char *min = g_getenv("SLURM_ARRAY_TASK_MIN");
  const char *index = g_getenv("JOB_COMPLETION_INDEX");
  int v = 0, m = 0;
  *k = 0;
  if (id != NULL) {
    if (!number(id, 0, SV_SHARD_MAX, &v) ||
        (min != NULL && !number(min, 0, v, &m))) {
      *err = g_strdup_printf("SLURM_ARRAY_TASK_ID '%s' (minimum '%s') is "
                             "not a task number",
                             id, min != NULL ? min : "");
      return false;
    }
    *k = v - m + 1;
  } else if (index != NULL) {
    if (!number(index, 0, SV_SHARD_MAX - 1, &v)) {
      *err = g_strdup_printf("JOB_COMPLETION_INDEX '%s' is not an index",
                             index);
      return false;
    }
    *k = v + 1;
  }
  return true;
}

bool sv_shard_get(const char *arg, int *k, int *n, char **err)
{
  *k = *n = 0;
  *err = NULL;
  if (arg == NULL) { /* a Slurm array task without --shard */
    const char *count = g_getenv("SLURM_ARRAY_TASK_COUNT");
    if (count == NULL || g_getenv("SLURM_ARRAY_TASK_ID") == NULL)
      return true;
    if (!number(count, 1, SV_SHARD_MAX, n)) {
      *err = g_strdup_printf("SLURM_ARRAY_TASK_COUNT '%s' is not a count",
                             count);
      return false;
    }
    if (!k_from_env(k, err))
      return false;
  } else {
    const char *slash = strchr(arg, '/');
    char *left = slash != NULL ? g_strndup(arg, (gsize)(slash - arg)) : NULL;
    bool ok = left != NULL && number(slash + 1, 1, SV_SHARD_MAX, n);
    if (ok && strcmp(left, "auto") == 0) {
      ok = k_from_env(k, err);
      if (ok && *k == 0) {
        *err = g_strdup("--shard auto/N: neither SLURM_ARRAY_TASK_ID nor "
                        "JOB_COMPLETION_INDEX is set");
        ok = false;
      }
    } else if (ok) {
      ok = number(left, 1, SV_SHARD_MAX, k);
    }
    g_free(left);
    if (!ok) {
      if (*err == NULL)
        *err = g_strdup_printf("--shard '%s': use K/N with 1 <= K <= N, or "
                               "auto/N",
                               arg);
      return false;
    }
  }
  if (*k < 1 || *k > *n) {
    *err = g_strdup_printf("shard %d of %d does not exist (shards are "
                           "numbered 1 to %d)",
                           *k, *n, *n);
    return false;
  }
  return true;
}

bool sv_shard_has(int k, int n, const char *folder)
{
  if (n <= 0)
    return true;
  guint8 digest[32];
  gsize len = sizeof digest;
  GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
  g_checksum_update(c, (const guchar *)folder, (gssize)strlen(folder));
  g_checksum_get_digest(c, digest, &len);
  g_checksum_free(c);
  guint64 v = 0;
  for (int i = 0; i < 8; i++)
    v = v << 8 | digest[i];
  return (int)(v % (guint64)n) == k - 1;
}
