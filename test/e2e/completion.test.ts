import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { medinfo, root } from './run';

const userFolder = join(root, 'test', 'fixtures', 'user-folder');

/** The candidates `medinfo __complete` gives for the last word, without their descriptions. */
function candidates(...words: string[]): string[] {
  const { stdout, code } = medinfo(['__complete', '--', ...words]);
  expect(code).toBe(0);
  return stdout.split('\n').filter(Boolean).map((line) => line.split('\t')[0]!);
}

describe('medinfo __complete, which the scripts call', () => {
  it('completes commands, a drug name where no command starts so, and nothing hidden', () => {
    expect(candidates('sh')).toEqual(['show']);
    expect(candidates('')).toContain('classes');
    expect(candidates('')).not.toContain('__complete');
    expect(candidates('lio')).toEqual(['lioresal']);
  });

  it('completes every command and every option that help lists, read from the program itself', () => {
    const section = (help: string, title: string) => help.split(`${title}:\n`)[1]!.split('\n\n')[0]!;
    const commands = [...section(medinfo(['--help']).stdout, 'Commands').matchAll(/^ {2}([a-z-]+)(?:\|([a-z-]+))?/gm)].flatMap((m) => m.slice(1).filter(Boolean));
    expect(commands).toEqual(expect.arrayContaining(['show', 'check', 'classes', 'completion', 'help']));
    expect(candidates('')).toEqual(commands);
    const globals = [...section(medinfo(['--help']).stdout, 'Options').matchAll(/--[a-z-]+/g)].map((m) => m[0]);
    for (const command of commands.filter((name) => name !== 'help' && name !== 'check')) {
      const options = [...section(medinfo([command, '--help']).stdout, 'Options').matchAll(/--[a-z-]+/g)].map((m) => m[0]);
      expect(candidates(command, '--').sort(), command).toEqual([...new Set([...options, ...globals])].sort());
    }
  });

  it('completes drug names, brands and aliases as words a shell needs no quotes for', () => {
    expect(candidates('show', 'lio')).toEqual(['lioresal']);
    expect(candidates('side-effects', 'LIO')).toEqual(['lioresal']);
    expect(candidates('interactions', 'baclofen', 'tylenol-p')).toEqual(['tylenol-pm', 'tylenol-pm-extra-strength']);
    expect(candidates('show', 'st')).toContain('st-johns-wort');
    expect(candidates('show', 'st')).not.toContain("st-john's-wort");
  });

  it('offers the drugs of --data-dir folders on the line, wherever the option stands', () => {
    expect(candidates('--data-dir', userFolder, 'show', 'zop')).toEqual(['zopiclone']);
    expect(candidates('show', `--data-dir=${userFolder}`, 'imo')).toEqual(['imovane']);
    expect(candidates('show', 'zop')).toEqual([]);
    // As the shell would have expanded it, had it not been a word being completed.
    expect(medinfo(['__complete', '--', '--data-dir', '~/user-folder', 'show', 'zop'], { HOME: join(root, 'test', 'fixtures') }).stdout).toBe('zopiclone\tZopiclone\n');
    // A folder that cannot be read (half typed, say) leaves the bundled drugs.
    expect(candidates('--data-dir', join(userFolder, 'nope'), 'show', 'lio')).toEqual(['lioresal']);
  });

  // MEDINFO_PATH comes with `medinfo paths`; until a build has both, this is skipped.
  it.skipIf(medinfo(['paths']).code !== 0)('offers the drugs of MEDINFO_PATH folders (skipped before medinfo reads MEDINFO_PATH)', () => {
    const { stdout } = medinfo(['__complete', '--', 'show', 'zop'], { MEDINFO_PATH: userFolder });
    expect(stdout).toBe('zopiclone\tZopiclone\n');
  });

  it('completes option values: section titles of the drug on the line, class tags, severities, sort keys', () => {
    expect(candidates('show', 'baclofen', '--section', 'wh')).toEqual(['what-baclofen-is', 'when-to-use-it', 'what-users-report']);
    expect(candidates('show', '--section', 'pr')).toEqual(['pregnancy-and-breastfeeding']);
    expect(candidates('list', '--class', 'benzo')).toEqual(['benzodiazepine']);
    expect(candidates('list', '--class=benzo')).toEqual(['--class=benzodiazepine']);
    expect(candidates('interactions', 'a', 'b', '--fail-on', '')).toEqual(['contraindicated', 'major', 'moderate', 'minor', 'unknown']);
    expect(candidates('side-effects', 'baclofen', '--sort', '')).toEqual(['percent', 'name']);
    expect(candidates('effect', 'dry')).toEqual(['dry-mouth']);
    expect(candidates('effect', 'dizziness', '--among', 'baclofen,zolp')).toEqual(['baclofen,zolpidem', 'baclofen,zolpidem-tartrate', 'baclofen,zolpimist']);
    expect(candidates('help', 'st')).toEqual(['studies']);
    expect(candidates('completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('a drug with no command takes show\'s options, and its sections', () => {
    expect(candidates('lioresal', '--sec')).toEqual(['--section']);
    expect(candidates('lioresal', '--section', 'ro')).toEqual(['role-in-sleep']);
  });

  it('asks the shell for folders where a folder goes, and offers nothing where anything may go', () => {
    expect(medinfo(['__complete', '--', '--data-dir', '']).stdout).toBe(':folders\n');
    expect(medinfo(['__complete', '--', 'compile', 'a', '']).stdout).toBe(':folders\n');
    expect(candidates('search', '')).toEqual([]);
    expect(candidates('compile', 'a', 'b', '')).toEqual([]);
  });

  it('no control character of a user folder\'s names reaches the shell', () => {
    const folder = mkdtempSync(join(tmpdir(), 'medinfo-completion-hostile-'));
    const monograph = readFileSync(join(userFolder, 'zopiclone.md'), 'utf8')
      .replace('name: Zopiclone', 'name: "Evil\\e[31m drug"')
      .replace('slug: zopiclone', 'slug: evil')
      .replace('brands: [Imovane, Zimovane]', 'brands: ["Bad\\e[2Jbrand", evilbrand]');
    writeFileSync(join(folder, 'evil.md'), monograph);
    const { stdout } = medinfo(['__complete', '--', '--data-dir', folder, 'show', 'evi']);
    rmSync(folder, { recursive: true, force: true });
    expect(stdout).toBe('evil\tEvil\\x1b[31m drug\nevilbrand\tEvil\\x1b[31m drug\n');
  });

  it('describes each candidate for zsh and fish', () => {
    expect(medinfo(['__complete', '--', 'list', '--class', 'benzodiazepine']).stdout).toBe(
      'benzodiazepine\tPositive modulator of the GABA-A receptor with a benzodiazepine structure.\n',
    );
    expect(medinfo(['__complete', '--', 'show', 'lioresal']).stdout).toBe('lioresal\tBaclofen\n');
  });
});

describe('medinfo completion <shell>', () => {
  it('prints a script for bash, zsh and fish, and refuses another shell', () => {
    expect(medinfo(['completion', 'bash']).stdout).toContain('complete -F _medinfo medinfo');
    expect(medinfo(['completion', 'zsh']).stdout).toMatch(/^#compdef medinfo\n/);
    expect(medinfo(['completion', 'fish']).stdout).toContain('complete -c medinfo');
    const other = medinfo(['completion', 'tcsh']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("argument 'shell'");
  });
});

// The scripts run in real shells, with a `medinfo` on the PATH that runs this build.
const bin = mkdtempSync(join(tmpdir(), 'medinfo-completion-'));
afterAll(() => rmSync(bin, { recursive: true, force: true }));
writeFileSync(join(bin, 'medinfo'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'medinfo')}" "$@"\n`);
chmodSync(join(bin, 'medinfo'), 0o755);
// No startup files of the user's (the Ctrl-A of typeTab needs emacs keys).
const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, XDG_CACHE_HOME: join(bin, 'cache'), HOME: bin, INPUTRC: '/dev/null' };

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const shell = (program: string, args: string[], input?: string) => {
  const result = spawnSync(program, args, { cwd: root, env, encoding: 'utf8', timeout: 60_000, ...(input === undefined ? {} : { input }) });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
};

/**
 * Types `line`, a Tab, then makes the shell print the line as completed
 * (Ctrl-A, `echo LINE: `, Enter), in an interactive shell on a pseudo-terminal
 * that script(1) gives: the shell's own completion machinery at work.
 */
function typeTab(command: string, line: string): string {
  const { stdout } = shell('script', ['-qc', command, '/dev/null'], `${line}\t\u0001echo LINE: \nexit\n`);
  const lines = stdout.replace(/\r/g, '').replace(/\u001b\[[0-9;?]*[A-Za-z@]/g, '').split('\n');
  return lines.filter((printed) => printed.startsWith('LINE: ')).at(-1)?.slice('LINE: '.length).trimEnd() ?? '';
}

describe('in bash', () => {
  const script = join(bin, 'completion.bash');
  writeFileSync(script, medinfo(['completion', 'bash']).stdout);
  /** COMPREPLY after the completion function runs on these words, the cursor on the last. */
  const reply = (...words: string[]) => {
    const setup = `source ${JSON.stringify(script)}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _medinfo; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const { stdout, stderr, code } = shell('bash', ['--norc', '-c', setup]);
    expect({ stderr, code }).toEqual({ stderr: '', code: 0 });
    return stdout.split('\n').filter(Boolean);
  };

  it('medinfo show lio completes to lioresal', () => {
    expect(reply('medinfo', 'show', 'lio')).toEqual(['lioresal']);
  });

  it('offers the drugs of a --data-dir folder on the line', () => {
    expect(reply('medinfo', '--data-dir', userFolder, 'show', 'zop')).toEqual(['zopiclone']);
    expect(reply('medinfo', '--data-dir', userFolder, 'imo')).toEqual(['imovane']);
  });

  it('completes the value after "=", which bash splits off as a word of its own', () => {
    expect(reply('medinfo', 'list', '--class', '=', 'benzo')).toEqual(['benzodiazepine']);
    expect(reply('medinfo', 'list', '--class', '=')).toContain('opioid');
    expect(reply('medinfo', '--data-dir', '=', 'test/fixtures/us')).toEqual(['test/fixtures/user-folder']);
  });

  it('completes commands and their options', () => {
    expect(reply('medinfo', '')).toContain('interactions');
    expect(reply('medinfo', 'show', '--se')).toEqual(['--section']);
  });

  it.skipIf(!has('script'))('a Tab in an interactive bash completes the line (skipped without script(1) from util-linux)', () => {
    writeFileSync(join(bin, '.bashrc'), `PS1='> '\nsource ${JSON.stringify(script)}\n`);
    expect(typeTab(`bash --rcfile ${join(bin, '.bashrc')} -i`, 'medinfo show lio')).toBe('medinfo show lioresal');
    expect(typeTab(`bash --rcfile ${join(bin, '.bashrc')} -i`, `medinfo --data-dir ${userFolder} show zop`)).toBe(`medinfo --data-dir ${userFolder} show zopiclone`);
  });
});

describe.skipIf(!has('zsh'))('in zsh (skipped when zsh is not installed)', () => {
  const script = join(bin, '_medinfo');
  writeFileSync(script, medinfo(['completion', 'zsh']).stdout);
    // Emacs keys whatever $EDITOR says, for the Ctrl-A of typeTab.
  writeFileSync(join(bin, '.zshrc'), `PS1='> '\nbindkey -e\nautoload -U compinit && compinit -u\nsource ${JSON.stringify(script)}\n`);

  it('the script loads after compinit and registers _medinfo for medinfo', () => {
    expect(shell('zsh', ['-fc', `autoload -U compinit && compinit -u && source ${JSON.stringify(script)} && print -r -- $_comps[medinfo]`])).toEqual({
      stdout: '_medinfo\n',
      stderr: '',
      code: 0,
    });
  });

  it.skipIf(!has('script'))('a Tab completes drug names, brands and user-folder drugs (skipped without script(1))', () => {
    const zsh = `env ZDOTDIR=${bin} zsh -i`;
    expect(typeTab(zsh, 'medinfo show lio')).toBe('medinfo show lioresal');
    expect(typeTab(zsh, 'medinfo list --class=benzo')).toBe('medinfo list --class=benzodiazepine');
    expect(typeTab(zsh, `medinfo --data-dir ${userFolder} show zop`)).toBe(`medinfo --data-dir ${userFolder} show zopiclone`);
  });
});

describe.skipIf(!has('fish'))('in fish (skipped when fish is not installed)', () => {
  const script = join(bin, 'medinfo.fish');
  writeFileSync(script, medinfo(['completion', 'fish']).stdout);
  /** What fish completes the line to (complete -C runs fish's own completion). */
  const fish = (line: string) => {
    const { stdout, stderr, code } = shell('fish', ['--no-config', '-c', `source ${JSON.stringify(script)}; complete -C ${JSON.stringify(line)}`]);
    expect({ stderr, code }).toEqual({ stderr: '', code: 0 });
    return stdout.split('\n').filter(Boolean);
  };

  it('completes medinfo show lio to lioresal, with what it is', () => {
    expect(fish('medinfo show lio')).toEqual(['lioresal\tBaclofen']);
  });

  it('offers the drugs of a --data-dir folder on the line, and folders for --data-dir', () => {
    expect(fish(`medinfo --data-dir ${userFolder} show zop`)).toEqual(['zopiclone\tZopiclone']);
    expect(fish('medinfo --data-dir=test/fixtures/us')).toEqual(['--data-dir=test/fixtures/user-folder/\tDirectory']);
  });

  it('completes option values with their meanings', () => {
    expect(fish('medinfo list --class benzo')).toEqual(['benzodiazepine\tPositive modulator of the GABA-A receptor with a benzodiazepine structure.']);
  });
});
