import CongDanSoCore

/// The summary: the goal gauge and the spread of coverage; the biggest
/// risers and fallers in the ranking over 24 hours (`Movers`); then one
/// table of totals: the whole contest, the filtered table when a filter is
/// on, and every grouping the data has (`Standings.dimensions`: type,
/// province, former province), each group a row. Whether the figures
/// respect the table's filter is said above the table. ↑ ↓ select a row;
/// Enter filters the table to it (`DashboardState.filterToSummaryEntry`).
enum SummaryView {
    static func draw(_ p: inout Painter, _ state: DashboardState, in rect: Rect) {
        let (rows, selectedRow) = layout(state)
        // The selected row stays on screen, scrolling as little as possible.
        let offset = DashboardState.scrollOffset(
            current: state.pageScroll, selected: selectedRow, count: rows.count, page: rect.height)
        Page.draw(&p, rows, in: rect, offset: offset)
        let y = rect.y + selectedRow - offset
        if y >= rect.y, y < rect.maxY {
            p.emphasise(Rect(x: rect.x, y: y, width: rect.width, height: 1), .reverse)
        }
    }

    static func rows(_ state: DashboardState) -> [PageRow] { layout(state).rows }

    /// What one totals row stands for.
    enum Group {
        case whole, filtered, group(UnitGroup)
    }

    /// The table's rows in order, with what each stands for.
    static func groupRows(_ state: DashboardState) -> [(entry: SummaryEntry, group: Group, totals: GroupTotals)] {
        var result: [(SummaryEntry, Group, GroupTotals)] = [(.whole, .whole, state.standings.city)]
        if !state.query.showsAll { result.append((.filtered, .filtered, GroupTotals(state.rows))) }
        for (dimension, groups) in state.cache.groups {
            for g in groups { result.append((.group(dimension, g.value), .group(g), g.totals)) }
        }
        return result
    }

    static func name(_ group: Group, _ state: DashboardState, _ lang: Language) -> String {
        switch group {
        case .whole: return state.standings.config.scope.whole(lang, capitalised: true)
        case .filtered: return Label.filteredTable.text(lang) + " (\(state.rows.count))"
        case .group(let g): return "  " + g.label(lang)
        }
    }

    static func columns(_ state: DashboardState, _ lang: Language, _ groups: [(Group, GroupTotals)]) -> [Column] {
        let totals = groups.map(\.1)
        func numbers(_ header: String, _ values: [String]) -> Int {
            max(TextWidth.of(header), values.map { TextWidth.of($0) }.max() ?? 0)
        }
        func change(_ v: Int?) -> String { TableRow.changeCell(v, lang).text }
        let names = groups.map { TextWidth.of(name($0.0, state, lang)) }
        let nameWidth = (names.max() ?? 10) + 1
        return [
            // Numbers give way before the names are cut ("Thái Nguyên", "Tuyên Quang").
            Column(
                .group, header: Label.groupHeader.text(lang), width: nameWidth,
                alignRight: false, flexible: true, minWidth: min(nameWidth, 16)),
            Column(
                .units, header: Label.unitsHeader.text(lang),
                width: numbers(Label.unitsHeader.text(lang), totals.map { "\($0.participating)/\($0.units)" })),
            Column(
                .registered, header: Label.registered.text(lang),
                width: numbers(Label.registered.text(lang), totals.map { NumberForms.integer($0.registered, lang) })),
            Column(
                .completed, header: Label.completed.text(lang),
                width: numbers(Label.completed.text(lang), totals.map { NumberForms.integer($0.completed, lang) }),
                dropOrder: 2),
            Column(
                .completionRate, header: Label.completionRate.text(lang),
                width: numbers(Label.completionRate.text(lang), ["100,0%"]), dropOrder: 3),
            Column(
                .adults, header: Label.adultsHeader.text(lang),
                width: numbers(Label.adultsHeader.text(lang), totals.map { NumberForms.integer($0.adults, lang) }),
                dropOrder: 5),
            Column(
                .coverage, header: Label.coverage.text(lang),
                width: numbers(Label.coverage.text(lang), ["10,00%"]), dropOrder: 1),
            Column(
                .registeredChange, header: Label.changeRegisteredHeader.text(lang),
                width: numbers(Label.changeRegisteredHeader.text(lang), totals.map { change($0.registeredChange) }),
                dropOrder: 4),
            Column(
                .completedChange, header: Label.changeCompletedHeader.text(lang),
                width: numbers(Label.changeCompletedHeader.text(lang), totals.map { change($0.completedChange) }),
                dropOrder: 6),
        ]
    }

