import CongDanSoCore

/// What a key does. `update` dispatches on these; the help screen and the
/// footer are generated from the `KeyTable` that maps keys to them.
public enum Action: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom
    case openDetail, back
    case sortPrevious, sortNext, reverseSort
    case startFilter, cycleType, cycleProvince, clearFilters
    case filterKeep, filterClear, filterDeleteBackward
    case previousUnit, nextUnit
    case scrollUp, scrollDown
    case showSummary, toggleHelp
    case summaryUp, summaryDown, filterToGroup
    case toggleLanguage, export, exportWorkbook, togglePause, reloadNow, refreshSlower, refreshFaster
    case toggleFollow, switchMovementBase, showAttention, toggleWallRotation
    case quit
    // Jump-to search (Search.swift) and paging the screens on top of the table.
    case startSearch, searchNext, searchPrevious, searchKeep, searchCancel, searchDeleteBackward
    case scrollPageUp, scrollPageDown, scrollToTop, scrollToBottom
}

/// Where a binding applies: one of the screens, or the filter prompt while
/// a filter is being typed (where printable characters are text, not keys).
public enum KeyContext: String, CaseIterable, Sendable {
    case table, filterInput, detail, summary, help, attention
    /// Typing a jump-to search (F3 or s).
    case searchInput

    /// The screens (everything but the filter prompt).
    public static let screens: Set<KeyContext> = [.table, .detail, .summary, .help, .attention]
}

/// One line of the key table: the keys, the action, where it applies and
/// what it does in both languages.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let contexts: Set<KeyContext>
    /// What the binding does, in both languages (in Localization.swift).
    let text: KeyText

    init(_ keys: [Key], _ action: Action, _ contexts: Set<KeyContext>, _ text: KeyText) {
        self.keys = keys; self.action = action; self.contexts = contexts; self.text = text
    }

    /// What the binding does, in `lang`.
    public func description(_ lang: Language) -> String { text.text(lang) }

    /// The keys as the help screen shows them: "↑ k", "PgUp", "? F1".
    public func label(ascii: Bool = false) -> String {
        keys.map { KeyTable.label(of: $0, ascii: ascii) }.joined(separator: " ")
    }
}

/// The single list of key bindings. `update` looks keys up here, and the
/// help screen and footer hints are generated from it, so they cannot drift.
public enum KeyTable {
    private static let everywhere = KeyContext.screens

