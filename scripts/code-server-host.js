#!/usr/bin/env node
'use strict';
// Runs the integration suite inside code-server's Node extension host (a real VS Code server
// and workbench), with Debian's Chromium driving the workbench headless through
// playwright-core. The suite's `run()` result comes back through the workbench's automation
// hooks; "@@SCREENSHOT@@name" lines in the suite's output ask for a screenshot, "@@WEBVIEW@@name"
// for the comparison webview's rendered DOM, "@@VIEWPORT@@WxH" resizes the page (the window),
// "@@KEY@@Alt+F5" presses keys in the workbench as a user would, "@@CLICK@@name@@selector"
// clicks the first element of the comparison webview that the CSS selector finds.
// With --install FILE.vsix the extension is installed from the package into the host's
// extensions folder, as a user would install it, and no development extension is loaded.
//
// usage: node scripts/code-server-host.js (--ext DIR | --install FILE.vsix) --tests FILE --workspace DIR [--shots DIR] [--timeout SEC]
const cp = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const hostDir = path.resolve(process.env.VSCODE_HOST_DIR || path.join(__dirname, '..', '.vscode-host'));
const { chromium } = require(require.resolve('playwright-core', { paths: [hostDir] }));

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const extensionPath = option('ext') ? path.resolve(option('ext')) : '';
const packagePath = option('install') ? path.resolve(option('install')) : '';
const testsPath = path.resolve(option('tests'));
const workspace = path.resolve(option('workspace'));
const shotDir = option('shots') ? path.resolve(option('shots')) : '';
const timeoutSeconds = Number(option('timeout', '300'));
const codeServer = path.join(hostDir, 'node_modules', '.bin', 'code-server');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

const started = Date.now();
const since = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
// Short on purpose: code-server puts unix sockets here, and socket paths are limited to 107 bytes.
/**
 * Writes a file the suite waits for. The suite polls for the name from another process, so the
 * text goes to a temporary name first and is renamed into place whole: a reader never sees half
 * a file.
 */
function writeForSuite(name, text) {
  const target = path.join(shotDir, name);
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, text);
  fs.renameSync(partial, target);
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'syn-'));
const home = path.join(scratch, 'h');
fs.mkdirSync(home, { recursive: true });
const isolated = {
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, '.config'),
  XDG_DATA_HOME: path.join(home, '.local'),
  XDG_CACHE_HOME: path.join(home, '.cache'),
};
if (shotDir) {
  fs.mkdirSync(shotDir, { recursive: true });
  for (const f of fs.readdirSync(shotDir)) if (f.endsWith('.done') || f.endsWith('.json')) fs.rmSync(path.join(shotDir, f));
}

let server;
let browser;
let ending = false;

async function end(code, why) {
  if (ending) return;
  ending = true;
  console.log(`[host] ${why}: exit ${code} after ${since()}`);
  try {
    if (browser) await browser.close();
  } catch {}
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise(resolve => server.once('exit', resolve));
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    const hard = setTimeout(() => {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(hard);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
}
process.on('SIGINT', () => end(130, 'interrupted'));
process.on('SIGTERM', () => end(143, 'terminated'));
setTimeout(() => end(124, `no result within ${timeoutSeconds}s`), timeoutSeconds * 1000).unref();

function startServer() {
  const userData = path.join(scratch, 'u');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'security.workspace.trust.enabled': false,
      'editor.minimap.enabled': false,
      'window.commandCenter': false,
      'chat.commandCenter.enabled': false,
    }),
  );
  fs.writeFileSync(path.join(scratch, 'config.yaml'), 'auth: none\ncert: false\n');
  const args = [
    '--bind-addr',
    '127.0.0.1:0',
    '--auth',
    'none',
    '--config',
    path.join(scratch, 'config.yaml'),
    '--user-data-dir',
    userData,
    '--extensions-dir',
    path.join(scratch, 'x'),
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    '--locale',
    'en',
  ];
  const env = { ...process.env, ...isolated, TMPDIR: scratch, EXTENSIONS_GALLERY: '{}', VSC_SHOT_DIR: shotDir };
  if (packagePath) {
    const install = [
      '--config',
      path.join(scratch, 'config.yaml'),
      '--user-data-dir',
      userData,
      '--extensions-dir',
      path.join(scratch, 'x'),
      '--install-extension',
      packagePath,
    ];
    const installed = cp.spawnSync(codeServer, install, { env, encoding: 'utf8' });
    console.log(`[host] ${(installed.stdout || '').trim().split('\n').pop()}`);
    if (installed.status !== 0) throw new Error(`could not install ${packagePath}: ${installed.stderr}`);
  }
  server = cp.spawn(codeServer, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(path.join(shotDir || scratch, 'code-server.log'));
  server.stderr.pipe(log);
  server.on('exit', (code, signal) => end(1, `code-server stopped early (${code ?? signal})`));
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', chunk => {
      log.write(chunk);
      output += chunk;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) resolve(m[1]);
    });
    server.on('error', reject);
  });
}

