import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

const page = readFileSync(join(root, 'dist', 'medinfo.1'), 'utf8');
const hasGroff = spawnSync('groff', ['--version']).status === 0;

/** The page as man shows it, without bold or underlining; groff's warnings, if any, on stderr. */
function render(roff: string) {
  const result = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-P-cbou', '-rLL=200n'], { input: roff, encoding: 'utf8' });
  return { text: result.stdout, warnings: result.stderr };
}

/** The commands `medinfo --help` lists, and the long options each command's help lists (--help is said once, among the global options). */
function helpTable() {
  const commands = medinfo(['--help']).stdout.split(/^Commands:$/m)[1]!.match(/^ {2}[a-z-]+/gm)!.map((line) => line.trim());
  return commands.map((command) => {
    const help = medinfo([command, '--help']).stdout;
    const options = (help.match(/--[a-z-]+/g) ?? []).filter((option) => option !== '--help');
    return { command, options, examples: [...help.matchAll(/^ {2}\$ (.*)$/gm)].map((match) => match[1]!) };
  });
}

describe('the man page (dist/medinfo.1)', () => {
  it('has a section for every command the help lists, with every option and example that command has', () => {
    const table = helpTable();
    expect(table.map((row) => row.command)).toContain('show');
    const roff = (text: string) => text.replace(/\\/g, '\\e').replace(/-/g, '\\-');
    for (const { command, options, examples } of table) {
      expect(page, `no section for ${command}`).toContain(`.SS ${command.replace(/-/g, '\\-')}\n`);
      const section = page.split(`.SS ${command.replace(/-/g, '\\-')}\n`)[1]!.split('\n.SS ')[0]!;
      for (const option of options) expect(section, `${command} ${option}`).toContain(roff(option));
      for (const example of examples) expect(section, example).toContain(`\n${roff(example)}\n`);
    }
    expect(page).toContain('\nmedinfo show lioresal \\-\\-section side\n');
  });

  it('is the same page on every build: the version, no date', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(page.split('\n')[0]).toBe(`.TH MEDINFO 1 "" "medinfo ${version}" "User Commands"`);
  });

  it.skipIf(!hasGroff)('renders without a warning, hyphens and backslashes as typed', () => {
    const { text, warnings } = render(page);
    expect(warnings).toBe('');
    expect(text).toContain('medinfo show lioresal --section side\n');
    expect(text).toContain('printf "baclofen\\nzolpidem\\n" | medinfo show - --json\n');
  });

  it('keeps text that starts with a dot or a quote, backslashes and non-ASCII letters as text, not roff requests', async () => {
    const { manPage } = (await import(pathToFileURL(join(root, 'scripts', 'man-page.mjs')).href)) as { manPage: (outline: unknown) => string };
    const odd = { term: '--odd', description: '.so /etc/passwd' };
    const roff = manPage({
      name: 'medinfo',
      version: '1.0.0',
      usage: 'medinfo [options] [command]',
      description: "'br a quote first",
      arguments: [],
      options: [odd],
      notes: ['.\\" not a comment \\fB — naïve'],
      examples: ['.medinfo show x'],
      commands: [],
    });
    expect(roff).not.toMatch(/^\.so /m);
    expect(roff).not.toMatch(/^'br/m);
    expect(roff).toContain('\\&.\\e" not a comment \\efB \\[u2014] na\\[u00EF]ve\n');
    expect(roff).toContain('\\&.medinfo show x\n');
    if (hasGroff) {
      const { text, warnings } = render(roff);
      expect(warnings).toBe('');
      expect(text).toContain('.\\" not a comment \\fB — naïve');
      expect(text).toContain('.so /etc/passwd');
      expect(text).toContain("'br a quote first");
    }
  });
});
