import CongDanSoCore

/// Every fixed label on the dashboard, in Vietnamese (the default) and
/// English, side by side. A `switch` over the cases makes a missing
/// translation a compile error. Labels that carry values are `Phrase`'s
/// functions, and the key table's texts are `KeyText`: every translation of
/// the dashboard is in these three files. Text from data (unit names, the title) is never
/// translated.
enum Label: CaseIterable, Sendable {
    // Header and summary.
    case dataAt, live, paused, stale
    case unitsTakingPart, unitsTakingPartShort
    case registered, registeredShort, completed, completedShort
    case completionRate, coverage, coverageOfAdults
    case goal, perDayUnit
    case goalReached, deadlinePassed, noAdults
    // Table.
    case rankHeader, unitHeader, typeHeader, provinceHeader
    case changeRegisteredHeader, changeCompletedHeader, trendHeader
    case noUnits
    // Footer and status.
    case sortLabel, filterLabel, typeFilterLabel, provinceFilterLabel, formerProvinceFilterLabel
    case filterPrompt, searchPrompt, searchNoMatch
    case asciiBecauseLocale
    case loadedAt, reloadFailed, showingDataLoadedAt, newDataWaiting, dataWarning
    case exportedTo, exportFailed, exportRequested
    // Detail.
    case code, type, province, formerProvince, formerDistricts, area, population, adults, estimate
    case now, change24h, rank
    case history, historyByDay, time, dailyChart, notInTable
    case completedLegend, registeredLegend, topTen, bottomTen
    // Summary.
    case lowest, median, highest
    case summaryTitle, groupHeader, unitsHeader, adultsHeader
    case filteredTable, summaryUnfiltered, summaryFiltered, risers, fallers, noMovesFirstDay, noMoves
    // Help.
    case helpTitle
    case sectionSearch, mouseLegendKey, legendMouse
    case sectionEverywhere, sectionTable, sectionFilter, sectionDetail, sectionSummary, sectionHelp, sectionSymbols
    case legendSort, legendIndicator, legendTrend, legendCoverage
    case quit
    // Breadcrumbs.
    case tableCrumb

