import CongDanSoCore

/// Standings that arrived while paused, applied on resume.
public struct HeldData: Sendable {
    public var standings: Standings
    public var loadedAt: Timestamp
}

/// The whole dashboard as a value: the data, how the table is sorted and
/// filtered, which unit is selected, which screen is open, and the flags
/// that change how it is drawn. Changed only by `update(_:_:)`; drawn by
/// `render(_:width:height:)`, measured by `measure(_:)`.
///
/// The visible rows (`rows`) are computed in `update` whenever the data or
/// the query changes, never while drawing, so a key press stays cheap.
public struct DashboardState: Sendable {
    /// Below this size the screen only says how big it needs to be.
    public static let minimumWidth = 40
    public static let minimumHeight = 10
    /// Days in the table's trend column (new registrations a day).
    public static let trendDays = 10

    /// The figures on screen (the last good load).
    public internal(set) var standings: Standings
    var cache: DataCache
    /// Sort and filters of the unit table (the same type `congdanso export` uses).
    public internal(set) var query: TableQuery
    /// The table's rows: `query` applied to `standings`.
    public internal(set) var rows: [UnitFigures]
    /// The selected unit's code; it follows the unit across re-sorts,
    /// filters and reloads. Nil only when there are no units at all.
    public internal(set) var selectedCode: String?
    /// Where `selectedCode` is in `rows` (0 when the table is empty).
    public internal(set) var selectedIndex: Int = 0
    /// The first table row on screen.
    public internal(set) var scroll: Int = 0
    /// The screens, bottom first; never empty (`.table` at the bottom).
    public internal(set) var routes: [Route] = [.table]
    /// True while a name filter is being typed (`/` … Enter or Esc).
    public internal(set) var isEditingFilter = false
    /// The jump-to search (F3 or s; n and N), apart from the filter.
    public internal(set) var search = SearchState()
    public internal(set) var language: Language
    /// Paused: new data is held (see `held`) and applied on resume.
    public internal(set) var isPaused = false
    /// Data that arrived while paused.
    public internal(set) var held: HeldData?
    /// The last reload's error while it failed; the data on screen is stale.
    public internal(set) var staleError: String?
    /// When the reload failed.
    public internal(set) var staleSince: Timestamp?
    /// When the data on screen was loaded.
    public internal(set) var lastLoaded: Timestamp
    /// The wall clock, set by `.tick` messages.
    public internal(set) var clock: Timestamp
    /// A transient notice for the status line.
    public internal(set) var status: StatusMessage?
    /// Colours on; off draws with bold, reverse and underline only.
    public var colorEnabled: Bool
    /// The colour palette (`--theme`; a settings loader may set it). Any
    /// palette gives way to monochrome when `colorEnabled` is off.
    public var theme: ThemeName = .standard
    /// ASCII only: markers, gauge, rules, sparklines and names in ASCII.
    public var ascii: Bool
    /// The mouse is on (the default; `--no-mouse` and a settings loader turn
    /// it off). The run loop's backend captures the mouse only when it is.
    public var mouseEnabled = true
    /// Where `e` writes its export; nil for the current folder. A settings
    /// loader or `--export-folder` sets it.
    public var exportFolder: String?
    /// The terminal size, from `.resize`; used for paging and scrolling.
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// The automatic refresh interval, in seconds: `.tick` asks for
    /// `.checkForChanges` once it has passed since `lastSourceCheck`.
    public internal(set) var refreshSeconds: Int
    /// When the data's files were last looked at on the refresh interval.
    public internal(set) var lastSourceCheck: Timestamp
    /// First line shown on the detail and summary screens.
    public internal(set) var pageScroll = 0
    /// The selected row of the summary (see `summaryEntries`).
    public internal(set) var summarySelection = 0
    /// First help line shown.
    public internal(set) var helpScroll = 0
    /// Rows in the export the run loop is writing, for the status line.
    var pendingExportRows: Int?
    /// The layout facts of the last update (nil before the first).
    public internal(set) var metrics: ScreenMetrics?
    /// Freshness, what changed, follow and wall mode (Monitor.swift).
    public internal(set) var monitor: MonitorState

    /// A dashboard on `standings`, showing the unit table sorted by
    /// registrations, the first unit selected.
    /// - Parameters:
    ///   - now: the wall clock, also taken as the moment the data was loaded.
    ///   - refreshSeconds: the refresh interval, shown on the status line
    ///     and changed with `+` / `-`.
    ///   - width, height: the terminal's size; send `.resize` when it changes.
    public init(
        standings: Standings, language: Language = .vi, colorEnabled: Bool, ascii: Bool,
        now: Timestamp, refreshSeconds: Int, width: Int = 80, height: Int = 24, staleAfterSeconds: Int? = nil
    ) {
        self.monitor = MonitorState(
            now: now, staleAfterSeconds: staleAfterSeconds ?? Freshness.staleAfterSeconds(standings.dataset))
        self.standings = standings
        self.cache = DataCache(standings, trendDays: Self.trendDays)
        self.query = TableQuery()
        self.rows = []
        self.language = language
        self.colorEnabled = colorEnabled
        self.ascii = ascii
        self.lastLoaded = now
        self.clock = now
        self.lastSourceCheck = now
        self.refreshSeconds = max(1, refreshSeconds)
        self.width = max(0, width)
        self.height = max(0, height)
        self.rows = query.apply(to: standings)
        self.selectedCode = rows.first?.unit.code
        reselect()
    }

