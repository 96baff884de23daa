import CongDanSoCore

/// The detail's history, newest first: a row at every snapshot, or one a
/// day for an event log (see `HistoryRow`), with a bar per row (completed █
/// within registered ░).
enum DetailHistory {
    static func rows(_ state: DashboardState, unit index: Int) -> [PageRow] {
        let standings = state.standings
        var rows: [PageRow] = []
        let byDay = state.cache.historyByDay
        let history = HistoryRow.rows(standings.dataset, unit: index, upTo: standings.moment)
        let offset = standings.config.timeZone
        rows.append(.blank)
        rows.append(
            PageRow { p, r in PageRow.rule((byDay ? Label.historyByDay : Label.history).text(p.lang)).draw(&p, r) })
        let maxRegistered = max(1, history.map(\.registered).max() ?? 1)
        func historyColumns(_ lang: Language) -> [Column] {
            func numberWidth(_ header: Label, _ values: [String]) -> Int {
                max(TextWidth.of(header.text(lang)), values.map(\.count).max() ?? 0)
            }
            let timeWidth = history.map { TextWidth.of($0.label(offset: offset, lang)) }.max() ?? 16
            return [
                Column(
                    .name, header: Label.time.text(lang), width: max(timeWidth, TextWidth.of(Label.time.text(lang))),
                    alignRight: false),
                Column(
                    .registered, header: Label.registered.text(lang),
                    width: numberWidth(.registered, history.map { NumberForms.integer($0.registered, lang) })),
                Column(
                    .completed, header: Label.completed.text(lang),
                    width: numberWidth(.completed, history.map { NumberForms.integer($0.completed, lang) }),
                    dropOrder: 3),
                Column(
                    .registeredChange, header: Label.changeRegisteredHeader.text(lang),
                    width: numberWidth(
                        .changeRegisteredHeader, history.map { NumberForms.signed($0.registeredChange24h, lang) }),
                    dropOrder: 2),
                Column(
                    .completedChange, header: Label.changeCompletedHeader.text(lang),
                    width: numberWidth(
                        .changeCompletedHeader, history.map { NumberForms.signed($0.completedChange24h, lang) }),
                    dropOrder: 4),
                Column(.trend, header: "", width: 40, alignRight: false, dropOrder: 5, flexible: true, minWidth: 8),
            ]
        }
        let historyCols = historyColumns(state.language)
        rows.append(
            PageRow { p, r in
                let lang = p.lang
                let placed = TableWidget.layout(historyCols, x: r.x, width: r.width)
                TableRow.drawHeader(&p, placed.filter { $0.column.id != .trend }, y: r.y)
                // Over the bars: what their two shades mean.
                if let bars = placed.first(where: { $0.column.id == .trend }) {
                    let legend: Line = [
                        Span(p.glyphs.barCompleted, .barCompleted),
                        Span(" " + Label.completedLegend.text(lang) + "  ", .dim),
                        Span(p.glyphs.barRegistered, .barRegistered),
                        Span(" " + Label.registeredLegend.text(lang), .dim),
                    ]
                    p.write(legend, x: bars.x, y: r.y, maxWidth: bars.width)
                }
            })
        for h in history {
            let known = standings.dataset.hasData(at: h.time.adding(seconds: -86_400))
            rows.append(
                PageRow { p, r in
                    let lang = p.lang
                    let placed = TableWidget.layout(historyCols, x: r.x, width: r.width)
                    TableRow.draw(&p, placed, y: r.y) { id in
                        switch id {
                        case .name: return TableCell(h.label(offset: offset, lang))
                        case .registered: return TableCell(NumberForms.integer(h.registered, lang), .value)
                        case .completed: return TableCell(NumberForms.integer(h.completed, lang))
                        // A row within the data's first day has no change: "–".
                        case .registeredChange: return TableRow.changeCell(known ? h.registeredChange24h : nil, lang)
                        case .completedChange: return TableRow.changeCell(known ? h.completedChange24h : nil, lang)
                        default: return nil
                        }
                    }
                    if let bar = placed.first(where: { $0.column.id == .trend }) {
                        drawBar(
                            &p, x: bar.x, y: r.y, width: bar.width, registered: h.registered, completed: h.completed,
                            scale: maxRegistered)
                    }
                })
        }
        return rows
    }

    /// Completed (█) within registered (░), scaled so the largest
    /// registration count fills the width; any count above zero shows.
    static func drawBar(_ p: inout Painter, x: Int, y: Int, width: Int, registered: Int, completed: Int, scale: Int) {
        guard width > 0, scale > 0 else { return }
        func cells(_ v: Int) -> Int {
            guard v > 0 else { return 0 }
            return min(width, max(1, Int((Double(v) / Double(scale) * Double(width)).rounded())))
        }
        let reg = cells(registered)
        let comp = min(reg, cells(completed))
        if comp > 0 {
            p.buffer.fill(
                Rect(x: x, y: y, width: comp, height: 1),
                with: Cell(text: p.glyphs.barCompleted, style: p.style(.barCompleted)))
        }
        if reg > comp {
            p.buffer.fill(
                Rect(x: x + comp, y: y, width: reg - comp, height: 1),
                with: Cell(text: p.glyphs.barRegistered, style: p.style(.barRegistered)))
        }
    }
}
