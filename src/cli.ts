/**
 * `synoptic`: the analysis core on the command line, for batch work.
 *   synoptic analyze [--format text|json] [--one-story] [-o FILE] FILE...
 *   synoptic export --format csv|html|tei|collatex|passim [--story N | --one-story] [--bom] [-o FILE] FILE...
 *   synoptic stories [-o FILE] FILE...
 *   synoptic import-passim [--root DIR] [-o FILE] PATH
 * A FILE of `-` is read from standard input; a folder stands for the `.txt` files under it. Bad input gets one line on stderr and exit code 2.
 */
import { Stats, fstatSync, lstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { ParseArgsConfig, parseArgs } from 'node:util';
import { AnalysisOptions, CorpusAnalysis, compareCodeUnits, createAnalyzer, toExportFormat1 } from './core';
import { toCollatex } from './export/collatex';
import { toCsv } from './export/csv';
import { toHtml } from './export/html';
import { toPassim } from './export/passim';
import { storiesListing } from './export/stories';
import { ExportInput, chosenStory } from './export/table';
import { toTei } from './export/tei';
import { textReport } from './export/textReport';
import { jsonPieces } from './node/jsonPieces';
import { analyzeInParallel } from './node/parallelPrepare';
import { clusterStories, readPassimRecords, skippedCount, skippedSummary } from './node/passimImport';
import { resolveUnderRoot } from './node/passimFiles';
import { quotedName, unbrokenLine } from './node/quotedName';
import { replaceFile, writesBeside } from './node/replaceFile';
import { withTerminationHeld } from './node/terminationHeld';
import { InputError, SourceFile, inputAt, isSavedOutput, readSources, sourceFiles, standardOutputFile } from './node/readSource';

/** A mistake in the command line: one line on stderr, exit code 2. */
class UsageError extends Error {}

/** The refusal of an empty argument where a file's name goes (`"$FILE"` of a variable left unset). */
const EMPTY_NAME = (what: string) => `${what} given as '' (an empty name) names no file`;

const EXPORT_FORMATS = ['csv', 'html', 'tei', 'collatex', 'passim'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Most threads `--threads` takes: a larger number is more likely a slip (a count of files) than a wish. */
const MAX_THREADS = 64;
const OUTPUT_HELP =
  '  -o, --output FILE  write to FILE instead of standard output (an existing FILE is replaced,\n' +
  '                     unless it is one of the input files)';
const THREADS_HELP = [
  '  --threads N        analyse on N threads (default: 1 for a small corpus; for more than 16 MB',
  '                     of text, or 1 MB on a machine of more than two cores, one per core, at most 4)',
].join('\n');
const ONE_STORY_HELP = [
  '  --one-story        the FILEs are versions of one story, whatever they share: compare them all',
  '                     together rather than find the stories they tell (copies of one event by',
  '                     different agencies, worded apart)',
].join('\n');
const FILES_HELP = [
  'FILE... are the versions of the story, as text files (UTF-8 or UTF-16); a FILE of - is read from',
  'standard input; a folder stands for the .txt files under it, at any depth (hidden and binary ones',
  "and saved reports of synoptic's left out).",
].join('\n');

interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly help: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<Output>;
}

/** What a command prints: a text, or a writer that hands its text to `write` a piece at a time (each piece well-formed UTF-16). */
type Output = string | ((write: (piece: string) => void) => void);

const COMMANDS: Readonly<Record<string, Command>> = {
  analyze: {
    summary: 'report boilerplate, shared and unique sentences (text), or export them (JSON format 1)',
    usage: 'synoptic analyze [--format text|json] [--one-story] [--threads N] [-o FILE] FILE...',
    help: [
      '  -f, --format F     text: a readable report wrapped to the terminal width (default);',
      '                     json: the export, format 1 (see README: "The JSON export")',
      ONE_STORY_HELP,
      THREADS_HELP,
      OUTPUT_HELP,
      '',
      FILES_HELP,
    ].join('\n'),
    options: {
      format: { type: 'string', short: 'f' },
      'one-story': { type: 'boolean' },
      threads: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    async run(values, files) {
      const format = oneOf(values.format, ['text', 'json'] as const, 'text', '--format takes text or json');
      const corpus = await analyzeFiles(files, values, format === 'json' ? 'the export' : 'the report');
      if (format === 'json') {
        const exported = toExportFormat1(corpus.analysis, corpus.paths);
        return write => {
          jsonPieces(exported, write);
          write('\n');
        };
      }
      // Only a terminal has a width; asking a pipe would set up the stream the fast output avoids.
      // `-o -` is standard output too.
      const toStandardOutput = values.output === undefined || values.output === '-';
      const width = toStandardOutput && isTerminal(1) ? process.stdout.columns : undefined;
      return textReport(corpus.analysis, displayNames(corpus.paths), { width: width || 80 });
    },
  },
  export: {
    summary: 'export the comparison as CSV, HTML, TEI, CollateX JSON or passim input',
    usage: 'synoptic export --format csv|html|tei|collatex|passim [--story N | --one-story] [--bom] [--threads N] [-o FILE] FILE...',
    help: [
      '  -f, --format F     csv: one row per statement or unique sentence, one column per source;',
      '                     html: one self-contained page, side by side, differences marked;',
      '                     tei: TEI P5 parallel segmentation (<app>/<rdg>);',
      '                     collatex: CollateX JSON (witnesses and alignment table);',
      '                     passim: JSON lines for passim (id, series, text without boilerplate)',
      '  --story N          only the sources of story N (as `synoptic stories` numbers them)',
      '  --bom              csv only: start with a byte order mark, for spreadsheet programs',
      ONE_STORY_HELP,
      THREADS_HELP,
      OUTPUT_HELP,
      '',
      FILES_HELP,
    ].join('\n'),
    options: {
      format: { type: 'string', short: 'f' },
      story: { type: 'string' },
      'one-story': { type: 'boolean' },
      bom: { type: 'boolean' },
      threads: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    async run(values, files) {
      if (values.format === undefined) throw new UsageError(`--format is required (${EXPORT_FORMATS.join(', ')})`);
      const format = oneOf(values.format, EXPORT_FORMATS, 'csv', `--format takes ${EXPORT_FORMATS.join(', ')}`);
      const story = values.story === undefined ? undefined : storyNumber(values.story) - 1;
      if (story !== undefined && values['one-story'] === true)
        throw new UsageError('--story and --one-story go apart: with --one-story there is one story');
      if (values.bom === true && format !== 'csv') throw new UsageError(`--bom applies to --format csv only, not ${format}`);
      // No export format shows the changed facts of the JSON export and the report.
      const corpus = await analyzeFiles(files, values, 'the export', false);
      let exported: string;
      try {
        exported = exportAs(format, corpus, { story, bom: values.bom === true });
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(e.message);
        throw e;
      }
      if (format === 'passim') {
        // passim keeps each record's id, and import-passim reads a document only under its root.
        const ids = chosenStory(corpus.analysis, { story }).sources.map(s => corpus.paths[s]);
        // Standard input (-) names no file anywhere: no folder to export from would help it.
        const outside = ids.filter(id => id !== '-' && 'refused' in resolveUnderRoot('.', id));
        if (outside.length)
          writeNote(
            `${outside.length} of the ids (${outside.slice(0, 3).join(', ')}${outside.length > 3 ? ', …' : ''}) ${outside.length === 1 ? 'names' : 'name'} no file under the current folder by a path that stays under it, so import-passim run here would skip their records; export from a folder above the files, naming them from there`,
          );
      }
      return exported;
    },
  },
  stories: {
    summary: 'list the stories the versions tell, with their size and title',
    usage: 'synoptic stories [--threads N] [-o FILE] FILE...',
    help: [
      THREADS_HELP,
      OUTPUT_HELP,
      '',
      FILES_HELP,
      'Prints one line per story: its number, its number of sources, its title and, for a story of',
      'two or more sources, its likely origin: "origin: FILE (REASON)"; for a story of one source,',
      'its file: "file: FILE".',
    ].join('\n'),
    options: { threads: { type: 'string' }, output: { type: 'string', short: 'o' } },
    async run(values, files) {
      const { analysis, paths } = await analyzeFiles(files, values, 'the list of stories', false);
      return storiesListing(analysis, displayNames(paths));
    },
  },
  'import-passim': {
    summary: "read passim's clusters as stories over the original files (JSON export)",
    usage: 'synoptic import-passim [--root DIR] [-o FILE] PATH',
    help: [
      "  --root DIR         folder the documents named by the records' id must lie in (default: the",
      '                     current folder); ids outside it, absolute or with .., are refused',
      OUTPUT_HELP,
      '',
      "PATH is passim's output: a folder of part files (out.json/) or one file of JSON lines.",
      'Prints the JSON export of the files the clusters name, with stories[].cluster and',
      'stories[].passages. Records naming missing or refused files, records over 10 MB, records',
      "without a cluster (passim's input) and broken lines are skipped and counted in one line",
      'on stderr.',
    ].join('\n'),
    options: { root: { type: 'string' }, output: { type: 'string', short: 'o' } },
    async run(values, positionals) {
      if (positionals.length !== 1) throw new UsageError(positionals.length ? 'import-passim takes one PATH' : 'no PATH given');
      if (positionals[0] === '') throw new UsageError(EMPTY_NAME('PATH'));
      if (values.root === '') throw new UsageError(EMPTY_NAME('--root'));
      return importPassim(positionals[0], typeof values.root === 'string' ? values.root : '.', values.output);
    },
  },
};

const TOOL_HELP = () =>
  [
    'usage: synoptic COMMAND [OPTIONS] FILE...',
    '',
    'Reads several versions of one story side by side: boilerplate, shared and unique sentences, rewordings.',
    '',
    'commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`),
    '',
    'options:',
    '  -h, --help     this help; `synoptic COMMAND --help` (or `synoptic help COMMAND`) for a command;',
    '                 help is printed whatever else is given with it, --version too',
    '  -v, --version  the version (given alone)',
    '',
    'Exit codes: 0 done, 1 internal error, 2 bad command line or input.',
  ].join('\n') + '\n';

/**
 * The files as reports name them: each by its base name (standard input stays `-`), but where
 * two share a base name (a folder's `a/story.txt` and `b/story.txt`), those by their path as
 * given, and so is a file descriptor's (`/dev/fd/63`, as a shell's `<(…)` names it), whose base
 * name is a bare number; a name that would break its line is quoted (`quotedName`).
 */
function displayNames(paths: readonly string[]): string[] {
  const names = paths.map(path => (path === '-' || DESCRIPTOR_PATH.test(path) ? path : basename(path)));
  const count = new Map<string, number>();
  for (const name of names) count.set(name, (count.get(name) ?? 0) + 1);
  return names.map((name, i) => quotedName(count.get(name)! > 1 ? paths[i] : name));
}

/** A path to an open file descriptor: a number in a folder named `fd` (`/dev/fd/63`, `/proc/self/fd/3`). */
const DESCRIPTOR_PATH = /(?:^|[\\/])fd[\\/]\d+$/;

/** The package's version, read only when asked for (the bundle lies in dist/, beside package.json's folder). */
function version(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, message: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${message}, not '${String(value)}'`);
}

/** `value` as a whole number from 1 to `most` that a number holds exactly, or undefined where it is none. */
function countOf(value: unknown, most = Infinity): number | undefined {
  const n = Number(value);
  return typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(n) && n >= 1 && n <= most ? n : undefined;
}

function storyNumber(value: unknown): number {
  const n = countOf(value);
  if (n === undefined) throw new UsageError(`--story takes a story number from 1, not '${String(value)}'`);
  return n;
}

function threadsOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = countOf(value, MAX_THREADS);
  if (n === undefined) throw new UsageError(`--threads takes a number from 1 to ${MAX_THREADS}, not '${String(value)}'`);
  return n;
}

/**
 * The analysed files: paths as given, texts, analysis (on the threads `values.threads` asks
 * for, or as many as suit them). Refuses an output file (`values.output`) that is one of the
 * inputs: writing what the command writes (`written`, as a refusal names it) would destroy it.
 * Without `memberChanges`, for output that shows no changed facts, members are not compared
 * with their anchors for them (`FactOptions.memberChanges`). Throws UsageError or InputError.
 */
async function analyzeFiles(
  files: readonly string[],
  values: { readonly threads?: unknown; readonly output?: unknown; readonly 'one-story'?: unknown },
  written = 'the report',
  memberChanges = true,
): Promise<ExportInput & { readonly texts: readonly string[] }> {
  if (files.length === 0) throw new UsageError('no files given');
  if (files.includes('')) throw new UsageError(EMPTY_NAME('a FILE'));
  if (files.filter(f => f === '-').length > 1) throw new UsageError('standard input (-) can be read once');
  const threads = threadsOption(values.threads);
  const listingNotes: string[] = [];
  let found: SourceFile[];
  try {
    found = sourceFiles(files, listingNotes);
  } finally {
    // Said also where a later FILE is refused: what was left out stays worth knowing.
    for (const note of listingNotes) writeNote(note);
  }
  if (typeof values.output === 'string' && values.output !== '-') {
    // A report saved in a folder that is read again (`-o folder/report.txt folder`) is no version: -o replaces it.
    const saved = inputAt(
      values.output,
      found.filter(f => f.inFolder).map(f => f.path),
    );
    if (saved !== undefined && isSavedOutput(saved)) {
      writeNote(`left out ${saved}: a Synoptic report, which -o replaces`);
      found = found.filter(f => f.path !== saved);
      if (!found.length) throw new InputError('no file to read: the only one found is the report -o replaces');
    }
  }
  refuseOutputOver(
    values.output,
    found.map(f => f.path),
    written,
  );
  // A file standard output is redirected to was emptied by the shell: it holds no version.
  const { paths, texts, notes } = readSources(
    found,
    values.output === undefined || values.output === '-' ? standardOutputFile() : undefined,
  );
  for (const note of notes) writeNote(note);
  const options: AnalysisOptions = {
    ...(values['one-story'] === true ? { stories: { oneStory: true } } : {}),
    ...(memberChanges ? {} : { facts: { memberChanges: false } }),
  };
  return { paths, texts, analysis: storiesInPathOrder(await analyzeTexts(paths, texts, options, threads), paths) };
}

/**
 * `analysis` with its stories in the order every command numbers them: largest first, and
 * stories of one size by the first of their files' paths (as given) in code-unit order, so
 * that the same files give the same numbers in whatever order they are named (the analysis
 * breaks such ties by the first source, which is the order given). Nothing else in the
 * analysis refers to a story by its place. O(n log n) for n sources.
 */
function storiesInPathOrder(analysis: CorpusAnalysis, paths: readonly string[]): CorpusAnalysis {
  const { stories } = analysis;
  const first = stories.map(story =>
    story.sources.reduce((least, s) => (compareCodeUnits(paths[s], least) < 0 ? paths[s] : least), paths[story.sources[0]]),
  );
  const order = stories
    .map((_, k) => k)
    .sort((x, y) => stories[y].sources.length - stories[x].sources.length || compareCodeUnits(first[x], first[y]) || x - y);
  return order.every((k, i) => k === i) ? analysis : { ...analysis, stories: order.map(k => stories[k]) };
}

async function analyzeTexts(
  ids: readonly string[],
  texts: readonly string[],
  options: AnalysisOptions,
  threads?: number,
): Promise<CorpusAnalysis> {
  const analyzer = createAnalyzer(options, { expectEdits: false });
  return analyzeInParallel(
    analyzer,
    ids.map((id, i) => ({ id, text: texts[i] })),
    join(__dirname, 'prepareWorker.js'),
    options,
    threads,
  );
}

function exportAs(format: ExportFormat, input: ExportInput, options: { story?: number; bom: boolean }): string {
  switch (format) {
    case 'csv':
      return toCsv(input, options);
    case 'html':
      return toHtml(input, options);
    case 'tei':
      return toTei(input, options);
    case 'collatex':
      return JSON.stringify(toCollatex(input, options)) + '\n';
    case 'passim':
      return toPassim(input, options);
  }
}

/**
 * Throws a UsageError where `target` (the -o value) cannot be a file to write: a folder, or a
 * path whose folder is missing or is a file. Checked before anything is read, so that a long
 * analysis is not lost to a mistyped path. O(1).
 */
function checkOutputTarget(target: unknown): void {
  if (typeof target !== 'string' || target === '-') return;
  if (target === '') throw new UsageError('-o: names no file (an empty name)');
  if (statOf(target)?.isDirectory()) throw new UsageError(`-o ${target}: is a folder, not a file`);
  if (target.endsWith('/') || target.endsWith(sep)) throw new UsageError(`-o ${target}: names a folder, not a file`);
  const folder = dirname(target);
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`-o ${target}: no such folder ${folder}`);
    if (code === 'ENOTDIR') throw new UsageError(`-o ${target}: ${folder} lies under a file, not a folder`);
    throw new UsageError(`-o ${target}: its folder ${folder} cannot be read (${code ?? 'error'})`);
  }
  if (!isFolder) throw new UsageError(`-o ${target}: ${folder} is a file, not a folder`);
}

/**
 * 1 or 2 where `target` (the -o value) names what standard output or standard error is open
 * on, else undefined: a link such as `/dev/stdout` or `/dev/fd/2` to the regular file the
 * stream is redirected to (`> file`), or any name of the pipe, socket or terminal it writes
 * to. Written through the stream, such a target ends quietly where a reader stops reading
 * (`| head`), as standard output does. A regular file named as itself is replaced, as asked.
 * O(1).
 */
function standardStreamAt(target: unknown): 1 | 2 | undefined {
  if (typeof target !== 'string' || target === '-' || target === '') return undefined;
  let link: boolean;
  try {
    link = lstatSync(target).isSymbolicLink();
  } catch {
    return undefined;
  }
  const stats = statOf(target);
  if (!stats || (stats.isFile() && !link)) return undefined;
  for (const fd of [1, 2] as const) {
    try {
      const open = fstatSync(fd);
      if (open.isFile() === stats.isFile() && open.dev === stats.dev && open.ino === stats.ino) return fd;
    } catch {
      // Closed: nothing to compare with.
    }
  }
  return undefined;
}

/** What `path` leads to, or undefined where nothing is there (or it cannot be looked at). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Throws a UsageError where `target` (the -o value) is one of `inputs`: what the command writes
 * (`written`: "the report", "the export", "the import") would replace it.
 */
function refuseOutputOver(target: unknown, inputs: readonly string[], written = 'the report'): void {
  if (typeof target !== 'string' || target === '-') return;
  const input = inputAt(target, inputs);
  if (input !== undefined)
    throw new UsageError(
      `-o ${target}: is the input file ${input === '-' ? 'read from standard input (-)' : input}; ${written} would replace it`,
    );
}

async function importPassim(path: string, root: string, output: unknown): Promise<string> {
  let rootIsFolder: boolean;
  try {
    rootIsFolder = statSync(root).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `--root ${root}: no such folder` : `--root ${root}: cannot be read (${code ?? 'error'})`);
  }
  if (!rootIsFolder) throw new UsageError(`--root ${root}: is a file, not a folder`);
  const read = (await readPassimRecords(path, root))!;
  // Nothing is written before the report: passim's output and the documents it names are checked once read.
  refuseOutputOver(output, [...read.partFiles, ...read.paths], 'the import');
  const skipped = skippedSummary(read.skipped);
  if (skipped) writeNote(`import-passim ${skipped}`);
  if (read.records.length === 0) {
    const { missing, outside, unreadable, oversize, unclustered, broken } = read.skipped;
    // Records without a cluster all: passim's input, whose files may be readable all the same.
    if (unclustered > 0 && unclustered === skippedCount(read.skipped))
      throw new InputError(`${path}: no record has a cluster; this is passim's input, not its output`);
    // Nothing named a file at all: no root would help, and --root is no advice to give.
    if (missing + outside + unreadable + unclustered === 0) {
      if (read.partFiles.length === 0) {
        // passim's own output folder holds its clusters in out.json/, beside its other outputs.
        const inner = ['out.json', 'out'].map(name => join(path, name)).find(p => statOf(p)?.isDirectory());
        throw new InputError(`${path}: a folder without part files${inner ? `; passim writes its clusters to ${inner}` : ''}`);
      }
      if (oversize > 0) throw new InputError(`${path}: holds no passim record of 10 MB or less`);
      throw new InputError(`${path}: holds no passim record${broken > 0 ? ', only lines that are not one' : ''}`);
    }
    throw new InputError(`${path}: no record names a readable file under ${root === '.' ? 'the current folder' : root} (see --root)`);
  }
  const analysis = await analyzeTexts(read.ids, read.texts, {});
  return JSON.stringify({ ...toExportFormat1(analysis, read.ids), stories: clusterStories(read, analysis) }) + '\n';
}

/** The options and the command that ask for help before any command, and those that ask for the version. */
const HELP_OPTIONS: readonly string[] = ['--help', '-h'];
const HELP: readonly string[] = [...HELP_OPTIONS, 'help'];
const VERSION: readonly string[] = ['--version', '-v'];

/** What the command line asks for: a command to run, or text to print (help, version). */
type Request =
  | { readonly print: string }
  | { readonly command: Command; readonly values: Record<string, string | boolean | undefined>; readonly positionals: string[] };

function parseCommandLine(argv: readonly string[]): Request {
  const [verb, ...rest] = argv;
  if (verb === undefined) throw new UsageError('no command given; `synoptic --help` lists them');
  if (HELP.includes(verb) || VERSION.includes(verb)) {
    // Asked for help, version or both, in any order: help says more, and names --version.
    const wantsHelp = verb === 'help' || argv.some(arg => HELP_OPTIONS.includes(arg));
    const others = rest.filter(arg => !HELP_OPTIONS.includes(arg) && !VERSION.includes(arg));
    if (!wantsHelp) {
      if (others.length) throw new UsageError(`--version takes nothing else, not '${others[0]}'`);
      return { print: `${version()}\n` };
    }
    const [topic, ...more] = others;
    if (topic === undefined) return { print: TOOL_HELP() };
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, topic) ? COMMANDS[topic] : undefined;
    if (!command) throw new UsageError(`unknown command '${topic}'; \`synoptic --help\` lists them`);
    if (more.length) throw new UsageError(`help explains one command, not '${more[0]}' as well`);
    return { print: commandHelp(command) };
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, verb) ? COMMANDS[verb] : undefined;
  if (!command)
    throw new UsageError(
      // An option before any command: the options belong to a command, which comes first.
      verb.startsWith('-') && verb !== '-'
        ? `'${verb}' is an option, and a command comes first (\`synoptic COMMAND [OPTIONS] FILE...\`); \`synoptic --help\` lists the commands`
        : `unknown command '${verb}'; \`synoptic --help\` lists them`,
    );
  // Help asked for is given, whatever else the command line holds (before `--`, after which
  // every argument is a FILE): the options it lists are what the rest may have got wrong.
  const end = rest.indexOf('--');
  if ((end < 0 ? rest : rest.slice(0, end)).some(arg => HELP_OPTIONS.includes(arg))) return { print: commandHelp(command) };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (e) {
    throw new UsageError(argumentMessage(e as Error & { code?: string }, command));
  }
  // The parser keeps the last of an option given twice; two values for one setting are a mistake to name.
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || token.name === 'help') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given twice; \`synoptic help ${verb}\` lists the options`);
    seen.add(token.name);
  }
  if (parsed.values.help) return { print: commandHelp(command) };
  return { command, values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
}

