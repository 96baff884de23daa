import CongDanSoCore
import Foundation

/// `congdanso letter`: the official letter (công văn) in the layout of
/// Decree 30/2020/NĐ-CP, Appendix I, then its appendix table of every unit.
///
/// Layout facts used (twips: 1 mm ≈ 56.7): A4 11906 × 16838; margins top
/// and bottom 20 mm (1134), left 30 mm (1701), right 15 mm (851); Times New
/// Roman; body 14 pt justified; page numbers top centre from the second
/// page; the appendix is a section of its own whose pages are numbered
/// from 1 (the decree numbers an appendix's pages separately).
public enum LetterDocument {
    /// The statistics paragraphs, word for word the report's sentences, in
    /// the order the letter gives them.
    public static func statisticsSentences(_ s: Standings, _ lang: Language) -> [String] {
        [LetterSentences.overview(s, lang), LetterSentences.top(s, lang), LetterSentences.bottom(s, lang)]
            .compactMap { $0 }
    }

    public static func docx(_ s: Standings, template: LetterTemplate, lang: Language) throws -> Data {
        let variables = LetterTemplate.variables(s, lang)
        let fields = try template.fields(variables).filling(from: LetterTemplate.builtIn(lang).fields(variables))
        var body = WordBody()
        letter(&body, s, fields, lang)
        let letterSection = Self.sectionProperties(restartNumbering: false)
        body.endSection(letterSection)
        appendix(&body, s, fields, lang)
        let document =
            xmlDeclaration
            + "<w:document xmlns:w=\"\(Namespace.wordprocessing)\" xmlns:r=\"\(Namespace.officeRelationships)\"><w:body>"
            + body.xml + Self.sectionProperties(restartNumbering: true) + "</w:body></w:document>"

        var package = OOXMLPackage()
        package.add("[Content_Types].xml", contentTypes)
        package.add("_rels/.rels", packageRelationshipsXML(mainPart: "word/document.xml", mainType: "officeDocument"))
        package.add(
            "docProps/core.xml",
            corePropertiesXML(title: (lang == .vi ? "V/v " : "Re: ") + fields.text("trich_yeu"), creator: "congdanso"))
        package.add("word/document.xml", document)
        package.add("word/styles.xml", styles(lang))
        package.add("word/settings.xml", settings)
        package.add("word/header1.xml", header(pageNumber: true))
        package.add("word/header2.xml", header(pageNumber: false))
        package.add("word/_rels/document.xml.rels", documentRelationships)
        return try package.zipped()
    }

    // MARK: The letter

    static func letter(_ b: inout WordBody, _ s: Standings, _ f: LetterFields, _ lang: Language) {
        let vi = lang == .vi
        // Letterhead: two columns without borders.
        var left = WordBody()
        left.paragraph([.init(f.text("co_quan_chu_quan"), size: 24)], align: "center", spacing: (0, 0))
        left.paragraph([.init(f.text("co_quan"), bold: true, size: 24)], align: "center", spacing: (0, 0))
        left.rule(indent: 1400)
        left.paragraph(
            [.init((vi ? "Số: " : "No.: ") + f.text("so") + "/" + f.text("ky_hieu"), size: 26)], align: "center",
            spacing: (120, 0))
        left.paragraph(
            [.init((vi ? "V/v " : "Re: ") + f.text("trich_yeu"), size: 24)], align: "center", spacing: (0, 0))
        var right = WordBody()
        right.paragraph(
            [.init(vi ? "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" : "SOCIALIST REPUBLIC OF VIET NAM", bold: true, size: 24)],
            align: "center", spacing: (0, 0))
        right.paragraph(
            [.init(vi ? "Độc lập - Tự do - Hạnh phúc" : "Independence - Freedom - Happiness", bold: true, size: 26)],
            align: "center", spacing: (0, 0))
        right.rule(indent: vi ? 990 : 750)
        let date =
            vi
            ? "\(f.text("dia_danh")), ngày \(f.text("ngay")) tháng \(f.text("thang")) năm \(f.text("nam"))"
            : "\(f.text("dia_danh")), \(f.text("ngay"))/\(f.text("thang"))/\(f.text("nam"))"
        right.paragraph([.init(date, italic: true, size: 28)], align: "center", spacing: (240, 0))
        b.table(widths: [4500, 5400], indent: -500, borders: false, rows: [[left.xml, right.xml]])

        // Kính gửi: the first recipient on its line, the others under it.
        let recipients = f.lines("kinh_gui")
        for (i, r) in recipients.enumerated() {
            let item = recipients.count > 1 ? "- " + r : r
            if i == 0 {
                b.paragraph(
                    [.init(vi ? "Kính gửi:" : "To:"), .tab, .init(item)], align: "left", spacing: (360, 0),
                    indent: .init(left: 3400, hanging: 1420), tabs: [3400])
            } else {
                b.paragraph([.init(item)], align: "left", spacing: (0, 0), indent: .init(left: 3400))
            }
        }
        b.paragraph([], spacing: (0, 0))

        for p in f.lines("mo_dau") { b.body(p) }
        let sentences = statisticsSentences(s, lang)
        for (i, sentence) in sentences.enumerated() {
            // The overview sentence is followed by the pointer to the appendix.
            b.body(
                "- " + sentence
                    + (i == 0 && f.lines("chi_tiet") != [LetterFields.blank] ? " " + f.text("chi_tiet") : ""))
        }
        for p in f.lines("de_nghi_mo_dau") { b.body(p) }
        for (i, p) in f.lines("de_nghi").enumerated() { b.body("\(i + 1). " + p) }
        for p in f.lines("lien_he") { b.body(p) }
        for p in f.lines("ket") { b.body(p) }

        // Signature block: "Nơi nhận" left, the signer right.
        var recipientsCell = WordBody()
        recipientsCell.paragraph(
            [.init(vi ? "Nơi nhận:" : "Recipients:", bold: true, italic: true, size: 24)], align: "left",
            spacing: (0, 0))
        for line in f.lines("noi_nhan") {
            recipientsCell.paragraph([.init("- " + line, size: 22)], align: "left", spacing: (0, 0))
        }
        var signer = WordBody()
        for line in f.lines("quyen_han") + f.lines("chuc_vu") {
            signer.paragraph([.init(line, bold: true, size: 28)], align: "center", spacing: (0, 0))
        }
        for _ in 0..<4 { signer.paragraph([], spacing: (0, 0)) }
        signer.paragraph([.init(f.text("nguoi_ky"), bold: true, size: 28)], align: "center", spacing: (240, 0))
        b.table(
            widths: [4700, 4654], indent: 0, borders: false, rows: [[recipientsCell.xml, signer.xml]],
            spacingBefore: true)
    }

