import CByteScan

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One event line, parsed and checked, waiting to be counted by the shard
/// that owns its candidate. `lineStart` is an offset from the start of the
/// bytes given to `EventAggregator.consume` (still in memory while it is
/// counted); the id and unit code are placed from the line's start. 64 bytes.
struct ParsedEvent {
    /// The id's one-word key (`CandidateTable.compact`) and hash. (An id
    /// of no usual shape has its key words made again from its bytes.)
    var ck: UInt64, h: UInt64
    var ms: Int64
    var lineStart: Int
    var idOffset: Int32, idLength: Int32
    /// The unit field's column in characters (for a warning that points at it).
    var unitColumn: Int32
    /// Line number counted from the start of the parsed chunk (1-based).
    var line: Int32
    var unit: Int32
    var completion: Bool

    init(
        k0: UInt64, k1: UInt64, ms: Int64, lineStart: Int, id: Int, idLength: Int, unitColumn: Int, line: Int,
        unit: Int, completion: Bool
    ) {
        (ck, h) = CandidateTable.compactAndHash(k0, k1)
        self.ms = ms
        self.lineStart = lineStart
        idOffset = Int32(truncatingIfNeeded: id - lineStart)
        self.idLength = Int32(truncatingIfNeeded: idLength)
        self.unitColumn = Int32(clamping: unitColumn)
        self.line = Int32(truncatingIfNeeded: line)
        self.unit = Int32(truncatingIfNeeded: unit)
        self.completion = completion
    }

    var id: Int { lineStart + Int(idOffset) }
}

/// Parsed events, each put in the list of its candidate's shard as it is
/// parsed (a shard is a few bits of the id's hash). With `holding` (a
/// large read), an event whose id has a one-word key is held back instead,
/// in its shard's pool under its bucket, to be counted later a bucket at a
/// time (`CandidateShard.flushDeferred`); the rest (ids of no usual shape,
/// never held, so never out of order with held events of the same
/// candidate) go to the lists.
struct ShardedEvents {
    var lists: [[ParsedEvent]]
    let mask: Int
    /// One pool a shard (unretained: the chunk keeps them alive; counting
    /// references once an event cost more than holding it), and where this
    /// chunk's events go in file order: `DeferredEvent.order(window:chunk:line: 0)`.
    var holding: UnsafeMutablePointer<Unmanaged<DeferredEvents>>? = nil
    var orderBase: UInt64 = 0
    /// The bits of the hash below the bucket's, and the bucket mask.
    var bucketShift: UInt64 = 0
    var bucketMask: UInt64 = 0

    @inline(__always)
    mutating func append(_ e: ParsedEvent) {
        let shard = Int(truncatingIfNeeded: e.h >> 32) & mask
        if let holding, e.ck & CandidateTable.general == 0 {
            holding[shard]._withUnsafeGuaranteedRef {
                $0.append(
                    Int(truncatingIfNeeded: (e.h >> bucketShift) & bucketMask),
                    DeferredEvent(
                        key: e.ck, ms: e.ms, order: orderBase | UInt64(truncatingIfNeeded: e.line),
                        column: UInt32(truncatingIfNeeded: e.unitColumn),
                        unitAndKind: UInt32(truncatingIfNeeded: e.unit)
                            | (e.completion ? DeferredEvent.completionBit : 0)))
            }
            return
        }
        lists[shard].append(e)
    }
}

/// Splits and checks the data lines of an event log: the header's column
/// layout, unit codes, times and event kinds. A value: each thread parsing
/// a chunk works on its own copy (the lookup tables are shared read-only,
/// the time cache and the problems found are its own).
struct EventLineParser {
    /// The file being read, for warnings.
    var file: String
    /// Where the units came from (`units.xlsx` from a workbook), for the unknown-unit warning.
    var unitsFileName = "units.csv"
    /// The header's column count and the positions of the four columns.
    var fieldCount = 0
    var cTime = 0, cUnit = 0, cCandidate = 0, cEvent = 0
    /// The header is exactly `time,unit_code,candidate_id,event`: plain
    /// lines then take the fast path (`fastLine`).
    private var standardLayout = false
    /// Times after this (ms) are impossible: later than the clock allows.
    var futureLimitMs = Int64.max

