import CongDanSoCore

/// Rows the wheel moves the table by, and lines it scrolls the other screens by.
let wheelStep = 3

/// A mouse event on what `hitTest` found under it (htop's, btop's and
/// VisiData's habits): a click on a row selects it and a double click opens
/// it; a click on a column header sorts by that column, and on the sorted
/// one reverses it; a click on a key of the hint bar does what the key
/// does; the wheel moves the table's selection or scrolls the screen on top.
/// Nothing happens while `mouseEnabled` is off.
func reduceMouse(_ state: inout DashboardState, _ event: MouseEvent, _ target: MouseTarget) -> [Effect] {
    guard state.mouseEnabled else { return [] }
    switch event.kind {
    case .wheelUp, .wheelDown:
        let down = event.kind == .wheelDown
        if state.route == .table {
            state.select(state.selectedIndex + (down ? wheelStep : -wheelStep))
        } else {
            for _ in 0..<wheelStep { _ = perform(&state, down ? .scrollDown : .scrollUp) }
        }
        return []
    case .click, .doubleClick:
        switch target {
        case .row(let index):
            // A click ends typing (the filter stays, as with Enter).
            state.isEditingFilter = false
            state.search.isEditing = false
            state.select(index)
            return event.kind == .doubleClick ? perform(&state, .openDetail) : []
        case .header(let column):
            if state.query.sort == column {
                state.query.reversed.toggle()
            } else {
                state.query.sort = column
                state.query.reversed = false
            }
            state.applyQuery()
            return []
        case .hint(let action):
            return perform(&state, action)
        case .nothing:
            return []
        }
    }
}
