// Where the commas, quotes and line ends are among 32 bytes, found at once
// (SSE2 compares where the CPU has them, which Swift cannot ask for): the
// event log's fast path finds a line's fields and its end from these masks
// instead of searching for each (see EventLineParser.fastLine).
#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Bit i set when byte i is a comma, a double quote, a line feed.
typedef struct {
    uint32_t commas;
    uint32_t quotes;
    uint32_t newlines;
} cds_byte_masks;

/// The masks of the 32 bytes at `p` (all of them must be readable).
static inline __attribute__((always_inline)) cds_byte_masks cds_scan32(const uint8_t *p) {
    cds_byte_masks m;
#if defined(__SSE2__)
    __m128i a = _mm_loadu_si128((const __m128i *)p);
    __m128i b = _mm_loadu_si128((const __m128i *)(p + 16));
    __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), newline = _mm_set1_epi8('\n');
    m.commas = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a, comma))
        | (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(b, comma)) << 16;
    m.quotes = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a, quote))
        | (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(b, quote)) << 16;
    m.newlines = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a, newline))
        | (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(b, newline)) << 16;
#else
    m.commas = m.quotes = m.newlines = 0;
    for (int i = 0; i < 32; i++) {
        m.commas |= (uint32_t)(p[i] == ',') << i;
        m.quotes |= (uint32_t)(p[i] == '"') << i;
        m.newlines |= (uint32_t)(p[i] == '\n') << i;
    }
#endif
    return m;
}

#endif
