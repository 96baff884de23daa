import Foundation
import Testing
import ZIPFoundation

@testable import CongDanSoCore
@testable import OfficeDocuments

/// The sample data's standings at its latest moment.
func sampleStandings() throws -> Standings {
    let r = DataDirectory.load(sampleDataPath)
    return Standings(dataset: try #require(r.dataset), now: Timestamp(milliseconds: 1_800_000_000_000))
}

/// The parts of a package, in archive order, with their text.
func parts(_ data: Data) throws -> [(String, String)] {
    let archive = try Archive(data: data, accessMode: .read)
    return try archive.map { entry in
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return (entry.path, String(decoding: bytes, as: UTF8.self))
    }
}

@Suite("Office documents")
struct OfficeWriterTests {
    @Test("the default template reproduces the seed's fields; empty ones show …")
    func defaultTemplate() throws {
        let s = try sampleStandings()
        let f = try LetterTemplate.builtIn(.vi).fields(LetterTemplate.variables(s, .vi))
        #expect(f.text("co_quan_chu_quan") == "UBND THÀNH PHỐ HẢI PHÒNG")
        #expect(f.text("so") == "…")
        #expect(f.text("ngay") == "…")
        #expect(f.text("nam") == "2025")
        #expect(
            f.text("trich_yeu")
                == "thông tin sơ bộ kết quả sau 10 ngày triển khai Cuộc thi “Công dân số Hải Phòng - sử dụng thông minh, sống an toàn”"
        )
        #expect(f.lines("kinh_gui").count == 3)
        #expect(f.lines("de_nghi").count == 2)
        #expect(f.text("nguoi_ky") == "Vũ Đại Thắng")
        #expect(f.lines("noi_nhan").last == "Lưu: VT; TTTT.")
        // Every field the template knows is in the default.
        for name in LetterTemplate.fieldNames {
            #expect(LetterTemplate.defaultVietnamese.contains("[\(name)]"))
            #expect(LetterTemplate.defaultEnglish.contains("[\(name)]"))
        }
    }

    @Test("a template's unknown field and broken Mustache are errors naming the file")
    func templateErrors() throws {
        let s = try sampleStandings()
        let v = LetterTemplate.variables(s, .vi)
        #expect(throws: LetterTemplate.Failure.self) {
            try LetterTemplate(source: "[co_quan]\nX\n[typo]\nY\n", origin: "t.mustache").fields(v)
        }
        do {
            _ = try LetterTemplate(source: "[co_quan]\n{{#open}}\n", origin: "t.mustache").fields(v)
            Issue.record("no error")
        } catch let e as LetterTemplate.Failure {
            #expect(e.description.hasPrefix("t.mustache: error:"))
        }
        // Text is not HTML-escaped; missing fields read "…".
        let f = try LetterTemplate(source: "[co_quan]\nA & B <{{cuoc_thi}}>\n", origin: "t").fields(v)
        #expect(f.text("co_quan") == "A & B <Công dân số Hải Phòng - sử dụng thông minh, sống an toàn>")
        #expect(f.text("nguoi_ky") == "…")
    }

    @Test("the letter: [Content_Types].xml first, the report's sentences, Decree 30's page, a repeated header row")
    func letterParts() throws {
        let s = try sampleStandings()
        let data = try LetterDocument.docx(s, template: .builtIn(.vi), lang: .vi)
        let p = try parts(data)
        #expect(p.first?.0 == "[Content_Types].xml")
        let document = try #require(p.first { $0.0 == "word/document.xml" }?.1)
        for sentence in LetterDocument.statisticsSentences(s, .vi) {
            #expect(document.contains(xmlEscaped("- " + sentence)))
        }
        #expect(document.contains(ReportSentences.overview))
        #expect(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(
            document.contains("<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\""))
        #expect(document.contains("<w:tblHeader/>"))
        #expect(document.contains("<w:pgNumType w:start=\"1\"/>"))
        #expect(p.first { $0.0 == "word/header1.xml" }?.1.contains("PAGE") == true)
        #expect(p.first { $0.0 == "word/header2.xml" }?.1.contains("PAGE") == false)
        // Every unit's row, in rank order.
        var position = document.startIndex
        for u in s.ranked {
            let cell = ">" + xmlEscaped(u.unit.fullName(.vi)) + "<"
            let found = try #require(document.range(of: cell, range: position..<document.endIndex), "\(cell)")
            position = found.upperBound
        }
    }

    @Test("the workbook: [Content_Types].xml first, numbers as numbers, percentage formats, frozen header")
    func workbookParts() throws {
        let s = try sampleStandings()
        let data = try SpreadsheetExport.workbook(s.ranked, standings: s, lang: .vi)
        let p = try parts(data)
        #expect(p.first?.0 == "[Content_Types].xml")
        let sheet = try #require(p.first { $0.0 == "xl/worksheets/sheet1.xml" }?.1)
        #expect(sheet.contains("<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A3:M117\"/>"))
        #expect(sheet.contains("<c r=\"F4\" s=\"\(CellStyle.integer.rawValue)\"><v>2160</v></c>"))
        #expect(sheet.contains("<c r=\"F118\" s=\"\(CellStyle.totalInteger.rawValue)\"><v>84360</v></c>"))
        let styles = try #require(p.first { $0.0 == "xl/styles.xml" }?.1)
        #expect(styles.contains("formatCode=\"0.0%\""))
        #expect(Worksheet.safeName("a/b[c]:d?e*f\\g and a very long name indeed") == "a-b-c--d-e-f-g and a very long ")
    }
}

