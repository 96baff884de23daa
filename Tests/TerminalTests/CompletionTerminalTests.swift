import Foundation
import Testing

/// The zsh completion script in a real interactive zsh: Tab after
/// `congdanso rep` and after `report --format ` (README, "Man page and
/// shell completions"). bash and fish are checked without a terminal in
/// CongDanSoCoreTests' `EcosystemTests`.
@Suite("Shell completion in a terminal")
struct CompletionTerminalTests {
    static let zsh = "/usr/bin/zsh"
    static var canRun: Bool {
        TmuxHarness.isAvailable && FileManager.default.isExecutableFile(atPath: zsh)
            && FileManager.default.isExecutableFile(atPath: TmuxHarness.binaryPath())
    }

    @Test(.enabled(if: canRun)) func zshTabCompletes() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congdanso-zsh-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The script, as `--generate-completion-script zsh` prints it.
        let script = folder.appendingPathComponent("_congdanso")
        _ = FileManager.default.createFile(atPath: script.path, contents: nil)
        let out = try FileHandle(forWritingTo: script)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TmuxHarness.binaryPath())
        process.arguments = ["--generate-completion-script", "zsh"]
        process.standardOutput = out
        try process.run()
        process.waitUntilExit()
        try out.close()
        #expect(process.terminationStatus == 0)
        try """
        fpath=("\(folder.path)" $fpath)
        autoload -Uz compinit && compinit -u -d "\(folder.path)/zcompdump"
        PROMPT='> '
        """.write(to: folder.appendingPathComponent(".zshrc"), atomically: true, encoding: .utf8)

        let tmux = try TmuxHarness(
            command: "exec \(Self.zsh) -i", width: 120, height: 20, environment: ["ZDOTDIR": folder.path])
        defer { tmux.kill() }
        try await tmux.waitFor(">")  // the prompt (capture trims its trailing space)
        try tmux.sendKeys(.text("congdanso rep"), .tab)
        let commands = try await tmux.waitFor("replay")
        #expect(commands.contains("report"), "\(commands)")
        try tmux.sendKeys(.control("u"), .text("congdanso report --format "), .tab)
        let values = try await tmux.waitFor("markdown")
        #expect(values.contains("text") && values.contains("json"), "\(values)")
    }
}
