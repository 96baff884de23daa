/// The contest at one moment: every unit's figures, the city ranking, the
/// totals and the goal. Computed from a dataset, deterministically.
public struct Standings: Sendable {
    public let dataset: Dataset
    /// The moment these figures describe.
    public let moment: Timestamp
    /// The moment 24 hours earlier, for changes.
    public var dayBefore: Timestamp { moment.adding(seconds: -86_400) }
    /// Per unit, in `dataset.units` order.
    public let figures: [UnitFigures]
    /// Unit indices in ranking order (registered ↓, completed ↓, code ↑).
    public let ranking: [Int]
    public let city: GroupTotals
    public let goal: GoalProgress
    /// The data reaches back 24 hours before the moment, so the changes
    /// over 24 h are known. On the data's first day they are not (data that
    /// starts mid-contest would otherwise show its whole count as the day's
    /// change): the figures' changes are then 0 and their optional forms
    /// (`UnitFigures.registeredChange`, `GroupTotals.registeredChange`) nil.
    public let hasChange24h: Bool

    public var config: ContestConfig { dataset.config }

    /// Computes the standings at `time`, or at the latest moment in the data
    /// when `time` is nil. `now` is used only when the data has no moment.
    public init(dataset: Dataset, at time: Timestamp? = nil, now: Timestamp) {
        self.dataset = dataset
        let moment = time ?? dataset.latestMoment ?? now
        self.moment = moment
        let before = moment.adding(seconds: -86_400)
        let known = dataset.hasData(at: before)
        self.hasChange24h = known
        var figures: [UnitFigures] = []
        figures.reserveCapacity(dataset.units.count)
        var city = GroupTotals()
        for (i, unit) in dataset.units.enumerated() {
            let v = dataset.value(unit: i, at: moment)
            let b = known ? dataset.value(unit: i, at: before) : v
            let f = UnitFigures(
                index: i, unit: unit, rank: 0, registered: v.registered, completed: v.completed,
                registeredChange24h: v.registered - b.registered,
                completedChange24h: v.completed - b.completed, hasChange24h: known)
            city.add(f)
            figures.append(f)
        }
        let ranking = figures.indices.sorted { Standings.ranksBefore(figures[$0], figures[$1]) }
        for (place, i) in ranking.enumerated() { figures[i].rank = place + 1 }
        self.figures = figures
        self.ranking = ranking
        self.city = city
        self.goal = GoalProgress.compute(dataset: dataset, at: moment, adults: city.adults, completed: city.completed)
    }

    /// The ranking order: registered descending, then completed descending,
    /// then code ascending (as text, so leading zeros count).
    public static func ranksBefore(_ a: UnitFigures, _ b: UnitFigures) -> Bool {
        if a.registered != b.registered { return a.registered > b.registered }
        if a.completed != b.completed { return a.completed > b.completed }
        return a.unit.code.utf8.lexicographicallyPrecedes(b.unit.code.utf8)
    }

    /// Figures in ranking order.
    public var ranked: [UnitFigures] { ranking.map { figures[$0] } }

    /// The first `n` in the ranking.
    public func top(_ n: Int = 10) -> [UnitFigures] {
        ranking.prefix(n).map { figures[$0] }
    }

    /// The last `n` in the ranking, fewest first.
    public func bottom(_ n: Int = 10) -> [UnitFigures] {
        ranking.suffix(n).reversed().map { figures[$0] }
    }

    /// Where a unit stands among the top or bottom `n` (both can hold when
    /// there are fewer than 2n units).
    public func band(of unitIndex: Int, n: Int = 10) -> RankBand {
        let rank = figures[unitIndex].rank
        let count = figures.count
        return RankBand(isTop: rank <= n, isBottom: rank > count - n)
    }

    /// Totals per type, in the official type order: `groups(by: .type)`.
    public var byType: [(type: UnitType, totals: GroupTotals)] {
        groups(by: .type).map { (UnitType(rawValue: $0.value!)!, $0.totals) }
    }

    /// Totals per former province, in Vietnamese order of the name; units
    /// without one are grouped under an empty name, last:
    /// `groups(by: .formerProvince)`.
    public var byFormerProvince: [(province: String, totals: GroupTotals)] {
        groups(by: .formerProvince).map { ($0.value ?? "", $0.totals) }
    }

    /// 1-based rank of a unit by another measure (descending, ties by the
    /// city ranking): completed or coverage.
    public func rank(of unitIndex: Int, by measure: RankMeasure) -> Int {
        let target = figures[unitIndex]
        var better = 0
        for f in figures where f.index != unitIndex {
            let (x, y) = (measure.value(f), measure.value(target))
            if x > y || (x == y && f.rank < target.rank) { better += 1 }
        }
        return better + 1
    }
}

/// Whether a unit is among the top or bottom of the ranking.
public struct RankBand: Hashable, Sendable {
    public var isTop: Bool
    public var isBottom: Bool
}

/// Measures a unit can be ranked by in its detail view.
public enum RankMeasure: Sendable {
    case registered, completed, coverage

    func value(_ f: UnitFigures) -> Double {
        switch self {
        case .registered: return Double(f.registered)
        case .completed: return Double(f.completed)
        case .coverage: return f.coverage ?? -1
        }
    }
}
