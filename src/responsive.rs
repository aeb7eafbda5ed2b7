//! What a picture is made into: the responsive variants the images stage
//! writes and the model carries (`Site::images`) for templates to print.
//! The types live apart from the stage that fills them, so the model does not
//! import from a later stage.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One file of a responsive set.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Variant {
    /// Output path relative to the output folder: `static/img/….webp`.
    pub path: String,
    pub width: u32,
    /// File size, which decides what is worth offering.
    pub bytes: usize,
}

/// What a template needs to show one image at any screen width.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Responsive {
    /// Size of the largest variant, for `width`/`height` (no layout shift).
    pub width: u32,
    pub height: u32,
    /// Narrowest first; JPEG or PNG, whichever is lighter at that width.
    pub fallback: Vec<Variant>,
    /// Empty when WebP would not be smaller than the fallback.
    pub webp: Vec<Variant>,
}

impl Responsive {
    /// The largest fallback: the `src` of the `<img>` and of `og:image`.
    pub fn largest(&self) -> &Variant {
        // A Responsive always has at least one fallback (see `encode`).
        &self.fallback[self.fallback.len() - 1]
    }
}

/// Source path as written in front matter or a body (`/files/anh.jpg`) → its
/// variants.
pub type Catalog = BTreeMap<String, Responsive>;
