/*
 * test_shard.c - which shard a run is, and which folders it takes
 * (pipeline/shard.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "shard.h"

static void clear_env(void)
{
  g_unsetenv("SLURM_ARRAY_TASK_ID");
  g_unsetenv("SLURM_ARRAY_TASK_MIN");
  g_unsetenv("SLURM_ARRAY_TASK_COUNT");
  g_unsetenv("JOB_COMPLETION_INDEX");
}

/* K/N, auto/N from Slurm or Kubernetes, and Slurm alone. */
static void test_shard_get(void **state)
{
  (void)state;
  int k = -1, n = -1;
  char *err = NULL;
  clear_env();
  assert_true(sv_shard_get(NULL, &k, &n, &err));
  assert_int_equal(n, 0); /* no shard: the whole batch */
  assert_true(sv_shard_get("2/5", &k, &n, &err));
  assert_int_equal(k, 2);
  assert_int_equal(n, 5);
  static const char *const bad[] = {"0/5", "6/5", "5", "/5", "a/5", "2/0",
                                    "2/5x", "-1/5", "auto/5"};
  for (size_t i = 0; i < G_N_ELEMENTS(bad); i++) {
    assert_false(sv_shard_get(bad[i], &k, &n, &err));
    assert_non_null(err);
    g_free(err);
    err = NULL;
  }
  /* a Slurm array numbered 4-6: task 5 is shard 2 of 3 */
  g_setenv("SLURM_ARRAY_TASK_ID", "5", TRUE);
  g_setenv("SLURM_ARRAY_TASK_MIN", "4", TRUE);
  g_setenv("SLURM_ARRAY_TASK_COUNT", "3", TRUE);
  assert_true(sv_shard_get(NULL, &k, &n, &err));
  assert_int_equal(k, 2);
  assert_int_equal(n, 3);
  g_setenv("SLURM_ARRAY_TASK_ID", "9", TRUE); /* 9 - 4 + 1 = 6 > 3 */
  assert_false(sv_shard_get(NULL, &k, &n, &err));
  g_free(err);
  err = NULL;
  clear_env();
  /* a Kubernetes indexed job: 0-based index, N given */
  g_setenv("JOB_COMPLETION_INDEX", "3", TRUE);
  assert_true(sv_shard_get("auto/4", &k, &n, &err));
  assert_int_equal(k, 4);
  assert_int_equal(n, 4);
  clear_env();
}

/* Every folder is in exactly one shard, always the same one, and the
   shards are not all empty. */
static void test_shard_partition(void **state)
{
  (void)state;
  int sizes[4] = {0};
  for (int i = 0; i < 400; i++) {
    char name[32];
    g_snprintf(name, sizeof name, "case-%04d", i);
    int owners = 0;
    for (int k = 1; k <= 4; k++)
      if (sv_shard_has(k, 4, name)) {
        owners++;
        sizes[k - 1]++;
      }
    assert_int_equal(owners, 1);
    assert_true(sv_shard_has(0, 0, name)); /* no shard takes all */
  }
  for (int k = 0; k < 4; k++)
    assert_true(sizes[k] > 60); /* about 100 each */
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_shard_get),
      cmocka_unit_test(test_shard_partition),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
