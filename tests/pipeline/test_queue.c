/*
 * test_queue.c - the bounded queue: order, blocking when full, close/drain,
 * and many producers/consumers losing nothing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glib.h>
#include <pthread.h>

#include "queue.h"

/* Items come out in the order they went in. */
static void test_queue_fifo_order(void **state)
{
  (void)state;
  struct sv_queue *q = sv_queue_new(4);
  int v[4] = {1, 2, 3, 4};
  for (int i = 0; i < 4; i++)
    assert_true(sv_queue_push(q, &v[i]));
  assert_int_equal(sv_queue_length(q), 4);
  for (int i = 0; i < 4; i++)
    assert_ptr_equal(sv_queue_pop(q), &v[i]);
  sv_queue_free(&q);
  assert_null(q);
}

struct blocker {
  struct sv_queue *q;
  int item;
  volatile int pushed;
};

static void *push_one(void *arg)
{
  struct blocker *b = arg;
  sv_queue_push(b->q, &b->item);
  g_atomic_int_set(&b->pushed, 1);
  return NULL;
}

/* A push into a full queue waits until a pop makes room. */
static void test_queue_push_blocks_when_full(void **state)
{
  (void)state;
  struct sv_queue *q = sv_queue_new(1);
  int first = 7;
  assert_true(sv_queue_push(q, &first));
  struct blocker b = {.q = q, .item = 8};
  pthread_t t;
  pthread_create(&t, NULL, push_one, &b);
  g_usleep(100000);
  assert_int_equal(g_atomic_int_get(&b.pushed), 0); /* still waiting */
  assert_ptr_equal(sv_queue_pop(q), &first);
  pthread_join(t, NULL);
  assert_int_equal(g_atomic_int_get(&b.pushed), 1);
  assert_ptr_equal(sv_queue_pop(q), &b.item);
  sv_queue_free(&q);
}

/* After close, pops drain what is left, then return NULL; pushes fail. */
static void test_queue_close_drains_then_ends(void **state)
{
  (void)state;
  struct sv_queue *q = sv_queue_new(3);
  int a = 1, b = 2;
  sv_queue_push(q, &a);
  sv_queue_push(q, &b);
  sv_queue_close(q);
  assert_false(sv_queue_push(q, &a));
  assert_ptr_equal(sv_queue_pop(q), &a);
  assert_ptr_equal(sv_queue_pop(q), &b);
  assert_null(sv_queue_pop(q));
  sv_queue_free(&q);
}

static void *pop_until_closed(void *arg)
{
  struct sv_queue *q = arg;
  return sv_queue_pop(q);
}

/* Close wakes a consumer blocked on an empty queue. */
static void test_queue_close_wakes_waiters(void **state)
{
  (void)state;
  struct sv_queue *q = sv_queue_new(2);
  pthread_t t;
  pthread_create(&t, NULL, pop_until_closed, q);
  g_usleep(50000);
  sv_queue_close(q);
  void *ret = (void *)1;
  pthread_join(t, &ret);
  assert_null(ret);
  sv_queue_free(&q);
}

/* push_front puts an item first and never waits: on a full queue it
   grows, and the bound on ordinary pushes stays what it was. */
static void test_queue_push_front_first_and_never_waits(void **state)
{
  (void)state;
  struct sv_queue *q = sv_queue_new(2);
  int a = 1, b = 2, c = 3, d = 4;
  assert_true(sv_queue_push(q, &a));
  assert_true(sv_queue_push(q, &b)); /* full */
  assert_true(sv_queue_push_front(q, &c));
  assert_true(sv_queue_push_front(q, &d));
  assert_int_equal(sv_queue_length(q), 4);
  assert_ptr_equal(sv_queue_pop(q), &d);
  assert_ptr_equal(sv_queue_pop(q), &c);
  /* two left: an ordinary push still waits at the bound of 2 */
  struct blocker bl = {.q = q, .item = 9};
  pthread_t t;
  pthread_create(&t, NULL, push_one, &bl);
  g_usleep(100000);
  assert_int_equal(g_atomic_int_get(&bl.pushed), 0);
  assert_ptr_equal(sv_queue_pop(q), &a);
  pthread_join(t, NULL);
  assert_ptr_equal(sv_queue_pop(q), &b);
  assert_ptr_equal(sv_queue_pop(q), &bl.item);
  sv_queue_close(q);
  assert_false(sv_queue_push_front(q, &a));
  sv_queue_free(&q);
}

#define PRODUCERS 4
#define CONSUMERS 3
#define PER_PRODUCER 5000

struct mpmc {
  struct sv_queue *q;
  int base;
  gint64 sum;
  int count;
};

static void *producer(void *arg)
{
  struct mpmc *m = arg;
  for (int i = 1; i <= PER_PRODUCER; i++)
    sv_queue_push(m->q, GINT_TO_POINTER(m->base + i));
  return NULL;
}

static void *consumer(void *arg)
{
  struct mpmc *m = arg;
  void *p;
  while ((p = sv_queue_pop(m->q)) != NULL) {
    m->sum += GPOINTER_TO_INT(p);
    m->count++;
  }
  return NULL;
}

/* Many producers and consumers through a tiny queue: every item arrives
   exactly once (count and sum match). */
static void test_queue_many_threads_lose_nothing(void **state)
{
  (void)state;
  struct sv_queue *q = sv_queue_new(3);
  pthread_t pt[PRODUCERS], ct[CONSUMERS];
  struct mpmc pm[PRODUCERS], cm[CONSUMERS];
  gint64 expect = 0;
  for (int i = 0; i < PRODUCERS; i++) {
    pm[i] = (struct mpmc){.q = q, .base = i * 100000};
    for (int k = 1; k <= PER_PRODUCER; k++)
      expect += pm[i].base + k;
    pthread_create(&pt[i], NULL, producer, &pm[i]);
  }
  for (int i = 0; i < CONSUMERS; i++) {
    cm[i] = (struct mpmc){.q = q};
    pthread_create(&ct[i], NULL, consumer, &cm[i]);
  }
  for (int i = 0; i < PRODUCERS; i++)
    pthread_join(pt[i], NULL);
  sv_queue_close(q);
  gint64 sum = 0;
  int count = 0;
  for (int i = 0; i < CONSUMERS; i++) {
    pthread_join(ct[i], NULL);
    sum += cm[i].sum;
    count += cm[i].count;
  }
  assert_int_equal(count, PRODUCERS * PER_PRODUCER);
  assert_true(sum == expect);
  sv_queue_free(&q);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_queue_fifo_order),
      cmocka_unit_test(test_queue_push_blocks_when_full),
      cmocka_unit_test(test_queue_close_drains_then_ends),
      cmocka_unit_test(test_queue_close_wakes_waiters),
      cmocka_unit_test(test_queue_push_front_first_and_never_waits),
      cmocka_unit_test(test_queue_many_threads_lose_nothing),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