    // MARK: The appendix

    static func appendix(_ b: inout WordBody, _ s: Standings, _ f: LetterFields, _ lang: Language) {
        let vi = lang == .vi
        b.paragraph([.init(vi ? "Phụ lục" : "Appendix", bold: true)], align: "center", spacing: (0, 0))
        for line in f.lines("phu_luc_tieu_de") {
            b.paragraph([.init(line.uppercased(), bold: true)], align: "center", spacing: (0, 0))
        }
        let number = f.text("so") + "/" + f.text("ky_hieu")
        let attached =
            vi
            ? "(Kèm theo Công văn số \(number) ngày \(f.text("ngay")) tháng \(f.text("thang")) năm \(f.text("nam")) của \(f.text("ten_co_quan")))"
            : "(Attached to Official Letter No. \(number) of \(f.text("ngay"))/\(f.text("thang"))/\(f.text("nam")) of \(f.text("ten_co_quan")))"
        b.paragraph([.init(attached, italic: true)], align: "center", spacing: (0, 0))
        let moment = DateForms.moment(s.moment, offset: s.config.timeZone, lang)
        b.paragraph(
            [.init(vi ? "Số liệu tính đến \(moment)" : "Figures as of \(moment)", italic: true, size: 26)],
            align: "center", spacing: (60, 160))

        let header =
            vi
            ? [
                "Hạng", "Xã, phường, đặc khu", "Số thí sinh đăng ký", "Số thí sinh hoàn thành", "Tỷ lệ hoàn thành",
                "Độ phủ người trưởng thành", "Đăng ký tăng 24 giờ", "Hoàn thành tăng 24 giờ",
            ]
            : [
                "Rank", "Commune, ward, special zone", "Registered", "Completed", "Completion rate", "Adult coverage",
                "Registered in 24 h", "Completed in 24 h",
            ]
        // English headers are longer words: narrower names, wider counts, 10 pt.
        let widths =
            vi ? [760, 2500, 1060, 1100, 1000, 1054, 940, 940] : [650, 2000, 1100, 1100, 1200, 1000, 1150, 1154]
        var rows: [[TableCell]] = [header.map { TableCell(text: $0, bold: true, align: "center", size: vi ? 24 : 20) }]
        for u in s.ranked {
            rows.append(unitRow(u, lang))
        }
        let c = s.city
        rows.append(
            [
                TableCell(text: vi ? "Tổng cộng" : "Total", bold: true, align: "center", span: 2),
                TableCell(text: NumberForms.integer(c.registered, lang), bold: true, align: "right"),
                TableCell(text: NumberForms.integer(c.completed, lang), bold: true, align: "right"),
                TableCell(text: NumberForms.percent(c.completionRate, lang), bold: true, align: "right"),
                TableCell(text: NumberForms.percent(c.coverage, digits: 2, lang), bold: true, align: "right"),
                TableCell(text: NumberForms.signed(c.registeredChange24h, lang), bold: true, align: "right"),
                TableCell(text: NumberForms.signed(c.completedChange24h, lang), bold: true, align: "right"),
            ])
        b.dataTable(widths: widths, rows: rows)
    }

