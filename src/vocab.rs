//! Controlled vocabularies of the content model (content-model.md §6bis): each
//! value has a stable snake_case id used in front matter and a Vietnamese label
//! shown on the site.
//!
//! Templates receive a value as `{id, label}`, so a theme never needs its own
//! table of labels.

use serde::ser::SerializeStruct;

macro_rules! vocab {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal => $label:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant,)+
        }

        impl $name {
            /// Every value, in the order of the content model.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The id written in front matter.
            pub fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// The Vietnamese label shown to readers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut st = s.serialize_struct(stringify!($name), 2)?;
                st.serialize_field("id", self.id())?;
                st.serialize_field("label", self.label())?;
                st.end()
            }
        }
    };
}

vocab!(
    /// Lĩnh vực cải cách hành chính (NQ 76/NQ-CP + chỉ đạo điều hành).
    ParArea {
        ChiDaoDieuHanh = "chi_dao_dieu_hanh" => "Công tác chỉ đạo, điều hành cải cách hành chính",
        TheChe = "the_che" => "Cải cách thể chế",
        ThuTucHanhChinh = "thu_tuc_hanh_chinh" => "Cải cách thủ tục hành chính",
        ToChucBoMay = "to_chuc_bo_may" => "Cải cách tổ chức bộ máy hành chính nhà nước",
        CheDoCongVu = "che_do_cong_vu" => "Cải cách chế độ công vụ",
        TaiChinhCong = "tai_chinh_cong" => "Cải cách tài chính công",
        ChinhQuyenSo = "chinh_quyen_so" => "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    }
);

vocab!(
    /// Chỉ số đánh giá (PAR INDEX, SIPAS, …).
    Index {
        ParIndex = "par_index" => "Chỉ số cải cách hành chính (PAR INDEX)",
        Sipas = "sipas" => "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
        Papi = "papi" => "Chỉ số Hiệu quả quản trị và hành chính công cấp tỉnh (PAPI)",
        ChiSoPhucVu = "chi_so_phuc_vu" => "Chỉ số phục vụ người dân, doanh nghiệp",
        ChiSoCds = "chi_so_cds" => "Chỉ số chuyển đổi số cấp xã",
    }
);

vocab!(
    /// Loại đơn vị.
    UnitKind {
        ChinhQuyen = "chinh_quyen" => "Cơ quan chính quyền",
        CoQuanChuyenMon = "co_quan_chuyen_mon" => "Cơ quan chuyên môn thuộc UBND xã",
        ToChucHanhChinh = "to_chuc_hanh_chinh" => "Tổ chức hành chính thuộc UBND xã",
        DonViSuNghiep = "don_vi_su_nghiep" => "Đơn vị sự nghiệp công lập",
        NganhDoc = "nganh_doc" => "Cơ quan ngành dọc",
        CapTren = "cap_tren" => "Cơ quan cấp trên",
        CoQuanBaoChi = "co_quan_bao_chi" => "Cơ quan báo chí",
        DiaBan = "dia_ban" => "Thôn, làng",
        Nhom = "nhom" => "Nhóm cơ quan, đơn vị",
    }
);

vocab!(
    /// Loại văn bản.
    DocType {
        Luat = "luat" => "Luật",
        NghiQuyet = "nghi_quyet" => "Nghị quyết",
        NghiDinh = "nghi_dinh" => "Nghị định",
        ThongTu = "thong_tu" => "Thông tư",
        QuyetDinh = "quyet_dinh" => "Quyết định",
        ChiThi = "chi_thi" => "Chỉ thị",
        KeHoach = "ke_hoach" => "Kế hoạch",
        ChuongTrinh = "chuong_trinh" => "Chương trình",
        DeAn = "de_an" => "Đề án",
        PhuongAn = "phuong_an" => "Phương án",
        QuyChe = "quy_che" => "Quy chế",
        QuyDinh = "quy_dinh" => "Quy định",
        HuongDan = "huong_dan" => "Hướng dẫn",
        ThongBao = "thong_bao" => "Thông báo",
        BaoCao = "bao_cao" => "Báo cáo",
        ToTrinh = "to_trinh" => "Tờ trình",
        BienBan = "bien_ban" => "Biên bản",
        GiayMoi = "giay_moi" => "Giấy mời",
        CongVan = "cong_van" => "Công văn",
        Khac = "khac" => "Văn bản khác",
    }
);

vocab!(
    /// Thể loại tin bài.
    ArticleKind {
        Tin = "tin" => "Tin",
        TinNgan = "tin_ngan" => "Tin ngắn",
        BaiViet = "bai_viet" => "Bài viết",
        ThongBao = "thong_bao" => "Thông báo",
        Infographic = "infographic" => "Infographic",
        Video = "video" => "Video clip",
        PhongSu = "phong_su" => "Phóng sự",
        Anh = "anh" => "Phóng sự ảnh",
        AnPham = "an_pham" => "Ấn phẩm",
        GuongDienHinh = "guong_dien_hinh" => "Gương điển hình",
        HoiDap = "hoi_dap" => "Hỏi - đáp",
    }
);

vocab!(
    /// Kênh đăng tải.
    Channel {
        Website = "website" => "Trang thông tin điện tử xã",
        CongTtdtTinh = "cong_ttdt_tinh" => "Cổng Thông tin điện tử tỉnh",
        BaoGiaLai = "bao_gia_lai" => "Báo Gia Lai",
        Zalo = "zalo" => "Zalo",
        Facebook = "facebook" => "Facebook",
        Youtube = "youtube" => "YouTube",
        Tiktok = "tiktok" => "TikTok",
        DaiTruyenThanh = "dai_truyen_thanh" => "Đài truyền thanh xã",
        Pano = "pano" => "Pano, áp phích, băng rôn",
        HoiNghi = "hoi_nghi" => "Hội nghị, họp thôn/làng",
        ManHinhDienTu = "man_hinh_dien_tu" => "Bảng tin, màn hình điện tử",
    }
);

vocab!(
    /// Hình thức công khai (Luật Tiếp cận thông tin Điều 18).
    DisclosureForm {
        TrangTtdt = "trang_ttdt" => "Đăng trên trang thông tin điện tử",
        ThongTinDaiChung = "thong_tin_dai_chung" => "Phương tiện thông tin đại chúng",
        CongBao = "cong_bao" => "Đăng Công báo",
        NiemYet = "niem_yet" => "Niêm yết tại trụ sở",
        TiepCongDan = "tiep_cong_dan" => "Tiếp công dân, họp báo, phát ngôn",
        Khac = "khac" => "Hình thức khác",
    }
);

vocab!(
    /// Trạng thái đăng.
    Status {
        Draft = "draft" => "Bản nháp",
        Published = "published" => "Đã đăng",
        Archived = "archived" => "Lưu trữ",
    }
);

impl Default for Status {
    fn default() -> Self {
        Status::Published
    }
}

vocab!(
    /// Cấp ban hành văn bản.
    IssuerLevel {
        TrungUong = "trung_uong" => "Trung ương",
        Tinh = "tinh" => "Tỉnh",
        Xa = "xa" => "Xã",
    }
);

vocab!(
    /// Tình trạng hiệu lực của văn bản.
    LegalStatus {
        DuThao = "du_thao" => "Dự thảo",
        ConHieuLuc = "con_hieu_luc" => "Còn hiệu lực",
        ChuaCoHieuLuc = "chua_co_hieu_luc" => "Chưa có hiệu lực",
        HetHieuLucMotPhan = "het_hieu_luc_mot_phan" => "Hết hiệu lực một phần",
        HetHieuLuc = "het_hieu_luc" => "Hết hiệu lực",
    }
);

vocab!(
    /// Thẩm quyền ký.
    SignAuthority {
        Tm = "tm" => "TM.",
        Kt = "kt" => "KT.",
        Q = "q" => "Q.",
        Tl = "tl" => "TL.",
        Tuq = "tuq" => "TUQ.",
        None = "none" => "",
    }
);

vocab!(
    /// Định dạng tệp đính kèm.
    FileFormat {
        Pdf = "pdf" => "PDF",
        Docx = "docx" => "DOCX",
        Doc = "doc" => "DOC",
        Xlsx = "xlsx" => "XLSX",
        Jpg = "jpg" => "JPG",
        Png = "png" => "PNG",
        Mp3 = "mp3" => "MP3",
        Mp4 = "mp4" => "MP4",
        Zip = "zip" => "ZIP",
        Other = "other" => "Khác",
    }
);

impl FileFormat {
    /// Derive the format from a file name's extension.
    pub fn from_path(path: &str) -> FileFormat {
        let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
        FileFormat::ALL
            .iter()
            .copied()
            .find(|f| f.id() == ext || (ext == "jpeg" && *f == FileFormat::Jpg))
            .unwrap_or(FileFormat::Other)
    }
}

vocab!(
    /// Loại nội dung đa phương tiện.
    MediaKind {
        Video = "video" => "Video",
        Audio = "audio" => "Âm thanh",
    }
);

vocab!(
    /// Cấp thực hiện thủ tục hành chính.
    Level {
        CapXa = "cap_xa" => "Cấp xã",
        CapTinh = "cap_tinh" => "Cấp tỉnh",
        CapTrungUong = "cap_trung_uong" => "Cấp trung ương",
    }
);

vocab!(
    /// Mức độ dịch vụ công trực tuyến (NĐ 42/2022 Điều 11; NĐ 224/2026 Điều 14).
    OnlineLevel {
        ToanTrinh = "toan_trinh" => "Toàn trình",
        MotPhan = "mot_phan" => "Một phần",
        Khong = "khong" => "Không trực tuyến",
    }
);

impl OnlineLevel {
    /// The URL segment of the catalogue page that lists this level.
    pub fn slug(self) -> &'static str {
        match self {
            OnlineLevel::ToanTrinh => "toan-trinh",
            OnlineLevel::MotPhan => "mot-phan",
            OnlineLevel::Khong => "khong",
        }
    }
}

