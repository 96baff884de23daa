import TerminalCells
import Testing

@Suite("Render: sanitising and ASCII fallback")
struct RenderTerminalTextTests {
    @Test func escapeSequencesLoseTheirEscape() {
        #expect(TerminalText.sanitize("\u{1B}[2J") == "\u{FFFD}[2J")
        #expect(TerminalText.sanitize("\u{1B}]0;pwned\u{07}") == "\u{FFFD}]0;pwned\u{FFFD}")
        #expect(TerminalText.sanitize("\u{9B}31m") == "\u{FFFD}31m")  // C1 CSI
        #expect(TerminalText.sanitize("a\u{7F}b\u{0}c") == "a\u{FFFD}b\u{FFFD}c")
        #expect(TerminalText.sanitize("\u{85}") == "\u{FFFD}")  // NEL
    }

    @Test func lineBreaksAndTabsBecomeSpaces() {
        #expect(TerminalText.sanitize("a\nb\tc\rd") == "a b c d")
        #expect(TerminalText.sanitize("a\r\nb") == "a  b")
        #expect(TerminalText.sanitize("a\u{2028}b\u{2029}c") == "a b c")
    }

    @Test func bidiAndOtherFormatControlsAreReplaced() {
        #expect(TerminalText.sanitize("\u{202E}abc\u{202C}") == "\u{FFFD}abc\u{FFFD}")
        #expect(TerminalText.sanitize("\u{2066}x\u{2069}") == "\u{FFFD}x\u{FFFD}")
        #expect(TerminalText.sanitize("\u{200E}\u{200F}\u{061C}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(TerminalText.sanitize("a\u{00AD}b") == "a\u{FFFD}b")  // soft hyphen
    }

    @Test func ordinaryTextIsUntouched() {
        #expect(TerminalText.sanitize("Hải Phòng") == "Hải Phòng")
        #expect(TerminalText.sanitize("東京 😀") == "東京 😀")
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(TerminalText.sanitize(family).unicodeScalars.count == 5)  // ZWJ kept
        #expect(TerminalText.sanitize("") == "")
    }

    @Test func sanitisedTextHasNoControls() {
        var hostile = ""
        for v in UInt32(0)...0xA0 { hostile.unicodeScalars.append(Unicode.Scalar(v)!) }
        hostile += "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}"
        let clean = TerminalText.sanitize(hostile)
        for scalar in clean.unicodeScalars {
            #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
            #expect(scalar.properties.generalCategory != .control)
            #expect(!(0x202A...0x202E).contains(scalar.value) && !(0x2066...0x2069).contains(scalar.value))
        }
    }

    @Test func nfcComposesVietnamese() {
        let nfc = TerminalText.nfc("Tu\u{031B}\u{0301} Ky\u{0300}")
        #expect(Array(nfc.unicodeScalars) == Array("T\u{1EE9} K\u{1EF3}".unicodeScalars))
    }

    @Test func asciiFoldsVietnameseAndGlyphs() {
        #expect(TerminalText.ascii("Tứ Kỳ") == "Tu Ky")
        #expect(TerminalText.ascii("Tu\u{031B}\u{0301} Ky\u{0300}") == "Tu Ky")
        #expect(TerminalText.ascii("Đồ Sơn") == "Do Son")
        #expect(TerminalText.ascii("đặc khu Bạch Long Vĩ") == "dac khu Bach Long Vi")
        #expect(TerminalText.ascii("▲ ▼ █▏┃ ─") == "^ v #.| -")
        #expect(TerminalText.ascii("┌─┬─┐") == "+-+-+")
        #expect(TerminalText.ascii("▁▂▃▄▅▆▇█") == "_.:-=+*#")
        #expect(TerminalText.ascii("1,6% · 7.200 …") == "1,6% . 7.200 ~")
    }

    @Test func asciiKeepsEveryClusterWidth() {
        #expect(TerminalText.ascii("東京") == "????")
        #expect(TerminalText.ascii("ｆ") == "f ")
        #expect(TerminalText.ascii("a😀b") == "a??b")
        #expect(TerminalText.ascii("\u{1B}x") == "?x")
        let mixed = "Tứ Kỳ 東京 ｆｕｌｌ 😀 ❤\u{FE0F} ▲"
        let folded = TerminalText.ascii(mixed)
        #expect(TextWidth.of(folded) == TextWidth.of(mixed))
        #expect(folded.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F })
    }
}
