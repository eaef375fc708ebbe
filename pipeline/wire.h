/*
 * wire.h - messages between a worker thread and its reader process
 * (pipeline/isolate.h): framing over a stream socket, and the encoding of
 * what the isolated stages leave on a document (pages, lines, words,
 * problems).
 *
 * A frame is a 4-byte little-endian length n, then n bytes: one type byte
 * and the payload.  Payloads are built with sv_wire_put_* into a GByteArray
 * and read back with sv_wire_get_*, which check every length against what
 * is left: a reader process that was taken over by a hostile file can send
 * garbage, and garbage must cost its document, nothing else.
 */
#ifndef SV_WIRE_H
#define SV_WIRE_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "model.h"

/* The largest frame either side accepts: a 256 MiB file and its header. */
#define SV_WIRE_MAX_FRAME ((guint32)(260u << 20))
/* The most pages a document encoding may carry. */
#define SV_WIRE_MAX_PAGES 100000

/* --------------------------------------------------------------- frames */

enum sv_wire_result {
  SV_WIRE_OK = 0,
  SV_WIRE_CLOSED,   /* the other side closed or died */
  SV_WIRE_TIMEOUT,  /* nothing within the deadline */
  SV_WIRE_BAD       /* a frame that cannot be (too long, or cut short) */
};

/* Sends one frame (type, payload) on fd; waits at most timeout_ms for the
   other side to take it (-1: no limit).  Never raises SIGPIPE. */
enum sv_wire_result sv_wire_send(int fd, guint8 type, const guint8 *payload,
                                 size_t len, int timeout_ms);

/* Receives one frame into *type and *payload (owned, g_byte_array_unref);
   waits at most timeout_ms for it to begin and as long again for each
   further piece (-1: no limit). */
enum sv_wire_result sv_wire_recv(int fd, guint8 *type, GByteArray **payload,
                                 int timeout_ms);

/* -------------------------------------------------------------- values */

void sv_wire_put_u32(GByteArray *b, guint32 v);
void sv_wire_put_f64(GByteArray *b, double v);
/* A string (NULL allowed) or a blob of len bytes. */
void sv_wire_put_str(GByteArray *b, const char *s);
void sv_wire_put_blob(GByteArray *b, const void *data, size_t len);

/* A cursor over a received payload; every get returns false once the
   payload runs short or a value is malformed (and stays false). */
struct sv_wire_in {
  const guint8 *p;
  size_t left;
  bool ok;
};

void sv_wire_in_init(struct sv_wire_in *in, const GByteArray *payload);
bool sv_wire_get_u32(struct sv_wire_in *in, guint32 *v);
bool sv_wire_get_i32(struct sv_wire_in *in, int *v);
bool sv_wire_get_f64(struct sv_wire_in *in, double *v);
/* Returns owned (NULL for a NULL string) in *s; valid UTF-8 only. */
bool sv_wire_get_str(struct sv_wire_in *in, char **s);
/* Borrowed pointer into the payload. */
bool sv_wire_get_blob(struct sv_wire_in *in, const guint8 **data,
                      size_t *len);

/* A box: four doubles (points). */
void sv_wire_put_box(GByteArray *b, const struct sv_box *x);
bool sv_wire_get_box(struct sv_wire_in *in, struct sv_box *x);

/* ------------------------------------------------------------ documents */

/* Appends what the isolated stages left on doc: its pages (size,
   resolution, clean-up, lines and words), text route, OCR confidence,
   status and the problems recorded after the first `from` ones. */
void sv_wire_put_doc(GByteArray *b, const struct sv_doc *doc, guint from);

/* Reads that back onto doc (whose pages must be empty): the pages are
   set, the problems appended, the status raised.  False, with doc left
   without pages, when the payload is malformed. */
bool sv_wire_get_doc(struct sv_wire_in *in, struct sv_doc *doc);

/* One page as OCR left it, with the problems of problems[from..] recorded
   on it (those whose page is its number): what a helper's reader hands
   back for a page it read for another worker (pipeline/pagejob.h). */
void sv_wire_put_page_result(GByteArray *b, const struct sv_page *page,
                             const GPtrArray *problems, guint from);

/* Reads one back: *page set (owned, sv_page_clear), its problems appended
   to doc.  False, with *page empty and nothing appended, when malformed
   (a problem about another page is malformed too). */
bool sv_wire_get_page_result(struct sv_wire_in *in, struct sv_page *page,
                             struct sv_doc *doc);

#endif
