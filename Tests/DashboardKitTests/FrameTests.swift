import CongDanSoCore
import Testing

@testable import DashboardKit

/// Golden frames: the rendered text at fixed sizes, data and clock.
/// Review them by eye in Golden/*.txt; `UPDATE_GOLDEN=1` rewrites them.
@Suite struct FrameTests {
    @Test func table120x40() {
        expectGolden("table-120x40", render(Fixtures.state(width: 120, height: 40), width: 120, height: 40))
    }

    @Test func table80x24() {
        expectGolden("table-80x24", render(Fixtures.state(width: 80, height: 24), width: 80, height: 24))
    }

    @Test func tableMinimum40x10() {
        let s = Fixtures.state(width: 40, height: 10)
        expectGolden("table-40x10", render(s, width: DashboardState.minimumWidth, height: DashboardState.minimumHeight))
    }

    @Test func tooSmall() {
        let s = Fixtures.state(width: 30, height: 8)
        let buffer = render(s, width: 30, height: 8)
        expectGolden("too-small-30x8", buffer)
        #expect(buffer.text().contains("Cửa sổ quá nhỏ: 30×8,"))
        #expect(buffer.text().contains("cần tối thiểu 40×10"))
        let english = render(Fixtures.state(width: 39, height: 10, language: .en), width: 39, height: 10)
        #expect(english.text().contains("need at least 40×10"))
        let wideEnough = render(Fixtures.state(), width: 100, height: 9)
        #expect(wideEnough.text().contains("Cửa sổ quá nhỏ: 100×9, cần tối thiểu 40×10"))
    }

    @Test func oneByOne() {
        let buffer = render(Fixtures.state(width: 1, height: 1), width: 1, height: 1)
        expectGolden("one-by-one", buffer)
        #expect(buffer.width == 1 && buffer.height == 1)
        #expect(buffer.lines() == ["C"])
    }

    @Test func zeroSizes() {
        let s = Fixtures.state()
        for (w, h) in [(0, 0), (0, 24), (80, 0), (-5, -3)] {
            let buffer = render(s, width: w, height: h)
            #expect(buffer.width == max(0, w) && buffer.height == max(0, h))
        }
    }

