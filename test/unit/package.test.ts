import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEXT_FILE } from '../../src/sourceDiscovery';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** What `vsce` would put into the .vsix from the tree as it stands (after a build). */
function packagedFiles(): string[] {
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [root] });
  const result = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
    .sort();
}

describe('the extension package', function () {
  this.timeout(60_000);
  let files: string[];
  before(function () {
    assert.ok(existsSync(join(root, 'dist', 'extension.js')), 'build first: npm run build');
    files = packagedFiles();
  });

  it('holds exactly the runtime files, the bundled sample stories and the Marketplace documents', () => {
    const seeds = readdirSync(join(root, 'seeds'))
      .filter(f => f.endsWith('.txt'))
      .map(f => `seeds/${f}`);
    const walkthrough = readdirSync(join(root, 'media', 'walkthrough')).map(f => `media/walkthrough/${f}`);
    const expected = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'package.json',
      'dist/extension.js',
      'dist/analysisWorker.js',
      'media/compare.js',
      'media/compare.css',
      'media/compare-dark.svg',
      'media/compare-light.svg',
      'media/icon.png',
      'media/icon.svg',
      ...walkthrough,
      ...seeds,
    ].sort();
    assert.deepEqual(files, expected);
  });

  it('ships the sample stories byte for byte as the shared seeds', function () {
    const shared = join(root, '..', 'shared', 'seeds');
    if (!existsSync(shared)) this.skip();
    const names = readdirSync(shared)
      .filter(f => f.endsWith('.txt'))
      .sort();
    assert.deepEqual(readdirSync(join(root, 'seeds')).sort(), names);
    for (const name of names) assert.ok(readFileSync(join(root, 'seeds', name)).equals(readFileSync(join(shared, name))), name);
  });

  it('leaves out benchmark bundles, source maps, sources, tests and the command-line bundle', () => {
    const unwanted = files.filter(
      f => /\.(map|ts|cache|vsix)$/.test(f) || /^(src|test|out|scripts|docs|node_modules)\//.test(f) || /bench-|cli/.test(f),
    );
    assert.deepEqual(unwanted, []);
  });

  it('ships every file the manifest points to', () => {
    const referenced = [
      manifest.main.replace(/^\.\//, ''),
      manifest.icon,
      ...manifest.contributes.commands.flatMap((c: { icon?: string | { light: string; dark: string } }) =>
        typeof c.icon === 'object' ? [c.icon.light, c.icon.dark] : [],
      ),
      ...manifest.contributes.walkthroughs.flatMap(
        (w: { steps: { media: { markdown?: string; image?: string | Record<string, string> } }[] }) =>
          w.steps.flatMap(s =>
            s.media.markdown
              ? [s.media.markdown]
              : typeof s.media.image === 'string'
                ? [s.media.image]
                : Object.values(s.media.image ?? {}),
          ),
      ),
    ];
    for (const file of referenced) assert.ok(files.includes(file), `${file} is referenced by package.json but not packaged`);
  });

  it('has what the Marketplace asks for: a PNG icon, a repository, categories other than "Other", a gallery banner, a licence', () => {
    assert.match(manifest.icon, /\.png$/);
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    assert.ok(width === height && width >= 128, `icon is ${width}×${height}`);
    assert.ok(manifest.repository?.url, 'repository');
    assert.ok(manifest.categories.length > 0 && !manifest.categories.includes('Other'), 'categories');
    assert.ok(manifest.galleryBanner?.color, 'gallery banner');
    assert.equal(manifest.license, 'MIT');
    assert.match(readFileSync(join(root, 'LICENSE'), 'utf8'), /^MIT License/);
  });

  it('builds the package with vsce through npm run package, without prompts, from a production build', () => {
    assert.match(manifest.scripts.package, /^vsce package .*--no-dependencies/);
    assert.equal(manifest.scripts['vscode:prepublish'], 'npm run build:production');
    assert.match(manifest.scripts['build:production'], /--production/);
  });
});

/** Every `when` and `enablement` clause of `node` (the manifest's contributions), at any depth. */
function clauses(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(clauses);
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'when' || key === 'enablement') && typeof value === 'string' ? [value] : clauses(value),
  );
}

/** The regular expression that `clause` matches `resourceExtname` with, read as VS Code reads `=~ /…/flags`. */
function extnameRegex(clause: string): RegExp {
  const literal = /resourceExtname\s*=~\s*(\/\S+)/.exec(clause)?.[1];
  assert.ok(literal, `no resourceExtname =~ in "${clause}"`);
  const end = literal.lastIndexOf('/');
  return new RegExp(literal.slice(1, end), literal.slice(end + 1));
}

/** A keybinding as the documentation writes it: `ctrl+shift+alt+k` → `Ctrl+Shift+Alt+K`. */
function keyLabel(key: string): string {
  return key
    .split('+')
    .map(part => part[0].toUpperCase() + part.slice(1))
    .join('+');
}

describe("the manifest's contributions", () => {
  const contributes = manifest.contributes;

  it('compares no file name or extension with .txt case by case, as the analysis reads a .TXT file too', () => {
    for (const clause of clauses(contributes)) {
      assert.doesNotMatch(clause, /==\s*'?[^\s']*\.txt/i, clause);
      for (const [, flags] of clause.matchAll(/=~\s*\/[^\s]*txt[^\s]*\/([a-z]*)/gi)) assert.match(flags, /i/, clause);
    }
  });

  it('offers Compare with Other Sources on a text file whatever the case of its extension, and on no other file', () => {
    const entries = [...contributes.menus['editor/title'], ...contributes.menus['explorer/context']].filter(
      (m: { command: string }) => m.command === 'synoptic.compareWithOtherSources',
    );
    assert.equal(entries.length, 2);
    for (const { when } of entries) {
      const extname = extnameRegex(when);
      for (const ext of ['.txt', '.TXT', '.Txt', '.tXt', '.md', '.text', '.txt2', '.txt.md', '']) {
        assert.equal(extname.test(ext), TEXT_FILE.test(`story${ext}`), `${when} on "${ext}"`);
      }
    }
  });

  it('welcomes only in views that can show the welcome', () => {
    const views = Object.values(contributes.views as Record<string, { id: string }[]>).flatMap(list => list.map(v => v.id));
    for (const { view } of contributes.viewsWelcome) {
      assert.ok(view === 'workbench.explorer.emptyView' || views.includes(view), `a welcome for view "${view}"`);
    }
  });

  it('names every editor key of the navigation commands, on Windows and Linux and on macOS, in the walkthrough and the README', () => {
    const step = contributes.walkthroughs
      .flatMap((w: { steps: { id: string }[] }) => w.steps)
      .find((s: { id: string }) => s.id === 'navigate');
    const page = readFileSync(join(root, step.media.markdown), 'utf8');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const bindings = contributes.keybindings.filter((k: { when?: string }) => k.when?.includes('editorTextFocus'));
    assert.ok(bindings.length >= 6, 'the difference, sentence-found-only-here and changed-fact keys');
    for (const { key, mac } of bindings) {
      for (const label of new Set([keyLabel(key), keyLabel(mac ?? key)])) {
        assert.ok(step.description.includes(label), `the walkthrough step names ${label}`);
        assert.ok(page.includes(label), `${step.media.markdown} names ${label}`);
        assert.ok(readme.includes(label), `the README names ${label}`);
      }
    }
  });
});
