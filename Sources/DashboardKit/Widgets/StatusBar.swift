import CongDanSoCore

/// The two bottom lines of every screen.
///
/// The status line: on the left what happened last (a reload error while
/// the data is stale, an export's result, new data held while paused, else
/// the data's first warning, if any, when the data was loaded and the
/// refresh interval); on the right the
/// table's sort, filters and how many units are shown ("2/114").
///
/// The key line: the filter prompt while typing, else key hints generated
/// from the key table, as many as fit (by priority), in table order.
enum StatusBar {
    static func drawStatus(_ p: inout Painter, _ state: DashboardState, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let inner = rect.inset(left: 1, right: 1)
        let rights = queryLines(p, state)
        let left = statusLine(p, state)
        // A reload error needs room: the query gives way until it is shown whole.
        let minLeft = state.isStale || state.currentStatus != nil ? width(of: left) : min(24, width(of: left))
        var right = rights.last ?? []
        for candidate in rights where inner.width - width(of: candidate) - 2 >= minLeft {
            right = candidate
            break
        }
        let rightWidth = min(inner.width, width(of: right))
        p.write(right, x: inner.maxX - rightWidth, y: inner.y, maxWidth: rightWidth)
        p.write(left, x: inner.x, y: inner.y, maxWidth: max(0, inner.width - rightWidth - 2))
    }

    /// The left part of the status line.
    static func statusLine(_ p: Painter, _ state: DashboardState) -> Line {
        let lang = p.lang
        let offset = state.standings.config.timeZone
        var parts: [Line] = []
        if let error = state.staleError {
            let since = state.staleSince.map { " " + clockText($0, offset) } ?? ""
            parts.append([
                Span(p.glyphs.stale + " " + Label.reloadFailed.text(lang) + since + ": ", .error),
                Span(error, .error),
            ])
            parts.append([
                Span(Label.showingDataLoadedAt.text(lang) + " " + clockText(state.lastLoaded, offset), .warning)
            ])
        }
        if let status = state.currentStatus {
            parts.append([Span(noticeText(status.notice, lang), status.isError ? .error : .success)])
        }
        if state.isPaused, state.held != nil {
            parts.append([Span(Label.newDataWaiting.text(lang), .paused)])
        }
        if let news = state.monitor.currentBandNews(at: state.clock) {
            parts.append([Span(MonitorText.bandNews(news, p.glyphs, lang), .changed)])
        }
        if parts.isEmpty {
            // Lines the data left out (an unknown unit, a bad time) or counts
            // that went down: the first, and how many more `validate` lists.
            let warnings = state.standings.dataset.warnings
            if let first = warnings.first {
                let more = warnings.count > 1 ? " (+\(warnings.count - 1))" : ""
                parts.append([
                    Span(p.glyphs.stale + " " + Label.dataWarning.text(lang) + ": ", .warning),
                    Span(first.description + more, .warning),
                ])
            }
            // A tie at the tenth place: the ▲ ▼ ten are a choice by code there.
            for (tie, glyph) in [
                (state.cache.bottomTie, p.glyphs.markerBottom), (state.cache.topTie, p.glyphs.markerTop),
            ] {
                guard let tie else { continue }
                parts.append([
                    Span(glyph + " " + MonitorText.tieAtTenth(lang) + " ", .warning),
                    Span(tie.tiedPhrase(state.standings.dataset, lang, names: false), .warning),
                ])
            }
            // When the source was last looked at, and when the figures last changed.
            parts.append([
                Span(MonitorText.checkedAt(lang) + " " + clockSecondsText(state.monitor.lastChecked, offset), .dim),
                Span(
                    " " + p.glyphs.separator + " " + MonitorText.changedAt(lang) + " "
                        + clockSecondsText(state.monitor.lastChanged, offset), .dim),
                Span(" " + p.glyphs.separator + " " + Phrase.refreshEvery(state.refreshSeconds, lang), .dim),
            ])
        }
        return joined(parts, separator: " " + p.glyphs.separator + " ")
    }

    static func noticeText(_ notice: Notice, _ lang: Language) -> String {
        switch notice {
        case .exporting: return Label.exportRequested.text(lang)
        case .exported(let path, let rows): return Phrase.exported(path: path, rows: rows, lang)
        case .exportFailed(let error): return Label.exportFailed.text(lang) + ": " + error
        case .refreshInterval(let seconds):
            let text = Phrase.refreshEvery(seconds, lang)
            return text.prefix(1).uppercased() + text.dropFirst()
        }
    }

