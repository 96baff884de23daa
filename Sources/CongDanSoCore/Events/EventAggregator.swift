import Foundation

/// Aggregates an event log (`time,unit_code,candidate_id,event`, design §2)
/// into per-unit distinct counts and the histories behind `--at`, fed with
/// bytes as they come (the whole file, or what was appended since).
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
/// - A malformed line, an unknown unit or an impossible time is counted and
///   reported as a warning with file:line:column (the first
///   `EventAggregator.detailedIssueLimit`, then one summary), never fatal.
///
/// Not thread-safe: one owner at a time.
public final class EventAggregator: @unchecked Sendable {
    public let file: String
    let units: [Unit]
    public var timeZone: UTCOffset = .vietnam

    /// Per unit: distinct candidates registered and completed, so far.
    public var registered: [Int] { Array(UnsafeBufferPointer(start: registeredCounts, count: units.count)) }
    public var completed: [Int] { Array(UnsafeBufferPointer(start: completedCounts, count: units.count)) }
    // Raw storage for what every event touches: no uniqueness or
    // exclusivity checks in the hot loop.
    private let registeredCounts: UnsafeMutablePointer<Int>
    private let completedCounts: UnsafeMutablePointer<Int>
    private let changed: UnsafeMutablePointer<Bool>
    /// Earliest and latest time of any counted event.
    public private(set) var firstTime: Timestamp?
    public private(set) var latestTime: Timestamp?
    /// Lines read (header and blank lines included) and events counted.
    public private(set) var linesRead = 0
    public private(set) var eventsCounted = 0
    /// Lines not counted, by reason, and events naming a unit other than
    /// their candidate's first.
    public private(set) var malformedLines = 0
    public private(set) var unknownUnitLines = 0
    public private(set) var badTimeLines = 0
    public private(set) var otherUnitEvents = 0
    /// A header problem: nothing can be counted until the file is fixed.
    public private(set) var headerError: DataIssue?
    /// The first problems in detail.
    public private(set) var detailedIssues: [DataIssue] = []
    public static let detailedIssueLimit = 20

    let candidates: CandidateTable
    /// Per unit, changes in time order of arrival, each `ms << 2 | kind`
    /// (kind 0: +1 registered, 1: +1 completed, 2: −1 registered, 3: −1 completed).
    let deltas: DeltaLists
    /// Per unit: deltas already folded into `histories`, and whether
    /// the deltas are still in time order.
    var folded: [Int]
    var histories: [History]
    /// Units whose counts changed since `takeChangedUnits` (flags in `changed`).
    private var changedList: [Int] = []

    /// Events parsed but not yet counted: lookups go in batches so that
    /// their cache misses overlap (see `flush`).
    private struct Parsed {
        var k0: UInt64, k1: UInt64, h: UInt64
        var id: Int, idLength: Int
        var ms: Int64
        var unit: Int32
        var completion: Bool
        var line: Int, lineStart: Int, unitPosition: Int
    }
    private var batch: [Parsed] = []
    private static let batchSize = 32
    private var sink: UInt64 = 0

    // Header layout.
    private var headerRead = false
    private var fieldCount = 0
    private var cTime = 0, cUnit = 0, cCandidate = 0, cEvent = 0
    // Unit codes → index: open addressing over packed code bytes (codes of
    // up to 8 bytes), with a dictionary for longer codes.
    private var unitSlots: [UInt64]
    private var unitValues: [Int32]
    private var unitMask = 0
    private var longCodes: [[UInt8]: Int32] = [:]
    // The last time's date part and offset, for the fast path.
    private var cachePrefix: (UInt64, UInt32) = (0, 0)  // first 11 bytes "YYYY-MM-DDT"
    private var cacheSuffix: [UInt8] = []
    private var cacheLength = -1
    private var cacheBase: Int64 = 0

    deinit {
        registeredCounts.deallocate()
        completedCounts.deallocate()
        changed.deallocate()
    }

