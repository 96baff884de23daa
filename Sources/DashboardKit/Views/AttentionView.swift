import CongDanSoCore

/// "Needs a call today": the units with a reason to call (see
/// `Attention`), most reasons first, each with its reasons in words; the
/// selected one opens with Enter.
///
///     Cần gọi hôm nay · 27 đơn vị
///       #  Đơn vị          Loại     Lý do
///     ▼114 Bạch Long Vĩ    đặc khu  không có đăng ký mới trong 9 giờ · độ phủ 0,2%, thành phố 1,6%
enum AttentionView {
    static func draw(_ p: inout Painter, _ state: DashboardState, in rect: Rect) {
        guard rect.height >= 2 else { return }
        let lang = p.lang
        let items = state.attentionItems
        let inner = rect.inset(left: 1, right: 1)
        let t = state.standings.config.attention
        let title = MonitorText.attentionTitle(items.count, lang)
        var x = inner.x
        x += p.write(title, x: x, y: rect.y, maxWidth: inner.width, .sectionTitle)
        let note = "  " + MonitorText.attentionRules(t, lang)
        p.write(note, x: x, y: rect.y, maxWidth: max(0, inner.maxX - x), .dim)
        if items.isEmpty {
            p.write(MonitorText.attentionNone(lang), x: inner.x, y: rect.y + 2, maxWidth: inner.width, .success)
            return
        }
        let nameWidth = min(24, items.map { state.cache.nameWidths[$0.unitIndex] }.max() ?? 10)
        let typeWidth = UnitType.allCases.map { TextWidth.of(Phrase.typeShort($0, lang)) }.max() ?? 6
        let rankWidth = 2 + max(3, state.cache.rankWidth)
        let headerY = rect.y + 1
        p.write(
            pad("#", rankWidth, right: true) + "  " + pad(Label.unitHeader.text(lang), nameWidth) + "  "
                + pad(Label.typeHeader.text(lang), typeWidth) + "  " + MonitorText.reasonHeader(lang),
            x: inner.x, y: headerY, maxWidth: inner.width, .header)
        let body = Rect(x: rect.x, y: headerY + 1, width: rect.width, height: max(0, rect.maxY - headerY - 1))
        let selected = min(state.monitor.attentionIndex, items.count - 1)
        let offset = DashboardState.scrollOffset(current: 0, selected: selected, count: items.count, page: body.height)
        for (line, i) in (offset..<min(items.count, offset + body.height)).enumerated() {
            let y = body.y + line
            let item = items[i]
            let f = state.standings.figures[item.unitIndex]
            let band = state.standings.band(of: f.index)
            let role: Role = band.isTop ? .top : band.isBottom ? .bottom : .plain
            var cx = inner.x
            p.write(pad(String(f.rank), rankWidth, right: true), x: cx, y: y, maxWidth: rankWidth, role)
            if band.isTop || band.isBottom {
                p.cell(
                    band.isTop ? p.glyphs.markerTop : p.glyphs.markerBottom, x: cx, y: y, width: 1,
                    band.isTop ? .markerTop : .markerBottom)
            }
            cx += rankWidth + 2
            let name = p.ascii ? state.cache.asciiNames[f.index] : f.unit.name
            p.write(name, x: cx, y: y, maxWidth: nameWidth, role)
            cx += nameWidth + 2
            p.write(Phrase.typeShort(f.unit.type, lang), x: cx, y: y, maxWidth: typeWidth, .dim)
            cx += typeWidth + 2
            let reasons = item.reasons.map { $0.text(lang) }.joined(separator: " " + p.glyphs.separator + " ")
            p.write(reasons, x: cx, y: y, maxWidth: max(0, inner.maxX - cx), .warning)
            if i == selected {
                p.emphasise(Rect(x: body.x, y: y, width: body.width, height: 1), .reverse)
            }
        }
    }

    private static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let w = TextWidth.of(s)
        guard w < width else { return s }
        let fill = String(repeating: " ", count: width - w)
        return right ? fill + s : s + fill
    }
}

/// The monitor's words, in both languages.
enum MonitorText {
    static func t(_ lang: Language, _ vi: String, _ en: String) -> String { lang == .vi ? vi : en }

    static func freshnessWord(_ f: Freshness, _ lang: Language) -> String {
        switch f {
        case .live: return t(lang, "trực tiếp", "live")
        case .late: return t(lang, "trễ", "late")
        case .stale: return t(lang, "lỗi đọc", "stale")
        }
    }

