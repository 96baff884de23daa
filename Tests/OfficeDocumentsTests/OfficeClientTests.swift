import Foundation
import Testing

/// The files the project writes, opened by clients no one here wrote:
/// tools/check_office_files.py drives the built binary and reads its
/// letter and workbook with python-docx and openpyxl, feeds it workbooks
/// made by openpyxl and LibreOffice, and converts with LibreOffice.
///
/// Under CI (`CI=true`) a missing client is a failure: `.ci/run` installs
/// them. On a developer machine without them the test says why and passes.
@Suite("Office clients")
struct OfficeClientTests {
    static var onCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static let binary: String? = {
        let runner = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        let candidates = [
            ProcessInfo.processInfo.environment["CONGDANSO_BIN"] ?? "",
            runner.appendingPathComponent("congdanso").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("congdanso").path,
            packageRoot.appendingPathComponent(".build/debug/congdanso").path,
        ]
        return candidates.first { !$0.isEmpty && FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs a command; returns its status and its output and errors together.
    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("office-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: out) }
        let handle = try FileHandle(forWritingTo: out)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = arguments
        p.standardOutput = handle
        p.standardError = handle
        p.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        p.environment = environment
        try p.run()
        p.waitUntilExit()
        try handle.close()
        return (p.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self))
    }

    @Test("python-docx, openpyxl and LibreOffice read what congdanso writes as the JSON report says")
    func clientsAgreeWithTheReport() throws {
        let binary = try #require(OfficeClientTests.binary, "congdanso is not built")
        let (probe, probeOutput) = try Self.run(["python3", "-c", "import docx, openpyxl"])
        if probe != 0 {
            if Self.onCI {
                Issue.record(
                    "python-docx and openpyxl are needed under CI (pip install python-docx openpyxl): \(probeOutput)")
            } else {
                print("skipped: python-docx or openpyxl is missing (pip install python-docx openpyxl): \(probeOutput)")
            }
            return
        }
        let script = packageRoot.appendingPathComponent("tools/check_office_files.py").path
        var arguments = ["python3", script, binary, "--data", sampleDataPath]
        if Self.onCI { arguments.append("--require-libreoffice") }
        let (status, output) = try Self.run(arguments)
        print(output.split(separator: "\n").filter { !$0.hasPrefix("ok ") }.joined(separator: "\n"))
        #expect(status == 0, "\(output)")
        #expect(output.contains(" passed, 0 failed"))
    }
}
