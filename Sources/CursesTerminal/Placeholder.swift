// The thin ncurses backend.
