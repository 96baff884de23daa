import CongDanSoCore

/// The help box, generated from `KeyTable.bindings` (grouped by where they
/// apply; a binding for several screens is listed under each) plus a legend
/// of the symbols. Drawn over the screen below it; scrolls with ↑ ↓.
enum HelpOverlay {
    /// One line of help.
    enum Item: Equatable {
        case section(String)
        case binding(keys: String, description: String)
        case blank
    }

    /// The sections, in order, and the bindings each lists.
    static func sections(_ lang: Language) -> [(title: String, bindings: [KeyBinding])] {
        let all = KeyTable.bindings
        let everywhere = all.filter { $0.contexts == KeyContext.screens }
        let rest = all.filter { $0.contexts != KeyContext.screens }
        func only(_ context: KeyContext) -> [KeyBinding] { rest.filter { $0.contexts.contains(context) } }
        return [
            (Label.sectionTable.text(lang), only(.table)),
            (Label.sectionFilter.text(lang), only(.filterInput)),
            (Label.sectionSearch.text(lang), only(.searchInput)),
            (Label.sectionDetail.text(lang), only(.detail)),
            (Label.sectionSummary.text(lang), only(.summary)),
            (MonitorText.t(lang, "Cần gọi hôm nay", "Needs a call today"), only(.attention)),
            (Label.sectionHelp.text(lang), only(.help)),
            (Label.sectionEverywhere.text(lang), everywhere),
        ].filter { !$0.1.isEmpty }
    }

    /// Every line of the help, legend last.
    static func items(_ lang: Language, glyphs: Glyphs, ascii: Bool, scope: ContestScope = .city) -> [Item] {
        var items: [Item] = []
        for (i, section) in sections(lang).enumerated() {
            if i > 0 { items.append(.blank) }
            items.append(.section(section.title))
            for b in section.bindings {
                items.append(.binding(keys: b.label(ascii: ascii), description: b.description(lang)))
            }
        }
        items.append(.blank)
        items.append(.section(Label.sectionSymbols.text(lang)))
        for (keys, description) in legend(lang, glyphs, scope: scope) {
            items.append(.binding(keys: keys, description: description))
        }
        return items
    }

    static func legend(_ lang: Language, _ g: Glyphs, scope: ContestScope) -> [(String, String)] {
        let ascii = g.live == Glyphs.ascii.live
        return [
            (g.markerTop, Phrase.legendTop(scope, lang)),
            (g.markerBottom, Phrase.legendBottom(scope, lang)),
            (g.sortDescending + " " + g.sortAscending, Label.legendSort.text(lang)),
            (
                g.live + " " + Freshness.Shown(.late, g, ascii: ascii).glyph + " " + g.stale + " " + g.paused,
                Label.legendIndicator.text(lang)
            ),
            (ascii ? "^3 v2" : "↑3 ↓2", MonitorText.legendMovement(lang)),
            (Label.trendHeader.text(lang), Label.legendTrend.text(lang)),
            (Label.coverage.text(lang), Label.legendCoverage.text(lang)),
            (Label.mouseLegendKey.text(lang), Label.legendMouse.text(lang)),
        ]
    }

    static func draw(_ p: inout Painter, _ state: DashboardState, in area: Rect) {
        guard !area.isEmpty else { return }
        let items = items(p.lang, glyphs: p.glyphs, ascii: p.ascii, scope: state.standings.config.scope)
        let keyWidth = min(
            18,
            items.compactMap { item -> Int? in
                if case .binding(let keys, _) = item { return TextWidth.of(keys) }
                return nil
            }.max() ?? 8)
        let natural =
            items.map { item -> Int in
                switch item {
                case .section(let title): return TextWidth.of(title)
                case .binding(_, let d): return keyWidth + 2 + TextWidth.of(d)
                case .blank: return 0
                }
            }.max() ?? 0
        // The box: centred, as large as needed, never larger than the area.
        let boxWidth = min(area.width, max(natural + 4, 30))
        let boxHeight = min(area.height, items.count + 2)
        let box = Rect(
            x: area.x + (area.width - boxWidth) / 2, y: area.y + (area.height - boxHeight) / 2,
            width: boxWidth, height: boxHeight)
        p.buffer.fill(box)
        drawBorder(&p, box, title: Label.helpTitle.text(p.lang), footer: Phrase.helpClose(p.lang))
        let inner = box.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard !inner.isEmpty else { return }
        let offset = min(max(0, state.helpScroll), Page.maxOffset(count: items.count, height: inner.height))
        for line in 0..<inner.height {
            let i = offset + line
            guard i < items.count else { break }
            let y = inner.y + line
            switch items[i] {
            case .section(let title):
                p.write(title, x: inner.x, y: y, maxWidth: inner.width, .sectionTitle)
            case .binding(let keys, let description):
                p.cell(keys, x: inner.x, y: y, width: min(keyWidth, inner.width), .keyName)
                p.write(
                    description, x: inner.x + keyWidth + 2, y: y, maxWidth: max(0, inner.width - keyWidth - 2), .keyText
                )
            case .blank:
                break
            }
        }
    }

    /// Lines of help the box can show at this size, for clamping the scroll.
    static func maxScroll(_ state: DashboardState) -> Int {
        let frame = ScreenLayout(width: state.width, height: state.height)
        let count = items(
            state.language, glyphs: state.ascii ? .ascii : .unicode, ascii: state.ascii,
            scope: state.standings.config.scope
        ).count
        let innerHeight = min(frame.content.height, count + 2) - 2
        return Page.maxOffset(count: count, height: innerHeight)
    }

    static func drawBorder(_ p: inout Painter, _ r: Rect, title: String, footer: String) {
        guard r.width >= 2, r.height >= 2 else { return }
        let g = p.glyphs, s = p.style(.boxBorder)
        p.buffer.fill(
            Rect(x: r.x + 1, y: r.y, width: r.width - 2, height: 1), with: Cell(text: g.boxHorizontal, style: s))
        p.buffer.fill(
            Rect(x: r.x + 1, y: r.maxY - 1, width: r.width - 2, height: 1), with: Cell(text: g.boxHorizontal, style: s))
        p.buffer.fill(
            Rect(x: r.x, y: r.y + 1, width: 1, height: r.height - 2), with: Cell(text: g.boxVertical, style: s))
        p.buffer.fill(
            Rect(x: r.maxX - 1, y: r.y + 1, width: 1, height: r.height - 2), with: Cell(text: g.boxVertical, style: s))
        p.buffer[r.x, r.y] = Cell(text: g.boxCorners[0], style: s)
        p.buffer[r.maxX - 1, r.y] = Cell(text: g.boxCorners[1], style: s)
        p.buffer[r.x, r.maxY - 1] = Cell(text: g.boxCorners[2], style: s)
        p.buffer[r.maxX - 1, r.maxY - 1] = Cell(text: g.boxCorners[3], style: s)
        if r.width > 6 { p.write(" " + title + " ", x: r.x + 2, y: r.y, maxWidth: r.width - 4, .boxTitle) }
        let footerWidth = TextWidth.of(footer) + 2
        if r.width > footerWidth + 4 {
            p.write(" " + footer + " ", x: r.maxX - 2 - footerWidth, y: r.maxY - 1, maxWidth: footerWidth, .dim)
        }
    }
}
