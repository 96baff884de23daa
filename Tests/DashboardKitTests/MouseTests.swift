import CongDanSoCore
import TerminalCells
import Testing

@testable import DashboardKit

/// The mouse: hit-testing uses the layout `render` draws with, so what a
/// click lands on is what the frame shows at that cell.
@Suite struct MouseTests {
    func click(_ s: inout DashboardState, _ x: Int, _ y: Int, _ kind: MouseEvent.Kind = .click) -> [Effect] {
        update(&s, .mouse(MouseEvent(kind, x: x, y: y)))
    }

    @Test func everyDrawnRowIsTheRowAClickSelects() {
        var s = Fixtures.state(width: 120, height: 30)
        _ = press(&s, .pageDown)
        let lines = render(s, width: 120, height: 30).lines()
        for y in 0..<30 {
            guard case .row(let index) = hitTest(s, x: 30, y: y) else { continue }
            #expect(lines[y].contains(s.rows[index].unit.name), "row \(y)")
        }
        let y = 9
        guard case .row(let index) = hitTest(s, x: 30, y: y) else {
            Issue.record("no row at \(y)")
            return
        }
        _ = click(&s, 30, y)
        #expect(s.selectedIndex == index)
        #expect(s.route == .table)
    }

    @Test func aDoubleClickOpensTheRow() {
        var s = Fixtures.state(width: 120, height: 30)
        let effects = click(&s, 30, 7, .doubleClick)
        #expect(effects.isEmpty)
        #expect(s.route == .detail(code: s.rows[2].unit.code))
    }

    @Test func aHeaderClickSortsAndASecondReverses() {
        var s = Fixtures.state(width: 120, height: 30)
        let lines = render(s, width: 120, height: 30).lines()
        let headerY = lines.firstIndex { $0.contains("Hoàn thành") && $0.contains("Loại") }!
        let x = lines[headerY].distance(
            from: lines[headerY].startIndex, to: lines[headerY].range(of: "Hoàn thành")!.lowerBound)
        #expect(hitTest(s, x: x, y: headerY) == .header(.completed))
        _ = click(&s, x, headerY)
        #expect(s.query.sort == .completed && !s.query.reversed)
        _ = click(&s, x, headerY)
        #expect(s.query.sort == .completed && s.query.reversed)
        #expect(render(s, width: 120, height: 30).lines()[headerY].contains("Hoàn thành▲"))
    }

    @Test func theWheelMovesTheSelectionAndScrollsTheHelp() {
        var s = Fixtures.state(width: 120, height: 30)
        _ = click(&s, 30, 10, .wheelDown)
        #expect(s.selectedIndex == wheelStep)
        _ = click(&s, 30, 10, .wheelUp)
        #expect(s.selectedIndex == 0)
        _ = press(&s, .character("?"))
        _ = click(&s, 30, 10, .wheelDown)
        #expect(s.helpScroll == wheelStep)
    }

    @Test func everyKeyOfTheHintBarDoesWhatTheKeyDoes() {
        for width in [80, 120, 160] {
            let s = Fixtures.state(width: width, height: 24)
            let keys = ScreenLayout(width: width, height: 24).keys
            let targets = HintBar.layout(s, lang: s.language, ascii: false, in: keys).targets
            #expect(targets.contains { $0.action == .toggleHelp })
            #expect(targets.contains { $0.action == .quit })
            let line = render(s, width: width, height: 24).lines()[23]
            for target in targets {
                #expect(hitTest(s, x: target.x, y: 23) == .hint(target.action))
                // The key's label is drawn where the target starts.
                let label = KeyTable.firstLabel(target.action, in: .table, ascii: false)!
                let drawn = String(line.dropFirst(target.x).prefix(label.count))
                #expect(drawn == label, "\(target.action) at \(target.x)")
            }
        }
        var s = Fixtures.state(width: 120, height: 24)
        let target = HintBar.layout(s, lang: s.language, ascii: false, in: ScreenLayout(width: 120, height: 24).keys)
            .targets.first { $0.action == .togglePause }!
        _ = click(&s, target.x + target.width - 1, 23)  // on the word, not the key
        #expect(s.isPaused)
        let quit = HintBar.layout(s, lang: s.language, ascii: false, in: ScreenLayout(width: 120, height: 24).keys)
            .targets.first { $0.action == .quit }!
        #expect(click(&s, quit.x, 23) == [.quit])
    }

    @Test func withTheMouseOffNothingHappens() {
        var s = Fixtures.state(width: 120, height: 30)
        s.mouseEnabled = false
        _ = click(&s, 30, 7, .doubleClick)
        _ = click(&s, 30, 7, .wheelDown)
        #expect(s.route == .table)
        #expect(s.selectedIndex == 0)
    }

    @Test func aClickOutsideAnythingOrOnATooSmallScreenIsNothing() {
        var s = Fixtures.state(width: 120, height: 30)
        #expect(hitTest(s, x: 5, y: 0) == .nothing)
        #expect(hitTest(s, x: 500, y: 500) == .nothing)
        _ = update(&s, .resize(width: 30, height: 8))
        #expect(hitTest(s, x: 3, y: 3) == .nothing)
    }
}

/// The filter and the search put whole and leading matches first.
@Suite struct SearchTests {
    @Test func aFilterPutsTheWholeNameFirst() {
        var s = Fixtures.state()
        _ = press(&s, .character("/"))
        type(&s, "do son")
        #expect(names(s) == ["Đồ Sơn", "Nam Đồ Sơn"])
        #expect(s.selectedRow?.unit.name == "Đồ Sơn")
    }

    @Test func theSearchJumpsWithoutFiltering() {
        var s = Fixtures.state()
        _ = press(&s, .function(3))
        #expect(s.keyContext == .searchInput)
        type(&s, "do son")
        #expect(s.rows.count == 114)
        #expect(s.selectedRow?.unit.name == "Đồ Sơn")
        _ = press(&s, .enter, .character("n"))
        #expect(s.selectedRow?.unit.name == "Nam Đồ Sơn")
        _ = press(&s, .character("n"))
        #expect(s.selectedRow?.unit.name == "Đồ Sơn")
        _ = press(&s, .character("N"))
        #expect(s.selectedRow?.unit.name == "Nam Đồ Sơn")
    }

    @Test func escapeGoesBackToTheRowBefore() {
        var s = Fixtures.state()
        _ = press(&s, .down, .down)
        let before = s.selectedCode
        _ = press(&s, .character("s"))
        type(&s, "cam gia")
        #expect(s.selectedCode != before)
        _ = press(&s, .escape)
        #expect(s.selectedCode == before)
        #expect(s.keyContext == .table)
    }

    @Test func matchGrades() {
        #expect(NameMatch.of("do son", "do son") == .whole)
        #expect(NameMatch.of("do son x", "do son") == .prefix)
        #expect(NameMatch.of("nam do son", "do son") == .wordPrefix)
        #expect(NameMatch.of("nam dodo son", "do son") == .inside)
        #expect(NameMatch.of("hai an", "do son") == .none)
    }
}
