/// The three kinds of commune-level unit since the 2025 reform.
public enum UnitType: String, CaseIterable, Sendable, Codable, Comparable {
    case xa = "xã"
    case phuong = "phường"
    case dacKhu = "đặc khu"

    /// Order used when naming several types together: "xã, phường, đặc khu".
    public static func < (a: UnitType, b: UnitType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses a type in any case, NFC or NFD, with or without diacritics:
    /// `xã`, `XA`, `Phuong`, `đặc khu`, `dac khu`, `dac-khu`.
    public init?(parsing text: String) {
        if let exact = UnitType(rawValue: text) { self = exact; return }
        let folded = VietnameseText.fold(text).replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "_", with: " ")
        switch folded {
        case "xa": self = .xa
        case "phuong": self = .phuong
        case "dac khu": self = .dacKhu
        default: return nil
        }
    }

    /// The type word as it is written before a name: "xã", "Xã" when capitalised.
    public func word(_ lang: Language, capitalised: Bool = false) -> String {
        let w: String
        switch lang {
        case .vi: w = rawValue
        case .en:
            switch self {
            case .xa: w = "commune"
            case .phuong: w = "ward"
            case .dacKhu: w = "special zone"
            }
        }
        guard capitalised, let first = w.first else { return w }
        return first.uppercased() + w.dropFirst()
    }

    /// "xã, phường, đặc khu" for the types present, in the official order.
    public static func listPhrase(_ types: some Sequence<UnitType>, _ lang: Language) -> String {
        let present = Set(types).sorted()
        switch lang {
        case .vi: return present.map { $0.rawValue }.joined(separator: ", ")
        case .en:
            let plural = present.map { t -> String in
                switch t {
                case .xa: return "communes"
                case .phuong: return "wards"
                case .dacKhu: return "special zones"
                }
            }
            if plural.count <= 1 { return plural.first ?? "units" }
            return plural.dropLast().joined(separator: ", ") + " and " + plural.last!
        }
    }
}
