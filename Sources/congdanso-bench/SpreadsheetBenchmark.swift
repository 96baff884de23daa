import CongDanSoCore
import Foundation
import OfficeDocuments
import SpreadsheetReader

/// `congdanso-bench xlsx`: a 100,000-row snapshot workbook (made by
/// openpyxl with tools/make_xlsx_bench.py) streamed by the XLSX reader
/// alone, then loaded as a data directory, against its CSV twin; then the
/// letter and the workbook export written from the sample data.
/// `congdanso-bench xlsx DIR` also loads DIR (a directory of workbooks,
/// e.g. made by LibreOffice) five times.
func spreadsheetBenchmark(root: URL, extra: String? = nil) {
    if let extra {
        var rows = 0
        let times = measure(runs: 5) {
            let r = DataDirectory.load(extra)
            guard let d = r.dataset else { print("xlsx: \(r.issues.prefix(3))"); exit(1) }
            rows = d.histories.reduce(0) { $0 + $1.count }
        }
        print("xlsx: \(extra): \(rows) history entries; load median \(ms(median(times))), best \(ms(times[0]))")
    }
    let xlsxDirectory = root.appendingPathComponent("bench-data/xlsx-100k").path
    let csvDirectory = root.appendingPathComponent("bench-data/csv-100k").path
    if !FileManager.default.fileExists(atPath: xlsxDirectory + "/snapshots/hourly.xlsx") {
        print("making bench-data/xlsx-100k with tools/make_xlsx_bench.py (needs openpyxl) …")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", root.appendingPathComponent("tools/make_xlsx_bench.py").path, root.path]
        do { try p.run(); p.waitUntilExit() } catch { print("cannot run python3: \(error)"); exit(1) }
        guard p.terminationStatus == 0 else { print("the generator failed"); exit(1) }
    }
    let workbook = xlsxDirectory + "/snapshots/hourly.xlsx"
    let size = (try? FileManager.default.attributesOfItem(atPath: workbook)[.size] as? Int) ?? 0
    print("xlsx: \(workbook) (\(size / 1024) KiB)")
    var rows = 0, cells = 0
    let stream = measure(runs: 5) {
        rows = 0; cells = 0
        do {
            let reader = try XLSXReader(path: workbook)
            try reader.readRows { _, c in
                rows += 1; cells += c.count
            }
        } catch { print("xlsx: \(error)"); exit(1) }
    }
    print(
        "  stream the sheet (XLSXReader): \(rows) rows, \(cells) cells; median \(ms(median(stream))), best \(ms(stream[0]))"
    )
    var units = 0
    let loadXLSX = measure(runs: 5) {
        let r = DataDirectory.load(xlsxDirectory)
        guard let d = r.dataset else { print("xlsx: \(r.issues.prefix(3))"); exit(1) }
        units = d.units.count
    }
    let loadCSV = measure(runs: 5) { _ = DataDirectory.load(csvDirectory) }
    print(
        "  load the directory (\(units) units, 100,000 snapshot rows): xlsx median \(ms(median(loadXLSX))), csv twin median \(ms(median(loadCSV)))"
    )

    let sample = DataDirectory.load(root.appendingPathComponent("sample-data").path)
    guard let dataset = sample.dataset else { return }
    let standings = Standings(
        dataset: dataset, now: Timestamp(milliseconds: Int64(Date().timeIntervalSince1970 * 1000)))
    var letterBytes = 0, workbookBytes = 0
    let letter = measure(runs: 5) {
        letterBytes = (try? LetterDocument.docx(standings, template: .builtIn(.vi), lang: .vi).count) ?? 0
    }
    let export = measure(runs: 5) {
        workbookBytes = (try? SpreadsheetExport.workbook(standings.ranked, standings: standings, lang: .vi).count) ?? 0
    }
    print(
        "  write the letter (.docx, \(letterBytes / 1024) KiB): median \(ms(median(letter))); the export (.xlsx, \(workbookBytes / 1024) KiB): median \(ms(median(export)))"
    )
}
