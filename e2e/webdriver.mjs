// A small W3C WebDriver client over plain HTTP, and the three engines the cross-engine tests
// drive with it: Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK
// (WebKitWebDriver with MiniBrowser, under Xvfb). Playwright cannot drive Debian's Firefox and
// WebKit builds, and every one of these comes from Debian or crates.io.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { CHROMIUM } from './browser.mjs';

/** MiniBrowser ships in the WebKitGTK library folder, not on PATH. */
function miniBrowser() {
  const files = execFileSync('dpkg', ['-L', 'libwebkit2gtk-4.1-0'], { encoding: 'utf8' }).split('\n');
  const found = files.find((f) => f.endsWith('/MiniBrowser'));
  if (!found) throw new Error('MiniBrowser not found in libwebkit2gtk-4.1-0 (scripts/setup.sh --test installs it)');
  return found;
}

/**
 * The engines, each with the width of the phone it stands in for (its narrowest window where that
 * is wider than a phone's), the command that serves WebDriver on `port`, and its capabilities.
 */
const ALL = [
  {
    name: 'Chromium',
    phone: 375,
    command: (port) => ['chromedriver', [`--port=${port}`]],
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: CHROMIUM, args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars'] },
    }),
  },
  {
    name: 'Firefox ESR',
    // The narrowest window it opens.
    phone: 500,
    command: (port) => ['geckodriver', [`--port=${port}`]],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless'] },
    }),
  },
  {
    name: 'WebKitGTK',
    // The narrowest window MiniBrowser opens is 447 px.
    phone: 480,
    // WebKitGTK draws into a display even when nothing looks at it.
    command: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: () => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowser(), args: ['--automation'] },
    }),
  },
];

/** The engines to test: all, or those named in `ENGINES` (e.g. `ENGINES=firefox,webkitgtk`). */
export const ENGINES = process.env.ENGINES
  ? ALL.filter((e) => process.env.ENGINES.toLowerCase().split(',').includes(e.name.split(' ')[0].toLowerCase()))
  : ALL;

const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });

/** Starts `engine`'s driver and one browser session; resolves to a Session. */
export async function start(engine) {
  const port = await freePort();
  const [command, args] = engine.command(port);
  if (!process.env.PATH.split(':').some((d) => existsSync(`${d}/${command}`))) {
    throw new Error(`${engine.name}: ${command} is not installed (scripts/setup.sh --test installs it)`);
  }
  // A process group of its own, so that stopping it stops the browser and Xvfb too.
  const driver = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  driver.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${base}/status`).then((r) => r.json()).then((s) => s.value?.ready, () => false);
    if (ready) break;
    if (driver.exitCode !== null || Date.now() > deadline) throw new Error(`${engine.name}: the driver did not start: ${stderr}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const created = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: engine.capabilities() } }, engine.name);
  return new Session(engine.name, `${base}/session/${created.sessionId}`, driver);
}

async function call(base, method, path, body, name) {
  const response = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`${name}: ${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}

/** One browser window driven over WebDriver. */
export class Session {
  constructor(name, url, driver) {
    this.name = name;
    this.url = url;
    this.driver = driver;
  }

  send(method, path, body) {
    return call(this.url, method, path, body, this.name);
  }

  goto(url) {
    return this.send('POST', '/url', { url });
  }

  /** Runs `fn(...args)` in the page (its source is sent) and returns what it returns. */
  run(fn, ...args) {
    return this.send('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /**
   * Waits until `fn(...args)` is truthy in the page, checking every animation frame; returns its
   * value, or fails with `what` and the last value after `ms`.
   */
  async until(what, fn, args = [], ms = 15_000) {
    const deadline = Date.now() + ms;
    let last;
    for (;;) {
      last = await this.run(fn, ...args).catch((e) => `(${e.message})`);
      if (last && !(typeof last === 'string' && last.startsWith('('))) return last;
      if (Date.now() > deadline) throw new Error(`${this.name}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
      await this.run(() => new Promise((ok) => requestAnimationFrame(() => ok(true)))).catch(() => {});
    }
  }

  /** Sizes the window so that the page's viewport is `width` x `height` CSS pixels. */
  async viewport(width, height) {
    const rect = await this.send('GET', '/window/rect');
    const inner = await this.run(() => [innerWidth, innerHeight]);
    await this.send('POST', '/window/rect', { width: width + rect.width - inner[0], height: height + rect.height - inner[1] });
    return this.until(`a ${width} x ${height} viewport`, (w, h) => innerWidth === w && innerHeight === h && [innerWidth, innerHeight], [width, height]);
  }

  /** Presses one key (a WebDriver key code such as '\uE014' for ArrowRight) on the focused element. */
  key(code) {
    return this.send('POST', '/actions', {
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: code }, { type: 'keyUp', value: code }] }],
    });
  }

  /** A PNG of the viewport. */
  async screenshot() {
    return Buffer.from(await this.send('GET', '/screenshot'), 'base64');
  }

  async close() {
    await this.send('DELETE', '').catch(() => {});
    try {
      process.kill(-this.driver.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}

/** WebDriver's key codes for the keys the tests press. */
export const KEYS = { tab: '\uE004', enter: '\uE007', home: '\uE011', end: '\uE010', left: '\uE012', right: '\uE014' };
