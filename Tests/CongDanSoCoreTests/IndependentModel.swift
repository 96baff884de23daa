import Foundation

/// The statistics contract computed a second way, for comparison: plain loops
/// over the raw CSV rows, Foundation's ISO 8601 parser, exact integer
/// arithmetic for shares. Shares nothing with the code under test, so the two
/// only agree when both follow the same rules: a unit's value at T is its row
/// with the greatest as_of ≤ T, ranking by registered, completed, then code.
struct IndependentModel {
    struct UnitRow {
        var code: String
        var name: String
        var type: String
        var population: Int
        var adults: Int
        /// The file's adults cell, when filled.
        var adultsGiven: Int?
    }

    struct Row {
        var ms: Int64
        var code: String
        var registered: Int
        var completed: Int
    }

    struct Figure {
        var code: String
        var name: String
        var type: String
        var registered: Int
        var completed: Int
        var adults: Int
        /// nil on the data's first day (nothing 24 h earlier to compare with).
        var registeredChange: Int?
        var completedChange: Int?
        var rank = 0
    }

    /// A share written as a decimal ("0.68") as an exact fraction.
    struct Fraction {
        var numerator: Int
        var denominator: Int
        init(_ text: String) {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let whole = Int(parts[0]) ?? 0
            let frac = parts.count > 1 ? String(parts[1]) : ""
            denominator = Int(pow(10.0, Double(frac.count)))
            numerator = whole * denominator + (Int(frac) ?? 0)
        }
        var double: Double { Double(numerator) / Double(denominator) }
    }

    var units: [UnitRow] = []
    var rows: [Row] = []
    var targetShare = Fraction("0.80")
    var adultShare = Fraction("0.68")
    /// End of the deadline day (24:00 at the contest's offset), in ms.
    var deadlineEndMs: Int64 = 0
    var deadline = "2025-12-31"
    var offsetSeconds = 7 * 3600

    static func parseTime(_ text: String) -> Int64 {
        let f = ISO8601DateFormatter()
        guard let date = f.date(from: text) else { fatalError("independent model: bad time \(text)") }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    init(directory: String) throws {
        // config.toml: key = value lines.
        if let config = try? String(contentsOfFile: directory + "/config.toml", encoding: .utf8) {
            for line in config.split(whereSeparator: \.isNewline) {
                let body = line.split(separator: "#", maxSplits: 1).first.map(String.init) ?? ""
                let kv = body.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard kv.count == 2 else { continue }
                let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                switch kv[0] {
                case "target_share": targetShare = Fraction(value)
                case "adult_share": adultShare = Fraction(value)
                case "deadline": deadline = value
                case "timezone":
                    let sign = value.hasPrefix("-") ? -1 : 1
                    let digits = value.dropFirst().split(separator: ":").compactMap { Int($0) }
                    offsetSeconds = sign * (digits[0] * 3600 + (digits.count > 1 ? digits[1] * 60 : 0))
                default: break
                }
            }
        }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let offset = sign + String(format: "%02d:%02d", abs(offsetSeconds) / 3600, abs(offsetSeconds) % 3600 / 60)
        deadlineEndMs = Self.parseTime(deadline + "T00:00:00" + offset) + 86_400_000

        let unitTable = parseCSV(try String(contentsOfFile: directory + "/units.csv", encoding: .utf8))
            .filter { !$0.allSatisfy(\.isEmpty) }
        let h = unitTable[0]
        func col(_ name: String) -> Int? { h.firstIndex(of: name) }
        for r in unitTable.dropFirst() {
            let population = Int(r[col("population")!])!
            var adults: Int
            let given = col("adults").flatMap { Int(r[$0]) }
            if let given {
                adults = given
            } else {
                // round(population × share), halves up, exactly.
                adults = (2 * population * adultShare.numerator + adultShare.denominator) / (2 * adultShare.denominator)
            }
            units.append(
                UnitRow(
                    code: r[col("code")!], name: r[col("name")!], type: r[col("type")!],
                    population: population, adults: adults, adultsGiven: given))
        }
        let folder = directory + "/snapshots"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".csv") {
            let table = parseCSV(try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
                .filter { !$0.allSatisfy(\.isEmpty) }
            let h = table[0]
            for r in table.dropFirst() {
                rows.append(
                    Row(
                        ms: Self.parseTime(r[h.firstIndex(of: "as_of")!]), code: r[h.firstIndex(of: "code")!],
                        registered: Int(r[h.firstIndex(of: "registered")!])!,
                        completed: Int(r[h.firstIndex(of: "completed")!])!))
            }
        }
        for r in rows { rowsByCode[r.code, default: []].append(r) }
    }

    var latestMs: Int64 { rows.map(\.ms).max()! }
    var firstMs: Int64 { rows.map(\.ms).min()! }

    /// Rows by unit code (a plain index, to keep the loops below quick).
    var rowsByCode: [String: [Row]] = [:]

    /// The unit's row with the greatest time ≤ t; zeros when none.
    func value(_ code: String, at t: Int64) -> (Int, Int) {
        var best: Row? = nil
        for r in rowsByCode[code, default: []] where r.ms <= t {
            if best == nil || r.ms > best!.ms { best = r }
        }
        return (best?.registered ?? 0, best?.completed ?? 0)
    }

    func totalCompleted(at t: Int64) -> Int {
        units.reduce(0) { $0 + value($1.code, at: t).1 }
    }

    /// Every unit's figures at t, in rank order.
    func ranked(at t: Int64) -> [Figure] {
        var figures: [Figure] = []
        for u in units {
            let now = value(u.code, at: t)
            let before = value(u.code, at: t - 86_400_000)
            let known = t - 86_400_000 >= firstMs
            figures.append(
                Figure(
                    code: u.code, name: u.name, type: u.type, registered: now.0, completed: now.1,
                    adults: u.adults, registeredChange: known ? now.0 - before.0 : nil,
                    completedChange: known ? now.1 - before.1 : nil))
        }
        figures.sort { a, b in
            if a.registered != b.registered { return a.registered > b.registered }
            if a.completed != b.completed { return a.completed > b.completed }
            return Array(a.code.utf8).lexicographicallyPrecedes(Array(b.code.utf8))
        }
        for i in figures.indices { figures[i].rank = i + 1 }
        return figures
    }

    /// Average completions a day over the last 7 days or since the first moment.
    func pace(at t: Int64) -> Double? {
        guard firstMs < t else { return nil }
        let start = max(t - 7 * 86_400_000, firstMs)
        let days = Double(t - start) / 86_400_000
        return Double(totalCompleted(at: t) - totalCompleted(at: start)) / days
    }

    /// Completions needed a day until the deadline's end; 0 once met; nil after.
    func requiredPerDay(at t: Int64) -> Double? {
        let adults = units.reduce(0) { $0 + $1.adults }
        let completed = totalCompleted(at: t)
        // remaining × denominator, exactly.
        let remainingScaled = max(0, targetShare.numerator * adults - targetShare.denominator * completed)
        if remainingScaled == 0 { return 0 }
        let daysLeft = Double(deadlineEndMs - t) / 86_400_000
        guard daysLeft > 0 else { return nil }
        return Double(remainingScaled) / Double(targetShare.denominator) / daysLeft
    }

    func daysLeft(at t: Int64) -> Double { Double(deadlineEndMs - t) / 86_400_000 }

    func asOf(_ t: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(secondsFromGMT: offsetSeconds)
        f.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
        return f.string(from: Date(timeIntervalSince1970: Double(t) / 1000))
    }
}
