import CNcursesw
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Signal handling for a curses session, after htop's CRT_installSignalHandlers
// and btop's clean_quit:
//
// - SIGINT, SIGTERM, SIGHUP, and every other signal whose default action
//   ends the process (SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM,
//   SIGPROF, SIGIO, SIGPWR, SIGSTKFLT, the real-time signals) only record
//   the signal; `nextEvents` reports `.interrupted` and the run loop closes
//   the session normally, exiting with 128 + the signal. A second one
//   before the session is closed (the loop is stuck) restores the terminal
//   at once and dies of the signal with its previous action. The others
//   than SIGINT, SIGTERM and SIGHUP are taken only while at their default:
//   a handler already there means the signal does not end the process.
// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT, SIGSYS,
//   SIGXCPU, SIGXFSZ (Swift runtime traps raise SIGILL or SIGTRAP) restore the terminal,
//   call the previous handler if there was one (the Swift backtracer prints
//   its crash report), then die of the signal with the default action: a
//   fault re-executes, anything else is re-raised.
//
// The crash path only calls async-signal-safe functions: it writes terminfo
// strings prepared when the session opened (leave the alternate screen, show
// the cursor, reset attributes and keypad mode) and puts back the terminal
// modes saved before `newterm` with tcsetattr. It does not call endwin, which
// may take locks or allocate and would hang if the crash happened inside
// malloc or stdio. The normal paths (`close`, atexit) do call endwin.

/// The first termination signal received while a session is open (0 = none).
let pendingSignal = Atomic<Int32>(0)
/// A session is open and the terminal is in curses mode.
let cursesActive = Atomic<Bool>(false)

/// Storage the crash handler reads; allocated once, never freed, so the
/// handler never touches Swift arrays or reference counts.
final class SignalStorage: @unchecked Sendable {
    static let signalLimit = 65
    let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: SignalStorage.signalLimit)
    let installed = UnsafeMutablePointer<Bool>.allocate(capacity: SignalStorage.signalLimit)
    let restoreBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
    var restoreCount = 0
    let savedModes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    var hasSavedModes = false
    var modesDescriptor: Int32 = 1
    /// While a session is open and stderr is the terminal, stderr goes to
    /// this unlinked temporary file (-1: not captured) and the original
    /// stderr waits in `savedStderr`.
    var captureDescriptor: Int32 = -1
    var savedStderr: Int32 = -1
    let copyBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)

    init() {
        installed.initialize(repeating: false, count: Self.signalLimit)
        previous.initialize(repeating: sigaction(), count: Self.signalLimit)
        restoreBytes.initialize(repeating: 0, count: 512)
        savedModes.initialize(to: termios())
        copyBuffer.initialize(repeating: 0, count: 4096)
    }
}

/// Written only on the thread that opens and closes sessions, before the
/// handlers that read it can run (hence `@unchecked Sendable`).
let signalStorage = SignalStorage()

enum SignalGuard {
    /// The signals that ask a program to quit: always ours while a session is open.
    static let quitSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The other signals whose default action ends the process (without a
    /// core dump): ours only while at their default.
    static let otherEndingSignals: [Int32] =
        [SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT]
        + Array(__libc_current_sigrtmin()...min(__libc_current_sigrtmax(), Int32(SignalStorage.signalLimit - 1)))
    /// Every signal that ends the process quietly: recorded, then the run loop quits.
    static let terminationSignals = quitSignals + otherEndingSignals
    /// The signals that end the process with a core dump.
    static let fatalSignals: [Int32] = [
        SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT, SIGSYS, SIGXCPU, SIGXFSZ,
    ]

    /// Saves the terminal modes of `descriptor` so the crash path can put them back.
    static func saveTerminalModes(of descriptor: Int32) {
        let storage = signalStorage
        storage.modesDescriptor = descriptor
        storage.hasSavedModes = tcgetattr(descriptor, storage.savedModes) == 0
    }

    /// Prepares the bytes the crash path writes: cancel any half-written
    /// escape sequence, reset attributes and colours, show the cursor, leave
    /// keypad mode and the alternate screen. Falls back to xterm sequences for
    /// capabilities the terminal does not list.
    static func prepareRestoreSequence() {
        var bytes: [UInt8] = [0x18]  // CAN
        func capability(_ name: String, fallback: String?) {
            if let value = cds_tigetstr(name) {
                bytes += Array(String(cString: value).utf8)
            } else if let fallback {
                bytes += Array(fallback.utf8)
            }
        }
        capability("sgr0", fallback: "\u{1B}[0m")
        capability("op", fallback: nil)
        capability("cnorm", fallback: "\u{1B}[?25h")
        capability("rmkx", fallback: nil)
        capability("rmcup", fallback: "\u{1B}[?1049l")
        let storage = signalStorage
        let count = min(bytes.count, 512)
        for i in 0..<count { storage.restoreBytes[i] = bytes[i] }
        storage.restoreCount = count
    }

    /// Sends stderr to a temporary file while curses owns the screen, when
    /// stderr is the terminal: anything written there (a Swift `fatalError`
    /// message, a library warning) would land on the alternate screen and be
    /// lost, or garble the frame. `releaseStderr` (on close and on the crash
    /// path) puts stderr back and replays what was written (its last 64 KiB).
    static func captureStderr() {
        let storage = signalStorage
        guard storage.captureDescriptor < 0, isatty(STDERR_FILENO) == 1 else { return }
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/congdanso-stderr-XXXXXX".utf8CString)
        let file = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard file >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(file, F_SETFD, FD_CLOEXEC)
        let saved = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3)
        guard saved >= 0, dup2(file, STDERR_FILENO) >= 0 else {
            if saved >= 0 { close(saved) }
            close(file)
            return
        }
        storage.savedStderr = saved
        storage.captureDescriptor = file
    }