    public static let bindings: [KeyBinding] = [
        // Everywhere (every screen; not while typing a filter).
        KeyBinding([.character("?"), .function(1)], .toggleHelp, everywhere, .toggleHelp),
        KeyBinding([.character("l")], .toggleLanguage, everywhere, .toggleLanguage),
        KeyBinding([.character("p")], .togglePause, everywhere, .togglePause),
        KeyBinding([.function(5), .control("r")], .reloadNow, everywhere, .reloadNow),
        KeyBinding([.character("+")], .refreshSlower, everywhere, .refreshSlower),
        KeyBinding([.character("-")], .refreshFaster, everywhere, .refreshFaster),
        KeyBinding([.character("q"), .control("c")], .quit, everywhere, .quit),
        KeyBinding([.character("w")], .toggleWallRotation, everywhere, .toggleWallRotation),

        // The unit table.
        KeyBinding([.up, .character("k")], .moveUp, [.table], .moveUpTable),
        KeyBinding([.down, .character("j")], .moveDown, [.table], .moveDownTable),
        // Also the summary's rows (34 provinces nationally).
        KeyBinding([.pageUp], .pageUp, [.table, .summary], .pageUpTable),
        KeyBinding([.pageDown, .character(" ")], .pageDown, [.table, .summary], .pageDownTable),
        KeyBinding([.home, .character("g")], .moveToTop, [.table, .summary], .moveToTopTable),
        KeyBinding([.end, .character("G")], .moveToBottom, [.table, .summary], .moveToBottomTable),
        KeyBinding([.enter], .openDetail, [.table], .openDetailTable),
        KeyBinding([.character("<")], .sortPrevious, [.table], .sortPreviousTable),
        KeyBinding([.character(">")], .sortNext, [.table], .sortNextTable),
        KeyBinding([.character("r")], .reverseSort, [.table], .reverseSortTable),
        KeyBinding([.character("/")], .startFilter, [.table], .startFilterTable),
        KeyBinding([.character("t")], .cycleType, [.table], .cycleTypeTable),
        KeyBinding([.character("f")], .cycleProvince, [.table], .cycleProvinceTable),
        KeyBinding([.escape], .clearFilters, [.table], .clearFiltersTable),
        KeyBinding([.tab], .showSummary, [.table], .showSummaryTable),
        KeyBinding([.character("e")], .export, [.table], .exportTable),
        KeyBinding([.character("E")], .exportWorkbook, [.table], .exportWorkbookTable),
        KeyBinding([.function(3), .character("s")], .startSearch, [.table], .startSearchTable),
        KeyBinding([.character("n")], .searchNext, [.table], .searchNextTable),
        KeyBinding([.character("N")], .searchPrevious, [.table], .searchPreviousTable),
        KeyBinding([.character("F")], .toggleFollow, [.table], .toggleFollowTable),
        KeyBinding([.character("m")], .switchMovementBase, [.table], .switchMovementBaseTable),
        KeyBinding([.character("a")], .showAttention, [.table], .showAttentionTable),

        // Typing a jump-to search.
        KeyBinding([.enter], .searchKeep, [.searchInput], .searchKeepSearchInput),
        KeyBinding([.escape], .searchCancel, [.searchInput], .searchCancelSearchInput),
        KeyBinding([.backspace, .delete], .searchDeleteBackward, [.searchInput], .filterDeleteBackwardFilterInput),
        KeyBinding([.down, .function(3)], .searchNext, [.searchInput], .searchNextTable),
        KeyBinding([.up], .searchPrevious, [.searchInput], .searchPreviousTable),
        KeyBinding([.control("c")], .quit, [.searchInput], .quitFilterInput),

        // Needs a call today.
        KeyBinding([.up, .character("k")], .moveUp, [.attention], .moveUpTable),
        KeyBinding([.down, .character("j")], .moveDown, [.attention], .moveDownTable),
        KeyBinding([.enter], .openDetail, [.attention], .openDetailTable),
        KeyBinding([.character("a"), .escape], .back, [.attention], .backSummary),

        // Typing a filter.
        KeyBinding([.enter], .filterKeep, [.filterInput], .filterKeepFilterInput),
        KeyBinding([.escape], .filterClear, [.filterInput], .filterClearFilterInput),
        KeyBinding([.backspace, .delete], .filterDeleteBackward, [.filterInput], .filterDeleteBackwardFilterInput),
        KeyBinding([.up], .moveUp, [.filterInput], .moveUpFilterInput),
        KeyBinding([.down], .moveDown, [.filterInput], .moveDownFilterInput),
        KeyBinding([.control("c")], .quit, [.filterInput], .quitFilterInput),

        // Unit detail.
        KeyBinding([.left], .previousUnit, [.detail], .previousUnitDetail),
        KeyBinding([.right], .nextUnit, [.detail], .nextUnitDetail),
        KeyBinding([.up, .character("k")], .scrollUp, [.detail, .help], .scrollUp),
        KeyBinding([.down, .character("j")], .scrollDown, [.detail, .help], .scrollDown),
        // The summary pages its rows with the table's paging keys (above).
        KeyBinding([.pageUp], .scrollPageUp, [.detail, .help], .scrollPageUp),
        KeyBinding([.pageDown, .character(" ")], .scrollPageDown, [.detail, .help], .scrollPageDown),
        KeyBinding([.home, .character("g")], .scrollToTop, [.detail, .help], .scrollToTop),
        KeyBinding([.end, .character("G")], .scrollToBottom, [.detail, .help], .scrollToBottom),
        KeyBinding([.escape, .backspace], .back, [.detail], .backDetail),

        // Summary and help.
        KeyBinding([.up, .character("k")], .summaryUp, [.summary], .summaryUp),
        KeyBinding([.down, .character("j")], .summaryDown, [.summary], .summaryDown),
        KeyBinding([.enter], .filterToGroup, [.summary], .filterToGroupSummary),
        KeyBinding([.tab, .escape], .back, [.summary], .backSummary),
        KeyBinding([.escape], .back, [.help], .backHelp),
    ]

    /// Key → action per context, built once from `bindings` (first binding wins).
    static let lookup: [KeyContext: [Key: Action]] = {
        var table: [KeyContext: [Key: Action]] = [:]
        for binding in bindings {
            for context in binding.contexts {
                for key in binding.keys where table[context]?[key] == nil {
                    table[context, default: [:]][key] = binding.action
                }
            }
        }
        return table
    }()

    /// The action `key` triggers in `context`, if any.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        lookup[context]?[key]
    }

    /// The bindings that apply in `context`.
    public static func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.contexts.contains(context) }
    }

    /// How a key is written on screen.
    public static func label(of key: Key, ascii: Bool = false) -> String {
        key.label(ascii: ascii)
    }

    /// The first key bound to `action` in `context`, as a label.
    static func firstLabel(_ action: Action, in context: KeyContext, ascii: Bool) -> String? {
        bindings.first { $0.action == action && $0.contexts.contains(context) }
            .flatMap { $0.keys.first }
            .map { label(of: $0, ascii: ascii) }
    }
}

