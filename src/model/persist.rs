//! The saved desktop: what goes into localStorage, and restoring it without ever failing.
