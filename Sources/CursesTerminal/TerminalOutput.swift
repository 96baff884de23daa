import CNcursesw
import TerminalCells

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// The terminal's output: a buffer copied to the screen, only the cells that
// changed, and stepping aside for another program.

extension TerminalSession {
    /// Copies `buffer` to the screen: only the cells changed since the last
    /// draw (all of them after a resize, a size change or the first draw),
    /// then one `wnoutrefresh` + `doupdate`. Cells beyond the screen are
    /// clipped; a buffer smaller than the screen leaves the rest blank.
    public func draw(_ buffer: Buffer) {
        guard !closed else { return }
        let screenWidth = width, screenHeight = height
        var full = needsFullRepaint || lastDrawn == nil
        if let lastDrawn, lastDrawn.width != buffer.width || lastDrawn.height != buffer.height { full = true }
        if full {
            // Erase ncurses' copy (not the terminal); doupdate sends only the difference.
            werase(window)
            if needsFullRepaint, lastDrawn != nil {
                // After a resize the terminal's contents are unknown: repaint it all, once.
                clearok(window, true)
            }
        }
        for change in buffer.changes(since: full ? nil : lastDrawn) {
            let cell = change.cell
            if cell.isContinuation { continue }
            guard change.x < screenWidth, change.y < screenHeight else { continue }
            var columns = 1
            if change.x + 1 < buffer.width, buffer[change.x + 1, change.y].isContinuation { columns = 2 }
            if columns == 2, change.x + 1 >= screenWidth {
                put([GlyphEncoder.space, 0], style: cell.style, x: change.x, y: change.y)
                continue
            }
            let glyph = GlyphEncoder.encode(cell.text, width: columns, ascii: usesASCII)
            put(glyph.characters, style: cell.style, x: change.x, y: change.y)
            if let second = glyph.secondColumn {
                put(second, style: cell.style, x: change.x + 1, y: change.y)
            }
        }
        wnoutrefresh(window)
        doupdate()
        lastDrawn = buffer
        needsFullRepaint = false
    }

    /// Leaves curses mode for a while (the shell's screen and modes come
    /// back); `resume` returns to it and the next `draw` repaints it all.
    public func suspend() {
        guard !closed, cursesActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
        _ = def_prog_mode()
        endwin()
        fflush(cds_stdout())
    }

    public func resume() {
        guard !closed, !cursesActive.load(ordering: .sequentiallyConsistent) else { return }
        _ = reset_prog_mode()
        cursesActive.store(true, ordering: .sequentiallyConsistent)
        // The screen shows what the other program left: repaint it all.
        needsFullRepaint = true
    }

    fileprivate func put(_ characters: [wchar_t], style: Style, x: Int, y: Int) {
        let (attributes, pair) = palette.resolve(style)
        var cell = cchar_t()
        characters.withUnsafeBufferPointer { pointer in
            _ = setcchar(&cell, pointer.baseAddress, attributes, pair, nil)
        }
        // At the bottom-right corner ncurses reports ERR (the cursor cannot
        // advance) but keeps the character and never scrolls: ignore it.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }
}
