import CongDanSoCore
import Foundation

/// `congdanso export --format xlsx`: the unit table as the dashboard shows
/// it (query applied) as a workbook, plus the summaries by type and by
/// former province of the same rows.
public enum SpreadsheetExport {
    /// - Parameter note: a line under the title saying which filter and
    ///   order the table has (nil when it shows every unit by rank).
    public static func workbook(
        _ rows: [UnitFigures], standings: Standings, lang: Language, note: String? = nil
    ) throws -> Data {
        let vi = lang == .vi
        let moment = DateForms.moment(standings.moment, offset: standings.config.timeZone, lang)
        let title = standings.config.title
        let subtitle = (vi ? "Số liệu tính đến \(moment)" : "Figures as of \(moment)") + (note.map { " · " + $0 } ?? "")

        // The units.
        let header =
            vi
            ? [
                "Hạng", "Mã", "Đơn vị", "Loại", "Tỉnh cũ", "Đăng ký", "Hoàn thành", "Tỷ lệ hoàn thành",
                "Người trưởng thành", "Độ phủ", "Đăng ký +24h", "Hoàn thành +24h", "Nhóm",
            ]
            : [
                "Rank", "Code", "Unit", "Type", "Former province", "Registered", "Completed", "Completion rate",
                "Adults", "Coverage", "Registered +24h", "Completed +24h", "Band",
            ]
        var units = Worksheet(
            name: vi ? "Đơn vị" : "Units", widths: [7, 8, 22, 9, 13, 11, 12, 12, 14, 10, 12, 13, 14])
        units.rows.append([(.text(title), .title)])
        units.rows.append([(.text(subtitle), .subtitle)])
        units.rows.append(header.map { (.text($0), .header) })
        units.mergedRows = [1, 2]
        units.headerRow = 3
        for f in rows {
            let band = standings.band(of: f.index)
            let bandText =
                band.isTop
                ? (vi ? "10 nhiều nhất" : "top ten") : band.isBottom ? (vi ? "10 ít nhất" : "bottom ten") : ""
            units.rows.append([
                (.int(f.rank), .integer), (.text(f.unit.code), .text), (.text(f.unit.name), .text),
                (.text(vi ? f.unit.type.rawValue : f.unit.type.word(.en)), .text),
                (.text(f.unit.formerProvince ?? ""), .text), (.int(f.registered), .integer),
                (.int(f.completed), .integer), (.fraction(f.completionRate), .percent1),
                (.int(f.unit.adults), .integer), (.fraction(f.coverage), .percent2),
                (.int(f.registeredChange24h), .signed), (.int(f.completedChange24h), .signed),
                (.text(bandText), .text),
            ])
        }
        units.lastDataRow = max(units.rows.count, 4)
        let all = totals(rows)
        let totalLabel = vi ? "Tổng cộng (\(rows.count) đơn vị)" : "Total (\(rows.count) units)"
        units.rows.append(
            [(.text(totalLabel), .totalText)] + Array(repeating: (CellValue.empty, CellStyle.totalText), count: 4) + [
                (.int(all.registered), .totalInteger), (.int(all.completed), .totalInteger),
                (.fraction(all.completionRate), .totalPercent1), (.int(all.adults), .totalInteger),
                (.fraction(all.coverage), .totalPercent2), (.int(all.registeredChange24h), .totalSigned),
                (.int(all.completedChange24h), .totalSigned), (.empty, .totalText),
            ])

        // The summaries.
        let byType = UnitType.allCases.compactMap { type -> (String, GroupTotals)? in
            let members = rows.filter { $0.unit.type == type }
            return members.isEmpty ? nil : (vi ? type.rawValue : type.word(.en), totals(members))
        }
        var provinces: [String] = []
        for f in rows where !provinces.contains(f.unit.formerProvince ?? "") {
            provinces.append(f.unit.formerProvince ?? "")
        }
        provinces.sort { VietnameseCollation.key($0) < VietnameseCollation.key($1) }
        let byProvince = provinces.map { p in
            (p.isEmpty ? (vi ? "không rõ" : "unknown") : p, totals(rows.filter { ($0.unit.formerProvince ?? "") == p }))
        }
        let typeSheet = summary(
            vi ? "Theo loại" : "By type", first: vi ? "Loại" : "Type", byType, all: all, title: title,
            subtitle: subtitle, vi: vi)
        let provinceSheet = summary(
            vi ? "Theo tỉnh cũ" : "By former province", first: vi ? "Tỉnh cũ" : "Former province", byProvince,
            all: all, title: title, subtitle: subtitle, vi: vi)
        return try XLSXWriter(sheets: [units, typeSheet, provinceSheet], title: title).data()
    }

