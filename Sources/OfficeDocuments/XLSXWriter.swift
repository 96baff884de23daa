import Foundation

/// A cell's look: an index into the workbook's fixed `cellXfs` list.
enum CellStyle: Int {
    case plain = 0, title, subtitle, header, text, integer, percent1, percent2, signed
    case totalText, totalInteger, totalPercent1, totalPercent2, totalSigned

    /// The style of the same number format in the totals row.
    var total: CellStyle {
        switch self {
        case .text, .plain: return .totalText
        case .integer: return .totalInteger
        case .percent1: return .totalPercent1
        case .percent2: return .totalPercent2
        case .signed: return .totalSigned
        default: return self
        }
    }
}

/// One cell: text (an inline string), a number, or nothing.
enum CellValue {
    case text(String)
    case number(Double)
    case empty

    static func int(_ n: Int) -> CellValue { .number(Double(n)) }
    static func fraction(_ x: Double?) -> CellValue { x.map(CellValue.number) ?? .empty }
}

/// A worksheet as written: rows from the top, optional title cells merged
/// across, a header row that is frozen and carries the autofilter.
struct Worksheet {
    var name: String
    /// Column widths in characters.
    var widths: [Double]
    var rows: [[(CellValue, CellStyle)]] = []
    /// 1-based row of the column headers (frozen, filtered, repeated when printed).
    var headerRow: Int?
    /// 1-based last row the autofilter covers (the totals row stays out).
    var lastDataRow: Int?
    /// 1-based rows whose first cell is merged across every column.
    var mergedRows: [Int] = []

    /// A sheet name Excel accepts: at most 31 characters, none of `\ / ? * [ ] :`.
    static func safeName(_ s: String) -> String {
        let cleaned = String(s.map { "\\/?*[]:".contains($0) ? "-" : $0 })
        return String(cleaned.prefix(31))
    }
}

/// Column letters of a 0-based column index: 0 → A, 26 → AA.
func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var letters: [Character] = []
    while n > 0 {
        let r = (n - 1) % 26
        letters.append(Character(UnicodeScalar(65 + r)!))
        n = (n - 1) / 26
    }
    return String(letters.reversed())
}

/// Writes a workbook of worksheets as SpreadsheetML (Transitional), with
/// inline strings and a fixed stylesheet: counts `#,##0`, rates `0.0%`,
/// coverage `0.00%`, changes `+#,##0`. The spreadsheet program shows the
/// thousands and decimal separators of its own locale.
struct XLSXWriter {
    var sheets: [Worksheet]
    var title: String

    func data() throws -> Data {
        var package = OOXMLPackage()
        package.add("[Content_Types].xml", contentTypes())
        package.add("_rels/.rels", packageRelationshipsXML(mainPart: "xl/workbook.xml", mainType: "officeDocument"))
        package.add("docProps/core.xml", corePropertiesXML(title: title, creator: "congdanso"))
        package.add("xl/workbook.xml", workbook())
        package.add("xl/_rels/workbook.xml.rels", workbookRelationships())
        package.add("xl/styles.xml", Self.styles)
        for (i, sheet) in sheets.enumerated() { package.add("xl/worksheets/sheet\(i + 1).xml", worksheet(sheet, i)) }
        return try package.zipped()
    }

    private func contentTypes() -> String {
        var s = xmlDeclaration + "<Types xmlns=\"\(Namespace.contentTypes)\">"
        s += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        s += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        s +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        s +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        s +=
            "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        for i in sheets.indices {
            s +=
                "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return s + "</Types>"
    }

    private func workbook() -> String {
        var s =
            xmlDeclaration
            + "<workbook xmlns=\"\(Namespace.spreadsheet)\" xmlns:r=\"\(Namespace.officeRelationships)\">"
        s += "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            s +=
                "<sheet name=\"\(xmlEscaped(Worksheet.safeName(sheet.name)))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        s += "</sheets><definedNames>"
        for (i, sheet) in sheets.enumerated() {
            guard let header = sheet.headerRow else { continue }
            let quoted = "'" + Worksheet.safeName(sheet.name).replacingOccurrences(of: "'", with: "''") + "'"
            if let last = sheet.lastDataRow {
                let range = "\(quoted)!$A$\(header):$\(columnLetters(sheet.widths.count - 1))$\(last)"
                s +=
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">\(xmlEscaped(range))</definedName>"
            }
            // Printed pages repeat the header row.
            s +=
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">\(xmlEscaped("\(quoted)!$\(header):$\(header)"))</definedName>"
        }
        return s + "</definedNames></workbook>"
    }

