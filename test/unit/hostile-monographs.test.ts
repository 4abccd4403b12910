import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_NESTING } from '../../src/compile/body-nesting';
import { parseMonograph } from '../../src/compile/parse-monograph';

// What a hostile monograph costs the parser: a DataError naming the file, in well under a second.

const tags = new Set(['z-drug', 'sedative-hypnotic', 'cns-depressant', 'alcohol']);
const good = readFileSync(join(__dirname, '..', 'fixtures', 'user-folder', 'zopiclone.md'), 'utf8');
const bodyLine = good.split('\n').length; // the line after the fixture's last, with `\n` + extra text

function timedProblem(text: string): { message: string; seconds: number } {
  const start = performance.now();
  let message = 'no error';
  try {
    parseMonograph(text, 'x/zopiclone.md', 'zopiclone', tags);
  } catch (error) {
    message = (error as Error).message;
  }
  return { message, seconds: (performance.now() - start) / 1000 };
}

const problem = (text: string) => timedProblem(text).message;

describe('front matter is YAML and nothing else', () => {
  it.each(['---js', '--- js', '---javascript', '---coffee', '---json', '---yaml', '----'])('refuses an opening line of %s', (fence) => {
    expect(problem(good.replace(/^---\n/, `${fence}\n`))).toBe(
      `x/zopiclone.md:1: front matter must be YAML, opened by a line of just --- (this file opens with "${fence}")`,
    );
  });

  it('does not echo an opening line it cannot show safely', () => {
    expect(problem(good.replace(/^---\n/, '---\u001b[31mjs\n'))).toBe('x/zopiclone.md:1: front matter must be YAML, opened by a line of just ---');
  });

  it('reads a file with a byte-order mark, CRLF line ends or trailing blanks on the fences', () => {
    expect(problem(`\ufeff${good}`)).toBe('no error');
    expect(problem(good.replace(/\n/g, '\r\n'))).toBe('no error');
    expect(problem(good.replace(/^---$/gm, '---  '))).toBe('no error');
  });

  it('needs a closing --- line, and something between the fences', () => {
    expect(problem(good.replace(/\n---\n/, '\n'))).toBe('x/zopiclone.md: front matter has no closing --- line');
    expect(problem('---\n# only a comment\n\n---\nText.\n')).toBe('x/zopiclone.md: has no YAML front matter between --- lines');
  });

  it('refuses YAML aliases, naming the line', () => {
    const text = good.replace('uses: [short-term insomnia]', 'uses: &uses [short-term insomnia]\nlook_alikes: *uses');
    expect(problem(text)).toBe('x/zopiclone.md:8: front matter uses a YAML alias (*name); monographs must write every value out');
  });

  it('refuses an alias bomb at once', () => {
    const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const { message, seconds } = timedProblem(`---\n${levels.join('\n')}\n---\n`);
    expect(message).toMatch(/front matter uses a YAML alias/);
    expect(seconds).toBeLessThan(1);
  });

  it('refuses YAML nested deeper than 16 levels, block or flow', () => {
    expect(problem(`---\nname: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`)).toBe('x/zopiclone.md:2: front matter is nested more than 16 levels deep');
    const block = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(problem(`---\n${block} 1\n---\n`)).toMatch(/^x\/zopiclone\.md:\d+: front matter is nested more than 16 levels deep$/);
  });

  it('reads blank-looking front matter in linear time, with fields or without', () => {
    const text = good.replace('rx: prescription\n', `rx: prescription\n${'  \n'.repeat(400_000)}`);
    const withFields = timedProblem(text);
    expect(withFields.message).toBe('no error');
    expect(withFields.seconds).toBeLessThan(1);
    // 40,000 is enough: a quadratic pass over it takes seconds, and a regression should fail, not hang.
    const blank = timedProblem(`---\n${'  \n'.repeat(40_000)}---\nText.\n`);
    expect(blank.message).toBe('x/zopiclone.md: has no YAML front matter between --- lines');
    expect(blank.seconds).toBeLessThan(1);
  });
});

