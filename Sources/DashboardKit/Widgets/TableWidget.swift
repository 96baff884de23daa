/// A table column: its header, natural width and how it gives way.
struct Column: Sendable {
    enum ID: Hashable, Sendable {
        case marker, rank, name, type, registered, completed, completionRate, coverage
        case registeredChange, completedChange, trend, movement
        case group, units, adults, province
    }

    let id: ID
    let header: String
    /// Natural width: the widest of the header and every value.
    let width: Int
    let alignRight: Bool
    /// 0: never dropped. Otherwise, when the terminal is too narrow, the
    /// column with the highest number goes first.
    let dropOrder: Int
    /// The flexible column (the name) takes what is left, from `minWidth`
    /// up to its natural width.
    let flexible: Bool
    let minWidth: Int

    init(
        _ id: ID, header: String, width: Int, alignRight: Bool = true, dropOrder: Int = 0,
        flexible: Bool = false, minWidth: Int = 0
    ) {
        self.id = id; self.header = header; self.width = max(0, width); self.alignRight = alignRight
        self.dropOrder = dropOrder; self.flexible = flexible; self.minWidth = max(0, minWidth)
    }
}

/// A column placed on screen.
struct PlacedColumn: Sendable {
    let column: Column
    let x: Int
    let width: Int
}

/// Lays out table columns in a width: drops columns by priority until the
/// rest fit with one space between them, gives the flexible column what is
/// left (up to its natural width), and widens the gaps (up to three
/// spaces) when there is room to spare.
enum TableWidget {
    static func layout(_ columns: [Column], x: Int, width: Int) -> [PlacedColumn] {
        let available = max(0, width)
        var active = columns
        func need(_ gap: Int) -> Int {
            let cells = active.reduce(0) { $0 + ($1.flexible ? $1.minWidth : $1.width) }
            return cells + gap * max(0, active.count - 1)
        }
        while need(1) > available {
            guard
                let drop = active.enumerated().filter({ $0.element.dropOrder > 0 })
                    .max(by: { $0.element.dropOrder < $1.element.dropOrder })
            else { break }
            active.remove(at: drop.offset)
        }
        let fixed = active.reduce(0) { $0 + ($1.flexible ? 0 : $1.width) }
        let natural = active.reduce(0) { $0 + ($1.flexible ? max($1.width, $1.minWidth) : 0) }
        let gaps = max(0, active.count - 1)
        // One space between columns; up to three when there is room to spare.
        let spare = available - fixed - natural - gaps
        let gap = gaps > 0 && spare > 0 ? min(3, 1 + spare / gaps) : 1
        let flexCount = active.filter(\.flexible).count
        let flexRoom = max(0, available - fixed - gap * gaps)
        var placed: [PlacedColumn] = []
        var cx = x
        for column in active {
            var w = column.width
            if column.flexible {
                let share = flexCount > 0 ? flexRoom / flexCount : 0
                w = max(column.minWidth, min(share, max(column.width, column.minWidth)))
            }
            // Never past the right edge.
            w = max(0, min(w, x + available - cx))
            placed.append(PlacedColumn(column: column, x: cx, width: w))
            cx += w + gap
        }
        return placed
    }
}
