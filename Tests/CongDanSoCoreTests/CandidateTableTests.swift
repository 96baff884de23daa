import Foundation
import Testing

@testable import CongDanSoCore

/// The candidate table keeps ids of the usual shapes in one word and the
/// others in side arrays: every id must still be told apart exactly, found
/// again, and survive the table's growth.
@Suite("Candidate table")
struct CandidateTableTests {
    /// Ids of every shape, with near neighbours (leading zeros, one byte
    /// longer, upper against lower case, hex against letter and digits).
    static let ids: [String] = {
        var ids = [
            "", "a", "C", "C0", "C00", "C000000", "1234567", "abcdefg",
            "C00000000", "C000000000", "C0000000", "D00000000", "Z99999999999999", "C9999999999999", "C00000000000001",
            "f4c6568d", "F4C6568D", "f4c6568e", "0f4c6568d", "00000000", "000000000", "ffffffffffffff",
            "fffffffffffffff",
            "12345678", "123456789", "12345678901234", "123456789012345", "A12345678901234", "A1234567890123x",
            "z1-0000001", "z1-0000002", "cand-000000001", "550e8400-e29b-41d4-a716-446655440000",
            "550e8400-e29b-41d4-a716-446655440001", "Nguyễn123", "C0000000\u{1}",
        ]
        var rng = SeededRandom(seed: 7)
        for i in 0..<3000 {
            ids.append(String(format: "C%08d", i * 7919 % 100_000_000))
            ids.append(String(format: "%08x", UInt32(truncatingIfNeeded: rng.next())))
            ids.append(String(format: "C%0\(1 + i % 14)d", i))
            ids.append("g-\(i)")
            ids.append(UUID().uuidString.lowercased())
        }
        return ids
    }()

    @Test("every id is told apart and found again, across the table's growth")
    func distinctAndFound() {
        let table = CandidateTable(expected: 0)
        var seen: [String: Int] = [:]
        for round in 0..<2 {
            for id in Self.ids {
                let bytes = Array(id.utf8) + [0]  // never empty: a base address even for ""
                var inserted = false
                let r = bytes.withUnsafeBufferPointer {
                    table.findOrInsert($0.baseAddress!, $0.count - 1, inserted: &inserted)
                }
                if let known = seen[id] {
                    #expect(!inserted && r == known, "\(id) (round \(round))")
                } else {
                    #expect(inserted, "\(id) taken for another id")
                    seen[id] = r
                }
            }
        }
        #expect(table.count == Set(Self.ids).count)
    }

    @Test("a compact key gives back the id's key words")
    func compactRoundTrip() {
        for id in Self.ids {
            let bytes = Array(id.utf8) + [0]
            guard bytes.count <= 16 else { continue }
            let (k0, k1) = bytes.withUnsafeBufferPointer { CandidateTable.key($0.baseAddress!, $0.count - 1) }
            let key = CandidateTable.compact(k0, k1)
            if key & CandidateTable.general != 0 { continue }
            let (w0, w1) = CandidateTable.words(key)
            #expect(w0 == k0 && w1 == k1, "\(id)")
        }
        // The shapes of the national logs are compact.
        for id in ["C00000000", "f4c6568d", "abc"] {
            let bytes = Array(id.utf8)
            let (k0, k1) = bytes.withUnsafeBufferPointer { CandidateTable.key($0.baseAddress!, $0.count) }
            #expect(CandidateTable.compact(k0, k1) & CandidateTable.general == 0, "\(id)")
        }
    }
}

@Suite("Candidate records")
struct CandidateRecordTests {
    @Test("completion times near and far from the registration, and a registration moved earlier")
    func completionOffsets() {
        #expect(MemoryLayout<CandidateRecord>.stride == 24)
        let table = CandidateTable(expected: 0)
        let day: Int64 = 86_400_000
        let base: Int64 = 1_761_091_200_000
        var inserted = false
        var rows: [(Int, Int64, Int64)] = []
        for (i, gap) in [0, 1, day, 49 * day, 50 * day, 400 * day, Int64(UInt32.max) - 2, Int64(UInt32.max) - 1]
            .enumerated()
        {
            let bytes = Array("id\(i)".utf8)
            let r = bytes.withUnsafeBufferPointer { table.findOrInsert($0.baseAddress!, $0.count, inserted: &inserted) }
            table.records[r].registeredAt = base
            #expect(table.completedAt(r) == CandidateRecord.never)
            table.setCompletedAt(r, base + gap)
            rows.append((r, base, base + gap))
        }
        for (r, reg, done) in rows {
            #expect(table.records[r].registeredAt == reg && table.completedAt(r) == done)
            // A registration found earlier: far enough back that near ones become late, and back again.
            table.setRegisteredAt(r, reg - 60 * day)
            #expect(table.records[r].registeredAt == reg - 60 * day && table.completedAt(r) == done)
            table.setRegisteredAt(r, done)
            #expect(table.completedAt(r) == done)
            table.setCompletedAt(r, done)
            #expect(table.records[r].completedOffset == 1)
            table.setRegisteredAt(r, Int64.min + 1)
            #expect(table.completedAt(r) == done)
        }
    }
}
