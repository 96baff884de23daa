import CongDanSoCore

/// Labels that carry values.
enum Phrase {
    /// "Mục tiêu 80% người trưởng thành" / "Goal: 80% of adults".
    static func goal(_ share: Double, _ lang: Language) -> String {
        let p = percentLabel(share, lang)
        return lang == .vi ? "Mục tiêu \(p) người trưởng thành" : "Goal: \(p) of adults"
    }

    /// "80%" without a needless ",0".
    static func percentLabel(_ share: Double, _ lang: Language) -> String {
        let whole = (share * 100).rounded()
        if abs(share * 100 - whole) < 1e-9 { return NumberForms.integer(Int(whole), lang) + "%" }
        return NumberForms.percent(share, lang)
    }

    /// "cần 35.342 HT/ngày" / "need 35,342/day".
    static func needPerDay(_ n: Double, _ lang: Language) -> String {
        let v = NumberForms.integer(Int(n.rounded(.up)), lang)
        return lang == .vi ? "cần \(v) HT/ngày" : "need \(v)/day"
    }

    /// "đang 6.138" / "pace 6,138".
    static func pace(_ n: Double?, _ lang: Language) -> String {
        let v = n.map { NumberForms.integer(Int($0.rounded()), lang) } ?? "–"
        return lang == .vi ? "đang \(v)" : "pace \(v)"
    }

    /// "Cửa sổ quá nhỏ: 30×8, cần tối thiểu 40×10".
    static func tooSmall(width: Int, height: Int, minWidth: Int, minHeight: Int, _ lang: Language) -> String {
        lang == .vi
            ? "Cửa sổ quá nhỏ: \(width)×\(height), cần tối thiểu \(minWidth)×\(minHeight)"
            : "Window too small: \(width)×\(height), need at least \(minWidth)×\(minHeight)"
    }

    /// "tự làm mới mỗi 30 giây" / "refresh every 30 s".
    static func refreshEvery(_ seconds: Int, _ lang: Language) -> String {
        if seconds % 60 == 0, seconds >= 60 {
            return lang == .vi ? "tự làm mới mỗi \(seconds / 60) phút" : "refresh every \(seconds / 60) min"
        }
        return lang == .vi ? "tự làm mới mỗi \(seconds) giây" : "refresh every \(seconds) s"
    }

    /// "Còn cần 25.858 HT để đạt 80% người trưởng thành".
    static func stillNeeded(_ n: Int, share: Double, _ lang: Language) -> String {
        let v = NumberForms.integer(n, lang), p = percentLabel(share, lang)
        if n == 0 { return lang == .vi ? "Đã đạt \(p) người trưởng thành" : "Has reached \(p) of adults" }
        return lang == .vi
            ? "Còn cần \(v) HT để đạt \(p) người trưởng thành"
            : "Still needs \(v) completions to reach \(p) of adults"
    }

    /// "3/114 trong bảng" / "3 of 114 in the table".
    static func position(_ index: Int, of count: Int, _ lang: Language) -> String {
        lang == .vi ? "\(index)/\(count) trong bảng" : "\(index) of \(count) in the table"
    }

    /// The table's header of a sort column (the status line names the sort by it).
    static func columnHeader(_ sort: SortColumn, _ lang: Language) -> String {
        switch sort {
        case .rank: return Label.rankHeader.text(lang)
        case .name: return Label.unitHeader.text(lang)
        case .type: return Label.typeHeader.text(lang)
        case .registered: return Label.registered.text(lang)
        case .completed: return Label.completed.text(lang)
        case .completionRate: return Label.completionRate.text(lang)
        case .coverage: return Label.coverage.text(lang)
        case .registeredChange24h: return Label.changeRegisteredHeader.text(lang)
        case .completedChange24h: return Label.changeCompletedHeader.text(lang)
        }
    }

    /// A rank among `count` units: "5/114" in both languages.
    static func rank(_ rank: Int, of count: Int, _ lang: Language) -> String {
        "\(rank)/\(count)"
    }

    // Lines that name keys take the names from the key table, so they
    // follow it if a key changes. Unicode names: the ASCII mode
    // transliterates whole frames anyway.

    /// "Không có đơn vị nào khớp bộ lọc (Esc để bỏ lọc)".
    static func noRows(_ lang: Language) -> String {
        let esc = key(.clearFilters, .table)
        return lang == .vi
            ? "Không có đơn vị nào khớp bộ lọc (\(esc) để bỏ lọc)" : "No unit matches the filter (\(esc) clears it)"
    }

    /// "Enter giữ · Esc xoá · ↑↓ chọn" while typing a filter.
    static func filterPromptHint(_ lang: Language) -> String {
        let keep = key(.filterKeep, .filterInput), clear = key(.filterClear, .filterInput)
        let select = key(.moveUp, .filterInput) + key(.moveDown, .filterInput)
        return lang == .vi
            ? "\(keep) giữ · \(clear) xoá · \(select) chọn" : "\(keep) keeps · \(clear) clears · \(select) select"
    }

