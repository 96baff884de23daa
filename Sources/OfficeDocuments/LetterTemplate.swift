import CongDanSoCore
import Foundation
import Mustache

/// The words of the letter that are not statistics: who sends it, to whom,
/// the opening paragraphs, the requests, the signer and "Nơi nhận".
///
/// A template is a Mustache text (logic-less: `{{cuoc_thi}}` and the like)
/// split into fields by lines of the form `[field]`. A field's lines are its
/// items (recipients, paragraphs, requests); a field left empty shows "…",
/// as the seed letter leaves its number and date for the clerk to fill in
/// by hand; a field the template leaves out keeps the built-in wording.
/// Lines before the first field are comments.
public struct LetterTemplate: Sendable {
    /// Every field, in the order the default template gives them.
    public static let fieldNames = [
        "co_quan_chu_quan", "co_quan", "ten_co_quan", "so", "ky_hieu", "trich_yeu", "dia_danh", "ngay", "thang",
        "nam", "kinh_gui", "mo_dau", "chi_tiet", "de_nghi_mo_dau", "de_nghi", "lien_he", "ket", "quyen_han",
        "chuc_vu", "nguoi_ky", "noi_nhan", "phu_luc_tieu_de",
    ]

    public let source: String
    /// Where the template came from (a path, or "default"), for messages.
    public let origin: String

    public init(source: String, origin: String) {
        self.source = source
        self.origin = origin
    }

    /// The file a data directory's template lives in for a language.
    public static func fileName(_ lang: Language) -> String {
        lang == .vi ? "letter.mustache" : "letter.en.mustache"
    }

    public static func builtIn(_ lang: Language) -> LetterTemplate {
        LetterTemplate(source: lang == .vi ? defaultVietnamese : defaultEnglish, origin: "default")
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The template rendered with the data's variables and split into
    /// fields: each field's non-empty lines, trimmed.
    public func fields(_ variables: [String: String]) throws -> LetterFields {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + source)
        } catch {
            throw Failure(description: "\(origin): error: the template is not valid Mustache (\(error))")
        }
        let text = template.render(variables)
        var fields: [String: [String]] = [:]
        var current: String? = nil
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("["), line.hasSuffix("]"), line.count > 2,
                line.dropFirst().dropLast().allSatisfy({ $0.isLetter || $0 == "_" || $0.isNumber })
            {
                let name = String(line.dropFirst().dropLast())
                guard Self.fieldNames.contains(name) else {
                    throw Failure(
                        description:
                            "\(origin): error: unknown field [\(name)]; the fields are \(Self.fieldNames.joined(separator: ", "))"
                    )
                }
                current = name
                fields[name, default: []] = fields[name] ?? []
                continue
            }
            guard let current else { continue }
            if !line.isEmpty { fields[current, default: []].append(line) }
        }
        return LetterFields(fields)
    }

    /// The Mustache variables a template may use, from the data.
    public static func variables(_ s: Standings, _ lang: Language) -> [String: String] {
        let tz = s.config.timeZone
        let now = s.moment.localTime(tz)
        let firstDay = (s.dataset.firstMoment ?? s.moment)
        let days = dayNumber(s.moment, tz) - dayNumber(firstDay, tz) + 1
        return [
            "cuoc_thi": s.config.title,
            "cuoc_thi_in_hoa": s.config.title.uppercased(with: Locale(identifier: "vi_VN")),
            "thoi_diem": DateForms.moment(s.moment, offset: tz, lang),
            "ngay_so_lieu": DateForms.date(CalendarDate(year: now.year, month: now.month, day: now.day), lang),
            "nam": String(now.year),
            "so_ngay": String(max(days, 1)),
            "muc_tieu": NumberForms.percent(s.config.targetShare, digits: 0, lang),
            "han": DateForms.date(s.config.deadline, lang),
        ]
    }

    private static func dayNumber(_ t: Timestamp, _ tz: UTCOffset) -> Int64 {
        let local = t.milliseconds + Int64(tz.seconds) * 1000
        return local >= 0
            ? local / Timestamp.millisecondsPerDay
            : (local - Timestamp.millisecondsPerDay + 1) / Timestamp.millisecondsPerDay
    }
}

/// A rendered template's fields. Missing or empty fields read as "…".
public struct LetterFields: Sendable {
    public static let blank = "…"
    let values: [String: [String]]

    init(_ values: [String: [String]]) { self.values = values }

    /// The field's lines; `["…"]` when it has none.
    public func lines(_ name: String) -> [String] {
        let v = values[name] ?? []
        return v.isEmpty ? [Self.blank] : v
    }

    /// The field as one line (its lines joined by spaces); "…" when empty.
    public func text(_ name: String) -> String { lines(name).joined(separator: " ") }

    /// These fields, with the ones they leave out taken from `defaults`
    /// (a field that is present but empty stays empty: "…").
    public func filling(from defaults: LetterFields) -> LetterFields {
        LetterFields(values.merging(defaults.values) { mine, _ in mine })
    }
}