    /// One unit's row of the appendix table, in the letter's number forms.
    public static func unitRowTexts(_ u: UnitFigures, _ lang: Language) -> [String] {
        [
            String(u.rank), u.unit.fullName(lang), NumberForms.integer(u.registered, lang),
            NumberForms.integer(u.completed, lang), NumberForms.percent(u.completionRate, lang),
            NumberForms.percent(u.coverage, digits: 2, lang), NumberForms.signed(u.registeredChange24h, lang),
            NumberForms.signed(u.completedChange24h, lang),
        ]
    }

    static func unitRow(_ u: UnitFigures, _ lang: Language) -> [TableCell] {
        unitRowTexts(u, lang).enumerated().map { i, text in
            TableCell(text: text, align: i == 0 ? "center" : i == 1 ? "left" : "right", size: lang == .vi ? 24 : 22)
        }
    }

    // MARK: Parts

    static func sectionProperties(restartNumbering: Bool) -> String {
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/><w:headerReference w:type=\"first\" r:id=\"rIdHeader2\"/>"
            + "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + (restartNumbering ? "<w:pgNumType w:start=\"1\"/>" : "") + "<w:titlePg/></w:sectPr>"
    }

    static let contentTypes =
        xmlDeclaration + "<Types xmlns=\"\(Namespace.contentTypes)\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        + "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        + "<Override PartName=\"/word/header2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
        + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        + "</Types>"

    static let documentRelationships =
        xmlDeclaration + "<Relationships xmlns=\"\(Namespace.relationships)\">"
        + "<Relationship Id=\"rIdStyles\" Type=\"\(Namespace.relationshipType)styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rIdSettings\" Type=\"\(Namespace.relationshipType)settings\" Target=\"settings.xml\"/>"
        + "<Relationship Id=\"rIdHeader1\" Type=\"\(Namespace.relationshipType)header\" Target=\"header1.xml\"/>"
        + "<Relationship Id=\"rIdHeader2\" Type=\"\(Namespace.relationshipType)header\" Target=\"header2.xml\"/>"
        + "</Relationships>"

    static let settings =
        xmlDeclaration + "<w:settings xmlns:w=\"\(Namespace.wordprocessing)\">"
        + "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
        + "<w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>"
        + "</w:settings>"

    /// The page header: the page number, top centre (the first page of each
    /// section gets the empty header).
    static func header(pageNumber: Bool) -> String {
        xmlDeclaration + "<w:hdr xmlns:w=\"\(Namespace.wordprocessing)\" xmlns:r=\"\(Namespace.officeRelationships)\">"
            + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + (pageNumber
                ? "<w:fldSimple w:instr=\" PAGE \"><w:r><w:rPr><w:sz w:val=\"26\"/></w:rPr><w:t>2</w:t></w:r></w:fldSimple>"
                : "") + "</w:p></w:hdr>"
    }

    static func styles(_ lang: Language) -> String {
        let fonts =
            "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
        return xmlDeclaration + "<w:styles xmlns:w=\"\(Namespace.wordprocessing)\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>\(fonts)<w:color w:val=\"000000\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"
            + "<w:lang w:val=\"\(lang == .vi ? "vi-VN" : "en-GB")\"/></w:rPr></w:rPrDefault>"
            + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
            + "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
            + "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "</w:styles>"
    }
}

/// A run of text with its look; `tab` is a tab character.
struct WordRun {
    var text: String
    var bold = false
    var italic = false
    /// Half-points (28 = 14 pt); nil for the document's default.
    var size: Int? = nil
    var isTab = false

    init(_ text: String, bold: Bool = false, italic: Bool = false, size: Int? = nil) {
        self.text = text; self.bold = bold; self.italic = italic; self.size = size
    }

    static let tab: WordRun = {
        var r = WordRun("")
        r.isTab = true
        return r
    }()

    var xml: String {
        var props = ""
        if bold { props += "<w:b/><w:bCs/>" }
        if italic { props += "<w:i/><w:iCs/>" }
        if let size { props += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        if isTab { return "<w:r>\(rPr)<w:tab/></w:r>" }
        return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(xmlEscaped(text))</w:t></w:r>"
    }
}

struct Indent {
    var left = 0
    var right = 0
    var firstLine = 0
    var hanging = 0

