/*
 * ocr.c - document stage: Tesseract on pages that have pixels but no text.
 *
 * Per worker one engine (ocr_init): the eng+spa LSTM page reader, an OSD
 * engine, and a digits-only engine made on the first re-read; never shared.
 * Per page: Leptonica deskew, then Tesseract PSM 6 with
 * preserve_interword_spaces and without the inverted-text pass; a page read
 * with mean confidence under 80 (upright pages read 86-96) asks OSD which
 * way it is turned and is read again turned (OSD's hint, then upside down),
 * keeping the better reading.  OSD runs only for those pages: it cost 0.33
 * s on every page (about a fifth of the time) when it ran first.  Word
 * boxes are mapped to points on the cleaned image kept in page->image, so
 * extract can crop figures to re-read them.
 *
 * Measured on 2 vCPU (shared, load 3-5), 42 pages / 30 statements: c08 and
 * twins of c01/c02/c06 made here at 120-300 dpi, +-0.5-2.5 deg, noise, blur,
 * JPEG q55, pages at 90/180/270, as JPEG, PNG, multi-page TIFF, image-only
 * PDF.  Accuracy: opening/closing/average read exactly vs the text-layer
 * originals (78 fields).  Time: thread CPU seconds per page.
 *
 *   setting                       fields  docs   OSD   deskew  read
 *   OSD first + deskew, PSM 6      78/78  30/30  0.33  0.04    1.24
 *   without OSD (retry 180 only)   69/78  27/30  -     0.04    2.1
 *   without deskew                 61/78  24/30  0.34  -       1.22
 *   + Sauvola (thresholding 2)     78/78  30/30  0.32  0.04    1.39
 * Later (2026-11-21, idle machine, 36 sample pages, -j 2): OSD only on
 * low-confidence pages and tessedit_do_invert=0 took the run from 28.4 s
 * to 24.2 s with the same figures and outcomes (scripts/bench-ocr.sh).
 * Without OSD the 90/270 pages fail and each costs three reads.  Sauvola
 * reads the same for 12% more time: Tesseract's own Otsu is kept.  OSD
 * trusted blindly turned 4 of 6 upright blurred 150 dpi JPEGs by 180 (margin
 * 0.5-2.9, script "Fraktur"/"Greek") and missed the upside-down one; hence
 * the Latin + margin >= 2 rule and the confidence retry (upside down reads
 * at mean conf 43-46, upright 86-95).
 */
#include "ocr.h"
#include "crop.h"

#include <pthread.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <string.h>
#include <tesseract/capi.h>

#include "text/lines.h"

#define SV_OCR_PAGE_DEADLINE_MS 60000
/* OSD's orientation margin below which its answer is only a hint. */
#define SV_OCR_OSD_MIN_CONF 2.0f
/* A page read with a mean word confidence under this is read again turned
   (OSD's hint, then upside down) and the better reading kept.  Upright
   statement pages read at 86-96; a page turned by 90 degrees can still
   read at 61 (many short garbage words), so the bar sits well above. */
#define SV_OCR_RETRY_CONF 80.0f
/* Re-reads: margin around the box (points) and upscale factor. */
#define SV_OCR_REREAD_MARGIN_PT 2.0
#define SV_OCR_REREAD_SCALE 3.0f
/* grey levels between a re-read crop's paper and ink below which it is
   not binarized (an empty or washed-out crop) */
#define SV_OCR_REREAD_CONTRAST 48
/* What a re-read may read, by sv_reread_kind */
#define SV_OCR_REREAD_WHITELIST "0123456789.,-$()\xe2\x82\xac\xc2\xa3"
#define SV_OCR_REREAD_DATE_WHITELIST "0123456789/.-"

/* Resolution from the print (fit_text_height): the median glyph height
   OCR is given, the lowest resolution and the smallest change made. */
#define SV_OCR_GLYPH_PX 24.0
#define SV_OCR_MIN_DPI 200.0
#define SV_OCR_MIN_SCALE 0.9
#define SV_OCR_MIN_GLYPHS 50

/* A page with fewer dark pixels than this is blank (see blank_page). */
#define SV_OCR_BLANK_INK 200

/* Pixels darker than this may belong to a ruled line (faint dotted row
   separators print at 150-200). */
#define SV_OCR_RULE_GREY 200

/* Page reader settings, chosen by the measurements above. */
#define SV_OCR_LANGS "eng+spa"
#define SV_OCR_PSM PSM_SINGLE_BLOCK

struct sv_ocr_engine {
  TessBaseAPI *api;    /* eng+spa, PSM 6: the page reader */
  TessBaseAPI *osd;    /* osd.traineddata (legacy engine): orientation */
  TessBaseAPI *digits; /* made on the first re-read: PSM 13 (raw line),
                          digits only */
  int digits_kind;     /* the sv_reread_kind its whitelist is set for */
  char *datapath;      /* owned */
  bool started;        /* engine_start ran (engines loaded or failed) */
  const struct sv_doc *current; /* borrowed: the document ocr_process last
                          read, whose pages the re-read service serves */
  struct Pix *cached;  /* owned: the cleaned-up pixels of one page of
                          current, made again for re-reads, or NULL */
  int cached_page;     /* its number */
  double cached_dpi;   /* and its resolution (as rendered) */
  sv_status status;    /* SV_OK, or why the engine could not start */
  char *why;           /* owned detail when status != SV_OK */
};

