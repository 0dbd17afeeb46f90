//! `handbook`: a static site generator for interactive transfer handbooks.
//!
//! One pipeline, one module per stage: [`content`] (load) → [`links`]
//! (resolve) → [`render`] → [`output`] (write) + [`search`] (index), driven
//! by [`build`]. [`serve`] and [`editions`] reuse it.

pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod editions;
pub mod links;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod shortcodes;
