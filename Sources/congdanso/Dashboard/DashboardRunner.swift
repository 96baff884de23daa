import CongDanSoCore
import CursesTerminal
import DashboardKit
import Foundation

/// The dashboard's run loop: terminal events and clock ticks in, `update`,
/// effects carried out, and a frame drawn whenever something changed.
struct DashboardRunner {
    let directory: String
    /// `--events FILE`, when the counts come from a log outside the directory.
    let events: String?
    let overrides: ConfigOverrides
    let dataset: Dataset
    let fingerprint: DirectoryFingerprint
    /// The event log the first load read, when it is the source: followed
    /// from where that load stopped.
    let firstLoad: FirstLoad?
    let language: Language
    let refreshSeconds: Int
    let terminal: TerminalOptions

    /// Runs until the user quits or a signal arrives; the terminal is
    /// restored on every way out. Returns the signal that ended it, if any.
    func run() throws -> Int32? {
        let session = try TerminalSession.open(terminal)
        defer { session.close() }
        let now = Clock.now
        var state = DashboardState(
            standings: Standings(dataset: dataset, now: now), language: language,
            colorEnabled: session.hasColor, ascii: session.usesASCII, now: now,
            refreshSeconds: refreshSeconds, width: session.width, height: session.height)
        let reloader = Reloader(
            directory: directory, overrides: overrides, loadedFingerprint: fingerprint,
            events: events)
        // Following an event log: take appended events every second. When the
        // first frame came from the snapshots, read the log in the background
        // once that frame is up.
        if let firstLoad { reloader.follow(firstLoad, dataset: dataset) }
        var tailStarted = !reloader.followsEvents || firstLoad != nil
        var refresh = refreshSeconds
        var lastCheck = now
        var lastTickSecond = now.milliseconds / 1000
        var dirty = true

        while true {
            if dirty {
                session.draw(render(state, width: session.width, height: session.height))
                dirty = false
            }
            if !tailStarted {
                tailStarted = true
                reloader.check(force: true)
            }
            var effects: [Effect] = []
            for event in session.nextEvents(timeoutMilliseconds: 200) {
                switch event {
                case .key(let key): effects += update(&state, .key(key))
                case .resize(let w, let h): effects += update(&state, .resize(width: w, height: h))
                case .interrupted: return session.receivedSignal
                }
                dirty = true
            }
            for message in reloader.drain() {
                effects += update(&state, message)
                dirty = true
            }
            let clock = Clock.now
            if clock.milliseconds / 1000 != lastTickSecond {
                lastTickSecond = clock.milliseconds / 1000
                effects += update(&state, .tick(clock))
                dirty = true
                if reloader.followsEvents { reloader.check() }
            }
            if clock.milliseconds - lastCheck.milliseconds >= Int64(refresh) * 1000 {
                lastCheck = clock
                reloader.check()
            }
            for effect in effects {
                switch effect {
                case .quit:
                    return nil
                case .reloadNow:
                    reloader.check(force: true)
                case .setRefreshInterval(let seconds):
                    refresh = max(1, seconds)
                case .exportCSV(let rows, _):
                    let message = Self.export(rows, standings: state.standings, at: clock)
                    _ = update(&state, message)
                    dirty = true
                }
            }
        }
    }

    /// Writes the rows shown to `congdanso-YYYYMMDD-HHMMSS.csv` in the
    /// current directory (or `$TMPDIR` when that is not writable).
    static func export(_ rows: [UnitFigures], standings: Standings, at now: Timestamp) -> Message {
        let l = now.localTime(standings.config.timeZone)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let name = "congdanso-\(l.year)\(two(l.month))\(two(l.day))-\(two(l.hour))\(two(l.minute))\(two(l.second)).csv"
        let data = Data(TableExport.csv(rows, standings: standings).utf8)
        let folders = [FileManager.default.currentDirectoryPath, NSTemporaryDirectory()]
        var lastError = ""
        for folder in folders {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
            do {
                try data.write(to: url, options: .atomic)
                return .exported(path: url.path)
            } catch {
                lastError = "\(url.path): \(error.localizedDescription)"
            }
        }
        return .exportFailed(lastError)
    }
}
