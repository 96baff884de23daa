import CongDanSoCore
import DashboardKit
import TerminalCells

/// The dashboard's run loop (Bubble Tea's runtime): input from the backend,
/// clock ticks and the live source's results go in as messages, `update`
/// decides, the loop carries out the effects it returns (whose answers are
/// messages again), and a frame is drawn whenever something changed.
///
/// A key press travels: `backend.nextEvents` → `Message.key` → `update` →
/// `render` → `backend.draw`.
public struct DashboardLoop<Backend: TerminalBackend> {
    let backend: Backend
    var state: DashboardState
    let source: LiveSource?
    let clock: any RuntimeClock
    let exports: ExportWriter
    /// How long one wait for input lasts, at most: the clock's resolution.
    static var waitMilliseconds: Int { 200 }

    /// - Parameters:
    ///   - state: the first state (its size is replaced by the backend's).
    ///   - source: the live source that keeps the data fresh; nil for a
    ///     fixed dataset.
    public init(
        backend: Backend, state: DashboardState, source: LiveSource?, clock: any RuntimeClock,
        exports: ExportWriter = ExportWriter()
    ) {
        self.backend = backend
        self.state = state
        self.source = source
        self.clock = clock
        self.exports = exports
        let size = backend.size
        _ = update(&self.state, .resize(width: size.width, height: size.height))
    }

    /// The state now (after `run`, the state it ended in).
    public var currentState: DashboardState { state }

    /// Runs until the user quits, the input closes or a signal arrives.
    /// Returns the signal, if one ended it. The caller owns the backend and
    /// closes it.
    public mutating func run() -> Int32? {
        var lastTickSecond = clock.now().milliseconds / 1000
        var dirty = true
        var firstFrame = true
        while true {
            if dirty {
                let size = backend.size
                backend.draw(render(state, width: size.width, height: size.height))
                dirty = false
            }
            if firstFrame {
                // The first frame is up: a log that still has to be read is read now.
                firstFrame = false
                source?.startAfterFirstFrame()
            }
            var messages: [Message] = []
            for event in backend.nextEvents(timeoutMilliseconds: Self.waitMilliseconds) {
                switch event {
                case .key(let key): messages.append(.key(key))
                case .mouse(let event): messages.append(.mouse(event))
                case .resize(let width, let height): messages.append(.resize(width: width, height: height))
                case .interrupted(let signal): return signal
                case .inputClosed: return nil
                }
            }
            messages += source?.drain() ?? []
            let now = clock.now()
            if now.milliseconds / 1000 != lastTickSecond {
                lastTickSecond = now.milliseconds / 1000
                messages.append(.tick(now))
            }
            if !messages.isEmpty { dirty = true }
            if deliver(messages) == .quit { return nil }
        }
    }

    private enum Outcome { case goOn, quit }

    /// Updates with each message in turn and carries out the effects, whose
    /// answers are delivered the same way.
    private mutating func deliver(_ messages: [Message]) -> Outcome {
        var queue = messages[...]
        while let message = queue.popFirst() {
            for effect in update(&state, message) {
                switch effect {
                case .quit:
                    return .quit
                case .reloadNow:
                    source?.check(force: true)
                case .checkForChanges:
                    source?.check()
                case .followLog:
                    if source?.followsEvents == true { source?.check() }
                case .exportCSV(let rows):
                    queue.append(exports.write(rows, standings: state.standings, folder: state.exportFolder))
                case .exportWorkbook(let rows, let query):
                    queue.append(
                        exports.write(
                            rows, standings: state.standings, folder: state.exportFolder,
                            format: .workbook(query: query, lang: state.language)))
                }
            }
        }
        return .goOn
    }
}
