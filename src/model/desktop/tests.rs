//! Unit tests of the window manager: what a user sees after each command.

use super::*;

const VIEWPORT: Size = Size::new(1280, 800);

#[test]
fn new_desktop_has_only_program_manager_active() {
    let desktop = Desktop::new(VIEWPORT);
    assert_eq!(desktop.windows().len(), 1);
    assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
}

#[test]
fn opening_a_post_puts_it_on_top_and_makes_it_active() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("hello");
    assert_eq!(desktop.active(), Some(&WindowId::post("hello")));
    assert_eq!(desktop.z_index(&WindowId::post("hello")), Some(1));
}

#[test]
fn second_post_window_cascades_from_the_first() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    let a = desktop.window(&WindowId::post("a")).unwrap().rect;
    let b = desktop.window(&WindowId::post("b")).unwrap().rect;
    assert_eq!((b.x - a.x, b.y - a.y), (24, 24));
}

#[test]
fn opening_an_open_post_again_focuses_it_without_a_duplicate() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    desktop.open_post("a");
    assert_eq!(desktop.windows().len(), 3);
    assert_eq!(desktop.active(), Some(&WindowId::post("a")));
}

#[test]
fn focus_keeps_the_open_order_and_changes_only_the_stack() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.focus(&WindowId::ProgramManager);
    assert_eq!(desktop.windows()[0].id, WindowId::ProgramManager);
    assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
}

#[test]
fn closing_a_post_activates_the_window_below() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    assert!(desktop.close(&WindowId::post("a")));
    assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
    assert!(!desktop.close(&WindowId::ProgramManager));
}

#[test]
fn resize_from_measures_from_the_start_rect_so_the_frame_follows_the_pointer() {
    let mut desktop = Desktop::new(VIEWPORT);
    let id = WindowId::ProgramManager;
    let start = desktop.window(&id).unwrap().rect;
    // Past the minimum and back again: the frame ends where the pointer is, not short of it.
    desktop.resize_from(&id, start, Edge::SE, -1000, -1000);
    assert_eq!(desktop.window(&id).unwrap().rect.size(), MIN_WINDOW);
    desktop.resize_from(&id, start, Edge::SE, 30, 20);
    let rect = desktop.window(&id).unwrap().rect;
    assert_eq!(
        rect,
        Rect::new(start.x, start.y, start.width + 30, start.height + 20)
    );
}

#[test]
fn resize_from_the_west_edge_keeps_the_east_edge_put() {
    let mut desktop = Desktop::new(VIEWPORT);
    let id = WindowId::ProgramManager;
    let start = desktop.window(&id).unwrap().rect;
    desktop.resize_from(&id, start, Edge::W, 10_000, 0);
    let rect = desktop.window(&id).unwrap().rect;
    assert_eq!(rect.width, MIN_WINDOW.width);
    assert_eq!(rect.right(), start.right());
}

#[test]
fn set_rect_bounds_the_size_and_ignores_maximized_windows() {
    let mut desktop = Desktop::new(VIEWPORT);
    let id = WindowId::ProgramManager;
    desktop.set_rect(&id, Rect::new(10, 20, 5, 5));
    assert_eq!(
        desktop.window(&id).unwrap().rect,
        Rect::at(Point::new(10, 20), MIN_WINDOW)
    );
    desktop.maximize(&id);
    desktop.set_rect(&id, Rect::new(40, 40, 300, 300));
    assert_eq!(
        desktop.window(&id).unwrap().rect.origin(),
        Point::new(10, 20)
    );
}

#[test]
fn move_by_moves_by_exactly_the_distance() {
    let mut desktop = Desktop::new(VIEWPORT);
    let before = desktop.window(&WindowId::ProgramManager).unwrap().rect;
    desktop.move_by(&WindowId::ProgramManager, 100, 50);
    let after = desktop.window(&WindowId::ProgramManager).unwrap().rect;
    assert_eq!((after.x - before.x, after.y - before.y), (100, 50));
}

