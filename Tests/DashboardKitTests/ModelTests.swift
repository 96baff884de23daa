import CongDanSoCore
import Testing

@testable import DashboardKit

/// Key sequences in, state out.
@Suite struct SortingTests {
    @Test func defaultIsRegisteredMostFirst() {
        let s = Fixtures.state()
        #expect(s.query.sort == .registered)
        #expect(s.query.reversed == false)
        #expect(s.rows.count == 114)
        #expect(names(s).prefix(3) == ["Tứ Kỳ", "Việt Khê", "Gia Viên"])
        #expect(names(s).last == "Bạch Long Vĩ")
        #expect(s.selectedCode == s.rows[0].unit.code)
        #expect(s.selectedIndex == 0)
        #expect(s.route == .table)
    }

    @Test func greaterAndLessCycleTheColumns() {
        var s = Fixtures.state()
        press(&s, .character(">"))
        #expect(s.query.sort == .completed)
        #expect(names(s).prefix(3) == ["Tứ Kỳ", "Gia Viên", "Việt Khê"])
        press(&s, .character(">"))
        #expect(s.query.sort == .completionRate)
        press(&s, .character("<"), .character("<"))
        #expect(s.query.sort == .registered)
        press(&s, .character("<"))
        #expect(s.query.sort == .type)
        #expect(s.rows.first?.unit.type == .xa)
        #expect(s.rows.last?.unit.type == .dacKhu)
        press(&s, .character("<"), .character("<"))
        #expect(s.query.sort == .rank)
        press(&s, .character("<"))
        #expect(s.query.sort == .completedChange24h, "wraps around to the last column")
        press(&s, .character(">"))
        #expect(s.query.sort == .rank)
        #expect(names(s).first == "Tứ Kỳ")
    }

    @Test func rReversesAndANewColumnResetsTheDirection() {
        var s = Fixtures.state()
        press(&s, .character("r"))
        #expect(s.query.reversed)
        #expect(names(s).first == "Bạch Long Vĩ")
        #expect(names(s).last == "Tứ Kỳ")
        press(&s, .character("r"))
        #expect(names(s).first == "Tứ Kỳ")
        press(&s, .character("r"), .character(">"))
        #expect(s.query.reversed == false)
    }

    @Test func sortHeaderShowsTheDirection() {
        var s = Fixtures.state(width: 120, height: 40)
        let header = { (s: DashboardState) in render(s, width: 120, height: 40).lines()[4] }
        #expect(header(s).contains("Đăng ký▼"))
        press(&s, .character("r"))
        #expect(header(s).contains("Đăng ký▲"))
        press(&s, .character(">"))
        #expect(header(s).contains("Hoàn thành▼"))
        #expect(!header(s).contains("Đăng ký▼"))
    }
}

@Suite struct FilterTests {
    @Test func doSonLeavesDoSonAndNamDoSon() {
        var s = Fixtures.state()
        press(&s, .character("/"))
        #expect(s.isEditingFilter)
        #expect(s.keyContext == .filterInput)
        type(&s, "do son")
        press(&s, .enter)
        #expect(!s.isEditingFilter)
        #expect(s.query.text == "do son")
        #expect(Set(names(s)) == ["Đồ Sơn", "Nam Đồ Sơn"])
        #expect(s.rows.count == 2)
        let status = render(s, width: 120, height: 40).lines()[38]
        #expect(status.contains("2/114"))
        #expect(status.contains("lọc: \"do son\""))
        // The filter stays after Enter, and Enter now opens the selection.
        press(&s, .enter)
        #expect(s.route == .detail(code: s.rows[0].unit.code))
    }

    @Test func filterIsLiveWhileTyping() {
        var s = Fixtures.state()
        press(&s, .character("/"))
        type(&s, "tu k")
        #expect(names(s) == ["Tứ Kỳ"])
        #expect(s.isEditingFilter)
    }

    @Test func escapeWhileTypingClears() {
        var s = Fixtures.state()
        press(&s, .character("/"))
        type(&s, "do")
        #expect(s.rows.count < 114)
        press(&s, .escape)
        #expect(!s.isEditingFilter)
        #expect(s.query.text == "")
        #expect(s.rows.count == 114)
        #expect(s.route == .table)
    }

