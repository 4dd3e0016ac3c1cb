#ifndef INVOICE_WORKER_CTESSERACT_SHIM_H
#define INVOICE_WORKER_CTESSERACT_SHIM_H
#include <tesseract/capi.h>
#endif
