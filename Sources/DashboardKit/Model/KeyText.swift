import CongDanSoCore

/// The key table's texts: what each binding does (the help screen) and the
/// key line's short words.
enum KeyText: CaseIterable, Sendable {
    case toggleHelp, toggleLanguage, togglePause, reloadNow, refreshSlower, refreshFaster, quit, moveUpTable,
        moveDownTable, pageUpTable, pageDownTable, moveToTopTable, moveToBottomTable, openDetailTable,
        sortPreviousTable, sortNextTable, reverseSortTable, startFilterTable, cycleTypeTable, cycleProvinceTable,
        clearFiltersTable, showSummaryTable, exportTable, exportWorkbookTable, filterKeepFilterInput,
        filterClearFilterInput,
        filterDeleteBackwardFilterInput, moveUpFilterInput, moveDownFilterInput, quitFilterInput, previousUnitDetail,
        nextUnitDetail, scrollUp, scrollDown, backDetail, backSummary, backHelp, summaryUp, summaryDown,
        filterToGroupSummary
    case startSearchTable, searchNextTable, searchPreviousTable, searchKeepSearchInput, searchCancelSearchInput
    case scrollPageUp, scrollPageDown, scrollToTop, scrollToBottom
    case hintSearch, hintResume, hintPage
    case toggleWallRotation, toggleFollowTable, switchMovementBaseTable, showAttentionTable
    case hintAttention, hintFollow, hintMovement
    case hintFilter, hintColumn, hintReverse, hintType, hintProvince, hintDetail, hintSummary, hintExport, hintPause,
        hintLanguage, hintHelp, hintQuit, hintPreviousNextUnit, hintScroll, hintBack, hintClose, hintFilterToGroup

