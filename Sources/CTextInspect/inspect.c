// UTF-8 validation by nibble lookups (the method of Keiser and Lemire, "Validating UTF-8 In
// Less Than One Instruction Per Byte", 2021), with line ends counted in the same pass, 32
// bytes at a time with AVX2. Chosen at run time; other CPUs get -1 and the scalar path.
#include "CTextInspect.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include <string.h>

// Error classes of a two-byte window (first byte, second byte). A window's class bits are
// those of all three tables; TWO_CONTS is expected exactly where a third or fourth byte is.
#define TOO_SHORT (1 << 0)   // 11______ followed by 0_______ or 11______
#define TOO_LONG (1 << 1)    // 0_______ followed by 10______
#define OVERLONG_3 (1 << 2)  // 11100000 100_____
#define TOO_LARGE (1 << 3)   // 11110100 1001____, 11110100 101_____, 11110101.. 1001____ ...
#define SURROGATE (1 << 4)   // 11101101 101_____
#define OVERLONG_2 (1 << 5)  // 1100000_ 10______
#define TOO_LARGE_1000 (1 << 6)  // 11110101.. 1000____ and above
#define OVERLONG_4 (1 << 6)  // 11110000 1000____
#define TWO_CONTS (1 << 7)   // 10______ 10______
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

#define AVX2 __attribute__((target("avx2,popcnt")))

static AVX2 inline __m256i table(const int8_t t[16]) {
    __m128i lane = _mm_loadu_si128((const __m128i *)t);
    return _mm256_broadcastsi128_si256(lane);
}

/// The bytes of `input` moved up by `n` (1 to 3), the last `n` bytes of `previous` in front.
#define PREVIOUS(input, previous, n) \
    _mm256_alignr_epi8((input), _mm256_permute2x128_si256((previous), (input), 0x21), 16 - (n))

static AVX2 int inspect_avx2(const uint8_t *bytes, size_t count, size_t *lineEnds) {
    static const int8_t byte1High[16] = {
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2,
        TOO_SHORT,
        TOO_SHORT | OVERLONG_3 | SURROGATE,
        (int8_t)(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4),
    };
    static const int8_t byte1Low[16] = {
        (int8_t)(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4),
        (int8_t)(CARRY | OVERLONG_2),
        (int8_t)CARRY, (int8_t)CARRY,
        (int8_t)(CARRY | TOO_LARGE),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
    };
    static const int8_t byte2High[16] = {
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    };
    const __m256i t1High = table(byte1High), t1Low = table(byte1Low), t2High = table(byte2High);
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    const __m256i lf = _mm256_set1_epi8('\n'), cr = _mm256_set1_epi8('\r');
    __m256i previous = _mm256_setzero_si256(), error = _mm256_setzero_si256();
    size_t lines = 0;
    uint32_t crBefore = 0;  // 1 when the byte before this block is a CR

    // Full blocks, then the rest padded with zero bytes, then (when the rest was empty) one
    // block of zeros: a sequence cut short by the end meets a zero byte and is an error.
    uint8_t tail[32];
    size_t full = count & ~(size_t)31;
    for (size_t at = 0; at <= full; at += 32) {
        __m256i input;
        if (at < full) {
            input = _mm256_loadu_si256((const __m256i *)(bytes + at));
        } else {
            memset(tail, 0, sizeof tail);
            memcpy(tail, bytes + at, count - full);
            input = _mm256_loadu_si256((const __m256i *)tail);
        }
        uint32_t lfMask = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(input, lf));
        uint32_t crMask = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(input, cr));
        // Every LF and CR ends a line, except a CR right before an LF (one line end, CRLF).
        lines += (size_t)__builtin_popcount(lfMask) + (size_t)__builtin_popcount(crMask)
            - (size_t)__builtin_popcount(crMask & (lfMask >> 1)) - (size_t)(crBefore & lfMask & 1);
        crBefore = crMask >> 31;

        // Blocks of ASCII after a complete sequence need no lookups.
        if (_mm256_movemask_epi8(_mm256_or_si256(input, previous)) == 0) {
            previous = input;
            continue;
        }
        __m256i prev1 = PREVIOUS(input, previous, 1);
        __m256i high1 = _mm256_shuffle_epi8(t1High, _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nibble));
        __m256i low1 = _mm256_shuffle_epi8(t1Low, _mm256_and_si256(prev1, nibble));
        __m256i high2 = _mm256_shuffle_epi8(t2High, _mm256_and_si256(_mm256_srli_epi16(input, 4), nibble));
        __m256i special = _mm256_and_si256(_mm256_and_si256(high1, low1), high2);
        // Bit 7 where the byte two back is a 3- or 4-byte lead, or three back a 4-byte lead.
        __m256i third = _mm256_subs_epu8(PREVIOUS(input, previous, 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
        __m256i fourth = _mm256_subs_epu8(PREVIOUS(input, previous, 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
        __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
        error = _mm256_or_si256(error, _mm256_xor_si256(special, must23));
        previous = input;
        if ((at & 0xFFFF) == 0 && !_mm256_testz_si256(error, error)) break;
    }
    *lineEnds = lines;
    return _mm256_testz_si256(error, error) ? 1 : 0;
}

int dudao_inspect_text(const uint8_t *bytes, size_t count, size_t *lineEnds) {
    if (!__builtin_cpu_supports("avx2")) return -1;
    return inspect_avx2(bytes, count, lineEnds);
}

#else

int dudao_inspect_text(const uint8_t *bytes, size_t count, size_t *lineEnds) {
    (void)bytes; (void)count; (void)lineEnds;
    return -1;
}

#endif
