//! `handbook`: a static site generator for interactive transfer handbooks.
//!
//! One pipeline, one module per stage: [`content`] (load) → [`links`]
//! (resolve) → [`render`] → [`output`] (write) + [`search`] (index), driven
//! by [`build`]. [`serve`] and [`editions`] reuse it.
//!
//! Layers, each importing only from the ones below it:
//!
//! 1. [`diagnostics`], [`error`]: what goes wrong and where; [`layout`]: the
//!    fixed folder names; [`timing`]: sub-stage spans for `--timings`.
//! 2. [`config`], [`content`], [`theme`], [`editions`]: reading the handbook;
//!    [`templates`] (Tera over the theme) for [`shortcodes`] and [`render`].
//! 3. [`shortcodes`], [`links`], then [`site`]: the resolved model every
//!    later stage reads.
//! 4. [`render`], then [`output`] and [`search`]: what a build produces.
//! 5. [`build`] drives the stages; [`serve`], [`scaffold`] and [`cli`] sit on top.

pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod editions;
pub mod error;
pub mod find;
pub mod git;
pub mod init;
pub mod layout;
pub mod links;
pub mod listing;
pub mod output;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod shortcodes;
pub mod site;
pub mod templates;
pub mod theme;
pub mod timing;
