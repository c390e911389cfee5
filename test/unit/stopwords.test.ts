import * as assert from 'node:assert/strict';
import { prepareSource } from '../../src/core';
import { detectStopwords, isFunctionWord, threadProfile } from '../../src/core/stopwords';
import { words } from '../../src/core/text';

/** A page of a Korean site: menu, headline, date, article, related links, share line, footer. */
const KOREAN_PAGE = [
  '시민신문',
  '',
  '  • 홈',
  '  • 사회',
  '  • 문화',
  '  • 지역',
  '  • 오피니언',
  '',
  '시립 도서관, 3년간의 보수 공사 끝에 다시 문 열어',
  '',
  '2024년 5월 4일 토요일',
  '',
  '중앙 도서관이 천이백만 달러가 넘는 보수 공사를 마치고 토요일에 다시 문을 열었다. 기술자들은 물이 새던 지붕을 교체하고 열람실 천장을 복원했으며 휠체어 이용자를 위한 엘리베이터를 설치했다.',
  '',
  '개관 시간 전부터 수백 명의 주민이 줄을 섰고, 일부는 휴관 전에 빌린 책을 들고 왔다. 건물에는 청소년을 위한 작업실과 작은 녹음실도 새로 생겼다.',
  '',
  '시장은 기존 기초가 조사 결과보다 약해서 공사비가 예산을 넘었다고 말했다. 도서관 이사회는 다음 달부터 평일 개관 시간을 저녁까지 늘릴 계획이라고 밝혔다.',
  '',
  '많이 본 기사',
  '  • 폭우로 도심 도로 여러 곳 통제',
  '  • 항만 노동자들 임금 합의로 파업 종료',
  '  • 새 공항 터미널 다음 달 개장',
  '',
  '댓글 쓰기',
  '[                    ] 등록',
  '',
  '공유하기: Facebook Twitter 카카오톡',
  '',
  '© 2024 시민신문. 무단 전재 및 재배포 금지.',
].join('\n');

describe('stopword profiles', () => {
  const english = 'the minister said that the talks would go on and that both sides were ready'.split(' ');

  it('gives one profile object per listed language, however often it is detected', () => {
    assert.equal(detectStopwords(english), detectStopwords([...english].reverse()));
  });

  it('takes a copy of a language’s profile (as another thread receives it) back to this thread’s own', () => {
    const own = detectStopwords(english);
    assert.equal(threadProfile({ language: own.language, words: new Set(own.words) }), own);
  });

  it('reads Korean particles, written onto the word before them, as function words', () => {
    const profile = detectStopwords(words(KOREAN_PAGE).map(w => w.toLowerCase()));
    assert.equal(profile.language, 'ko');
    assert.equal(threadProfile({ ...profile, words: new Set() }), profile);
    for (const word of ['노동자들은', '항구의', '지붕을', '도서관에서']) assert.ok(isFunctionWord(word, profile), word);
    for (const word of ['파업', '도서관', '은']) assert.ok(!isFunctionWord(word, profile), word);
  });

  it('reads the article of a Korean page, its headline and every paragraph, and its menu, links and footer as chrome', () => {
    const prepared = prepareSource(KOREAN_PAGE);
    const lines = KOREAN_PAGE.split('\n');
    const kindOf = (start: string) => prepared.lines[lines.findIndex(l => l.startsWith(start))].kind;
    for (const start of ['시립 도서관,', '중앙 도서관이', '개관 시간', '시장은']) assert.equal(kindOf(start), 'content', start);
    for (const start of ['시민신문', '  • 홈', '많이 본 기사', '  • 폭우로', '댓글 쓰기', '공유하기', '©'])
      assert.equal(kindOf(start), 'boilerplate', start);
  });

  it('leaves a profile of other words as it is', () => {
    const other = { language: 'en', words: new Set(['ferry', 'bay']) };
    assert.equal(threadProfile(other), other);
    const unlisted = { language: 'und', words: new Set(['ka', 'lo']) };
    assert.equal(threadProfile(unlisted), unlisted);
  });
});
