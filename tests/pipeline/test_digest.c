/*
 * test_digest.c - SHA-256 as hex (pipeline/digest.c): the published test
 * vectors (FIPS 180-2 appendix B) and agreement with GLib's digest, which
 * the journals of earlier runs were written with.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <glib.h>
#include <string.h>

#include "../../pipeline/digest.h"

static void test_digest_vectors(void **state)
{
  (void)state;
  static const char *const cases[][2] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
    char *hex = sv_sha256_hex(cases[i][0], strlen(cases[i][0]));
    assert_string_equal(hex, cases[i][1]);
    g_free(hex);
  }
  char *none = sv_sha256_hex(NULL, 0); /* nothing: the digest of "" */
  assert_string_equal(none, cases[0][1]);
  g_free(none);
}

/* Buffers of every length around the 64-byte block, and a large one of
   pseudo-random bytes, digest as GLib digests them. */
static void test_digest_agrees_with_glib(void **state)
{
  (void)state;
  size_t big = 3 * 1024 * 1024 + 7;
  guchar *data = g_malloc(big);
  guint32 x = 2463534242u; /* xorshift: the same bytes every run */
  for (size_t i = 0; i < big; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    data[i] = (guchar)x;
  }
  size_t lens[200];
  size_t n = 0;
  for (size_t len = 0; len < 199; len++)
    lens[n++] = len;
  lens[n++] = big;
  for (size_t i = 0; i < n; i++) {
    char *want = g_compute_checksum_for_data(G_CHECKSUM_SHA256, data, lens[i]);
    char *got = sv_sha256_hex(data, lens[i]);
    assert_string_equal(got, want);
    g_free(got);
    g_free(want);
  }
  g_free(data);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_digest_vectors),
      cmocka_unit_test(test_digest_agrees_with_glib),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
