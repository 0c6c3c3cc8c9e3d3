//! A layer the browser alone renders over the chart (the readout, the strip): its listeners, and
//! its place for the chart's size.

use std::rc::Rc;

use gloo_events::EventListener;
use web_sys::Element;
use yew::prelude::*;

use crate::dom::place;
use crate::model::chart::ChartLayout;

/// Adds `listen`'s listeners to the element of `node` once it is rendered, with `view` (what
/// they read and write), and removes them with the component; places the element at the box
/// `area` gives for each size of the chart.
#[hook]
pub fn use_layer<V: 'static>(
    node: NodeRef,
    view: Rc<V>,
    layout: ChartLayout,
    listen: fn(&Element, &Rc<V>) -> Vec<EventListener>,
    area: fn(&ChartLayout) -> [f64; 4],
) {
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let listeners = node.cast::<Element>().map(|element| listen(&element, &view));
            move || drop(listeners)
        });
    }
    use_effect_with(layout, move |layout| {
        if let Some(element) = node.cast::<Element>() {
            place(&element, area(layout));
        }
    });
}
