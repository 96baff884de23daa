import CongDanSoCore

/// Day-by-day figures for the trend column and the detail view.
///
/// A day is a calendar day in the contest's time zone. A unit's cumulative
/// value at the end of a day is its latest observation at or before that
/// day's end (24:00 local); for the standings' own day it is the value at
/// the standings' moment (nothing after the moment counts). A day's new
/// registrations are its end-of-day value minus the previous day's; a count
/// that went down (a data warning) shows as 0.
enum DailySeries {
    /// `days + 1` moments, oldest first: the end of the day `days` days
    /// before the moment's day, the ends of the days after it up to
    /// yesterday, then the moment itself. Consecutive pairs bound the last
    /// `days` days, the moment's own (partial) day last.
    static func boundaries(moment: Timestamp, offset: UTCOffset, days: Int) -> [Timestamp] {
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

    /// New registrations in each of the days bounded by `boundaries`, oldest first.
    static func dailyNewRegistrations(_ dataset: Dataset, unit: Int, boundaries: [Timestamp]) -> [Int] {
        guard boundaries.count >= 2 else { return [] }
        var previous = dataset.value(unit: unit, at: boundaries[0]).registered
        var result: [Int] = []
        result.reserveCapacity(boundaries.count - 1)
        for end in boundaries.dropFirst() {
            let value = dataset.value(unit: unit, at: end).registered
            result.append(max(0, value - previous))
            previous = value
        }
        return result
    }
}

/// One row of a unit's history in the detail view: its counts at a snapshot
/// and the change over the 24 hours before it.
struct HistoryRow: Hashable, Sendable {
    var time: Timestamp
    var registered: Int
    var completed: Int
    var registeredChange24h: Int
    var completedChange24h: Int

    /// Every observation of the unit up to `moment`, newest first.
    static func rows(_ dataset: Dataset, unit: Int, upTo moment: Timestamp) -> [HistoryRow] {
        guard unit >= 0, unit < dataset.histories.count else { return [] }
        return dataset.histories[unit].filter { $0.time <= moment }.reversed().map { o in
            let before = dataset.value(unit: unit, at: o.time.adding(seconds: -86_400))
            return HistoryRow(time: o.time, registered: o.registered, completed: o.completed,
                              registeredChange24h: o.registered - before.registered,
                              completedChange24h: o.completed - before.completed)
        }
    }
}