    /// Sort, filters and count, richest first.
    static func queryLines(_ p: Painter, _ state: DashboardState) -> [Line] {
        let lang = p.lang
        let q = state.query
        let arrow = sortArrow(q, p.glyphs)
        let sortName = Phrase.columnHeader(q.sort, lang) + arrow
        var count: Line = [Span(Phrase.shown(state.rows.count, of: state.standings.figures.count), .value)]
        // Where the view is: "hàng 23–38 / 114"; following a unit; wall mode.
        if state.route == .table, !state.rows.isEmpty {
            let first = state.scroll + 1
            let last = min(state.rows.count, state.scroll + state.pageSize)
            let position = MonitorText.rows(lang) + " \(first)–\(last) / \(state.rows.count)"
            count =
                state.rows.count == state.standings.figures.count
                ? [Span(position, .value)] : [Span(position, .value), Span(" (" + count[0].text + ")", .dim)]
        }
        if state.monitor.follow { count = [Span(MonitorText.following(lang), .changed), Span(" ")] + count }
        if let wall = state.monitor.wall {
            let mark =
                wall.isPaused
                ? MonitorText.wallPaused(lang)
                : "⟳ " + MonitorText.wallView(wall.view, lang) + " " + String(wall.secondsLeft(at: state.clock)) + "s"
            count = [Span(mark, .paused), Span("  ")] + count
        }
        var filters: [Line] = []
        var shortFilters: [Line] = []
        if !q.text.isEmpty {
            filters.append([Span(Label.filterLabel.text(lang) + ": ", .label), Span("\"" + q.text + "\"", .prompt)])
            shortFilters.append([Span("\"" + q.text + "\"", .prompt)])
        }
        if let type = q.type {
            filters.append([
                Span(Label.typeFilterLabel.text(lang) + ": ", .label), Span(Phrase.typeShort(type, lang), .prompt),
            ])
            shortFilters.append([Span(Phrase.typeShort(type, lang), .prompt)])
        }
        if let province = q.formerProvince {
            filters.append([Span(Label.provinceFilterLabel.text(lang) + ": ", .label), Span(province, .prompt)])
            shortFilters.append([Span(province, .prompt)])
        }
        let sort: Line = [Span(Label.sortLabel.text(lang) + ": ", .label), Span(sortName, .value)]
        let sep = "  "
        return [
            joined([sort] + filters + [count], separator: sep),
            joined(filters + [count], separator: sep),
            joined(shortFilters + [count], separator: " "),
            count,
            [Span(Phrase.shown(state.rows.count, of: state.standings.figures.count), .value)],
        ]
    }

    /// "▼" when the largest (or last) values come first, "▲" otherwise
    /// (" v", " ^" in ASCII), to follow a column header.
    static func sortArrow(_ q: TableQuery, _ g: Glyphs) -> String {
        g.sortGap + ((q.sort.descendingByDefault != q.reversed) ? g.sortDescending : g.sortAscending)
    }

    static func drawKeys(_ p: inout Painter, _ state: DashboardState, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let inner = rect.inset(left: 1, right: 1)
        let lang = p.lang
        if state.keyContext == .filterInput {
            var x = inner.x
            x += p.write(Label.filterPrompt.text(lang) + " ", x: x, y: inner.y, maxWidth: inner.maxX - x, .prompt)
            // Show the end of a long filter text: what is being typed.
            let room = max(0, inner.maxX - x - 1)
            var text = state.query.text
            while TextWidth.of(p.shown(text)) > room, !text.isEmpty { text.removeFirst() }
            x += p.write(text, x: x, y: inner.y, maxWidth: room, .value)
            p.write(p.glyphs.cursor, x: x, y: inner.y, maxWidth: inner.maxX - x, .cursor)
            x += 1
            let hint = Phrase.filterPromptHint(lang)
            if inner.maxX - x - 3 >= TextWidth.of(hint) {
                p.write(hint, x: inner.maxX - TextWidth.of(hint), y: inner.y, maxWidth: TextWidth.of(hint), .dim)
            }
            return
        }
        let context = state.keyContext
        let hints = FooterHint.hints(for: context).map { hint -> (FooterHint, Line) in
            (hint, [Span(hint.keys(in: context, ascii: p.ascii), .keyName), Span(" " + hint.text(lang), .keyText)])
        }
        var chosen = Set<Int>()
        var used = 0
        for (i, item) in hints.enumerated().sorted(by: { $0.element.0.priority < $1.element.0.priority }) {
            let w = width(of: item.1) + (chosen.isEmpty ? 0 : 2)
            if used + w <= inner.width {
                chosen.insert(i)
                used += w
            }
        }
        let line = joined(hints.enumerated().filter { chosen.contains($0.offset) }.map(\.element.1), separator: "  ")
        p.write(line, x: inner.x, y: inner.y, maxWidth: inner.width)
    }
}
