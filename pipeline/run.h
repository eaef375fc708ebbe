/*
 * run.h - the `solvency run` command (run.c).
 */
#ifndef SV_RUN_H
#define SV_RUN_H

/* Runs `solvency run` (argv[1] is "run", or an option: `solvency
   --help`); default_data_dir is where the schemas are unless --data-dir
   says otherwise; *stop (read atomically) turns to the number of the
   first stopping signal.  Returns the exit status.  The caller has set up
   libxml2 and the signal watcher. */
int sv_run_main(int argc, char **argv, const char *default_data_dir,
                const int *stop);

#endif
