import CongDanSoCore

/// "16:02" in the contest's time zone.
func clockText(_ t: Timestamp, _ offset: UTCOffset) -> String {
    let l = t.localTime(offset)
    return two(l.hour) + ":" + two(l.minute)
}

/// "16:00:05" in the contest's time zone.
func clockSecondsText(_ t: Timestamp, _ offset: UTCOffset) -> String {
    let l = t.localTime(offset)
    return two(l.hour) + ":" + two(l.minute) + ":" + two(l.second)
}

private func two(_ n: Int) -> String { DateForms.twoDigits(n) }

/// The header lines: the title line (every screen), the city summary and
/// the goal gauge (table and summary screens).
enum Header {
    /// Title on the left; the data's moment, the live / paused / stale
    /// indicator and the clock on the right. The right side gives way first
    /// by dropping words, the title by dropping its subtitle, then by clipping.
    static func drawTitle(_ p: inout Painter, _ state: DashboardState, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let lang = p.lang, g = p.glyphs
        let offset = state.standings.config.timeZone
        let moment = DateForms.short(state.standings.moment, offset: offset, lang)
        let day = shortDay(state.standings.moment, offset)
        let clock = clockText(state.clock, offset)

        // Freshness: its own glyph, word and colour (live, late, stale),
        // then paused; the data's age against the machine's clock.
        let fresh = Freshness.Shown(state.freshness, g, ascii: p.ascii)
        var indicator: Line = [Span(fresh.glyph + " " + MonitorText.freshnessWord(fresh.state, lang), fresh.role)]
        if state.isPaused { indicator += [Span(" "), Span(g.paused + " " + Label.paused.text(lang), .paused)] }
        let symbol: Line =
            [Span(fresh.glyph, fresh.role)] + (state.isPaused ? [Span(g.paused, .paused)] : [])
        let age = Freshness.ageText(state.dataAgeSeconds, lang)
        let ageRole: Role = fresh.state == .live ? .dim : fresh.role
        let aged: Line = [Span(" " + g.separator + " ", .dim), Span(age, ageRole)]
        // Units that need a call today, counted (a away).
        let calls = state.attentionItems.count
        let callLine: Line = calls > 0 ? [Span("  "), Span(MonitorText.attentionShort(calls, lang), .warning)] : []
        let callShort: Line = calls > 0 ? [Span(" "), Span(MonitorText.attentionTiny(calls, lang), .warning)] : []

        let rights: [Line] = [
            [Span(Label.dataAt.text(lang) + " ", .label), Span(moment, .value)] + aged + [Span("  ")] + indicator
                + callLine + [Span("  " + clock, .value)],
            [Span(moment, .value)] + aged + [Span("  ")] + indicator + callLine + [Span("  " + clock, .value)],
            [Span(moment, .value)] + aged + [Span("  ")] + indicator + callShort + [Span("  " + clock, .value)],
            [Span(day, .value)] + aged + [Span(" ")] + indicator + callShort + [Span(" " + clock, .value)],
            [Span(day, .value)] + aged + [Span(" ")] + symbol + [Span(" " + clock, .value)],
            [Span(day, .value), Span(" ")] + symbol + [Span(" " + clock, .value)],
            symbol + [Span(" " + clock, .value)],
            symbol,
        ]
        let title = state.standings.config.title
        let titles = [title, shortTitle(title)]
        let inner = rect.inset(left: 1, right: 1)
        let minTitle = min(20, TextWidth.of(titles[1]))
        var chosen = rights.last!
        for right in rights where inner.width - width(of: right) - 2 >= minTitle {
            chosen = right
            break
        }
        let rightWidth = min(inner.width, width(of: chosen))
        let titleRoom = max(0, inner.width - rightWidth - 2)
        let shownTitle = titles.first { TextWidth.of($0) <= titleRoom } ?? titles[1]
        p.write(shownTitle, x: inner.x, y: inner.y, maxWidth: titleRoom, .title)
        p.write(chosen, x: inner.maxX - rightWidth, y: inner.y, maxWidth: rightWidth)
    }

    /// "22/10 15:00": day, month and time.
    static func shortDay(_ t: Timestamp, _ offset: UTCOffset) -> String {
        let l = t.localTime(offset)
        return two(l.day) + "/" + two(l.month) + " " + two(l.hour) + ":" + two(l.minute)
    }

