#ifndef XBORDER_CLIBXML2_SHIM_H
#define XBORDER_CLIBXML2_SHIM_H

/* xmlversion.h first, then drop ICU: Debian's libxml2 headers would otherwise pull in the
   system ICU, whose UErrorCode collides with Foundation's copy in clean builds. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/catalog.h>
#include <libxml/globals.h>
#include <libxml/xmlreader.h>

/* xmlFree is a mutable global function pointer, which Swift 6 refuses to reference. */
static inline void xborder_xmlFree(void *p) { xmlFree(p); }

/* A generic error handler that prints nothing (variadic: cannot be written in Swift). */
static inline void xborder_silentGenericError(void *ctx, const char *msg, ...) {
    (void)ctx;
    (void)msg;
}

/* The calling thread's error handlers, saved so a call can restore them when it is done. */
typedef struct {
    xmlGenericErrorFunc genericFunc;
    void *genericContext;
    xmlStructuredErrorFunc structuredFunc;
    void *structuredContext;
} xborder_error_handlers;

/* Installs `handler` as the calling thread's structured error handler and silences generic
   errors; returns the handlers that were installed before. */
static inline xborder_error_handlers xborder_installErrorHandlers(xmlStructuredErrorFunc handler,
                                                                  void *context) {
    xborder_error_handlers saved = {xmlGenericError, xmlGenericErrorContext, xmlStructuredError,
                                    xmlStructuredErrorContext};
    xmlSetGenericErrorFunc(NULL, xborder_silentGenericError);
    xmlSetStructuredErrorFunc(context, handler);
    return saved;
}

/* Puts back the handlers returned by xborder_installErrorHandlers. */
static inline void xborder_restoreErrorHandlers(xborder_error_handlers saved) {
    xmlSetGenericErrorFunc(saved.genericContext, saved.genericFunc);
    xmlSetStructuredErrorFunc(saved.structuredContext, saved.structuredFunc);
}

#endif
