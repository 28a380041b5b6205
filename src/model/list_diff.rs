//! What turns one ordered list of keys into another, as the DOM needs it: which items go, which
//! come (and before which item), and which move. The desktop keeps its open windows' elements in
//! the order [`crate::model::desktop::Desktop::windows`] lists them, and applies these changes
//! instead of rebuilding the list.

/// One change to a list, in the order [`diff`] returns them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change<'a, T> {
    /// The item left the list.
    Remove(&'a T),
    /// A new item goes before `before` (at the end when `None`).
    Add { item: &'a T, before: Option<&'a T> },
    /// An item already shown moves before `before` (at the end when `None`).
    Move { item: &'a T, before: Option<&'a T> },
}

/// The changes from `old` to `new` (keys are unique in each list). Removals come first; then
/// additions and moves from the end of `new` backwards, so each one's `before` is already in
/// its final place when it is applied. Items that keep their order are left where they are.
pub fn diff<'a, T: PartialEq>(old: &'a [T], new: &'a [T]) -> Vec<Change<'a, T>> {
    let mut changes: Vec<Change<'a, T>> = old
        .iter()
        .filter(|item| !new.contains(item))
        .map(Change::Remove)
        .collect();
    let kept_before = old.iter().filter(|item| new.contains(item));
    let kept_after = new.iter().filter(|item| old.contains(item));
    let in_order = kept_before.eq(kept_after);
    let mut before = None;
    for item in new.iter().rev() {
        if !old.contains(item) {
            changes.push(Change::Add { item, before });
        } else if !in_order {
            changes.push(Change::Move { item, before });
        }
        before = Some(item);
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies `changes` to `old` the way the DOM would, to check they produce `new`.
    fn apply(old: &[char], changes: &[Change<'_, char>]) -> Vec<char> {
        let mut list = old.to_vec();
        for change in changes {
            let (item, before) = match change {
                Change::Remove(item) => {
                    list.retain(|x| x != *item);
                    continue;
                }
                Change::Add { item, before } => (**item, *before),
                Change::Move { item, before } => {
                    list.retain(|x| x != *item);
                    (**item, *before)
                }
            };
            let at = before.map_or(list.len(), |b| {
                list.iter().position(|x| x == b).expect("anchor is shown")
            });
            list.insert(at, item);
        }
        list
    }

    fn chars(text: &str) -> Vec<char> {
        text.chars().collect()
    }

    #[test]
    fn nothing_changes_when_the_list_is_the_same() {
        let list = chars("abc");
        assert!(diff(&list, &list).is_empty());
    }

    #[test]
    fn an_opened_window_is_added_at_the_end() {
        let (old, new) = (chars("ab"), chars("abc"));
        assert_eq!(
            diff(&old, &new),
            vec![Change::Add {
                item: &'c',
                before: None
            }]
        );
    }

    #[test]
    fn a_closed_window_is_only_removed() {
        let (old, new) = (chars("abc"), chars("ac"));
        assert_eq!(diff(&old, &new), vec![Change::Remove(&'b')]);
    }

    #[test]
    fn an_item_added_in_the_middle_goes_before_its_follower() {
        let (old, new) = (chars("ac"), chars("abc"));
        assert_eq!(
            diff(&old, &new),
            vec![Change::Add {
                item: &'b',
                before: Some(&'c')
            }]
        );
    }

    #[test]
    fn the_first_list_is_all_additions() {
        let new = chars("abc");
        let changes = diff(&[], &new);
        assert_eq!(changes.len(), 3);
        assert_eq!(apply(&[], &changes), new);
    }

    #[test]
    fn a_new_desktop_replaces_the_old_one() {
        let (old, new) = (chars("abcd"), chars("a"));
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 3);
        assert_eq!(apply(&old, &changes), new);
    }

    #[test]
    fn reordered_items_move() {
        let (old, new) = (chars("abcd"), chars("dbxa"));
        let changes = diff(&old, &new);
        assert!(changes.contains(&Change::Remove(&'c')));
        assert_eq!(apply(&old, &changes), new);
    }

    #[test]
    fn every_pair_of_small_lists_is_reached() {
        let lists = [
            "", "a", "ab", "ba", "abc", "cab", "bca", "acb", "xyz", "axc", "cxa",
        ];
        for old in lists {
            for new in lists {
                let (old, new) = (chars(old), chars(new));
                assert_eq!(apply(&old, &diff(&old, &new)), new, "{old:?} -> {new:?}");
            }
        }
    }
}
