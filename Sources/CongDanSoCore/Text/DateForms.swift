/// Date and time forms used in reports and on screen.
public enum DateForms {
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// The letter's form: `15h00 ngày 22/10/2025` (vi); `15:00 on 22 October 2025` (en).
    public static func moment(_ t: Timestamp, offset: UTCOffset, _ lang: Language) -> String {
        let l = t.localTime(offset)
        switch lang {
        case .vi: return "\(pad(l.hour, 2))h\(pad(l.minute, 2)) ngày \(pad(l.day, 2))/\(pad(l.month, 2))/\(l.year)"
        case .en: return "\(pad(l.hour, 2)):\(pad(l.minute, 2)) on \(l.day) \(englishMonths[l.month - 1]) \(l.year)"
        }
    }

    /// A short form for tables and the screen: `22/10/2025 15:00` (vi), `2025-10-22 15:00` (en).
    public static func short(_ t: Timestamp, offset: UTCOffset, _ lang: Language) -> String {
        let l = t.localTime(offset)
        switch lang {
        case .vi: return "\(pad(l.day, 2))/\(pad(l.month, 2))/\(l.year) \(pad(l.hour, 2)):\(pad(l.minute, 2))"
        case .en: return "\(l.year)-\(pad(l.month, 2))-\(pad(l.day, 2)) \(pad(l.hour, 2)):\(pad(l.minute, 2))"
        }
    }

    /// A calendar date: `31/12/2025` (vi), `31 December 2025` (en).
    public static func date(_ d: CalendarDate, _ lang: Language) -> String {
        switch lang {
        case .vi: return "\(pad(d.day, 2))/\(pad(d.month, 2))/\(d.year)"
        case .en: return "\(d.day) \(englishMonths[d.month - 1]) \(d.year)"
        }
    }

    /// A number in at least two digits: `7` → `07`, `15` → `15` (clock
    /// times and dates on screen and in file names).
    public static func twoDigits(_ n: Int) -> String { pad(n, 2) }

    /// A moment for a file name, local time: `20251022-150000`.
    public static func fileStamp(_ t: Timestamp, offset: UTCOffset) -> String {
        let l = t.localTime(offset)
        return "\(l.year)\(pad(l.month, 2))\(pad(l.day, 2))-\(pad(l.hour, 2))\(pad(l.minute, 2))\(pad(l.second, 2))"
    }
}
