// Tesseract's LSTM opens OpenMP parallel regions of 4 threads at every step; on a page that
// costs 4.5 s instead of 0.7 s, and it fights our own page parallelism. libgomp reads
// OMP_THREAD_LIMIT once, in its constructor, which runs before any Swift code: setting the
// variable from main() is too late. An executable's .preinit_array runs before the
// constructors of the shared libraries it loads, so this is the one place where the limit
// can be set without the user knowing about it. A limit the user set is kept.
#include <stdlib.h>
#include "CTesseractThreads.h"

static int limit_at_start = 0;
static int set_by_us = 0;

static void iw_limit_openmp_threads(int argc, char **argv, char **envp) {
    (void)argc; (void)argv; (void)envp;
    const char *existing = getenv("OMP_THREAD_LIMIT");
    if (existing == NULL || existing[0] == '\0') {
        setenv("OMP_THREAD_LIMIT", "1", 1);
        set_by_us = 1;
    }
    limit_at_start = atoi(getenv("OMP_THREAD_LIMIT"));
}

__attribute__((section(".preinit_array"), used))
static void (*const iw_preinit_entry)(int, char **, char **) = iw_limit_openmp_threads;

int iw_omp_thread_limit_at_start(void) { return limit_at_start; }
int iw_omp_thread_limit_set_by_us(void) { return set_by_us; }
