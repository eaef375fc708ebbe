/*
 * settings.h - what a run's settings come to (settings.c).
 */
#ifndef SV_SETTINGS_H
#define SV_SETTINGS_H

#include <stdbool.h>

#include <glib.h>

#include "../stages/stage.h"

/* Returns owned: the SHA-256 of every setting that shapes a report (the
   rerun journal's "settings"): tool version, ruleset, policy, as-of (or
   today, when it stands in for a case without one), the rates file, every
   file of the data folder but the HTML stylesheets, the page and pixel
   limits, whether evidence crops are made. */
char *sv_settings_digest(const struct sv_config *cfg);

/* Sets cfg->worker_memory from --max-memory (arg; NULL: three quarters of
   the machine's memory), shared by cfg->jobs workers, and lowers cfg->jobs
   when each would get less than 256 MB.  A process address space limit
   (ulimit -v) caps each worker too: every reader process has its own.
   False with *err (owned) when arg is not a usable size. */
bool sv_settings_memory(const char *arg, struct sv_config *cfg, char **err);

#endif
