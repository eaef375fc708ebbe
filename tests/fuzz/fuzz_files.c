/*
 * fuzz_files.c - libFuzzer harness for the XML inputs a user hands the
 * program: a rates file (stages/rules/rates.c) and a case.xml (ingest),
 * both through the safe loader and their schema.  The first byte picks
 * which.  Built only with -DSV_FUZZ=ON (scripts/fuzz.sh).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include <glib.h>
#include <libxml/parser.h>

#include "ingest.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dir;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 1 || size > 65536)
    return 0;
  if (dir == NULL) {
    xmlInitParser();
    dir = g_dir_make_tmp("sv-fuzz-XXXXXX", NULL);
  }
  if (data[0] % 2 == 0) {
    char *path = g_build_filename(dir, "rates.xml", NULL);
    g_file_set_contents(path, (const char *)data + 1, (gssize)size - 1, NULL);
    struct sv_rules *r = NULL;
    char *err = NULL;
    (void)sv_rules_load(SV_DATA_DIR, "sre-2012", path, &r, &err);
    sv_rules_free(&r);
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
