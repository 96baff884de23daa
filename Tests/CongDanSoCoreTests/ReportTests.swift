import Foundation
import Testing

@testable import CongDanSoCore

/// The reports: the letter's sentences on the sample data, and the JSON
/// report checked field by field against an independent computation.
@Suite("Reports")
struct ReportTests {
    static let letterOverview =
        "Tính đến 15h00 ngày 22/10/2025, toàn thành phố đã có 114 xã, phường, đặc khu tham gia Cuộc thi với 84.360 thí sinh đăng ký tham gia, 49.317 thí sinh hoàn thành bài thi."
    static let letterTop =
        "10 xã, phường có số thí sinh tham gia nhiều nhất: xã Tứ Kỳ, xã Việt Khê, phường Gia Viên, xã Trần Phú, xã Kiến Hưng, xã Chí Minh, xã An Thành, phường Bạch Đằng, phường Thạch Khôi, xã Tân Kỳ."
    static let letterBottom =
        "10 xã, phường, đặc khu có số thí sinh tham gia ít nhất: đặc khu Bạch Long Vĩ, xã Tuệ Tĩnh, phường Đồ Sơn, phường Nam Đồng, phường Nam Đồ Sơn, xã Thượng Hồng, xã Hồng Châu, xã Kiến Hải, xã Hải Hưng, xã Nghi Dương."

    static func sample() throws -> Dataset {
        let result = DataDirectory.load(sampleDataPath)
        #expect(!result.issues.hasErrors, "\(result.issues.errors.prefix(3).map(\.description))")
        return try #require(result.dataset)
    }