describe('the markdown body is bounded', () => {
  const withBody = (body: string) => `${good}\n${body}\n`;

  it(`refuses lists nested more than ${MAX_BODY_NESTING} deep, on one line or by indentation`, () => {
    expect(problem(withBody(`${'- '.repeat(3000)}item`))).toBe(
      `x/zopiclone.md:${bodyLine + 1}: lists or block quotes are nested more than 16 levels deep`,
    );
    // 800 levels by indentation is 640 KB, under the size cap; marked alone took 5 s on it.
    const indented = Array.from({ length: 800 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n');
    const { message, seconds } = timedProblem(withBody(indented));
    expect(message).toBe(`x/zopiclone.md:${bodyLine + 1 + 16}: lists or block quotes are nested more than 16 levels deep`);
    expect(seconds).toBeLessThan(1);
    expect(problem(withBody(`${'1. '.repeat(100)}item`))).toMatch(/nested more than 16 levels deep/);
  });

  it('refuses 3,000 nested block quotes (marked overflows its stack at 2,000)', () => {
    expect(problem(withBody(`${'>'.repeat(3000)} deep`))).toMatch(/nested more than 16 levels deep/);
    expect(problem(withBody(`${'> - '.repeat(20)}deep`))).toMatch(/nested more than 16 levels deep/);
  });

  it('reads lists and quotes nested as deeply as real monographs do, and indented text', () => {
    const nested = Array.from({ length: 6 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    expect(problem(withBody(`${nested}\n\n> > a quote in a quote\n\n${' '.repeat(100_000)}indented text`))).toBe('no error');
  });

  it('folds line breaks into spaces, and a 100,000-space line in linear time', () => {
    const start = performance.now();
    const { monograph, blocks } = parseMonograph(withBody(`## Long\n\nStart${' '.repeat(100_000)}end.\nOne  \n   two\n\nthree`), 'x', 'zopiclone', tags);
    expect((performance.now() - start) / 1000).toBeLessThan(1);
    const texts = blocks.at(-1)!.flatMap((block) => (block.type === 'paragraph' ? [block.spans.map((span) => span.text).join('')] : []));
    expect(texts.map((text) => text.replace(' '.repeat(100_000), '<100,000 spaces>'))).toEqual(['Start<100,000 spaces>end. One two', 'three']);
    expect(monograph.sections.at(-1)!.markdown.includes(' '.repeat(100_000))).toBe(true);
  });

  it('turns a block quote of 150,000 paragraphs into blocks without overflowing the stack', () => {
    const { blocks } = parseMonograph(withBody('> para\n>\n'.repeat(150_000)), 'x', 'zopiclone', tags);
    expect(blocks.at(-1)!.filter((block) => block.type === 'paragraph')).toHaveLength(150_001);
  });

  it.each([
    ['a bold', '**', { bold: true }],
    ['an italic', '_', { italic: true }],
  ])('turns %s run holding 200,000 spans into spans without overflowing the stack', (_, mark, style) => {
    const { blocks } = parseMonograph(withBody(`${mark}${'a `b` '.repeat(100_000)}end${mark}`), 'x', 'zopiclone', tags);
    const last = blocks.at(-1)!.at(-1)!;
    const spans = last.type === 'paragraph' ? last.spans : [];
    expect(spans.length).toBeGreaterThanOrEqual(200_000);
    expect(spans[0]).toEqual({ ...style, text: 'a ' });
    expect(spans[1]).toEqual({ ...style, code: true, text: 'b' });
  });
});

describe('huge arrays', () => {
  it('parses 250,000 side-effect rows without overflowing the stack', () => {
    const rows = Array.from({ length: 250_000 }, (_, i) => `  - {effect: effect ${i}, percent: 5, source: test-fixture}`).join('\n');
    const { monograph } = parseMonograph(good.replace('side_effects:\n', `side_effects:\n${rows}\n`), 'x', 'zopiclone', tags);
    expect(monograph.side_effects).toHaveLength(250_004);
  });
});
