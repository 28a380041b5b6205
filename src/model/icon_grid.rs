//! Moving the selection among a window's icons with the keyboard, as in Windows 3.1's Program
//! Manager: the arrow keys step to the icon beside, above or below, <kbd>Home</kbd> and
//! <kbd>End</kbd> to the first and last. The icons flow in rows (how many fit depends on the
//! window's width, and a window may hold several lists, such as Program Manager's posts and then
//! its tag groups), so up and down go by where the icons are, not by counting.

/// Where an icon is in its window: its left and top edges, in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spot {
    pub left: i32,
    pub top: i32,
}

/// The icon `key` (a `KeyboardEvent.key`) moves the selection to from icon `from`, among icons
/// at `spots` in reading order; `None` when the key is not one of these or leads nowhere (left
/// of the first icon, below the last row).
pub fn key_target(spots: &[Spot], from: usize, key: &str) -> Option<usize> {
    let here = *spots.get(from)?;
    let target = match key {
        "ArrowRight" => from + 1,
        "ArrowLeft" => from.checked_sub(1)?,
        "Home" => 0,
        "End" => spots.len() - 1,
        "ArrowDown" => nearest_in_row(spots, here, next_row(spots, here, |top| top > here.top)?)?,
        "ArrowUp" => nearest_in_row(spots, here, next_row(spots, here, |top| top < here.top)?)?,
        _ => return None,
    };
    (target < spots.len() && target != from).then_some(target)
}

/// The top of the nearest row past `here` in one direction (`beyond` picks the side).
fn next_row(spots: &[Spot], here: Spot, beyond: impl Fn(i32) -> bool) -> Option<i32> {
    spots
        .iter()
        .map(|spot| spot.top)
        .filter(|&top| beyond(top))
        .min_by_key(|top| (top - here.top).abs())
}

/// The icon of the row at `top` closest to `here` across (the first of two as close).
fn nearest_in_row(spots: &[Spot], here: Spot, top: i32) -> Option<usize> {
    spots
        .iter()
        .enumerate()
        .filter(|(_, spot)| spot.top == top)
        .min_by_key(|(_, spot)| (spot.left - here.left).abs())
        .map(|(index, _)| index)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `count` icons in rows of `columns`, 80 px apart across and 70 down.
    fn grid(count: usize, columns: usize) -> Vec<Spot> {
        (0..count)
            .map(|i| Spot {
                left: 80 * (i % columns) as i32,
                top: 70 * (i / columns) as i32,
            })
            .collect()
    }

    #[test]
    fn arrows_step_across_and_rows_down_and_up() {
        let spots = grid(10, 4);
        assert_eq!(key_target(&spots, 0, "ArrowRight"), Some(1));
        assert_eq!(
            key_target(&spots, 3, "ArrowRight"),
            Some(4),
            "on to the next row"
        );
        assert_eq!(key_target(&spots, 4, "ArrowLeft"), Some(3));
        assert_eq!(key_target(&spots, 1, "ArrowDown"), Some(5));
        assert_eq!(key_target(&spots, 5, "ArrowUp"), Some(1));
        assert_eq!(
            key_target(&spots, 7, "ArrowDown"),
            Some(9),
            "the short last row's nearest"
        );
        assert_eq!(key_target(&spots, 6, "Home"), Some(0));
        assert_eq!(key_target(&spots, 6, "End"), Some(9));
    }

    #[test]
    fn at_the_edges_keys_lead_nowhere() {
        let spots = grid(10, 4);
        assert_eq!(key_target(&spots, 0, "ArrowLeft"), None);
        assert_eq!(key_target(&spots, 9, "ArrowRight"), None);
        assert_eq!(key_target(&spots, 2, "ArrowUp"), None);
        assert_eq!(key_target(&spots, 9, "ArrowDown"), None);
        assert_eq!(key_target(&spots, 0, "Home"), None);
        assert_eq!(key_target(&spots, 0, "Enter"), None);
        assert_eq!(key_target(&spots, 12, "ArrowRight"), None, "no such icon");
        assert_eq!(key_target(&[], 0, "End"), None);
    }

    #[test]
    fn down_from_the_posts_reaches_the_groups_below_them() {
        // Three posts in a row, then (a gap lower) a list of two tag groups.
        let mut spots = grid(3, 4);
        spots.extend([Spot { left: 0, top: 100 }, Spot { left: 80, top: 100 }]);
        assert_eq!(key_target(&spots, 2, "ArrowDown"), Some(4));
        assert_eq!(key_target(&spots, 3, "ArrowUp"), Some(0));
    }

    proptest! {
        #[test]
        fn down_goes_to_the_icon_below_and_up_comes_back(count in 1usize..60, columns in 1usize..9, from in 0usize..60) {
            let spots = grid(count, columns);
            prop_assume!(from < count);
            let below = key_target(&spots, from, "ArrowDown");
            if from + columns < count {
                prop_assert_eq!(below, Some(from + columns));
                prop_assert_eq!(key_target(&spots, from + columns, "ArrowUp"), Some(from));
            } else if from / columns + 1 < count.div_ceil(columns) {
                // Past the end of a short last row: its last icon is the nearest.
                prop_assert_eq!(below, Some(count - 1));
            } else {
                prop_assert_eq!(below, None);
            }
        }

        #[test]
        fn right_then_left_comes_back(count in 2usize..60, columns in 1usize..9, from in 0usize..59) {
            let spots = grid(count, columns);
            prop_assume!(from + 1 < count);
            prop_assert_eq!(key_target(&spots, from, "ArrowRight"), Some(from + 1));
            prop_assert_eq!(key_target(&spots, from + 1, "ArrowLeft"), Some(from));
        }
    }
}
