import CongDanSoCore

/// The unit table screen: summary, goal gauge and the table of every unit
/// shown by the query.
///
/// Columns, left to right (the ones marked † give way on narrow terminals,
/// in this order: trend, +24h completed, coverage, rank movement, +24h
/// registered, type, province, completion rate, completed; the name column
/// flexes from 10 columns up, 12 from 60 columns): band marker (▲ top ten,
/// ▼ bottom ten of the ranking, whatever the sort or filter) with the rank,
/// name (told apart from same-named units, `DataCache.shownName`), the rank
/// movement† (↑3 ↓2 against the previous refresh or 24 hours ago, `m`
/// switches), province† (only when the data has more than one; when it gives
/// way the names carry it), type†, registered, completed†, completion rate†,
/// coverage of adults†, 24-hour change in registered† and completed† ("–" on
/// the data's first day), and the trend†: new registrations a day over the
/// last ten days (see `DailySeries`; blank before the data starts), each row
/// scaled to its own busiest day.
enum MainView {
    static func draw(_ p: inout Painter, _ state: DashboardState) {
        let layout = TableScreenLayout(width: p.width, height: p.height)
        Header.drawSummary(&p, state, layout.summary)
        Header.drawGoal(&p, state, layout.gauge)
        if let rule = layout.topRule { p.rule(rule) }
        if let rule = layout.bottomRule { p.rule(rule) }
        drawTable(&p, state, header: layout.header, body: layout.body)
    }

    static func sortColumn(of id: Column.ID) -> SortColumn? {
        switch id {
        case .rank: return .rank
        case .name: return .name
        case .type: return .type
        case .registered: return .registered
        case .completed: return .completed
        case .completionRate: return .completionRate
        case .coverage: return .coverage
        case .registeredChange: return .registeredChange24h
        case .completedChange: return .completedChange24h
        default: return nil
        }
    }

    /// The table's columns at their natural widths. Every header leaves a
    /// column for the sort arrow, so cycling the sort never moves columns;
    /// in ASCII the sorted header gets one more for the space in " v".
    static func columns(_ state: DashboardState, _ lang: Language, asciiArrow: Bool = false, width: Int? = nil)
        -> [Column]
    {
        // Names stay whole (up to 12 columns) from 60 columns up, before the
        // rank movement and coverage give way.
        let nameMinimum = (width ?? state.width) >= 60 ? 12 : 10
        let c = state.cache
        func h(_ s: SortColumn) -> String { Phrase.columnHeader(s, lang) }
        func arrow(_ s: SortColumn) -> Int { asciiArrow && s == state.query.sort ? 2 : 1 }
        func w(_ s: SortColumn, _ values: Int) -> Int { max(TextWidth.of(h(s)) + arrow(s), values) }
        let typeWidth = UnitType.allCases.map { TextWidth.of(Phrase.typeShort($0, lang)) }.max() ?? 0
        // Only when the data spans provinces (a national or regional contest).
        let province: [Column] =
            c.showsProvinceColumn
            ? [
                Column(
                    .province, header: Label.provinceHeader.text(lang),
                    width: max(c.provinceWidth, TextWidth.of(Label.provinceHeader.text(lang))), alignRight: false,
                    dropOrder: 3)
            ] : []
        return [
            // The band marker and the city rank share a column: "▲  1".
            Column(.rank, header: h(.rank), width: 2 + max(c.rankWidth, arrow(.rank) + 1), alignRight: true),
            Column(
                .name, header: h(.name),
                width: max(state.ascii ? c.asciiNameWidth : c.nameWidth, TextWidth.of(h(.name)) + arrow(.name)),
                alignRight: false,
                flexible: true, minWidth: nameMinimum),
            Column(
                .movement, header: MonitorText.movementHeader(state.monitor.movementBase, lang, ascii: state.ascii),
                width: max(
                    4, TextWidth.of(MonitorText.movementHeader(state.monitor.movementBase, lang, ascii: state.ascii))),
                dropOrder: 6),
        ] + province + [
            Column(.type, header: h(.type), width: w(.type, typeWidth), alignRight: false, dropOrder: 4),
            Column(.registered, header: h(.registered), width: w(.registered, c.registeredWidth)),
            Column(.completed, header: h(.completed), width: w(.completed, c.completedWidth), dropOrder: 1),
            Column(.completionRate, header: h(.completionRate), width: w(.completionRate, 6), dropOrder: 2),
            Column(.coverage, header: h(.coverage), width: w(.coverage, 6), dropOrder: 7),
            Column(
                .registeredChange, header: h(.registeredChange24h),
                width: w(.registeredChange24h, c.registeredChangeWidth), dropOrder: 5),
            Column(
                .completedChange, header: h(.completedChange24h),
                width: w(.completedChange24h, c.completedChangeWidth), dropOrder: 8),
            Column(
                .trend, header: Label.trendHeader.text(lang),
                width: max(DashboardState.trendDays, TextWidth.of(Label.trendHeader.text(lang))),
                alignRight: false, dropOrder: 9),
        ]
    }

