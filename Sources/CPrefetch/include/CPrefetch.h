// A cache prefetch hint for Swift, which has none of its own. The event
// log's candidate table asks for the slots and records of events a few
// places ahead, so that their cache misses overlap instead of stalling
// one after another (see CandidateShard.count).
#ifndef CPREFETCH_H
#define CPREFETCH_H

static inline __attribute__((always_inline)) void cds_prefetch(const void *p) {
    __builtin_prefetch(p, 0, 3);
}

static inline __attribute__((always_inline)) void cds_prefetch_write(const void *p) {
    __builtin_prefetch(p, 1, 3);
}

#endif
