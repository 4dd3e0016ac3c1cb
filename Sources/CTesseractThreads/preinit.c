// Tesseract's LSTM opens OpenMP parallel regions of 4 threads at every step; on a page that
// costs 4.5 s instead of 0.7 s, and it fights our own page parallelism. libgomp reads
// OMP_THREAD_LIMIT once, in its constructor, before any Swift code runs, and nothing can
// change the limit afterwards. Setting the variable early is not enough either: libc's own
// initialiser runs after the executable's .preinit_array and resets `environ` to the
// original block, dropping a setenv() made there.
//
// So, from .preinit_array (the first code of the process, before any library constructor),
// when OMP_THREAD_LIMIT is unset the process executes itself again with OMP_THREAD_LIMIT=1
// added to its environment. It costs one extra exec (a few milliseconds) and the user never
// has to know. A limit the user set is kept. If the exec fails the process simply continues.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "CTesseractThreads.h"

static void iw_limit_openmp_threads(int argc, char **argv, char **envp) {
    (void)argc;
    if (envp == NULL || argv == NULL) return;
    size_t count = 0;
    for (char **e = envp; *e != NULL; e++) {
        if (strncmp(*e, "OMP_THREAD_LIMIT=", 17) == 0 && (*e)[17] != '\0') return;
        count++;
    }
    char **environment = calloc(count + 2, sizeof(char *));
    if (environment == NULL) return;
    size_t n = 0;
    for (char **e = envp; *e != NULL; e++) {
        if (strncmp(*e, "OMP_THREAD_LIMIT=", 17) != 0) environment[n++] = *e;
    }
    environment[n++] = "OMP_THREAD_LIMIT=1";
    environment[n] = NULL;
    execve("/proc/self/exe", argv, environment);
    free(environment);  // exec failed: carry on unlimited rather than not at all
}

__attribute__((section(".preinit_array"), used))
static void (*const iw_preinit_entry)(int, char **, char **) = iw_limit_openmp_threads;

int iw_omp_thread_limit(void) {
    int (*get_limit)(void) = (int (*)(void))dlsym(RTLD_DEFAULT, "omp_get_thread_limit");
    return get_limit ? get_limit() : -1;
}