    public init(units: [Unit], file: String, expectedEvents: Int = 0) {
        self.units = units
        self.file = file
        registeredCounts = .allocate(capacity: max(1, units.count))
        registeredCounts.initialize(repeating: 0, count: max(1, units.count))
        completedCounts = .allocate(capacity: max(1, units.count))
        completedCounts.initialize(repeating: 0, count: max(1, units.count))
        changed = .allocate(capacity: max(1, units.count))
        changed.initialize(repeating: false, count: max(1, units.count))
        deltas = DeltaLists(count: units.count)
        folded = Array(repeating: 0, count: units.count)
        histories = Array(repeating: [], count: units.count)
        candidates = CandidateTable(expected: max(1024, expectedEvents * 7 / 10))
        var cap = 16
        while cap < units.count * 2 { cap <<= 1 }
        unitSlots = Array(repeating: 0, count: cap)
        unitValues = Array(repeating: -1, count: cap)
        unitMask = cap - 1
        for (i, u) in units.enumerated() {
            let bytes = Array(u.code.utf8)
            if bytes.count <= 8, !bytes.isEmpty {
                let key = bytes.withUnsafeBufferPointer { EventAggregator.pack($0.baseAddress!, $0.count) }
                var s = EventAggregator.slot(key, unitMask)
                while unitSlots[s] != 0 && unitSlots[s] != key { s = (s + 1) & unitMask }
                if unitSlots[s] == 0 { unitSlots[s] = key; unitValues[s] = Int32(i) }
            } else if longCodes[bytes] == nil {
                longCodes[bytes] = Int32(i)
            }
        }
    }

    /// Forgets everything counted (the file was truncated or replaced).
    public func reset() {
        for i in units.indices {
            registeredCounts[i] = 0; completedCounts[i] = 0
            deltas.removeAll(i); folded[i] = 0; histories[i] = []
            if !changed[i] { changed[i] = true; changedList.append(i) }
        }
        firstTime = nil; latestTime = nil
        linesRead = 0; eventsCounted = 0
        malformedLines = 0; unknownUnitLines = 0; badTimeLines = 0; otherUnitEvents = 0
        headerError = nil; detailedIssues = []
        headerRead = false
        batch.removeAll()
        candidates.removeAll()
        cacheLength = -1
    }

    /// Distinct candidates over all units.
    public var candidateCount: Int { candidates.count }
    /// Bytes held by the candidate table.
    public var memoryBytes: Int { candidates.memoryBytes }

