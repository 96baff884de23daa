import CongDanSoCore

/// Totals, completion and coverage for the whole city, by type and by
/// former province (`Standings.byType`, `byFormerProvince`), with the goal
/// gauge and the spread of coverage over units.
enum SummaryView {
    static func draw(_ p: inout Painter, _ state: DashboardState, in rect: Rect) {
        Page.draw(&p, rows(state), in: rect, offset: state.pageScroll)
    }

    enum Group {
        case city, type(UnitType), province(String)
    }

    static func columns(_ state: DashboardState, _ lang: Language) -> [Column] {
        let city = state.standings.city
        let groups = [city] + state.cache.byType.map(\.totals) + state.cache.byProvince.map(\.totals)
        func numbers(_ header: String, _ values: [String]) -> Int {
            max(TextWidth.of(header), values.map { TextWidth.of($0) }.max() ?? 0)
        }
        let names =
            [Label.wholeCity.text(lang)] + UnitType.allCases.map { $0.word(lang) }
            + state.cache.provinces + [Label.unknownProvince.text(lang)]
        return [
            Column(
                .group, header: Label.groupHeader.text(lang), width: (names.map { TextWidth.of($0) }.max() ?? 10) + 2,
                alignRight: false, flexible: true, minWidth: 10),
            Column(
                .units, header: Label.unitsHeader.text(lang),
                width: numbers(Label.unitsHeader.text(lang), groups.map { "\($0.participating)/\($0.units)" })),
            Column(
                .registered, header: Label.registered.text(lang),
                width: numbers(Label.registered.text(lang), groups.map { NumberForms.integer($0.registered, lang) })),
            Column(
                .completed, header: Label.completed.text(lang),
                width: numbers(Label.completed.text(lang), groups.map { NumberForms.integer($0.completed, lang) }),
                dropOrder: 2),
            Column(
                .completionRate, header: Label.completionRate.text(lang),
                width: numbers(Label.completionRate.text(lang), ["100,0%"]), dropOrder: 3),
            Column(
                .adults, header: Label.adultsHeader.text(lang),
                width: numbers(Label.adultsHeader.text(lang), groups.map { NumberForms.integer($0.adults, lang) }),
                dropOrder: 5),
            Column(
                .coverage, header: Label.coverage.text(lang),
                width: numbers(Label.coverage.text(lang), ["10,00%"]), dropOrder: 1),
            Column(
                .registeredChange, header: Label.changeRegisteredHeader.text(lang),
                width: numbers(
                    Label.changeRegisteredHeader.text(lang),
                    groups.map { NumberForms.signed($0.registeredChange24h, lang) }),
                dropOrder: 4),
            Column(
                .completedChange, header: Label.changeCompletedHeader.text(lang),
                width: numbers(
                    Label.changeCompletedHeader.text(lang),
                    groups.map { NumberForms.signed($0.completedChange24h, lang) }),
                dropOrder: 6),
        ]
    }

    static func rows(_ state: DashboardState) -> [PageRow] {
        let standings = state.standings
        // Drawn in the state's language; measured once for every row.
        let cols = columns(state, state.language)
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
        rows.append(.rule())
        rows.append(
            PageRow { p, r in TableRow.drawHeader(&p, TableWidget.layout(cols, x: r.x, width: r.width), y: r.y) })
        rows.append(groupRow(cols, .city, standings.city))
        if !state.cache.byType.isEmpty {
            rows.append(
                PageRow { p, r in p.write(Label.byType.text(p.lang), x: r.x, y: r.y, maxWidth: r.width, .sectionTitle) }
            )
            for (type, totals) in state.cache.byType { rows.append(groupRow(cols, .type(type), totals)) }
        }
        if !state.cache.byProvince.isEmpty {
            rows.append(
                PageRow { p, r in
                    p.write(Label.byFormerProvince.text(p.lang), x: r.x, y: r.y, maxWidth: r.width, .sectionTitle)
                })
            for (province, totals) in state.cache.byProvince {
                rows.append(groupRow(cols, .province(province), totals))
            }
        }
        return rows
    }

    static func groupRow(_ cols: [Column], _ group: Group, _ t: GroupTotals) -> PageRow {
        PageRow { p, r in
            let lang = p.lang
            let name: String
            let role: Role
            switch group {
            case .city: name = Label.wholeCity.text(lang); role = .value
            case .type(let type): name = "  " + type.word(lang); role = .plain
            case .province(let province):
                name = "  " + (province.isEmpty ? Label.unknownProvince.text(lang) : province); role = .plain
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
                case .registeredChange:
                    return TableCell(
                        NumberForms.signed(t.registeredChange24h, lang), TableRow.changeRole(t.registeredChange24h))
                case .completedChange:
                    return TableCell(
                        NumberForms.signed(t.completedChange24h, lang), TableRow.changeRole(t.completedChange24h))
                default: return TableCell("", role)
                }
            }
        }
    }
}
