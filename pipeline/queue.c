/*
 * queue.c - bounded blocking FIFO (see queue.h).
 *
 * A ring buffer under one mutex; not_full wakes pushers, not_empty wakes
 * poppers.  Lock order: only q->lock, never held while calling out.
 */
#include "queue.h"

#include <glib.h>
#include <pthread.h>

struct sv_queue {
  pthread_mutex_t lock;
  pthread_cond_t not_full;
  pthread_cond_t not_empty;
  void **ring;
  size_t bound;          /* push waits while this many are queued */
  size_t cap, head, len; /* the ring (cap >= bound) */
  size_t high;           /* the most items queued at once */
  bool closed;
};

struct sv_queue *sv_queue_new(size_t capacity)
{
  struct sv_queue *q = g_new0(struct sv_queue, 1);
  q->cap = q->bound = capacity > 0 ? capacity : 1;
  q->ring = g_new0(void *, q->cap);
  pthread_mutex_init(&q->lock, NULL);
  pthread_cond_init(&q->not_full, NULL);
  pthread_cond_init(&q->not_empty, NULL);
  return q;
}

void sv_queue_free(struct sv_queue **qp)
{
  if (qp == NULL || *qp == NULL)
    return;
  struct sv_queue *q = *qp;
  pthread_cond_destroy(&q->not_empty);
  pthread_cond_destroy(&q->not_full);
  pthread_mutex_destroy(&q->lock);
  g_free(q->ring);
  g_free(q);
  *qp = NULL;
}

bool sv_queue_push(struct sv_queue *q, void *item)
{
  g_return_val_if_fail(item != NULL, false);
  pthread_mutex_lock(&q->lock);
  while (q->len >= q->bound && !q->closed)
    pthread_cond_wait(&q->not_full, &q->lock);
  if (q->closed) {
    pthread_mutex_unlock(&q->lock);
    return false;
  }
  q->ring[(q->head + q->len) % q->cap] = item;
  q->len++;
  q->high = MAX(q->high, q->len);
  pthread_cond_signal(&q->not_empty);
  pthread_mutex_unlock(&q->lock);
  return true;
}

bool sv_queue_push_front(struct sv_queue *q, void *item)
{
  g_return_val_if_fail(item != NULL, false);
  pthread_mutex_lock(&q->lock);
  if (q->closed) {
    pthread_mutex_unlock(&q->lock);
    return false;
  }
  if (q->len == q->cap) { /* grow: this push never waits */
    void **ring = g_new0(void *, q->cap * 2);
    for (size_t i = 0; i < q->len; i++)
      ring[i] = q->ring[(q->head + i) % q->cap];
    g_free(q->ring);
    q->ring = ring;
    q->head = 0;
    q->cap *= 2;
  }
  q->head = (q->head + q->cap - 1) % q->cap;
  q->ring[q->head] = item;
  q->len++;
  q->high = MAX(q->high, q->len);
  pthread_cond_signal(&q->not_empty);
  pthread_mutex_unlock(&q->lock);
  return true;
}

void *sv_queue_pop(struct sv_queue *q)
{
  pthread_mutex_lock(&q->lock);
  while (q->len == 0 && !q->closed)
    pthread_cond_wait(&q->not_empty, &q->lock);
  void *item = NULL;
  if (q->len > 0) {
    item = q->ring[q->head];
    q->ring[q->head] = NULL;
    q->head = (q->head + 1) % q->cap;
    q->len--;
    pthread_cond_signal(&q->not_full);
  }
  pthread_mutex_unlock(&q->lock);
  return item;
}

void sv_queue_close(struct sv_queue *q)
{
  pthread_mutex_lock(&q->lock);
  q->closed = true;
  pthread_cond_broadcast(&q->not_full);
  pthread_cond_broadcast(&q->not_empty);
  pthread_mutex_unlock(&q->lock);
}

size_t sv_queue_length(struct sv_queue *q)
{
  pthread_mutex_lock(&q->lock);
  size_t n = q->len;
  pthread_mutex_unlock(&q->lock);
  return n;
}

size_t sv_queue_high_water(struct sv_queue *q)
{
  pthread_mutex_lock(&q->lock);
  size_t n = q->high;
  pthread_mutex_unlock(&q->lock);
  return n;
}

size_t sv_queue_capacity(const struct sv_queue *q)
{
  return q->bound;
}
