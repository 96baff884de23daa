/// Display width of text in terminal columns, computed in pure Swift per
/// grapheme cluster (no `wcwidth`, no locale):
///
/// - 0 for a cluster made only of combining marks and zero-width characters
///   (ZWJ, ZWNJ, ZWSP, word joiner, BOM, variation selectors, Hangul medial
///   and final jamo);
/// - 2 when its first visible scalar is East Asian Wide or Fullwidth (CJK,
///   Hangul, fullwidth forms) or has emoji presentation (by default, or with
///   U+FE0F);
/// - 1 otherwise (Latin, Vietnamese, box drawing, ambiguous-width symbols).
///
/// Vietnamese in NFD measures like NFC because a base letter and its marks
/// form one cluster. Text is measured as `Buffer.write` would draw it, that is
/// after `TerminalText.sanitize`: a control character counts as the one
/// column of its U+FFFD replacement.
public enum TextWidth {
    /// Display width of `s` in columns.
    public static func of(_ s: String) -> Int {
        if let n = printableASCIICount(s) { return n }
        var total = 0
        for c in TerminalText.sanitize(s) { total += cluster(c) }
        return total
    }

    /// Display width of one grapheme cluster (0, 1 or 2), assuming sanitised text.
    public static func cluster(_ c: Character) -> Int {
        if c.isASCII {
            // "\r\n" is one cluster; sanitising turns it into two spaces.
            return c.utf8.count
        }
        var base: Unicode.Scalar?
        var emojiSelector = false
        for scalar in c.unicodeScalars {
            if isZeroWidth(scalar) {
                if scalar.value == 0xFE0F { emojiSelector = true }
                continue
            }
            if base == nil { base = scalar }
        }
        guard let base else { return 0 }
        if isWide(base) { return 2 }
        let properties = base.properties
        if properties.isEmojiPresentation { return 2 }
        if emojiSelector, properties.isEmoji { return 2 }
        return 1
    }

    /// Clips `s` to at most `width` columns. When text is cut and `ellipsis`
    /// is on, the result ends with "…" (or "~" when `ascii`) and is at most
    /// `width` wide; a wide character that would straddle the limit is dropped
    /// (the result can then be one column short: use `pad` to align).
    /// The result is sanitised.
    public static func clip(_ s: String, to width: Int, ellipsis: Bool = true, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        let clean = TerminalText.sanitize(s)
        if let n = printableASCIICount(clean), n <= width { return clean }
        if of(clean) <= width { return clean }
        let mark = ascii ? "~" : "…"
        let budget = ellipsis ? width - 1 : width
        var out = ""
        var used = 0
        for c in clean {
            let w = cluster(c)
            if used + w > budget { break }
            out.append(c)
            used += w
        }
        return ellipsis ? out + mark : out
    }

    /// Clips `s` like `clip` and pads it with spaces to exactly `width`
    /// columns (on the left when `alignRight`). The result is sanitised.
    public static func pad(
        _ s: String, to width: Int, alignRight: Bool = false, ellipsis: Bool = true, ascii: Bool = false
    ) -> String {
        guard width > 0 else { return "" }
        let clipped = clip(s, to: width, ellipsis: ellipsis, ascii: ascii)
        let missing = width - of(clipped)
        guard missing > 0 else { return clipped }
        let spaces = String(repeating: " ", count: missing)
        return alignRight ? spaces + clipped : clipped + spaces
    }

    // MARK: - Classification

    /// The byte count when `s` is printable ASCII only (the common fast path).
    static func printableASCIICount(_ s: String) -> Int? {
        var n = 0
        for byte in s.utf8 {
            guard byte >= 0x20, byte < 0x7F else { return nil }
            n += 1
        }
        return n
    }

    /// Scalars that take no column of their own.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 { return false }
        switch v {
        case 0x200B...0x200D, 0x2060, 0xFEFF: return true  // ZWSP, ZWNJ, ZWJ, WJ, BOM
        case 0xFE00...0xFE0F, 0xE0100...0xE01EF: return true  // variation selectors
        case 0xE0020...0xE007F: return true  // emoji tag characters
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true  // Hangul medial vowels, final consonants
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// East Asian Wide or Fullwidth.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        var low = 0, high = eastAsianWideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = eastAsianWideRanges[mid]
            if v < range.lowerBound {
                high = mid - 1
            } else if v > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
