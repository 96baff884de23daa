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
        var left = statusLine(p, state)
        // A reload error and an export's path need room: the query gives
        // way until they are shown whole.
        let minLeft = state.isStale || state.showsExportPath ? width(of: left) : min(24, width(of: left))
        var right = rights.last ?? []
        for candidate in rights where inner.width - width(of: candidate) - 2 >= minLeft {
            right = candidate
            break
        }
        let rightWidth = min(inner.width, width(of: right))
        let room = max(0, inner.width - rightWidth - 2)
        if state.showsExportPath, width(of: left) > room {
            // The path is cut in the middle: its start and the file name stay.
            left = statusLine(p, state, cutPathBy: width(of: left) - room)
        }
        p.write(right, x: inner.maxX - rightWidth, y: inner.y, maxWidth: rightWidth)
        p.write(left, x: inner.x, y: inner.y, maxWidth: max(0, inner.width - rightWidth - 2))
    }

    /// The left part of the status line.
    static func statusLine(_ p: Painter, _ state: DashboardState, cutPathBy cut: Int = 0) -> Line {
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
            var notice = status.notice
            if cut > 0, case .exported(let path, let rows) = notice {
                let shown = p.shown(path)
                notice = .exported(
                    path: TextWidth.clipMiddle(shown, to: max(8, TextWidth.of(shown) - cut), ascii: p.ascii), rows: rows
                )
            }
            parts.append([Span(noticeText(notice, lang), status.isError ? .error : .success)])
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
        case .asciiBecauseLocale: return Label.asciiBecauseLocale.text(lang)
        case .refreshInterval(let seconds, let changed, let end):
            return Phrase.refreshStep(seconds: seconds, changed: changed, end: end, lang)
        case .settingsProblem(let problem): return Phrase.settingsProblem(problem, lang)
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
        for dimension in GroupDimension.allCases {
            guard let raw = q[filter: dimension] else { continue }
            let value = raw.isEmpty ? dimension.label(nil, lang) : Phrase.filterValue(dimension, raw, lang)
            filters.append([
                Span(Phrase.filterLabel(dimension, lang) + ": ", .label), Span(value, .prompt),
            ])
            shortFilters.append([Span(value, .prompt)])
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
        let searching = state.keyContext == .searchInput
        if state.keyContext == .filterInput || searching {
            var x = inner.x
            let prompt = searching ? Label.searchPrompt : Label.filterPrompt
            x += p.write(prompt.text(lang) + " ", x: x, y: inner.y, maxWidth: inner.maxX - x, .prompt)
            // Show the end of a long filter text: what is being typed.
            let room = max(0, inner.maxX - x - 1)
            var text = searching ? state.search.text : state.query.text
            while TextWidth.of(p.shown(text)) > room, !text.isEmpty { text.removeFirst() }
            x += p.write(text, x: x, y: inner.y, maxWidth: room, .value)
            p.write(p.glyphs.cursor, x: x, y: inner.y, maxWidth: inner.maxX - x, .cursor)
            x += 1
            var hint = searching ? Phrase.searchPromptHint(lang) : Phrase.filterPromptHint(lang)
            if searching, !state.search.text.isEmpty, state.searchMatches.isEmpty {
                hint = Label.searchNoMatch.text(lang) + " · " + hint
            }
            if inner.maxX - x - 3 >= TextWidth.of(hint) {
                p.write(hint, x: inner.maxX - TextWidth.of(hint), y: inner.y, maxWidth: TextWidth.of(hint), .dim)
            }
            return
        }
        let line = HintBar.layout(state, lang: lang, ascii: p.ascii, in: rect).line
        p.write(line, x: inner.x, y: inner.y, maxWidth: inner.width)
    }
}
