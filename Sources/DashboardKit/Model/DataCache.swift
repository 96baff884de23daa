import CongDanSoCore

/// Everything the screens need that depends only on the data: computed once
/// when standings arrive, so a key press never recomputes it.
struct DataCache: Sendable {
    /// Per unit (index into `dataset.units`): new registrations a day over
    /// the last `trendDays` days, oldest first (see `DailySeries`); nil for
    /// a day that starts before the data does.
    let trends: [[Int?]]
    /// Per unit: the name the table shows (`shownName`), its display width,
    /// and the name in ASCII (same width).
    let names: [String]
    let nameWidths: [Int]
    let asciiNames: [String]
    /// With a province column that gave way on a narrow screen, the names
    /// told apart in full (`Dataset.distinctName`); nil when `names`
    /// already are (no province column).
    let qualifiedNames: (names: [String], widths: [Int], ascii: [String])?
    /// Per unit: the ASCII name's width (wider than the name when the code
    /// was added to tell apart names that fold alike), and the widest.
    let asciiNameWidths: [Int]
    let asciiNameWidth: Int
    /// Per unit: the " (code)" its ASCII name ends with, when it has one.
    let asciiCodes: [String?]
    /// Widest unit name, in display columns.
    let nameWidth: Int
    /// The data is dense (an event log): the unit history has a row a day.
    let historyByDay: Bool
    /// Every grouping the data has (`Standings.dimensions`) with its groups:
    /// the summary's sections.
    let groups: [(dimension: GroupDimension, groups: [UnitGroup])]
    /// The dimension `f` filters by: the province when the data has one,
    /// else the former province; nil when it has neither.
    let placeDimension: GroupDimension?
    /// The values `f` cycles through (named groups of `placeDimension`).
    let placeValues: [String]
    /// More than one province: the table gets a province column.
    let showsProvinceColumn: Bool
    /// Widest province name, in display columns.
    let provinceWidth: Int
    /// The biggest risers and fallers in the ranking over 24 hours (nil on
    /// the data's first day).
    let movers: (risers: [RankMove], fallers: [RankMove])?
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

    /// `previous`: the cache of the data on screen when the new data has the
    /// same units (a grown log, new snapshots): its names, widths and ASCII
    /// forms, the costliest part for thousands of units, are reused.
    init(_ standings: Standings, trendDays: Int, reusingNamesOf previous: DataCache? = nil) {
        let dataset = standings.dataset
        let bounds = DailySeries.boundaries(moment: standings.moment, offset: dataset.config.timeZone, days: trendDays)
        let trends = dataset.units.indices.map {
            DailySeries.dailyNewRegistrations(dataset, unit: $0, boundaries: bounds)
        }
        self.trends = trends
        let groups = standings.dimensions.map { (dimension: $0, groups: standings.groups(by: $0)) }
        self.groups = groups
        let provinces = groups.first { $0.dimension == .province }?.groups ?? []
        showsProvinceColumn = provinces.count > 1
        provinceWidth = provinces.compactMap { $0.value.map { TextWidth.of($0) } }.max() ?? 0
        let dimensions = groups.map(\.dimension)
        let place: GroupDimension? =
            dimensions.contains(.province) ? .province : dimensions.contains(.formerProvince) ? .formerProvince : nil
        placeDimension = place
        placeValues = groups.first { $0.dimension == place }?.groups.compactMap(\.value) ?? []
        let provinceColumn = provinces.count > 1
        if let previous, previous.showsProvinceColumn == provinceColumn, previous.names.count == dataset.units.count {
            names = previous.names; nameWidths = previous.nameWidths; asciiNames = previous.asciiNames
            asciiCodes = previous.asciiCodes; asciiNameWidths = previous.asciiNameWidths
            qualifiedNames = previous.qualifiedNames
        } else {
            let shown = dataset.units.indices.map {
                Self.shownName(dataset, unit: $0, provinceColumn: provinceColumn)
            }
            let widths = shown.map { TextWidth.of($0) }
            let ascii = shown.map { TerminalText.ascii($0) }
            names = shown; nameWidths = widths
            (asciiNames, asciiCodes) = Self.asciiNames(shown, codes: dataset.units.map(\.code))
            asciiNameWidths = asciiNames.map { TextWidth.of($0) }
            if provinceColumn {
                // Only the same-named units' names differ from the shown ones.
                var full = shown, fullWidths = widths, fullASCII = ascii
                for i in dataset.units.indices where dataset.nameQualifiers[i] != nil {
                    let name = dataset.distinctName(i)
                    if name == shown[i] { continue }
                    full[i] = name; fullWidths[i] = TextWidth.of(name); fullASCII[i] = TerminalText.ascii(name)
                }
                qualifiedNames = (full, fullWidths, fullASCII)
            } else {
                qualifiedNames = nil
            }
        }
        movers = Movers.biggest(standings, count: 5)
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

    /// The unit's name as the table shows it, told apart from same-named
    /// units (`Dataset.distinctName`: "Tân Tiến (Bắc Ninh)"); with a
    /// province column beside it the province is not repeated, only a code
    /// that tells apart two of one name in one province.
    static func shownName(_ dataset: Dataset, unit: Int, provinceColumn: Bool) -> String {
        let u = dataset.units[unit]
        if provinceColumn, let q = dataset.nameQualifiers[unit], q == u.province { return u.name }
        return dataset.distinctName(unit)
    }

    /// The names in ASCII; where two fold to the same letters ("Cẩm Giang"
    /// and "Cẩm Giàng" are both "Cam Giang") each gets its code, which is
    /// what tells them apart without accents: "Cam Giang (10888)".
    static func asciiNames(_ names: [String], codes unitCodes: [String]) -> (names: [String], codes: [String?]) {
        let plain = names.map { TerminalText.ascii($0) }
        var count: [String: Int] = [:]
        for name in plain { count[name.lowercased(), default: 0] += 1 }
        let codes = names.indices.map { i -> String? in
            count[plain[i].lowercased(), default: 0] > 1 ? " (" + TerminalText.ascii(unitCodes[i]) + ")" : nil
        }
        return (names.indices.map { plain[$0] + (codes[$0] ?? "") }, codes)
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
