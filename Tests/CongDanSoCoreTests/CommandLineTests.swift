import Foundation
import Testing

/// The built `congdanso` binary, run with Foundation's Process: `report`,
/// `export` and `validate` as a script or a clerk would use them: output
/// formats, exit status 0 only without errors, errors as file:line:column.
/// The binary is `$CONGDANSO_BIN`, else the one built beside this test
/// bundle, else `.build/debug/congdanso` in the package.
@Suite("Command line")
struct CommandLineTests {
    static let binary: String? = {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["CONGDANSO_BIN"], !env.isEmpty { candidates.append(env) }
        // `swift test --scratch-path X` runs X/debug/<tests>.xctest; the binary is X/debug/congdanso.
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        candidates.append(runner.appendingPathComponent("congdanso").path)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("congdanso").path)
        candidates.append(packageRoot.appendingPathComponent(".build/debug/congdanso").path)
        candidates.append(packageRoot.appendingPathComponent(".build-coretests/debug/congdanso").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    /// Runs the binary with `arguments` from `directory`; output goes through
    /// files, so large outputs cannot block on a full pipe.
    static func run(_ arguments: [String], in directory: URL? = nil, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> Run
    {
        let path = try #require(
            binary, "congdanso is not built: run `swift build` or set CONGDANSO_BIN", sourceLocation: sourceLocation)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congdanso-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out"), errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? scratch
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        let outBytes = [UInt8](try Data(contentsOf: outURL))
        let errBytes = [UInt8](try Data(contentsOf: errURL))
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outBytes, as: UTF8.self),
            stderr: String(decoding: errBytes, as: UTF8.self), stdoutBytes: outBytes)
    }

    // MARK: - report

    @Test("report on the sample data prints the letter's sentences")
    func reportLetter() throws {
        let r = try Self.run(["report", "--data", sampleDataPath])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains(ReportTests.letterOverview))
        #expect(lines.contains(ReportTests.letterTop))
        #expect(lines.contains(ReportTests.letterBottom))
        #expect(!hasControlCharacters(r.stdout))
    }

    @Test("report finds the sample data by itself when run from the package")
    func reportDefaultData() throws {
        let r = try Self.run(["report"], in: packageRoot)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(ReportTests.letterOverview))
    }

    @Test("report --at a moment, with and without its offset")
    func reportAt() throws {
        for at in ["2025-10-21T15:30:00+07:00", "2025-10-21T08:30:00Z", "2025-10-21T15:30"] {
            let r = try Self.run(["report", "--data", sampleDataPath, "--at", at])
            #expect(r.status == 0, "\(at): \(r.stderr)")
            #expect(
                r.stdout.contains(
                    "Tính đến 15h30 ngày 21/10/2025, toàn thành phố đã có 114 xã, phường, đặc khu tham gia Cuộc thi với 70.949 thí sinh đăng ký tham gia, 42.117 thí sinh hoàn thành bài thi."
                ), "\(at)")
        }
        let bad = try Self.run(["report", "--data", sampleDataPath, "--at", "yesterday"])
        #expect(bad.status != 0)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--at"))
    }

    @Test("report --format json parses; overrides change target, deadline, adults and the offset")
    func reportJSONWithOverrides() throws {
        let plain = try Self.run(["report", "--data", sampleDataPath, "--format", "json"])
        #expect(plain.status == 0)
        let base = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect(base["registered"] as? Int == 84360)
        #expect(base["completed"] as? Int == 49317)
        #expect(base["as_of"] as? String == "2025-10-22T15:00:00+07:00")
        let baseTarget = try #require(base["target"] as? [String: Any])
        #expect(baseTarget["deadline"] as? String == "2025-12-31")

        let r = try Self.run([
            "report", "--data", sampleDataPath, "--format", "json", "--target", "0.5", "--deadline", "2025-10-31",
            "--adult-share", "0.5", "--timezone", "+09:00",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["as_of"] as? String == "2025-10-22T17:00:00+09:00")
        let target = try #require(json["target"] as? [String: Any])
        #expect(close(target["share"] as? Double, 0.5))
        #expect(target["deadline"] as? String == "2025-10-31")
        // Adults: the adults column where filled, else round(p × 0.5), halves up.
        let model = try IndependentModel(directory: sampleDataPath)
        let halfAdults = model.units.reduce(0) { $0 + ($1.adultsGiven ?? ($1.population + 1) / 2) }
        #expect(target["adults"] as? Int == halfAdults)
        // From 22/10 17:00 +09:00 to 01/11 00:00 +09:00: 9 days 7 hours.
        let adults = Double(try #require(target["adults"] as? Int))
        #expect(close(target["required_per_day"] as? Double, (0.5 * adults - 49317) / (9 + 7.0 / 24)))

        let bad = try Self.run(["report", "--data", sampleDataPath, "--target", "80"])
        #expect(bad.status != 0)
        #expect(bad.stdout.isEmpty)
    }

    @Test("report on a broken directory: non-zero exit, the errors on stderr, nothing on stdout")
    func reportBroken() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n1,Tứ Kỳ,xã,100\n",
            snapshots: ["s.csv": "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,5,-1\n"])
        let r = try Self.run(["report", "--data", dir.path])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty, "half a report was printed: \(r.stdout)")
        #expect(r.stderr.contains("snapshots/s.csv:2:31: error:"), "\(r.stderr)")
        for format in ["json", "markdown"] {
            let j = try Self.run(["report", "--data", dir.path, "--format", format])
            #expect(j.status != 0 && j.stdout.isEmpty)
        }
        let missing = try Self.run(["report", "--data", dir.path + "/nope"])
        #expect(missing.status != 0 && missing.stdout.isEmpty && !missing.stderr.isEmpty)
    }

    @Test("garbage files: validate and report exit 1 with messages, never crash")
    func garbageInput() throws {
        var rng = SeededRandom(seed: 99)
        let dir = TempDataDir()
        dir.write("units.csv", bytes: (0..<400).map { _ in UInt8.random(in: 0...255, using: &rng) })
        dir.write("snapshots/s.csv", bytes: Array("as_of,code,registered,completed\n\u{1B}[2J,\"".utf8))
        dir.write("config.toml", bytes: [0xFF, 0xFE, 0x00, 0x41])
        for command in ["validate", "report"] {
            let r = try Self.run([command, "--data", dir.path])
            #expect(r.status == 1, "\(command) exited \(r.status)")  // not a signal, not a crash
            #expect(!(r.stdout + r.stderr).contains("Fatal error"))
            #expect(!hasControlCharacters(r.stdout + r.stderr), "\(command) echoed a control character")
        }
    }

    // MARK: - validate

    @Test("validate lists every problem as path:line:column and exits 1")
    func validateBroken() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n1,Tứ Kỳ,xã,100\n2,Gia Viên,quận,100\n1,An Hải,phường,5\n",
            snapshots: [
                "a.csv":
                    "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,1,5,6\n2025-10-22T15:00:00,1,5,1\n",
                "b.csv": "as_of,name,registered,completed\n2025-10-21T15:00:00+07:00,Tứ Kỳ,x,1\n",
            ])
        let r = try Self.run(["validate", "--data", dir.path])
        #expect(r.status == 1)
        let output = r.stdout + r.stderr
        // units.csv: line 3 bad type ("2,Gia Viên," is 11 characters), line 4 duplicate code.
        // a.csv: line 2 completed > registered (column 31), line 3 no offset.
        // b.csv: line 2 non-integer count after "Tứ Kỳ," (column 33).
        for place in [
            "units.csv:3:12: error: ", "units.csv:4:1: error: ", "snapshots/a.csv:2:31: error: ",
            "snapshots/a.csv:3:1: error: ", "snapshots/b.csv:2:33: error: ",
        ] {
            #expect(output.contains(dir.path + "/" + place), "missing \(place) in:\n\(output)")
        }
        let issueLines = output.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(issueLines.count == 5, "\(output)")
        #expect(!hasControlCharacters(output))
    }

    @Test("validate exits 0 with warnings only, and lists them")
    func validateWarnings() throws {
        let dir = TempDataDir(
            units: "code,name,type,population\n1,Tứ Kỳ,xã,100\n",
            snapshots: [
                "s.csv":
                    "as_of,code,registered,completed\n2025-10-21T15:00:00+07:00,1,5,1\n2025-10-22T15:00:00+07:00,1,4,1\n"
            ])
        let r = try Self.run(["validate", "--data", dir.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect((r.stdout + r.stderr).contains(dir.path + "/snapshots/s.csv:3:1: warning: "))
        let clean = try Self.run(["validate", "--data", sampleDataPath])
        #expect(clean.status == 0)
        #expect(!(clean.stdout + clean.stderr).contains(": error: "))
    }

    // MARK: - export

    @Test("export --sort name --filter \"do son\" --format csv: BOM, CRLF, header, exactly the matching rows")
    func exportFilteredCSV() throws {
        let r = try Self.run([
            "export", "--data", sampleDataPath, "--sort", "name", "--filter", "do son", "--format", "csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Array(r.stdoutBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        // Every line ends in CRLF, none in a bare LF.
        let body = r.stdout.dropFirst()  // the BOM
        #expect(body.hasSuffix("\r\n"))
        #expect(!body.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let rows = parseCSV(r.stdout)
        let header = try #require(rows.first)
        for column in ["rank", "code", "name", "type", "registered", "completed"] {
            #expect(header.contains(column), "no \(column) column in \(header)")
        }
        let name = try #require(header.firstIndex(of: "name")), code = try #require(header.firstIndex(of: "code"))
        let registered = try #require(header.firstIndex(of: "registered")),
            rank = try #require(header.firstIndex(of: "rank"))
        // In the sample, "do son" (folded) is in Đồ Sơn (11455) and Nam Đồ Sơn (11737);
        // in Vietnamese order Đ comes before N.
        #expect(rows.dropFirst().map { $0[name] } == ["Đồ Sơn", "Nam Đồ Sơn"])
        #expect(rows.dropFirst().map { $0[code] } == ["11455", "11737"])
        // Figures agree with the independent computation.
        let model = try IndependentModel(directory: sampleDataPath)
        let ranked = model.ranked(at: model.latestMs)
        for row in rows.dropFirst() {
            let want = try #require(ranked.first { $0.code == row[code] })
            #expect(row[registered] == String(want.registered))
            #expect(row[rank] == String(want.rank))
        }
    }

    @Test("export --type phường keeps exactly the wards; --filter works without diacritics; JSON parses")
    func exportTypeAndJSON() throws {
        let model = try IndependentModel(directory: sampleDataPath)
        let wards = model.ranked(at: model.latestMs).filter { $0.type == "phường" }
        for type in ["phường", "PHUONG"] {
            let r = try Self.run(["export", "--data", sampleDataPath, "--type", type, "--format", "csv"])
            #expect(r.status == 0, "\(r.stderr)")
            let rows = parseCSV(r.stdout)
            let typeColumn = try #require(rows.first?.firstIndex(of: "type"))
            let codeColumn = try #require(rows.first?.firstIndex(of: "code"))
            #expect(rows.dropFirst().allSatisfy { $0[typeColumn] == "phường" })
            // Default order is the ranking: registered ↓, completed ↓, code ↑.
            #expect(rows.dropFirst().map { $0[codeColumn] } == wards.map(\.code))
        }
        let json = try Self.run(["export", "--data", sampleDataPath, "--filter", "tu ky", "--format", "json"])
        #expect(json.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["name"] as? String } == ["Tứ Kỳ"])
        #expect(array.first?["rank"] as? Int == 1)
        let bad = try Self.run(["export", "--data", sampleDataPath, "--type", "quận"])
        #expect(bad.status != 0 && bad.stdout.isEmpty)
    }

    @Test("export quotes fields with commas and quotes, and defuses formulas")
    func exportQuotingAndFormulas() throws {
        let dir = TempDataDir(
            units: #"""
                code,name,type,population,former_province
                1,"Tân, ""Mới""",xã,100,"Hải Dương, cũ"
                2,"=HYPERLINK(""http://x"")",xã,100,
                3,+1+2,phường,100,
                4,@SUM(A1),phường,100,
                5,-3+4,phường,100,

                """#,
            snapshots: [
                "s.csv": "as_of,code,registered,completed\n"
                    + (1...5).map { "2025-10-22T15:00:00+07:00,\($0),\(10 - $0),1\n" }.joined()
            ])
        let r = try Self.run(["export", "--data", dir.path, "--format", "csv", "--sort", "rank"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"Tân, \"\"Mới\"\"\""), "\(r.stdout)")
        let rows = parseCSV(r.stdout)
        let name = try #require(rows.first?.firstIndex(of: "name"))
        let names = rows.dropFirst().map { $0[name] }
        #expect(names.first == "Tân, \"Mới\"")
        #expect(rows.dropFirst().allSatisfy { $0.count == rows[0].count })
        for (cell, original) in zip(names.dropFirst(), ["=HYPERLINK(\"http://x\")", "+1+2", "@SUM(A1)", "-3+4"]) {
            #expect(
                !["=", "+", "-", "@"].contains(cell.first.map(String.init) ?? ""), "\(cell) would run as a formula")
            #expect(cell.contains(original))
        }
    }

    // MARK: - hostile text

    @Test("hostile names are sanitised in every output, with a warning")
    func hostileText() throws {
        let dir = TempDataDir(
            units: "code,name,type,population,former_province\n"
                + "1,\"Tứ\u{1B}[2J\u{1B}]0;pwned\u{7} Kỳ\",xã,100,\"Hải\u{1B}[31m Phòng\"\n"
                + "2,\"Gia \u{202E}nêiV\u{2066}\",phường,100,\n"
                + "3,\"Dòng một\r\ndòng hai\",phường,100,\n"
                + "4,\"Ẩn\u{200B}\u{9B}31m\",xã,100,\n",
            snapshots: [
                "s.csv": "as_of,code,registered,completed\n"
                    + (1...4).map { "2025-10-22T15:00:00+07:00,\($0),\($0 * 3),\($0)\n" }.joined()
            ])
        let validate = try Self.run(["validate", "--data", dir.path])
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let warnings = (validate.stdout + validate.stderr).split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count >= 3, "\(validate.stdout)")
        #expect(!hasControlCharacters(validate.stdout + validate.stderr))

        let commands: [[String]] = [
            ["report"], ["report", "--lang", "en"], ["report", "--format", "json"], ["report", "--format", "markdown"],
            ["export", "--format", "csv"], ["export", "--format", "json"], ["export", "--format", "markdown"],
        ]
        for command in commands {
            let r = try Self.run(command + ["--data", dir.path])
            #expect(r.status == 0, "\(command): \(r.stderr)")
            let allowed: Set<UInt32> = command.contains("csv") ? [0x0A, 0x0D] : [0x0A]
            #expect(!hasControlCharacters(r.stdout, allowing: allowed), "\(command) printed a control character")
            #expect(!hasControlCharacters(r.stderr), "\(command) printed a control character on stderr")
            #expect(
                !r.stdout.contains("\\u001b") && !r.stdout.contains("\\u202e"), "\(command) kept an escaped control")
            if command.contains("csv") {
                // The line break in name 3 must not split a row.
                #expect(parseCSV(r.stdout).allSatisfy { $0.count == parseCSV(r.stdout)[0].count })
            }
        }
    }

    // MARK: - replay

    @Test("replay copies every line as written, quoted ones too, and a replayed log counts as the original")
    func replayCopiesLines() throws {
        let dir = TempDataDir(units: EventLogTests.units)
        let log = """
            unit_code,"time",candidate_id,event
            101,"2025-10-22T08:00:00+07:00",c1,registered
            "102",2025-10-22T08:00:01+07:00,"c,2",completed
            00103,2025-10-22T07:59:00+07:00,c3,registered

            """
        dir.write("source.csv", log)
        let target = dir.path + "/events.csv"
        let r = try Self.run(["replay", "--events", dir.path + "/source.csv", "--to", target, "--speed", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == log)
        let report = try Self.run(["report", "--data", dir.path, "--format", "json"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("\"registered\": 3,") && report.stdout.contains("\"completed\": 1,"))
        let bad = try Self.run(["replay", "--events", dir.path + "/source.csv", "--to", target, "--skip-to", "soon"])
        #expect(bad.status != 0 && bad.stderr.contains("--skip-to must be a time"))
    }
}