    @Test func backspaceEdits() {
        var s = Fixtures.state()
        press(&s, .character("/"))
        type(&s, "dox")
        #expect(s.rows.isEmpty)
        press(&s, .backspace)
        #expect(s.query.text == "do")
        #expect(!s.rows.isEmpty)
        press(&s, .backspace, .backspace, .backspace)
        #expect(s.query.text == "")
        #expect(s.isEditingFilter, "backspace on an empty filter keeps the prompt open")
    }

    @Test func lettersAreTextWhileTyping() {
        var s = Fixtures.state()
        press(&s, .character("/"))
        let effects = type(&s, "qlprt")
        #expect(effects.isEmpty)
        #expect(s.query.text == "qlprt")
        #expect(s.language == .vi)
        #expect(!s.isPaused)
        #expect(press(&s, .control("c")) == [.quit], "Ctrl-C still quits")
    }

    @Test func tCyclesTheType() {
        var s = Fixtures.state()
        press(&s, .character("t"))
        #expect(s.query.type == .xa)
        #expect(s.rows.count == 67)
        #expect(s.rows.allSatisfy { $0.unit.type == .xa })
        press(&s, .character("t"))
        #expect(s.query.type == .phuong)
        #expect(s.rows.count == 45)
        press(&s, .character("t"))
        #expect(s.query.type == .dacKhu)
        #expect(Set(names(s)) == ["Cát Hải", "Bạch Long Vĩ"])
        press(&s, .character("t"))
        #expect(s.query.type == nil)
        #expect(s.rows.count == 114)
    }

    @Test func fCyclesTheFormerProvince() {
        var s = Fixtures.state()
        press(&s, .character("f"))
        #expect(s.query.formerProvince == "Hải Dương")
        #expect(s.rows.count == 64)
        press(&s, .character("f"))
        #expect(s.query.formerProvince == "Hải Phòng")
        #expect(s.rows.count == 50)
        press(&s, .character("f"))
        #expect(s.query.formerProvince == nil)
        #expect(s.rows.count == 114)
    }

    @Test func filtersCombineAndEscapeClearsThemAll() {
        var s = Fixtures.state()
        press(&s, .character("t"), .character("t"), .character("f"), .character("f"))
        #expect(s.query.type == .phuong && s.query.formerProvince == "Hải Phòng")
        #expect(s.rows.allSatisfy { $0.unit.type == .phuong && $0.unit.formerProvince == "Hải Phòng" })
        #expect(s.rows.count > 0 && s.rows.count < 45)
        press(&s, .character("/"))
        type(&s, "an")
        press(&s, .enter)
        let narrowed = s.rows.count
        #expect(narrowed > 0)
        #expect(s.rows.allSatisfy { VietnameseText.fold($0.unit.name).contains("an") })
        press(&s, .escape)
        #expect(s.query == TableQuery(sort: .registered))
        #expect(s.rows.count == 114)
    }

    @Test func filteringShowsTheFirstRowsOfTheNewOrder() {
        var s = Fixtures.state()
        press(&s, .pageDown, .down)
        #expect(s.scroll > 0)
        press(&s, .character("/"))
        type(&s, "do son")
        #expect(s.selectedIndex == 0 && s.scroll == 0)
        #expect(s.selectedRow?.unit.name == names(s)[0])
        press(&s, .escape)
        #expect(s.rows.count == 114)
        #expect(s.selectedIndex == 0 && s.scroll == 0, "clearing the filter shows the top of the table")
        #expect(s.selectedRow?.unit.name == "Tứ Kỳ")
    }

    @Test func aFollowedUnitStaysSelectedAcrossFilters() {
        var s = Fixtures.state()
        #expect(names(s)[s.selectedIndex] == "Tứ Kỳ")
        press(&s, .character("/"))
        type(&s, "do son")
        press(&s, .enter)
        let selected = s.selectedRow?.unit.name
        #expect(selected == names(s)[0])
        press(&s, .character("F"))
        #expect(s.monitor.follow)
        press(&s, .escape)
        #expect(s.rows.count == 114)
        #expect(s.selectedRow?.unit.name == selected, "a followed unit stays selected when the filter is cleared")
    }