    func text(_ lang: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { lang == .vi ? vi : en }
        switch self {
        case .dataAt: return t("dữ liệu", "data")
        case .live: return t("trực tiếp", "live")
        case .paused: return t("tạm dừng", "paused")
        case .stale: return t("dữ liệu cũ", "stale")
        case .unitsTakingPart: return t("Đơn vị tham gia", "Units taking part")
        case .unitsTakingPartShort: return t("Tham gia", "Units")
        case .registered: return t("Đăng ký", "Registered")
        case .registeredShort: return t("ĐK", "Reg.")
        case .completed: return t("Hoàn thành", "Completed")
        case .completedShort: return t("HT", "Done")
        case .completionRate: return t("Tỷ lệ HT", "Compl. rate")
        case .coverage: return t("Độ phủ", "Coverage")
        case .coverageOfAdults: return t("Độ phủ người trưởng thành", "Coverage of adults")
        case .goal: return t("Mục tiêu", "Goal")
        case .perDayUnit: return t("HT/ngày", "/day")
        case .goalReached: return t("đã đạt mục tiêu", "goal reached")
        case .deadlinePassed: return t("đã quá hạn", "deadline passed")
        case .noAdults: return t("chưa có số người trưởng thành", "no adults on record")
        case .rankHeader: return "#"
        case .unitHeader: return t("Đơn vị", "Unit")
        case .typeHeader: return t("Loại", "Type")
        case .provinceHeader: return t("Tỉnh", "Province")
        case .changeRegisteredHeader: return t("+24h ĐK", "+24h reg")
        case .changeCompletedHeader: return t("+24h HT", "+24h done")
        case .trendHeader: return t("10 ngày", "10 days")
        case .noUnits: return t("Dữ liệu chưa có đơn vị nào", "The data has no units yet")
        case .sortLabel: return t("sắp xếp", "sort")
        case .filterLabel: return t("lọc", "filter")
        case .typeFilterLabel: return t("loại", "type")
        case .provinceFilterLabel: return t("tỉnh", "province")
        case .formerProvinceFilterLabel: return t("tỉnh cũ", "former prov.")
        case .filterPrompt: return t("Lọc theo tên:", "Filter by name:")
        case .searchPrompt: return t("Tìm:", "Search:")
        case .searchNoMatch: return t("không thấy", "no match")
        case .asciiBecauseLocale:
            return t(
                "Không dấu vì LANG không phải UTF-8; --utf8 để hiện dấu",
                "No accents: LANG is not UTF-8; --utf8 brings them back")
        case .mouseLegendKey: return t("chuột", "mouse")
        case .legendMouse:
            return t(
                "bấm chọn dòng, bấm đúp mở, bấm tiêu đề cột để sắp xếp (lần nữa đảo), con lăn cuộn, bấm phím ở dòng cuối; --no-mouse để tắt",
                "click selects, double-click opens, a header sorts (again reverses), the wheel scrolls, the keys below are clickable; --no-mouse turns it off"
            )
        case .sectionSearch: return t("Khi đang gõ tìm kiếm", "While typing a search")
        case .loadedAt: return t("Tải lúc", "Loaded at")
        case .reloadFailed: return t("Tải lại lỗi", "Reload failed")
        case .showingDataLoadedAt: return t("đang hiện dữ liệu tải lúc", "showing data loaded at")
        case .newDataWaiting: return t("có dữ liệu mới, nhấn p để áp dụng", "new data waiting, press p to apply")
        case .dataWarning: return t("Cảnh báo dữ liệu", "Data warning")
        case .exportedTo: return t("Đã xuất bảng ra", "Exported the table to")
        case .exportFailed: return t("Xuất lỗi", "Export failed")
        case .exportRequested: return t("Đang xuất bảng…", "Exporting the table…")
        case .code: return t("Mã", "Code")
        case .type: return t("Loại", "Type")
        case .province: return t("Tỉnh", "Province")
        case .formerProvince: return t("Tỉnh cũ", "Former province")
        case .formerDistricts: return t("Địa bàn cũ", "Formerly")
        case .area: return t("Diện tích", "Area")
        case .population: return t("Dân số", "Population")
        case .adults: return t("Người trưởng thành", "Adults")
        case .estimate: return t("ước tính", "estimate")
        case .now: return t("Hiện tại", "Now")
        case .change24h: return "+24h"
        case .rank: return t("Hạng", "Rank")
        case .history: return t("Lịch sử theo từng lần số liệu", "History at every snapshot")
        case .historyByDay:
            return t(
                "Lịch sử theo ngày (cùng giờ mỗi ngày; +24h: so với 24 giờ trước)",
                "History by day (the same time each day; +24h: against 24 hours before)")
        case .time: return t("Thời điểm", "Time")
        case .dailyChart: return t("ĐK mới mỗi ngày", "new reg. a day")
        case .notInTable: return t("ngoài bảng đang lọc", "not in the filtered table")
        case .topTen: return t("nhóm 10 nhiều nhất", "top ten")
        case .bottomTen: return t("nhóm 10 ít nhất", "bottom ten")
        case .completedLegend: return t("hoàn thành", "completed")
        case .registeredLegend: return t("đăng ký", "registered")
        case .lowest: return t("thấp nhất", "lowest")
        case .median: return t("trung vị", "median")
        case .highest: return t("cao nhất", "highest")
        case .summaryTitle: return t("Tổng hợp", "Summary")
        case .groupHeader: return t("Nhóm", "Group")
        case .unitsHeader: return t("Tham gia", "Taking part")
        case .adultsHeader: return t("Người TT", "Adults")
        case .filteredTable: return t("Bảng đang lọc", "Filtered table")
        case .summaryUnfiltered:
            return t("Không có bộ lọc: mọi đơn vị", "No filter: every unit")
        case .summaryFiltered:
            return t(
                "Bộ lọc của bảng chỉ áp dụng cho dòng \"Bảng đang lọc\"; các nhóm tính mọi đơn vị",
                "The table's filter applies to the \"Filtered table\" row only; groups count every unit")
        case .risers: return t("Tăng hạng nhiều nhất trong 24 giờ", "Biggest risers in 24 hours")
        case .fallers: return t("Tụt hạng nhiều nhất trong 24 giờ", "Biggest fallers in 24 hours")
        case .noMovesFirstDay:
            return t("chưa có: dữ liệu chưa đủ 24 giờ", "not yet: the data does not reach back 24 hours")
        case .noMoves: return t("không có", "none")
        case .helpTitle: return t("Trợ giúp: các phím", "Help: keys")
        case .sectionEverywhere: return t("Mọi màn hình", "Everywhere")
        case .sectionTable: return t("Bảng đơn vị", "Unit table")
        case .sectionFilter: return t("Khi đang gõ bộ lọc", "While typing a filter")
        case .sectionDetail: return t("Chi tiết đơn vị", "Unit detail")
        case .sectionSummary: return t("Tổng hợp", "Summary")
        case .sectionHelp: return t("Trợ giúp", "Help")
        case .sectionSymbols: return t("Ký hiệu", "Symbols")
        case .legendSort:
            return t(
                "sau tên cột: cột đang sắp xếp, giảm dần / tăng dần",
                "after a column name: the sort column, descending / ascending")
        case .legendIndicator:
            return t(
                "trực tiếp · trễ (số liệu mới nhất cũ hơn stale_after) · lỗi đọc (lần đọc gần nhất bị lỗi) · tạm dừng",
                "live · late (the newest data is older than stale_after) · stale (the last read failed) · paused")
        case .legendTrend:
            return t(
                "đăng ký mới mỗi 24 giờ đến giờ của số liệu (cột cuối = +24h ĐK); cao nhất là ngày đông nhất",
                "new registrations in each 24 hours to the data's time of day (the last = +24h reg), scaled to the busiest"
            )
        case .legendCoverage:
            return t(
                "hoàn thành / người trưởng thành; vạch trên thước đo là mục tiêu",
                "completed / adults; the mark on the gauge is the goal")
        case .quit: return t("thoát", "quit")
        case .tableCrumb: return t("Bảng", "Table")
        }
    }
}
