import CongDanSoCore
import TerminalCells

/// A key script: the terminal's size, then input and pauses in order, and
/// the frame expected once the input runs out.
///
/// The file format, one directive a line (`#` starts a comment):
///
///     size 80x24              the terminal at the start
///     refresh 1               the refresh interval at the start, in seconds
///                             (as --refresh or the settings file; default 5)
///     keys j j Enter          key names as help shows them (Key(name:)),
///                             each one read separately
///     type do son             each character typed, a space included
///     click 12 7              a left click at column 12, row 7 (0-based)
///     doubleclick 12 7        a double click there
///     wheel down 12 7         the wheel turned (up or down) over that cell
///     wait 5000               no input for 5,000 ms (the clock moves on)
///     resize 100x30           the terminal changes size
///     stale-after 30m         the state's stale_after (default 2h)
///     rotate 10               wall mode, a view every 10 s
///     == frame                the rest of the file is the last frame drawn
struct KeyScript {
    var width = 80
    var height = 24
    /// The refresh interval the dashboard starts with (`refresh`).
    var refreshSeconds = 5
    var steps: [TestBackend.Step] = []
    /// The lines before `== frame`, kept when the frame is rewritten.
    var header: [String] = []
    var expectedFrame: [String]?
    /// `stale-after`: seconds (nil: the scripts' default, 2 hours).
    var staleAfterSeconds: Int?
    /// `rotate`: wall mode's seconds.
    var rotateSeconds: Int?

    static let frameMarker = "== frame"

    struct ParseError: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    init(parsing text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            if line == Self.frameMarker {
                var frame = Array(lines[(index + 1)...])
                if frame.last == "" { frame.removeLast() }
                expectedFrame = frame
                return
            }
            header.append(line)
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let directive = words.first, !directive.hasPrefix("#") else { continue }
            let arguments = Array(words.dropFirst())
            switch directive {
            case "size", "resize":
                let parts = arguments.first?.split(separator: "x").compactMap { Int($0) } ?? []
                guard parts.count == 2 else { throw ParseError(line: index + 1, message: "write the size as 80x24") }
                if directive == "size" {
                    (width, height) = (parts[0], parts[1])
                } else {
                    steps.append(.input([.resize(width: parts[0], height: parts[1])]))
                }
            case "refresh":
                guard let seconds = arguments.first.flatMap({ Int($0) }), seconds > 0 else {
                    throw ParseError(line: index + 1, message: "write refresh and a number of seconds")
                }
                refreshSeconds = seconds
            case "keys":
                for name in arguments {
                    guard let key = Key(name: name) else {
                        throw ParseError(line: index + 1, message: "no key is called \(name)")
                    }
                    steps.append(.input([.key(key)]))
                }
            case "type":
                let text = line.dropFirst("type ".count)
                steps += text.map { .input([.key(.character($0))]) }
            case "click", "doubleclick", "wheel":
                var words = arguments[...]
                var kind: MouseEvent.Kind = directive == "click" ? .click : .doubleClick
                if directive == "wheel" {
                    switch words.popFirst() {
                    case "up": kind = .wheelUp
                    case "down": kind = .wheelDown
                    default: throw ParseError(line: index + 1, message: "write wheel up or wheel down")
                    }
                }
                guard words.count == 2, let x = Int(words[words.startIndex]), let y = Int(words[words.startIndex + 1])
                else {
                    throw ParseError(line: index + 1, message: "write the cell as column and row: \(directive) 12 7")
                }
                steps.append(.input([.mouse(MouseEvent(kind, x: x, y: y))]))
            case "stale-after":
                guard let seconds = arguments.first.flatMap(Freshness.parseDuration) else {
                    throw ParseError(line: index + 1, message: "write stale-after and a duration like 30m")
                }
                staleAfterSeconds = seconds
            case "rotate":
                guard let seconds = arguments.first.flatMap({ Int($0) }), seconds > 0 else {
                    throw ParseError(line: index + 1, message: "write rotate and a number of seconds")
                }
                rotateSeconds = seconds
            case "wait":
                guard let milliseconds = arguments.first.flatMap({ Int($0) }), milliseconds > 0 else {
                    throw ParseError(line: index + 1, message: "write wait and a number of milliseconds")
                }
                steps.append(.pause(milliseconds: milliseconds))
            default:
                throw ParseError(line: index + 1, message: "unknown directive \(directive)")
            }
        }
    }

    /// The script's text with `frame` as its expected frame.
    func text(withFrame frame: [String]) -> String {
        (header + [Self.frameMarker] + frame).joined(separator: "\n") + "\n"
    }
}
