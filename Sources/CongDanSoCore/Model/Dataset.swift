/// Everything loaded from a data directory: the units, each unit's history of
/// cumulative counts, and the contest settings. Immutable; statistics are
/// computed from it for a chosen moment.
public struct Dataset: Sendable {
    public let config: ContestConfig
    /// Units in the order of `units.csv`.
    public let units: [Unit]
    /// Code → index into `units`.
    public let unitIndex: [String: Int]
    /// Per unit (same index as `units`), its observations sorted by time.
    public let histories: [History]
    /// Every distinct moment in the data, sorted. Computed on each use
    /// (an event log can hold millions of moments): prefer `firstMoment`
    /// and `latestMoment`.
    public var moments: [Timestamp] {
        var all = Set(histories.joined().map(\.time))
        if let firstMoment { all.insert(firstMoment) }
        if let latestMoment { all.insert(latestMoment) }
        return all.sorted()
    }
    /// The current moment: the latest in the data (nil when there is none).
    /// With an event log, the latest event's time.
    public let latestMoment: Timestamp?
    /// The first moment in the data.
    public let firstMoment: Timestamp?
    /// Warnings found while loading (errors prevent a Dataset).
    public let warnings: [DataIssue]
    /// Per unit, its name folded for search (`VietnameseText.fold`), computed
    /// once so that filtering as you type stays cheap.
    public let foldedNames: [String]

    /// `firstMoment` and `latestMoment` default to the first and last
    /// observation; an event log passes its first and latest event's time
    /// (the latest event may be a repeat that changed no count).
    public init(
        config: ContestConfig, units: [Unit], histories: [History], warnings: [DataIssue] = [],
        firstMoment: Timestamp? = nil, latestMoment: Timestamp? = nil
    ) {
        precondition(units.count == histories.count, "one history per unit")
        self.config = config
        self.units = units
        var index: [String: Int] = [:]
        for (i, u) in units.enumerated() { index[u.code] = i }
        self.unitIndex = index
        self.histories = histories
        (self.firstMoment, self.latestMoment) = Dataset.span(histories, first: firstMoment, latest: latestMoment)
        self.warnings = warnings
        self.foldedNames = units.map { VietnameseText.fold($0.name) }
    }

    /// The same units and settings with new histories (an event log that
    /// grew): reuses the unit index and folded names, so it stays cheap for
    /// thousands of units.
    public func replacingHistories(
        _ histories: [History], firstMoment: Timestamp?, latestMoment: Timestamp?,
        warnings: [DataIssue]
    ) -> Dataset {
        Dataset(
            copying: self, histories: histories, firstMoment: firstMoment, latestMoment: latestMoment,
            warnings: warnings)
    }

    private init(
        copying other: Dataset, histories: [History], firstMoment: Timestamp?, latestMoment: Timestamp?,
        warnings: [DataIssue]
    ) {
        precondition(other.units.count == histories.count, "one history per unit")
        config = other.config
        units = other.units
        unitIndex = other.unitIndex
        foldedNames = other.foldedNames
        self.histories = histories
        (self.firstMoment, self.latestMoment) = Dataset.span(histories, first: firstMoment, latest: latestMoment)
        self.warnings = warnings
    }

    /// The earliest and latest moments: the given ones, widened by the
    /// histories' first and last observations.
    private static func span(_ histories: [History], first: Timestamp?, latest: Timestamp?)
        -> (Timestamp?, Timestamp?)
    {
        var first = first, latest = latest
        for h in histories {
            if let t = h.first?.time, first.map({ t < $0 }) ?? true { first = t }
            if let t = h.last?.time, latest.map({ t > $0 }) ?? true { latest = t }
        }
        return (first, latest)
    }

    /// A unit's counts at `time`: its row with the greatest time ≤ `time`,
    /// or zeros when it has none yet.
    public func value(unit: Int, at time: Timestamp) -> (registered: Int, completed: Int) {
        histories[unit].value(at: time)
    }

    /// City-wide totals at `time`.
    public func totals(at time: Timestamp) -> (registered: Int, completed: Int) {
        var r = 0, c = 0
        for u in units.indices {
            let v = value(unit: u, at: time)
            r += v.registered; c += v.completed
        }
        return (r, c)
    }
}
