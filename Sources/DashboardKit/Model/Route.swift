import CongDanSoCore

/// A screen on the route stack. The table is always at the bottom; Enter
/// pushes a unit's detail, Tab the summary, `?` the help; Esc pops.
public enum Route: Hashable, Sendable {
    case table
    /// One unit's detail, by code (codes are stable across reloads).
    case detail(code: String)
    case summary
    case help
    /// The units that need a call today (`a`).
    case attention

    /// The key context of this screen.
    var keyContext: KeyContext {
        switch self {
        case .table: return .table
        case .detail: return .detail
        case .summary: return .summary
        case .help: return .help
        case .attention: return .attention
        }
    }
}

/// A transient note in the status bar. Kept as meaning, not text, so it
/// follows a language switch; it disappears after `StatusMessage.lifetime`.
public enum Notice: Hashable, Sendable {
    case exporting(rows: Int)
    case exported(path: String, rows: Int?)
    case exportFailed(String)
    /// `+` / `-`: the interval now, whether it moved, and which end of
    /// the range it is at, if any ("1 s, the fastest"; "already the fastest").
    case refreshInterval(seconds: Int, changed: Bool = true, end: RefreshEnd? = nil)
    /// The settings file has a problem (file:line:column and what is wrong):
    /// said at start; the defaults stand in and the file is left as it is.
    case settingsProblem(String)
    /// The screen is in ASCII because the locale is not UTF-8 (said once).
    case asciiBecauseLocale
}

/// A notice and when it was posted (the state's clock).
public struct StatusMessage: Hashable, Sendable {
    public var notice: Notice
    public var postedAt: Timestamp

    /// Seconds a notice stays on the status line.
    public static let lifetime: Int64 = 60

    public init(_ notice: Notice, postedAt: Timestamp) {
        self.notice = notice; self.postedAt = postedAt
    }

    var isError: Bool {
        switch notice {
        case .exportFailed, .settingsProblem: return true
        default: return false
        }
    }
}
