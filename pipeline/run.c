/*
 * run.c - `solvency run [options] CASES_ROOT -o OUT_DIR`: parses the
 * options, loads the ruleset, wage table and rates once, lists the case
 * folders in name order (this shard's), hands them to the engine with the
 * rerun journal, then writes batch.xml and batch.csv (and the HTML view),
 * prints the summary and picks the exit status: 0 every case reported, 1
 * some case could not be, 2 bad usage, 128 + N when signal N stopped the
 * batch (the cases in progress are finished and batch.xml lists what was
 * done).
 */
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "../stages/report.h"
#include "../stages/rules/rules.h"
#include "engine.h"
#include "html.h"
#include "journal.h"
#include "settings.h"
#include "shard.h"
#include "xmlsafe.h"

#define EXIT_USAGE 2
/* Free space OUT_DIR must have before a batch starts. */
#define SV_MIN_FREE_BYTES (16 * 1024 * 1024)

static const char summary[] =
    "Reads applicant case folders (bank statements, deeds, letters; PDF,\n"
    "PNG, JPEG, TIFF), checks them against the economic-solvency rules of\n"
    "Mexican consulates and writes one XML verdict report per case to\n"
    "OUT_DIR/<case-id>.xml, plus OUT_DIR/batch.xml and batch.csv; with\n"
    "--html also OUT_DIR/<case-id>.html and OUT_DIR/index.html for auditors\n"
    "('solvency render REPORT.xml' renders one report).\n"
    "\n"
    "Each immediate subfolder of CASES_ROOT is one case.\n"
    "\n"
    "Exit status: 0 every case got its report, 1 some case could not be\n"
    "evaluated or reported, 2 bad usage, 128+N stopped by signal N (the\n"
    "cases in progress were finished; batch.xml lists them).";

struct opts {
  char *out_dir;
  char *as_of;
  char *rates;
  char *ruleset;
  char *policy;
  char *data_dir;
  int jobs;
  int max_pages;
  char *max_memory;
  int page_timeout;
  gboolean in_process;
  gboolean force;
  gboolean no_evidence;
  char *shard;
  gboolean quiet;
  gboolean stats;
  gboolean html;
  char *lang;
  gboolean version;
};

static int usage_error(GOptionContext *ctx, const char *fmt, ...)
    G_GNUC_PRINTF(2, 3);