static int ocr_engine_count; /* atomic: engines made in this process */

static const char *tessdata_dir(void)
{
  const char *env = g_getenv("SV_TESSDATA");
  return env != NULL && env[0] != '\0' ? env : SV_OCR_TESSDATA;
}

/* ------------------------------------------------------------- engine */

/* Some Tesseract parameters are process-wide ("some control parameters are
   still global and affect all threads", tessdoc ReleaseNotes 3.01); making
   engines and setting variables in two workers at once raced under
   ThreadSanitizer.  Both happen only while engines are set up, so they
   take this lock; recognition runs unlocked. */
/* pthread, not GMutex: GLib's futex mutex is invisible to TSan. */
static pthread_mutex_t tess_param_lock = PTHREAD_MUTEX_INITIALIZER;

static void set_var(TessBaseAPI *api, const char *name, const char *value)
{
  pthread_mutex_lock(&tess_param_lock);
  TessBaseAPISetVariable(api, name, value);
  pthread_mutex_unlock(&tess_param_lock);
}

static TessBaseAPI *engine_make(const char *datapath, const char *lang,
                                TessOcrEngineMode oem)
{
  pthread_mutex_lock(&tess_param_lock);
  TessBaseAPI *api = TessBaseAPICreate();
  if (TessBaseAPIInit2(api, datapath, lang, oem) != 0) {
    TessBaseAPIDelete(api);
    api = NULL;
  } else {
    /* No debug output on stderr. */
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
  }
  pthread_mutex_unlock(&tess_param_lock);
  return api;
}

sv_status sv_ocr_engine_status(const struct sv_ocr_engine *engine)
{
  return engine == NULL ? SV_OCR : engine->status;
}

int sv_ocr_engines_made(void)
{
  return g_atomic_int_get(&ocr_engine_count);
}

/* Loads the Tesseract engines of e (once; a failure is kept in e->status
   and e->why, and not retried). */
static void engine_start(struct sv_ocr_engine *e)
{
  if (e->started)
    return;
  e->started = true;
  e->api = engine_make(e->datapath, SV_OCR_LANGS, OEM_LSTM_ONLY);
  if (e->api == NULL) {
    e->status = SV_OCR;
    e->why = g_strdup_printf("Tesseract could not load the %s models from "
                             "%s",
                             SV_OCR_LANGS, e->datapath);
    return;
  }
  g_atomic_int_inc(&ocr_engine_count);
  TessBaseAPISetPageSegMode(e->api, SV_OCR_PSM);
  set_var(e->api, "preserve_interword_spaces", "1");
  /* Statements print dark text on light paper: skip Tesseract's try of
     every line inverted (tessdoc ReleaseNotes 4.1.1: extra speed). */
  set_var(e->api, "tessedit_do_invert", "0");
  /* Statements are set in proportional type: skip the fixed-pitch test
     of every row (about 4% of a page's time, same words read). */
  set_var(e->api, "textord_all_prop", "1");
  /* Without OSD pages are read as they come (and the low-confidence
     retry still catches upside-down ones): not fatal. */
  e->osd = engine_make(e->datapath, "osd", OEM_TESSERACT_ONLY);
}

/* An engine whose Tesseract parts are loaded on first use. */
static struct sv_ocr_engine *engine_alloc(void)
{
  struct sv_ocr_engine *e = g_new0(struct sv_ocr_engine, 1);
  e->datapath = g_strdup(tessdata_dir());
  return e;
}

struct sv_ocr_engine *sv_ocr_engine_new(void)
{
  struct sv_ocr_engine *e = engine_alloc();
  engine_start(e);
  return e;
}

void sv_ocr_engine_free(struct sv_ocr_engine **engine)
{
  if (engine == NULL || *engine == NULL)
    return;
  struct sv_ocr_engine *e = *engine;
  pthread_mutex_lock(&tess_param_lock); /* tear-down touches the shared params */
  if (e->api != NULL) {
    TessBaseAPIEnd(e->api);
    TessBaseAPIDelete(e->api);
  }
  if (e->osd != NULL) {
    TessBaseAPIEnd(e->osd);
    TessBaseAPIDelete(e->osd);
  }
  if (e->digits != NULL) {
    TessBaseAPIEnd(e->digits);
    TessBaseAPIDelete(e->digits);
  }
  pthread_mutex_unlock(&tess_param_lock);
  pixDestroy(&e->cached);
  g_free(e->datapath);
  g_free(e->why);
  g_free(e);
  *engine = NULL;
}

/* ------------------------------------------------------------- clean-up */

/* Asks OSD which way the page is turned.  Returns the clockwise quarter
   turns (0-3) that make it upright; *sure tells whether OSD was confident
   (Latin script and a margin of at least SV_OCR_OSD_MIN_CONF); an unsure
   answer is only a hint for the low-confidence retry. */
