#ifndef INVOICE_WORKER_CLEPTONICA_SHIM_H
#define INVOICE_WORKER_CLEPTONICA_SHIM_H
#include <leptonica/allheaders.h>

/// Leptonica stores 8-bpp rows in 32-bit words with the bytes of each word in big-endian
/// order; on a little-endian machine byte n of a row lives at address n ^ 3.
static inline l_uint32 iw_lept_byte_index(l_uint32 n) {
#ifdef L_BIG_ENDIAN
    return n;
#else
    return n ^ 3;
#endif
}

/// Silences Leptonica's messages on stderr (they are not useful to an operator).
static inline void iw_lept_quiet(void) { setMsgSeverity(L_SEVERITY_NONE); }
#endif
