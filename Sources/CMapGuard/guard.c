// The SIGBUS guard of mapped table files (see CMapGuard.h). The handler only reads the slot
// table and calls mmap, which on Linux and macOS is a plain system call.
#include "CMapGuard.h"

#if defined(__linux__) || defined(__APPLE__)
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif

#define SLOTS 4096

// A slot is free when its length is 0; `base` is written before `length` is published.
struct slot {
    _Atomic(uintptr_t) base;
    _Atomic(size_t) length;
    atomic_int faulted;
};

static struct slot slots[SLOTS];
static struct sigaction previous;
static uintptr_t pageSize;
static int installed;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void on_sigbus(int signal, siginfo_t *info, void *context) {
    (void)context;
    uintptr_t address = (uintptr_t)info->si_addr;
    for (int i = 0; i < SLOTS; i++) {
        size_t length = atomic_load_explicit(&slots[i].length, memory_order_acquire);
        if (length == 0) continue;
        uintptr_t base = atomic_load_explicit(&slots[i].base, memory_order_relaxed);
        if (address < base || address - base >= length) continue;
        uintptr_t from = address & ~(pageSize - 1);
        uintptr_t end = (base + length + pageSize - 1) & ~(pageSize - 1);
        void *zeros = mmap((void *)from, end - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
        if (zeros == MAP_FAILED) break;
        atomic_store_explicit(&slots[i].faulted, 1, memory_order_release);
        return;
    }
    // Not a mapping of ours: the previous disposition takes the fault when the instruction
    // runs again (or now, for a SIGBUS sent rather than raised by a fault).
    sigaction(SIGBUS, &previous, NULL);
    if (info->si_code <= 0) raise(signal);
}

long dudao_guard_register(const void *base, size_t length) {
    if (base == NULL || length == 0) return -1;
    long found = -1;
    pthread_mutex_lock(&lock);
    if (!installed) {
        pageSize = (uintptr_t)sysconf(_SC_PAGESIZE);
        struct sigaction action = {0};
        action.sa_sigaction = on_sigbus;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        installed = sigaction(SIGBUS, &action, &previous) == 0;
    }
    if (installed) {
        for (long i = 0; i < SLOTS; i++) {
            if (atomic_load_explicit(&slots[i].length, memory_order_relaxed) != 0) continue;
            atomic_store_explicit(&slots[i].faulted, 0, memory_order_relaxed);
            atomic_store_explicit(&slots[i].base, (uintptr_t)base, memory_order_relaxed);
            atomic_store_explicit(&slots[i].length, length, memory_order_release);
            found = i;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return found;
}

int dudao_guard_faulted(long slot) {
    if (slot < 0 || slot >= SLOTS) return 0;
    return atomic_load_explicit(&slots[slot].faulted, memory_order_acquire);
}

void dudao_guard_unregister(long slot) {
    if (slot < 0 || slot >= SLOTS) return;
    pthread_mutex_lock(&lock);
    atomic_store_explicit(&slots[slot].length, 0, memory_order_release);
    pthread_mutex_unlock(&lock);
}

#else

long dudao_guard_register(const void *base, size_t length) {
    (void)base; (void)length;
    return -1;
}

int dudao_guard_faulted(long slot) {
    (void)slot;
    return 0;
}

void dudao_guard_unregister(long slot) { (void)slot; }

#endif