static int osd_quads(struct sv_ocr_engine *e, const struct sv_page *page,
                     bool *sure)
{
  int deg = 0;
  float conf = 0, sconf = 0;
  const char *script = NULL;
  *sure = false;
  if (e->osd == NULL)
    return 0;
  TessBaseAPISetImage2(e->osd, page->image);
  TessBaseAPISetSourceResolution(e->osd, (int)lround(page->dpi));
  BOOL ok = TessBaseAPIDetectOrientationScript(e->osd, &deg, &conf, &script,
                                               &sconf);
  *sure = ok && conf >= SV_OCR_OSD_MIN_CONF && script != NULL &&
          strcmp(script, "Latin") == 0;
  TessBaseAPIClear(e->osd);
  if (!ok)
    return 0;
  /* deg is the page's counter-clockwise orientation; turn it back. */
  return ((360 - deg) % 360) / 90;
}

/* Turns page->image (and its size) clockwise by quads quarter turns. */
static bool turn_page(struct sv_page *page, int quads)
{
  if (quads == 0)
    return true;
  struct Pix *turned = pixRotateOrth(page->image, quads);
  if (turned == NULL)
    return false;
  pixDestroy(&page->image);
  page->image = turned;
  if (quads % 2 == 1) {
    double t = page->width;
    page->width = page->height;
    page->height = t;
  }
  page->rotated = (page->rotated + 90 * quads) % 360;
  return true;
}

/* Leptonica's pixDeskewGeneral turns a grey image by the skew it finds
   with exactly this call (its constant too); a re-read makes the same
   pixels again with it (checked by test_ocr). */
static struct Pix *turn_by(struct Pix *pix, double degrees)
{
  return pixRotate(pix, (l_float32)(3.1415926535 / 180. * degrees),
                   L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
}

/* Removes skew with Leptonica; returns the degrees removed. */
static double deskew_page(struct sv_page *page)
{
  l_float32 angle = 0, conf = 0;
  struct Pix *straight = pixFindSkewAndDeskew(page->image, 2, &angle, &conf);
  if (straight == NULL)
    return 0;
  if (straight == page->image || fabsf(angle) < 0.1f || conf < 3.0f) {
    pixDestroy(&straight);
    return 0;
  }
  pixDestroy(&page->image);
  page->image = straight;
  return angle;
}

/* Paints out the ruled lines of a page: table borders, boxes and dotted
   row separators.  Tesseract's single-block layout reads a text line that
   touches a rule as one blurred line of garbage (a whole row of a table
   with dotted separators was lost that way, and the line under a boxed
   "Cliente" label).  A rule is a run of dark pixels at least an inch long
   once gaps of up to a fiftieth of an inch are closed (dots joined), and
   thin: what stays that long at more than a fortieth of an inch thick is
   print, not a rule, and is kept.  Horizontal and vertical alike; the
   rule's pixels and a pixel around them turn white. */
static void remove_rules(struct sv_page *page)
{
  struct Pix *bin = NULL, *h = NULL, *v = NULL, *thick = NULL;
  if (page->image == NULL || pixGetDepth(page->image) != 8 || page->dpi <= 0)
    return;
  int join = MAX(3, (int)lround(page->dpi / 50.0));
  int len = MAX(60, (int)lround(page->dpi));
  int thin = MAX(3, (int)lround(page->dpi / 40.0));
  bin = pixThresholdToBinary(page->image, SV_OCR_RULE_GREY);
  if (bin == NULL)
    goto out;
  h = pixCloseCompBrick(NULL, bin, join, 1);
  if (h == NULL)
    goto out;
  pixOpenCompBrick(h, h, len, 1);
  thick = pixOpenCompBrick(NULL, h, 1, thin);
  if (thick != NULL)
    pixSubtract(h, h, thick);
  pixDestroy(&thick);
  v = pixCloseCompBrick(NULL, bin, 1, join);
  if (v == NULL)
    goto out;
  pixOpenCompBrick(v, v, 1, len);
  thick = pixOpenCompBrick(NULL, v, thin, 1);
  if (thick != NULL)
    pixSubtract(v, v, thick);
  pixOr(h, h, v);
  pixDilateBrick(h, h, 3, 3);
  pixSetMasked(page->image, h, 255);
out:
  pixDestroy(&thick);
  pixDestroy(&v);
  pixDestroy(&h);
  pixDestroy(&bin);
}

/* ------------------------------------------------------------- reading */

static bool cancel_never(void *cancel_this, int words)
{
  (void)cancel_this;
  (void)words;
  return false;
}

/* Reads one page; returns the number of words and sets page lines.  On a
   timeout or engine failure records a page problem and returns -1. */
static int read_page(struct sv_ocr_engine *e, struct sv_doc *doc,
                     struct sv_page *page, double *conf_sum)
{
  int nwords = -1;
  ETEXT_DESC *mon = TessMonitorCreate();
  TessResultIterator *it = NULL;
  GArray *words = g_array_new(FALSE, TRUE, sizeof(struct sv_word));
  double sum = 0;

