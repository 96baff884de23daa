import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a command in a real terminal, a detached tmux session on a private
/// server, for end-to-end tests of the built `congdanso` binary: type into it
/// with `sendKeys`, read the screen with `capture`, wait for text with
/// `waitFor`, resize it, signal it, and check how it left the terminal.
///
/// Every harness has its own tmux server (`tmux -L <unique socket>`, no
/// config file, no status line, `remain-on-exit` on so the final screen and
/// the exit status stay readable), killed by `kill()` or on deinit.
///
///     @Test(.enabled(if: TmuxHarness.isAvailable && TmuxHarness.binaryExists))
///     func quitsWithQ() async throws {
///         let tmux = try TmuxHarness(arguments: [TmuxHarness.binaryPath()], width: 100, height: 30)
///         defer { tmux.kill() }
///         try await tmux.waitFor("Hải Phòng")
///         try tmux.sendKeys(.text("q"))
///         #expect(try await tmux.waitForExit() == 0)
///         #expect(tmux.paneState().alternateScreen == false)
///     }
final class TmuxHarness {
    // MARK: - Finding tools

    /// The tmux executable on PATH, if any.
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// tmux can be run here: use with `.enabled(if: TmuxHarness.isAvailable)`.
    static var isAvailable: Bool { tmuxPath != nil }