/**
 * "@@WEBVIEW@@name": what the comparison webview's DOM holds (its grid's text and the tags
 * under it), written to name.json, so the suite can check how document text was rendered.
 */
async function probeWebview(page, name) {
  await page.waitForTimeout(500);
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(() => {
        const grid = document.getElementById('grid');
        if (!grid) return undefined;
        const current = grid.querySelector('.row.current > .cell[tabindex="0"]');
        const box = current?.getBoundingClientRect();
        const view = grid.getBoundingClientRect();
        return {
          current: current?.textContent ?? null,
          currentInView: !!box && box.top >= view.top && box.left >= view.left && box.bottom <= view.bottom && box.right <= view.right,
          // textContent, not innerText: rows out of view are skipped by content-visibility.
          text: [...grid.querySelectorAll('.cell')].map(c => c.textContent).join('\n'),
          tags: [...new Set([...grid.querySelectorAll('*')].map(e => e.tagName.toLowerCase()))],
          links: [...grid.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') ?? e.getAttribute('src')),
          scripts: document.scripts.length,
          columns: grid.querySelectorAll('.row.header > .cell').length,
          pager: document.querySelector('.pager .range')?.textContent ?? null,
          csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
          // What a screen reader is given for the first word marks and similarities.
          marks: [...grid.querySelectorAll('ins, del')]
            .slice(0, 6)
            .map(e => ({ tag: e.tagName.toLowerCase(), text: e.textContent, before: getComputedStyle(e, '::before').content })),
          similarities: [...grid.querySelectorAll('.similarity')].slice(0, 3).map(e => e.textContent),
          related: grid.querySelectorAll('.related').length,
          headers: [...grid.querySelectorAll('.row.header > .cell')].map(c => ({
            name: c.querySelector('.name')?.textContent ?? '',
            base: c.classList.contains('base'),
          })),
          cells: grid.querySelectorAll('.row:not(.header) > .cell').length,
          emptyCells: grid.querySelectorAll('.row:not(.header) > .cell.empty').length,
          // The counts of columns out of view at each edge, as shown (null where none is shown),
          // and how many other columns stand whole in view beside the base.
          outOfView: (() => {
            const bar = document.getElementById('columns-out-of-view');
            const shown = side => {
              const button = bar?.querySelector(`button.${side}`);
              return !bar || bar.hidden || !button || button.hidden ? null : button.textContent;
            };
            const base = grid.querySelector('.row.header > .cell.base')?.getBoundingClientRect();
            const right = view.left + grid.clientLeft + grid.clientWidth;
            const whole = base
              ? [...grid.querySelectorAll('.row.header > .cell:not(.base)')]
                  .map(c => c.getBoundingClientRect())
                  .filter(h => h.left >= base.right - 0.5 && h.right <= right + 0.5).length
              : 0;
            return { before: shown('before'), after: shown('after'), whole };
          })(),
          toolbarHeight: document.getElementById('toolbar').getBoundingClientRect().height,
          windowHeight: window.innerHeight,
          windowWidth: window.innerWidth,
          // The base column's distance from the grid's left edge with the grid scrolled fully right.
          baseOffsetScrolled: (() => {
            const head = grid.querySelector('.row.header > .cell.base');
            if (!head) return null;
            const before = grid.scrollLeft;
            grid.scrollLeft = grid.scrollWidth;
            const offset = head.getBoundingClientRect().left - grid.getBoundingClientRect().left;
            const scrolled = grid.scrollLeft;
            grid.scrollLeft = before;
            return { offset, scrolled };
          })(),
          focusedText: document.activeElement?.closest?.('.cell')?.textContent ?? null,
          // Changed facts: the marks under the wordings (shown and spoken), the boxes in the text, the origin badge.
          factChanges: [...grid.querySelectorAll('li.fact-change')].slice(0, 400).map(e => ({
            shown: e.querySelector('[aria-hidden]')?.textContent ?? '',
            spoken: e.querySelector('.spoken')?.textContent ?? '',
          })),
          factMarks: [...grid.querySelectorAll('mark.fact')]
            .slice(0, 8)
            .map(e => ({ text: e.textContent, kind: e.className, before: getComputedStyle(e, '::before').content })),
          origin: [...grid.querySelectorAll('.row.header .badge.origin')].map(e => ({
            title: e.title,
            spoken: e.querySelector('.spoken')?.textContent ?? '',
          })),
          checkedFilter: document.querySelector('button.filter[aria-checked="true"]')?.textContent ?? null,
          // The theme the webview is painted in: its body's classes ("vscode-light", "vscode-dark",
          // "vscode-high-contrast", with "vscode-high-contrast-light" for a light one).
          themeClasses: document.body.className,
        };
      })
      .catch(() => undefined);
    if (found) {
      writeForSuite(`${name}.json`, JSON.stringify(found));
      return;
    }
  }
  throw new Error('no comparison webview found');
}

