import ArgumentParser
import CongDanSoCore
import CongDanSoSettings
import CursesTerminal
import DashboardKit
import DashboardRuntime
import Foundation

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the live dashboard (the default command).",
        discussion: """
            Keys: ? shows them all. The data directory is re-read when its files change.
            Without a terminal (output piped or redirected) the table is printed as plain text.

            Settings (language, sort, refresh interval, theme, mouse, export folder) are read from \
            $XDG_CONFIG_HOME/congdanso/settings.toml (else ~/.config/congdanso/settings.toml); what the \
            keys changed is saved there at quit. Options win for the run and are not saved.
            """)

    @OptionGroup var options: DataOptions
    @OptionGroup var screen: ScreenOptions

    @Option(
        name: .long,
        help: "Check the data directory for changes every this many seconds, 1 to 3600 (default 5, or the settings').")
    var refresh: Int?

    @Option(name: .long, help: "Language of the screen: vi or en (default vi, or the settings'; the l key switches).")
    var lang: Language?

    @Flag(name: .customLong("no-color"), help: "Monochrome (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "ASCII glyphs and names without accents, whatever the locale.")
    var ascii = false

    @Flag(name: .long, help: "UTF-8 output even when the locale is not UTF-8 (the terminal must handle it).")
    var utf8 = false

    @Option(
        name: .long,
        help:
            "Wall mode: cycle the views every this many seconds (table pages, top ten, bottom ten, the call list, the summary); w pauses and resumes, q quits; 0 turns off a rotation set in settings.toml."
    )
    var rotate: Int?

    func validate() throws {
        if let refresh, !RefreshSteps.range.contains(refresh) {
            let range = RefreshSteps.range
            throw ValidationError("--refresh must be from \(range.lowerBound) to \(range.upperBound) seconds")
        }
        if ascii && utf8 { throw ValidationError("choose one of --ascii and --utf8") }
        if let rotate, rotate < 0 { throw ValidationError("--rotate takes a number of seconds (0: off)") }
    }

    func run() throws {
        let directory = options.directory
        let first = try FirstFrame.load(directory: directory, events: options.events, overrides: options.overrides) {
            try options.load(live: true)
        }
        // Read before the terminal opens (it needs the mouse setting); the
        // plain-text fallback below neither uses nor saves it.
        let settings = StartupSettings(language: lang, refreshSeconds: refresh, rotateSeconds: rotate, options: screen)
        let terminal = TerminalOptions.standard(
            noColorFlag: noColor, forceASCII: ascii ? true : utf8 ? false : nil, mouse: settings.screen.mouseEnabled)
        let session: TerminalSession
        do {
            session = try TerminalSession.open(terminal)
        } catch let unavailable as TerminalUnavailable {
            // The table first, then why there is no dashboard, so the reason
            // stays in sight at the bottom of a terminal.
            let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
            try CommandOutput.emit(
                PlainScreen.text(
                    dataset: first.dataset, language: lang ?? .vi, ascii: ascii, width: width, now: Clock.now))
            StandardError().write("congdanso: \(unavailable)")
            if unavailable != .notATerminal { throw ExitCode(1) }
            return
        }
        defer { session.close() }
        let clock = SystemClock()
        let now = clock.now()
        var state = DashboardState(
            standings: Standings(dataset: first.dataset, now: now), language: settings.started.language,
            colorEnabled: session.hasColor, ascii: session.usesASCII, now: now,
            refreshSeconds: settings.started.refreshSeconds)
        state.applySettings(settings.started)
        state.apply(settings.screen)
        if session.usesASCII, !ascii, !utf8 { state.explainASCII() }
        // A broken settings file is said first (the ASCII note can wait: it is also in --help).
        if let problem = settings.problem { state.reportSettingsProblem(problem) }
        let source = LiveSource(
            directory: directory, overrides: options.overrides, events: options.events, first: first, clock: clock)
        state.setFollowsLog(source.followsEvents)
        // Wall mode from the option or, without it, settings.toml (0: off).
        if let seconds = settings.started.rotateSeconds, seconds > 0 { state.startWallMode(seconds: seconds) }
        var loop = DashboardLoop(backend: session, state: state, source: source, clock: clock)
        let signal = loop.run()
        // Saved on q, Ctrl-C and the clean exits (SIGTERM, SIGHUP), once the
        // terminal is restored (messages to standard error stay readable).
        session.close()
        settings.finish(ended: loop.currentState.endedSettings(started: settings.started))
        if let signal {
            // Leave as the signal asked.
            throw ExitCode(128 + signal)
        }
    }
}