vocab!(
    /// Mức độ dịch vụ công trực tuyến chủ động (NĐ 224/2026 Điều 16).
    ProactiveLevel {
        Muc1 = "muc_1" => "Mức 1: nhắc thực hiện",
        Muc2 = "muc_2" => "Mức 2: chuẩn bị sẵn hồ sơ",
        Muc3 = "muc_3" => "Mức 3: khuyến nghị phương án",
        Muc4 = "muc_4" => "Mức 4: tự động thực hiện",
    }
);

vocab!(
    /// Tình trạng của thủ tục hành chính.
    ProcedureStatus {
        ConHieuLuc = "con_hieu_luc" => "Còn hiệu lực",
        DaSuaDoi = "da_sua_doi" => "Đã sửa đổi, bổ sung",
        DaThayThe = "da_thay_the" => "Đã được thay thế",
        DaBaiBo = "da_bai_bo" => "Đã bãi bỏ",
    }
);

impl ProcedureStatus {
    /// Whether citizens can still use the procedure.
    pub fn in_force(self) -> bool {
        matches!(
            self,
            ProcedureStatus::ConHieuLuc | ProcedureStatus::DaSuaDoi
        )
    }
}

vocab!(
    /// Hình thức nộp hồ sơ (a row of "Cách thức thực hiện").
    SubmitMethod {
        TrucTiep = "truc_tiep" => "Trực tiếp",
        TrucTuyen = "truc_tuyen" => "Trực tuyến",
        BuuChinh = "buu_chinh" => "Dịch vụ bưu chính",
    }
);

