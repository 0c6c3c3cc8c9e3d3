//! What the story shows at each step, and how a reader moves through it: pure methods on
//! [`Story`], tested natively against the real content.

use super::calendar::{Day, FiscalYear, AXIS_FIRST_YEAR, AXIS_LAST_YEAR};
use super::chart::Domain;
use super::format;
use crate::story::{AidYear, GraphicState, Story};
#[cfg(feature = "ssr")]
use crate::story::{Callout, Unit};

/// The graphic's state before the first step (the title and standfirst): the whole span.
pub const WHOLE: GraphicState = GraphicState { from: AXIS_FIRST_YEAR, to: AXIS_LAST_YEAR, era: None, events: &[] };

/// Where a deep link (`#event-seato`, `#1971`, `#history-3`) points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A step, by index.
    Step(usize),
    /// An event, by index: its telling step, with the event in focus.
    Event(usize),
}

/// The first fiscal year whose Coalition Support Fund reimbursements the Greenbook leaves out.
pub const CSF_FIRST_FISCAL_YEAR: i32 = 2002;

/// A step whose span is longer than this many years is an overview (see [`Story::step_for_year`]).
pub const OVERVIEW_YEARS: i32 = 20;

/// Picks one kind of aid out of a year.
type AidPick = fn(&AidYear) -> u64;

/// The prefix of event anchors: `#event-<id>`.
pub const EVENT_PREFIX: &str = "event-";

impl Story {
    /// The state the graphic shows while `step` is active: what it declares, or else what the
    /// nearest step before it declares; the whole span before the first step.
    pub fn state_at(&self, step: Option<usize>) -> GraphicState {
        let Some(step) = step else { return WHOLE };
        self.steps[..=step.min(self.steps.len() - 1)].iter().rev().find_map(|s| s.declared).unwrap_or(WHOLE)
    }

    /// Resolves a location hash (with or without `#`) to where it points; `None` for anything else.
    pub fn target(&self, hash: &str) -> Option<Target> {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        if hash.is_empty() {
            return None;
        }
        if let Some(id) = hash.strip_prefix(EVENT_PREFIX) {
            return self.events.iter().position(|e| e.id == id).map(Target::Event);
        }
        if hash.len() == 4 && hash.bytes().all(|b| b.is_ascii_digit()) {
            return hash.parse().ok().and_then(|year| self.step_for_year(year)).map(Target::Step);
        }
        self.steps.iter().position(|s| s.id == hash).map(Target::Step)
    }

    /// The step a target scrolls to.
    pub fn target_step(&self, target: Target) -> usize {
        match target {
            Target::Step(step) => step,
            Target::Event(event) => self.events[event].told_in,
        }
    }

    /// The first step whose span covers `year`. Overviews (spans of more than
    /// [`OVERVIEW_YEARS`] years, such as the introduction's 1947-2021) count only where no
    /// narrower step covers the year: otherwise the first overview would win every year.
    pub fn step_for_year(&self, year: i32) -> Option<usize> {
        let covering = |max_years: i32| {
            self.steps
                .iter()
                .position(|s| s.declared.is_some_and(|d| (d.from..=d.to).contains(&year) && d.to - d.from < max_years))
        };
        covering(OVERVIEW_YEARS).or_else(|| covering(i32::MAX))
    }

    /// The address of a step for the location bar: its own anchor.
    pub fn hash_for(&self, step: Option<usize>) -> String {
        step.map_or_else(String::new, |s| format!("#{}", self.steps[s].id))
    }

    /// The anchor of an event.
    pub fn event_hash(&self, event: usize) -> String {
        format!("#{EVENT_PREFIX}{}", self.events[event].id)
    }

    /// The event a step puts in focus when the reader scrolls to it: the first it tells, or else
    /// the latest it highlights.
    pub fn focus_for(&self, step: Option<usize>) -> Option<usize> {
        let step = step?;
        let told = (0..self.events.len()).find(|&e| self.events[e].told_in == step);
        told.or_else(|| self.state_at(Some(step)).events.iter().copied().max())
    }

    /// The event after `focus` in time (the first event when nothing is in focus).
    pub fn next_event(&self, focus: Option<usize>) -> Option<usize> {
        match focus {
            None => (!self.events.is_empty()).then_some(0),
            Some(e) => (e + 1 < self.events.len()).then_some(e + 1),
        }
    }

