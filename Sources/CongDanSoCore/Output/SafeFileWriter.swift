#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a whole file the way a careful user expects of `-o FILE`:
///
/// - through symbolic links, to the real file (the link stays a link);
/// - a regular file is replaced whole or not at all: the new content goes
///   to a temporary file beside it, is flushed to disk, takes the old file's
///   mode and owner, and is renamed over it; on any failure the temporary
///   file is removed and the old file is untouched;
/// - a file with other hard links, or one whose owner cannot be kept, or in
///   a folder where no temporary file can be made, is rewritten in place
///   (its inode, links, mode and owner stay), after reserving the space so
///   that a full disk fails before the first byte changes;
/// - a character device (`/dev/stdout`, `/dev/null`, a terminal) is written
///   directly, and `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` write to the
///   open descriptor itself (so a pipe works too);
/// - folders, named pipes (FIFOs), block devices and sockets are refused
///   with a message saying what the path is and what to do;
/// - every write is checked (`CheckedOutput`).
public enum SafeFileWriter {
    /// Writes `bytes` to `path` (see the type's rules).
    public static func write(_ bytes: [UInt8], to path: String) throws(OutputError) {
        if let fd = openDescriptor(named: path) {
            try CheckedOutput(descriptor: fd, name: path).write(bytes)
            return
        }
        let target = try resolveLinks(path)
        var st = stat()
        if lstat(target, &st) != 0 {
            let code = errno
            guard code == ENOENT else { throw OutputError.system(code, path) }
            try checkFolder(of: target, path: path)
            try replace(target, with: bytes, like: nil, path: path)
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            try refuseKernelFile(target, path: path)
            guard access(target, W_OK) == 0 else { throw OutputError.system(errno, path) }
            if st.st_nlink > 1 {
                try rewriteInPlace(target, with: bytes, path: path)
                return
            }
            do {
                try replace(target, with: bytes, like: st, path: path)
            } catch let e where e.code == -1 {
                // No temporary file beside it, or its owner cannot be kept.
                try rewriteInPlace(target, with: bytes, path: path)
            }
        case S_IFCHR:
            let fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError.system(errno, path) }
            defer { close(fd) }
            try CheckedOutput(descriptor: fd, name: path).write(bytes)
        default:
            throw refusal(st.st_mode & S_IFMT, path: path)
        }
    }

    /// Opens `path` for a stream of writes (a replayed log): a regular file
    /// is created or truncated, a character device opened as it is, anything
    /// else refused as `write` refuses it. The caller closes the descriptor.
    public static func openForStreaming(_ path: String) throws(OutputError) -> CheckedOutput {
        if let fd = openDescriptor(named: path) { return CheckedOutput(descriptor: fd, name: path) }
        let target = try resolveLinks(path)
        var st = stat()
        if lstat(target, &st) == 0 {
            let kind = st.st_mode & S_IFMT
            guard kind == S_IFREG || kind == S_IFCHR else { throw refusal(kind, path: path) }
            if kind == S_IFREG { try refuseKernelFile(target, path: path) }
        } else {
            try checkFolder(of: target, path: path)
        }
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError.system(errno, path) }
        return CheckedOutput(descriptor: fd, name: path)
    }

    // MARK: - Steps

    /// The descriptor that `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` or
    /// `/proc/self/fd/N` stands for, when it is open.
    static func openDescriptor(named path: String) -> Int32? {
        let n: Int32?
        switch path {
        case "/dev/stdout": n = 1
        case "/dev/stderr": n = 2
        default:
            if path.hasPrefix("/dev/fd/") {
                n = Int32(path.dropFirst(8))
            } else if path.hasPrefix("/proc/self/fd/") {
                n = Int32(path.dropFirst(14))
            } else {
                n = nil
            }
        }
        guard let n, n >= 0, fcntl(n, F_GETFD) != -1 else { return nil }
        return n
    }

    /// The path with every symbolic link followed (relative targets from
    /// the link's folder); the last one may not exist yet (a link to a file
    /// still to be made).
    static func resolveLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n >= 0 else { throw OutputError.system(errno, path) }
            let link = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") {
                current = link
            } else {
                current = folder(of: current) + "/" + link
            }
        }
        throw OutputError.system(ELOOP, path)
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func checkFolder(of target: String, path: String) throws(OutputError) {
        let dir = folder(of: target)
        var st = stat()
        guard stat(dir, &st) == 0 else {
            throw OutputError(
                target: path, reason: "the folder \(dir) does not exist; create it first or give another path",
                code: ENOENT)
        }
        guard st.st_mode & S_IFMT == S_IFDIR else {
            throw OutputError(target: path, reason: "\(dir) is not a folder; check the path", code: ENOTDIR)
        }
    }

    /// Files of /proc and /sys look regular but are the kernel's settings
    /// and reports, never a place for a table (and root may write some).
    private static func refuseKernelFile(_ target: String, path: String) throws(OutputError) {
        guard let real = realpath(target, nil) else { return }
        defer { free(real) }
        let resolved = String(cString: real)
        if resolved.hasPrefix("/proc/") || resolved.hasPrefix("/sys/") {
            throw OutputError(
                target: path,
                reason:
                    "it is a file of the kernel (/proc or /sys), not a place for data; give the name of a regular file",
                code: EINVAL)
        }
    }

    private static func refusal(_ kind: mode_t, path: String) -> OutputError {
        let what: String
        switch kind {
        case S_IFDIR: return OutputError.system(EISDIR, path)
        case S_IFIFO: what = "it is a named pipe (FIFO)"
        case S_IFBLK: what = "it is a block device (a disk)"
        case S_IFSOCK: what = "it is a socket"
        default: what = "it is not a regular file"
        }
        return OutputError(
            target: path,
            reason:
                "\(what); give the name of a regular file, or /dev/stdout to write to standard output (and redirect that)",
            code: EINVAL)
    }

    /// Writes a new file beside `target` and renames it over `target`. With
    /// `old`, the new file takes its mode and owner first. Throws code -1
    /// when the way is blocked but an in-place rewrite may work (no
    /// temporary file can be made, the owner cannot be kept).
    private static func replace(_ target: String, with bytes: [UInt8], like old: stat?, path: String)
        throws(OutputError)
    {
        let dir = folder(of: target)
        let base = target.split(separator: "/").last.map(String.init) ?? "out"
        var temp = ""
        var fd: Int32 = -1
        for attempt in 0..<100 {
            temp = dir + "/.\(base).\(getpid())-\(attempt).tmp"
            fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            let code = errno
            if old != nil { throw OutputError(target: path, reason: "no temporary file", code: -1) }
            throw OutputError.system(code, path)
        }
        var closed = false
        var renamed = false
        defer {
            if !closed { close(fd) }
            if !renamed { unlink(temp) }
        }
        if let old {
            if old.st_uid != geteuid() || old.st_gid != getegid() {
                guard fchown(fd, old.st_uid, old.st_gid) == 0 else {
                    throw OutputError(target: path, reason: "owner cannot be kept", code: -1)
                }
            }
            guard fchmod(fd, old.st_mode & 0o7777) == 0 else { throw OutputError.system(errno, path) }
        }
        try CheckedOutput(descriptor: fd, name: path).write(bytes)
        guard fsync(fd) == 0 || errno == EINVAL else { throw OutputError.system(errno, path) }
        closed = true
        guard close(fd) == 0 else { throw OutputError.system(errno, path) }
        guard rename(temp, target) == 0 else { throw OutputError.system(errno, path) }
        renamed = true
    }

    /// Rewrites `target` in place (same inode): reserves the space first so
    /// that a full disk is found before anything changes, writes from the
    /// start, then cuts the file to the new length.
    private static func rewriteInPlace(_ target: String, with bytes: [UInt8], path: String) throws(OutputError) {
        let fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.system(errno, path) }
        defer { close(fd) }
        if !bytes.isEmpty {
            let r = posix_fallocate(fd, 0, off_t(bytes.count))
            // Only a lack of space stops here; a file system without
            // fallocate (EOPNOTSUPP, EINVAL, ESPIPE…) is written anyway.
            if r == ENOSPC || r == EDQUOT || r == EFBIG { throw OutputError.system(r, path) }
        }
        do {
            try CheckedOutput(descriptor: fd, name: path).write(bytes)
        } catch {
            throw OutputError.system(error.code, path, partial: true)
        }
        guard ftruncate(fd, off_t(bytes.count)) == 0 else { throw OutputError.system(errno, path, partial: true) }
        guard fsync(fd) == 0 || errno == EINVAL else { throw OutputError.system(errno, path, partial: true) }
    }
}
