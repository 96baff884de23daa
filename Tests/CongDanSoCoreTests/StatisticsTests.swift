import Foundation
import Testing

@testable import CongDanSoCore

/// The statistics (now, value at T, participation, rates, ranking, 24-hour
/// change, goal and pace, as the README's "Where the numbers come from"
/// states them), on small data worked out by hand.
@Suite("Statistics")
struct StatisticsTests {
    /// Five units, three moments a day apart:
    ///
    /// | code | type    | adults     | T1 20/10 15:00 | T2 21/10 15:00 | T3 22/10 15:00 |
    /// |------|---------|------------|----------------|----------------|----------------|
    /// | 101  | phường  | 1000       | 10/5           | 30/20          | 50/30          |
    /// | 102  | xã      | 2000       | 20/10          | 25/12          | 40/25          |
    /// | 103  | đặc khu | 500        | –              | 4/2 (late)     | 6/3            |
    /// | 104  | phường  | 800        | 5/1            | – (carried)    | 9/4            |
    /// | 105  | xã      | 300 × 0.68 = 204 | –        | –              | –  (never)     |
    static func fiveUnits(config: String? = nil) -> TempDataDir {
        TempDataDir(
            units: """
                code,name,type,population,adults,former_province
                101,An Hải,phường,1500,1000,Hải Phòng
                102,Ân Thi,xã,3000,2000,Hải Dương
                103,Bạch Long Vĩ,đặc khu,700,500,Hải Phòng
                104,Đồ Sơn,phường,1200,800,Hải Phòng
                105,Tứ Kỳ,xã,300,,Hải Dương

                """,
            snapshots: [
                "t1.csv": """
                as_of,code,registered,completed
                2025-10-20T15:00:00+07:00,101,10,5
                2025-10-20T15:00:00+07:00,102,20,10
                2025-10-20T15:00:00+07:00,104,5,1

                """,
                "t2.csv": """
                as_of,code,registered,completed
                2025-10-21T15:00:00+07:00,101,30,20
                2025-10-21T15:00:00+07:00,102,25,12
                2025-10-21T15:00:00+07:00,103,4,2

                """,
                "t3.csv": """
                as_of,code,registered,completed
                2025-10-22T15:00:00+07:00,101,50,30
                2025-10-22T15:00:00+07:00,102,40,25
                2025-10-22T15:00:00+07:00,103,6,3
                2025-10-22T15:00:00+07:00,104,9,4

                """,
            ], config: config)
    }

    @Test("values at the latest moment, totals, participation, rates, coverage, ranking")
    func latestMoment() throws {
        let s = standings(try Self.fiveUnits().dataset())
        #expect(s.moment == ts("2025-10-22T15:00:00+07:00"))
        #expect(s.figures.count == 5)
        // Registered 50 + 40 + 6 + 9 + 0 = 105; completed 30 + 25 + 3 + 4 = 62.
        #expect(s.city.registered == 105)
        #expect(s.city.completed == 62)
        #expect(s.city.participating == 4)  // 105 registered nobody
        #expect(s.city.units == 5)
        #expect(close(s.city.completionRate, 62.0 / 105))
        // Ranking by registered: 101 (50), 102 (40), 104 (9), 103 (6), 105 (0).
        #expect(s.ranked.map(\.unit.code) == ["101", "102", "104", "103", "105"])
        #expect(s.ranked.map(\.rank) == [1, 2, 3, 4, 5])
        let expected: [(String, Int, Int, Double?, Double?)] = [
            ("101", 50, 30, 30.0 / 50, 30.0 / 1000),
            ("102", 40, 25, 25.0 / 40, 25.0 / 2000),
            ("103", 6, 3, 0.5, 3.0 / 500),
            ("104", 9, 4, 4.0 / 9, 4.0 / 800),
            ("105", 0, 0, nil, 0.0),  // no registrations: no completion rate; coverage 0/204
        ]
        for (code, reg, done, rate, coverage) in expected {
            let f = try figure(s, code)
            #expect(f.registered == reg, "\(code)")
            #expect(f.completed == done, "\(code)")
            #expect(close(f.completionRate, rate), "\(code)")
            #expect(close(f.coverage, coverage), "\(code)")
            #expect(f.isParticipating == (reg > 0))
        }
        #expect(try figure(s, "105").unit.adults == 204)
    }

