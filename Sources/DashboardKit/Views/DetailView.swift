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
        return identity(state, unit: index, code: code) + figures(state, unit: index) + goal(state, unit: index)
            + DetailHistory.rows(state, unit: index)
    }

    /// Who: the crumb, the name and its band, the place in the table; code,
    /// type, former province and districts; area, population, adults.
    static func identity(_ state: DashboardState, unit index: Int, code: String) -> [PageRow] {
        let standings = state.standings
        let f = standings.figures[index]
        let unit = f.unit
        var rows: [PageRow] = []
        let position = state.rows.firstIndex { $0.unit.code == code }
        let band = standings.band(of: index)

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
                x += p.write(
                    standings.dataset.distinctFullName(index, lang), x: x, y: r.y, maxWidth: max(0, r.x + room - x),
                    .title)
                if band.isTop || band.isBottom, r.x + room - x > 2 {
                    let marker =
                        band.isTop
                        ? p.glyphs.markerTop + " " + Label.topTen.text(lang) + " "
                        : p.glyphs.markerBottom + " " + Label.bottomTen.text(lang) + " "
                    x += 1
                    p.write(
                        " " + marker, x: x, y: r.y, maxWidth: max(0, r.x + room - x),
                        band.isTop ? .markerTop : .markerBottom)
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
                if let province = unit.province, !province.isEmpty {
                    parts.append([Span(Label.province.text(lang) + ": ", .label), Span(province, .value)])
                }
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

        return rows
    }

    /// The figures now, their +24h, ranks and shares of the city, as a table.
    static func figures(_ state: DashboardState, unit index: Int) -> [PageRow] {
        let standings = state.standings
        let f = standings.figures[index]
        var rows: [PageRow] = []
        let city = standings.city
        let count = standings.figures.count

        // Figures: now, +24h, rank, share of the city.
        // Ranks take a pass over every unit: computed when drawn, not when
        // the page is only measured.
        let rankReg = RankMeasure.registered, rankComp = RankMeasure.completed, rankCov = RankMeasure.coverage
        func share(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }
        struct FigureLine {
            let label: Label; let now: String; let change: Int?; let rank: RankMeasure?; let share: Double?
            /// The line has a +24h cell (registered, completed); `change` is nil in it on the data's first day.
            var hasChangeCell = false
        }
        let figureRows: (Language) -> [FigureLine] = { lang in
            [
                FigureLine(
                    label: .registered, now: NumberForms.integer(f.registered, lang), change: f.registeredChange,
                    rank: rankReg, share: share(f.registered, city.registered), hasChangeCell: true),
                FigureLine(
                    label: .completed, now: NumberForms.integer(f.completed, lang), change: f.completedChange,
                    rank: rankComp, share: share(f.completed, city.completed), hasChangeCell: true),
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
                    .coverage, header: standings.config.scope.shareHeading(lang),
                    width: max(6, TextWidth.of(standings.config.scope.shareHeading(lang))), dropOrder: 3),
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
                            return line.hasChangeCell ? TableRow.changeCell(line.change, lang) : nil
                        case .rank:
                            return line.rank.map {
                                TableCell(Phrase.rank(standings.rank(of: index, by: $0), of: count, lang))
                            }
                        case .coverage: return line.share.map { TableCell(NumberForms.percent($0, digits: 2, lang)) }
                        default: return nil
                        }
                    }
                })
        }

        return rows
    }

    /// The unit's gap to the goal with a gauge, and its daily trend.
    static func goal(_ state: DashboardState, unit index: Int) -> [PageRow] {
        let standings = state.standings
        let f = standings.figures[index]
        let unit = f.unit
        var rows: [PageRow] = []

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
                let numbers =
                    "  " + trend.map { $0.map { NumberForms.integer($0, lang) } ?? "–" }.joined(separator: " ")
                p.write(numbers, x: x, y: r.y, maxWidth: r.maxX - x, .dim)
            })

        return rows
    }
}
