import Foundation
import Testing

@testable import CongDanSoCore

#if canImport(Glibc)
    import Glibc
#endif

/// `SafeFileWriter` and `CheckedOutput`: what `export -o` and `replay --to`
/// do to whatever is at the path, and how failed writes are reported.
@Suite("Safe file writer")
struct SafeFileWriterTests {
    final class Folder: @unchecked Sendable {
        let path: String
        init() {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("congdanso-writer-\(UUID().uuidString)")
                .path
            try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(atPath: path) }
        func file(_ name: String) -> String { path + "/" + name }
        func contents(_ name: String) -> String? {
            FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
        }
        /// Every name in the folder (a leftover temporary file would show).
        var names: [String] { (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? [] }
    }

    func stat(_ path: String) -> stat {
        var st = Glibc.stat()
        _ = lstat(path, &st)
        return st
    }

    @Test("a new file is created with the umask's mode and nothing else is left")
    func newFile() throws {
        let dir = Folder()
        try SafeFileWriter.write(Array("hello".utf8), to: dir.file("a.csv"))
        #expect(dir.contents("a.csv") == "hello")
        #expect(dir.names == ["a.csv"])
        let mask = umask(0)
        umask(mask)
        #expect(stat(dir.file("a.csv")).st_mode & 0o777 == 0o666 & ~mask)
    }

    @Test("an existing file keeps its mode; the content is replaced whole")
    func keepsMode() throws {
        let dir = Folder()
        try "old content, longer than the new".write(toFile: dir.file("a.csv"), atomically: false, encoding: .utf8)
        chmod(dir.file("a.csv"), 0o640)
        try SafeFileWriter.write(Array("new".utf8), to: dir.file("a.csv"))
        #expect(dir.contents("a.csv") == "new")
        #expect(stat(dir.file("a.csv")).st_mode & 0o7777 == 0o640)
        #expect(dir.names == ["a.csv"])
    }

    @Test("an existing file keeps its owner and group (checked when run as root)", .enabled(if: geteuid() == 0))
    func keepsOwner() throws {
        let dir = Folder()
        try "old".write(toFile: dir.file("a.csv"), atomically: false, encoding: .utf8)
        #expect(chown(dir.file("a.csv"), 65534, 65534) == 0)
        try SafeFileWriter.write(Array("new".utf8), to: dir.file("a.csv"))
        #expect(dir.contents("a.csv") == "new")
        #expect(stat(dir.file("a.csv")).st_uid == 65534 && stat(dir.file("a.csv")).st_gid == 65534)
    }

    @Test("a symbolic link is written through: the link stays, its target gets the content")
    func throughSymlink() throws {
        let dir = Folder()
        try "old".write(toFile: dir.file("real.csv"), atomically: false, encoding: .utf8)
        chmod(dir.file("real.csv"), 0o600)
        symlink("real.csv", dir.file("link.csv"))
        try SafeFileWriter.write(Array("new".utf8), to: dir.file("link.csv"))
        #expect(stat(dir.file("link.csv")).st_mode & S_IFMT == S_IFLNK)
        #expect(dir.contents("real.csv") == "new")
        #expect(stat(dir.file("real.csv")).st_mode & 0o7777 == 0o600)
        // A dangling link creates its target, as the shell's `>` does.
        symlink("later.csv", dir.file("dangling.csv"))
        try SafeFileWriter.write(Array("made".utf8), to: dir.file("dangling.csv"))
        #expect(dir.contents("later.csv") == "made")
        #expect(stat(dir.file("dangling.csv")).st_mode & S_IFMT == S_IFLNK)
        // A chain of links, one relative to a subfolder.
        try FileManager.default.createDirectory(atPath: dir.file("sub"), withIntermediateDirectories: true)
        symlink("../real.csv", dir.file("sub/up.csv"))
        symlink("sub/up.csv", dir.file("chain.csv"))
        try SafeFileWriter.write(Array("chained".utf8), to: dir.file("chain.csv"))
        #expect(dir.contents("real.csv") == "chained")
    }

