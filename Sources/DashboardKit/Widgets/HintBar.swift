import CongDanSoCore

/// Where one key of the hint bar is on screen, and what a click on it does.
struct HintTarget: Equatable, Sendable {
    let x: Int
    let width: Int
    let action: Action
}

/// The key line's hints: chosen by priority (`FooterHint.priority`; `?` and
/// `q` always stay), shown in table order. One function places them, for
/// drawing and for the mouse's hit test alike.
enum HintBar {
    /// The line to draw at `rect`'s inner left edge, and each key's place.
    static func layout(_ state: DashboardState, lang: Language, ascii: Bool, in rect: Rect) -> (
        line: Line, targets: [HintTarget]
    ) {
        let inner = rect.inset(left: 1, right: 1)
        let context = state.keyContext
        let separator = "  "
        let hints = FooterHint.hints(for: context).map {
            hint -> (hint: FooterHint, keys: [(String, Action)], text: String) in
            var keys = hint.actions.compactMap { action in
                KeyTable.firstLabel(action, in: context, ascii: ascii).map { ($0, action) }
            }
            // After a search, its next and previous keys and what was searched.
            if hint.actions == [.startSearch], !state.search.text.isEmpty {
                keys = [Action.searchNext, .searchPrevious].compactMap { action in
                    KeyTable.firstLabel(action, in: context, ascii: ascii).map { ($0, action) }
                }
                return (hint, keys, "\"" + state.search.text + "\"")
            }
            let word =
                hint.actions == [.togglePause] && state.isPaused ? KeyText.hintResume.text(lang) : hint.text(lang)
            return (hint, keys, word)
        }
        func width(_ h: (hint: FooterHint, keys: [(String, Action)], text: String)) -> Int {
            TextWidth.of(h.keys.map { ascii ? TerminalText.ascii($0.0) : $0.0 }.joined(separator: " "))
                + 1 + TextWidth.of(ascii ? TerminalText.ascii(h.text) : h.text)
        }
        var chosen = Set<Int>()
        var used = 0
        // While paused, the way to resume comes right after the language key.
        func rank(_ hint: FooterHint) -> Int {
            hint.actions == [.togglePause] && state.isPaused ? 5 : hint.priority * 2
        }
        for (i, h) in hints.enumerated().sorted(by: { rank($0.element.hint) < rank($1.element.hint) }) {
            let w = width(h) + (chosen.isEmpty ? 0 : separator.count)
            if used + w <= inner.width {
                chosen.insert(i)
                used += w
            }
        }
        var line: Line = []
        var targets: [HintTarget] = []
        var x = inner.x
        for (i, h) in hints.enumerated() where chosen.contains(i) {
            if !line.isEmpty {
                line.append(Span(separator))
                x += separator.count
            }
            for (k, key) in h.keys.enumerated() {
                if k > 0 {
                    line.append(Span(" ", .keyText))
                    x += 1
                }
                let label = ascii ? TerminalText.ascii(key.0) : key.0
                let w = TextWidth.of(label)
                line.append(Span(key.0, .keyName))
                // The word after the last key belongs to it too.
                let word = k == h.keys.count - 1 ? 1 + TextWidth.of(ascii ? TerminalText.ascii(h.text) : h.text) : 0
                targets.append(HintTarget(x: x, width: w + word, action: key.1))
                x += w
            }
            line.append(Span(" " + h.text, .keyText))
            x += 1 + TextWidth.of(ascii ? TerminalText.ascii(h.text) : h.text)
        }
        return (line, targets)
    }
}
