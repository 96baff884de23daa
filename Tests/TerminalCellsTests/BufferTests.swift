import TerminalCells
import Testing

@Suite("Render: cell buffer")
struct RenderBufferTests {
    @Test func newBufferIsBlank() {
        let b = Buffer(width: 3, height: 2)
        #expect(b.width == 3 && b.height == 2)
        #expect(b.lines() == ["   ", "   "])
        #expect(b.text() == "   \n   ")
        #expect(b[1, 1] == .blank)
        #expect(Cell.blank == Cell(text: " ", style: .plain))
    }

    @Test func negativeSizesClampToEmpty() {
        var b = Buffer(width: -4, height: 3)
        #expect(b.width == 0 && b.height == 3)
        #expect(b.write("abc", x: 0, y: 0) == 0)
        #expect(b.lines() == ["", "", ""])
        let c = Buffer(width: 5, height: -1)
        #expect(c.height == 0 && c.lines().isEmpty && c.text() == "")
    }

    @Test func zeroByZeroIgnoresEverything() {
        var b = Buffer(width: 0, height: 0)
        #expect(b.write("東京", x: 0, y: 0) == 0)
        b[0, 0] = Cell("x")
        b.fill(Rect(x: 0, y: 0, width: 10, height: 10), with: Cell("#"))
        b.setStyle(Rect(x: 0, y: 0, width: 3, height: 3)) { $0.attributes.insert(.bold) }
        #expect(b[0, 0] == .blank)
        #expect(b.lines().isEmpty)
        #expect(b.changes(since: nil).isEmpty)
        #expect(b == Buffer(width: 0, height: 0))
    }

    @Test func oneByOneHoldsOneNarrowCell() {
        var b = Buffer(width: 1, height: 1)
        #expect(b.write("abc", x: 0, y: 0) == 1)
        #expect(b.lines() == ["a"])
        // A wide character cannot fit in one column: a space takes its place.
        #expect(b.write("東", x: 0, y: 0) == 1)
        #expect(b.lines() == [" "])
        b[0, 0] = Cell("😀")
        #expect(b[0, 0].text == " ")
        #expect(b.changes(since: nil).count == 1)
    }

    @Test func writeReturnsColumnsAndStopsAtTheEdge() {
        var b = Buffer(width: 8, height: 2)
        #expect(b.write("Hải Phòng", x: 1, y: 0) == 7)
        #expect(b.lines()[0] == " Hải Phò")
        #expect(b.write("abcdef", x: 0, y: 1, maxWidth: 3) == 3)
        #expect(b.lines()[1] == "abc     ")
        #expect(b.write("x", x: 0, y: 5) == 0)
        #expect(b.write("x", x: 9, y: 0) == 0)
        #expect(b.write("xyz", x: 0, y: 1, maxWidth: 0) == 0)
        #expect(b.lines()[1] == "abc     ")
    }

    @Test func writeFromANegativeColumnSkipsTheHiddenPart() {
        var b = Buffer(width: 5, height: 1)
        #expect(b.write("abcdef", x: -2, y: 0) == 6)  // 2 hidden + 4 shown
        #expect(b.lines() == ["cdef "])
        var c = Buffer(width: 4, height: 1)
        c.write("東京", x: -1, y: 0)  // 東 straddles the left edge
        #expect(c.lines() == [" 京 "])
    }

    @Test func wideCharacterAtTheEdgeBecomesASpace() {
        var b = Buffer(width: 5, height: 1)
        #expect(b.write("ab東京", x: 0, y: 0) == 5)
        #expect(b.lines() == ["ab東 "])
        #expect(b[2, 0].text == "東")
        #expect(b[3, 0].text == "")  // continuation
        #expect(b[4, 0].text == " ")
        var c = Buffer(width: 10, height: 1)
        #expect(c.write("東京", x: 0, y: 0, maxWidth: 3) == 3)
        #expect(c.lines() == ["東        "])
        #expect(c[2, 0].text == " ")
    }

    @Test func cellsHoldNFCClusters() {
        var b = Buffer(width: 6, height: 1)
        #expect(b.write("Tu\u{031B}\u{0301} Ky\u{0300}", x: 0, y: 0) == 5)
        #expect(Array(b[1, 0].text.unicodeScalars) == ["\u{1EE9}"])
        #expect(Array(b[4, 0].text.unicodeScalars) == ["\u{1EF3}"])
        #expect(b.lines() == ["Tứ Kỳ "])
        #expect(Array(b.lines()[0].unicodeScalars) == Array("T\u{1EE9} K\u{1EF3} ".unicodeScalars))
    }

