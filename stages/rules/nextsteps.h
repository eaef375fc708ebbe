/*
 * nextsteps.h - the INM procedures table and the next step after a met
 * stay.
 *
 * The table (schemas/data/inm-procedures.xml, validated by
 * schemas/inm-procedures.xsd) lists INM procedures inside Mexico with
 * whether each needs an appointment booked online and since when, where
 * it is done, its time limit when one is known (with how firmly the
 * sources establish it), each with the seed sentence it rests on; and, for
 * every characteristic of stay of the rulesets, the procedure that
 * follows when a consulate grants it (the canje of a residency visa) or
 * "none" with why (a visitor visa).  Part of the rules library: loaded
 * once by sv_rules_load in main before any thread starts, read-only
 * afterwards, so every function taking a const table is MT safe.
 * evaluate calls sv_nextsteps_fill on the collector thread; the report
 * prints the steps as r:nextSteps.
 */
#ifndef SV_NEXTSTEPS_H
#define SV_NEXTSTEPS_H

#include <glib.h>
#include <stdbool.h>

#include "../../pipeline/model.h"
#include "../../pipeline/status.h"

struct sv_nextsteps;

/* The procedure id a stay with no INM procedure after it maps to. */
#define SV_NEXTSTEP_NONE "none"

/* One INM procedure, as the table states it.  Every string is borrowed:
   valid while the table lives. */
struct sv_inm_procedure {
  const char *id;
  bool online;       /* an appointment must be booked online */
  GDate since;       /* ... since this day (invalid when not online) */
  const char *where; /* "inm-office" or "consulate" */
  const char *name_en;
  const char *name_es;
  const char *source;            /* the file it comes from */
  const char *quote;             /* its sentence there */
  int within_days;               /* time limit in calendar days, 0 when none */
  const char *within_after;      /* "entry", NULL when no limit */
  const char *within_confidence; /* confirmed, single-source, derived,
                                    unconfirmed; NULL when no limit */
  const char *within_source;     /* NULL when no limit */
  const char *within_note;       /* how firm it is, a few plain words;
                                    NULL when no limit */
};

/* What follows a characteristic of stay when it is met. */
struct sv_inm_next {
  const char *stay;
  const struct sv_inm_procedure *procedure; /* NULL: none follows */
  const char *card;  /* the card the procedure gives, or NULL */
  const char *where; /* with none: where the applicant goes instead */
  const char *note;  /* with none: plain words saying why, or NULL */
  const char *source;
};

/* Loads data_dir/data/inm-procedures.xml validated by
   data_dir/inm-procedures.xsd.  On failure returns the status and sets
   *err to an owned message naming the file (free with g_free).  Returns
   owned *out: free with sv_nextsteps_free. */
sv_status sv_nextsteps_load(const char *data_dir, struct sv_nextsteps **out,
                            char **err);
/* NULL-safe; clears *t. */
void sv_nextsteps_free(struct sv_nextsteps **t);

/* The table's date (what its source says was true then) and where it
   comes from (borrowed). */
GDate sv_nextsteps_as_of(const struct sv_nextsteps *t);
const char *sv_nextsteps_source(const struct sv_nextsteps *t);

/* Returns borrowed: the procedures in table order (*n of them). */
const struct sv_inm_procedure *
sv_nextsteps_procedures(const struct sv_nextsteps *t, size_t *n);
/* Returns borrowed, or NULL when the table has no such procedure. */
const struct sv_inm_procedure *
sv_nextsteps_procedure(const struct sv_nextsteps *t, const char *id);
/* Returns borrowed, or NULL when the table names nothing after stay. */
const struct sv_inm_next *sv_nextsteps_after(const struct sv_nextsteps *t,
                                             const char *stay);

/* The booking portal: its address, how to book (plain words) and the
   sentence it rests on.  Borrowed. */
const char *sv_nextsteps_booking_url(const struct sv_nextsteps *t);
const char *sv_nextsteps_booking_note(const struct sv_nextsteps *t);
const char *sv_nextsteps_booking_source(const struct sv_nextsteps *t);

/* Replaces ev->next_steps with one step per stay of ev whose outcome is
   meets, in stay order, and sets the table's source and date on ev; no
   step for any other outcome.  A met stay the table names nothing after
   (the loader refuses that for the rulesets it loads) gets none.  t NULL:
   no steps. */
void sv_nextsteps_fill(const struct sv_nextsteps *t, struct sv_evaluation *ev);

#endif