    /// The page's rows and the index of the selected group's row.
    static func layout(_ state: DashboardState) -> (rows: [PageRow], selected: Int) {
        let standings = state.standings
        let groups = groupRows(state)
        // Drawn in the state's language; measured once for every row.
        let cols = columns(state, state.language, groups.map { ($0.group, $0.totals) })
        var rows: [PageRow] = []
        rows.append(
            PageRow { p, r in
                let lang = p.lang
                let moment = DateForms.short(standings.moment, offset: standings.config.timeZone, lang)
                p.write(
                    [
                        Span(Label.summaryTitle.text(lang), .title),
                        Span(" " + p.glyphs.separator + " " + Label.dataAt.text(lang) + " ", .dim),
                        Span(moment, .value),
                    ], x: r.x, y: r.y, maxWidth: r.width)
            })
        rows.append(
            PageRow { p, r in
                Header.drawGoal(&p, goal: standings.goal, rect: Rect(x: r.x - 1, y: r.y, width: r.width + 2, height: 1))
            })
        rows.append(
            PageRow { p, r in
                let lang = p.lang, c = state.cache, sep = " " + p.glyphs.separator + " "
                let line: Line = [
                    Span(Label.coverageOfAdults.text(lang) + ": ", .label),
                    Span(Label.lowest.text(lang) + " ", .label),
                    Span(NumberForms.percent(c.coverage.lowest, digits: 2, lang), .value),
                    Span(sep + Label.median.text(lang) + " ", .label),
                    Span(NumberForms.percent(c.coverage.median, digits: 2, lang), .value),
                    Span(sep + Label.highest.text(lang) + " ", .label),
                    Span(NumberForms.percent(c.coverage.highest, digits: 2, lang), .value),
                    Span(sep + Phrase.atTarget(standings.config.targetShare, lang) + " ", .label),
                    Span("\(c.coverage.unitsAtTarget)/\(standings.figures.count)", .value),
                ]
                p.write(line, x: r.x, y: r.y, maxWidth: r.width)
            })
        rows += moverRows(state)
        rows.append(.rule())
        // Whether the figures below follow the table's filter.
        let filtered = !state.query.showsAll
        rows.append(
            PageRow { p, r in
                let text = (filtered ? Label.summaryFiltered : Label.summaryUnfiltered).text(p.lang)
                p.write(text, x: r.x, y: r.y, maxWidth: r.width, filtered ? .warning : .dim)
            })
        rows.append(
            PageRow { p, r in TableRow.drawHeader(&p, TableWidget.layout(cols, x: r.x, width: r.width), y: r.y) })
        var selected = rows.count
        let selectedEntry = state.summarySelectedEntry
        var lastDimension: GroupDimension? = nil
        for (entry, group, totals) in groups {
            if case .group(let g) = group, g.dimension != lastDimension {
                lastDimension = g.dimension
                rows.append(
                    PageRow { p, r in
                        p.write(g.dimension.title(p.lang), x: r.x, y: r.y, maxWidth: r.width, .sectionTitle)
                    })
            }
            if entry == selectedEntry { selected = rows.count }
            rows.append(groupRow(cols, state, group, totals))
        }
        return (rows, selected)
    }

