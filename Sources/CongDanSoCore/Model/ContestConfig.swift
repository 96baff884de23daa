/// Contest settings from the data directory's `config.toml`, overridable on
/// the command line. Defaults apply where the file is silent or absent.
public struct ContestConfig: Hashable, Sendable {
    public var title: String
    /// The goal: this share of adults completing the test (0.80).
    public var targetShare: Double
    /// The last day of the campaign; the goal is due at its end (24:00 local).
    public var deadline: CalendarDate
    /// Share of the population that is adult, for units without `adults`.
    public var adultShare: Double
    /// The local time zone of the contest, for dates on screen and the deadline.
    public var timeZone: UTCOffset
    /// What the contest covers, for the report's words ("toàn thành phố",
    /// "toàn tỉnh", "toàn quốc"): `scope` in config.toml, a city by default.
    public var scope: ContestScope
    /// How far past the machine's clock a time in the data may be (seconds)
    /// before it is impossible: clocks of different machines drift.
    public var futureTolerance: Int64 = ContestConfig.defaultFutureTolerance
    public static let defaultFutureTolerance: Int64 = 600
    /// How old the newest data may be before the screen calls the feed
    /// late (`stale_after` in config.toml, `--stale-after`); nil: the
    /// default of the data's kind (`Freshness.staleAfterSeconds`).
    public var staleAfterSeconds: Int? = nil
    /// When a unit needs a call today (`attention_*` in config.toml).
    public var attention = AttentionThresholds()

    public init(
        title: String = ContestConfig.defaultTitle, targetShare: Double = 0.80,
        deadline: CalendarDate = CalendarDate(year: 2025, month: 12, day: 31),
        adultShare: Double = 0.68, timeZone: UTCOffset = .vietnam, scope: ContestScope = .city
    ) {
        self.title = title; self.targetShare = targetShare; self.deadline = deadline
        self.adultShare = adultShare; self.timeZone = timeZone; self.scope = scope
    }

    public static let defaultTitle = "Cuộc thi Công dân số"

    /// The moment the goal falls due.
    public var deadlineMoment: Timestamp { deadline.endOfDay(offset: timeZone) }
}

/// Command-line values that replace the config file's.
public struct ConfigOverrides: Hashable, Sendable {
    public var title: String?
    public var targetShare: Double?
    public var deadline: CalendarDate?
    public var adultShare: Double?
    public var timeZone: UTCOffset?
    public var staleAfterSeconds: Int?

    public init(
        title: String? = nil, targetShare: Double? = nil, deadline: CalendarDate? = nil,
        adultShare: Double? = nil, timeZone: UTCOffset? = nil, staleAfterSeconds: Int? = nil
    ) {
        self.title = title; self.targetShare = targetShare; self.deadline = deadline
        self.adultShare = adultShare; self.timeZone = timeZone; self.staleAfterSeconds = staleAfterSeconds
    }

    func apply(to config: inout ContestConfig) {
        // Text from the command line is as untrusted as text from a file.
        if let title { config.title = TextSanitizer.sanitize(VietnameseText.nfc(title)) }
        if let targetShare { config.targetShare = targetShare }
        if let deadline { config.deadline = deadline }
        if let adultShare { config.adultShare = adultShare }
        if let timeZone { config.timeZone = timeZone }
        if let staleAfterSeconds { config.staleAfterSeconds = staleAfterSeconds }
    }
}
