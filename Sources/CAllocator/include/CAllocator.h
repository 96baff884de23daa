// glibc's allocator, set for a process that reads a large event log in one
// go (see CAllocator.c). Swift's Glibc module does not expose mallopt.
#ifndef CALLOCATOR_H
#define CALLOCATOR_H

/// Sets the allocator up for large reads; returns 1 when every setting was
/// taken (0 on another C library, or when glibc refused one).
int cds_tune_allocator_for_large_reads(void);

#endif
