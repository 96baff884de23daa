import CongDanSoCore

// The dashboard as an Elm program: `update` (the model's `reduce`, then the
// layout facts measured), `render` (the views into a buffer) and `measure`
// (the one layout function). The run loop calls `update` and `render`.

/// The dashboard's update, as the run loop calls it (the Elm shape's
/// `update`): the model's `reduce` applies the message, then the views
/// measure the new state's layout (`measure`) for the next message, so
/// paging and scrolling always use the screen as it is. The model itself
/// never calls a view.
public func update(_ state: inout DashboardState, _ message: Message) -> [Effect] {
    if state.metrics == nil { state.metrics = measure(state) }
    let effects: [Effect]
    if case .mouse(let event) = message {
        effects = reduceMouse(&state, event, hitTest(state, x: event.x, y: event.y))
    } else {
        effects = reduce(&state, message)
    }
    let metrics = measure(state)
    if metrics != state.metrics {
        state.metrics = metrics
        // A new page size (a resize): the selection stays on screen.
        state.keepSelectionVisible()
    }
    return effects
}

/// Draws the dashboard into a new buffer of `width` × `height` cells.
///
/// Pure and total: any size works, including 0×0 and 1×1 (all layout
/// arithmetic is clamped). Below `DashboardState.minimumWidth` ×
/// `minimumHeight` (40×10) the buffer only says how big the window must be.
/// With `colorEnabled == false` no cell carries a colour (bold, dim,
/// reverse and underline only); with `ascii == true` every cell holds
/// printable ASCII. The size given here wins over the state's own (which
/// only drives paging): the selection is kept visible at this size.
public func render(_ state: DashboardState, width: Int, height: Int) -> Buffer {
    let w = max(0, width), h = max(0, height)
    var p = Painter(
        width: w, height: h, colorEnabled: state.colorEnabled, ascii: state.ascii, language: state.language,
        theme: state.theme)
    guard w > 0, h > 0 else { return p.buffer }
    if w < DashboardState.minimumWidth || h < DashboardState.minimumHeight {
        TooSmall.draw(&p, width: w, height: h)
        return finish(p, state)
    }
    let frame = ScreenLayout(width: w, height: h)
    Header.drawTitle(&p, state, frame.title)
    // Help is drawn over the screen beneath it.
    let screens = state.routes.filter { $0 != .help }
    switch screens.last ?? .table {
    case .table, .help: MainView.draw(&p, state)
    case .detail(let code): DetailView.draw(&p, state, code: code, in: frame.content)
    case .summary: SummaryView.draw(&p, state, in: frame.content)
    case .attention: AttentionView.draw(&p, state, in: frame.content)
    }
    if state.route == .help {
        HelpOverlay.draw(&p, state, in: frame.content)
    }
    StatusBar.drawStatus(&p, state, frame.status)
    StatusBar.drawKeys(&p, state, frame.keys)
    return finish(p, state)
}

/// Guarantees of the monochrome and ASCII modes, whatever the views drew:
/// colours removed; non-ASCII clusters transliterated, keeping widths.
private func finish(_ p: Painter, _ state: DashboardState) -> Buffer {
    var buffer = p.buffer
    if !state.colorEnabled || state.theme == .mono {
        buffer.setStyle(buffer.area) {
            $0.foreground = .terminalDefault; $0.background = .terminalDefault
        }
    }
    if state.ascii {
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
                if cell.isContinuation || cell.text.allSatisfy({ $0.isASCII }) { x += 1; continue }
                let wide = x + 1 < buffer.width && buffer[x + 1, y].isContinuation
                let replacement = cell.text.first.map { TerminalText.ascii(cluster: $0, width: wide ? 2 : 1) } ?? " "
                buffer.write(replacement, x: x, y: y, maxWidth: wide ? 2 : 1, style: cell.style)
                x += wide ? 2 : 1
            }
        }
    }
    return buffer
}

/// The layout facts the model needs at the state's size: the table's page
/// and how far the screen on top can scroll. The one layout function
/// `update` consults; it lays out exactly as `render` draws.
public func measure(_ state: DashboardState) -> ScreenMetrics {
    let frame = ScreenLayout(width: state.width, height: state.height)
    let page = TableScreenLayout(width: state.width, height: state.height).body.height
    let scroll: Int
    switch state.route {
    case .detail(let code):
        scroll = Page.maxOffset(count: DetailView.rows(state, code: code).count, height: frame.content.height)
    case .summary: scroll = Page.maxOffset(count: SummaryView.rows(state).count, height: frame.content.height)
    case .help: scroll = HelpOverlay.maxScroll(state)
    case .table, .attention: scroll = 0
    }
    return ScreenMetrics(tablePage: page, maxScroll: scroll)
}
