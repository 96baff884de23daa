/// `report --format markdown`: the letter's sentences and the tables, for
/// pasting into a document or a wiki.
public enum MarkdownReport {
    public static func render(_ s: Standings, _ lang: Language) -> String {
        let tz = s.config.timeZone
        var out = "# \(MarkdownTable.escape(s.config.title))\n\n"
        out += "_\(lang == .vi ? "Số liệu lúc" : "Figures at") \(DateForms.moment(s.moment, offset: tz, lang))_\n\n"
        out += "- " + MarkdownTable.escape(LetterSentences.overview(s, lang)) + "\n"
        if let top = LetterSentences.top(s, lang) { out += "- " + MarkdownTable.escape(top) + "\n" }
        if let bottom = LetterSentences.bottom(s, lang) { out += "- " + MarkdownTable.escape(bottom) + "\n" }
        out += "\n" + MarkdownTable.escape(TextReport.changes(s, lang)) + "\n\n"
        out += MarkdownTable.escape(TextReport.goal(s, lang)) + "\n\n"
        out += "## \(lang == .vi ? "Mười đơn vị nhiều nhất" : "Top ten")\n\n"
        out += TableExport.markdown(s.top(), lang, dataset: s.dataset)
        out += "\n## \(lang == .vi ? "Mười đơn vị ít nhất" : "Bottom ten")\n\n"
        out += TableExport.markdown(s.bottom(), lang, dataset: s.dataset)
        let header =
            lang == .vi
            ? ["Nhóm", "Đơn vị", "Tham gia", "Đăng ký", "Hoàn thành", "Tỷ lệ HT", "Độ phủ"]
            : ["Group", "Units", "Taking part", "Registered", "Completed", "Completion", "Coverage"]
        for dimension in s.dimensions {
            out += "\n## \(dimension.title(lang))\n\n"
            let rows = s.groups(by: dimension).map { groupRow($0.label(lang), $0.totals, lang) }
            out += MarkdownTable.render(header: header, rows: rows, rightAligned: Set(1..<7))
        }
        return out
    }

    private static func groupRow(_ name: String, _ t: GroupTotals, _ lang: Language) -> [String] {
        [
            name, NumberForms.integer(t.units, lang), NumberForms.integer(t.participating, lang),
            NumberForms.integer(t.registered, lang), NumberForms.integer(t.completed, lang),
            NumberForms.percent(t.completionRate, lang), NumberForms.percent(t.coverage, digits: 2, lang),
        ]
    }
}

/// GitHub-flavoured Markdown tables.
enum MarkdownTable {
    static func render(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
        var out = "| " + header.map(escape).joined(separator: " | ") + " |\n"
        out +=
            "|" + header.indices.map { rightAligned.contains($0) ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
        for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }

    /// Escapes characters that would break a table cell or start markup.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }
}