    @Test func emptyResultKeepsTheFollowedCode() {
        var s = Fixtures.state()
        press(&s, .down, .down, .character("F"))
        let code = s.selectedCode
        press(&s, .character("/"))
        type(&s, "zzz")
        #expect(s.rows.isEmpty)
        #expect(s.selectedRow == nil)
        press(&s, .enter, .enter)
        #expect(s.route == .table, "nothing to open")
        press(&s, .escape)
        #expect(s.selectedCode == code)
        #expect(s.selectedIndex == 2)
    }
}

@Suite struct NavigationTests {
    @Test func arrowsPagesAndEnds() {
        var s = Fixtures.state(width: 80, height: 24)
        let page = s.pageSize
        #expect(page == 16)
        press(&s, .down, .character("j"))
        #expect(s.selectedIndex == 2)
        press(&s, .up)
        #expect(s.selectedIndex == 1)
        press(&s, .up, .up, .character("k"))
        #expect(s.selectedIndex == 0, "stops at the top")
        press(&s, .pageDown)
        #expect(s.selectedIndex == page)
        #expect(s.scroll == page)
        press(&s, .end)
        #expect(s.selectedIndex == 113)
        #expect(s.scroll == 114 - page)
        press(&s, .down)
        #expect(s.selectedIndex == 113, "stops at the bottom")
        press(&s, .character("g"))
        #expect(s.selectedIndex == 0)
        #expect(s.scroll == 0)
        press(&s, .character("G"), .pageUp)
        #expect(s.selectedIndex == 113 - page)
        press(&s, .home)
        #expect(s.selectedIndex == 0)
    }

    @Test func resizeChangesThePageAndKeepsTheSelectionVisible() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .character("G"))
        #expect(s.scroll == 114 - s.pageSize)
        _ = update(&s, .resize(width: 80, height: 24))
        #expect(s.pageSize == 16)
        #expect(s.scroll == 114 - 16)
        press(&s, .home)
        _ = update(&s, .resize(width: 40, height: 10))
        #expect(s.pageSize == 4)
        press(&s, .pageDown)
        #expect(s.selectedIndex == 4)
    }

    @Test func drillDownNeighboursAndBack() {
        var s = Fixtures.state(width: 80, height: 24)
        press(&s, .pageDown, .down, .down)
        let selectedIndex = s.selectedIndex, scroll = s.scroll, code = s.selectedCode!
        press(&s, .enter)
        #expect(s.route == .detail(code: code))
        #expect(s.keyContext == .detail)
        press(&s, .escape)
        #expect(s.route == .table)
        #expect(s.selectedIndex == selectedIndex)
        #expect(s.scroll == scroll)
        #expect(s.selectedCode == code)
        press(&s, .enter, .backspace)
        #expect(s.route == .table, "Backspace goes back too")
        #expect(s.selectedIndex == selectedIndex)
    }

    @Test func leftAndRightFollowTheTableOrder() {
        var s = Fixtures.state()
        press(&s, .down, .down, .enter)
        #expect(s.route == .detail(code: s.rows[2].unit.code))
        press(&s, .right)
        #expect(s.route == .detail(code: s.rows[3].unit.code))
        #expect(s.standings.figures[s.unitIndex(s.rows[3].unit.code)!].unit.name == "Trần Phú")
        press(&s, .left, .left, .left)
        #expect(s.route == .detail(code: s.rows[0].unit.code))
        press(&s, .left)
        #expect(s.route == .detail(code: s.rows[0].unit.code), "stops at the first unit")
        press(&s, .escape)
        #expect(s.selectedIndex == 0, "the table selects the unit last viewed")
        #expect(s.routes == [.table])
    }

    @Test func neighboursInAFilteredReversedTable() {
        var s = Fixtures.state()
        press(&s, .character("/"))
        type(&s, "do son")
        press(&s, .enter, .character("r"), .home, .enter)
        let first = s.rows[0].unit.code, second = s.rows[1].unit.code
        #expect(s.route == .detail(code: first))
        press(&s, .right)
        #expect(s.route == .detail(code: second))
        press(&s, .right)
        #expect(s.route == .detail(code: second), "stops at the last row")
    }

    @Test func summaryAndHelpStackAndPop() {
        var s = Fixtures.state()
        press(&s, .tab)
        #expect(s.route == .summary)
        press(&s, .character("?"))
        #expect(s.routes == [.table, .summary, .help])
        press(&s, .character("?"))
        #expect(s.route == .summary)
        press(&s, .function(1))
        #expect(s.route == .help)
        press(&s, .escape)
        #expect(s.route == .summary)
        press(&s, .tab)
        #expect(s.route == .table)
        press(&s, .escape)
        #expect(s.route == .table, "Esc at the bottom of the stack stays")
    }

    @Test func detailScrollIsClamped() {
        var s = Fixtures.state(width: 80, height: 24)
        press(&s, .enter)
        for _ in 0..<50 { press(&s, .down) }
        let limit = measure(s).maxScroll
        #expect(limit > 0, "10 days of history do not fit in 80x24")
        #expect(s.pageScroll == limit)
        press(&s, .up)
        #expect(s.pageScroll == limit - 1)
        press(&s, .right)
        #expect(s.pageScroll == 0, "a new unit starts at the top")
    }
}

