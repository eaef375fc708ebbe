/*
 * pagejob.c - the pages of one document, shared out (see pagejob.h).
 */
#include "pagejob.h"

#include <pthread.h>

#include "wire.h"

enum page_state {
  PAGE_FREE = 0,
  PAGE_OWNER,   /* the owner's reader has it */
  PAGE_CLAIMED, /* a helper's reader is reading it */
  PAGE_READ,    /* delivered by a helper */
  PAGE_FAILED   /* its helper's reader was lost on it */
};

struct sv_page_job {
  gint refs; /* atomic */
  pthread_mutex_t lock;
  pthread_cond_t changed;
  GBytes *bytes;
  char *relpath;
  enum sv_filetype type;
  int npages;
  bool closed;
  int pending;          /* pages helpers claimed and have not handed back */
  int helped;
  enum page_state *state;
  GByteArray **result;  /* per page: the encoded page, or */
  char **why;           /* why it could not be read */
};

struct sv_page_job *sv_page_job_new(GBytes *bytes, const char *relpath,
                                    enum sv_filetype type, int npages)
{
  struct sv_page_job *job = g_new0(struct sv_page_job, 1);
  job->refs = 1;
  pthread_mutex_init(&job->lock, NULL);
  pthread_cond_init(&job->changed, NULL);
  job->bytes = g_bytes_ref(bytes);
  job->relpath = g_strdup(relpath);
  job->type = type;
  job->npages = npages > 0 ? npages : 0;
  job->state = g_new0(enum page_state, job->npages + 1);
  job->result = g_new0(GByteArray *, job->npages + 1);
  job->why = g_new0(char *, job->npages + 1);
  return job;
}

struct sv_page_job *sv_page_job_ref(struct sv_page_job *job)
{
  g_atomic_int_inc(&job->refs);
  return job;
}

void sv_page_job_unref(struct sv_page_job **jobp)
{
  if (jobp == NULL || *jobp == NULL)
    return;
  struct sv_page_job *job = *jobp;
  *jobp = NULL;
  if (!g_atomic_int_dec_and_test(&job->refs))
    return;
  for (int i = 0; i <= job->npages; i++) {
    if (job->result[i] != NULL)
      g_byte_array_unref(job->result[i]);
    g_free(job->why[i]);
  }
  g_free(job->result);
  g_free(job->why);
  g_free(job->state);
  g_bytes_unref(job->bytes);
  g_free(job->relpath);
  pthread_cond_destroy(&job->changed);
  pthread_mutex_destroy(&job->lock);
  g_free(job);
}

GBytes *sv_page_job_bytes(const struct sv_page_job *job)
{
  return job->bytes;
}

const char *sv_page_job_path(const struct sv_page_job *job)
{
  return job->relpath;
}

enum sv_filetype sv_page_job_type(const struct sv_page_job *job)
{
  return job->type;
}

bool sv_page_job_open(struct sv_page_job *job)
{
  pthread_mutex_lock(&job->lock);
  bool open = !job->closed;
  pthread_mutex_unlock(&job->lock);
  return open;
}

void sv_page_job_close(struct sv_page_job *job)
{
  pthread_mutex_lock(&job->lock);
  job->closed = true;
  pthread_mutex_unlock(&job->lock);
}

bool sv_page_job_claim(struct sv_page_job *job, int page, bool owner)
{
  bool got = false;
  pthread_mutex_lock(&job->lock);
  if (page >= 1 && page <= job->npages && job->state[page] == PAGE_FREE &&
      (owner || !job->closed)) {
    job->state[page] = owner ? PAGE_OWNER : PAGE_CLAIMED;
    if (!owner)
      job->pending++;
    got = true;
  }
  pthread_mutex_unlock(&job->lock);
  return got;
}

/* Hands back a claimed page (lock held by the caller). */
static void hand_back(struct sv_page_job *job, int page, GByteArray *result,
                      const char *why)
{
  if (page < 1 || page > job->npages || job->state[page] != PAGE_CLAIMED) {
    if (result != NULL)
      g_byte_array_unref(result);
    return;
  }
  if (result != NULL) {
    job->state[page] = PAGE_READ;
    job->result[page] = result;
    job->helped++;
  } else {
    job->state[page] = PAGE_FAILED;
    job->why[page] = g_strdup(why);
  }
  job->pending--;
  pthread_cond_broadcast(&job->changed);
}

void sv_page_job_deliver(struct sv_page_job *job, int page,
                         GByteArray *result)
{
  pthread_mutex_lock(&job->lock);
  hand_back(job, page, result, NULL);
  pthread_mutex_unlock(&job->lock);
}

void sv_page_job_fail(struct sv_page_job *job, int page, const char *why)
{
  pthread_mutex_lock(&job->lock);
  hand_back(job, page, NULL, why != NULL ? why : "the page was not read");
  pthread_mutex_unlock(&job->lock);
}

guint32 sv_page_job_gather(struct sv_page_job *job, GByteArray *b)
{
  pthread_mutex_lock(&job->lock);
  job->closed = true;
  while (job->pending > 0)
    pthread_cond_wait(&job->changed, &job->lock);
  guint32 n = 0;
  for (int i = 1; i <= job->npages; i++)
    n += job->state[i] == PAGE_READ || job->state[i] == PAGE_FAILED;
  sv_wire_put_u32(b, n);
  for (int i = 1; i <= job->npages; i++) {
    if (job->state[i] == PAGE_READ) {
      sv_wire_put_u32(b, (guint32)i);
      sv_wire_put_u32(b, 0);
      g_byte_array_append(b, job->result[i]->data, job->result[i]->len);
    } else if (job->state[i] == PAGE_FAILED) {
      sv_wire_put_u32(b, (guint32)i);
      sv_wire_put_u32(b, 1);
      sv_wire_put_str(b, job->why[i]);
    }
  }
  pthread_mutex_unlock(&job->lock);
  return n;
}

int sv_page_job_helped(struct sv_page_job *job)
{
  pthread_mutex_lock(&job->lock);
  int n = job->helped;
  pthread_mutex_unlock(&job->lock);
  return n;
}
