import Foundation
import Testing

/// The commands' writes and messages, through the built binary: every write
/// is checked (a full device, a broken pipe, a file that cannot grow), `-o`
/// treats what is at the path with care, and every path, title and message
/// printed is terminal-safe.
@Suite("Command output")
struct CommandOutputTests {
    /// Runs `script` with bash, the binary as `$0`; returns status and output.
    static func shell(_ script: String, stdout: FileHandle? = nil) throws -> (status: Int32, stderr: String) {
        let binary = try #require(CommandLineTests.binary, "congdanso is not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, binary]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["CONGDANSO_DATA"] = sampleDataPath
        process.environment = environment
        let err = Pipe()
        process.standardError = err
        process.standardOutput = stdout ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by a signal: \(script)")
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("report, validate, export, dashboard and replay to /dev/full: a clear message and exit 1, no crash")
    func fullDevice() throws {
        // `-o` and `--to` reach /dev/full through a link in a temporary
        // folder: a writer that replaced what is at the path (the bug this
        // guards against) then replaces the link, never the device (run as
        // root, an old build replaced /dev/full itself with a regular file).
        let dir = TempDataDir()
        let full = dir.path + "/full"
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: "/dev/full")
        for command in [
            "report", "report --format json", "validate", "export", "export -o '\(full)'", "dashboard",
            "replay --speed 0 --to '\(full)'",
        ] {
            let data = command.hasPrefix("replay") ? "--from-data" : "--data"
            let r = try Self.shell("\"$0\" \(command) \(data) \"$CONGDANSO_DATA\" > /dev/full")
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("no space left on the device"), "\(command): \(r.stderr)")
            #expect(!r.stderr.contains("Code=") && !r.stderr.contains("Fatal error"), "\(command): \(r.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: full) == "/dev/full")
    }

    @Test("a closed pipe with SIGPIPE ignored: a clear message and exit 1")
    func brokenPipe() throws {
        for command in ["report --format json", "export --format json", "validate"] {
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            let r = try Self.shell(
                "trap '' PIPE; exec \"$0\" \(command) --data \"$CONGDANSO_DATA\"", stdout: pipe.fileHandleForWriting)
            #expect(r.status == 1, "\(command): \(r.stderr)")
            #expect(r.stderr.contains("broken pipe"), "\(command): \(r.stderr)")
        }
    }

