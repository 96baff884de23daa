import Foundation

/// Aggregates an event log (header `time,unit_code,candidate_id,event`, one
/// event a line, `event` being `registered` or `completed`) into per-unit
/// distinct counts and the histories behind `--at`, fed with bytes as they
/// come (whole files, or what was appended since). A log may span several
/// files (rotation): `cursor` says which file the bytes come from, so that
/// warnings name the file and the line within it.
///
/// Counting rules:
/// - A candidate counts once per event kind however often it repeats.
/// - A completion implies a registration: a candidate whose first event is
///   `completed` counts as registered at that time too.
/// - A candidate belongs to the unit of its first event in file order; a
///   later event naming another unit still counts toward that first unit
///   and is reported (a warning), not dropped.
/// - A unit's value at T is its distinct candidates with an event at or
///   before T, whatever order the lines come in: each candidate keeps its
///   earliest registration (any event) and earliest completion.
/// - A time later than `futureLimit` (the machine's clock plus the allowed
///   tolerance) is impossible: kept out of the counts and out of "now".
/// - A malformed line, an unknown unit or an impossible time is counted and
///   reported as a warning with file:line:column (the first
///   `EventAggregator.detailedIssueLimit`, then one summary), never fatal.
///
/// Large reads use every core, in two phases a window of bytes: the window's
/// chunks are parsed in parallel (`EventLineParser`), then each shard of
/// candidates (`CandidateShard`, chosen by the id's hash) counts its events
/// in file order on its own thread. Small appends do the same on the
/// calling thread. Either way the counts are those of one reader going
/// through the file line by line.
///
/// Not thread-safe: one owner at a time.
public final class EventAggregator: @unchecked Sendable {
    public let file: String
    let units: [Unit]
    public var timeZone: UTCOffset = .vietnam

    /// Per unit: distinct candidates registered and completed, so far.
    public var registered: [Int] { units.indices.map { u in shards.reduce(0) { $0 + $1.registered[u] } } }
    public var completed: [Int] { units.indices.map { u in shards.reduce(0) { $0 + $1.completed[u] } } }
    /// Earliest and latest time of any counted event.
    public var firstTime: Timestamp? {
        let ms = shards.map(\.firstMs).min() ?? .max
        return ms == .max ? nil : Timestamp(milliseconds: ms)
    }
    public var latestTime: Timestamp? {
        let ms = shards.map(\.latestMs).max() ?? .min
        return ms == .min ? nil : Timestamp(milliseconds: ms)
    }
    /// Lines read (header and blank lines included) and events counted.
    public private(set) var linesRead = 0
    public var eventsCounted: Int { shards.reduce(0) { $0 + $1.eventsCounted } }
    /// Lines not counted, by reason, and events naming a unit other than
    /// their candidate's first.
    public private(set) var malformedLines = 0
    public private(set) var unknownUnitLines = 0
    public private(set) var badTimeLines = 0
    public var otherUnitEvents: Int { shards.reduce(0) { $0 + $1.otherUnitEvents } }
    /// A header problem: nothing of that file can be counted until it is fixed.
    public private(set) var headerError: DataIssue?
    /// Problems with whole files of the log (a rotated sibling that cannot
    /// be read, a last line without its line end), set by the reader.
    public var fileNotes: [DataIssue] = []

    /// Where the bytes being read come from, and how far into that file:
    /// the reader of a rotated log saves one per file and puts it back
    /// before feeding that file's bytes.
    public struct Cursor: Sendable {
        public var file: String
        /// Lines of this file read so far (warnings are numbered from them).
        public var lines = 0
        var headerRead = false
        var headerFailed = false
        /// A file that continues the log (after a `copytruncate` rotation, a
        /// writer goes on without a header): a first line that is not a
        /// header is read as data, with the layout of the file before.
        var continuation = false
        var layout: EventLineParser.Layout? = nil
        public init(file: String, continuation: Bool = false) {
            self.file = file
            self.continuation = continuation
        }
    }

