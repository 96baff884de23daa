/// One unit's figures at a moment, as the table, the report and the export show them.
public struct UnitFigures: Hashable, Sendable, Identifiable {
    /// Index of the unit in `Dataset.units`.
    public let index: Int
    public let unit: Unit
    /// 1-based place in the city ranking (registered ↓, completed ↓, code ↑).
    public internal(set) var rank: Int
    public let registered: Int
    public let completed: Int
    /// Value now minus value 24 hours earlier; 0 when the data does not
    /// reach back that far (see `hasChange24h`).
    public let registeredChange24h: Int
    public let completedChange24h: Int
    /// False on the data's first day: nothing is known 24 hours earlier.
    public let hasChange24h: Bool

    /// The changes over 24 h, nil when unknown (the data's first day).
    public var registeredChange: Int? { hasChange24h ? registeredChange24h : nil }
    public var completedChange: Int? { hasChange24h ? completedChange24h : nil }

    public var id: String { unit.code }

    /// Taking part: at least one registration.
    public var isParticipating: Bool { registered > 0 }
    /// completed / registered; nil when nobody registered.
    public var completionRate: Double? { registered > 0 ? Double(completed) / Double(registered) : nil }
    /// completed / adults; nil when the unit has no adults.
    public var coverage: Double? { unit.adults > 0 ? Double(completed) / Double(unit.adults) : nil }
}

/// Sums over a set of units: the city, a type, a former province.
public struct GroupTotals: Hashable, Sendable {
    public var units = 0
    public var participating = 0
    public var registered = 0
    public var completed = 0
    public var registeredChange24h = 0
    public var completedChange24h = 0
    public var adults = 0
    public var population = 0
    /// False when a member's changes over 24 h are unknown (the data's first day).
    public var hasChange24h = true

    public init() {}

    /// The totals of these figures (the filtered table's subtotal).
    public init<S: Sequence>(_ figures: S) where S.Element == UnitFigures {
        for f in figures { add(f) }
    }

    public var completionRate: Double? { registered > 0 ? Double(completed) / Double(registered) : nil }
    public var coverage: Double? { adults > 0 ? Double(completed) / Double(adults) : nil }
    /// The changes over 24 h, nil when unknown.
    public var registeredChange: Int? { hasChange24h ? registeredChange24h : nil }
    public var completedChange: Int? { hasChange24h ? completedChange24h : nil }

    mutating func add(_ f: UnitFigures) {
        units += 1
        if f.isParticipating { participating += 1 }
        registered += f.registered
        completed += f.completed
        registeredChange24h += f.registeredChange24h
        completedChange24h += f.completedChange24h
        if !f.hasChange24h { hasChange24h = false }
        adults += f.unit.adults
        population += f.unit.population
    }
}
