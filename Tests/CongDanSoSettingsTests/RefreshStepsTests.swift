import Testing

@testable import CongDanSoSettings

@Suite("Refresh steps")
struct RefreshStepsTests {
    typealias Outcome = RefreshSteps.Outcome

    @Test("--refresh 1 is reachable again: faster from 5 goes 2 then 1, and says so at 1")
    func downToOne() {
        #expect(RefreshSteps.step(from: 5, .faster) == Outcome(seconds: 2, changed: true, limit: nil))
        #expect(RefreshSteps.step(from: 2, .faster) == Outcome(seconds: 1, changed: true, limit: .fastest))
        #expect(RefreshSteps.step(from: 1, .faster) == Outcome(seconds: 1, changed: false, limit: .fastest))
    }

    @Test("started with --refresh 1: faster stays at 1 (said), slower goes to 2, then back to 1")
    func fromOne() {
        #expect(RefreshSteps.step(from: 1, .faster) == Outcome(seconds: 1, changed: false, limit: .fastest))
        let slower = RefreshSteps.step(from: 1, .slower)
        #expect(slower == Outcome(seconds: 2, changed: true, limit: nil))
        #expect(RefreshSteps.step(from: slower.seconds, .faster).seconds == 1)
    }

    @Test("the slow end: 600 → 900 (said), 900 stays (said); above the last step stays")
    func slowEnd() {
        #expect(RefreshSteps.step(from: 600, .slower) == Outcome(seconds: 900, changed: true, limit: .slowest))
        #expect(RefreshSteps.step(from: 900, .slower) == Outcome(seconds: 900, changed: false, limit: .slowest))
        #expect(RefreshSteps.step(from: 3600, .slower) == Outcome(seconds: 3600, changed: false, limit: .slowest))
        #expect(RefreshSteps.step(from: 3600, .faster) == Outcome(seconds: 900, changed: true, limit: nil))
        #expect(RefreshSteps.step(from: 900, .faster) == Outcome(seconds: 600, changed: true, limit: nil))
    }

    @Test("between steps: the nearest step in the direction asked")
    func offSteps() {
        #expect(RefreshSteps.step(from: 7, .faster).seconds == 5)
        #expect(RefreshSteps.step(from: 7, .slower).seconds == 10)
        #expect(RefreshSteps.step(from: 3, .faster) == Outcome(seconds: 2, changed: true, limit: nil))
        #expect(RefreshSteps.step(from: 1000, .faster).seconds == 900)
        #expect(RefreshSteps.step(from: 1000, .slower) == Outcome(seconds: 1000, changed: false, limit: .slowest))
    }

    @Test("every step is reachable both ways, and a round trip returns")
    func everyStep() {
        let steps = RefreshSteps.steps
        #expect(steps.first == RefreshSteps.range.lowerBound)
        #expect(steps == steps.sorted())
        #expect(Set(steps).count == steps.count)
        for (i, s) in steps.enumerated() {
            let up = RefreshSteps.step(from: s, .slower)
            let down = RefreshSteps.step(from: s, .faster)
            #expect(up.seconds == (i + 1 < steps.count ? steps[i + 1] : s))
            #expect(down.seconds == (i > 0 ? steps[i - 1] : s))
            if i + 1 < steps.count { #expect(RefreshSteps.step(from: up.seconds, .faster).seconds == s) }
        }
        // Every interval the range allows moves or says why not.
        for s in RefreshSteps.range {
            for direction in [RefreshSteps.Direction.faster, .slower] {
                let o = RefreshSteps.step(from: s, direction)
                #expect(o.changed || o.limit != nil)
                #expect(RefreshSteps.range.contains(o.seconds))
            }
        }
    }
}
