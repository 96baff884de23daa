import CNcursesw
import TerminalCells

/// Maps styles to ncurses attributes and colour pairs. Pairs are allocated
/// on first use for each (foreground, background) combination and cached.
struct Palette {
    /// Colours are on: the terminal has them and the options allow them.
    let colorEnabled: Bool
    /// `use_default_colors` worked, so -1 means "the terminal's own colour".
    let defaultColors: Bool
    /// COLORS: 8, 16, 256…
    let colorCount: Int
    /// COLOR_PAIRS: pairs 1..<pairCount can be allocated.
    let pairCount: Int

    private struct PairKey: Hashable { var foreground: Int16; var background: Int16 }
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int16 = 1

    init(colorEnabled: Bool, defaultColors: Bool, colorCount: Int, pairCount: Int) {
        self.colorEnabled = colorEnabled
        self.defaultColors = defaultColors
        self.colorCount = colorCount
        self.pairCount = pairCount
    }

    /// The attributes and pair for a style. Without colour only bold,
    /// reverse and underline are kept.
    mutating func resolve(_ style: Style) -> (attributes: attr_t, pair: Int16) {
        var attributes = cds_a_normal()
        let a = style.attributes
        if a.contains(.bold) { attributes |= cds_a_bold() }
        if a.contains(.reverse) { attributes |= cds_a_reverse() }
        if a.contains(.underline) { attributes |= cds_a_underline() }
        guard colorEnabled else { return (attributes, 0) }
        if a.contains(.dim) { attributes |= cds_a_dim() }

        let (fg, brighten) = number(style.foreground, foreground: true)
        let (bg, _) = number(style.background, foreground: false)
        if brighten { attributes |= cds_a_bold() }
        return (attributes, pair(foreground: fg, background: bg))
    }

    /// An ncurses colour number (-1 = default) and whether bold must stand in
    /// for a bright foreground on an eight-colour terminal.
    private func number(_ color: Color, foreground: Bool) -> (Int16, Bool) {
        let base: Int16
        let bright: Bool
        switch color {
        case .terminalDefault:
            if defaultColors { return (-1, false) }
            return (foreground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK), false)
        case .black: (base, bright) = (0, false)
        case .red: (base, bright) = (1, false)
        case .green: (base, bright) = (2, false)
        case .yellow: (base, bright) = (3, false)
        case .blue: (base, bright) = (4, false)
        case .magenta: (base, bright) = (5, false)
        case .cyan: (base, bright) = (6, false)
        case .white: (base, bright) = (7, false)
        case .brightBlack: (base, bright) = (0, true)
        case .brightRed: (base, bright) = (1, true)
        case .brightGreen: (base, bright) = (2, true)
        case .brightYellow: (base, bright) = (3, true)
        case .brightBlue: (base, bright) = (4, true)
        case .brightMagenta: (base, bright) = (5, true)
        case .brightCyan: (base, bright) = (6, true)
        case .brightWhite: (base, bright) = (7, true)
        }
        guard bright else { return (base, false) }
        if colorCount >= 16 { return (base + 8, false) }
        return (base, foreground)
    }

    private mutating func pair(foreground: Int16, background: Int16) -> Int16 {
        // Pair 0 is always the terminal's default colours.
        let isDefault =
            defaultColors
            ? (foreground == -1 && background == -1)
            : (foreground == Int16(COLOR_WHITE) && background == Int16(COLOR_BLACK))
        if isDefault { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let cached = pairs[key] { return cached }
        guard Int(nextPair) < pairCount, init_pair(nextPair, foreground, background) != ERR else {
            pairs[key] = 0
            return 0
        }
        let allocated = nextPair
        nextPair += 1
        pairs[key] = allocated
        return allocated
    }
}
