/*
 * The floor for reading a ledger: one pass over a CSV file in plain C, as a hand-written
 * reader would do it. It maps the file, splits every row into fields (RFC 4180 quotes,
 * doubled quotes, CRLF), and for each field does the least a real reader must: finds its
 * bounds and folds its length and first byte into a checksum, so the work cannot be
 * optimised away. No interning, no validation, no rules.
 *
 *   cc -O2 -o scan bench/scan.c && ./scan activities.csv
 *
 * bench/run.sh builds it into bench/data/ and measure.py times it as the `c-scan` tool;
 * issue 14 asks the full audit to stay within 3.5 times this.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: scan FILE.csv\n");
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(argv[1]);
        return 2;
    }
    size_t n = (size_t)st.st_size;
    const unsigned char *p = n ? mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
    if (n && p == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    if (n) madvise((void *)p, n, MADV_SEQUENTIAL);
    uint64_t rows = 0, fields = 0, sum = 0;
    size_t i = 0;
    while (i < n) {
        /* one field */
        size_t start = i;
        if (p[i] == '"') {
            i++;
            for (;;) {
                const unsigned char *q = memchr(p + i, '"', n - i);
                if (!q) { i = n; break; }
                i = (size_t)(q - p) + 1;
                if (i < n && p[i] == '"') { i++; continue; }
                break;
            }
        }
        while (i < n && p[i] != ',' && p[i] != '\n') i++;
        size_t end = i;
        if (end > start && p[end - 1] == '\r') end--;
        fields++;
        sum += (end - start) * 31u + (end > start ? p[start] : 0);
        if (i < n && p[i] == '\n') rows++;
        i++;
    }
    if (n && p[n - 1] != '\n') rows++;
    printf("%llu rows, %llu fields, checksum %llu\n", (unsigned long long)rows,
           (unsigned long long)fields, (unsigned long long)sum);
    return 0;
}
