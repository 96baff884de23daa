import CongDanSoCore

/// What one cell of a table row shows.
struct TableCell {
    var text: String
    var role: Role
    /// The text's display width, when already known (saves measuring).
    var knownWidth: Int?
    /// The text is already in the form shown (ASCII in ASCII mode).
    var alreadyShown: Bool

    init(_ text: String, _ role: Role = .plain, knownWidth: Int? = nil, alreadyShown: Bool = false) {
        self.text = text; self.role = role; self.knownWidth = knownWidth; self.alreadyShown = alreadyShown
    }
}

/// The one routine that draws table rows, for every table on every screen:
/// each placed column gets the cell its view gives for it, clipped to the
/// column and aligned as the column says.
enum TableRow {
    /// Draws a row at `y`; a column for which `content` gives nil stays blank
    /// (for the view to draw something else there, such as a bar).
    static func draw(_ p: inout Painter, _ columns: [PlacedColumn], y: Int, content: (Column.ID) -> TableCell?) {
        for col in columns {
            guard let cell = content(col.column.id) else { continue }
            p.cell(
                cell.text, x: col.x, y: y, width: col.width, align: col.column.alignRight ? .right : .left,
                cell.role, knownWidth: cell.knownWidth, alreadyShown: cell.alreadyShown)
        }
    }

    /// The header row: each column's own header in the header style, unless
    /// `content` gives another cell for it.
    static func drawHeader(
        _ p: inout Painter, _ columns: [PlacedColumn], y: Int, content: (Column) -> TableCell? = { _ in nil }
    ) {
        for col in columns {
            let cell = content(col.column) ?? TableCell(col.column.header, .header)
            p.cell(
                cell.text, x: col.x, y: y, width: col.width, align: col.column.alignRight ? .right : .left,
                cell.role, knownWidth: cell.knownWidth, alreadyShown: cell.alreadyShown)
        }
    }

    /// The style of a change: up, down or none.
    static func changeRole(_ v: Int) -> Role { v > 0 ? .positive : v < 0 ? .negative : .dim }

    /// A change cell: "+410" in its style, or a dim "–" when the change is
    /// unknown (the data's first day).
    static func changeCell(_ v: Int?, _ lang: Language) -> TableCell {
        guard let v else { return TableCell("–", .dim) }
        return TableCell(NumberForms.signed(v, lang), changeRole(v))
    }
}
