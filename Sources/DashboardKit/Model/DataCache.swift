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
    /// Per unit: its city rank 24 hours before the moment (nil on the data's first day).
    let ranks24h: [Int]?
    /// The units that need a call today.
    let attention: [AttentionItem]
    /// Units sharing the figure at the tenth place of the top / bottom ten.
    let topTie: BoundaryTie?
    let bottomTie: BoundaryTie?

    init(_ standings: Standings, trendDays: Int) {
        let dataset = standings.dataset
        let bounds = DailySeries.boundaries(moment: standings.moment, offset: dataset.config.timeZone, days: trendDays)
        let trends = dataset.units.indices.map {
            DailySeries.dailyNewRegistrations(dataset, unit: $0, boundaries: bounds)
        }
        self.trends = trends
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
        historyByDay = HistoryRow.isDense(dataset)
        coverage = CoverageSpread(standings.figures, target: standings.config.targetShare)
        if standings.hasChange24h {
            let before = Standings(dataset: dataset, at: standings.dayBefore, now: standings.moment)
            ranks24h = before.figures.map(\.rank)
        } else {
            ranks24h = nil
        }
        attention = Attention.items(standings)
        topTie = BoundaryTie.at(standings, top: true)
        bottomTie = BoundaryTie.at(standings, top: false)
    }
}
