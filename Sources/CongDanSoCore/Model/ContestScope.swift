/// What the contest covers, for the words that name it: a city ("toàn thành
/// phố"), a province ("toàn tỉnh") or the nation ("toàn quốc"). Set by
/// `scope` in config.toml (`city`, `province`, `nation`); a city by default,
/// as in Hải Phòng's letter.
public enum ContestScope: String, CaseIterable, Sendable, Hashable {
    case city, province, nation

    /// Parses config.toml's value: `city`, `province`, `nation`, or the
    /// Vietnamese words (`thành phố`, `tỉnh`, `toàn quốc`, `cả nước`; accents optional).
    public init?(parsing text: String) {
        if let exact = ContestScope(rawValue: text.lowercased()) { self = exact; return }
        switch VietnameseText.fold(text) {
        case "thanh pho", "toan thanh pho", "tp": self = .city
        case "tinh", "toan tinh": self = .province
        case "quoc gia", "toan quoc", "ca nuoc", "country", "national": self = .nation
        default: return nil
        }
    }

    /// "toàn thành phố", "toàn tỉnh", "toàn quốc" (the letter's "Tính đến …,
    /// toàn thành phố đã có …"); capitalised: "Toàn thành phố". English: "the
    /// whole city", "the whole province", "the whole country".
    public func whole(_ lang: Language, capitalised: Bool = false) -> String {
        let w: String
        switch (self, lang) {
        case (.city, .vi): w = "toàn thành phố"
        case (.province, .vi): w = "toàn tỉnh"
        case (.nation, .vi): w = "toàn quốc"
        case (.city, .en): w = "the whole city"
        case (.province, .en): w = "the whole province"
        case (.nation, .en): w = "the whole country"
        }
        guard capitalised else { return w }
        if lang == .en { return "W" + w.dropFirst(5) }  // "Whole city"
        return w.prefix(1).uppercased() + w.dropFirst()
    }

    /// The noun: "thành phố", "tỉnh", "cả nước"; "city", "province", "country".
    public func noun(_ lang: Language) -> String {
        switch (self, lang) {
        case (.city, .vi): return "thành phố"
        case (.province, .vi): return "tỉnh"
        case (.nation, .vi): return "cả nước"
        case (.city, .en): return "city"
        case (.province, .en): return "province"
        case (.nation, .en): return "country"
        }
    }

    /// English "of the city" / "of the province" / "of the country"; the
    /// same in Vietnamese: "của thành phố", "của tỉnh", "của cả nước".
    public func of(_ lang: Language) -> String {
        switch lang {
        case .vi: return "của " + noun(.vi)
        case .en: return "of the " + noun(.en)
        }
    }

    /// A short column heading for a unit's share of the whole: "Phần của
    /// TP", "Phần của tỉnh", "Phần cả nước"; "City share", "Province share",
    /// "National share".
    public func shareHeading(_ lang: Language) -> String {
        switch (self, lang) {
        case (.city, .vi): return "Phần của TP"
        case (.province, .vi): return "Phần của tỉnh"
        case (.nation, .vi): return "Phần cả nước"
        case (.city, .en): return "City share"
        case (.province, .en): return "Province share"
        case (.nation, .en): return "National share"
        }
    }
}