@Suite struct SelectionAcrossChangesTests {
    @Test func aResortShowsTheFirstRows() {
        var s = Fixtures.state()
        press(&s, .pageDown, .down, .down)
        #expect(s.scroll > 0)
        press(&s, .character(">"))
        #expect(s.selectedIndex == 0 && s.scroll == 0)
        press(&s, .character("r"))
        #expect(s.selectedIndex == 0 && s.scroll == 0)
        #expect(s.selectedRow?.unit.name == names(s)[0])
    }

    @Test func aFollowedUnitStaysSelectedAcrossResorts() {
        var s = Fixtures.state()
        press(&s, .down, .down, .character("F"))
        #expect(s.selectedRow?.unit.name == "Gia Viên")
        press(&s, .character(">"))
        #expect(s.selectedRow?.unit.name == "Gia Viên")
        #expect(s.selectedIndex == 1, "second by completed")
        press(&s, .character("r"))
        #expect(s.selectedRow?.unit.name == "Gia Viên")
        #expect(s.selectedIndex == 112)
    }

    @Test func aLoadKeepsTheViewInPlace() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .pageDown, .down, .down)
        let (scroll, index) = (s.scroll, s.selectedIndex)
        let earlier = Timestamp.from(year: 2025, month: 10, day: 21, hour: 15, offset: .vietnam)
        let older = Standings(dataset: Fixtures.dataset, at: earlier, now: Fixtures.clock)
        _ = update(&s, .loaded(older, at: Fixtures.clock))
        #expect(s.scroll == scroll, "the view does not move by itself")
        #expect(s.selectedIndex == index, "the selection stays on its line")
        #expect(s.selectedCode == s.rows[index].unit.code)
        // The top stays the top.
        var top = Fixtures.state(width: 120, height: 40)
        _ = update(&top, .loaded(older, at: Fixtures.clock))
        #expect(top.scroll == 0 && top.selectedIndex == 0)
    }

    @Test func aFollowedUnitIsFollowedAcrossALoad() {
        var s = Fixtures.state()
        press(&s, .down, .down, .character("F"))
        let code = s.selectedCode
        // The data a day earlier: other figures, another order.
        let earlier = Timestamp.from(year: 2025, month: 10, day: 21, hour: 15, offset: .vietnam)
        let older = Standings(dataset: Fixtures.dataset, at: earlier, now: Fixtures.clock)
        let newLoad = Timestamp.from(year: 2025, month: 10, day: 22, hour: 16, minute: 1, offset: .vietnam)
        _ = update(&s, .loaded(older, at: newLoad))
        #expect(s.standings.moment == earlier)
        #expect(s.selectedCode == code)
        #expect(s.selectedRow?.unit.code == code)
        #expect(s.rows[s.selectedIndex].registered == s.standings.figures[s.unitIndex(code!)!].registered)
        #expect(s.lastLoaded == newLoad)
    }

    @Test func detailSurvivesALoad() {
        var s = Fixtures.state()
        press(&s, .down, .enter)
        let route = s.route
        _ = update(&s, .loaded(Fixtures.standings, at: Fixtures.clock))
        #expect(s.route == route)
    }
}

