/*
 * support.h - helpers shared by the cmocka tests.
 *
 * Include after <cmocka.h>'s prerequisites.  Paths: SV_SOURCE_DIR is the
 * source tree, SV_BINARY_DIR the build tree, SV_SOLVENCY_BIN the program.
 */
#ifndef SV_TEST_SUPPORT_H
#define SV_TEST_SUPPORT_H

#include <glib.h>
#include <libxml/tree.h>
#include <stdbool.h>

/* Returns owned: a new empty folder under the build tree (g_free). */
char *sv_test_tmpdir(const char *tag);

/* Removes a folder tree (only under the build tree; refuses otherwise). */
void sv_test_rmtree(const char *dir);

/* Writes len bytes to path (creating parent folders); aborts on failure. */
/* NULL when every file under a (recursively) is under b with the same
   bytes and b has no other, but skip (a relative path, may be NULL);
   else what differs (owned). */
char *sv_test_tree_diff(const char *a, const char *b, const char *skip);

void sv_test_write(const char *path, const void *data, size_t len);

/* Returns owned: SV_SOURCE_DIR/rel (g_free). */
char *sv_test_src(const char *rel);

/* Runs the program with argv (NULL-terminated, without argv[0]); returns the
   exit status (-1 if it did not exit normally); stdout/stderr returned owned
   when the pointers are not NULL. */
/* Whether sample case id is one of the scanned ones (c08, c10-c13: OCR,
   seconds each). */
bool sv_test_scanned_case(const char *id);

/* Returns owned (sv_test_rmtree, g_free): a fresh cases root holding
   symlinks to the sample cases (samples/cases) that keep accepts, all of
   them when keep is NULL. */
char *sv_test_sample_root(const char *tag, bool (*keep)(const char *id));

int sv_test_run(const char *const *argv, char **out, char **err);

/* Parses an XML file (no network, no entities); NULL on failure. */
xmlDocPtr sv_test_parse(const char *path);

/* True when doc validates against the XSD at xsd_path. */
bool sv_test_validate(xmlDocPtr doc, const char *xsd_path);

/* Returns owned: the string value of an XPath (prefix r bound to the report
   namespace) in doc, or NULL when it selects nothing. */
char *sv_test_xpath_str(xmlDocPtr doc, const char *xpath);

/* The number of nodes an XPath selects (prefix r bound). */
int sv_test_xpath_count(xmlDocPtr doc, const char *xpath);

/* ------------------------------------------ documents made from text */

struct sv_page;
struct sv_doc;

/* Fills pg from text as a text layer would: one line per '\n', words split
   on spaces, 6 pt per character, 14 pt per line, plus column_extra points
   at every run of 3+ spaces (a column break); lines rebuilt by
   sv_lines_build, as render does. */
void sv_test_page_from_text(struct sv_page *pg, int number, const char *text,
                            double column_extra);

/* Returns owned (sv_doc_free): a text-layer PDF document named relpath
   with one page per string of pages (NULL-terminated). */
struct sv_doc *sv_test_doc_from_pages(const char *relpath,
                                      const char *const *pages,
                                      double column_extra);

/* Returns owned (sv_doc_free): the PDF at path read through render, or
   NULL when the file is not there. */
struct sv_doc *sv_test_doc_from_pdf(const char *path);

/* Defined when the build runs under AddressSanitizer (which cannot live
   under an address-space limit). */
#if defined(__SANITIZE_ADDRESS__)
#define SV_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SV_ASAN 1
#endif
#endif

#endif
