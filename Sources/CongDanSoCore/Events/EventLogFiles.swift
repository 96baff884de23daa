import CSystemZlib
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files that make up an event log: the live file and its rotated
/// siblings in logrotate's numbered and date schemes, compressed with gzip or
/// not (`events.csv.1`, `events.csv.2.gz`, `events.csv-20251022`,
/// `events.csv-20251022.gz`).
enum EventLogFiles {
    /// A rotated sibling of the live file.
    struct Sibling: Equatable {
        var path: String
        var compressed: Bool
        /// Compressed with something other than gzip (`.bz2`, `.xz`, `.zst`):
        /// listed so a warning can say it was not read.
        var unreadable: Bool
    }

    /// The rotated siblings of `path`, oldest first: by the time each was
    /// last written (rename keeps it, and logrotate keeps it when it
    /// compresses), so that both schemes mixed (a configuration changed)
    /// still come in order; files of the same time by name: the date scheme
    /// by date, the numbered scheme from the highest number (the oldest) down.
    static func siblings(of path: String) -> [Sibling] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let base = url.lastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        var dated: [(String, Sibling)] = []
        var numbered: [(Int, Sibling)] = []
        for name in names where name.count > base.count + 1 && name.hasPrefix(base) {
            var rest = Substring(name.dropFirst(base.count))
            let separator = rest.removeFirst()
            var compressed = false, unreadable = false
            for suffix in [".gz", ".bz2", ".xz", ".zst", ".lz4", ".Z"] where rest.hasSuffix(suffix) {
                rest = rest.dropLast(suffix.count)
                compressed = true
                unreadable = suffix != ".gz"
                break
            }
            guard let first = rest.first, first.isASCII, first.isNumber else { continue }
            let sibling = Sibling(path: folder + "/" + name, compressed: compressed, unreadable: unreadable)
            if separator == ".", rest.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(rest) {
                numbered.append((n, sibling))
            } else if separator == "-",
                rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "-" || $0 == "_" || $0 == "." })
            {
                dated.append((String(rest), sibling))
            }
        }
        // A date stamp and its compressed form: the plain one first (it is the newer copy while gzip runs).
        dated.sort { $0.0 != $1.0 ? $0.0 < $1.0 : !$0.1.compressed && $1.1.compressed }
        numbered.sort { $0.0 != $1.0 ? $0.0 > $1.0 : !$0.1.compressed && $1.1.compressed }
        let byName = dated.map(\.1) + numbered.map(\.1)
        let times = byName.map { modified($0.path) }
        return byName.indices.sorted { (times[$0], $0) < (times[$1], $1) }.map { byName[$0] }
    }

    static func modified(_ path: String) -> Int64 {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        #if canImport(Darwin)
            return Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        #else
            return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        #endif
    }

    /// The bytes of a gzip file, decompressed (several members are read one
    /// after another, as `gunzip` does); nil when it is not valid gzip.
    static func gunzip(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let input = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 18
        var scratch = [UInt8](repeating: 0, count: chunk)
        return input.withUnsafeBufferPointer { inBuf -> [UInt8]? in
            var consumed = 0
            while consumed < inBuf.count {
                stream.next_in = UnsafeMutablePointer(mutating: inBuf.baseAddress! + consumed)
                stream.avail_in = UInt32(inBuf.count - consumed)
                var status: Int32 = Z_OK
                repeat {
                    status = scratch.withUnsafeMutableBufferPointer { out -> Int32 in
                        stream.next_out = out.baseAddress
                        stream.avail_out = UInt32(chunk)
                        let s = inflate(&stream, Z_NO_FLUSH)
                        output.append(contentsOf: out[0..<(chunk - Int(stream.avail_out))])
                        return s
                    }
                } while status == Z_OK
                guard status == Z_STREAM_END else { return nil }
                consumed = inBuf.count - Int(stream.avail_in)
                // Another member may follow (trailing zeros are padding).
                if inBuf[consumed...].allSatisfy({ $0 == 0 }) { break }
                guard inflateReset(&stream) == Z_OK else { return nil }
            }
            return output
        }
    }
}

