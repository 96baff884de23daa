import TextSafety

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A write that failed, said in words a clerk can act on: what could not be
/// written, why, and what to do. Printable as it is (paths are cleaned).
public struct OutputError: Error, CustomStringConvertible, Equatable {
    /// The path or stream ("standard output") that could not be written.
    public var target: String
    /// Why, with the fix.
    public var reason: String
    /// The system's error number, when there was one (tests check it).
    public var code: Int32

    public init(target: String, reason: String, code: Int32 = 0) {
        self.target = target; self.reason = reason; self.code = code
    }

    public var description: String { TextSafety.clean("cannot write \(target): \(reason)") }

    /// The error for `errno` value `code` while writing `target`.
    static func system(_ code: Int32, _ target: String, partial: Bool = false) -> OutputError {
        let why: String
        switch code {
        case ENOSPC: why = "no space left on the device; free some space or write somewhere else"
        case EDQUOT: why = "your disk quota is used up; free some space or write somewhere else"
        case EPIPE: why = "the program reading the output stopped before everything was written (broken pipe)"
        case EACCES, EPERM: why = "permission denied; choose a place you may write to, or ask for write access"
        case EROFS: why = "the file system is read-only; write somewhere else"
        case ENOENT: why = "the folder does not exist; create it first or give another path"
        case ENOTDIR: why = "a part of the path is not a folder; check the path"
        case EISDIR: why = "it is a folder; give a file name inside it, like DIR/table.csv"
        case ELOOP: why = "the path has too many symbolic links (a loop?); check the links"
        case EIO: why = "input/output error (a failing disk or a lost network drive); try again or write elsewhere"
        case ENAMETOOLONG: why = "the file name is too long; use a shorter one"
        case ETXTBSY: why = "the file is in use by a running program; write somewhere else"
        default: why = String(cString: strerror(code))
        }
        let note = partial ? " (the file may be incomplete)" : ""
        return OutputError(target: target, reason: why + note, code: code)
    }
}

/// An open file descriptor whose every write is checked: short writes are
/// continued, EINTR retried, a full non-blocking pipe waited for, and any
/// other failure (a full disk, `/dev/full`, EPIPE with SIGPIPE ignored, an
/// I/O error) thrown as an `OutputError` instead of being lost.
public struct CheckedOutput: Sendable {
    public let descriptor: Int32
    /// What messages call it: "standard output" or a path.
    public let name: String

    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor; self.name = name
    }

    public static let standardOutput = CheckedOutput(descriptor: 1, name: "standard output")
    public static let standardError = CheckedOutput(descriptor: 2, name: "standard error")

    /// Writes all of `text` as UTF-8.
    public func write(_ text: String) throws(OutputError) {
        var text = text
        var failure: OutputError? = nil
        text.withUTF8 { b in
            do throws(OutputError) { try write(b) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError? = nil
        bytes.withUnsafeBufferPointer { b in
            do throws(OutputError) { try write(b) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes all of `buffer`, or throws.
    public func write(_ buffer: UnsafeBufferPointer<UInt8>) throws(OutputError) {
        guard let base = buffer.baseAddress else { return }
        var done = 0
        while done < buffer.count {
            let n = Glibc.write(descriptor, base + done, buffer.count - done)
            if n > 0 {
                done += n
                continue
            }
            let code = n == 0 ? EIO : errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                // A non-blocking pipe or terminal that is full: wait for room.
                var p = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, 1000)
                continue
            }
            throw OutputError.system(code, name, partial: done > 0 && name != "standard output")
        }
    }
}
