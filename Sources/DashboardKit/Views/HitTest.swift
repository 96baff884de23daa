import CongDanSoCore

/// What is under the mouse: a table row, a column header, a key of the hint
/// bar, or nothing that reacts.
enum MouseTarget: Equatable, Sendable {
    /// The row at this index of `state.rows`.
    case row(Int)
    case header(SortColumn)
    case hint(Action)
    case nothing
}

/// What is at column `x`, row `y` of the screen at the state's size. It lays
/// the screen out with the very functions `render` draws with
/// (`ScreenLayout`, `TableScreenLayout`, `TableWidget.layout` over
/// `MainView.columns`, `HintBar.layout`, the table's scroll offset), so a
/// click lands on what is drawn there.
func hitTest(_ state: DashboardState, x: Int, y: Int) -> MouseTarget {
    let w = state.width, h = state.height
    guard x >= 0, y >= 0, x < w, y < h, w >= DashboardState.minimumWidth, h >= DashboardState.minimumHeight
    else { return .nothing }
    let frame = ScreenLayout(width: w, height: h)
    if y == frame.keys.y {
        let targets = HintBar.layout(state, lang: state.language, ascii: state.ascii, in: frame.keys).targets
        return targets.first { x >= $0.x && x < $0.x + $0.width }.map { .hint($0.action) } ?? .nothing
    }
    guard state.route == .table else { return .nothing }
    let layout = TableScreenLayout(width: w, height: h)
    if y == layout.header.y {
        let inner = layout.header.inset(left: 1, right: 1)
        let placed = TableWidget.layout(
            MainView.columns(state, state.language, asciiArrow: state.ascii), x: inner.x, width: inner.width)
        guard let column = placed.first(where: { x >= $0.x && x < $0.x + $0.width }),
            let sort = MainView.sortColumn(of: column.column.id)
        else { return .nothing }
        return .header(sort)
    }
    let body = layout.body
    if !body.isEmpty, y >= body.y, y < body.y + body.height {
        let offset = DashboardState.scrollOffset(
            current: state.scroll, selected: state.selectedIndex, count: state.rows.count, page: body.height)
        let index = offset + (y - body.y)
        return state.rows.indices.contains(index) ? .row(index) : .nothing
    }
    return .nothing
}
