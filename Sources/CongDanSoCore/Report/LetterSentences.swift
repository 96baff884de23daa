/// The statistics sentences of the daily letter, written from the data,
/// word for word as the Department writes them (and in English on request).
public enum LetterSentences {
    /// "Tính đến 15h00 ngày 22/10/2025, toàn thành phố đã có 114 xã, phường,
    /// đặc khu tham gia Cuộc thi với 84.360 thí sinh đăng ký tham gia, 49.317
    /// thí sinh hoàn thành bài thi."
    public static func overview(_ s: Standings, _ lang: Language) -> String {
        let when = DateForms.moment(s.moment, offset: s.config.timeZone, lang)
        let participating = s.figures.filter(\.isParticipating)
        let types = UnitType.listPhrase(participating.map(\.unit.type), lang)
        let n = NumberForms.integer(participating.count, lang)
        let reg = NumberForms.integer(s.city.registered, lang)
        let done = NumberForms.integer(s.city.completed, lang)
        switch lang {
        case .vi:
            if participating.isEmpty {
                return "Tính đến \(when), toàn thành phố chưa có xã, phường, đặc khu nào tham gia Cuộc thi."
            }
            return
                "Tính đến \(when), toàn thành phố đã có \(n) \(types) tham gia Cuộc thi với \(reg) thí sinh đăng ký tham gia, \(done) thí sinh hoàn thành bài thi."
        case .en:
            if participating.isEmpty {
                return "As of \(when), no commune, ward or special zone of the city had taken part in the contest."
            }
            return
                "As of \(when), \(n) \(types) of the city had taken part in the contest, with \(reg) candidates registered and \(done) candidates having completed the test."
        }
    }

    /// "10 xã, phường có số thí sinh tham gia nhiều nhất: xã Tứ Kỳ, …."
    public static func top(_ s: Standings, _ lang: Language, count: Int = 10) -> String? {
        list(s.top(count), most: true, lang)
    }

    /// "10 xã, phường, đặc khu có số thí sinh tham gia ít nhất: đặc khu Bạch Long Vĩ, …."
    public static func bottom(_ s: Standings, _ lang: Language, count: Int = 10) -> String? {
        list(s.bottom(count), most: false, lang)
    }

    private static func list(_ rows: [UnitFigures], most: Bool, _ lang: Language) -> String? {
        guard !rows.isEmpty else { return nil }
        let types = UnitType.listPhrase(rows.map(\.unit.type), lang)
        let names = rows.map { $0.unit.listName(lang) }.joined(separator: ", ")
        switch lang {
        case .vi:
            return "\(rows.count) \(types) có số thí sinh tham gia \(most ? "nhiều" : "ít") nhất: \(names)."
        case .en:
            return "The \(rows.count) \(types) with the \(most ? "most" : "fewest") participants: \(names)."
        }
    }
}
