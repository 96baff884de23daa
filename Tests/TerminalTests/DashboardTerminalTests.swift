import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `congdanso` in a real terminal (tmux), driven by keys and read
/// from the screen, as a user at the IT centre would use it.
@Suite(
    "dashboard in a real terminal", .serialized,
    .enabled(if: TmuxHarness.isAvailable && TmuxHarness.binaryExists, "needs tmux and the built binary"))
struct DashboardTerminalTests {
    static var binary: String { TmuxHarness.binaryPath() }
    static var sampleData: String { TmuxHarness.packageRoot.appendingPathComponent("sample-data").path }

    /// Starts the dashboard on `data` (default: the sample data).
    func start(
        _ extra: [String] = [], data: String = DashboardTerminalTests.sampleData, width: Int = 120,
        height: Int = 40, environment: [String: String] = [:]
    ) throws -> TmuxHarness {
        try TmuxHarness(
            arguments: [Self.binary, "dashboard", "--data", data] + extra,
            width: width, height: height, environment: environment)
    }

    /// Whether any SGR sequence on the screen sets a colour (30–38, 40–48,
    /// 90–97, 100–107); bold, reverse and the like don't count.
    static func hasColour(_ screen: String) -> Bool {
        let sgr = /\x1B\[([0-9;:]*)m/
        for match in screen.matches(of: sgr) {
            for parameter in match.1.split(whereSeparator: { $0 == ";" || $0 == ":" }) {
                guard let n = Int(parameter) else { continue }
                if (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n) || (100...107).contains(n) {
                    return true
                }
            }
        }
        return false
    }

    /// Display columns of screen text: CJK ideographs take two.
    static func displayWidth(_ text: Substring) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            if scalar.properties.generalCategory == .nonspacingMark { return width }
            return width
                + ((0x3000...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) ? 2 : 1)
        }
    }

    /// The screen line holding `text`.
    func line(_ screen: String, containing text: String) -> String? {
        screen.split(separator: "\n").map(String.init).first { $0.contains(text) }
    }

    /// The first table row: the line after the column header.
    func firstRow(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let header = lines.firstIndex(where: { $0.contains("Đơn vị") && $0.contains("Loại") }) else { return nil }
        return header + 1 < lines.count ? lines[header + 1] : nil
    }

    @Test func opensOnTheSampleDataWithTuKyFirstAndMarked() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("Tứ Kỳ")
        let row = try #require(firstRow(screen))
        #expect(row.contains("▲"))
        #expect(row.contains("Tứ Kỳ"))
        #expect(row.contains("2.160"))
        #expect(screen.contains("Đăng ký 84.360"))
        #expect(screen.contains("Hoàn thành 49.317"))
        #expect(screen.contains("114/114"))
        #expect(screen.contains("1,6%"))
        // The selected row is drawn in reverse video.
        let colored = tmux.capture(colors: true)
        let selected = try #require(line(colored, containing: "Tứ Kỳ"))
        #expect(selected.contains("\u{1B}[7m") || selected.contains(";7m"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func sortsAndReverses() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        // Reverse the default sort: the fewest registered first, still marked ▼.
        // (The selection follows Tứ Kỳ to the end; Home goes back to the top.)
        try tmux.sendKeys(.text("r"), .home)
        let reversed = try await tmux.waitFor { firstRow($0)?.contains("Bạch Long Vĩ") == true }
        #expect(firstRow(reversed)?.contains("▼") == true)
        #expect(reversed.contains("Đăng ký▲"))
        // Next column: completed, most first; back to registered with <.
        try tmux.sendKeys(.text("r"), .text(">"), .home)
        // The keys may arrive in separate reads: wait for the frame after Home
        // (the table scrolled back to rank 1), not just the one after ">".
        let byCompleted = try await tmux.waitFor {
            $0.contains("Hoàn thành▼") && firstRow($0)?.contains(" 1 ") == true
        }
        #expect(firstRow(byCompleted)?.contains("Tứ Kỳ") == true)  // 1.409, the most completions
        try tmux.sendKeys(.text("<"))
        _ = try await tmux.waitFor("Đăng ký▼")
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func filtersDoSonWithoutDiacritics() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        try tmux.sendKeys(.text("/"), .text("do son"), .enter)
        let screen = try await tmux.waitFor("2/114")
        #expect(screen.contains("Nam Đồ Sơn"))
        #expect(screen.contains("Đồ Sơn"))
        #expect(!screen.contains("Tứ Kỳ"))
        #expect(screen.contains("\"do son\""))
        // Esc in the filter prompt clears it.
        try tmux.sendKeys(.text("/"), .escape)
        _ = try await tmux.waitFor("114/114")
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func drillsIntoAUnitAndBack() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        try tmux.sendKeys(.enter)
        let detail = try await tmux.waitFor("Xã Tứ Kỳ")
        #expect(detail.contains("11074"))
        #expect(detail.contains("ước tính"))
        // → goes to the next unit in the table's order.
        try tmux.sendKeys(.right)
        _ = try await tmux.waitFor("Xã Việt Khê")
        try tmux.sendKeys(.escape)
        let table = try await tmux.waitFor { firstRow($0)?.contains("Tứ Kỳ") == true }
        // Back on the table, the selection stayed on Việt Khê.
        let colored = tmux.capture(colors: true)
        let selected = try #require(line(colored, containing: "Việt Khê"))
        #expect(selected.contains("\u{1B}[7m") || selected.contains(";7m"))
        #expect(table.contains("114/114"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func survivesResizingDownTo20x5AndBack() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        try tmux.resize(width: 20, height: 5)
        let small = try await tmux.waitFor { !$0.contains("Tứ Kỳ") && $0.contains("40") }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 20 })
        try tmux.resize(width: 60, height: 14)
        _ = try await tmux.waitFor("Tứ Kỳ")
        try tmux.resize(width: 120, height: 40)
        let big = try await tmux.waitFor("10 ngày")
        #expect(firstRow(big)?.contains("Tứ Kỳ") == true)
        #expect(tmux.isAlive)
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func quitsOnQWithTheTerminalRestored() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        #expect(tmux.paneState().alternateScreen)
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
        let state = tmux.paneState()
        #expect(!state.alternateScreen)
        #expect(state.cursorVisible)
    }

    /// Every signal whose default action ends the process (not only the usual three).
    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGPROF, SIGIO, 40])
    func restoresTheTerminalOnSignals(_ signal: Int32) async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        try tmux.signal(signal)
        let status = try await tmux.waitForExit()
        #expect(status == 128 + signal)
        let state = tmux.paneState()
        #expect(!state.alternateScreen)
        #expect(state.cursorVisible)
    }

    @Test(arguments: [SIGSEGV, SIGABRT, SIGXCPU])
    func restoresTheTerminalOnACrash(_ signal: Int32) async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        try tmux.signal(signal)
        // The crash report may take a moment; the status is the signal's.
        let status = try await tmux.waitForExit(timeout: .seconds(30))
        #expect(status == 128 + signal)
        let state = tmux.paneState()
        #expect(!state.alternateScreen)
        #expect(state.cursorVisible)
    }

    @Test func showsNoColourUnderNoColor() async throws {
        let tmux = try start(environment: ["NO_COLOR": "1"])
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        let colored = tmux.capture(colors: true)
        #expect(!Self.hasColour(colored))
        // The markers still tell the top and bottom ten apart.
        #expect(firstRow(colored)?.contains("▲") == true)
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func usesColourOtherwise() async throws {
        let tmux = try start()
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Tứ Kỳ")
        #expect(Self.hasColour(tmux.capture(colors: true)))
        try tmux.sendKeys(.text("q"))
        _ = try await tmux.waitForExit()
    }

    @Test func fallsBackToASCIIUnderANonUTF8Locale() async throws {
        let tmux = try start(environment: ["LANG": "C", "LC_ALL": "C"])
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("Tu Ky")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(
            firstRow(
                screen.replacingOccurrences(of: "Don vi", with: "Đơn vị").replacingOccurrences(of: "Loai", with: "Loại")
            )?.contains("+") == true)
        #expect(screen.contains("84.360"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func refusesADumbTerminalWithAClearMessage() async throws {
        let tmux = try start(environment: ["TERM": "dumb"])
        defer { tmux.kill() }
        let status = try await tmux.waitForExit()
        let screen = tmux.capture()
        #expect(status == 1)
        #expect(screen.contains("TERM"))
        #expect(!screen.contains("\u{1B}"))
    }

    @Test func marksStaleDataWhenAFileBreaksAndRecovers() async throws {
        let folder = try TemporaryData.copyOfSample()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = try start(["--refresh", "1"], data: folder)
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Đăng ký 84.360")
        // Break the latest snapshot: a count that is not a number.
        let latest = folder + "/snapshots/2025-10-22T1500.csv"
        let good = try String(contentsOfFile: latest, encoding: .utf8)
        try good.replacingOccurrences(of: "11074,2160,", with: "11074,2l60,").write(
            toFile: latest, atomically: true, encoding: .utf8)
        let stale = try await tmux.waitFor("2025-10-22T1500.csv", timeout: .seconds(8))
        #expect(stale.contains("Đăng ký 84.360"))  // the last good data stays on screen
        // Mend it with one more registration: the totals move and the mark goes.
        try good.replacingOccurrences(of: "11074,2160,", with: "11074,2161,").write(
            toFile: latest, atomically: true, encoding: .utf8)
        let mended = try await tmux.waitFor("Đăng ký 84.361", timeout: .seconds(8))
        #expect(!mended.contains("2025-10-22T1500.csv"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func followsAnAppendedEventLogAndRecoversFromABrokenOne() async throws {
        let folder = try TemporaryData.make(
            units: """
                code,name,type,population
                00001,Tứ Kỳ,xã,1000
                00002,Đồ Sơn,phường,1000
                """, snapshot: nil)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = folder + "/events.csv"
        let header = "time,unit_code,candidate_id,event\n"
        let first = """
            2025-10-22T08:00:00+07:00,00001,c1,registered
            2025-10-22T08:01:00+07:00,00002,c2,registered

            """
        try (header + first).write(toFile: log, atomically: true, encoding: .utf8)
        let tmux = try start(["--refresh", "1"], data: folder, width: 110, height: 16)
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Đăng ký 2 ")
        // Appended events show within about a second; a repeat counts once.
        try TemporaryData.append(
            "2025-10-22T08:02:00+07:00,00001,c3,registered\n2025-10-22T08:02:30+07:00,00001,c3,registered\n", to: log)
        _ = try await tmux.waitFor("Đăng ký 3 ", timeout: .seconds(4))
        // A half-written line waits for its newline.
        try TemporaryData.append("2025-10-22T08:03:00+07:00,00002,c4,comp", to: log)
        try await Task.sleep(for: .seconds(2))
        #expect(tmux.capture().contains("Đăng ký 3 "))
        try TemporaryData.append("leted\n", to: log)
        let done = try await tmux.waitFor("Đăng ký 4 ", timeout: .seconds(4))
        #expect(done.contains("Hoàn thành 1 "))
        // A line naming an unknown unit is not counted, and the status line says so.
        try TemporaryData.append("2025-10-22T08:04:00+07:00,99999,c5,registered\n", to: log)
        let warned = try await tmux.waitFor("Cảnh báo dữ liệu", timeout: .seconds(4))
        #expect(warned.contains("Đăng ký 4 "))
        // Replaced by a log without its unit column: stale, last good figures kept.
        try "time,candidate_id,event\n".write(toFile: log, atomically: true, encoding: .utf8)
        let stale = try await tmux.waitFor("! lỗi đọc", timeout: .seconds(4))
        #expect(stale.contains("Đăng ký 4 "))
        #expect(stale.contains("Tải lại lỗi") && stale.contains("events.csv:1:1"))
        // Mended (rotated to a fresh, good log): recovers by itself.
        try (header + first).write(toFile: log, atomically: true, encoding: .utf8)
        let mended = try await tmux.waitFor("Đăng ký 2 ", timeout: .seconds(4))
        #expect(!mended.contains("lỗi đọc"))
        #expect(!mended.contains("Tải lại lỗi"))
        // Rotated as logrotate does: the old file renamed, a new one started
        // with its header, its events appended after. The log is both files:
        // c1, c2 from events.csv.1 and d1–d3 from the new file.
        try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
        try header.write(toFile: log, atomically: false, encoding: .utf8)
        try TemporaryData.append(
            "2025-10-22T09:00:00+07:00,00002,d1,completed\n2025-10-22T09:00:01+07:00,00002,d2,registered\n"
                + "2025-10-22T09:00:02+07:00,00001,d3,registered\n", to: log)
        let rotated = try await tmux.waitFor("Đăng ký 5 ", timeout: .seconds(5))
        #expect(rotated.contains("Hoàn thành 1 "))
        #expect(!rotated.contains("lỗi đọc"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test func hostileNamesNeverReachTheTerminalRaw() async throws {
        let folder = try TemporaryData.make(
            units: """
                code,name,type,population
                00001,"Evil\u{1B}[2J\u{1B}]0;pwned\u{07}Name",xã,1000
                00002,"Bidi\u{202E}txet",phường,1000
                00003,"Two\nLines",xã,1000
                00004,東京 Wide,xã,1000
                """,
            snapshot: """
                as_of,code,registered,completed
                2025-10-22T15:00:00+07:00,00001,30,10
                2025-10-22T15:00:00+07:00,00002,20,10
                2025-10-22T15:00:00+07:00,00003,10,5
                2025-10-22T15:00:00+07:00,00004,5,1
                """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tmux = try start(data: folder, width: 100, height: 20)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("Wide")
        #expect(!screen.contains("pwned") || screen.contains("�"))
        #expect(screen.contains("Two Lines"))
        // The grid stays aligned: on every unit's row the registered count
        // ends at the same display column, whatever the name held.
        let lines = screen.split(separator: "\n").map(String.init)
        var ends: [Int] = []
        for (code, registered) in [("Evil", "30"), ("Bidi", "20"), ("Two Lines", "10"), ("Wide", "5")] {
            let row = try #require(lines.first { $0.contains(code) }, "no row for \(code)")
            let afterName = try #require(row.range(of: " xã ") ?? row.range(of: " phường "))
            let number = try #require(row[afterName.upperBound...].range(of: registered))
            ends.append(Self.displayWidth(row[..<number.upperBound]))
        }
        #expect(Set(ends).count == 1, "registered column ends at \(ends)")
        #expect(!screen.contains("\u{1B}"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
        #expect(!tmux.paneState().alternateScreen)
    }
}

/// Data directories for terminal tests, in the temporary folder.
enum TemporaryData {
    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "congdanso-tt-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path + "/snapshots", withIntermediateDirectories: true)
        return path
    }

    static func copyOfSample() throws -> String {
        let path = try folder()
        let sample = DashboardTerminalTests.sampleData
        for name in ["units.csv", "config.toml"] {
            try FileManager.default.copyItem(atPath: sample + "/" + name, toPath: path + "/" + name)
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: sample + "/snapshots") {
            try FileManager.default.copyItem(atPath: sample + "/snapshots/" + name, toPath: path + "/snapshots/" + name)
        }
        return path
    }

    static func make(units: String, snapshot: String?) throws -> String {
        let path = try folder()
        try units.write(toFile: path + "/units.csv", atomically: true, encoding: .utf8)
        // Written whole, so with its last line end: a last line without one is
        // a file still being written, and is left out.
        try snapshot.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }?.write(
            toFile: path + "/snapshots/s.csv", atomically: true, encoding: .utf8)
        return path
    }

    /// Appends text to a file, as a platform writing its log would.
    static func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