#[test]
fn move_by_cannot_push_the_title_bar_off_screen() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.move_by(&WindowId::ProgramManager, -5000, -5000);
    let rect = desktop.window(&WindowId::ProgramManager).unwrap().rect;
    assert_eq!(rect.y, 0);
    assert!(rect.right() >= 48);
}

#[test]
fn minimized_window_is_never_active() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.minimize(&WindowId::post("a"));
    assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
}

#[test]
fn ctrl_f6_cycles_through_windows() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.cycle(true);
    assert_eq!(desktop.active(), Some(&WindowId::ProgramManager));
    desktop.cycle(true);
    assert_eq!(desktop.active(), Some(&WindowId::post("a")));
}

#[test]
fn shrinking_the_viewport_brings_windows_back() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.move_by(&WindowId::post("a"), 1000, 700);
    desktop.set_viewport(Size::new(400, 300));
    let rect = desktop.window(&WindowId::post("a")).unwrap().rect;
    assert!(
        rect.x <= 400 - 48 && rect.y <= 300 - TITLE_BAR_HEIGHT,
        "{rect:?}"
    );
}

fn rect_of(desktop: &Desktop, id: &WindowId) -> Rect {
    desktop.window(id).map(|w| w.rect).unwrap_or_default()
}

fn post(slug: &str) -> WindowId {
    WindowId::post(slug)
}

#[test]
fn dragging_the_bottom_right_corner_grows_by_exactly_the_distance() {
    let mut desktop = Desktop::new(VIEWPORT);
    let before = rect_of(&desktop, &WindowId::ProgramManager);
    desktop.resize(&WindowId::ProgramManager, Edge::SE, 40, 30);
    let after = rect_of(&desktop, &WindowId::ProgramManager);
    assert_eq!(
        after,
        Rect::new(before.x, before.y, before.width + 40, before.height + 30)
    );
}

#[test]
fn dragging_the_left_edge_too_far_right_stops_at_the_minimum_with_the_right_edge_put() {
    let mut desktop = Desktop::new(VIEWPORT);
    let before = rect_of(&desktop, &WindowId::ProgramManager);
    desktop.resize(&WindowId::ProgramManager, Edge::W, 5000, 0);
    let after = rect_of(&desktop, &WindowId::ProgramManager);
    assert_eq!(after.width, MIN_WINDOW.width);
    assert_eq!(after.right(), before.right());
}

#[test]
fn dragging_the_top_edge_above_the_screen_stops_at_the_top_with_the_bottom_put() {
    let mut desktop = Desktop::new(VIEWPORT);
    let before = rect_of(&desktop, &WindowId::ProgramManager);
    desktop.resize(&WindowId::ProgramManager, Edge::N, 0, -5000);
    let after = rect_of(&desktop, &WindowId::ProgramManager);
    assert_eq!((after.y, after.bottom()), (0, before.bottom()));
}

#[test]
fn dragging_the_top_left_corner_moves_only_that_corner() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    let before = rect_of(&desktop, &post("a"));
    desktop.resize(&post("a"), Edge::NW, -10, -20);
    let after = rect_of(&desktop, &post("a"));
    assert_eq!((after.x, after.y), (before.x - 10, before.y - 20));
    assert_eq!(
        (after.right(), after.bottom()),
        (before.right(), before.bottom())
    );
}

#[test]
fn no_edge_can_shrink_a_window_below_the_minimum_or_lose_its_title_bar() {
    for edge in Edge::ALL {
        for delta in [-100_000, 100_000, i32::MIN, i32::MAX] {
            let mut desktop = Desktop::new(VIEWPORT);
            desktop.resize(&WindowId::ProgramManager, edge, delta, delta);
            let rect = rect_of(&desktop, &WindowId::ProgramManager);
            assert!(rect.width >= MIN_WINDOW.width && rect.height >= MIN_WINDOW.height);
            assert!(rect.width <= MAX_WINDOW.width && rect.height <= MAX_WINDOW.height);
            assert_eq!(rect, keep_title_bar_reachable(rect, VIEWPORT), "{edge:?}");
        }
    }
}