    /// Puts stderr back and writes out what was captured (async-signal-safe).
    static func releaseStderr() {
        releaseCapturedStderr()
    }

    /// Installs our handlers, keeping the previous actions. Signals that
    /// were ignored when we started (nohup, background jobs) stay ignored.
    static func install() {
        _ = pendingSignal.exchange(0, ordering: .sequentiallyConsistent)
        let storage = signalStorage
        for signal in terminationSignals + fatalSignals {
            var old = sigaction()
            guard sigaction(signal, nil, &old) == 0, !isIgnored(old) else { continue }
            if otherEndingSignals.contains(signal), !isDefault(old) { continue }
            var action = sigaction()
            sigemptyset(&action.sa_mask)
            if terminationSignals.contains(signal) {
                action.__sigaction_handler = .init(sa_handler: onTerminationSignal)
                action.sa_flags = 0  // no SA_RESTART: let a blocking read see EINTR
            } else {
                action.__sigaction_handler = .init(sa_sigaction: onFatalSignal)
                action.sa_flags = Int32(SA_SIGINFO)
            }
            storage.previous[Int(signal)] = old
            if sigaction(signal, &action, nil) == 0 { storage.installed[Int(signal)] = true }
        }
        registerAtExitOnce()
    }

    /// Puts the previous actions back.
    static func uninstall() {
        let storage = signalStorage
        for signal in terminationSignals + fatalSignals where storage.installed[Int(signal)] {
            _ = sigaction(signal, storage.previous + Int(signal), nil)
            storage.installed[Int(signal)] = false
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        let handler = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
        return action.sa_flags & Int32(SA_SIGINFO) == 0 && handler == 1  // SIG_IGN
    }

    private static func isDefault(_ action: sigaction) -> Bool {
        let handler = unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
        return action.sa_flags & Int32(SA_SIGINFO) == 0 && handler == 0  // SIG_DFL
    }

    private static let atExitRegistered = Atomic<Bool>(false)

    private static func registerAtExitOnce() {
        guard !atExitRegistered.exchange(true, ordering: .sequentiallyConsistent) else { return }
        atexit {
            // exit() while a session is open (a fatalError path that exits, a
            // library calling exit): leave curses mode properly.
            if cursesActive.exchange(false, ordering: .sequentiallyConsistent) {
                endwin()
                SignalGuard.releaseStderr()
            }
        }
    }
}

/// Async-signal-safe: restores the terminal once, whoever gets here first.
private func emergencyRestore() {
    guard cursesActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
    let storage = signalStorage
    var offset = 0
    while offset < storage.restoreCount {
        let written = write(STDOUT_FILENO, storage.restoreBytes + offset, storage.restoreCount - offset)
        if written <= 0 { break }
        offset += written
    }
    if storage.hasSavedModes {
        _ = tcsetattr(storage.modesDescriptor, TCSANOW, storage.savedModes)
    }
    releaseCapturedStderr()
}

/// Async-signal-safe: stderr back to the terminal, then what was written to it.
private func releaseCapturedStderr() {
    let storage = signalStorage
    let file = storage.captureDescriptor
    let saved = storage.savedStderr
    guard file >= 0, saved >= 0 else { return }
    storage.captureDescriptor = -1
    storage.savedStderr = -1
    _ = dup2(saved, STDERR_FILENO)
    _ = close(saved)
    // An all-day session with a chatty library: replay the last 64 KiB only.
    let size = lseek(file, 0, SEEK_END)
    var position: off_t = max(0, size - 65_536)
    while true {
        let count = pread(file, storage.copyBuffer, 4096, position)
        if count <= 0 { break }
        position += off_t(count)
        var offset = 0
        while offset < count {
            let written = write(STDERR_FILENO, storage.copyBuffer + offset, count - offset)
            if written <= 0 { break }
            offset += written
        }
    }
    _ = close(file)
}

private func onTerminationSignal(_ signal: Int32) {
    let earlier = pendingSignal.exchange(signal, ordering: .sequentiallyConsistent)
    guard earlier != 0 else { return }
    // A second termination signal: the run loop did not react. Restore the
    // terminal and die of the signal the way we would have without us.
    emergencyRestore()
    _ = sigaction(signal, signalStorage.previous + Int(signal), nil)
    raise(signal)
}

private func onFatalSignal(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    emergencyRestore()
    // Chain: run the previous handler (the Swift runtime's backtracer prints
    // the crash report) as if we were not here.
    let previous = signalStorage.previous[Int(signal)]
    let raw = unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self)
    if raw != 0, raw != 1 {  // neither SIG_DFL nor SIG_IGN
        if previous.sa_flags & Int32(SA_SIGINFO) != 0 {
            previous.__sigaction_handler.sa_sigaction?(signal, info, context)
        } else {
            previous.__sigaction_handler.sa_handler?(signal)
        }
    }
    // Then die of the signal whatever that handler did (the backtracer
    // returns when the signal came from kill). A hardware fault (si_code > 0)
    // happens again on return, now with the default action; a signal sent by
    // kill, raise or abort is raised again and delivered on return.
    var fallback = sigaction()
    sigemptyset(&fallback.sa_mask)
    fallback.__sigaction_handler = .init(sa_handler: nil)  // SIG_DFL
    _ = sigaction(signal, &fallback, nil)
    let code = info?.pointee.si_code ?? 0
    let faults = signal == SIGSEGV || signal == SIGBUS || signal == SIGILL || signal == SIGFPE
    if !(faults && code > 0) {
        raise(signal)
    }
}
