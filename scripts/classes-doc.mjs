// npm run docs:classes: writes docs/classes.md from data/classes.yaml (a test checks they agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { load } from 'js-yaml';

const { tags, duplicate_therapy: duplicates = {} } = load(readFileSync('data/classes.yaml', 'utf8'));
const rows = Object.entries(tags).map(([tag, meaning]) => `| \`${tag}\` | ${meaning} |`);
const duplicateRows = Object.entries(duplicates).map(([tag, why]) => `| \`${tag}\` | ${why} |`);
writeFileSync(
  'docs/classes.md',
  `# Class tags

The vocabulary for a monograph's \`classes\` and for an interaction's \`with\`.
The loader rejects any other tag. An interaction written against a tag applies
to every drug that carries it; some tags (\`alcohol\`, \`maoi\`,
\`strong-cyp3a4-inhibitor\` …) exist only so that interactions can name them.

The source of truth is \`data/classes.yaml\`; this page is generated from it
with \`npm run docs:classes\`.

| tag | meaning |
|---|---|
${rows.join('\n')}

## Duplicate therapy

\`medinfo interactions\` warns when two drugs of one list share one of these
classes, as doubling them is a known error; the warning gives the reason.

| tag | why doubling it is an error |
|---|---|
${duplicateRows.join('\n')}
`,
);
