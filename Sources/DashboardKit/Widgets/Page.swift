/// One row of a scrolling page: draws itself into a one-row rectangle
/// (already inset by the page margins).
struct PageRow {
    let draw: (inout Painter, Rect) -> Void

    init(_ draw: @escaping (inout Painter, Rect) -> Void) { self.draw = draw }

    /// A line of spans.
    static func line(_ line: Line) -> PageRow {
        PageRow { p, r in p.write(line, x: r.x, y: r.y, maxWidth: r.width) }
    }

    /// An empty row.
    static var blank: PageRow { PageRow { _, _ in } }

    /// A rule, with an optional title: "── Lịch sử ─────".
    static func rule(_ title: String? = nil) -> PageRow {
        PageRow { p, r in
            p.rule(r)
            if let title, r.width > 6 {
                p.write(" " + title + " ", x: r.x + 2, y: r.y, maxWidth: r.width - 4, .sectionTitle)
            }
        }
    }
}

/// A screen of rows that scroll together (detail, summary), so that every
/// part stays reachable on a small terminal.
enum Page {
    /// The largest useful offset for `count` rows in `height` rows.
    static func maxOffset(count: Int, height: Int) -> Int { max(0, count - max(0, height)) }

    static func draw(_ p: inout Painter, _ rows: [PageRow], in rect: Rect, offset: Int) {
        guard !rect.isEmpty else { return }
        let start = min(max(0, offset), maxOffset(count: rows.count, height: rect.height))
        let inner = rect.inset(left: 1, right: 1)
        for line in 0..<rect.height {
            let i = start + line
            guard i < rows.count else { break }
            rows[i].draw(&p, Rect(x: inner.x, y: rect.y + line, width: inner.width, height: 1))
        }
    }
}