    /// The event a key of the graphic moves to from `focus`: arrows step through time, Home and
    /// End go to the first and the last event. `None` for any other key, or past either end.
    pub fn event_for_key(&self, key: &str, focus: Option<usize>) -> Option<usize> {
        match key {
            "ArrowRight" => self.next_event(focus),
            "ArrowLeft" => self.previous_event(focus),
            "Home" => (!self.events.is_empty()).then_some(0),
            "End" => self.events.len().checked_sub(1),
            _ => None,
        }
    }

    /// The event before `focus` in time (none before the first).
    pub fn previous_event(&self, focus: Option<usize>) -> Option<usize> {
        focus.and_then(|e| e.checked_sub(1))
    }

    /// The chapter a step belongs to (the introduction before the first step).
    pub fn chapter_of(&self, step: Option<usize>) -> usize {
        step.map_or(0, |s| self.steps[s].chapter)
    }

    /// The short caption of a state, for the caption bar and the live region:
    /// "1954–1955: SEATO (Manila Pact) signed; Pakistan joins the Baghdad Pact".
    pub fn caption(&self, state: &GraphicState) -> String {
        let (lead, era) = self.caption_parts(state);
        lead + era.as_deref().unwrap_or("")
    }

    /// The caption in two parts: what it says, and, where the state names an era but no event,
    /// the era after a colon (which the caption bar hides where the era's own tag stands beside it).
    pub fn caption_parts(&self, state: &GraphicState) -> (String, Option<String>) {
        let years = format::years(state.from, state.to);
        if state.events.is_empty() {
            return match state.era {
                Some(era) => (years, Some(format!(": {}", self.era_name(era)))),
                None if state == &WHOLE => (self.ui.whole_span.to_string(), None),
                None => (years, None),
            };
        }
        let titles: Vec<&str> = state.events.iter().map(|&e| self.events[e].title).collect();
        (format!("{years}: {}", titles.join("; ")), None)
    }

    /// A text alternative of the graphic at a state: span, era, events, and the shape of the data.
    pub fn describe(&self, state: &GraphicState) -> String {
        let mut out = format!("{} {}.", self.ui.graphic_label, format::years(state.from, state.to));
        if let Some(era) = state.era {
            out.push_str(&format!(" {}: {}.", self.ui.era_prefix, self.era_name(era)));
        }
        if !state.events.is_empty() {
            let events: Vec<String> =
                state.events.iter().map(|&e| format!("{} ({})", self.events[e].title, self.events[e].date)).collect();
            out.push_str(&format!(" {}: {}.", self.ui.events_menu, events.join("; ")));
        }
        let in_span = |y: i32| (state.from..=state.to).contains(&y);
        let aid: Vec<_> = self.aid.rows.iter().filter(|r| in_span(r.fiscal_year.year())).collect();
        if let (Some(max), Some(min)) =
            (aid.iter().max_by_key(|r| r.economic + r.military), aid.iter().min_by_key(|r| r.economic + r.military))
        {
            out.push_str(&format!(
                " {}: highest {} in {}, lowest {} in {}.",
                self.ui.aid_title,
                format::usd(max.economic + max.military),
                max.fiscal_year,
                format::usd(min.economic + min.military),
                min.fiscal_year
            ));
        }
        // The shape of each kind of aid: where it starts and ends in view, and its peak.
        let kinds: [(&str, AidPick); 2] = [(self.ui.economic, |r| r.economic), (self.ui.military, |r| r.military)];
        for (label, pick) in kinds {
            if let (Some(first), Some(last), Some(peak)) = (aid.first(), aid.last(), aid.iter().max_by_key(|r| pick(r)))
            {
                out.push_str(&format!(
                    " {label}: {} in {}, {} in {}, highest {} in {}.",
                    format::usd(pick(first)),
                    first.fiscal_year,
                    format::usd(pick(last)),
                    last.fiscal_year,
                    format::usd(pick(peak)),
                    peak.fiscal_year
                ));
            }
        }
        let terror: Vec<_> = self
            .terrorism
            .rows
            .iter()
            .filter(|r| in_span(r.year))
            .filter_map(|r| r.counts.map(|c| (r.year, c)))
            .collect();
        if let Some((year, c)) = terror.iter().max_by_key(|(_, c)| c.deaths) {
            out.push_str(&format!(
                " {}: most deaths in {year}, {} ({} {}).",
                self.ui.terrorism_title,
                format::count(u64::from(c.deaths)),
                format::count(u64::from(c.incidents)),
                self.ui.incidents.to_lowercase()
            ));
        }
        out
    }

