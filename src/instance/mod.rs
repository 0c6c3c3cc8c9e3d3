//! One instance of the story on a page: where it lives ([`Mode`]), the options its host set
//! ([`options`]), its id prefix, the context the components read it from, and the [`Control`]
//! through which a script embed's handle moves it.

pub mod js;
pub mod options;

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

use crate::model::story::Target;
use options::Options;

/// The id prefix the script embed's fragment (`story-….html`) is prerendered with; `mount`
/// writes each instance's own prefix over it. The content checks keep it out of every text.
pub const FRAGMENT_PREFIX: &str = "put0-";

/// Where this instance of the story lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Its own page: it owns the window, the address and the page's background.
    Page,
    /// Its own page inside an iframe of a host page (`?embed`, or a parent window).
    Framed,
    /// Mounted by `embed.js` into an element of a host page, inside a shadow root.
    Script,
}

/// One instance of the story: what distinguishes it from any other on the same page.
#[derive(Clone, Debug, PartialEq)]
pub struct Instance {
    /// Put before every element id, so that two instances never share one; empty on the
    /// stand-alone page, whose ids are the anchors of its addresses.
    pub prefix: String,
    pub mode: Mode,
    pub options: Options,
}

impl Default for Instance {
    fn default() -> Self {
        Self { prefix: String::new(), mode: Mode::Page, options: Options::PAGE }
    }
}

impl Instance {
    /// The element id of `bare` (a step's id, `article`, …) in this instance.
    pub fn id(&self, bare: &str) -> String {
        format!("{}{bare}", self.prefix)
    }

    /// The value of the root's `data-put-embed`: how the story is embedded, if it is.
    pub fn embed_attribute(&self) -> Option<&'static str> {
        match self.mode {
            Mode::Page => None,
            Mode::Framed => Some("frame"),
            Mode::Script => Some("script"),
        }
    }
}

/// This instance, for a component to name its elements with (the stand-alone page's when
/// rendered alone, as in component tests).
#[yew::hook]
pub fn use_instance() -> Rc<Instance> {
    yew::use_context::<Rc<Instance>>().unwrap_or_default()
}

/// Lets code outside the app (a script embed's handle) move the story: the app installs its
/// move here once it is mounted.
#[derive(Clone, Default)]
pub struct Control(Rc<RefCell<Option<Callback<Target>>>>);

impl PartialEq for Control {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Control {
    /// Installs (or, with `None`, removes) the app's move.
    pub fn install(&self, go: Option<Callback<Target>>) {
        *self.0.borrow_mut() = go;
    }

    /// Moves the story to `target`; false if the app is not mounted.
    pub fn go(&self, target: Target) -> bool {
        let go = self.0.borrow().clone();
        go.map(|go| go.emit(target)).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_bare_on_the_page_and_prefixed_elsewhere() {
        assert_eq!(Instance::default().id("history-2"), "history-2");
        let embed = Instance { prefix: "put2-".into(), mode: Mode::Script, options: Options::EMBEDDED };
        assert_eq!(embed.id("history-2"), "put2-history-2");
        assert_eq!(embed.embed_attribute(), Some("script"));
        assert_eq!(Instance::default().embed_attribute(), None);
    }

    #[test]
    fn control_moves_only_once_installed() {
        let control = Control::default();
        assert!(!control.go(Target::Step(1)));
        let seen = Rc::new(RefCell::new(None));
        let sink = seen.clone();
        control.install(Some(Callback::from(move |t| *sink.borrow_mut() = Some(t))));
        assert!(control.go(Target::Step(3)));
        assert_eq!(*seen.borrow(), Some(Target::Step(3)));
        control.install(None);
        assert!(!control.go(Target::Step(1)));
    }
}
