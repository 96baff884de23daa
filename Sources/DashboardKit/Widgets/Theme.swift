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

/// Styles for each role under one of the named palettes (`ThemeName`).
///
/// The default palette reads on dark and light backgrounds alike: text is
/// in the terminal's own foreground, emphasis is bold, underline or
/// reverse, and the only colours of text on the default background are the
/// ones that keep their contrast on both black and white in xterm's and
/// most terminals' palettes: red, magenta and grey (bright black) for
/// secondary text. Never white, yellow, green, cyan or blue text there
/// (green, cyan and yellow fade on white, blue sinks into black); green
/// only as a background (the top ten's marker) or as a block (the gauge,
/// the bars).
struct Theme: Sendable {
    let name: ThemeName

    /// The theme for a state: `name`, or monochrome when colour is off.
    init(name: ThemeName = .standard, color: Bool = true) {
        self.name = color ? name : .mono
    }

    func style(_ role: Role) -> Style {
        switch name {
        case .standard: return standard(role)
        case .dark: return dark(role)
        case .light: return light(role)
        case .highContrast: return highContrast(role)
        case .mono: return mono(role)
        }
    }

    /// The default: readable on any background.
    private func standard(_ role: Role) -> Style {
        switch role {
        case .plain, .label, .keyText, .positive, .top, .success, .trend: return .plain
        case .title: return Style(attributes: .bold)
        case .value: return Style(attributes: .bold)
        case .dim: return Style(foreground: .brightBlack)
        case .rule: return Style(foreground: .brightBlack)
        case .negative: return Style(foreground: .red)
        case .header: return Style(attributes: .bold)
        case .headerSorted: return Style(attributes: [.bold, .underline])
        case .bottom: return Style(foreground: .red)
        // Not bold: xterm draws bold black as grey (its boldColors), which
        // fades on green.
        case .markerTop: return Style(foreground: .black, background: .green)
        case .markerBottom: return Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .live: return Style(attributes: .bold)
        // Late: magenta keeps its contrast on black and white; the underline
        // and the word carry it without colour.
        case .late: return Style(foreground: .magenta, attributes: [.bold, .underline])
        case .changed: return Style(attributes: [.bold, .underline])
        case .movedUp: return Style(attributes: .bold)
        case .movedDown: return Style(foreground: .red)
        case .paused: return Style(attributes: [.bold, .reverse])
        case .stale: return Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .error: return Style(foreground: .red, attributes: .bold)
        case .warning: return Style(foreground: .magenta)
        case .gaugeFill: return Style(foreground: .green)
        case .gaugeMark: return Style(attributes: .bold)
        case .gaugeTrack: return Style(foreground: .brightBlack)
        case .onPace: return Style(attributes: .bold)
        case .offPace: return Style(foreground: .magenta, attributes: .bold)
        case .barCompleted: return Style(foreground: .green)
        case .barRegistered: return Style(foreground: .brightBlack)
        case .keyName: return Style(attributes: [.bold, .reverse])
        case .prompt: return Style(attributes: [.bold, .underline])
        case .cursor: return Style(attributes: .reverse)
        case .boxBorder: return Style(foreground: .brightBlack)
        case .boxTitle: return Style(attributes: [.bold, .underline])
        case .sectionTitle: return Style(attributes: [.bold, .underline])
        }
    }

    /// For dark backgrounds only: the bright colours of the first palette.
    private func dark(_ role: Role) -> Style {
        switch role {
        case .positive, .top, .success, .barCompleted: return Style(foreground: .green)
        case .live, .onPace: return Style(foreground: .green, attributes: .bold)
        case .markerTop: return Style(foreground: .brightGreen, attributes: .bold)
        case .markerBottom: return Style(foreground: .brightRed, attributes: .bold)
        case .dim, .rule, .gaugeTrack: return Style(foreground: .brightBlack)
        case .title: return Style(foreground: .brightWhite, attributes: .bold)
        case .header: return Style(foreground: .cyan, attributes: .bold)
        case .headerSorted: return Style(foreground: .brightCyan, attributes: [.bold, .underline])
        case .late: return Style(foreground: .magenta, attributes: [.bold, .underline])
        case .changed: return Style(foreground: .cyan, attributes: [.bold, .underline])
        case .movedUp: return Style(foreground: .green)
        case .movedDown: return Style(foreground: .red)
        case .paused: return Style(foreground: .yellow, attributes: .bold)
        case .error: return Style(foreground: .brightRed, attributes: .bold)
        case .warning: return Style(foreground: .yellow)
        case .gaugeFill: return Style(foreground: .brightGreen)
        case .gaugeMark: return Style(foreground: .brightYellow, attributes: .bold)
        case .offPace: return Style(foreground: .yellow, attributes: .bold)
        case .trend, .barRegistered: return Style(foreground: .cyan)
        case .keyName: return Style(foreground: .cyan, attributes: .bold)
        case .prompt: return Style(foreground: .yellow, attributes: .bold)
        case .boxBorder: return Style(foreground: .cyan)
        case .boxTitle: return Style(foreground: .brightWhite, attributes: .bold)
        case .sectionTitle: return Style(foreground: .yellow, attributes: .bold)
        default: return standard(role)
        }
    }

    /// For light backgrounds: dark colours (blue for the top ten and
    /// increases, red for the bottom ten), no grey text.
    private func light(_ role: Role) -> Style {
        switch role {
        case .positive, .top, .success, .trend, .barRegistered, .movedUp: return Style(foreground: .blue)
        case .live, .onPace: return Style(foreground: .blue, attributes: .bold)
        case .markerTop: return Style(foreground: .blue, attributes: .bold)
        case .markerBottom: return Style(foreground: .red, attributes: .bold)
        case .dim, .rule, .gaugeTrack, .boxBorder: return Style(foreground: .black, attributes: .dim)
        case .header: return Style(foreground: .blue, attributes: .bold)
        case .headerSorted: return Style(foreground: .blue, attributes: [.bold, .underline])
        case .keyName: return Style(foreground: .blue, attributes: .bold)
        case .boxTitle, .sectionTitle: return Style(foreground: .blue, attributes: [.bold, .underline])
        case .title: return Style(foreground: .blue, attributes: .bold)
        default: return standard(role)
        }
    }

    /// Bold and reverse on the terminal's own colours; colour only behind
    /// reversed text. No dim or grey anywhere.
    private func highContrast(_ role: Role) -> Style {
        switch role {
        case .markerTop: return Style(foreground: .black, background: .green)
        case .markerBottom: return Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .stale: return Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .error: return Style(foreground: .brightWhite, background: .red, attributes: .bold)
        case .dim, .rule, .gaugeTrack, .boxBorder, .plain, .label, .keyText, .trend, .barRegistered,
            .top, .bottom, .positive, .negative, .success, .gaugeFill, .barCompleted:
            return .plain
        case .headerSorted, .boxTitle, .sectionTitle, .prompt, .late, .changed:
            return Style(attributes: [.bold, .underline])
        case .movedUp, .movedDown: return Style(attributes: .bold)
        case .keyName, .paused, .cursor, .gaugeMark, .warning, .offPace: return Style(attributes: [.bold, .reverse])
        case .title, .value, .header, .live, .onPace: return Style(attributes: .bold)
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
