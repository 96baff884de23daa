import CongDanSoCore

/// Wall mode (`congdanso dashboard --rotate SECONDS`): the views cycle by
/// themselves for an unattended screen: the table page by page, the top
/// ten, the bottom ten, the attention view and the summary. `w` pauses
/// and resumes; browsing keys pause it; `q` quits.
public struct WallMode: Hashable, Sendable {
    /// One step of the cycle.
    public enum View: Hashable, Sendable {
        /// A page of the table in rank order (0-based).
        case tablePage(Int)
        case topTen, bottomTen, attention, summary
    }

    /// Seconds each view stays.
    public let seconds: Int
    /// Paused by `w` or by a browsing key.
    public internal(set) var isPaused = false
    /// The view on screen.
    public internal(set) var view: View = .tablePage(0)
    /// When the next view comes.
    public internal(set) var nextAt: Timestamp

    public init(seconds: Int, now: Timestamp) {
        self.seconds = max(1, seconds)
        self.nextAt = now.adding(seconds: Int64(max(1, seconds)))
    }

    /// The view after `view`, for a table of `pages` pages.
    static func next(after view: View, pages: Int) -> View {
        switch view {
        case .tablePage(let i): return i + 1 < max(1, pages) ? .tablePage(i + 1) : .topTen
        case .topTen: return .bottomTen
        case .bottomTen: return .attention
        case .attention: return .summary
        case .summary: return .tablePage(0)
        }
    }

    /// Whole seconds until the next view (for the mark on the status line).
    func secondsLeft(at now: Timestamp) -> Int {
        max(0, Int((nextAt.milliseconds - now.milliseconds + 999) / 1000))
    }
}

extension DashboardState {
    /// Turns wall mode on, showing its first view.
    public mutating func startWallMode(seconds: Int) {
        monitor.wall = WallMode(seconds: seconds, now: clock)
        showWallView(.tablePage(0))
    }

    /// On a tick: the next view when its time has come.
    mutating func advanceWallMode() {
        guard var wall = monitor.wall, !wall.isPaused, clock >= wall.nextAt else { return }
        // The help stays up while it is read: the next view waits for it to close.
        if route == .help {
            wall.nextAt = clock.adding(seconds: Int64(wall.seconds))
            monitor.wall = wall
            return
        }
        let pages = max(1, (rows.count + pageSize - 1) / max(1, pageSize))
        wall.view = WallMode.next(after: wall.view, pages: pages)
        // Catch up after a long sleep without replaying every missed view.
        var next = wall.nextAt.adding(seconds: Int64(wall.seconds))
        if next <= clock { next = clock.adding(seconds: Int64(wall.seconds)) }
        wall.nextAt = next
        monitor.wall = wall
        showWallView(wall.view)
    }

    /// Pauses or resumes the rotation; resuming gives the view a full period.
    mutating func toggleWallPause() {
        guard var wall = monitor.wall else { return }
        wall.isPaused.toggle()
        if !wall.isPaused { wall.nextAt = clock.adding(seconds: Int64(wall.seconds)) }
        monitor.wall = wall
    }

    /// A browsing key pauses the rotation (the user is looking at something).
    mutating func pauseWallForBrowsing() {
        guard var wall = monitor.wall, !wall.isPaused else { return }
        wall.isPaused = true
        monitor.wall = wall
    }

    /// Puts the screen in the state of one wall view.
    mutating func showWallView(_ view: WallMode.View) {
        monitor.follow = false
        isEditingFilter = false
        query = TableQuery()
        switch view {
        case .tablePage(let i):
            routes = [.table]
            applyQuery(keepPlace: false)
            scroll = min(max(0, rows.count - pageSize), i * pageSize)
            selectedIndex = scroll
            selectedCode = rows.indices.contains(scroll) ? rows[scroll].unit.code : selectedCode
        case .topTen:
            routes = [.table]
            applyQuery(keepPlace: false)
        case .bottomTen:
            routes = [.table]
            query.reversed = true
            applyQuery(keepPlace: false)
        case .attention:
            monitor.attentionIndex = 0
            routes = [.table, .attention]
        case .summary:
            pageScroll = 0
            routes = [.table, .summary]
        }
    }
}
