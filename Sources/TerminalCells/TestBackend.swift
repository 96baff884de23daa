/// An in-memory terminal for tests (ratatui's `TestBackend`): it replays a
/// script of input and records every frame drawn, so the real run loop can
/// be driven without a terminal.
public final class TestBackend: TerminalBackend {
    /// One step of the input script.
    public enum Step: Equatable, Sendable {
        /// Input that is pending at once, delivered in one batch.
        case input([InputEvent])
        /// No input for this many milliseconds: the run loop's waits use it
        /// up, and `waited` is told, so a fake clock can move on.
        case pause(milliseconds: Int)
    }

    public private(set) var size: TerminalSize
    public let usesASCII: Bool
    public let hasColor: Bool
    /// Every buffer drawn, oldest first.
    public private(set) var frames: [Buffer] = []
    /// Suspended (between `suspend` and `resume`).
    public private(set) var isSuspended = false
    private var script: [Step]
    /// Told how many milliseconds each wait took.
    private let waited: (Int) -> Void

    /// A terminal of `width` × `height` that delivers `script` in order and
    /// then reports `.inputClosed`. `waited` is called with the length of
    /// every wait spent in a pause.
    public init(
        width: Int, height: Int, ascii: Bool = false, color: Bool = true, script: [Step],
        waited: @escaping (Int) -> Void = { _ in }
    ) {
        size = TerminalSize(width: width, height: height)
        usesASCII = ascii
        hasColor = color
        self.script = script
        self.waited = waited
    }

    /// The last frame drawn, if any.
    public var lastFrame: Buffer? { frames.last }

    public func nextEvents(timeoutMilliseconds: Int) -> [InputEvent] {
        guard let step = script.first else { return [.inputClosed] }
        switch step {
        case .input(let events):
            script.removeFirst()
            for case .resize(let width, let height) in events {
                size = TerminalSize(width: width, height: height)
            }
            return events
        case .pause(let milliseconds):
            let spent = timeoutMilliseconds < 0 ? milliseconds : min(milliseconds, timeoutMilliseconds)
            if spent >= milliseconds {
                script.removeFirst()
            } else {
                script[0] = .pause(milliseconds: milliseconds - spent)
            }
            waited(spent)
            return []
        }
    }

    public func draw(_ buffer: Buffer) {
        frames.append(buffer)
    }

    public func suspend() { isSuspended = true }
    public func resume() { isSuspended = false }
}
