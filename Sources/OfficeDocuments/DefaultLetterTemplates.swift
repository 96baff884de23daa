extension LetterTemplate {
    /// The seed letter's wording (Sở Khoa học và Công nghệ Hải Phòng, October
    /// 2025), with its number and date left blank ("…") for the clerk, and
    /// the days and the contest's title taken from the data. Two slips of
    /// the seed are mended: "kênh youte" reads "kênh Youtube", and "UBND TP
    /// (để b/c)" ends with ";" like the other lines of "Nơi nhận".
    /// `congdanso letter --print-template` prints this text.
    public static let defaultVietnamese = #"""
        # Mẫu công văn của `congdanso letter`. Lưu thành letter.mustache trong thư mục dữ liệu để sửa.
        # Mỗi trường bắt đầu bằng một dòng [tên_trường]; mỗi dòng bên dưới là một mục (người nhận, đoạn văn, đề nghị).
        # Trường để trống hiện "…". Biến: {{cuoc_thi}} {{cuoc_thi_in_hoa}} {{thoi_diem}} {{ngay_so_lieu}} {{nam}}
        # {{so_ngay}} (số ngày từ số liệu đầu tiên) {{muc_tieu}} {{han}}. Các câu số liệu do chương trình viết.
        [co_quan_chu_quan]
        UBND THÀNH PHỐ HẢI PHÒNG
        [co_quan]
        SỞ KHOA HỌC VÀ CÔNG NGHỆ
        [ten_co_quan]
        Sở Khoa học và Công nghệ
        [so]
        [ky_hieu]
        SKHCN-TTTT
        [trich_yeu]
        thông tin sơ bộ kết quả sau {{so_ngay}} ngày triển khai Cuộc thi “{{cuoc_thi}}”
        [dia_danh]
        Hải Phòng
        [ngay]
        [thang]
        [nam]
        {{nam}}
        [kinh_gui]
        Thành đoàn Hải Phòng;
        Các Sở, ban, ngành thành phố;
        Ủy ban nhân dân các xã, phường, đặc khu.
        [mo_dau]
        Thực hiện Kế hoạch số 478-KH/TU ngày 01/6/2025 của Thành ủy Hải Phòng về Triển khai Phong trào “Bình dân học vụ số”; ý kiến chỉ đạo của Phó Chủ tịch Ủy ban nhân dân thành phố Hoàng Minh Cường tại Văn bản số 9686/VP-VX ngày 03/10/2025 của Ủy ban nhân dân thành phố về việc tổ chức triển khai đồng bộ phong trào “Bình dân học vụ số”, “Ngày hội toàn dân học tập số” và “Ngày chuyển đổi số quốc gia”.
        Ngày 13/10/2025, Sở Khoa học và Công nghệ đã có Công văn số 3452/SKHCN-TTTT về triển khai Cuộc thi “{{cuoc_thi}}”. Cuộc thi đã nhận được hưởng ứng cao của nhân dân trên địa bàn thành phố. Sau {{so_ngay}} ngày triển khai, Sở Khoa học và Công nghệ thông tin kết quả Cuộc thi cụ thể như sau:
        [chi_tiet]
        (Chi tiết kết quả tại Phụ lục gửi kèm.)
        [de_nghi_mo_dau]
        Để hoàn thành mục tiêu năm 2025 “80% người dân trong độ tuổi trưởng thành có tri thức cơ bản về chuyển đổi số, có kỹ năng số, sử dụng được thiết bị thông minh để khai thác thông tin, sử dụng nền tảng, dịch vụ số thiết yếu, biết bảo vệ bản thân trên môi trường số” theo chỉ đạo của Thành ủy Hải Phòng tại Kế hoạch số 478-KH/TU ngày 01/6/2025. Sở Khoa học và Công nghệ đề nghị các địa phương, đơn vị:
        [de_nghi]
        Tích cực triển khai Cuộc thi “{{cuoc_thi}}” tới toàn thể nhân dân trên địa bàn thành phố. Dữ liệu kết quả cuộc thi được cập nhật hàng ngày trên trang thông tin Bản đồ số Hải Phòng (tại địa chỉ https://bandoso.haiphong.gov.vn/).
        Đẩy mạnh hoạt động truyền thông về Cuộc thi trên các phương tiện truyền thông của đơn vị, xã, phường, đặc khu (như trang Thông tin điện tử, Fanpage; kênh Youtube; đài phát thanh…) để người dân được biết và tham gia. Sở Khoa học và Công nghệ cung cấp thông tin phục vụ truyền thông Cuộc thi (theo link đính kèm: https://drive.google.com/drive/u/0/folders/1m9ryO8UDm-X_-i3RVOmTBHoPLU_Hg5WK).
        [lien_he]
        Sở Khoa học và Công nghệ cử đồng chí Trần Thị Phượng - Trưởng phòng, Phòng Tư liệu và Thống kê, Trung tâm Công nghệ thông tin và Truyền thông Hải Phòng, Sở Khoa học và Công nghệ, điện thoại: 0982103591 là đầu mối liên hệ, trao đổi thông tin.
        [ket]
        Trân trọng./.
        [quyen_han]
        KT. GIÁM ĐỐC
        [chuc_vu]
        PHÓ GIÁM ĐỐC
        [nguoi_ky]
        Vũ Đại Thắng
        [noi_nhan]
        Như trên;
        UBND TP (để b/c);
        GĐ, các PGĐ Sở;
        Phòng CNTT;
        Lưu: VT; TTTT.
        [phu_luc_tieu_de]
        KẾT QUẢ CUỘC THI “{{cuoc_thi_in_hoa}}” THEO XÃ, PHƯỜNG, ĐẶC KHU
        """#

    /// The same letter in English, for `--lang en`.
    public static let defaultEnglish = #"""
        # Template of `congdanso letter --lang en`. Save as letter.en.mustache in the data directory to edit.
        # Each field starts with a line [field_name]; each line under it is one item. An empty field shows "…".
        # Variables: {{cuoc_thi}} {{cuoc_thi_in_hoa}} {{thoi_diem}} {{ngay_so_lieu}} {{nam}} {{so_ngay}} {{muc_tieu}} {{han}}.
        [co_quan_chu_quan]
        HAI PHONG CITY PEOPLE'S COMMITTEE
        [co_quan]
        DEPARTMENT OF SCIENCE AND TECHNOLOGY
        [ten_co_quan]
        the Department of Science and Technology
        [so]
        [ky_hieu]
        SKHCN-TTTT
        [trich_yeu]
        preliminary results after {{so_ngay}} days of the contest “{{cuoc_thi}}”
        [dia_danh]
        Hai Phong
        [ngay]
        [thang]
        [nam]
        {{nam}}
        [kinh_gui]
        the Hai Phong Youth Union;
        the city's departments, boards and agencies;
        the People's Committees of the communes, wards and special zones.
        [mo_dau]
        Pursuant to Plan No. 478-KH/TU of 1 June 2025 of the Hai Phong Party Committee on the “Digital literacy for all” movement, and to the direction of the Vice Chairman of the City People's Committee in Document No. 9686/VP-VX of 3 October 2025.
        On 13 October 2025 the Department of Science and Technology launched the contest “{{cuoc_thi}}” by Official Letter No. 3452/SKHCN-TTTT. After {{so_ngay}} days, the Department reports the results as follows:
        [chi_tiet]
        (Details in the attached appendix.)
        [de_nghi_mo_dau]
        To reach the 2025 goal of {{muc_tieu}} of adults with basic digital skills, the Department of Science and Technology asks the localities and agencies to:
        [de_nghi]
        Promote the contest “{{cuoc_thi}}” to every resident of the city. The results are updated daily on the Hai Phong Digital Map (https://bandoso.haiphong.gov.vn/).
        Publicise the contest through their own channels (web portal, Fanpage, Youtube channel, radio…) so that residents know of it and take part.
        [lien_he]
        Contact: Ms Tran Thi Phuong, Head of the Records and Statistics Division, Hai Phong Information and Communication Technology Centre, phone 0982103591.
        [ket]
        Sincerely./.
        [quyen_han]
        FOR THE DIRECTOR
        [chuc_vu]
        DEPUTY DIRECTOR
        [nguoi_ky]
        Vu Dai Thang
        [noi_nhan]
        As above;
        City People's Committee (for reporting);
        Director and Deputy Directors;
        IT Division;
        Archive: VT; TTTT.
        [phu_luc_tieu_de]
        RESULTS OF THE CONTEST “{{cuoc_thi_in_hoa}}” BY COMMUNE, WARD AND SPECIAL ZONE
        """#
}
