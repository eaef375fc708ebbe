/*
 * classify.c - document stage: language and kind of a document.
 *
 * The whole document's line text is folded (sv_fold) and turned
 * into a stream of alphanumeric tokens " tok tok ... ", so a phrase of the
 * keyword table matches as " phrase " whatever the punctuation, case or
 * accents printed ("No. de Cuenta", "NÚMERO DE CUENTA").  Each phrase counts
 * once per document (a 20-page statement is not "more" of a statement than
 * a 1-page one); a kind's score is the sum of its phrases' weights clamped
 * to 0..1.  Negative weights keep look-alikes out (a credit-card statement
 * is not evidence of savings).  The language is the one whose stopwords
 * are more frequent.
 */
#include "classify.h"
#include "text/fold.h"

#include <stdio.h>
#include <string.h>

/* ------------------------------------------------------------ the text */

/* Returns owned: the folded text of every line of every page, one line per
   '\n', or NULL when the document has no text at all. */
static char *doc_text(const struct sv_doc *doc)
{
  GString *s = g_string_new(NULL);
  for (int p = 0; p < doc->npages; p++) {
    const struct sv_page *pg = &doc->pages[p];
    if (pg->source == SV_TEXT_NONE)
      continue;
    for (size_t l = 0; l < pg->nlines; l++) {
      if (pg->lines[l].text == NULL)
        continue;
      g_string_append(s, pg->lines[l].text);
      g_string_append_c(s, '\n');
    }
  }
  if (s->len == 0) {
    g_string_free(s, TRUE);
    return NULL;
  }
  char *raw = g_string_free(s, FALSE);
  char *folded = sv_fold(raw);
  g_free(raw);
  return folded;
}

static bool has_phrase(const char *tokens, const char *phrase)
{
  char needle[96];
  int n = snprintf(needle, sizeof needle, " %s ", phrase);
  if (n < 0 || (size_t)n >= sizeof needle)
    return false;
  return strstr(tokens, needle) != NULL;
}

/* ------------------------------------------------------------ language */

static const char *const en_words[] = {
    "the",     "and",      "of",        "to",        "your",    "you",
    "for",     "this",     "with",      "is",        "are",     "on",
    "from",    "in",       "we",        "our",       "has",     "been",
    "balance", "account",  "statement", "date",      "page",    "deposits",
    "withdrawals", "beginning", "ending", "amount",  "description",
    "dear",    "sincerely", "salary",   "income",    "employee", NULL};

static const char *const es_words[] = {
    "el",      "la",       "los",       "las",       "de",      "del",
    "y",       "en",       "por",       "para",      "con",     "que",
    "al",      "su",       "sus",       "se",        "una",     "un",
    "saldo",   "cuenta",   "estado",    "periodo",   "fecha",   "pagina",
    "depositos", "retiros", "cargos",   "abonos",    "moneda",  "nacional",
    "movimientos", "titular", "cliente", "sueldo",  "ingresos", NULL};

/* detect_lang copies each token into a buffer this long to look it up:
   every stopword must fit (checked when the set is made). */
#define SV_STOPWORD_MAX 16

/* Bit 0: an English stopword, bit 1: a Spanish one; keyed by the word.
   A set, not a scan of both lists for every token of the document. */
static GHashTable *stopwords(void)
{
  static gsize once = 0;
  static GHashTable *set;
  if (g_once_init_enter(&once)) {
    set = g_hash_table_new(g_str_hash, g_str_equal);
    for (size_t i = 0; en_words[i] != NULL; i++) {
      g_assert(strlen(en_words[i]) < SV_STOPWORD_MAX);
      g_hash_table_insert(set, (gpointer)en_words[i], GINT_TO_POINTER(1));
    }
    for (size_t i = 0; es_words[i] != NULL; i++) {
      g_assert(strlen(es_words[i]) < SV_STOPWORD_MAX);
      int bits = GPOINTER_TO_INT(g_hash_table_lookup(set, es_words[i]));
      g_hash_table_insert(set, (gpointer)es_words[i],
                          GINT_TO_POINTER(bits | 2));
    }
    g_once_init_leave(&once, 1);
  }
  return set;
}

