import CongDanSoCore
import TerminalCells
import Testing

@testable import DashboardKit

/// The palettes: the default and the light one never put white, bright
/// white or yellow text on the terminal's own background (it vanishes on
/// xterm's white), on any screen; the others do what their names say.
@Suite struct ThemeTests {
    /// Every screen once: table (top and bottom), filter prompt, search
    /// prompt, detail, summary, help, paused, stale.
    static func screens(_ theme: ThemeName) -> [Buffer] {
        var s = Fixtures.state(width: 120, height: 40)
        s.theme = theme
        var out: [Buffer] = [render(s, width: 120, height: 40)]
        func shot(_ keys: Key...) {
            for k in keys { _ = update(&s, .key(k)) }
            out.append(render(s, width: 120, height: 40))
        }
        shot(.character("G"))
        shot(.character("/"), .character("d"))
        shot(.escape, .character("s"), .character("t"))
        shot(.enter, .enter)
        shot(.escape, .tab)
        shot(.escape, .character("?"))
        shot(.escape, .character("p"))
        _ = update(&s, .loadFailed("disk gone", at: Fixtures.clock))
        out.append(render(s, width: 120, height: 40))
        return out
    }

    static let unreadableOnLight: Set<Color> = [.white, .brightWhite, .yellow, .brightYellow]
    /// Text colours that fade on white or sink into black in xterm's palette.
    static let unreadableOnOne: Set<Color> = unreadableOnLight.union([
        .green, .brightGreen, .cyan, .brightCyan, .blue, .brightBlue,
    ])

    /// Block glyphs (gauge, bars, sparklines) are areas, not text.
    static func isText(_ s: String) -> Bool {
        !s.unicodeScalars.contains { (0x2580...0x259F).contains($0.value) }
    }

    @Test func theDefaultTextKeepsItsContrastOnBlackAndWhite() {
        for (i, buffer) in Self.screens(.standard).enumerated() {
            for y in 0..<buffer.height {
                for x in 0..<buffer.width {
                    let cell = buffer[x, y]
                    guard cell.style.background == .terminalDefault, Self.isText(cell.text), cell.text != " " else {
                        continue
                    }
                    #expect(
                        !Self.unreadableOnOne.contains(cell.style.foreground),
                        "screen \(i) cell \(x),\(y) '\(cell.text)': \(cell.style.foreground)")
                }
            }
        }
    }

    @Test(arguments: [ThemeName.standard, .light, .highContrast, .mono])
    func noWhiteOrYellowOnTheDefaultBackground(_ theme: ThemeName) {
        for (i, buffer) in Self.screens(theme).enumerated() {
            for y in 0..<buffer.height {
                for x in 0..<buffer.width {
                    let style = buffer[x, y].style
                    let onDefault = style.background == .terminalDefault && !style.attributes.contains(.reverse)
                    #expect(
                        !(onDefault && Self.unreadableOnLight.contains(style.foreground)),
                        "\(theme) screen \(i) cell \(x),\(y) '\(buffer[x, y].text)': \(style.foreground)")
                }
            }
        }
    }

    @Test func theDarkThemeKeepsItsBrightColours() {
        let colours = Set(
            Self.screens(.dark).flatMap { b in
                (0..<b.height).flatMap { y in (0..<b.width).map { b[$0, y].style.foreground } }
            })
        #expect(colours.contains(.brightWhite))
        #expect(colours.contains(.yellow))
    }

    @Test func monoAndHighContrastHaveNoDimText() {
        for theme in [ThemeName.mono, .highContrast] {
            for buffer in Self.screens(theme) {
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width where theme == .mono {
                        #expect(buffer[x, y].style.foreground == .terminalDefault)
                    }
                }
            }
        }
        for buffer in Self.screens(.highContrast) {
            for y in 0..<buffer.height {
                for x in 0..<buffer.width {
                    #expect(!buffer[x, y].style.attributes.contains(.dim))
                    #expect(buffer[x, y].style.foreground != .brightBlack)
                }
            }
        }
    }

    @Test func theTitleIsBoldInTheTerminalsOwnColour() {
        let s = Fixtures.state(width: 120, height: 40)
        let buffer = render(s, width: 120, height: 40)
        #expect(buffer[1, 0].style == Style(attributes: .bold))
    }

    @Test func themeNamesAreTheOptionWords() {
        #expect(ThemeName.allCases.map(\.rawValue) == ["default", "dark", "light", "high-contrast", "mono"])
    }
}
