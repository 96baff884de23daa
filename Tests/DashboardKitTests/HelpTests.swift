import CongDanSoCore
import Testing

@testable import DashboardKit

@Suite struct KeyTableTests {
    @Test func noKeyIsBoundTwiceInOneContext() {
        for context in KeyContext.allCases {
            var seen: [Key: Action] = [:]
            for binding in KeyTable.bindings(in: context) {
                for key in binding.keys {
                    #expect(seen[key] == nil, "\(key) bound twice in \(context)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test func everyActionHasAKey() {
        let bound = Set(KeyTable.bindings.map(\.action))
        for action in Action.allCases { #expect(bound.contains(action), "\(action) has no key") }
    }

    @Test func noPrintableKeyIsAnActionWhileTyping() {
        for binding in KeyTable.bindings(in: .filterInput) {
            for key in binding.keys {
                if case .character = key { Issue.record("\(key) would not reach the filter text") }
            }
        }
    }

    @Test func footerHintsUseBoundKeys() {
        for context in KeyContext.allCases {
            for hint in FooterHint.hints(for: context) {
                #expect(!hint.keys(in: context, ascii: false).isEmpty, "\(hint.actions) not bound in \(context)")
            }
        }
    }

    @Test func labels() {
        #expect(KeyTable.bindings.first { $0.action == .moveUp }?.label() == "↑ k")
        #expect(KeyTable.bindings.first { $0.action == .moveUp }?.label(ascii: true) == "Up k")
        #expect(KeyTable.bindings.first { $0.action == .toggleHelp }?.label() == "? F1")
        #expect(KeyTable.bindings.first { $0.action == .quit }?.label() == "q Ctrl-C")
    }
}

@Suite struct HelpTests {
    /// All the text the help box shows, scrolling through it.
    func helpText(_ lang: Language, width: Int = 120, height: Int = 40) -> [String] {
        var s = Fixtures.state(width: width, height: height, language: lang)
        press(&s, .character("?"))
        #expect(s.route == .help)
        var lines: [String] = []
        var previous = -1
        while s.helpScroll != previous {
            lines += render(s, width: width, height: height).lines()
            previous = s.helpScroll
            press(&s, .down)
        }
        return lines
    }

    @Test(arguments: [Language.vi, .en])
    func helpListsEveryBinding(_ lang: Language) {
        let text = helpText(lang)
        for binding in KeyTable.bindings {
            let label = binding.label()
            let description = binding.description(lang)
            #expect(
                text.contains { $0.contains(label) && $0.contains(description) },
                "help lacks \(label) \(description)")
        }
    }

    @Test func helpItemsComeFromTheKeyTable() {
        let items = HelpOverlay.items(.vi, glyphs: .unicode, ascii: false)
        let listed = items.compactMap { item -> String? in
            if case .binding(let keys, let description) = item { return keys + "|" + description }
            return nil
        }
        for binding in KeyTable.bindings {
            #expect(listed.contains(binding.label() + "|" + binding.description(.vi)))
        }
        // A binding shared by several screens (detail and help) is listed under each.
        let scrolls = listed.filter { $0 == "↑ k|Cuộn lên" }.count
        #expect(scrolls == 2)
    }

    @Test func helpScrollsOnASmallScreen() {
        let text = helpText(.vi, width: 40, height: 10)
        #expect(text.contains { $0.contains("Thoát") })
        #expect(text.contains { $0.contains("Bảng đơn vị") })
    }

    @Test func hintsNameTheKeysOfTheKeyTable() {
        #expect(Phrase.filterPromptHint(.vi) == "Enter giữ · Esc xoá · ↑↓ chọn")
        #expect(Phrase.helpClose(.en) == "? or Esc closes · ↑↓ scroll")
        #expect(Phrase.noRows(.vi) == "Không có đơn vị nào khớp bộ lọc (Esc để bỏ lọc)")
        #expect(Phrase.unitMissing(.en) == "This unit is no longer in the data. Esc goes back.")
        // The key named is the one the table binds: pressing it does what the line says.
        var s = Fixtures.state()
        press(&s, .character("/"))
        type(&s, "zzz")
        press(&s, .enter)
        #expect(render(s, width: 120, height: 40).text().contains(Phrase.noRows(.vi)))
        let escape = Key(name: KeyTable.firstLabel(.clearFilters, in: .table, ascii: false)!)!
        press(&s, escape)
        #expect(s.rows.count == 114)
    }
}