/* Sets lang to "en", "es" or "" from the stopword counts of tokens. */
static void detect_lang(const char *tokens, char lang[3])
{
  GHashTable *set = stopwords();
  long en = 0, es = 0;
  const char *p = tokens;
  char word[SV_STOPWORD_MAX];
  while (*p != '\0') {
    while (*p == ' ')
      p++;
    const char *start = p;
    while (*p != '\0' && *p != ' ')
      p++;
    size_t len = (size_t)(p - start);
    if (len == 0 || len >= sizeof word)
      continue; /* no stopword is that long */
    memcpy(word, start, len);
    word[len] = '\0';
    int bits = GPOINTER_TO_INT(g_hash_table_lookup(set, word));
    en += bits & 1;
    es += (bits >> 1) & 1;
  }
  if (en >= 3 && en > es)
    g_strlcpy(lang, "en", 3);
  else if (es >= 3 && es > en)
    g_strlcpy(lang, "es", 3);
  else
    lang[0] = '\0';
}

/* ---------------------------------------------------------------- kind */

enum signal {
  SIG_STATEMENT = 0, /* bank statement */
  SIG_DEED,
  SIG_INCOME,        /* salary / pension / income wording */
  SIG_LETTER,        /* the shape of a letter: salutation, closing */
  SIG_US_STATUS,     /* US immigration status: I-797, I-94, EAD, visa */
  SIG_COUNT
};

struct keyword {
  enum signal sig;
  const char *phrase; /* folded tokens, single spaces */
  double weight;
};