    /// The title without its subtitle: the part before " - ", " · " or ": ".
    static func shortTitle(_ title: String) -> String {
        for separator in [" - ", " · ", " – ", ": "] {
            if let r = title.range(of: separator) { return String(title[..<r.lowerBound]) }
        }
        return title
    }

    /// Units taking part, registered and completed with their 24-hour
    /// changes, and the completion rate; labels shorten, then changes and
    /// the rate go, as the width shrinks.
    static func drawSummary(_ p: inout Painter, _ state: DashboardState, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let lang = p.lang
        let city = state.standings.city
        func n(_ v: Int) -> String { NumberForms.integer(v, lang) }
        // "–" on the data's first day: nothing is known 24 hours earlier.
        func change(_ v: Int?) -> Line {
            let cell = TableRow.changeCell(v, lang)
            return [Span(" ("), Span(cell.text, cell.role), Span(")")]
        }
        let unitsValue = "\(city.participating)/\(city.units)"
        func units(_ long: Bool) -> Line {
            [
                Span((long ? Label.unitsTakingPart : Label.unitsTakingPartShort).text(lang) + " ", .label),
                Span(unitsValue, .value),
            ]
        }
        func figure(_ long: Label, _ short: Label, _ value: Int, _ delta: Int?, longLabel: Bool, changes: Bool) -> Line
        {
            [Span((longLabel ? long : short).text(lang) + " ", .label), Span(n(value), .value)]
                + (changes ? change(delta) : [])
        }
        let rate: Line = [
            Span(Label.completionRate.text(lang) + " ", .label),
            Span(NumberForms.percent(city.completionRate, lang), .value),
        ]
        func line(units long: Bool, labels: Bool, changes: Bool, rate withRate: Bool, sep: String) -> Line {
            var parts = [
                units(long),
                figure(
                    .registered, .registeredShort, city.registered, city.registeredChange, longLabel: labels,
                    changes: changes),
                figure(
                    .completed, .completedShort, city.completed, city.completedChange, longLabel: labels,
                    changes: changes),
            ]
            if withRate { parts.append(rate) }
            return joined(parts, separator: sep)
        }
        let candidates = [
            line(units: true, labels: true, changes: true, rate: true, sep: "   "),
            line(units: true, labels: true, changes: true, rate: true, sep: "  "),
            line(units: false, labels: true, changes: true, rate: true, sep: "  "),
            line(units: false, labels: false, changes: true, rate: true, sep: "  "),
            line(units: false, labels: true, changes: false, rate: true, sep: "  "),
            line(units: false, labels: false, changes: false, rate: true, sep: "  "),
            line(units: false, labels: false, changes: false, rate: false, sep: "  "),
        ]
        let inner = rect.inset(left: 1, right: 1)
        let filtered = !state.query.showsAll || !state.query.text.isEmpty
        let lines = filtered ? subtotalLines(p, state) + candidates : candidates
        p.write(firstFitting(lines, width: inner.width), x: inner.x, y: inner.y, maxWidth: inner.width)
    }

