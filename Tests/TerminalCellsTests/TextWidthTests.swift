import TerminalCells
import Testing

@Suite("Render: display width, clipping, padding")
struct RenderTextWidthTests {
    static let tuKyNFC = "T\u{1EE9} K\u{1EF3}"  // Tứ Kỳ, precomposed
    static let tuKyNFD = "Tu\u{031B}\u{0301} Ky\u{0300}"  // Tứ Kỳ, decomposed
    static let doSonNFC = "\u{0110}\u{1ED3} S\u{01A1}n"  // Đồ Sơn
    static let doSonNFD = "\u{0110}o\u{0302}\u{0300} So\u{031B}n"

    @Test func asciiIsOneColumnPerCharacter() {
        #expect(TextWidth.of("") == 0)
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("Hai Phong 2025") == 14)
    }

    @Test func vietnameseMeasuresTheSameInNFCAndNFD() {
        #expect(Self.tuKyNFC.unicodeScalars.count == 5)
        #expect(Self.tuKyNFD.unicodeScalars.count == 8)
        #expect(TextWidth.of(Self.tuKyNFC) == 5)
        #expect(TextWidth.of(Self.tuKyNFD) == 5)
        #expect(TextWidth.of(Self.doSonNFC) == 6)
        #expect(TextWidth.of(Self.doSonNFD) == 6)
        #expect(TextWidth.of("Công dân số Hải Phòng") == 21)
        #expect(TextWidth.of("đặc khu Bạch Long Vĩ") == 20)
    }

    @Test func eastAsianWideAndFullwidthAreTwoColumns() {
        #expect(TextWidth.of("東京") == 4)
        #expect(TextWidth.of("한국어") == 6)
        #expect(TextWidth.of("ｆｕｌｌ") == 8)
        #expect(TextWidth.of("あ") == 2)
        #expect(TextWidth.of("\u{3000}") == 2)  // ideographic space
        #expect(TextWidth.of("a東b") == 4)
        // Conjoining Hangul jamo: the leading consonant is wide, the vowel adds nothing.
        #expect(TextWidth.of("\u{1100}\u{1161}") == 2)
    }

    @Test func emojiPresentationIsTwoColumns() {
        #expect(TextWidth.of("😀") == 2)
        #expect(TextWidth.of("❤\u{FE0F}") == 2)  // text symbol + emoji selector
        #expect(TextWidth.of("❤") == 1)  // text presentation by default
        #expect(TextWidth.of("👨\u{200D}👩\u{200D}👧") == 2)  // one ZWJ sequence
        #expect(TextWidth.of("🇻🇳") == 2)  // a flag: two regional indicators
        #expect(TextWidth.of("👍🏽") == 2)  // with a skin-tone modifier
    }

    @Test func combiningMarksAndZeroWidthCharactersTakeNoColumn() {
        #expect(TextWidth.of("e\u{0301}") == 1)
        #expect(TextWidth.of("\u{0301}") == 0)
        #expect(TextWidth.of("a\u{0301}\u{0302}\u{0323}") == 1)
        // Zero-width joiner stays invisible; zero-width space is shown as "�".
        #expect(TextWidth.of("a\u{200D}b") == 2)
        #expect(TextWidth.of("a\u{200B}b") == 3)
        #expect(TextWidth.of("\u{FE0F}") == 0)
    }

    @Test func dashboardGlyphsAreOneColumn() {
        #expect(TextWidth.of("▲ ▼ █▏┃ ─") == 9)
        #expect(TextWidth.of("▁▂▃▄▅▆▇█") == 8)
        #expect(TextWidth.of("●·…") == 3)
    }

    @Test func controlsCountAsTheirReplacement() {
        #expect(TextWidth.of("a\u{1B}b") == 3)  // ESC becomes one "�"
        #expect(TextWidth.of("a\tb\nc") == 5)
        #expect(TextWidth.of("\u{202E}ab") == 3)
        #expect(TextWidth.cluster("\r\n") == 2)
    }

    @Test func clipKeepsShortTextAndMarksCuts() {
        #expect(TextWidth.clip(Self.tuKyNFC, to: 10) == Self.tuKyNFC)
        #expect(TextWidth.clip(Self.tuKyNFC, to: 5) == Self.tuKyNFC)
        #expect(TextWidth.clip("Hải Phòng", to: 5) == "Hải …")
        #expect(TextWidth.clip("Hải Phòng", to: 5, ascii: true) == "Hải ~")
        #expect(TextWidth.clip("Hải Phòng", to: 5, ellipsis: false) == "Hải P")
        #expect(TextWidth.clip("abc", to: 0) == "")
        #expect(TextWidth.clip("abc", to: -3) == "")
        #expect(TextWidth.clip("abc", to: 1) == "…")
        // NFD input is cut by clusters, never inside one.
        let clipped = TextWidth.clip(Self.tuKyNFD, to: 4)
        #expect(clipped == "Tứ …")
        #expect(TextWidth.of(clipped) == 4)
    }

    @Test func clipNeverSplitsAWideCharacter() {
        #expect(TextWidth.clip("東京都", to: 4) == "東…")  // 京 would straddle the limit
        #expect(TextWidth.of(TextWidth.clip("東京都", to: 4)) == 3)
        #expect(TextWidth.clip("東京都", to: 5) == "東京…")
        #expect(TextWidth.clip("東京都", to: 3, ellipsis: false) == "東")
        #expect(TextWidth.clip("東京都", to: 1, ellipsis: false) == "")
        #expect(TextWidth.clip("東京都", to: 6) == "東京都")
    }

    @Test func clipSanitises() {
        #expect(TextWidth.clip("a\u{1B}[2Jb", to: 10) == "a\u{FFFD}[2Jb")
        #expect(TextWidth.clip("a\nb", to: 10) == "a b")
    }

    @Test func padReachesTheExactWidth() {
        #expect(TextWidth.pad("Tứ", to: 5) == "Tứ   ")
        #expect(TextWidth.pad("Tứ", to: 5, alignRight: true) == "   Tứ")
        #expect(TextWidth.pad(Self.tuKyNFD, to: 7) == "Tứ Kỳ  ")
        #expect(TextWidth.pad("東京都", to: 4) == "東… ")
        #expect(TextWidth.pad("3.412", to: 8, alignRight: true) == "   3.412")
        #expect(TextWidth.pad("Hải Phòng", to: 5) == "Hải …")
        #expect(TextWidth.pad("x", to: 0) == "")
        for width in 0...12 {
            #expect(TextWidth.of(TextWidth.pad("東京 Tứ Kỳ 😀", to: width)) == width)
        }
    }
}