vocab!(
    /// Đơn vị của thời hạn giải quyết.
    TimeUnit {
        NgayLamViec = "ngay_lam_viec" => "ngày làm việc",
        Ngay = "ngay" => "ngày",
        Gio = "gio" => "giờ",
        TrongNgay = "trong_ngay" => "trong ngày",
    }
);

vocab!(
    /// Loại khoản thu.
    FeeKind {
        Phi = "phi" => "Phí",
        LePhi = "le_phi" => "Lệ phí",
    }
);

vocab!(
    /// Where a procedure record was taken from.
    SourceKind {
        DvcqgDoc = "dvcqg_doc" => "Tệp chi tiết thủ tục (ChiTietTTHC) của Cổng Dịch vụ công quốc gia",
        DvcqgHtml = "dvcqg_html" => "Trang thủ tục trên Cổng Dịch vụ công quốc gia",
        QdCongBo = "qd_cong_bo" => "Quyết định công bố thủ tục hành chính",
        ThuCong = "thu_cong" => "Cán bộ nhập thủ công",
    }
);

vocab!(
    /// Loại kế hoạch (content-model.md §6).
    CampaignKind {
        TuyenTruyen = "tuyen_truyen" => "Kế hoạch tuyên truyền",
        CaiCachHanhChinh = "cai_cach_hanh_chinh" => "Kế hoạch cải cách hành chính",
        ChuyenDoiSo = "chuyen_doi_so" => "Kế hoạch chuyển đổi số",
        Khac = "khac" => "Kế hoạch khác",
    }
);

