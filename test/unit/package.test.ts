import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
