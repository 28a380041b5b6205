//! Property tests: the window manager's invariants hold after any command sequence.

use proptest::prelude::*;

use super::arbitrary::{apply, check_invariants, command, Command};
use super::*;

proptest! {
    #[test]
    fn every_command_keeps_the_desktop_consistent(
        commands in prop::collection::vec(command(), 1..60)
    ) {
        let mut desktop = Desktop::new(Size::new(1280, 800));
        for command in &commands {
            apply(&mut desktop, command);
            check_invariants(&desktop)?;
        }
    }

    #[test]
    fn windows_never_change_their_opening_order(
        commands in prop::collection::vec(command(), 1..60)
    ) {
        let mut desktop = Desktop::new(Size::new(1280, 800));
        for command in &commands {
            let before: Vec<WindowId> = desktop.windows().iter().map(|w| w.id.clone()).collect();
            apply(&mut desktop, command);
            let after: Vec<WindowId> = desktop.windows().iter().map(|w| w.id.clone()).collect();
            let kept: Vec<WindowId> =
                before.iter().filter(|id| after.contains(id)).cloned().collect();
            prop_assert_eq!(&after[..kept.len()], &kept[..]);
        }
    }

    #[test]
    fn setting_the_viewport_makes_every_title_bar_reachable(
        commands in prop::collection::vec(command(), 0..40),
        width in -10..4000i32,
        height in -10..3000i32,
    ) {
        let mut desktop = Desktop::new(Size::new(1280, 800));
        for command in &commands {
            apply(&mut desktop, command);
        }
        apply(&mut desktop, &Command::SetViewport(Size::new(width, height)));
        let viewport = desktop.viewport();
        for window in desktop.windows() {
            prop_assert_eq!(window.rect, keep_title_bar_reachable(window.rect, viewport));
        }
    }

    #[test]
    fn from_parts_of_a_desktop_gives_back_the_same_desktop(
        desktop in super::arbitrary::desktop()
    ) {
        let rebuilt = Desktop::from_parts(
            desktop.viewport(),
            desktop.windows().to_vec(),
            desktop.stack().to_vec(),
        );
        prop_assert_eq!(rebuilt, desktop);
    }
}