    var xml: String {
        var a = ""
        if left != 0 { a += " w:left=\"\(left)\"" }
        if right != 0 { a += " w:right=\"\(right)\"" }
        if firstLine != 0 { a += " w:firstLine=\"\(firstLine)\"" }
        if hanging != 0 { a += " w:hanging=\"\(hanging)\"" }
        return a.isEmpty ? "" : "<w:ind\(a)/>"
    }
}

struct TableCell {
    var text: String
    var bold = false
    var align = "left"
    var span = 1
    /// Half-points.
    var size = 24
}

/// Paragraphs and tables appended as WordprocessingML.
struct WordBody {
    private(set) var xml = ""

    /// A paragraph. `spacing` is (before, after) in twips.
    mutating func paragraph(
        _ runs: [WordRun], align: String = "both", spacing: (Int, Int) = (120, 0), indent: Indent = Indent(),
        tabs: [Int] = [], keepNext: Bool = false, line: Int? = nil, extra: String = ""
    ) {
        var pPr = ""
        if keepNext { pPr += "<w:keepNext/>" }
        pPr += extra
        if !tabs.isEmpty {
            pPr += "<w:tabs>" + tabs.map { "<w:tab w:val=\"left\" w:pos=\"\($0)\"/>" }.joined() + "</w:tabs>"
        }
        pPr += "<w:spacing w:before=\"\(spacing.0)\" w:after=\"\(spacing.1)\""
        if let line { pPr += " w:line=\"\(line)\" w:lineRule=\"auto\"" }
        pPr += "/>"
        pPr += indent.xml
        pPr += "<w:jc w:val=\"\(align)\"/>"
        xml += "<w:p><w:pPr>\(pPr)</w:pPr>" + runs.map(\.xml).joined() + "</w:p>"
    }

    /// A body paragraph: 14 pt, justified, first line indented 1.27 cm.
    mutating func body(_ text: String) {
        paragraph([WordRun(text)], align: "both", spacing: (120, 0), indent: Indent(firstLine: 720), line: 264)
    }

    /// A short horizontal rule: an empty 2 pt paragraph whose bottom border
    /// runs between the indents.
    mutating func rule(indent: Int) {
        xml +=
            "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
            + "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"60\" w:lineRule=\"exact\"/>"
            + "<w:ind w:left=\"\(indent)\" w:right=\"\(indent)\"/><w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>"
    }

    /// Closes the current section with these properties (its last paragraph carries them).
    mutating func endSection(_ sectPr: String) {
        xml += "<w:p><w:pPr>\(sectPr)</w:pPr></w:p>"
    }

    /// A layout table: each cell holds paragraphs already written.
    mutating func table(
        widths: [Int], indent: Int, borders: Bool, rows: [[String]], spacingBefore: Bool = false
    ) {
        if spacingBefore { paragraph([], spacing: (0, 0)) }
        xml += "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
        if indent != 0 { xml += "<w:tblInd w:w=\"\(indent)\" w:type=\"dxa\"/>" }
        xml += borders ? Self.allBorders : Self.noBorders
        xml += "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for row in rows {
            xml += "<w:tr>"
            for (i, cell) in row.enumerated() {
                xml +=
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[i])\" w:type=\"dxa\"/></w:tcPr>\(cell.isEmpty ? "<w:p/>" : cell)</w:tc>"
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
    }

    /// The appendix table: bordered, 12 pt, its first row a header that is
    /// repeated on every page; rows do not break across pages.
    mutating func dataTable(widths: [Int], rows: [[TableCell]]) {
        xml += "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>\(Self.allBorders)"
        xml +=
            "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"70\" w:type=\"dxa\"/><w:right w:w=\"70\" w:type=\"dxa\"/></w:tblCellMar>"
        xml +=
            "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        xml += widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (r, row) in rows.enumerated() {
            xml += "<w:tr><w:trPr><w:cantSplit/>\(r == 0 ? "<w:tblHeader/>" : "")</w:trPr>"
            var column = 0
            for cell in row {
                let width = widths[column..<min(column + cell.span, widths.count)].reduce(0, +)
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>"
                if cell.span > 1 { xml += "<w:gridSpan w:val=\"\(cell.span)\"/>" }
                xml += "<w:vAlign w:val=\"center\"/></w:tcPr>"
                var p = WordBody()
                p.paragraph(
                    [WordRun(cell.text, bold: cell.bold, size: cell.size)], align: cell.align, spacing: (30, 30))
                xml += p.xml + "</w:tc>"
                column += cell.span
            }
            xml += "</w:tr>"
        }
        xml += "</w:tbl>"
    }

    static let noBorders =
        "<w:tblBorders><w:top w:val=\"nil\"/><w:left w:val=\"nil\"/><w:bottom w:val=\"nil\"/><w:right w:val=\"nil\"/><w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/></w:tblBorders>"
    static let allBorders =
        "<w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined() + "</w:tblBorders>"
}