    @Test("24-hour change, with carried values and a unit that had no row a day before")
    func changeOver24Hours() throws {
        let s = standings(try Self.fiveUnits().dataset())
        // Now T3; T3 − 24 h = T2. 104 had no T2 row: its T2 value is T1's 5/1.
        // 103 registered late (first row at T2); 105 never.
        let expected: [String: (Int, Int)] = [
            "101": (50 - 30, 30 - 20), "102": (40 - 25, 25 - 12), "103": (6 - 4, 3 - 2),
            "104": (9 - 5, 4 - 1), "105": (0, 0),
        ]
        for (code, (reg, done)) in expected {
            #expect(try figure(s, code).registeredChange24h == reg, "\(code)")
            #expect(try figure(s, code).completedChange24h == done, "\(code)")
        }
        // City: 20 + 15 + 2 + 4 = 41 registered, 10 + 13 + 1 + 3 = 27 completed.
        #expect(s.city.registeredChange24h == 41)
        #expect(s.city.completedChange24h == 27)

        // At T2 the day before is T1; 103 had no row then, so its change is its value.
        let t2 = standings(try Self.fiveUnits().dataset(), at: "2025-10-21T15:00:00+07:00")
        #expect(try figure(t2, "103").registeredChange24h == 4)
        #expect(try figure(t2, "103").completedChange24h == 2)
        #expect(try figure(t2, "104").registeredChange24h == 0)  // carried 5/1, 5/1 a day before
        #expect(t2.city.registeredChange24h == 20 + 5 + 4 + 0)
        #expect(t2.city.completedChange24h == 15 + 2 + 2 + 0)
    }

