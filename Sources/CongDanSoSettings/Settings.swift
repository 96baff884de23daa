import CongDanSoCore

/// The dashboard's colour themes (`--theme`, `theme = "…"`).
public enum ThemeName: String, CaseIterable, Sendable, Codable {
    case dark, light
    case highContrast = "high-contrast"
    case mono
}

/// Which way the table is sorted, as a person says it.
public enum SortDirection: String, CaseIterable, Sendable, Codable {
    case descending, ascending
}

/// The user's own preferences, kept in
/// `$XDG_CONFIG_HOME/congdanso/settings.toml` (`~/.config/congdanso/…`
/// without it), never in the data directory. A value type with the
/// defaults a first run gets; `SettingsFile` reads and writes it.
public struct Settings: Equatable, Sendable {
    /// The screen's language.
    public var language: Language = .vi
    /// The table's sort column and direction.
    public var sort: SortColumn = .registered
    public var sortDirection: SortDirection = .descending
    /// Seconds between checks of the data directory (`RefreshSteps.range`).
    public var refreshSeconds: Int = 5
    /// The colour theme; nil: the default palette (readable on dark and
    /// light backgrounds alike).
    public var theme: ThemeName? = nil
    /// Mouse on (clicks, wheel) or off (the terminal keeps text selection).
    public var mouse: Bool = true
    /// Wall mode: seconds each view stays before the next; nil: off.
    public var rotateSeconds: Int? = nil
    /// Where the dashboard's exports go, as written (`~/` is the home
    /// folder, a relative path is relative to the folder the dashboard was
    /// started in); nil: the current folder.
    public var exportFolder: String? = nil

    public init() {}

    /// Wall-mode rotation bounds, in seconds (0 in the file means off).
    public static let rotateRange = 3...3600

    // MARK: - Sort as the table query holds it

    /// Whether the column's natural direction is flipped (`TableQuery.reversed`).
    public var sortReversed: Bool {
        (sortDirection == .descending) != sort.descendingByDefault
    }

    /// Sets the column and direction from a table query's column and `reversed` flag.
    public mutating func setSort(_ column: SortColumn, reversed: Bool) {
        sort = column
        let descending = column.descendingByDefault != reversed
        sortDirection = descending ? .descending : .ascending
    }

    /// The export folder with `~` expanded against `home`; nil when unset.
    public func exportFolderPath(home: String?) -> String? {
        guard let folder = exportFolder else { return nil }
        guard let home, !home.isEmpty else { return folder }
        if folder == "~" { return home }
        if folder.hasPrefix("~/") { return home + folder.dropFirst() }
        return folder
    }

    // MARK: - Merging

    /// These settings with the command line's choices on top (the command
    /// line wins).
    public func applying(_ overrides: SettingsOverrides) -> Settings {
        var s = self
        if let v = overrides.language { s.language = v }
        if let v = overrides.sort { s.sort = v }
        if let v = overrides.sortDirection { s.sortDirection = v }
        if let v = overrides.refreshSeconds { s.refreshSeconds = v }
        if let v = overrides.theme { s.theme = v }
        if let v = overrides.mouse { s.mouse = v }
        if let v = overrides.rotateSeconds { s.rotateSeconds = v > 0 ? v : nil }
        if let v = overrides.exportFolder { s.exportFolder = v.isEmpty ? nil : v }
        return s
    }

    /// The fields whose values differ between `self` and `other`.
    public func differences(from other: Settings) -> Set<SettingsField> {
        Set(SettingsField.allCases.filter { $0.value(in: self) != $0.value(in: other) })
    }

    /// `base` with the fields in `fields` taken from `self`.
    public func copying(_ fields: Set<SettingsField>, onto base: Settings) -> Settings {
        var out = base
        for field in fields { field.copy(from: self, to: &out) }
        return out
    }
}

/// What the command line said, one optional a setting: nil leaves the
/// settings file's (or the default) value.
public struct SettingsOverrides: Equatable, Sendable {
    public var language: Language?
    public var sort: SortColumn?
    public var sortDirection: SortDirection?
    public var refreshSeconds: Int?
    public var theme: ThemeName?
    public var mouse: Bool?
    /// 0 turns wall mode off.
    public var rotateSeconds: Int?
    /// "" means the current folder.
    public var exportFolder: String?

    public init(
        language: Language? = nil, sort: SortColumn? = nil, sortDirection: SortDirection? = nil,
        refreshSeconds: Int? = nil, theme: ThemeName? = nil, mouse: Bool? = nil, rotateSeconds: Int? = nil,
        exportFolder: String? = nil
    ) {
        self.language = language; self.sort = sort; self.sortDirection = sortDirection
        self.refreshSeconds = refreshSeconds; self.theme = theme; self.mouse = mouse
        self.rotateSeconds = rotateSeconds; self.exportFolder = exportFolder
    }
}

/// One setting: its key in `settings.toml`, how it is written, read and
/// explained. The reader and the writer are driven by this table.
public enum SettingsField: String, CaseIterable, Sendable {
    case language
    case sort
    case sortDirection = "sort_direction"
    case refresh
    case theme
    case mouse
    case rotate
    case exportFolder = "export_folder"

