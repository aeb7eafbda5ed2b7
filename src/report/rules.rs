//! The counting rules, in one place: the report, its exports, the public page
//! and `check`'s warnings all judge an activity here (docs/bao-cao.md says the
//! same in words for the officer).
//!
//! - A numeric cadence (`dinh_ky`: `times` per month, quarter, six months or
//!   year) is met (đạt) when the lead units published that many items in the
//!   period, scaled to its length (a quarterly activity asks twice in six months).
//! - `thuong_xuyen` ("regularly") sets no number, so it is only reported as có
//!   hoạt động / chưa có hoạt động — unless a `targets` entry names the activity
//!   and gives the number.
//! - `moc` (by a date) is met once an item is published on or before the date;
//!   `khoang` (within dates) once `times` items fall within them.
//! - Whatever is not met while the period (or the activity's own dates) is
//!   still running is đang thực hiện, never chưa đạt.
//! - A parent row is judged from its sub-rows.

use chrono::NaiveDate;
use serde::Serialize;

use super::period::Period;
use crate::content::plan::{Target, Timeframe};
use crate::vocab::{Cadence, TargetPer, TimeframeKind};

/// How an activity (or a target) stands in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Dat,
    ChuaDat,
    DangThucHien,
    CoHoatDong,
    ChuaCoHoatDong,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Dat => "Đạt",
            Status::ChuaDat => "Chưa đạt",
            Status::DangThucHien => "Đang thực hiện",
            Status::CoHoatDong => "Có hoạt động",
            Status::ChuaCoHoatDong => "Chưa có hoạt động",
        }
    }

    /// The id written in JSON and used as a CSS class.
    pub fn id(self) -> &'static str {
        match self {
            Status::Dat => "dat",
            Status::ChuaDat => "chua_dat",
            Status::DangThucHien => "dang_thuc_hien",
            Status::CoHoatDong => "co_hoat_dong",
            Status::ChuaCoHoatDong => "chua_co_hoat_dong",
        }
    }

    /// Something the officer must explain under "Tồn tại, hạn chế".
    pub fn is_shortfall(self) -> bool {
        matches!(self, Status::ChuaDat | Status::ChuaCoHoatDong)
    }
}

/// The status of one activity with what it was measured against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Judgement {
    pub status: Status,
    /// Items the rule asks for in the period, when it sets a number.
    pub required: Option<usize>,
    /// The rule in words: "≥ 1 sản phẩm trong kỳ", "có hoạt động trong kỳ".
    pub requirement: String,
}

