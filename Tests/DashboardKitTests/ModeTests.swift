import CongDanSoCore
import Testing

@testable import DashboardKit

@Suite struct ModeTests {
    static func allScreens(_ base: DashboardState) -> [DashboardState] {
        var out = [base]
        var s = base
        press(&s, .enter); out.append(s)
        press(&s, .escape, .tab); out.append(s)
        press(&s, .character("?")); out.append(s)
        var f = base; press(&f, .character("/")); type(&f, "do son"); out.append(f)
        var p = base; press(&p, .character("p")); _ = update(&p, .loadFailed("x", at: Fixtures.clock)); out.append(p)
        return out
    }

    @Test func colourFrameHasColours() {
        var s = Fixtures.state()
        var colours = Set<Color>()
        for _ in 0..<2 {
            let buffer = render(s, width: 120, height: 40)
            for y in 0..<40 { for x in 0..<120 { colours.insert(buffer[x, y].style.foreground) } }
            press(&s, .character("G"))
        }
        #expect(colours.contains(.green), "top ten markers")
        #expect(colours.contains(.red), "bottom ten markers")
    }

    @Test func monochromeHasNoColourAndKeepsMarkers() {
        for s in Self.allScreens(Fixtures.state(color: false)) {
            for (w, h) in [(120, 40), (80, 24), (30, 8)] {
                let buffer = render(s, width: w, height: h)
                for y in 0..<h {
                    for x in 0..<w {
                        let style = buffer[x, y].style
                        #expect(
                            style.foreground == .terminalDefault && style.background == .terminalDefault,
                            "colour at \(x),\(y) in \(s.route)")
                    }
                }
            }
        }
        var s = Fixtures.state(color: false)
        press(&s, .down)
        let buffer = render(s, width: 120, height: 40)
        #expect(buffer[1, 5].text == "▲")
        #expect(buffer[1, 5].style.attributes.contains(.bold))
        #expect(buffer[10, 6].style.attributes.contains(.reverse), "selection still shows")
        press(&s, .character("G"))
        #expect(render(s, width: 120, height: 40)[1, 36].text == "▼")
    }

    @Test func asciiHasOnlyAscii() {
        for s in Self.allScreens(Fixtures.state(ascii: true)) {
            for (w, h) in [(120, 40), (80, 24), (40, 10), (30, 8)] {
                let buffer = render(s, width: w, height: h)
                for y in 0..<h {
                    for x in 0..<w {
                        let text = buffer[x, y].text
                        #expect(
                            text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F },
                            "\(text) at \(x),\(y) in \(s.route) \(w)x\(h)")
                    }
                }
            }
        }
    }

    @Test func asciiFoldsNamesAndUsesAsciiGlyphs() {
        var s = Fixtures.state(ascii: true)
        let lines = render(s, width: 120, height: 40).lines()
        #expect(lines[5].hasPrefix(" +   1  Tu Ky "))
        #expect(lines[5].contains(" ^2 "), "the rank movement in ASCII: not the + - markers")
        #expect(lines[2].contains("[#"))
        #expect(lines[2].contains("|"))
        #expect(lines[3].allSatisfy { $0 == "-" })
        #expect(lines[4].contains("Dang ky v"))
        press(&s, .character("G"))
        let bottom = render(s, width: 120, height: 40).lines()
        #expect(bottom[36].hasPrefix(" - 114  Bach Long Vi "))
        #expect(
            render(Fixtures.state(width: 30, height: 8, ascii: true), width: 30, height: 8).text().contains(
                "Cua so qua nho: 30x8,"))
    }
}
