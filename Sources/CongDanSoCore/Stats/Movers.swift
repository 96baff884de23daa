/// A unit's move in the ranking over the last 24 hours.
public struct RankMove: Hashable, Sendable {
    /// Index of the unit in `Dataset.units`.
    public let index: Int
    /// Its place 24 hours before the moment and now, in competition
    /// ranking: 1 + the units strictly ahead of it (more registered, or as
    /// many and more completed), so units tied at 0 share a place.
    public let placeBefore: Int
    public let placeNow: Int
    /// Places climbed: positive up, negative down.
    public var places: Int { placeBefore - placeNow }
    /// New registrations over the 24 hours.
    public let registeredChange24h: Int
}

/// The biggest risers and fallers in the ranking over the last 24 hours,
/// for the summary. Places are counted in competition ranking (ties share
/// the better place), so a tie broken by code never shows as a move.
public enum Movers {
    /// Each unit's competition place by (registered, completed), in
    /// `values` order: 1 + the number of values strictly ahead.
    public static func places(_ values: [(registered: Int, completed: Int)]) -> [Int] {
        let order = values.indices.sorted {
            (values[$0].registered, values[$0].completed) > (values[$1].registered, values[$1].completed)
        }
        var places = [Int](repeating: 0, count: values.count)
        for (position, i) in order.enumerated() {
            if position > 0, values[order[position - 1]] == values[i] {
                places[i] = places[order[position - 1]]
            } else {
                places[i] = position + 1
            }
        }
        return places
    }

    /// Every unit's move over the 24 hours before the standings' moment, in
    /// `dataset.units` order; nil when the data does not reach back 24
    /// hours (`Standings.hasChange24h`).
    public static func moves(_ standings: Standings) -> [RankMove]? {
        guard standings.hasChange24h else { return nil }
        let dataset = standings.dataset
        let before = standings.dayBefore
        let now = standings.figures.map { (registered: $0.registered, completed: $0.completed) }
        let then = dataset.units.indices.map { dataset.value(unit: $0, at: before) }
        let placesNow = places(now), placesThen = places(then)
        return standings.figures.map {
            RankMove(
                index: $0.index, placeBefore: placesThen[$0.index], placeNow: placesNow[$0.index],
                registeredChange24h: $0.registeredChange24h)
        }
    }

    /// The `count` units that climbed the most places (most first; ties by
    /// the place now, then the city ranking) and the `count` that fell the
    /// most; units that did not move are in neither. Nil when the moves are
    /// unknown (the data's first day).
    public static func biggest(_ standings: Standings, count: Int = 5) -> (risers: [RankMove], fallers: [RankMove])? {
        guard let all = moves(standings) else { return nil }
        let rank = standings.figures.map(\.rank)
        func sorted(_ moves: [RankMove], _ larger: (Int, Int) -> Bool) -> [RankMove] {
            moves.sorted {
                if $0.places != $1.places { return larger($0.places, $1.places) }
                if $0.placeNow != $1.placeNow { return $0.placeNow < $1.placeNow }
                return rank[$0.index] < rank[$1.index]
            }
        }
        let risers = sorted(all.filter { $0.places > 0 }, >)
        let fallers = sorted(all.filter { $0.places < 0 }, <)
        return (Array(risers.prefix(max(0, count))), Array(fallers.prefix(max(0, count))))
    }
}
