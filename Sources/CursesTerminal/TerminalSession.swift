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
/// time. Input is read in `TerminalInput.swift`, frames are drawn in
/// `TerminalOutput.swift`. Open it, loop over `nextEvents` and `draw`, and `close` it on every
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
    let wideInput: Bool
    private let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    /// Keys are read from a 1×1 pad: `wgetch` on stdscr refreshes stdscr
    /// whenever it was touched (after every resize), sending a stale frame.
    let input: UnsafeMutablePointer<WINDOW>
    var palette: Palette
    var lastDrawn: Buffer?
    var needsFullRepaint = true
    /// The mouse is captured (`TerminalOptions.mouse`).
    public let capturesMouse: Bool
    /// The last left click: where and when (monotonic ms), for double clicks.
    var lastClick: (x: Int, y: Int, at: Int)?
    var closed = false
    private var savedStopAction = sigaction()
    private var savedWinchAction = sigaction()

    /// Never more than this many events from one drain (a huge paste).
    static let drainLimit = 4096
    /// The longest single wait, so a termination signal is noticed promptly
    /// even if ncurses restarts its read after the interruption.
    static let waitSlice: Int32 = 100

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
        // The mouse only when asked for: without mousemask ncurses never
        // turns on the terminal's mouse reporting, so selection stays free.
        // No click resolution (mouseinterval 0): a press is reported at once.
        if options.mouse {
            _ = mouseinterval(0)
            capturesMouse = mousemask(cds_mouse_events(), nil) != 0
        } else {
            capturesMouse = false
        }
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
    var width: Int { size.width }
    var height: Int { size.height }

    /// `.interrupted` for the termination signal that arrived, if any.
    var interruption: InputEvent? {
        let signal = pendingSignal.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : .interrupted(signal: signal)
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