    @Test("the text report holds the letter's three sentences, word for word")
    func letter() throws {
        let s = standings(try Self.sample())
        let lines = TextReport.render(s, .vi).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains(Self.letterOverview))
        #expect(lines.contains(Self.letterTop))
        #expect(lines.contains(Self.letterBottom))
        // NFC, like the letter.
        #expect(lines.contains { scalars($0) == scalars(Self.letterTop) })
        #expect(LetterSentences.overview(s, .vi) == Self.letterOverview)
        // Markdown carries the same sentences (nothing in them needs escaping).
        let markdown = MarkdownReport.render(s, .vi)
        #expect(markdown.contains(Self.letterOverview) && markdown.contains(Self.letterTop))
    }

    @Test("--at 21/10 15:30 gives the public figure 70.949 / 42.117")
    func letterAtEarlierMoment() throws {
        let s = standings(try Self.sample(), at: "2025-10-21T15:30:00+07:00")
        #expect(s.city.registered == 70949)
        #expect(s.city.completed == 42117)
        #expect(
            LetterSentences.overview(s, .vi)
                == "Tính đến 15h30 ngày 21/10/2025, toàn thành phố đã có 114 xã, phường, đặc khu tham gia Cuộc thi với 70.949 thí sinh đăng ký tham gia, 42.117 thí sinh hoàn thành bài thi."
        )
        // The next snapshot moment: the letter's figures, from either source.
        let next = standings(try Self.sample(), at: "2025-10-22T15:00:00+07:00")
        #expect(next.city.registered == 84360 && next.city.completed == 49317)
        // Between two snapshot moments: snapshots alone carry the earlier
        // value forward; with sample-data/events.csv (the source when present)
        // it is the log counted up to that moment, counted here on its own.
        let between = standings(try Self.sample(), at: "2025-10-22T09:00:00+07:00")
        let expected = try Self.cityFromEventLog(upTo: "2025-10-22T09:00:00+07:00") ?? (70949, 42117)
        #expect(between.city.registered == expected.registered && between.city.completed == expected.completed)
        if FileManager.default.fileExists(atPath: sampleDataPath + "/events.csv") {
            // Strictly between the two figures: the log moves during 22/10.
            #expect(70949 < between.city.registered && between.city.registered < 84360)
            #expect(42117 < between.city.completed && between.city.completed < 49317)
        }
    }

    /// City totals from sample-data/events.csv at `time` (nil without the
    /// file), independently of the loader: a candidate counts as registered
    /// from its first event of any kind, as completed from its first
    /// `completed`. Every time in the sample log is written with +07:00, as
    /// is `time`, so comparing the text compares the moments.
    static func cityFromEventLog(upTo time: String) throws -> (registered: Int, completed: Int)? {
        let path = sampleDataPath + "/events.csv"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var registered = Set<Substring>(), completed = Set<Substring>()
        var lines = text.split(separator: "\n")
        #expect(lines.removeFirst() == "time,unit_code,candidate_id,event")
        for line in lines {
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            try #require(f.count == 4 && f[0].count == 25 && f[0].hasSuffix("+07:00"), "\(line)")
            guard f[0] <= time else { continue }
            registered.insert(f[2])
            if f[3] == "completed" { completed.insert(f[2]) }
        }
        return (registered.count, completed.count)
    }

    @Test("English report: English number and date forms")
    func english() throws {
        let s = standings(try Self.sample())
        let text = TextReport.render(s, .en)
        #expect(text.contains("84,360") && text.contains("49,317"))
        #expect(text.contains("15:00 on 22 October 2025"))
        #expect(!text.contains("84.360"))
        #expect(text.contains("Tu Ky") == false)  // names keep their diacritics
        #expect(text.contains("Tứ Kỳ"))
    }

    @Test("the goal line and the day's change on the sample")
    func goalOnSample() throws {
        let s = standings(try Self.sample())
        let model = try IndependentModel(directory: sampleDataPath)
        let now = model.latestMs
        #expect(close(s.goal.daysLeft, 70.375))
        // The 7-day window is 15/10 15:00 to 22/10 15:00 (the data starts 13/10).
        let pace = try #require(model.pace(at: now))
        #expect(close(s.goal.pacePerDay, pace))
        #expect(close(pace, Double(49317 - model.totalCompleted(at: now - 7 * 86_400_000)) / 7))
        // The day's change compares with 21/10 15:00, not with the 15:30 figure
        // (84.360 − 70.949 = 13.411 would be 23.5 hours).
        let day = model.ranked(at: now).reduce(0) { $0 + $1.registeredChange! }
        #expect(s.city.registeredChange24h == day)
        #expect(s.city.registeredChange24h != 84360 - 70949)
        let text = TextReport.render(s, .vi)
        #expect(text.contains("Còn 70,4 ngày"))
        #expect(text.contains("\(NumberForms.integer(Int(pace.rounded()), .vi)) người/ngày"))
        #expect(text.contains("Trong 24 giờ qua: \(NumberForms.signed(day, .vi)) thí sinh đăng ký"))
    }

    @Test("Markdown escapes characters that would break a table or start markup")
    func markdownEscapes() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n1,A|B *C*,xã,100\n",
            snapshots: ["s.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,2,1\n"])
        let s = standings(try dir.dataset())
        let table = TableExport.markdown(s.ranked, .vi)
        let row = try #require(table.split(separator: "\n").last)
        // Header, rule and one row: the row has as many cells as the header.
        let header = try #require(table.split(separator: "\n").first)
        func cells(_ line: Substring) -> Int {
            line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
        }
        #expect(cells(row) == cells(header))
        #expect(row.contains("A\\|B \\*C\\*"))
    }

    // MARK: - JSON against the independent computation

    static func json(_ s: Standings) throws -> [String: Any] {
        let text = JSONReport.render(s)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    /// Compares every field the contract lists with the independent model.
    static func compare(_ json: [String: Any], _ model: IndependentModel, at t: Int64, label: String) {
        let ranked = model.ranked(at: t)
        #expect(json["as_of"] as? String == model.asOf(t), "\(label)")
        #expect(json["units_total"] as? Int == model.units.count, "\(label)")
        #expect(json["units_participating"] as? Int == ranked.filter { $0.registered > 0 }.count, "\(label)")
        #expect(json["registered"] as? Int == ranked.reduce(0) { $0 + $1.registered }, "\(label)")
        #expect(json["completed"] as? Int == ranked.reduce(0) { $0 + $1.completed }, "\(label)")

        func checkBrief(_ key: String, _ expected: [IndependentModel.Figure]) {
            guard let list = json[key] as? [[String: Any]] else {
                Issue.record("\(label): \(key) is not an array of objects")
                return
            }
            #expect(list.count == expected.count, "\(label): \(key)")
            for (got, want) in zip(list, expected) {
                #expect(got["rank"] as? Int == want.rank, "\(label): \(key)")
                #expect(got["code"] as? String == want.code, "\(label): \(key)")
                #expect((got["name"] as? String).map(scalars) == scalars(want.name), "\(label): \(key)")
                #expect(got["type"] as? String == want.type, "\(label): \(key)")
                #expect(got["registered"] as? Int == want.registered, "\(label): \(key)")
                #expect(got["completed"] as? Int == want.completed, "\(label): \(key)")
            }
        }
        checkBrief("top", Array(ranked.prefix(10)))
        checkBrief("bottom", Array(ranked.suffix(10).reversed()))

        let adults = model.units.reduce(0) { $0 + $1.adults }
        let completed = ranked.reduce(0) { $0 + $1.completed }
        if let target = json["target"] as? [String: Any] {
            #expect(close(target["share"] as? Double, model.targetShare.double), "\(label)")
            #expect(target["adults"] as? Int == adults, "\(label)")
            #expect(close(target["completed_share"] as? Double, Double(completed) / Double(adults)), "\(label)")
            #expect(target["deadline"] as? String == model.deadline, "\(label)")
            #expect(close(target["pace_per_day"] as? Double, model.pace(at: t)), "\(label): pace")
            #expect(close(target["required_per_day"] as? Double, model.requiredPerDay(at: t)), "\(label): required")
            #expect(model.pace(at: t) != nil || target["pace_per_day"] is NSNull, "\(label): pace is null, not absent")
        } else {
            Issue.record("\(label): no target object")
        }

        guard let list = json["units"] as? [[String: Any]] else {
            Issue.record("\(label): units is not an array of objects")
            return
        }
        #expect(list.count == ranked.count, "\(label)")
        for (got, want) in zip(list, ranked) {
            let where_ = "\(label): unit \(want.code)"
            #expect(got["rank"] as? Int == want.rank, "\(where_)")
            #expect(got["code"] as? String == want.code, "\(where_)")
            #expect((got["name"] as? String).map(scalars) == scalars(want.name), "\(where_)")
            #expect(got["type"] as? String == want.type, "\(where_)")
            #expect(got["registered"] as? Int == want.registered, "\(where_)")
            #expect(got["completed"] as? Int == want.completed, "\(where_)")
            let rate: Double? = want.registered > 0 ? Double(want.completed) / Double(want.registered) : nil
            if let rate {
                #expect(close(got["completion_rate"] as? Double, rate), "\(where_)")
            } else {
                #expect(got["completion_rate"] is NSNull, "\(where_): completion_rate must be null")
            }
            #expect(got["adults"] as? Int == want.adults, "\(where_)")
            let coverage: Double? = want.adults > 0 ? Double(want.completed) / Double(want.adults) : nil
            if let coverage {
                #expect(close(got["coverage"] as? Double, coverage), "\(where_)")
            } else {
                #expect(got["coverage"] is NSNull, "\(where_): coverage must be null")
            }
            #expect(got["registered_change_24h"] as? Int == want.registeredChange, "\(where_)")
            #expect(got["completed_change_24h"] as? Int == want.completedChange, "\(where_)")
        }
    }

    @Test("JSON report on the sample data matches the independent computation")
    func jsonOnSample() throws {
        let model = try IndependentModel(directory: sampleDataPath)
        let d = try Self.sample()
        Self.compare(try Self.json(standings(d)), model, at: model.latestMs, label: "latest")
        let t = ts("2025-10-21T15:30:00+07:00")
        Self.compare(
            try Self.json(Standings(dataset: d, at: t, now: t)), model, at: t.milliseconds, label: "21/10 15:30")
    }

    /// Writes a random data directory: units with codes with and without
    /// leading zeros, snapshots with gaps, late starters, units that never
    /// start, small increments (so ties happen), several moments in one file,
    /// one moment split over two files, some times written in UTC.
    static func randomDirectory(seed: UInt64) -> (TempDataDir, moments: [Int64]) {
        var rng = SeededRandom(seed: seed)
        let syllables = [
            "Tứ", "Kỳ", "Gia", "Viên", "Đồ", "Sơn", "Bạch", "Đằng", "An", "Hải", "Ân", "Thi", "Hòa", "Bình", "Ứng",
            "Lạc", "Thượng", "Hồng",
        ]
        let types = ["xã", "phường", "đặc khu"]
        let provinces = ["Hải Phòng", "Hải Dương"]
        var codes: [String] = []
        while codes.count < 36 {
            let n = Int.random(in: 0..<12_000, using: &rng)
            let code = Bool.random(using: &rng) ? String(format: "%05d", n) : String(n)
            if !codes.contains(code) { codes.append(code) }
        }
        var units = "code,name,type,population,adults,former_province,ignored\n"
        for code in codes {
            let name = (0..<2).map { _ in syllables.randomElement(using: &rng)! }.joined(separator: " ")
            let population = Int.random(in: 0...60_000, using: &rng)
            let adults = Bool.random(using: &rng) ? String(Int.random(in: 0...population, using: &rng)) : ""
            units +=
                "\(code),\(name),\(types.randomElement(using: &rng)!),\(population),\(adults),\(provinces.randomElement(using: &rng)!),x\n"
        }
        // Moments 6 to 40 hours apart, from 13/10/2025 15:00 +07:00.
        var moments: [Int64] = [IndependentModel.parseTime("2025-10-13T15:00:00+07:00")]
        for _ in 0..<7 { moments.append(moments.last! + Int64(Int.random(in: 6...40, using: &rng)) * 3_600_000) }
        func iso(_ ms: Int64, utc: Bool) -> String {
            let f = ISO8601DateFormatter()
            f.timeZone = TimeZone(secondsFromGMT: utc ? 0 : 7 * 3600)
            f.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
            return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
        }
        var files: [String: String] = [:]
        let header = "as_of,code,registered,completed\n"
        var state = Dictionary(uniqueKeysWithValues: codes.map { ($0, (0, 0)) })
        let start = Dictionary(uniqueKeysWithValues: codes.map { ($0, Int.random(in: 0...9, using: &rng)) })
        for (i, ms) in moments.enumerated() {
            for code in codes where start[code]! <= i && Double.random(in: 0..<1, using: &rng) < 0.75 {
                var (r, c) = state[code]!
                r += Int.random(in: 0...3, using: &rng)
                c = min(r, c + Int.random(in: 0...2, using: &rng))
                state[code] = (r, c)
                // Moments 1 and 2 share a file; moment 3 is split over two files.
                let file = i == 2 ? "m1.csv" : i == 3 && Bool.random(using: &rng) ? "m3b.csv" : "m\(i).csv"
                files[file, default: header] += "\(iso(ms, utc: Bool.random(using: &rng))),\(code),\(r),\(c)\n"
            }
        }
        let config = "target_share = 0.80\ndeadline = 2025-12-31\nadult_share = 0.68\ntimezone = \"+07:00\"\n"
        return (TempDataDir(units: units, snapshots: files, config: config), moments)
    }

    @Test(
        "JSON report on random data matches the independent computation, field by field",
        arguments: [1, 2, 3] as [UInt64])
    func jsonOnRandomData(seed: UInt64) throws {
        let (dir, moments) = Self.randomDirectory(seed: seed)
        let model = try IndependentModel(directory: dir.path)
        let d = try dir.dataset()
        // Ties must occur, or the tie-break goes untested.
        let ranked = model.ranked(at: model.latestMs)
        let tied = zip(ranked, ranked.dropFirst()).contains {
            $0.registered == $1.registered && $0.completed == $1.completed
        }
        #expect(tied, "the generated data should hold a tie")
        Self.compare(try Self.json(standings(d)), model, at: model.latestMs, label: "seed \(seed) latest")
        // At each moment, and between moments.
        for (i, m) in moments.enumerated() {
            for t in [m, m + 5 * 3_600_000 + 1000] {
                let at = Timestamp(milliseconds: t)
                Self.compare(
                    try Self.json(Standings(dataset: d, at: at, now: at)), model, at: t,
                    label: "seed \(seed) moment \(i) +\(t - m)")
            }
        }
    }

    @Test("JSON rates are fractions, and the output is one valid object")
    func jsonShape() throws {
        let s = standings(try Self.sample())
        let json = try Self.json(s)
        let rate = try #require(json["completion_rate"] as? Double)
        #expect(rate > 0 && rate < 1)
        #expect(close(rate, 49317.0 / 84360))
        let target = try #require(json["target"] as? [String: Any])
        #expect(close(target["share"] as? Double, 0.8))
        #expect((target["completed_share"] as? Double).map { $0 < 1 } == true)
        for key in [
            "as_of", "units_total", "units_participating", "registered", "completed", "top", "bottom", "target",
            "units",
        ] {
            #expect(json[key] != nil, "missing \(key)")
        }
        for key in ["share", "adults", "completed_share", "deadline", "pace_per_day", "required_per_day"] {
            #expect(target[key] != nil, "missing target.\(key)")
        }
    }
}
