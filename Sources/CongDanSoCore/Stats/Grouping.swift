/// The ways units are grouped: by type, by province (since 1 July 2025) and
/// by former province (before the 2025 merger). One mechanism serves the
/// summaries (`Standings.groups(by:)`), the filters (`TableQuery.groupFilters`),
/// the report's sections and the JSON report's `by_…` arrays.
public enum GroupDimension: String, CaseIterable, Sendable, Codable, Hashable {
    case type
    case province
    case formerProvince = "former_province"

    /// The unit's value in this dimension; nil when the unit has none
    /// (no `province` or `former_province` in units.csv).
    public func value(of unit: Unit) -> String? {
        switch self {
        case .type: return unit.type.rawValue
        case .province: return unit.province
        case .formerProvince: return unit.formerProvince
        }
    }

    /// The key a value is matched by in a filter: folded (case, accents, đ,
    /// spacing, apostrophes and dashes), so "hai duong" picks "Hải Dương";
    /// a type is parsed first ("dac-khu", "XA").
    public func matchKey(_ value: String) -> String {
        switch self {
        case .type: return UnitType(parsing: value)?.rawValue ?? VietnameseText.fold(value)
        case .province, .formerProvince: return VietnameseText.fold(value)
        }
    }

    /// The name of the field in JSON and CSV: `type`, `province`, `former_province`.
    public var fieldName: String { rawValue }

    /// The JSON report's key for the groups: `by_type`, `by_province`, `by_former_province`.
    public var jsonKey: String { "by_" + rawValue }

    /// The heading of the report's section (no colon).
    public func title(_ lang: Language) -> String {
        switch (self, lang) {
        case (.type, .vi): return "Theo loại đơn vị"
        case (.type, .en): return "By type"
        case (.province, .vi): return "Theo tỉnh, thành phố"
        case (.province, .en): return "By province"
        case (.formerProvince, .vi): return "Theo tỉnh cũ (trước sáp nhập 2025)"
        case (.formerProvince, .en): return "By former province (before the 2025 merger)"
        }
    }

    /// A group's value as a label: a type in the language's words; a
    /// province as written; the group of units without a value as
    /// "không rõ" / "unknown".
    public func label(_ value: String?, _ lang: Language) -> String {
        guard let value else { return lang == .vi ? "không rõ" : "unknown" }
        if self == .type, lang == .en, let type = UnitType(rawValue: value) { return type.word(.en) }
        return value
    }
}

/// One group of units in a dimension, with its totals.
public struct UnitGroup: Hashable, Sendable {
    public let dimension: GroupDimension
    /// The shared value (a type's raw value, a province's name); nil for the
    /// units that have none.
    public let value: String?
    /// Indices into `Dataset.units`, in `units.csv` order.
    public let units: [Int]
    public let totals: GroupTotals

    /// The value as a label (see `GroupDimension.label`).
    public func label(_ lang: Language) -> String { dimension.label(value, lang) }
}

extension Standings {
    /// The units grouped in a dimension, with their totals: types in the
    /// official order (only those present), provinces in Vietnamese
    /// alphabetical order, the units without a value last. Values are
    /// grouped as written (NFC, at load).
    public func groups(by dimension: GroupDimension) -> [UnitGroup] {
        // Each value's slot, in order of first appearance. units.csv lists
        // a province's units together: a run of one value is looked up once.
        var slots: [String?: Int] = [:]
        var values: [String?] = []
        var members: [[Int]] = []
        var totals: [GroupTotals] = []
        var last: (value: String?, slot: Int)? = nil
        for f in figures {
            let value = dimension.value(of: f.unit).flatMap { $0.isEmpty ? nil : $0 }
            let slot: Int
            if let last, last.value == value {
                slot = last.slot
            } else if let known = slots[value] {
                slot = known
            } else {
                slot = members.count
                slots[value] = slot
                values.append(value)
                members.append([])
                totals.append(GroupTotals())
            }
            last = (value, slot)
            members[slot].append(f.index)
            totals[slot].add(f)
        }
        let ordered: [String?]
        switch dimension {
        case .type:
            ordered = UnitType.allCases.map(\.rawValue).filter { slots[$0] != nil }
        case .province, .formerProvince:
            let named = values.compactMap { $0 }
            let keys = Dictionary(uniqueKeysWithValues: named.map { ($0, VietnameseCollation.key($0)) })
            ordered = named.sorted { keys[$0]! < keys[$1]! } + (slots[nil] != nil ? [nil] : [])
        }
        return ordered.map {
            let slot = slots[$0]!
            return UnitGroup(dimension: dimension, value: $0, units: members[slot], totals: totals[slot])
        }
    }

    /// The dimensions the data has: the type always; a province dimension
    /// when at least one unit has a value in it. In `GroupDimension.allCases`
    /// order (type, province, former province).
    public var dimensions: [GroupDimension] {
        GroupDimension.allCases.filter { d in
            d == .type || dataset.units.contains { d.value(of: $0).map { !$0.isEmpty } ?? false }
        }
    }
}
