/*
 * fuzz_files.c - libFuzzer harness for the XML inputs a user hands the
 * program: a rates file (stages/rules/rates.c) and a case.xml (ingest),
 * both through the safe loader and their schema.  The first byte picks
 * which.  The ruleset and wage table are loaded once and each input's
 * rates are read into it and dropped (rules_priv.h), the file written to
 * /dev/shm when it exists: thousands of inputs a second instead of the 250
 * of a whole sv_rules_load per input.  Built only with -DSV_FUZZ=ON
 * (scripts/fuzz.sh).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>

#include "ingest.h"
#include "rules/rules.h"
#include "rules/rules_priv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dir;
static struct sv_rules *base; /* the ruleset without rates, loaded once */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1 || size > 65536)
    return 0;
  if (dir == NULL) {
    xmlInitParser();
    if (g_file_test("/dev/shm", G_FILE_TEST_IS_DIR))
      dir = g_mkdtemp(g_strdup("/dev/shm/sv-fuzz-XXXXXX"));
    if (dir == NULL)
      dir = g_dir_make_tmp("sv-fuzz-XXXXXX", NULL);
    char *err = NULL;
    if (sv_rules_load(SV_DATA_DIR, "sre-2012", NULL, &base, &err) != SV_OK)
      abort();
  }
  if (data[0] % 2 == 0) {
    char *path = g_build_filename(dir, "rates.xml", NULL);
    g_file_set_contents(path, (const char *)data + 1, (gssize)size - 1, NULL);
    char *err = NULL;
    (void)sv_rules_load_rates(base, SV_DATA_DIR, path, &err);
    g_free(base->rates); /* the next input starts without rates */
    base->rates = NULL;
    base->nrates = 0;
    g_free(err);
    g_free(path);
  } else {
    char *path = g_build_filename(dir, "case.xml", NULL);
    g_file_set_contents(path, (const char *)data + 1, (gssize)size - 1, NULL);
    struct sv_config cfg = {0};
    cfg.data_dir = SV_DATA_DIR;
    g_date_clear(&cfg.today, 1);
    g_date_set_dmy(&cfg.today, 15, 11, 2026);
    struct sv_case *c = NULL;
    (void)sv_ingest_open_case(&cfg, dir, &c);
    sv_case_free(&c);
    g_free(path);
  }
  return 0;
}
