/// A grid of cells that views draw into and the backend copies to the
/// terminal (ratatui's Buffer). Pure value: no terminal, no globals.
///
/// Invariant, kept by every mutation: a wide character sits in a cell whose
/// right neighbour is a continuation cell (`""`, same style) on the same row,
/// and a continuation cell only ever follows a wide character. Overwriting
/// half of a wide character blanks the other half.
public struct Buffer: Equatable, Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]

    public init(width: Int, height: Int) {
        let w = max(0, width), h = max(0, height)
        self.width = w
        self.height = h
        self.cells = Array(repeating: .blank, count: w * h)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    private func contains(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    /// The cell at (x, y); `.blank` out of range. Setting out of range is
    /// ignored. A set value is sanitised and reduced to its first grapheme
    /// cluster in NFC; a zero-width or empty text becomes a space (only a wide
    /// character creates a continuation cell); a wide character in the last
    /// column becomes a space.
    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x, y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x, y) else { return }
            let (text, w) = Self.normalized(newValue.text)
            put(text, width: w, style: newValue.style, x: x, y: y)
        }
    }

    /// The cells of row `y` (empty when out of range), continuation cells included.
    public func row(_ y: Int) -> [Cell] {
        guard y >= 0, y < height else { return [] }
        return Array(cells[(y * width)..<(y * width + width)])
    }

    /// Writes `text` from (x, y) rightwards, never past `x + maxWidth` nor the
    /// buffer's edge. The text is sanitised first (nothing from data can reach
    /// the terminal as a control), measured by display width, and stored in
    /// NFC, one cluster a cell. Zero-width clusters are dropped; a wide
    /// character that does not fit is replaced by a space. Columns left of 0
    /// are skipped but still count. Returns the number of columns used from x
    /// (0 when the row is outside the buffer).
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain) -> Int {
        guard y >= 0, y < height else { return 0 }
        var limit = width
        if let maxWidth { limit = min(limit, x + max(0, maxWidth)) }
        guard x < limit else { return 0 }
        var column = x
        if TextWidth.printableASCIICount(text) != nil {
            // Fast path: one byte, one column.
            for scalar in text.unicodeScalars.prefix(max(0, limit - x)) {
                if column >= 0 { put(String(Character(scalar)), width: 1, style: style, x: column, y: y) }
                column += 1
            }
            return column - x
        }
        for character in TerminalText.sanitize(text) {
            let w = TextWidth.cluster(character)
            if w == 0 { continue }
            if column + w > limit {
                if column < limit, column >= 0 { put(" ", width: 1, style: style, x: column, y: y); column += 1 }
                break
            }
            if column >= 0 {
                put(TerminalText.nfc(cluster: character), width: w, style: style, x: column, y: y)
            } else if column + w > 0 {
                // A wide character straddling the left edge: its visible half is a space.
                put(" ", width: 1, style: style, x: 0, y: y)
            }
            column += w
        }
        return column - x
    }

    /// Fills the part of `rect` inside the buffer with `cell` (a wide cell is
    /// repeated every two columns, a space filling an odd last column).
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        let (text, w) = Self.normalized(cell.text)
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                if w == 2, x + 1 >= area.maxX {
                    put(" ", width: 1, style: cell.style, x: x, y: y)
                } else {
                    put(text, width: w, style: cell.style, x: x, y: y)
                }
                x += w
            }
        }
    }

    /// Changes the style of every cell in `rect` (inside the buffer), e.g. to
    /// highlight a row. The right half of a wide character follows its left half.
    public mutating func setStyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let area = rect.intersection(self.area)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                transform(&cells[y * width + x].style)
            }
            // Keep the halves of a wide character at the rectangle's edges alike.
            let left = y * width + area.x
            if cells[left].isContinuation, area.x > 0 { cells[left - 1].style = cells[left].style }
            let right = y * width + area.maxX - 1
            if area.maxX < width, cells[right + 1].isContinuation { cells[right + 1].style = cells[right].style }
        }
    }

    /// The text of each row: a wide character once, continuation cells
    /// skipped, trailing spaces kept. For golden tests.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for cell in cells[(y * width)..<(y * width + width)] where !cell.isContinuation {
                line += cell.text
            }
            return line
        }
    }

    /// `lines()` joined by "\n".
    public func text() -> String {
        lines().joined(separator: "\n")
    }

    /// Cells that differ from `old`, row by row, left to right (continuation
    /// cells included: skip them when drawing). All cells when `old` is nil or
    /// of another size.
    public func changes(since old: Buffer?) -> [(x: Int, y: Int, cell: Cell)] {
        var result: [(x: Int, y: Int, cell: Cell)] = []
        let compare = old.flatMap { $0.width == width && $0.height == height ? $0 : nil }
        for index in cells.indices {
            let cell = cells[index]
            if let compare, compare.cells[index] == cell { continue }
            result.append((x: index % width, y: index / width, cell: cell))
        }
        return result
    }

    // MARK: - Invariant keeping

    /// Sanitised first cluster in NFC and its width; zero width or empty → space.
    static func normalized(_ text: String) -> (String, Int) {
        if text.utf8.count == 1, let byte = text.utf8.first, byte >= 0x20, byte < 0x7F { return (text, 1) }
        guard let first = TerminalText.sanitize(text).first else { return (" ", 1) }
        let w = TextWidth.cluster(first)
        if w == 0 { return (" ", 1) }
        return (TerminalText.nfc(cluster: first), w)
    }

    private func isWide(at index: Int, x: Int) -> Bool {
        x + 1 < width && cells[index + 1].isContinuation
    }

    /// Stores one already-normalised cluster of width `w` (1 or 2) at (x, y),
    /// which must be inside the buffer.
    private mutating func put(_ text: String, width w: Int, style: Style, x: Int, y: Int) {
        let index = y * width + x
        // Overwriting the right half of a wide character blanks its left half.
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(text: " ", style: cells[index - 1].style)
        }
        // Overwriting the left half of a wide character blanks its right half.
        if isWide(at: index, x: x) {
            cells[index + 1] = Cell(text: " ", style: cells[index + 1].style)
        }
        guard w == 2 else {
            cells[index] = Cell(text: text, style: style)
            return
        }
        guard x + 1 < width else {
            cells[index] = Cell(text: " ", style: style)
            return
        }
        // The right half may itself be the left half of another wide character.
        if isWide(at: index + 1, x: x + 1) {
            cells[index + 2] = Cell(text: " ", style: cells[index + 2].style)
        }
        cells[index] = Cell(text: text, style: style)
        cells[index + 1] = Cell(text: "", style: style)
    }
}