/// The bytes of one file of the log, read by position: an open plain file,
/// or a decompressed gzip sibling held in memory.
final class LogBytes {
    let path: String
    let fd: Int32
    let memory: [UInt8]?
    let size: Int64
    let device: UInt64
    let inode: UInt64
    let isRegular: Bool

    /// Opens a plain file (without blocking on a FIFO); nil with `errno` set when it cannot be opened.
    init?(plain path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let saved = errno
            close(fd)
            errno = saved
            return nil
        }
        self.path = path
        self.fd = fd
        memory = nil
        size = Int64(st.st_size)
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        isRegular = (st.st_mode & S_IFMT) == S_IFREG
    }

    /// A gzip sibling, decompressed; nil when it cannot be read or is not gzip.
    init?(gzip path: String) {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, let bytes = EventLogFiles.gunzip(path) else {
            return nil
        }
        self.path = path
        fd = -1
        memory = bytes
        size = Int64(bytes.count)
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        isRegular = true
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Up to `count` bytes at `offset` into `buffer`; the count read, or −1 (errno set).
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) -> Int {
        if let memory {
            guard offset < Int64(memory.count) else { return 0 }
            let n = min(count, memory.count - Int(offset))
            memory.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + Int(offset), byteCount: n) }
            return n
        }
        while true {
            let got = pread(fd, buffer, count, off_t(offset))
            if got < 0, errno == EINTR { continue }
            return got
        }
    }

    func bytes(at offset: Int64, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = out.withUnsafeMutableBytes {
                read(into: $0.baseAddress! + got, count: count - got, at: offset + Int64(got))
            }
            if n <= 0 { break }
            got += n
        }
        return Array(out[0..<got])
    }

    /// The first bytes (up to `LogFingerprint.headBytes`).
    var head: [UInt8] { bytes(at: 0, count: Int(min(size, Int64(LogFingerprint.headBytes)))) }

    /// The fingerprint of the first `length` bytes, or nil when the file is shorter.
    func fingerprint(upTo length: Int64) -> UInt64? {
        guard length <= size else { return nil }
        return LogFingerprint.of(length: length) { offset, buffer in
            var got = 0
            while got < buffer.count {
                let n = self.read(into: buffer.baseAddress! + got, count: buffer.count - got, at: offset + Int64(got))
                if n <= 0 { break }
                got += n
            }
            return got
        }
    }
}

/// A fingerprint of a file's first bytes, for telling whether the part of a
/// log already read is still the same (a rewrite in place keeps the inode and
/// may keep the first bytes and the size) and whether a rotated sibling holds
/// what was read from another file. Up to 1 MB every byte counts; beyond, the
/// first and last 64 KB and 62 blocks of 4 KB spread evenly between them, so a
/// check costs at most 0.4 MB of reading however large the log.
enum LogFingerprint {
    static let headBytes = 256
    static let wholeUpTo: Int64 = 1 << 20

    /// `read` fills the buffer it is given from an offset and says how many
    /// bytes it read. One 64 KB buffer serves the whole check: a dashboard
    /// checks every second, and must not churn the allocator doing it.
    static func of(length: Int64, read: (Int64, UnsafeMutableRawBufferPointer) -> Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bitPattern: length)
        let chunk = 64 << 10
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        func mix(_ offset: Int64, _ count: Int) {
            let got = read(offset, UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
            for b in buffer[0..<got] { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            hash = (hash ^ UInt64(got)) &* 0x100_0000_01b3
        }
        if length <= wholeUpTo {
            var offset: Int64 = 0
            while offset < length {
                let n = Int(min(Int64(chunk), length - offset))
                mix(offset, n)
                offset += Int64(n)
            }
            return hash
        }
        let edge: Int64 = 64 << 10, block: Int64 = 4 << 10
        mix(0, Int(edge))
        let span = length - 2 * edge - block
        for k in 1...62 { mix(edge + span * Int64(k) / 63, Int(block)) }
        mix(length - edge, Int(edge))
        return hash
    }
}