    /// With a filter: the shown units' totals beside the city's,
    /// "Đang lọc 12/114: ĐK 2.345 (+123) HT 1.234 (+60) 52,6% │ TP: ĐK 84.360 HT 49.317".
    static func subtotalLines(_ p: Painter, _ state: DashboardState) -> [Line] {
        let lang = p.lang
        var sub = GroupTotals()
        for f in state.rows {
            sub.units += 1
            sub.registered += f.registered
            sub.completed += f.completed
            sub.registeredChange24h += f.registeredChange24h
            sub.completedChange24h += f.completedChange24h
        }
        let city = state.standings.city
        func n(_ v: Int) -> String { NumberForms.integer(v, lang) }
        func change(_ v: Int) -> Span {
            Span(" (" + NumberForms.signed(v, lang) + ")", v > 0 ? .positive : v < 0 ? .negative : .dim)
        }
        let head: Line = [
            Span(MonitorText.filtered(lang) + " ", .label), Span("\(sub.units)/\(city.units)", .value), Span(": "),
        ]
        let reg = Label.registeredShort.text(lang), comp = Label.completedShort.text(lang)
        func part(changes: Bool, rate: Bool) -> Line {
            var l: Line = head + [Span(reg + " ", .label), Span(n(sub.registered), .value)]
            if changes { l.append(change(sub.registeredChange24h)) }
            l += [Span("  " + comp + " ", .label), Span(n(sub.completed), .value)]
            if changes { l.append(change(sub.completedChange24h)) }
            if rate { l += [Span("  "), Span(NumberForms.percent(sub.completionRate, lang), .value)] }
            return l
        }
        let cityPart: Line = [
            Span("  " + p.glyphs.boxVertical + " ", .dim), Span(MonitorText.city(lang) + ": ", .label),
            Span(reg + " ", .label), Span(n(city.registered), .value), Span("  " + comp + " ", .label),
            Span(n(city.completed), .value),
        ]
        return [
            part(changes: true, rate: true) + cityPart,
            part(changes: false, rate: true) + cityPart,
            part(changes: false, rate: false) + cityPart,
            part(changes: false, rate: false),
        ]
    }

    /// The city goal: a 0–100% bar of adults with the target marked, the
    /// share reached against the target ("1,6% / 80%") and the completions
    /// needed a day against the current pace.
    static func drawGoal(_ p: inout Painter, _ state: DashboardState, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        drawGoal(&p, goal: state.standings.goal, rect: rect)
    }

    static func drawGoal(_ p: inout Painter, goal: GoalProgress, rect: Rect) {
        let lang = p.lang
        let share = goal.completedShare ?? 0
        let numbers =
            NumberForms.percent(goal.completedShare, lang) + " / " + Phrase.percentLabel(goal.targetShare, lang)
        let paceRole: Role = goal.isOnPace ? .onPace : .offPace
        let paceLong: Line, paceShort: Line
        if goal.adults <= 0 {
            paceLong = [Span(Label.noAdults.text(lang), .warning)]
            paceShort = paceLong
        } else if goal.isReached {
            paceLong = [Span(Label.goalReached.text(lang), .onPace)]
            paceShort = paceLong
        } else if let required = goal.requiredPerDay {
            paceLong = [
                Span(Phrase.needPerDay(required, lang), paceRole), Span(" " + p.glyphs.separator + " "),
                Span(Phrase.pace(goal.pacePerDay, lang), .value),
            ]
            paceShort = [Span(Phrase.needPerDay(required, lang), paceRole)]
        } else {
            paceLong = [Span(Label.deadlinePassed.text(lang), .error)]
            paceShort = paceLong
        }
        let labelLong = Phrase.goal(goal.targetShare, lang)
        let labelShort = Label.goal.text(lang)
        // (label, text after the bar, smallest acceptable bar)
        let candidates: [(String?, Line, Int)] = [
            (labelLong, [Span(numbers, .value), Span("  ")] + paceLong, 16),
            (labelShort, [Span(numbers, .value), Span("  ")] + paceLong, 16),
            (labelShort, [Span(numbers, .value), Span("  ")] + paceShort, 12),
            (nil, [Span(numbers, .value), Span("  ")] + paceShort, 12),
            (labelShort, [Span(numbers, .value)], 10),
            (nil, [Span(numbers, .value)], 6),
        ]
        let inner = rect.inset(left: 1, right: 1)
        var chosen = candidates.last!
        for candidate in candidates {
            let labelWidth = candidate.0.map { TextWidth.of($0) + 1 } ?? 0
            if inner.width - labelWidth - width(of: candidate.1) - 1 >= candidate.2 {
                chosen = candidate
                break
            }
        }
        var x = inner.x
        if let label = chosen.0 {
            x += p.write(label, x: x, y: inner.y, maxWidth: inner.maxX - x, .label)
            x += 1
        }
        let afterWidth = width(of: chosen.1)
        let barWidth = min(62, max(0, inner.maxX - x - afterWidth - 1))
        if barWidth >= 3 {
            Gauge.draw(&p, x: x, y: inner.y, width: barWidth, fraction: share, target: goal.targetShare)
            x += barWidth + 1
        }
        p.write(chosen.1, x: x, y: inner.y, maxWidth: max(0, inner.maxX - x))
    }
}
