/// Vietnamese alphabetical order, as in dictionaries and official lists:
/// letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
/// (f j w z in their Latin places), then tones (none, huyền, hỏi, ngã, sắc,
/// nặng), then case. Spaces, punctuation, symbols and digits come before
/// every letter, in the order of ICU's root collation (space, `_ - ‐ ‑ – —
/// , ; : ! ? . ' ‘ ’ " ( )`, …, digits): "M’Drắk" before "Mai Châu", as
/// ICU's Vietnamese collation has it (checked against ICU on the 3,321 real
/// names, `tools/reference/icu-vietnamese-order.txt`). Written out because Foundation's locale collation on
/// Linux depends on ICU data that is not always present and is slow per call.
public enum VietnameseCollation {
    /// A sort key: comparing keys compares names in Vietnamese order.
    public struct Key: Comparable, Hashable, Sendable {
        let primary: [UInt32]
        let secondary: [UInt8]
        let tertiary: [UInt8]

        public static func < (a: Key, b: Key) -> Bool {
            if a.primary != b.primary { return a.primary.lexicographicallyPrecedes(b.primary) }
            if a.secondary != b.secondary { return a.secondary.lexicographicallyPrecedes(b.secondary) }
            return a.tertiary.lexicographicallyPrecedes(b.tertiary)
        }
    }

    /// Compares two strings in Vietnamese order.
    public static func areInIncreasingOrder(_ a: String, _ b: String) -> Bool {
        key(a) < key(b)
    }

    /// The sort key of a string.
    public static func key(_ s: String) -> Key {
        var primary: [UInt32] = [], secondary: [UInt8] = [], tertiary: [UInt8] = []
        for scalarGroup in letters(of: s) {
            let (weight, tone, upper) = weigh(scalarGroup)
            primary.append(weight)
            secondary.append(tone)
            tertiary.append(upper ? 1 : 0)
        }
        return Key(primary: primary, secondary: secondary, tertiary: tertiary)
    }

    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
        "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    /// Primary weights, in ICU's order of kinds: white space, then the
    /// punctuation listed in `punctuation` (in that order), then other
    /// punctuation and symbols (in code order), then digits, then the
    /// Vietnamese alphabet, then other letters (in code order).
    private static let spaceWeight: UInt32 = 0x10
    private static let punctuationBase: UInt32 = 0x100
    private static let otherSymbolBase: UInt32 = 0x1000
    private static let digitBase: UInt32 = 0x20_0000
    private static let letterBase: UInt32 = 0x30_0000
    private static let otherLetterBase: UInt32 = 0x40_0000

    /// Punctuation in ICU root collation order (CLDR's root: `_` then the
    /// dashes, then `, ; : ! ? .`, then the apostrophes and quotes, then
    /// brackets). Each is its own primary weight, as in ICU: "a-b" < "a–b".
    private static let punctuation: [Unicode.Scalar] = [
        "_", "\u{203F}", "\u{2040}", "-", "\u{FE63}", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}",
        "\u{2015}", "\u{2212}", ",", ";", ":", "!", "?", ".", "\u{2026}", "'", "\u{2018}", "\u{2019}", "\u{201A}",
        "\u{201B}", "\u{2039}", "\u{203A}", "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}",
        "\u{00BB}", "(", ")", "[", "]", "{", "}", "@", "*", "/", "\\", "&", "#", "%", "`", "^", "+", "<", "=", ">", "|",
        "~", "$",
    ]
    private static let punctuationWeights: [Unicode.Scalar: UInt32] = {
        var table: [Unicode.Scalar: UInt32] = [:]
        for (i, p) in punctuation.enumerated() { table[p] = punctuationBase + UInt32(i) }
        return table
    }()

    private static let letterWeights: [String: UInt32] = {
        var table: [String: UInt32] = [:]
        for (i, letter) in alphabet.enumerated() { table[letter] = letterBase + UInt32(i) }
        return table
    }()

    // Combining marks that make a distinct letter (ă â ê ô ơ ư) and tone marks.
    private static let letterMarks: Set<Unicode.Scalar> = ["\u{306}", "\u{302}", "\u{31B}"]
    private static let toneWeights: [Unicode.Scalar: UInt8] = [
        "\u{300}": 1, "\u{309}": 2, "\u{303}": 3, "\u{301}": 4, "\u{323}": 5,
    ]

    /// Splits NFD text into a base scalar and the marks that follow it.
    private static func letters(of s: String) -> [[Unicode.Scalar]] {
        var groups: [[Unicode.Scalar]] = []
        for scalar in s.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark, !groups.isEmpty {
                groups[groups.count - 1].append(scalar)
            } else {
                groups.append([scalar])
            }
        }
        return groups
    }

    private static func weigh(_ group: [Unicode.Scalar]) -> (UInt32, UInt8, Bool) {
        let base = group[0]
        let lowerBase = base.properties.lowercaseMapping
        let upper = lowerBase != String(base)
        var letter = lowerBase
        var tone: UInt8 = 0
        for mark in group.dropFirst() {
            if letterMarks.contains(mark) {
                letter.unicodeScalars.append(mark)
            } else if let t = toneWeights[mark] {
                tone = t
            }
        }
        let composed = letter.precomposedStringWithCanonicalMapping
        if let weight = letterWeights[composed] { return (weight, tone, upper) }
        if let weight = letterWeights[lowerBase] { return (weight, tone, upper) }
        return (otherWeight(base), tone, upper)
    }

    /// The primary weight of a scalar that is not a Vietnamese letter.
    private static func otherWeight(_ scalar: Unicode.Scalar) -> UInt32 {
        let properties = scalar.properties
        if properties.isWhitespace { return spaceWeight }
        if let weight = punctuationWeights[scalar] { return weight }
        if let digit = properties.numericType == .decimal ? properties.numericValue : nil {
            return digitBase + UInt32(max(0, min(9, digit)))
        }
        if properties.isAlphabetic { return otherLetterBase + scalar.value }
        return otherSymbolBase + scalar.value
    }
}
