// The parts of ncursesw that Swift cannot import directly: the wide-character API
// (which needs _XOPEN_SOURCE_EXTENDED, dropped by SwiftPM), attribute macros,
// getmaxyx, KEY_F(n), globals that Swift 6 refuses, wcwidth and the window-size ioctl.
#ifndef MONEYLOOP_CNCURSESW_SHIM_H
#define MONEYLOOP_CNCURSESW_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

int wcwidth(wchar_t c);

static const attr_t ml_A_NORMAL = A_NORMAL;
static const attr_t ml_A_BOLD = A_BOLD;
static const attr_t ml_A_DIM = A_DIM;
static const attr_t ml_A_UNDERLINE = A_UNDERLINE;
static const attr_t ml_A_REVERSE = A_REVERSE;
static const attr_t ml_A_ITALIC = A_ITALIC;

static inline int ml_KEY_F(int n) { return KEY_F(n); }
static inline WINDOW *ml_stdscr(void) { return stdscr; }
static inline WINDOW *ml_curscr(void) { return curscr; }

/// Bytes waiting to be read on `fd` (FIONREAD), or -1.
static inline int ml_bytes_waiting(int fd) { int n = 0; return ioctl(fd, FIONREAD, &n) == 0 ? n : -1; }
static inline int ml_COLORS(void) { return COLORS; }
static inline int ml_COLOR_PAIRS(void) { return COLOR_PAIRS; }
static inline int ml_LINES(void) { return LINES; }
static inline int ml_COLS(void) { return COLS; }
static inline FILE *ml_stdout(void) { return stdout; }
static inline FILE *ml_stdin(void) { return stdin; }
static inline FILE *ml_stderr(void) { return stderr; }

/// The size of the terminal on `fd`, or 0/0 when it cannot be read.
static inline int ml_window_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) { *rows = 0; *cols = 0; return -1; }
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

/// Writes one cell: a single wide character with attributes and an extended colour pair.
static inline int ml_put_cell(WINDOW *win, int y, int x, wchar_t ch, attr_t attrs, int pair) {
    cchar_t cell;
    wchar_t text[2] = { ch, 0 };
    setcchar(&cell, text, attrs, 0, &pair);
    return mvwadd_wch(win, y, x, &cell);
}


/// The `colors` of the terminfo entry `term` (-1 when it has none), read without starting
/// curses or writing anything; -2 when there is no such entry.
static inline int ml_terminfo_colors(const char *term) {
    TERMINAL *saved = cur_term;
    int err = 0;
    if (setupterm(term, 1, &err) != OK) { set_curterm(saved); return -2; }
    int n = tigetnum("colors");
    TERMINAL *loaded = set_curterm(saved);
    if (loaded != saved) del_curterm(loaded);
    return n;
}

/// Makes `screen` the current one, with LINES and COLS its own: set_term leaves the
/// globals of the screen made or resized last, and curses reads them in places.
static inline void ml_select_screen(SCREEN *screen) {
    set_term(screen);
    LINES = getmaxy(stdscr);
    COLS = getmaxx(stdscr);
}

static inline int ml_nl_codeset_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

#endif