    /// The key in the file.
    public var key: String { rawValue }

    /// Whether the value is text (written in double quotes).
    var isText: Bool {
        switch self {
        case .refresh, .mouse, .rotate: return false
        default: return true
        }
    }

    /// The field's value as TOML, or nil when unset (the key is left out).
    public func value(in s: Settings) -> TOMLSubset.Value? {
        switch self {
        case .language: return .string(s.language.rawValue)
        case .sort: return .string(s.sort.rawValue)
        case .sortDirection: return .string(s.sortDirection.rawValue)
        case .refresh: return .integer(s.refreshSeconds)
        case .theme: return s.theme.map { .string($0.rawValue) }
        case .mouse: return .boolean(s.mouse)
        case .rotate: return s.rotateSeconds.map { .integer($0) }
        case .exportFolder: return s.exportFolder.map { .string($0) }
        }
    }

    func copy(from source: Settings, to target: inout Settings) {
        switch self {
        case .language: target.language = source.language
        case .sort: target.sort = source.sort
        case .sortDirection: target.sortDirection = source.sortDirection
        case .refresh: target.refreshSeconds = source.refreshSeconds
        case .theme: target.theme = source.theme
        case .mouse: target.mouse = source.mouse
        case .rotate: target.rotateSeconds = source.rotateSeconds
        case .exportFolder: target.exportFolder = source.exportFolder
        }
    }

    /// The comment the writer puts after the key in a new file.
    var comment: String {
        switch self {
        case .language: return "vi or en (the l key switches)"
        case .sort: return SortColumn.allCases.map(\.rawValue).joined(separator: ", ")
        case .sortDirection: return "descending or ascending"
        case .refresh:
            return
                "seconds between checks of the data, \(RefreshSteps.range.lowerBound) to \(RefreshSteps.range.upperBound)"
        case .theme: return "dark, light, high-contrast or mono; left out: the default palette, for dark and light"
        case .mouse: return "false leaves the mouse to the terminal (text selection)"
        case .rotate:
            return
                "wall mode: seconds each view stays, \(Settings.rotateRange.lowerBound) to \(Settings.rotateRange.upperBound); 0 or left out: off"
        case .exportFolder: return "where e writes its files (~/ is your home); left out: the current folder"
        }
    }

    /// What the setting would be without a line in the file, as the
    /// template writes it when unset.
    var unsetExample: String? {
        switch self {
        case .theme: return "theme = \"light\""
        case .rotate: return "rotate = 30"
        case .exportFolder: return "export_folder = \"~/congdanso-exports\""
        default: return nil
        }
    }

    /// Sets the field from a value in the file; on a wrong value, the
    /// message that says what to write.
    func set(_ value: TOMLSubset.Value, in s: inout Settings) -> String? {
        func oneOf(_ names: [String]) -> String {
            names.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        func word(_ choices: [String]) -> (String?, String?) {
            guard case .string(let text) = value else {
                return (nil, "\(key) must be one of \(oneOf(choices)) in double quotes, not \(value.kindName)")
            }
            guard choices.contains(text) else {
                return (nil, "\(key) \"\(text)\" is unknown; write one of \(oneOf(choices))")
            }
            return (text, nil)
        }
        switch self {
        case .language:
            let (w, m) = word(Language.allCases.map(\.rawValue))
            if let w { s.language = Language(rawValue: w)! }
            return m
        case .sort:
            let (w, m) = word(SortColumn.allCases.map(\.rawValue))
            if let w { s.sort = SortColumn(rawValue: w)! }
            return m
        case .sortDirection:
            let (w, m) = word(SortDirection.allCases.map(\.rawValue))
            if let w { s.sortDirection = SortDirection(rawValue: w)! }
            return m
        case .theme:
            let (w, m) = word(ThemeName.allCases.map(\.rawValue))
            if let w { s.theme = ThemeName(rawValue: w)! }
            return m
        case .refresh:
            let range = RefreshSteps.range
            guard case .integer(let n) = value, range.contains(n) else {
                return
                    "refresh must be a whole number of seconds from \(range.lowerBound) to \(range.upperBound), like refresh = 5"
            }
            s.refreshSeconds = n
        case .rotate:
            let range = Settings.rotateRange
            guard case .integer(let n) = value, n == 0 || range.contains(n) else {
                return
                    "rotate must be 0 (off) or a whole number of seconds from \(range.lowerBound) to \(range.upperBound), like rotate = 30"
            }
            s.rotateSeconds = n == 0 ? nil : n
        case .mouse:
            guard case .boolean(let b) = value else {
                return "mouse must be true or false, without quotes"
            }
            s.mouse = b
        case .exportFolder:
            guard case .string(let folder) = value else {
                return "export_folder must be a folder in double quotes, like export_folder = \"~/exports\""
            }
            guard !folder.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                return "export_folder must not hold control characters (\\n, \\t, …)"
            }
            s.exportFolder = folder.isEmpty ? nil : folder
        }
        return nil
    }
}
