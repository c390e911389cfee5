/**
 * `synoptic`: the analysis core on the command line, for batch work.
 *   synoptic analyze [--format text|json] FILE...
 */
import { writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CorpusAnalysis, createAnalyzer, toExportFormat1 } from './core';
import { prepareInParallel } from './node/parallelPrepare';
import { InputError, readTextFile } from './node/readSource';

const USAGE = 'usage: synoptic analyze [--format text|json] FILE...';

class UsageError extends Error {}

interface Command {
  readonly format: 'text' | 'json';
  readonly files: readonly string[];
}

function parseArgs(argv: readonly string[]): Command {
  const [verb, ...rest] = argv;
  if (verb === '--help' || verb === '-h' || verb === 'help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (verb !== 'analyze') throw new UsageError(verb ? `unknown command '${verb}'; ${USAGE}` : USAGE);
  let format: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format takes text or json, not '${value ?? ''}'`);
      format = value;
    } else if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option '${arg}'; ${USAGE}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError(`no files given; ${USAGE}`);
  return { format, files };
}

/** The human-readable report: per source, then the groups, best supported first. */
export function textReport(analysis: CorpusAnalysis, names: readonly string[]): string {
  const out: string[] = [];
  out.push(`Synoptic report: ${analysis.sources.length} source${analysis.sources.length === 1 ? '' : 's'}, ${analysis.groups.length} shared statement${analysis.groups.length === 1 ? '' : 's'}`);
  out.push('');
  analysis.sources.forEach((s, i) => {
    const boiler = s.lines.filter(l => l.kind === 'boilerplate').length;
    const shared = s.groupOfSentence.filter(g => g >= 0).length;
    out.push(`[${i + 1}] ${names[i]} (${s.language})`);
    out.push(`    ${s.lines.length} lines, ${boiler} boilerplate, ${s.sentences.length} sentences: ${shared} shared, ${s.sentences.length - shared} only here`);
  });
  if (analysis.groups.length) {
    out.push('');
    out.push('Shared statements, best supported first:');
    analysis.groups.forEach((g, gi) => {
      out.push('');
      out.push(`#${gi + 1} in ${g.sourceCount} of ${analysis.sources.length} sources`);
      for (const m of g.members) {
        const s = analysis.sources[m.source].sentences[m.sentence];
        const pct = `${Math.round(m.similarity * 100)}%`.padStart(4);
        out.push(`  [${m.source + 1}] ${pct}  ${clip(s.text, 110)}`);
      }
    });
  }
  return out.join('\n') + '\n';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`synoptic: ${(e as Error).message}\n`);
    return 2;
  }
  let texts: string[];
  try {
    texts = command.files.map(readTextFile);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`synoptic: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const analyzer = createAnalyzer({}, { expectEdits: false });
  analyzer.adopt(await prepareInParallel(texts, join(__dirname, 'prepareWorker.js')));
  const analysis = analyzer.analyze(command.files.map((id, i) => ({ id, text: texts[i] })));
  const output =
    command.format === 'json'
      ? JSON.stringify(toExportFormat1(analysis, command.files)) + '\n'
      : textReport(analysis, command.files.map(f => basename(f)));
  writeOutput(output);
  return 0;
}

/**
 * Writes the result to standard output straight through its file descriptor: setting up
 * Node's stream for a pipe costs a short run several milliseconds. Where the descriptor would
 * block (a non-blocking pipe that is full), the rest goes through the stream, which waits.
 * A reader that stops reading (`| head`) ends the output quietly, as it does for other tools.
 */
function writeOutput(text: string): void {
  const data = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < data.length) written += writeSync(1, data, written);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw e;
    process.stdout.on('error', error => {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
    });
    process.stdout.write(data.subarray(written));
  }
}

/** Runs the command line of this process; the exit code is set when it is done. */
export function run(): Promise<void> {
  return main().then(
    code => {
      process.exitCode = code;
    },
    e => {
      process.stderr.write(`synoptic: internal error: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) void run();
