// Gives the terminal back when the process dies in a way Swift cannot catch: a crash
// signal (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) or exit() without endwin.
// The handler is async-signal-safe: it writes precomputed bytes and restores the saved
// termios, then re-raises with the previous handler so Swift's backtrace still prints.
#ifndef MONEYLOOP_TERMINAL_GUARD_H
#define MONEYLOOP_TERMINAL_GUARD_H
#include <stddef.h>

/// Saves the terminal's current termios on `fd`. Call before curses changes any mode.
void ml_guard_save(int fd);

/// Keeps the bytes that undo curses' screen modes (e.g. sgr0 cnorm rmkx rmcup), arms the
/// guard and installs the crash handlers and an atexit hook (once).
void ml_guard_install(const char *restore_bytes, size_t length);

/// Writes the restore bytes and restores the saved termios once; later calls do nothing.
void ml_guard_restore(void);

/// Marks the terminal as already given back (endwin done): the guard then does nothing.
void ml_guard_disarm(void);

/// Marks the terminal as taken again (after a resume from Ctrl-Z).
void ml_guard_arm(void);

#endif