#[test]
fn shrinking_a_window_hanging_off_the_left_keeps_a_grab_of_its_title_bar() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.move_by(&WindowId::ProgramManager, -5000, 0);
    desktop.resize(&WindowId::ProgramManager, Edge::E, -5000, 0);
    let rect = rect_of(&desktop, &WindowId::ProgramManager);
    assert!(rect.right() >= TITLE_BAR_GRAB, "{rect:?}");
}

#[test]
fn only_normal_windows_resize() {
    let mut desktop = Desktop::new(VIEWPORT);
    let before = rect_of(&desktop, &WindowId::ProgramManager);
    desktop.maximize(&WindowId::ProgramManager);
    desktop.resize(&WindowId::ProgramManager, Edge::SE, 50, 50);
    desktop.minimize(&WindowId::ProgramManager);
    desktop.resize(&WindowId::ProgramManager, Edge::SE, 50, 50);
    assert_eq!(rect_of(&desktop, &WindowId::ProgramManager), before);
}

#[test]
fn double_clicking_the_title_bar_maximizes_then_restores_the_same_rectangle() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.focus(&WindowId::ProgramManager);
    let before = rect_of(&desktop, &post("a"));
    desktop.toggle_maximize(&post("a"));
    let window = desktop.window(&post("a")).cloned();
    assert_eq!(
        window.map(|w| w.frame(VIEWPORT)),
        Some(Rect::new(0, 0, 1280, 800))
    );
    assert!(desktop.is_active(&post("a")));
    desktop.toggle_maximize(&post("a"));
    let window = desktop.window(&post("a")).cloned();
    assert_eq!(
        window.map(|w| (w.state, w.rect)),
        Some((WindowState::Normal, before))
    );
}

#[test]
fn alt_esc_sends_the_active_window_to_the_back_and_activates_the_next() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    assert!(desktop.send_to_back(&post("b")));
    assert_eq!(desktop.stack()[0], post("b"));
    assert!(desktop.is_active(&post("a")));
    assert!(!desktop.send_to_back(&post("missing")));
}

#[test]
fn ctrl_shift_f6_goes_backwards_through_windows() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    desktop.cycle(false);
    assert!(desktop.is_active(&post("a")));
    desktop.cycle(false);
    assert!(desktop.is_active(&WindowId::ProgramManager));
    desktop.cycle(true);
    assert!(desktop.is_active(&post("a")));
}

#[test]
fn cycling_skips_minimized_windows() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    desktop.minimize(&post("a"));
    desktop.cycle(true);
    assert!(desktop.is_active(&WindowId::ProgramManager));
    desktop.cycle(true);
    assert!(desktop.is_active(&post("b")));
}

#[test]
fn cascade_steps_windows_down_the_stack_with_one_size_and_keeps_the_stack() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    desktop.maximize(&post("a"));
    let stack = desktop.stack().to_vec();
    desktop.cascade();
    assert_eq!(desktop.stack(), &stack[..]);
    let rects: Vec<Rect> = stack.iter().map(|id| rect_of(&desktop, id)).collect();
    let origins: Vec<(i32, i32)> = rects.iter().map(|r| (r.x, r.y)).collect();
    assert_eq!(origins, vec![(0, 0), (24, 24), (48, 48)]);
    assert!(rects.iter().all(|r| r.size() == rects[0].size()));
    assert!(rects.iter().all(|r| r.right() <= 1280 && r.bottom() <= 800));
    assert!(desktop
        .windows()
        .iter()
        .all(|w| w.state == WindowState::Normal));
    assert!(desktop.is_active(&post("a")));
}

#[test]
fn cascade_leaves_minimized_windows_alone() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.minimize(&post("a"));
    let before = desktop.window(&post("a")).cloned();
    desktop.cascade();
    assert_eq!(desktop.window(&post("a")).cloned(), before);
    assert_eq!(
        rect_of(&desktop, &WindowId::ProgramManager).origin(),
        Point::new(0, 0)
    );
}

