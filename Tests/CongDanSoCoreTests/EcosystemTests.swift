import Foundation
import Testing

/// `congdanso --version` and the shell completions (README, "Installing"):
/// each completion script is loaded in its own shell and asked to complete
/// a command line. A shell that is not installed skips its test (`.ci/run`
/// installs zsh and fish). TerminalTests' `CompletionTerminalTests` press
/// Tab in a real interactive zsh.
@Suite("Version and shell completions")
struct EcosystemTests {
    @Test("--version prints one version, the same from every command")
    func version() throws {
        let top = try CommandLineTests.run(["--version"])
        #expect(top.status == 0)
        let version = top.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(version)")
        for command in ["report", "export", "validate", "dashboard", "replay"] {
            let r = try CommandLineTests.run([command, "--version"])
            #expect(r.status == 0)
            #expect(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == version)
        }
        #expect(try CommandLineTests.run(["--help"]).stdout.contains("--version"))
    }

    /// Writes the completion script for `shell` into a fresh folder; returns the folder.
    func script(_ shell: String, named name: String) throws -> URL {
        let r = try CommandLineTests.run(["--generate-completion-script", shell])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.isEmpty)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("congdanso-completion-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try r.stdout.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return folder
    }

    /// Runs `shell` with `arguments`; nil when the shell is not installed.
    /// Output goes through a file, not a pipe: a daemon it starts (tmux's
    /// server) keeps its descriptors open, and a pipe would never end.
    func shell(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("congdanso-shell-\(UUID())")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL) }
        let out = try FileHandle(forWritingTo: outURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        environment["XDG_CONFIG_HOME"] = FileManager.default.temporaryDirectory.path
        environment["XDG_DATA_HOME"] = FileManager.default.temporaryDirectory.path
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        try out.close()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: outURL), as: UTF8.self))
    }

    @Test("bash: the script loads and completes subcommands, options and their values")
    func bash() throws {
        let folder = try script("bash", named: "congdanso.bash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = """
            source "$1" || exit 3
            complete -p congdanso || exit 4
            try() {
                COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}; read -ra COMP_WORDS <<<"$1"
                [[ "$1" == *" " ]] && COMP_WORDS+=("")
                COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
                _congdanso congdanso "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                echo "[$1] ${COMPREPLY[*]}"
            }
            try "congdanso rep"
            try "congdanso report --format "
            try "congdanso dashboard --lang "
            """
        guard
            let r = try shell(
                "/bin/bash", ["-c", program, "bash", folder.appendingPathComponent("congdanso.bash").path])
        else { return }
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("complete -o filenames -F _congdanso congdanso"))
        #expect(r.output.contains("[congdanso rep] report replay"), "\(r.output)")
        #expect(r.output.contains("[congdanso report --format ] text json markdown"), "\(r.output)")
        #expect(r.output.contains("[congdanso dashboard --lang ] vi en"), "\(r.output)")
    }

    @Test("zsh: the script parses, compinit registers it and it autoloads")
    func zsh() throws {
        let folder = try script("zsh", named: "_congdanso")
        defer { try? FileManager.default.removeItem(at: folder) }
        guard let syntax = try shell("/usr/bin/zsh", ["-n", folder.appendingPathComponent("_congdanso").path]) else {
            return
        }
        #expect(syntax.status == 0, "\(syntax.output)")
        let program = """
            fpath=("$1" $fpath)
            autoload -Uz compinit && compinit -u -d "$1/zcompdump" || exit 3
            print -r -- "registered: ${_comps[congdanso]}"
            autoload +X _congdanso && print loaded
            """
        guard let r = try shell("/usr/bin/zsh", ["-f", "-c", program, "zsh", folder.path]) else { return }
        #expect(r.status == 0, "\(r.output)")
        #expect(r.output.contains("registered: _congdanso"), "\(r.output)")
        #expect(r.output.contains("loaded"), "\(r.output)")
    }

    @Test("fish: the script loads and completes subcommands and option values")
    func fish() throws {
        let folder = try script("fish", named: "congdanso.fish")
        defer { try? FileManager.default.removeItem(at: folder) }
        let program = """
            source $argv[1]; or exit 3
            complete -C"congdanso rep"
            complete -C"congdanso report --format "
            """
        guard
            let r = try shell(
                "/usr/bin/fish", ["--no-config", "-c", program, folder.appendingPathComponent("congdanso.fish").path])
        else { return }
        #expect(r.status == 0, "\(r.output)")
        let firstWords = Set(r.output.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") })
        #expect(firstWords.isSuperset(of: ["report", "replay", "text", "json", "markdown"]), "\(r.output)")
    }
}
