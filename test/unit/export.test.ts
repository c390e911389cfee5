import { DOMParser } from '@xmldom/xmldom';
import * as assert from 'node:assert/strict';
import { parse as parseCsv } from 'csv-parse/sync';
import * as parse5 from 'parse5';
import { toExportFormat1 } from '../../src/core';
import { movedBetween } from '../../src/core/order';
import { toCollatex } from '../../src/export/collatex';
import { inertInSpreadsheets, toCsv } from '../../src/export/csv';
import { htmlCsp, toHtml } from '../../src/export/html';
import { escapeMarkup } from '../../src/export/markup';
import { toPassim } from '../../src/export/passim';
import { storiesOf } from '../../src/export/stories';
import { exportTable } from '../../src/export/table';
import { TEI_NAMESPACE, toTei } from '../../src/export/tei';
import { NO_LINE_START, columnsOf, isTextReport, lastWordBreak, textReport, wrap } from '../../src/export/textReport';
import { pickedString, seededRandom } from '../support/random';
import { analyzeCorpus } from '../../src/core/analyzer';
import { seedInputs } from '../support/fixtures';
import { bridgeStory, notes } from '../support/stories';
import { PLANTED, analyzedHostileCorpus } from '../support/hostile';
import { validateExport } from '../support/schema';

const HOSTILE = 5;

/** Two short paragraphs of an Arabic news page. */
const ARABIC =
  'قال المسؤولون إن الحكومة وافقت على الميزانية الجديدة يوم الثلاثاء. وأضافوا أن الخطة ستمول المدارس والطرق في المنطقة. ' +
  'وقال رئيس البلدية للصحفيين "نحن فخورون بهذه النتيجة". وقال المعارضون إن زيادة الضرائب لم تكن مبررة.\n';