    /// Two columns side by side: the units that climbed the most places in
    /// 24 hours, and those that fell the most ("↑12 Tứ Kỳ  hạng 20 → 8  +410").
    static func moverRows(_ state: DashboardState) -> [PageRow] {
        let dataset = state.standings.dataset
        let movers = state.cache.movers
        let count = max(1, max(movers?.risers.count ?? 0, movers?.fallers.count ?? 0))
        // The +24h registrations line up in both columns.
        let all = (movers?.risers ?? []) + (movers?.fallers ?? [])
        let changeWidth = all.map { NumberForms.signed($0.registeredChange24h, state.language).count }.max() ?? 0
        let placesWidth =
            all.map { TextWidth.of(Phrase.placeChange($0.placeBefore, $0.placeNow, ascii: false, state.language)) }
            .max() ?? 0
        let placeNowWidth = all.map { TextWidth.of(Phrase.place($0.placeNow, state.language)) }.max() ?? 0
        let nameNeed = min(14, all.map { TextWidth.of(dataset.distinctName($0.index)) }.max() ?? 0)
        var rows: [PageRow] = [
            PageRow { p, r in
                let half = (r.width - 2) / 2
                p.write(Label.risers.text(p.lang), x: r.x, y: r.y, maxWidth: half, .sectionTitle)
                p.write(Label.fallers.text(p.lang), x: r.x + half + 2, y: r.y, maxWidth: half, .sectionTitle)
            }
        ]
        func draw(_ p: inout Painter, _ move: RankMove?, x: Int, y: Int, width: Int, isFirst: Bool) {
            guard let move else {
                if isFirst {
                    let text = (movers == nil ? Label.noMovesFirstDay : Label.noMoves).text(p.lang)
                    p.write(text, x: x, y: y, maxWidth: width, .dim)
                }
                return
            }
            let lang = p.lang
            let places = Phrase.places(move.places, ascii: p.ascii)
            let change = NumberForms.signed(move.registeredChange24h, lang)
            let paddedChange = String(repeating: " ", count: max(0, changeWidth - change.count)) + change
            var cx = x
            p.cell(places, x: cx, y: y, width: 5, align: .right, move.places > 0 ? .positive : .negative)
            cx += 6
            // The same form on every row, the richest whose names still fit:
            // the places then and now and the +24h, the place now and the
            // +24h, the +24h alone, the names alone.
            let room = max(0, x + width - cx)
            func padded(_ s: String, _ w: Int) -> String {
                String(repeating: " ", count: max(0, w - TextWidth.of(s))) + s
            }
            let detail: String
            if room - placesWidth - 2 - changeWidth - 2 >= nameNeed {
                let placeChange = Phrase.placeChange(move.placeBefore, move.placeNow, ascii: p.ascii, lang)
                detail = padded(placeChange, placesWidth) + "  " + paddedChange
            } else if room - placeNowWidth - 2 - changeWidth - 2 >= nameNeed {
                detail = padded(Phrase.place(move.placeNow, lang), placeNowWidth) + "  " + paddedChange
            } else if room - changeWidth - 2 >= min(nameNeed, 10) {
                detail = paddedChange
            } else {
                detail = ""
            }
            let detailWidth = TextWidth.of(detail)
            p.write(dataset.distinctName(move.index), x: cx, y: y, maxWidth: max(0, room - detailWidth - 2))
            if detailWidth > 0 {
                p.write(detail, x: x + width - detailWidth, y: y, maxWidth: detailWidth, .dim)
            }
        }
        for i in 0..<count {
            rows.append(
                PageRow { p, r in
                    let half = (r.width - 2) / 2
                    let riser = movers.flatMap { i < $0.risers.count ? $0.risers[i] : nil }
                    let faller = movers.flatMap { i < $0.fallers.count ? $0.fallers[i] : nil }
                    draw(&p, riser, x: r.x, y: r.y, width: half, isFirst: i == 0)
                    draw(&p, faller, x: r.x + half + 2, y: r.y, width: half, isFirst: i == 0)
                })
        }
        return rows
    }

    static func groupRow(_ cols: [Column], _ state: DashboardState, _ group: Group, _ t: GroupTotals) -> PageRow {
        PageRow { p, r in
            let lang = p.lang
            let name = name(group, state, lang)
            let role: Role
            switch group {
            case .whole, .filtered: role = .value
            case .group: role = .plain
            }
            TableRow.draw(&p, TableWidget.layout(cols, x: r.x, width: r.width), y: r.y) { id in
                switch id {
                case .group: return TableCell(name, role)
                case .units: return TableCell("\(t.participating)/\(t.units)", role)
                case .registered: return TableCell(NumberForms.integer(t.registered, lang), role)
                case .completed: return TableCell(NumberForms.integer(t.completed, lang), role)
                case .completionRate: return TableCell(NumberForms.percent(t.completionRate, lang), role)
                case .adults: return TableCell(NumberForms.integer(t.adults, lang), role)
                case .coverage: return TableCell(NumberForms.percent(t.coverage, digits: 2, lang), role)
                case .registeredChange: return TableRow.changeCell(t.registeredChange, lang)
                case .completedChange: return TableRow.changeCell(t.completedChange, lang)
                default: return TableCell("", role)
                }
            }
        }
    }
}
