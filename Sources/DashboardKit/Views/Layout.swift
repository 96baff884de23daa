/// The frame every screen shares: the title line on top, the status line
/// and the key line at the bottom, the screen's own content between.
struct ScreenLayout {
    let title: Rect
    let content: Rect
    let status: Rect
    let keys: Rect

    init(width: Int, height: Int) {
        let full = Rect(x: 0, y: 0, width: width, height: height)
        let (top, rest) = full.splitTop(1)
        let (middle, bottom) = rest.splitBottom(2)
        title = top
        content = middle
        status = bottom.row(0)
        keys = bottom.row(1)
    }
}

/// The unit table screen inside the shared frame:
///
///     title
///     summary            (units, registered, completed, rate)
///     gauge              (the goal)
///     ───────            (when there are at least 16 rows)
///     table header
///     table body
///     ───────            (when there are at least 16 rows)
///     status
///     keys
///
/// `measure` uses the same layout for the model's page size, so paging moves by
/// exactly the rows on screen.
struct TableScreenLayout {
    static let rulesFromHeight = 16

    let frame: ScreenLayout
    let summary: Rect
    let gauge: Rect
    let topRule: Rect?
    let header: Rect
    let body: Rect
    let bottomRule: Rect?

    init(width: Int, height: Int) {
        frame = ScreenLayout(width: width, height: height)
        let rules = height >= Self.rulesFromHeight
        var area = frame.content
        (summary, area) = area.splitTop(1)
        (gauge, area) = area.splitTop(1)
        if rules {
            let (rule, rest) = area.splitTop(1)
            topRule = rule; area = rest
            let (above, below) = area.splitBottom(1)
            bottomRule = below; area = above
        } else {
            topRule = nil; bottomRule = nil
        }
        (header, body) = area.splitTop(1)
    }
}
