import Foundation
import Testing

@testable import CongDanSoCore

/// Freshness, the attention reasons and ties at the tenth place: the
/// monitor's pure functions (issue 11).
@Suite struct FreshnessTests {
    let moment = ts("2025-10-22T15:00:00+07:00")

    @Test func threeStates() {
        let now = ts("2025-10-22T15:20:00+07:00")
        #expect(Freshness.of(moment: moment, now: now, staleAfterSeconds: 1800, readFailed: false) == .live)
        #expect(Freshness.of(moment: moment, now: now, staleAfterSeconds: 600, readFailed: false) == .late)
        #expect(Freshness.of(moment: moment, now: now, staleAfterSeconds: 1800, readFailed: true) == .stale)
        // Exactly stale_after old is still live; a clock behind the data is live.
        #expect(Freshness.of(moment: moment, now: now, staleAfterSeconds: 1200, readFailed: false) == .live)
        #expect(
            Freshness.of(moment: moment, now: ts("2025-10-22T14:00:00+07:00"), staleAfterSeconds: 1, readFailed: false)
                == .live)
    }

    @Test func ageInWords() {
        func age(_ now: String) -> Int64 { Freshness.ageSeconds(moment: moment, now: ts(now)) }
        #expect(Freshness.ageText(age("2025-10-22T15:00:40+07:00"), .vi) == "vừa xong")
        #expect(Freshness.ageText(age("2025-10-22T15:03:10+07:00"), .vi) == "3 phút trước")
        #expect(Freshness.ageText(age("2025-10-22T20:10:00+07:00"), .vi) == "5 giờ trước")
        #expect(Freshness.ageText(age("2026-11-30T15:30:00+07:00"), .vi) == "404 ngày trước")
        #expect(Freshness.ageText(age("2026-11-30T15:30:00+07:00"), .en) == "404 days ago")
        #expect(Freshness.ageText(age("2025-10-22T15:03:10+07:00"), .en) == "3 min ago")
    }

    @Test func durations() {
        #expect(Freshness.parseDuration("30m") == 1800)
        #expect(Freshness.parseDuration("26h") == 93_600)
        #expect(Freshness.parseDuration("1d2h") == 93_600)
        #expect(Freshness.parseDuration("90s") == 90)
        #expect(Freshness.parseDuration("45") == 2700, "a bare number is minutes")
        #expect(Freshness.parseDuration("") == nil)
        #expect(Freshness.parseDuration("3x") == nil)
        #expect(Freshness.parseDuration("m") == nil)
        #expect(Freshness.durationText(1800) == "30m")
        #expect(Freshness.durationText(93_600) == "26h")
    }

    @Test func defaultsByKindOfData() throws {
        // The sample has an event log: minutes.
        let sample = try #require(DataDirectory.load(sampleDataPath).dataset)
        #expect(Freshness.staleAfterSeconds(sample) == Freshness.eventLogStaleAfter)
        // Daily snapshots: a day and a bit.
        let dir = TempDataDir(
            units: "code,name,type,population\n1,A,xã,100\n",
            snapshots: [
                "a.csv":
                    "as_of,code,registered,completed\n2025-10-21T15:00:00+07:00,1,1,0\n2025-10-22T15:00:00+07:00,1,2,1\n"
            ])
        let daily = try dir.dataset()
        #expect(Freshness.staleAfterSeconds(daily) == Freshness.snapshotStaleAfter)
        #expect(Freshness.snapshotStaleAfter > 86_400)
        // The config wins, and the command line wins over the config.
        let set = TempDataDir(units: "code,name,type,population\n1,A,xã,100\n", config: "stale_after = \"45m\"\n")
        #expect(try set.dataset().config.staleAfterSeconds == 2700)
        #expect(try set.dataset(ConfigOverrides(staleAfterSeconds: 60)).config.staleAfterSeconds == 60)
    }

    @Test func badConfigValuesAreErrors() {
        let dir = TempDataDir(
            units: "code,name,type,population\n1,A,xã,100\n",
            config: "stale_after = \"soon\"\nattention_coverage_ratio = 2\nattention_stalled_hours = 0\n")
        let errors = dir.load().issues.errors.map(\.description)
        #expect(errors.count == 3)
        #expect(errors.contains { $0.contains("config.toml:1:") && $0.contains("stale_after") })
        #expect(errors.contains { $0.contains("config.toml:2:") && $0.contains("attention_coverage_ratio") })
        #expect(errors.contains { $0.contains("config.toml:3:") && $0.contains("attention_stalled_hours") })
    }
}

