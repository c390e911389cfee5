/**
 * The `synoptic` executable. A one-shot run spends a good part of its time compiling the CLI's
 * functions as they are first called, so the launcher loads the CLI bundle with V8's code cache
 * when the build left one next to it (made by a training run over the sample versions; see
 * `scripts/train-code-cache.js`). Without a usable cache (another Node version, a rebuilt
 * bundle) V8 compiles as usual, and the result is the same.
 *
 * The cache file is the SHA-256 of the bundle's text followed by V8's data: V8 itself checks
 * only the source's length, and a stale cache must never be applied to a changed bundle.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** Set by the training run: where to write the code cache when the process exits. */
const WRITE_CACHE_TO = 'SYNOPTIC_WRITE_CODE_CACHE';
const DIGEST_BYTES = 32;

interface CliModule {
  run(): Promise<void>;
}

function launch(): void {
  const bundle = join(__dirname, 'cli-main.js');
  const source = readFileSync(bundle, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  const script = new Script(wrap(source), { filename: bundle, cachedData: cacheFor(join(__dirname, 'cli-main.cache'), digest) });
  const module = { exports: {} as Partial<CliModule> };
  const compiled = script.runInThisContext() as (exports: object, require: NodeRequire, module: object, filename: string, dirname: string) => void;
  compiled(module.exports, createRequire(bundle), module, bundle, __dirname);
  const target = process.env[WRITE_CACHE_TO];
  if (target) {
    // After the run, so the cache holds every function the run compiled.
    process.once('exit', () => writeFileSync(target, Buffer.concat([digest, script.createCachedData()])));
  }
  void module.exports.run!();
}

function cacheFor(path: string, digest: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  return file.length > DIGEST_BYTES && file.subarray(0, DIGEST_BYTES).equals(digest) ? file.subarray(DIGEST_BYTES) : undefined;
}

launch();
