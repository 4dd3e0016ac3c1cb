#ifndef INVOICE_WORKER_CTESSERACTTHREADS_H
#define INVOICE_WORKER_CTESSERACTTHREADS_H

/// The OpenMP thread limit in force in this process, as libgomp reports it
/// (omp_get_thread_limit), or -1 when libgomp is not loaded.
int iw_omp_thread_limit(void);

#endif
