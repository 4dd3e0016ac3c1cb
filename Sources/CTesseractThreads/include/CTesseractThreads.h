#ifndef INVOICE_WORKER_CTESSERACTTHREADS_H
#define INVOICE_WORKER_CTESSERACTTHREADS_H

/// The OpenMP thread limit this process started with, as libgomp read it: the value of
/// OMP_THREAD_LIMIT when the process was loaded (0 when it was unset).
int iw_omp_thread_limit_at_start(void);

/// 1 when invoice-worker itself set OMP_THREAD_LIMIT before libgomp started.
int iw_omp_thread_limit_set_by_us(void);

#endif