    @Test("--at between moments carries forward; --at before any row gives zeros")
    func atBetweenMoments() throws {
        let d = try Self.fiveUnits().dataset()
        // 21/10 20:00: each unit's latest row at or before it (the T2 rows, 104 from T1).
        let s = standings(d, at: "2025-10-21T20:00:00+07:00")
        #expect(s.moment == ts("2025-10-21T20:00:00+07:00"))
        #expect(s.ranked.map { [$0.registered, $0.completed] } == [[30, 20], [25, 12], [5, 1], [4, 2], [0, 0]])
        // A day before is 20/10 20:00: the T1 values.
        #expect(s.city.registeredChange24h == (30 + 25 + 5 + 4) - (10 + 20 + 5))
        #expect(JSONReport.render(s).contains("\"as_of\": \"2025-10-21T20:00:00+07:00\""))
        // Exactly at a moment includes that moment's rows (≤, not <).
        #expect(standings(d, at: "2025-10-20T15:00:00+07:00").city.registered == 35)
        #expect(standings(d, at: "2025-10-20T14:59:59+07:00").city.registered == 0)

        let early = standings(d, at: "2025-10-01T00:00:00+07:00")
        #expect(early.city.registered == 0 && early.city.completed == 0 && early.city.participating == 0)
        #expect(early.goal.pacePerDay == nil)
        #expect(
            LetterSentences.overview(early, .vi)
                == "Tính đến 00h00 ngày 01/10/2025, toàn thành phố chưa có xã, phường, đặc khu nào tham gia Cuộc thi.")
    }

    @Test("pace over the span since the first moment when shorter than 7 days")
    func paceShortSpan() throws {
        let d = try Self.fiveUnits().dataset()
        // At T3: first moment T1 is 2 days back; completed 62 now, 5+10+1 = 16 at T1: 46 / 2 = 23.
        let s = standings(d)
        #expect(close(s.goal.pacePerDay, 23))
        #expect(close(s.goal.paceDays, 2))
        // At T2: (20+12+2+1 = 35 − 16) / 1 = 19.
        #expect(close(standings(d, at: "2025-10-21T15:00:00+07:00").goal.pacePerDay, 19))
        // At 21/10 21:00, 30 h after T1: (35 − 16) / 1.25 = 15.2.
        #expect(close(standings(d, at: "2025-10-21T21:00:00+07:00").goal.pacePerDay, 15.2))
        // At T1 there is a single moment: no pace.
        #expect(standings(d, at: "2025-10-20T15:00:00+07:00").goal.pacePerDay == nil)
    }

    @Test("pace over the last 7 days, carrying the value at the window's start")
    func paceSevenDays() throws {
        // Rows on 10/10, 14/10 and 22/10 at 15:00. At 22/10 15:00 the window
        // starts 15/10 15:00, where the value carried from 14/10 is 40 completed:
        // (170 − 40) / 7 = 18.571428…
        let dir = TempDataDir(
            units: "code,name,type,population,adults\n1,A,xã,1000,1000\n",
            snapshots: [
                "s.csv": """
                as_of,code,registered,completed
                2025-10-10T15:00:00+07:00,1,10,10
                2025-10-14T15:00:00+07:00,1,50,40
                2025-10-22T15:00:00+07:00,1,200,170

                """
            ])
        let s = standings(try dir.dataset())
        #expect(close(s.goal.pacePerDay, 130.0 / 7))
        #expect(close(s.goal.paceDays, 7))
    }

    @Test("required pace: fractional days to 24:00 local of the deadline day")
    func requiredPace() throws {
        let s = standings(try Self.fiveUnits().dataset())
        // 22/10 15:00 +07:00 to 01/01/2026 00:00 +07:00: 70 days + 9 hours = 70.375 days.
        #expect(close(s.goal.daysLeft, 70.375))
        // Adults 1000 + 2000 + 500 + 800 + 204 = 4504; goal 0.8 × 4504 = 3603.2;
        // still needed 3603.2 − 62 = 3541.2; a day: 3541.2 / 70.375.
        #expect(s.goal.adults == 4504)
        #expect(close(s.goal.completedShare, 62.0 / 4504))
        #expect(close(s.goal.requiredPerDay, 3541.2 / 70.375))
        #expect(!s.goal.isReached)

        // On the deadline day at noon, half a day is left.
        let noon = Standings(
            dataset: try Self.fiveUnits(config: "deadline = 2025-10-22\n").dataset(),
            at: ts("2025-10-22T12:00:00+07:00"), now: ts("2025-10-22T12:00:00+07:00"))
        #expect(close(noon.goal.daysLeft, 0.5))
        // Values at 12:00 are T2's: 30+25+4+5 = 64 / 20+12+2+1 = 35 completed.
        #expect(close(noon.goal.requiredPerDay, (0.8 * 4504 - 35) / 0.5))
    }

    @Test("deadline passed: no required pace")
    func deadlinePassed() throws {
        let s = standings(try Self.fiveUnits(config: "deadline = 2025-10-01\n").dataset())
        #expect(s.goal.daysLeft < 0)
        #expect(s.goal.requiredPerDay == nil)
        #expect(TextReport.render(s, .vi).contains("Đã quá hạn."))
    }

    static let goalMet: [(share: String, adults: Int, completed: Int)] = [
        ("0.80", 10, 8),  // exactly at the goal
        ("0.80", 10, 9),  // beyond it
        ("0.07", 100, 7),  // 0.07 × 100 is 7.000000000000001 in binary: still met
        ("0.29", 100, 29),
        ("0.57", 100, 57),
        ("0.7", 1000, 700),
    ]

    @Test("goal reached: required pace 0, even at a share that is inexact in binary", arguments: goalMet)
    func goalReached(_ c: (share: String, adults: Int, completed: Int)) throws {
        let dir = TempDataDir(
            units: "code,name,type,population,adults\n1,A,xã,\(c.adults * 2),\(c.adults)\n",
            snapshots: [
                "s.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,\(c.completed),\(c.completed)\n"
            ], config: "target_share = \(c.share)\n")
        let s = standings(try dir.dataset())
        #expect(s.goal.isReached)
        #expect(s.goal.requiredPerDay == 0)
        let text = TextReport.render(s, .vi)
        // The goal in people is the exact product, e.g. 7 of 100, not 8.
        let needed = (Int(Double(c.share)! * 100 + 0.5) * c.adults) / 100
        #expect(
            text.contains("(\(NumberForms.integer(needed, .vi)) trên \(NumberForms.integer(c.adults, .vi)) người)"),
            "\(text)")
        #expect(text.contains("Đã hoàn thành mục tiêu."))
    }

    @Test("one short of the goal is not reached")
    func goalOneShort() throws {
        let dir = TempDataDir(
            units: "code,name,type,population,adults\n1,A,xã,200,100\n",
            snapshots: ["s.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,6,6\n"],
            config: "target_share = 0.07\n")
        let s = standings(try dir.dataset())
        #expect(!s.goal.isReached)
        #expect(close(s.goal.requiredPerDay, 1 / 70.375))
    }

    @Test("totals by type and by former province")
    func groups() throws {
        let s = standings(try Self.fiveUnits().dataset())
        // xã: 102 (40/25, adults 2000) and 105 (0/0, 204); phường: 101 (50/30, 1000)
        // and 104 (9/4, 800); đặc khu: 103 (6/3, 500).
        #expect(s.byType.map(\.type) == [.xa, .phuong, .dacKhu])
        #expect(s.byType.map { [$0.totals.units, $0.totals.participating] } == [[2, 1], [2, 2], [1, 1]])
        #expect(
            s.byType.map { [$0.totals.registered, $0.totals.completed, $0.totals.adults] }
                == [[40, 25, 2204], [59, 34, 1800], [6, 3, 500]])
        // Hải Dương: 102, 105; Hải Phòng: 101, 103, 104 (Dương before Phòng).
        #expect(s.byFormerProvince.map(\.province) == ["Hải Dương", "Hải Phòng"])
        #expect(
            s.byFormerProvince.map { [$0.totals.units, $0.totals.registered, $0.totals.completed, $0.totals.adults] }
                == [[2, 40, 25, 2204], [3, 65, 37, 2300]])
        #expect(close(s.byFormerProvince[1].totals.coverage, 37.0 / 2300))
        // The text report lists the groups.
        let text = TextReport.render(s, .vi)
        #expect(text.contains("xã: 2 đơn vị, 40 đăng ký, 25 hoàn thành"))
        #expect(text.contains("Hải Phòng: 3 đơn vị, 65 đăng ký, 37 hoàn thành"))
    }

    /// Twelve units; the last three tie on registered (50) at ranks 10 to 12.
    static func twelve(_ tied: [(code: String, completed: Int)]) -> TempDataDir {
        let leaders = (0..<9).map { (code: "L\($0)", registered: 500 - 10 * $0) }
        var units = "code,name,type,population\n"
        var rows = "as_of,code,registered,completed\n"
        for l in leaders {
            units += "\(l.code),Đơn vị \(l.code),xã,1000\n"
            rows += "2025-10-22T15:00:00+07:00,\(l.code),\(l.registered),100\n"
        }
        for t in tied {
            units += "\(t.code),Đơn vị \(t.code),phường,1000\n"
            rows += "2025-10-22T15:00:00+07:00,\(t.code),50,\(t.completed)\n"
        }
        return TempDataDir(units: units, snapshots: ["s.csv": rows])
    }

    @Test("a tie at the tenth place is decided by completed, then by code as text")
    func tiesAtTenth() throws {
        // All three 50/20: by code as text "1000" < "120" < "999", so 1000 is tenth.
        let s = standings(try Self.twelve([("999", 20), ("120", 20), ("1000", 20)]).dataset())
        let leaders = (0..<9).map { "L\($0)" }
        #expect(s.top().map(\.unit.code) == leaders + ["1000"])
        #expect(s.bottom().map(\.unit.code) == ["999", "120", "1000", "L8", "L7", "L6", "L5", "L4", "L3", "L2"])
        #expect(s.bottom().map(\.rank) == Array((3...12).reversed()))

        // Tied on registered, 999 completed more: it is tenth.
        let t = standings(try Self.twelve([("999", 30), ("120", 20), ("1000", 20)]).dataset())
        #expect(t.top().last?.unit.code == "999")
        #expect(t.ranked.suffix(3).map(\.unit.code) == ["999", "1000", "120"])
        #expect(t.bottom().prefix(3).map(\.unit.code) == ["120", "1000", "999"])
        // The letter does not present that choice as a fact (issue 11): it
        // names the nine ahead and says how many share the tenth's figure.
        #expect(
            LetterSentences.top(t, .vi)?.hasSuffix(
                "xã Đơn vị L8 và 3 đơn vị cùng có 50 thí sinh đăng ký (phường Đơn vị 999, phường Đơn vị 1000, phường Đơn vị 120)."
            ) == true)
        #expect(
            LetterSentences.top(t, .vi)?.hasPrefix("Các xã, phường có số thí sinh tham gia nhiều nhất: xã Đơn vị L0,")
                == true)
    }

    @Test("fewer than ten units: the lists hold them all, and name only the types present")
    func fewerThanTen() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n1,Tứ Kỳ,xã,100\n2,Gia Viên,xã,100\n3,Việt Khê,xã,100\n",
            snapshots: [
                "s.csv":
                    "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,5,1\n2025-10-22T15:00:00+07:00,2,9,1\n"
            ])
        let s = standings(try dir.dataset())
        #expect(s.top().map(\.unit.code) == ["2", "1", "3"])
        #expect(s.bottom().map(\.unit.code) == ["3", "1", "2"])
        #expect(
            LetterSentences.top(s, .vi)
                == "3 xã có số thí sinh tham gia nhiều nhất: xã Gia Viên, xã Tứ Kỳ, xã Việt Khê.")
        #expect(
            LetterSentences.bottom(s, .vi)
                == "3 xã có số thí sinh tham gia ít nhất: xã Việt Khê, xã Tứ Kỳ, xã Gia Viên.")
        // Two of three take part; only xã are present.
        #expect(
            LetterSentences.overview(s, .vi)
                == "Tính đến 15h00 ngày 22/10/2025, toàn thành phố đã có 2 xã tham gia Cuộc thi với 14 thí sinh đăng ký tham gia, 2 thí sinh hoàn thành bài thi."
        )
    }

    @Test("no snapshot at all: a warning, every unit 0/0, reports still render")
    func noSnapshots() throws {
        let dir = TempDataDir(units: "code,name,type,population\n1,Tứ Kỳ,xã,100\n2,Gia Viên,phường,0\n")
        let result = dir.load()
        #expect(!result.issues.hasErrors)
        #expect(!result.issues.warnings.isEmpty)
        let d = try #require(result.dataset)
        let s = standings(d)
        #expect(s.city.registered == 0 && s.city.participating == 0)
        #expect(try figure(s, "2").coverage == nil)  // no adults
        #expect(try figure(s, "2").completionRate == nil)
        #expect(s.goal.pacePerDay == nil)
        let json = try JSONSerialization.jsonObject(with: Data(JSONReport.render(s).utf8)) as? [String: Any]
        #expect(json?["registered"] as? Int == 0)
        _ = TextReport.render(s, .vi)
        _ = MarkdownReport.render(s, .en)
    }
}
