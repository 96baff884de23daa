import Foundation

/// Vietnamese text helpers that the statistics core needs: normalisation,
/// search folding and name-matching keys. Pure functions, no locale data.
public enum VietnameseText {
    /// Canonical composition (NFC). Data is normalised once, at load.
    public static func nfc(_ s: String) -> String {
        // Fast path: text made only of scalars below U+0300 (ASCII, Latin-1,
        // Latin Extended) and precomposed Vietnamese letters (U+1E00–U+1EFF),
        // with no combining mark, is already NFC.
        if s.unicodeScalars.allSatisfy({ $0.value < 0x300 || (0x1E00..<0x1F00).contains($0.value) }) { return s }
        return s.precomposedStringWithCanonicalMapping
    }

    /// A search key: lower case, no diacritics, `đ` folded to `d`, runs of
    /// white space collapsed to one space, trimmed, the apostrophes
    /// (’ ‘ ʼ ') folded to `'` and the dashes (– — ‑ ‐ −) to `-`.
    /// `"Đồ Sơn"` → `"do son"`, `"M’Drắk"` → `"m'drak"`,
    /// `"Chân Mây – Lăng Cô"` → `"chan may - lang co"`.
    public static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                // ASCII: the common case, without Unicode property look-ups.
                if v == 0x20 || (0x09...0x0D).contains(v) { pendingSpace = !out.isEmpty; continue }
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append((0x41...0x5A).contains(v) ? Unicode.Scalar(v + 0x20)! : scalar)
                continue
            }
            if scalar.properties.isWhitespace { pendingSpace = !out.isEmpty; continue }
            if let same = punctuationTwins[v] {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(same)
                continue
            }
            // Combining marks carry the tones and the hat/breve/horn: drop them.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            if let base = foldedLatin[v] { out.append(base); continue }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { out.append(lower) }
        }
        return String(out)
    }

    /// Apostrophes and dashes that names are written with, folded to their
    /// ASCII twin: "M’Drắk" and "M'Drắk", "Chân Mây – Lăng Cô" and
    /// "Chân Mây - Lăng Cô" are the same name typed differently.
    static let punctuationTwins: [UInt32: Unicode.Scalar] = [
        0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x2032: "'", 0x00B4: "'",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
    ]

    /// Replaces the apostrophe and dash variants by `'` and `-`.
    static func unifyPunctuation(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { punctuationTwins[$0.value] != nil }) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { out.append(punctuationTwins[scalar.value] ?? scalar) }
        return String(out)
    }

    /// Precomposed Latin letters (Vietnamese among them) → their lower-case
    /// ASCII base letter; `đ`/`Đ` → `d`. Built once from the Unicode
    /// decompositions, so NFC input folds without normalising first.
    private static let foldedLatin: [UInt32: Unicode.Scalar] = {
        var table: [UInt32: Unicode.Scalar] = [0x111: "d", 0x110: "d"]
        for v in Array(UInt32(0xC0)..<0x250) + Array(UInt32(0x1E00)..<0x1F00) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            let lower = base.properties.lowercaseMapping.unicodeScalars
            if base != scalar, lower.count == 1, let l = lower.first, l.isASCII { table[v] = l }
        }
        return table
    }()

    /// A key for matching unit names written by different hands: NFC, lower
    /// case, single spaces, and the tone mark moved to the official position in
    /// `oa`, `oe`, `uy` endings (older files write "Hoà", "Thuỷ" for "Hòa", "Thủy").
    /// Diacritics are kept: "Cẩm Giang" and "Cẩm Giàng" are different units.
    /// Apostrophes and dashes are unified as in `fold` ("Ea H'leo" = "Ea H’leo").
    public static func matchKey(_ s: String) -> String {
        let words = unifyPunctuation(s).decomposedStringWithCanonicalMapping
            .lowercased()
            .split(whereSeparator: { $0.isWhitespace })
            .map { moveToneToOfficialPosition(String($0)) }
        return words.joined(separator: " ").precomposedStringWithCanonicalMapping
    }

    /// The six tone marks as combining characters (NFD).
    static let toneMarks: Set<Unicode.Scalar> = ["\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]

    /// In a word ending in `oa`, `oe` or `uy` (not after `q`), a tone on the
    /// last vowel moves to the one before it: "hoà" → "hòa", "thuỷ" → "thủy".
    private static func moveToneToOfficialPosition(_ word: String) -> String {
        // Work on scalars in NFD: base letters followed by their marks.
        var letters: [(base: Unicode.Scalar, marks: [Unicode.Scalar])] = []
        for scalar in word.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark, !letters.isEmpty {
                letters[letters.count - 1].marks.append(scalar)
            } else {
                letters.append((scalar, []))
            }
        }
        guard letters.count >= 2 else { return word }
        let last = letters.count - 1
        let first = letters[last - 1], second = letters[last]
        let pair = String(first.base) + String(second.base)
        guard ["oa", "oe", "uy"].contains(pair) else { return word }
        if first.base == "u", last >= 2, letters[last - 2].base == "q" { return word }
        guard first.marks.allSatisfy({ !toneMarks.contains($0) }),
            let tone = second.marks.first(where: { toneMarks.contains($0) })
        else { return word }
        letters[last].marks.removeAll { $0 == tone }
        letters[last - 1].marks.append(tone)
        var out = String.UnicodeScalarView()
        for letter in letters {
            out.append(letter.base)
            out.append(contentsOf: letter.marks)
        }
        return String(out)
    }
}
