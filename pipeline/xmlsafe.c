/*
 * xmlsafe.c - safe parse + XSD validation of the program's XML inputs.
 */
#include "xmlsafe.h"

#include <pthread.h>

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

/* Keeps the first error libxml2 reports. */
/* libxml2's words for an element repeated where the schema allows one
   (an identity-constraint field that selects more than one node: how our
   XSDs say "at most once, in any order"); returns owned plain words, or
   NULL for any other message. */
static char *plain_repeat(const char *message)
{
  static const char head[] = "The XPath '";
  const char *a = strstr(message, head);
  if (a == NULL || strstr(message, "evaluates to a node-set with more than "
                                   "one member") == NULL)
    return NULL;
  a += sizeof head - 1;
  const char *b = strchr(a, '\'');
  if (b == NULL)
    return NULL;
  char *xpath = g_strndup(a, (gsize)(b - a));
  char *slash = strchr(xpath, '/'); /* "dependents/@n": the element */
  if (slash != NULL)
    *slash = '\0';
  char *plain = g_strdup_printf("<%s> appears more than once; one is allowed",
                                xpath);
  g_free(xpath);
  return plain;
}

static void first_error(void *ctx, xmlErrorPtr e)
{
  char **msg = ctx;
  if (*msg != NULL || e == NULL)
    return;
  char *text = g_strstrip(g_strdup(e->message != NULL ? e->message : "?"));
  char *plain = plain_repeat(text);
  *msg = g_strdup_printf("line %d: %s", e->line, plain != NULL ? plain : text);
  g_free(plain);
  g_free(text);
}

/* Compiled schemas by path, made once per process and kept (a case.xml
   per case used to compile case.xsd each time).  A compiled schema is
   only read by validation; validation contexts are per call. */
static GHashTable *schemas; /* of char * path -> xmlSchemaPtr */
static pthread_mutex_t schemas_lock = PTHREAD_MUTEX_INITIALIZER;

/* Returns borrowed: the compiled schema at path, or NULL with *msg (owned)
   saying why (not cached: the file may be fixed by the next call). */
static xmlSchemaPtr schema_for(const char *path, char **msg)
{
  pthread_mutex_lock(&schemas_lock);
  if (schemas == NULL)
    schemas = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
  xmlSchemaPtr schema = g_hash_table_lookup(schemas, path);
  if (schema == NULL) {
    xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(path);
    if (pctx == NULL)
      g_error("out of memory");
    xmlSchemaSetParserStructuredErrors(pctx, first_error, msg);
    schema = xmlSchemaParse(pctx);
    xmlSchemaFreeParserCtxt(pctx);
    if (schema != NULL)
      g_hash_table_insert(schemas, g_strdup(path), schema);
  }
  pthread_mutex_unlock(&schemas_lock);
  return schema;
}

sv_status sv_xml_load(const char *path, const char *xsd_path, xmlDocPtr *doc,
                      char **err)
{
  sv_status rc = SV_OK;
  xmlDocPtr xd = NULL;
  xmlSchemaPtr schema = NULL; /* borrowed from the cache */
  xmlSchemaValidCtxtPtr vctx = NULL;
  char *msg = NULL;
  GStatBuf st;

  *doc = NULL;
  *err = NULL;
  if (g_stat(path, &st) != 0) {
    rc = errno == ENOENT ? SV_NOTFOUND : SV_IO;
    *err = g_strdup_printf("%s: %s", path, g_strerror(errno));
    goto out;
  }
  if (st.st_size > SV_XML_MAX_BYTES) {
    rc = SV_TOOBIG;
    *err = g_strdup_printf("%s: larger than %d bytes", path, SV_XML_MAX_BYTES);
    goto out;
  }
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == NULL)
    g_error("out of memory");
  xd = xmlCtxtReadFile(ctxt, path, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR |
                           XML_PARSE_NOWARNING);
  if (xd == NULL) {
    xmlErrorPtr e = xmlCtxtGetLastError(ctxt);
    first_error(&msg, e);
    xmlFreeParserCtxt(ctxt);
    rc = SV_BADXML;
    *err = g_strdup_printf("%s: not well-formed XML (%s)", path,
                           msg != NULL ? msg : "unknown error");
    goto out;
  }
  xmlFreeParserCtxt(ctxt);
  if (xd->intSubset != NULL || xd->extSubset != NULL) {
    /* entities are never substituted, and a tree holding their references
       cannot be validated: a DOCTYPE is refused outright, in plain words */
    rc = SV_BADXML;
    *err = g_strdup_printf("%s: declares a DOCTYPE (entity and DTD "
                           "declarations are refused for safety; none of "
                           "our files needs one)",
                           path);
    goto out;
  }

  schema = schema_for(xsd_path, &msg);
  if (schema == NULL) {
    rc = SV_NOTFOUND;
    *err = g_strdup_printf("schema %s cannot be loaded (%s)", xsd_path,
                           msg != NULL ? msg : "unknown error");
    goto out;
  }
  vctx = xmlSchemaNewValidCtxt(schema);
  if (vctx == NULL)
    g_error("out of memory");
  xmlSchemaSetValidStructuredErrors(vctx, first_error, &msg);
  if (xmlSchemaValidateDoc(vctx, xd) != 0) {
    rc = SV_BADXML;
    char *base = g_path_get_basename(xsd_path);
    *err = g_strdup_printf("%s does not match %s (%s)", path, base,
                           msg != NULL ? msg : "unknown error");
    g_free(base);
    goto out;
  }
  *doc = xd;
  xd = NULL;
out:
  xmlSchemaFreeValidCtxt(vctx);
  xmlFreeDoc(xd);
  g_free(msg);
  return rc;
}

bool sv_xml_parse_date(const char *s, GDate *out)
{
  if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
    return false;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit(s[i]))
      return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
          (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (!g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
    return false;
  g_date_clear(out, 1);
  g_date_set_dmy(out, (GDateDay)d, (GDateMonth)m, (GDateYear)y);
  return true;
}

void sv_xml_format_date(const GDate *d, char *buf, size_t len)
{
  if (d == NULL || !g_date_valid(d)) {
    snprintf(buf, len, "0000-00-00");
    return;
  }
  snprintf(buf, len, "%04d-%02d-%02d", (int)g_date_get_year(d),
           (int)g_date_get_month(d), (int)g_date_get_day(d));
}
