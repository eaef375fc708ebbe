/*
 * xmlsafe.h - reading our XML inputs safely with libxml2.
 *
 * Every XML file the program reads (case.xml, rulesets, the wage table, the
 * rates file) comes through here: parsed without network access, without
 * entity substitution or DTD loading (XML_PARSE_NONET only; libxml2 2.9 has
 * no NO_XXE flag), size-limited, then validated against its XSD.  Errors
 * are captured into one message instead of being printed by libxml2.
 * MT safe: libxml2 keeps error state per thread; xmlInitParser() must have
 * run in main before threads start.
 */
#ifndef SV_XMLSAFE_H
#define SV_XMLSAFE_H

#include <glib.h>
#include <libxml/tree.h>
#include <stdbool.h>

#include "status.h"

/* XML inputs larger than this are refused. */
#define SV_XML_MAX_BYTES (8 * 1024 * 1024)

/* Parses path and validates it against the XSD at xsd_path.  On success
   returns SV_OK and owned *doc (free with xmlFreeDoc).  On failure returns
   SV_NOTFOUND, SV_IO, SV_TOOBIG or SV_BADXML and an owned *err (g_free)
   saying what and where (file and line). */
sv_status sv_xml_load(const char *path, const char *xsd_path, xmlDocPtr *doc,
                      char **err);

/* Parses a strict YYYY-MM-DD date; false when malformed or impossible. */
bool sv_xml_parse_date(const char *s, GDate *out);

/* Writes d as YYYY-MM-DD into buf (len >= 11). */
void sv_xml_format_date(const GDate *d, char *buf, size_t len);

#endif