    /// The package root, found from this file's place in `Tests/TerminalTests/`.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TerminalTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The built `congdanso`: `$CONGDANSO_BIN` when set; else the one next to
    /// the running test bundle (so `--scratch-path` builds find their own);
    /// else `.build/debug/congdanso` under the package root.
    static func binaryPath() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["CONGDANSO_BIN"], !explicit.isEmpty { return explicit }
        var candidates: [String] = []
        if let runner = CommandLine.arguments.first, runner.contains("/") {
            let directory = URL(fileURLWithPath: runner).resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(directory.appendingPathComponent("congdanso").path)
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/congdanso").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// The binary has been built: use with `.enabled(if:)` next to `isAvailable`.
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: binaryPath()) }

    /// TERM for the pane: tmux's own description when installed (line drawing
    /// is then captured as such, not as `lqqk`), else screen-256color.
    static let defaultTerm: String = {
        let directories = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo"]
        let known = directories.contains { FileManager.default.fileExists(atPath: "\($0)/t/tmux-256color") }
        return known ? "tmux-256color" : "screen-256color"
    }()

    /// The environment a pane starts from; `environment:` entries override it.
    static func baseEnvironment() -> [String: String] {
        let current = ProcessInfo.processInfo.environment
        return [
            "PATH": current["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": current["HOME"] ?? "/tmp",
            "TERM": defaultTerm,
            "LANG": "C.UTF-8",
            // A crash report on screen, not an interactive debugger prompt.
            "SWIFT_BACKTRACE": "interactive=no",
        ]
    }

    // MARK: - Errors

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A wait ran out; the description holds the last screen so a failing
    /// test shows what was there.
    struct Timeout: Error, CustomStringConvertible {
        var waitingFor: String
        var seconds: Double
        var screen: String
        var description: String {
            "Timed out after \(seconds) s waiting for \(waitingFor). Last screen:\n"
                + "┌\(String(repeating: "─", count: 20))\n\(screen)\n└\(String(repeating: "─", count: 20))"
        }
    }

    // MARK: - Keys

    /// What `sendKeys` types: literal text, or a tmux key name.
    enum Input: Equatable, Sendable {
        /// Typed as is (`send-keys -l`), including non-ASCII text.
        case text(String)
        /// A tmux key name: "Enter", "Escape", "Up", "PPage", "C-c", "F5", "BTab"…
        case key(String)

        static let enter = Input.key("Enter")
        static let escape = Input.key("Escape")
        static let tab = Input.key("Tab")
        static let backTab = Input.key("BTab")
        static let backspace = Input.key("BSpace")
        static let delete = Input.key("DC")
        static let up = Input.key("Up")
        static let down = Input.key("Down")
        static let left = Input.key("Left")
        static let right = Input.key("Right")
        static let pageUp = Input.key("PPage")
        static let pageDown = Input.key("NPage")
        static let home = Input.key("Home")
        static let end = Input.key("End")
        static func control(_ letter: Character) -> Input { .key("C-\(letter)") }
        static func function(_ number: Int) -> Input { .key("F\(number)") }
    }

    // MARK: - Session

    let socket: String
    let session = "main"
    private(set) var width: Int
    private(set) var height: Int
    private var killed = false
    private var socketPath: String?
    /// Where the pane's wrapper leaves the program's pid, its exit status and
    /// the terminal modes (`stty -g`) from before and after it ran.
    let stateDirectory: String

    /// The pane runs the command under a small `sh` wrapper that outlives
    /// it: the pane stays alive after the program ends, so the screen and
    /// the terminal state it left behind can be read reliably (tmux's own
    /// remain-on-exit overwrites the cursor state of a dead pane), the exit
    /// status is recorded, and the terminal modes are compared. The wrapper
    /// catches (not ignores) INT and QUIT, so a Ctrl-C typed into the pane
    /// ends only the program (which gets the default actions); SIGHUP from
    /// `kill-server` ends the wrapper too.
    private static let wrapperScript = #"""
        trap : INT QUIT
        stty -g > "$1/stty-before" 2>/dev/null
        /bin/sh -c 'echo $$ > "$1/pid"; eval "$2"' program "$1" "$2"
        status=$?
        stty -g > "$1/stty-after" 2>/dev/null
        echo "$status" > "$1/status.tmp" && mv "$1/status.tmp" "$1/status"
        exec sleep 3600
        """#

    /// Starts `command` (a `/bin/sh -c` string) in a fresh `width`×`height`
    /// terminal. The pane gets only `baseEnvironment()` plus `environment`,
    /// minus `unsetting` (e.g. `["TERM"]`).
    init(
        command: String,
        width: Int = 80,
        height: Int = 24,
        environment: [String: String] = [:],
        unsetting: Set<String> = [],
        workingDirectory: String? = nil
    ) throws {
        guard Self.isAvailable else { throw Failure(description: "tmux is not installed (not on PATH)") }
        self.socket = "cds-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        self.width = width
        self.height = height
        let state = NSTemporaryDirectory() + "tmux-harness-\(socket)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        self.stateDirectory = state

        var env = Self.baseEnvironment()
        // Each terminal its own settings (settings.toml), never the user's:
        // a test that presses l or > must not change the next test's start.
        env["XDG_CONFIG_HOME"] = state + "/config"
        env.merge(environment) { _, new in new }
        for name in unsetting { env[name] = nil }
        let assignments = env.keys.sorted().map { "\($0)=\(env[$0]!)" }
        let paneCommand =
            ["env", "-i"] + assignments
            + ["/bin/sh", "-c", Self.wrapperScript, "harness", state, command]

        let directory = workingDirectory ?? Self.packageRoot.path
        let result = try run(
            [
                "start-server", ";",
                "set-option", "-g", "remain-on-exit", "on", ";",
                "set-option", "-g", "status", "off", ";",
                "set-option", "-g", "exit-empty", "off", ";",
                "new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", "-c", directory,
            ] + paneCommand)
        guard result.status == 0 else {
            kill()
            throw Failure(description: "tmux new-session failed (\(result.status)): \(result.error)")
        }
        socketPath = format("#{socket_path}")
    }

    /// Starts an executable with arguments (shell-quoted for you, and run
    /// with `exec`, so `programPID` is the program's own process id).
    convenience init(
        arguments: [String],
        width: Int = 80,
        height: Int = 24,
        environment: [String: String] = [:],
        unsetting: Set<String> = [],
        workingDirectory: String? = nil
    ) throws {
        let command = "exec " + arguments.map(Self.shellQuote).joined(separator: " ")
        try self.init(
            command: command, width: width, height: height, environment: environment,
            unsetting: unsetting, workingDirectory: workingDirectory)
    }

    deinit { kill() }

    static func shellQuote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    // MARK: - Driving

    /// Types each input in turn, one `send-keys` each (so an Escape is not
    /// glued to the next key as an Alt sequence).
    func sendKeys(_ inputs: Input...) throws {
        try sendKeys(inputs)
    }

    func sendKeys(_ inputs: [Input]) throws {
        for input in inputs {
            let arguments: [String]
            switch input {
            case .text(let text): arguments = ["send-keys", "-t", session, "-l", "--", text]
            case .key(let name): arguments = ["send-keys", "-t", session, name]
            }
            let result = try run(arguments)
            guard result.status == 0 else {
                throw Failure(description: "tmux send-keys \(input) failed: \(result.error)")
            }
        }
    }

    /// Types literal text.
    func sendText(_ text: String) throws {
        try sendKeys(.text(text))
    }

    /// Writes raw bytes to the program's terminal input (`send-keys -H`),
    /// such as the terminal's own mouse reports.
    func sendBytes(_ text: String) throws {
        let hex = text.utf8.map { String(format: "%02x", $0) }
        let result = try run(["send-keys", "-t", session, "-H"] + hex)
        guard result.status == 0 else { throw Failure(description: "tmux send-keys -H failed: \(result.error)") }
    }

    /// An xterm SGR (1006) mouse report of the left button at a 0-based
    /// cell: pressed, or released.
    static func mouseReport(x: Int, y: Int, pressed: Bool, button: Int = 0) -> String {
        "\u{1B}[<\(button);\(x + 1);\(y + 1)" + (pressed ? "M" : "m")
    }

    /// Whether the program has turned the terminal's mouse reporting on
    /// (tmux's `mouse_any_flag`).
    func mouseReporting() -> Bool {
        format("#{mouse_any_flag}") == "1"
    }

    /// The visible screen, one line per row (trailing spaces trimmed by
    /// tmux); with `colors`, including SGR escape sequences (`-e`).
    func capture(colors: Bool = false) -> String {
        var arguments = ["capture-pane", "-p", "-t", session]
        if colors { arguments.insert("-e", at: 2) }
        return (try? run(arguments).output) ?? ""
    }

    /// Polls the screen every 50 ms until it contains `substring`; returns
    /// that screen, or throws `Timeout` carrying the last one.
    @discardableResult
    func waitFor(_ substring: String, timeout: Duration = .seconds(5), colors: Bool = false) async throws -> String {
        try await waitFor(description: "\"\(substring)\"", timeout: timeout, colors: colors) { $0.contains(substring) }
    }

    /// Polls the screen every 50 ms until `predicate` holds, then until the
    /// screen is settled (the same on two captures in a row, the predicate
    /// still holding): a frame arrives in several writes, and a capture
    /// taken midway has the awaited text but not yet the rest.
    @discardableResult
    func waitFor(
        description: String = "the condition",
        timeout: Duration = .seconds(5),
        colors: Bool = false,
        _ predicate: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = capture(colors: colors)
        var lastHolding: String? = nil
        while true {
            if predicate(screen) {
                if screen == lastHolding { return screen }
                lastHolding = screen
            } else {
                lastHolding = nil
            }
            guard clock.now < deadline else {
                // Held but never settled (a screen that keeps changing): the latest that held.
                if let lastHolding { return lastHolding }
                throw Timeout(waitingFor: description, seconds: Self.seconds(timeout), screen: screen)
            }
            try await Task.sleep(for: .milliseconds(50))
            screen = capture(colors: colors)
        }
    }

    /// Waits for the pane's program to end; returns its exit status
    /// (128 + n when killed by signal n, as the shell reports it).
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(5)) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let status = exitStatus { return status }
            guard clock.now < deadline else {
                throw Timeout(waitingFor: "the program to exit", seconds: Self.seconds(timeout), screen: capture())
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits until the pane's program has started (its pid is known);
    /// returns it. A fixed sleep here was too short on a loaded machine.
    @discardableResult
    func waitForProgram(timeout: Duration = .seconds(10)) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while true {
            if let pid = programPID { return pid }
            guard clock.now < deadline else {
                throw Timeout(waitingFor: "the program to start", seconds: Self.seconds(timeout), screen: capture())
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        let result = try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
        guard result.status == 0 else { throw Failure(description: "tmux resize-window failed: \(result.error)") }
        self.width = width
        self.height = height
    }

    /// The process id of the pane itself (the wrapper shell).
    var panePID: Int32? {
        Int32(format("#{pane_pid}") ?? "")
    }

    /// The process id of the program (with `init(arguments:)` the binary
    /// itself; with a command string, the shell running it); nil until it
    /// has started and after it has ended.
    var programPID: Int32? {
        guard exitStatus == nil else { return nil }
        return Int32(readState("pid") ?? "")
    }

    /// The program is still running.
    var isAlive: Bool {
        exitStatus == nil && format("#{pane_dead}") == "0"
    }

    /// The program's exit status once it has ended, as the shell reports it
    /// (128 + n when killed by signal n); nil while it runs.
    var exitStatus: Int32? {
        Int32(readState("status") ?? "")
    }

    /// After the program ended: whether it left the terminal modes (echo,
    /// canonical input, …) exactly as it found them (`stty -g` before and
    /// after). Nil while it runs.
    var terminalModesRestored: Bool? {
        guard exitStatus != nil, let before = readState("stty-before"), let after = readState("stty-after") else {
            return nil
        }
        return before == after
    }

    /// Sends a signal to the program (waiting up to 2 s for it to start).
    func signal(_ signal: Int32) throws {
        var pid = programPID
        var waited = 0
        while pid == nil, exitStatus == nil, waited < 2000 {
            usleep(20_000)
            waited += 20
            pid = programPID
        }
        guard let pid else { throw Failure(description: "no running program to signal") }
        guard sendSignal(pid, signal) == 0 else { throw Failure(description: "kill(\(pid), \(signal)) failed") }
    }

    /// What the program left the terminal in: the checks for a clean exit.
    struct PaneState: Equatable {
        var alternateScreen: Bool
        var cursorVisible: Bool
        var keypadMode: Bool
    }

    /// Read it while the pane lives (the harness keeps it alive after the
    /// program ends).
    func paneState() -> PaneState {
        let flags = (format("#{alternate_on} #{cursor_flag} #{keypad_flag}") ?? "")
            .split(separator: " ").map { $0 == "1" }
        return PaneState(
            alternateScreen: flags.count > 0 && flags[0],
            cursorVisible: flags.count > 1 && flags[1],
            keypadMode: flags.count > 2 && flags[2])
    }

    /// Stops the tmux server (and with it the program). Idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        let leftovers = [programPID, panePID].compactMap { $0 }
        _ = try? run(["kill-server"])
        // kill-server hangs the terminal up; whatever ignores SIGHUP goes now.
        var waited = 0
        while waited < 500, leftovers.contains(where: Self.isRunning) {
            usleep(20_000)
            waited += 20
        }
        for pid in leftovers where Self.isRunning(pid) { _ = sendSignal(pid, SIGKILL) }
        if let socketPath, !socketPath.isEmpty { unlink(socketPath) }
        try? FileManager.default.removeItem(atPath: stateDirectory)
    }

    // MARK: - Plumbing

    private func readState(_ name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: "\(stateDirectory)/\(name)") else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The process exists and is not a zombie (an orphan's zombie may never
    /// be reaped in a container whose init does not reap).
    private static func isRunning(_ pid: Int32) -> Bool {
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        {
            let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
            return state != "Z" && state != "X"
        }
        #if canImport(Glibc)
            return Glibc.kill(pid, 0) == 0 && FileManager.default.fileExists(atPath: "/proc/\(pid)")
        #else
            return Darwin.kill(pid, 0) == 0
        #endif
    }

    private func sendSignal(_ pid: Int32, _ signal: Int32) -> Int32 {
        #if canImport(Glibc)
            return Glibc.kill(pid, signal)
        #else
            return Darwin.kill(pid, signal)
        #endif
    }

    private func format(_ format: String) -> String? {
        guard let result = try? run(["display-message", "-p", "-t", session, format]), result.status == 0 else {
            return nil
        }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    private struct RunResult {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `tmux -L <socket> -f /dev/null <arguments>` and waits for it.
    ///
    /// Not with Foundation's `Process`: it learns that a child ended when a
    /// socket the child inherits is closed, and the tmux server that the
    /// client forks keeps it open, so `waitUntilExit` never returns. And the
    /// child would inherit the test thread's signal mask (SIGINT, SIGTERM,
    /// SIGCHLD, SIGWINCH blocked on Swift's pool threads), which the tmux
    /// server and the program under test would keep. So: posix_spawn with
    /// every inherited descriptor closed, an empty signal mask and default
    /// signal actions; output through temporary files.
    private func run(_ arguments: [String]) throws -> RunResult {
        guard let tmux = Self.tmuxPath else { throw Failure(description: "tmux is not installed") }
        let argv = [tmux, "-L", socket, "-f", "/dev/null"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // tests may themselves run inside tmux
        environment["TMUX_PANE"] = nil
        let envp = environment.map { "\($0.key)=\($0.value)" }

        let base = NSTemporaryDirectory() + "tmux-harness-\(getpid())-\(UUID().uuidString)"
        let outputPath = base + ".out", errorPath = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorPath)
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        Self.closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var catchable = sigset_t()
        sigemptyset(&catchable)
        for signal: Int32 in 1..<32 where signal != SIGKILL && signal != SIGSTOP { sigaddset(&catchable, signal) }
        posix_spawnattr_setsigdefault(&attributes, &catchable)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid: pid_t = 0
        let spawned = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in
                posix_spawn(&pid, tmux, &actions, &attributes, cArgv, cEnvp)
            }
        }
        guard spawned == 0 else { throw Failure(description: "cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed: errno \(errno)") }
        }
        let exited = status & 0x7F == 0
        let code = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))) ?? Data()
        let error = (try? Data(contentsOf: URL(fileURLWithPath: errorPath))) ?? Data()
        return RunResult(
            status: code,
            output: String(decoding: output, as: UTF8.self),
            error: String(decoding: error, as: UTF8.self))
    }

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32

    /// glibc ≥ 2.34 has posix_spawn_file_actions_addclosefrom_np, which the
    /// Swift Glibc module does not import; look it up at run time, and
    /// otherwise close every descriptor open now.
    private static let closeFrom: CloseFrom? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else {
            return nil
        }
        return unsafeBitCast(symbol, to: CloseFrom.self)
    }()

    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        if let closeFrom, closeFrom(&actions, 3) == 0 { return }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    /// A NULL-terminated `char *[]` for the duration of `body`.
    private func withCStrings<R>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R
    ) -> R {
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