@Suite struct RefreshTests {
    @Test func failedReloadMarksStaleAndAGoodOneClearsIt() {
        var s = Fixtures.state(width: 120, height: 40)
        let failedAt = Timestamp.from(year: 2025, month: 10, day: 22, hour: 16, minute: 1, offset: .vietnam)
        _ = update(&s, .loadFailed("snapshots/2025-10-22T1600.csv:3:2: not a number", at: failedAt))
        #expect(s.isStale)
        #expect(s.staleSince == failedAt)
        #expect(s.standings.moment == Fixtures.standings.moment, "the last good data stays")
        #expect(s.rows.count == 114)
        let lines = render(s, width: 120, height: 40).lines()
        #expect(lines[0].contains("! lỗi đọc"))
        #expect(!lines[0].contains("trực tiếp"))
        #expect(
            lines[38].hasPrefix(
                " ! Tải lại lỗi 16:01: snapshots/2025-10-22T1600.csv:3:2: not a number · đang hiện dữ liệu tải lúc 16:00"
            ))
        #expect(lines[38].hasSuffix(" 114/114 "))

        let good = Timestamp.from(year: 2025, month: 10, day: 22, hour: 16, minute: 2, offset: .vietnam)
        _ = update(&s, .loaded(Fixtures.standings, at: good))
        #expect(!s.isStale)
        #expect(s.staleError == nil)
        #expect(s.lastLoaded == good)
        let after = render(s, width: 120, height: 40).lines()
        #expect(after[0].contains("● trực tiếp"))
        #expect(after[38].contains("Kiểm tra 16:02:00"))
    }

    @Test func errorTextIsSanitised() {
        var s = Fixtures.state()
        _ = update(&s, .loadFailed("bad\u{1B}[2J\nline", at: Fixtures.clock))
        #expect(s.staleError == "bad\u{FFFD}[2J line")
    }

    @Test func pauseHoldsLoadsUntilResume() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .character("p"))
        #expect(s.isPaused)
        #expect(render(s, width: 120, height: 40).lines()[0].contains("○ tạm dừng"))
        let earlier = Timestamp.from(year: 2025, month: 10, day: 21, hour: 15, offset: .vietnam)
        let older = Standings(dataset: Fixtures.dataset, at: earlier, now: Fixtures.clock)
        _ = update(&s, .loaded(older, at: Fixtures.clock))
        #expect(s.standings.moment == Fixtures.standings.moment, "held while paused")
        #expect(s.held != nil)
        #expect(render(s, width: 120, height: 40).lines()[38].contains("có dữ liệu mới, nhấn p để áp dụng"))
        press(&s, .character("p"))
        #expect(!s.isPaused)
        #expect(s.held == nil)
        #expect(s.standings.moment == earlier)
        #expect(s.lastLoaded == Fixtures.clock)
    }

    @Test func tickSetsTheClock() {
        var s = Fixtures.state(width: 120, height: 40)
        #expect(render(s, width: 120, height: 40).lines()[0].hasSuffix("16:02 "))
        _ = update(&s, .tick(Fixtures.clock.adding(seconds: 3600 + 60 * 13)))
        #expect(s.clock == Fixtures.clock.adding(seconds: 4380))
        #expect(render(s, width: 120, height: 40).lines()[0].hasSuffix("17:15 "))
    }

    @Test func plusAndMinusStepTheRefreshInterval() {
        var s = Fixtures.state()
        #expect(press(&s, .character("+")).isEmpty, "the interval is the model's own")
        #expect(s.refreshSeconds == 60)
        press(&s, .character("-"))
        #expect(s.refreshSeconds == 30)
        press(&s, .character("-"))
        #expect(s.refreshSeconds == 15)
        for _ in 0..<10 { press(&s, .character("-")) }
        #expect(s.refreshSeconds == 1, "1 s is reachable (RefreshSteps)")
        #expect(press(&s, .character("-")).isEmpty, "already the shortest")
        #expect(s.refreshSeconds == 1)
        #expect(s.status?.notice == .refreshInterval(seconds: 1, changed: false, end: .fastest))
    }

    @Test func ticksAskForAFileCheckOncePerRefreshInterval() {
        var s = Fixtures.state()
        press(&s, .character("+"))  // 60 s
        let start = s.lastSourceCheck
        var checks: [Int] = []
        for second in 1...130 {
            let effects = update(&s, .tick(start.adding(seconds: Int64(second))))
            #expect(effects.first == .followLog, "a followed log every second")
            if effects.contains(.checkForChanges) { checks.append(second) }
        }
        #expect(checks == [60, 120])
        press(&s, .character("-"), .character("-"))  // 15 s, counted from the last check
        var after: [Int] = []
        for second in 131...170 {
            if update(&s, .tick(start.adding(seconds: Int64(second)))).contains(.checkForChanges) {
                after.append(second)
            }
        }
        #expect(after == [135, 150, 165])
    }

    @Test func f5AsksForAReload() {
        var s = Fixtures.state()
        #expect(press(&s, .function(5)) == [.reloadNow])
        #expect(press(&s, .control("r")) == [.reloadNow])
    }
}