/** "@@CLICK@@name@@selector": a mouse click on the comparison webview's first element matching the selector. */
async function clickInWebview(page, name, selector) {
  await page.waitForTimeout(300);
  for (const frame of page.frames()) {
    const target = await frame.$(selector).catch(() => null);
    if (!target) continue;
    await target.click();
    await page.waitForTimeout(300);
    writeForSuite(`click-${name}.done`, '');
    return;
  }
  throw new Error(`nothing in the webview matches ${selector}`);
}

async function main() {
  const endpoint = await startServer();
  console.log(`[host] code-server at ${endpoint} after ${since()}`);
  const authority = new URL(endpoint).host;
  const remote = p => `vscode-remote://${authority}${p}`;
  // The workbench runs a suite only beside a development extension: an installed package is
  // tested beside an empty one, so that the extension under test is the installed one.
  let developmentPath = extensionPath;
  if (!developmentPath) {
    developmentPath = path.join(scratch, 'runner');
    fs.mkdirSync(developmentPath, { recursive: true });
    fs.writeFileSync(
      path.join(developmentPath, 'package.json'),
      JSON.stringify({ name: 'suite-runner', publisher: 'tests', version: '0.0.0', engines: { vscode: '*' } }),
    );
  }
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(developmentPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    env: { ...process.env, ...isolated },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const pending = [];
  const onLine = text => {
    const probe = /@@WEBVIEW@@([\w.-]+)/.exec(text);
    if (probe && shotDir) {
      pending.push(
        probeWebview(page, probe[1]).catch(e => {
          writeForSuite(`${probe[1]}.json`, JSON.stringify({ error: e.message }));
        }),
      );
      return;
    }
    const click = /@@CLICK@@([\w.-]+)@@(.+)$/.exec(text);
    if (click && shotDir) {
      pending.push(clickInWebview(page, click[1], click[2]).catch(e => console.error('[host] click failed:', e.message)));
      return;
    }
    const key = /@@KEY@@([\w+]+)/.exec(text);
    if (key && shotDir) {
      pending.push(
        (async () => {
          await page.keyboard.press(key[1]);
          await page.waitForTimeout(300);
          writeForSuite(`key-${key[1]}.done`, '');
        })().catch(e => console.error('[host] key press failed:', e.message)),
      );
      return;
    }
    const size = /@@VIEWPORT@@(\d+)x(\d+)/.exec(text);
    if (size && shotDir) {
      pending.push(
        (async () => {
          await page.setViewportSize({ width: Number(size[1]), height: Number(size[2]) });
          await page.waitForTimeout(500);
          writeForSuite(`viewport-${size[1]}x${size[2]}.done`, '');
        })().catch(e => console.error('[host] resize failed:', e.message)),
      );
      return;
    }
    const m = /@@SCREENSHOT@@([\w.-]+)/.exec(text);
    if (!m || !shotDir) return;
    pending.push(
      (async () => {
        await page.waitForTimeout(800);
        await page.screenshot({ path: path.join(shotDir, `${m[1]}.png`) });
        writeForSuite(`${m[1]}.done`, '');
        console.log(`[host] screenshot ${m[1]}.png`);
      })().catch(e => console.error('[host] screenshot failed:', e.message)),
    );
  };
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = util.format(...(args || []));
    (console[type] || console.log)(text);
    onLine(text);
  });
  await page.exposeFunction('codeAutomationExit', async code => {
    await Promise.all(pending);
    end(code, 'suite finished');
  });
  page.on('pageerror', e => console.error(`[page] ${e}`));
  page.on('crash', () => end(1, 'workbench crashed'));
  await page.goto(`${endpoint}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
  console.log(`[host] workbench loaded after ${since()}`);
}

main().catch(e => {
  console.error(e);
  end(1, 'driver failed');
});