    /// The file being read. Setting it names the file in the warnings that follow.
    public var cursor: Cursor {
        get {
            var c = current
            c.layout = current.headerRead ? parser.layout : c.layout
            return c
        }
        set {
            // Held events belong to the file before: counted (and their warnings named) first.
            if newValue.file != current.file { settle() }
            let inherited = current.headerRead ? parser.layout : current.layout
            current = newValue
            if current.layout == nil, current.continuation { current.layout = inherited }
            if current.headerRead, let layout = current.layout { parser.layout = layout }
            parser.file = newValue.file
            for shard in shards { shard.file = newValue.file }
            if fileRank[newValue.file] == nil { fileRank[newValue.file] = fileRank.count }
        }
    }
    private var current: Cursor
    /// The files read, in the order they were first read (warnings are listed in that order).
    private var fileRank: [String: Int] = [:]

    /// The file the units came from, named in the unknown-unit warning.
    public var unitsFileName: String {
        get { parser.unitsFileName }
        set { parser.unitsFileName = newValue }
    }

    /// Events later than this are impossible (see the counting rules).
    public var futureLimit: Timestamp? {
        get { parser.futureLimitMs == .max ? nil : Timestamp(milliseconds: parser.futureLimitMs) }
        set { parser.futureLimitMs = newValue?.milliseconds ?? .max }
    }
    /// The first problems found while parsing lines (in line order).
    private var parseIssues: [DataIssue] = []
    public static let detailedIssueLimit = 20

    /// Candidates, split by the hash of their id; one shard a core (a power
    /// of two, so the shard is a few bits of the hash).
    let shards: [CandidateShard]
    private let shardMask: Int
    private var parser: EventLineParser
    private var headerRead: Bool {
        get { current.headerRead }
        set { current.headerRead = newValue }
    }
    /// Per unit, changes in time order of arrival, each `ms << 2 | kind`
    /// (see `CandidateShard.pending`), gathered from the shards and not yet
    /// folded into `histories` (folding empties them: a history holds the
    /// same information, see `fold`).
    let deltas: DeltaLists
    var histories: [History]
    /// Units whose counts changed since `takeChangedUnits`.
    private var changed: [Bool]
    private var changedList: [Int] = []
    /// Scratch flags for `gatherDeltas`.
    private var gathering: [Bool]
    private var chunkPool: [Chunk] = []
    /// Per window whose events are held (since they were last counted):
    /// the line in the file of each chunk's line 1 (see `DeferredEvent.order`).
    private var heldWindows: [[Int]] = []
    /// Events held at most before they are counted, over all chunks and shards.
    private let deferBudget: Int

    /// Windows of at most this many bytes are parsed and counted at a time
    /// (bounds the memory of parsed events); those of at least
    /// `parallelBytes` are split across threads.
    static let windowBytes = 8 << 20
    static let parallelBytes = 256 << 10
    /// Candidates a bucket's table is sized for (about 500 KB: it stays in
    /// the core's 1 MB cache while a bucket's held events are counted; half
    /// as many, twice the buckets, made the parsers' writes of held events
    /// slower than the smaller tables made the counting faster).
    static let bucketCandidates = 16384
    /// Bytes of times a pass of `historiesFromCandidates` gathers at most.
    static let historyGroupBytes = 48 << 20
    /// Events held back before they are counted (16 bytes each, nearly all;
    /// twice as many was no faster, for 20 MB more).
    static let deferBudget = 3 << 19
    /// While true (between `beginBatch` and `endBatch`), large windows'
    /// events are held back across `consume` calls; `settle` counts them.
    /// Otherwise every `consume` ends settled.
    private(set) var batching = false
    /// A batch that began with nothing counted: the changes are not kept
    /// event by event, and `endBatch` makes the histories from the
    /// candidates' first registration and completion times instead.
    private var cold = false
    /// Folding at least this many new deltas into histories uses every
    /// shard's thread (tests lower it to check the parallel fold).
    var parallelFoldDeltas = 100_000
    /// A long read folds its deltas into the histories whenever this many
    /// are waiting, so they never take more than a few MB (tests lower it).
    var foldEveryDeltas = 1 << 20
    var unfoldedDeltas = 0
    /// Windows of at least this many bytes are split across threads (tests
    /// lower it to run small logs through the parallel path).
    var parallelWindowBytes = EventAggregator.parallelBytes

