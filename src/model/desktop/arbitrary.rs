//! Random command sequences for property tests of [`Desktop`](super::Desktop) and of its
//! persistence.

use proptest::prelude::*;

use super::*;

pub const SLUGS: [&str; 4] = ["alpha", "beta", "gamma", "delta"];

/// Tag slugs the commands open group windows of (a post's slug doubles as one, so a tag
/// window and a post window may share a slug).
pub const TAGS: [&str; 2] = ["alpha", "rust"];

/// One thing a visitor can do; window targets index [`target_ids`], which includes
/// windows that are not open.
#[derive(Clone, Debug)]
pub enum Command {
    Open(usize),
    OpenControlPanel,
    OpenTag(usize),
    OpenTags,
    Focus(usize),
    Close(usize),
    Move(usize, i32, i32),
    Resize(usize, Edge, i32, i32),
    Minimize(usize),
    Maximize(usize),
    ToggleMaximize(usize),
    Restore(usize),
    Cycle(bool),
    SendToBack(usize),
    Cascade,
    Tile,
    SetViewport(Size),
    MoveIcon(usize, i32, i32),
    ArrangeIcons,
}

pub fn target_ids() -> Vec<WindowId> {
    let posts = SLUGS.iter().map(|slug| WindowId::post(*slug));
    let tags = TAGS.iter().map(|slug| WindowId::Tag((*slug).to_owned()));
    [
        WindowId::ProgramManager,
        WindowId::ControlPanel,
        WindowId::Tags,
    ]
    .into_iter()
    .chain(posts)
    .chain(tags)
    .collect()
}

fn target() -> impl Strategy<Value = usize> {
    0..SLUGS.len() + TAGS.len() + 3
}

fn distance() -> impl Strategy<Value = i32> {
    prop_oneof![
        8 => -2000..2000i32,
        1 => Just(i32::MIN),
        1 => Just(i32::MAX),
    ]
}

fn viewport() -> impl Strategy<Value = Size> {
    let side = prop_oneof![
        4 => 0..3000i32,
        2 => 0..200i32,
        1 => Just(-10),
        1 => Just(i32::MAX),
    ];
    (side.clone(), side).prop_map(|(width, height)| Size::new(width, height))
}

fn edge() -> impl Strategy<Value = Edge> {
    prop::sample::select(Edge::ALL.to_vec())
}

pub fn command() -> impl Strategy<Value = Command> {
    prop_oneof![
        3 => (0..SLUGS.len()).prop_map(Command::Open),
        1 => Just(Command::OpenControlPanel),
        1 => (0..TAGS.len()).prop_map(Command::OpenTag),
        1 => Just(Command::OpenTags),
        1 => target().prop_map(Command::Focus),
        1 => target().prop_map(Command::Close),
        1 => (target(), distance(), distance()).prop_map(|(t, dx, dy)| Command::Move(t, dx, dy)),
        1 => (target(), edge(), distance(), distance())
            .prop_map(|(t, e, dx, dy)| Command::Resize(t, e, dx, dy)),
        1 => target().prop_map(Command::Minimize),
        1 => target().prop_map(Command::Maximize),
        1 => target().prop_map(Command::ToggleMaximize),
        1 => target().prop_map(Command::Restore),
        1 => any::<bool>().prop_map(Command::Cycle),
        1 => target().prop_map(Command::SendToBack),
        1 => Just(Command::Cascade),
        1 => Just(Command::Tile),
        1 => viewport().prop_map(Command::SetViewport),
        1 => (target(), distance(), distance())
            .prop_map(|(t, dx, dy)| Command::MoveIcon(t, dx, dy)),
        1 => Just(Command::ArrangeIcons),
    ]
}

