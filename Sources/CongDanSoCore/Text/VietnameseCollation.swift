/// Vietnamese alphabetical order, as in dictionaries and official lists:
/// letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
/// (f j w z in their Latin places), then tones (none, huyền, hỏi, ngã, sắc,
/// nặng), then case. Written out because Foundation's locale collation on
/// Linux depends on ICU data that is not always present and is slow per call.
public enum VietnameseCollation {
    /// A sort key: comparing keys compares names in Vietnamese order.
    public struct Key: Comparable, Hashable, Sendable {
        let primary: [UInt16]
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
        var primary: [UInt16] = [], secondary: [UInt8] = [], tertiary: [UInt8] = []
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
    /// Letter weights start above every ASCII code so that spaces, digits and
    /// punctuation sort before letters, in code order.
    private static let letterWeights: [String: UInt16] = {
        var table: [String: UInt16] = [:]
        for (i, letter) in alphabet.enumerated() { table[letter] = 0x200 + UInt16(i) }
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

    private static func weigh(_ group: [Unicode.Scalar]) -> (UInt16, UInt8, Bool) {
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
        // Anything else keeps its code point order (below letters when ASCII).
        return (UInt16(truncatingIfNeeded: min(base.value, 0xFFFF)), tone, upper)
    }
}
