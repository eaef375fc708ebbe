/*
 * digest.c - SHA-256 of whole buffers (see digest.h).
 */
#include "digest.h"

#include <glib.h>
#include <openssl/evp.h>

char *sv_sha256_hex(const void *data, size_t len)
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc(SV_SHA256_HEX + 1);
  if (EVP_Digest(data != NULL ? data : "", data != NULL ? len : 0, md, &n,
                 EVP_sha256(), NULL) != 1 ||
      n * 2 != SV_SHA256_HEX) {
    /* libcrypto failed (no memory?): GLib's own code gives the same */
    g_free(out);
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256,
                                       data != NULL ? data : (const void *)"",
                                       data != NULL ? len : 0);
  }
  for (unsigned int i = 0; i < n; i++) {
    out[2 * i] = hex[md[i] >> 4];
    out[2 * i + 1] = hex[md[i] & 15];
  }
  out[SV_SHA256_HEX] = '\0';
  return out;
}
