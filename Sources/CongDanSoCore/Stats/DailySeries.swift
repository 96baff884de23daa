/// Day-by-day figures (the dashboard's trend column and unit history).
///
/// A day is a calendar day in the contest's time zone. A unit's cumulative
/// value at the end of a day is its latest observation at or before that
/// day's end (24:00 local); for the standings' own day it is the value at
/// the standings' moment (nothing after the moment counts). A day's new
/// registrations are its end-of-day value minus the previous day's; a count
/// that went down (a data warning) shows as 0.
public enum DailySeries {
    /// `days + 1` moments, oldest first: the end of the day `days` days
    /// before the moment's day, the ends of the days after it up to
    /// yesterday, then the moment itself. Consecutive pairs bound the last
    /// `days` days, the moment's own (partial) day last.
    public static func boundaries(moment: Timestamp, offset: UTCOffset, days: Int) -> [Timestamp] {
        let n = max(0, days)
        let local = moment.localTime(offset)
        let startOfDay = Timestamp.from(year: local.year, month: local.month, day: local.day, offset: offset)
        var result: [Timestamp] = []
        result.reserveCapacity(n + 1)
        // End of day k days ago (k ≥ 1) is one millisecond before the start of the day after it.
        for k in stride(from: n, through: 1, by: -1) {
            let end = startOfDay.adding(seconds: -Int64(k - 1) * 86_400)
            result.append(Timestamp(milliseconds: end.milliseconds - 1))
        }
        result.append(moment)
        return result
    }

    /// New registrations in each of the days bounded by `boundaries`, oldest
    /// first; nil for a day that starts before the data does
    /// (`Dataset.change(unit:from:to:)`), so data that begins mid-contest
    /// shows no false rise or fall on its first day.
    public static func dailyNewRegistrations(_ dataset: Dataset, unit: Int, boundaries: [Timestamp]) -> [Int?] {
        guard boundaries.count >= 2 else { return [] }
        var result: [Int?] = []
        result.reserveCapacity(boundaries.count - 1)
        for k in 0..<(boundaries.count - 1) {
            result.append(
                dataset.change(unit: unit, from: boundaries[k], to: boundaries[k + 1]).map { max(0, $0.registered) })
        }
        return result
    }
}

/// One row of a unit's history in the detail view.
///
/// Two layouts, chosen per data set by `isDense`:
///
/// - snapshot data (a few observations a unit a day): one row per
///   observation, the unit's counts at that snapshot moment;
/// - dense data (an event log: the counts change at every event): one row
///   per local day (contest time zone) that has an observation, the counts at
///   the end of that day (its last observation); the standings' own day
///   shows the counts at the standings' moment instead.
///
/// The change columns are always the change over the 24 hours before the
/// row's time (`time`): for a snapshot row, vs the value 24 h before it; for
/// a past day's row, whose time is the end of that day, that is the day's
/// own new counts (end of day vs end of the day before); for the moment's
/// day, the rolling 24 h to the moment, the same as "+24h" above the table.
public struct HistoryRow: Hashable, Sendable {
    /// The moment the counts are for: a snapshot moment, the end of a day
    /// (24:00 local, less a millisecond) or the standings' moment.
    public var time: Timestamp
    /// The row stands for a whole past day (shown as a date, no clock time).
    public var wholeDay: Bool = false
    public var registered: Int
    public var completed: Int
    public var registeredChange24h: Int
    public var completedChange24h: Int

    public init(
        time: Timestamp, wholeDay: Bool = false, registered: Int, completed: Int, registeredChange24h: Int,
        completedChange24h: Int
    ) {
        self.time = time; self.wholeDay = wholeDay; self.registered = registered; self.completed = completed
        self.registeredChange24h = registeredChange24h; self.completedChange24h = completedChange24h
    }

    /// A data set is dense when its units average more than two
    /// observations a day over the days from its first moment to its latest
    /// (both counted): snapshot data has one or two a day (the sample: 11
    /// snapshots over 10 days), an event log has one per change (thousands a
    /// unit). Cheap: one count per unit.
    public static func isDense(_ dataset: Dataset) -> Bool {
        guard let first = dataset.firstMoment, let last = dataset.latestMoment else { return false }
        let offset = dataset.config.timeZone
        let days = Int(dayIndex(last, offset) - dayIndex(first, offset)) + 1
        let withData = dataset.histories.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        let observations = dataset.histories.reduce(0) { $0 + $1.count }
        return observations > 2 * max(1, withData) * max(1, days)
    }

    /// The unit's history up to `moment`, newest first: every observation,
    /// or one row per local day when the data set `isDense`.
    public static func rows(_ dataset: Dataset, unit: Int, upTo moment: Timestamp) -> [HistoryRow] {
        guard unit >= 0, unit < dataset.histories.count else { return [] }
        let history = dataset.histories[unit]
        let upTo = history[..<history.countThrough(moment)]
        func row(_ time: Timestamp, wholeDay: Bool, _ registered: Int, _ completed: Int) -> HistoryRow {
            let before = dataset.value(unit: unit, at: time.adding(seconds: -86_400))
            return HistoryRow(
                time: time, wholeDay: wholeDay, registered: registered, completed: completed,
                registeredChange24h: registered - before.registered,
                completedChange24h: completed - before.completed)
        }
        guard isDense(dataset) else {
            return upTo.reversed().map { row($0.time, wholeDay: false, $0.registered, $0.completed) }
        }
        let offset = dataset.config.timeZone
        let momentDay = dayIndex(moment, offset)
        var result: [HistoryRow] = []
        var day: Int64? = nil
        // Newest first: the first observation met on a day is its last.
        for o in upTo.reversed() {
            let d = dayIndex(o.time, offset)
            guard d != day else { continue }
            day = d
            if d == momentDay {
                result.append(row(moment, wholeDay: false, o.registered, o.completed))
            } else {
                let end = Timestamp(
                    milliseconds: (d + 1) * Timestamp.millisecondsPerDay - Int64(offset.seconds) * 1000 - 1)
                result.append(row(end, wholeDay: true, o.registered, o.completed))
            }
        }
        return result
    }

    /// The row's time as shown: `21/10/2025` for a whole day,
    /// `22/10/2025 15:00` for a moment (vi); `2025-10-21`, `2025-10-22 15:00` (en).
    public func label(offset: UTCOffset, _ lang: Language) -> String {
        guard wholeDay else { return DateForms.short(time, offset: offset, lang) }
        let l = time.localTime(offset)
        let two = { pad($0, 2) }
        switch lang {
        case .vi: return "\(two(l.day))/\(two(l.month))/\(l.year)"
        case .en: return "\(l.year)-\(two(l.month))-\(two(l.day))"
        }
    }

    /// Days since 1970-01-01 in local time.
    private static func dayIndex(_ t: Timestamp, _ offset: UTCOffset) -> Int64 {
        let shifted = t.milliseconds + Int64(offset.seconds) * 1000
        let q = shifted / Timestamp.millisecondsPerDay
        return shifted % Timestamp.millisecondsPerDay < 0 ? q - 1 : q
    }
}
