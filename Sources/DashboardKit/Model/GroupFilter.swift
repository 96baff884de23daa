import CongDanSoCore

/// A row of the summary that Enter acts on: the whole contest (clears the
/// group filters), the filtered table (back to it as it is) or one group of
/// a dimension (filters the table to it).
enum SummaryEntry: Hashable, Sendable {
    case whole
    case filtered
    case group(GroupDimension, String?)
}

extension DashboardState {
    /// The summary's selectable rows, top to bottom: the whole contest, the
    /// filtered table when a filter is on, then every group of every
    /// dimension the data has.
    var summaryEntries: [SummaryEntry] {
        var entries: [SummaryEntry] = [.whole]
        if !query.showsAll { entries.append(.filtered) }
        for (dimension, groups) in cache.groups {
            for g in groups { entries.append(.group(dimension, g.value)) }
        }
        return entries
    }

    /// The selected summary row, clamped to the rows there are.
    var summarySelectedEntry: SummaryEntry {
        let entries = summaryEntries
        return entries[min(max(0, summarySelection), entries.count - 1)]
    }

    /// Moves the summary's selection by `step` rows (clamped).
    mutating func moveSummarySelection(_ step: Int) {
        let count = summaryEntries.count
        summarySelection = min(max(0, summarySelection + step), count - 1)
    }

    /// Paging keys on the summary move its selection (a page is the
    /// table's page, about the summary's height); false for other actions.
    mutating func moveSummarySelection(for action: Action) -> Bool {
        let page = max(1, pageSize)
        switch action {
        case .pageUp: moveSummarySelection(-page)
        case .pageDown: moveSummarySelection(page)
        case .moveToTop: summarySelection = 0
        case .moveToBottom: summarySelection = summaryEntries.count - 1
        default: return false
        }
        return true
    }

    /// Enter on a summary row: the table filtered to that group (the name
    /// filter and the other groups' filters cleared), the whole contest
    /// (every filter cleared), or the filtered table as it is; then back to
    /// the table, at its first row.
    mutating func filterToSummaryEntry() {
        switch summarySelectedEntry {
        case .whole:
            query.text = ""
            query.groupFilters = [:]
        case .filtered:
            break
        case .group(let dimension, let value):
            query.text = ""
            // A group without a value ("không rõ") matches units with none.
            query.groupFilters = [dimension: value ?? ""]
        }
        while routes.count > 1 { routes.removeLast() }
        applyQuery()
        scroll = 0
        select(0)
    }

    /// `f`: the next province (or former province, when the data has no
    /// province) in Vietnamese order, then none.
    mutating func cyclePlaceFilter() {
        guard let dimension = cache.placeDimension else { return }
        let values: [String?] = [nil] + cache.placeValues.map { Optional($0) }
        let i = values.firstIndex(of: query[filter: dimension]) ?? 0
        query[filter: dimension] = values[(i + 1) % values.count]
        applyQuery()
    }

    /// Drops place filters (province, former province) on values the new
    /// data no longer has (the unknown group's "" stays while some unit has
    /// no value); a type filter stays, as `t` sets it whatever the data.
    mutating func dropVanishedGroupFilters() {
        for (dimension, value) in query.groupFilters where dimension != .type {
            let groups = cache.groups.first { $0.dimension == dimension }?.groups ?? []
            let key = dimension.matchKey(value)
            let present = groups.contains { dimension.matchKey($0.value ?? "") == key }
            if !present { query.groupFilters[dimension] = nil }
        }
        summarySelection = min(summarySelection, summaryEntries.count - 1)
    }
}
