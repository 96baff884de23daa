/// What a piece of text is, so that colour and monochrome can style it
/// differently. Monochrome uses attributes only; nothing relies on colour
/// alone (markers, words and attributes carry the meaning).
enum Role: Sendable {
    case plain, title, label, value, dim, rule
    case positive, negative
    case header, headerSorted
    case top, bottom, markerTop, markerBottom
    case live, late, paused, stale, error, warning, success
    /// A cell whose figure changed with the last refresh; a rank movement.
    case changed, movedUp, movedDown
    case gaugeFill, gaugeMark, gaugeTrack, onPace, offPace
    case trend, barCompleted, barRegistered
    case keyName, keyText, prompt, cursor
    case boxBorder, boxTitle, sectionTitle
}

/// Styles for each role, in colour or monochrome.
struct Theme: Sendable {
    let color: Bool

    func style(_ role: Role) -> Style {
        color ? colored(role) : mono(role)
    }

    private func colored(_ role: Role) -> Style {
        switch role {
        case .plain, .label, .keyText: return .plain
        case .title: return Style(foreground: .brightWhite, attributes: .bold)
        case .value: return Style(attributes: .bold)
        case .dim: return Style(foreground: .brightBlack)
        case .rule: return Style(foreground: .brightBlack)
        case .positive: return Style(foreground: .green)
        case .negative: return Style(foreground: .red)
        case .header: return Style(foreground: .cyan, attributes: .bold)
        case .headerSorted: return Style(foreground: .brightCyan, attributes: [.bold, .underline])
        case .top: return Style(foreground: .green)
        case .bottom: return Style(foreground: .red)
        case .markerTop: return Style(foreground: .brightGreen, attributes: .bold)
        case .markerBottom: return Style(foreground: .brightRed, attributes: .bold)
        case .live: return Style(foreground: .green, attributes: .bold)
        case .late: return Style(foreground: .magenta, attributes: [.bold, .underline])
        case .changed: return Style(foreground: .cyan, attributes: [.bold, .underline])
        case .movedUp: return Style(foreground: .green)
        case .movedDown: return Style(foreground: .red)
        case .paused: return Style(foreground: .yellow, attributes: .bold)
        case .stale: return Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .error: return Style(foreground: .brightRed, attributes: .bold)
        case .warning: return Style(foreground: .yellow)
        case .success: return Style(foreground: .green)
        case .gaugeFill: return Style(foreground: .brightGreen)
        case .gaugeMark: return Style(foreground: .brightYellow, attributes: .bold)
        case .gaugeTrack: return Style(foreground: .brightBlack)
        case .onPace: return Style(foreground: .green, attributes: .bold)
        case .offPace: return Style(foreground: .yellow, attributes: .bold)
        case .trend: return Style(foreground: .cyan)
        case .barCompleted: return Style(foreground: .green)
        case .barRegistered: return Style(foreground: .cyan)
        case .keyName: return Style(foreground: .cyan, attributes: .bold)
        case .prompt: return Style(foreground: .yellow, attributes: .bold)
        case .cursor: return Style(attributes: .reverse)
        case .boxBorder: return Style(foreground: .cyan)
        case .boxTitle: return Style(foreground: .brightWhite, attributes: .bold)
        case .sectionTitle: return Style(foreground: .yellow, attributes: .bold)
        }
    }

    private func mono(_ role: Role) -> Style {
        switch role {
        case .plain, .label, .keyText, .positive, .negative, .top, .bottom, .warning, .success,
            .gaugeFill, .trend, .barCompleted, .barRegistered, .boxBorder, .live, .movedUp, .movedDown:
            return .plain
        case .title, .value, .header, .markerTop, .markerBottom, .paused, .error, .gaugeMark,
            .offPace, .keyName, .prompt, .boxTitle, .sectionTitle, .onPace:
            return Style(attributes: .bold)
        case .headerSorted, .late, .changed: return Style(attributes: [.bold, .underline])
        case .dim, .rule, .gaugeTrack: return Style(attributes: .dim)
        case .stale: return Style(attributes: [.bold, .reverse])
        case .cursor: return Style(attributes: .reverse)
        }
    }
}

/// The drawn symbols, in Unicode or in ASCII.
struct Glyphs: Sendable {
    let markerTop: String
    let markerBottom: String
    let sortDescending: String
    let sortAscending: String
    /// Put between a column header and its sort arrow ("Dang ky v" in ASCII,
    /// where "Dang kyv" would read as a word).
    let sortGap: String
    let rule: String
    let live: String
    let paused: String
    let stale: String
    let separator: String
    let crumb: String
    let cursor: String
    let boxHorizontal: String
    let boxVertical: String
    let boxCorners: [String]  // top-left, top-right, bottom-left, bottom-right
    let gaugeFull: String
    /// Partial cells, one to seven eighths (empty in ASCII: whole cells only).
    let gaugeEighths: [String]
    let gaugeMark: String
    let barCompleted: String
    let barRegistered: String
    /// Sparkline levels, lowest (nothing) first.
    let sparkLevels: [String]

    static let unicode = Glyphs(
        markerTop: "▲", markerBottom: "▼", sortDescending: "▼", sortAscending: "▲", sortGap: "",
        rule: "─", live: "●", paused: "○", stale: "!", separator: "·", crumb: "›", cursor: " ",
        boxHorizontal: "─", boxVertical: "│", boxCorners: ["┌", "┐", "└", "┘"],
        gaugeFull: "█", gaugeEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], gaugeMark: "┃",
        barCompleted: "█", barRegistered: "░",
        sparkLevels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"])

    static let ascii = Glyphs(
        markerTop: "+", markerBottom: "-", sortDescending: "v", sortAscending: "^", sortGap: " ",
        rule: "-", live: "*", paused: "o", stale: "!", separator: ".", crumb: ">", cursor: " ",
        boxHorizontal: "-", boxVertical: "|", boxCorners: ["+", "+", "+", "+"],
        gaugeFull: "#", gaugeEighths: [], gaugeMark: "|",
        barCompleted: "#", barRegistered: ":",
        sparkLevels: [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"])
}
