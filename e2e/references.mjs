// The benchmark's references, written into target/bench/ from the same content as the story
// when this module is imported: the article alone as a plain page, TimelineJS (npm) showing the
// same events from the TimelineJS file our build exports, and our own page taken apart (without
// script; without script, styles and graphic). Reads dist/: build first.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';

export const bench = 'target/bench';
await mkdir(`${bench}/plain`, { recursive: true });
await mkdir(`${bench}/timelinejs`, { recursive: true });
const prerender = (mode) => execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', mode], { encoding: 'utf8' });
await writeFile(`${bench}/plain/index.html`, prerender('plain'));
for (const f of ['js/timeline.js', 'css/timeline.css']) {
  await cp(`node_modules/@knight-lab/timelinejs/dist/${f}`, `${bench}/timelinejs/${f.split('/')[1]}`);
}
await cp('dist/pak-us-timeline-events.json', `${bench}/timelinejs/events.json`);
await writeFile(`${bench}/timelinejs/index.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="timeline.css"><title>TimelineJS</title></head>
<body><div id="timeline" style="width:100%;height:700px"></div><script src="timeline.js"></script>
<script>fetch('events.json').then((r) => r.json()).then((data) => {
  window.tl = new TL.Timeline('timeline', data, { hash_bookmark: false, font: null });
});</script></body></html>`);

// Our page taken apart: index.html alone, without what each directory's name says.
const built = await readFile('dist/index.html', 'utf8');
const noScript = built
  .replace(/<script(?! type="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/g, '')
  .replace(/<link rel="modulepreload"[^>]*>/g, '');
const bare = noScript.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<aside[^>]*class="put-graphic">[\s\S]*?<\/aside>/, '');
for (const [dir, html] of [['no-script', noScript], ['bare', bare]]) {
  await mkdir(`${bench}/${dir}`, { recursive: true });
  await writeFile(`${bench}/${dir}/index.html`, html);
}
