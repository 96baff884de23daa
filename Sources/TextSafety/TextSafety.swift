/// The one rule set for text that did not come from this program: which
/// Unicode scalars are unsafe and what replaces them. No dependencies, so
/// every layer can share it.
///
/// Who owns what:
/// - The statistics core (`CongDanSoCore`, `TextSanitizer`) cleans data at
///   ingest: names, former provinces, districts and the title from files
///   and options are cleaned once, at load, with a warning naming the row.
/// - The commands make what they print safe at output: every path, title,
///   option value and message written to a terminal goes through `clean`
///   (file names are untrusted too: a snapshot named with an OSC sequence
///   must not retitle the terminal).
/// - The dashboard's cell buffer applies the same rules to every cell as the
///   last guard, so nothing that slipped past the other two reaches the
///   screen raw.
public enum TextSafety {
    /// What becomes of one scalar.
    public enum Action: Sendable, Equatable {
        /// Safe as it is.
        case keep
        /// A line or tab break: becomes one space, so a message stays on its line.
        case space
        /// Unsafe or invisible: becomes `replacement`, so it shows without acting.
        case replace
    }

    /// What stands in for an unsafe scalar: U+FFFD "�".
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// The rules:
    /// - tab, line feed, carriage return, line and paragraph separators → space;
    /// - C0 controls, DEL, C1 controls (U+0080–U+009F: a C1 CSI starts an
    ///   escape sequence on some terminals) → replacement;
    /// - bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E,
    ///   U+2066–U+2069), which reorder what follows → replacement;
    /// - every other format character (Cf) and every default-ignorable code
    ///   point — zero-width space, word joiner, BOM, soft hyphen, the Hangul
    ///   fillers U+115F, U+1160, U+3164, U+FFA0, Mongolian and Khmer
    ///   invisibles — which show nothing and so can make two names look
    ///   alike or a name look empty → replacement;
    /// - except the invisible scalars that real text needs and that move
    ///   nothing: zero-width non-joiner and joiner (scripts, emoji), the
    ///   variation selectors (emoji presentation) and the tag characters of
    ///   subdivision flags. Kept.
    public static func action(for scalar: Unicode.Scalar) -> Action {
        let v = scalar.value
        // Fast paths: printable ASCII and the Vietnamese letters.
        if v >= 0x20 && v < 0x7F { return .keep }
        if (0xC0...0x1B0).contains(v) || (0x1EA0...0x1EF9).contains(v) { return .keep }
        switch v {
        case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: return .space
        case 0x00..<0x20, 0x7F...0x9F: return .replace
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return .replace
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0xE0020...0xE007F: return .keep
        default:
            if v < 0xA0 { return .keep }
            let p = scalar.properties
            return p.generalCategory == .format || p.isDefaultIgnorableCodePoint ? .replace : .keep
        }
    }

    /// Whether `clean` would leave the text as it is.
    public static func isSafe(_ s: String) -> Bool {
        for scalar in s.unicodeScalars where action(for: scalar) != .keep { return false }
        return true
    }

    /// The text with every unsafe scalar replaced (see `action(for:)`).
    /// Returns `s` itself, uncopied, when nothing needs replacing.
    public static func clean(_ s: String) -> String {
        if isSafe(s) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch action(for: scalar) {
            case .keep: out.append(scalar)
            case .space: out.append(" ")
            case .replace: out.append(replacement)
            }
        }
        return String(out)
    }
}
