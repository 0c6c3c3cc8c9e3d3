//! The browser build. Nothing starts on its own: the stand-alone page's `boot.js` calls the
//! exported `page()`, and a host page's `embed.js` calls `mount` (see `entry`), so that
//! loading the module into a host page never touches the host's document by itself.

// Links the library, whose wasm-bindgen exports are the entry points.
use pak_us_timeline as _;

fn main() {}
