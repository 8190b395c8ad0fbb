// HTTP GET through libcurl opened with dlopen: the only network code of moneyloop. libcurl's
// setopt is variadic, which Swift cannot call, hence this shim; dlopen keeps libcurl (and
// the TLS libraries it pulls in) out of every process that does not fetch.
#include "cfetch.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef void CURL;
typedef int (*easy_setopt_fn)(CURL *, int, ...);
typedef int (*easy_getinfo_fn)(CURL *, int, ...);

enum {
    OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_ERRORBUFFER = 10010, OPT_USERAGENT = 10018,
    OPT_WRITEFUNCTION = 20011, OPT_FOLLOWLOCATION = 52, OPT_NOSIGNAL = 99, OPT_ACCEPT_ENCODING = 10102,
    OPT_TIMEOUT_MS = 155, OPT_CONNECTTIMEOUT_MS = 156, INFO_RESPONSE_CODE = 0x200000 + 2,
    E_OPERATION_TIMEDOUT = 28,
};

static struct {
    void *lib;
    int (*global_init)(long);
    CURL *(*easy_init)(void);
    easy_setopt_fn easy_setopt;
    int (*easy_perform)(CURL *);
    easy_getinfo_fn easy_getinfo;
    void (*easy_cleanup)(CURL *);
    const char *(*easy_strerror)(int);
} curl;
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void load_curl(void) {
    const char *names[] = {"libcurl.so.4", "libcurl.so", "libcurl-gnutls.so.4", NULL};
    for (int i = 0; names[i] && !curl.lib; i++) curl.lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!curl.lib) return;
    curl.global_init = (int (*)(long))dlsym(curl.lib, "curl_global_init");
    curl.easy_init = (CURL * (*)(void)) dlsym(curl.lib, "curl_easy_init");
    curl.easy_setopt = (easy_setopt_fn)dlsym(curl.lib, "curl_easy_setopt");
    curl.easy_perform = (int (*)(CURL *))dlsym(curl.lib, "curl_easy_perform");
    curl.easy_getinfo = (easy_getinfo_fn)dlsym(curl.lib, "curl_easy_getinfo");
    curl.easy_cleanup = (void (*)(CURL *))dlsym(curl.lib, "curl_easy_cleanup");
    curl.easy_strerror = (const char *(*)(int))dlsym(curl.lib, "curl_easy_strerror");
    if (!curl.global_init || !curl.easy_init || !curl.easy_setopt || !curl.easy_perform || !curl.easy_getinfo
        || !curl.easy_cleanup || !curl.easy_strerror || curl.global_init(3) != 0) {
        dlclose(curl.lib);
        curl.lib = NULL;
    }
}

#define MAX_BODY ((size_t)512 << 20)

static size_t on_data(char *data, size_t size, size_t count, void *user) {
    cfetch_result *r = user;
    size_t n = size * count;
    if (r->length + n > MAX_BODY) return 0;  /* refuse: libcurl fails the transfer */
    char *grown = realloc(r->body, r->length + n + 1);
    if (!grown) return 0;
    memcpy(grown + r->length, data, n);
    r->body = grown;
    r->length += n;
    r->body[r->length] = 0;
    return n;
}

void cfetch_get(const char *url, const char *user_agent, long timeout_ms, cfetch_result *out) {
    memset(out, 0, sizeof *out);
    pthread_once(&curl_once, load_curl);
    if (!curl.lib) {
        out->failed = 1;
        strncpy(out->error, "libcurl (libcurl.so.4) is not installed", sizeof out->error - 1);
        return;
    }
    CURL *h = curl.easy_init();
    if (!h) {
        out->failed = 1;
        strncpy(out->error, "libcurl could not start", sizeof out->error - 1);
        return;
    }
    char message[256] = {0};
    curl.easy_setopt(h, OPT_URL, url);
    if (user_agent) curl.easy_setopt(h, OPT_USERAGENT, user_agent);
    curl.easy_setopt(h, OPT_WRITEFUNCTION, on_data);
    curl.easy_setopt(h, OPT_WRITEDATA, (void *)out);
    curl.easy_setopt(h, OPT_ERRORBUFFER, message);
    curl.easy_setopt(h, OPT_FOLLOWLOCATION, 1L);
    curl.easy_setopt(h, OPT_NOSIGNAL, 1L);
    curl.easy_setopt(h, OPT_ACCEPT_ENCODING, "");  /* gzip and deflate, decoded */
    curl.easy_setopt(h, OPT_TIMEOUT_MS, timeout_ms);
    curl.easy_setopt(h, OPT_CONNECTTIMEOUT_MS, timeout_ms);
    int code = curl.easy_perform(h);
    curl.easy_getinfo(h, INFO_RESPONSE_CODE, &out->status);
    if (code != 0) {
        out->failed = 1;
        out->timed_out = code == E_OPERATION_TIMEDOUT;
        strncpy(out->error, message[0] ? message : curl.easy_strerror(code), sizeof out->error - 1);
    }
    curl.easy_cleanup(h);
}

void cfetch_free(cfetch_result *r) {
    free(r->body);
    r->body = NULL;
    r->length = 0;
}
