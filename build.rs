//! Checks `content/` and turns it into the typed static story (`$OUT_DIR/story.rs`).
//!
//! A broken content file stops `cargo build` here, with one line per problem naming the file, the
//! item and the reason, so nothing unchecked reaches the page and the page parses nothing at load.
//! `PAK_US_CONTENT_DIR` points the build at another content folder (the tests' broken fixtures).

#[path = "src/model/calendar.rs"]
#[allow(dead_code)] // The app uses parts of the calendar that the build does not.
mod calendar;
#[path = "build/codegen.rs"]
mod codegen;
#[path = "build/content/mod.rs"]
mod content;
#[path = "src/model/format/thousands.rs"]
mod thousands;

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=PAK_US_CONTENT_DIR");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=src/model/calendar.rs");
    println!("cargo:rerun-if-changed=src/model/format/thousands.rs");
    let dir = std::env::var_os("PAK_US_CONTENT_DIR").map_or_else(|| PathBuf::from("content"), PathBuf::from);
    // A directory is scanned whole for changes.
    println!("cargo:rerun-if-changed={}", dir.display());
    match content::load(&dir) {
        Ok(story) => {
            let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("story.rs");
            std::fs::write(&out, codegen::generate(&story)).expect("OUT_DIR is writable");
        }
        Err(errors) => {
            // Cargo prints each `cargo::error` as an error of its own and fails the build.
            for e in &errors {
                println!("cargo::error={e}");
            }
        }
    }
}
