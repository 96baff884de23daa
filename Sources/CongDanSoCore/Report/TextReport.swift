/// The plain-text report: the letter's sentences first, then the day's
/// changes, the goal and the totals by group. One paragraph a line, so the
/// sentences can be copied into the letter as they are.
public enum TextReport {
    public static func render(_ s: Standings, _ lang: Language) -> String {
        var lines: [String] = []
        let tz = s.config.timeZone
        lines.append(s.config.title)
        lines.append(
            lang == .vi
                ? "Số liệu lúc \(DateForms.moment(s.moment, offset: tz, .vi))"
                : "Figures at \(DateForms.moment(s.moment, offset: tz, .en))")
        lines.append("")
        lines.append(LetterSentences.overview(s, lang))
        if let top = LetterSentences.top(s, lang) { lines.append(top) }
        if let bottom = LetterSentences.bottom(s, lang) { lines.append(bottom) }
        lines.append("")
        lines.append(changes(s, lang))
        lines.append(goal(s, lang))
        lines.append("")
        // One section a grouping the data has: type, then province and
        // former province when units carry them.
        for dimension in s.dimensions {
            lines.append(dimension.title(lang) + ":")
            for g in s.groups(by: dimension) { lines.append("  " + group(g.label(lang), g.totals, lang)) }
        }
        if !s.dataset.warnings.isEmpty {
            lines.append("")
            lines.append(
                lang == .vi
                    ? "Lưu ý: dữ liệu có \(s.dataset.warnings.count) cảnh báo; xem `congdanso validate`."
                    : "Note: the data has \(s.dataset.warnings.count) warning(s); see `congdanso validate`.")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func changes(_ s: Standings, _ lang: Language) -> String {
        guard s.hasChange24h else {
            let first = s.dataset.firstMoment.map { DateForms.moment($0, offset: s.config.timeZone, lang) } ?? "–"
            switch lang {
            case .vi: return "Trong 24 giờ qua: chưa có số liệu để so sánh (dữ liệu bắt đầu từ \(first))."
            case .en: return "Over the last 24 hours: nothing to compare with yet (the data starts at \(first))."
            }
        }
        let reg = NumberForms.signed(s.city.registeredChange24h, lang)
        let done = NumberForms.signed(s.city.completedChange24h, lang)
        let rate = NumberForms.percent(s.city.completionRate, lang)
        switch lang {
        case .vi:
            return
                "Trong 24 giờ qua: \(reg) thí sinh đăng ký, \(done) thí sinh hoàn thành bài thi. Tỷ lệ hoàn thành bài thi: \(rate) số thí sinh đăng ký."
        case .en:
            return
                "Over the last 24 hours: \(reg) registered, \(done) completed. Completion rate: \(rate) of those registered."
        }
    }

    static func goal(_ s: Standings, _ lang: Language) -> String {
        let g = s.goal
        let estimated = s.dataset.units.contains(where: \.adultsEstimated)
        let target = NumberForms.percent(g.targetShare, digits: 0, lang)
        let adults = NumberForms.integer(g.adults, lang)
        let needed = NumberForms.integer(Int(g.targetCompletions.rounded(.up)), lang)
        let reached = NumberForms.percent(g.completedShare, lang)
        let deadline = DateForms.date(g.deadline, lang)
        let pace = g.pacePerDay.map { NumberForms.integer(Int($0.rounded()), lang) }
        let paceDays = NumberForms.decimal(g.paceDays, digits: g.paceDays == g.paceDays.rounded() ? 0 : 1, lang)
        switch lang {
        case .vi:
            var text =
                "Mục tiêu đến hết ngày \(deadline): \(target) người trưởng thành (\(needed) trên \(adults) người\(estimated ? ", ước tính" : "")) hoàn thành. Đã đạt \(reached)."
            if g.isReached {
                text += " Đã hoàn thành mục tiêu."
            } else if let required = g.requiredPerDay {
                let days = NumberForms.decimal(g.daysLeft, digits: 1, lang)
                text +=
                    " Còn \(days) ngày, cần khoảng \(NumberForms.integer(Int(required.rounded(.up)), lang)) người hoàn thành mỗi ngày"
                text += pace.map { "; tốc độ \(paceDays) ngày qua: \($0) người/ngày." } ?? "."
            } else {
                text += " Đã quá hạn."
            }
            return text
        case .en:
            var text =
                "Goal by the end of \(deadline): \(target) of adults (\(needed) of \(adults)\(estimated ? ", estimated" : "")) complete the test. Reached: \(reached)."
            if g.isReached {
                text += " The goal is met."
            } else if let required = g.requiredPerDay {
                let days = NumberForms.decimal(g.daysLeft, digits: 1, lang)
                text +=
                    " \(days) days left: about \(NumberForms.integer(Int(required.rounded(.up)), lang)) completions a day needed"
                text += pace.map { "; pace over the last \(paceDays) days: \($0) a day." } ?? "."
            } else {
                text += " The deadline has passed."
            }
            return text
        }
    }

    static func group(_ name: String, _ t: GroupTotals, _ lang: Language) -> String {
        let units = NumberForms.integer(t.units, lang)
        let reg = NumberForms.integer(t.registered, lang)
        let done = NumberForms.integer(t.completed, lang)
        let rate = NumberForms.percent(t.completionRate, lang)
        let cover = NumberForms.percent(t.coverage, digits: 2, lang)
        switch lang {
        case .vi:
            return
                "\(name): \(units) đơn vị, \(reg) đăng ký, \(done) hoàn thành (\(rate)), độ phủ người trưởng thành \(cover)"
        case .en:
            return "\(name): \(units) units, \(reg) registered, \(done) completed (\(rate)), adult coverage \(cover)"
        }
    }
}
