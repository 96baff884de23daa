import Testing

@testable import CongDanSoCore

/// Statistics the dashboard shows beside the report's: one unit's gap to
/// the goal, the spread of coverage over units, and day-by-day series.
@Suite struct UnitGoalStatisticsTests {
    @Test func completionsStillNeededForTheGoal() {
        // ceil(0.8 × 69,527 − 1,286) = ceil(54,335.6)
        #expect(GoalGap.completionsNeeded(adults: 69_527, completed: 1_286, share: 0.8) == 54_336)
        #expect(GoalGap.completionsNeeded(adults: 1000, completed: 800, share: 0.8) == 0, "exactly at the goal")
        #expect(GoalGap.completionsNeeded(adults: 1000, completed: 900, share: 0.8) == 0, "past it: never negative")
        #expect(GoalGap.completionsNeeded(adults: 1000, completed: 799, share: 0.8) == 1)
        #expect(GoalGap.completionsNeeded(adults: 0, completed: 0, share: 0.8) == 0)
    }

    static let units = """
        code,name,type,population,adults
        01,An,xã,100,100
        02,Bình,xã,100,100
        03,Cát,phường,100,100
        04,Dương,phường,100,0
        05,Em,xã,100,100

        """

    /// The figures of the five units with these completions (registered = completed, at least 1).
    static func figures(_ completed: [Int]) throws -> [UnitFigures] {
        var rows = "as_of,code,registered,completed\n"
        for (i, c) in completed.enumerated() {
            rows += "2025-10-22T15:00:00+07:00,0\(i + 1),\(max(c, 1)),\(c)\n"
        }
        let dir = TempDataDir(units: units, snapshots: ["s.csv": rows])
        return standings(try dir.dataset()).figures.sorted { $0.unit.code < $1.unit.code }
    }

    @Test func coverageSpreadOverUnitsWithAdults() throws {
        // Coverages 10%, 50%, 90%, 70%; unit 04 has no adults and no coverage.
        let spread = CoverageSpread(try Self.figures([10, 50, 90, 0, 70]), target: 0.5)
        #expect(close(spread.lowest, 0.1) && close(spread.highest, 0.9))
        #expect(close(spread.median, 0.6), "an even count: the mean of the middle two")
        #expect(spread.unitsAtTarget == 3, "at the target counts")
    }

    @Test func theMedianOfAnOddCountIsTheMiddleOne() throws {
        let spread = CoverageSpread(Array(try Self.figures([10, 50, 90, 0, 70]).prefix(3)), target: 0.8)
        #expect(close(spread.median, 0.5))
        #expect(spread.unitsAtTarget == 1)
        let none = CoverageSpread([], target: 0.8)
        #expect(none.median == nil && none.lowest == nil && none.highest == nil && none.unitsAtTarget == 0)
    }

    @Test func dailyNewRegistrationsAddUpToTheCount() throws {
        let dir = TempDataDir(
            units: Self.units,
            snapshots: [
                "s.csv": """
                as_of,code,registered,completed
                2025-10-20T15:00:00+07:00,01,5,0
                2025-10-21T15:00:00+07:00,01,12,0
                2025-10-22T09:00:00+07:00,01,20,0
                2025-10-22T15:00:00+07:00,01,30,0

                """
            ])
        let dataset = try dir.dataset()
        let moment = ts("2025-10-22T12:00:00+07:00")
        let bounds = DailySeries.boundaries(moment: moment, offset: .vietnam, days: 3)
        #expect(bounds.count == 4)
        #expect(bounds.last == moment, "the last day ends at the moment")
        // One day, one change: days are the 24 hours to the moment's time of day.
        #expect(bounds[2] == ts("2025-10-21T12:00:00+07:00"))
        #expect(bounds[0] == ts("2025-10-19T12:00:00+07:00"))
        let series = DailySeries.dailyNewRegistrations(dataset, unit: 0, boundaries: bounds)
        // 19/10 12:00 and 20/10 12:00 start before the data (its first row
        // is at 15:00 on 20/10): unknown, not a rise from zero. To 22/10
        // 12:00: 15 (the 09:00 row; the 15:00 row is after the moment).
        #expect(series == [nil, nil, 15])
        // The last day is the change over 24 hours.
        #expect(series.last! == dataset.change(unit: 0, from: bounds[2], to: moment)?.registered)
        let two = DailySeries.boundaries(moment: moment, offset: .vietnam, days: 2)
        #expect(DailySeries.dailyNewRegistrations(dataset, unit: 0, boundaries: two) == [nil, 15])
    }