    /// Every problem: the detailed ones, then a summary when there are more.
    public var issues: [DataIssue] {
        var result: [DataIssue] = []
        if let headerError { result.append(headerError) }
        // Batched counting reports a candidate's other unit a few lines late.
        result += detailedIssues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        let total = malformedLines + unknownUnitLines + badTimeLines + otherUnitEvents
        if total > detailedIssues.count {
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
                    "\(total) lines have problems in all (\(parts.joined(separator: ", "))); the first \(detailedIssues.count) are listed above. Lines with problems are not counted, except those naming another unit"
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

    // MARK: Reading

    /// Reads the complete lines in `bytes` and returns how many bytes they
    /// took. A last line without its newline is left (not consumed) unless
    /// `atEnd`, which treats the end of the bytes as the end of that line.
    /// `startsFile` says the bytes begin at offset 0 (a BOM may be there).
    @discardableResult
    public func consume(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool = false) -> Int {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        let n = bytes.count
        var start = 0
        if !headerRead, linesRead == 0, n >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { start = 3 }
        while start < n {
            let remaining = n - start
            let nl = memchr(base + start, 10, remaining)
            let end: Int
            let next: Int
            if let nl {
                end = base.distance(to: nl.assumingMemoryBound(to: UInt8.self))
                next = end + 1
            } else {
                guard atEnd else { break }
                end = n; next = n
            }
            linesRead += 1
            var e = end
            if e > start, base[e - 1] == 13 { e -= 1 }
            if headerRead { line(base, start, e) } else { header(base, start, e) }
            start = next
        }
        flush(base)
        return start
    }

    private func header(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        let bytes = Array(UnsafeBufferPointer(start: p + s, count: e - s))
        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 44 }) { return }  // blank line before the header
        headerRead = true
        var reader = CSVReader(bytes: bytes)
        var fields: [CSVField] = []
        var names: [String] = []
        do {
            _ = try reader.next(into: &fields)
            for f in fields { names.append(VietnameseText.nfc((reader.string(f) ?? "").trimmingSpaces).lowercased()) }
        } catch {
            names = []
        }
        fieldCount = names.count
        let required = ["time", "unit_code", "candidate_id", "event"]
        let missing = required.filter { !names.contains($0) }
        guard missing.isEmpty else {
            let have = names.map { TextSanitizer.sanitize($0) }.joined(separator: ",")
            headerError = DataIssue(
                .error, file: file, line: linesRead, column: 1,
                "the event log's header has no \(missing.map { "\"\($0)\"" }.joined(separator: ", ")) column (it has: \(have)); the header must name time,unit_code,candidate_id,event"
            )
            return
        }
        cTime = names.firstIndex(of: "time")!
        cUnit = names.firstIndex(of: "unit_code")!
        cCandidate = names.firstIndex(of: "candidate_id")!
        cEvent = names.firstIndex(of: "event")!
    }

    private enum Problem { case malformed, unknownUnit, badTime, otherUnit }

    private func report(
        _ kind: Problem, _ p: UnsafePointer<UInt8>, lineStart: Int, at position: Int, line: Int? = nil,
        _ message: @autoclosure () -> String
    ) {
        switch kind {
        case .malformed: malformedLines += 1
        case .unknownUnit: unknownUnitLines += 1
        case .badTime: badTimeLines += 1
        case .otherUnit: otherUnitEvents += 1
        }
        guard detailedIssues.count < EventAggregator.detailedIssueLimit else { return }
        let prefix = UnsafeBufferPointer(start: p + lineStart, count: max(0, position - lineStart))
        let column = String(decoding: prefix, as: UTF8.self).count + 1
        detailedIssues.append(DataIssue(.warning, file: file, line: line ?? linesRead, column: column, message()))
    }

    private static func shown(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> String {
        let text = TextSanitizer.sanitize(
            String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self))
        return "\"" + (text.count > 40 ? String(text.prefix(40)) + "…" : text) + "\""
    }

    /// One data line, bytes `s..<e` (without the line end).
    @inline(__always)
    private func line(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        guard headerError == nil else { return }
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
            if c == 34 { quotedLine(p, s, e); return }
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
        if field < fieldCount || nonEmptyExtra {
            report(
                .malformed, p, lineStart: s, at: field < fieldCount ? e : s,
                "this line has \(field) fields but the header has \(fieldCount); the line is not counted")
            return
        }
        event(p, lineStart: s, starts, ends)
    }

    /// A line with quotes: parsed by the RFC 4180 reader, then counted.
    private func quotedLine(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) {
        let bytes = Array(UnsafeBufferPointer(start: p + s, count: e - s))
        var reader = CSVReader(bytes: bytes)
        var fields: [CSVField] = []
        do {
            _ = try reader.next(into: &fields)
        } catch {
            report(.malformed, p, lineStart: s, at: s + error.position, "\(error.message); the line is not counted")
            return
        }
        if fields.count < fieldCount || fields[fieldCount...].contains(where: { $0.end > $0.start }) {
            report(
                .malformed, p, lineStart: s, at: s,
                "this line has \(fields.count) fields but the header has \(fieldCount); the line is not counted")
            return
        }
        if fields.contains(where: \.hasEscapedQuotes) {
            report(
                .malformed, p, lineStart: s, at: s,
                "a field holds a quote character; event logs hold codes, ids and times only. The line is not counted")
            return
        }
        let f = (fields[cTime], fields[cUnit], fields[cCandidate], fields[cEvent])
        // Field positions are relative to the copy; rebase them on `p`.
        event(
            p, lineStart: s, (s + f.0.start, s + f.1.start, s + f.2.start, s + f.3.start),
            (s + f.0.end, s + f.1.end, s + f.2.end, s + f.3.end))
    }

    @inline(__always)
    private static func trim(_ p: UnsafePointer<UInt8>, _ s: inout Int, _ e: inout Int) {
        while s < e, p[s] == 32 || p[s] == 9 { s += 1 }
        while e > s, p[e - 1] == 32 || p[e - 1] == 9 { e -= 1 }
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
        if n >= 1 && n <= 8 {
            let key = EventAggregator.pack(p + s, n)
            return unitSlots.withUnsafeBufferPointer { slots in
                var i = EventAggregator.slot(key, unitMask)
                while true {
                    let k = slots[i]
                    if k == key { return Int(unitValues[i]) }
                    if k == 0 { return -1 }
                    i = (i + 1) & unitMask
                }
            }
        }
        if n == 0 { return -1 }
        return longCodes[Array(UnsafeBufferPointer(start: p + s, count: n))].map(Int.init) ?? -1
    }

    /// The time of a field in ms, through the cache of the last date and
    /// offset when the layout matches; nil when it is not a valid time.
    @inline(__always)
    private func time(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Result<Int64, Timestamp.ParseFailure> {
        let n = e - s
        if n == cacheLength, n >= 20 {
            let q = p + s
            let raw = UnsafeRawPointer(q)
            let a = raw.loadUnaligned(as: UInt64.self)
            let b = UInt32(raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)) | UInt32(q[10]) << 16
            if a == cachePrefix.0, b == cachePrefix.1, q[13] == 58, q[16] == 58,
                cacheSuffix.withUnsafeBufferPointer({ memcmp(q + 19, $0.baseAddress!, $0.count) == 0 })
            {
                let d = (
                    Int(q[11]) - 48, Int(q[12]) - 48, Int(q[14]) - 48, Int(q[15]) - 48, Int(q[17]) - 48, Int(q[18]) - 48
                )
                if d.0 >= 0, d.0 <= 9, d.1 >= 0, d.1 <= 9, d.2 >= 0, d.2 <= 9, d.3 >= 0, d.3 <= 9,
                    d.4 >= 0, d.4 <= 9, d.5 >= 0, d.5 <= 9
                {
                    let h = d.0 * 10 + d.1, m = d.2 * 10 + d.3, sec = d.4 * 10 + d.5
                    if h < 24, m < 60, sec < 60 {
                        return .success(cacheBase + Int64(h * 3_600_000 + m * 60_000 + sec * 1000))
                    }
                }
            }
        }
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

    @inline(__always)
    private func event(
        _ p: UnsafePointer<UInt8>, lineStart ls: Int, _ starts: (Int, Int, Int, Int), _ ends: (Int, Int, Int, Int)
    ) {
        var ts = starts.0, te = ends.0, us = starts.1, ue = ends.1
        var cs = starts.2, ce = ends.2, es = starts.3, ee = ends.3
        EventAggregator.trim(p, &ts, &te); EventAggregator.trim(p, &us, &ue)
        EventAggregator.trim(p, &cs, &ce); EventAggregator.trim(p, &es, &ee)
        // Kind.
        let isCompletion: Bool
        let en = ee - es
        if en == 10, EventAggregator.asciiEqualsLower(p + es, "registered") {
            isCompletion = false
        } else if en == 9, EventAggregator.asciiEqualsLower(p + es, "completed") {
            isCompletion = true
        } else {
            report(
                .malformed, p, lineStart: ls, at: starts.3,
                en == 0
                    ? "the event is empty; write registered or completed. The line is not counted"
                    : "the event \(EventAggregator.shown(p, es, ee)) is neither registered nor completed; the line is not counted"
            )
            return
        }
        if ce == cs {
            report(.malformed, p, lineStart: ls, at: starts.2, "the candidate_id is empty; the line is not counted")
            return
        }
        // Time.
        let ms: Int64
        switch time(p, ts, te) {
        case .success(let t): ms = t
        case .failure(let why):
            let what: String
            switch why {
            case .missingOffset: what = "has no UTC offset; write it like 2025-10-22T15:00:00+07:00"
            case .impossibleDate: what = "is not a real date and time"
            case .malformed: what = "is not an ISO 8601 time; write it like 2025-10-22T15:00:00+07:00"
            }
            report(
                .badTime, p, lineStart: ls, at: starts.0,
                "the time \(EventAggregator.shown(p, ts, te)) \(what); the line is not counted")
            return
        }
        // Unit.
        let unit = unitIndex(p, us, ue)
        if unit < 0 {
            report(
                .unknownUnit, p, lineStart: ls, at: starts.1,
                ue == us
                    ? "the unit_code is empty; the line is not counted"
                    : "the unit code \(EventAggregator.shown(p, us, ue)) is not in units.csv; the line is not counted")
            return
        }
        let (k0, k1) = CandidateTable.key(p + cs, ce - cs)
        batch.append(
            Parsed(
                k0: k0, k1: k1, h: CandidateTable.hash(k0, k1), id: cs, idLength: ce - cs, ms: ms,
                unit: Int32(unit), completion: isCompletion, line: linesRead, lineStart: ls, unitPosition: starts.1))
        if batch.count == EventAggregator.batchSize { flush(p) }
    }

    /// Counts the batched events in file order, after touching every slot
    /// and record they will need (independent loads the CPU overlaps).
    private func flush(_ p: UnsafePointer<UInt8>) {
        guard !batch.isEmpty else { return }
        var touched: UInt64 = 0
        batch.withUnsafeBufferPointer { b in
            for e in b { touched ^= candidates.touch(e.h) }
        }
        batch.withUnsafeBufferPointer { b in
            for e in b { touched ^= candidates.touchRecord(candidates.touch(e.h)) }
        }
        sink ^= touched
        for e in batch {
            count(
                p + e.id, e.idLength, k0: e.k0, k1: e.k1, h: e.h, unit: Int(e.unit), ms: e.ms, completion: e.completion,
                p, e.lineStart, e.unitPosition, line: e.line)
        }
        batch.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private static func asciiEqualsLower(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for i in 0..<word.utf8CodeUnitCount where p[i] | 0x20 != w[i] { return false }
        return true
    }

    @inline(__always)
    private func markChanged(_ u: Int) {
        if !changed[u] { changed[u] = true; changedList.append(u) }
    }

    @inline(__always)
    private func count(
        _ id: UnsafePointer<UInt8>, _ idLength: Int, k0: UInt64, k1: UInt64, h: UInt64, unit: Int, ms: Int64,
        completion: Bool, _ p: UnsafePointer<UInt8>, _ ls: Int, _ unitColumn: Int, line: Int
    ) {
        eventsCounted += 1
        if let f = firstTime, f.milliseconds <= ms {} else { firstTime = Timestamp(milliseconds: ms) }
        if let l = latestTime, l.milliseconds >= ms {} else { latestTime = Timestamp(milliseconds: ms) }
        var inserted = false
        let r = candidates.findOrInsert(id, idLength, k0: k0, k1: k1, h: h, inserted: &inserted)
        let rec = candidates.records + r
        if inserted {
            rec.pointee.unit = Int32(unit)
            rec.pointee.registeredAt = ms
            registeredCounts[unit] += 1
            deltas.append(unit, ms << 2)
            if completion {
                rec.pointee.completedAt = ms
                completedCounts[unit] += 1
                deltas.append(unit, ms << 2 | 1)
            }
            markChanged(unit)
            return
        }
        let u = Int(rec.pointee.unit)
        if u != unit {
            report(
                .otherUnit, p, lineStart: ls, at: unitColumn, line: line,
                "this candidate's first event was in \(units[u].fullName()) (\(units[u].code)); the event is counted there, not in \(units[unit].fullName()) (\(units[unit].code))"
            )
        }
        if ms < rec.pointee.registeredAt {
            deltas.append(u, rec.pointee.registeredAt << 2 | 2)
            deltas.append(u, ms << 2)
            rec.pointee.registeredAt = ms
            markChanged(u)
        }
        if completion {
            let c = rec.pointee.completedAt
            if c == CandidateRecord.never {
                rec.pointee.completedAt = ms
                completedCounts[u] += 1
                deltas.append(u, ms << 2 | 1)
                markChanged(u)
            } else if ms < c {
                deltas.append(u, c << 2 | 3)
                deltas.append(u, ms << 2 | 1)
                rec.pointee.completedAt = ms
                markChanged(u)
            }
        }
    }

    // MARK: Histories

    /// Per unit, cumulative observations at every time its counts changed,
    /// sorted. Folds only what was added since the last call (a unit is
    /// rebuilt from its deltas when an event arrived out of order).
    public func currentHistories() -> [History] {
        for u in units.indices where folded[u] < deltas.count(u) { fold(u) }
        return histories
    }

    private func fold(_ u: Int) {
        var d = deltas.buffer(u)
        let lastTime = histories[u].last?.time.milliseconds
        var newStart = folded[u]
        var rebuild = false
        if let lastTime {
            let bound = lastTime << 2
            for i in newStart..<d.count where d[i] < bound { rebuild = true; break }
        }
        if rebuild {
            d.sort()
            histories[u].removeAll(keepingCapacity: true)
            newStart = 0
        } else {
            // Appended deltas in order? Sort just the new part otherwise.
            var sorted = true
            var i = newStart + 1
            while i < d.count { if d[i] < d[i - 1] { sorted = false; break }; i += 1 }
            if !sorted {
                var tail = UnsafeMutableBufferPointer(rebasing: d[newStart...])
                tail.sort()
            }
        }
        var r = histories[u].last?.registered ?? 0
        var c = histories[u].last?.completed ?? 0
        var history = histories[u]
        histories[u] = []
        var i = newStart
        while i < d.count {
            let ms = d[i] >> 2
            while i < d.count, d[i] >> 2 == ms {
                switch d[i] & 3 {
                case 0: r += 1
                case 1: c += 1
                case 2: r -= 1
                default: c -= 1
                }
                i += 1
            }
            if let last = history.last, last.time.milliseconds == ms {
                history[history.count - 1].registered = r
                history[history.count - 1].completed = c
            } else if history.last.map({ $0.registered != r || $0.completed != c }) ?? (r != 0 || c != 0) {
                history.append(Observation(time: Timestamp(milliseconds: ms), registered: r, completed: c))
            }
        }
        histories[u] = history
        folded[u] = d.count
    }
}

/// Per unit, a growable list of Int64 in raw memory (the aggregator's
/// deltas): appends without Swift's copy-on-write checks.
final class DeltaLists {
    private let starts: UnsafeMutablePointer<UnsafeMutablePointer<Int64>?>
    private let counts: UnsafeMutablePointer<Int>
    private let capacities: UnsafeMutablePointer<Int>
    let lists: Int

    init(count: Int) {
        lists = count
        starts = .allocate(capacity: max(1, count))
        starts.initialize(repeating: nil, count: max(1, count))
        counts = .allocate(capacity: max(1, count))
        counts.initialize(repeating: 0, count: max(1, count))
        capacities = .allocate(capacity: max(1, count))
        capacities.initialize(repeating: 0, count: max(1, count))
    }

    deinit {
        for i in 0..<lists { free(starts[i]) }
        starts.deallocate(); counts.deallocate(); capacities.deallocate()
    }

    @inline(__always)
    func append(_ list: Int, _ value: Int64) {
        let n = counts[list]
        if n == capacities[list] { grow(list) }
        starts[list]![n] = value
        counts[list] = n + 1
    }

    private func grow(_ list: Int) {
        let capacity = max(16, capacities[list] * 2)
        let p = realloc(starts[list], capacity * MemoryLayout<Int64>.stride)!
        starts[list] = p.bindMemory(to: Int64.self, capacity: capacity)
        capacities[list] = capacity
    }

    func count(_ list: Int) -> Int { counts[list] }

    /// The list's values, valid until the next append to it.
    func buffer(_ list: Int) -> UnsafeMutableBufferPointer<Int64> {
        UnsafeMutableBufferPointer(start: starts[list], count: counts[list])
    }

    func removeAll(_ list: Int) {
        free(starts[list])
        starts[list] = nil
        counts[list] = 0
        capacities[list] = 0
    }
}