  TessMonitorSetCancelFunc(mon, cancel_never);
  TessMonitorSetDeadlineMSecs(mon, SV_OCR_PAGE_DEADLINE_MS);
  TessBaseAPISetImage2(e->api, page->image);
  TessBaseAPISetSourceResolution(e->api, (int)lround(page->dpi));
  if (TessBaseAPIRecognize(e->api, mon) != 0) {
    sv_doc_problem(doc, SV_DOC_OK, SV_OCR, "ocr", page->number,
                   "page %d could not be read: OCR stopped (time limit of "
                   "%d s per page, or engine failure)",
                   page->number, SV_OCR_PAGE_DEADLINE_MS / 1000);
    goto out;
  }
  it = TessBaseAPIGetIterator(e->api);
  double k = 72.0 / page->dpi;
  if (it != NULL) {
    do {
      char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
      int l = 0, tp = 0, r = 0, b = 0;
      if (t == NULL)
        continue;
      char *norm = g_utf8_validate(t, -1, NULL)
                       ? g_utf8_normalize(g_strstrip(t), -1, G_NORMALIZE_NFC)
                       : NULL;
      TessDeleteText(t);
      if (norm == NULL || norm[0] == '\0' ||
          !TessPageIteratorBoundingBox(
              TessResultIteratorGetPageIteratorConst(it), RIL_WORD, &l, &tp,
              &r, &b)) {
        g_free(norm);
        continue;
      }
      struct sv_word w = {.text = norm,
                          .box = {l * k, tp * k, r * k, b * k},
                          .conf = TessResultIteratorConfidence(it, RIL_WORD)};
      if (w.conf < 0)
        w.conf = 0;
      sum += w.conf;
      g_array_append_val(words, w);
    } while (TessResultIteratorNext(it, RIL_WORD));
  }
  nwords = (int)words->len;
  *conf_sum += sum;
  page->conf = nwords > 0 ? (float)(sum / nwords) : 0.0f;
  sv_lines_build(page, (struct sv_word *)(void *)words->data,
                        words->len);
  g_array_free(words, FALSE);
  words = NULL;
out:
  if (words != NULL) {
    for (guint i = 0; i < words->len; i++)
      g_free(g_array_index(words, struct sv_word, i).text);
    g_array_free(words, TRUE);
  }
  if (it != NULL)
    TessResultIteratorDelete(it);
  TessBaseAPIClear(e->api);
  TessMonitorDelete(mon);
  return nwords;
}

/* A page read with low confidence may be turned in a way OSD missed (blur
   and noise fool it).  Reads it again turned by OSD's unsure hint, if any,
   and upside down, and keeps the reading with the best mean confidence.
   Returns the word count of the kept reading; *sum its confidence sum. */
static int retry_turned(struct sv_ocr_engine *e, struct sv_doc *doc,
                        struct sv_page *page, int hint, int n, double *sum)
{
  int tries[2] = {hint, 2};
  for (int k = 0; k < 2; k++) {
    if (tries[k] == 0 || (k == 1 && hint == 2))
      continue;
    struct sv_page alt = *page;
    alt.lines = NULL;
    alt.nlines = 0;
    alt.image = pixCopy(NULL, page->image);
    double asum = 0;
    if (alt.image == NULL || !turn_page(&alt, tries[k])) {
      sv_page_clear(&alt);
      continue;
    }
    double skew = deskew_page(&alt); /* shows once the lines run across */
    G_STATIC_ASSERT(G_N_ELEMENTS(tries) <= G_N_ELEMENTS(alt.turns));
    alt.turns[alt.nturns].quads = tries[k];
    alt.turns[alt.nturns].skew = skew;
    alt.nturns++;
    int an = read_page(e, doc, &alt, &asum);
    if (an > 0 && alt.conf > page->conf + 10.0f) {
      sv_page_clear(page);
      *page = alt;
      *sum = asum;
      n = an;
    } else {
      sv_page_clear(&alt);
    }
    if (page->conf >= SV_OCR_RETRY_CONF)
      break;
  }
  return n;
}

/* ------------------------------------------------------------- stage */

/* The worker's engine is made here, its Tesseract parts on the first page
   that needs them: a batch of text-layer files never loads the models, and
   missing models fail only the documents that need OCR. */
/* The re-read service this stage offers its worker's later stages. */
static bool reread_service(void *self, const struct sv_page *page,
                           const struct sv_box *box, enum sv_reread_kind kind,
                           struct sv_reread *out)
{
  struct sv_ocr_engine *e = self;
  const struct sv_doc *doc = e->current;
  if (doc == NULL || page < doc->pages || page >= doc->pages + doc->npages)
    return false; /* not a page of the document this worker read */
  return sv_ocr_reread(e, doc, page, box, kind, out);
}

/* The crop service (sv_crop_fn) this stage offers, for the same pages. */
static GBytes *crop_service(void *self, const struct sv_page *page,
                            const struct sv_box *box,
                            const struct sv_box *show)
{
  struct sv_ocr_engine *e = self;
  const struct sv_doc *doc = e->current;
  if (doc == NULL || page < doc->pages || page >= doc->pages + doc->npages)
    return NULL;
  return sv_ocr_crop(e, doc, page, box, show);
}

static sv_status ocr_init(const struct sv_config *cfg,
                          struct sv_services *svc, void **ctx)
{
  (void)cfg;
  *ctx = engine_alloc();
  if (svc != NULL) {
    svc->reread = reread_service;
    svc->reread_self = *ctx;
    svc->crop = crop_service;
    svc->crop_self = *ctx;
  }
  return SV_OK;
}

static void ocr_fini(void **ctx)
{
  sv_ocr_engine_free((struct sv_ocr_engine **)ctx);
}

/* Makes page index's pixels from the document's source into page->image
   (setting its resolution, and its size when the source is an image).
   Records the reason and returns false when it cannot. */
/* The median height of the page's character-sized blobs, in pixels (0
   when there are too few to say): found on a 2x reduction of the
   binarized page, so about 8 ms a page. */
static double text_height(struct Pix *grey)
{
  double height = 0;
  struct Pix *bin = pixThresholdToBinary(grey, 128);
  struct Pix *red = bin != NULL ? pixReduceRankBinary2(bin, 1, NULL) : NULL;
  BOXA *boxa = red != NULL ? pixConnCompBB(red, 8) : NULL;
  int n = boxa != NULL ? boxaGetCount(boxa) : 0;
  NUMA *hs = numaCreate(n > 0 ? n : 1);
  for (int i = 0; i < n; i++) {
    l_int32 x, y, w, h;
    if (boxaGetBoxGeometry(boxa, i, &x, &y, &w, &h) == 0 && h >= 3 &&
        h <= 60 && w <= 2 * h)
      numaAddNumber(hs, (l_float32)h);
  }
  l_float32 med = 0;
  if (numaGetCount(hs) >= SV_OCR_MIN_GLYPHS && numaGetMedian(hs, &med) == 0)
    height = 2.0 * med;
  numaDestroy(&hs);
  boxaDestroy(&boxa);
  pixDestroy(&red);
  pixDestroy(&bin);
  return height;
}

/* Scales a page whose print is larger than OCR needs down to it: the
   median glyph height to SV_OCR_GLYPH_PX (Tesseract's line recognizer
   sees every text line at a fixed height anyway; layout analysis and
   thresholding cost by the pixel), never below SV_OCR_MIN_DPI and never
   up.  Deterministic: a re-read makes the same pixels again.  *dpi
   follows the scale. */
static void fit_text_height(struct Pix **pix, double *dpi)
{
  double h = text_height(*pix);
  if (h <= 0)
    return;
  double k = SV_OCR_GLYPH_PX / h;
  if (*dpi * k < SV_OCR_MIN_DPI)
    k = (SV_OCR_MIN_DPI + 1.0) / *dpi; /* not under it once rounded */
  if (k >= SV_OCR_MIN_SCALE)
    return;
  struct Pix *small = pixScaleAreaMap(*pix, (l_float32)k, (l_float32)k);
  if (small == NULL)
    return;
  /* the resolution the scaled pixels really have */
  *dpi = *dpi * (double)pixGetWidth(small) / (double)pixGetWidth(*pix);
  pixDestroy(pix);
  *pix = small;
}

static bool page_pixels(struct sv_doc *doc, struct sv_page *page)
{
  sv_status code = SV_OK;
  char *why = NULL;
  double dpi = 0;
  struct Pix *pix = sv_doc_render_page(doc, page->number - 1, &dpi, &code,
                                       &why);
  if (pix == NULL) {
    sv_doc_problem(doc, SV_DOC_OK, code, "render", page->number, "%s", why);
    g_free(why);
    return false;
  }
  if (page->width <= 0 || page->height <= 0) {
    page->width = pixGetWidth(pix) * 72.0 / dpi;
    page->height = pixGetHeight(pix) * 72.0 / dpi;
  }
  fit_text_height(&pix, &dpi);
  page->image = pix;
  page->dpi = dpi;
  return true;
}

/* Whether a page's pixels hold no ink to speak of: fewer than
   SV_OCR_BLANK_INK dark pixels (a dust speck; one short printed word has
   thousands at 300 dpi). */
static bool blank_page(const struct sv_page *page)
{
  struct Pix *bin = pixThresholdToBinary(page->image, 128);
  l_int32 ink = 0;
  bool blank = bin != NULL && pixCountPixels(bin, &ink, NULL) == 0 &&
               ink < SV_OCR_BLANK_INK;
  pixDestroy(&bin);
  return blank;
}

/* Reads one page that has no text layer: its pixels are made, cleaned up
   and read, then released.  Returns the words read (0: none, -1: the page
   could not be read or is blank; the reason is recorded). */
static int ocr_page(struct sv_ocr_engine *e, struct sv_doc *doc,
                    struct sv_page *page, double *sum)
{
  if (!page_pixels(doc, page))
    return -1;
  if (blank_page(page)) { /* nothing to read: no OCR, no retries */
    pixDestroy(&page->image);
    sv_doc_problem(doc, SV_DOC_OK, SV_OCR, "ocr", page->number,
                   "page %d is blank", page->number);
    return -1;
  }
  /* Most pages come upright: read first, and ask OSD only when the
     reading is poor (a turned page reads at mean confidence ~45, an
     upright one 86-95).  The retry keeps whichever reading is better. */
  page->deskewed = deskew_page(page);
  remove_rules(page);
  int n = read_page(e, doc, page, sum);
  /* no word at all: turning the page will not find any either */
  if (n > 0 && page->conf < SV_OCR_RETRY_CONF) {
    bool sure = false;
    int hint = osd_quads(e, page, &sure);
    n = retry_turned(e, doc, page, hint, n, sum);
  }
  pixDestroy(&page->image); /* made again if a figure is re-read */
  return n;
}

/* Orders the problems from index first on by page, keeping the order of
   each page's own (a stable sort): the same order whichever reader read
   which page. */
static gint by_page(gconstpointer a, gconstpointer b)
{
  const struct sv_problem *x = *(const struct sv_problem *const *)a;
  const struct sv_problem *y = *(const struct sv_problem *const *)b;
  return (x->page > y->page) - (x->page < y->page);
}

static void sort_problems(struct sv_doc *doc, guint first)
{
  if (doc->problems->len <= first + 1)
    return;
  GPtrArray *tail = g_ptr_array_sized_new(doc->problems->len - first);
  for (guint i = first; i < doc->problems->len; i++)
    g_ptr_array_add(tail, g_ptr_array_index(doc->problems, i));
  g_ptr_array_sort(tail, by_page); /* stable since GLib 2.32 */
  for (guint i = 0; i < tail->len; i++)
    doc->problems->pdata[first + i] = g_ptr_array_index(tail, i);
  g_ptr_array_free(tail, TRUE);
}

/* Reads every page without a text layer that this reader may claim (when
   a long document's pages are shared out between workers, the others
   read the rest: pipeline/pagejob.h), takes back the pages the others
   read, then makes the document's figures from all pages in page order. */
static sv_status ocr_process(void *ctx, const struct sv_config *cfg,
                             const struct sv_services *svc,
                             struct sv_case *c, struct sv_doc *doc)
{
  (void)cfg;
  (void)c;
  struct sv_ocr_engine *e = ctx;
  if (e != NULL) { /* the re-read service now serves this document */
    e->current = doc;
    pixDestroy(&e->cached);
  }
  int candidates = 0;
  for (int i = 0; i < doc->npages && doc->pixels != NULL; i++)
    candidates += doc->pages[i].source == SV_TEXT_NONE;
  guint first = doc->problems->len;
  for (int i = 0; i < doc->npages; i++) {
    struct sv_page *page = &doc->pages[i];
    if (page->source != SV_TEXT_NONE || doc->pixels == NULL)
      continue; /* a text layer, or render said why there are no pixels */
    if (!sv_services_claim(svc, page->number, candidates))
      continue; /* another worker's reader reads it */
    if (e != NULL)
      engine_start(e);
    if (e == NULL || e->api == NULL) {
      sv_doc_problem(doc, SV_DOC_FAILED, SV_OCR, "ocr", 0,
                     "the OCR engine could not start: %s",
                     e != NULL && e->why != NULL ? e->why : "no engine");
      return SV_OK;
    }
    double sum = 0;
    sv_services_page(svc, "ocr", page->number);
    int n = ocr_page(e, doc, page, &sum);
    if (n < 0)
      continue;
    if (n == 0) {
      sv_doc_problem(doc, SV_DOC_OK, SV_OCR, "ocr", page->number,
                     "page %d: OCR found no words", page->number);
      continue;
    }
    page->ocr_words = n;
    page->ocr_conf_sum = sum;
    page->source = SV_TEXT_OCR;
  }
  if (candidates > 0)
    sv_services_gather(svc, doc);
  sort_problems(doc, first);