@Suite struct AttentionTests {
    /// Five units over two snapshot days; the city's coverage and rate come
    /// from all five.
    func dataset(config: String? = nil) throws -> Dataset {
        let units = """
            code,name,type,population,adults
            1,Active,xã,1000,1000
            2,Stalled,xã,1000,1000
            3,Nobody,xã,1000,1000
            4,Thin,phường,1000,1000
            5,Unfinished,phường,1000,1000

            """
        // 22/10 15:00 is now. Active grows all day; Stalled stopped at 06:00;
        // Thin has few completions for its adults; Unfinished registers but
        // rarely completes.
        let snapshots = """
            as_of,code,registered,completed
            2025-10-21T15:00:00+07:00,1,100,60
            2025-10-21T15:00:00+07:00,2,90,50
            2025-10-21T15:00:00+07:00,4,10,2
            2025-10-21T15:00:00+07:00,5,80,10
            2025-10-22T06:00:00+07:00,1,150,90
            2025-10-22T06:00:00+07:00,2,120,70
            2025-10-22T06:00:00+07:00,4,12,3
            2025-10-22T06:00:00+07:00,5,100,12
            2025-10-22T15:00:00+07:00,1,200,120
            2025-10-22T15:00:00+07:00,2,120,80
            2025-10-22T15:00:00+07:00,4,14,4
            2025-10-22T15:00:00+07:00,5,130,14

            """
        return try TempDataDir(units: units, snapshots: ["s.csv": snapshots], config: config).dataset()
    }

    @Test func hoursSinceTheLastNewRegistration() throws {
        let d = try dataset()
        let now = ts("2025-10-22T15:00:00+07:00")
        #expect(Attention.hoursSinceLastRegistration(d, unit: 0, at: now) == 0)
        #expect(Attention.hoursSinceLastRegistration(d, unit: 1, at: now) == 9, "120 since 06:00")
        #expect(Attention.hoursSinceLastRegistration(d, unit: 2, at: now) == nil, "never registered")
    }

    @Test func reasons() throws {
        let s = standings(try dataset())
        let items = Attention.items(s)
        func reasons(_ code: String) -> [AttentionReason] { items.first { $0.code == code }?.reasons ?? [] }
        #expect(reasons("2").contains(.stalled(hours: 9)))
        #expect(reasons("3").first == .noRegistrations)
        // City coverage 218/5000 = 4.36%; Thin 0.4% is below half of it.
        #expect(reasons("4").contains { if case .lowCoverage = $0 { return true } else { return false } })
        // City completion rate 218/464 = 47%; Unfinished 10.8% is below 75% of it.
        #expect(reasons("5").contains { if case .lowCompletion = $0 { return true } else { return false } })
        #expect(!reasons("1").contains { if case .stalled = $0 { return true } else { return false } })
        // Most reasons first.
        let counts = items.map(\.reasons.count)
        #expect(counts == counts.sorted(by: >))
        // Every reason says why, in both languages.
        for item in items {
            for r in item.reasons {
                #expect(!r.text(.vi).isEmpty && !r.text(.en).isEmpty)
            }
        }
        #expect(AttentionReason.stalled(hours: 9).text(.vi) == "không có đăng ký mới trong 9 giờ")
        #expect(AttentionReason.noRegistrations.text(.vi) == "chưa có thí sinh đăng ký")
    }

    @Test func thresholdsComeFromTheConfig() throws {
        let strict = standings(try dataset(config: "attention_stalled_hours = 12\n"))
        let stalled = Attention.items(strict).first { $0.code == "2" }?.reasons ?? []
        #expect(stalled.contains(.stalled(hours: 9)) == false, "9 hours is under a 12-hour threshold")
        let loose = standings(
            try dataset(config: "attention_coverage_ratio = 0.01\nattention_completion_ratio = 0.01\n"))
        // Only units with no completions at all stay below 1% of the city's.
        let reasons = Attention.items(loose).filter { $0.code == "4" || $0.code == "5" }.flatMap(\.reasons)
        let kinds = reasons.map { "\($0)".prefix(while: { $0 != "(" }) }
        #expect(kinds.contains("lowCoverage") == false)
        #expect(kinds.contains("lowCompletion") == false)
    }

    @Test func furthestBehindTheirPace() throws {
        let s = standings(try dataset())
        let behind = Attention.furthestBehind(s, count: 2)
        #expect(behind.count == 2)
        // Worst ratio of pace to need first.
        let ratios = behind.map { $0.1 / $0.2 }
        #expect(ratios == ratios.sorted())
        #expect(behind.allSatisfy { $0.1 < $0.2 })
    }
}

@Suite struct BoundaryTieTests {
    /// `n` units, the last `zeros` with nobody registered.
    func standingsWith(units n: Int, zeros: Int) throws -> Standings {
        var units = "code,name,type,population\n"
        var rows = "as_of,code,registered,completed\n"
        for i in 1...n {
            units += "\(String(format: "%02d", i)),Đơn vị \(i),xã,1000\n"
            let registered = i <= n - zeros ? 100 - i : 0
            rows += "2025-10-22T15:00:00+07:00,\(String(format: "%02d", i)),\(registered),0\n"
        }
        return standings(try TempDataDir(units: units, snapshots: ["s.csv": rows]).dataset())
    }

