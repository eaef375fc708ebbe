/*
 * queue.h - a bounded, blocking, closable FIFO of pointers.
 *
 * The stages of the pipeline are connected by these queues.  push blocks
 * while the queue is full, so the feeder reading files can never outrun the
 * workers (memory stays bounded by the capacity); pop blocks while it is
 * empty.  close wakes everyone: pushes fail from then on, pops drain what is
 * left and then return NULL.  One mutex, two condition variables (GStreamer
 * gstqueue.c).  All functions are MT safe unless noted.
 */
#ifndef SV_QUEUE_H
#define SV_QUEUE_H

#include <stdbool.h>
#include <stddef.h>

struct sv_queue;

/* Returns owned: a queue holding at most capacity (>= 1) items; free with
   sv_queue_free.  Not MT safe (call before sharing). */
struct sv_queue *sv_queue_new(size_t capacity);

/* NULL-safe; clears *q.  The queue must be empty and no thread may be
   blocked on it.  Items still queued are not freed. */
void sv_queue_free(struct sv_queue **q);

/* Appends item (not NULL), waiting while full.  Returns false, without
   taking the item, when the queue was closed. */
bool sv_queue_push(struct sv_queue *q, void *item);

/* Puts item (not NULL) first, never waiting: the queue grows past its
   capacity if it must (for small urgent items: a worker offering the
   pages of its document must not wait for the queue it is draining).
   Returns false, without taking the item, when the queue was closed. */
bool sv_queue_push_front(struct sv_queue *q, void *item);

/* Removes the oldest item, waiting while empty.  Returns NULL once the
   queue is closed and empty. */
void *sv_queue_pop(struct sv_queue *q);

/* Closes the queue: no more pushes; pops drain then return NULL. */
void sv_queue_close(struct sv_queue *q);

/* The number of items queued now (a snapshot). */
size_t sv_queue_length(struct sv_queue *q);

/* The most items that were queued at once, and the bound (statistics). */
size_t sv_queue_high_water(struct sv_queue *q);
size_t sv_queue_capacity(const struct sv_queue *q);

#endif