function commandHelp(command: Command): string {
  return `usage: ${command.usage}\n\n${command.summary}.\n\n${command.help}\n`;
}

/** node's message for a bad option, shortened to one line. */
function argumentMessage(e: Error & { code?: string }, command: Command): string {
  const option = /'([^']+)'/.exec(e.message)?.[1];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      if (option !== undefined && VERSION.includes(option)) return `${option} comes alone, before any command: \`synoptic ${option}\``;
      return `unknown option '${option ?? '?'}'; usage: ${command.usage}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // node's first line, "argument is ambiguous", leaves out what to do; its hint names the
      // option's long form, the way to give a value that starts with a dash ("--story=-1").
      if (/ambiguous/.test(e.message)) {
        const long = /use '(--[\w-]+)=/.exec(e.message)?.[1] ?? option ?? '?';
        return `${option ?? long} is followed by an argument starting with '-', read as an option; give such a value as ${long}=VALUE; usage: ${command.usage}`;
      }
      // node names the option as "-o, --output <value>": the long form says which it is.
      if (/argument missing/.test(e.message))
        return `${/--[\w-]+/.exec(option ?? '')?.[0] ?? option ?? '?'} needs a value; usage: ${command.usage}`;
      return `${e.message.split('\n')[0]}; usage: ${command.usage}`;
    default:
      return `${e.message.split('\n')[0]}; usage: ${command.usage}`;
  }
}

async function main(): Promise<number> {
  let request: Request;
  try {
    request = parseCommandLine(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    writeLine(e.message);
    return 2;
  }
  if ('print' in request) {
    writeOutput(request.print);
    return 0;
  }
  let output: Output;
  // `-o /dev/stdout` with standard output redirected to a file (`> log`, `>> log`): that file is
  // standard output's own, open at its place (or for appending), so it is written as `-` is;
  // replacing it would drop what the shell and the run wrote to it before, and what follows.
  const stream = standardStreamAt(request.values.output);
  if (stream === 1) request.values.output = '-';
  try {
    checkOutputTarget(request.values.output);
    output = await request.command.run(request.values, request.positionals);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      writeLine(e.message);
      return 2;
    }
    throw e;
  }
  const target = request.values.output;
  if (stream === 2) {
    try {
      writeOutput(output, 2);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      writeLine(`${String(target)}: cannot be written: ${writeFailure(code)}`);
      return 2;
    }
  } else if (typeof target === 'string' && target !== '-') {
    try {
      // A stop asked for while a new file is written beside the old one waits until it has taken
      // the old one's place; a pipe or device written in place is left to stop at once.
      if (writesBeside(target)) await withTerminationHeld(() => writeTextFile(target, output));
      else writeTextFile(target, output);
    } catch (e) {
      writeLine(`${target}: cannot be written: ${writeFailure((e as NodeJS.ErrnoException).code)}`);
      return 2;
    }
  } else {
    try {
      writeOutput(output);
    } catch (e) {
      // A full disk or a closed terminal is no fault of the tool's, as with -o.
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      writeLine(`standard output cannot be written: ${writeFailure(code)}`);
      return 2;
    }
  }
  return 0;
}

/** Why a write failed, in words where the system's code is a common one, with the code. */
function writeFailure(code: string | undefined): string {
  const words = code ? WRITE_FAILURES[code] : undefined;
  return words ? `${words} (${code})` : `error ${code ?? 'without a code'}`;
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EROFS: 'the file system is read-only',
  EIO: 'the device reported an input/output error',
  EFBIG: 'the file would be too large',
  // A named pipe whose reader went away before the end: the file asked for is not whole.
  EPIPE: 'its reader closed it before the end',
  ENOENT: 'no such file or folder',
  ENXIO: 'no such device or address',
};

/**
 * `output` in UTF-8, a piece at a time: its text (or each text its writer hands over), cut
 * into pieces of at most `PIECE_UNITS` code units (a surrogate pair never cut), is encoded
 * into one reused buffer, handed to `write` whenever the next piece might not fit and at the
 * end; `write` takes the bytes before the buffer is reused. Measured on the JSON export of
 * 1,000 versions (18.6 MB, characters beyond Latin-1): 11-16 ms in pieces, against about 150
 * ms to size and encode the whole text at once, which also held a second copy of it. Lone
 * surrogates become U+FFFD, as `Buffer.from` makes them.
 */
function inUtf8Pieces(output: Output, write: (bytes: Buffer) => void): void {
  const buffer = Buffer.allocUnsafe(3 * (typeof output === 'string' ? Math.min(output.length, PIECE_UNITS) : PIECE_UNITS));
  let filled = 0;
  const add = (text: string) => {
    for (let start = 0; start < text.length;) {
      let end = Math.min(text.length, start + PIECE_UNITS);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      if (filled + 3 * (end - start) > buffer.length) {
        write(buffer.subarray(0, filled));
        filled = 0;
      }
      const piece = start === 0 && end === text.length ? text : text.slice(start, end);
      filled += utf8.encodeInto(piece, buffer.subarray(filled)).written;
      start = end;
    }
  };
  if (typeof output === 'string') add(output);
  else output(add);
  if (filled > 0) write(buffer.subarray(0, filled));
}

const utf8 = new TextEncoder();
/** Code units encoded at a time (3 MB of UTF-8 at most). */
const PIECE_UNITS = 1 << 20;

/** Writes all of `text` to the file `target`, replacing it; a write that fails leaves the old file (`replaceFile`). */
function writeTextFile(target: string, text: Output): void {
  replaceFile(target, fd => inUtf8Pieces(text, bytes => writeAllSync(fd, bytes)));
}

/** Writes all of `bytes` to the file descriptor `fd`, however many writes that takes. */
function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
}

/**
 * Writes the result to standard output (or standard error, `fd` 2) straight through its file
 * descriptor: setting up Node's stream for a pipe costs a short run several milliseconds.
 * Where the descriptor would block (a non-blocking pipe that is full), the rest goes through
 * the stream, which waits. A reader that stops reading (`| head`) ends the output quietly, as
 * it does for other tools.
 */
function writeOutput(text: Output, fd: 1 | 2 = 1): void {
  let streaming = false;
  let closed = false;
  inUtf8Pieces(text, bytes => {
    if (closed) return;
    let written = 0;
    if (!streaming) {
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') {
          closed = true;
          return;
        }
        if (code !== 'EAGAIN') throw e;
        streaming = true;
        outputStreamed = true;
      }
    }
    // The stream keeps what it is given until it is written: a copy, as the buffer is reused.
    standardStream(fd).write(Buffer.from(bytes.subarray(written)));
  });
}

/**
 * Whether file descriptor `fd` is a terminal (`tty.isatty`). The module is loaded here: with the
 * network and stream modules it pulls in, loading it cost every run's start several
 * milliseconds, and only the text report to standard output asks.
 */
function isTerminal(fd: number): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, see above
  const { isatty } = require('node:tty') as typeof import('node:tty');
  return isatty(fd);
}

/** Whether some output went through a stream, which may still hold it: the process must then end by itself. */
let outputStreamed = false;

/**
 * Writes `line` on standard error after the tool's name, as one line: a file name in it that
 * holds a newline or another control character has it escaped (`unbrokenLine`).
 */
function writeLine(line: string): void {
  standardStream(2).write(`synoptic: ${unbrokenLine(line)}\n`);
}

/** The standard streams given a handler for a reader that went away, each once. */
const guardedStreams = new Set<1 | 2>();

/**
 * `process.stdout` (`fd` 1) or `process.stderr` (2), where a reader that went away (`| head`,
 * `2>&1 | head -1`) loses the rest quietly: the run goes on and ends with its own exit code,
 * where the stream's error ended it with an internal one.
 */
function standardStream(fd: 1 | 2): NodeJS.WriteStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!guardedStreams.has(fd)) {
    guardedStreams.add(fd);
    stream.on('error', error => {
      if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
    });
  }
  return stream;
}

/** Writes one line for the user on standard error, where the run goes on. */
function writeNote(line: string): void {
  writeLine(line);
  // Standard error may be a stream that writes later (a pipe on macOS, a console on Windows).
  outputStreamed = true;
}

/**
 * Runs the command line of this process; the exit code is set when it is done. A run that
 * succeeded with all its output written ends the process at once: the system takes back the
 * memory of a large analysis whole, where an orderly end freed it piece by piece (85 ms after
 * the last byte at 1,000 versions, 400 MB). A run that failed, or whose output is still in the
 * stream, ends as usual, so that nothing is cut short.
 */
export function run(): Promise<void> {
  return main().then(
    code => {
      process.exitCode = code;
      if (code === 0 && !outputStreamed) process.exit(code);
    },
    e => {
      writeLine(`internal error: ${(e as Error).message}`);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) void run();
