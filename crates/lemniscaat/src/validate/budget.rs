//! The board's means (17.2): at least 10% of the personele lumpsum spent on professionalisation
//! (lid 1), for the board and per school when the dataset gives the lumpsum, and every year an
//! account of the spending in the annual report (lid 4), when the dataset records the reports.

use super::settings::ANNUAL_REPORT_DUE_MONTH;
use super::Ctx;
use crate::error::Result;
use crate::finding::{Finding, FindingCode, FindingSource};
use crate::message::Msg;
use chrono::{Datelike, NaiveDate};

/// Every rule of the board's means.
pub(super) fn check(cx: &mut Ctx) -> Result<()> {
    ten_percent(cx)?;
    annual_report(cx);
    Ok(())
}

/// `LUMPSUM_BELOW_10_PERCENT` (17.2 lid 1), for the board and for each school given.
fn ten_percent(cx: &mut Ctx) -> Result<()> {
    if let Some(l) = &cx.ds.lumpsum {
        let r = crate::budget::lumpsum_with(cx.book, l).map_err(|e| e.within("/lumpsum"))?;
        cx.findings.extend(r.findings);
    }
    for (k, sl) in cx.ds.school_lumpsums.iter().enumerate() {
        let r = crate::budget::lumpsum_with(cx.book, &sl.lumpsum).map_err(|e| e.within(&format!("/school_lumpsums/{k}/lumpsum")))?;
        for mut x in r.findings {
            x.path = format!("/school_lumpsums/{k}");
            x.message = Msg::Of { name: cx.ds.school_name(&sl.school).to_string(), message: Box::new(x.message) };
            cx.push(x.with("school", sl.school.clone()));
        }
    }
    Ok(())
}

/// The latest calendar year whose annual report is due on `as_of`, with its due day (the first
/// day of [`ANNUAL_REPORT_DUE_MONTH`] of the next year).
pub(super) fn report_due(as_of: NaiveDate) -> Option<(i32, NaiveDate)> {
    let due = |year: i32| NaiveDate::from_ymd_opt(year + 1, ANNUAL_REPORT_DUE_MONTH.value, 1);
    let year = as_of.year() - 1;
    match due(year) {
        Some(d) if d <= as_of => Some((year, d)),
        _ => due(year - 1).map(|d| (year - 1, d)),
    }
}

/// `ANNUAL_REPORT_NO_ACCOUNTABILITY` (17.2 lid 4): a recorded annual report that does not account
/// for the spending on professionalisation, or no report over the latest year whose report is
/// due. Judged only when the dataset records annual reports (a board that does not track them is
/// not told it has none).
fn annual_report(cx: &mut Ctx) {
    let reports = &cx.ds.annual_reports;
    if reports.is_empty() {
        return;
    }
    let source = || FindingSource::article(cx.rs, "accountability");
    let mut found = Vec::new();
    for (i, r) in reports.iter().enumerate().filter(|(_, r)| !r.accounts_for_professionalisation) {
        let path = format!("/annual_reports/{i}/accounts_for_professionalisation");
        found.push(
            Finding::of(FindingCode::AnnualReportNoAccountability, source(), path, Msg::AnnualReportSilent { year: r.year })
                .with("year", r.year.to_string()),
        );
    }
    if let Some((year, due)) = report_due(cx.as_of).filter(|(y, _)| !reports.iter().any(|r| r.year == *y)) {
        let msg = Msg::AnnualReportMissing { year, due };
        found.push(Finding::of(FindingCode::AnnualReportNoAccountability, source(), "/annual_reports", msg).with("year", year.to_string()));
    }
    cx.findings.extend(found);
}
