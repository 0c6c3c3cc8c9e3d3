// What the tests expect to find on the page, counted from content/ itself, so that adding a
// passage or an event changes the expectation with the content instead of breaking a test.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';

const read = (file) => parse(readFileSync(new URL(`../content/${file}`, import.meta.url), 'utf8'));
const article = read('article.toml');

/** Every passage (heading or paragraph): the scroll steps. */
export const STEPS = article.step.length;
/** Passages that declare a state of the graphic, each of which gets a figure in print and flat. */
export const FIGURES = article.step.filter((s) => s.span || s.era || s.events).length;
/** Events of the timeline. */
export const EVENTS = read('events.toml').event.length;
/**
 * The article's own words: standfirst, every passage, the author's bio, the disclaimer (not the
 * title, which the graphic cites as a source).
 */
export const ARTICLE_TEXTS = [article.standfirst, ...article.step.map((s) => s.text), article.author_bio, article.disclaimer].filter(Boolean);
