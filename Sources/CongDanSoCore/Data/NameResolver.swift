/// Finds a unit from a name written by hand: matched after normalising (NFC,
/// case, spacing, old/new tone placement), with or without the type word.
/// Diacritics still count: "Cẩm Giang" and "Cẩm Giàng" are different units.
struct NameResolver {
    enum Match: Equatable { case unit(Int), unknown, ambiguous([Int]) }

    private var byName: [String: [Int]] = [:]
    private var byFullName: [String: [Int]] = [:]

    init(units: [Unit]) {
        for (i, u) in units.enumerated() {
            byName[VietnameseText.matchKey(u.name), default: []].append(i)
            byFullName[VietnameseText.matchKey(u.type.rawValue + " " + u.name), default: []].append(i)
        }
    }

    func resolve(_ text: String) -> Match {
        let key = VietnameseText.matchKey(text)
        for table in [byFullName, byName] {
            if let found = table[key] { return found.count == 1 ? .unit(found[0]) : .ambiguous(found) }
        }
        return .unknown
    }
}
