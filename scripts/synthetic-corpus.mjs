// Seeded synthetic corpora for the benchmark: N versions of one story built from the seeds,
// each keeping a random ~70% of its sentences (some reworded: a word dropped, two swapped, one
// added), paragraphs moved, wrapped in varied site chrome (menus, an Arabic menu, bylines,
// comment forms, related links, footers). About 40-60 sentences per version.

/**
 * Returns `corpus(n, seed)`, which builds n versions as `{ id, text }`. `core` is the analysis
 * core (to find the seeds' article sentences), `seededRandom(seed)` the tests' generator.
 */
export function syntheticCorpusFactory(core, seedInputs, seededRandom) {
  // The story: the distinct article sentences of the seeds, in reading order.
  const pool = [];
  const seen = new Set();
  for (const s of core.analyzeCorpus(seedInputs).sources) {
    for (const x of s.sentences) {
      if (!seen.has(x.text) && x.text.split(' ').length >= 6) {
        seen.add(x.text);
        pool.push(x.text);
      }
    }
  }

  const MENU = [
    'Home',
    'World',
    'Politics',
    'Business',
    'Technology',
    'Science',
    'Health',
    'Sports',
    'Opinion',
    'Culture',
    'Travel',
    'Video',
  ];
  const ARABIC_MENU = ['الرئيسية', 'أخبار', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'منوعات', 'اتصل بنا'];
  const RELATED = [
    'Markets slide as oil prices climb again',
    'Storm leaves thousands without power',
    'Court delays ruling on election dispute',
    'New museum opens after decade of work',
    'Talks stall over fishing rights',
  ];
  const FILLERS = ['reportedly', 'also', 'on Monday', 'officials said', 'according to reports', 'in a statement'];
  const REPLACEMENTS = ['several', 'many', 'the', 'officials', 'local', 'said', 'after', 'new', 'major', 'recent'];

  function reword(sentence, random) {
    const words = sentence.split(' ');
    const op = Math.floor(random() * 4);
    const i = Math.floor(random() * words.length);
    if (op === 0 && words.length > 6) words.splice(i, 1);
    else if (op === 1 && i + 1 < words.length) [words[i], words[i + 1]] = [words[i + 1], words[i]];
    else if (op === 2) words[i] = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
    else words.splice(i, 0, FILLERS[Math.floor(random() * FILLERS.length)]);
    return words.join(' ');
  }

  function version(index, random) {
    const kept = pool.filter(() => random() < 0.7).slice(0, 60);
    const sentences = kept.map(s => (random() < 0.25 ? reword(s, random) : s));
    const paragraphs = [];
    for (let i = 0; i < sentences.length; i += 2) paragraphs.push(sentences.slice(i, i + 2).join(' '));
    if (paragraphs.length > 4 && random() < 0.5) {
      const [moved] = paragraphs.splice(Math.floor(random() * paragraphs.length), 1);
      paragraphs.splice(Math.floor(random() * paragraphs.length), 0, moved);
    }
    const menu = MENU.filter(() => random() < 0.8).map(m => `  • ${m}`);
    const lines = [`Site ${index} News`, '', ...menu, '', ...(random() < 0.3 ? ARABIC_MENU.map(m => `  • ${m}`) : []), ''];
    lines.push(pool[0], '', `By Staff Writer ${index}`, '');
    for (const p of paragraphs) lines.push(p, '');
    lines.push(
      'Leave a comment',
      'Name (required)',
      'Email (required)',
      '[ ] Save my name for the next time I comment.',
      '',
      'Related stories',
    );
    for (const r of RELATED) if (random() < 0.7) lines.push(`  • ${r}`);
    lines.push('', `© ${2000 + (index % 25)} Site ${index} Media. All rights reserved.`);
    return lines.join('\n');
  }

  function corpus(n, seed) {
    const random = seededRandom(seed);
    return Array.from({ length: n }, (_, i) => ({ id: `v${String(i).padStart(4, '0')}.txt`, text: version(i, random) }));
  }
  return corpus;
}
