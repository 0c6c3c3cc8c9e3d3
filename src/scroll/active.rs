//! The pure core of the scroll engine: which step is active for a viewport, and how far through.
//!
//! It is a function of geometry alone, read fresh each frame, never a tally of crossing events.
//! That is what keeps it right where observer-driven libraries go wrong: a fling that skips steps
//! between two frames (Scrollama #26), a page opened half-way down or jumped to an anchor (#56),
//! a resize that moves every step (#141). Knows nothing of the story it drives.

use crate::num::clamp;

/// A step's box, relative to the viewport (as `getBoundingClientRect` gives it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepBox {
    pub top: f64,
    pub bottom: f64,
}

/// Which way the reader last moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Down,
    Up,
}

/// The engine's output for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    /// The active step; `None` above the first.
    pub index: Option<usize>,
    /// How far the trigger line is through the active step, 0 to 1.
    pub progress: f64,
    pub direction: Direction,
}

/// The viewport, and what covers the top of it (a sticky graphic pinned above the text).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub height: f64,
    /// Bottom edge of whatever is pinned over the top of the text (0 when nothing is).
    pub covered_top: f64,
    /// Whether the page cannot scroll further down.
    pub at_end: bool,
}

impl Viewport {
    /// The reading line: where steps become active, a third of the way into the visible text.
    pub fn trigger(&self) -> f64 {
        let top = clamp(self.covered_top, 0.0, self.height);
        top + (self.height - top) * TRIGGER_RATIO
    }
}

/// How far down the uncovered viewport the reading line sits.
pub const TRIGGER_RATIO: f64 = 0.35;

/// The step under the reading line: the last whose top has passed it. At the end of the page
/// the last step whose top is on screen wins, so that short final steps still activate.
pub fn active_step(boxes: &[StepBox], viewport: Viewport) -> Option<usize> {
    let trigger = viewport.trigger();
    let passed = boxes.iter().rposition(|b| b.top <= trigger);
    if viewport.at_end {
        let visible = boxes.iter().rposition(|b| b.top < viewport.height && b.bottom > viewport.covered_top);
        return match (passed, visible) {
            (Some(p), Some(v)) => Some(p.max(v)),
            (p, v) => p.or(v),
        };
    }
    passed
}

/// Reads one frame: the active step, its progress, and the direction relative to `previous`.
pub fn read(boxes: &[StepBox], viewport: Viewport, previous: Option<&Reading>) -> Reading {
    let index = active_step(boxes, viewport);
    let progress = index.map_or(0.0, |i| {
        let b = boxes[i];
        let height = (b.bottom - b.top).max(1.0);
        clamp((viewport.trigger() - b.top) / height, 0.0, 1.0)
    });
    let direction = match previous {
        Some(p) if index < p.index || (index == p.index && progress < p.progress) => Direction::Up,
        Some(p) if index == p.index && progress == p.progress => p.direction,
        _ => Direction::Down,
    };
    Reading { index, progress, direction }
}

/// Where a jump should put the top of a step of `height` px so that it becomes the active step
/// and is as high as possible: `margin` below what covers the viewport, unless the step is so
/// short that the next one would then reach the reading line too, in which case lower.
pub fn landing_top(height: f64, viewport: Viewport, margin: f64) -> f64 {
    let top = clamp(viewport.covered_top, 0.0, viewport.height) + margin;
    let trigger = viewport.trigger();
    // The next step starts at top + height: it must stay below the reading line.
    top.max(trigger - height + margin.min(height / 2.0)).min(trigger - 1.0)
}

/// How much of a block the reader has scrolled past, 0 to 1 (for a reading progress bar): 0 while
/// its top is below the viewport's top, 1 once its bottom has come up to the viewport's bottom.
pub fn read_through(top: f64, bottom: f64, viewport_height: f64) -> f64 {
    let scrollable = (bottom - top - viewport_height).max(1.0);
    clamp(-top / scrollable, 0.0, 1.0)
}

