import CongDanSoCore

/// A run of text in one role.
struct Span: Sendable {
    var text: String
    var role: Role

    init(_ text: String, _ role: Role = .plain) {
        self.text = text; self.role = role
    }
}

/// A line made of spans.
typealias Line = [Span]

enum Align { case left, right, center }

/// Draws into a buffer with the state's theme, glyphs, language and ASCII
/// mode. Every piece of text goes through `Buffer.write` (which sanitises)
/// and is measured with `TextWidth`, so names from data keep the grid
/// aligned whatever they contain; in ASCII mode text is transliterated
/// first ("Tứ Kỳ" → "Tu Ky").
struct Painter {
    var buffer: Buffer
    let theme: Theme
    let glyphs: Glyphs
    let lang: Language
    let ascii: Bool

    init(
        width: Int, height: Int, colorEnabled: Bool, ascii: Bool, language: Language,
        theme themeName: ThemeName = .standard
    ) {
        buffer = Buffer(width: width, height: height)
        theme = Theme(name: themeName, color: colorEnabled)
        glyphs = ascii ? .ascii : .unicode
        lang = language
        self.ascii = ascii
    }

    var width: Int { buffer.width }
    var height: Int { buffer.height }

    func style(_ role: Role) -> Style { theme.style(role) }

    /// The text as it will be drawn: ASCII-folded in ASCII mode.
    func shown(_ s: String) -> String { ascii ? TerminalText.ascii(s) : s }

    /// A fixed label in the current language.
    func label(_ l: Label) -> String { l.text(lang) }

    /// Writes `text` at (x, y), clipped to `maxWidth` columns (with an
    /// ellipsis when cut). Returns the columns used.
    @discardableResult
    mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int, _ role: Role = .plain) -> Int {
        guard maxWidth > 0 else { return 0 }
        let clipped = TextWidth.clip(shown(text), to: maxWidth, ascii: ascii)
        return buffer.write(clipped, x: x, y: y, maxWidth: maxWidth, style: style(role))
    }

    /// Writes `text` aligned in a cell of exactly `width` columns, clipped
    /// with an ellipsis when too wide. The text is measured once (pass
    /// `knownWidth` when it is cached, and `shownText` when it is already
    /// in its ASCII form). Cells are drawn on a cleared area: the padding
    /// is left as it is.
    mutating func cell(
        _ text: String, x: Int, y: Int, width: Int, align: Align = .left, _ role: Role = .plain,
        knownWidth: Int? = nil, alreadyShown: Bool = false
    ) {
        guard width > 0 else { return }
        var s = alreadyShown ? text : shown(text)
        var w = knownWidth ?? TextWidth.of(s)
        if w > width {
            s = TextWidth.clip(s, to: width, ascii: ascii)
            w = TextWidth.of(s)
        }
        let offset: Int
        switch align {
        case .left: offset = 0
        case .right: offset = max(0, width - w)
        case .center: offset = max(0, (width - w) / 2)
        }
        buffer.write(s, x: x + offset, y: y, maxWidth: width - offset, style: style(role))
    }

    /// Writes spans one after another from x, never past `maxWidth` columns.
    @discardableResult
    mutating func write(_ line: Line, x: Int, y: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in line {
            let room = maxWidth - used
            guard room > 0 else { break }
            used += write(span.text, x: x + used, y: y, maxWidth: room, span.role)
        }
        return used
    }

    /// A horizontal rule across `rect`'s first row.
    mutating func rule(_ rect: Rect) {
        guard !rect.isEmpty else { return }
        buffer.fill(
            Rect(x: rect.x, y: rect.y, width: rect.width, height: 1),
            with: Cell(text: glyphs.rule, style: style(.rule)))
    }

    /// Adds attributes (e.g. reverse for the selected row) across `rect`.
    mutating func emphasise(_ rect: Rect, _ attributes: TextAttributes) {
        buffer.setStyle(rect) { $0.attributes.formUnion(attributes) }
    }
}

/// Display width of a line.
func width(of line: Line) -> Int {
    line.reduce(0) { $0 + TextWidth.of($1.text) }
}

/// The first candidate that fits in `width` columns, else the last one
/// (which the drawing then clips). Used to let labels give way on narrow
/// terminals: candidates go from richest to barest.
func firstFitting(_ candidates: [Line], width: Int) -> Line {
    candidates.first { DashboardKit.width(of: $0) <= width } ?? candidates.last ?? []
}

/// Joins lines with a separator span between them.
func joined(_ parts: [Line], separator: String) -> Line {
    var out: Line = []
    for (i, part) in parts.enumerated() {
        if i > 0 { out.append(Span(separator)) }
        out += part
    }
    return out
}
