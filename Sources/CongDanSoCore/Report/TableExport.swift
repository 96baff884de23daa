/// The unit table as the dashboard shows it (query applied), for scripts and
/// spreadsheets: CSV, JSON or Markdown.
public enum TableExport {
    /// Column headers of the exported table, machine-friendly.
    static let csvHeader = [
        "rank", "code", "name", "type", "registered", "completed", "completion_rate",
        "adults", "coverage", "registered_change_24h", "completed_change_24h",
        "former_province", "province", "top_bottom",
    ]

    /// CSV with a UTF-8 byte-order mark and CRLF line ends, so that Excel
    /// opens Vietnamese text correctly; rates are fractions with a point.
    /// Text that a spreadsheet would run as a formula is prefixed with `'`.
    public static func csv(_ rows: [UnitFigures], standings: Standings, byteOrderMark: Bool = true) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        out += csvHeader.joined(separator: ",") + "\r\n"
        for f in rows {
            let band = standings.band(of: f.index)
            let marker = band.isTop ? "top" : band.isBottom ? "bottom" : ""
            let fields = [
                String(f.rank), f.unit.code, f.unit.name, f.unit.type.rawValue, String(f.registered),
                String(f.completed), fraction(f.completionRate), String(f.unit.adults), fraction(f.coverage),
                f.registeredChange.map(String.init) ?? "", f.completedChange.map(String.init) ?? "",
                f.unit.formerProvince ?? "", f.unit.province ?? "", marker,
            ]
            out += fields.map(csvField).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A JSON array of row objects in table order (same fields as the JSON report's `units`).
    public static func json(_ rows: [UnitFigures]) -> String {
        var w = JSONWriter()
        w.openArray()
        for f in rows { JSONReport.unit(&w, f) }
        w.closeArray()
        return w.output + "\n"
    }

    /// A Markdown table with Vietnamese (or English) headings and number forms.
    /// With the dataset, units whose full name another unit shares are told
    /// apart: "Xã Tân Tiến (Bắc Ninh)".
    public static func markdown(_ rows: [UnitFigures], _ lang: Language, dataset: Dataset? = nil) -> String {
        let header =
            lang == .vi
            ? ["#", "Đơn vị", "Mã", "Đăng ký", "Hoàn thành", "Tỷ lệ HT", "Độ phủ", "+24h ĐK", "+24h HT"]
            : ["#", "Unit", "Code", "Registered", "Completed", "Completion", "Coverage", "+24h reg.", "+24h done"]
        let body = rows.map { f in
            [
                String(f.rank), dataset?.distinctFullName(f.index, lang) ?? f.unit.fullName(lang), f.unit.code,
                NumberForms.integer(f.registered, lang),
                NumberForms.integer(f.completed, lang), NumberForms.percent(f.completionRate, lang),
                NumberForms.percent(f.coverage, digits: 2, lang),
                f.registeredChange.map { NumberForms.signed($0, lang) } ?? "–",
                f.completedChange.map { NumberForms.signed($0, lang) } ?? "–",
            ]
        }
        return MarkdownTable.render(header: header, rows: body, rightAligned: [0, 3, 4, 5, 6, 7, 8])
    }

    static func fraction(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }

    /// Quotes a field when needed (RFC 4180) and defuses spreadsheet formulas.
    static func csvField(_ s: String) -> String {
        var v = s
        if let first = v.first, "=+-@".contains(first), Double(v) == nil { v = "'" + v }
        guard v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return v }
        return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
