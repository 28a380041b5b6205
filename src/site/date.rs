//! A post's date: a calendar day, or a moment with a UTC offset, and every way the site writes it.

use crate::model::decimal::push_digits;
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use std::cmp::Ordering;

/// When a post was published, as precisely as its author said.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PostDate {
    /// `2024-05-01`
    Day(NaiveDate),
    /// `2024-05-01T10:30:00+02:00`
    Moment(DateTime<FixedOffset>),
}

impl PostDate {
    /// Parses `YYYY-MM-DD`, an RFC 3339 date-time (`T` or a space between date and time), or a
    /// date-time without an offset (taken as UTC, as TOML local date-times are).
    pub fn parse(text: &str) -> Option<PostDate> {
        let text = text.trim();
        if let Some(day) = plain_day(text) {
            return Some(PostDate::Day(day));
        }
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(PostDate::Day(day));
        }
        if let Ok(moment) = DateTime::parse_from_rfc3339(text) {
            return Some(PostDate::Moment(moment));
        }
        [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
        ]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
        .map(|local| PostDate::Moment(local.and_utc().fixed_offset()))
    }

    /// The calendar day the author wrote (in their own offset).
    pub fn day(&self) -> NaiveDate {
        match self {
            PostDate::Day(day) => *day,
            PostDate::Moment(moment) => moment.date_naive(),
        }
    }

    /// `YYYY-MM-DD`, as in the posts index.
    pub fn iso_day(&self) -> String {
        let day = self.day();
        match four_digit_year(day) {
            Some(year) => {
                // Digit by digit: `format!` costs more than the rest of writing a post's date.
                let mut out = String::with_capacity(10);
                push_digits(&mut out, year.unsigned_abs().into(), 4);
                out.push('-');
                push_digits(&mut out, day.month().into(), 2);
                out.push('-');
                push_digits(&mut out, day.day().into(), 2);
                out
            }
            None => day.format("%Y-%m-%d").to_string(),
        }
    }

    /// For `<time datetime>`, sitemaps and Open Graph: the day alone, or the full RFC 3339 moment.
    pub fn machine(&self) -> String {
        match self {
            PostDate::Day(_) => self.iso_day(),
            PostDate::Moment(moment) => moment.to_rfc3339(),
        }
    }

    /// A full RFC 3339 moment (midnight UTC for a bare day), as Atom requires.
    pub fn rfc3339(&self) -> String {
        match self {
            PostDate::Day(_) => format!("{}T00:00:00Z", self.iso_day()),
            PostDate::Moment(moment) => moment.to_rfc3339(),
        }
    }

    /// For people: `1 May 2024`.
    pub fn human(&self) -> String {
        let day = self.day();
        match four_digit_year(day) {
            Some(year) => format!("{} {} {year:04}", day.day(), MONTHS[day.month0() as usize]),
            None => day.format("%-d %B %Y").to_string(),
        }
    }

    /// Whether the post is scheduled: dated after `now` (a bare day counts from midnight UTC).
    pub fn is_after(&self, now: DateTime<chrono::Utc>) -> bool {
        self.instant() > now
    }

    /// The instant this date stands for (midnight UTC for a bare day), for ordering.
    fn instant(&self) -> DateTime<chrono::Utc> {
        match self {
            PostDate::Day(day) => day.and_time(NaiveTime::MIN).and_utc(),
            PostDate::Moment(moment) => moment.to_utc(),
        }
    }
}

/// The months as chrono's `%B` writes them.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The year of `day` when chrono's `%Y` writes it as four plain digits (years 0 to 9999):
/// then the site writes dates itself, without interpreting a format string for each (every
/// page shows its post's date several times).
fn four_digit_year(day: NaiveDate) -> Option<i32> {
    Some(day.year()).filter(|year| (0..=9999).contains(year))
}

/// Whether `text` has the shape `YYYY-MM-DD` (ten characters: digits, dashes at 4 and 7).
pub(crate) fn is_plain_day(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

/// `YYYY-MM-DD` exactly, read without a format string (a build reads every post's date);
/// `None` for anything else, which the general parsers then judge.
fn plain_day(text: &str) -> Option<NaiveDate> {
    if !is_plain_day(text) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text[range].parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

impl Ord for PostDate {
    /// Earlier days first; within a day, earlier instants first.
    fn cmp(&self, other: &Self) -> Ordering {
        self.day()
            .cmp(&other.day())
            .then_with(|| self.instant().cmp(&other.instant()))
    }
}

impl PartialOrd for PostDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PostDate {
        PostDate::parse(text).unwrap_or_else(|| panic!("{text} should parse"))
    }

    #[test]
    fn bare_day_is_written_as_a_day() {
        let day = date("2024-05-01");
        assert_eq!(day.iso_day(), "2024-05-01");
        assert_eq!(day.machine(), "2024-05-01");
        assert_eq!(day.rfc3339(), "2024-05-01T00:00:00Z");
        assert_eq!(day.human(), "1 May 2024");
    }

    #[test]
    fn moment_keeps_its_offset_and_its_local_day() {
        let moment = date("2024-05-01T01:30:00+02:00");
        assert_eq!(moment.iso_day(), "2024-05-01");
        assert_eq!(moment.machine(), "2024-05-01T01:30:00+02:00");
        assert_eq!(moment.rfc3339(), "2024-05-01T01:30:00+02:00");
        assert_eq!(
            date("2024-05-01T10:30:00Z").machine(),
            "2024-05-01T10:30:00+00:00"
        );
    }

    #[test]
    fn space_separated_and_offsetless_moments_parse() {
        assert_eq!(
            date("2024-05-01 10:30:00+02:00"),
            date("2024-05-01T10:30:00+02:00")
        );
        assert_eq!(date("2024-05-01T10:30:00"), date("2024-05-01T10:30:00Z"));
    }

    #[test]
    fn nonsense_does_not_parse() {
        for text in [
            "",
            "yesterday",
            "2024-13-01",
            "2024-02-30",
            "01/05/2024",
            "2024-05-01T25:00:00Z",
        ] {
            assert_eq!(PostDate::parse(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn dates_are_written_and_read_as_chrono_does(days in -800_000i32..4_000_000) {
            let day = NaiveDate::from_num_days_from_ce_opt(days).expect("in range");
            let date = PostDate::Day(day);
            proptest::prop_assert_eq!(date.iso_day(), day.format("%Y-%m-%d").to_string());
            proptest::prop_assert_eq!(date.human(), day.format("%-d %B %Y").to_string());
            let text = day.format("%Y-%m-%d").to_string();
            proptest::prop_assert_eq!(
                plain_day(&text).or_else(|| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()),
                NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
            );
        }

        #[test]
        fn day_shaped_text_is_read_as_chrono_does(text in "[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            proptest::prop_assert_eq!(
                plain_day(&text),
                NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
            );
        }
    }

    #[test]
    fn orders_by_day_then_instant() {
        assert!(date("2024-05-01") < date("2024-05-02"));
        assert!(date("2024-05-01") < date("2024-05-01T10:00:00Z"));
        assert!(date("2024-05-01T09:00:00+02:00") < date("2024-05-01T08:00:00Z"));
        // The author's day wins over the UTC instant across midnight.
        assert!(date("2024-05-01T23:00:00-05:00") < date("2024-05-02T01:00:00+02:00"));
    }
}
