/*
 * test_shard.c - a batch split into shards and merged back (--shard K/N,
 * solvency merge; pipeline/shard.c, pipeline/merge.c).
 *
 * The text-layer sample cases run as three shards, each into its own
 * OUT_DIR, once with --shard K/3 and once as the tasks of a Slurm array
 * would (SLURM_ARRAY_TASK_ID 0-2 with SLURM_ARRAY_TASK_MIN 0 and
 * SLURM_ARRAY_TASK_COUNT 3, no option): the shards are disjoint and cover
 * every case, and `solvency merge` of either set gives reports, batch.xml
 * and batch.csv byte-identical to one run over all the cases.  Merging a
 * shard twice is refused (a case in two shards), and so is a shard that
 * does not exist.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>
#include <unistd.h>

#include "support.h"

#define RATES SV_SOURCE_DIR "/samples/rates.xml"

static bool text_case(const char *id) { return !sv_test_scanned_case(id); }

static int run(const char *root, const char *out, const char *shard)
{
  const char *argv[] = {"run", "-q", "-j", "2", "--as-of", "2026-11-15",
                        "--rates", RATES, root, "-o", out, shard, NULL};
  return sv_test_run(argv, NULL, NULL);
}

static int count_entries(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  int n = 0;
  while (d != NULL && g_dir_read_name(d) != NULL)
    n++;
  if (d != NULL)
    g_dir_close(d);
  return n;
}

static int count_reports(const char *dir)
{
  GDir *d = g_dir_open(dir, 0, NULL);
  int n = 0;
  for (const char *f; d != NULL && (f = g_dir_read_name(d)) != NULL;)
    n += g_str_has_suffix(f, ".xml") && strcmp(f, "batch.xml") != 0;
  if (d != NULL)
    g_dir_close(d);
  return n;
}

/* Every file of single but journal.tsv is in merged with the same bytes,
   and merged holds nothing else. */
static void assert_merged_equals(const char *single, const char *merged)
{
  char *why = sv_test_tree_diff(single, merged, "journal.tsv");
  if (why != NULL)
    fail_msg("the merge is not a single run's: %s", why);
}

static void test_shards_merge_to_a_single_run(void **state)
{
  (void)state;
  char *root = sv_test_sample_root("shard-root", text_case);
  int ncases = count_entries(root);
  char *single = sv_test_tmpdir("shard-single");
  assert_int_equal(run(root, single, NULL), 0);

  for (int way = 0; way < 2; way++) {
    char *dirs[3];
    int total = 0;
    for (int k = 1; k <= 3; k++) {
      dirs[k - 1] = sv_test_tmpdir("shard-part");
      if (way == 0) {
        char *arg = g_strdup_printf("--shard=%d/3", k);
        assert_int_equal(run(root, dirs[k - 1], arg), 0);
        g_free(arg);
      } else { /* as a task of `sbatch --array=0-2` */
        char id[8];
        g_snprintf(id, sizeof id, "%d", k - 1);
        g_setenv("SLURM_ARRAY_TASK_ID", id, TRUE);
        g_setenv("SLURM_ARRAY_TASK_MIN", "0", TRUE);
        g_setenv("SLURM_ARRAY_TASK_COUNT", "3", TRUE);
        assert_int_equal(run(root, dirs[k - 1], NULL), 0);
        g_unsetenv("SLURM_ARRAY_TASK_ID");
        g_unsetenv("SLURM_ARRAY_TASK_MIN");
        g_unsetenv("SLURM_ARRAY_TASK_COUNT");
      }
      int n = count_reports(dirs[k - 1]);
      assert_true(n < ncases); /* a slice, not the whole */
      total += n;
    }
    assert_int_equal(total, ncases); /* disjoint and covering */
    /* into a folder that does not exist yet, as a Slurm merge job does */
    char *top = sv_test_tmpdir("shard-merged");
    char *merged = g_build_filename(top, "merged", NULL);
    const char *argv[] = {"merge", "-q", dirs[0], dirs[1], dirs[2], "-o",
                          merged, NULL};
    assert_int_equal(sv_test_run(argv, NULL, NULL), 0);
    assert_merged_equals(single, merged);
    if (way == 1) {
      /* the same shard twice: a case in two shards */
      char *again = sv_test_tmpdir("shard-again");
      const char *twice[] = {"merge", dirs[0], dirs[0], "-o", again, NULL};
      char *err = NULL;
      assert_int_equal(sv_test_run(twice, NULL, &err), 1);
      assert_non_null(strstr(err, "is in both"));
      g_free(err);
      sv_test_rmtree(again);
      g_free(again);
    }
    for (int k = 0; k < 3; k++) {
      sv_test_rmtree(dirs[k]);
      g_free(dirs[k]);
    }
    sv_test_rmtree(top);
    g_free(merged);
    g_free(top);
  }
  /* shard 4 of 3 does not exist */
  char *bad = sv_test_tmpdir("shard-bad");
  assert_int_equal(run(root, bad, "--shard=4/3"), 2);
  sv_test_rmtree(bad);
  g_free(bad);
  sv_test_rmtree(single);
  sv_test_rmtree(root);
  g_free(single);
  g_free(root);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_shards_merge_to_a_single_run),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
