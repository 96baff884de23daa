import Foundation
import Testing

@testable import CongDanSoCore

/// The JSON report writes the second half of a long units array on another
/// thread and adds it after the first: the bytes must be those of writing
/// every unit in order, on one thread.
@Suite("JSON report written in two halves")
struct JSONSplitTests {
    /// 1,500 units (enough to be split), names that need escaping among
    /// them, counts that tie.
    static func standingsOfManyUnits() throws -> Standings {
        var units = "code,name,type,population,province\n"
        var snapshot = "as_of,code,registered,completed\n"
        for u in 0..<1_500 {
            let name = u % 100 == 7 ? "\"Tân \"\"Tiến\"\" \(u)\"" : "Đơn vị \(u)"
            units += "\(20_000 + u),\(name),\(u % 3 == 0 ? "phường" : "xã"),\(1_000 + u),Tỉnh \(u % 34)\n"
            snapshot += "2025-10-22T15:00:00+07:00,\(20_000 + u),\(u % 250),\(u % 250 / 3)\n"
        }
        let dir = TempDataDir(units: units, snapshots: ["s.csv": snapshot])
        return standings(try dir.dataset())
    }

    /// The text from `"units": [` to its closing bracket.
    static func unitsArray(_ json: String) throws -> Substring {
        let start = try #require(json.range(of: "\n  \"units\": ["))
        let end = try #require(json.range(of: "\n  ]", range: start.upperBound..<json.endIndex))
        return json[start.lowerBound..<end.upperBound]
    }

    @Test("1,500 units: the same bytes as one writer writing them in order")
    func sameBytes() throws {
        let s = try Self.standingsOfManyUnits()
        let report = JSONReport.render(s)
        var w = JSONWriter()
        w.openObject()
        w.int("warnings", 0)
        w.openArray("units")
        for f in s.ranked { JSONReport.unit(&w, f) }
        w.closeArray()
        w.closeObject()
        #expect(try Self.unitsArray(report) == Self.unitsArray(w.output))
        #expect(report.hasSuffix("\n}\n"))
        // And it is JSON, every unit once, in rank order.
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let listed = try #require(object["units"] as? [[String: Any]])
        #expect(listed.count == 1_500)
        #expect(listed.compactMap { $0["code"] as? String } == s.ranked.map(\.unit.code))
        #expect(listed.contains { ($0["name"] as? String) == "Tân \"Tiến\" 7" })
    }
}
