#ifndef INVOICE_WORKER_CPOPPLER_SHIM_H
#define INVOICE_WORKER_CPOPPLER_SHIM_H
#include <poppler.h>
#include <cairo.h>

/// GError's domain is a macro-computed quark; expose the comparisons Swift needs.
static inline int iw_poppler_error_is_encrypted(const GError *error) {
    return error != NULL && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED;
}
static inline int iw_poppler_error_is_damaged(const GError *error) {
    return error != NULL && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_DAMAGED;
}
static inline void iw_g_object_unref(void *object) { if (object) g_object_unref(object); }

/// Routes glib's and poppler's log messages away from stdout (stdout carries JSON).
static inline void iw_poppler_quiet_handler(const gchar *domain, GLogLevelFlags level,
                                            const gchar *message, gpointer data) {
    (void)domain; (void)level; (void)message; (void)data;
}
static inline void iw_poppler_quiet(void) {
    g_log_set_default_handler(iw_poppler_quiet_handler, NULL);
}
#endif
