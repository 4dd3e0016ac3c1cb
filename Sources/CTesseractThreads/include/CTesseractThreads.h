#ifndef INVOICE_WORKER_CTESSERACTTHREADS_H
#define INVOICE_WORKER_CTESSERACTTHREADS_H

/// The OpenMP thread limit in force in this process, as libgomp reports it
/// (omp_get_thread_limit), or -1 when libgomp is not loaded.
int iw_omp_thread_limit(void);

/// 1 when this process was re-executed by invoice-worker to set OMP_THREAD_LIMIT.
int iw_omp_reexecuted(void);

#endif
