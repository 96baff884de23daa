/// Reads `units.csv`: one row a unit, columns in any order; required
/// `code,name,type,population`, optional `adults`, `former_province`,
/// `former_districts`, `area_km2`, `province`; other columns are ignored.
enum UnitsLoader {
    /// `rejectedCodes`: codes of rows left out for an error, so that snapshot
    /// rows naming them are not also reported as unknown units.
    static func load(bytes: [UInt8], file: String, adultShare: Double)
        -> (units: [Unit], issues: [DataIssue], rejectedCodes: Set<String>)
    {
        var issues: [DataIssue] = []
        var table = CSVTable(bytes: bytes, file: file)
        guard table.readHeader(required: [["code"], ["name"], ["type"], ["population"]], issues: &issues) else {
            return ([], issues, [])
        }
        let cCode = table.index("code")!, cName = table.index("name")!
        let cType = table.index("type")!, cPop = table.index("population")!
        let cAdults = table.index("adults"), cProvince = table.index("former_province")
        let cDistricts = table.index("former_districts"), cArea = table.index("area_km2")
        let cCurrentProvince = table.index("province")

        var units: [Unit] = []
        var lineOfCode: [String: Int] = [:]
        var rejectedCodes: Set<String> = []
        while table.next(issues: &issues) {
            let line = table.fields[cCode].line
            guard let code = table.text(cCode, issues: &issues),
                let rawName = table.text(cName, issues: &issues),
                let rawType = table.text(cType, issues: &issues)
            else {
                if let code = table.reader.string(table.fields[cCode])?.trimmingSpaces { rejectedCodes.insert(code) }
                continue
            }
            var rowOK = true
            if code.isEmpty {
                issues.append(table.issue(.error, at: cCode, "the unit code is empty; every unit needs its code"))
                rowOK = false
            } else if !TextSanitizer.isClean(code) || Self.hasSpace(code) {
                issues.append(
                    table.issue(
                        .error, at: cCode,
                        "the unit code \(table.shown(cCode)) contains spaces or control characters; codes are plain text like 11560"
                    ))
                rowOK = false
            } else if let first = lineOfCode[code] {
                issues.append(
                    table.issue(
                        .error, at: cCode,
                        "the unit code \(code) is already used on line \(first); each code must appear once"))
                rowOK = false
            }
            let name = cleaned(rawName, table, cName, "name", &issues)
            if name.isEmpty {
                issues.append(table.issue(.error, at: cName, "the unit name is empty"))
                rowOK = false
            }
            let type = UnitType(parsing: rawType)
            if type == nil {
                issues.append(
                    table.issue(.error, at: cType, "the type \(table.shown(cType)) is not one of xã, phường, đặc khu"))
                rowOK = false
            }
            let population = table.reader.integer(table.fields[cPop])
            if population == nil {
                issues.append(
                    table.issue(
                        .error, at: cPop,
                        "the population \(table.shown(cPop)) is not a whole number ≥ 0; write digits only, without separators"
                    ))
                rowOK = false
            }
            var adults: Int? = nil
            if let cAdults, !table.reader.trimmedBytes(table.fields[cAdults]).isEmpty {
                adults = table.reader.integer(table.fields[cAdults])
                if adults == nil {
                    issues.append(
                        table.issue(
                            .error, at: cAdults,
                            "the adult count \(table.shown(cAdults)) is not a whole number ≥ 0; write digits only, or leave it empty to estimate it"
                        ))
                    rowOK = false
                } else if let a = adults, let p = population, a > p {
                    issues.append(
                        table.issue(
                            .warning, at: cAdults,
                            "the unit has more adults (\(a)) than people (\(p)); check both columns"))
                }
            }
            var area: Double? = nil
            if let cArea, let text = table.text(cArea, issues: &issues), !text.isEmpty {
                if let a = Double(text), a.isFinite, a >= 0, text.allSatisfy({ $0.isNumber || $0 == "." }) {
                    area = a
                } else {
                    issues.append(
                        table.issue(
                            .error, at: cArea,
                            "the area \(table.shown(cArea)) is not a number; write it like 45.34 (a point for decimals)"
                        ))
                    rowOK = false
                }
            }
            let province = table.text(cProvince, issues: &issues).map {
                cleaned($0, table, cProvince!, "former province", &issues)
            }
            let districts = table.text(cDistricts, issues: &issues).map {
                cleaned($0, table, cDistricts!, "former districts", &issues)
            }
            let currentProvince = table.text(cCurrentProvince, issues: &issues).map {
                TextSanitizer.sanitize(VietnameseText.nfc($0))
            }
            guard rowOK, let type, let population else { rejectedCodes.insert(code); continue }
            lineOfCode[code] = line
            units.append(
                Unit(
                    code: code, name: name, type: type, population: population,
                    adults: adults ?? Unit.estimatedAdults(population: population, share: adultShare),
                    adultsEstimated: adults == nil,
                    formerProvince: province.flatMap { $0.isEmpty ? nil : $0 },
                    formerDistricts: districts.flatMap { $0.isEmpty ? nil : $0 },
                    areaKm2: area, province: currentProvince.flatMap { $0.isEmpty ? nil : $0 }))
        }
        if units.isEmpty, !issues.hasErrors {
            issues.append(
                DataIssue(
                    .error, file: file, line: 0, column: 0,
                    "the file lists no units; add one row per unit under the header"))
        }
        return (units, issues, rejectedCodes)
    }

    /// Whether the code holds a space (`String.contains`; for plain ASCII,
    /// the usual case, a byte search gives the same answer without
    /// Foundation's string search).
    private static func hasSpace(_ code: String) -> Bool {
        if code.utf8.allSatisfy({ $0 < 0x80 }) { return code.utf8.contains(UInt8(ascii: " ")) }
        return code.contains(" ")
    }

    /// A text column's value in NFC and cleaned of control and invisible
    /// characters (the shared rules of `TextSafety`), with a warning at the
    /// field when anything had to be replaced: cleaned text is shown, never
    /// silently changed.
    private static func cleaned(
        _ raw: String, _ table: CSVTable, _ column: Int, _ what: String, _ issues: inout [DataIssue]
    ) -> String {
        let text = VietnameseText.nfc(raw)
        let clean = TextSanitizer.sanitize(text)
        if clean != text {
            issues.append(
                table.issue(
                    .warning, at: column,
                    "the \(what) contains control or invisible characters; they are shown as \u{FFFD}"))
        }
        return clean
    }
}