    /// What a header said about the columns, kept per file of a rotated log.
    struct Layout: Sendable {
        var fieldCount: Int, cTime: Int, cUnit: Int, cCandidate: Int, cEvent: Int, standard: Bool
    }

    /// The layout of the standard header `time,unit_code,candidate_id,event`.
    static func standard(_ parser: EventLineParser) -> Layout {
        var probe = parser
        _ = probe.header(Array("time,unit_code,candidate_id,event".utf8), line: 1)
        return probe.layout
    }

    var layout: Layout {
        get {
            Layout(
                fieldCount: fieldCount, cTime: cTime, cUnit: cUnit, cCandidate: cCandidate, cEvent: cEvent,
                standard: standardLayout)
        }
        set {
            fieldCount = newValue.fieldCount; cTime = newValue.cTime; cUnit = newValue.cUnit
            cCandidate = newValue.cCandidate; cEvent = newValue.cEvent; standardLayout = newValue.standard
        }
    }
    // "register", "ed", "complete" as loaded from memory, for the fast path.
    private let registerWord = EventLineParser.word("register")
    private let edWord = UInt16(truncatingIfNeeded: EventLineParser.word("ed"))
    private let completeWord = EventLineParser.word("complete")

    /// Lines not counted, by reason, and the first problems in detail (line
    /// numbers relative to the chunk until the aggregator rebases them).
    var malformedLines = 0, unknownUnitLines = 0, badTimeLines = 0
    var detailedIssues: [DataIssue] = []

    // Unit codes → index: open addressing over packed code bytes (codes of
    // up to 8 bytes), with a dictionary for longer codes.
    private let unitSlots: [UInt64]
    private let unitValues: [Int32]
    private let unitMask: Int
    private let longCodes: [[UInt8]: Int32]
    // The last time's date part and offset, for the fast path.
    private var cachePrefix: (UInt64, UInt32) = (0, 0)  // first 11 bytes "YYYY-MM-DDT"
    private var cacheSuffix: [UInt8] = []
    /// The suffix as a little-endian word and the mask of its bytes, when
    /// it has at most 8 (an offset such as "+07:00", or "Z").
    private var cacheSuffixWord: UInt64 = 0, cacheSuffixMask: UInt64 = 0
    private var cacheLength = -1
    private var cacheBase: Int64 = 0

    init(units: [Unit], file: String) {
        self.file = file
        var cap = 16
        while cap < units.count * 2 { cap <<= 1 }
        var slots = [UInt64](repeating: 0, count: cap)
        var values = [Int32](repeating: -1, count: cap)
        var long: [[UInt8]: Int32] = [:]
        for (i, u) in units.enumerated() {
            let bytes = Array(u.code.utf8)
            if bytes.count <= 8, !bytes.isEmpty {
                let key = bytes.withUnsafeBufferPointer { EventLineParser.pack($0.baseAddress!, $0.count) }
                var s = EventLineParser.slot(key, cap - 1)
                while slots[s] != 0 && slots[s] != key { s = (s + 1) & (cap - 1) }
                if slots[s] == 0 { slots[s] = key; values[s] = Int32(i) }
            } else if long[bytes] == nil {
                long[bytes] = Int32(i)
            }
        }
        unitSlots = slots
        unitValues = values
        unitMask = cap - 1
        longCodes = long
    }

    /// Forgets the time cache and the problems (the file is read anew).
    mutating func reset() {
        malformedLines = 0; unknownUnitLines = 0; badTimeLines = 0
        detailedIssues = []
        cacheLength = -1
    }

