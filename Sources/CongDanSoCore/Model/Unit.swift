/// One commune-level unit (xã, phường or đặc khu) as read from `units.csv`.
public struct Unit: Hashable, Sendable, Identifiable {
    /// The national commune code, kept as text with its leading zeros.
    public var code: String
    /// The name without the type word, NFC and sanitised: "Tứ Kỳ".
    public var name: String
    public var type: UnitType
    public var population: Int
    /// Adults: the file's `adults` column, else population × adult share.
    public var adults: Int
    /// True when `adults` was estimated from the adult share.
    public var adultsEstimated: Bool
    /// The province before the 2025 merger (`former_province`).
    public var formerProvince: String?
    public var formerDistricts: String?
    public var areaKm2: Double?
    /// The unit's province since 1 July 2025 (`province`), e.g. "Hải Phòng".
    public var province: String?

    public var id: String { code }

    public init(
        code: String, name: String, type: UnitType, population: Int, adults: Int,
        adultsEstimated: Bool, formerProvince: String? = nil, formerDistricts: String? = nil,
        areaKm2: Double? = nil, province: String? = nil
    ) {
        self.code = code; self.name = name; self.type = type; self.population = population
        self.adults = adults; self.adultsEstimated = adultsEstimated
        self.formerProvince = formerProvince; self.formerDistricts = formerDistricts; self.areaKm2 = areaKm2
        self.province = province
    }

    /// The official full name: "Xã Tứ Kỳ", "Đặc khu Bạch Long Vĩ".
    public func fullName(_ lang: Language = .vi) -> String {
        switch lang {
        case .vi: return type.word(.vi, capitalised: true) + " " + name
        case .en: return name + " " + type.word(.en)
        }
    }

    /// The name as the letter writes it in a list: "xã Tứ Kỳ".
    public func listName(_ lang: Language = .vi) -> String {
        switch lang {
        case .vi: return type.word(.vi) + " " + name
        case .en: return name + " " + type.word(.en)
        }
    }

    /// Adults from population and the adult share, halves rounded up.
    public static func estimatedAdults(population: Int, share: Double) -> Int {
        // Decimal-safe: 0.7 × 5 = 3.4999… in binary must still round to 4. The
        // nudge is relative and far below any decimal digit of the product
        // (1e-9 wrongly rounded 204891 × 0.6789 = 139100.4999 up).
        let exact = Double(population) * share
        return Int((exact + 0.5 + 1e-12 * max(1, exact)).rounded(.down))
    }
}
