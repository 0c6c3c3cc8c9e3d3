//! The prerendered story's elements that the island acts on, found by the classes and data
//! attributes the static components (`components::page`) give them. The island renders only the
//! graphic panel; everything else it reaches here: the steps the scroll engine watches, the menus
//! whose links it turns into moves, the progress bar it fills, the places of the passages' own
//! figures. And [`set_style`] and [`place`], for what the island places by script.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;

/// Selects the steps, in reading order: each carries `data-put-step`, its index.
pub const STEP_SELECTOR: &str = "[data-put-step]";
/// Marks the place of a step's own figure of the graphic: `data-put-figure`, the step's index.
pub const FIGURE_ATTRIBUTE: &str = "data-put-figure";
/// Marks the step being read (outside the flat layout).
pub const ACTIVE_STEP_CLASS: &str = "put-step--active";
/// Marks a step whose passage the island has laid out: until then `page.css` skips its text
/// where it is out of sight.
pub const LAID_ATTRIBUTE: &str = "data-put-laid";
/// Marks each row of the data tables in "Sources and method" with its year (`FY1962`, `1962`):
/// the chart's readout shows the row of the year under the pointer, so that it says exactly what
/// the tables say.
pub const ROW_ATTRIBUTE: &str = "data-put-row";
/// Set on the root once every passage (and the sources) is laid out.
pub const LAID_OUT_ATTRIBUTE: &str = "data-put-laid-out";

/// The parts of one story on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    /// The story's root (`.put-app`): its attributes carry layout, theme and readiness.
    pub root: Element,
    /// The article, holding the steps.
    pub article: Element,
    /// The graphic's panel (`aside.put-graphic`), where the island is rendered; pinned above the
    /// text on a phone, where it covers it.
    pub cover: Element,
    pub steps: Rc<[Element]>,
    pub progress: Option<Element>,
    pub nav: Option<Element>,
    /// The links of the chapter menu, in order.
    pub chapter_links: Vec<Element>,
    pub skip: Option<Element>,
    /// Each step with a figure of its own, and the element the figure is drawn into.
    pub figures: Vec<(usize, Element)>,
    /// The chart prerendered into the panel, shown until the island has drawn its own.
    pub chart: Option<Element>,
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

fn one(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).ok().flatten()
}

impl Parts {
    /// The parts inside `root`; `None` when it holds no prerendered story (no article or no
    /// graphic panel).
    pub fn find(root: &Element) -> Option<Parts> {
        let article = one(root, ".put-article")?;
        let figures = all(&article, &format!("[{FIGURE_ATTRIBUTE}]"))
            .into_iter()
            .filter_map(|slot| Some((slot.get_attribute(FIGURE_ATTRIBUTE)?.parse().ok()?, slot)))
            .collect();
        Some(Parts {
            root: root.clone(),
            steps: all(&article, STEP_SELECTOR).into(),
            cover: one(root, ".put-graphic")?,
            progress: one(root, ".put-progress"),
            nav: one(root, ".put-nav"),
            chapter_links: all(root, ".put-nav__link"),
            skip: one(root, ".put-skip"),
            figures,
            chart: one(root, ".put-graphic .put-chart__svg"),
            article,
        })
    }

    /// Whether every passage is laid out.
    pub fn laid_out(&self) -> bool {
        self.root.has_attribute(LAID_OUT_ATTRIBUTE)
    }

    /// Lays out every passage not laid out yet, at the next layout.
    pub fn lay_out_all(&self) {
        let _ = self.root.set_attribute(LAID_OUT_ATTRIBUTE, "");
    }
}
