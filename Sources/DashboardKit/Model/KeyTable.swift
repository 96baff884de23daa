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
    case toggleLanguage, export, togglePause, reloadNow, refreshSlower, refreshFaster
    case quit
}

/// Where a binding applies: one of the screens, or the filter prompt while
/// a filter is being typed (where printable characters are text, not keys).
public enum KeyContext: String, CaseIterable, Sendable {
    case table, filterInput, detail, summary, help

    /// The screens (everything but the filter prompt).
    public static let screens: Set<KeyContext> = [.table, .detail, .summary, .help]
}

/// One line of the key table: the keys, the action, where it applies and
/// what it does in both languages.
public struct KeyBinding: Sendable {
    public let keys: [Key]
    public let action: Action
    public let contexts: Set<KeyContext>
    let vi: String
    let en: String

    public init(_ keys: [Key], _ action: Action, _ contexts: Set<KeyContext>, vi: String, en: String) {
        self.keys = keys; self.action = action; self.contexts = contexts; self.vi = vi; self.en = en
    }

    /// What the binding does, in `lang`.
    public func description(_ lang: Language) -> String { lang == .vi ? vi : en }

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
        KeyBinding(
            [.character("?"), .function(1)], .toggleHelp, everywhere,
            vi: "Mở hoặc đóng trợ giúp (danh sách phím này)", en: "Open or close this help"),
        KeyBinding(
            [.character("l")], .toggleLanguage, everywhere,
            vi: "Đổi ngôn ngữ: tiếng Việt / tiếng Anh", en: "Switch language: Vietnamese / English"),
        KeyBinding(
            [.character("p")], .togglePause, everywhere,
            vi: "Tạm dừng / tiếp tục cập nhật số liệu", en: "Pause / resume data updates"),
        KeyBinding(
            [.function(5), .control("r")], .reloadNow, everywhere,
            vi: "Tải lại số liệu ngay", en: "Reload the data now"),
        KeyBinding(
            [.character("+")], .refreshSlower, everywhere,
            vi: "Giãn chu kỳ tự làm mới", en: "Refresh less often"),
        KeyBinding(
            [.character("-")], .refreshFaster, everywhere,
            vi: "Rút ngắn chu kỳ tự làm mới", en: "Refresh more often"),
        KeyBinding(
            [.character("q"), .control("c")], .quit, everywhere,
            vi: "Thoát", en: "Quit"),

        // The unit table.
        KeyBinding(
            [.up, .character("k")], .moveUp, [.table],
            vi: "Chọn dòng trên", en: "Select the row above"),
        KeyBinding(
            [.down, .character("j")], .moveDown, [.table],
            vi: "Chọn dòng dưới", en: "Select the row below"),
        KeyBinding(
            [.pageUp], .pageUp, [.table],
            vi: "Lên một trang", en: "Page up"),
        KeyBinding(
            [.pageDown, .character(" ")], .pageDown, [.table],
            vi: "Xuống một trang", en: "Page down"),
        KeyBinding(
            [.home, .character("g")], .moveToTop, [.table],
            vi: "Về dòng đầu", en: "First row"),
        KeyBinding(
            [.end, .character("G")], .moveToBottom, [.table],
            vi: "Xuống dòng cuối", en: "Last row"),
        KeyBinding(
            [.enter], .openDetail, [.table],
            vi: "Xem chi tiết đơn vị đang chọn", en: "Open the selected unit"),
        KeyBinding(
            [.character("<")], .sortPrevious, [.table],
            vi: "Sắp xếp theo cột bên trái", en: "Sort by the column to the left"),
        KeyBinding(
            [.character(">")], .sortNext, [.table],
            vi: "Sắp xếp theo cột bên phải", en: "Sort by the column to the right"),
        KeyBinding(
            [.character("r")], .reverseSort, [.table],
            vi: "Đảo chiều sắp xếp", en: "Reverse the sort order"),
        KeyBinding(
            [.character("/")], .startFilter, [.table],
            vi: "Lọc theo tên khi gõ (không dấu cũng được: \"do son\")",
            en: "Filter by name as you type (diacritics optional: \"do son\")"),
        KeyBinding(
            [.character("t")], .cycleType, [.table],
            vi: "Lọc theo loại: tất cả, xã, phường, đặc khu",
            en: "Filter by type: all, commune, ward, special zone"),
        KeyBinding(
            [.character("f")], .cycleProvince, [.table],
            vi: "Lọc theo tỉnh cũ: tất cả, rồi từng tỉnh",
            en: "Filter by former province: all, then each one"),
        KeyBinding(
            [.escape], .clearFilters, [.table],
            vi: "Bỏ mọi bộ lọc", en: "Clear every filter"),
        KeyBinding(
            [.tab], .showSummary, [.table],
            vi: "Tổng hợp theo loại và tỉnh cũ", en: "Summary by type and former province"),
        KeyBinding(
            [.character("e")], .export, [.table],
            vi: "Xuất bảng đang xem (lọc, thứ tự) ra CSV",
            en: "Export the table as shown (filter, order) to CSV"),