#[test]
fn tiling_two_windows_puts_them_side_by_side_filling_the_desktop() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.tile();
    assert_eq!(rect_of(&desktop, &post("a")), Rect::new(0, 0, 640, 800));
    assert_eq!(
        rect_of(&desktop, &WindowId::ProgramManager),
        Rect::new(640, 0, 640, 800)
    );
}

#[test]
fn tiling_three_windows_widens_the_last_row_to_fill_it() {
    let mut desktop = Desktop::new(Size::new(1001, 801));
    desktop.open_post("a");
    desktop.open_post("b");
    desktop.tile();
    assert_eq!(rect_of(&desktop, &post("b")), Rect::new(0, 0, 500, 400));
    assert_eq!(rect_of(&desktop, &post("a")), Rect::new(500, 0, 501, 400));
    assert_eq!(
        rect_of(&desktop, &WindowId::ProgramManager),
        Rect::new(0, 400, 1001, 401)
    );
}

#[test]
fn a_window_minimized_while_maximized_restores_maximized_then_normal() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    let normal = rect_of(&desktop, &post("a"));
    desktop.maximize(&post("a"));
    desktop.minimize(&post("a"));
    let state = |d: &Desktop| d.window(&post("a")).map(|w| w.state);
    desktop.restore(&post("a"));
    assert_eq!(state(&desktop), Some(WindowState::Maximized));
    assert!(desktop.is_active(&post("a")));
    // The next Restore goes back to the normal rectangle, kept all along.
    desktop.restore(&post("a"));
    assert_eq!(state(&desktop), Some(WindowState::Normal));
    assert_eq!(rect_of(&desktop, &post("a")), normal);
    // Minimized from normal, it comes back normal; opening it from its icon counts as restoring.
    desktop.minimize(&post("a"));
    desktop.open_post("a");
    assert_eq!(state(&desktop), Some(WindowState::Normal));
    desktop.maximize(&post("a"));
    desktop.minimize(&post("a"));
    desktop.open_post("a");
    assert_eq!(state(&desktop), Some(WindowState::Maximized));
}

#[test]
fn tile_and_cascade_leave_the_row_of_icons_in_view() {
    let mut desktop = Desktop::new(VIEWPORT);
    for slug in ["a", "b", "c"] {
        desktop.open_post(slug);
    }
    desktop.minimize(&post("c"));
    let icon = Rect::at(
        desktop
            .icon_position(&post("c"))
            .expect("a minimized window has an icon"),
        ICON_SLOT,
    );
    assert_eq!(
        desktop.arrange_area(),
        Size::new(1280, 800 - ICON_SLOT.height)
    );
    for arrange in [Desktop::tile, Desktop::cascade] {
        arrange(&mut desktop);
        for window in desktop.windows().iter().filter(|w| !w.is_minimized()) {
            assert!(
                !window.rect.intersects(&icon),
                "{:?} covers the icon",
                window.id
            );
            assert!(window.rect.bottom() <= 800 - ICON_SLOT.height);
        }
    }
    // Tile still fills all of the area above the icons.
    desktop.tile();
    let lowest = desktop
        .windows()
        .iter()
        .filter(|w| !w.is_minimized())
        .map(|w| w.rect.bottom())
        .max();
    assert_eq!(lowest, Some(800 - ICON_SLOT.height));
    // An icon moved away from the bottom takes no row.
    desktop.move_icon(&post("c"), 300, -300);
    assert_eq!(desktop.arrange_area(), VIEWPORT);
}

#[test]
fn tiling_in_a_tiny_viewport_keeps_the_minimum_size() {
    let mut desktop = Desktop::new(Size::new(200, 150));
    for slug in ["a", "b", "c"] {
        desktop.open_post(slug);
    }
    desktop.tile();
    for window in desktop.windows() {
        assert_eq!(window.rect.size(), MIN_WINDOW);
    }
}

