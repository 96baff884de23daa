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
    /// Group filters, one value a dimension at most: a unit is shown when
    /// its value in each dimension matches (`GroupDimension.matchKey`:
    /// "hai duong" = "Hải Dương", "dac khu" = "đặc khu").
    public var groupFilters: [GroupDimension: String]

    /// The type filter (`groupFilters[.type]`).
    public var type: UnitType? {
        get { groupFilters[.type].flatMap(UnitType.init(parsing:)) }
        set { groupFilters[.type] = newValue?.rawValue }
    }
    /// The former province filter (`groupFilters[.formerProvince]`).
    public var formerProvince: String? {
        get { groupFilters[.formerProvince] }
        set { groupFilters[.formerProvince] = newValue }
    }
    /// The province filter (`groupFilters[.province]`).
    public var province: String? {
        get { groupFilters[.province] }
        set { groupFilters[.province] = newValue }
    }

    public init(
        sort: SortColumn = .registered, reversed: Bool = false, text: String = "",
        type: UnitType? = nil, formerProvince: String? = nil, province: String? = nil
    ) {
        self.sort = sort; self.reversed = reversed; self.text = text
        self.groupFilters = [:]
        self.type = type; self.formerProvince = formerProvince; self.province = province
    }

    /// The filter of a dimension (`query[filter: .province] = "Huế"`).
    public subscript(filter dimension: GroupDimension) -> String? {
        get { groupFilters[dimension] }
        set { groupFilters[dimension] = newValue }
    }

    /// True when no filter is set.
    public var showsAll: Bool { VietnameseText.fold(text).isEmpty && groupFilters.isEmpty }

    /// The rows this query shows, in order. Ties keep the city ranking.
    public func apply(to standings: Standings) -> [UnitFigures] {
        let folded = VietnameseText.fold(text)
        // Per dimension, the filter's key and (memoised) whether a value matches it.
        var filters = groupFilters.map { (dimension: $0.key, key: $0.key.matchKey($0.value), seen: [String: Bool]()) }
        // "phuong do son" matches the type word then the name: fold(type + " " + name)
        // is the folded type word, a space and the folded name.
        let typePrefixes = Dictionary(
            uniqueKeysWithValues: UnitType.allCases.map { ($0, VietnameseText.fold($0.rawValue) + " ") })
        var rows = standings.ranked.filter { f in
            for i in filters.indices {
                let value = filters[i].dimension.value(of: f.unit) ?? ""
                if let known = filters[i].seen[value] {
                    if !known { return false }
                    continue
                }
                let matches = filters[i].dimension.matchKey(value) == filters[i].key
                filters[i].seen[value] = matches
                if !matches { return false }
            }
            if !folded.isEmpty {
                let name = standings.dataset.foldedNames[f.index]
                if !name.contains(folded), !f.unit.code.hasPrefix(folded) {
                    let prefix = typePrefixes[f.unit.type] ?? ""
                    let matchesTypeAndName =
                        prefix.hasPrefix(folded)
                        || (folded.hasPrefix(prefix) && name.hasPrefix(folded.dropFirst(prefix.count)))
                    if !matchesTypeAndName { return false }
                }
            }
            return true
        }
        let descending = sort.descendingByDefault != reversed
        // Sort by the column; equal values keep ranking order (stable sort
        // over ranked rows), in both directions. Keys are computed once per
        // row, not per comparison.
        switch sort {
        case .rank:
            if descending { rows.reverse() }
        case .name:
            rows = Self.stableSorted(rows, keys: rows.map { VietnameseCollation.key($0.unit.name) }, descending)
        case .type:
            let order = Dictionary(uniqueKeysWithValues: UnitType.allCases.enumerated().map { ($1, $0) })
            rows = Self.stableSorted(rows, keys: rows.map { order[$0.unit.type] ?? 0 }, descending)
        default:
            rows = Self.stableSorted(rows, keys: rows.map(Self.numericValue(sort)), descending)
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

    /// Sorts rows ascending or descending by their keys (`keys[i]` is the
    /// key of `rows[i]`), keeping the incoming order among equal keys in
    /// both directions.
    private static func stableSorted<K: Comparable>(_ rows: [UnitFigures], keys: [K], _ descending: Bool)
        -> [UnitFigures]
    {
        let order = rows.indices.sorted { a, b in
            if keys[a] != keys[b] { return descending ? keys[b] < keys[a] : keys[a] < keys[b] }
            return a < b
        }
        return order.map { rows[$0] }
    }
}