    @Test func aTieAtTheBottomSaysHowManyShareIt() throws {
        let s = try standingsWith(units: 30, zeros: 15)
        let tie = try #require(BoundaryTie.at(s, top: false))
        #expect(tie.registered == 0 && tie.tied.count == 15 && tie.beyond.isEmpty)
        #expect(
            LetterSentences.bottom(s, .vi)
                == "Các xã có số thí sinh tham gia ít nhất: 15 đơn vị chưa có thí sinh đăng ký.")
        #expect(
            LetterSentences.bottom(s, .en)
                == "The communes with the fewest participants: 15 units with no candidate registered yet.")
        #expect(BoundaryTie.at(s, top: true) == nil)
    }

    @Test func unitsBeyondTheTieAreNamed() throws {
        var units = "code,name,type,population\n"
        var rows = "as_of,code,registered,completed\n"
        let counts = [50, 40, 30, 20, 12, 12, 12, 12, 12, 12, 12, 12, 5, 3, 0]
        for (i, c) in counts.enumerated() {
            units += "u\(i),Đơn vị \(i),xã,1000\n"
            rows += "2025-10-22T15:00:00+07:00,u\(i),\(c),0\n"
        }
        let s = standings(try TempDataDir(units: units, snapshots: ["s.csv": rows]).dataset())
        let tie = try #require(BoundaryTie.at(s, top: false))
        #expect(tie.registered == 12 && tie.tied.count == 8)
        #expect(tie.beyond.map(\.registered) == [0, 3, 5])
        #expect(
            LetterSentences.bottom(s, .vi)
                == "Các xã có số thí sinh tham gia ít nhất: xã Đơn vị 14, xã Đơn vị 13, xã Đơn vị 12 và 8 đơn vị cùng có 12 thí sinh đăng ký."
        )
        // The top ten end inside the same tie.
        let top = try #require(BoundaryTie.at(s, top: true))
        #expect(top.beyond.map(\.registered) == [50, 40, 30, 20])
    }

    @Test func withoutATieTheLettersSentencesStayWordForWord() throws {
        let dataset = try #require(DataDirectory.load(sampleDataPath).dataset)
        let s = Standings(dataset: dataset, now: ts("2025-10-22T16:00:00+07:00"))
        #expect(BoundaryTie.at(s, top: true) == nil && BoundaryTie.at(s, top: false) == nil)
        #expect(
            LetterSentences.bottom(s, .vi)
                == "10 xã, phường, đặc khu có số thí sinh tham gia ít nhất: đặc khu Bạch Long Vĩ, xã Tuệ Tĩnh, phường Đồ Sơn, phường Nam Đồng, phường Nam Đồ Sơn, xã Thượng Hồng, xã Hồng Châu, xã Kiến Hải, xã Hải Hưng, xã Nghi Dương."
        )
        #expect(
            LetterSentences.top(s, .vi)
                == "10 xã, phường có số thí sinh tham gia nhiều nhất: xã Tứ Kỳ, xã Việt Khê, phường Gia Viên, xã Trần Phú, xã Kiến Hưng, xã Chí Minh, xã An Thành, phường Bạch Đằng, phường Thạch Khôi, xã Tân Kỳ."
        )
    }
}

@Suite struct ReportFreshnessTests {
    @Test func reportWarnsWhenTheDataIsOlderThanStaleAfter() throws {
        // The sample's data is of 22/10/2025: older than 30 minutes by any clock after that.
        let old = try CommandLineTests.run(["report", "--data", sampleDataPath])
        #expect(old.status == 0)
        #expect(old.stdout.contains("Số liệu lúc 15h00 ngày 22/10/2025"), "the report states the data's moment")
        #expect(old.stderr.contains("the data's latest moment is 2025-10-22T15:00:00+07:00"))
        #expect(old.stderr.contains("older than stale_after (30m)"))
        // The letter's sentences are untouched on standard output.
        #expect(
            old.stdout.contains(
                "10 xã, phường, đặc khu có số thí sinh tham gia ít nhất: đặc khu Bạch Long Vĩ, xã Tuệ Tĩnh, phường Đồ Sơn, phường Nam Đồng, phường Nam Đồ Sơn, xã Thượng Hồng, xã Hồng Châu, xã Kiến Hải, xã Hải Hưng, xã Nghi Dương."
            ))
        // A long enough stale_after: no warning. A report --at a chosen moment: none either.
        let patient = try CommandLineTests.run(["report", "--data", sampleDataPath, "--stale-after", "100000d"])
        #expect(!patient.stderr.contains("stale_after"))
        let at = try CommandLineTests.run(["report", "--data", sampleDataPath, "--at", "2025-10-21T15:30:00+07:00"])
        #expect(!at.stderr.contains("stale_after"))
        let bad = try CommandLineTests.run(["report", "--data", sampleDataPath, "--stale-after", "soon"])
        #expect(bad.status != 0 && bad.stderr.contains("--stale-after"))
    }
}
