//! The stylesheets (static/*.css, in the order index.html links them), read as text:
//! - every width and height in a `@container` or `@media` condition is one of the breakpoints in
//!   Rust (CSS cannot take a custom property there, so the number is written out in each);
//! - every custom property used is a token of tokens.css or one a script sets (the scroll engine,
//!   the chart's readout), and every token is used;
//! - each component that renders markup has its own stylesheet, whose every selector names a class
//!   that component renders (the chart's layers in src/explore count as one, explore.css), and
//!   every class a stylesheet names is rendered somewhere;
//! - no selector is declared twice under the same conditions;
//! - the chart's layers sit where the chart draws its plot.
//!
//! Each check lists every offence with its file and line.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use pak_us_timeline::breakpoints::{COMPACT_WIDTH, SHORT_HEIGHT, SIDE_BY_SIDE_WIDTH, TABLE_NARROW_WIDTH, TINY_HEIGHT};
use pak_us_timeline::explore::AT_PROPERTY;
use pak_us_timeline::model::chart::{ChartLayout, NARROW_WIDTH};
use pak_us_timeline::scroll::hook::{OUTER_HEIGHT_PROPERTY, PROGRESS_PROPERTY, SHIFT_PROPERTY};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A style rule: its selector list, its declarations and the conditions it sits in.
struct Rule {
    line: usize,
    conditions: Vec<String>,
    selector: String,
    declarations: Vec<(String, String)>,
}

/// A `@media`, `@container` or `@supports` condition.
struct Condition {
    line: usize,
    prelude: String,
}

struct Sheet {
    /// As index.html links it, e.g. `static/graphic.css`.
    path: String,
    rules: Vec<Rule>,
    conditions: Vec<Condition>,
    /// Every `var(--name, ...)`: the name, whether it has a fallback, and the line.
    uses: Vec<(String, bool, usize)>,
}

impl Sheet {
    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.path)
    }

    /// The file's name without `.css`: the component it styles.
    fn stem(&self) -> &str {
        self.path.trim_start_matches("static/").trim_end_matches(".css")
    }
}

/// The stylesheets index.html links for trunk, in their order (the cascade's).
fn linked() -> Vec<String> {
    let html = fs::read_to_string(root().join("index.html")).unwrap();
    html.split("<link ")
        .filter(|tag| tag.contains("data-trunk") && tag.contains("rel=\"css\""))
        .map(|tag| tag.split("href=\"").nth(1).and_then(|rest| rest.split('"').next()).unwrap().to_owned())
        .collect()
}

fn sheets() -> Vec<Sheet> {
    linked()
        .into_iter()
        .map(|path| {
            let text =
                fs::read_to_string(root().join(&path)).unwrap_or_else(|e| panic!("index.html links {path}: {e}"));
            parse(path, &text)
        })
        .collect()
}

/// Comments become spaces (newlines kept, so that offsets still give lines).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").map_or(rest.len(), |e| start + e + 2);
        out.extend(rest[start..end].chars().map(|c| if c == '\n' { '\n' } else { ' ' }));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The offset of the first of `stops` outside brackets and strings, from `from`.
fn scan(text: &[u8], from: usize, stops: &[u8]) -> usize {
    let (mut depth, mut quote, mut i) = (0i32, None, from);
    while i < text.len() {
        let c = text[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if depth == 0 && stops.contains(&c) => return i,
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'(' || c == b'[' => depth += 1,
            None if c == b')' || c == b']' => depth -= 1,
            None => {}
        }
        i += 1;
    }
    i
}

