/*
 * The C side of the ncursesw binding for CursesTerminal.
 *
 * SwiftPM drops pkg-config's -D flags, so the feature macros that expose the
 * wide-character API (cchar_t, setcchar, wget_wch, wcwidth) are set here,
 * before any system header. Globals that Swift 6 rejects as not
 * concurrency-safe (stdscr, stdin, stdout, COLORS, COLOR_PAIRS, cur_term) and
 * macros that do not import (A_*, getmaxyx, KEY_F(n)) get small accessors.
 */
#ifndef CONGDANSO_CNCURSESW_SHIM_H
#define CONGDANSO_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
/* term.h defines macros named after capabilities (lines, columns, ...): last. */
#include <ncursesw/term.h>

/* Globals. */
static inline WINDOW *cds_stdscr(void) { return stdscr; }
static inline FILE *cds_stdin(void) { return stdin; }
static inline FILE *cds_stdout(void) { return stdout; }
static inline int cds_colors(void) { return COLORS; }
static inline int cds_color_pairs(void) { return COLOR_PAIRS; }

/* Attributes (macros built from NCURSES_BITS do not import). */
static inline attr_t cds_a_normal(void) { return A_NORMAL; }
static inline attr_t cds_a_bold(void) { return A_BOLD; }
static inline attr_t cds_a_dim(void) { return A_DIM; }
static inline attr_t cds_a_reverse(void) { return A_REVERSE; }
static inline attr_t cds_a_underline(void) { return A_UNDERLINE; }

/* Keys: KEY_F(n) is a function-like macro. */
static inline int cds_key_f(int n) { return KEY_F(n); }

/* The mouse: the events the dashboard asks for (left button press and
 * release, the wheel), and the last event read after KEY_MOUSE as a kind:
 * 0 nothing wanted, 1 left click, 2 wheel up, 3 wheel down. A click is the
 * left button's release: when press and release arrive together ncurses
 * reports only the release, so a press alone is not counted. */
static inline mmask_t cds_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline int cds_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
    if (event.bstate & BUTTON5_PRESSED) return 3;
    return 0;
}

/* The locale's character set, e.g. "UTF-8" or "ANSI_X3.4-1968". */
static inline const char *cds_codeset(void) { return nl_langinfo(CODESET); }

/* The display width libc (and so ncurses) gives a character: -1 when unprintable. */
static inline int cds_wcwidth(wchar_t c) { return wcwidth(c); }

/* A string capability, or NULL when absent or cancelled ((char *)-1 is "not a string"). */
static inline const char *cds_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/* The outcome of probing TERM before newterm. */
enum {
    CDS_TERM_OK = 0,
    CDS_TERM_UNKNOWN = 1,        /* no terminfo entry (or no database at all) */
    CDS_TERM_HARDCOPY = 2,       /* a printing terminal */
    CDS_TERM_NO_CURSOR = 3       /* known, but it cannot address the cursor */
};

/*
 * Looks TERM up in terminfo without printing anything or exiting (unlike
 * initscr), checks that it can address the cursor ("cup"), and frees the
 * lookup again.
 */
static inline int cds_probe_terminal(const char *term, int fd) {
    int status = 0;
    if (setupterm(term, fd, &status) != OK) {
        return status == 1 ? CDS_TERM_HARDCOPY : CDS_TERM_UNKNOWN;
    }
    int result = CDS_TERM_OK;
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) result = CDS_TERM_NO_CURSOR;
    TERMINAL *probe = cur_term;
    if (probe != NULL) {
        set_curterm(NULL);
        del_curterm(probe);
    }
    return result;
}

#endif
