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