    /// Says which filter and order a table has, for the line under the
    /// title; nil when it shows every unit in rank order.
    public static func note(_ q: TableQuery, _ lang: Language) -> String? {
        let vi = lang == .vi
        var parts: [String] = []
        if !q.text.trimmingCharacters(in: .whitespaces).isEmpty {
            parts.append((vi ? "lọc \"" : "filter \"") + q.text + "\"")
        }
        if let type = q.type { parts.append((vi ? "loại " : "type ") + (vi ? type.rawValue : type.word(.en))) }
        if let p = q.formerProvince { parts.append((vi ? "tỉnh cũ " : "former province ") + p) }
        if q.sort != .registered || q.reversed {
            parts.append(
                (vi ? "sắp xếp theo " : "sorted by ") + q.sort.rawValue
                    + (q.reversed ? (vi ? " (đảo)" : " (reversed)") : ""))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func totals(_ rows: [UnitFigures]) -> GroupTotals {
        var t = GroupTotals()
        for f in rows {
            t.units += 1
            if f.isParticipating { t.participating += 1 }
            t.registered += f.registered; t.completed += f.completed
            t.registeredChange24h += f.registeredChange24h; t.completedChange24h += f.completedChange24h
            t.adults += f.unit.adults; t.population += f.unit.population
        }
        return t
    }

    private static func summary(
        _ name: String, first: String, _ groups: [(String, GroupTotals)], all: GroupTotals, title: String,
        subtitle: String, vi: Bool
    ) -> Worksheet {
        let header =
            vi
            ? [
                first, "Số đơn vị", "Đơn vị tham gia", "Đăng ký", "Hoàn thành", "Tỷ lệ hoàn thành",
                "Người trưởng thành", "Độ phủ", "Đăng ký +24h", "Hoàn thành +24h",
            ]
            : [
                first, "Units", "Taking part", "Registered", "Completed", "Completion rate", "Adults", "Coverage",
                "Registered +24h", "Completed +24h",
            ]
        var sheet = Worksheet(name: name, widths: [18, 10, 11, 11, 12, 12, 14, 10, 12, 13])
        sheet.rows.append([(.text(title), .title)])
        sheet.rows.append([(.text(subtitle), .subtitle)])
        sheet.rows.append(header.map { (.text($0), .header) })
        sheet.mergedRows = [1, 2]
        sheet.headerRow = 3
        func row(_ label: String, _ t: GroupTotals, total: Bool) -> [(CellValue, CellStyle)] {
            let cells: [(CellValue, CellStyle)] = [
                (.text(label), .text), (.int(t.units), .integer), (.int(t.participating), .integer),
                (.int(t.registered), .integer), (.int(t.completed), .integer),
                (.fraction(t.completionRate), .percent1), (.int(t.adults), .integer),
                (.fraction(t.coverage), .percent2), (.int(t.registeredChange24h), .signed),
                (.int(t.completedChange24h), .signed),
            ]
            return total ? cells.map { ($0.0, $0.1.total) } : cells
        }
        for (label, t) in groups { sheet.rows.append(row(label, t, total: false)) }
        sheet.lastDataRow = max(sheet.rows.count, 4)
        sheet.rows.append(row(vi ? "Tổng cộng" : "Total", all, total: true))
        return sheet
    }
}