    @Test("export -o: a file that cannot grow leaves the old content whole and no temporary file")
    func exportFailureKeepsOldFile() throws {
        let dir = TempDataDir()
        dir.write("out.csv", "old")
        let r = try Self.shell(
            "trap '' XFSZ; ulimit -f 4; exec \"$0\" export --data \"$CONGDANSO_DATA\" -o '\(dir.path)/out.csv'")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("cannot write"), "\(r.stderr)")
        #expect(try String(contentsOfFile: dir.path + "/out.csv", encoding: .utf8) == "old")
        // Nothing beside it but the data directory's own (empty) snapshots folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out.csv", "snapshots"])
    }

    @Test("export -o through a symlink, onto a folder, onto a FIFO")
    func exportTargets() throws {
        let dir = TempDataDir()
        dir.write("real.csv", "old")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.csv", withDestinationPath: "real.csv")
        var r = try CommandLineTests.run(["export", "--data", sampleDataPath, "-o", dir.path + "/link.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: dir.path + "/link.csv") == "real.csv")
        #expect(try String(contentsOfFile: dir.path + "/real.csv", encoding: .utf8).contains("Tứ Kỳ"))

        try FileManager.default.createDirectory(atPath: dir.path + "/folder", withIntermediateDirectories: true)
        r = try CommandLineTests.run(["export", "--data", sampleDataPath, "-o", dir.path + "/folder"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("it is a folder; give a file name inside it"), "\(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))

        #expect(mkfifo(dir.path + "/fifo", 0o644) == 0)
        r = try CommandLineTests.run(["export", "--data", sampleDataPath, "-o", dir.path + "/fifo"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("named pipe (FIFO)"), "\(r.stderr)")
    }

    @Test("a snapshot file named with an OSC sequence, a --data path and a --title: printed safe")
    func fileNamesAreSafe() throws {
        let dir = TempDataDir(units: "code,name,type,population\n1,A,xã,10\n")
        let hostile = "\u{1B}]0;pwned\u{07}\u{9B}2J"
        dir.write("snapshots/\(hostile).csv", "as_of,code,registered,completed\n2025-10-22T15:00:00+07:00,9,1,1\n")
        for command in [["validate"], ["report"], ["export"]] {
            let r = try CommandLineTests.run(command + ["--data", dir.path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("\u{FFFD}]0;pwned") || r.stdout.contains("\u{FFFD}]0;pwned"), "\(command)")
            #expect(!hasControlCharacters(r.stdout) && !hasControlCharacters(r.stderr), "\(command)")
        }
        // A data path and a title with escapes.
        let odd = TempDataDir()
        let path = odd.path + "/\(hostile)"
        try FileManager.default.createDirectory(atPath: path + "/snapshots", withIntermediateDirectories: true)
        try "code,name,type,population\n1,A,xã,10\n".write(
            toFile: path + "/units.csv", atomically: true, encoding: .utf8)
        let v = try CommandLineTests.run(["validate", "--data", path])
        #expect(v.status == 0, "\(v.stderr)")
        #expect(!hasControlCharacters(v.stdout) && !hasControlCharacters(v.stderr))
        let t = try CommandLineTests.run(["report", "--data", path, "--format", "markdown", "--title", hostile])
        #expect(t.status == 0, "\(t.stderr)")
        #expect(!hasControlCharacters(t.stdout) && !hasControlCharacters(t.stderr))
        let e = try CommandLineTests.run(["export", "--data", path, "-o", odd.path + "/\(hostile).csv"])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(e.stderr.contains("wrote 1 units to"))
        #expect(!hasControlCharacters(e.stderr))
    }

    @Test("argument errors quote the value given terminal-safe; help to /dev/full is exit 1")
    func argumentErrorsAreSafe() throws {
        let r = try CommandLineTests.run(["export", "--sort", "\u{1B}]0;pwned\u{07}"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("\u{FFFD}]0;pwned\u{FFFD}"), "\(r.stderr)")
        #expect(!hasControlCharacters(r.stderr))
        let help = try Self.shell("\"$0\" help report > /dev/full")
        #expect(help.status == 1)
        #expect(help.stderr.contains("no space left"))
    }

    @Test("replay reads --events from a pipe and refuses to write into a FIFO")
    func replayPipes() throws {
        let dir = TempDataDir()
        let r = try Self.shell(
            "head -5 \"$CONGDANSO_DATA/events.csv\" | \"$0\" replay --events /dev/stdin --to '\(dir.path)/log.csv' --speed 0"
        )
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try String(contentsOfFile: dir.path + "/log.csv", encoding: .utf8).split(separator: "\n").count == 5)
        #expect(mkfifo(dir.path + "/fifo", 0o644) == 0)
        let f = try CommandLineTests.run(["replay", "--to", dir.path + "/fifo", "--speed", "0"])
        #expect(f.status == 1)
        #expect(f.stderr.contains("named pipe (FIFO)"), "\(f.stderr)")
    }

    @Test("the hint after data errors names --events when one was given")
    func validateHint() throws {
        let dir = TempDataDir(units: "code,name,type,population\n1,A,xã,10\n")
        dir.write("log.csv", "time,unit,candidate_id,event\n")
        let r = try CommandLineTests.run(["report", "--data", dir.path, "--events", dir.path + "/log.csv"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("`congdanso validate --data \(dir.path) --events \(dir.path)/log.csv` lists them"))
    }
}