/// A short hint on the footer: the keys of one or more actions (labels taken
/// from the key table) and a word or two. Listed in display order; `priority`
/// decides which survive on a narrow terminal (lower survives longer).
struct FooterHint: Sendable {
    let actions: [Action]
    let text: KeyText
    let priority: Int

    static func hints(for context: KeyContext) -> [FooterHint] {
        switch context {
        case .table:
            // ? and q always; the language key next (after l the other
            // language's bar must still show the way back), then by use.
            return [
                FooterHint(actions: [.startFilter], text: .hintFilter, priority: 3),
                FooterHint(actions: [.startSearch], text: .hintSearch, priority: 6),
                FooterHint(actions: [.sortPrevious, .sortNext], text: .hintColumn, priority: 5),
                FooterHint(actions: [.reverseSort], text: .hintReverse, priority: 8),
                FooterHint(actions: [.cycleType], text: .hintType, priority: 10),
                FooterHint(actions: [.cycleProvince], text: .hintProvince, priority: 12),
                FooterHint(actions: [.openDetail], text: .hintDetail, priority: 4),
                FooterHint(actions: [.showSummary], text: .hintSummary, priority: 9),
                FooterHint(actions: [.export], text: .hintExport, priority: 11),
                FooterHint(actions: [.togglePause], text: .hintPause, priority: 7),
                FooterHint(actions: [.toggleLanguage], text: .hintLanguage, priority: 2),
                FooterHint(actions: [.showAttention], text: .hintAttention, priority: 12),
                FooterHint(actions: [.toggleFollow], text: .hintFollow, priority: 13),
                FooterHint(actions: [.switchMovementBase], text: .hintMovement, priority: 14),
                FooterHint(actions: [.toggleHelp], text: .hintHelp, priority: 0),
                FooterHint(actions: [.quit], text: .hintQuit, priority: 1),
            ]
        case .detail:
            return [
                FooterHint(actions: [.previousUnit, .nextUnit], text: .hintPreviousNextUnit, priority: 2),
                FooterHint(actions: [.scrollUp, .scrollDown], text: .hintScroll, priority: 4),
                FooterHint(actions: [.back], text: .hintBack, priority: 1),
                FooterHint(actions: [.togglePause], text: .hintPause, priority: 6),
                FooterHint(actions: [.toggleLanguage], text: .hintLanguage, priority: 2),
                FooterHint(actions: [.toggleHelp], text: .hintHelp, priority: 0),
                FooterHint(actions: [.quit], text: .hintQuit, priority: 3),
            ]
        case .summary:
            return [
                FooterHint(actions: [.filterToGroup], text: .hintFilterToGroup, priority: 3),
                FooterHint(actions: [.back], text: .hintBack, priority: 1),
                FooterHint(actions: [.togglePause], text: .hintPause, priority: 4),
                FooterHint(actions: [.toggleLanguage], text: .hintLanguage, priority: 3),
                FooterHint(actions: [.toggleHelp], text: .hintHelp, priority: 0),
                FooterHint(actions: [.quit], text: .hintQuit, priority: 2),
            ]
        case .attention:
            return [
                FooterHint(actions: [.openDetail], text: .hintDetail, priority: 2),
                FooterHint(actions: [.back], text: .hintBack, priority: 1),
                FooterHint(actions: [.toggleHelp], text: .hintHelp, priority: 0),
                FooterHint(actions: [.quit], text: .hintQuit, priority: 3),
            ]
        case .help:
            return [
                FooterHint(actions: [.scrollUp, .scrollDown], text: .hintScroll, priority: 2),
                FooterHint(actions: [.scrollPageUp, .scrollPageDown], text: .hintPage, priority: 4),
                FooterHint(actions: [.toggleLanguage], text: .hintLanguage, priority: 3),
                FooterHint(actions: [.toggleHelp], text: .hintClose, priority: 0),
                FooterHint(actions: [.quit], text: .hintQuit, priority: 1),
            ]
        case .filterInput, .searchInput:
            return []
        }
    }

    /// The keys of the hint: each action's first key in `context`, joined.
    func keys(in context: KeyContext, ascii: Bool) -> String {
        actions.compactMap { KeyTable.firstLabel($0, in: context, ascii: ascii) }.joined(separator: " ")
    }

    func text(_ lang: Language) -> String { text.text(lang) }
}
