// npm run docs:classes: writes docs/classes.md from data/classes.yaml (a test checks they agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { load } from 'js-yaml';

const { tags } = load(readFileSync('data/classes.yaml', 'utf8'));
const rows = Object.entries(tags).map(([tag, meaning]) => `| \`${tag}\` | ${meaning} |`);
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
`,
);