@Suite struct EffectTests {
    @Test func qQuits() {
        var s = Fixtures.state()
        #expect(press(&s, .character("q")) == [.quit])
        press(&s, .enter)
        #expect(press(&s, .character("q")) == [.quit], "from the detail too")
    }

    @Test func exportSendsTheRowsAsShownAndShowsTheResult() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .character("/"))
        type(&s, "do son")
        press(&s, .enter, .character("r"))
        let effects = press(&s, .character("e"))
        #expect(effects == [.exportCSV(rows: s.rows)])
        #expect(s.query == TableQuery(sort: .registered, reversed: true, text: "do son"))
        #expect(render(s, width: 120, height: 40).lines()[38].contains("Đang xuất bảng…"))
        _ = update(&s, .exported(path: "/tmp/congdanso-2025-10-22.csv"))
        #expect(
            render(s, width: 120, height: 40).lines()[38].contains("Đã xuất 2 dòng ra /tmp/congdanso-2025-10-22.csv"))
        // Notices expire after a minute of clock.
        _ = update(&s, .tick(Fixtures.clock.adding(seconds: 61)))
        #expect(!render(s, width: 120, height: 40).lines()[38].contains("Đã xuất"))
        press(&s, .character("e"))
        _ = update(&s, .exportFailed("Permission denied"))
        #expect(render(s, width: 120, height: 40).lines()[38].contains("Xuất lỗi: Permission denied"))
    }
}

@Suite struct LanguageTests {
    @Test func lSwitchesLanguage() {
        var s = Fixtures.state(width: 120, height: 40)
        press(&s, .character("l"))
        #expect(s.language == .en)
        let lines = render(s, width: 120, height: 40).lines()
        #expect(lines[0].contains("● live"))
        #expect(lines[1].contains("Registered 84,360 (+13,723)"))
        #expect(lines[4].contains("Registered▼"))
        #expect(lines[5].contains("2,160"))
        #expect(lines[39].contains("? help"))
        press(&s, .character("l"))
        #expect(s.language == .vi)
        #expect(render(s, width: 120, height: 40).lines()[1].contains("Đăng ký 84.360 (+13.723)"))
    }

    @Test func everyLabelHasBothLanguages() {
        for label in Label.allCases {
            #expect(!label.text(.vi).isEmpty, "\(label)")
            #expect(!label.text(.en).isEmpty, "\(label)")
        }
        for text in KeyText.allCases {
            #expect(!text.text(.vi).isEmpty && !text.text(.en).isEmpty, "\(text)")
            #expect(text.text(.vi) != text.text(.en), "\(text) is translated")
        }
    }
}
