import CongDanSoCore

/// Applies one message to the state and returns the work the run loop must
/// do (quit, export, reload, look for changed files). Pure: no I/O, no
/// clock, no view; what it needs of the layout is in `state.metrics`. The
/// same state and message always give the same result. The run loop calls
/// it through `update(_:_:)`, which measures the new state's layout.
func reduce(_ state: inout DashboardState, _ message: Message) -> [Effect] {
    switch message {
    case .key(let key):
        return handleKey(&state, key)

    case .mouse(let event):
        // `update` hit-tests first; without the layout there is no target.
        return reduceMouse(&state, event, .nothing)

    case .resize(let width, let height):
        state.width = max(0, width)
        state.height = max(0, height)
        state.keepSelectionVisible()
        return []

    case .tick(let now):
        state.clock = now
        state.advanceWallMode()
        if state.monitor.followsLog { state.monitor.lastChecked = now }
        // A followed log every second; every file once per refresh interval
        // (the model's: `+` and `-` change it).
        guard now.milliseconds - state.lastSourceCheck.milliseconds >= Int64(state.refreshSeconds) * 1000 else {
            return [.followLog]
        }
        state.lastSourceCheck = now
        state.monitor.lastChecked = now
        return [.followLog, .checkForChanges]

    case .loaded(let standings, let at):
        state.monitor.lastChecked = max(state.monitor.lastChecked, at)
        if state.isPaused {
            state.held = HeldData(standings: standings, loadedAt: at)
            // The source works again even though the screen waits for resume.
            state.staleError = nil
            state.staleSince = nil
        } else {
            state.apply(standings, loadedAt: at)
        }
        return []

    case .loadFailed(let error, let at):
        state.staleError = TerminalText.sanitize(error)
        if state.staleSince == nil { state.staleSince = at }
        return []

    case .exported(let path):
        state.status = StatusMessage(
            .exported(path: TerminalText.sanitize(path), rows: state.pendingExportRows),
            postedAt: state.clock)
        state.pendingExportRows = nil
        return []

    case .exportFailed(let error):
        state.status = StatusMessage(.exportFailed(TerminalText.sanitize(error)), postedAt: state.clock)
        state.pendingExportRows = nil
        return []
    }
}

/// A key: text while typing a filter, else whatever the key table says.
private func handleKey(_ state: inout DashboardState, _ key: Key) -> [Effect] {
    let context = state.keyContext
    if let action = KeyTable.action(for: key, in: context) {
        if !action.keepsWallRotation { state.pauseWallForBrowsing() }
        return perform(&state, action)
    }
    if context == .filterInput, case .character(let c) = key {
        state.query.text.append(c)
        state.applyQuery()
        // The best match of the name typed is selected (Đồ Sơn for "do son").
        state.select(0)
    }
    if context == .searchInput, case .character(let c) = key { typeIntoSearch(&state, c) }
    return []
}

