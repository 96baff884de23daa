import ArgumentParser
import CongDanSoCore
import Foundation
import OfficeDocuments

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract:
            "Write the unit table as the dashboard shows it (sorted, filtered) as CSV, JSON, Markdown or an Excel workbook."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, markdown, xlsx }

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "The moment to export, instead of the latest.")
    var at: String?

    @Option(name: .long, help: "Sort column: \(SortColumn.allCases.map(\.rawValue).joined(separator: ", ")).")
    var sort: SortColumn = .registered

    @Flag(name: .long, help: "Reverse the column's natural order (numbers largest first, names A to Z).")
    var reverse = false

    @Option(name: .long, help: "Keep units whose name contains this text (case, accents and đ ignored: \"do son\").")
    var filter: String?

    @Option(name: .long, help: "Keep one type: xã, phường or đặc khu (accents optional).")
    var type: String?

    @Option(name: .customLong("former-province"), help: "Keep one former province, e.g. \"Hải Dương\".")
    var formerProvince: String?

    @Option(name: .long, help: "Keep one province (since July 2025), e.g. \"Đắk Lắk\" or \"dak lak\".")
    var province: String?

    @Option(name: .long, help: "Output format: csv, json, markdown or xlsx (a workbook; needs -o).")
    var format: Format = .csv

    @Option(name: .long, help: "Language of Markdown and workbook headings and numbers: vi or en.")
    var lang: Language = .vi

    @Flag(name: .customLong("no-bom"), help: "Leave out the UTF-8 byte-order mark that helps Excel read CSV.")
    var noBOM = false

    @Option(
        name: [.short, .long],
        help:
            "Write to this file instead of standard output: replaced whole or not at all, through symbolic links, keeping its mode and owner."
    )
    var output: String?

    func validate() throws {
        if let type, UnitType(parsing: type) == nil { throw ValidationError("--type must be xã, phường or đặc khu") }
        if format == .xlsx, output == nil { throw ValidationError("--format xlsx writes a file: add -o FILE.xlsx") }
    }

    func run() throws {
        let standings = try options.standings(at: at)
        let query = TableQuery(
            sort: sort, reversed: reverse, text: filter ?? "",
            type: type.flatMap(UnitType.init(parsing:)), formerProvince: formerProvince, province: province)
        let rows = query.apply(to: standings)
        let bytes: Data
        switch format {
        case .csv: bytes = Data(TableExport.csv(rows, standings: standings, byteOrderMark: !noBOM).utf8)
        case .json: bytes = Data(TableExport.json(rows).utf8)
        case .markdown: bytes = Data(TableExport.markdown(rows, lang, dataset: standings.dataset).utf8)
        case .xlsx:
            bytes = try SpreadsheetExport.workbook(
                rows, standings: standings, lang: lang, note: SpreadsheetExport.note(query, lang))
        }
        try CommandOutput.emit(Array(bytes), to: output)
        if let output { CommandOutput.note("wrote \(rows.count) units to \(output)") }
    }
}
