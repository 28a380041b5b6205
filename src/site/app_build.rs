//! Building the WebAssembly app with Trunk for a given base path.

use std::path::{Path, PathBuf};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AppBuildError {
    #[error("{tool}: {message}")]
    Tool { tool: String, message: String },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Builds the app in `project_root` for `base_path` and returns the folder holding the result.
pub fn build_app(project_root: &Path, base_path: &str) -> Result<PathBuf, AppBuildError> {
    let _ = (project_root, base_path);
    Err(AppBuildError::Tool {
        tool: "trunk".to_owned(),
        message: "app build not wired yet (pass --app with a Trunk output folder)".to_owned(),
    })
}
