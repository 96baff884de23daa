import Foundation
import Testing

@testable import CongDanSoCore

/// A history packs its older observations (8 bytes each) when they fit and
/// keeps them as they are when not: either way it gives back exactly what
/// was put in, and cutting it keeps the rest.
@Suite("History storage")
struct HistoryStorageTests {
    /// The time and counts a walk is at.
    struct Step { var ms: Int64 = 1_761_091_200_000, r = 0, c = 0 }

    /// `count` observations, each after `move` took the walk its step `i`.
    static func walk(
        _ count: Int, seed: UInt64, _ move: (Int, inout SeededRandom, inout Step) -> Void
    ) -> [Observation] {
        var rng = SeededRandom(seed: seed)
        var step = Step()
        return (0..<count).map { i in
            move(i, &rng, &step)
            return Observation(time: Timestamp(milliseconds: step.ms), registered: step.r, completed: step.c)
        }
    }

    @Test("compact blocks (whole seconds, small rises) give back every observation, up to their limits and past them")
    func compactBlocks() {
        // An event log's history: whole seconds apart, counts rising a little.
        // Now and then a step at a compact block's limits (65,535 s, a rise
        // of 255) or just past them (65,536 s, 256, a fall, a millisecond).
        let plain = Self.walk(3000, seed: 12) { i, rng, s in
            switch i % 500 {
            case 70: s.ms += 65_535_000
            case 140: s.ms += 65_536_000
            case 210: s.r += 255
            case 280: s.c += 256
            case 350: s.r -= 1
            case 420: s.ms += 1
            default:
                s.ms += Int64(rng.next() % 30 + 1) * 1000
                s.r += Int(rng.next() % 3)
                s.c += Int(rng.next() % 2)
            }
        }
        var bulk = History()
        bulk.append(contentsOf: plain)
        #expect(Array(bulk) == plain)
        #expect(Array(History(plain)) == plain)  // one by one, each block frozen on its own
        for n in [0, 64, 500, 2999] {
            #expect(bulk.value(at: plain[n].time) == (plain[n].registered, plain[n].completed))
        }
    }

    @Test("a deferred history (a cold read's sorted times) answers as the history made from them, and changes as it")
    func deferredHistory() {
        // Times as a cold read gathers them: (second - base) << 1 | kind, sorted,
        // several in some seconds, both kinds.
        var rng = SeededRandom(seed: 13)
        var raw: [UInt32] = []
        var second: UInt32 = 5
        for _ in 0..<5000 {
            second += UInt32(rng.next() % 4)  // 0: the same second again
            raw.append(second << 1 | UInt32(rng.next() % 3 == 0 ? 1 : 0))
        }
        raw.sort()
        let base: Int64 = 1_761_091_200
        func source() -> SortedSeconds {
            let times = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: raw.count)
            _ = times.initialize(from: raw)
            return SortedSeconds(times, base: base)
        }
        let made = raw.withUnsafeBufferPointer { EventAggregator.history(sortedSeconds: $0, base: base) }
        let deferred = History(deferredTo: source())
        #expect(deferred.count == made.count && deferred.first == made.first && deferred.last == made.last)
        // Every second in range, on it and half a second after, and before the first.
        for s in Int64(0)...Int64(second + 2) {
            for ms in [(base + s) * 1000, (base + s) * 1000 + 500, (base + s) * 1000 - 1] {
                let t = Timestamp(milliseconds: ms)
                #expect(deferred.value(at: t) == made.value(at: t), "at \(ms)")
            }
        }
        #expect(Array(deferred) == Array(made) && deferred == made)
        #expect(deferred.countThrough(made[100].time) == made.countThrough(made[100].time))
        // Changed (as a live log's next events change it): made first, then changed; a copy keeps its own.
        var changed = deferred
        let next = Observation(
            time: Timestamp(milliseconds: (base + Int64(second) + 10) * 1000), registered: 1_000_000, completed: 7)
        changed.append(next)
        #expect(Array(changed) == Array(made) + [next])
        #expect(Array(deferred) == Array(made))
        var cut = History(deferredTo: source())
        cut.truncate(to: 10)
        #expect(Array(cut) == Array(made[..<10]))
        #expect(History(deferredTo: SortedSeconds(.allocate(capacity: 0), base: base)).isEmpty)
    }

    @Test("packed and wide blocks give back every observation; truncate keeps the first n")
    func roundTrip() {
        // Mostly small steps; now and then a jump that cannot be packed (a
        // count change past 16 bits, a gap past 32 bits of milliseconds,
        // negative times and counts).
        let plain = Self.walk(2000, seed: 11) { i, rng, s in
            switch i % 400 {
            case 100: s.r += 100_000
            case 200: s.ms += 1 << 33
            case 300: s.ms = -s.ms; s.c = -s.c - 5
            default:
                s.ms += Int64(rng.next() % 5000) + 1
                s.r += Int(rng.next() % 3)
                s.c += Int(rng.next() % 2)
            }
        }
        let history = History(plain)
        #expect(Array(history) == plain)
        for n in [0, 1, 63, 64, 65, 127, 128, 129, 700, 1999, 2000] {
            var cut = history
            cut.truncate(to: n)
            #expect(Array(cut) == Array(plain[..<n]), "truncate to \(n)")
            cut.append(plain[0])
            #expect(cut.count == n + 1 && cut.last == plain[0])
        }
        var changed = history
        changed[5] = Observation(time: Timestamp(milliseconds: 1), registered: Int.max, completed: Int.min)
        var expected = plain
        expected[5] = changed[5]
        #expect(Array(changed) == expected)
        #expect(Array(history) == plain)  // the copy's blocks were not touched

        // Appended in bulk (blocks frozen together in one storage, the
        // unpackable ones apart) and in pieces of every size: the same.
        for piece in [65, 129, 700, 2000] {
            var bulk = History()
            var start = 0
            while start < plain.count {
                let end = min(plain.count, start + piece)
                bulk.append(contentsOf: plain[start..<end])
                start = end
            }
            #expect(Array(bulk) == plain, "pieces of \(piece)")
            #expect(bulk == history)
            var shared = bulk
            shared[1] = Observation(time: Timestamp(milliseconds: 2), registered: 1, completed: 0)
            shared.truncate(to: 1500)
            shared.append(contentsOf: plain[..<300])
            #expect(Array(bulk) == plain, "a copy changed, pieces of \(piece)")
            #expect(Array(shared) == [plain[0], shared[1]] + plain[2..<1500] + plain[..<300])
        }
    }
}
