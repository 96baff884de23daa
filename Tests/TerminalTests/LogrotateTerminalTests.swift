import Foundation
import Testing

/// Debian's logrotate (`apt-get install logrotate`; `.ci/run` installs it).
let logrotatePath: String? = ["/usr/sbin/logrotate", "/sbin/logrotate", "/usr/bin/logrotate"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// The dashboard following an event log while the real `logrotate` (Debian's
/// package) rotates it: create mode with gzip, copytruncate and the date
/// scheme. At every step the screen's total must equal the number of distinct
/// candidates the test wrote, and `report` on the same directory must agree.
@Suite("Dashboard under logrotate", .enabled(if: TmuxHarness.isAvailable && logrotatePath != nil), .serialized)
struct LogrotateTerminalTests {
    static var logrotate: String? { logrotatePath }

    /// Runs logrotate once, forced, with `options` for the log.
    static func rotate(_ log: String, _ options: String, folder: String) throws {
        let config = folder + "/logrotate.conf"
        try "\(log) {\n\(options)\n    rotate 10\n    missingok\n}\n".write(
            toFile: config, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try #require(logrotate))
        p.arguments = ["-f", "-s", folder + "/logrotate.state", config]
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 0, "logrotate: \(message)")
    }

    static func report(_ folder: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: TmuxHarness.binaryPath())
        p.arguments = ["report", "--data", folder, "--format", "json"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text
    }

    @Test func followsTheLogThroughRealRotations() async throws {
        let folder = try TemporaryData.make(
            units: "code,name,type,population\n00001,Tứ Kỳ,xã,1000\n00002,Đồ Sơn,phường,1000\n", snapshot: nil)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let log = folder + "/events.csv"
        var written = 0
        func event(_ unit: String, _ kind: String = "registered") throws {
            written += 1
            let minute = String(format: "%02d", written)
            try TemporaryData.append("2025-10-22T08:\(minute):00+07:00,\(unit),c\(written),\(kind)\n", to: log)
        }
        try "time,unit_code,candidate_id,event\n".write(toFile: log, atomically: true, encoding: .utf8)
        try event("00001")
        try event("00002")
        let tmux = try TmuxHarness(
            arguments: [TmuxHarness.binaryPath(), "dashboard", "--data", folder, "--refresh", "1"], width: 110,
            height: 16)
        defer { tmux.kill() }
        _ = try await tmux.waitFor("Đăng ký 2 ")

        // 1. create mode, compressed at once: events.csv → events.csv.1.gz, a new empty
        //    events.csv that the writer goes on appending to (no header).
        try Self.rotate(log, "    create 0644\n    compress", folder: folder)
        try event("00001")
        _ = try await tmux.waitFor("Đăng ký 3 ", timeout: .seconds(5))
        // 2. Again: .1.gz becomes .2.gz, the new content .1.gz.
        try event("00002", "completed")
        try Self.rotate(log, "    create 0644\n    compress", folder: folder)
        try event("00001")
        let second = try await tmux.waitFor("Đăng ký 5 ", timeout: .seconds(5))
        #expect(second.contains("Hoàn thành 1 "))
        // 3. copytruncate: the live file copied to .1 and emptied in place.
        try event("00002")
        try Self.rotate(log, "    copytruncate\n    delaycompress\n    compress", folder: folder)
        try event("00001")
        _ = try await tmux.waitFor("Đăng ký 7 ", timeout: .seconds(5))
        // 4. The date scheme (events.csv-YYYYMMDD…), uncompressed.
        try Self.rotate(log, "    create 0644\n    dateext\n    dateformat -%Y%m%d-%s", folder: folder)
        try event("00002")
        let last = try await tmux.waitFor("Đăng ký 8 ", timeout: .seconds(5))
        #expect(!last.contains("dữ liệu cũ"))
        #expect(!last.contains("Tải lại lỗi"))
        // The siblings are all there, and a fresh read counts what the screen shows.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("events.csv") }
        #expect(names.contains("events.csv.1") && names.contains { $0.hasSuffix(".gz") })
        #expect(names.contains { $0.hasPrefix("events.csv-") })
        let json = try Self.report(folder)
        #expect(json.contains("\"registered\": 8,"), "\(json.prefix(300))")
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }
}
