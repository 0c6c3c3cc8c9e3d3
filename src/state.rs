//! The one reducer that owns the app's interactive state. Components receive it and dispatch
//! [`Action`]s; nothing keeps a second copy. Pure: tested natively.

use std::rc::Rc;

use yew::Reducible;

use crate::model::chart::Domain;
use crate::model::story::Target;
use crate::story::STORY;

/// Width the graphic is laid out for before the browser has measured it (and in prerendering).
pub const DEFAULT_CHART_WIDTH: f64 = 640.0;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The step being read; `None` above the first (title and standfirst).
    pub active: Option<usize>,
    /// The event that previous/next move from, and whose card the graphic shows.
    pub focus: Option<usize>,
    /// The graphic's width in CSS pixels.
    pub chart_width: f64,
    /// The page is being printed: each passage gets its graphic as a static figure.
    pub printing: bool,
    /// The text column's width: the flat layout draws each passage's figure this wide.
    pub column_width: f64,
    /// The event the graphic shows before the reader reaches the first step (an embed's `start`
    /// option); the overview when `None`.
    pub start: Option<usize>,
    /// A span the reader roams to on the chart's overview strip, shown instead of the passage's
    /// until the next passage (or "Back to the passage"). It never scrolls the page nor writes
    /// the address.
    pub roam: Option<Domain>,
}

impl Default for State {
    fn default() -> Self {
        Self {
            active: None,
            focus: None,
            chart_width: DEFAULT_CHART_WIDTH,
            printing: false,
            column_width: DEFAULT_CHART_WIDTH,
            start: None,
            roam: None,
        }
    }
}

/// What the graphic shows: a step's state and the event in focus.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown {
    pub step: Option<usize>,
    pub focus: Option<usize>,
}

impl State {
    /// The active step and its focus; above the first step, the `start` event's, if any.
    pub fn shown(&self) -> Shown {
        match (self.active, self.start) {
            (None, Some(event)) => Shown { step: Some(STORY.target_step(Target::Event(event))), focus: Some(event) },
            _ => Shown { step: self.active, focus: self.focus },
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// Scrolling made this step active.
    EnterStep(Option<usize>),
    /// An explicit move (chapter, marker, previous/next, deep link) to a step or an event.
    GoTo(Target),
    /// The graphic was measured at this width.
    Resize(f64),
    /// Printing starts (true) or ends (false).
    Print(bool),
    /// The text column was measured at this width.
    ColumnResize(f64),
    /// The reader roams the chart to this span, or goes back to the passage's (`None`).
    Roam(Option<Domain>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            // The step a move just went to is entered again by the scroll it causes: keep the
            // event that move focused.
            Action::EnterStep(step) if step == self.active => return self,
            Action::EnterStep(step) => State { active: step, focus: STORY.focus_for(step), roam: None, ..*self },
            Action::GoTo(target) => {
                let step = STORY.target_step(target);
                let focus = match target {
                    Target::Event(event) => Some(event),
                    Target::Step(_) => STORY.focus_for(Some(step)),
                };
                State { active: Some(step), focus, roam: None, ..*self }
            }
            // A hidden graphic (the flat layout) measures 0: keep the last real width.
            Action::Resize(width) if (width - self.chart_width).abs() < 1.0 || width < 1.0 => return self,
            Action::Resize(width) => State { chart_width: width, ..*self },
            Action::Print(printing) => State { printing, ..*self },
            Action::ColumnResize(width) if (width - self.column_width).abs() < 1.0 || width < 1.0 => return self,
            Action::ColumnResize(width) => State { column_width: width, ..*self },
            Action::Roam(roam) => State { roam, ..*self },
        };
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(id: &str) -> usize {
        STORY.steps.iter().position(|s| s.id == id).unwrap()
    }

    fn event(id: &str) -> usize {
        STORY.events.iter().position(|e| e.id == id).unwrap()
    }

    #[test]
    fn scrolling_into_a_step_focuses_its_event() {
        let s = Rc::new(State::default()).reduce(Action::EnterStep(Some(step("history-2"))));
        assert_eq!(s.active, Some(step("history-2")));
        assert_eq!(s.focus, Some(event("seato")));
    }

    #[test]
    fn a_move_to_an_event_keeps_it_in_focus_when_its_step_is_entered() {
        let s = Rc::new(State::default()).reduce(Action::GoTo(Target::Event(event("baghdad-pact"))));
        assert_eq!(s.active, Some(step("history-2")));
        let after = s.clone().reduce(Action::EnterStep(Some(step("history-2"))));
        assert!(Rc::ptr_eq(&s, &after), "no re-render for the step it is already on");
        assert_eq!(after.focus, Some(event("baghdad-pact")));
    }

    #[test]
    fn unchanged_state_is_the_same_rc() {
        let s = Rc::new(State::default());
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::EnterStep(None))));
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::Resize(640.4))));
        let wider = s.clone().reduce(Action::Resize(700.0));
        assert_eq!(wider.chart_width, 700.0);
    }

    #[test]
    fn a_start_event_is_shown_until_the_reader_reaches_the_story() {
        let s = Rc::new(State { start: Some(event("seato")), ..State::default() });
        assert_eq!(s.shown(), Shown { step: Some(step("history-2")), focus: Some(event("seato")) });
        let reading = s.reduce(Action::EnterStep(Some(step("current-1"))));
        assert_eq!(reading.shown().step, Some(step("current-1")));
        assert_eq!(State::default().shown(), Shown { step: None, focus: None });
    }

    #[test]
    fn a_hidden_graphic_keeps_its_width() {
        let s = Rc::new(State::default());
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::Resize(0.0))));
    }

    #[test]
    fn the_column_width_is_kept_apart_from_the_graphic_s() {
        let s = Rc::new(State::default()).reduce(Action::ColumnResize(343.0));
        assert_eq!((s.column_width, s.chart_width), (343.0, DEFAULT_CHART_WIDTH));
        assert!(Rc::ptr_eq(&s, &s.clone().reduce(Action::ColumnResize(343.4))));
    }

    #[test]
    fn printing_is_switched_on_and_off() {
        let s = Rc::new(State::default()).reduce(Action::Print(true));
        assert!(s.printing);
        assert!(!s.reduce(Action::Print(false)).printing);
    }

    #[test]
    fn roaming_lasts_until_the_next_passage() {
        let sixties = Some(Domain::years(1960, 1969));
        let s = Rc::new(State::default()).reduce(Action::EnterStep(Some(step("history-2"))));
        let roaming = s.reduce(Action::Roam(sixties));
        assert_eq!(roaming.roam, sixties);
        let same = roaming.clone().reduce(Action::EnterStep(Some(step("history-2"))));
        assert_eq!(same.roam, sixties, "the passage being read again is no new passage");
        assert_eq!(same.clone().reduce(Action::Resize(300.0)).roam, sixties);
        assert_eq!(same.clone().reduce(Action::EnterStep(Some(step("history-5")))).roam, None);
        assert_eq!(same.clone().reduce(Action::GoTo(Target::Event(event("seato")))).roam, None);
        assert_eq!(same.reduce(Action::Roam(None)).roam, None, "back to the passage");
    }

    #[test]
    fn a_move_to_a_step_focuses_what_it_tells() {
        let s = Rc::new(State::default()).reduce(Action::GoTo(Target::Step(step("history-5"))));
        assert_eq!(s.focus, Some(event("kissinger-trip")));
    }
}
