/// A moment in time: milliseconds since 1970-01-01T00:00:00Z. Plain integer
/// arithmetic keeps comparisons exact and parsing cheap (many rows share one
/// `as_of`).
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }

    public static let millisecondsPerDay: Int64 = 86_400_000

    /// This moment shifted by a number of seconds.
    public func adding(seconds: Int64) -> Timestamp {
        Timestamp(milliseconds: milliseconds + seconds * 1000)
    }

    /// Days (fractional) from `self` to `other`.
    public func days(to other: Timestamp) -> Double {
        Double(other.milliseconds - milliseconds) / Double(Timestamp.millisecondsPerDay)
    }

    public var description: String { iso8601(offset: .utc) }

    /// ISO 8601 with the given offset: `2025-10-22T15:00:00+07:00`.
    public func iso8601(offset: UTCOffset) -> String {
        let local = localTime(offset)
        var s = "\(pad(local.year, 4))-\(pad(local.month, 2))-\(pad(local.day, 2))T"
        s += "\(pad(local.hour, 2)):\(pad(local.minute, 2)):\(pad(local.second, 2))"
        if local.millisecond != 0 { s += "." + pad(local.millisecond, 3) }
        return s + offset.description
    }

    /// The calendar fields of this moment at a UTC offset.
    public func localTime(_ offset: UTCOffset) -> LocalTime {
        let shifted = milliseconds + Int64(offset.seconds) * 1000
        let day = shifted.floorDiv(Timestamp.millisecondsPerDay)
        var rest = shifted - day * Timestamp.millisecondsPerDay
        let (y, m, d) = CivilDate.fromDays(day)
        let hour = Int(rest / 3_600_000); rest %= 3_600_000
        let minute = Int(rest / 60_000); rest %= 60_000
        return LocalTime(
            year: y, month: m, day: d, hour: hour, minute: minute,
            second: Int(rest / 1000), millisecond: Int(rest % 1000))
    }

    /// The moment of a local date and time at an offset.
    public static func from(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0,
        second: Int = 0, millisecond: Int = 0, offset: UTCOffset
    ) -> Timestamp {
        let days = Int64(CivilDate.toDays(year: year, month: month, day: day))
        var ms = days * millisecondsPerDay
        ms += Int64(hour) * 3_600_000 + Int64(minute) * 60_000 + Int64(second) * 1000 + Int64(millisecond)
        return Timestamp(milliseconds: ms - Int64(offset.seconds) * 1000)
    }
}

/// Calendar fields of a moment at some UTC offset.
public struct LocalTime: Hashable, Sendable {
    public var year, month, day, hour, minute, second, millisecond: Int
}

/// A fixed offset from UTC, such as Việt Nam's +07:00.
public struct UTCOffset: Hashable, Sendable, CustomStringConvertible {
    public var seconds: Int
    public init(seconds: Int) { self.seconds = seconds }
    public static let utc = UTCOffset(seconds: 0)
    public static let vietnam = UTCOffset(seconds: 7 * 3600)

    /// `+07:00`, `-03:30`, `+00:00`.
    public var description: String {
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return "\(sign)\(pad(m / 60, 2)):\(pad(m % 60, 2))"
    }

    /// Parses `+07:00`, `+0700`, `+07`, `Z` or `UTC`.
    public init?(parsing text: String) {
        let t = text.trimmingSpaces
        if t == "Z" || t == "z" || t.uppercased() == "UTC" { self.seconds = 0; return }
        guard let parsed = UTCOffset.parse(Array(t.utf8)[...]) else { return nil }
        self = parsed
    }

    /// Parses an offset from bytes: `Z`, `±HH`, `±HHMM` or `±HH:MM`.
    static func parse(_ b: ArraySlice<UInt8>) -> UTCOffset? {
        if b.count == 1, b.first == UInt8(ascii: "Z") || b.first == UInt8(ascii: "z") { return .utc }
        guard let sign = b.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var digits = Array(b.dropFirst())
        if digits.count == 5, digits[2] == UInt8(ascii: ":") { digits.remove(at: 2) }
        guard digits.count == 2 || digits.count == 4,
            digits.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        let hours = Int(digits[0] - 48) * 10 + Int(digits[1] - 48)
        let minutes = digits.count == 4 ? Int(digits[2] - 48) * 10 + Int(digits[3] - 48) : 0
        guard hours <= 14, minutes < 60 else { return nil }
        return UTCOffset(seconds: (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60))
    }
}

/// Proleptic Gregorian calendar arithmetic (Howard Hinnant's algorithms).
enum CivilDate {
    static func toDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func fromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A calendar date without a time, such as the deadline 2025-12-31.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year, month, day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD`, checking the day exists.
    public init?(parsing text: String) {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), d >= 1, d <= CivilDate.daysInMonth(year: y, month: m)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public var description: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// The end of this day (24:00) at an offset, i.e. the next midnight.
    public func endOfDay(offset: UTCOffset) -> Timestamp {
        Timestamp.from(year: year, month: month, day: day, offset: offset)
            .adding(seconds: 86_400)
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

extension Int64 {
    func floorDiv(_ d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
