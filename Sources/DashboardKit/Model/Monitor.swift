import CongDanSoCore

/// What the rank-movement column compares with.
public enum MovementBase: String, Sendable {
    /// The figures before the last refresh that changed them.
    case previousRefresh
    /// The ranking 24 hours before the data's moment.
    case day
}

/// Units that entered or left the city's top or bottom ten with the last
/// change of figures, named on the status line for a while.
public struct BandNews: Hashable, Sendable {
    public var enteredTop: [String] = []
    public var leftTop: [String] = []
    public var enteredBottom: [String] = []
    public var leftBottom: [String] = []
    public var isEmpty: Bool { enteredTop.isEmpty && leftTop.isEmpty && enteredBottom.isEmpty && leftBottom.isEmpty }
}

/// The monitoring part of the dashboard's state: freshness, what changed
/// with the last refresh, the follow mode and the wall mode. Kept in one
/// value so that the screen's other parts stay as they were.
public struct MonitorState: Sendable {
    /// How many seconds changed cells stay marked after a refresh.
    public static let changeMarkSeconds: Int64 = 8
    /// How many seconds the top/bottom-ten news stays on the status line.
    public static let bandNewsSeconds: Int64 = 60

    /// `stale_after`, in seconds.
    public internal(set) var staleAfterSeconds: Int
    /// The source follows an event log (checked every second).
    public var followsLog = false
    /// When the source was last looked at.
    public internal(set) var lastChecked: Timestamp
    /// When the figures on screen last changed (a load that changed nothing
    /// leaves it).
    public internal(set) var lastChanged: Timestamp
    /// City ranks (by unit code) before the last change of figures.
    public internal(set) var previousRanks: [String: Int] = [:]
    /// What the movement column compares with (`m` switches).
    public internal(set) var movementBase: MovementBase = .day
    /// Cells changed by the last refresh: per unit code, registered and completed.
    public internal(set) var changedCells: [String: (registered: Bool, completed: Bool)] = [:]
    public internal(set) var changedAt: Timestamp?
    /// Top / bottom ten news of the last change, and when.
    public internal(set) var bandNews = BandNews()
    public internal(set) var bandNewsAt: Timestamp?
    /// Following the selected unit (`F`): its row stays selected and in
    /// view as it moves; otherwise the view keeps its place on updates.
    public internal(set) var follow = false
    /// The selected row on the attention view.
    public internal(set) var attentionIndex = 0
    /// Wall mode, when on.
    public internal(set) var wall: WallMode?

    init(now: Timestamp, staleAfterSeconds: Int) {
        self.staleAfterSeconds = max(1, staleAfterSeconds)
        self.lastChecked = now
        self.lastChanged = now
    }

    func cellChanged(_ code: String, registered: Bool, at clock: Timestamp) -> Bool {
        guard let at = changedAt, clock.milliseconds - at.milliseconds <= Self.changeMarkSeconds * 1000,
            let cells = changedCells[code]
        else { return false }
        return registered ? cells.registered : cells.completed
    }

    func currentBandNews(at clock: Timestamp) -> BandNews? {
        guard let at = bandNewsAt, clock.milliseconds - at.milliseconds <= Self.bandNewsSeconds * 1000,
            !bandNews.isEmpty
        else { return nil }
        return bandNews
    }

    /// Records what changed between `old` and `new`, at `now`. Returns
    /// whether any figure changed.
    mutating func record(from old: Standings, to new: Standings, at now: Timestamp) -> Bool {
        var oldByCode: [String: UnitFigures] = [:]
        oldByCode.reserveCapacity(old.figures.count)
        for f in old.figures { oldByCode[f.unit.code] = f }
        var cells: [String: (registered: Bool, completed: Bool)] = [:]
        var rankMoved = false
        for f in new.figures {
            guard let o = oldByCode[f.unit.code] else {
                cells[f.unit.code] = (true, true)
                continue
            }
            let r = o.registered != f.registered, c = o.completed != f.completed
            if r || c { cells[f.unit.code] = (r, c) }
            if o.rank != f.rank { rankMoved = true }
        }
        guard !cells.isEmpty || rankMoved || old.moment != new.moment else { return false }
        if !cells.isEmpty || rankMoved {
            changedCells = cells
            changedAt = now
            lastChanged = now
            var ranks: [String: Int] = [:]
            for f in old.figures { ranks[f.unit.code] = f.rank }
            previousRanks = ranks
            let news = Self.bandNews(old, new)
            if !news.isEmpty {
                bandNews = news
                bandNewsAt = now
            }
        }
        return true
    }

