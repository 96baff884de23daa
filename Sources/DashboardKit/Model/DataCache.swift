import CongDanSoCore

/// Everything the screens need that depends only on the data: computed once
/// when standings arrive, so a key press never recomputes it.
struct DataCache: Sendable {
    /// Per unit (index into `dataset.units`): new registrations a day over
    /// the last `trendDays` days, oldest first (see `DailySeries`).
    let trends: [[Int]]
    /// Per unit: its name's display width, and the name in ASCII (same width).
    let nameWidths: [Int]
    let asciiNames: [String]
    /// Per unit: the ASCII name's width (wider than the name when the code
    /// was added to tell apart names that fold alike), and the widest.
    let asciiNameWidths: [Int]
    let asciiNameWidth: Int
    /// Per unit: the " (code)" its ASCII name ends with, when it has one.
    let asciiCodes: [String?]
    /// Widest unit name, in display columns.
    let nameWidth: Int
    /// Former provinces present in the data, in Vietnamese order.
    let provinces: [String]
    /// The data is dense (an event log): the unit history has a row a day.
    let historyByDay: Bool
    let byType: [(type: UnitType, totals: GroupTotals)]
    let byProvince: [(province: String, totals: GroupTotals)]
    /// Widest formatted value of each numeric column over all units.
    let registeredWidth: Int
    let completedWidth: Int
    let registeredChangeWidth: Int
    let completedChangeWidth: Int
    let rankWidth: Int
    /// How coverage of adults is spread over the units.
    let coverage: CoverageSpread

    init(_ standings: Standings, trendDays: Int) {
        let dataset = standings.dataset
        let bounds = DailySeries.boundaries(moment: standings.moment, offset: dataset.config.timeZone, days: trendDays)
        let trends = dataset.units.indices.map {
            DailySeries.dailyNewRegistrations(dataset, unit: $0, boundaries: bounds)
        }
        self.trends = trends
        nameWidths = dataset.units.map { TextWidth.of($0.name) }
        (asciiNames, asciiCodes) = Self.asciiNames(dataset.units)
        asciiNameWidths = asciiNames.map { TextWidth.of($0) }
        asciiNameWidth = asciiNameWidths.max() ?? 0
        var maxReg = 0, maxComp = 0
        var regChange = (0, 0), compChange = (0, 0)  // (largest, smallest)
        for f in standings.figures {
            maxReg = max(maxReg, f.registered)
            maxComp = max(maxComp, f.completed)
            regChange = (max(regChange.0, f.registeredChange24h), min(regChange.1, f.registeredChange24h))
            compChange = (max(compChange.0, f.completedChange24h), min(compChange.1, f.completedChange24h))
        }
        func signedWidth(_ r: (Int, Int)) -> Int {
            max(NumberForms.signed(r.0, .vi).count, NumberForms.signed(r.1, .vi).count)
        }
        let reg = NumberForms.integer(maxReg, .vi).count
        let comp = NumberForms.integer(maxComp, .vi).count
        self.nameWidth = nameWidths.max() ?? 0
        registeredWidth = reg; completedWidth = comp
        registeredChangeWidth = signedWidth(regChange); completedChangeWidth = signedWidth(compChange)
        rankWidth = String(max(1, standings.figures.count)).count
        byType = standings.byType
        byProvince = standings.byFormerProvince
        provinces = byProvince.map(\.province).filter { !$0.isEmpty }
        historyByDay = HistoryRow.isDense(dataset)
        coverage = CoverageSpread(standings.figures, target: standings.config.targetShare)
    }

    /// The names in ASCII; where two fold to the same letters ("Cẩm Giang"
    /// and "Cẩm Giàng" are both "Cam Giang") each gets its code, which is
    /// what tells them apart without accents: "Cam Giang (10888)".
    static func asciiNames(_ units: [Unit]) -> (names: [String], codes: [String?]) {
        let plain = units.map { TerminalText.ascii($0.name) }
        var count: [String: Int] = [:]
        for name in plain { count[name.lowercased(), default: 0] += 1 }
        let codes = units.indices.map { i -> String? in
            count[plain[i].lowercased(), default: 0] > 1 ? " (" + TerminalText.ascii(units[i].code) + ")" : nil
        }
        return (units.indices.map { plain[$0] + (codes[$0] ?? "") }, codes)
    }

    /// The ASCII name of unit `index` in `width` columns: when it must be
    /// cut and carries a code, the name is cut and the code kept
    /// ("Cam Gi~ (10903)"), since the code is what tells it apart.
    func asciiName(_ index: Int, width: Int) -> String {
        guard asciiNameWidths[index] > width, let code = asciiCodes[index] else { return asciiNames[index] }
        let base = String(asciiNames[index].dropLast(code.count))
        let room = width - code.count
        guard room >= 3 else { return asciiNames[index] }
        return TextWidth.clip(base, to: room, ascii: true) + code
    }
}
