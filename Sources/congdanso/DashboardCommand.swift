import ArgumentParser
import CongDanSoCore
import CursesTerminal
import DashboardKit
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

    func validate() throws {
        if refresh < 1 { throw ValidationError("--refresh must be at least 1 second") }
        if ascii && utf8 { throw ValidationError("choose one of --ascii and --utf8") }
    }

    /// The data for the first frame. When the directory's own events.csv is
    /// the source and its snapshots load cleanly, the snapshots give the
    /// first picture at once (the sample log is consistent with them) and the
    /// run loop reads the log in the background, replacing it within moments;
    /// otherwise the data is loaded in full before the screen opens, and an
    /// event log read then is followed from where that read stopped.
    private func firstDataset(_ directory: String) throws -> (Dataset, FirstLoad?) {
        let logPath = options.events ?? directory + "/" + EventLogSource.fileName
        if options.events == nil, FileManager.default.fileExists(atPath: logPath),
            let quick = DataDirectory.loadSnapshots(directory, overrides: options.overrides).dataset,
            quick.latestMoment != nil, quick.warnings.isEmpty
        {
            return (quick, nil)
        }
        let logStamp = DirectoryFingerprint.of([logPath])
        let otherStamps = DirectoryFingerprint.read(directory, includingEventLog: false)
        let (dataset, tail) = try options.load(live: true)
        return (dataset, tail.map { FirstLoad(tail: $0, logStamp: logStamp, otherStamps: otherStamps) })
    }

    func run() throws {
        let directory = options.directory
        let fingerprint = DirectoryFingerprint.read(directory)
        let (dataset, firstLoad) = try firstDataset(directory)
        let runner = DashboardRunner(
            directory: directory, events: options.events, overrides: options.overrides, dataset: dataset,
            fingerprint: fingerprint, firstLoad: firstLoad,
            language: lang, refreshSeconds: refresh,
            terminal: .standard(noColorFlag: noColor, forceASCII: ascii ? true : utf8 ? false : nil))
        do {
            if let signal = try runner.run() {
                // Leave as the signal asked, now that the terminal is restored.
                throw ExitCode(128 + signal)
            }
        } catch let unavailable as TerminalUnavailable {
            // The table first, then why there is no dashboard, so the reason
            // stays in sight at the bottom of a terminal.
            try CommandOutput.emit(PlainScreen.text(dataset: dataset, language: lang, ascii: ascii))
            StandardError().write("congdanso: \(unavailable)")
            if unavailable != .notATerminal { throw ExitCode(1) }
        }
    }
}

/// The dashboard's table as plain text, for output that is not a terminal.
enum PlainScreen {
    static func text(dataset: Dataset, language: Language, ascii: Bool) -> String {
        let now = Clock.now
        let standings = Standings(dataset: dataset, now: now)
        let width = Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 120
        let height = dataset.units.count + 12
        let state = DashboardState(
            standings: standings, language: language, colorEnabled: false, ascii: ascii,
            now: now, refreshSeconds: 5, width: max(width, DashboardState.minimumWidth),
            height: height)
        let buffer = render(state, width: max(width, DashboardState.minimumWidth), height: height)
        var lines = buffer.lines().map { line -> String in
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            return String(l)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