    /// The units that entered or left the top and bottom ten, by name.
    static func bandNews(_ old: Standings, _ new: Standings) -> BandNews {
        func codes(_ list: [UnitFigures]) -> [String] { list.map(\.unit.code) }
        let oldTop = codes(old.top()), newTop = codes(new.top())
        let oldBottom = codes(old.bottom()), newBottom = codes(new.bottom())
        func names(_ list: [String], in s: Standings) -> [String] {
            list.compactMap { code in s.dataset.unitIndex[code].map { s.dataset.units[$0].name } }
        }
        var news = BandNews()
        news.enteredTop = names(newTop.filter { !oldTop.contains($0) }, in: new)
        news.leftTop = names(oldTop.filter { !newTop.contains($0) }, in: old)
        news.enteredBottom = names(newBottom.filter { !oldBottom.contains($0) }, in: new)
        news.leftBottom = names(oldBottom.filter { !newBottom.contains($0) }, in: old)
        return news
    }
}

extension DashboardState {
    /// The freshness of the data on screen against the wall clock.
    public var freshness: Freshness {
        Freshness.of(
            moment: standings.moment, now: clock, staleAfterSeconds: monitor.staleAfterSeconds,
            readFailed: isStale)
    }

    /// The data's age against the wall clock, in seconds.
    public var dataAgeSeconds: Int64 { Freshness.ageSeconds(moment: standings.moment, now: clock) }

    /// The rank movement of a unit against the chosen base: positive when
    /// it went up (a smaller rank number); nil when there is nothing to
    /// compare with.
    public func rankMovement(_ f: UnitFigures) -> Int? {
        switch monitor.movementBase {
        case .previousRefresh:
            guard let before = monitor.previousRanks[f.unit.code] else { return nil }
            return before - f.rank
        case .day:
            guard let ranks = cache.ranks24h, ranks.indices.contains(f.index) else { return nil }
            return ranks[f.index] - f.rank
        }
    }

    /// The units needing a call today (see `Attention`).
    public var attentionItems: [AttentionItem] { cache.attention }
}

extension Action {
    /// Keys that leave wall mode's rotation running: quitting, pausing the
    /// rotation itself, the language and help. Every other key is browsing
    /// and pauses it.
    var keepsWallRotation: Bool {
        switch self {
        case .quit, .toggleWallRotation, .toggleLanguage, .toggleHelp, .togglePause, .reloadNow: return true
        default: return false
        }
    }
}

extension Freshness {
    /// How a freshness state is drawn: a glyph and a role (colour and, in
    /// monochrome, attributes), beside its word.
    struct Shown {
        let state: Freshness
        let glyph: String
        let role: Role

        init(_ state: Freshness, _ g: Glyphs, ascii: Bool) {
            self.state = state
            switch state {
            case .live: glyph = g.live; role = .live
            case .late: glyph = ascii ? "~" : "◷"; role = .late
            case .stale: glyph = g.stale; role = .stale
            }
        }
    }
}

extension DashboardState {
    /// Tells the model its source follows an event log (checked every
    /// second): the status line's "checked" time moves every second, and
    /// `stale_after` defaults to an event log's unless the config sets it.
    public mutating func setFollowsLog(_ follows: Bool) {
        monitor.followsLog = follows
        if follows, standings.config.staleAfterSeconds == nil {
            monitor.staleAfterSeconds = Freshness.eventLogStaleAfter
        }
    }
}
