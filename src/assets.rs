//! The names of the story's own files beside `index.html`, which the page links to and the build
//! writes.

/// The downloads: the data behind the charts, and the events as a TimelineJS file.
pub const AID_FILE: &str = "pak-us-timeline-aid.csv";
pub const TERRORISM_FILE: &str = "pak-us-timeline-terrorism.csv";
pub const EVENTS_FILE: &str = "pak-us-timeline-events.json";
/// The oEmbed description of the embed.
pub const OEMBED_FILE: &str = "oembed.json";
/// The share image (1200 × 630).
pub const SHARE_IMAGE: &str = "share.png";
