import CongDanSoCore

/// Everything the screens need that depends only on the data: computed once
/// when standings arrive, so a key press never recomputes it.
struct DataCache: Sendable {
    /// Per unit (index into `dataset.units`): new registrations a day over
    /// the last `trendDays` days, oldest first (see `DailySeries`).
    let trends: [[Int]]
    /// Sparklines of `trends`, per unit, in Unicode and in ASCII.
    let trendTexts: [String]
    let asciiTrendTexts: [String]
    /// Per unit: its name's display width, and the name in ASCII (same width).
    let nameWidths: [Int]
    let asciiNames: [String]
    /// Widest unit name, in display columns.
    let nameWidth: Int
    /// Former provinces present in the data, in Vietnamese order.
    let provinces: [String]
    let byType: [(type: UnitType, totals: GroupTotals)]
    let byProvince: [(province: String, totals: GroupTotals)]
    /// Widest formatted value of each numeric column over all units.
    let registeredWidth: Int
    let completedWidth: Int
    let registeredChangeWidth: Int
    let completedChangeWidth: Int
    let rankWidth: Int
    /// Units' coverage of adults: lowest, median, highest (nil without adults).
    let coverageLow: Double?
    let coverageMedian: Double?
    let coverageHigh: Double?
    /// Units whose coverage has reached the target share.
    let unitsAtTarget: Int

    init(_ standings: Standings, trendDays: Int) {
        let dataset = standings.dataset
        let bounds = DailySeries.boundaries(moment: standings.moment, offset: dataset.config.timeZone, days: trendDays)
        let trends = dataset.units.indices.map {
            DailySeries.dailyNewRegistrations(dataset, unit: $0, boundaries: bounds)
        }
        self.trends = trends
        trendTexts = trends.map { Sparkline.text($0, levels: Glyphs.unicode.sparkLevels) }
        asciiTrendTexts = trends.map { Sparkline.text($0, levels: Glyphs.ascii.sparkLevels) }
        nameWidths = dataset.units.map { TextWidth.of($0.name) }
        asciiNames = dataset.units.map { TerminalText.ascii($0.name) }
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
        let coverages = standings.figures.compactMap(\.coverage).sorted()
        coverageLow = coverages.first
        coverageHigh = coverages.last
        if coverages.isEmpty {
            coverageMedian = nil
        } else if coverages.count % 2 == 1 {
            coverageMedian = coverages[coverages.count / 2]
        } else {
            coverageMedian = (coverages[coverages.count / 2 - 1] + coverages[coverages.count / 2]) / 2
        }
        let target = standings.config.targetShare
        unitsAtTarget = coverages.filter { $0 >= target }.count
    }
}