pub fn apply(desktop: &mut Desktop, command: &Command) {
    let ids = target_ids();
    let id = |index: &usize| ids[*index].clone();
    match command {
        Command::Open(index) => desktop.open_post(SLUGS[*index]),
        Command::OpenControlPanel => desktop.open(WindowId::ControlPanel),
        Command::OpenTag(index) => desktop.open(WindowId::Tag(TAGS[*index].to_owned())),
        Command::OpenTags => desktop.open(WindowId::Tags),
        Command::Focus(t) => {
            desktop.focus(&id(t));
        }
        Command::Close(t) => {
            desktop.close(&id(t));
        }
        Command::Move(t, dx, dy) => desktop.move_by(&id(t), *dx, *dy),
        Command::Resize(t, edge, dx, dy) => desktop.resize(&id(t), *edge, *dx, *dy),
        Command::Minimize(t) => desktop.minimize(&id(t)),
        Command::Maximize(t) => desktop.maximize(&id(t)),
        Command::ToggleMaximize(t) => desktop.toggle_maximize(&id(t)),
        Command::Restore(t) => desktop.restore(&id(t)),
        Command::Cycle(forward) => desktop.cycle(*forward),
        Command::SendToBack(t) => {
            desktop.send_to_back(&id(t));
        }
        Command::Cascade => desktop.cascade(),
        Command::Tile => desktop.tile(),
        Command::SetViewport(size) => desktop.set_viewport(*size),
        Command::MoveIcon(t, dx, dy) => desktop.move_icon(&id(t), *dx, *dy),
        Command::ArrangeIcons => desktop.arrange_icons(),
    }
}

/// A desktop after a random history, starting from a random viewport.
pub fn desktop() -> impl Strategy<Value = Desktop> {
    (viewport(), prop::collection::vec(command(), 0..40)).prop_map(|(size, commands)| {
        let mut desktop = Desktop::new(size);
        for command in &commands {
            apply(&mut desktop, command);
        }
        desktop
    })
}

pub fn check_invariants(desktop: &Desktop) -> Result<(), TestCaseError> {
    let viewport = desktop.viewport();
    let mut open: Vec<&WindowId> = desktop.windows().iter().map(|w| &w.id).collect();
    let mut stacked: Vec<&WindowId> = desktop.stack().iter().collect();
    prop_assert_eq!(
        open.len(),
        stacked.len(),
        "stack and windows differ in length"
    );
    open.sort_by_key(|id| id.dom_id());
    stacked.sort_by_key(|id| id.dom_id());
    open.dedup();
    prop_assert_eq!(
        &open,
        &stacked,
        "stack is not a permutation of the open windows"
    );
    prop_assert!(desktop.is_open(&WindowId::ProgramManager));
    check_active(desktop)?;
    for window in desktop.windows() {
        let rect = window.rect;
        prop_assert!(rect.width >= MIN_WINDOW.width && rect.height >= MIN_WINDOW.height);
        prop_assert!(rect.width <= MAX_WINDOW.width && rect.height <= MAX_WINDOW.height);
        prop_assert_eq!(rect, keep_title_bar_reachable(rect, viewport));
        prop_assert!(
            !window.restores_maximized || window.is_minimized(),
            "only a minimized window remembers it was maximized"
        );
        if let Some(icon) = desktop.icon_position(&window.id) {
            prop_assert_eq!(icon, keep_icon_reachable(icon, viewport));
        }
    }
    Ok(())
}

/// The active window is the topmost non-minimized one, and there is one whenever any
/// window is not minimized.
pub fn check_active(desktop: &Desktop) -> Result<(), TestCaseError> {
    let minimized = |id: &WindowId| {
        desktop
            .window(id)
            .is_some_and(|w| w.state == WindowState::Minimized)
    };
    let active_count = desktop
        .stack()
        .iter()
        .filter(|id| desktop.is_active(id))
        .count();
    let any_shown = desktop.stack().iter().any(|id| !minimized(id));
    prop_assert_eq!(active_count, usize::from(any_shown));
    if let Some(active) = desktop.active() {
        prop_assert!(!minimized(active));
        let above = desktop.z_index(active).map_or(0, |z| z + 1);
        prop_assert!(desktop.stack()[above..].iter().all(minimized));
    }
    Ok(())
}
