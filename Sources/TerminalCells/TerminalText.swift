import Foundation
import TextSafety

/// Making untrusted text safe and aligned for a terminal.
///
/// Which layer owns what (the rules themselves are `TextSafety`'s, one set
/// for the whole program): the core cleans text from data files once, at
/// load (`TextSanitizer`, with a warning), so reports and exports are safe
/// too; the commands clean what they print; this is the last guard at the
/// cell buffer, which every string drawn passes through (`Buffer` sanitises
/// whatever is put in a cell), so nothing reaches the terminal raw even if a
/// caller forgot.
public enum TerminalText {
    /// The text by `TextSafety`'s rules: line breaks and tabs become a
    /// space; controls, bidi controls and invisible characters become
    /// U+FFFD "�". Printable ASCII comes back unchanged without copying.
    public static func sanitize(_ s: String) -> String {
        if TextWidth.printableASCIICount(s) != nil { return s }
        return TextSafety.clean(s)
    }

    // MARK: - NFC

    /// `s` in Unicode normalisation form C (composed), as cells store it.
    public static func nfc(_ s: String) -> String {
        if TextWidth.printableASCIICount(s) != nil { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// One cluster in NFC. A single scalar is already composed except for the
    /// few with a singleton decomposition, so Foundation is only called when
    /// it can change something.
    static func nfc(cluster c: Character) -> String {
        let scalars = c.unicodeScalars
        if scalars.count == 1, let only = scalars.first, !hasSingletonDecomposition(only) {
            return String(c)
        }
        return String(c).precomposedStringWithCanonicalMapping
    }

    private static func hasSingletonDecomposition(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0340, 0x0341, 0x0343, 0x0374, 0x037E, 0x0387,
            0x1F71...0x1FFD, 0x2000, 0x2001, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A,
            0xF900...0xFAFF, 0x2F800...0x2FA1F:
            return true
        default:
            return false
        }
    }

    // MARK: - ASCII

    /// Transliterates to printable ASCII, keeping every cluster's display
    /// width: Vietnamese loses its diacritics ("Tứ Kỳ" → "Tu Ky",
    /// "Đồ Sơn" → "Do Son"), box-drawing and block glyphs become `- | + #`,
    /// arrows and triangles `< > ^ v`, anything else `?` (`??` when wide).
    /// The result is sanitised.
    public static func ascii(_ s: String) -> String {
        if TextWidth.printableASCIICount(s) != nil { return s }
        var out = ""
        for c in sanitize(s) {
            let w = TextWidth.cluster(c)
            if w == 0 { continue }
            out += ascii(cluster: c, width: w)
        }
        return out
    }

    /// The ASCII stand-in for one cluster: exactly `width` (1 or 2) characters.
    public static func ascii(cluster c: Character, width: Int) -> String {
        let columns = max(1, min(2, width))
        if let byte = c.asciiValue, byte >= 0x20, byte < 0x7F {
            return columns == 1 ? String(c) : String(c) + " "
        }
        guard let first = c.unicodeScalars.first else { return String(repeating: " ", count: columns) }
        if let glyph = asciiGlyph(first) {
            return columns == 1 ? String(glyph) : String(glyph) + " "
        }
        // Compatibility decomposition without marks: "ứ" → "u", "Ａ" → "A".
        var letters = ""
        for scalar in String(c).decomposedStringWithCompatibilityMapping.unicodeScalars {
            if let glyph = asciiGlyph(scalar) {
                letters.unicodeScalars.append(glyph)
                continue
            }
            if scalar.value >= 0x20, scalar.value < 0x7F {
                letters.unicodeScalars.append(scalar)
            } else if !isMark(scalar) {
                letters = ""
                break
            }
        }
        if !letters.isEmpty, letters.count <= columns {
            return letters + String(repeating: " ", count: columns - letters.count)
        }
        return String(repeating: "?", count: columns)
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return TextWidth.isZeroWidth(scalar)
        }
    }

    /// Hand-picked stand-ins for letters without a decomposition and for the
    /// glyphs dashboards draw.
    static func asciiGlyph(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        // Letters that do not decompose.
        case 0x0110: return "D"  // Đ
        case 0x0111: return "d"  // đ
        case 0x00D0: return "D"  // Ð (often mistaken for Đ)
        case 0x0189: return "D"  // Ɖ
        case 0x00D8: return "O"
        case 0x00F8: return "o"
        case 0x0141: return "L"
        case 0x0142: return "l"
        case 0x00DF, 0x1E9E: return "s"
        case 0x0131: return "i"
        case 0x00C6: return "A"
        case 0x00E6: return "a"
        case 0x0152: return "O"
        case 0x0153: return "o"
        // Spaces and punctuation.
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x2010...0x2015, 0x2212, 0x2043: return "-"
        case 0x2018...0x201B, 0x2032, 0x00B4: return "'"
        case 0x201C...0x201F, 0x2033: return "\""
        case 0x2026, 0x22EF: return "~"
        case 0x00AB, 0x2039: return "<"
        case 0x00BB, 0x203A: return ">"
        case 0x00D7: return "x"
        case 0x00F7: return "/"
        case 0x00B0: return "o"
        case 0x00B1: return "+"
        case 0x2264: return "<"
        case 0x2265: return ">"
        case 0x2030: return "%"
        case 0x20AB: return "d"  // ₫
        case 0x00B7, 0x2219, 0x22C5: return "."
        case 0x2022, 0x25CF, 0x25C6, 0x2605, 0x25C9: return "*"
        case 0x25CB, 0x25CE, 0x25E6: return "o"
        case 0x2713, 0x2714: return "v"
        case 0x2717, 0x2718: return "x"
        case 0xFFFD: return "?"
        // Arrows and triangles.
        case 0x2190, 0x25C0, 0x25C2, 0x25C4, 0x25C1, 0x25C3: return "<"
        case 0x2192, 0x25B6, 0x25B8, 0x25BA, 0x25B7, 0x25B9: return ">"
        case 0x2191, 0x25B2, 0x25B3, 0x25B4, 0x25B5: return "^"
        case 0x2193, 0x25BC, 0x25BD, 0x25BE, 0x25BF: return "v"
        case 0x2194: return "-"
        case 0x2195: return "|"
        // Box drawing.
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550,
            0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551,
            0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
            return "|"
        case 0x2571: return "/"
        case 0x2572: return "\\"
        case 0x2573: return "X"
        case 0x2500...0x257F: return "+"  // corners, tees, crosses, arcs
        // Block elements: gauges and sparklines.
        case 0x2581: return "_"
        case 0x2582: return "."
        case 0x2583: return ":"
        case 0x2584: return "-"
        case 0x2585: return "="
        case 0x2586: return "+"
        case 0x2587: return "*"
        case 0x2580, 0x2588...0x258C, 0x2590, 0x2593, 0x2596...0x259F, 0x25A0: return "#"
        case 0x258D...0x258F, 0x2591: return "."
        case 0x2592: return ":"
        case 0x2594: return "-"
        case 0x2595: return "|"
        default: return nil
        }
    }
}
