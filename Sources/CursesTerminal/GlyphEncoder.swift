import CNcursesw
import TerminalCells

/// What to hand ncurses for one cell: the wide characters of its own column
/// (a spacing character and up to four combining ones, NUL-terminated), and,
/// when the buffer gave it two columns, what goes in the second column if the
/// glyph itself does not cover it.
struct Glyph {
    var characters: [wchar_t]
    var secondColumn: [wchar_t]?
}

/// Turns a buffer cell into characters the terminal will show in exactly the
/// columns the buffer planned, so the grid never drifts.
enum GlyphEncoder {
    static let replacement = wchar_t(0xFFFD)
    static let space = wchar_t(0x20)

    /// - Parameters:
    ///   - text: the cell's text (one cluster, not the continuation marker).
    ///   - width: the columns the buffer gave it (1, or 2 for a wide character
    ///     whose continuation cell follows on screen).
    ///   - ascii: the locale is not UTF-8: send printable ASCII only.
    static func encode(_ text: String, width: Int, ascii: Bool) -> Glyph {
        guard let character = text.first else { return Glyph(characters: [space, 0], secondColumn: nil) }
        if ascii {
            let stand_in = Array(TerminalText.ascii(cluster: character, width: width).unicodeScalars)
            let first = stand_in.first.map { wchar_t(bitPattern: $0.value) } ?? space
            let second = stand_in.count > 1 ? wchar_t(bitPattern: stand_in[1].value) : space
            return Glyph(characters: [first, 0], secondColumn: width == 2 ? [second, 0] : nil)
        }
        if let byte = character.asciiValue, byte >= 0x20, byte < 0x7F {
            return Glyph(characters: [wchar_t(byte), 0], secondColumn: nil)
        }

        let scalars = Array(character.unicodeScalars)
        guard let baseIndex = scalars.firstIndex(where: { !isZeroWidth($0) }) else {
            return Glyph(characters: [space, 0], secondColumn: width == 2 ? [space, 0] : nil)
        }
        let base = scalars[baseIndex]
        let libcWidth = Int(cds_wcwidth(wchar_t(bitPattern: base.value)))

        // Combining marks ncurses can attach (CCHARW_MAX = 5 in all). Stop at
        // a ZWJ: a terminal draws a joined emoji sequence part by part, each
        // part as wide as a whole emoji, which would break the grid.
        var marks: [wchar_t] = []
        for scalar in scalars[(baseIndex + 1)...] {
            if scalar.value == 0x200D { break }
            guard marks.count < 4, isCombiningMark(scalar) else { continue }
            let code = wchar_t(bitPattern: scalar.value)
            if cds_wcwidth(code) == 0 { marks.append(code) }
        }

        switch (width, libcWidth) {
        case (1, 1), (2, 2):
            return Glyph(characters: [wchar_t(bitPattern: base.value)] + marks + [0], secondColumn: nil)
        case (2, 1):
            // Wide only by its emoji selector (❤️) or presentation: draw the
            // text form in one column and pad the other. Without FE0F, so the
            // terminal does not widen it behind ncurses' back.
            let textMarks = marks.filter { $0 != 0xFE0F }
            return Glyph(characters: [wchar_t(bitPattern: base.value)] + textMarks + [0], secondColumn: [space, 0])
        default:
            // libc cannot print it, or disagrees about its width.
            return Glyph(characters: [replacement, 0], secondColumn: width == 2 ? [space, 0] : nil)
        }
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        TextWidth.cluster(Character(scalar)) == 0
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
