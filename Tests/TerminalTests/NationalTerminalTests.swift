import Foundation
import Testing

/// The dashboard on national-style data in a real terminal: a province
/// column, `f` through the provinces, the summary's province groups and
/// Enter on one, same-named units, scope words.
@Suite(
    "national data in a real terminal", .serialized,
    .enabled(if: TmuxHarness.isAvailable && TmuxHarness.binaryExists, "needs tmux and the built binary"))
struct NationalTerminalTests {
    /// Five real units of three provinces (two "Tân Tiến", M’Drắk), two
    /// daily snapshots, scope "nation"; counts synthetic.
    static func makeDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "congdanso-national-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("snapshots"), withIntermediateDirectories: true)
        try """
        code,name,type,province,population
        01051,Tân Tiến,xã,Tuyên Quang,10000
        24526,Tân Tiến,xã,Đắk Lắk,12000
        24412,M’Drắk,xã,Đắk Lắk,15000
        00004,Ba Đình,phường,Hà Nội,50000
        00008,Ngọc Hà,phường,Hà Nội,40000

        """.write(to: dir.appendingPathComponent("units.csv"), atomically: true, encoding: .utf8)
        try """
        title = "Công dân số toàn quốc (số liệu giả lập)"
        scope = "nation"

        """.write(to: dir.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        var rows = "as_of,code,registered,completed\n"
        for (day, factor) in [(21, 1), (22, 2)] {
            for (i, code) in ["01051", "24526", "24412", "00004", "00008"].enumerated() {
                rows +=
                    "2025-10-\(day)T15:00:00+07:00,\(code),\((i + 1) * 100 * factor + (day == 22 ? i * 70 : 0)),\((i + 1) * 40 * factor)\n"
            }
        }
        try rows.write(to: dir.appendingPathComponent("snapshots/s.csv"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func provincesInTheTableTheFilterAndTheSummary() async throws {
        let dir = try Self.makeDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let tmux = try TmuxHarness(
            arguments: [TmuxHarness.binaryPath(), "dashboard", "--data", dir.path], width: 120, height: 30)
        defer { tmux.kill() }
        let screen = try await tmux.waitFor("M’Drắk")
        // The province column tells the two Tân Tiến apart.
        let header = try #require(screen.split(separator: "\n").first { $0.contains("Đơn vị") && $0.contains("Tỉnh") })
        #expect(header.contains("Loại"))
        #expect(screen.split(separator: "\n").contains { $0.contains("Tân Tiến") && $0.contains("Tuyên Quang") })
        #expect(screen.split(separator: "\n").contains { $0.contains("Tân Tiến") && $0.contains("Đắk Lắk") })
        // f: the provinces in Vietnamese order (Đắk Lắk, Hà Nội, Tuyên Quang).
        try tmux.sendKeys(.text("f"))
        let dakLak = try await tmux.waitFor("tỉnh: Đắk Lắk")
        #expect(dakLak.contains("2/5") && !dakLak.contains("Ba Đình"))
        try tmux.sendKeys(.escape)
        _ = try await tmux.waitFor("5/5")
        // The summary: the whole nation, the provinces; Enter on Hà Nội filters the table.
        try tmux.sendKeys(.tab)
        let summary = try await tmux.waitFor("Theo tỉnh, thành phố")
        #expect(summary.contains("Toàn quốc"))
        #expect(summary.contains("Tăng hạng nhiều nhất trong 24 giờ"))
        // whole, xã, phường, Đắk Lắk, Hà Nội
        try tmux.sendKeys(.down, .down, .down, .down, .enter)
        let hanoi = try await tmux.waitFor("tỉnh: Hà Nội")
        #expect(hanoi.contains("Ba Đình") && hanoi.contains("Ngọc Hà") && !hanoi.contains("M’Drắk"))
        try tmux.sendKeys(.text("q"))
        #expect(try await tmux.waitForExit() == 0)
    }
}
