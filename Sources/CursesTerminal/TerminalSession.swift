import CNcursesw
import Synchronization
import TerminalCells

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal in curses mode: the only place the dashboard touches ncurses.
///
/// Use it from one thread (ncurses is not thread-safe), one session at a
/// time. Open it, loop over `nextEvents` and `draw`, and `close` it on every
/// way out; `deinit`, an atexit handler and the signal handlers restore
/// the terminal too.
public final class TerminalSession: TerminalBackend {
    /// The locale's character set is not UTF-8 (or ASCII was forced): the
    /// views should use ASCII glyphs and folded names. `draw` maps anything
    /// else to ASCII anyway, so nothing prints blank or garbled.
    public let usesASCII: Bool
    /// The terminal has colours and the options allow them.
    public let hasColor: Bool

    /// The locale decodes UTF-8 input (`wget_wch`); otherwise bytes are read
    /// with `wgetch` and UTF-8 is decoded here, because under LANG=C a
    /// non-ASCII byte makes `wget_wch` swallow the keys typed after it.
    private let wideInput: Bool
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// Keys are read from a 1×1 pad: `wgetch` on stdscr refreshes stdscr
    /// whenever it was touched (after every resize), sending a stale frame.
    private let input: UnsafeMutablePointer<WINDOW>
    private var palette: Palette
    private var lastDrawn: Buffer?
    private var needsFullRepaint = true
    private var closed = false
    private var savedStopAction = sigaction()
    private var savedWinchAction = sigaction()

    /// Never more than this many events from one drain (a huge paste).
    private static let drainLimit = 4096
    /// The longest single wait, so a termination signal is noticed promptly
    /// even if ncurses restarts its read after the interruption.
    private static let waitSlice: Int32 = 100

    // MARK: - Opening

    /// Sets up the terminal, or throws `TerminalUnavailable` (with a message
    /// for the user) before anything is written to it.
    public static func open(_ options: TerminalOptions) throws -> TerminalSession {
        try TerminalSession(options: options)
    }

    private init(options: TerminalOptions) throws {
        _ = setlocale(LC_ALL, "")
        let utf8 = Self.localeIsUTF8()
        switch options.forceASCII {
        case .some(true):
            usesASCII = true
        case .some(false):
            if utf8 {
                usesASCII = false
            } else if setlocale(LC_CTYPE, "C.UTF-8") != nil, Self.localeIsUTF8() {
                usesASCII = false
            } else {
                usesASCII = true
            }
        case .none:
            usesASCII = !utf8
        }

        wideInput = Self.localeIsUTF8()

        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalUnavailable.notATerminal
        }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        if term.isEmpty { throw TerminalUnavailable.unknownTerminal("") }
        if term == "dumb" { throw TerminalUnavailable.dumbTerminal(term) }
        switch Int(cds_probe_terminal(term, STDOUT_FILENO)) {
        case Int(CDS_TERM_OK): break
        case Int(CDS_TERM_NO_CURSOR), Int(CDS_TERM_HARDCOPY): throw TerminalUnavailable.cannotAddressCursor(term)
        default: throw TerminalUnavailable.unknownTerminal(term)
        }

        // A previous session still open would share ncurses' globals.
        if cursesActive.load(ordering: .sequentiallyConsistent) {
            TerminalSession.current?.close()
        }

