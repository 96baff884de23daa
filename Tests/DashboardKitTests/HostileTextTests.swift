import CongDanSoCore
import Testing

@testable import DashboardKit

/// Names from data are untrusted: escape sequences, bidi controls, line
/// breaks, NFD text, wide characters and combining marks must neither
/// reach the terminal raw nor break the grid.
@Suite struct HostileTextTests {
    static let names = [
        "\u{1B}[2J\u{1B}]0;pwned\u{07}",
        "Evil\u{202E}txt.exe",
        "a\nb\rc\td",
        "Tu\u{031B}\u{0301} Ky\u{0300}",  // Tứ Kỳ in NFD
        "東京 Đồ Sơn",
        "e\u{0301}\u{0302}\u{0303}\u{0323}x",  // stacked combining marks
        "\u{FFFD}\u{FFFD} replaced",
        "👩‍👩‍👧 family",
        "\u{0085}C1\u{009B}31m",
        "A very long unit name that goes on and on and on beyond any column",
        "Hải\u{2066}Phòng\u{2069}",
        "\u{0301}leading mark",
    ]

    static let state: DashboardState = {
        let t = Timestamp.from(year: 2025, month: 10, day: 22, hour: 15, offset: .vietnam)
        let units = names.enumerated().map { i, name in
            Unit(
                code: String(format: "%05d", 90000 + i), name: name, type: UnitType.allCases[i % 3],
                population: 1000 * (i + 1), adults: 680 * (i + 1), adultsEstimated: i % 2 == 0,
                formerProvince: ["Hải\u{1B}[2JPhòng", "東京都\u{202E}", "Hải Dương"][i % 3],
                formerDistricts: names[(i + 1) % names.count], areaKm2: 1.5,
                // Provinces too: the table's province column, the summary's groups, the f filter.
                province: ["\u{1B}[2JHà\u{202E}Nội", "東京都", names[i % names.count]][i % 3])
        }
        let histories = units.indices.map { i -> History in
            [
                Observation(
                    time: t.adding(seconds: -86_400), registered: 50 * (names.count - i),
                    completed: 20 * (names.count - i)),
                Observation(time: t, registered: 100 * (names.count - i), completed: 40 * (names.count - i)),
            ]
        }
        let config = ContestConfig(title: "\u{1B}[31mCông dân số\u{202E} 東京\nTitle\u{7}")
        let dataset = Dataset(config: config, units: units, histories: histories)
        let standings = Standings(dataset: dataset, now: Fixtures.clock)
        return DashboardState(
            standings: standings, colorEnabled: true, ascii: false, now: Fixtures.clock,
            refreshSeconds: 30, width: 120, height: 40)
    }()

    /// Every screen, including each unit's detail.
    static func screens(_ base: DashboardState) -> [DashboardState] {
        var out = [base]
        var s = base
        for _ in s.rows.indices {
            press(&s, .enter); out.append(s)
            press(&s, .escape, .down)
        }
        var t = base; press(&t, .tab); out.append(t)
        press(&t, .down, .down, .down, .down, .down); out.append(t)
        press(&t, .enter); out.append(t)
        press(&t, .tab); out.append(t)
        var h = base; press(&h, .character("?")); out.append(h)
        var f = base; press(&f, .character("/")); type(&f, "\u{1B}東\u{202E}"); out.append(f)
        var fp = base; press(&fp, .character("f")); out.append(fp)
        press(&fp, .character("f")); out.append(fp)
        var e = base; _ = update(&e, .loadFailed("boom\u{1B}[31m\nred", at: Fixtures.clock)); out.append(e)
        var x = base; press(&x, .character("e")); _ = update(&x, .exported(path: "/tmp/\u{1B}[2Jx.csv")); out.append(x)
        return out
    }

    static func check(_ buffer: Buffer) {
        for (y, line) in buffer.lines().enumerated() {
            #expect(TextWidth.of(line) == buffer.width, "row \(y) is \(TextWidth.of(line)) wide: \(line)")
        }
        for y in 0..<buffer.height {
            var x = 0
            while x < buffer.width {
                let cell = buffer[x, y]
                for scalar in cell.text.unicodeScalars {
                    let v = scalar.value
                    let control = v < 0x20 || (0x7F...0x9F).contains(v)
                    let bidi =
                        (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
                    #expect(!control && !bidi, "U+\(String(v, radix: 16)) in cell \(x),\(y)")
                }
                // A cell holds one grapheme; a continuation only follows a wide one.
                #expect(cell.text.count <= 1)
                if cell.isContinuation {
                    #expect(x > 0 && TextWidth.of(buffer[x - 1, y].text) == 2, "stray continuation at \(x),\(y)")
                }
                x += 1
            }
        }
    }

    @Test(arguments: [(120, 40), (80, 24), (40, 10), (57, 13)])
    func gridStaysAlignedAndClean(_ size: (Int, Int)) {
        for var s in Self.screens(Self.state) {
            _ = update(&s, .resize(width: size.0, height: size.1))
            Self.check(render(s, width: size.0, height: size.1))
            s.ascii = true
            let ascii = render(s, width: size.0, height: size.1)
            Self.check(ascii)
            #expect(ascii.lines().allSatisfy { $0.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } })
        }
    }

    @Test func namesAreShownNotExecuted() {
        let text = render(Self.state, width: 120, height: 40).text()
        #expect(text.contains("\u{FFFD}[2J"))
        #expect(text.contains("東京 Đồ Sơn"))
        #expect(text.contains("Tứ Kỳ"), "NFD shown composed")
        #expect(text.contains("Evil\u{FFFD}txt.exe"))
        #expect(text.contains("a b c d"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("\u{FFFD}[31mCông dân số\u{FFFD} 東京 Title\u{FFFD}"), "the title is untrusted too")
    }
}
