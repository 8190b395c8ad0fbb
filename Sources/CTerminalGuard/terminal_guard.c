#include "terminal_guard.h"
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <stdlib.h>

static int guard_fd = -1;
static struct termios saved_termios;
static int have_termios = 0;
static char restore_buf[256];
static size_t restore_len = 0;
static volatile sig_atomic_t armed = 0;
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define NSIG_GUARDED (sizeof(crash_signals) / sizeof(crash_signals[0]))
static struct sigaction previous[NSIG_GUARDED];

void ml_guard_restore(void) {
    if (!armed) return;
    armed = 0;
    if (guard_fd >= 0 && restore_len > 0) {
        ssize_t unused = write(guard_fd, restore_buf, restore_len);
        (void)unused;
    }
    if (guard_fd >= 0 && have_termios) tcsetattr(guard_fd, TCSANOW, &saved_termios);
}

void ml_guard_disarm(void) { armed = 0; }
void ml_guard_arm(void) { armed = 1; }

static void on_crash(int sig) {
    ml_guard_restore();
    for (size_t i = 0; i < NSIG_GUARDED; i++) {
        if (crash_signals[i] == sig) { sigaction(sig, &previous[i], NULL); break; }
    }
    raise(sig);
}

static void at_exit_restore(void) { ml_guard_restore(); }

void ml_guard_save(int fd) {
    guard_fd = fd;
    have_termios = tcgetattr(fd, &saved_termios) == 0;
}

void ml_guard_install(const char *bytes, size_t length) {
    restore_len = length < sizeof(restore_buf) ? length : sizeof(restore_buf);
    memcpy(restore_buf, bytes, restore_len);
    armed = 1;
    static int installed = 0;
    if (installed) return;
    installed = 1;
    atexit(at_exit_restore);
    for (size_t i = 0; i < NSIG_GUARDED; i++) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_crash;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
        sigaction(crash_signals[i], &sa, &previous[i]);
    }
}