    /// `expectedEvents` sizes the candidate tables (they grow as needed).
    public convenience init(units: [Unit], file: String, expectedEvents: Int = 0) {
        // One shard a core, at most 8, rounded down to a power of two.
        let cores = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8)
        var shardCount = 1
        while shardCount * 2 <= cores { shardCount *= 2 }
        self.init(units: units, file: file, expectedEvents: expectedEvents, shardCount: shardCount)
    }

    /// With a chosen number of shards (a power of two): tests compare
    /// one shard, read sequentially, with several read in parallel, and
    /// choose the buckets a shard and how many events it holds back.
    init(
        units: [Unit], file: String, expectedEvents: Int, shardCount: Int, buckets: Int? = nil,
        deferBudget: Int = EventAggregator.deferBudget
    ) {
        precondition(shardCount > 0 && shardCount & (shardCount - 1) == 0, "a power of two")
        self.deferBudget = deferBudget
        self.units = units
        self.file = file
        shardMask = shardCount - 1
        let expectedCandidates = max(1024, expectedEvents * 7 / 10) / shardCount
        // About `bucketCandidates` a bucket, so that a bucket's table stays in the cache.
        var bucketCount = 1
        while bucketCount < 4096, bucketCount * EventAggregator.bucketCandidates < expectedCandidates {
            bucketCount *= 2
        }
        let shardBits = shardCount.trailingZeroBitCount
        shards = (0..<shardCount).map { _ in
            CandidateShard(
                units: units, file: file, expectedCandidates: expectedCandidates, shardBits: shardBits,
                buckets: buckets ?? bucketCount)
        }
        parser = EventLineParser(units: units, file: file)
        current = Cursor(file: file)
        deltas = DeltaLists(count: units.count)
        histories = Array(repeating: [], count: units.count)
        changed = Array(repeating: false, count: units.count)
        gathering = changed
    }

    /// For a one-shot command that has written its output and is about to
    /// exit: gives the candidate tables' memory back to the system, one
    /// thread a shard. The kernel frees a process's memory at exit on one
    /// core (about 20 ms for a 10 M-event log's 270 MB, the other core
    /// idle); two halves the tables' share. The counts and histories stay;
    /// nothing more can be read (`consume` traps).
    public func discardTablesForExit() {
        discarded = true
        let counters = shards
        runAll(counters.count, parallel: counters.count > 1) { k in counters[k].discardTables() }
    }
    private var discarded = false

    /// Forgets everything counted (the file was truncated or replaced).
    public func reset() {
        for chunk in chunkPool { for pool in chunk.pools { pool.removeAll() } }
        heldWindows.removeAll()
        for i in units.indices {
            deltas.removeAll(i); histories[i] = []
            markChanged(i)
        }
        for shard in shards { shard.reset() }
        parser.reset()
        linesRead = 0
        malformedLines = 0; unknownUnitLines = 0; badTimeLines = 0
        headerError = nil; parseIssues = []
        fileNotes = []
        fileRank = [:]
        cursor = Cursor(file: file)
    }

    /// Counts a line too long to hold (longer than the reader's buffer) as a
    /// malformed line: a warning at its line, nothing counted, reading goes on.
    public func skipLongLine(limit: Int) {
        linesRead += 1
        current.lines += 1
        let why = "the line is longer than \(limit >> 20 > 0 ? "\(limit >> 20) MB" : "\(limit) bytes")"
        if !headerRead {
            headerRead = true
            current.headerFailed = true
            headerError =
                headerError
                ?? DataIssue(
                    .error, file: current.file, line: current.lines, column: 1,
                    "\(why), where the header time,unit_code,candidate_id,event should be; this is not an event log")
            return
        }
        malformedLines += 1
        if parseIssues.count < EventAggregator.detailedIssueLimit {
            parseIssues.append(
                DataIssue(
                    .warning, file: current.file, line: current.lines, column: 1,
                    "\(why); event lines are short. The line is not counted"))
        }
    }

    /// Distinct candidates over all units.
    public var candidateCount: Int { shards.reduce(0) { $0 + $1.candidateCount } }
    /// Bytes held by the candidate tables.
    public var memoryBytes: Int { shards.reduce(0) { $0 + $1.memoryBytes } }

    /// Every problem: the first ones in detail, in line order, then a
    /// summary when there are more.
    public var issues: [DataIssue] {
        var result: [DataIssue] = []
        if let headerError { result.append(headerError) }
        result += fileNotes
        // Stable by file (in reading order) and line: parse problems and
        // other-unit events of one line keep their order.
        let rank = fileRank
        let detailed = (parseIssues + shards.flatMap(\.detailedIssues)).enumerated()
            .sorted {
                (rank[$0.element.file] ?? 0, $0.element.line, $0.offset)
                    < (rank[$1.element.file] ?? 0, $1.element.line, $1.offset)
            }
            .prefix(EventAggregator.detailedIssueLimit).map(\.element)
        result += detailed
        let total = malformedLines + unknownUnitLines + badTimeLines + otherUnitEvents
        if total > detailed.count {
            var parts: [String] = []
            if malformedLines > 0 { parts.append("\(malformedLines) malformed") }
            if unknownUnitLines > 0 { parts.append("\(unknownUnitLines) with an unknown unit") }
            if badTimeLines > 0 { parts.append("\(badTimeLines) with an impossible time") }
            if otherUnitEvents > 0 {
                parts.append(
                    "\(otherUnitEvents) naming another unit than their candidate's first event (counted there)")
            }
            result.append(
                DataIssue(
                    .warning, file: file,
                    "\(total) lines have problems in all (\(parts.joined(separator: ", "))); the first \(detailed.count) are listed above. Lines with problems are not counted, except those naming another unit"
                ))
        }
        return result
    }

    /// Units whose counts changed since the last call.
    public func takeChangedUnits() -> [Int] {
        defer {
            for u in changedList { changed[u] = false }
            changedList.removeAll(keepingCapacity: true)
        }
        return changedList
    }

    func markChanged(_ u: Int) {
        if !changed[u] { changed[u] = true; changedList.append(u) }
    }

    // MARK: Reading

    /// Reads the complete lines in `bytes` and returns how many bytes they
    /// took. A last line without its newline is left (not consumed) unless
    /// `atEnd`, which treats the end of the bytes as the end of that line.
    @discardableResult
    public func consume(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool = false) -> Int {
        precondition(!discarded, "the tables were given back (discardTablesForExit)")
        defer { if !batching { settle() } }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let n = bytes.count
        var start = 0
        if !headerRead, current.lines == 0, n >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        // The header, and any blank lines before it, a line at a time.
        while !headerRead, start < n {
            guard let (end, next) = EventAggregator.line(base, from: start, to: n, atEnd: atEnd) else { return start }
            linesRead += 1
            current.lines += 1
            guard header(Array(UnsafeBufferPointer(start: base + start, count: end - start))) else {
                // A continuation without a header: the line is data.
                linesRead -= 1
                current.lines -= 1
                break
            }
            start = next
        }
        // Then whole lines only: up to the last newline, or the end.
        var complete = n
        if !atEnd {
            var i = n - 1
            while i >= start, base[i] != 10 { i -= 1 }
            guard i >= start else { return start }
            complete = i + 1
        }
        while start < complete {
            var end = complete
            if complete - start > EventAggregator.windowBytes,
                let nl = memchr(
                    base + start + EventAggregator.windowBytes, 10, complete - start - EventAggregator.windowBytes)
            {
                end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1
            }
            window(base, start, end)
            start = end
        }
        return complete
    }

    /// Frees the buffers of parsed events kept between windows: after a
    /// cold read they hold megabytes, where the appends that follow need a
    /// few kilobytes. (Freeing them after every window would cost the
    /// page faults that keeping them saves.)
    func releaseScratch() {
        chunkPool.removeAll()  // their pools of held events too (none are held here)
        for shard in shards { shard.clearPending(releasingMemory: true) }
    }

    /// The line starting at `start`: where it ends (before `\r\n` or `\n`)
    /// and where the next begins; nil when it has no newline yet.
    private static func line(_ p: UnsafePointer<UInt8>, from start: Int, to n: Int, atEnd: Bool) -> (Int, Int)? {
        var end = n, next = n
        if let nl = memchr(p + start, 10, n - start) {
            end = p.distance(to: nl.assumingMemoryBound(to: UInt8.self))
            next = end + 1
        } else if !atEnd {
            return nil
        }
        if end > start, p[end - 1] == 13 { end -= 1 }
        return (end, next)
    }

    /// The header line (without its line end), or a blank line before it;
    /// false when a continuation file starts with data instead.
    private func header(_ bytes: [UInt8]) -> Bool {
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 44 }) { return true }
        headerRead = true
        var probe = parser
        let error = probe.header(bytes, line: current.lines)
        if error != nil, current.continuation {
            // A rotated file that goes on without a header: the layout of the
            // file before, or (the first file read) the standard one.
            parser.layout = current.layout ?? EventLineParser.standard(parser)
            return false
        }
        parser = probe
        if let error {
            current.headerFailed = true
            if headerError == nil { headerError = error }
        }
        return true
    }

    /// One chunk's parsing: its own parser copy, its events by shard, and
    /// how many lines it held. Chunks are kept from window to window with
    /// their arrays' capacity: fresh multi-megabyte arrays each window cost
    /// more in page faults than the parsing itself.
    private final class Chunk: @unchecked Sendable {
        var parser: EventLineParser
        var events: [[ParsedEvent]]
        /// One pool of held events a shard (made at the first large window).
        var pools: [DeferredEvents] = []
        var lines = 0
        var start = 0, end = 0
        init(parser: EventLineParser, shards: Int) {
            self.parser = parser
            events = Array(repeating: [], count: shards)
        }

        func prepare(parser: EventLineParser, start: Int, end: Int) {
            self.parser = parser
            self.start = start; self.end = end
            lines = 0
            for k in events.indices { events[k].removeAll(keepingCapacity: true) }
        }

        var held: Int { pools.reduce(0) { $0 + $1.count } }
        var holdsNone: Bool { pools.allSatisfy(\.isEmpty) }

        /// Parses the chunk's lines; with `holding` (the shards, and this
        /// chunk's place in the held windows), events are held back in
        /// `pools` rather than listed.
        func parse(_ p: UnsafePointer<UInt8>, shardMask: Int, holding: (shards: [CandidateShard], order: UInt64)?) {
            // Locals, not properties, in the loop: no exclusivity checks.
            var parser = self.parser
            var events = ShardedEvents(lists: self.events, mask: shardMask)
            let unretained = UnsafeMutablePointer<Unmanaged<DeferredEvents>>.allocate(capacity: pools.count)
            defer { unretained.deallocate() }
            if let holding {
                let first = holding.shards[0]
                events.bucketShift = first.bucketShift
                events.bucketMask = first.bucketMask
                events.orderBase = holding.order
                for (k, pool) in pools.enumerated() { (unretained + k).initialize(to: .passUnretained(pool)) }
                events.holding = unretained
            }
            self.events = []
            var start = self.start, lines = 0
            while start < end {
                lines += 1
                if let next = parser.fastLine(p, start, end: end, line: lines, into: &events) {
                    start = next
                    continue
                }
                let (lineEnd, next) = EventAggregator.line(p, from: start, to: end, atEnd: true)!
                parser.line(p, start, lineEnd, line: lines, into: &events)
                start = next
            }
            self.parser = parser; self.events = events.lists; self.lines = lines
        }
    }

    /// Parses and counts the complete lines in `s..<e`.
    private func window(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        guard !current.headerFailed else {
            // Nothing of this file counts until its header is fixed; the lines are still read.
            var i = s
            while i < e, let (_, next) = EventAggregator.line(p, from: i, to: e, atEnd: true) {
                linesRead += 1; current.lines += 1; i = next
            }
            return
        }
        let parallel = e - s >= parallelWindowBytes && shards.count > 1
        // A large window's events are held back, to be counted a bucket at
        // a time; a small one's are counted now, after any held ones (a
        // candidate's events are counted in file order).
        let holding = parallel && units.count < Int(DeferredEvent.completionBit)
        if !holding { settle() }
        let bounds = EventAggregator.chunkBounds(p, s, e, chunks: parallel ? shards.count : 1)
        while chunkPool.count < bounds.count - 1 { chunkPool.append(Chunk(parser: parser, shards: shards.count)) }
        let chunks = Array(chunkPool[..<(bounds.count - 1)])
        for (k, chunk) in chunks.enumerated() {
            chunk.prepare(parser: parser.forChunk(), start: bounds[k], end: bounds[k + 1])
            if holding, chunk.pools.isEmpty {
                let perPool = deferBudget / (chunks.count * shards.count)
                chunk.pools = shards.map { DeferredEvents(buckets: $0.tables.count, events: perPool, chunk: k) }
            }
        }
        let mask = shardMask
        let base = Unchecked(p)
        let window = heldWindows.count
        let shardList = shards
        runAll(chunks.count, parallel: parallel) { c in
            chunks[c].parse(
                base.value, shardMask: mask,
                holding: holding ? (shardList, DeferredEvent.order(window: window, chunk: c, line: 0)) : nil)
        }
        // Line numbers: each chunk's line 1 follows the lines before it.
        var firstLines: [Int] = []
        for chunk in chunks {
            firstLines.append(current.lines + 1)
            linesRead += chunk.lines
            current.lines += chunk.lines
            malformedLines += chunk.parser.malformedLines
            unknownUnitLines += chunk.parser.unknownUnitLines
            badTimeLines += chunk.parser.badTimeLines
            for var issue in chunk.parser.detailedIssues where parseIssues.count < EventAggregator.detailedIssueLimit {
                issue.line += firstLines[firstLines.count - 1] - 1
                parseIssues.append(issue)
            }
        }
        parser = chunks[chunks.count - 1].parser.forChunk()  // keeps the warmest time cache
        if holding {
            heldWindows.append(firstLines)
            for chunk in chunkPool { for pool in chunk.pools { pool.endWindow() } }
        }
        // Each shard counts its events not held, chunk by chunk (file order);
        // none when every event was held (threads are not woken for nothing).
        let counters = shards
        let lineNumbers = firstLines
        let unheld = chunks.contains { chunk in chunk.events.contains { !$0.isEmpty } }
        runAll(counters.count, parallel: parallel && unheld) { k in
            for (c, chunk) in chunks.enumerated() {
                chunk.events[k].withUnsafeBufferPointer {
                    counters[k].count($0, base.value, firstLine: lineNumbers[c])
                }
            }
        }
        if holding, chunks.reduce(0, { $0 + $1.held }) >= deferBudget { settle() }
        gatherDeltas(parallel: parallel)
        if unfoldedDeltas >= foldEveryDeltas { _ = currentHistories() }
    }

    /// Starts a reader's batch of `consume` calls (one poll of a log):
    /// their large windows' events are counted together at `endBatch`, a
    /// bucket of candidates at a time. In between, the counts lag.
    public func beginBatch() {
        batching = true
        cold = eventsCounted == 0 && linesRead == 0 && histories.allSatisfy(\.isEmpty)
        for shard in shards { shard.keepsChanges = !cold }
    }

    /// Counts what the batch held back; after a cold batch, makes the histories.
    public func endBatch() {
        batching = false
        settle()
        guard cold else { return }
        cold = false
        chunkPool.removeAll()  // with their pools of held events: room for the histories
        for shard in shards { shard.keepsChanges = true }
        historiesFromCandidates()
    }

    /// Counts every event held back (see `batching`); the counts, changes
    /// and warnings are then those of every line read.
    public func settle() {
        guard chunkPool.contains(where: { !$0.holdsNone }) else { return }
        let counters = shards
        let pools = counters.indices.map { k in chunkPool.filter { !$0.pools.isEmpty }.map { $0.pools[k] } }
        let windows = heldWindows
        runAll(counters.count, parallel: counters.count > 1) { k in
            counters[k].flushDeferred(pools[k]) { order in
                windows[Int(order >> 32)][Int(order >> 29) & 7] + Int(order & (1 << 29 - 1)) - 1
            }
        }
        heldWindows.removeAll(keepingCapacity: true)
        gatherDeltas(parallel: counters.count > 1)
        if unfoldedDeltas >= foldEveryDeltas { _ = currentHistories() }
    }

    /// `chunks + 1` offsets cutting `s..<e` into about equal chunks at line
    /// ends (a chunk may be empty when the lines are few and long).
    private static func chunkBounds(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, chunks: Int) -> [Int] {
        var bounds = [s]
        let size = (e - s) / chunks
        for k in 1..<max(chunks, 1) {
            let from = max(bounds[k - 1], s + k * size)
            if from < e, let nl = memchr(p + from, 10, e - from) {
                bounds.append(p.distance(to: nl.assumingMemoryBound(to: UInt8.self)) + 1)
            } else {
                bounds.append(e)
            }
        }
        bounds.append(e)
        return bounds
    }

    /// Moves the shards' new changes into the per-unit lists, merging each
    /// unit's runs by value: in time order when each run is (a run is out
    /// of order only where the file's lines were, and folding sorts those).
    /// Units are independent, so a parallel window splits them across threads.
    private func gatherDeltas(parallel: Bool) {
        var units: [Int] = []
        for shard in shards {
            for u in shard.touched where !gathering[u] { gathering[u] = true; units.append(u) }
        }
        for u in units { gathering[u] = false; markChanged(u) }
        for shard in shards { for u in shard.touched { unfoldedDeltas += shard.pending.count(u) } }
        let shards = self.shards, deltas = self.deltas, list = units
        let threads = parallel && !list.isEmpty ? shards.count : 1
        runAll(threads, parallel: threads > 1) { t in
            for i in stride(from: t, to: list.count, by: threads) {
                EventAggregator.merge(list[i], from: shards, into: deltas)
            }
        }
        for shard in shards { shard.clearPending() }
    }

    /// Appends unit `u`'s pending runs from every shard to its list, merged.
    private static func merge(_ u: Int, from shards: [CandidateShard], into deltas: DeltaLists) {
        withUnsafeTemporaryAllocation(of: UnsafeMutableBufferPointer<Int64>.self, capacity: shards.count) { runs in
            var total = 0
            for k in shards.indices {
                runs[k] = shards[k].pending.buffer(u)
                total += runs[k].count
            }
            deltas.reserve(u, extra: total)
            // Take the smallest head each time; a spent run is dropped.
            var live = shards.count
            while live > 0 {
                var best = 0
                for k in 1..<live where runs[k].first ?? .max < runs[best].first ?? .max { best = k }
                guard let value = runs[best].first else {
                    live -= 1
                    runs[best] = runs[live]
                    continue
                }
                deltas.append(u, value)
                runs[best] = UnsafeMutableBufferPointer(rebasing: runs[best].dropFirst())
            }
        }
    }
}