    /// The notes that apply to what a state shows: the Greenbook's missing CSF (from FY2002), the
    /// aid years without obligations, the terrorism years without data.
    pub fn chart_notes(&self, state: &GraphicState) -> Vec<String> {
        let view = Domain::years(state.from, state.to);
        let overlaps = |from: Day, to: Day| f64::from(to.0) > view.from && f64::from(from.0) < view.to;
        let mut notes = Vec::new();
        if overlaps(FiscalYear::Year(CSF_FIRST_FISCAL_YEAR).first_day(), Day::year_start(AXIS_LAST_YEAR + 1)) {
            notes.push(format!("* {}", self.csf_note()));
        }
        if self.aid.note_years.iter().any(|&y| overlaps(FiscalYear::Year(y).first_day(), FiscalYear::Year(y).end_day()))
        {
            notes.push(self.aid.note.to_string());
        }
        if self.terrorism.note_years.iter().any(|&y| overlaps(Day::year_start(y), Day::year_start(y + 1))) {
            notes.push(self.terrorism.note.to_string());
        }
        notes
    }

    /// The CSF note of the aid chart with the totals of both CRS tables.
    pub fn csf_note(&self) -> String {
        let csf = &self.csf_left_out;
        self.ui
            .csf_note
            .replace("{to_2013_earlier}", &format::usd(csf.to_2013_earlier))
            .replace("{to_2013}", &format::usd(csf.to_2013))
            .replace("{to_2018}", &format::usd(csf.to_2018))
    }

    /// An era's name with the label that says it is our framing, as it goes everywhere the name
    /// is written out: "The Afghan war (our framing)".
    pub fn era_name(&self, era: usize) -> String {
        format!("{} ({})", self.eras[era].name, self.ui.era_tag)
    }

    /// Whose figure a callout is, and, for money, that the author names no dollar basis.
    #[cfg(feature = "ssr")]
    pub fn callout_source(&self, callout: &Callout) -> String {
        match callout.unit {
            Unit::Usd => format!("{}, {}", self.ui.callout_author, self.ui.author_no_basis),
            Unit::Count => self.ui.callout_author.to_string(),
        }
    }