/// The seed's first statistics sentence (design §4), as the letter must hold it.
enum ReportSentences {
    static let overview =
        "Tính đến 15h00 ngày 22/10/2025, toàn thành phố đã có 114 xã, phường, đặc khu tham gia Cuộc thi với 84.360 thí sinh đăng ký tham gia, 49.317 thí sinh hoàn thành bài thi."
}

@Suite("letter and export --format xlsx on the command line")
struct OfficeCommandLineTests {
    @Test("a letter.mustache in the data directory gives the letter's words; the sentences stay the report's")
    func templateFromTheDataDirectory() throws {
        let binary = try #require(OfficeClientTests.binary, "congdanso is not built")
        let dir = TempFolder()
        let fm = FileManager.default
        for name in ["units.csv", "config.toml"] {
            try fm.copyItem(atPath: sampleDataPath + "/" + name, toPath: dir.path + "/" + name)
        }
        for name in try fm.contentsOfDirectory(atPath: sampleDataPath + "/snapshots") {
            try fm.copyItem(atPath: sampleDataPath + "/snapshots/" + name, toPath: dir.path + "/snapshots/" + name)
        }
        dir.write(
            "letter.mustache",
            "[co_quan]\nTRUNG TÂM CÔNG NGHỆ THÔNG TIN\n[so]\n125\n[nguoi_ky]\nNguyễn Văn A\n[mo_dau]\nSau {{so_ngay}} ngày, tính đến {{thoi_diem}}:\n[chuc_vu]\n"
        )
        let out = dir.path + "/l.docx"
        let (status, output) = try OfficeClientTests.run([binary, "letter", "--data", dir.path, "-o", out])
        #expect(status == 0, "\(output)")
        #expect(output.contains("template: \(dir.path)/letter.mustache"))
        let document = try #require(
            try parts(Data(contentsOf: URL(fileURLWithPath: out))).first { $0.0 == "word/document.xml" }?.1)
        #expect(document.contains("TRUNG TÂM CÔNG NGHỆ THÔNG TIN"))
        #expect(document.contains("Số: 125/SKHCN-TTTT"))
        #expect(document.contains("Nguyễn Văn A"))
        #expect(document.contains("Sau 10 ngày, tính đến 15h00 ngày 22/10/2025:"))
        #expect(document.contains(ReportSentences.overview))
        // Fields the template leaves out keep the built-in wording; an empty one shows "…".
        #expect(document.contains("KT. GIÁM ĐỐC"))
        #expect(document.contains("Thành đoàn Hải Phòng;"))
        #expect(!document.contains("PHÓ GIÁM ĐỐC"))
        #expect(document.contains(">…</w:t>"))
    }

    @Test("a broken template, and xlsx or letter without -o, are errors with a message")
    func errors() throws {
        let binary = try #require(OfficeClientTests.binary, "congdanso is not built")
        let dir = TempFolder()
        dir.write("bad.mustache", "[co_quan]\n{{#x}}\n")
        let (s1, o1) = try OfficeClientTests.run([
            binary, "letter", "--data", sampleDataPath, "--template", dir.path + "/bad.mustache", "-o",
            dir.path + "/x.docx",
        ])
        #expect(s1 == 1 && o1.contains("bad.mustache: error: the template is not valid Mustache"), "\(o1)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/x.docx"))
        let (s2, o2) = try OfficeClientTests.run([binary, "export", "--data", sampleDataPath, "--format", "xlsx"])
        #expect(s2 != 0 && o2.contains("-o FILE.xlsx"), "\(o2)")
        let (s3, o3) = try OfficeClientTests.run([binary, "letter", "--data", sampleDataPath])
        #expect(s3 != 0 && o3.contains("-o FILE.docx"), "\(o3)")
        let (s4, o4) = try OfficeClientTests.run([binary, "letter", "--print-template"])
        #expect(s4 == 0 && o4.contains("[kinh_gui]\nThành đoàn Hải Phòng;"), "\(o4)")
    }
}
