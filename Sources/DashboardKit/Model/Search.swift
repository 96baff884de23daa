import CongDanSoCore

/// The jump-to search (htop's F3 beside its F4 filter, VisiData's `/` beside
/// `|`): it moves the selection to a matching unit and leaves the table
/// whole. Matches are ranked as the filter ranks them (`NameMatch`): the
/// whole folded name first, then names that start with the text, then
/// names with a word that does, then the rest, each group in table order;
/// `n` and `N` step through them, wrapping.
public struct SearchState: Sendable, Equatable {
    /// The text searched for (kept after Enter, for `n` and `N`).
    public internal(set) var text = ""
    /// True while it is being typed.
    public internal(set) var isEditing = false
    /// The unit selected when the search started (Esc goes back to it).
    var origin: String?
}

/// How well a folded name matches a folded search text.
enum NameMatch: Int, Comparable {
    case whole = 0, prefix, wordPrefix, inside, none

    static func < (a: NameMatch, b: NameMatch) -> Bool { a.rawValue < b.rawValue }

    /// The match of `name` (folded) for `text` (folded, not empty).
    static func of(_ name: String, _ text: String) -> NameMatch {
        if name == text { return .whole }
        if name.hasPrefix(text) { return .prefix }
        if name.contains(" " + text) { return .wordPrefix }
        if name.contains(text) { return .inside }
        return .none
    }

    /// `rows` with the best matches of `text` first, each group in the
    /// order it had (a stable partition). Rows that match only by code or
    /// type word keep their place after the name matches.
    static func ranked(_ rows: [UnitFigures], text: String, folded names: [String]) -> [UnitFigures] {
        let key = VietnameseText.fold(text)
        guard !key.isEmpty else { return rows }
        let grades = rows.map { f in names.indices.contains(f.index) ? of(names[f.index], key) : .none }
        return rows.indices.sorted { a, b in
            grades[a] != grades[b] ? grades[a] < grades[b] : a < b
        }.map { rows[$0] }
    }
}

extension DashboardState {
    /// The rows matching the search, best first (see `NameMatch`).
    var searchMatches: [Int] {
        let key = VietnameseText.fold(search.text)
        guard !key.isEmpty else { return [] }
        let names = standings.dataset.foldedNames
        let graded = rows.indices.compactMap { i -> (Int, NameMatch)? in
            let f = rows[i]
            let grade =
                names.indices.contains(f.index) ? NameMatch.of(names[f.index], key) : .none
            if grade != .none { return (i, grade) }
            return f.unit.code.hasPrefix(key) ? (i, .inside) : nil
        }
        return graded.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }

    /// Selects the best match (while typing).
    mutating func jumpToBestMatch() {
        if let first = searchMatches.first { select(first) }
    }

    /// Selects the next (or previous) match after the selected row, in
    /// match order, wrapping.
    mutating func jumpToMatch(forward: Bool) {
        let matches = searchMatches
        guard !matches.isEmpty else { return }
        let here = matches.firstIndex(of: selectedIndex)
        let next: Int
        if let here {
            next = forward ? (here + 1) % matches.count : (here - 1 + matches.count) % matches.count
        } else {
            next = forward ? 0 : matches.count - 1
        }
        select(matches[next])
    }
}

/// The search's and the screens' paging actions (see `perform`).
func performSearchOrPaging(_ state: inout DashboardState, _ action: Action) -> Bool {
    switch action {
    case .startSearch:
        state.search.isEditing = true
        state.search.text = ""
        state.search.origin = state.selectedCode
    case .searchKeep:
        state.search.isEditing = false
    case .searchCancel:
        state.search.isEditing = false
        if let origin = state.search.origin, let i = state.rows.firstIndex(where: { $0.unit.code == origin }) {
            state.select(i)
        }
    case .searchDeleteBackward:
        if !state.search.text.isEmpty {
            state.search.text.removeLast()
            state.jumpToBestMatch()
        }
    case .searchNext, .searchPrevious:
        state.jumpToMatch(forward: action == .searchNext)
    case .scrollPageUp, .scrollPageDown, .scrollToTop, .scrollToBottom:
        let page = max(1, ScreenLayout(width: state.width, height: state.height).content.height - 3)
        let limit = state.metrics?.maxScroll ?? 0
        let current = state.route == .help ? state.helpScroll : state.pageScroll
        let target: Int
        switch action {
        case .scrollPageUp: target = current - page
        case .scrollPageDown: target = current + page
        case .scrollToTop: target = 0
        default: target = limit
        }
        let clamped = min(limit, max(0, target))
        if state.route == .help { state.helpScroll = clamped } else { state.pageScroll = clamped }
    default:
        return false
    }
    return true
}

/// A character typed into the search prompt.
func typeIntoSearch(_ state: inout DashboardState, _ c: Character) {
    state.search.text.append(c)
    state.jumpToBestMatch()
}
