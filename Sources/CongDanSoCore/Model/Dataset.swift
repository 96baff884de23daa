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
    /// Per unit, what tells it apart from units with the same full name
    /// (type and name, matched after normalising: seven "Xã Tân Tiến"
    /// nationally): its province when no other unit of that name shares
    /// it, else its code; nil when its full name is unique. See
    /// `distinctName` and `distinctListName`.
    public let nameQualifiers: [String?]

    /// `firstMoment` and `latestMoment` default to the first and last
    /// observation; an event log passes its first and latest event's time
    /// (the latest event may be a repeat that changed no count).
    public init(
        config: ContestConfig, units: [Unit], histories: [History], warnings: [DataIssue] = [],
        firstMoment: Timestamp? = nil, latestMoment: Timestamp? = nil
    ) {
        self.init(
            config: config, units: units, histories: histories, warnings: warnings, firstMoment: firstMoment,
            latestMoment: latestMoment, names: nil)
    }

    /// What the dataset derives from the units' names alone (`foldedNames`,
    /// `nameQualifiers`), so that a loader can make it while it reads the
    /// counts.
    struct Names: Sendable {
        let folded: [String]
        let qualifiers: [String?]

        init(_ units: [Unit]) {
            folded = units.map { VietnameseText.fold($0.name) }
            qualifiers = Dataset.qualifiers(units, foldedNames: folded)
        }
    }

    /// `names`: made beforehand from the same units, or nil to make them here.
    init(
        config: ContestConfig, units: [Unit], histories: [History], warnings: [DataIssue] = [],
        firstMoment: Timestamp? = nil, latestMoment: Timestamp? = nil, names: Names?
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
        let names = names ?? Names(units)
        precondition(names.folded.count == units.count, "names made from the same units")
        self.foldedNames = names.folded
        self.nameQualifiers = names.qualifiers
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
        nameQualifiers = other.nameQualifiers
        self.histories = histories
        (self.firstMoment, self.latestMoment) = Dataset.span(histories, first: firstMoment, latest: latestMoment)
        self.warnings = warnings
    }

    /// See `nameQualifiers`. `foldedNames`, when given, are the units'
    /// names folded (`VietnameseText.fold`), computed once for both.
    static func qualifiers(_ units: [Unit], foldedNames: [String]? = nil) -> [String?] {
        var byFullName: [String: [Int]] = [:]
        for (i, u) in units.enumerated() {
            byFullName[u.type.rawValue + " " + (foldedNames?[i] ?? VietnameseText.fold(u.name)), default: []]
                .append(i)
        }
        var result = [String?](repeating: nil, count: units.count)
        // Units sharing a name share its key: each name's key is made once.
        var keys: [String: String] = [:]
        for candidates in byFullName.values where candidates.count > 1 {
            // Folding merges "Cẩm Giang" and "Cẩm Giàng": split again by the
            // normalised name, which keeps diacritics.
            var same: [String: [Int]] = [:]
            for i in candidates {
                let name = units[i].name
                let key = keys[name] ?? VietnameseText.matchKey(name)
                keys[name] = key
                same[key, default: []].append(i)
            }
            for group in same.values where group.count > 1 {
                var provinces: [String: Int] = [:]
                for i in group {
                    if let p = units[i].province, !p.isEmpty { provinces[VietnameseText.fold(p), default: 0] += 1 }
                }
                for i in group {
                    if let p = units[i].province, !p.isEmpty, provinces[VietnameseText.fold(p)] == 1 {
                        result[i] = p
                    } else {
                        result[i] = units[i].code
                    }
                }
            }
        }
        return result
    }

    /// The unit's name, followed by what tells it apart when another unit
    /// has the same full name: "Tân Tiến (Bắc Ninh)"; else the name alone.
    public func distinctName(_ unit: Int) -> String {
        units[unit].name + (nameQualifiers[unit].map { " (\($0))" } ?? "")
    }

    /// The name as the letter lists it, told apart where names collide:
    /// "xã Tân Tiến (Bắc Ninh)", "xã Tứ Kỳ".
    public func distinctListName(_ unit: Int, _ lang: Language) -> String {
        units[unit].listName(lang) + (nameQualifiers[unit].map { " (\($0))" } ?? "")
    }

    /// The official full name, told apart where names collide:
    /// "Xã Tân Tiến (Bắc Ninh)".
    public func distinctFullName(_ unit: Int, _ lang: Language) -> String {
        units[unit].fullName(lang) + (nameQualifiers[unit].map { " (\($0))" } ?? "")
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

    /// True when the data reaches back to `time`: it is at or after the
    /// first moment in the data. Before it, a value of 0 means "not yet in
    /// the data", not "nobody yet", so a change measured from there is not a
    /// change (data that starts mid-contest).
    public func hasData(at time: Timestamp) -> Bool {
        guard let first = firstMoment else { return false }
        return time >= first
    }

    /// A unit's change from `start` to `end`, or nil when the data does not
    /// reach back to `start` (`hasData(at:)`): what a daily series needs for
    /// its days before the data began.
    public func change(unit: Int, from start: Timestamp, to end: Timestamp) -> (registered: Int, completed: Int)? {
        guard hasData(at: start) else { return nil }
        let a = value(unit: unit, at: start), b = value(unit: unit, at: end)
        return (b.registered - a.registered, b.completed - a.completed)
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
