//! How a single-selection list box answers the keyboard, as in Windows 3.1: Up and Down move
//! the selection one item, Home and End (and Page Up and Page Down, the lists being short) go to
//! the first and last item, and a letter selects the next item whose label starts with it,
//! wrapping round.

/// The item selected after `key` (a `KeyboardEvent.key` value) in a list of `labels` whose
/// selected item is `current`; `None` when the key is not one the list answers.
pub fn key_target<L: AsRef<str>>(key: &str, current: usize, labels: &[L]) -> Option<usize> {
    let last = labels.len().checked_sub(1)?;
    let current = current.min(last);
    match key {
        "ArrowDown" => Some((current + 1).min(last)),
        "ArrowUp" => Some(current.saturating_sub(1)),
        "Home" | "PageUp" => Some(0),
        "End" | "PageDown" => Some(last),
        _ => {
            let mut chars = key.chars();
            let letter = chars.next().filter(|_| chars.next().is_none())?;
            let starts = |label: &L| {
                label
                    .as_ref()
                    .chars()
                    .next()
                    .is_some_and(|first| first.eq_ignore_ascii_case(&letter))
            };
            let after = labels.iter().skip(current + 1).position(starts);
            after
                .map(|i| current + 1 + i)
                .or_else(|| labels.iter().position(starts))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: [&str; 5] = [
        "Arizona",
        "Hotdog Stand",
        "High Contrast",
        "Ocean",
        "(None)",
    ];

    #[test]
    fn arrows_move_one_item_and_stop_at_the_ends() {
        assert_eq!(key_target("ArrowDown", 0, &LABELS), Some(1));
        assert_eq!(key_target("ArrowDown", 4, &LABELS), Some(4));
        assert_eq!(key_target("ArrowUp", 1, &LABELS), Some(0));
        assert_eq!(key_target("ArrowUp", 0, &LABELS), Some(0));
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last_item() {
        assert_eq!(key_target("Home", 3, &LABELS), Some(0));
        assert_eq!(key_target("End", 0, &LABELS), Some(4));
        assert_eq!(key_target("PageDown", 1, &LABELS), Some(4));
    }

    #[test]
    fn a_letter_selects_the_next_item_starting_with_it_and_wraps() {
        assert_eq!(key_target("h", 0, &LABELS), Some(1));
        assert_eq!(key_target("H", 1, &LABELS), Some(2));
        assert_eq!(key_target("h", 2, &LABELS), Some(1));
        assert_eq!(key_target("(", 0, &LABELS), Some(4));
        assert_eq!(key_target("z", 0, &LABELS), None);
    }

    #[test]
    fn other_keys_and_empty_lists_are_left_alone() {
        assert_eq!(key_target("Enter", 0, &LABELS), None);
        assert_eq!(key_target("Tab", 0, &LABELS), None);
        assert_eq!(key_target::<&str>("ArrowDown", 0, &[]), None);
    }

    #[test]
    fn a_selection_past_the_end_counts_as_the_last_item() {
        assert_eq!(key_target("ArrowUp", 99, &LABELS), Some(3));
    }
}