    /// A copy for one chunk: same layout and lookups, no problems yet.
    func forChunk() -> EventLineParser {
        var copy = self
        copy.malformedLines = 0; copy.unknownUnitLines = 0; copy.badTimeLines = 0
        copy.detailedIssues = []
        return copy
    }

    // MARK: Header

    /// Reads the header line; nil when it is fine, else the error.
    mutating func header(_ bytes: [UInt8], line: Int) -> DataIssue? {
        // The one header reader (CSVHeader): UTF-16, separators, missing columns.
        let header = CSVHeader(line: bytes, file: file, lineNumber: line)
        let names = header.names
        fieldCount = names.count
        if let problem = header.missing(
            [["time"], ["unit_code"], ["candidate_id"], ["event"]], file: file, line: line,
            what: "the event log's header")
        {
            return problem
        }
        cTime = names.firstIndex(of: "time")!
        cUnit = names.firstIndex(of: "unit_code")!
        cCandidate = names.firstIndex(of: "candidate_id")!
        cEvent = names.firstIndex(of: "event")!
        standardLayout = names.count == 4 && (cTime, cUnit, cCandidate, cEvent) == (0, 1, 2, 3)
        return nil
    }

    // MARK: Problems

    enum Problem { case malformed, unknownUnit, badTime }

    private mutating func report(
        _ kind: Problem, _ p: UnsafePointer<UInt8>, lineStart: Int, at position: Int, line: Int,
        _ message: @autoclosure () -> String
    ) {
        switch kind {
        case .malformed: malformedLines += 1
        case .unknownUnit: unknownUnitLines += 1
        case .badTime: badTimeLines += 1
        }
        guard detailedIssues.count < EventAggregator.detailedIssueLimit else { return }
        detailedIssues.append(
            DataIssue(
                .warning, file: file, line: line, column: EventLineParser.column(p, lineStart, position), message()))
    }

