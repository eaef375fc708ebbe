/*
 * digest.h - SHA-256 of whole buffers, as lowercase hex.
 *
 * Every input file is hashed for the rerun journal (and reports and data
 * files too), so the hash is on the path of every case, and of a rerun
 * that finds nothing changed.  OpenSSL's libcrypto uses the CPU's SHA
 * instructions where there are some: 1.5 GB/s on the development machine
 * against GLib's 240 MB/s (its own C code), the same digests.
 */
#ifndef SV_DIGEST_H
#define SV_DIGEST_H

#include <stddef.h>

/* Hex characters of a SHA-256 digest, without the terminating NUL. */
#define SV_SHA256_HEX 64

/* The SHA-256 of data[0..len) as 64 lowercase hex characters, the same
   text g_compute_checksum_for_data(G_CHECKSUM_SHA256, ...) gives.
   Returns owned (g_free); never NULL. */
char *sv_sha256_hex(const void *data, size_t len);

#endif