    private func workbookRelationships() -> String {
        var s = xmlDeclaration + "<Relationships xmlns=\"\(Namespace.relationships)\">"
        for i in sheets.indices {
            s +=
                "<Relationship Id=\"rId\(i + 1)\" Type=\"\(Namespace.relationshipType)worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        s +=
            "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Namespace.relationshipType)styles\" Target=\"styles.xml\"/>"
        return s + "</Relationships>"
    }

    private func worksheet(_ sheet: Worksheet, _ index: Int) -> String {
        let lastColumn = columnLetters(max(sheet.widths.count, 1) - 1)
        var s =
            xmlDeclaration
            + "<worksheet xmlns=\"\(Namespace.spreadsheet)\" xmlns:r=\"\(Namespace.officeRelationships)\">"
        // Printed: landscape A4, all columns on one page's width.
        s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        s += "<dimension ref=\"A1:\(lastColumn)\(max(sheet.rows.count, 1))\"/>"
        s += "<sheetViews><sheetView workbookViewId=\"0\"\(index == 0 ? " tabSelected=\"1\"" : "")>"
        if let header = sheet.headerRow {
            s +=
                "<pane ySplit=\"\(header)\" topLeftCell=\"A\(header + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            s += "<selection pane=\"bottomLeft\" activeCell=\"A\(header + 1)\" sqref=\"A\(header + 1)\"/>"
        }
        s += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        // An empty <cols> is invalid for Excel.
        if !sheet.widths.isEmpty {
            s += "<cols>"
            for (i, width) in sheet.widths.enumerated() {
                s += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            s += "</cols>"
        }
        s += "<sheetData>"
        for (r, row) in sheet.rows.enumerated() {
            let rowNumber = r + 1
            let tall = sheet.headerRow == rowNumber ? " ht=\"32\" customHeight=\"1\"" : ""
            s += "<row r=\"\(rowNumber)\"\(tall)>"
            for (c, (value, style)) in row.enumerated() {
                let ref = columnLetters(c) + String(rowNumber)
                let st = style == .plain ? "" : " s=\"\(style.rawValue)\""
                switch value {
                case .text(let text):
                    s +=
                        "<c r=\"\(ref)\"\(st) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(xmlEscaped(text))</t></is></c>"
                case .number(let x):
                    s += "<c r=\"\(ref)\"\(st)><v>\(Self.number(x))</v></c>"
                case .empty:
                    s += "<c r=\"\(ref)\"\(st)/>"
                }
            }
            s += "</row>"
        }
        s += "</sheetData>"
        if let header = sheet.headerRow, let last = sheet.lastDataRow {
            s += "<autoFilter ref=\"A\(header):\(lastColumn)\(last)\"/>"
        }
        if !sheet.mergedRows.isEmpty {
            s += "<mergeCells count=\"\(sheet.mergedRows.count)\">"
            for r in sheet.mergedRows { s += "<mergeCell ref=\"A\(r):\(lastColumn)\(r)\"/>" }
            s += "</mergeCells>"
        }
        s += "<pageMargins left=\"0.6\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        s += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        return s + "</worksheet>"
    }

    /// A number in the shortest form that reads back as the same Double.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// Fonts: 0 normal, 1 bold, 2 bold 14 pt, 3 italic. Number formats 164
    /// (signed counts) and 165 (rates with two decimals) are custom; 3
    /// (`#,##0`) and 10 (`0.00%`) are built in. The order of `cellXfs`
    /// follows `CellStyle`.
    static let styles: String = {
        let font = "<sz val=\"11\"/><name val=\"Times New Roman\"/><family val=\"1\"/>"
        var s = xmlDeclaration + "<styleSheet xmlns=\"\(Namespace.spreadsheet)\">"
        s += "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"+#,##0;-#,##0;0\"/>"
        s += "<numFmt numFmtId=\"165\" formatCode=\"0.0%\"/></numFmts>"
        s += "<fonts count=\"4\"><font>\(font)</font><font><b/>\(font)</font>"
        s += "<font><b/><sz val=\"14\"/><name val=\"Times New Roman\"/><family val=\"1\"/></font>"
        s += "<font><i/>\(font)</font></fonts>"
        s +=
            "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        s +=
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9E2F3\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        let thin =
            "<left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/>"
        s +=
            "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border><border>\(thin)</border></borders>"
        s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        // (numFmt, font, fill, border, extra)
        let xfs: [(Int, Int, Int, Int, String)] = [
            (0, 0, 0, 0, ""),  // plain
            (0, 2, 0, 0, "<alignment vertical=\"center\"/>"),  // title
            (0, 3, 0, 0, ""),  // subtitle
            (0, 1, 2, 1, "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>"),  // header
            (0, 0, 0, 1, ""),  // text
            (3, 0, 0, 1, ""),  // integer
            (165, 0, 0, 1, ""),  // percent1
            (10, 0, 0, 1, ""),  // percent2
            (164, 0, 0, 1, ""),  // signed
            (0, 1, 0, 1, ""),  // totalText
            (3, 1, 0, 1, ""),  // totalInteger
            (165, 1, 0, 1, ""),  // totalPercent1
            (10, 1, 0, 1, ""),  // totalPercent2
            (164, 1, 0, 1, ""),  // totalSigned
        ]
        s += "<cellXfs count=\"\(xfs.count)\">"
        for (numFmt, font, fill, border, extra) in xfs {
            var attrs = "numFmtId=\"\(numFmt)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
            if numFmt != 0 { attrs += " applyNumberFormat=\"1\"" }
            if font != 0 { attrs += " applyFont=\"1\"" }
            if fill != 0 { attrs += " applyFill=\"1\"" }
            if border != 0 { attrs += " applyBorder=\"1\"" }
            s += extra.isEmpty ? "<xf \(attrs)/>" : "<xf \(attrs) applyAlignment=\"1\">\(extra)</xf>"
        }
        s += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return s + "</styleSheet>"
    }()
}