        // A parent may have started us with signals blocked (a thread pool's
        // mask survives fork and exec); ours must get through.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signal in SignalGuard.terminationSignals + SignalGuard.fatalSignals + [SIGWINCH, SIGTSTP, SIGCONT] {
            sigaddset(&wanted, signal)
        }
        _ = pthread_sigmask(SIG_UNBLOCK, &wanted, nil)

        // ncurses catches SIGINT, SIGTERM (and SIGTSTP, SIGWINCH) only when
        // they are at their default, so ours go in first and keep the
        // original actions as "previous". Its SIGTSTP and SIGWINCH handlers
        // (suspend with Ctrl-Z, KEY_RESIZE) are wanted; they are put back
        // as they were on close.
        _ = sigaction(SIGTSTP, nil, &savedStopAction)
        _ = sigaction(SIGWINCH, nil, &savedWinchAction)
        SignalGuard.saveTerminalModes(of: STDOUT_FILENO)
        SignalGuard.install()

        guard let screen = newterm(nil, cds_stdout(), cds_stdin()) else {
            SignalGuard.uninstall()
            throw TerminalUnavailable.unknownTerminal(term)
        }
        self.screen = screen
        _ = set_term(screen)
        guard let window = cds_stdscr(), let input = newpad(1, 1) else {
            endwin()
            delscreen(screen)
            SignalGuard.uninstall()
            throw TerminalUnavailable.unknownTerminal(term)
        }
        self.window = window
        self.input = input
        cursesActive.store(true, ordering: .sequentiallyConsistent)
        SignalGuard.prepareRestoreSequence()
        SignalGuard.captureStderr()

        _ = cbreak()  // Ctrl-C stays SIGINT, Ctrl-Z suspends.
        _ = noecho()
        _ = nonl()
        _ = intrflush(window, false)
        _ = keypad(input, true)
        _ = set_escdelay(25)
        _ = curs_set(0)
        _ = leaveok(window, true)
        _ = scrollok(window, false)

        var colors = options.colorEnabled && has_colors()
        var defaultColors = false
        if colors {
            if start_color() == ERR {
                colors = false
            } else {
                defaultColors = use_default_colors() == OK
            }
        }
        hasColor = colors
        palette = Palette(
            colorEnabled: colors, defaultColors: defaultColors,
            colorCount: Int(cds_colors()), pairCount: Int(cds_color_pairs()))
        TerminalSession.current = self
    }

    nonisolated(unsafe) private static weak var current: TerminalSession?

    private static func localeIsUTF8() -> Bool {
        guard let codeset = cds_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    // MARK: - Size

    /// Columns and rows of the screen (0 × 0 once closed).
    public var size: TerminalSize {
        closed
            ? TerminalSize(width: 0, height: 0)
            : TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }
    private var width: Int { size.width }
    private var height: Int { size.height }

    /// `.interrupted` for the termination signal that arrived, if any.
    private var interruption: InputEvent? {
        let signal = pendingSignal.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : .interrupted(signal: signal)
    }

    // MARK: - Input

    /// Waits up to `timeoutMilliseconds` (forever when negative) for the first
    /// event, then takes everything already pending without waiting.
    /// Consecutive resizes come out as one, with the final size. When a
    /// termination signal has arrived the result ends with `.interrupted`
    /// (and a later call returns it at once).
    public func nextEvents(timeoutMilliseconds: Int) -> [InputEvent] {
        guard !closed else { return [] }
        if let interruption { return [interruption] }
        var events: [InputEvent] = []
        let start = Self.nowMilliseconds()

        // Wait for the first event, in slices, watching for signals.
        while true {
            var wait = Self.waitSlice
            if timeoutMilliseconds >= 0 {
                let left = timeoutMilliseconds - (Self.nowMilliseconds() - start)
                if left <= 0 { wait = 0 } else { wait = Int32(min(Int(Self.waitSlice), left)) }
            }
            wtimeout(input, wait)
            let got = readOne(into: &events)
            if let interruption {
                events.append(interruption)
                return events
            }
            if got { break }
            if timeoutMilliseconds >= 0, Self.nowMilliseconds() - start >= timeoutMilliseconds {
                return events
            }
        }

        // Drain what is already there.
        wtimeout(input, 0)
        var drained = 0
        while drained < Self.drainLimit, readOne(into: &events) {
            drained += 1
        }
        if let interruption { events.append(interruption) }
        return events
    }

    /// Reads one input; appends its event (if it maps to one) and returns
    /// whether anything was read at all.
    private func readOne(into events: inout [InputEvent]) -> Bool {
        guard wideInput else { return readOneByte(into: &events) }
        var code: wint_t = 0
        let status = wget_wch(input, &code)
        switch status {
        case OK:
            appendCharacter(UInt32(code), into: &events)
            return true
        case KEY_CODE_YES:
            functionKey(Int32(bitPattern: code), into: &events)
            return true
        default:
            return false
        }
    }

    /// `readOne` for a locale without UTF-8: bytes, with UTF-8 decoded here
    /// (the terminal may well send it even when the locale says ASCII).
    private func readOneByte(into events: inout [InputEvent]) -> Bool {
        let code = wgetch(input)
        if code == ERR { return false }
        if code >= KEY_MIN {
            functionKey(code, into: &events)
            return true
        }
        let byte = UInt8(truncatingIfNeeded: code)
        if byte < 0x80 {
            appendCharacter(UInt32(byte), into: &events)
            return true
        }
        let length: Int
        switch byte {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return true  // a stray continuation or invalid byte: dropped
        }
        var bytes = [byte]
        wtimeout(input, 0)
        while bytes.count < length {
            let next = wgetch(input)
            guard next != ERR, next < 0x100, (0x80...0xBF).contains(next) else {
                if next != ERR { _ = ungetch(next) }  // not ours: read it next time
                return true
            }
            bytes.append(UInt8(next))
        }
        if let text = String(validating: bytes, as: UTF8.self), let scalar = text.unicodeScalars.first {
            appendCharacter(scalar.value, into: &events)
        }
        return true
    }

    private func appendCharacter(_ code: UInt32, into events: inout [InputEvent]) {
        if KeyDecoder.isCombining(code), case .key(.character(let previous))? = events.last,
            let scalar = Unicode.Scalar(code)
        {
            // An input method sending NFD: keep the letter and its marks together.
            var joined = String(previous)
            joined.unicodeScalars.append(scalar)
            if joined.count == 1 {
                events[events.count - 1] = .key(.character(Character(joined)))
                return
            }
        }
        if let key = KeyDecoder.character(code) { events.append(.key(key)) }
    }

    private func functionKey(_ code: Int32, into events: inout [InputEvent]) {
        if code == KEY_RESIZE {
            needsFullRepaint = true
            let resize = InputEvent.resize(width: width, height: height)
            if case .resize? = events.last {
                events[events.count - 1] = resize
            } else {
                events.append(resize)
            }
        } else if let key = KeyDecoder.functionKey(code) {
            events.append(.key(key))
        }
    }

    private static func nowMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    // MARK: - Output

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
        needsFullRepaint = true
        lastDrawn = nil
    }

    private func put(_ characters: [wchar_t], style: Style, x: Int, y: Int) {
        let (attributes, pair) = palette.resolve(style)
        var cell = cchar_t()
        characters.withUnsafeBufferPointer { pointer in
            _ = setcchar(&cell, pointer.baseAddress, attributes, pair, nil)
        }
        // At the bottom-right corner ncurses reports ERR (the cursor cannot
        // advance) but keeps the character and never scrolls: ignore it.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    // MARK: - Closing

    /// Leaves curses mode and restores the terminal exactly as it was
    /// (cursor visible, echo and line mode on, main screen). Safe to call
    /// more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        if cursesActive.exchange(false, ordering: .sequentiallyConsistent) {
            endwin()
        }
        delwin(input)
        delscreen(screen)
        fflush(cds_stdout())
        SignalGuard.releaseStderr()
        SignalGuard.uninstall()
        _ = sigaction(SIGTSTP, &savedStopAction, nil)
        _ = sigaction(SIGWINCH, &savedWinchAction, nil)
        fflush(cds_stdout())
        if TerminalSession.current === self { TerminalSession.current = nil }
    }

    deinit {
        close()
    }
}
