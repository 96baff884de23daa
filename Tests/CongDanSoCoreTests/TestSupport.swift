import Foundation
import TestSupport
import Testing

@testable import CongDanSoCore

// Helpers shared by the core tests: temporary data directories written from
// strings (or exact bytes), loading, time stamps, and paths in the project.

/// The package root, found from this file's path (Tests/CongDanSoCoreTests/…).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The project's sample data, the source of the daily letter's figures.
let sampleDataPath: String = packageRoot.appendingPathComponent("sample-data").path

/// The shared temporary data directory (the TestSupport target), by the
/// name these tests use.
typealias TempDataDir = TestSupport.TempDataDir

extension TempDataDir {
    func load(_ overrides: ConfigOverrides = ConfigOverrides()) -> LoadResult {
        DataDirectory.load(path, overrides: overrides)
    }

    /// The dataset; records the issues and fails the test when loading failed.
    func dataset(
        _ overrides: ConfigOverrides = ConfigOverrides(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Dataset {
        let result = load(overrides)
        #expect(
            result.issues.errors.isEmpty, "unexpected errors: \(result.issues.map(\.description))",
            sourceLocation: sourceLocation)
        return try #require(result.dataset, sourceLocation: sourceLocation)
    }
}

/// A moment from ISO 8601 text with an offset ("2025-10-22T15:00:00+07:00").
func ts(_ text: String) -> Timestamp {
    switch Timestamp.parse(text) {
    case .success(let t): return t
    case .failure(let why): fatalError("bad time in a test: \(text) (\(why))")
    }
}

/// The standings at the latest moment (or `at`), with a fixed clock.
func standings(_ dataset: Dataset, at: String? = nil) -> Standings {
    Standings(dataset: dataset, at: at.map(ts), now: ts("2025-10-22T15:00:00+07:00"))
}

/// A figure by unit code.
func figure(_ s: Standings, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> UnitFigures {
    try #require(s.figures.first(where: { $0.unit.code == code }), "no unit \(code)", sourceLocation: sourceLocation)
}

/// Text compared scalar by scalar: Swift's `==` treats NFD and NFC as equal,
/// so checks of normalisation must look at the scalars.
func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

/// NFD form of a string (for feeding decomposed input).
func nfd(_ s: String) -> String { s.decomposedStringWithCanonicalMapping }

/// Rounds a fraction to compare floating results computed in different orders.
func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return abs(x - y) <= tolerance * max(1, abs(x), abs(y))
    default: return false
    }
}

/// Characters that must never reach a terminal or a spreadsheet raw: C0
/// controls (except the line ends a format uses), DEL, C1, bidi controls,
/// line/paragraph separators.
func hasControlCharacters(_ s: String, allowing allowed: Set<UInt32> = [0x0A]) -> Bool {
    s.unicodeScalars.contains { u in
        let v = u.value
        if allowed.contains(v) { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            || v == 0x061C || v == 0x2028 || v == 0x2029
        {
            return true
        }
        return false
    }
}

/// A minimal RFC 4180 parser for checking what the program writes (export
/// CSV): independent of the loader under test. Strips a BOM; records end
/// at CRLF or LF.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var inQuotes = false
    var chars = Array(text.unicodeScalars)
    if chars.first == "\u{FEFF}" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" {
                    field.unicodeScalars.append("\"")
                    i += 1
                } else {
                    inQuotes = false
                }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r" || c == "\n" {
            if c == "\r", i + 1 < chars.count, chars[i + 1] == "\n" { i += 1 }
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            field.unicodeScalars.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}

/// The core's deterministic generator (SplitMix64), by name for files of
/// this target that do not import the core.
typealias SeededRandom = CongDanSoCore.SeededRandom

/// Generated event logs for the readers' tests, with the shapes and pitfalls
/// a real log has, each at its own odds: repeats (candidates drawn from a
/// pool), completions as often as registrations or less, lines out of time
/// order, candidates named in a second unit, long ids, and now and then an
/// unknown unit, an impossible time, a missing field, a quoted line, a CRLF
/// ending or a blank line. Every line ends with a line end. The units are
/// `101`, `102` and `00103` (`EventLogTests.units`).
struct EventLogGenerator {
    static let codes = ["101", "102", "00103"]

    /// Candidate ids are drawn from `0..<candidates`: fewer than lines, repeats.
    var candidates: Int
    /// Log time runs `seconds` for every `lines` lines from 2025-10-22T07:00+07:00.
    var pace: (seconds: Int, lines: Int)
    /// One line in `oneIn` comes late: earlier by a number of seconds in `by`.
    var late: (oneIn: Int, by: Range<Int>)
    /// Candidates whose id is a multiple of this have a long id.
    var longIDEvery: Int
    /// One line in this many names the candidate's other unit.
    var otherUnitOneIn: Int
    /// One event in this many is a completion; the others are registrations.
    var completedOneIn: Int
    /// One line in this many is a pitfall (the six kinds taking turns at random).
    var pitfallOneIn: Int
    /// The pitfall time: a day or month that does not exist.
    var impossibleTime = "2025-13-01T08:00:00+07:00"

    /// The log's text (with its header) of `lines` lines, the same for the same seed.
    func log(seed: UInt64, lines: Int) -> String {
        var rng = SeededRandom(seed: seed)
        let codes = Self.codes
        var text = "time,unit_code,candidate_id,event\n"
        for i in 0..<lines {
            var second = i * pace.seconds / pace.lines
            if late.oneIn == 1 || Int.random(in: 0..<late.oneIn, using: &rng) == 0 {
                second -= Int.random(in: late.by, using: &rng)
            }
            let t = Timestamp(milliseconds: 1_761_091_200_000 + Int64(max(0, second)) * 1000).iso8601(offset: .vietnam)
            let id = Int.random(in: 0..<candidates, using: &rng)
            let candidate = id % longIDEvery == 0 ? "long-candidate-identifier-\(id)" : "c\(id)"
            // A candidate's usual unit, and now and then another one.
            var code = codes[id % 3]
            if Int.random(in: 0..<otherUnitOneIn, using: &rng) == 0 { code = codes[(id + 1) % 3] }
            let kind = Int.random(in: 0..<completedOneIn, using: &rng) == 0 ? "completed" : "registered"
            switch Int.random(in: 0..<pitfallOneIn, using: &rng) {
            case 0: text += "\(t),999,\(candidate),\(kind)\n"
            case 1: text += "\(impossibleTime),\(code),\(candidate),\(kind)\n"
            case 2: text += "\(t),\(code),\(candidate)\n"
            case 3: text += "\"\(t)\",\"\(code)\",\"\(candidate)\",\(kind)\n"
            case 4: text += "\(t),\(code),\(candidate),\(kind)\r\n"
            case 5: text += "\n"
            default: text += "\(t),\(code),\(candidate),\(kind)\n"
            }
        }
        return text
    }
}
