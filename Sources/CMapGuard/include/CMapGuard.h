#ifndef C_MAP_GUARD_H
#define C_MAP_GUARD_H

#include <stddef.h>

/// Guards a read-only file mapping against the file being cut short while it is mapped: a read
/// past the file's new end raises SIGBUS, which a handler (installed on first use) answers by
/// mapping zero pages over the rest of the mapping, so the read goes on and finds zeros, and
/// by marking the mapping as faulted. A SIGBUS anywhere else goes to the disposition that was
/// in place before.
///
/// Returns the slot that guards `base[0..<length]`, or -1 when the handler could not be
/// installed or every slot is taken (the mapping is then unguarded).
long dudao_guard_register(const void *base, size_t length);

/// 1 when a read in the slot's mapping found the file cut short, else 0.
int dudao_guard_faulted(long slot);

/// Stops guarding the slot's mapping; call before unmapping it.
void dudao_guard_unregister(long slot);

#endif
