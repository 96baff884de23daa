/// Day-by-day figures (the dashboard's trend column and unit history).
///
/// One day, one change: a "day" on screen is the 24 hours up to the data's
/// moment or to the same time of day before it (at 22/10 15:00: 21/10 15:00
/// to 22/10 15:00, then 20/10 15:00 to 21/10 15:00, …). So the table's
/// "+24h", the last bar of the trend, the detail's newest history row and its
/// "+24h" are the same number, and every older bar is the "+24h" of the
/// history row at that time. A unit's cumulative value at a time is its
/// latest observation at or before it; a day's new registrations are the
/// value at its end minus the value at its start; a count that went down
/// (a data warning) shows as 0.
public enum DailySeries {
    /// `days + 1` moments, oldest first: the moment less `days` × 24 hours,
    /// …, the moment less 24 hours, the moment. Consecutive pairs bound the
    /// last `days` days, the 24 hours to the moment last. (`offset` is kept
    /// for callers; days are counted back from the moment's time of day.)
    public static func boundaries(moment: Timestamp, offset: UTCOffset, days: Int) -> [Timestamp] {
        let n = max(0, days)
        return (0...n).reversed().map { moment.adding(seconds: -Int64($0) * 86_400) }
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
        // Dense data: a row every 24 hours back from the moment, at the
        // moment's time of day (one day, one change: see `DailySeries`),
        // while the data reaches back that far.
        guard let first = upTo.first?.time else { return [] }
        var result: [HistoryRow] = []
        var t = moment
        while t >= first {
            let v = dataset.value(unit: unit, at: t)
            result.append(row(t, wholeDay: false, v.registered, v.completed))
            t = t.adding(seconds: -86_400)
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
        (t.milliseconds + Int64(offset.seconds) * 1000).floorDiv(Timestamp.millisecondsPerDay)
    }
}