#[test]
fn minimized_windows_line_up_as_icons_along_the_bottom_in_opening_order() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    desktop.minimize(&post("b"));
    desktop.minimize(&post("a"));
    assert_eq!(desktop.icon_position(&post("a")), Some(Point::new(0, 736)));
    assert_eq!(desktop.icon_position(&post("b")), Some(Point::new(76, 736)));
    assert_eq!(desktop.icon_position(&WindowId::ProgramManager), None);
}

#[test]
fn icons_that_fill_a_row_continue_on_the_row_above() {
    let mut desktop = Desktop::new(Size::new(160, 400));
    for slug in ["a", "b", "c"] {
        desktop.open_post(slug);
        desktop.minimize(&post(slug));
    }
    assert_eq!(
        desktop.icon_position(&post("c")),
        Some(Point::new(0, 400 - 128))
    );
}

#[test]
fn a_moved_icon_stays_put_and_other_icons_avoid_its_slot() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open_post("b");
    desktop.minimize(&post("b"));
    desktop.move_icon(&post("b"), -76, 0);
    assert_eq!(desktop.icon_position(&post("b")), Some(Point::new(0, 736)));
    desktop.minimize(&post("a"));
    assert_eq!(desktop.icon_position(&post("a")), Some(Point::new(76, 736)));
}

#[test]
fn an_icon_returns_to_where_it_was_moved_when_minimized_again() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.minimize(&WindowId::ProgramManager);
    desktop.move_icon(&WindowId::ProgramManager, 300, -300);
    desktop.restore(&WindowId::ProgramManager);
    assert_eq!(desktop.icon_position(&WindowId::ProgramManager), None);
    desktop.minimize(&WindowId::ProgramManager);
    assert_eq!(
        desktop.icon_position(&WindowId::ProgramManager),
        Some(Point::new(300, 436))
    );
}

#[test]
fn icons_cannot_be_dragged_off_screen_or_left_off_it_by_a_smaller_viewport() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.minimize(&WindowId::ProgramManager);
    desktop.move_icon(&WindowId::ProgramManager, 5000, 5000);
    let corner = Point::new(1280 - 76, 800 - 64);
    assert_eq!(
        desktop.icon_position(&WindowId::ProgramManager),
        Some(corner)
    );
    desktop.set_viewport(Size::new(400, 300));
    let corner = Point::new(400 - 76, 300 - 64);
    assert_eq!(
        desktop.icon_position(&WindowId::ProgramManager),
        Some(corner)
    );
}

#[test]
fn arrange_icons_puts_moved_icons_back_in_the_row() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.minimize(&WindowId::ProgramManager);
    desktop.move_icon(&WindowId::ProgramManager, 300, -300);
    desktop.arrange_icons();
    assert_eq!(
        desktop.icon_position(&WindowId::ProgramManager),
        Some(Point::new(0, 736))
    );
}

#[test]
fn unmoved_icons_follow_the_bottom_when_the_viewport_grows() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.minimize(&WindowId::ProgramManager);
    desktop.set_viewport(Size::new(1280, 1000));
    assert_eq!(
        desktop.icon_position(&WindowId::ProgramManager),
        Some(Point::new(0, 936))
    );
}

#[test]
fn windows_open_reachable_even_in_a_tiny_viewport() {
    let viewport = Size::new(60, 30);
    let mut desktop = Desktop::new(viewport);
    desktop.open_post("a");
    for window in desktop.windows() {
        assert_eq!(window.rect, keep_title_bar_reachable(window.rect, viewport));
    }
}

#[test]
fn a_negative_viewport_counts_as_empty() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.set_viewport(Size::new(-5, i32::MIN));
    assert_eq!(desktop.viewport(), Size::new(0, 0));
    assert_eq!(
        rect_of(&desktop, &WindowId::ProgramManager).origin(),
        Point::new(0, 0)
    );
}

