/*
 * settings.c - what a run's settings come to: the memory each worker may
 * use (--max-memory) and the digest of every setting that shapes a report
 * (the rerun journal's "settings", pipeline/journal.h).
 */
#include "settings.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "../stages/render.h"
#include "digest.h"
#include "xmlsafe.h"

static gint str_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds "label sha256-of-file" to g (or "label none"). */
static void digest_file(GString *g, const char *label, const char *path)
{
  gchar *data = NULL;
  gsize len = 0;
  char *hex = path != NULL && g_file_get_contents(path, &data, &len, NULL)
                  ? sv_sha256_hex(data, len)
                  : NULL;
  g_string_append_printf(g, "%s %s\n", label, hex != NULL ? hex : "none");
  g_free(hex);
  g_free(data);
}

/* Adds every file under dir (sorted, recursively) to g. */
static void digest_tree(GString *g, const char *dir, const char *rel)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
  for (const char *n; d != NULL && (n = g_dir_read_name(d)) != NULL;)
    g_ptr_array_add(names, g_strdup(n));
  if (d != NULL)
    g_dir_close(d);
  g_ptr_array_sort(names, str_cmp);
  for (guint i = 0; i < names->len; i++) {
    const char *n = g_ptr_array_index(names, i);
    if (g_str_has_suffix(n, ".xsl"))
      continue; /* the HTML view's stylesheet shapes no report */
    char *path = g_build_filename(dir, n, NULL);
    char *r = rel[0] != '\0' ? g_strconcat(rel, "/", n, NULL) : g_strdup(n);
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
      digest_tree(g, path, r);
    } else {
      char *label = g_strconcat("data ", r, NULL);
      digest_file(g, label, path);
      g_free(label);
    }
    g_free(r);
    g_free(path);
  }
  g_ptr_array_free(names, TRUE);
}

char *sv_settings_digest(const struct sv_config *cfg)
{
  GString *g = g_string_new(NULL);
  char date[16];
  g_string_append_printf(g, "solvency %s\nruleset %s\npolicy %d\n",
                         SV_VERSION, cfg->ruleset_id, (int)cfg->policy);
  sv_xml_format_date(cfg->has_as_of ? &cfg->as_of : &cfg->today, date,
                     sizeof date);
  g_string_append_printf(g, "%s %s\n", cfg->has_as_of ? "as-of" : "today",
                         date);
  digest_file(g, "rates", cfg->rates_path);
  digest_tree(g, cfg->data_dir, "");
  g_string_append_printf(g, "max-pages %d\npixel-cap %.0f\n",
                         cfg->max_pages, sv_render_pixel_cap(cfg));
  g_string_append_printf(g, "evidence %s\n",
                         cfg->no_evidence ? "no" : "crops");
  char *hex = g_compute_checksum_for_string(G_CHECKSUM_SHA256, g->str,
                                            (gssize)g->len);
  g_string_free(g, TRUE);
  return hex;
}

/* Each worker (and its reader process) needs this much at least: the OCR
   models take about 130 MB, an A4 page at 300 dpi up to 70 MB more. */
#define SV_MIN_WORKER_MEMORY ((gint64)256 << 20)

/* Parses "800M", "2G", "1.5G", "512000K" or bytes; false when not a
   size. */
static bool parse_size(const char *s, gint64 *out)
{
  char *end = NULL;
  double v = g_ascii_strtod(s, &end);
  if (end == s || !(v > 0) || v > 1e18)
    return false;
  double unit = 1;
  switch (g_ascii_toupper(*end)) {
  case 'K': unit = 1024.0; end++; break;
  case 'M': unit = 1048576.0; end++; break;
  case 'G': unit = 1073741824.0; end++; break;
  case 'T': unit = 1099511627776.0; end++; break;
  default: break;
  }
  if (g_ascii_toupper(*end) == 'B' || g_ascii_toupper(*end) == 'I')
    end++;
  if (*end != '\0' || v * unit > 1e18)
    return false;
  *out = (gint64)(v * unit);
  return true;
}

bool sv_settings_memory(const char *arg, struct sv_config *cfg, char **err)
{
  gint64 total = 0;
  if (arg != NULL) {
    if (!parse_size(arg, &total)) {
      *err = g_strdup("not a size (e.g. 2G, 800M)");
      return false;
    }
  } else {
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    total = pages > 0 && size > 0 ? (gint64)pages * size / 4 * 3 : 0;
  }
  if (total <= 0) {
    cfg->worker_memory = 0;
    return true;
  }
  if (total < SV_MIN_WORKER_MEMORY) {
    *err = g_strdup_printf("at least %d M are needed for one worker",
                           (int)(SV_MIN_WORKER_MEMORY >> 20));
    return false;
  }
  int fit = (int)MIN(total / SV_MIN_WORKER_MEMORY, 256);
  if (cfg->jobs > fit) {
    if (!cfg->quiet)
      fprintf(stderr, "solvency: %d workers instead of %d, to stay within "
                      "%" G_GINT64_FORMAT " MB of memory (--max-memory)\n",
              fit, cfg->jobs, total >> 20);
    cfg->jobs = fit;
  }
  cfg->worker_memory = total / cfg->jobs;
  struct rlimit lim;
  if (getrlimit(RLIMIT_AS, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY &&
      (gint64)lim.rlim_cur < cfg->worker_memory)
    cfg->worker_memory = (gint64)lim.rlim_cur;
  return true;
}