/// Judge a leaf activity. `days` are the days of every item or offline
/// activity its lead units did (all of them: `moc` and `khoang` look beyond
/// the period); `target` is a plan target that names the activity.
pub fn judge(
    timeframe: Option<&Timeframe>,
    target: Option<&Target>,
    days: &[NaiveDate],
    period: &Period,
    today: NaiveDate,
) -> Judgement {
    let count = days.iter().filter(|d| period.contains(**d)).count();
    let ended = period.to < today;
    let quota = |required: usize, requirement: String| Judgement {
        status: if count >= required {
            Status::Dat
        } else if ended {
            Status::ChuaDat
        } else {
            Status::DangThucHien
        },
        required: Some(required),
        requirement,
    };
    if let Some(t) = target {
        let required = t.value as usize * per_target(t.per, period);
        return quota(required, format!("≥ {required} sản phẩm (chỉ tiêu)"));
    }
    let activity = || Judgement {
        status: if count > 0 {
            Status::CoHoatDong
        } else if ended {
            Status::ChuaCoHoatDong
        } else {
            Status::DangThucHien
        },
        required: None,
        requirement: "có hoạt động trong kỳ".into(),
    };
    let Some(tf) = timeframe else {
        return activity();
    };
    let times = tf.times() as usize;
    match tf.kind {
        TimeframeKind::ThuongXuyen => activity(),
        TimeframeKind::DinhKy => {
            let months = period.months();
            let per = match tf.cadence {
                Some(Cadence::HangThang) => 1,
                Some(Cadence::HangQuy) => 3,
                Some(Cadence::SauThang) => 6,
                Some(Cadence::HangNam) => 12,
                None => months,
            };
            let periods = (months / per) as usize;
            if periods == 0 {
                // A yearly task in a quarter's report: done if done, else
                // still under way (its own period has not ended).
                let mut j = quota(times, format!("≥ {times} sản phẩm trong năm hoặc 6 tháng"));
                if j.status == Status::ChuaDat {
                    j.status = Status::DangThucHien;
                }
                return j;
            }
            let required = times * periods;
            quota(required, format!("≥ {required} sản phẩm trong kỳ"))
        }
        TimeframeKind::Moc => {
            let Some(due) = tf.to.map(|d| d.0) else {
                return activity();
            };
            let done = days.iter().any(|d| *d <= due);
            Judgement {
                status: if done {
                    Status::Dat
                } else if due < today && due <= period.to {
                    Status::ChuaDat
                } else {
                    Status::DangThucHien
                },
                required: Some(1),
                requirement: format!("hoàn thành trước {}", due.format("%d/%m/%Y")),
            }
        }
        TimeframeKind::Khoang => {
            let (Some(from), Some(to)) = (tf.from.map(|d| d.0), tf.to.map(|d| d.0)) else {
                return activity();
            };
            let end = to.min(period.to);
            let n = days.iter().filter(|d| from <= **d && **d <= end).count();
            Judgement {
                status: if n >= times {
                    Status::Dat
                } else if to < today && to <= period.to {
                    Status::ChuaDat
                } else {
                    Status::DangThucHien
                },
                required: Some(times),
                requirement: format!(
                    "≥ {times} sản phẩm từ {} đến {}",
                    from.format("%d/%m/%Y"),
                    to.format("%d/%m/%Y")
                ),
            }
        }
    }
}

/// How many times a target's number applies in a period (a quarterly target
/// over six months: twice; a yearly one in a quarter: once, judged at year end).
pub fn per_target(per: TargetPer, period: &Period) -> usize {
    match per {
        TargetPer::Quy => (period.months() / 3).max(1) as usize,
        TargetPer::Nam => (period.months() / 12).max(1) as usize,
    }
}