    /// The caption of a printed figure: the caption, and the era with its framing label. The
    /// printed chart names the eras in view, so without an era of its own the caption still says
    /// whose framing they are.
    pub fn print_caption(&self, state: &GraphicState) -> String {
        let caption = self.caption(state);
        match state.era {
            Some(era) if !state.events.is_empty() => {
                format!("{caption}. {}: {}.", self.ui.era_prefix, self.era_name(era))
            }
            Some(_) => format!("{caption}."),
            None => format!("{caption}. {}", self.ui.era_framing),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{StepKind, STORY};

    fn step(id: &str) -> usize {
        STORY.steps.iter().position(|s| s.id == id).unwrap()
    }

    #[test]
    fn each_heading_starts_a_chapter_after_the_introduction() {
        let headings: Vec<usize> =
            (0..STORY.steps.len()).filter(|&i| STORY.steps[i].kind == StepKind::Heading).collect();
        assert!(!headings.is_empty());
        assert_eq!(STORY.chapters.len(), headings.len() + 1);
        assert_eq!(STORY.chapters[0].first_step, 0);
        assert!(STORY.chapters[1..].iter().map(|c| c.first_step).eq(headings));
    }

    #[test]
    fn before_the_first_step_the_whole_span_shows() {
        assert_eq!(STORY.state_at(None), WHOLE);
        assert_eq!(STORY.caption(&WHOLE), STORY.ui.whole_span);
    }

    #[test]
    fn a_step_that_declares_nothing_keeps_the_previous_state() {
        let before = STORY.state_at(Some(step("intro-1")));
        assert!(STORY.steps[step("intro-2")].declared.is_none());
        assert_eq!(STORY.state_at(Some(step("intro-2"))), before);
        let cost3 = STORY.state_at(Some(step("cost-3")));
        assert_eq!(cost3, STORY.state_at(Some(step("cost-2"))));
    }

    #[test]
    fn deep_links_resolve() {
        let seato = STORY.events.iter().position(|e| e.id == "seato").unwrap();
        assert_eq!(STORY.target("#event-seato"), Some(Target::Event(seato)));
        assert_eq!(STORY.target_step(Target::Event(seato)), step("history-2"));
        assert_eq!(STORY.target("#history-3"), Some(Target::Step(step("history-3"))));
        assert_eq!(STORY.target("cost-of-war"), Some(Target::Step(step("cost-of-war"))));
        assert_eq!(STORY.target("#event-nope"), None);
        assert_eq!(STORY.target("#nope"), None);
        assert_eq!(STORY.target("#"), None);
        assert_eq!(STORY.target("#1850"), None);
        assert_eq!(STORY.target("#12345"), None);
    }

    #[test]
    fn a_year_links_to_the_first_step_whose_span_covers_it() {
        assert_eq!(STORY.target("#1947"), Some(Target::Step(step("history-1"))));
        assert_eq!(STORY.target("#1965"), Some(Target::Step(step("history-3"))));
        assert_eq!(STORY.target("#1971"), Some(Target::Step(step("history-5"))));
        assert_eq!(STORY.target("#1998"), Some(Target::Step(step("intro-4"))));
        assert_eq!(STORY.target("#2013"), Some(Target::Step(step("cost-2"))));
        // 1974-1978 only the overviews cover: the first of them.
        assert_eq!(STORY.target("#1975"), Some(Target::Step(step("intro-1"))));
        for year in AXIS_FIRST_YEAR..=AXIS_LAST_YEAR {
            let s = STORY.step_for_year(year).unwrap_or_else(|| panic!("no step covers {year}"));
            let d = STORY.steps[s].declared.unwrap();
            assert!((d.from..=d.to).contains(&year));
            // No earlier step covers it with a narrower-than-overview span.
            for earlier in &STORY.steps[..s] {
                let narrow =
                    earlier.declared.is_some_and(|e| (e.from..=e.to).contains(&year) && e.to - e.from < OVERVIEW_YEARS);
                assert!(!narrow, "{} covers {year} before {}", earlier.id, STORY.steps[s].id);
            }
        }
    }

    #[test]
    fn previous_and_next_walk_the_events_in_time() {
        assert_eq!(STORY.next_event(None), Some(0));
        assert_eq!(STORY.previous_event(None), None);
        assert_eq!(STORY.previous_event(Some(0)), None);
        assert_eq!(STORY.next_event(Some(3)), Some(4));
        assert_eq!(STORY.previous_event(Some(3)), Some(2));
        assert_eq!(STORY.next_event(Some(STORY.events.len() - 1)), None);
        for pair in STORY.events.windows(2) {
            assert!(pair[0].date.first_day() <= pair[1].date.first_day());
        }
    }

    #[test]
    fn keys_move_between_events() {
        let last = STORY.events.len() - 1;
        assert_eq!(STORY.event_for_key("Home", Some(5)), Some(0));
        assert_eq!(STORY.event_for_key("End", None), Some(last));
        assert_eq!(STORY.event_for_key("ArrowRight", Some(5)), Some(6));
        assert_eq!(STORY.event_for_key("ArrowLeft", Some(5)), Some(4));
        assert_eq!(STORY.event_for_key("ArrowRight", Some(last)), None);
        assert_eq!(STORY.event_for_key("a", Some(5)), None);
    }

    #[test]
    fn scrolling_to_a_step_focuses_the_event_it_tells() {
        let seato = STORY.events.iter().position(|e| e.id == "seato").unwrap();
        assert_eq!(STORY.focus_for(Some(step("history-2"))), Some(seato));
        assert_eq!(STORY.focus_for(None), None);
    }

    #[test]
    fn captions_name_the_events() {
        let caption = STORY.caption(&STORY.state_at(Some(step("history-2"))));
        assert_eq!(caption, "1950–1960: SEATO (Manila Pact) signed; Pakistan joins the Baghdad Pact (CENTO from 1959)");
        let era_only = STORY.state_at(Some(step("history-3")));
        assert_eq!(STORY.caption(&era_only), "1947–1965: Pacts and US arms aid (our framing)");
        let era_name = STORY.era_name(era_only.era.unwrap());
        assert_eq!(STORY.caption_parts(&era_only), ("1947–1965".into(), Some(format!(": {era_name}"))));
        let seato = STORY.state_at(Some(step("history-2")));
        assert_eq!(STORY.caption_parts(&seato), (STORY.caption(&seato), None));
    }

    #[test]
    fn every_era_carries_its_framing_label_wherever_it_goes() {
        for step in STORY.steps.iter().filter_map(|s| s.declared) {
            let (print, text) = (STORY.print_caption(&step), STORY.describe(&step));
            match step.era {
                Some(era) => {
                    let name = STORY.era_name(era);
                    assert!(name.ends_with(&format!("({})", STORY.ui.era_tag)), "{name}");
                    assert!(print.contains(&name), "print caption: {print}");
                    assert!(text.contains(&name), "text alternative: {text}");
                }
                // The printed chart still names the eras in view.
                None => assert!(print.ends_with(STORY.ui.era_framing), "print caption: {print}"),
            }
            let live = STORY.caption(&step);
            for era in STORY.eras {
                if live.contains(era.name) {
                    assert!(live.contains(&format!("{} ({})", era.name, STORY.ui.era_tag)), "caption: {live}");
                }
            }
        }
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn each_money_figure_of_the_author_says_the_author_gives_no_basis() {
        for c in STORY.callouts {
            let source = STORY.callout_source(c);
            assert!(source.starts_with(STORY.ui.callout_author), "{source}");
            assert_eq!(source.contains(STORY.ui.author_no_basis), c.unit == Unit::Usd, "callout {}: {source}", c.id);
        }
        assert!(STORY.ui.author_no_basis.contains("no dollar basis"));
        assert!(STORY.callouts.iter().filter(|c| c.unit == Unit::Usd).count() >= 3);
    }

    #[test]
    #[cfg(feature = "ssr")]
    fn every_dollar_figure_of_ours_names_its_basis() {
        // A computed dollar comparison carries the basis of the data it is summed from.
        let bases = [STORY.aid.basis, "dollars of the time"];
        for c in STORY.callouts {
            for cmp in c.compare.iter().filter(|cmp| cmp.unit == Unit::Usd && cmp.source == STORY.aid.source) {
                assert!(bases.iter().any(|b| cmp.label.contains(b)), "callout {}: {}", c.id, cmp.label);
            }
        }
        assert!(STORY.csf_note().contains("dollars of the time"));
        assert!(STORY.ui.aid_title.contains(STORY.aid.basis));
    }

    #[test]
    fn the_description_gives_the_shape_of_the_data() {
        let text = STORY.describe(&STORY.state_at(Some(step("history-4"))));
        assert!(text.contains("1958–1967"), "{text}");
        assert!(text.contains("highest $3.3 billion in FY1962"), "{text}");
        // Military aid falls from $635 million in FY1962 to under $10 million by FY1966.
        let military = STORY.describe(&GraphicState { from: 1962, to: 1966, era: None, events: &[] });
        assert!(military.contains("Military: $635 million in FY1962, $9.7 million in FY1966"), "{military}");
        let terror = STORY.describe(&STORY.state_at(Some(step("cost-2"))));
        assert!(terror.contains("most deaths in 2013, 2,876 (2,215 incidents)"), "{terror}");
    }

    #[test]
    fn notes_follow_the_years_in_view() {
        let notes = |from, to| STORY.chart_notes(&GraphicState { from, to, era: None, events: &[] });
        assert_eq!(notes(1947, 1954), vec![STORY.aid.note.to_string()]);
        assert_eq!(notes(1951, 1960), Vec::<String>::new());
        assert_eq!(notes(1990, 1999), vec![STORY.terrorism.note.to_string()]);
        assert_eq!(notes(2001, 2003), vec![format!("* {}", STORY.csf_note())]);
        assert_eq!(notes(1947, 2021).len(), 3);
    }

    #[test]
    fn the_csf_note_states_the_crs_total() {
        let note = STORY.csf_note();
        assert!(note.contains("$12.1 billion for FY2002–FY2013 in the CRS table of March 2019"), "{note}");
        assert!(note.contains("($11 billion in its table of March 2014)"), "{note}");
        assert!(note.contains("$14.6 billion for FY2002–FY2018"), "{note}");
        assert!(!note.contains('{'), "every placeholder is filled: {note}");
    }

    #[test]
    fn hashes_round_trip() {
        for i in 0..STORY.steps.len() {
            assert_eq!(STORY.target(&STORY.hash_for(Some(i))), Some(Target::Step(i)));
        }
        for e in 0..STORY.events.len() {
            assert_eq!(STORY.target(&STORY.event_hash(e)), Some(Target::Event(e)));
        }
        assert_eq!(STORY.hash_for(None), "");
    }
}
