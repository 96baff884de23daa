extension Key {
    /// The key's name as help and hints show it: `Enter`, `Esc`, `PgUp`,
    /// `Ctrl-R`, `F5`, `Space`, the character itself; arrows as `↑ ↓ ← →`,
    /// or `Up Down Left Right` with `ascii`.
    public func label(ascii: Bool = false) -> String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .up: return ascii ? "Up" : "↑"
        case .down: return ascii ? "Down" : "↓"
        case .left: return ascii ? "Left" : "←"
        case .right: return ascii ? "Right" : "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl-" + String(c).uppercased()
        }
    }

    /// The key a name stands for: any `label` (Unicode or ASCII), or a
    /// single character. Nil for anything else.
    public init?(name: String) {
        if let named = Key.byName[name] {
            self = named
        } else if name.count == 1, let c = name.first, !c.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            self = .character(c)
        } else if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...63).contains(n) {
            self = .function(n)
        } else if name.hasPrefix("Ctrl-"), name.count == 6, let c = name.last, c.isLetter {
            self = .control(Character(c.lowercased()))
        } else {
            return nil
        }
    }

    private static let byName: [String: Key] = {
        var names: [String: Key] = [:]
        let named: [Key] = [
            .character(" "), .up, .down, .left, .right, .pageUp, .pageDown, .home, .end,
            .enter, .escape, .backspace, .tab, .backTab, .delete,
        ]
        for key in named {
            names[key.label()] = key
            names[key.label(ascii: true)] = key
        }
        return names
    }()
}