fn parse(path: String, text: &str) -> Sheet {
    let text = strip_comments(text);
    let mut sheet = Sheet { path, rules: Vec::new(), conditions: Vec::new(), uses: Vec::new() };
    block(&text, &mut 0, &mut Vec::new(), &mut sheet);
    for (offset, _) in text.match_indices("var(") {
        let inner = &text[offset + 4..scan(text.as_bytes(), offset + 4, b")")];
        let name = inner.split(',').next().unwrap().trim().to_owned();
        sheet.uses.push((name, inner.contains(','), line_of(&text, offset)));
    }
    sheet
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Reads rules and at-rules up to the end of the enclosing block.
fn block(text: &str, pos: &mut usize, conditions: &mut Vec<String>, sheet: &mut Sheet) {
    let bytes = text.as_bytes();
    loop {
        while *pos < bytes.len() && bytes[*pos].is_ascii_whitespace() {
            *pos += 1;
        }
        if *pos >= bytes.len() {
            return;
        }
        if bytes[*pos] == b'}' {
            *pos += 1;
            return;
        }
        let start = *pos;
        *pos = scan(bytes, start, b"{;");
        let prelude = squeeze(&text[start..*pos]);
        let line = line_of(text, start);
        if *pos >= bytes.len() || bytes[*pos] == b';' {
            *pos += 1;
            continue;
        }
        *pos += 1;
        if prelude.starts_with("@media") || prelude.starts_with("@container") || prelude.starts_with("@supports") {
            sheet.conditions.push(Condition { line, prelude: prelude.clone() });
            conditions.push(prelude);
            block(text, pos, conditions, sheet);
            conditions.pop();
            continue;
        }
        // A declaration block, or an at-rule's (@keyframes): to its closing brace.
        let body_start = *pos;
        let mut depth = 1;
        while depth > 0 {
            *pos = scan(bytes, *pos, b"{}");
            assert!(*pos < bytes.len(), "{}: the block at line {line} is not closed", sheet.path);
            depth += if bytes[*pos] == b'{' { 1 } else { -1 };
            *pos += 1;
        }
        if prelude.starts_with('@') {
            continue;
        }
        let body = &text[body_start..*pos - 1];
        let declarations = body
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .map(|(name, value)| (name.trim().to_owned(), squeeze(value)))
            .collect();
        sheet.rules.push(Rule { line, conditions: conditions.clone(), selector: prelude, declarations });
    }
}

/// The selectors of a list (commas outside brackets).
fn selectors(list: &str) -> Vec<&str> {
    let bytes = list.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    while start <= bytes.len() {
        let end = scan(bytes, start, b",");
        out.push(list[start..end].trim());
        start = end + 1;
    }
    out
}

/// The app's classes (`put-…`) a selector names.
fn classes(selector: &str) -> Vec<&str> {
    selector
        .match_indices(".put-")
        .map(|(i, _)| {
            let rest = &selector[i + 1..];
            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// Every `put-…` word in Rust source: the classes it renders. A word ending in `-` is the start of
/// classes that code completes (`format!("put-chart__era--{}", …)`).
fn rendered(source: &str) -> Vec<String> {
    let mut words = Vec::new();
    for (i, _) in source.match_indices("put-") {
        let before = source[..i].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            continue;
        }
        let rest = &source[i..];
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
        words.push(rest[..end].to_owned());
    }
    words
}

fn renders(words: &[String], class: &str) -> bool {
    words.iter().any(|w| w == class || (w.ends_with('-') && class.starts_with(w.as_str())))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn report(what: &str, problems: Vec<String>) {
    assert!(problems.is_empty(), "{what}:\n  {}", problems.join("\n  "));
}

#[derive(Clone, Copy, PartialEq)]
enum Axis {
    /// The width of a container: the app's (`put-app`, `put-wide`) or the chart's box.
    Width,
    /// The height of the window.
    Height,
}

/// Every breakpoint, with the name it has in Rust.
const BREAKPOINTS: [(&str, f64, Axis); 6] = [
    ("breakpoints::SIDE_BY_SIDE_WIDTH", SIDE_BY_SIDE_WIDTH, Axis::Width),
    ("breakpoints::COMPACT_WIDTH", COMPACT_WIDTH, Axis::Width),
    ("model::chart::NARROW_WIDTH", NARROW_WIDTH, Axis::Width),
    ("breakpoints::TABLE_NARROW_WIDTH", TABLE_NARROW_WIDTH, Axis::Width),
    ("breakpoints::SHORT_HEIGHT", SHORT_HEIGHT, Axis::Height),
    ("breakpoints::TINY_HEIGHT", TINY_HEIGHT, Axis::Height),
];

/// How a condition writes a breakpoint `b`, by feature: at least `b` wide is `min-width: b`;
/// narrower is `max-width: b - 0.02`; at most `b` tall is `max-height: b`; taller is
/// `min-height: b + 0.02`. Each pair leaves no gap at fractional sizes (a zoomed window).
fn written(feature: &str, breakpoint: f64) -> Option<f64> {
    match feature {
        "min-width" | "max-height" => Some(breakpoint),
        "max-width" => Some(breakpoint - 0.02),
        "min-height" => Some(breakpoint + 0.02),
        _ => None,
    }
}

/// One `(feature: value)` of a condition, with the container it asks about (`@container NAME (…)`).
struct Feature<'a> {
    container: &'a str,
    text: &'a str,
}

fn features(prelude: &str) -> Vec<Feature<'_>> {
    let (keyword, rest) = prelude.split_once(' ').unwrap_or((prelude, ""));
    let offset = keyword.len() + 1;
    let mut out = Vec::new();
    let mut container = "";
    let mut segment_start = offset;
    for (i, c) in rest.char_indices() {
        match c {
            ',' => {
                container = "";
                segment_start = offset + i + 1;
            }
            '(' => {
                let before = prelude[segment_start..offset + i].split_whitespace().next().unwrap_or("");
                if keyword == "@container" && !before.is_empty() && !matches!(before, "not" | "and" | "or") {
                    container = before;
                }
                let end = rest[i..].find(')').map_or(rest.len(), |e| i + e);
                out.push(Feature { container, text: &rest[i + 1..end] });
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_breakpoint_in_a_condition_is_one_of_the_rust_constants() {
    let mut problems = Vec::new();
    let mut used = vec![false; BREAKPOINTS.len()];
    let mut checked = 0;
    let list = BREAKPOINTS.iter().map(|(name, px, _)| format!("{px} ({name})")).collect::<Vec<_>>().join(", ");
    for sheet in sheets() {
        for condition in &sheet.conditions {
            let at = sheet.at(condition.line);
            let prelude = &condition.prelude;
            let container = prelude.starts_with("@container");
            if !container && !prelude.starts_with("@media") {
                continue;
            }
            for feature in features(prelude) {
                let Some((name, value)) = feature.text.split_once(':') else {
                    if feature.text.contains(['<', '>', '=']) {
                        problems.push(format!(
                            "{at}: `{prelude}`: write `({})` as min- or max- (this test reads only those)",
                            feature.text
                        ));
                    }
                    continue;
                };
                let (name, value) = (name.trim(), value.trim());
                if !name.ends_with("width") && !name.ends_with("height") {
                    continue;
                }
                checked += 1;
                let Some(px) = value.strip_suffix("px").and_then(|v| v.parse::<f64>().ok()) else {
                    problems.push(format!("{at}: `{prelude}`: {name}: {value} is not in px"));
                    continue;
                };
                let axis = if name.ends_with("width") { Axis::Width } else { Axis::Height };
                if written(name, 0.0).is_none() {
                    problems.push(format!(
                        "{at}: `{prelude}`: {name} is none of min-width, max-width, min-height, max-height"
                    ));
                    continue;
                }
                if axis == Axis::Width && !container {
                    problems.push(format!(
                        "{at}: `{prelude}`: the widths are the app's or the chart's, not the window's: ask @container"
                    ));
                    continue;
                }
                if axis == Axis::Height && container {
                    problems.push(format!("{at}: `{prelude}`: the heights are the window's: ask @media"));
                    continue;
                }
                // An embed that forces the side-by-side layout names the root put-side: any width.
                if feature.container == "put-side" && name == "min-width" && px == 0.0 {
                    continue;
                }
                let found = BREAKPOINTS.iter().position(|&(_, breakpoint, kind)| {
                    kind == axis && written(name, breakpoint).is_some_and(|expected| (px - expected).abs() < 1e-6)
                });
                match found {
                    Some(i) => used[i] = true,
                    None => problems.push(format!("{at}: `{prelude}`: {name}: {value} is no breakpoint")),
                }
            }
        }
    }
    for (i, (name, px, _)) in BREAKPOINTS.iter().enumerate() {
        if !used[i] {
            problems.push(format!("{name} ({px} px) is in no condition of the stylesheets"));
        }
    }
    assert!(checked > 0, "the stylesheets' conditions were not read");
    report(
        &format!("breakpoints (b is written min-width: b, max-width: b - 0.02, max-height: b, min-height: b + 0.02; they are {list})"),
        problems,
    );
}

#[test]
fn every_custom_property_used_is_defined_and_every_token_used() {
    let sheets = sheets();
    let scripted = [PROGRESS_PROPERTY, SHIFT_PROPERTY, OUTER_HEIGHT_PROPERTY, AT_PROPERTY];
    let mut problems = Vec::new();
    // Defined: the tokens (tokens.css only), where each is first declared.
    let mut tokens: BTreeMap<String, String> = BTreeMap::new();
    for sheet in &sheets {
        for rule in &sheet.rules {
            for (name, _) in rule.declarations.iter().filter(|(name, _)| name.starts_with("--")) {
                if sheet.path != "static/tokens.css" {
                    problems.push(format!("{}: {name} is declared outside tokens.css", sheet.at(rule.line)));
                } else if scripted.contains(&name.as_str()) {
                    problems.push(format!("{}: {name} is a script's to set", sheet.at(rule.line)));
                }
                tokens.entry(name.clone()).or_insert_with(|| sheet.at(rule.line));
            }
        }
    }
    let mut used = Vec::new();
    for sheet in &sheets {
        for (name, fallback, line) in &sheet.uses {
            used.push(name.clone());
            if scripted.contains(&name.as_str()) {
                // Before the script has run (the prerendered page) or without it, the fallback holds.
                if !fallback {
                    problems
                        .push(format!("{}: var({name}) needs a fallback until its script sets it", sheet.at(*line)));
                }
            } else if !tokens.contains_key(name) {
                problems.push(format!("{}: var({name}) is no token of tokens.css", sheet.at(*line)));
            }
        }
    }
    for (name, at) in &tokens {
        if !used.contains(name) {
            problems.push(format!("{at}: {name} is used by no stylesheet"));
        }
    }
    for name in scripted {
        if !used.iter().any(|u| u == name) {
            problems.push(format!("{name}, set by a script, is used by no stylesheet"));
        }
    }
    report("custom properties", problems);
}

#[test]
fn each_component_has_its_stylesheet_and_each_rule_its_component() {
    let sheets = sheets();
    let mut problems = Vec::new();
    let linked: Vec<&str> = sheets.iter().map(|s| s.path.as_str()).collect();
    // Every stylesheet of the app is linked (embed-demo.css is the demo host page's own).
    for entry in fs::read_dir(root().join("static")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let path = format!("static/{name}");
        if name.ends_with(".css") && name != "embed-demo.css" && !linked.contains(&path.as_str()) {
            problems.push(format!("{path} is not linked from index.html"));
        }
    }
    // Components that render markup, and the classes each renders; and the chart's layers
    // (src/explore), which write theirs as markup of their own, as one.
    let mut components: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in fs::read_dir(root().join("src/components")).unwrap() {
        let path = entry.unwrap().path();
        let source = fs::read_to_string(&path).unwrap();
        // A component that renders none of the app's classes (the island) needs no stylesheet.
        if source.contains("html!") && rendered(&source).iter().any(|w| !w.ends_with('-')) {
            components.insert(path.file_stem().unwrap().to_string_lossy().into_owned(), rendered(&source));
        }
    }
    let mut explore = Vec::new();
    rust_files(&root().join("src/explore"), &mut explore);
    let explore = explore.iter().flat_map(|f| rendered(&fs::read_to_string(f).unwrap())).collect();
    components.insert("explore".into(), explore);
    for name in components.keys() {
        if !linked.contains(&format!("static/{name}.css").as_str()) {
            problems.push(format!("src/components/{name}.rs renders markup but index.html links no static/{name}.css"));
        }
    }
    let mut everywhere = Vec::new();
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    for file in files {
        everywhere.extend(rendered(&fs::read_to_string(file).unwrap()));
    }
    for sheet in &sheets {
        let own = components.get(sheet.stem());
        if own.is_none() && !matches!(sheet.stem(), "tokens" | "document") {
            problems.push(format!(
                "{} styles no component (src/components/{}.rs renders no markup)",
                sheet.path,
                sheet.stem()
            ));
        }
        for rule in &sheet.rules {
            for selector in selectors(&rule.selector) {
                for class in classes(selector) {
                    if !renders(&everywhere, class) {
                        problems
                            .push(format!("{}: `{selector}`: nothing in src/ renders .{class}", sheet.at(rule.line)));
                    }
                }
                let Some(own) = own else { continue };
                let named = classes(selector);
                // The script embed's host element holds the app's root.
                let host = sheet.stem() == "page" && selector == ":host";
                if !host && !named.iter().any(|c| renders(own, c)) {
                    problems.push(format!(
                        "{}: `{selector}` names no class that src/components/{}.rs renders: it belongs in the stylesheet of the component that renders its element",
                        sheet.at(rule.line),
                        sheet.stem()
                    ));
                }
            }
        }
    }
    report("stylesheets and components", problems);
}

#[test]
fn no_selector_is_declared_twice_under_the_same_conditions() {
    let mut seen: BTreeMap<(Vec<String>, String), Vec<String>> = BTreeMap::new();
    // The tokens sit on the app's root in a rule of their own, beside the root's rule in page.css.
    for sheet in sheets().into_iter().filter(|s| s.path != "static/tokens.css") {
        for rule in &sheet.rules {
            seen.entry((rule.conditions.clone(), rule.selector.clone())).or_default().push(sheet.at(rule.line));
        }
    }
    let problems = seen
        .into_iter()
        .filter(|(_, places)| places.len() > 1)
        .map(|((conditions, selector), places)| {
            let under =
                if conditions.is_empty() { String::new() } else { format!(" under `{}`", conditions.join(" / ")) };
            format!("`{selector}`{under} is declared at {}: one rule, please", places.join(", "))
        })
        .collect();
    report("selectors", problems);
}

#[test]
fn the_chart_layers_sit_where_the_chart_draws_its_plot() {
    let sheet = sheets().into_iter().find(|s| s.path == "static/explore.css").expect("index.html links explore.css");
    let narrow_condition = format!("@container (max-width: {}px)", NARROW_WIDTH - 0.02);
    let mut problems = Vec::new();
    for (layout, conditions) in [(ChartLayout::new(800.0), vec![]), (ChartLayout::new(360.0), vec![narrow_condition])] {
        let px = |v: f64| format!("{v}px");
        let right = px(layout.width - layout.plot_right);
        // What explore.css says of `selector` under these conditions, falling back to none.
        let declared = |selector: &str, name: &str| {
            let of = |conditions: &[String]| {
                sheet
                    .rules
                    .iter()
                    .rev()
                    .find(|r| r.selector == selector && r.conditions == conditions)
                    .and_then(|r| r.declarations.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()))
            };
            of(&conditions).or_else(|| of(&[]))
        };
        let expected = [
            // The readout: the plot, from 4px above the bars to the axis.
            (".put-readout", "left", px(layout.plot_left)),
            (".put-readout", "right", right.clone()),
            (".put-readout", "top", px(layout.aid_top - 4.0)),
            (".put-readout", "bottom", px(layout.height - layout.axis_y)),
            // The box left of the rule reaches the chart's left edge less its gap.
            (
                ".put-readout[data-flip] > .put-readout__box",
                "max-width",
                format!("calc(var({AT_PROPERTY}, 0px) + {} - 12px)", px(layout.plot_left)),
            ),
            (".put-readout__box", "max-width", format!("calc(100% + {right} - var({AT_PROPERTY}, 0px) - 12px)")),
            // The strip: under the plot, at the chart's foot.
            (".put-strip", "left", px(layout.plot_left)),
            (".put-strip", "right", right.clone()),
            (".put-strip", "bottom", "0".to_owned()),
            (".put-strip", "height", "24px".to_owned()),
        ];
        for (selector, name, value) in expected {
            let found = declared(selector, name);
            if found.as_deref() != Some(value.as_str()) {
                problems.push(format!(
                    "{}: {selector} {{ {name} }} at a chart {} px wide is {found:?}, the chart's is {value}",
                    sheet.path, layout.width
                ));
            }
        }
        if layout.overview_height > 24.0 {
            problems.push(format!("the strip drawn {} px tall outgrows its 24 px control", layout.overview_height));
        }
    }
    report("the chart's layers", problems);
}
