import CongDanSoCore

/// One unit in full: who it is, its figures with 24-hour changes, ranks and
/// share of the city, its gap to the goal, its daily trend, and its history
/// (a table with a bar per row: completed █ within registered ░; a row per
/// snapshot, or per day when the data is an event log, see `HistoryRow`).
/// The whole page scrolls with ↑ ↓ on small terminals.
enum DetailView {
    static func draw(_ p: inout Painter, _ state: DashboardState, code: String, in rect: Rect) {
        Page.draw(&p, rows(state, code: code), in: rect, offset: state.pageScroll)
    }

    static func rows(_ state: DashboardState, code: String) -> [PageRow] {
        guard let index = state.unitIndex(code), index < state.standings.figures.count else {
            return [.line([Span(Phrase.unitMissing(state.language), .error)])]
        }
        let standings = state.standings
        let f = standings.figures[index]
        let unit = f.unit
        let city = standings.city
        let count = standings.figures.count
        let position = state.rows.firstIndex { $0.unit.code == code }
        let band = standings.band(of: index)
        var rows: [PageRow] = []

        // Who: "Bảng › Xã Tứ Kỳ   ▲ top    3/114 trong bảng".
        rows.append(
            PageRow { p, r in
                let lang = p.lang
                let where_ =
                    position.map { Phrase.position($0 + 1, of: state.rows.count, lang) } ?? Label.notInTable.text(lang)
                let rightWidth = min(r.width, TextWidth.of(where_))
                var x = r.x
                let room = max(0, r.width - rightWidth - 2)
                x += p.write(
                    Label.tableCrumb.text(lang) + " " + p.glyphs.crumb + " ", x: x, y: r.y, maxWidth: room, .dim)
                x += p.write(unit.fullName(lang), x: x, y: r.y, maxWidth: max(0, r.x + room - x), .title)
                if band.isTop || band.isBottom, r.x + room - x > 2 {
                    let marker =
                        band.isTop
                        ? p.glyphs.markerTop + " " + Label.topTen.text(lang)
                        : p.glyphs.markerBottom + " " + Label.bottomTen.text(lang)
                    p.write(
                        "  " + marker, x: x, y: r.y, maxWidth: r.x + room - x, band.isTop ? .markerTop : .markerBottom)
                }
                p.write(where_, x: r.maxX - rightWidth, y: r.y, maxWidth: rightWidth, .dim)
            })
        // Code, type, former province; former districts on their own line.
        rows.append(
            PageRow { p, r in
                let lang = p.lang, sep = " " + p.glyphs.separator + " "
                var parts: [Line] = [
                    [Span(Label.code.text(lang) + ": ", .label), Span(unit.code, .value)],
                    [Span(Label.type.text(lang) + ": ", .label), Span(unit.type.word(lang), .value)],
                ]
                if let province = unit.formerProvince, !province.isEmpty {
                    parts.append([Span(Label.formerProvince.text(lang) + ": ", .label), Span(province, .value)])
                }
                p.write(joined(parts, separator: sep), x: r.x, y: r.y, maxWidth: r.width)
            })
        if let districts = unit.formerDistricts, !districts.isEmpty {
            rows.append(
                PageRow { p, r in
                    p.write(
                        [Span(Label.formerDistricts.text(p.lang) + ": ", .label), Span(districts, .value)],
                        x: r.x, y: r.y, maxWidth: r.width)
                })
        }
        // Area, population, adults.
        rows.append(
            PageRow { p, r in
                let lang = p.lang, sep = " " + p.glyphs.separator + " "
                var parts: [Line] = []
                if let area = unit.areaKm2 {
                    parts.append([Span(Label.area.text(lang) + ": ", .label), Span(Phrase.area(area, lang), .value)])
                }
                parts.append([
                    Span(Label.population.text(lang) + ": ", .label),
                    Span(NumberForms.integer(unit.population, lang), .value),
                ])
                var adults: Line = [
                    Span(Label.adults.text(lang) + ": ", .label),
                    Span(NumberForms.integer(unit.adults, lang), .value),
                ]
                if unit.adultsEstimated { adults.append(Span(" (" + Label.estimate.text(lang) + ")", .warning)) }
                parts.append(adults)
                p.write(joined(parts, separator: sep), x: r.x, y: r.y, maxWidth: r.width)
            })
        rows.append(.rule())

        // Figures: now, +24h, rank, share of the city.
        let rankReg = standings.rank(of: index, by: .registered)
        let rankComp = standings.rank(of: index, by: .completed)
        let rankCov = standings.rank(of: index, by: .coverage)
        func share(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
        struct FigureLine { let label: Label; let now: String; let change: Int?; let rank: Int?; let share: Double? }
        let figureRows: (Language) -> [FigureLine] = { lang in
            [
                FigureLine(
                    label: .registered, now: NumberForms.integer(f.registered, lang), change: f.registeredChange24h,
                    rank: rankReg, share: share(f.registered, city.registered)),
                FigureLine(
                    label: .completed, now: NumberForms.integer(f.completed, lang), change: f.completedChange24h,
                    rank: rankComp, share: share(f.completed, city.completed)),
                FigureLine(
                    label: .completionRate, now: NumberForms.percent(f.completionRate, lang), change: nil, rank: nil,
                    share: nil),
                FigureLine(
                    label: .coverageOfAdults, now: NumberForms.percent(f.coverage, digits: 2, lang), change: nil,
                    rank: rankCov, share: nil),
            ]
        }
        func figureColumns(_ lang: Language) -> [Column] {
            let lines = figureRows(lang)
            let labelWidth = lines.map { TextWidth.of($0.label.text(lang)) }.max() ?? 10
            let nowWidth = max(TextWidth.of(Label.now.text(lang)), lines.map { TextWidth.of($0.now) }.max() ?? 0)
            let changeWidth = max(
                5, lines.compactMap { $0.change.map { NumberForms.signed($0, lang).count } }.max() ?? 0)
            let rankWidth = max(TextWidth.of(Label.rank.text(lang)), "\(count)/\(count)".count)
            return [
                Column(.name, header: "", width: labelWidth, alignRight: false, flexible: true, minWidth: 8),
                Column(.registered, header: Label.now.text(lang), width: nowWidth),
                Column(.registeredChange, header: Label.change24h.text(lang), width: changeWidth, dropOrder: 1),
                Column(.rank, header: Label.rank.text(lang), width: rankWidth, dropOrder: 2),
                Column(
                    .coverage, header: Label.shareOfCity.text(lang),
                    width: max(6, TextWidth.of(Label.shareOfCity.text(lang))), dropOrder: 3),
            ]
        }
        let figureCols = figureColumns(state.language)
        rows.append(
            PageRow { p, r in TableRow.drawHeader(&p, TableWidget.layout(figureCols, x: r.x, width: r.width), y: r.y) })
        for i in 0..<4 {
            rows.append(
                PageRow { p, r in
                    let lang = p.lang
                    let line = figureRows(lang)[i]
                    TableRow.draw(&p, TableWidget.layout(figureCols, x: r.x, width: r.width), y: r.y) { id in
                        switch id {
                        case .name: return TableCell(line.label.text(lang), .label)
                        case .registered: return TableCell(line.now, .value)
                        case .registeredChange:
                            return line.change.map { TableCell(NumberForms.signed($0, lang), TableRow.changeRole($0)) }
                        case .rank: return line.rank.map { TableCell(Phrase.rank($0, of: count, lang)) }
                        case .coverage: return line.share.map { TableCell(NumberForms.percent($0, digits: 2, lang)) }
                        default: return nil
                        }
                    }
                })
        }

        // The goal for this unit: completions still needed, and a gauge.
        let target = standings.config.targetShare
        let needed = GoalGap.completionsNeeded(adults: unit.adults, completed: f.completed, share: target)
        rows.append(
            PageRow { p, r in
                let lang = p.lang
                guard unit.adults > 0 else {
                    p.write(
                        Label.goal.text(lang) + ": " + Label.noAdults.text(lang), x: r.x, y: r.y, maxWidth: r.width,
                        .warning)
                    return
                }
                var x = r.x
                x += p.write(
                    Phrase.stillNeeded(needed, share: target, lang), x: x, y: r.y, maxWidth: r.width,
                    needed == 0 ? .onPace : .offPace)
                let numbers = NumberForms.percent(f.coverage, lang) + " / " + Phrase.percentLabel(target, lang)
                let numbersWidth = TextWidth.of(numbers)
                let bar = min(40, r.maxX - x - 3 - numbersWidth)
                if bar >= 8 {
                    Gauge.draw(&p, x: x + 2, y: r.y, width: bar, fraction: f.coverage ?? 0, target: target)
                    p.write(numbers, x: x + 3 + bar, y: r.y, maxWidth: numbersWidth, .value)
                }
            })
        // The daily trend.
        let trend = state.cache.trends.indices.contains(index) ? state.cache.trends[index] : []
        rows.append(
            PageRow { p, r in
                let lang = p.lang
                let label = Label.dailyChart.text(lang) + " (" + Label.trendHeader.text(lang) + "): "
                var x = r.x
                x += p.write(label, x: x, y: r.y, maxWidth: r.width, .label)
                x += p.write(
                    Sparkline.text(trend, levels: p.glyphs.sparkLevels), x: x, y: r.y, maxWidth: r.maxX - x, .trend)
                let numbers = "  " + trend.map { NumberForms.integer($0, lang) }.joined(separator: " ")
                p.write(numbers, x: x, y: r.y, maxWidth: r.maxX - x, .dim)
            })

        // History, newest first: at every snapshot, or one row a day for an
        // event log (see HistoryRow).
        let byDay = HistoryRow.isDense(standings.dataset)
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
            rows.append(
                PageRow { p, r in
                    let lang = p.lang
                    let placed = TableWidget.layout(historyCols, x: r.x, width: r.width)
                    TableRow.draw(&p, placed, y: r.y) { id in
                        switch id {
                        case .name: return TableCell(h.label(offset: offset, lang))
                        case .registered: return TableCell(NumberForms.integer(h.registered, lang), .value)
                        case .completed: return TableCell(NumberForms.integer(h.completed, lang))
                        case .registeredChange:
                            return TableCell(
                                NumberForms.signed(h.registeredChange24h, lang),
                                TableRow.changeRole(h.registeredChange24h))
                        case .completedChange:
                            return TableCell(
                                NumberForms.signed(h.completedChange24h, lang),
                                TableRow.changeRole(h.completedChange24h))
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