static const struct keyword keywords[] = {
    /* bank statements, English */
    {SIG_STATEMENT, "statement", 0.15},
    {SIG_STATEMENT, "account statement", 0.2},
    {SIG_STATEMENT, "statement of account", 0.2},
    {SIG_STATEMENT, "statement period", 0.25},
    {SIG_STATEMENT, "account number", 0.15},
    {SIG_STATEMENT, "account summary", 0.15},
    {SIG_STATEMENT, "checking summary", 0.2},
    {SIG_STATEMENT, "beginning balance", 0.25},
    {SIG_STATEMENT, "opening balance", 0.25},
    {SIG_STATEMENT, "previous balance", 0.15},
    {SIG_STATEMENT, "ending balance", 0.25},
    {SIG_STATEMENT, "closing balance", 0.25},
    {SIG_STATEMENT, "average daily balance", 0.2},
    {SIG_STATEMENT, "average ledger balance", 0.2},
    {SIG_STATEMENT, "deposits and additions", 0.15},
    {SIG_STATEMENT, "deposits and other credits", 0.15},
    {SIG_STATEMENT, "withdrawals", 0.1},
    {SIG_STATEMENT, "transaction detail", 0.1},
    {SIG_STATEMENT, "transactions", 0.05},
    {SIG_STATEMENT, "member fdic", 0.1},
    /* bank statements, Spanish */
    {SIG_STATEMENT, "estado de cuenta", 0.35},
    {SIG_STATEMENT, "saldo anterior", 0.25},
    {SIG_STATEMENT, "saldo inicial", 0.25},
    {SIG_STATEMENT, "saldo final", 0.25},
    {SIG_STATEMENT, "saldo al corte", 0.25},
    {SIG_STATEMENT, "saldo promedio", 0.2},
    {SIG_STATEMENT, "periodo", 0.1},
    {SIG_STATEMENT, "fecha de corte", 0.1},
    {SIG_STATEMENT, "no de cuenta", 0.15},
    {SIG_STATEMENT, "numero de cuenta", 0.15},
    {SIG_STATEMENT, "clabe", 0.1},
    {SIG_STATEMENT, "detalle de movimientos", 0.15},
    {SIG_STATEMENT, "depositos", 0.05},
    {SIG_STATEMENT, "retiros", 0.05},
    /* look-alikes that are not evidence of savings: credit cards */
    {SIG_STATEMENT, "tarjeta de credito", -0.3},
    {SIG_STATEMENT, "pago minimo", -0.4},
    {SIG_STATEMENT, "limite de credito", -0.4},
    {SIG_STATEMENT, "pago para no generar intereses", -0.3},
    {SIG_STATEMENT, "credit card", -0.3},
    {SIG_STATEMENT, "minimum payment", -0.4},
    {SIG_STATEMENT, "minimum payment due", -0.1},
    {SIG_STATEMENT, "credit limit", -0.4},
    /* a pay stub reads like a statement but is income evidence */
    {SIG_STATEMENT, "earnings statement", -0.3},

    /* deeds and property contracts */
    {SIG_DEED, "escritura", 0.3},
    {SIG_DEED, "escritura publica", 0.2},
    {SIG_DEED, "notario", 0.25},
    {SIG_DEED, "notaria", 0.2},
    {SIG_DEED, "notario publico", 0.1},
    {SIG_DEED, "compraventa", 0.35},
    {SIG_DEED, "inmueble", 0.25},
    {SIG_DEED, "folio real", 0.3},
    {SIG_DEED, "registro publico de la propiedad", 0.25},
    {SIG_DEED, "parte vendedora", 0.2},
    {SIG_DEED, "parte compradora", 0.2},
    {SIG_DEED, "vendedor", 0.1},
    {SIG_DEED, "comprador", 0.1},
    {SIG_DEED, "avaluo", 0.15},
    {SIG_DEED, "valor catastral", 0.2},
    {SIG_DEED, "fe publica", 0.15},
    {SIG_DEED, "deed", 0.3},
    {SIG_DEED, "grant deed", 0.2},
    {SIG_DEED, "warranty deed", 0.2},
    {SIG_DEED, "real property", 0.15},
    /* investment documents: share purchases, capital increases (read by
       the deed reader, which tells them apart) */
    {SIG_DEED, "acta de asamblea", 0.25},
    {SIG_DEED, "asamblea general", 0.1},
    {SIG_DEED, "accionista", 0.25},
    {SIG_DEED, "accionistas", 0.2},
    {SIG_DEED, "acciones", 0.15},
    {SIG_DEED, "capital social", 0.3},
    {SIG_DEED, "aumento de capital", 0.3},
    {SIG_DEED, "suscribe y paga", 0.2},
    {SIG_DEED, "compraventa de acciones", 0.3},
    {SIG_DEED, "share purchase agreement", 0.4},
    {SIG_DEED, "shareholder", 0.2},
    {SIG_DEED, "capital increase", 0.3},

    /* income: employment, pension, benefit letters; pay stubs */
    {SIG_INCOME, "constancia de ingresos", 0.5},
    {SIG_INCOME, "constancia laboral", 0.4},
    {SIG_INCOME, "sueldo neto", 0.4},
    {SIG_INCOME, "sueldo mensual", 0.3},
    {SIG_INCOME, "sueldo", 0.15},
    {SIG_INCOME, "salario", 0.15},
    {SIG_INCOME, "ingreso mensual", 0.3},
    {SIG_INCOME, "ingresos", 0.1},
    {SIG_INCOME, "percepciones", 0.2},
    {SIG_INCOME, "pension", 0.25},
    {SIG_INCOME, "jubilacion", 0.25},
    {SIG_INCOME, "labora", 0.15},
    {SIG_INCOME, "puesto", 0.1},
    {SIG_INCOME, "salary", 0.25},
    {SIG_INCOME, "annual salary", 0.15},
    {SIG_INCOME, "monthly income", 0.3},
    {SIG_INCOME, "net income", 0.2},
    {SIG_INCOME, "income", 0.1},
    {SIG_INCOME, "monthly", 0.1},
    {SIG_INCOME, "per month", 0.1},
    {SIG_INCOME, "gross", 0.05},
    {SIG_INCOME, "net", 0.05},
    {SIG_INCOME, "employment", 0.2},
    {SIG_INCOME, "employed", 0.15},
    {SIG_INCOME, "employee", 0.1},
    {SIG_INCOME, "verification of employment", 0.3},
    {SIG_INCOME, "employment verification", 0.3},
    {SIG_INCOME, "position", 0.05},
    {SIG_INCOME, "benefit", 0.1},
    {SIG_INCOME, "benefits", 0.05},
    {SIG_INCOME, "award letter", 0.3},
    {SIG_INCOME, "social security", 0.15},
    {SIG_INCOME, "earnings statement", 0.4},
    {SIG_INCOME, "net pay", 0.3},
    {SIG_INCOME, "gross pay", 0.2},
    {SIG_INCOME, "pay date", 0.1},
    {SIG_INCOME, "pay stub", 0.3},
    {SIG_INCOME, "paystub", 0.3},
    {SIG_INCOME, "wages", 0.15},
    {SIG_INCOME, "hourly rate", 0.2},
    {SIG_INCOME, "per hour", 0.15},
    {SIG_INCOME, "hours per week", 0.15},
    {SIG_INCOME, "employment letter", 0.3},
    {SIG_INCOME, "benefit letter", 0.3},
    {SIG_INCOME, "monthly benefit", 0.3},
    {SIG_INCOME, "recurring", 0.05},

    /* US immigration status documents: the forms' own titles and labels
       (an employer letter may mention a visa; it does not print these) */
    {SIG_US_STATUS, "notice of action", 0.5},
    {SIG_US_STATUS, "i 797", 0.3},
    {SIG_US_STATUS, "i 797a", 0.3},
    {SIG_US_STATUS, "i 797b", 0.3},
    {SIG_US_STATUS, "i 797c", 0.3},
    {SIG_US_STATUS, "approval notice", 0.2},
    {SIG_US_STATUS, "receipt number", 0.1},
    {SIG_US_STATUS, "beneficiary", 0.05},
    {SIG_US_STATUS, "citizenship and immigration services", 0.15},
    {SIG_US_STATUS, "department of homeland security", 0.1},
    {SIG_US_STATUS, "admit until date", 0.5},
    {SIG_US_STATUS, "admit until", 0.2},
    {SIG_US_STATUS, "class of admission", 0.4},
    {SIG_US_STATUS, "most recent date of entry", 0.3},
    {SIG_US_STATUS, "i 94", 0.15},
    {SIG_US_STATUS, "employment authorization", 0.2},
    {SIG_US_STATUS, "card expires", 0.3},
    {SIG_US_STATUS, "not valid for reentry", 0.4},
    {SIG_US_STATUS, "uscis", 0.1},
    {SIG_US_STATUS, "visa type class", 0.5},
    {SIG_US_STATUS, "issuing post name", 0.4},
    {SIG_US_STATUS, "issuing post", 0.1},
    {SIG_US_STATUS, "control number", 0.1},
    {SIG_US_STATUS, "expiration date", 0.05},
    {SIG_US_STATUS, "annotation", 0.1},

    /* the shape of a letter */
    {SIG_LETTER, "dear", 0.3},
    {SIG_LETTER, "letter", 0.15},
    {SIG_LETTER, "to whom it may concern", 0.4},
    {SIG_LETTER, "sincerely", 0.3},
    {SIG_LETTER, "yours truly", 0.3},
    {SIG_LETTER, "regards", 0.2},
    {SIG_LETTER, "re", 0.05},
    {SIG_LETTER, "a quien corresponda", 0.4},
    {SIG_LETTER, "estimado", 0.25},
    {SIG_LETTER, "estimada", 0.25},
    {SIG_LETTER, "atentamente", 0.3},
    {SIG_LETTER, "cordialmente", 0.3},
    {SIG_LETTER, "asunto", 0.15},
    {SIG_LETTER, "presente", 0.1},
    {SIG_LETTER, "respectfully", 0.3},
    {SIG_LETTER, "cordially", 0.3},
    {SIG_LETTER, "at your disposal", 0.2},
    {SIG_LETTER, "thank you for your consideration", 0.2},
    {SIG_LETTER, "respetuosamente", 0.3},
    {SIG_LETTER, "quedo a sus ordenes", 0.2},
    {SIG_LETTER, "sin otro particular", 0.2},
    {SIG_LETTER, "sin mas por el momento", 0.2},
    {SIG_LETTER, "cordial saludo", 0.2},
};