    /// Five units over two snapshots a day apart (registered, completed).
    static func moversData(_ before: [(Int, Int)], _ now: [(Int, Int)]) throws -> Standings {
        var rows = "as_of,code,registered,completed\n"
        for (i, v) in before.enumerated() { rows += "2025-10-21T15:00:00+07:00,0\(i + 1),\(v.0),\(v.1)\n" }
        for (i, v) in now.enumerated() { rows += "2025-10-22T15:00:00+07:00,0\(i + 1),\(v.0),\(v.1)\n" }
        return standings(try TempDataDir(units: units, snapshots: ["s.csv": rows]).dataset())
    }

    @Test func competitionPlacesShareTies() {
        #expect(Movers.places([(5, 1), (9, 0), (5, 1), (0, 0), (5, 2)]) == [3, 1, 3, 5, 2])
        #expect(Movers.places([(0, 0), (0, 0)]) == [1, 1])
        #expect(Movers.places([]) == [])
    }

    @Test func risersAndFallersOverTheLastDay() throws {
        // Before: 01 50, 02 40, 03 30, 04 20, 05 10 (places 1–5).
        // Now:    01 55, 02 41, 03 80, 04 20, 05 45: 03 rises 2 places (3→1), 05 rises 2 (5→3);
        //         01 falls 1 (1→2), 02 falls 2 (2→4), 04 falls 1 (4→5).
        let s = try Self.moversData(
            [(50, 0), (40, 0), (30, 0), (20, 0), (10, 0)], [(55, 0), (41, 0), (80, 0), (20, 0), (45, 0)])
        let m = try #require(Movers.biggest(s, count: 5))
        #expect(
            m.risers.map { s.figures[$0.index].unit.code } == ["03", "05"], "ties in places: the better place now first"
        )
        #expect(m.risers.map(\.places) == [2, 2])
        #expect(m.risers.map(\.registeredChange24h) == [50, 35])
        #expect(m.fallers.map { s.figures[$0.index].unit.code } == ["02", "01", "04"])
        #expect(m.fallers.map(\.places) == [-2, -1, -1])
        #expect(m.fallers.map { [$0.placeBefore, $0.placeNow] } == [[2, 4], [1, 2], [4, 5]])
        let one = try #require(Movers.biggest(s, count: 1))
        #expect(one.risers.count == 1 && one.fallers.count == 1)
        #expect(
            m.risers.allSatisfy { $0.places > 0 } && m.fallers.allSatisfy { $0.places < 0 },
            "04 and stayers are in neither list")
    }

    @Test func tiesAtZeroAreNotMoves() throws {
        // Everyone at 0 the day before: a unit that gains nothing keeps its shared
        // place 1 → it falls behind those that gained; units tied then and now do not move.
        let s = try Self.moversData(
            [(0, 0), (0, 0), (0, 0), (0, 0), (0, 0)], [(3, 0), (0, 0), (0, 0), (0, 0), (0, 0)])
        let m = try #require(Movers.biggest(s))
        #expect(m.risers.isEmpty, "from a shared first place nobody climbs")
        #expect(m.fallers.map { s.figures[$0.index].unit.code } == ["02", "03", "04", "05"])
        #expect(m.fallers.allSatisfy { $0.places == -1 })
    }

    @Test func noMovesOnTheDataFirstDay() throws {
        let rows = "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,01,5,0\n"
        let s = standings(try TempDataDir(units: Self.units, snapshots: ["s.csv": rows]).dataset())
        #expect(Movers.moves(s) == nil && Movers.biggest(s) == nil)
    }
}