  int ocred = 0, text_pages = 0;
  long total_words = 0;
  double conf_sum = 0;
  for (int i = 0; i < doc->npages; i++) {
    const struct sv_page *page = &doc->pages[i];
    if (page->source == SV_TEXT_LAYER) {
      text_pages++;
    } else if (page->source == SV_TEXT_OCR) {
      ocred++;
      conf_sum += page->ocr_conf_sum;
      total_words += page->ocr_words;
    }
  }
  if (ocred > 0) {
    doc->text = SV_TEXT_OCR;
    doc->ocr_conf = (float)(conf_sum / (double)total_words);
  } else if (text_pages == 0 && doc->status != SV_DOC_FAILED) {
    sv_doc_problem(doc, SV_DOC_SKIPPED, SV_OCR, "ocr", 0,
                   "no text could be read from any page, by text layer or "
                   "OCR");
  }
  return SV_OK; /* the engine drops the pixel source with the document */
}

/* ------------------------------------------------------------- re-read */

/* The crop of box on page's image: a short box (OCR's box of a misread)
   may cut the digits, so at least a third of its height again above and
   below, and SV_OCR_REREAD_MARGIN_PT around.  NULL when empty. */
static struct Pix *reread_crop(const struct sv_page *page,
                               const struct sv_box *box)
{
  double k = page->dpi / 72.0, m = SV_OCR_REREAD_MARGIN_PT;
  double my = fmax(m, (box->y1 - box->y0) * 0.4);
  int x0 = (int)floor((box->x0 - m) * k), y0 = (int)floor((box->y0 - my) * k);
  int x1 = (int)ceil((box->x1 + m) * k), y1 = (int)ceil((box->y1 + my) * k);
  x0 = MAX(x0, 0);
  y0 = MAX(y0, 0);
  x1 = MIN(x1, pixGetWidth(page->image));
  y1 = MIN(y1, pixGetHeight(page->image));
  if (x1 - x0 < 2 || y1 - y0 < 2)
    return NULL;
  struct Box *b = boxCreate(x0, y0, x1 - x0, y1 - y0);
  struct Pix *crop = b != NULL ? pixClipRectangle(page->image, b, NULL) : NULL;
  boxDestroy(&b);
  return crop;
}

/* Adds Tesseract's text of api's image to out (with the confidence):
   inner whitespace collapsed to one space (keep_spaces) or dropped. */
static void take_text(TessBaseAPI *api, bool keep_spaces,
                      struct sv_reread *out)
{
  char *raw = TessBaseAPIGetUTF8Text(api);
  float c = (float)TessBaseAPIMeanTextConf(api);
  TessBaseAPIClear(api);
  if (raw == NULL || out->n >= SV_REREAD_MAX) {
    if (raw != NULL)
      TessDeleteText(raw);
    return;
  }
  GString *g = g_string_new(NULL);
  for (const char *p = raw; *p != '\0'; p++) {
    if (*p != ' ' && *p != '\n')
      g_string_append_c(g, *p);
    else if (keep_spaces && g->len > 0 && g->str[g->len - 1] != ' ')
      g_string_append_c(g, ' ');
  }
  TessDeleteText(raw);
  while (g->len > 0 && g->str[g->len - 1] == ' ')
    g_string_truncate(g, g->len - 1);
  if (g->len == 0 || !g_utf8_validate(g->str, -1, NULL)) {
    g_string_free(g, TRUE);
    return;
  }
  size_t at = out->n++;
  out->text[at] = g_string_free(g, FALSE);
  out->conf[at] = c;
  if (at > 0 && out->conf[at] > out->conf[0]) {
    char *t = out->text[0];
    out->text[0] = out->text[at];
    out->text[at] = t;
    out->conf[at] = out->conf[0];
    out->conf[0] = c;
  }
}

/* A table row's whole line, read by the page engine itself as one line,
   at the page's scale: its words in context, which a lone cell lacks
   ("25" read alone as "29" or "20", in its row as "25"). */
static void reread_line(struct sv_ocr_engine *engine,
                        const struct sv_page *page, struct Pix *crop,
                        struct sv_reread *out)
{
  l_uint32 bg = 255;
  if (pixGetRankValue(crop, 1, 0.9f, &bg) != 0)
    bg = 255;
  struct Pix *framed = pixAddBorder(crop, 24, bg);
  if (framed == NULL)
    return;
  TessBaseAPISetPageSegMode(engine->api, PSM_SINGLE_LINE);
  TessBaseAPISetImage2(engine->api, framed);
  TessBaseAPISetSourceResolution(engine->api, (int)lround(page->dpi));
  take_text(engine->api, true, out);
  TessBaseAPISetPageSegMode(engine->api, SV_OCR_PSM);
  pixDestroy(&framed);
}

/* A figure's crop, binarized, read by the digits engine restricted to
   kind's characters, larger. */
static void reread_figure(struct sv_ocr_engine *engine,
                          const struct sv_page *page, struct Pix *crop,
                          enum sv_reread_kind kind, struct sv_reread *out)
{
  struct Pix *big = NULL, *bin = NULL, *framed = NULL;
  if (engine->digits == NULL) {
    engine->digits = engine_make(engine->datapath, "eng", OEM_LSTM_ONLY);
    if (engine->digits == NULL)
      return;
    engine->digits_kind = -1;
  }
  if (engine->digits_kind != (int)kind) {
    set_var(engine->digits, "tessedit_char_whitelist",
            kind == SV_REREAD_DATE ? SV_OCR_REREAD_DATE_WHITELIST
                                   : SV_OCR_REREAD_WHITELIST);
    engine->digits_kind = (int)kind;
  }
  big = pixScaleGrayLI(crop, SV_OCR_REREAD_SCALE, SV_OCR_REREAD_SCALE);
  if (big == NULL)
    goto out;
  /* Binarized here, half-way between the crop's paper and its ink:
     Tesseract's own threshold of a small grey crop takes the paper's
     speckle for ink and reads a clean "3,275.72" as ")22".  A crop with
     no contrast to speak of is passed grey. */
  l_uint32 bg = 255, ink = 0;
  if (pixGetRankValue(big, 1, 0.9f, &bg) != 0)
    bg = 255;
  if (pixGetRankValue(big, 1, 0.02f, &ink) != 0)
    ink = 0;
  if (bg > ink + SV_OCR_REREAD_CONTRAST) {
    bin = pixThresholdToBinary(big, (l_int32)((bg + ink) / 2 + 1));
    if (bin != NULL)
      framed = pixAddBorder(bin, 24, 0); /* 0 is white in 1 bpp */
  } else {
    framed = pixAddBorder(big, 24, bg);
  }
  if (framed == NULL)
    goto out;
  /* Two readings of the line: as a raw line (Tesseract's own line finding
     misreads a lone amount on a grey cell: "2.771,32 €" as "2.11458"),
     and as a single line (which reads a short day number that the raw
     line drops, but may read a "25" as "29" the raw line reads right).
     Both are returned, the more confident first. */
  static const TessPageSegMode modes[] = {PSM_RAW_LINE, PSM_SINGLE_LINE};
  G_STATIC_ASSERT(G_N_ELEMENTS(modes) <= SV_REREAD_MAX);
  for (size_t i = 0; i < G_N_ELEMENTS(modes); i++) {
    TessBaseAPISetPageSegMode(engine->digits, modes[i]);
    TessBaseAPISetImage2(engine->digits, framed);
    TessBaseAPISetSourceResolution(
        engine->digits, (int)lround(page->dpi * SV_OCR_REREAD_SCALE));
    /* one line: Tesseract splits "1, 234.56"; spaces go */
    take_text(engine->digits, false, out);
  }
out:
  pixDestroy(&framed);
  pixDestroy(&bin);
  pixDestroy(&big);
}

/* Makes page's cleaned-up pixels again, as ocr_page left them when it read
   the page: rendered from the document's source at the same resolution,
   deskewed, ruled lines painted out, then every retry's turn and deskew
   in order.  Returns owned, NULL when the source cannot. */
static struct Pix *page_pixels_again(const struct sv_doc *doc,
                                     const struct sv_page *page, double *dpi)
{
  sv_status code = SV_OK;
  char *why = NULL;
  *dpi = 0;
  struct Pix *pix = sv_doc_render_page(doc, page->number - 1, dpi, &code,
                                       &why);
  g_free(why);
  /* at the resolution rendered, not the one OCR read at (the print may
     have been scaled down for it): a doubtful figure is best re-read
     from every pixel there is */
  if (pix == NULL || *dpi < page->dpi - 0.5) {
    pixDestroy(&pix);
    return NULL;
  }
  struct sv_page p = *page; /* a scratch page for the clean-up steps */
  p.lines = NULL;
  p.nlines = 0;
  p.image = pix;
  p.dpi = *dpi;
  if (page->deskewed != 0) {
    struct Pix *t = turn_by(p.image, page->deskewed);
    pixDestroy(&p.image);
    p.image = t;
  }
  if (p.image != NULL)
    remove_rules(&p);
  for (int k = 0; k < page->nturns && p.image != NULL; k++) {
    struct Pix *t = pixRotateOrth(p.image, page->turns[k].quads);
    pixDestroy(&p.image);
    p.image = t;
    if (p.image != NULL && page->turns[k].skew != 0) {
      t = turn_by(p.image, page->turns[k].skew);
      pixDestroy(&p.image);
      p.image = t;
    }
  }
  return p.image;
}

/* Makes engine->cached page's cleaned-up pixels (kept between re-reads
   and crops: a statement's doubtful figures sit on a few pages, re-read
   one after another); false when they cannot be made. */
static bool cache_page(struct sv_ocr_engine *engine, const struct sv_doc *doc,
                       const struct sv_page *page)
{
  if (engine->cached == NULL || engine->current != doc ||
      engine->cached_page != page->number) {
    pixDestroy(&engine->cached);
    engine->current = doc;
    engine->cached = page_pixels_again(doc, page, &engine->cached_dpi);
    engine->cached_page = page->number;
  }
  return engine->cached != NULL;
}

bool sv_ocr_reread(struct sv_ocr_engine *engine, const struct sv_doc *doc,
                   const struct sv_page *page, const struct sv_box *box,
                   enum sv_reread_kind kind, struct sv_reread *out)
{
  memset(out, 0, sizeof *out);
  if (engine == NULL || engine->api == NULL || doc == NULL || page == NULL ||
      page->source != SV_TEXT_OCR || box == NULL || page->dpi <= 0)
    return false;
  if (!cache_page(engine, doc, page))
    return false;
  struct sv_page view = *page; /* the page as OCR saw it, at full size */
  view.image = engine->cached;
  view.dpi = engine->cached_dpi;
  page = &view;
  struct Pix *crop = reread_crop(page, box);
  if (crop == NULL)
    return false;
  if (kind == SV_REREAD_LINE)
    reread_line(engine, page, crop, out);
  else
    reread_figure(engine, page, crop, kind, out);
  pixDestroy(&crop);
  return out->n > 0;
}

GBytes *sv_ocr_crop(struct sv_ocr_engine *engine, const struct sv_doc *doc,
                    const struct sv_page *page, const struct sv_box *box,
                    const struct sv_box *show)
{
  if (engine == NULL || doc == NULL || page == NULL || box == NULL ||
      show == NULL)
    return NULL;
  if (page->source == SV_TEXT_OCR) {
    if (page->dpi <= 0 || !cache_page(engine, doc, page))
      return NULL;
    return sv_crop_png(engine->cached, engine->cached_dpi, 0, 0, box, show);
  }
  if (page->source != SV_TEXT_LAYER)
    return NULL;
  struct sv_box region = sv_crop_region(show, page->width, page->height);
  struct Pix *pix = sv_doc_render_region(doc, page->number - 1, &region,
                                         SV_CROP_TEXT_DPI);
  GBytes *png = sv_crop_png(pix, SV_CROP_TEXT_DPI, region.x0, region.y0, box,
                            show);
  pixDestroy(&pix);
  return png;
}

const struct sv_stage sv_ocr_stage = {
    .name = "ocr",
    .scope = SV_SCOPE_DOCUMENT,
    .init = ocr_init,
    .isolated = true,
    .process = ocr_process,
    .fini = ocr_fini,
};
