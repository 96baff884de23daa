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
        let scope = s.config.scope
        switch lang {
        case .vi:
            let whole = scope.whole(.vi)
            if participating.isEmpty {
                return "Tính đến \(when), \(whole) chưa có xã, phường, đặc khu nào tham gia Cuộc thi."
            }
            return
                "Tính đến \(when), \(whole) đã có \(n) \(types) tham gia Cuộc thi với \(reg) thí sinh đăng ký tham gia, \(done) thí sinh hoàn thành bài thi."
        case .en:
            let of = scope.of(.en)
            if participating.isEmpty {
                return "As of \(when), no commune, ward or special zone \(of) had taken part in the contest."
            }
            return
                "As of \(when), \(n) \(types) \(of) had taken part in the contest, with \(reg) candidates registered and \(done) candidates having completed the test."
        }
    }

    /// "10 xã, phường có số thí sinh tham gia nhiều nhất: xã Tứ Kỳ, …."
    /// When units outside the ten share the tenth's figure, the sentence
    /// says how many share it instead (`BoundaryTie`).
    public static func top(_ s: Standings, _ lang: Language, count: Int = 10) -> String? {
        if let tie = BoundaryTie.at(s, top: true, n: count) { return tied(tie, in: s.dataset, most: true, lang) }
        return list(s.top(count), in: s.dataset, most: true, lang)
    }

    /// "10 xã, phường, đặc khu có số thí sinh tham gia ít nhất: đặc khu Bạch Long Vĩ, …."
    public static func bottom(_ s: Standings, _ lang: Language, count: Int = 10) -> String? {
        if let tie = BoundaryTie.at(s, top: false, n: count) { return tied(tie, in: s.dataset, most: false, lang) }
        return list(s.bottom(count), in: s.dataset, most: false, lang)
    }

    /// A list cut at a tied figure: "Các xã, phường có số thí sinh tham gia
    /// ít nhất: xã A, xã B và 15 đơn vị chưa có thí sinh đăng ký."
    private static func tied(_ tie: BoundaryTie, in dataset: Dataset, most: Bool, _ lang: Language) -> String {
        let rows = tie.beyond + tie.tied
        let types = UnitType.listPhrase(rows.map(\.unit.type), lang)
        let names = tie.beyond.map { dataset.distinctListName($0.index, lang) }.joined(separator: ", ")
        let rest = tie.tiedPhrase(dataset, lang)
        switch lang {
        case .vi:
            let list = names.isEmpty ? rest : names + " và " + rest
            return "Các \(types) có số thí sinh tham gia \(most ? "nhiều" : "ít") nhất: \(list)."
        case .en:
            let list = names.isEmpty ? rest : names + ", and " + rest
            return "The \(types) with the \(most ? "most" : "fewest") participants: \(list)."
        }
    }

    /// Units whose full name another unit shares are told apart by their
    /// province, or their code, in parentheses: "xã Tân Tiến (Bắc Ninh)".
    private static func list(_ rows: [UnitFigures], in dataset: Dataset, most: Bool, _ lang: Language) -> String? {
        guard !rows.isEmpty else { return nil }
        let types = UnitType.listPhrase(rows.map(\.unit.type), lang)
        let names = rows.map { dataset.distinctListName($0.index, lang) }.joined(separator: ", ")
        switch lang {
        case .vi:
            return "\(rows.count) \(types) có số thí sinh tham gia \(most ? "nhiều" : "ít") nhất: \(names)."
        case .en:
            return "The \(rows.count) \(types) with the \(most ? "most" : "fewest") participants: \(names)."
        }
    }
}
