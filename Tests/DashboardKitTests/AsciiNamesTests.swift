import CongDanSoCore
import TerminalCells
import Testing

@testable import DashboardKit

/// ASCII mode (LANG=C over SSH): names that fold alike carry their codes,
/// and the status line says once why the accents are gone.
@Suite struct AsciiNamesTests {
    @Test func cẩmGiangAndCẩmGiàngAreToldApartByTheirCodes() {
        var s = Fixtures.state(width: 100, height: 24, ascii: true)
        _ = press(&s, .character("/"))
        type(&s, "cam gia")
        _ = press(&s, .enter)
        let lines = render(s, width: 100, height: 24).lines()

        // Whole or cut ("Cam Gi~ (10888)"), the code stays.
        #expect(lines.contains { $0.contains("Cam Gi") && $0.contains("(10888)") })
        #expect(lines.contains { $0.contains("Cam Gi") && $0.contains("(10903)") })
        #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) })
        // Names that do not collide stay as they are.
        _ = press(&s, .escape, .home)
        #expect(render(s, width: 100, height: 24).lines().contains { $0.contains("Tu Ky ") && !$0.contains("(") })
    }

    @Test func unicodeNamesAreUnchanged() {
        var s = Fixtures.state(width: 100, height: 24)
        _ = press(&s, .character("/"))
        type(&s, "cam gia")
        let lines = render(s, width: 100, height: 24).lines()
        #expect(lines.contains { $0.contains("Cẩm Giang ") && !$0.contains("10888") })
        #expect(lines.contains { $0.contains("Cẩm Giàng ") })
    }

    @Test func theStatusLineSaysWhyOnce() {
        var s = Fixtures.state(width: 120, height: 24, ascii: true)
        s.explainASCII()
        let status = render(s, width: 120, height: 24).lines()[22]
        #expect(status.contains("LANG"))
        #expect(status.contains("--utf8"))
        // Whole at 80 columns with a filter on: the query gives way.
        var narrow = Fixtures.state(width: 80, height: 24, ascii: true)
        narrow.explainASCII()
        _ = press(&narrow, .character("/"))
        type(&narrow, "cam gia")
        _ = press(&narrow, .enter)
        #expect(render(narrow, width: 80, height: 24).lines()[22].contains("--utf8 de hien dau"))
        // Gone after its minute.
        _ = update(&s, .tick(Timestamp(milliseconds: Fixtures.clock.milliseconds + 61_000)))
        #expect(!render(s, width: 120, height: 24).lines()[22].contains("--utf8"))
    }
}
