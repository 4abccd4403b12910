import bash from './medinfo.bash';
import fish from './medinfo.fish';
import zsh from './medinfo.zsh';

/**
 * The completion scripts, each a shell file beside this one that the build
 * bundles as text. Each is a thin adapter: it hands the words of the line to
 * `medinfo __complete --` and offers what comes back, one candidate a line
 * (then a tab and a description, which zsh and fish show), or `:folders` for
 * the shell's own folder completion. So the commands, options and drug names
 * are always those of the medinfo on the PATH and of the --data-dir folders
 * on the line: no script needs making again when medinfo or a folder changes.
 */
export const SCRIPTS: Readonly<Record<string, string>> = { bash, zsh, fish };
