/**
 * The `synoptic` executable. A one-shot run spends a good part of its time compiling the CLI's
 * functions as they are first called, so the launcher loads the CLI bundle with V8's code cache
 * when the build left one next to it (made by a training run over the sample versions; see
 * `scripts/train-code-cache.js`). Without a usable cache (another Node version, a rebuilt
 * bundle) V8 compiles as usual, and the result is the same.
 *
 * The cache file holds the bundle it was made for (its byte length in 4 bytes, then its bytes),
 * then V8's data: V8 itself checks only the source's length, and a stale cache must never be
 * applied to a changed bundle. Comparing bytes is one native call; hashing would load a module
 * that costs more than the comparison saves.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** Set by the training run: where to write the code cache when the process exits. */
const WRITE_CACHE_TO = 'SYNOPTIC_WRITE_CODE_CACHE';
const LENGTH_BYTES = 4;

interface CliModule {
  run(): Promise<void>;
}

function launch(): void {
  const bundle = join(__dirname, 'cli-main.js');
  const bytes = readFileSync(bundle);
  const script = new Script(wrap(bytes.toString('utf8')), {
    filename: bundle,
    cachedData: cacheFor(join(__dirname, 'cli-main.cache'), bytes),
  });
  const module = { exports: {} as Partial<CliModule> };
  const compiled = script.runInThisContext() as (
    exports: object,
    require: NodeRequire,
    module: object,
    filename: string,
    dirname: string,
  ) => void;
  compiled(module.exports, createRequire(bundle), module, bundle, __dirname);
  const target = process.env[WRITE_CACHE_TO];
  if (target) {
    // After the run, so the cache holds every function the run compiled.
    process.once('exit', () => {
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32LE(bytes.length);
      writeFileSync(target, Buffer.concat([length, bytes, script.createCachedData()]));
    });
  }
  void module.exports.run!();
}

/** V8's data from the cache file at `path` when the file was made for exactly `bundle`. */
function cacheFor(path: string, bundle: Buffer): Buffer | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const dataStart = LENGTH_BYTES + bundle.length;
  if (file.length <= dataStart || file.readUInt32LE(0) !== bundle.length) return undefined;
  return file.subarray(LENGTH_BYTES, dataStart).equals(bundle) ? file.subarray(dataStart) : undefined;
}

launch();
