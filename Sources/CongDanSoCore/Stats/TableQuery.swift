/// The columns the unit table can be sorted by.
public enum SortColumn: String, CaseIterable, Sendable, Codable {
    case rank, name, type, registered, completed
    case completionRate = "completion_rate"
    case coverage
    case registeredChange24h = "registered_change_24h"
    case completedChange24h = "completed_change_24h"

    /// Numbers sort largest first by default; names and types A to Z, ranks 1 first.
    public var descendingByDefault: Bool {
        switch self {
        case .rank, .name, .type: return false
        default: return true
        }
    }
}

/// How the unit table is sorted and filtered: shared by the dashboard and
/// `congdanso export`, so a file matches what was on screen.
public struct TableQuery: Hashable, Sendable {
    public var sort: SortColumn
    /// Flips the column's natural direction.
    public var reversed: Bool
    /// Name filter, matched after folding case, diacritics and đ; also
    /// matches a code prefix.
    public var text: String
    public var type: UnitType?
    /// Former province, matched after folding ("hai duong" = "Hải Dương").
    public var formerProvince: String?

    public init(sort: SortColumn = .registered, reversed: Bool = false, text: String = "",
                type: UnitType? = nil, formerProvince: String? = nil) {
        self.sort = sort; self.reversed = reversed; self.text = text
        self.type = type; self.formerProvince = formerProvince
    }

    /// True when no filter is set.
    public var showsAll: Bool { VietnameseText.fold(text).isEmpty && type == nil && formerProvince == nil }

    /// The rows this query shows, in order. Ties keep the city ranking.
    public func apply(to standings: Standings) -> [UnitFigures] {
        let folded = VietnameseText.fold(text)
        let province = formerProvince.map(VietnameseText.fold)
        var rows = standings.ranked.filter { f in
            if let type, f.unit.type != type { return false }
            if let province, VietnameseText.fold(f.unit.formerProvince ?? "") != province { return false }
            if !folded.isEmpty {
                let name = standings.dataset.foldedNames[f.index]
                if !name.contains(folded), !f.unit.code.hasPrefix(folded),
                   !VietnameseText.fold(f.unit.type.rawValue + " " + f.unit.name).hasPrefix(folded) { return false }
            }
            return true
        }
        let descending = sort.descendingByDefault != reversed
        // Sort by the column; equal values keep ranking order (stable sort
        // over ranked rows), in both directions.
        switch sort {
        case .rank:
            if descending { rows.reverse() }
        case .name:
            let keys = Dictionary(uniqueKeysWithValues: rows.map { ($0.index, VietnameseCollation.key($0.unit.name)) })
            rows = stableSorted(rows, descending) { keys[$0.index]! < keys[$1.index]! } equal: { keys[$0.index]! == keys[$1.index]! }
        case .type:
            rows = stableSorted(rows, descending) { $0.unit.type < $1.unit.type } equal: { $0.unit.type == $1.unit.type }
        default:
            let value = Self.numericValue(sort)
            rows = stableSorted(rows, descending) { value($0) < value($1) } equal: { value($0) == value($1) }
        }
        return rows
    }

    /// The value a numeric column sorts by; units without a rate sort below 0.
    static func numericValue(_ column: SortColumn) -> (UnitFigures) -> Double {
        switch column {
        case .registered: return { Double($0.registered) }
        case .completed: return { Double($0.completed) }
        case .completionRate: return { $0.completionRate ?? -1 }
        case .coverage: return { $0.coverage ?? -1 }
        case .registeredChange24h: return { Double($0.registeredChange24h) }
        case .completedChange24h: return { Double($0.completedChange24h) }
        case .rank: return { Double($0.rank) }
        case .name, .type: return { _ in 0 }
        }
    }

    /// Sorts ascending or descending by `less`, keeping the incoming order
    /// among equal rows in both directions.
    private func stableSorted(_ rows: [UnitFigures], _ descending: Bool,
                              less: (UnitFigures, UnitFigures) -> Bool,
                              equal: (UnitFigures, UnitFigures) -> Bool) -> [UnitFigures] {
        let indexed = Array(rows.enumerated())
        return indexed.sorted { a, b in
            if !equal(a.element, b.element) {
                return descending ? less(b.element, a.element) : less(a.element, b.element)
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