    static func attentionTitle(_ n: Int, _ lang: Language) -> String {
        t(lang, "Cần gọi hôm nay · \(n) đơn vị", "Needs a call today · \(n) units")
    }

    static func attentionShort(_ n: Int, _ lang: Language) -> String {
        t(lang, "\(n) cần gọi", "\(n) to call")
    }

    static func attentionTiny(_ n: Int, _ lang: Language) -> String { t(lang, "\(n) gọi", "\(n) call") }

    static func attentionRules(_ t: AttentionThresholds, _ lang: Language) -> String {
        let hours =
            t.stalledHours == t.stalledHours.rounded()
            ? String(Int(t.stalledHours)) : NumberForms.decimal(t.stalledHours, digits: 1, lang)
        let cov = NumberForms.percent(t.coverageRatio, digits: 0, lang)
        let rate = NumberForms.percent(t.completionRatio, digits: 0, lang)
        return lang == .vi
            ? "(không ĐK mới ≥ \(hours) giờ; độ phủ < \(cov) của TP; tỷ lệ HT < \(rate) của TP; \(t.behindCount) đơn vị chậm nhất so với nhịp cần)"
            : "(no new registration ≥ \(hours) h; coverage < \(cov) of the city's; completion rate < \(rate) of the city's; the \(t.behindCount) furthest behind their needed pace)"
    }

    static func attentionNone(_ lang: Language) -> String {
        t(lang, "Không có đơn vị nào cần gọi.", "No unit needs a call.")
    }

    static func reasonHeader(_ lang: Language) -> String { t(lang, "Lý do", "Reason") }

    static func checkedAt(_ lang: Language) -> String { t(lang, "Kiểm tra", "Checked") }
    static func changedAt(_ lang: Language) -> String { t(lang, "số liệu đổi", "figures changed") }
    static func staleAfter(_ text: String, _ lang: Language) -> String {
        t(lang, "trễ sau \(text)", "late after \(text)")
    }

    /// "↕24h" / "↕lần" ("^v24h" in ASCII, where ± would read as the +24h columns' +).
    static func movementHeader(_ base: MovementBase, _ lang: Language, ascii: Bool = false) -> String {
        let arrows = ascii ? "^v" : "↕"
        switch base {
        case .previousRefresh: return arrows + t(lang, "lần", "last")
        case .day: return arrows + "24h"
        }
    }

    static func rows(_ lang: Language) -> String { t(lang, "hàng", "rows") }
    static func following(_ lang: Language) -> String { t(lang, "bám theo", "following") }
    static func filtered(_ lang: Language) -> String { t(lang, "Đang lọc", "Filtered") }
    static func city(_ lang: Language) -> String { t(lang, "TP", "City") }

    static func bandNews(_ n: BandNews, _ g: Glyphs, _ lang: Language) -> String {
        var parts: [String] = []
        func list(_ names: [String]) -> String { names.joined(separator: ", ") }
        if !n.enteredTop.isEmpty { parts.append(t(lang, "vào top 10: ", "into the top ten: ") + list(n.enteredTop)) }
        if !n.leftTop.isEmpty { parts.append(t(lang, "rời top 10: ", "out of the top ten: ") + list(n.leftTop)) }
        if !n.enteredBottom.isEmpty {
            parts.append(t(lang, "vào nhóm 10 cuối: ", "into the bottom ten: ") + list(n.enteredBottom))
        }
        if !n.leftBottom.isEmpty {
            parts.append(t(lang, "rời nhóm 10 cuối: ", "out of the bottom ten: ") + list(n.leftBottom))
        }
        return parts.joined(separator: "; ")
    }

    static func wallView(_ v: WallMode.View, _ lang: Language) -> String {
        switch v {
        case .tablePage(let i): return t(lang, "trang \(i + 1)", "page \(i + 1)")
        case .topTen: return t(lang, "10 nhiều nhất", "top ten")
        case .bottomTen: return t(lang, "10 ít nhất", "bottom ten")
        case .attention: return t(lang, "cần gọi", "call list")
        case .summary: return t(lang, "tổng hợp", "summary")
        }
    }

    static func tieAtTenth(_ lang: Language) -> String { t(lang, "hạng 10:", "10th place:") }

    static func legendMovement(_ lang: Language) -> String {
        t(
            lang, "lên / xuống bấy nhiêu hạng so với 24 giờ trước hoặc lần cập nhật trước (m đổi)",
            "up / down so many ranks against 24 hours ago or the previous refresh (m switches)")
    }

    static func wallPaused(_ lang: Language) -> String { t(lang, "xoay vòng dừng (w)", "rotation paused (w)") }
}
