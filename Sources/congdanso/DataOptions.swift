import ArgumentParser
import CongDanSoCore
import Foundation

/// Options every command shares: where the data is and the settings that
/// override its `config.toml`.
struct DataOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The data directory (units.csv, snapshots/, config.toml). Default: the project's sample-data/.")
    var data: String?

    @Option(
        name: .long,
        help:
            "An event log (time,unit_code,candidate_id,event) to use as the source of the counts instead of the data directory's events.csv or snapshots/."
    )
    var events: String?

    @Option(name: .long, help: "Goal share of adults, e.g. 0.80.")
    var target: Double?

    @Option(name: .long, help: "Deadline day, YYYY-MM-DD; the goal is due at its end.")
    var deadline: String?

    @Option(
        name: .customLong("adult-share"),
        help: "Share of the population that is adult, for units without an adults column.")
    var adultShare: Double?

    @Option(name: .long, help: "UTC offset of the contest's local time, e.g. +07:00.")
    var timezone: String?

    @Option(name: .long, help: "Contest title shown in reports.")
    var title: String?

    @Option(
        name: .customLong("stale-after"),
        help:
            "How old the newest data may be before it is called late, e.g. 30m, 2h, 26h (default: 30m for an event log, 26h for snapshots; stale_after in config.toml)."
    )
    var staleAfter: String?

    func validate() throws {
        if let target, !(target > 0 && target <= 1) {
            throw ValidationError("--target must be above 0 and at most 1, e.g. 0.80")
        }
        if let adultShare, !(adultShare > 0 && adultShare <= 1) {
            throw ValidationError("--adult-share must be above 0 and at most 1, e.g. 0.68")
        }
        if let deadline, CalendarDate(parsing: deadline) == nil {
            throw ValidationError("--deadline must be a date written YYYY-MM-DD, e.g. 2025-12-31")
        }
        if let timezone, UTCOffset(parsing: timezone) == nil {
            throw ValidationError("--timezone must be a UTC offset like +07:00")
        }
        if let staleAfter, (Freshness.parseDuration(staleAfter) ?? 0) <= 0 {
            throw ValidationError("--stale-after must be a duration like 30m, 2h or 26h")
        }
    }

    var overrides: ConfigOverrides {
        ConfigOverrides(
            title: title, targetShare: target, deadline: deadline.flatMap(CalendarDate.init(parsing:)),
            adultShare: adultShare, timeZone: timezone.flatMap(UTCOffset.init(parsing:)),
            staleAfterSeconds: staleAfter.flatMap(Freshness.parseDuration))
    }

    /// The data directory: `--data`, else `./sample-data` when present, else
    /// the sample data of the source tree this binary was built from.
    var directory: String { data ?? DataOptions.defaultDirectory }

    /// `./sample-data` when present, else the source tree's sample data.
    static var defaultDirectory: String {
        if FileManager.default.fileExists(atPath: "sample-data/units.csv") { return "sample-data" }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("sample-data").path
    }

    /// Loads the data, printing warnings to standard error; on errors prints
    /// them all and exits with status 1.
    /// The event log's tail (its candidate tables) is kept until exit, not
    /// freed: every caller is a one-shot command (see `KeptUntilExit`).
    func load() throws -> Dataset {
        let (dataset, tail) = try load(live: false)
        if let tail { KeptUntilExit.keep(tail) }
        return dataset
    }

    /// The data's standings at `--at` (text in the contest's time zone), or
    /// at its latest moment when `at` is nil: what report, export and letter show.
    func standings(at: String?) throws -> Standings {
        let dataset = try load()
        let moment = try at.map { try parseMoment($0, offset: dataset.config.timeZone) }
        KeptUntilExit.keep(dataset)  // its histories are freed at exit, by the kernel
        return Standings(dataset: dataset, at: moment, now: Clock.now)
    }

    /// Like `load`, and also hands back the event log's tail when a log is
    /// the source, positioned after what was read, so the dashboard can
    /// follow the log without reading it a second time. With `live`, a last
    /// line without its newline is left for the tail (it may be half-written).
    func load(live: Bool) throws -> (dataset: Dataset, tail: EventTail?) {
        let meter = ProgressMeter.standardError()
        let (result, tail) = DataDirectory.loadLive(
            directory, overrides: overrides, events: events, live: live, progress: meter?.update)
        meter?.finish()
        let stderr = StandardError()
        for issue in result.issues { stderr.write(issue.description) }
        guard let dataset = result.dataset else {
            stderr.write(
                "congdanso: the data in \(directory) has \(result.issues.errors.count) error(s); fix them and try again (`congdanso validate --data \(directory)\(events.map { " --events \($0)" } ?? "")` lists them)."
            )
            throw ExitCode(1)
        }
        return (dataset, tail)
    }
}

/// Writes lines to standard error, terminal-safe and checked (never a crash
/// when standard error is full or closed).
struct StandardError {
    func write(_ line: String) { CommandOutput.note(line) }
}

/// Parses `--at` (or another option's time): ISO 8601; without an offset,
/// the contest's time zone.
func parseMoment(_ text: String, offset: UTCOffset, option: String = "--at") throws -> Timestamp {
    switch Timestamp.parse(text, defaultOffset: offset) {
    case .success(let t): return t
    case .failure:
        throw ValidationError("\(option) must be a time like 2025-10-21T15:30:00+07:00 (the offset may be left out)")
    }
}

extension Language: ExpressibleByArgument {}
extension SortColumn: ExpressibleByArgument {}
