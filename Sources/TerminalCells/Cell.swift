/// One column of the screen.
///
/// `text` is one grapheme cluster of display width 1 or 2, in NFC. A wide
/// character occupies two cells: the left one holds it and the right one
/// holds `""`, the continuation marker, which the backend never draws.
/// `Buffer` keeps that invariant whatever it is given.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(text: String = " ", style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public init(_ text: String, style: Style = .plain) {
        self.init(text: text, style: style)
    }

    /// A space in the plain style.
    public static let blank = Cell(text: " ", style: .plain)

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