/// Carries out one action of the key table.
func perform(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    if state.route == .summary, state.moveSummarySelection(for: action) { return [] }
    if performSearchOrPaging(&state, action) { return [] }
    switch action {
    // Moving in the table.
    case .moveUp where state.route == .attention, .moveDown where state.route == .attention:
        let count = state.attentionItems.count
        let step = action == .moveUp ? -1 : 1
        state.monitor.attentionIndex = max(0, min(count - 1, state.monitor.attentionIndex + step))
    case .openDetail where state.route == .attention:
        let items = state.attentionItems
        guard items.indices.contains(state.monitor.attentionIndex) else { break }
        let code = items[state.monitor.attentionIndex].code
        if let i = state.rows.firstIndex(where: { $0.unit.code == code }) { state.select(i) }
        state.pageScroll = 0
        state.routes.append(.detail(code: code))
    case .moveUp: state.select(state.selectedIndex - 1)
    case .moveDown: state.select(state.selectedIndex + 1)
    case .pageUp:
        let page = state.pageSize
        state.scroll = max(0, state.scroll - page)
        state.select(state.selectedIndex - page)
    case .pageDown:
        let page = state.pageSize
        state.scroll = min(max(0, state.rows.count - page), state.scroll + page)
        state.select(state.selectedIndex + page)
    case .moveToTop: state.select(0)
    case .moveToBottom: state.select(state.rows.count - 1)

    // Screens.
    case .openDetail:
        if let row = state.selectedRow {
            state.pageScroll = 0
            state.routes.append(.detail(code: row.unit.code))
        }
    case .back:
        if state.routes.count > 1 { state.routes.removeLast() }
        state.keepSelectionVisible()
    case .showSummary:
        state.pageScroll = 0
        state.summarySelection = 0
        state.routes.append(.summary)
    case .summaryUp: state.moveSummarySelection(-1)
    case .summaryDown: state.moveSummarySelection(1)
    case .filterToGroup: state.filterToSummaryEntry()
    case .toggleHelp:
        if state.route == .help {
            state.routes.removeLast()
        } else {
            state.helpScroll = 0
            state.routes.append(.help)
        }

    // Sorting.
    case .sortNext, .sortPrevious:
        let all = SortColumn.allCases
        let i = all.firstIndex(of: state.query.sort) ?? 0
        let step = action == .sortNext ? 1 : all.count - 1
        state.query.sort = all[(i + step) % all.count]
        state.query.reversed = false
        state.applyQuery()
    case .reverseSort:
        state.query.reversed.toggle()
        state.applyQuery()

    // Filtering.
    case .startFilter:
        state.isEditingFilter = true
    case .filterKeep:
        state.isEditingFilter = false
    case .filterClear:
        state.isEditingFilter = false
        state.query.text = ""
        state.applyQuery()
    case .filterDeleteBackward:
        if !state.query.text.isEmpty {
            state.query.text.removeLast()
            state.applyQuery()
        }
    case .cycleType:
        let types: [UnitType?] = [nil] + UnitType.allCases.map { Optional($0) }
        let i = types.firstIndex(of: state.query.type) ?? 0
        state.query.type = types[(i + 1) % types.count]
        state.applyQuery()
    case .cycleProvince: state.cyclePlaceFilter()
    case .clearFilters:
        guard !state.query.showsAll || !state.query.text.isEmpty else { break }
        state.query.text = ""
        state.query.groupFilters = [:]
        state.applyQuery()

    // Detail.
    case .previousUnit, .nextUnit:
        guard case .detail(let code) = state.route, !state.rows.isEmpty else { break }
        let here = state.rows.firstIndex { $0.unit.code == code } ?? state.selectedIndex
        let next = action == .nextUnit ? here + 1 : here - 1
        guard state.rows.indices.contains(next) else { break }
        state.select(next)
        state.routes[state.routes.count - 1] = .detail(code: state.rows[next].unit.code)
        state.pageScroll = 0
    case .scrollUp:
        if state.route == .help {
            state.helpScroll = max(0, state.helpScroll - 1)
        } else {
            state.pageScroll = max(0, state.pageScroll - 1)
        }
    case .scrollDown:
        let limit = state.metrics?.maxScroll ?? 0
        if state.route == .help {
            state.helpScroll = min(limit, state.helpScroll + 1)
        } else {
            state.pageScroll = min(limit, state.pageScroll + 1)
        }

    // Everywhere.
    case .toggleLanguage:
        state.language = state.language == .vi ? .en : .vi
    case .togglePause:
        state.isPaused.toggle()
        if !state.isPaused, let held = state.held {
            state.held = nil
            state.apply(held.standings, loadedAt: held.loadedAt)
        }
    case .reloadNow:
        return [.reloadNow]
    case .refreshSlower, .refreshFaster:
        state.stepRefresh(action == .refreshSlower ? .slower : .faster)  // SettingsWiring.swift
    case .export:
        state.pendingExportRows = state.rows.count
        state.status = StatusMessage(.exporting(rows: state.rows.count), postedAt: state.clock)
        return [.exportCSV(rows: state.rows)]
    case .exportWorkbook:
        state.pendingExportRows = state.rows.count
        state.status = StatusMessage(.exporting(rows: state.rows.count), postedAt: state.clock)
        return [.exportWorkbook(rows: state.rows, query: state.query)]
    case .toggleFollow:
        state.monitor.follow.toggle()
        state.keepSelectionVisible()
    case .switchMovementBase:
        state.monitor.movementBase = state.monitor.movementBase == .day ? .previousRefresh : .day
    case .showAttention:
        state.monitor.attentionIndex = 0
        state.routes.append(.attention)
    case .toggleWallRotation:
        state.toggleWallPause()
    case .quit:
        return [.quit]
    case .startSearch, .searchNext, .searchPrevious, .searchKeep, .searchCancel, .searchDeleteBackward,
        .scrollPageUp, .scrollPageDown, .scrollToTop, .scrollToBottom:
        break  // performSearchOrPaging
    }
    return []
}
