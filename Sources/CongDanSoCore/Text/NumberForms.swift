/// The language a report or screen is written in.
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi, en
}

/// Number and percentage forms: Vietnamese groups thousands with `.` and
/// writes decimals with `,` (84.360; 58,5%); English the other way round.
public enum NumberForms {
    /// An integer with thousands grouped: `84.360` (vi), `84,360` (en).
    public static func integer(_ n: Int, _ lang: Language) -> String {
        let digits = String(n.magnitude)
        var grouped = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { grouped.append(lang == .vi ? "." : ",") }
            grouped.append(ch)
        }
        return n < 0 ? "-" + grouped : grouped
    }

    /// An integer with an explicit sign, for changes: `+13.411`, `-2`, `0`.
    public static func signed(_ n: Int, _ lang: Language) -> String {
        n > 0 ? "+" + integer(n, lang) : integer(n, lang)
    }

    /// A fixed-point decimal rounded half away from zero: `58,5` (vi).
    public static func decimal(_ x: Double, digits: Int, _ lang: Language) -> String {
        guard x.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        // Round the scaled value; a tiny nudge absorbs binary representation
        // error so that 0.585 × 1000 = 584.999… still rounds to 585.
        let scaled = (abs(x) * scale * (1 + 1e-12)).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale)
        let frac = Int(scaled) - whole * Int(scale)
        var text = integer(whole, lang)
        if digits > 0 {
            let fracText = String(frac)
            text += (lang == .vi ? "," : ".") + String(repeating: "0", count: digits - fracText.count) + fracText
        }
        return (x < 0 && scaled != 0) ? "-" + text : text
    }

    /// A fraction as a percentage: 0.585 → `58,5%` (vi), `58.5%` (en).
    public static func percent(_ fraction: Double?, digits: Int = 1, _ lang: Language) -> String {
        guard let fraction else { return "–" }
        return decimal(fraction * 100, digits: digits, lang) + "%"
    }
}