    func text(_ lang: Language) -> String {
        func t(_ vi: String, _ en: String) -> String { lang == .vi ? vi : en }
        switch self {
        case .toggleWallRotation:
            return t(
                "Chế độ màn hình tường: dừng / tiếp tục xoay vòng", "Wall mode: pause / resume the rotation")
        case .toggleFollowTable:
            return t(
                "Bám theo đơn vị đang chọn khi thứ hạng đổi (tắt: khung nhìn đứng yên)",
                "Follow the selected unit as it moves (off: the view stays put)")
        case .switchMovementBaseTable:
            return t(
                "Cột thay đổi hạng: so với lần cập nhật trước / 24 giờ trước",
                "Rank movement: against the previous refresh / 24 hours ago")
        case .showAttentionTable:
            return t("Đơn vị cần gọi hôm nay, kèm lý do", "Units that need a call today, with the reason")
        case .hintAttention: return t("cần gọi", "call list")
        case .hintFollow: return t("bám theo", "follow")
        case .hintMovement: return t("so hạng", "movement")
        case .toggleHelp: return t("Mở hoặc đóng trợ giúp (danh sách phím này)", "Open or close this help")
        case .toggleLanguage: return t("Đổi ngôn ngữ: tiếng Việt / tiếng Anh", "Switch language: Vietnamese / English")
        case .togglePause: return t("Tạm dừng / tiếp tục cập nhật số liệu", "Pause / resume data updates")
        case .reloadNow: return t("Tải lại số liệu ngay", "Reload the data now")
        case .refreshSlower: return t("Giãn chu kỳ tự làm mới", "Refresh less often")
        case .refreshFaster: return t("Rút ngắn chu kỳ tự làm mới", "Refresh more often")
        case .quit: return t("Thoát", "Quit")
        case .moveUpTable: return t("Chọn dòng trên", "Select the row above")
        case .moveDownTable: return t("Chọn dòng dưới", "Select the row below")
        case .pageUpTable: return t("Lên một trang", "Page up")
        case .pageDownTable: return t("Xuống một trang", "Page down")
        case .moveToTopTable: return t("Về dòng đầu", "First row")
        case .moveToBottomTable: return t("Xuống dòng cuối", "Last row")
        case .openDetailTable: return t("Xem chi tiết đơn vị đang chọn", "Open the selected unit")
        case .sortPreviousTable: return t("Sắp xếp theo cột bên trái", "Sort by the column to the left")
        case .sortNextTable: return t("Sắp xếp theo cột bên phải", "Sort by the column to the right")
        case .reverseSortTable: return t("Đảo chiều sắp xếp", "Reverse the sort order")
        case .startFilterTable:
            return t(
                "Lọc theo tên khi gõ (không dấu cũng được: \"do son\")",
                "Filter by name as you type (diacritics optional: \"do son\")")
        case .cycleTypeTable:
            return t("Lọc theo loại: tất cả, xã, phường, đặc khu", "Filter by type: all, commune, ward, special zone")
        case .cycleProvinceTable:
            return t(
                "Lọc theo tỉnh (hoặc tỉnh cũ): tất cả, rồi từng tỉnh",
                "Filter by province (or former province): all, then each one")
        case .clearFiltersTable: return t("Bỏ mọi bộ lọc", "Clear every filter")
        case .showSummaryTable:
            return t("Tổng hợp theo loại, tỉnh và tỉnh cũ", "Summary by type, province and former province")
        case .exportTable:
            return t("Xuất bảng đang xem (lọc, thứ tự) ra CSV", "Export the table as shown (filter, order) to CSV")
        case .exportWorkbookTable:
            return t(
                "Xuất bảng đang xem ra tệp Excel (.xlsx, kèm tổng hợp)",
                "Export the table as shown to an Excel workbook (.xlsx, with summaries)")
        case .filterKeepFilterInput: return t("Giữ bộ lọc, thôi gõ", "Keep the filter, stop typing")
        case .filterClearFilterInput: return t("Xoá bộ lọc, thôi gõ", "Clear the filter, stop typing")
        case .filterDeleteBackwardFilterInput: return t("Xoá ký tự cuối", "Delete the last character")
        case .moveUpFilterInput: return t("Chọn dòng trên", "Select the row above")
        case .moveDownFilterInput: return t("Chọn dòng dưới", "Select the row below")
        case .quitFilterInput: return t("Thoát", "Quit")
        case .previousUnitDetail: return t("Đơn vị trước theo thứ tự của bảng", "Previous unit in the table's order")
        case .nextUnitDetail: return t("Đơn vị sau theo thứ tự của bảng", "Next unit in the table's order")
        case .scrollUp: return t("Cuộn lên", "Scroll up")
        case .scrollDown: return t("Cuộn xuống", "Scroll down")
        case .backDetail: return t("Quay lại bảng, đúng dòng đang chọn", "Back to the table, same row")
        case .backSummary: return t("Quay lại bảng", "Back to the table")
        case .summaryUp: return t("Chọn nhóm trên", "Select the group above")
        case .summaryDown: return t("Chọn nhóm dưới", "Select the group below")
        case .filterToGroupSummary:
            return t(
                "Lọc bảng theo nhóm đang chọn (dòng toàn bộ: bỏ lọc)",
                "Filter the table to the selected group (the whole: clear the filters)")
        case .hintFilterToGroup: return t("lọc theo nhóm", "filter to group")
        case .backHelp: return t("Đóng trợ giúp", "Close the help")
        case .startSearchTable:
            return t(
                "Tìm và nhảy tới đơn vị (không lọc bảng); trùng khớp đầu tên trước",
                "Search and jump to a unit (the table stays whole); whole and leading matches first")
        case .searchNextTable: return t("Kết quả tìm tiếp theo", "Next search match")
        case .searchPreviousTable: return t("Kết quả tìm trước đó", "Previous search match")
        case .searchKeepSearchInput: return t("Ở lại dòng tìm được, thôi gõ", "Stay on the match, stop typing")
        case .searchCancelSearchInput: return t("Thôi tìm, về dòng cũ", "Cancel, back to the row before")
        case .scrollPageUp: return t("Lên một trang", "Page up")
        case .scrollPageDown: return t("Xuống một trang", "Page down")
        case .scrollToTop: return t("Về đầu", "To the top")
        case .scrollToBottom: return t("Xuống cuối", "To the end")
        case .hintSearch: return t("tìm", "search")
        case .hintResume: return t("tiếp tục", "resume")
        case .hintPage: return t("trang", "page")
        case .hintFilter: return t("lọc", "filter")
        case .hintColumn: return t("cột", "column")
        case .hintReverse: return t("đảo", "reverse")
        case .hintType: return t("loại", "type")
        case .hintProvince: return t("tỉnh", "province")
        case .hintDetail: return t("chi tiết", "detail")
        case .hintSummary: return t("tổng hợp", "summary")
        case .hintExport: return t("xuất", "export")
        case .hintPause: return t("dừng", "pause")
        case .hintLanguage: return t("English", "Tiếng Việt")
        case .hintHelp: return t("trợ giúp", "help")
        case .hintQuit: return t("thoát", "quit")
        case .hintPreviousNextUnit: return t("đơn vị trước/sau", "previous/next unit")
        case .hintScroll: return t("cuộn", "scroll")
        case .hintBack: return t("quay lại", "back")
        case .hintClose: return t("đóng", "close")
        }
    }
}
