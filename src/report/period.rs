//! Reporting periods: a quarter, six months, a year, or any range of days.
//!
//! PAR reports to the province follow the Ministry of Home Affairs' windows
//! (a quarter runs from the 15th of the last month of the quarter before to the
//! 14th of its own last month: 15/12–14/3, 15/3–14/6, 15/6–14/9, 15/9–14/12),
//! so six months and a year follow them too; a plan may ask for calendar
//! quarters instead (`reporting.window`).

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use crate::vocab::ReportWindow;

/// One reporting quarter, both ends inclusive, in Vietnam time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter {
    pub year: i32,
    pub q: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Quarter {
    /// Quarter `q` (1–4) of `year` under `window`.
    pub fn new(year: i32, q: u32, window: ReportWindow) -> Option<Quarter> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let first_month = 3 * (q - 1) + 1;
        let (from, to) = match window {
            ReportWindow::Calendar => {
                let from = NaiveDate::from_ymd_opt(year, first_month, 1)?;
                (from, from.checked_add_months(Months::new(3))?.pred_opt()?)
            }
            ReportWindow::BnvCchc => {
                let to = NaiveDate::from_ymd_opt(year, first_month + 2, 14)?;
                (to.checked_sub_months(Months::new(3))?.succ_opt()?, to)
            }
        };
        Some(Quarter { year, q, from, to })
    }

    /// The quarter that contains `day`.
    pub fn containing(day: NaiveDate, window: ReportWindow) -> Option<Quarter> {
        (day.year()..=day.year() + 1)
            .flat_map(|y| (1..=4).filter_map(move |q| Quarter::new(y, q, window)))
            .find(|q| q.from <= day && day <= q.to)
    }
}

/// What kind of period a report covers: it decides the label and how many
/// cadence periods (months, quarters) it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodKind {
    Quarter(u32),
    Half(u32),
    Year,
    Range,
}

/// A reporting period, both ends inclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    #[serde(serialize_with = "iso")]
    pub from: NaiveDate,
    #[serde(serialize_with = "iso")]
    pub to: NaiveDate,
    /// "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026".
    pub label: String,
    #[serde(skip)]
    pub year: i32,
    #[serde(skip)]
    pub kind: PeriodKind,
}

fn iso<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.format("%Y-%m-%d").to_string())
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

impl Period {
    pub fn quarter(year: i32, q: u32, window: ReportWindow) -> Option<Period> {
        let x = Quarter::new(year, q, window)?;
        Some(Period {
            from: x.from,
            to: x.to,
            label: format!("Quý {}/{year}", ROMAN[(q - 1) as usize]),
            year,
            kind: PeriodKind::Quarter(q),
        })
    }

    /// The first (`h = 1`) or last six months of `year`.
    pub fn half(year: i32, h: u32, window: ReportWindow) -> Option<Period> {
        if !(1..=2).contains(&h) {
            return None;
        }
        let from = Quarter::new(year, 2 * h - 1, window)?.from;
        let to = Quarter::new(year, 2 * h, window)?.to;
        let which = if h == 1 { "đầu" } else { "cuối" };
        Some(Period {
            from,
            to,
            label: format!("6 tháng {which} năm {year}"),
            year,
            kind: PeriodKind::Half(h),
        })
    }

    pub fn year(year: i32, window: ReportWindow) -> Option<Period> {
        Some(Period {
            from: Quarter::new(year, 1, window)?.from,
            to: Quarter::new(year, 4, window)?.to,
            label: format!("Năm {year}"),
            year,
            kind: PeriodKind::Year,
        })
    }

    /// Any range of days (`--from`/`--to`).
    pub fn range(from: NaiveDate, to: NaiveDate) -> Option<Period> {
        (from <= to).then(|| Period {
            from,
            to,
            label: format!(
                "Từ ngày {} đến ngày {}",
                from.format("%d/%m/%Y"),
                to.format("%d/%m/%Y")
            ),
            year: to.year(),
            kind: PeriodKind::Range,
        })
    }

    /// "2026-Q3", "2026-H1", "2026", or `from..to` for a range.
    pub fn id(&self) -> String {
        match self.kind {
            PeriodKind::Quarter(q) => format!("{}-Q{q}", self.year),
            PeriodKind::Half(h) => format!("{}-H{h}", self.year),
            PeriodKind::Year => self.year.to_string(),
            PeriodKind::Range => format!("{}..{}", self.from, self.to),
        }
    }