        // Typing a filter.
        KeyBinding(
            [.enter], .filterKeep, [.filterInput],
            vi: "Giữ bộ lọc, thôi gõ", en: "Keep the filter, stop typing"),
        KeyBinding(
            [.escape], .filterClear, [.filterInput],
            vi: "Xoá bộ lọc, thôi gõ", en: "Clear the filter, stop typing"),
        KeyBinding(
            [.backspace, .delete], .filterDeleteBackward, [.filterInput],
            vi: "Xoá ký tự cuối", en: "Delete the last character"),
        KeyBinding(
            [.up], .moveUp, [.filterInput],
            vi: "Chọn dòng trên", en: "Select the row above"),
        KeyBinding(
            [.down], .moveDown, [.filterInput],
            vi: "Chọn dòng dưới", en: "Select the row below"),
        KeyBinding(
            [.control("c")], .quit, [.filterInput],
            vi: "Thoát", en: "Quit"),

        // Unit detail.
        KeyBinding(
            [.left], .previousUnit, [.detail],
            vi: "Đơn vị trước theo thứ tự của bảng", en: "Previous unit in the table's order"),
        KeyBinding(
            [.right], .nextUnit, [.detail],
            vi: "Đơn vị sau theo thứ tự của bảng", en: "Next unit in the table's order"),
        KeyBinding(
            [.up, .character("k")], .scrollUp, [.detail, .summary, .help],
            vi: "Cuộn lên", en: "Scroll up"),
        KeyBinding(
            [.down, .character("j")], .scrollDown, [.detail, .summary, .help],
            vi: "Cuộn xuống", en: "Scroll down"),
        KeyBinding(
            [.escape, .backspace], .back, [.detail],
            vi: "Quay lại bảng, đúng dòng đang chọn", en: "Back to the table, same row"),

        // Summary and help.
        KeyBinding(
            [.tab, .escape], .back, [.summary],
            vi: "Quay lại bảng", en: "Back to the table"),
        KeyBinding(
            [.escape], .back, [.help],
            vi: "Đóng trợ giúp", en: "Close the help"),
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
    let vi: String
    let en: String
    let priority: Int

    static func hints(for context: KeyContext) -> [FooterHint] {
        switch context {
        case .table:
            return [
                FooterHint(actions: [.startFilter], vi: "lọc", en: "filter", priority: 2),
                FooterHint(actions: [.sortPrevious, .sortNext], vi: "cột", en: "column", priority: 3),
                FooterHint(actions: [.reverseSort], vi: "đảo", en: "reverse", priority: 5),
                FooterHint(actions: [.cycleType], vi: "loại", en: "type", priority: 6),
                FooterHint(actions: [.cycleProvince], vi: "tỉnh", en: "province", priority: 8),
                FooterHint(actions: [.openDetail], vi: "chi tiết", en: "detail", priority: 4),
                FooterHint(actions: [.showSummary], vi: "tổng hợp", en: "summary", priority: 7),
                FooterHint(actions: [.export], vi: "xuất", en: "export", priority: 9),
                FooterHint(actions: [.togglePause], vi: "dừng", en: "pause", priority: 10),
                FooterHint(actions: [.toggleLanguage], vi: "English", en: "Tiếng Việt", priority: 11),
                FooterHint(actions: [.toggleHelp], vi: "trợ giúp", en: "help", priority: 0),
                FooterHint(actions: [.quit], vi: "thoát", en: "quit", priority: 1),
            ]
        case .detail:
            return [
                FooterHint(
                    actions: [.previousUnit, .nextUnit], vi: "đơn vị trước/sau", en: "previous/next unit", priority: 2),
                FooterHint(actions: [.scrollUp, .scrollDown], vi: "cuộn", en: "scroll", priority: 4),
                FooterHint(actions: [.back], vi: "quay lại", en: "back", priority: 1),
                FooterHint(actions: [.togglePause], vi: "dừng", en: "pause", priority: 6),
                FooterHint(actions: [.toggleLanguage], vi: "English", en: "Tiếng Việt", priority: 7),
                FooterHint(actions: [.toggleHelp], vi: "trợ giúp", en: "help", priority: 0),
                FooterHint(actions: [.quit], vi: "thoát", en: "quit", priority: 3),
            ]
        case .summary:
            return [
                FooterHint(actions: [.back], vi: "quay lại", en: "back", priority: 1),
                FooterHint(actions: [.togglePause], vi: "dừng", en: "pause", priority: 4),
                FooterHint(actions: [.toggleLanguage], vi: "English", en: "Tiếng Việt", priority: 5),
                FooterHint(actions: [.toggleHelp], vi: "trợ giúp", en: "help", priority: 0),
                FooterHint(actions: [.quit], vi: "thoát", en: "quit", priority: 2),
            ]
        case .help:
            return [
                FooterHint(actions: [.scrollUp, .scrollDown], vi: "cuộn", en: "scroll", priority: 1),
                FooterHint(actions: [.toggleHelp], vi: "đóng", en: "close", priority: 0),
                FooterHint(actions: [.quit], vi: "thoát", en: "quit", priority: 2),
            ]
        case .filterInput:
            return []
        }
    }

    /// The keys of the hint: each action's first key in `context`, joined.
    func keys(in context: KeyContext, ascii: Bool) -> String {
        actions.compactMap { KeyTable.firstLabel($0, in: context, ascii: ascii) }.joined(separator: " ")
    }

    func text(_ lang: Language) -> String { lang == .vi ? vi : en }
}