    @Test func hostileTextCannotReachTheTerminal() {
        var b = Buffer(width: 20, height: 1)
        let used = b.write("\u{1B}[2J\u{9B}1m\u{202E}ab\ncd", x: 0, y: 0)
        #expect(used == 13)
        #expect(b.lines() == ["\u{FFFD}[2J\u{FFFD}1m\u{FFFD}ab cd       "])
        b[19, 0] = Cell("\u{1B}")
        #expect(b[19, 0].text == "\u{FFFD}")
        for x in 0..<20 {
            for scalar in b[x, 0].text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                #expect(scalar.value != 0x202E)
            }
        }
    }

    @Test func zeroWidthTextIsDroppedAndInvisibleCharactersShown() {
        var b = Buffer(width: 4, height: 1)
        // A lone combining mark takes no cell; a zero-width space is one of
        // the invisible characters the shared rules show as "�" (it could
        // make two names look alike).
        #expect(b.write("\u{0301}a\u{200B}b", x: 0, y: 0) == 3)
        #expect(b.lines() == ["a\u{FFFD}b "])
        #expect(b.write("a\u{200D}b", x: 0, y: 0) == 2)
        b[3, 0] = Cell("\u{0301}")
        #expect(b[3, 0].text == " ")
        b[2, 0] = Cell("")
        #expect(b[2, 0].text == " ")  // only a wide character makes a continuation
        b[2, 0] = Cell("xyz")
        #expect(b[2, 0].text == "x")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = Buffer(width: 4, height: 1)
        b.write("東京", x: 0, y: 0)
        #expect(b.lines() == ["東京"])
        b.write("x", x: 1, y: 0)  // right half of 東
        #expect(b.lines() == [" x京"])
        b.write("y", x: 2, y: 0)  // left half of 京
        #expect(b.lines() == [" xy "])
        #expect(b[3, 0].text == " ")
        b.write("東", x: 1, y: 0)
        b.write("京", x: 2, y: 0)  // overlaps 東's right half
        #expect(b.lines() == ["  京"])
        #expect(b[1, 0].text == " " && b[2, 0].text == "京" && b[3, 0].text == "")
    }

    @Test func subscriptOutOfRangeIsBlankAndIgnored() {
        var b = Buffer(width: 2, height: 2)
        b[5, 0] = Cell("x")
        b[-1, 0] = Cell("x")
        b[0, 2] = Cell("x")
        #expect(b[5, 0] == .blank && b[-1, -1] == .blank)
        #expect(b.lines() == ["  ", "  "])
        b[1, 1] = Cell("z", style: Style(foreground: .red))
        #expect(b[1, 1] == Cell("z", style: Style(foreground: .red)))
        b[1, 0] = Cell("東")  // last column
        #expect(b[1, 0].text == " ")
    }

    @Test func fillAndSetStyle() {
        var b = Buffer(width: 5, height: 3)
        b.fill(Rect(x: 1, y: 1, width: 10, height: 1), with: Cell("-"))
        #expect(b.lines() == ["     ", " ----", "     "])
        b.fill(Rect(x: 0, y: 2, width: 5, height: 1), with: Cell("東"))
        #expect(b.lines()[2] == "東東 ")
        b.write("Tứ", x: 0, y: 0)
        b.setStyle(Rect(x: 0, y: 0, width: 5, height: 1)) { $0.attributes.insert(.reverse) }
        #expect((0..<5).allSatisfy { b[$0, 0].style.attributes == [.reverse] })
        #expect(b[0, 1].style == .plain)
        #expect(b.lines()[0] == "Tứ   ")
        // Highlighting the left half of a wide character colours both halves.
        b.setStyle(Rect(x: 0, y: 2, width: 1, height: 1)) { $0.background = .blue }
        #expect(b[0, 2].style.background == .blue && b[1, 2].style.background == .blue)
        #expect(b[2, 2].style.background == .terminalDefault)
    }

    @Test func writeAppliesTheStyle() {
        var b = Buffer(width: 6, height: 1)
        let style = Style(foreground: .brightYellow, background: .blue, attributes: [.bold, .underline])
        b.write("東a", x: 1, y: 0, style: style)
        #expect(b[0, 0].style == .plain)
        #expect(b[1, 0].style == style && b[2, 0].style == style && b[3, 0].style == style)
        #expect(b[4, 0].style == .plain)
    }

    @Test func linesShowWideCharactersOnceAndKeepTrailingSpaces() {
        var b = Buffer(width: 10, height: 2)
        b.write("東京 😀", x: 0, y: 0)
        b.write("▲  1 Tứ Kỳ", x: 0, y: 1)
        #expect(b.lines() == ["東京 😀   ", "▲  1 Tứ Kỳ"])
        #expect(b.lines().map(TextWidth.of) == [10, 10])
    }

    @Test func changesReportOnlyDifferences() {
        var old = Buffer(width: 4, height: 2)
        old.write("abcd", x: 0, y: 0)
        var new = old
        #expect(new.changes(since: old).isEmpty)
        new.write("X", x: 2, y: 1)
        let changes = new.changes(since: old)
        #expect(changes.count == 1)
        #expect(changes.first?.x == 2 && changes.first?.y == 1 && changes.first?.cell == Cell("X"))

        var styled = old
        styled.setStyle(Rect(x: 1, y: 0, width: 1, height: 1)) { $0.attributes = [.bold] }
        #expect(styled.changes(since: old).map { $0.x } == [1])

        var wide = old
        wide.write("東", x: 0, y: 1)
        let wideChanges = wide.changes(since: old)
        #expect(wideChanges.map { "\($0.x),\($0.y)=\($0.cell.text)" } == ["0,1=東", "1,1="])
    }

    @Test func changesReportEverythingWithoutAComparableOldBuffer() {
        var b = Buffer(width: 3, height: 2)
        b.write("abc", x: 0, y: 0)
        #expect(b.changes(since: nil).count == 6)
        #expect(b.changes(since: Buffer(width: 2, height: 3)).count == 6)
        let order = b.changes(since: nil).map { "\($0.x)\($0.y)" }
        #expect(order == ["00", "10", "20", "01", "11", "21"])
    }

    @Test func equalityIsByContent() {
        var a = Buffer(width: 3, height: 1)
        var b = Buffer(width: 3, height: 1)
        a.write("Tu\u{031B}\u{0301}", x: 0, y: 0)
        b.write("T\u{1EE9}", x: 0, y: 0)
        #expect(a == b)
        b.write("!", x: 2, y: 0)
        #expect(a != b)
    }
}
