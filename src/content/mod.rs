//! The load stage: files → typed pages with URLs (see docs/content-model.md).

mod attribute_lists;
pub mod book_order;
pub mod callout;
mod contacts;
pub mod cross_ref;
pub mod foreign;
pub mod foreign_keys;
pub mod frontmatter;
pub mod german_keys;
pub mod gitbook;
pub mod grid_table;
pub mod html_anchors;
pub mod html_removed;
pub mod html_urls;
pub mod kramdown_toc;
pub mod languages;
pub mod link_dest;
pub mod load;
pub mod markdown;
pub mod math;
pub mod mkdocs;
pub mod model;
pub mod myst;
pub mod naming;
pub mod page;
pub mod parse;
pub mod patch;
pub mod pictures;
pub mod sections;
pub mod slug;
pub mod source;
pub mod sourcemap;
pub mod sphinx_conf;
pub mod table_caption;
pub mod todo;
pub mod unparsed_link;
pub mod user_path;
pub mod wiki_names;
pub mod yaml;

#[cfg(test)]
mod reassembly_tests;

pub use load::{load, load_in_memory, Asset, Content, Layer, LoadSpec, Section};
pub use model::{KindMeta, PageKind};
pub use page::{Page, PageId};