vocab!(
    /// Kỳ báo cáo của một kế hoạch.
    ReportCadence {
        HangQuy = "hang_quy" => "Hằng quý",
        SauThang = "sau_thang" => "Sáu tháng",
        HangNam = "hang_nam" => "Hằng năm",
        ThuongXuyen = "thuong_xuyen" => "Thường xuyên",
    }
);

vocab!(
    /// How report periods are cut: calendar quarters, or the Ministry of Home
    /// Affairs' PAR windows (15/12→14/3, 15/3→14/6, 15/6→14/9, 15/9→14/12).
    ReportWindow {
        Calendar = "calendar" => "Quý theo năm dương lịch",
        BnvCchc = "bnv_cchc" => "Kỳ báo cáo cải cách hành chính của Bộ Nội vụ (ngày 15 tháng cuối kỳ trước đến ngày 14 tháng cuối kỳ)",
    }
);

vocab!(
    /// Kiểu thời gian thực hiện một hoạt động.
    TimeframeKind {
        ThuongXuyen = "thuong_xuyen" => "Thường xuyên",
        DinhKy = "dinh_ky" => "Định kỳ",
        Moc = "moc" => "Trước một mốc",
        Khoang = "khoang" => "Trong một khoảng thời gian",
    }
);

vocab!(
    /// Chu kỳ của hoạt động định kỳ.
    Cadence {
        HangThang = "hang_thang" => "Hằng tháng",
        HangQuy = "hang_quy" => "Hằng quý",
        SauThang = "sau_thang" => "Sáu tháng",
        HangNam = "hang_nam" => "Hằng năm",
    }
);

vocab!(
    /// Tiến độ của một hoạt động.
    Progress {
        ChuaThucHien = "chua_thuc_hien" => "Chưa thực hiện",
        DangThucHien = "dang_thuc_hien" => "Đang thực hiện",
        HoanThanh = "hoan_thanh" => "Hoàn thành",
        KhongThucHien = "khong_thuc_hien" => "Không thực hiện",
    }
);

vocab!(
    /// Loại sản phẩm của một hoạt động.
    OutputKind {
        HoiNghi = "hoi_nghi" => "Hội nghị, cuộc họp",
        PhatThanh = "phat_thanh" => "Phát thanh",
        TinBai = "tin_bai" => "Tin, bài",
        Infographic = "infographic" => "Infographic",
        Video = "video" => "Video clip",
        PhongSu = "phong_su" => "Phóng sự",
        AnPham = "an_pham" => "Ấn phẩm",
        Pano = "pano" => "Pano, áp phích, khẩu hiệu",
        DoiThoai = "doi_thoai" => "Đối thoại",
        CuocThi = "cuoc_thi" => "Cuộc thi",
        TapHuan = "tap_huan" => "Tập huấn",
        KeHoach = "ke_hoach" => "Kế hoạch",
        BaoCao = "bao_cao" => "Báo cáo",
    }
);

vocab!(
    /// Loại hoạt động tuyên truyền không phải tin, bài trên trang
    /// (`content/hoat-dong/`): what the plan's appendix asks besides articles.
    EventKind {
        HoiNghi = "hoi_nghi" => "Hội nghị, cuộc họp",
        PhatThanh = "phat_thanh" => "Phát thanh trên Đài truyền thanh",
        ToaDam = "toa_dam" => "Tọa đàm",
        PanoApPhich = "pano_ap_phich" => "Pano, áp phích, khẩu hiệu, băng rôn",
        CuocThi = "cuoc_thi" => "Cuộc thi",
        TapHuan = "tap_huan" => "Tập huấn",
        DoiThoai = "doi_thoai" => "Đối thoại",
        Khac = "khac" => "Hoạt động khác",
    }
);

vocab!(
    /// Chỉ tiêu của kế hoạch.
    Metric {
        SoTinBai = "so_tin_bai" => "Số tin, bài",
        SoHoatDong = "so_hoat_dong" => "Số hoạt động",
        SoSanPham = "so_san_pham" => "Số sản phẩm",
    }
);

vocab!(
    /// Kỳ của một chỉ tiêu.
    TargetPer {
        Quy = "quy" => "mỗi quý",
        Nam = "nam" => "mỗi năm",
    }
);

vocab!(
    /// A column of the appendix a sub-activity shares with its parent row
    /// (a vertically merged cell in the signed document).
    Inherit {
        Timeframe = "timeframe" => "Thời gian thực hiện",
        Outputs = "outputs" => "Hoạt động/sản phẩm",
        CoordinatingUnits = "coordinating_units" => "Cơ quan phối hợp",
    }
);
