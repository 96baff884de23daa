extension Timestamp {
    /// Why a timestamp did not parse, in words a clerk can act on.
    public enum ParseFailure: Error, Equatable, Sendable {
        case malformed
        case missingOffset
        case impossibleDate
        /// A valid time later than the machine's clock plus the tolerance
        /// (`future_tolerance`): it cannot have happened yet.
        case future

        /// What is wrong and what to do, after "the time "X" " in a message:
        /// the one wording for every file that holds times.
        public var explanation: String {
            switch self {
            case .missingOffset: return "has no UTC offset; write it like 2025-10-22T15:00:00+07:00"
            case .impossibleDate: return "is not a real date and time"
            case .malformed: return "is not an ISO 8601 time; write it like 2025-10-22T15:00:00+07:00"
            case .future:
                return
                    "is later than this machine's clock plus the tolerance (future_tolerance in config.toml); it cannot have happened yet. Check the clock of the machine that wrote it"
            }
        }
    }

    /// Parses ISO 8601 `YYYY-MM-DDTHH:MM[:SS[.fff]]±HH:MM` (or `Z`); a space
    /// may stand for `T`. Without an offset, `defaultOffset` applies when
    /// given, else it is an error (data files must say their offset).
    public static func parse(_ text: String, defaultOffset: UTCOffset? = nil) -> Result<Timestamp, ParseFailure> {
        parse(Array(text.trimmingSpaces.utf8)[...], defaultOffset: defaultOffset)
    }

    static func parse(_ b: ArraySlice<UInt8>, defaultOffset: UTCOffset?) -> Result<Timestamp, ParseFailure> {
        var i = b.startIndex
        func number(_ width: Int) -> Int? {
            guard b.endIndex - i >= width else { return nil }
            var n = 0
            for _ in 0..<width {
                let c = b[i]
                guard c >= 48, c <= 57 else { return nil }
                n = n * 10 + Int(c - 48); i += 1
            }
            return n
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.endIndex, b[i] == c else { return false }
            i += 1; return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2),
            expect(UInt8(ascii: "-")), let day = number(2)
        else { return .failure(.malformed) }
        guard i < b.endIndex, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "t")
        else { return .failure(.malformed) }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2) else {
            return .failure(.malformed)
        }
        var second = 0, millisecond = 0
        if i < b.endIndex, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let s = number(2) else { return .failure(.malformed) }
            second = s
            if i < b.endIndex, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                var digits = 0, value = 0
                while i < b.endIndex, b[i] >= 48, b[i] <= 57 {
                    if digits < 3 { value = value * 10 + Int(b[i] - 48) }
                    digits += 1; i += 1
                }
                guard digits > 0 else { return .failure(.malformed) }
                for _ in digits..<max(digits, 3) { value *= 10 }
                millisecond = value
            }
        }
        let offset: UTCOffset
        if i == b.endIndex {
            guard let defaultOffset else { return .failure(.missingOffset) }
            offset = defaultOffset
        } else {
            guard let parsed = UTCOffset.parse(b[i...]) else { return .failure(.malformed) }
            offset = parsed
        }
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
            hour <= 24, minute < 60, second < 60,
            hour < 24 || (minute == 0 && second == 0 && millisecond == 0)
        else { return .failure(.impossibleDate) }
        let t = Timestamp.from(
            year: year, month: month, day: day, hour: hour, minute: minute,
            second: second, millisecond: millisecond, offset: offset)
        // Years 1000 to 9998 in UTC: every moment accepted then prints with a
        // four-digit year at any offset and parses back to itself (year 0000
        // at +07:00 fell in year -1 and printed as "00-1-12-31…"; found by
        // the fuzzer).
        guard t >= Timestamp.earliest, t < Timestamp.latest else { return .failure(.impossibleDate) }
        return .success(t)
    }

    /// The first moment a time may name: 1000-01-01T00:00:00Z.
    static let earliest = Timestamp.from(year: 1000, month: 1, day: 1, offset: .utc)
    /// The end of the times accepted: 9999-01-01T00:00:00Z.
    static let latest = Timestamp.from(year: 9999, month: 1, day: 1, offset: .utc)
}
