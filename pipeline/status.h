/*
 * status.h - the one status code list of solvency.
 *
 * Every function that can fail returns an sv_status on the return path; the
 * human detail (stage, message, page) is attached to the document or case
 * as an sv_problem (see model.h), which the report prints.  The list below is
 * the single source of the enum and of each code's text (libuv UV_ERRNO_MAP).
 */
#ifndef SV_STATUS_H
#define SV_STATUS_H

#define SV_STATUS_MAP(XX)                                                     \
  XX(OK, "ok")                                                                \
  XX(IO, "the file could not be read")                                        \
  XX(EMPTY, "the file is empty")                                              \
  XX(UNSUPPORTED, "the file type is not supported")                           \
  XX(CORRUPT, "the file is damaged or not what its bytes claim")              \
  XX(ENCRYPTED, "the document is encrypted")                                  \
  XX(TOOBIG, "the input exceeds a size limit")                                \
  XX(NEEDS_OCR, "the page has no text layer and needs OCR")                   \
  XX(BADXML, "the XML is malformed or does not match its schema")             \
  XX(INVALID, "a value is invalid")                                           \
  XX(NOTFOUND, "a required file or entry was not found")                      \
  XX(OCR, "the OCR engine failed")                                            \
  XX(CRASH, "the reader process died or hung on the document")                \
  XX(WRITE, "the output could not be written")

typedef enum {
#define SV_STATUS_ENUM(name, text) SV_##name,
  SV_STATUS_MAP(SV_STATUS_ENUM)
#undef SV_STATUS_ENUM
  SV_STATUS_COUNT
} sv_status;

/* Returns borrowed: a static, never-NULL English text for the code. */
const char *sv_status_str(sv_status s);

/* Returns borrowed: the code's short name ("OK", "IO", ...), never NULL. */
const char *sv_status_name(sv_status s);

#endif
