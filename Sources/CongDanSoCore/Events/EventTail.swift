import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads an event log — the live file and its rotated siblings
/// (`EventLogFiles`) — and follows it as it grows: on each `poll()` only the
/// bytes appended since are read.
///
/// Each file read is remembered by identity (device, inode), how far it was
/// read and a fingerprint of those bytes (`LogFingerprint`), so that:
/// - a rename rotation (`events.csv` → `events.csv.1`, a new `events.csv`)
///   finishes the old file under its new name and reads the new one from
///   its start, counting on;
/// - a `copytruncate` rotation (the live file copied, then emptied) finishes
///   what the copy holds beyond what was read and reads the emptied file
///   from its start; nothing already counted is forgotten;
/// - a sibling compressed later (`events.csv.2.gz`) is recognised as a file
///   already read and not counted twice (nor its warnings);
/// - a file replaced with no sibling holding the old content (an atomic
///   rename), shrunk with no copy, or rewritten in place (the bytes before
///   the resume offset changed) is a rewrite: everything is read again.
///
/// A last line without its newline is left until it is complete; a line
/// longer than the buffer is a malformed line, skipped.
///
/// Not thread-safe: one owner at a time (the dashboard's reloader thread).
public final class EventTail: @unchecked Sendable {
    public let path: String
    public let aggregator: EventAggregator
    /// The machine's clock (tests fix it) and how far past it a time may be
    /// before it is impossible.
    public var clock: @Sendable () -> Timestamp = { Timestamp.systemNow }
    public var futureTolerance: Int64 = ContestConfig.defaultFutureTolerance
    /// Whether a last line without its newline in the live file is reported
    /// (one-shot reads); a followed log waits for it silently.
    public var reportsPartialLine = false
    /// The most read at a time (and the longest line accepted). A poll's
    /// buffer is only as large as what is new, and freed when it returns:
    /// a dashboard following a log must not keep a cold read's 16 MB.
    private let bufferSize: Int
    /// A pipe (`--events -`, a FIFO) is read once, to its end.
    private let stream: Int32?
    private var streamDone = false

    /// One file of the log as read.
    struct Piece {
        var path: String
        var device: UInt64, inode: UInt64
        var compressed: Bool
        /// Bytes consumed (the start of a partial last line, if any) and
        /// the fingerprint of those bytes.
        var offset: Int64 = 0
        var fingerprint: UInt64 = 0
        var head: [UInt8] = []
        var cursor: EventAggregator.Cursor
        /// Inside a line longer than the buffer, skipping to its end.
        var skipping = false
        /// The file's size when last seen (for the partial-line note).
        var size: Int64 = 0
        /// A plain archived file no longer under any name (compressed or
        /// deleted since): not looked for again.
        var retired = false
    }

    /// Files read, oldest first; the live file is `pieces[live]`.
    private var pieces: [Piece] = []
    private var live: Int? = nil
    /// Compressed siblings already matched to a piece: path → (inode, size).
    private var examined: [String: (UInt64, Int64)] = [:]
    private var polledOnce = false
    /// Rotated siblings found not to be valid gzip.
    private var brokenSiblings: [DataIssue] = []

    /// Byte offset of the first byte of the live file not yet consumed.
    public var offset: Int64 { live.map { pieces[$0].offset } ?? 0 }

    /// What a poll found.
    public struct Change: Sendable {
        /// Everything was read again from the start (a rewrite).
        public var restarted: Bool
        /// Bytes and complete lines read in this poll.
        public var bytesRead: Int
        public var linesRead: Int
        /// Units whose counts changed.
        public var changedUnits: [Int]
        /// An error opening or reading the log (the state is kept).
        public var error: DataIssue?
        /// A rotation was followed (the live file moved or was emptied).
        public var rotated = false
        public var isEmpty: Bool { !restarted && changedUnits.isEmpty && linesRead == 0 && error == nil }
    }

