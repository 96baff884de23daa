import Testing

@testable import CongDanSoCore

/// `History` behaves as an array of observations across its block
/// boundaries, and a copy never sees what is done to the original.
@Suite("History")
struct HistoryTests {
    static func obs(_ i: Int) -> Observation {
        Observation(time: Timestamp(milliseconds: Int64(i) * 1000), registered: i, completed: i / 2)
    }

    @Test(
        "equals the array it was built from, at every length across block boundaries",
        arguments: [
            0, 1, 63, 64, 65, 127, 128, 129, 300,
        ])
    func matchesArray(n: Int) {
        let array = (0..<n).map(Self.obs)
        let history = History(array)
        #expect(history.count == n)
        #expect(Array(history) == array)
        for i in stride(from: 0, to: n, by: 7) { #expect(history[i] == array[i]) }
        #expect(history.last == array.last)
    }

    @Test("a copy keeps its contents while the original grows and rewrites its last element")
    func copiesAreIndependent() {
        var history = History((0..<200).map(Self.obs))
        let shown = history
        for i in 200..<400 { history.append(Self.obs(i)) }
        history[history.count - 1].registered = -1
        history[3].completed = -7  // inside a shared block
        #expect(Array(shown) == (0..<200).map(Self.obs))
        #expect(history.count == 400)
        #expect(history[399].registered == -1)
        #expect(history[3].completed == -7)
        #expect(history[4] == Self.obs(4))
    }

    @Test("countThrough and value(at:) find the last observation at or before a time")
    func lookups() {
        let history = History((1...150).map(Self.obs))
        #expect(history.countThrough(Timestamp(milliseconds: 0)) == 0)
        #expect(history.value(at: Timestamp(milliseconds: 999)) == (0, 0))
        #expect(history.countThrough(Timestamp(milliseconds: 1000)) == 1)
        #expect(history.value(at: Timestamp(milliseconds: 70_500)) == (70, 35))
        #expect(history.value(at: Timestamp(milliseconds: 10_000_000)) == (150, 75))
        #expect(History().value(at: Timestamp(milliseconds: 5)) == (0, 0))
    }

    @Test("replacing a middle range and removing everything")
    func replaceAndRemove() {
        var history = History((0..<130).map(Self.obs))
        history.replaceSubrange(10..<120, with: [Self.obs(999)])
        var array = (0..<130).map(Self.obs)
        array.replaceSubrange(10..<120, with: [Self.obs(999)])
        #expect(Array(history) == array)
        history.removeAll(keepingCapacity: true)
        #expect(history.isEmpty && history == History())
    }
}
