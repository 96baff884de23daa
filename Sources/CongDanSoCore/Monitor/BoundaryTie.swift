/// Units sharing the figure at the tenth place of the top or bottom ten.
///
/// Early in a contest dozens of units may have the bottom figure (often 0):
/// the ranking still orders them (completed, then code), but a list of
/// "the ten with the fewest" would present that choice by code as a fact.
/// When the unit just outside the list has the same registrations as the
/// tenth, the list is cut at the figure instead: the units strictly beyond
/// it by name, and how many share it.
public struct BoundaryTie: Hashable, Sendable {
    /// The shared registrations.
    public let registered: Int
    /// The units strictly better (top) or worse (bottom) than the figure, in
    /// list order; fewer than `n`.
    public let beyond: [UnitFigures]
    /// Every unit with the shared figure, in ranking order (bottom: fewest first).
    public let tied: [UnitFigures]

    /// The tie at the boundary of the top (`top: true`) or bottom `n`, or
    /// nil when the list ends cleanly (the next unit has another figure, or
    /// there are no more units than `n`).
    public static func at(_ s: Standings, top: Bool, n: Int = 10) -> BoundaryTie? {
        let ordered = top ? s.ranked : s.ranked.reversed()
        guard n > 0, ordered.count > n else { return nil }
        let v = ordered[n - 1].registered
        guard ordered[n].registered == v else { return nil }
        let beyond = ordered.prefix { $0.registered != v }
        let tied = ordered.filter { $0.registered == v }
        return BoundaryTie(registered: v, beyond: Array(beyond), tied: tied)
    }

    /// How many units the tied group names by name at most; more are counted.
    public static let namedAtMost = 5

    /// "… và 15 đơn vị chưa có thí sinh đăng ký" / "… và 3 đơn vị cùng có 12
    /// thí sinh đăng ký (xã A, xã B, phường C)".
    public func tiedPhrase(_ dataset: Dataset, _ lang: Language, names withNames: Bool = true) -> String {
        let m = NumberForms.integer(tied.count, lang)
        let names =
            withNames && tied.count <= Self.namedAtMost
            ? " (" + tied.map { dataset.distinctListName($0.index, lang) }.joined(separator: ", ") + ")" : ""
        switch lang {
        case .vi:
            if registered == 0 { return "\(m) đơn vị chưa có thí sinh đăng ký" + names }
            return "\(m) đơn vị cùng có \(NumberForms.integer(registered, lang)) thí sinh đăng ký" + names
        case .en:
            if registered == 0 { return "\(m) units with no candidate registered yet" + names }
            let c = registered == 1 ? "candidate" : "candidates"
            return "\(m) units with \(NumberForms.integer(registered, lang)) registered \(c) each" + names
        }
    }
}
