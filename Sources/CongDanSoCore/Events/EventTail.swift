import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Follows an event log as it grows: remembers the file's identity (inode),
/// its first bytes and how far it has been read, and on each `poll()` reads
/// only the bytes appended since.
///
/// - A last line without its newline is left until it is complete.
/// - A file that shrinks, is replaced (another inode: log rotation, an atomic
///   rename) or whose first bytes changed is read again from the start.
/// - A missing file counts as empty (everything is forgotten).
///
/// Not thread-safe: one owner at a time (the dashboard's reloader thread).
public final class EventTail: @unchecked Sendable {
    public let path: String
    public let aggregator: EventAggregator
    /// Byte offset of the first byte not yet consumed (the start of a
    /// partial last line, if any).
    public private(set) var offset: Int64 = 0
    private var inode: UInt64 = 0
    private var device: UInt64 = 0
    private var head: [UInt8] = []
    /// The most read at a time (and the longest line accepted). A poll's
    /// buffer is only as large as what is new, and freed when it returns:
    /// a dashboard following a log must not keep a cold read's 16 MB.
    private let bufferSize: Int
    private var polledOnce = false

    /// What a poll found.
    public struct Change: Sendable {
        /// The file was read again from the start (replaced, shrunk, missing).
        public var restarted: Bool
        /// Bytes and complete lines read in this poll.
        public var bytesRead: Int
        public var linesRead: Int
        /// Units whose counts changed.
        public var changedUnits: [Int]
        /// An error opening or reading the file (the state is kept).
        public var error: DataIssue?
        public var isEmpty: Bool { !restarted && changedUnits.isEmpty && linesRead == 0 && error == nil }
    }

    public init(path: String, units: [Unit], timeZone: UTCOffset = .vietnam, bufferSize: Int = 16 << 20) {
        self.path = path
        var st = stat()
        let expected = stat(path, &st) == 0 ? Int(st.st_size) / 50 : 0
        aggregator = EventAggregator(units: units, file: path, expectedEvents: expected)
        aggregator.timeZone = timeZone
        self.bufferSize = bufferSize
    }

    /// Reads what was appended since the last poll (everything, the first
    /// time). `progress`, when given, is called with bytes read so far and
    /// the file's size while a long read goes on.
    @discardableResult
    public func poll(progress: ((Int64, Int64) -> Void)? = nil) -> Change {
        var change = Change(restarted: false, bytesRead: 0, linesRead: 0, changedUnits: [], error: nil)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT {
                if offset > 0 || polledOnce { restart(&change) }
                polledOnce = true
                change.changedUnits = aggregator.takeChangedUnits()
                return change
            }
            change.error = DataIssue(
                .error, file: path,
                "cannot open the event log (\(String(cString: strerror(errno)))); check that it exists and that you may read it"
            )
            return change
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            change.error = DataIssue(.error, file: path, "cannot read the event log's size")
            return change
        }
        let size = Int64(st.st_size)
        let sameFile = UInt64(st.st_ino) == inode && UInt64(st.st_dev) == device
        if polledOnce && (!sameFile || size < offset || !headMatches(fd, size: size)) {
            restart(&change)
        }
        polledOnce = true
        inode = UInt64(st.st_ino); device = UInt64(st.st_dev)
        // Read from `offset` to the end, chunk by chunk; a partial line at
        // the end of a chunk is carried to the start of the next.
        var carried = 0
        var position = offset
        let linesBefore = aggregator.linesRead
        var capacity = min(bufferSize, max(64 << 10, Int(clamping: size - position) + 1))
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = EventTail.read(
                fd, into: buffer + carried, count: capacity - carried, at: position + Int64(carried))
            if got < 0 {
                if errno == EINTR { continue }
                change.error = DataIssue(
                    .error, file: path, "reading the event log failed (\(String(cString: strerror(errno))))")
                break
            }
            let available = carried + got
            if available == 0 { break }
            let used = aggregator.consume(
                UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: available))
            position += Int64(used)
            change.bytesRead += used
            carried = available - used
            if carried > 0 && used > 0 { memmove(buffer, buffer + used, carried) }
            if got == 0 { break }  // end of file; a partial line stays
            if carried == capacity, capacity < bufferSize {
                // A line longer than this poll's buffer (or a file that grew): a larger one.
                let larger = UnsafeMutableRawPointer.allocate(byteCount: min(capacity * 2, bufferSize), alignment: 16)
                larger.copyMemory(from: buffer, byteCount: carried)
                buffer.deallocate()
                buffer = larger
                capacity = min(capacity * 2, bufferSize)
                continue
            }
            if carried == bufferSize {
                // One line longer than the buffer: not an event log line.
                change.error = DataIssue(
                    .error, file: path, line: aggregator.linesRead + 1,
                    "a line is longer than \(bufferSize) bytes; this is not an event log")
                break
            }
            progress?(position, size)
        }
        offset = position
        if change.bytesRead >= EventAggregator.parallelBytes { aggregator.releaseScratch() }
        if head.count < 256 { head = readHead(fd, size: max(size, position)) }
        change.linesRead = aggregator.linesRead - linesBefore
        change.changedUnits = aggregator.takeChangedUnits()
        return change
    }

    /// `pread`, in two halves on two threads when the request is large (the
    /// copy out of the page cache is a tenth of a cold read's time). The
    /// second half counts only when the first came back whole: a file that
    /// grew between the two reads must not leave a gap.
    private static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) -> Int {
        let half = count / 2
        guard count >= 2 << 20, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return pread(fd, buffer, count, off_t(offset))
        }
        let results = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
        defer { results.deallocate() }
        let shared = Unchecked((buffer: buffer, results: results))
        runAll(2, parallel: true) { k in
            let start = k == 0 ? 0 : half
            let length = k == 0 ? half : count - half
            shared.value.results[k] = pread(fd, shared.value.buffer + start, length, off_t(offset + Int64(start)))
        }
        // errno belongs to the thread that failed: ask again here to have it.
        if results[0] < 0 { return pread(fd, buffer, count, off_t(offset)) }
        if results[0] < half { return results[0] }
        return results[1] < 0 ? half : half + results[1]
    }

    /// Counts the partial last line too, as if the file ended with a newline:
    /// for one-shot reads (`report`, `validate`) of a file that is complete.
    public func finishPartialLine() {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return }
        let rest = Int(Int64(st.st_size) - offset)
        guard rest > 0, rest <= bufferSize else { return }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: rest, alignment: 16)
        defer { buffer.deallocate() }
        let got = pread(fd, buffer, rest, off_t(offset))
        guard got > 0 else { return }
        let used = aggregator.consume(
            UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: got), atEnd: true)
        offset += Int64(used)
    }

    private func restart(_ change: inout Change) {
        aggregator.reset()
        offset = 0
        head = []
        change.restarted = true
    }

    private func readHead(_ fd: Int32, size: Int64) -> [UInt8] {
        let n = Int(min(256, size))
        guard n > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: n)
        let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, n, 0) }
        return got == n ? bytes : []
    }

    /// Whether the file still starts with the bytes read before (catches a
    /// rewrite in place that kept the inode and did not shrink the file).
    private func headMatches(_ fd: Int32, size: Int64) -> Bool {
        guard !head.isEmpty else { return true }
        guard size >= Int64(head.count) else { return false }
        return readHead(fd, size: Int64(head.count)) == head
    }
}