static double clamp01(double v)
{
  return v < 0 ? 0 : v > 1 ? 1 : v;
}

/* Sets doc->kind and doc->kind_score from the token stream. */
static void detect_kind(const char *tokens, struct sv_doc *doc)
{
  double raw[SIG_COUNT] = {0};
  for (size_t i = 0; i < G_N_ELEMENTS(keywords); i++)
    if (has_phrase(tokens, keywords[i].phrase))
      raw[keywords[i].sig] += keywords[i].weight;

  double letter = clamp01(raw[SIG_LETTER]);
  /* An income letter is income wording, helped by the shape of a letter. */
  double scores[6] = {0};
  scores[SV_KIND_BANK_STATEMENT] = clamp01(raw[SIG_STATEMENT]);
  scores[SV_KIND_DEED] = clamp01(raw[SIG_DEED]);
  scores[SV_KIND_INCOME_LETTER] =
      raw[SIG_INCOME] >= 0.3 ? clamp01(raw[SIG_INCOME] + 0.3 * letter) : 0;
  scores[SV_KIND_LETTER] = letter;
  /* A status form wins only over weaker evidence of another kind: it is
     last in the order below, so a tie goes to the other kind. */
  scores[SV_KIND_US_STATUS] = clamp01(raw[SIG_US_STATUS]);

  /* Ties go to the first in this order; a plain letter only wins when no
     specific kind reached the threshold. */
  static const enum sv_doc_kind order[] = {
      SV_KIND_BANK_STATEMENT, SV_KIND_DEED, SV_KIND_INCOME_LETTER,
      SV_KIND_US_STATUS};
  enum sv_doc_kind best = SV_KIND_UNKNOWN;
  double best_score = 0;
  for (size_t i = 0; i < G_N_ELEMENTS(order); i++) {
    if (scores[order[i]] > best_score) {
      best = order[i];
      best_score = scores[order[i]];
    }
  }
  if (best_score < SV_CLASSIFY_THRESHOLD) {
    best = SV_KIND_UNKNOWN;
    best_score = 0;
    if (letter >= SV_CLASSIFY_THRESHOLD) {
      best = SV_KIND_LETTER;
      best_score = letter;
    }
  }
  doc->kind = best;
  doc->kind_score = best_score;
}

/* --------------------------------------------------------------- stage */

static sv_status classify_process(void *ctx, const struct sv_config *cfg,
                                  const struct sv_services *svc,
                                  struct sv_case *c, struct sv_doc *doc)
{
  (void)svc;
  (void)ctx;
  (void)cfg;
  (void)c;
  char *folded = NULL;
  char *tokens = NULL;

  if (doc == NULL)
    goto out;
  doc->kind = SV_KIND_UNKNOWN;
  doc->kind_score = 0;
  doc->lang[0] = '\0';
  if (doc->status != SV_DOC_OK)
    goto out;
  folded = doc_text(doc);
  if (folded == NULL)
    goto out;
  tokens = sv_fold_tokens(folded);
  detect_lang(tokens, doc->lang);
  detect_kind(tokens, doc);

out:
  g_free(tokens);
  g_free(folded);
  return SV_OK;
}

const struct sv_stage sv_classify_stage = {
    .name = "classify",
    .scope = SV_SCOPE_DOCUMENT,
    .run_on_failed = false,
    .init = NULL,
    .process = classify_process,
    .fini = NULL,
};