    /// The screen on top.
    public var route: Route { routes.last ?? .table }

    /// Where keys are looked up: the filter prompt while typing, else the screen.
    public var keyContext: KeyContext {
        guard route == .table else { return route.keyContext }
        return isEditingFilter ? .filterInput : search.isEditing ? .searchInput : .table
    }

    /// The selected row, if the table has any.
    public var selectedRow: UnitFigures? {
        rows.indices.contains(selectedIndex) ? rows[selectedIndex] : nil
    }

    /// Whether the data on screen is stale (the last reload failed).
    public var isStale: Bool { staleError != nil }

    /// The status notice, unless it has expired.
    var currentStatus: StatusMessage? {
        guard let status else { return nil }
        let age = (clock.milliseconds - status.postedAt.milliseconds) / 1000
        return age <= StatusMessage.lifetime ? status : nil
    }

    // MARK: - Keeping rows and selection consistent

    /// Recomputes `rows` from `query` for a new sort or filter: the view
    /// shows the first rows of the new order, the first selected, unless
    /// the selected unit is followed (`F`), which then stays selected.
    mutating func applyQuery() { applyQuery(keepPlace: false) }

    /// Recomputes `rows`. `keepPlace` (a data update): the view keeps its
    /// place (same first row, same selected line) unless a unit is
    /// followed, whose row then stays selected and in view.
    mutating func applyQuery(keepPlace: Bool) {
        // A name filter puts the whole and leading matches of the folded
        // name first ("do son": Đồ Sơn before Nam Đồ Sơn), each group in
        // the sort's order.
        rows = NameMatch.ranked(query.apply(to: standings), text: query.text, folded: standings.dataset.foldedNames)
        if monitor.follow {
            reselect()
        } else if keepPlace {
            let line = selectedIndex
            if rows.isEmpty {
                selectedIndex = 0
            } else {
                selectedIndex = min(max(0, line), rows.count - 1)
                selectedCode = rows[selectedIndex].unit.code
            }
            scroll = min(scroll, max(0, rows.count - pageSize))
            keepSelectionVisible()
        } else if rows.isEmpty {
            // The code is kept, so clearing the filter goes back to it.
            selectedIndex = 0
            scroll = 0
        } else {
            selectedIndex = 0
            selectedCode = rows[0].unit.code
            scroll = 0
        }
    }

    /// Finds the selected unit in `rows`. When it is not there (filtered
    /// out), the first row is selected instead; when the table is empty the
    /// code is kept, so clearing the filter goes back to it.
    mutating func reselect() {
        if let code = selectedCode, let i = rows.firstIndex(where: { $0.unit.code == code }) {
            selectedIndex = i
        } else if let first = rows.first {
            selectedIndex = 0
            selectedCode = first.unit.code
        } else {
            selectedIndex = 0
        }
        keepSelectionVisible()
    }

    /// Rows of the table on screen at the current size (at least 1).
    var pageSize: Int { metrics?.tablePage ?? 1 }

    /// Scrolls as little as possible to show the selection, and never past the end.
    mutating func keepSelectionVisible() {
        scroll = Self.scrollOffset(current: scroll, selected: selectedIndex, count: rows.count, page: pageSize)
    }

    /// The first row to show so that `selected` is visible, moving from
    /// `current` as little as possible; clamped to the rows there are.
    static func scrollOffset(current: Int, selected: Int, count: Int, page: Int) -> Int {
        let page = max(1, page)
        var offset = current
        if selected < offset { offset = selected }
        if selected >= offset + page { offset = selected - page + 1 }
        offset = min(offset, max(0, count - page))
        return max(0, offset)
    }

    /// Moves the selection to row `index` (clamped).
    mutating func select(_ index: Int) {
        guard !rows.isEmpty else { return }
        selectedIndex = min(max(0, index), rows.count - 1)
        selectedCode = rows[selectedIndex].unit.code
        keepSelectionVisible()
    }

    /// Replaces the data: caches, rows and selection follow; stale clears.
    mutating func apply(_ standings: Standings, loadedAt: Timestamp) {
        // The same units (usually: a grown log, new snapshots): the names' forms are reused.
        let sameUnits = standings.dataset.units == self.standings.dataset.units
        _ = monitor.record(from: self.standings, to: standings, at: loadedAt)
        self.standings = standings
        self.cache = DataCache(standings, trendDays: Self.trendDays, reusingNamesOf: sameUnits ? cache : nil)
        self.lastLoaded = loadedAt
        self.staleError = nil
        self.staleSince = nil
        dropVanishedGroupFilters()
        applyQuery(keepPlace: true)
    }

    /// Says once, on the status line, that the accents are gone because the
    /// locale is not UTF-8 and that `--utf8` brings them back (call it when
    /// ASCII was the locale's choice, not `--ascii`'s).
    public mutating func explainASCII() {
        status = StatusMessage(.asciiBecauseLocale, postedAt: clock)
    }

    /// The status line is showing where an export went (or why the accents
    /// are gone): the query on its right gives way.
    var showsExportPath: Bool {
        switch currentStatus?.notice {
        case .exported?, .asciiBecauseLocale?, .settingsProblem?: return true
        default: return false
        }
    }

    /// The index in `dataset.units` of a unit code.
    func unitIndex(_ code: String) -> Int? { standings.dataset.unitIndex[code] }
}
