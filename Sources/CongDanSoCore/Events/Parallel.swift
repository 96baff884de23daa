import Dispatch

/// Runs `body` for `0..<count`: at once on that many threads when
/// `parallel` (the caller waits for all), else one after another here.
/// The aggregator's phases are written once for both ways.
func runAll(_ count: Int, parallel: Bool, _ body: @Sendable (Int) -> Void) {
    if parallel && count > 1 {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    } else {
        for k in 0..<count { body(k) }
    }
}

/// A pointer or buffer handed to the threads of one `runAll`, each of which
/// touches only its own part of it while the caller waits.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
