#ifndef CFETCH_H
#define CFETCH_H

#include <stddef.h>

/// The answer to one HTTP GET: the status and body, or why there is none.
typedef struct {
    long status;          /* HTTP status; 0 when no response arrived */
    char *body;           /* malloc'd; free with cfetch_free */
    size_t length;
    int failed;           /* 1 when the transfer failed (no network, timeout, body cut short) */
    int timed_out;        /* 1 when it failed by timing out */
    char error[256];      /* why it failed, in libcurl's words */
} cfetch_result;

/// GETs `url` with libcurl, loaded on first use (dlopen), so a program that never fetches
/// never maps it. `user_agent` may be NULL (no User-Agent header is sent).
void cfetch_get(const char *url, const char *user_agent, long timeout_ms, cfetch_result *out);

void cfetch_free(cfetch_result *r);

#endif