static int usage_error(GOptionContext *ctx, const char *fmt, ...)
{
  (void)ctx;
  va_list ap;
  va_start(ap, fmt);
  fputs("solvency: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputs("\nTry 'solvency run --help'.\n", stderr);
  va_end(ap);
  return EXIT_USAGE;
}

static gint str_cmp(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists CASES_ROOT's immediate subfolders (not hidden, not OUT_DIR). */
static GPtrArray *list_cases(const char *root, const char *out_dir,
                             size_t *loose_files, char **err)
{
  GError *gerr = NULL;
  GDir *d = g_dir_open(root, 0, &gerr);
  if (d == NULL) {
    *err = g_strdup(gerr->message);
    g_error_free(gerr);
    return NULL;
  }
  char *out_real = realpath(out_dir, NULL);
  GPtrArray *dirs = g_ptr_array_new_with_free_func(g_free);
  const char *name;
  *loose_files = 0;
  while ((name = g_dir_read_name(d)) != NULL) {
    if (name[0] == '.')
      continue;
    char *path = g_build_filename(root, name, NULL);
    if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
      (*loose_files)++;
      g_free(path);
      continue;
    }
    char *real = realpath(path, NULL);
    if (out_real != NULL && real != NULL && strcmp(real, out_real) == 0) {
      free(real);
      g_free(path);
      continue; /* the output folder is not a case */
    }
    free(real);
    g_ptr_array_add(dirs, path);
  }
  g_dir_close(d);
  free(out_real);
  g_ptr_array_sort(dirs, str_cmp);
  return dirs;
}

/* Whether a file can be created, written and removed in dir; *err set
   (owned) when not. */
static bool out_dir_writable(const char *dir, char **err)
{
  char *probe = g_build_filename(dir, ".solvency-probe.XXXXXX", NULL);
  int fd = g_mkstemp_full(probe, O_WRONLY | O_CLOEXEC, 0600);
  bool ok = fd >= 0;
  if (ok) {
    ok = write(fd, "x", 1) == 1;
    int saved = errno;
    close(fd);
    g_unlink(probe);
    errno = saved;
  }
  if (!ok)
    *err = g_strdup(g_strerror(errno));
  g_free(probe);
  /* reports are small, but a disk already full fails every one of them */
  struct statvfs vfs;
  if (ok && statvfs(dir, &vfs) == 0 &&
      (unsigned long long)vfs.f_bavail * vfs.f_frsize < SV_MIN_FREE_BYTES) {
    *err = g_strdup_printf("only %llu KiB free (at least %d MiB needed)",
                           (unsigned long long)vfs.f_bavail * vfs.f_frsize /
                               1024,
                           SV_MIN_FREE_BYTES / (1024 * 1024));
    ok = false;
  }
  return ok;
}

int sv_run_main(int argc, char **argv, const char *default_data_dir,
                const int *stop)
{
  int rc = EXIT_USAGE;
  struct opts o = {.jobs = 0};
  GOptionContext *ctx = NULL;
  GError *gerr = NULL;
  struct sv_rules *rules = NULL;
  GPtrArray *cases = NULL;
  GPtrArray *args = NULL;
  char **strv = NULL;
  char *err = NULL;
  struct sv_engine_result res = {0};
  struct sv_journal *journal = NULL;
  char *settings = NULL;
  struct sv_html *html = NULL;

  GOptionEntry entries[] = {
      {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.out_dir,
       "Folder for the reports (created if missing)", "OUT_DIR"},
      {"as-of", 0, 0, G_OPTION_ARG_STRING, &o.as_of,
       "Evaluation date (default: case.xml's asOf, else today)",
       "YYYY-MM-DD"},
      {"rates", 0, 0, G_OPTION_ARG_FILENAME, &o.rates,
       "Exchange rates file; without it only MXN amounts are evaluated",
       "FILE"},
      {"ruleset", 0, 0, G_OPTION_ARG_STRING, &o.ruleset,
       "Ruleset: sre-2012 (default), sre-2014, sre-2025, or auto (the one "
       "in force on each case's as-of date: what a consulate applies "
       "today)",
       "ID"},
      {"policy", 0, 0, G_OPTION_ARG_STRING, &o.policy,
       "How a savings window is judged: mean (default: the mean of its "
       "months) or every-month (each month must reach the figure)",
       "POLICY"},
      {"jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs,
       "Worker threads (default: the number of cores)", "N"},
      {"max-pages", 0, 0, G_OPTION_ARG_INT, &o.max_pages,
       "Pages a document may have; a longer one is refused with the "
       "reason (default: 500)",
       "N"},
      {"max-memory", 0, 0, G_OPTION_ARG_STRING, &o.max_memory,
       "Memory the run may use, shared by the workers (e.g. 2G, 800M; "
       "default: three quarters of the machine's memory); a page that "
       "would not fit is refused, and fewer workers run when each would "
       "get less than 256M",
       "SIZE"},
      {"page-timeout", 0, 0, G_OPTION_ARG_INT, &o.page_timeout,
       "Seconds a page may take before its reader process is stopped and "
       "the document failed (default: 300)",
       "S"},
      {"shard", 0, 0, G_OPTION_ARG_STRING, &o.shard,
       "Process only shard K of N of the case folders (a deterministic "
       "slice by folder name), each shard into its own OUT_DIR, joined "
       "with 'solvency merge'; auto/N takes K from SLURM_ARRAY_TASK_ID or "
       "JOB_COMPLETION_INDEX (a Slurm array task gets its shard without "
       "the option)",
       "K/N"},
      {"force", 0, 0, G_OPTION_ARG_NONE, &o.force,
       "Redo every case; without it a rerun over the same OUT_DIR skips "
       "the cases whose files, case.xml and settings are unchanged since "
       "their report (OUT_DIR/journal.tsv)",
       NULL},
      {"no-evidence", 0, 0, G_OPTION_ARG_NONE, &o.no_evidence,
       "Make no evidence crops: by default every figure that feeds a test "
       "and every holder's name gets a PNG of the page region it was read "
       "from in OUT_DIR/<case-id>/evidence/, named by the figure's "
       "@evidence in the report",
       NULL},
      {"in-process", 0, 0, G_OPTION_ARG_NONE, &o.in_process,
       "Render and OCR in the worker threads themselves, without reader "
       "processes (faster to debug; a crash in a library then ends the "
       "run)",
       NULL},
      {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet,
       "No progress line and no summary", NULL},
      {"stats", 0, 0, G_OPTION_ARG_NONE, &o.stats,
       "At the end, print on stderr what the run did and cost: wall and "
       "CPU time, CPU by stage, pages by route (text layer, OCR, read by "
       "another worker), figures re-read, queue high-water marks and peak "
       "memory of this process and of the reader processes",
       NULL},
      {"html", 0, 0, G_OPTION_ARG_NONE, &o.html,
       "Also write OUT_DIR/<case-id>.html beside each report and "
       "OUT_DIR/index.html (every case of batch.xml, those needing review "
       "first): the auditor's view, from the data folder's report.xsl",
       NULL},
      {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang,
       "Language of the HTML pages: en (default) or es", "LANG"},
      {"data-dir", 0, 0, G_OPTION_ARG_FILENAME, &o.data_dir,
       "Folder with the XSDs, rulesets and wage table (default: "
       "$SOLVENCY_DATA_DIR, else the build's schemas/)",
       "DIR"},
      {"version", 'V', 0, G_OPTION_ARG_NONE, &o.version,
       "Print the version and exit", NULL},
      {NULL, 0, 0, 0, NULL, NULL, NULL}};

  ctx = g_option_context_new("CASES_ROOT -o OUT_DIR");
  g_option_context_set_summary(ctx, "Usage: solvency run [options] "
                                    "CASES_ROOT -o OUT_DIR");
  g_option_context_set_description(ctx, summary);
  g_option_context_add_main_entries(ctx, entries, NULL);

  /* `solvency run ...` is the command; `solvency --help/--version` too. */
  if (argc >= 2 && strcmp(argv[1], "run") == 0) {
    g_set_prgname("solvency run");
    argv[1] = argv[0];
    argv++;
    argc--;
  } else if (argc >= 2 && argv[1][0] != '-') {
    rc = usage_error(ctx, "unknown command '%s' (the commands are 'run', "
                          "'merge' and 'render')",
                     argv[1]);
    goto out;
  }
  /* "-j2" and "-oOUT" as well as "-j 2": GOption wants the value apart */
  args = g_ptr_array_new_with_free_func(g_free);
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if (i > 0 && a[0] == '-' && (a[1] == 'j' || a[1] == 'o') &&
        a[2] != '\0') {
      g_ptr_array_add(args, g_strndup(a, 2));
      g_ptr_array_add(args, g_strdup(a + 2));
    } else {
      g_ptr_array_add(args, g_strdup(a));
    }
  }
  g_ptr_array_add(args, NULL);
  strv = (char **)g_ptr_array_free(args, FALSE);
  args = NULL;
  if (!g_option_context_parse_strv(ctx, &strv, &gerr)) {
    rc = usage_error(ctx, "%s", gerr->message);
    goto out;
  }
  if (o.version) {
    printf("solvency %s\n", SV_VERSION);
    rc = 0;
    goto out;
  }
  argc = (int)g_strv_length(strv);
  argv = strv;
  if (argc != 2) {
    rc = usage_error(ctx, argc < 2 ? "CASES_ROOT is missing"
                                   : "only one CASES_ROOT is allowed");
    goto out;
  }
  if (o.out_dir == NULL) {
    rc = usage_error(ctx, "-o OUT_DIR is missing");
    goto out;
  }
  if (o.lang != NULL && (!o.html || !sv_html_lang_valid(o.lang))) {
    rc = usage_error(ctx, o.html ? "--lang '%s': use en or es"
                                 : "--lang '%s' goes with --html",
                     o.lang);
    goto out;
  }

  struct sv_config cfg = {0};
  cfg.cases_root = argv[1];
  cfg.out_dir = o.out_dir;
  cfg.ruleset_id = o.ruleset != NULL ? o.ruleset : "sre-2012";
  cfg.rates_path = o.rates;
  cfg.quiet = o.quiet;
  if (o.policy == NULL || strcmp(o.policy, "mean") == 0) {
    cfg.policy = SV_POLICY_MEAN;
  } else if (strcmp(o.policy, "every-month") == 0) {
    cfg.policy = SV_POLICY_EVERY_MONTH;
  } else {
    rc = usage_error(ctx, "--policy '%s': use mean or every-month",
                     o.policy);
    goto out;
  }
  cfg.jobs = o.jobs > 0 ? o.jobs : (int)g_get_num_processors();
  if (o.jobs < 0 || o.jobs > 256) {
    rc = usage_error(ctx, "-j must be between 1 and 256");
    goto out;
  }
  if (o.max_pages < 0 || o.page_timeout < 0) {
    rc = usage_error(ctx, "--max-pages and --page-timeout must be positive");
    goto out;
  }
  cfg.max_pages = o.max_pages;
  cfg.page_timeout = o.page_timeout;
  if (!sv_settings_memory(o.max_memory, &cfg, &err)) {
    rc = usage_error(ctx, "--max-memory '%s': %s", o.max_memory, err);
    goto out;
  }
  cfg.reader_exe = o.in_process ? NULL : "/proc/self/exe";
  cfg.no_evidence = o.no_evidence;
  g_date_clear(&cfg.as_of, 1);
  g_date_clear(&cfg.today, 1);
  g_date_set_time_t(&cfg.today, time(NULL));
  if (o.as_of != NULL) {
    if (!sv_xml_parse_date(o.as_of, &cfg.as_of)) {
      rc = usage_error(ctx, "--as-of '%s' is not a date (YYYY-MM-DD)",
                       o.as_of);
      goto out;
    }
    cfg.has_as_of = true;
  }
  char *data_dir = o.data_dir != NULL ? g_strdup(o.data_dir)
                                      : g_strdup(default_data_dir);
  g_free(o.data_dir);
  o.data_dir = data_dir;
  cfg.data_dir = o.data_dir;

  if (!g_file_test(cfg.cases_root, G_FILE_TEST_IS_DIR)) {
    rc = usage_error(ctx, "CASES_ROOT '%s' is not a folder", cfg.cases_root);
    goto out;
  }
  sv_status st = sv_rules_load(cfg.data_dir, cfg.ruleset_id, cfg.rates_path,
                               &rules, &err);
  if (st != SV_OK) {
    rc = usage_error(ctx, "%s", err);
    goto out;
  }
  cfg.rules = rules;
  /* the stylesheet is compiled now: a broken one is found before the
     batch, not after it */
  if (o.html && sv_html_new(cfg.data_dir, &html, &err) != SV_OK) {
    rc = usage_error(ctx, "--html: %s", err);
    goto out;
  }

  if (g_mkdir_with_parents(cfg.out_dir, 0700) != 0) {
    fprintf(stderr, "solvency: cannot create OUT_DIR '%s': %s\n",
            cfg.out_dir, g_strerror(errno));
    rc = 1;
    goto out;
  }
  /* an earlier run killed while writing may have left temporary files;
     and a folder we cannot write into is found out now, not at the end */
  sv_report_clean_temps(cfg.out_dir);
  if (!out_dir_writable(cfg.out_dir, &err)) {
    fprintf(stderr, "solvency: cannot write into OUT_DIR '%s': %s\n",
            cfg.out_dir, err);
    rc = 1;
    goto out;
  }
  size_t loose = 0;
  cases = list_cases(cfg.cases_root, cfg.out_dir, &loose, &err);
  if (cases == NULL) {
    fprintf(stderr, "solvency: cannot list CASES_ROOT '%s': %s\n",
            cfg.cases_root, err);
    rc = 1;
    goto out;
  }
  int shard_k = 0, shard_n = 0;
  if (!sv_shard_get(o.shard, &shard_k, &shard_n, &err)) {
    rc = usage_error(ctx, "%s", err);
    goto out;
  }
  if (shard_n > 0) { /* only this shard's folders */
    size_t all = cases->len;
    for (guint i = cases->len; i-- > 0;) {
      char *base = g_path_get_basename(g_ptr_array_index(cases, i));
      if (!sv_shard_has(shard_k, shard_n, base))
        g_ptr_array_remove_index(cases, i);
      g_free(base);
    }
    if (!cfg.quiet)
      fprintf(stderr, "solvency: shard %d of %d: %u of %zu case folders\n",
              shard_k, shard_n, cases->len, all);
  }
  if (cases->len == 0 && loose > 0) {
    rc = usage_error(ctx,
                     "CASES_ROOT '%s' holds files but no case folders; each "
                     "applicant's documents go in a subfolder of CASES_ROOT",
                     cfg.cases_root);
    goto out;
  }

  settings = sv_settings_digest(&cfg);
  journal = sv_journal_open(cfg.out_dir, settings, o.force, &err);
  if (journal == NULL) {
    fprintf(stderr, "solvency: %s\n", err);
    rc = 1;
    goto out;
  }
  cfg.journal = journal;
  cfg.stop = stop;
  gint64 t0 = g_get_monotonic_time();
  sv_engine_run(&cfg, sv_stages, (char *const *)cases->pdata, cases->len,
                &res);
  double wall = (double)(g_get_monotonic_time() - t0) / 1e6;
  /* the journal of this run's cases only (a shard keeps every block: its
     OUT_DIR may be shared by mistake, and nothing of another shard's may
     be dropped or removed) */
  if (!res.stopped && shard_n == 0) {
    GBytes *compact = sv_journal_compact(journal, res.entries, res.nentries);
    size_t stale = sv_journal_remove_stale(journal, res.entries, res.nentries);
    if (stale > 0 && !cfg.quiet)
      printf("solvency: %zu report%s of case folders no longer there "
             "removed\n",
             stale, stale == 1 ? "" : "s");
    sv_journal_free(&journal);
    char *jerr = NULL;
    if (sv_report_write_file(cfg.out_dir, SV_JOURNAL_FILE, compact, &jerr) !=
        SV_OK)
      fprintf(stderr, "solvency: %s\n", jerr); /* the next run redoes */
    g_free(jerr);
    g_bytes_unref(compact);
  }

  st = sv_report_write_batch(&cfg, res.entries, res.nentries, &err);
  if (st == SV_OK)
    st = sv_report_write_batch_csv(&cfg, res.entries, res.nentries, &err);
  rc = res.failed > 0 || st != SV_OK ? 1 : 0;
  /* every case without a report is named, whether or not batch.xml could
     be written */
  for (size_t i = 0; i < res.nentries; i++)
    if (res.entries[i].failed)
      fprintf(stderr, "solvency: case %s (%s): no report: %s\n",
              res.entries[i].case_id, res.entries[i].folder,
              res.entries[i].error != NULL ? res.entries[i].error : "failed");
  if (st != SV_OK) {
    fprintf(stderr, "solvency: %s\n", err);
    goto out;
  }
  /* the pages of every case batch.xml lists (skipped ones too: a page
     costs a few milliseconds), then the index */
  g_clear_pointer(&err, g_free);
  if (html != NULL && sv_html_index(html, cfg.out_dir,
                                    o.lang != NULL ? o.lang : "en", true,
                                    NULL, &err) != SV_OK) {
    fprintf(stderr, "solvency: HTML view: %s\n", err);
    rc = 1;
  }
  if (res.stopped) {
    int sig = g_atomic_int_get(stop);
    fprintf(stderr,
            "solvency: stopped by signal %d: %zu of %zu cases done (listed "
            "in batch.xml), the others not started\n",
            sig, res.nentries, res.cases);
    rc = 128 + sig;
    goto out;
  }
  if (!cfg.quiet) {
    printf("solvency: %zu case%s, %zu document%s: %zu meets, %zu "
           "needs-review, %zu insufficient-evidence, %zu not-met",
           res.cases, res.cases == 1 ? "" : "s", res.documents,
           res.documents == 1 ? "" : "s", res.outcomes[SV_OUTCOME_MEETS],
           res.outcomes[SV_OUTCOME_NEEDS_REVIEW],
           res.outcomes[SV_OUTCOME_INSUFFICIENT],
           res.outcomes[SV_OUTCOME_NOT_MET]);
    if (res.outcomes[SV_OUTCOME_NOT_APPLICABLE] > 0)
      printf(", %zu not-applicable", res.outcomes[SV_OUTCOME_NOT_APPLICABLE]);
    if (res.failed > 0)
      printf(", %zu failed", res.failed);
    if (res.skipped > 0)
      printf("; %zu unchanged since the last run, not redone (--force "
             "redoes them)",
             res.skipped);
    printf("\nsolvency: reports in %s (batch.xml lists every case)\n",
           cfg.out_dir);
    if (html != NULL)
      printf("solvency: auditor's view: %s/index.html\n", cfg.out_dir);
  }
  if (o.stats) {
    struct rusage self = {0};
    getrusage(RUSAGE_SELF, &self);
    fflush(stdout);
    sv_stats_print(stderr, &res.stats, wall, cfg.jobs, self.ru_maxrss);
  }

out:
  sv_engine_result_clear(&res);
  if (cases != NULL)
    g_ptr_array_free(cases, TRUE);
  sv_rules_free(&rules);
  g_clear_error(&gerr);
  g_free(err);
  g_free(o.out_dir);
  g_free(o.as_of);
  g_free(o.rates);
  g_free(o.ruleset);
  g_free(o.policy);
  g_free(o.data_dir);
  g_free(o.max_memory);
  g_free(o.shard);
  g_free(o.lang);
  sv_html_free(&html);
  sv_journal_free(&journal);
  g_free(settings);
  g_strfreev(strv);
  if (ctx != NULL)
    g_option_context_free(ctx);
  return rc;
}