    /// "15/06/2026 – 14/09/2026".
    pub fn range_text(&self) -> String {
        format!(
            "{} – {}",
            self.from.format("%d/%m/%Y"),
            self.to.format("%d/%m/%Y")
        )
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// Months the period spans (a range: rounded, at least one).
    pub fn months(&self) -> u32 {
        match self.kind {
            PeriodKind::Quarter(_) => 3,
            PeriodKind::Half(_) => 6,
            PeriodKind::Year => 12,
            PeriodKind::Range => {
                let days = (self.to - self.from).num_days() + 1;
                ((days as f64 / 30.44).round() as u32).max(1)
            }
        }
    }
}

/// Parse "2026-Q3" (also "2026-q3", "2026/Q3").
pub fn parse_quarter(s: &str, window: ReportWindow) -> Option<Period> {
    let (y, q) = s.trim().split_once(['-', '/'])?;
    let q = q.trim().strip_prefix(['Q', 'q'])?;
    Period::quarter(y.trim().parse().ok()?, q.parse().ok()?, window)
}

/// Parse "2026-H1" / "2026-H2" (also "2026-6T1").
pub fn parse_half(s: &str, window: ReportWindow) -> Option<Period> {
    let (y, h) = s.trim().split_once(['-', '/'])?;
    let h = h.trim().trim_start_matches(['H', 'h']);
    Period::half(y.trim().parse().ok()?, h.parse().ok()?, window)
}

/// A day written "2026-07-01" or "01/07/2026".
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn quarter_boundaries_under_both_windows() {
        use ReportWindow::*;
        let q = Period::quarter(2026, 1, Calendar).unwrap();
        assert_eq!((q.from, q.to), (d(2026, 1, 1), d(2026, 3, 31)));
        let q = Period::quarter(2026, 1, BnvCchc).unwrap();
        assert_eq!((q.from, q.to), (d(2025, 12, 15), d(2026, 3, 14)));
        let q = parse_quarter("2026-Q3", BnvCchc).unwrap();
        assert_eq!((q.from, q.to), (d(2026, 6, 15), d(2026, 9, 14)));
        assert_eq!(q.label, "Quý III/2026");
        let q = parse_quarter("2026-Q4", Calendar).unwrap();
        assert_eq!((q.from, q.to), (d(2026, 10, 1), d(2026, 12, 31)));
        // The day after one window's end is the next window's first day.
        let q3 = Quarter::containing(d(2026, 9, 14), BnvCchc).unwrap();
        let q4 = Quarter::containing(d(2026, 9, 15), BnvCchc).unwrap();
        assert_eq!((q3.q, q4.q), (3, 4));
        assert_eq!(
            Quarter::containing(d(2026, 12, 20), BnvCchc).map(|q| (q.year, q.q)),
            Some((2027, 1))
        );
        assert_eq!(
            Quarter::containing(d(2026, 12, 31), Calendar).map(|q| (q.year, q.q)),
            Some((2026, 4))
        );
        assert!(parse_quarter("2026-Q5", Calendar).is_none());
        assert!(parse_quarter("2026-3", Calendar).is_none());
    }

    #[test]
    fn halves_years_and_ranges() {
        use ReportWindow::*;
        let h = parse_half("2026-H1", BnvCchc).unwrap();
        assert_eq!((h.from, h.to), (d(2025, 12, 15), d(2026, 6, 14)));
        assert_eq!(h.label, "6 tháng đầu năm 2026");
        let h = Period::half(2026, 2, Calendar).unwrap();
        assert_eq!((h.from, h.to), (d(2026, 7, 1), d(2026, 12, 31)));
        assert_eq!(h.label, "6 tháng cuối năm 2026");
        let y = Period::year(2026, BnvCchc).unwrap();
        assert_eq!(
            (y.from, y.to, y.label.as_str()),
            (d(2025, 12, 15), d(2026, 12, 14), "Năm 2026")
        );
        let r = Period::range(
            parse_day("01/07/2026").unwrap(),
            parse_day("2026-09-30").unwrap(),
        )
        .unwrap();
        assert_eq!(r.label, "Từ ngày 01/07/2026 đến ngày 30/09/2026");
        assert_eq!(r.months(), 3);
        assert!(Period::range(d(2026, 9, 30), d(2026, 7, 1)).is_none());
    }
}