    @Test("a file with hard links is rewritten in place: every name sees the new content")
    func hardLinks() throws {
        let dir = Folder()
        try "a much longer old content".write(toFile: dir.file("a.csv"), atomically: false, encoding: .utf8)
        link(dir.file("a.csv"), dir.file("b.csv"))
        let inode = stat(dir.file("a.csv")).st_ino
        try SafeFileWriter.write(Array("new".utf8), to: dir.file("a.csv"))
        #expect(dir.contents("a.csv") == "new")
        #expect(dir.contents("b.csv") == "new")
        #expect(stat(dir.file("a.csv")).st_ino == inode)
        #expect(stat(dir.file("a.csv")).st_nlink == 2)
    }

    @Test("folders, FIFOs and missing folders are refused with a message; nothing is created")
    func refusals() throws {
        let dir = Folder()
        try FileManager.default.createDirectory(atPath: dir.file("folder"), withIntermediateDirectories: true)
        #expect {
            try SafeFileWriter.write([1], to: dir.file("folder"))
        } throws: { error in
            "\(error)".contains("it is a folder; give a file name inside it")
        }
        mkfifo(dir.file("fifo"), 0o644)
        // Refused at once: opening a FIFO with no reader would hang.
        #expect {
            try SafeFileWriter.write([1], to: dir.file("fifo"))
        } throws: { error in
            "\(error)".contains("named pipe (FIFO)")
        }
        #expect(stat(dir.file("fifo")).st_mode & S_IFMT == S_IFIFO)
        #expect {
            try SafeFileWriter.write([1], to: dir.file("missing/a.csv"))
        } throws: { error in
            "\(error)".contains("does not exist")
        }
        #expect(throws: OutputError.self) { try SafeFileWriter.openForStreaming(dir.file("fifo")) }
        #expect(throws: OutputError.self) { try SafeFileWriter.openForStreaming(dir.file("folder")) }
        #expect(dir.names == ["fifo", "folder"])
    }

    @Test("files of /proc and /sys are refused, even for root")
    func kernelFiles() {
        for path in ["/proc/version", "/proc/self/comm"] {
            #expect {
                try SafeFileWriter.write(Array("x".utf8), to: path)
            } throws: { error in
                "\(error)".contains("a file of the kernel")
            }
            #expect(throws: OutputError.self) { try SafeFileWriter.openForStreaming(path) }
        }
    }

    @Test("a character device is written directly; /dev/full is a clear error")
    func devices() throws {
        // Through links in a temporary folder: a writer that replaced what is
        // at the path would replace the link, never the system's device.
        let dir = Folder()
        symlink("/dev/null", dir.file("null"))
        symlink("/dev/full", dir.file("full"))
        try SafeFileWriter.write(Array("x".utf8), to: dir.file("null"))
        #expect(stat(dir.file("null")).st_mode & S_IFMT == S_IFLNK)
        #expect {
            try SafeFileWriter.write(Array("x".utf8), to: dir.file("full"))
        } throws: { error in
            (error as? OutputError)?.code == ENOSPC && "\(error)".contains("no space left")
        }
        let stream = try SafeFileWriter.openForStreaming(dir.file("full"))
        defer { close(stream.descriptor) }
        #expect(throws: OutputError.self) { try stream.write("line\n") }
        #expect(dir.names == ["full", "null"])
    }

    @Test("a write to a pipe whose reader is gone is EPIPE, reported, not a crash (SIGPIPE ignored)")
    func brokenPipe() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        let old = signal(SIGPIPE, SIG_IGN)
        defer {
            signal(SIGPIPE, old)
            close(fds[1])
        }
        let out = CheckedOutput(descriptor: fds[1], name: "standard output")
        #expect {
            try out.write("x")
        } throws: { error in
            (error as? OutputError)?.code == EPIPE && "\(error)".contains("broken pipe")
        }
    }
}
