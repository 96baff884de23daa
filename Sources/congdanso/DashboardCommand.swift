import ArgumentParser
import CongDanSoCore
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
            """)

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "Check the data directory for changes every this many seconds.")
    var refresh: Int = 5

    @Option(name: .long, help: "Language of the screen: vi or en (the l key switches).")
    var lang: Language = .vi

    @Flag(name: .customLong("no-color"), help: "Monochrome (also when NO_COLOR is set).")
    var noColor = false

    @Flag(name: .long, help: "ASCII glyphs and names without accents, whatever the locale.")
    var ascii = false

    @Flag(name: .long, help: "UTF-8 output even when the locale is not UTF-8 (the terminal must handle it).")
    var utf8 = false

    @Option(
        name: .long,
        help:
            "Wall mode: cycle the views every this many seconds (table pages, top ten, bottom ten, the call list, the summary); w pauses and resumes, q quits."
    )
    var rotate: Int?

    func validate() throws {
        if refresh < 1 { throw ValidationError("--refresh must be at least 1 second") }
        if ascii && utf8 { throw ValidationError("choose one of --ascii and --utf8") }
        if let rotate, rotate < 1 { throw ValidationError("--rotate must be at least 1 second") }
    }

    func run() throws {
        let directory = options.directory
        let first = try FirstFrame.load(directory: directory, events: options.events, overrides: options.overrides) {
            try options.load(live: true)
        }
        let terminal = TerminalOptions.standard(noColorFlag: noColor, forceASCII: ascii ? true : utf8 ? false : nil)
        let session: TerminalSession
        do {
            session = try TerminalSession.open(terminal)
        } catch let unavailable as TerminalUnavailable {
            // The table first, then why there is no dashboard, so the reason
            // stays in sight at the bottom of a terminal.
            let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
            let text = PlainScreen.text(
                dataset: first.dataset, language: lang, ascii: ascii, width: width, now: Clock.now)
            FileHandle.standardOutput.write(Data(text.utf8))
            StandardError().write("congdanso: \(unavailable)")
            if unavailable != .notATerminal { throw ExitCode(1) }
            return
        }
        defer { session.close() }
        let clock = SystemClock()
        let now = clock.now()
        var state = DashboardState(
            standings: Standings(dataset: first.dataset, now: now), language: lang,
            colorEnabled: session.hasColor, ascii: session.usesASCII, now: now, refreshSeconds: refresh)
        let source = LiveSource(
            directory: directory, overrides: options.overrides, events: options.events, first: first, clock: clock)
        state.setFollowsLog(source.followsEvents)
        if let rotate { state.startWallMode(seconds: rotate) }
        var loop = DashboardLoop(backend: session, state: state, source: source, clock: clock)
        if let signal = loop.run() {
            // Leave as the signal asked, once the terminal is restored.
            session.close()
            throw ExitCode(128 + signal)
        }
    }
}
