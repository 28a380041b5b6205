//! Which posts a build publishes: drafts only when asked for, and posts dated after the build
//! (scheduled ones) only when asked for, as Hugo and Jekyll do. `progman serve` shows them all.
//! The moment of the build is given ([`Publish::dated_by`]), so this stays pure; the command
//! line reads the clock.

use super::date::PostDate;
use chrono::{DateTime, Utc};

/// Which posts are published. Every post is checked, published or not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Publish {
    /// Posts marked `draft` as well.
    pub drafts: bool,
    /// Leave out the posts dated after this moment (scheduled ones, as Hugo and Jekyll do);
    /// `None` publishes them.
    pub dated_by: Option<DateTime<Utc>>,
}

impl Publish {
    /// Every post, drafts and scheduled ones too: what `progman serve` shows.
    pub const EVERYTHING: Publish = Publish {
        drafts: true,
        dated_by: None,
    };

    /// Whether a post that is (or is not) a draft is published.
    pub fn keeps_draft(&self, draft: bool) -> bool {
        self.drafts || !draft
    }

    /// Whether a post of this date is published.
    pub fn keeps_date(&self, date: &PostDate) -> bool {
        self.dated_by.is_none_or(|now| !date.is_after(now))
    }
}

/// How many posts a build left out, and why.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Marked `draft`.
    pub drafts: usize,
    /// Dated after the build ([`Publish::dated_by`]).
    pub scheduled: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moment(text: &str) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(text).ok().map(|m| m.to_utc())
    }

    fn date(text: &str) -> PostDate {
        PostDate::parse(text).expect("a test date")
    }

    #[test]
    fn a_post_is_published_from_its_moment_a_bare_day_from_midnight_utc() {
        let at = |now: &str| Publish {
            drafts: false,
            dated_by: moment(now),
        };
        let noon_in_athens = date("2024-03-01T12:00:00+02:00");
        assert!(!at("2024-03-01T09:59:59Z").keeps_date(&noon_in_athens));
        assert!(at("2024-03-01T10:00:00Z").keeps_date(&noon_in_athens));
        assert!(!at("2024-03-01T23:59:59Z").keeps_date(&date("2024-03-02")));
        assert!(at("2024-03-02T00:00:00Z").keeps_date(&date("2024-03-02")));
        assert!(Publish::default().keeps_date(&date("2999-01-01")));
    }

    #[test]
    fn drafts_are_published_only_when_asked_for() {
        assert!(!Publish::default().keeps_draft(true));
        assert!(Publish::default().keeps_draft(false));
        assert!(Publish::EVERYTHING.keeps_draft(true));
    }
}
