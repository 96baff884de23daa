/// Finds a unit from a name written by hand: matched after normalising (NFC,
/// case, spacing, old/new tone placement, apostrophes and dashes), with or
/// without the type word. Diacritics still count: "Cẩm Giang" and "Cẩm
/// Giàng" are different units.
struct NameResolver {
    enum Match: Equatable { case unit(Int), unknown, ambiguous([Int]) }

    private let units: [Unit]
    private var byName: [String: [Int]] = [:]
    private var byFullName: [String: [Int]] = [:]

    init(units: [Unit]) {
        self.units = units
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

    /// What to write instead of an ambiguous name: the candidates' codes
    /// (with their province where they have one), and the type word only
    /// when it was missing and would tell the candidates apart.
    /// `shown` is the name as the message quotes it.
    func ambiguityMessage(_ text: String, shown: String, candidates: [Int]) -> String {
        let list = candidates.map { i -> String in
            let u = units[i]
            return "\(u.fullName()) (\(u.code)\(u.province.map { ", " + $0 } ?? ""))"
        }.joined(separator: ", ")
        let codes = candidates.map { units[$0].code }
        let hadTypeWord = byFullName[VietnameseText.matchKey(text)] != nil
        let types = Set(candidates.map { units[$0].type })
        var hint = "write the code instead: " + codes.joined(separator: " or ")
        if !hadTypeWord, types.count > 1 {
            var seen = Set<String>()
            let examples = candidates.map { units[$0].fullName() }.filter { seen.insert($0).inserted }
                .joined(separator: "\" or \"")
            hint += ", or add the type word: \"\(examples)\""
        }
        return "the name \(shown) fits \(candidates.count) units: \(list); \(hint)"
    }
}