describe('exports', () => {
  const { analysis, input, inputs } = analyzedHostileCorpus();
  const hostileSentences = analysis.sources[HOSTILE].sentences.map(s => s.text);

  it('plants its markup in sentences of the hostile source, one shared with the seeds and one its own', () => {
    assert.ok(hostileSentences.some(s => s.includes(PLANTED[0])));
    assert.ok(hostileSentences.some(s => s.includes(PLANTED[1])));
    const groups = analysis.sources[HOSTILE].groupOfSentence;
    assert.ok(groups.some(g => g >= 0) && groups.some(g => g < 0));
  });

  it('lays every sentence of every source into exactly one row of the table', () => {
    const table = exportTable(input);
    assert.deepEqual(table.columns, [0, 1, 2, 3, 4, 5]);
    for (const [column, source] of table.columns.entries()) {
      const cells = table.rows.map(r => r.cells[column]?.text).filter((t): t is string => t !== undefined);
      const joined = cells.join('\n');
      for (const s of analysis.sources[source].sentences) assert.ok(joined.includes(s.text), `source ${source}: ${s.text}`);
    }
    for (const row of table.rows) assert.equal(row.kind === 'unique', row.cells.filter(Boolean).length === 1);
  });

  it('writes CSV that a CSV parser reads back cell for cell, hostile text included', () => {
    const csv = toCsv(input);
    assert.ok(!csv.startsWith('\ufeff'));
    const records: string[][] = parseCsv(csv, { relax_column_count: false });
    const table = exportTable(input, { diffs: false, repeatsOnce: true });
    assert.deepEqual(records[0], ['kind', 'statement', 'sources', 'similarity', ...input.paths]);
    assert.equal(records.length, table.rows.length + 1);
    table.rows.forEach((row, i) => {
      const record = records[i + 1];
      assert.equal(record[0], row.kind);
      assert.deepEqual(
        record.slice(4),
        row.cells.map(c => c?.text ?? ''),
      );
    });
    const hostileColumn = records.slice(1).map(r => r[4 + HOSTILE]);
    for (const s of hostileSentences) assert.ok(hostileColumn.includes(s), s);
    assert.ok(records.slice(1).some(r => r[0] === 'unique') && records.slice(1).some(r => r[0] === 'statement'));
  });

  it('writes a cell that a spreadsheet would read as a formula as plain text, with a leading apostrophe', () => {
    assert.equal(inertInSpreadsheets('=HYPERLINK("http://example.invalid","x")'), `'=HYPERLINK("http://example.invalid","x")`);
    for (const risky of ['+1', '-2 degrees', '@SUM(A1)', '\tx', '\rx']) assert.equal(inertInSpreadsheets(risky), `'${risky}`);
    for (const safe of ['Rates rose.', '"Quoted"', '', '1,000 people', '-']) assert.equal(inertInSpreadsheets(safe), safe);
    const inputs = [
      ...seedInputs(),
      { id: '=formula.txt', text: '=HYPERLINK("x") Officials said the talks in the capital would go on for a second day.\n' },
    ];
    const rows: string[][] = parseCsv(toCsv({ analysis: analyzeCorpus(inputs), paths: inputs.map(i => i.id) }));
    assert.ok(
      rows.flat().some(cell => cell.startsWith(`'=HYPERLINK`)),
      'the planted formula is in the table, made inert',
    );
    for (const cell of rows.flat()) assert.ok(!/^[=+@]/.test(cell), `a cell reads as a formula: ${cell}`);
  });

  it('quotes a file name holding a lone LF or CR, so the header reads back as one record', () => {
    const paths = input.paths.map((p, i) => (i === 1 ? 'new\nline.txt' : i === 2 ? 'old\rmac.txt' : p));
    const records: string[][] = parseCsv(toCsv({ ...input, paths }), { relax_column_count: false });
    assert.deepEqual(records[0], ['kind', 'statement', 'sources', 'similarity', ...paths]);
  });

  it('starts the CSV with a byte order mark when asked', () => {
    const csv = toCsv(input, { bom: true });
    assert.ok(csv.startsWith('\ufeffkind,'));
    assert.ok(csv.includes('\r\n'));
  });

  it('writes HTML whose planted markup parses as text, with no script, no external resource and a strict policy', () => {
    const html = toHtml(input);
    const document = parse5.parse(html);
    const elements: { tagName: string; attrs: { name: string; value: string }[] }[] = [];
    let text = '';
    const walk = (node: any) => {
      if (node.tagName) elements.push(node);
      if (node.nodeName === '#text') text += node.value;
      for (const child of node.childNodes ?? []) walk(child);
      if (node.content) walk(node.content);
    };
    walk(document);
    const tags = new Set(elements.map(e => e.tagName));
    for (const forbidden of ['script', 'img', 'iframe', 'object', 'link', 'base', 'form']) assert.ok(!tags.has(forbidden), forbidden);
    for (const e of elements)
      for (const a of e.attrs) {
        assert.ok(!a.name.startsWith('on'), `${e.tagName} ${a.name}`);
        assert.ok(!['src', 'href', 'action'].includes(a.name), `${e.tagName} ${a.name}`);
      }
    // Each planted piece of markup is in the document as text (word diffs may split a sentence into runs).
    for (const planted of PLANTED) assert.ok(text.includes(planted) || text.replace(/\s+/g, ' ').includes(planted), planted);
    for (const s of hostileSentences) assert.ok(text.includes(s) || diffRunsCover(text, s), s);
    const csp = elements.find(e => e.tagName === 'meta' && e.attrs.some(a => a.value === 'Content-Security-Policy'));
    const style = elements.find(e => e.tagName === 'style') as unknown as { childNodes: { value: string }[] };
    const policy = htmlCsp(style.childNodes.map(c => c.value).join(''));
    assert.equal(csp?.attrs.find(a => a.name === 'content')?.value, policy);
    assert.match(policy, /default-src 'none'/);
    assert.ok(tags.has('ins') && tags.has('del'), 'rewordings are marked');
    assert.match(html, /@media print/);
  });

  it('writes no control character into HTML or TEI, DEL and the C1 controls included, but as U+FFFD', () => {
    const text = 'The minister said on Monday that the talks\u007f would resume\u0085 next week in Geneva\ufdd0 after a pause.\n';
    const inputs = [
      { id: 'a.txt', text },
      { id: 'b.txt', text: text.replace('Monday', 'Tuesday') },
    ];
    const exported = { analysis: analyzeCorpus(inputs), paths: inputs.map(i => i.id) };
    const errors: string[] = [];
    const html = toHtml(exported);
    parse5.parse(html, { onParseError: error => errors.push(error.code) });
    assert.deepEqual(errors, []);
    for (const written of [html, toTei(exported)]) {
      assert.doesNotMatch(written, /[\u007f-\u009f\ufdd0-\ufdef]/);
      assert.match(written, /talks\ufffd would resume\ufffd/);
    }
  });

  it('lays out the cells of a language written right to left right to left, and leaves those of the others as they were', () => {
    const inputs = [
      { id: 'a.txt', text: ARABIC },
      { id: 'b.txt', text: ARABIC.replace('الثلاثاء', 'الأربعاء') },
    ];
    const rtl = analyzeCorpus(inputs);
    assert.equal(rtl.sources[0].language, 'ar');
    const html = toHtml({ analysis: rtl, paths: inputs.map(i => i.id) });
    const cells = [...html.matchAll(/<td class="cell" lang="ar"[^>]*>/g)];
    assert.ok(cells.length >= 2);
    for (const [cell] of cells) assert.match(cell, / dir="rtl"/);
    assert.doesNotMatch(toHtml(input), /<td class="cell" lang="en" dir=/);
    // The page's title is a sentence of the story: its direction is its own, as its first letter
    // tells, and so is its language; the page's own words are English.
    assert.match(html, /<h1 dir="auto" lang="ar">قال/);
    assert.match(html, /<title dir="auto" lang="ar">قال/);
    assert.match(html, /<html lang="en">/);
  });

  it('gives each sentence of the HTML export its own direction, so that one quoted in a script of the other direction reads in its own', () => {
    const english =
      'The city council approved the new budget on Tuesday after a long debate. Officials said the plan would fund schools and roads.\n' +
      'The mayor told reporters the council was proud of the result. Opponents said the tax rise was not needed.\n';
    const quoted = 'قال رئيس البلدية للصحفيين إن المجلس فخور بهذه النتيجة.';
    const english2 = 'The BBC reported that the council met again on Wednesday to discuss the roads.';
    const opensLatin = 'BBC قالت إن المجلس اجتمع مرة أخرى يوم الأربعاء لمناقشة الطرق.';
    const inputs = [
      { id: 'en-a.txt', text: `${english}${quoted}\n` },
      { id: 'en-b.txt', text: english.replace('Tuesday', 'Wednesday') },
      { id: 'ar-a.txt', text: `${ARABIC}${english2}\n${opensLatin}\n` },
      { id: 'ar-b.txt', text: ARABIC.replace('الثلاثاء', 'الأربعاء') },
    ];
    const html = toHtml({ analysis: analyzeCorpus(inputs), paths: inputs.map(i => i.id) });
    const document = new DOMParser().parseFromString(html, 'text/html');
    const cells = Array.from(document.getElementsByTagName('td')).filter(td => /\bcell\b/.test(td.getAttribute('class') ?? ''));
    const present = cells.filter(td => !/\babsent\b/.test(td.getAttribute('class') ?? ''));
    assert.ok(present.length > 8);
    const sentences = new Map<string, { dir: string; lang: string }>();
    for (const td of present) {
      // One sentence a cell, in an element of its own, before the cell's notes.
      const own = Array.from(td.getElementsByTagName('div')).filter(d => d.getAttribute('class') === 'sentence');
      assert.equal(own.length, 1, td.toString());
      assert.equal(td.firstChild, own[0], 'the sentence comes first');
      sentences.set(own[0].textContent ?? '', { dir: own[0].getAttribute('dir') ?? '', lang: td.getAttribute('lang') ?? '' });
    }
    // An Arabic sentence in an English article reads right to left, an English one in an Arabic
    // article left to right, and an Arabic one that opens with a Latin name right to left still.
    assert.deepEqual(sentences.get(quoted), { dir: 'rtl', lang: 'en' });
    assert.deepEqual(sentences.get(english2), { dir: 'ltr', lang: 'ar' });
    assert.deepEqual(sentences.get(opensLatin), { dir: 'rtl', lang: 'ar' });
    for (const [text, { dir, lang }] of sentences)
      if (text !== quoted && text !== english2 && text !== opensLatin) assert.equal(dir, lang === 'ar' ? 'rtl' : 'ltr', text);
    // Marked words stay inside their sentence's element, and the page still parses cleanly.
    const errors: string[] = [];
    parse5.parse(html, { onParseError: error => errors.push(error.code) });
    assert.deepEqual(errors, []);
    assert.match(html, /<div class="sentence" dir="ltr">[^<]*<(ins|del)>/);
  });

  it('sets each story title of a page of several stories apart from the text around it, in the contents and over its table', () => {
    const english =
      'The city council approved the new budget on Tuesday after a long debate. Officials said the plan would fund schools and roads. ' +
      'The mayor told reporters the council was proud of the result. Opponents said the tax rise was not needed.\n';
    const inputs = [
      { id: 'a.txt', text: ARABIC },
      { id: 'b.txt', text: ARABIC.replace('الثلاثاء', 'الأربعاء') },
      { id: 'c.txt', text: english },
      { id: 'd.txt', text: english.replace('Tuesday', 'Wednesday') },
    ];
    const analysis = analyzeCorpus(inputs);
    const html = toHtml({ analysis, paths: inputs.map(i => i.id) });
    const headings = [...html.matchAll(/<h2>(\d+)\. <bdi lang="([^"]+)">([^<]*)<\/bdi><\/h2>/g)].map(m => [m[2], m[3]]);
    const links = [...html.matchAll(/<a href="#story-\d+"><bdi lang="([^"]+)">([^<]*)<\/bdi><\/a>/g)].map(m => [m[1], m[2]]);
    assert.equal(headings.length, 2, html.slice(0, 2000));
    assert.deepEqual(links, headings);
    // Each title says its story's language; the page's own words are English.
    assert.ok(headings.some(([lang, h]) => lang === 'ar' && h.startsWith('قال')));
    assert.ok(headings.some(([lang, h]) => lang === 'en' && h.startsWith('The city council')));
    assert.match(html, /<html lang="en">/);
  });

  it('heads a column with its path where two sources share a file name, and sets words added in place of struck whole words apart by a space', () => {
    const inputs = seedInputs().slice(0, 3);
    const paths = ['a/story.txt', 'b/story.txt', 'a/other.txt'];
    const html = toHtml({ analysis: analyzeCorpus(inputs), paths });
    // Each name may break before its extension (a <wbr>), which a reader's copy of it leaves out.
    const heads = [...html.matchAll(/<th scope="col" title="[^"]*">(.*?)<\/th>/g)].map(m => m[1]);
    assert.deepEqual(heads, ['a/story<wbr>.txt', 'b/story<wbr>.txt', 'other<wbr>.txt']);
    const apart = html.match(/ <del>[^<]*<\/del> <ins class="replacing">/g) ?? [];
    assert.ok(apart.length > 0, 'the seeds replace whole words');
    assert.doesNotMatch(html, / <del>[^<]*<\/del><ins class="replacing">[^<]*<\/ins> /, 'whole words replaced stand apart');
    assert.match(html, /-<del>[^<]*<\/del><ins class="replacing">/, 'the seeds replace a part of a hyphenated word');
    assert.doesNotMatch(html, /-<del>[^<]*<\/del> <ins class="replacing">/, 'no space inside a word');
    assert.doesNotMatch(html, /<\/del> <ins class="replacing">[^<]*<\/ins>-/, 'nor before a hyphen that goes on with the word');
  });

  it('marks no row of a story of one source as only here in HTML, and keeps the marks of a story of several', () => {
    const inputs = [...seedInputs(), bridgeStory()[0]];
    const corpus = analyzeCorpus(inputs);
    const stories = storiesOf(corpus);
    const sole = stories.findIndex(story => story.sources.length === 1);
    assert.ok(sole >= 0 && stories.length === 2);
    const html = toHtml({ analysis: corpus, paths: inputs.map(i => i.id) });
    const section = (k: number) => html.slice(html.indexOf(`<section id="story-${k + 1}">`)).split('</section>')[0];
    const own = section(sole);
    assert.ok(own.includes('<tbody>'));
    assert.doesNotMatch(own, /only here/);
    assert.doesNotMatch(own, /<tr class="unique">/);
    assert.doesNotMatch(own, /class="row"/, 'no column of statement numbers in a story of one source');
    const several = section(1 - sole);
    assert.match(several, /<tr class="unique"><td class="row"><span class="note">only here<\/span>/);
    assert.match(several, /<tr class="statement"><td class="row">#\d+<span class="note">in 5 sources<\/span>/);
  });

  it('gives each statement row of the HTML export the number the CSV export and the text report give it, and a lone sentence none', () => {
    const analysis = analyzeCorpus(seedInputs());
    const paths = seedInputs().map(i => i.id);
    const csvRows = (parseCsv(toCsv({ analysis, paths }), { bom: true }) as string[][]).slice(1);
    const html = toHtml({ analysis, paths });
    const htmlRows = [...html.matchAll(/<tr class="statement"><td class="row">#(\d+)<span class="note">in \d+ sources<\/span>/g)].map(
      m => m[1],
    );
    const csvStatements = csvRows.filter(r => r[0] === 'statement').map(r => r[1]);
    assert.ok(htmlRows.length > 10);
    assert.deepEqual(htmlRows, csvStatements);
  });

  it('writes well-formed TEI with one reading per wording and an empty reading for sources that lack a statement', () => {
    const xml = toTei(input);
    const errors: string[] = [];
    const document = new DOMParser({ onError: (level, message) => errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
    assert.deepEqual(errors, []);
    const root = document.documentElement!;
    assert.equal(root.localName, 'TEI');
    assert.equal(root.namespaceURI, TEI_NAMESPACE);
    const witnesses = Array.from(document.getElementsByTagNameNS(TEI_NAMESPACE, 'witness'));
    assert.deepEqual(
      witnesses.map(w => w.textContent),
      input.paths,
    );
    const ids = witnesses.map(w => w.getAttribute('xml:id'));
    const apps = Array.from(document.getElementsByTagNameNS(TEI_NAMESPACE, 'app'));
    assert.ok(apps.length > 10);
    for (const app of apps) {
      const readings = Array.from(app.getElementsByTagNameNS(TEI_NAMESPACE, 'rdg'));
      const wits = readings.flatMap(r => r.getAttribute('wit')!.split(' '));
      // Every source is named exactly once per <app>: its reading, or the empty one.
      assert.deepEqual([...wits].sort(), ids.map(id => `#${id}`).sort());
      assert.ok(readings.filter(r => r.childNodes.length === 0).length <= 1);
    }
    const hostileReadings = apps
      .flatMap(app => Array.from(app.getElementsByTagNameNS(TEI_NAMESPACE, 'rdg')))
      .filter(r => r.getAttribute('wit')!.split(' ').includes(`#${ids[HOSTILE]}`))
      .map(r => r.textContent);
    for (const s of hostileSentences.slice(1)) assert.ok(hostileReadings.includes(s), s);
    for (const name of ['img', 'script', 'td', 'tr', 'table']) assert.equal(document.getElementsByTagName(name).length, 0, name);
  });

  it("writes CollateX's JSON: witnesses, and per segment each witness's tokens, empty where it lacks the segment", () => {
    const json = JSON.parse(JSON.stringify(toCollatex(input)));
    assert.deepEqual(json.witnesses, input.paths);
    const table = exportTable(input, { diffs: false });
    assert.equal(json.table.length, table.rows.length);
    json.table.forEach((segment: { t: string; n: string }[][], i: number) => {
      assert.equal(segment.length, input.paths.length);
      segment.forEach((tokens, w) => {
        const cell = table.rows[i].cells[w];
        assert.equal(tokens.map(t => t.t).join(''), cell?.text ?? '');
        for (const t of tokens) assert.equal(typeof t.n, 'string');
      });
    });
    const hostileText = json.table.map((s: { t: string }[][]) => s[HOSTILE].map(t => t.t).join(''));
    for (const s of hostileSentences) assert.ok(hostileText.includes(s), s);
  });

  it("writes passim's input: one record per source, its path as id and series, the text without boilerplate lines", () => {
    const lines = toPassim(input).trimEnd().split('\n');
    assert.equal(lines.length, inputs.length);
    lines.forEach((line, i) => {
      const record = JSON.parse(line);
      assert.deepEqual(Object.keys(record), ['id', 'series', 'text']);
      assert.equal(record.id, input.paths[i]);
      assert.equal(record.series, input.paths[i]);
      const s = analysis.sources[i];
      const kept = s.lineSpans.filter((_, l) => s.lines[l].kind !== 'boilerplate').map(span => inputs[i].text.slice(span.start, span.end));
      assert.equal(record.text, kept.join('\n'));
      for (const sentence of s.sentences) assert.ok(record.text.includes(sentence.text));
    });
    assert.ok(lines[HOSTILE].includes('<img src=x onerror=\\"alert(1)\\">'));
  });

  it('lists a caption its source prints twice in one place once in CSV and HTML, saying so in HTML, and each copy in the table the editions read', () => {
    // Seed 001 prints its photo caption twice, a credit line between the copies.
    const inputs = seedInputs();
    const seeds = { analysis: analyzeCorpus(inputs), paths: inputs.map(i => i.id) };
    const caption = seeds.analysis.sources[1].sentences.find(
      (s, i, all) => seeds.analysis.sources[1].groupOfSentence[i] < 0 && all.some((t, j) => j !== i && t.text === s.text),
    )!.text;
    const records: string[][] = parseCsv(toCsv(seeds));
    assert.equal(records.filter(r => r[5] === caption).length, 1);
    const row = exportTable(seeds, { repeatsOnce: true }).rows.find(r => r.cells[1]?.text === caption)!;
    assert.equal(row.printed, 2);
    assert.equal(exportTable(seeds).rows.filter(r => r.cells[1]?.text === caption).length, 2);
    const html = toHtml(seeds);
    const shown = html.split('<tr').filter(tr => tr.includes(escapeMarkup(caption)));
    assert.equal(shown.length, 1);
    assert.match(shown[0], /<span class="note">printed twice<\/span>/);
  });

  it('restricts every format to the sources of the chosen story', () => {
    const story = { title: 'two of them', sources: [2, 0] };
    const storied = { ...input, analysis: { ...analysis, stories: [story, { title: 'the rest', sources: [1, 3, 4, 5] }] } };
    const table = exportTable(storied, { story: 0 });
    assert.deepEqual(table.columns, [2, 0]);
    assert.equal(table.title, 'two of them');
    for (const row of table.rows)
      assert.ok(
        row.cells.some(c => c?.reference),
        'each row has a reference wording in the story',
      );
    assert.equal(JSON.parse(JSON.stringify(toCollatex(storied, { story: 0 }))).witnesses.length, 2);
    assert.equal(toPassim(storied, { story: 1 }).trimEnd().split('\n').length, 4);
    assert.throws(() => exportTable(storied, { story: 2 }), RangeError);
  });
});

describe('stories', () => {
  const { analysis } = analyzedHostileCorpus();

  it('holds every version of one story in one story, titled by the first sentence one of them opens with', () => {
    const stories = storiesOf(analysis);
    assert.equal(stories, analysis.stories);
    assert.equal(stories.length, 1);
    assert.deepEqual(stories[0].sources, [0, 1, 2, 3, 4, 5]);
    assert.ok(
      analysis.sources.some(s => s.sentences[0]?.text === stories[0].title),
      stories[0].title,
    );
  });

  it("returns the analysis's own stories when it has them", () => {
    const stories = [
      { title: 'a', sources: [0, 1] },
      { title: 'b', sources: [2] },
    ];
    assert.equal(storiesOf({ ...analysis, stories } as typeof analysis), stories);
  });
});

describe('JSON export', () => {
  const { analysis, input } = analyzedHostileCorpus();
  const json = JSON.parse(JSON.stringify(toExportFormat1(analysis, input.paths)));

  it('validates against the published JSON Schema, and the schema rejects a member without its moved flag', () => {
    assert.deepEqual(validateExport(json), []);
    const broken = structuredClone(json);
    delete broken.groups[0].members[0].moved;
    assert.notDeepEqual(validateExport(broken), []);
  });

  it("gives each sentence its text, the source's text between its offsets", () => {
    json.sources.forEach((s: { sentences: { start: number; end: number; text: string }[] }, i: number) => {
      for (const x of s.sentences) assert.equal(x.text, input.texts[i].slice(x.start, x.end));
    });
  });

  it("flags a member moved exactly when its source has the statement out of the order it shares with the anchor's source", () => {
    let moved = 0;
    json.groups.forEach((g: { members: { source: number; moved: boolean }[] }, gi: number) => {
      const anchor = analysis.groups[gi].members[analysis.groups[gi].anchor].source;
      for (const m of g.members) {
        const expected = m.source !== anchor && movedBetween(analysis, anchor, m.source).has(gi);
        assert.equal(m.moved, expected);
        if (m.moved) moved++;
      }
    });
    assert.ok(moved > 0, 'the seeds have moved statements');
  });
});

describe('text report', () => {
  const { analysis, input } = analyzedHostileCorpus();

  it('lists the sentences only one source has, in full, wrapped to the width, and says what the percentage is', () => {
    const report = textReport(
      analysis,
      input.paths.map((_, i) => `v${i + 1}.txt`),
      { width: 60 },
    );
    for (const line of report.split('\n')) assert.ok([...line].length <= 60, line);
    assert.match(report, /Only here:/);
    assert.match(report.replace(/\s+/g, ' '), /The percentage is the similarity of each wording to the group's anchor/);
    const flat = report.replace(/\s+/g, ' ');
    for (const [i, s] of analysis.sources[HOSTILE].sentences.entries()) {
      if (analysis.sources[HOSTILE].groupOfSentence[i] < 0) assert.ok(flat.includes(s.text.replace(/\s+/g, ' ')), s.text);
    }
  });

  it('lists a sentence its source prints twice once, saying so, among the only-here sentences and in a statement', () => {
    // The seeds print a photo caption twice in one page and a headline twice in two others.
    const inputs = seedInputs();
    const report = textReport(
      analyzeCorpus(inputs),
      inputs.map(i => i.id),
      { width: 1000 },
    );
    const items = (block: string) => block.split('\n').filter(line => /^\s+(- |\[\d+\])/.test(line));
    const onlyHere = report.split(/\n(?=\[\d+\] )/).map(part => items(part.split('Only here:')[1] ?? ''));
    const statements = report
      .split(/\n(?=#\d+ in )/)
      .slice(1)
      .map(part => items(part.split('\n\n')[0]));
    for (const list of [...onlyHere, ...statements]) assert.equal(new Set(list).size, list.length, list.join('\n'));
    assert.ok(
      onlyHere.some(list => list.some(line => line.endsWith('(printed twice)'))),
      'a caption printed twice',
    );
    assert.ok(
      statements.some(list => list.some(line => line.endsWith('(printed twice)'))),
      'a headline printed twice',
    );
  });

  it('lists no sentence as only here for a source alone in its story, as for a corpus of one file', () => {
    const inputs = [...seedInputs(), bridgeStory()[0]];
    const corpus = analyzeCorpus(inputs);
    const alone = inputs.length - 1;
    assert.ok(storiesOf(corpus).some(story => story.sources.length === 1 && story.sources[0] === alone));
    const report = textReport(
      corpus,
      inputs.map(i => i.id),
    );
    const sections = report.split(/\n(?=\[\d+\] )/);
    const own = sections.find(part => part.startsWith(`[${alone + 1}] bridge/report.txt`))!;
    const sentences = corpus.sources[alone].sentences.length;
    assert.match(own, new RegExp(`${sentences} sentences: 0 shared, ${sentences} only here`));
    assert.doesNotMatch(own, /Only here:/);
    assert.ok(!report.includes(corpus.sources[alone].sentences[1].text), 'its article is not printed');
    // The sources of the story of several still list theirs.
    assert.ok(sections.some(part => part.startsWith('[2] ') && part.includes('Only here:')));
  });

  it('lists the stories first, largest first, each with its title and the numbers of its sources', () => {
    const inputs = [...bridgeStory(), ...seedInputs()];
    const corpus = analyzeCorpus(inputs);
    const report = textReport(
      corpus,
      inputs.map(i => i.id),
    );
    const stories = storiesOf(corpus);
    assert.equal(stories.length, 2);
    const section = report.split('\n\n')[1].split('\n');
    assert.equal(section[0], '2 stories, largest first:');
    assert.equal(section[1], `  1. ${stories[0].title}`);
    assert.equal(section[2], '     5 sources: [3]-[7]');
    assert.equal(section[3], `  2. ${stories[1].title}`);
    assert.equal(section[4], '     2 sources: [1]-[2]');
    assert.ok(report.indexOf('2 stories') < report.indexOf('[1] bridge/report.txt'));
    // Each statement is counted out of its own story's sources.
    const counts = [...report.matchAll(/^#\d+ in (\d+) of (\d+) sources? of story (\d)$/gm)];
    assert.equal(counts.length, corpus.groups.length);
    for (const [, carried, of, story] of counts) {
      assert.equal(Number(of), stories[Number(story) - 1].sources.length);
      assert.ok(Number(carried) <= Number(of));
    }
    const one = textReport(analyzeCorpus(bridgeStory()), ['a.txt', 'b.txt']);
    assert.match(
      one,
      /^Synoptic report: 2 sources, \d+ shared statements\n\nOne story:\n {2}1\. .+\n {5}2 sources: \[1\]-\[2\]\n\n\[1\] a\.txt/,
    );
  });

  it('says that the versions of a story share no statement where they share none, not that they differ in wording only', () => {
    const inputs = notes();
    const together = analyzeCorpus(inputs, { stories: { oneStory: true } });
    assert.equal(together.groups.length, 0);
    const report = textReport(
      together,
      inputs.map(i => i.id),
    );
    assert.match(report, /^ {2}none: the versions share no statement$/m);
    assert.doesNotMatch(report, /differ in wording only/);
    const told = textReport(analyzeCorpus(bridgeStory()), ['a.txt', 'b.txt']);
    assert.doesNotMatch(told, /share no statement/);
  });

  it('is known by its first line, which no version opens with', () => {
    const inputs = seedInputs();
    const report = textReport(
      analyzeCorpus(inputs),
      inputs.map(i => i.id),
    );
    assert.ok(isTextReport(report));
    assert.ok(isTextReport(report.replace(/\n/g, '\r\n')));
    assert.ok(isTextReport(textReport(analysis, ['one.txt'])));
    for (const input of inputs) assert.ok(!isTextReport(input.text), input.id);
    for (const page of ['', 'Synoptic report: a reader on three outlets\nIt said 5 sources, 3 shared statements.', `Intro\n${report}`])
      assert.ok(!isTextReport(page), page);
  });

  it('counts a source of one line as one line', () => {
    const inputs = [{ id: 'one.txt', text: 'Officials said the talks in the capital would go on for a second day.' }];
    assert.match(textReport(analyzeCorpus(inputs), ['one.txt']), /^ {4}1 line, 0 boilerplate, 1 sentence:/m);
  });

  it('wraps as the character-by-character reading does, on seeded texts in several scripts and widths', () => {
    // The wrapping before its fast paths: every word read as its characters, every prefix's columns counted at each word.
    // Its helpers, which the fast paths left as they were, are the report's own.
    const columns = (text: string) => [...text].reduce((n, char) => n + columnsOf(char), 0);
    const plainWrap = (text: string, width: number, first: string, rest: string) => {
      const lines: string[] = [];
      let prefix = first;
      let line = '';
      let lineColumns = 0;
      const room = () => width - columns(prefix);
      const flush = () => {
        lines.push(prefix + line);
        prefix = rest;
        line = '';
        lineColumns = 0;
      };
      for (const word of text.split(/\s+/).filter(Boolean)) {
        const chars = [...word];
        let start = 0;
        let wordColumns = columns(word);
        if (lineColumns && lineColumns + 1 + wordColumns > room()) flush();
        while (wordColumns > Math.max(1, room())) {
          if (line) flush();
          const fits = Math.max(1, room());
          let taken = start;
          let used = 0;
          while (taken < chars.length && (taken === start || used + columnsOf(chars[taken]) <= fits)) used += columnsOf(chars[taken++]);
          if (taken > start + 1 && taken < chars.length && NO_LINE_START.test(chars[taken]) && columnsOf(chars[taken - 1]) > 0)
            used -= columnsOf(chars[--taken]);
          const atWord = taken < chars.length ? lastWordBreak(chars, start, taken) : taken;
          for (; taken > atWord; taken--) used -= columnsOf(chars[taken - 1]);
          line = chars.slice(start, taken).join('');
          start = taken;
          wordColumns -= used;
          flush();
        }
        if (start < chars.length) {
          const left = chars.slice(start).join('');
          line = line ? `${line} ${left}` : left;
          lineColumns += (lineColumns ? 1 : 0) + wordColumns;
        }
      }
      if (line || lines.length === 0) lines.push(prefix + line);
      return lines;
    };
    const random = seededRandom(1207);
    const pieces = [
      'a',
      'word',
      'Zeitung',
      ' ',
      ' ',
      '  ',
      '\t',
      'é',
      'e\u0301',
      '\u0301',
      'ж',
      '新华',
      '。',
      '，',
      'เชียงดาว',
      'ที่',
      '😀',
      '\u200b',
      'ǅ',
      'ʼ',
      '\ud800',
    ];
    const prefixes = ['', '- ', '    ', '  [12]  100%  ', '新 '];
    for (let n = 0; n < 4000; n++) {
      const text = pickedString(random, pieces, 0, 30);
      const width = 1 + Math.floor(random() * 30);
      const first = prefixes[Math.floor(random() * prefixes.length)];
      const rest = random() < 0.5 ? first : prefixes[Math.floor(random() * prefixes.length)];
      assert.deepEqual(wrap(text, width, first, rest), plainWrap(text, width, first, rest), JSON.stringify([text, width, first, rest]));
    }
  });

  it('wraps at spaces and cuts only words longer than a line', () => {
    assert.deepEqual(wrap('aa bb cc', 7, '- ', '  '), ['- aa bb', '  cc']);
    assert.deepEqual(wrap('abcdefghij', 6, '- ', '  '), ['- abcd', '  efgh', '  ij']);
    assert.deepEqual(wrap('', 10, '- ', '  '), ['- ']);
  });

  it('wraps to terminal columns: Chinese, Japanese and Korean characters take two, combining marks none', () => {
    // Ten ideographs fill twenty columns: a line of 12 columns after a two-column prefix holds five.
    assert.deepEqual(wrap('新华社北京七月十日电', 12, '- ', '  '), ['- 新华社北京', '  七月十日电']);
    // A Chinese comma opens no line: the ideograph before it goes along.
    assert.deepEqual(wrap('新华社北京七，月十日电', 12, '', ''), ['新华社北京', '七，月十日电']);
    assert.deepEqual(wrap('서울 시내에서 큰 불이 났다', 12, '', ''), ['서울', '시내에서 큰', '불이 났다']);
    // "é" written as e and a combining accent takes one column, and stays with its letter.
    const accented = 'cafe\u0301 cafe\u0301 cafe\u0301';
    assert.deepEqual(wrap(accented, 9, '', ''), ['cafe\u0301 cafe\u0301', 'cafe\u0301']);
    assert.deepEqual(wrap('cafe\u0301s', 4, '', ''), ['cafe\u0301', 's']);
  });

  it('cuts a run of Thai words between two of them, never inside a word', () => {
    // "Flood waters entered many villages in Chiang Dao district": one run of words without a space.
    const run = 'น้ำป่าไหลหลากเข้าท่วมหลายหมู่บ้านในอำเภอเชียงดาว';
    const lines = wrap(run, 20, '', '');
    assert.equal(lines.join(''), run);
    assert.ok(lines.length > 1);
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(run)].map(s => s.index);
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      assert.ok(words.includes(at), `cut inside a word after ${JSON.stringify(line)}`);
    }
  });

  it('cuts a long run of Thai words, a page flattened to one line, between its words in one pass', () => {
    // 4,000 copies of the sentence: a run of 188,000 characters without a space. Joining and
    // segmenting what was left of it at each cut took about half a minute; each cut now reads its own line.
    const sentence = 'น้ำป่าไหลหลากเข้าท่วมหลายหมู่บ้านในอำเภอเชียงดาว';
    const run = sentence.repeat(4_000);
    const lines = wrap(run, 40, '', '');
    assert.equal(lines.join(''), run);
    // The words of one copy, at their place in each (the segmenter copies its input into every
    // segment it gives, which for the whole run fills the heap).
    const words = new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(sentence)].map(s => s.index));
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      // A combining mark takes no column of the terminal.
      const columns = [...line].filter(c => !/\p{M}/u.test(c)).length;
      assert.ok(columns <= 40, `${columns} columns: ${line}`);
      at += line.length;
      assert.ok(words.has(at % sentence.length), `cut inside a word at ${at}`);
    }
  });

  it('keeps every line of a report on Chinese pages within the width', () => {
    const shared =
      '新华社北京七月十日电，中国南方多个省份连日来遭遇强降雨天气，多地发生严重洪水灾害，当地政府已经紧急转移受灾群众超过十万人。';
    const inputs = [
      {
        id: 'a.txt',
        text: `中国南方暴雨导致洪水\n\n${shared}\n\n据当地媒体报道，截至目前已有至少十二人在此次洪水中遇难，另有数十人下落不明。\n`,
      },
      {
        id: 'b.txt',
        text: `中国南方暴雨引发洪水\n\n${shared}\n\n国家防汛抗旱总指挥部已启动四级应急响应，派出工作组赶赴灾区指导抗洪抢险工作。\n`,
      },
    ];
    const report = textReport(analyzeCorpus(inputs), ['a.txt', 'b.txt'], { width: 60 });
    assert.ok(report.includes('新华社北京'));
    const columns = (line: string) => [...line].reduce((n, c) => n + (/[\u3000-\u9fff\uff00-\uff60]/.test(c) ? 2 : 1), 0);
    for (const line of report.split('\n')) assert.ok(columns(line) <= 60, `${columns(line)} columns: ${line}`);
  });
});

/** True when the words of `sentence` appear in order in `text` (a diff splits a cell into runs). */
function diffRunsCover(text: string, sentence: string): boolean {
  let at = 0;
  for (const word of sentence.split(/\s+/)) {
    const found = text.indexOf(word, at);
    if (found < 0) return false;
    at = found + word.length;
  }
  return true;
}
