import ArgumentParser
import CongDanSoCore
import Foundation
import Synchronization

/// Set by SIGINT/SIGTERM while a replay runs.
private let replayStop = Atomic<Bool>(false)

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Write an event log into FILE at N times real speed, to watch the dashboard move.",
        discussion: """
            Reads the events of a data directory (its events.csv) or of --events FILE and writes them \
            to --to FILE: the header first, then each line when its time comes, scaled by --speed \
            (--speed 60: an hour of the log in a minute; --speed 0: as fast as possible). Lines keep \
            their own times. Open the dashboard on the log in another terminal:

              congdanso replay --to /tmp/live.csv --speed 600
              congdanso dashboard --events /tmp/live.csv

            Ctrl-C stops cleanly (what was written stays written).
            """)

    @Option(name: .long, help: "The log to write (created or truncated).")
    var to: String

    @Option(name: .long, help: "Times real speed; 0 writes everything at once.")
    var speed: Double = 60

    @Option(
        name: .customLong("from-data"),
        help: "Data directory whose events.csv is replayed. Default: the project's sample-data/.")
    var fromData: String?

    @Option(name: .long, help: "An event log to replay (instead of the data directory's events.csv).")
    var events: String?

    @Option(
        name: .customLong("skip-to"),
        help: "Write every event before this time at once, then replay from it, e.g. 2025-10-22T07:00:00+07:00.")
    var skipTo: String?

    func validate() throws {
        if !(speed >= 0) || !speed.isFinite {
            throw ValidationError("--speed must be 0 (as fast as possible) or more, e.g. 60")
        }
    }

    func run() throws {
        let source = events ?? ((fromData ?? DataOptions.defaultDirectory) + "/" + EventLogSource.fileName)
        // Through a file handle, so that a pipe (`--events /dev/stdin`) is read too.
        guard let data = FileHandle(forReadingAtPath: source).flatMap({ try? $0.readToEnd() ?? Data() }) else {
            throw CommandOutput.fail(
                "cannot read \(source); give --events FILE or a --from-data directory holding events.csv (the sample's is made by `python3 tools/make_sample_data.py --events`)"
            )
        }
        let bytes = [UInt8](data)
        // Lines, without their ends; a BOM is dropped.
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for i in start..<bytes.count where bytes[i] == 10 {
            lines.append(bytes[start..<i]); start = i + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        guard let header = lines.first else { throw CommandOutput.fail("\(source) is empty") }
        // The one header reader the loaders use (UTF-16, separators, missing columns).
        let columns = CSVHeader(line: header, file: source)
        if let problem = columns.missing([["time"]], file: source, what: "the event log's header") {
            throw CommandOutput.fail(problem.description)
        }
        let timeColumn = columns.index(of: "time")!
        // Each line's time (nil when it does not parse: written at once).
        let times: [Int64?] = lines.dropFirst().map { line in
            // A quote may hide a comma: such a line goes through the CSV reader.
            if line.contains(34) {
                guard let fields = CSVLine.fields(ofLine: line), timeColumn < fields.count else { return nil }
                return Self.parse(ArraySlice(fields[timeColumn].utf8))
            }
            var field = 0, fieldStart = line.startIndex
            for i in line.indices where line[i] == 44 {
                if field == timeColumn { return Self.parse(line[fieldStart..<i]) }
                field += 1; fieldStart = i + 1
            }
            return field == timeColumn ? Self.parse(line[fieldStart...]) : nil
        }
        let skip = try skipTo.map { try parseMoment($0, offset: .vietnam, option: "--skip-to").milliseconds }
        // Every write is checked: a full disk or /dev/full stops the replay
        // with a clear message and exit status 1.
        let out: CheckedOutput
        do throws(OutputError) {
            out = try SafeFileWriter.openForStreaming(to)
        } catch {
            throw CommandOutput.fail("\(error)")
        }
        defer { if out.descriptor > 2 { close(out.descriptor) } }
        func write(_ bytes: [UInt8]) throws {
            do throws(OutputError) { try out.write(bytes) } catch { throw CommandOutput.fail("\(error)") }
        }
        try write(Array(header) + [10])

        signal(SIGINT) { _ in replayStop.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in replayStop.store(true, ordering: .relaxed) }
        let stderr = StandardError()
        let total = times.count
        let firstTime = times.lazy.compactMap { $0 }.first { skip == nil || $0 >= skip! } ?? 0
        let wallStart = Date()
        var written = 0
        var lastReport = Date()
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        var latest = Int64.min
        while written < total {
            if replayStop.load(ordering: .relaxed) { break }
            // Everything due by now goes out in one write.
            let elapsed = Date().timeIntervalSince(wallStart)
            let logNow = speed == 0 ? Int64.max : firstTime + Int64(elapsed * speed * 1000)
            var nextDue: Int64? = nil
            while written < total {
                if let t = times[written] {
                    if t > logNow, t >= latest, skip.map({ t >= $0 }) ?? true { nextDue = t; break }
                    latest = max(latest, t)
                }
                chunk += lines[written + 1]; chunk.append(10)
                written += 1
                if chunk.count >= 1 << 20 { try write(chunk); chunk.removeAll(keepingCapacity: true) }
            }
            if !chunk.isEmpty { try write(chunk); chunk.removeAll(keepingCapacity: true) }
            if Date().timeIntervalSince(lastReport) >= 5 {
                lastReport = Date()
                stderr.write(
                    "replay: \(written)/\(total) events, log time \(Timestamp(milliseconds: latest).iso8601(offset: .vietnam))"
                )
            }
            if let nextDue {
                let wait = Double(nextDue - logNow) / 1000 / speed
                Thread.sleep(forTimeInterval: min(0.1, max(0.001, wait)))
            }
        }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        let what = written < total ? "stopped" : "done"
        stderr.write(
            "replay: \(what): \(written)/\(total) events written to \(to) in \(String(format: "%.1f", Date().timeIntervalSince(wallStart))) s"
        )
    }

    static func parse(_ field: ArraySlice<UInt8>) -> Int64? {
        let text = String(decoding: field, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if case .success(let t) = Timestamp.parse(text) { return t.milliseconds }
        return nil
    }
}