/// How far to move an element down (by transform) to pin it to the top of a viewport it cannot
/// be `position: sticky` in (a page framed by another, whose own viewport is the whole page):
/// `top` is where it sits unmoved, relative to the outer viewport; it moves no further than
/// the bottom of its column, `limit` (same coordinates), and never up.
pub fn pin_shift(top: f64, height: f64, limit: f64) -> f64 {
    clamp(-top, 0.0, (limit - height - top).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_framed_graphic_is_pinned_to_the_outer_viewport_within_its_column() {
        // Column from 200 to 3000 (outer viewport coordinates), graphic 600 tall at its top.
        assert_eq!(pin_shift(200.0, 600.0, 3000.0), 0.0, "below the viewport's top: unmoved");
        assert_eq!(pin_shift(-500.0, 600.0, 2300.0), 500.0, "scrolled into: at the viewport's top");
        assert_eq!(pin_shift(-2000.0, 600.0, 400.0), 1800.0, "at the column's end: stops there");
        assert_eq!(pin_shift(-100.0, 600.0, 400.0), 0.0, "a column shorter than the graphic: unmoved");
    }

    /// Ten steps of 300 px, the first starting `offset` px below the viewport's top.
    fn steps(offset: f64) -> Vec<StepBox> {
        (0..10).map(|i| StepBox { top: offset + 300.0 * i as f64, bottom: offset + 300.0 * i as f64 + 280.0 }).collect()
    }

    const VIEW: Viewport = Viewport { height: 800.0, covered_top: 0.0, at_end: false };

    #[test]
    fn nothing_is_active_above_the_first_step() {
        assert_eq!(active_step(&steps(500.0), VIEW), None);
    }

    #[test]
    fn the_step_under_the_reading_line_is_active() {
        // Trigger at 280 px: step 0 spans 0..280, step 1 starts at 300.
        assert_eq!(active_step(&steps(0.0), VIEW), Some(0));
        assert_eq!(active_step(&steps(-30.0), VIEW), Some(1));
        assert_eq!(active_step(&steps(-1000.0), VIEW), Some(4));
    }

    #[test]
    fn a_fling_past_many_steps_lands_on_the_right_one() {
        // No matter which frames were skipped, each frame is judged on its own geometry.
        let mut previous = read(&steps(0.0), VIEW, None);
        for offset in [-2500.0, -100.0, -1900.0] {
            let r = read(&steps(offset), VIEW, Some(&previous));
            let expected = ((VIEW.trigger() - offset) / 300.0).floor() as usize;
            assert_eq!(r.index, Some(expected.min(9)));
            previous = r;
        }
    }

    #[test]
    fn a_page_loaded_half_way_down_starts_at_its_step() {
        assert_eq!(read(&steps(-1500.0), VIEW, None).index, Some(5));
    }

    #[test]
    fn a_pinned_graphic_moves_the_reading_line_down() {
        let covered = Viewport { covered_top: 400.0, ..VIEW };
        assert!((covered.trigger() - 540.0).abs() < 1e-9);
        assert_eq!(active_step(&steps(0.0), covered), Some(1));
        // Covered beyond the viewport (a tall graphic on a short screen) still yields a line inside it.
        let over = Viewport { covered_top: 2000.0, ..VIEW };
        assert_eq!(over.trigger(), 800.0);
    }

    #[test]
    fn at_the_end_the_last_visible_step_activates() {
        let boxes = steps(-2400.0); // step 8 at 0..280 px, step 9 at 300..580 px
        assert_eq!(active_step(&boxes, VIEW), Some(8));
        assert_eq!(active_step(&boxes, Viewport { at_end: true, ..VIEW }), Some(9));
    }

    #[test]
    fn progress_and_direction() {
        let a = read(&steps(0.0), VIEW, None);
        assert_eq!(a.index, Some(0));
        assert!((a.progress - 1.0).abs() < 1e-9, "trigger 280 is at the bottom of step 0");
        let b = read(&steps(-40.0), VIEW, Some(&a));
        assert_eq!((b.index, b.direction), (Some(1), Direction::Down));
        assert!((b.progress - 20.0 / 280.0).abs() < 1e-9);
        let c = read(&steps(-10.0), VIEW, Some(&b));
        assert_eq!((c.index, c.direction), (Some(0), Direction::Up));
        let same = read(&steps(-10.0), VIEW, Some(&c));
        assert_eq!(same.direction, Direction::Up);
    }

    #[test]
    fn a_jump_lands_its_step_under_the_reading_line() {
        let view = Viewport { height: 800.0, covered_top: 300.0, at_end: false };
        let trigger = view.trigger();
        // A tall step starts just below the cover.
        assert_eq!(landing_top(900.0, view, 16.0), 316.0);
        // A short one is lowered so that the next step stays below the line.
        for height in [40.0, 80.0, 150.0] {
            let top = landing_top(height, view, 16.0);
            assert!(top <= trigger && top + height > trigger, "height {height}: top {top}");
            let boxes = [
                StepBox { top: top - 500.0, bottom: top },
                StepBox { top, bottom: top + height },
                StepBox { top: top + height, bottom: top + height + 300.0 },
            ];
            assert_eq!(active_step(&boxes, view), Some(1));
        }
    }

    #[test]
    fn reading_progress_runs_from_zero_to_one() {
        assert_eq!(read_through(100.0, 5100.0, 800.0), 0.0);
        assert_eq!(read_through(0.0, 5000.0, 800.0), 0.0);
        assert!((read_through(-2100.0, 2900.0, 800.0) - 0.5).abs() < 1e-9);
        assert_eq!(read_through(-4200.0, 800.0, 800.0), 1.0);
        assert_eq!(read_through(-9000.0, -4000.0, 800.0), 1.0);
    }
}
