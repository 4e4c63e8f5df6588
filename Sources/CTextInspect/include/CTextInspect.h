#ifndef C_TEXT_INSPECT_H
#define C_TEXT_INSPECT_H

#include <stddef.h>
#include <stdint.h>

/// The vector kernel of `TextInspector`: checks that `bytes[0..<count]` is strict UTF-8 and
/// counts the line ends in it (LF, CRLF and a lone CR each end one; a CR as the last byte
/// counts as one). Returns 1 when valid, 0 when not (then `*lineEnds` is partial), and -1
/// when this CPU has no such kernel (the caller uses its scalar path).
int dudao_inspect_text(const uint8_t *bytes, size_t count, size_t *lineEnds);

#endif