    /// "Enter giữ · Esc thôi · ↑↓ kết quả" while typing a search.
    static func searchPromptHint(_ lang: Language) -> String {
        let keep = key(.searchKeep, .searchInput), cancel = key(.searchCancel, .searchInput)
        let step = key(.searchPrevious, .searchInput) + key(.searchNext, .searchInput)
        return lang == .vi
            ? "\(keep) giữ · \(cancel) thôi · \(step) kết quả" : "\(keep) keeps · \(cancel) cancels · \(step) matches"
    }

    /// "Không còn đơn vị này trong dữ liệu. Esc để quay lại."
    static func unitMissing(_ lang: Language) -> String {
        let back = key(.back, .detail)
        return lang == .vi
            ? "Không còn đơn vị này trong dữ liệu. \(back) để quay lại."
            : "This unit is no longer in the data. \(back) goes back."
    }

    /// "? hoặc Esc để đóng · ↑↓ cuộn", the help box's footer.
    static func helpClose(_ lang: Language) -> String {
        let help = key(.toggleHelp, .help), close = key(.back, .help)
        let scroll = key(.scrollUp, .help) + key(.scrollDown, .help)
        return lang == .vi
            ? "\(help) hoặc \(close) để đóng · \(scroll) cuộn" : "\(help) or \(close) closes · \(scroll) scroll"
    }

    /// The first key of `action` in `context`, as help names it.
    private static func key(_ action: Action, _ context: KeyContext) -> String {
        KeyTable.firstLabel(action, in: context, ascii: false) ?? "?"
    }

    /// The type as the table writes it (short in English).
    static func typeShort(_ type: UnitType, _ lang: Language) -> String {
        switch lang {
        case .vi: return type.rawValue
        case .en:
            switch type {
            case .xa: return "commune"
            case .phuong: return "ward"
            case .dacKhu: return "sp. zone"
            }
        }
    }

    /// "Đã xuất 2 dòng ra /tmp/x.csv".
    static func exported(path: String, rows: Int?, _ lang: Language) -> String {
        guard let rows else { return Label.exportedTo.text(lang) + " " + path }
        return lang == .vi ? "Đã xuất \(rows) dòng ra \(path)" : "Exported \(rows) rows to \(path)"
    }

    /// "Xem 2/114" style count of rows shown.
    static func shown(_ shown: Int, of total: Int) -> String { "\(shown)/\(total)" }

    /// "đạt 80%:" / "at 80%:".
    static func atTarget(_ share: Double, _ lang: Language) -> String {
        lang == .vi ? "đạt \(percentLabel(share, lang)):" : "at \(percentLabel(share, lang)):"
    }

    /// The top ten's legend: "10 đơn vị đăng ký nhiều nhất thành phố (…)",
    /// "… nhiều nhất cả nước …"; "the city's top ten …", "the country's …".
    static func legendTop(_ scope: ContestScope, _ lang: Language) -> String {
        lang == .vi
            ? "10 đơn vị đăng ký nhiều nhất \(scope.noun(.vi)) (dù sắp xếp, lọc thế nào)"
            : "the \(scope.noun(.en))'s top ten by registrations (whatever the sort or filter)"
    }

    /// "10 đơn vị đăng ký ít nhất thành phố" / "the city's bottom ten".
    static func legendBottom(_ scope: ContestScope, _ lang: Language) -> String {
        lang == .vi ? "10 đơn vị đăng ký ít nhất \(scope.noun(.vi))" : "the \(scope.noun(.en))'s bottom ten"
    }

    /// The status line's short name of a group filter: "loại", "tỉnh", "tỉnh cũ".
    static func filterLabel(_ dimension: GroupDimension, _ lang: Language) -> String {
        switch dimension {
        case .type: return Label.typeFilterLabel.text(lang)
        case .province: return Label.provinceFilterLabel.text(lang)
        case .formerProvince: return Label.formerProvinceFilterLabel.text(lang)
        }
    }

    /// A group filter's value as the status line writes it: a type short, a place as written.
    static func filterValue(_ dimension: GroupDimension, _ value: String, _ lang: Language) -> String {
        if dimension == .type, let type = UnitType(parsing: value) { return typeShort(type, lang) }
        return value
    }

    /// A move in the ranking: "↑3" / "↓2" (ASCII: "+3" / "-2" places).
    static func places(_ n: Int, ascii: Bool) -> String {
        if ascii { return n > 0 ? "+\(n)" : "\(n)" }
        return n > 0 ? "↑\(n)" : "↓\(-n)"
    }

    /// "hạng 4" / "place 4".
    static func place(_ n: Int, _ lang: Language) -> String { (lang == .vi ? "hạng " : "place ") + "\(n)" }

    /// "hạng 12 → 4" / "place 12 → 4".
    static func placeChange(_ before: Int, _ now: Int, ascii: Bool, _ lang: Language) -> String {
        let arrow = ascii ? "->" : "→"
        return (lang == .vi ? "hạng " : "place ") + "\(before) \(arrow) \(now)"
    }

    /// "km²" area.
    static func area(_ km2: Double, _ lang: Language) -> String {
        NumberForms.decimal(km2, digits: 2, lang) + " km²"
    }
}
