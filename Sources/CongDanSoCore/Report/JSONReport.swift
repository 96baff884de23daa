/// `report --format json`: one object with the moment, totals, top and
/// bottom ten, the goal and every unit in rank order. Rates are fractions.
public enum JSONReport {
    public static func render(_ s: Standings, pretty: Bool = true) -> String {
        let tz = s.config.timeZone
        // About 400 bytes a unit (pretty), and a few kB besides.
        var w = JSONWriter(pretty: pretty, capacity: 16_384 + 512 * s.figures.count)
        w.openObject()
        w.string("title", s.config.title)
        w.string("as_of", s.moment.iso8601(offset: tz))
        w.int("units_total", s.figures.count)
        w.int("units_participating", s.city.participating)
        w.int("registered", s.city.registered)
        w.int("completed", s.city.completed)
        w.number("completion_rate", s.city.completionRate)
        // null on the data's first day: nothing to compare with.
        w.int("registered_change_24h", s.city.registeredChange)
        w.int("completed_change_24h", s.city.completedChange)
        for (key, rows) in [("top", s.top()), ("bottom", s.bottom())] {
            w.openArray(key)
            for f in rows {
                w.openObject()
                w.int("rank", f.rank); w.string("code", f.unit.code); w.string("name", f.unit.name)
                w.string("type", f.unit.type.rawValue); w.int("registered", f.registered);
                w.int("completed", f.completed)
                w.closeObject()
            }
            w.closeArray()
        }
        let g = s.goal
        w.openObject("target")
        w.number("share", g.targetShare)
        w.int("adults", g.adults)
        w.bool("adults_estimated", s.dataset.units.contains(where: \.adultsEstimated))
        w.number("completed_share", g.completedShare)
        w.string("deadline", g.deadline.description)
        w.number("days_left", g.daysLeft)
        w.number("pace_per_day", g.pacePerDay)
        w.number("pace_days", g.paceDays)
        w.number("required_per_day", g.requiredPerDay)
        w.closeObject()
        // Every grouping, present in the data or not (a dimension no unit
        // has is one group with a null value): by_type, by_former_province,
        // by_province.
        for dimension in [GroupDimension.type, .formerProvince, .province] {
            w.openArray(dimension.jsonKey)
            for g in s.groups(by: dimension) { group(&w, dimension.fieldName, g.value, g.totals) }
            w.closeArray()
        }
        w.openArray("units")
        let ranked = s.ranked
        if ranked.count >= 1_000 {
            // The second half written on another thread meanwhile, then
            // added after the first: the same bytes.
            let half = ranked.count / 2
            unit(&w, ranked[0])
            let rest = w.continuation(capacity: 512 * (ranked.count - half))
            let second = InBackground {
                var tail = rest
                for f in ranked[half...] { unit(&tail, f) }
                return tail
            }
            for f in ranked[1..<half] { unit(&w, f) }
            w.append(continuation: second.value)
        } else {
            for f in ranked { unit(&w, f) }
        }
        w.closeArray()
        w.int("warnings", s.dataset.warnings.count)
        w.closeObject()
        return w.outputEndingLine()
    }

    static func unit(_ w: inout JSONWriter, _ f: UnitFigures) {
        w.openObject()
        w.int("rank", f.rank)
        w.string("code", f.unit.code)
        w.string("name", f.unit.name)
        w.string("type", f.unit.type.rawValue)
        w.string("province", f.unit.province)
        w.string("former_province", f.unit.formerProvince)
        w.int("registered", f.registered)
        w.int("completed", f.completed)
        w.number("completion_rate", f.completionRate)
        w.int("adults", f.unit.adults)
        w.number("coverage", f.coverage)
        w.int("registered_change_24h", f.registeredChange)
        w.int("completed_change_24h", f.completedChange)
        w.closeObject()
    }

    private static func group(_ w: inout JSONWriter, _ key: String, _ name: String?, _ t: GroupTotals) {
        w.openObject()
        w.string(key, name)
        w.int("units", t.units); w.int("participating", t.participating)
        w.int("registered", t.registered); w.int("completed", t.completed)
        w.number("completion_rate", t.completionRate); w.int("adults", t.adults); w.number("coverage", t.coverage)
        w.closeObject()
    }
}