    /// The same as `column`, quickly when the line before `position` is
    /// ASCII (the usual case, checked eight bytes at a time).
    @inline(__always)
    static func fastColumn(_ p: UnsafePointer<UInt8>, _ lineStart: Int, _ position: Int) -> Int {
        let n = position - lineStart
        var high: UInt64 = 0
        var i = 0
        let raw = UnsafeRawPointer(p + lineStart)
        while i + 8 <= n { high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self); i += 8 }
        while i < n { high |= UInt64(p[lineStart + i]); i += 1 }
        return high & 0x8080_8080_8080_8080 == 0 ? n + 1 : column(p, lineStart, position)
    }

    /// The 1-based column (in characters) of byte `position` in the line.
    static func column(_ p: UnsafePointer<UInt8>, _ lineStart: Int, _ position: Int) -> Int {
        let prefix = UnsafeBufferPointer(start: p + lineStart, count: max(0, position - lineStart))
        return String(decoding: prefix, as: UTF8.self).count + 1
    }

    private static func shown(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String {
        let text = TextSanitizer.sanitize(
            String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self))
        return "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
    }

    // MARK: Lines

    /// One data line, bytes `s..<e` (without the line end): appends its
    /// event to `events`, or counts and records why it is not counted.
    @inline(__always)
    mutating func line(
        _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, line: Int, into events: inout ShardedEvents
    ) {
        guard e - s < Int(Int32.max) else {
            // Positions inside a line are kept in 32 bits (`ParsedEvent`).
            report(.malformed, p, lineStart: s, at: s, line: line, "the line is longer than 2 GB; it is not counted")
            return
        }
        // Split on commas; a quote sends the line to the full CSV reader.
        var starts: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var ends: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var field = 0
        var fieldStart = s
        var nonEmptyExtra = false
        var allEmpty = true
        var i = s
        while true {
            let atEnd = i == e
            let c: UInt8 = atEnd ? 44 : p[i]
            if c == 34 { quotedLine(p, s, e, line: line, into: &events); return }
            if c == 44 {
                if field == cTime {
                    starts.0 = fieldStart; ends.0 = i
                } else if field == cUnit {
                    starts.1 = fieldStart; ends.1 = i
                } else if field == cCandidate {
                    starts.2 = fieldStart; ends.2 = i
                } else if field == cEvent {
                    starts.3 = fieldStart; ends.3 = i
                }
                if i > fieldStart {
                    allEmpty = false
                    if field >= fieldCount { nonEmptyExtra = true }
                }
                field += 1
                fieldStart = i + 1
                if atEnd { break }
            }
            i += 1
        }
        if allEmpty { return }  // blank line, or ",,,"
        let expected = fieldCount
        if field < expected || nonEmptyExtra {
            report(
                .malformed, p, lineStart: s, at: field < expected ? e : s, line: line,
                "this line has \(field) fields but the header has \(expected); the line is not counted")
            return
        }
        event(p, lineStart: s, line: line, starts, ends, into: &events)
    }

    /// A line with quotes: parsed by the RFC 4180 reader, then counted.
    private mutating func quotedLine(
        _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, line: Int, into events: inout ShardedEvents
    ) {
        let bytes = Array(UnsafeBufferPointer(start: p + s, count: e - s))
        var reader = CSVReader(bytes: bytes)
        var fields: [CSVField] = []
        do {
            _ = try reader.next(into: &fields)
        } catch {
            report(
                .malformed, p, lineStart: s, at: s + error.position, line: line,
                "\(error.message); the line is not counted")
            return
        }
        let expected = fieldCount
        if fields.count < expected || fields[expected...].contains(where: { $0.end > $0.start }) {
            report(
                .malformed, p, lineStart: s, at: s, line: line,
                "this line has \(fields.count) fields but the header has \(expected); the line is not counted")
            return
        }
        if fields.contains(where: \.hasEscapedQuotes) {
            report(
                .malformed, p, lineStart: s, at: s, line: line,
                "a field holds a quote character; event logs hold codes, ids and times only. The line is not counted")
            return
        }
        let f = (fields[cTime], fields[cUnit], fields[cCandidate], fields[cEvent])
        // Field positions are relative to the copy; rebase them on `p`.
        event(
            p, lineStart: s, line: line, (s + f.0.start, s + f.1.start, s + f.2.start, s + f.3.start),
            (s + f.0.end, s + f.1.end, s + f.2.end, s + f.3.end), into: &events)
    }

    @inline(__always)
    private static func trim(_ p: UnsafePointer<UInt8>, _ s: inout Int, _ e: inout Int) {
        while s < e, p[s] == 32 || p[s] == 9 { s += 1 }
        while e > s, p[e - 1] == 32 || p[e - 1] == 9 { e -= 1 }
    }

    @inline(__always)
    private mutating func event(
        _ p: UnsafePointer<UInt8>, lineStart ls: Int, line: Int, _ starts: (Int, Int, Int, Int),
        _ ends: (Int, Int, Int, Int), into events: inout ShardedEvents
    ) {
        var ts = starts.0, te = ends.0, us = starts.1, ue = ends.1
        var cs = starts.2, ce = ends.2, es = starts.3, ee = ends.3
        EventLineParser.trim(p, &ts, &te); EventLineParser.trim(p, &us, &ue)
        EventLineParser.trim(p, &cs, &ce); EventLineParser.trim(p, &es, &ee)
        // Kind.
        let isCompletion: Bool
        let en = ee - es
        if en == 10, EventLineParser.asciiEqualsLower(p + es, "registered") {
            isCompletion = false
        } else if en == 9, EventLineParser.asciiEqualsLower(p + es, "completed") {
            isCompletion = true
        } else {
            report(
                .malformed, p, lineStart: ls, at: starts.3, line: line,
                en == 0
                    ? "the event is empty; write registered or completed. The line is not counted"
                    : "the event \(EventLineParser.shown(p, es, ee)) is neither registered nor completed; the line is not counted"
            )
            return
        }
        if ce == cs {
            report(
                .malformed, p, lineStart: ls, at: starts.2, line: line,
                "the candidate_id is empty; the line is not counted")
            return
        }
        // Time.
        let ms: Int64
        switch time(p, ts, te) {
        case .success(let t) where t > futureLimitMs:
            report(
                .badTime, p, lineStart: ls, at: starts.0, line: line,
                "the time \(EventLineParser.shown(p, ts, te)) \(Timestamp.ParseFailure.future.explanation); the line is not counted"
            )
            return
        case .success(let t): ms = t
        case .failure(let why):
            report(
                .badTime, p, lineStart: ls, at: starts.0, line: line,
                "the time \(EventLineParser.shown(p, ts, te)) \(why.explanation); the line is not counted")
            return
        }
        // Unit.
        let unit = unitIndex(p, us, ue)
        if unit < 0 {
            let unitsFileName = self.unitsFileName  // read before `report` takes self for writing
            report(
                .unknownUnit, p, lineStart: ls, at: starts.1, line: line,
                ue == us
                    ? "the unit_code is empty; the line is not counted"
                    : "the unit code \(EventLineParser.shown(p, us, ue)) is not in \(unitsFileName); the line is not counted"
            )
            return
        }
        let (k0, k1) = CandidateTable.key(p + cs, ce - cs)
        events.append(
            ParsedEvent(
                k0: k0, k1: k1, ms: ms, lineStart: ls, id: cs, idLength: ce - cs,
                unitColumn: EventLineParser.fastColumn(p, ls, starts.1), line: line,
                unit: unit, completion: isCompletion))
    }

    @inline(__always)
    private static func asciiEqualsLower(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount where p[i] | 0x20 != w[i] { return false }
        return true
    }

    @inline(__always)
    static func pack(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var k: UInt64 = 0
        for i in 0..<n { k |= UInt64(p[i]) << (UInt64(i) * 8) }
        return k
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    @inline(__always)
    private func unitIndex(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let n = e - s
        if n >= 1 && n <= 8 { return unitIndex(packed: EventLineParser.pack(p + s, n)) }
        if n == 0 { return -1 }
        return longCodes[Array(UnsafeBufferPointer(start: p + s, count: n))].map(Int.init) ?? -1
    }

    /// The unit whose code of 1 to 8 bytes packs to `key` (`pack`), or -1.
    @inline(__always)
    private func unitIndex(packed key: UInt64) -> Int {
        guard key != 0 else { return -1 }
        return unitSlots.withUnsafeBufferPointer { slots in
            var i = EventLineParser.slot(key, unitMask)
            while true {
                let k = slots[i]
                if k == key { return Int(unitValues[i]) }
                if k == 0 { return -1 }
                i = (i + 1) & unitMask
            }
        }
    }

    /// The fast path: a plain line in the standard layout whose time has
    /// the cached date and offset, and which ends within 64 bytes of its
    /// time. Every check of the general path is made, or the line handed
    /// back to it: quotes, spaces around a field, another case or an
    /// unknown unit all go the long way. Its event is appended to `events`
    /// and the start of the next line returned; nil, and nothing done,
    /// otherwise (the caller then finds the line's end and calls `line`).
    /// The fields and the line's end come from a scan of the 32 bytes after
    /// the time (`cds_scan32`; of 32 more when the line is longer) rather
    /// than a search for each. `end`: the end of the bytes that may be read.
    @inline(__always)
    func fastLine(_ p: UnsafePointer<UInt8>, _ s: Int, end: Int, line: Int, into events: inout ShardedEvents) -> Int? {
        let timeLength = cacheLength
        guard standardLayout, timeLength >= 20, s + timeLength + 33 <= end, p[s + timeLength] == 44,
            let ms = cachedTime(p + s, readable: timeLength + 33), ms <= futureLimitMs
        else { return nil }
        let us = s + timeLength + 1
        let first = cds_scan32(p + us)
        let masks: (commas: UInt64, quotes: UInt64, newlines: UInt64)
        if first.newlines != 0 {
            masks = (UInt64(first.commas), UInt64(first.quotes), UInt64(first.newlines))
        } else {
            guard us + 64 <= end, let both = EventLineParser.scan64(p + us, first) else { return nil }
            masks = both
        }
        // The line: up to its line feed, with no quote. Its first two commas
        // end the unit and the id (a third would be in the event, which
        // then is not one of the two words).
        let length = masks.newlines.trailingZeroBitCount
        let inLine = UInt64(1) << UInt64(length) &- 1
        var commas = masks.commas & inLine
        guard masks.quotes & inLine == 0, commas != 0 else { return nil }
        let ue = us + commas.trailingZeroBitCount
        commas &= commas &- 1
        guard commas != 0 else { return nil }
        let ce = us + commas.trailingZeroBitCount
        let newline = us + length
        let e = p[newline - 1] == 13 ? newline - 1 : newline  // as `EventAggregator.line` ends it
        let cs = ue + 1, es = ce + 1
        guard ue > us, ce > cs, !EventLineParser.isBlank(p[us]), !EventLineParser.isBlank(p[ue - 1]),
            !EventLineParser.isBlank(p[cs]), !EventLineParser.isBlank(p[ce - 1])
        else { return nil }
        let raw = UnsafeRawPointer(p + es)
        let completion: Bool
        switch e - es {
        case 10
        where raw.loadUnaligned(as: UInt64.self) == registerWord
            && raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self) == edWord:
            completion = false
        case 9 where raw.loadUnaligned(as: UInt64.self) == completeWord && p[es + 8] == 100:  // "d"
            completion = true
        default: return nil
        }
        // The unit code, in one load when it has up to 8 bytes (32 are readable).
        let n = ue - us
        let unit =
            n <= 8
            ? unitIndex(
                packed: UnsafeRawPointer(p + us).loadUnaligned(as: UInt64.self) & (n == 8 ? ~0 : (1 << (n * 8)) - 1))
            : unitIndex(p, us, ue)
        guard unit >= 0 else { return nil }
        let (k0, k1) = CandidateTable.key(p + cs, ce - cs)
        events.append(
            ParsedEvent(
                k0: k0, k1: k1, ms: ms, lineStart: s, id: cs, idLength: ce - cs, unitColumn: us - s + 1, line: line,
                unit: unit, completion: completion))
        return newline + 1
    }

    @inline(__always)
    private static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 }

    /// The masks of 64 bytes at `p` given those of its first 32 (which have
    /// no line end); nil when the next 32 have none either. Out of line: a
    /// log's lines are seldom this long, and the usual path stays small.
    @inline(never)
    private static func scan64(_ p: UnsafePointer<UInt8>, _ first: cds_byte_masks) -> (UInt64, UInt64, UInt64)? {
        let second = cds_scan32(p + 32)
        guard second.newlines != 0 else { return nil }
        return (
            UInt64(first.commas) | UInt64(second.commas) << 32, UInt64(first.quotes) | UInt64(second.quotes) << 32,
            UInt64(second.newlines) << 32
        )
    }

    /// The first eight bytes of `text` as a little-endian word loaded from memory.
    private static func word(_ text: StaticString) -> UInt64 {
        var w: UInt64 = 0
        for i in 0..<min(8, text.utf8CodeUnitCount) { w |= UInt64(text.utf8Start[i]) << (UInt64(i) * 8) }
        return w
    }

    /// The time at `q` in ms when it has the cached length, date and offset
    /// and a valid hour, minute and second; nil otherwise. `readable`: the
    /// bytes from `q` that may be read (a suffix of up to 8 bytes is then
    /// compared in one load when at least 27 are).
    @inline(__always)
    private func cachedTime(_ q: UnsafePointer<UInt8>, readable: Int) -> Int64? {
        let raw = UnsafeRawPointer(q)
        let a = raw.loadUnaligned(as: UInt64.self)
        let b = UInt32(raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) | UInt32(q[10]) << 16
        guard a == cachePrefix.0, b == cachePrefix.1 else { return nil }
        if cacheSuffixMask != 0, readable >= 27 {
            guard raw.loadUnaligned(fromByteOffset: 19, as: UInt64.self) & cacheSuffixMask == cacheSuffixWord else {
                return nil
            }
        } else {
            let suffixMatches = cacheSuffix.withUnsafeBufferPointer { suffix in
                for k in 0..<suffix.count where q[19 + k] != suffix[k] { return false }
                return true
            }
            guard suffixMatches else { return nil }
        }
        // "HH:MM:SS" in one word: the colons, and digits where digits go
        // (a byte 0x30–0x39: its high nibble 3, and adding 6 leaves it so).
        let w = raw.loadUnaligned(fromByteOffset: 11, as: UInt64.self)
        let digits: UInt64 = 0xF0F0_00F0_F000_F0F0, threes: UInt64 = 0x3030_0030_3000_3030
        guard w & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000, w & digits == threes,
            (w &+ 0x0606_0006_0600_0606) & digits == threes
        else { return nil }
        // Each pair's value in its first byte (tens times ten plus units:
        // at most 99, no byte carries), then all three checked at once:
        // adding 128 − limit sets a byte's top bit when it is over.
        let v = w & 0x0F0F_000F_0F00_0F0F
        let pairs = (v &* 10 &+ v >> 8) & 0x00FF_0000_FF00_00FF
        guard (pairs &+ 0x0044_0000_4400_0068) & 0x0080_0000_8000_0080 == 0 else { return nil }
        let h = Int(pairs & 0xFF), m = Int(pairs >> 24 & 0xFF), sec = Int(pairs >> 48)
        return cacheBase + Int64(h * 3_600_000 + m * 60_000 + sec * 1000)
    }

    /// The time of a field in ms, through the cache of the last date and
    /// offset when the layout matches; a failure when it is not a valid time.
    @inline(__always)
    private mutating func time(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Result<Int64, Timestamp.ParseFailure> {
        let n = e - s
        if n == cacheLength, n >= 20, let ms = cachedTime(p + s, readable: n) { return .success(ms) }
        let slice = Array(UnsafeBufferPointer(start: p + s, count: n))[...]
        switch Timestamp.parse(slice, defaultOffset: nil) {
        case .failure(let why): return .failure(why)
        case .success(let t):
            // Cache the layout YYYY-MM-DDTHH:MM:SS<suffix> when the suffix is
            // an offset (not fractions of a second).
            if n >= 20, slice[slice.startIndex + 13] == 58, slice[slice.startIndex + 16] == 58,
                slice[slice.startIndex + 19] != 46, slice[slice.startIndex + 19] != 44
            {
                let q = p + s
                let raw = UnsafeRawPointer(q)
                cachePrefix = (
                    raw.loadUnaligned(as: UInt64.self),
                    UInt32(raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) | UInt32(q[10]) << 16
                )
                cacheSuffix = Array(slice.dropFirst(19))
                cacheSuffixWord = 0
                cacheSuffixMask = 0
                if cacheSuffix.count <= 8 {
                    for (k, byte) in cacheSuffix.enumerated() {
                        cacheSuffixWord |= UInt64(byte) << (UInt64(k) * 8)
                        cacheSuffixMask |= 0xFF << (UInt64(k) * 8)
                    }
                }
                cacheLength = n
                let hms =
                    Int64((Int(q[11]) - 48) * 10 + Int(q[12]) - 48) * 3_600_000
                    + Int64((Int(q[14]) - 48) * 10 + Int(q[15]) - 48) * 60_000
                    + Int64((Int(q[17]) - 48) * 10 + Int(q[18]) - 48) * 1000
                cacheBase = t.milliseconds - hms
            }
            return .success(t.milliseconds)
        }
    }
}