/// A parent row from its sub-rows: a shortfall anywhere is the parent's; it is
/// met only when every sub-row is.
pub fn combine(children: &[Status]) -> Status {
    let any = |s: Status| children.contains(&s);
    if any(Status::ChuaDat) {
        Status::ChuaDat
    } else if any(Status::DangThucHien) {
        Status::DangThucHien
    } else if !children.is_empty() && children.iter().all(|s| *s == Status::Dat) {
        Status::Dat
    } else if any(Status::Dat) || any(Status::CoHoatDong) {
        Status::CoHoatDong
    } else {
        Status::ChuaCoHoatDong
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::types::Date;
    use crate::vocab::ReportWindow;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn tf(kind: TimeframeKind, cadence: Option<Cadence>, times: Option<u32>) -> Timeframe {
        Timeframe {
            kind,
            cadence,
            times,
            from: None,
            to: None,
            text: String::new(),
        }
    }

    #[test]
    fn regular_activities_are_reported_not_judged() {
        let q3 = Period::quarter(2026, 3, ReportWindow::BnvCchc).unwrap();
        let t = tf(TimeframeKind::ThuongXuyen, None, None);
        let after = d(2026, 10, 1);
        // One broadcast in the quarter is enough to have done something.
        let j = judge(Some(&t), None, &[d(2026, 7, 20)], &q3, after);
        assert_eq!(j.status, Status::CoHoatDong);
        assert_eq!(
            judge(Some(&t), None, &[], &q3, after).status,
            Status::ChuaCoHoatDong
        );
        // Nothing yet while the quarter runs: under way, not a shortfall.
        assert_eq!(
            judge(Some(&t), None, &[], &q3, d(2026, 8, 1)).status,
            Status::DangThucHien
        );
    }

    #[test]
    fn a_target_turns_a_regular_activity_into_a_number() {
        let q3 = Period::quarter(2026, 3, ReportWindow::BnvCchc).unwrap();
        let t = tf(TimeframeKind::ThuongXuyen, None, None);
        let target: Target =
            serde_yaml::from_str("{metric: so_tin_bai, per: quy, value: 2, activity: '3'}")
                .unwrap();
        let j = judge(
            Some(&t),
            Some(&target),
            &[d(2026, 7, 20)],
            &q3,
            d(2026, 10, 1),
        );
        assert_eq!((j.status, j.required), (Status::ChuaDat, Some(2)));
        let half = Period::half(2026, 2, ReportWindow::BnvCchc).unwrap();
        let j = judge(
            Some(&t),
            Some(&target),
            &[d(2026, 7, 20)],
            &half,
            d(2026, 8, 1),
        );
        assert_eq!((j.status, j.required), (Status::DangThucHien, Some(4)));
    }

    #[test]
    fn cadence_scales_with_the_period() {
        let w = ReportWindow::Calendar;
        let t = tf(TimeframeKind::DinhKy, Some(Cadence::HangQuy), Some(1));
        let days = [d(2026, 2, 1), d(2026, 8, 1)];
        let after = d(2027, 1, 5);
        let q1 = Period::quarter(2026, 1, w).unwrap();
        assert_eq!(judge(Some(&t), None, &days, &q1, after).status, Status::Dat);
        let q2 = Period::quarter(2026, 2, w).unwrap();
        assert_eq!(
            judge(Some(&t), None, &days, &q2, after).status,
            Status::ChuaDat
        );
        let year = Period::year(2026, w).unwrap();
        let j = judge(Some(&t), None, &days, &year, after);
        assert_eq!((j.status, j.required), (Status::ChuaDat, Some(4)));
        let monthly = tf(TimeframeKind::DinhKy, Some(Cadence::HangThang), Some(1));
        assert_eq!(
            judge(Some(&monthly), None, &days, &q1, after).required,
            Some(3)
        );
    }

    #[test]
    fn deadlines_and_windows_by_their_dates() {
        let w = ReportWindow::Calendar;
        let mut moc = tf(TimeframeKind::Moc, None, None);
        moc.to = Some(Date(d(2026, 5, 31)));
        let q2 = Period::quarter(2026, 2, w).unwrap();
        assert_eq!(
            judge(Some(&moc), None, &[d(2026, 5, 2)], &q2, d(2026, 7, 1)).status,
            Status::Dat
        );
        assert_eq!(
            judge(Some(&moc), None, &[d(2026, 6, 2)], &q2, d(2026, 7, 1)).status,
            Status::ChuaDat
        );
        assert_eq!(
            judge(Some(&moc), None, &[], &q2, d(2026, 5, 1)).status,
            Status::DangThucHien
        );
        let mut k = tf(TimeframeKind::Khoang, None, Some(2));
        k.from = Some(Date(d(2026, 4, 1)));
        k.to = Some(Date(d(2026, 8, 31)));
        // The window runs past the quarter: not failed at the quarter's end.
        assert_eq!(
            judge(Some(&k), None, &[d(2026, 4, 9)], &q2, d(2026, 7, 1)).status,
            Status::DangThucHien
        );
        let q3 = Period::quarter(2026, 3, w).unwrap();
        assert_eq!(
            judge(Some(&k), None, &[d(2026, 4, 9)], &q3, d(2026, 10, 1)).status,
            Status::ChuaDat
        );
    }

    #[test]
    fn parents_follow_their_children() {
        use Status::*;
        assert_eq!(combine(&[Dat, Dat]), Dat);
        assert_eq!(combine(&[Dat, ChuaDat, DangThucHien]), ChuaDat);
        assert_eq!(combine(&[Dat, DangThucHien]), DangThucHien);
        assert_eq!(combine(&[CoHoatDong, ChuaCoHoatDong]), CoHoatDong);
        assert_eq!(combine(&[]), ChuaCoHoatDong);
    }
}