    static func drawTable(_ p: inout Painter, _ state: DashboardState, header: Rect, body: Rect) {
        guard !header.isEmpty else { return }
        let lang = p.lang
        let inner = header.inset(left: 1, right: 1)
        let arrow = StatusBar.sortArrow(state.query, p.glyphs)
        let cols = columns(state, lang, asciiArrow: p.ascii, width: p.width)
        var placed = TableWidget.layout(cols, x: inner.x, width: inner.width)
        // The province column gave way: the names carry it, so the name column may grow to them.
        if let qualified = state.cache.qualifiedNames, !placed.contains(where: { $0.column.id == .province }) {
            let widest = qualified.widths.max() ?? 0
            let wider = cols.map { c in
                c.id == .name
                    ? Column(
                        .name, header: c.header, width: max(c.width, widest), alignRight: false, flexible: true,
                        minWidth: c.minWidth) : c
            }
            placed = TableWidget.layout(wider, x: inner.x, width: inner.width)
        }

        // Header row: the sorted column with its arrow.
        TableRow.drawHeader(&p, placed, y: header.y) { column in
            sortColumn(of: column.id) == state.query.sort ? TableCell(column.header + arrow, .headerSorted) : nil
        }

        guard !body.isEmpty else { return }
        if state.rows.isEmpty {
            let message = state.standings.figures.isEmpty ? Label.noUnits.text(lang) : Phrase.noRows(lang)
            p.write(message, x: body.x + 1, y: body.y, maxWidth: max(0, body.width - 2), .dim)
            return
        }
        let offset = DashboardState.scrollOffset(
            current: state.scroll, selected: state.selectedIndex,
            count: state.rows.count, page: body.height)
        let end = min(state.rows.count, offset + body.height)
        guard offset < end else { return }
        for (line, i) in (offset..<end).enumerated() {
            let y = body.y + line
            drawRow(&p, state, state.rows[i], columns: placed, y: y)
            if i == state.selectedIndex {
                p.emphasise(Rect(x: body.x, y: y, width: body.width, height: 1), .reverse)
            }
        }
    }

    static func drawRow(_ p: inout Painter, _ state: DashboardState, _ f: UnitFigures, columns: [PlacedColumn], y: Int)
    {
        let lang = p.lang, ascii = p.ascii, glyphs = p.glyphs
        let band = state.standings.band(of: f.index)
        let nameRole: Role = band.isTop ? .top : band.isBottom ? .bottom : .plain
        let cache = state.cache
        // The province column gave way (a narrow screen): names say the province themselves.
        let qualified = cache.qualifiedNames.flatMap { q in columns.contains { $0.column.id == .province } ? nil : q }
        let nameColumnWidth = columns.first { $0.column.id == .name }?.width ?? 0
        let code = f.unit.code
        func changed(_ registered: Bool) -> Bool {
            state.monitor.cellChanged(code, registered: registered, at: state.clock)
        }
        TableRow.draw(&p, columns, y: y) { id in
            switch id {
            case .rank: return TableCell(String(f.rank), nameRole)
            case .name:
                guard cache.nameWidths.indices.contains(f.index) else { return TableCell(f.unit.name, nameRole) }
                if let q = qualified {
                    return TableCell(
                        ascii ? q.ascii[f.index] : q.names[f.index], nameRole, knownWidth: q.widths[f.index],
                        alreadyShown: true)
                }
                return TableCell(
                    ascii ? cache.asciiName(f.index, width: nameColumnWidth) : cache.names[f.index], nameRole,
                    knownWidth: ascii ? nil : cache.nameWidths[f.index], alreadyShown: true)
            case .province: return TableCell(f.unit.province ?? "", .dim)
            case .type: return TableCell(Phrase.typeShort(f.unit.type, lang), .dim)
            case .registered:
                return TableCell(NumberForms.integer(f.registered, lang), changed(true) ? .changed : .value)
            case .completed:
                return TableCell(NumberForms.integer(f.completed, lang), changed(false) ? .changed : .plain)
            case .movement:
                guard let moved = state.rankMovement(f), moved != 0 else { return nil }
                return moved > 0
                    ? TableCell((ascii ? "^" : "↑") + String(moved), .movedUp)
                    : TableCell((ascii ? "v" : "↓") + String(-moved), .movedDown)
            case .completionRate: return TableCell(NumberForms.percent(f.completionRate, lang))
            case .coverage: return TableCell(NumberForms.percent(f.coverage, digits: 2, lang))
            case .registeredChange: return TableRow.changeCell(f.registeredChange, lang)
            case .completedChange: return TableRow.changeCell(f.completedChange, lang)
            case .trend:
                guard cache.trends.indices.contains(f.index) else { return nil }
                let text = Sparkline.text(cache.trends[f.index], levels: glyphs.sparkLevels)
                return TableCell(text, .trend, knownWidth: cache.trends[f.index].count, alreadyShown: true)
            case .marker, .group, .units, .adults:
                return nil
            }
        }
        // The top and bottom ten's marker, over the rank's first column.
        if let rank = columns.first(where: { $0.column.id == .rank }), band.isTop || band.isBottom {
            p.cell(
                band.isTop ? glyphs.markerTop : glyphs.markerBottom, x: rank.x, y: y, width: 1,
                band.isTop ? .markerTop : .markerBottom)
        }
    }
}