    @Test func detail120x40() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .down, .down, .enter)
        expectGolden("detail-120x40", render(s, width: 120, height: 40))
    }

    @Test func detail80x24() {
        var s = Fixtures.state(width: 80, height: 24)
        press(&s, .character("G"), .enter)
        expectGolden("detail-80x24", render(s, width: 80, height: 24))
    }

    @Test func summary80x24() {
        var s = Fixtures.state(width: 80, height: 24)
        press(&s, .tab)
        expectGolden("summary-80x24", render(s, width: 80, height: 24))
    }

    @Test func help80x24() {
        var s = Fixtures.state(width: 80, height: 24)
        press(&s, .character("?"))
        expectGolden("help-80x24", render(s, width: 80, height: 24))
    }

    @Test func filtering80x24() {
        var s = Fixtures.state(width: 80, height: 24)
        press(&s, .character("/"))
        type(&s, "do son")
        expectGolden("filtering-80x24", render(s, width: 80, height: 24))
    }

    @Test func english120x40() {
        var s = Fixtures.state(width: 120, height: 40, language: .en)
        press(&s, .character("t"), .character(">"))
        expectGolden("table-en-120x40", render(s, width: 120, height: 40))
    }

    @Test func stale80x24() {
        var s = Fixtures.state(width: 80, height: 24)
        _ = update(
            &s,
            .loadFailed(
                "units.csv:12:3: population is not a number",
                at: Timestamp.from(year: 2025, month: 10, day: 22, hour: 16, minute: 1, offset: .vietnam)))
        expectGolden("stale-80x24", render(s, width: 80, height: 24))
    }

    @Test func ascii80x24() {
        expectGolden(
            "table-ascii-80x24", render(Fixtures.state(width: 80, height: 24, ascii: true), width: 80, height: 24))
    }

    @Test func asciiDetail80x24() {
        var s = Fixtures.state(width: 80, height: 24, ascii: true)
        press(&s, .enter)
        expectGolden("detail-ascii-80x24", render(s, width: 80, height: 24))
    }

    /// The selection is drawn in reverse video across the row; the top ten
    /// carry ▲ and a colour, the bottom ten ▼ and another.
    @Test func selectionAndBandStyles() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .down)
        let buffer = render(s, width: 120, height: 40)
        let selectedY = 6, otherY = 5
        for x in 0..<120 {
            #expect(buffer[x, selectedY].style.attributes.contains(.reverse))
            #expect(!buffer[x, otherY].style.attributes.contains(.reverse))
        }
        #expect(buffer[1, 5].text == "▲")
        #expect(buffer[1, 5].style.background == .green)
        press(&s, .character("G"))
        let bottom = render(s, width: 120, height: 40)
        let last = bottom.lines()[36]
        #expect(last.contains("Bạch Long Vĩ"))
        #expect(bottom[1, 36].text == "▼")
        #expect(bottom[1, 36].style.background == .red)
        // Band markers do not depend on sort or filter.
        press(&s, .character("r"), .home)
        let reversed = render(s, width: 120, height: 40)
        #expect(reversed.lines()[5].hasPrefix(" ▼ 114"))
    }

    /// Every size from nothing to huge, on every screen: no crash, exact widths.
    @Test func anySize() {
        var routes: [DashboardState] = []
        var s = Fixtures.state()
        routes.append(s)
        press(&s, .enter); routes.append(s)
        press(&s, .escape, .tab); routes.append(s)
        press(&s, .character("?")); routes.append(s)
        var f = Fixtures.state(); press(&f, .character("/")); type(&f, "an"); routes.append(f)
        let widths = [0, 1, 2, 3, 7, 20, 39, 40, 41, 45, 52, 60, 66, 79, 80, 81, 100, 120, 160, 250]
        let heights = [0, 1, 2, 3, 9, 10, 11, 15, 16, 24, 40, 70]
        for state in routes {
            for w in widths {
                for h in heights {
                    var sized = state
                    _ = update(&sized, .resize(width: w, height: h))
                    let buffer = render(sized, width: w, height: h)
                    #expect(buffer.width == w && buffer.height == h)
                    for line in buffer.lines() where TextWidth.of(line) != w {
                        Issue.record("\(w)x\(h) \(state.route): line is \(TextWidth.of(line)) wide: \(line)")
                    }
                }
            }
        }
    }

    /// Columns give way in the documented order as the width shrinks.
    @Test func columnsGiveWayByPriority() {
        func header(_ w: Int) -> String {
            render(Fixtures.state(width: w, height: 24), width: w, height: 24).lines()[4]
        }
        let wide = header(120)
        for h in [
            "#", "Đơn vị", "Loại", "Đăng ký▼", "Hoàn thành", "Tỷ lệ HT", "Độ phủ", "+24h ĐK", "+24h HT", "10 ngày",
        ] {
            #expect(wide.contains(h), "\(h) at 120")
        }
        let at80 = header(80)
        #expect(!at80.contains("10 ngày") && !at80.contains("+24h HT"))
        // The rank movement (issue 11) stays at 80; coverage gives way before it.
        #expect(at80.contains("↕24h") && at80.contains("+24h ĐK") && !at80.contains("Độ phủ"))
        #expect(header(100).contains("Độ phủ"))
        let at60 = header(60)
        #expect(!at60.contains("Độ phủ") && !at60.contains("+24h ĐK"))
        #expect(at60.contains("Loại") && at60.contains("Tỷ lệ HT"))
        let at40 = header(40)
        #expect(at40.contains("Đơn vị") && at40.contains("Đăng ký▼"))
        #expect(!at40.contains("Loại"))
        // The name column never gets narrower than 10.
        let row = render(Fixtures.state(width: 40, height: 10), width: 40, height: 10).lines()[4]
        #expect(row.contains("Tứ Kỳ"))
    }
}
