/*
 * test_crop.c - the pieces of an evidence crop: where a name is printed
 * (stages/crops.h) and the picture of a region (stages/crop.h).
 *
 * Pages are made from text as a text layer would give them (20 pt in,
 * 6 pt per character, 14 pt per line: support.c), so the expected boxes are worked
 * out by hand from the character positions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <leptonica/allheaders.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "crop.h"
#include "crops.h"
#include "support.h"

static void test_find_name_spells_consecutive_words(void **state)
{
  (void)state;
  struct sv_page pg;
  memset(&pg, 0, sizeof pg);
  sv_test_page_from_text(&pg, 1,
                         "STATEMENT OF ACCOUNT\n"
                         "Account Holder: JOHN A. SMITH,\n"
                         "Smith John, 12 Main Street\n",
                         0);
  struct sv_box box = {0};
  /* case, and the comma after the last word, aside */
  assert_true(sv_crops_find_name(&pg, "John A. Smith", &box));
  /* the page starts 20 pt in; "Account Holder: " is 16 characters, so
     the name starts at 20 + 16 x 6 pt; "JOHN A. SMITH," is 14 more; the
     second line's words run from 20 + 14 pt, 10 pt high */
  assert_true(fabs(box.x0 - (20 + 16 * 6.0)) < 0.01);
  assert_true(fabs(box.x1 - (20 + 30 * 6.0)) < 0.01);
  assert_true(fabs(box.y0 - 34.0) < 0.01 && fabs(box.y1 - 44.0) < 0.01);
  /* the words must follow one another in the name's order */
  assert_false(sv_crops_find_name(&pg, "John Smith", &box));
  /* a prefix of a longer word is not the word */
  assert_false(sv_crops_find_name(&pg, "Jo A. Smith", &box));
  assert_false(sv_crops_find_name(&pg, "", &box));
  sv_page_clear(&pg);
}

/* A 300 dpi grey page (8.5 x 11 in): the crop of a box shows the region
   around show (its margins: 18 pt left and right, 14 pt above and below),
   in grey levels, with the box outlined in red clear of the box itself;
   the same input gives the same bytes. */
static void test_crop_png_region_and_outline(void **state)
{
  (void)state;
  const double dpi = 300, k = dpi / 72.0;
  PIX *page = pixCreate((int)(8.5 * dpi), (int)(11 * dpi), 8);
  pixSetAllArbitrary(page, 255);
  /* a dark block where the figure is printed: 300-360 pt by 100-112 pt */
  PIX *ink = pixCreate((int)(60 * k), (int)(12 * k), 8);
  pixSetAllArbitrary(ink, 0);
  pixRasterop(page, (int)(300 * k), (int)(100 * k), pixGetWidth(ink),
              pixGetHeight(ink), PIX_SRC, ink, 0, 0);
  struct sv_box box = {300, 100, 360, 112};
  struct sv_box show = {72, 100, 360, 112}; /* its line, from the label */
  GBytes *png = sv_crop_png(page, dpi, 0, 0, &box, &show);
  assert_non_null(png);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(png, &len);
  assert_memory_equal(data, "\x89PNG\r\n\x1a\n", 8);
  PIX *crop = pixReadMem(data, len);
  assert_non_null(crop);
  /* (360 + 18) - (72 - 18) = 324 pt wide, (112 + 14) - (100 - 14) = 40 pt */
  assert_true(abs(pixGetWidth(crop) - (int)(324 * k)) <= 2);
  assert_true(abs(pixGetHeight(crop) - (int)(40 * k)) <= 2);
  PIX *rgb = pixConvertTo32(crop);
  l_int32 r = 0, g = 0, b = 0;
  /* left edge of the outline, half way down the box: red */
  int bx = (int)((300 - 54) * k), by = (int)((106 - 86) * k);
  bool red = false;
  for (int x = bx - 12; x < bx && !red; x++) {
    pixGetRGBPixel(rgb, x, by, &r, &g, &b);
    red = r > 180 && g < 60 && b < 60;
  }
  assert_true(red);
  /* inside the box: the ink, not the outline */
  pixGetRGBPixel(rgb, bx + 20, by, &r, &g, &b);
  assert_true(r < 60 && g < 60 && b < 60);
  /* the label's region left of the box: white paper */
  pixGetRGBPixel(rgb, (int)(30 * k), by, &r, &g, &b);
  assert_true(r > 200 && g > 200 && b > 200);
  GBytes *again = sv_crop_png(page, dpi, 0, 0, &box, &show);
  assert_true(g_bytes_equal(png, again));
  /* a region off the page gives nothing */
  struct sv_box off = {9000, 9000, 9010, 9010};
  assert_null(sv_crop_png(page, dpi, 0, 0, &off, &off));
  g_bytes_unref(again);
  g_bytes_unref(png);
  pixDestroy(&rgb);
  pixDestroy(&crop);
  pixDestroy(&ink);
  pixDestroy(&page);
}

/* Grey levels survive the crop's 64-grey palette within half a step
   (255 / 63 / 2, plus the palette's rounding down): a page whose columns
   go through every grey in jumps of 37, read back. */
static void test_crop_png_greys(void **state)
{
  (void)state;
  const double dpi = 72; /* a pixel a point */
  PIX *page = pixCreate(612, 792, 8);
  for (int y = 0; y < 792; y++)
    for (int x = 0; x < 612; x++)
      pixSetPixel(page, x, y, (l_uint32)(x * 37 % 256));
  struct sv_box box = {100, 300, 200, 310};
  struct sv_box show = {41, 300, 200, 310}; /* 23 to 218 */
  GBytes *png = sv_crop_png(page, dpi, 0, 0, &box, &show);
  assert_non_null(png);
  gsize len = 0;
  const guint8 *data = g_bytes_get_data(png, &len);
  assert_int_equal(data[24], 8); /* IHDR bit depth */
  assert_int_equal(data[25], 3); /* colour type: palette */
  PIX *crop = pixReadMem(data, len);
  assert_non_null(crop);
  int w = pixGetWidth(crop);
  PIX *grey = pixConvertTo8(crop, FALSE);
  assert_non_null(grey);
  int checked = 0;
  for (int x = 0; x < w; x++) { /* row 2: the top margin, no outline */
    l_uint32 v = 0;
    assert_int_equal(pixGetPixel(grey, x, 2, &v), 0);
    int want = (x + 23) * 37 % 256;
    if (abs((int)v - want) > 3)
      fail_msg("column %d: grey %u, page %d", x, v, want);
    checked++;
  }
  assert_int_equal(checked, w);
  g_bytes_unref(png);
  pixDestroy(&grey);
  pixDestroy(&crop);
  pixDestroy(&page);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_find_name_spells_consecutive_words),
      cmocka_unit_test(test_crop_png_region_and_outline),
      cmocka_unit_test(test_crop_png_greys),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
