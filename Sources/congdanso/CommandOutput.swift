import ArgumentParser
import CongDanSoCore
import Foundation
import TextSafety

/// What the commands print, all through one place: every write is checked
/// (a full disk, `/dev/full` or a closed pipe is a clear message and exit
/// status 1, never a crash or a silent exit 0), and every message is made
/// terminal-safe (paths, titles and option values are untrusted text).
enum CommandOutput {
    /// Writes `bytes` to `path` (through `SafeFileWriter`), or to standard
    /// output when `path` is nil.
    static func emit(_ bytes: [UInt8], to path: String?) throws {
        do throws(OutputError) {
            if let path {
                try SafeFileWriter.write(bytes, to: path)
            } else {
                try CheckedOutput.standardOutput.write(bytes)
            }
        } catch {
            throw fail("\(error)")
        }
    }

    /// Writes text to standard output.
    static func emit(_ text: String) throws { try emit(Array(text.utf8), to: nil) }

    /// A line on standard error, made terminal-safe. Errors writing it are
    /// ignored: there is nowhere left to report them.
    static func note(_ line: String) {
        try? CheckedOutput.standardError.write(TextSafety.clean(line) + "\n")
    }

    /// Prints ArgumentParser's message for an error (help text on standard
    /// output, errors on standard error), each line terminal-safe, and exits
    /// with `status` (1 when help could not be written).
    static func exit(_ message: String, status: ExitCode) -> Never {
        if !message.isEmpty {
            let safe =
                message.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TextSafety.clean(String($0)) }.joined(separator: "\n") + "\n"
            if status == .success {
                do throws(OutputError) { try CheckedOutput.standardOutput.write(safe) } catch {
                    note("congdanso: \(error)")
                    Foundation.exit(1)
                }
            } else {
                try? CheckedOutput.standardError.write(safe)
            }
        }
        Foundation.exit(status.rawValue)
    }

    /// Prints `congdanso: message` on standard error and returns the exit
    /// status 1 to throw.
    static func fail(_ message: String) -> ExitCode {
        note("congdanso: " + message)
        return ExitCode(1)
    }
}