    /// `path` is the live file. `-` reads standard input once, to its end;
    /// with `readingPipes`, so does a FIFO at `path` (`--events <(…)`).
    /// Otherwise anything but a regular file is refused with an error (a
    /// FIFO or a device in a data directory would block or never end).
    public init(
        path: String, units: [Unit], timeZone: UTCOffset = .vietnam, bufferSize: Int = 16 << 20,
        readingPipes: Bool = false
    ) {
        self.path = path
        var st = stat()
        let isFile = stat(path, &st) == 0
        let expected = isFile && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) / 50 : 0
        aggregator = EventAggregator(units: units, file: path, expectedEvents: expected)
        aggregator.timeZone = timeZone
        self.bufferSize = bufferSize
        if path == "-" {
            stream = 0
        } else if readingPipes, isFile, (st.st_mode & S_IFMT) == S_IFIFO {
            stream = -1  // opened at the first poll
        } else {
            stream = nil
        }
    }

    /// Whether the log is a pipe read once (nothing to follow afterwards).
    public var isStream: Bool { stream != nil }

    /// Reads what was appended since the last poll (everything, the first
    /// time). `progress`, when given, is called with bytes read so far and
    /// the total while a long read goes on.
    @discardableResult
    public func poll(progress: ((Int64, Int64) -> Void)? = nil) -> Change {
        var change = Change(restarted: false, bytesRead: 0, linesRead: 0, changedUnits: [], error: nil)
        aggregator.futureLimit = clock().adding(seconds: futureTolerance)
        let linesBefore = aggregator.linesRead
        // The poll's large reads hold their events back and count them
        // together at the end, a bucket at a time (see EventAggregator.batching).
        aggregator.beginBatch()
        if stream != nil {
            readStream(&change)
        } else if !polledOnce {
            readAll(&change, progress: progress)
        } else {
            follow(&change, progress: progress)
        }
        aggregator.endBatch()
        polledOnce = true
        if change.bytesRead >= EventAggregator.parallelBytes { aggregator.releaseScratch() }
        noteFiles()
        change.linesRead = max(0, aggregator.linesRead - linesBefore)
        change.changedUnits = aggregator.takeChangedUnits()
        return change
    }

    // MARK: Reading everything

    /// Reads every file of the log, oldest first, from the start (a file
    /// holding only what another already gave is not read twice).
    private func readAll(_ change: inout Change, progress: ((Int64, Int64) -> Void)?) {
        if polledOnce {
            change.restarted = true
            aggregator.reset()
        }
        pieces = []; live = nil; examined = [:]; brokenSiblings = []
        let siblings = EventLogFiles.siblings(of: path).filter { !$0.unreadable }
        let liveBytes = LogBytes(plain: path)
        // Between a rename rotation and the writer's new file, the siblings are the whole log.
        if liveBytes == nil, errno != ENOENT || siblings.isEmpty {
            change.error = openError(errno)
            return
        }
        if let liveBytes, !liveBytes.isRegular {
            change.error = DataIssue(
                .error, file: path,
                "the event log is not a regular file (a pipe, a device or a folder); give a file, or --events - to read a pipe once"
            )
            return
        }
        var sources: [LogBytes] = []
        for s in siblings {
            if let bytes = s.compressed ? LogBytes(gzip: s.path) : LogBytes(plain: s.path), bytes.isRegular {
                sources.append(bytes)
            } else if s.compressed {
                brokenSiblings.append(
                    DataIssue(
                        .warning, file: s.path,
                        "this rotated log is not valid gzip; its events are not counted. Check the file (gunzip -t)"))
            }
        }
        if let liveBytes { sources.append(liveBytes) }
        let total = sources.reduce(0) { $0 + $1.size }
        var done: Int64 = 0
        for (k, source) in sources.enumerated() {
            let isLive = liveBytes != nil && k == sources.count - 1
            // With rotated files, any of them may start without a header (copytruncate).
            var piece = start(source, compressed: source.memory != nil, continuation: sources.count > 1)
            if let piece {
                pieces.append(piece)
            } else {
                continue  // a copy of what was read
            }
            var p = pieces.removeLast()
            piece = nil
            read(&p, from: source, change: &change) { read, _ in progress?(done + read, total) }
            done += source.size
            pieces.append(p)
            if isLive { live = pieces.count - 1 }
            if source.memory != nil { examined[source.path] = (source.inode, source.size) }
        }
    }

    /// A piece for a file about to be read: from its start, or from where
    /// an earlier piece with the same first bytes ended (the file continues
    /// it: a copy made by `copytruncate` and the live file, say); nil when
    /// it holds nothing beyond what an earlier piece gave.
    private func start(_ source: LogBytes, compressed: Bool, continuation: Bool = false) -> Piece? {
        var piece = Piece(
            path: source.path, device: source.device, inode: source.inode, compressed: compressed,
            cursor: EventAggregator.Cursor(file: source.path, continuation: continuation || !pieces.isEmpty))
        piece.head = source.head
        piece.size = source.size
        piece.fingerprint = source.fingerprint(upTo: 0) ?? 0
        for p in pieces.reversed() where sameStart(p.head, piece.head) {
            if !compressed, !p.compressed, p.device == source.device, p.inode == source.inode { return nil }
            if source.size >= p.offset, p.offset > 0, source.fingerprint(upTo: p.offset) == p.fingerprint {
                guard source.size > p.offset else { return nil }
                piece.offset = p.offset
                piece.fingerprint = p.fingerprint
                piece.cursor = p.cursor
                piece.cursor.file = source.path
                return piece
            }
            if source.size < p.offset, let earlier = reopen(p), let f = source.fingerprint(upTo: source.size),
                earlier.fingerprint(upTo: source.size) == f
            {
                return nil
            }
        }
        return piece
    }

    private func sameStart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let n = min(a.count, b.count)
        return n > 0 && a[0..<n] == b[0..<n]
    }

    private func reopen(_ p: Piece) -> LogBytes? {
        p.compressed ? LogBytes(gzip: p.path) : LogBytes(plain: p.path)
    }

    // MARK: Following

    private func follow(_ change: inout Change, progress: ((Int64, Int64) -> Void)?) {
        let siblings = EventLogFiles.siblings(of: path)
        let liveBytes = LogBytes(plain: path)
        let openErrno = errno
        if liveBytes == nil, openErrno != ENOENT {
            change.error = openError(openErrno)
            return
        }
        if let liveBytes, !liveBytes.isRegular {
            change.error = DataIssue(
                .error, file: path, "the event log is no longer a regular file; the figures shown are from before")
            return
        }
        // Where the live file went, if it is no longer at `path`.
        var archived: Int? = nil
        if let l = live, liveBytes.map({ $0.device != pieces[l].device || $0.inode != pieces[l].inode }) ?? true {
            if let moved = siblings.first(where: { !$0.compressed && sameFile($0.path, pieces[l]) }) {
                pieces[l].path = moved.path
                live = nil
                change.rotated = true
            } else if let gz = siblings.first(where: { $0.compressed && !$0.unreadable && holds($0.path, l) }) {
                pieces[l].path = gz.path
                pieces[l].compressed = true
                live = nil
                change.rotated = true
                archived = l
            } else if liveBytes == nil {
                change.error = DataIssue(
                    .error, file: path,
                    "the event log is gone (deleted, or renamed with no rotated copy beside it); the figures shown are from before it went"
                )
                return
            } else {
                readAll(&change, progress: progress)  // replaced: the new file is the whole log
                return
            }
        }
        if let l = live, let liveBytes {
            let p = pieces[l]
            let unchanged = liveBytes.size >= p.offset && liveBytes.fingerprint(upTo: p.offset) == p.fingerprint
            if !unchanged {
                // Emptied or rewritten in place. A sibling holding what was
                // read is a copytruncate rotation: go on; otherwise a rewrite.
                if let copy = siblings.first(where: { !$0.unreadable && holds($0.path, l) }) {
                    pieces[l].path = copy.path
                    pieces[l].compressed = copy.compressed
                    archived = l
                    pieces[l].inode = 0  // the copy's own inode is read below
                    if let bytes = reopen(pieces[l]) {
                        pieces[l].inode = bytes.inode; pieces[l].device = bytes.device
                    }
                    live = nil
                    change.rotated = true
                } else {
                    readAll(&change, progress: progress)
                    return
                }
            }
        }
        // Archived files still growing (a writer that has not reopened yet),
        // found under their current names; a compressed one only when it has
        // just been archived (the rest of the old live file is in it).
        for k in pieces.indices where k != live {
            if pieces[k].compressed {
                guard k == archived else { continue }
            } else {
                guard !pieces[k].retired else { continue }
                // Searched for only when its name no longer holds it (renumbered).
                if !sameFile(pieces[k].path, pieces[k]) {
                    guard let now = siblings.first(where: { !$0.compressed && sameFile($0.path, pieces[k]) }) else {
                        pieces[k].retired = true
                        continue
                    }
                    pieces[k].path = now.path
                }
                var st = stat()
                guard stat(pieces[k].path, &st) == 0, Int64(st.st_size) > pieces[k].offset else { continue }
            }
            guard let bytes = reopen(pieces[k]), bytes.size > pieces[k].offset,
                pieces[k].compressed || (bytes.inode == pieces[k].inode && bytes.device == pieces[k].device),
                bytes.fingerprint(upTo: pieces[k].offset) == pieces[k].fingerprint
            else { continue }
            read(&pieces[k], from: bytes, change: &change, progress: nil)
            if pieces[k].compressed { examined[bytes.path] = (bytes.inode, bytes.size) }
        }
        // A sibling that holds nothing read so far would have to be read
        // before the files after it: read everything again, in order.
        let identities = Set(pieces.filter { !$0.compressed }.map { Identity(device: $0.device, inode: $0.inode) })
        for s in siblings where !s.unreadable && !known(s, identities) {
            readAll(&change, progress: progress)
            return
        }
        // The live file: a new one after a rotation, or the same one grown.
        if live == nil, let liveBytes {
            if let piece = start(liveBytes, compressed: false) {
                pieces.append(piece)
            } else {
                pieces.append(
                    Piece(
                        path: path, device: liveBytes.device, inode: liveBytes.inode, compressed: false,
                        offset: liveBytes.size, fingerprint: liveBytes.fingerprint(upTo: liveBytes.size) ?? 0,
                        head: liveBytes.head, cursor: EventAggregator.Cursor(file: path, continuation: true)))
            }
            live = pieces.count - 1
        }
        if let l = live, let liveBytes, liveBytes.size > pieces[l].offset {
            read(&pieces[l], from: liveBytes, change: &change, progress: progress)
        } else if let l = live, let liveBytes {
            pieces[l].size = liveBytes.size
        }
    }

    /// Whether the plain file at `path` is the piece's file.
    private func sameFile(_ path: String, _ p: Piece) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && UInt64(st.st_ino) == p.inode && UInt64(st.st_dev) == p.device
    }

    /// Whether the file at `path` (a sibling) starts with everything read from piece `k`.
    private func holds(_ path: String, _ k: Int) -> Bool {
        let compressed = path.hasSuffix(".gz")
        guard let bytes = compressed ? LogBytes(gzip: path) : LogBytes(plain: path) else { return false }
        let p = pieces[k]
        guard p.offset > 0 else { return sameStart(bytes.head, p.head) || p.head.isEmpty }
        let ok = bytes.fingerprint(upTo: p.offset) == p.fingerprint
        if ok, compressed { examined[path] = (bytes.inode, bytes.size) }
        return ok
    }

    /// Whether a sibling is a file already read (by identity, or by content for compressed ones).
    private struct Identity: Hashable {
        var device: UInt64, inode: UInt64
    }

    private func known(_ s: EventLogFiles.Sibling, _ identities: Set<Identity>) -> Bool {
        if !s.compressed {
            // One stat a sibling, however many files were read (rotate 1000 keeps many).
            var st = stat()
            guard stat(s.path, &st) == 0 else { return true }  // gone meanwhile
            return identities.contains(Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)))
        }
        var st = stat()
        guard stat(s.path, &st) == 0 else { return true }  // gone meanwhile
        if let e = examined[s.path], e.0 == UInt64(st.st_ino) { return true }
        guard let bytes = LogBytes(gzip: s.path) else { return true }  // noted as unreadable elsewhere
        for p in pieces where sameStart(p.head, bytes.head) || p.offset == 0 {
            if bytes.size >= p.offset, bytes.fingerprint(upTo: p.offset) == p.fingerprint {
                examined[s.path] = (bytes.inode, bytes.size)
                return true
            }
            // Smaller than what was read (a copy made before the last lines
            // were written): its first bytes are enough.
            if bytes.size < p.offset, sameStart(p.head, bytes.head) {
                examined[s.path] = (bytes.inode, bytes.size)
                return true
            }
        }
        return false
    }

    // MARK: One file

    /// Reads a file from the piece's offset to its end, chunk by chunk; a
    /// partial line at the end of a chunk is carried to the start of the next.
    private func read(
        _ piece: inout Piece, from source: LogBytes, change: inout Change, progress: ((Int64, Int64) -> Void)?
    ) {
        aggregator.cursor = piece.cursor
        defer { piece.cursor = aggregator.cursor }
        let size = source.size
        piece.size = size
        var carried = 0
        var position = piece.offset
        // Read in pieces of at most 8 MB (a window's worth); the buffer grows
        // to `bufferSize` only for a line that long.
        var capacity = min(bufferSize, 8 << 20, max(64 << 10, Int(clamping: size - position) + 1))
        var buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let got = EventTail.read(
                source, into: buffer + carried, count: capacity - carried, at: position + Int64(carried))
            if got < 0 {
                change.error = DataIssue(
                    .error, file: source.path, "reading the event log failed (\(String(cString: strerror(errno))))")
                break
            }
            var available = carried + got
            if available == 0 { break }
            if piece.skipping {
                // The rest of a line too long to hold: up to its newline.
                if let nl = memchr(buffer, 10, available) {
                    let k = buffer.distance(to: nl) + 1
                    position += Int64(k); change.bytesRead += k
                    available -= k
                    if available > 0 { memmove(buffer, buffer + k, available) }
                    piece.skipping = false
                } else {
                    position += Int64(available); change.bytesRead += available
                    carried = 0
                    if got == 0 { break }
                    continue
                }
            }
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
                // One line longer than the buffer: a malformed line, skipped to its end.
                aggregator.skipLongLine(limit: bufferSize)
                piece.skipping = true
                position += Int64(carried); change.bytesRead += carried
                carried = 0
                continue
            }
            progress?(position, size)
        }
        piece.offset = position
        piece.fingerprint = source.fingerprint(upTo: position) ?? 0
        if piece.head.count < LogFingerprint.headBytes { piece.head = source.head }
    }

    /// Reads, in two halves on two threads when the request is large (the
    /// copy out of the page cache is a tenth of a cold read's time). The
    /// second half counts only when the first came back whole: a file that
    /// grew between the two reads must not leave a gap.
    private static func read(_ source: LogBytes, into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64)
        -> Int
    {
        let half = count / 2
        guard count >= 2 << 20, source.memory == nil, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            return source.read(into: buffer, count: count, at: offset)
        }
        let results = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2)
        defer { results.deallocate() }
        let shared = Unchecked((buffer: buffer, results: results, source: source))
        runAll(2, parallel: true) { k in
            let start = k == 0 ? 0 : half
            let length = k == 0 ? half : count - half
            shared.value.results[k] = shared.value.source.read(
                into: shared.value.buffer + start, count: length, at: offset + Int64(start))
        }
        // errno belongs to the thread that failed: ask again here to have it.
        if results[0] < 0 { return source.read(into: buffer, count: count, at: offset) }
        if results[0] < half { return results[0] }
        return results[1] < 0 ? half : half + results[1]
    }

    // MARK: A pipe

    /// Reads a pipe (standard input, a FIFO) to its end, once.
    private func readStream(_ change: inout Change) {
        guard !streamDone else { return }
        streamDone = true
        var fd = stream ?? 0
        if fd < 0 {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { change.error = openError(errno); return }
        }
        defer { if fd > 0 { close(fd) } }
        var piece = Piece(
            path: path, device: 0, inode: 0, compressed: false, cursor: EventAggregator.Cursor(file: path))
        aggregator.cursor = piece.cursor
        let capacity = bufferSize
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var carried = 0
        while true {
            let got = EventTail.readStream(fd, buffer + carried, capacity - carried)
            if got < 0 {
                if errno == EINTR { continue }
                change.error = DataIssue(
                    .error, file: path, "reading the event log failed (\(String(cString: strerror(errno))))")
                break
            }
            var available = carried + got
            if piece.skipping {
                if let nl = memchr(buffer, 10, available) {
                    let k = buffer.distance(to: nl) + 1
                    available -= k
                    if available > 0 { memmove(buffer, buffer + k, available) }
                    piece.skipping = false
                } else {
                    carried = 0
                    if got == 0 { break }
                    continue
                }
            }
            let used = aggregator.consume(
                UnsafeBufferPointer(start: buffer.assumingMemoryBound(to: UInt8.self), count: available))
            change.bytesRead += used
            carried = available - used
            if carried > 0 && used > 0 { memmove(buffer, buffer + used, carried) }
            piece.offset += Int64(used)
            if got == 0 { break }
            if carried == capacity {
                aggregator.skipLongLine(limit: bufferSize)
                piece.skipping = true
                carried = 0
            }
        }
        piece.size = piece.offset + Int64(carried)
        piece.cursor = aggregator.cursor
        pieces = [piece]
        live = 0
    }

    private static func readStream(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.read(fd, buffer, count)
        #else
            return Darwin.read(fd, buffer, count)
        #endif
    }

    // MARK: Notes

    /// Warnings about whole files: rotated siblings that cannot be read, and
    /// last lines without their line end (left out until complete).
    private func noteFiles() {
        var notes: [DataIssue] = []
        if stream == nil {
            for s in EventLogFiles.siblings(of: path) where s.unreadable {
                notes.append(
                    DataIssue(
                        .warning, file: s.path,
                        "this rotated log is compressed in a form that cannot be read here (only gzip is); its events are not counted. Decompress it, or rotate with gzip"
                    ))
            }
        }
        for (k, p) in pieces.enumerated() where p.size > p.offset && !p.skipping {
            if k == live, !reportsPartialLine { continue }
            notes.append(
                DataIssue(
                    .warning, file: p.path, line: p.cursor.lines + 1, column: 1,
                    "the last line has no line end yet (the file may still be being written, or was cut short); it is left out until it is complete"
                ))
        }
        aggregator.fileNotes = brokenSiblings + notes
    }

    private func openError(_ code: Int32) -> DataIssue {
        if code == ENOENT {
            var st = stat()
            if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK {
                return DataIssue(
                    .error, file: path,
                    "the event log is a symbolic link to a file that does not exist; fix the link or remove it")
            }
            return DataIssue(
                .error, file: path, "the event log does not exist; check the path (a rotated log keeps this name)")
        }
        return DataIssue(
            .error, file: path,
            "cannot open the event log (\(String(cString: strerror(code)))); check that you may read it")
    }
}

extension Timestamp {
    /// The machine's clock: the default for checks of impossible (future)
    /// times; commands and tests may give their own.
    public static var systemNow: Timestamp {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Timestamp(milliseconds: Int64(t.tv_sec) * 1000 + Int64(t.tv_nsec) / 1_000_000)
    }
}
