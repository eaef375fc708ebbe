/*
 * html.h - the auditor's view: verdict reports rendered as HTML pages.
 *
 * After the reports are written (`solvency run --html`) or on its own
 * (`solvency render`), each report OUT_DIR/<case-id>.xml becomes
 * OUT_DIR/<case-id>.html and the batch OUT_DIR/index.html, through one
 * XSLT 1.0 stylesheet, <data dir>/report.xsl, run with libxslt.  A page
 * depends only on its report (and the language), so it is the same bytes
 * on every run and for any -j; reports are never changed by it.
 *
 * Safety: the report, batch.xml and the stylesheet are parsed without
 * network access, entity substitution or DTD loading (reports and
 * batch.xml through sv_xml_load, validated by their XSDs); the transform
 * may read no file and write none (libxslt security preferences), so
 * document() and extension elements that write are refused.  Files are
 * written like reports: temporary file in the same folder, rename, mode
 * 0600.
 *
 * Not MT safe: one thread at a time (the main thread, after the engine's
 * threads are joined).  xmlInitParser() must have run.
 */
#ifndef SV_HTML_H
#define SV_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"

/* The stylesheet, parsed and compiled once. */
struct sv_html;

/* Whether lang is a language the pages come in: "en" or "es". */
bool sv_html_lang_valid(const char *lang);

/* The page's file name for a report's (x.xml -> x.html; another name gets
   .html added).  Returns owned. */
char *sv_html_page_name(const char *report);

/* Loads and compiles data_dir/report.xsl.  Returns SV_OK and owned *out
   (free with sv_html_free), or SV_NOTFOUND / SV_TOOBIG / SV_BADXML and
   owned *err (g_free) saying what and where. */
sv_status sv_html_new(const char *data_dir, struct sv_html **out,
                      char **err);

/* Frees h (NULL-safe) and clears the caller's pointer. */
void sv_html_free(struct sv_html **h);

/* Renders the report at report_path (borrowed) in lang ("en" or "es") and
   writes it atomically to out_path.  Links to evidence crops (@evidence,
   relative to the report's folder) are made relative to out_path's
   folder.  On failure returns SV_NOTFOUND, SV_BADXML (not a report:
   malformed, or not matching report.xsd), SV_INVALID (the transform
   failed) or SV_WRITE, and owned *err. */
sv_status sv_html_render(struct sv_html *h, const char *report_path,
                         const char *lang, const char *out_path, char **err);

/* Writes out_dir/index.html from out_dir/batch.xml and the reports it
   lists: every case with its overall and per-stay outcomes, the number of
   items to review (tests needing review plus figures that do not
   reconcile or may not be the applicant's: report.xsl says which), a link
   to its page; cases needing a person first (items to review, or no
   report), then by case id.  With pages, also renders each listed report
   to out_dir/<case-id>.html first.  *written (may be NULL) gets the number
   of pages written, index included.  A report that cannot be read is
   named in *err (owned) and the others are still done; the first failure's
   status is returned. */
sv_status sv_html_index(struct sv_html *h, const char *out_dir,
                        const char *lang, bool pages, size_t *written,
                        char **err);

/* The `solvency render` command; argv[0] is the program, argv[1]
   "render".  `render REPORT.xml [-o FILE.html] [--lang es|en]` renders one
   report (default output: REPORT with .xml replaced by .html);
   `render OUT_DIR [--lang es|en]` renders every report batch.xml lists
   and index.html (after `solvency merge`, for instance).  Returns the exit
   status: 0 written, 1 a file could not be read or written, 2 bad usage.
   data_dir: where report.xsl, report.xsd and batch.xsd live. */
int sv_html_main(int argc, char **argv, const char *data_dir);

#endif