#[test]
fn the_control_panel_opens_once_at_its_place_and_closes() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open_post("a");
    desktop.open(WindowId::ControlPanel);
    desktop.open(WindowId::ControlPanel);
    let panels = desktop
        .windows()
        .iter()
        .filter(|w| w.id == WindowId::ControlPanel)
        .count();
    assert_eq!(panels, 1);
    assert!(desktop.is_active(&WindowId::ControlPanel));
    assert_eq!(
        rect_of(&desktop, &WindowId::ControlPanel),
        CONTROL_PANEL.resolve(VIEWPORT)
    );
    desktop.minimize(&WindowId::ControlPanel);
    desktop.open(WindowId::ControlPanel);
    assert!(desktop.is_active(&WindowId::ControlPanel));
    assert!(desktop.close(&WindowId::ControlPanel));
    assert!(desktop.is_active(&post("a")));
}

#[test]
fn the_control_panel_does_not_push_post_windows_down_the_cascade() {
    let mut desktop = Desktop::new(VIEWPORT);
    desktop.open(WindowId::ControlPanel);
    desktop.open_post("a");
    assert_eq!(rect_of(&desktop, &post("a")), FIRST_POST.resolve(VIEWPORT));
}

#[test]
fn tag_windows_open_once_on_the_posts_cascade() {
    let mut desktop = Desktop::new(VIEWPORT);
    let rust = WindowId::Tag("rust".to_owned());
    desktop.open(rust.clone());
    assert_eq!(rect_of(&desktop, &rust), FIRST_POST.resolve(VIEWPORT));
    desktop.open_post("a");
    assert_eq!(
        rect_of(&desktop, &post("a")),
        FIRST_POST.cascaded(1).resolve(VIEWPORT)
    );
    desktop.open(WindowId::Tags);
    assert_eq!(
        rect_of(&desktop, &WindowId::Tags),
        FIRST_POST.cascaded(2).resolve(VIEWPORT)
    );
    desktop.minimize(&rust);
    desktop.open(rust.clone());
    assert!(desktop.is_active(&rust));
    assert_eq!(desktop.windows().len(), 4);
    assert!(desktop.close(&rust));
    assert!(desktop.is_active(&WindowId::Tags));
}

#[test]
fn a_tag_window_is_not_a_post_window() {
    let rust = WindowId::Tag("rust".to_owned());
    assert_eq!((rust.slug(), rust.tag()), (None, Some("rust")));
    assert_eq!(post("rust").tag(), None);
    assert_ne!(rust.dom_id(), post("rust").dom_id());
    assert_eq!(rust.dom_id(), "win-tag-rust");
    assert_eq!(WindowId::Tags.dom_id(), "win-tags");
}

#[test]
#[cfg(not(target_arch = "wasm32"))]
fn window_ids_keep_their_saved_form() {
    let json = |id: &WindowId| serde_json::to_string(id).unwrap_or_default();
    assert_eq!(
        json(&WindowId::ProgramManager),
        r#"{"kind":"program_manager"}"#
    );
    assert_eq!(json(&WindowId::ControlPanel), r#"{"kind":"control_panel"}"#);
    assert_eq!(json(&post("a")), r#"{"kind":"post","slug":"a"}"#);
    assert_eq!(
        json(&WindowId::Tag("rust".to_owned())),
        r#"{"kind":"tag","slug":"rust"}"#
    );
    assert_eq!(json(&WindowId::Tags), r#"{"kind":"tags"}"#);
}

#[test]
fn from_parts_adds_program_manager_back_and_bounds_sizes() {
    let tiny = Window::new(post("a"), Rect::new(10, 10, -3, 0));
    let desktop = Desktop::from_parts(VIEWPORT, vec![tiny], vec![post("a")]);
    assert_eq!(desktop.windows()[0].id, WindowId::ProgramManager);
    assert_eq!(desktop.stack(), &[WindowId::ProgramManager, post("a")][..]);
    assert_eq!(rect_of(&desktop, &post("a")).size(), MIN_WINDOW);
    assert!(desktop.is_active(&post("a")));
}
