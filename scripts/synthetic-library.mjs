// Writes N synthetic monographs (valid, made-up drugs) into a folder, for benchmarks:
//   node scripts/synthetic-library.mjs 10000 /tmp/medinfo-10000
// The same N always gives the same files.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

export function writeSyntheticLibrary(count, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tags = Object.keys(load(readFileSync(new URL('../data/classes.yaml', import.meta.url), 'utf8')).tags);
  const random = mulberry32(count);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const some = (list, min, max) => {
    const n = min + Math.floor(random() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const written = new Set();
  for (let i = 0; i < count; i++) {
    const name = `${stemOf(i)}${pick(SUFFIXES)}`;
    const slug = name.toLowerCase();
    // Two drugs of one name would be one file, and the library silently smaller than asked.
    if (written.has(slug)) throw new Error(`synthetic-library: drug ${i} would be named ${slug} again`);
    written.add(slug);
    const brand = `${brandStemOf(i)}${pick(['ex', 'ix', 'on', 'ara', 'ine'])}`.replace(/^./, (c) => c.toUpperCase());
    const sentence = () => {
      const words = Array.from({ length: 8 + Math.floor(random() * 10) }, () => pick(WORDS));
      return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
    };
    const paragraph = (n) => Array.from({ length: n }, sentence).join(' ');
    const effects = some(EFFECTS, 4, 8).map((effect) => {
      const low = Math.floor(random() * 20);
      return `  - {effect: ${effect}, percent: ${random() < 0.3 ? `[${low}, ${low + 1 + Math.floor(random() * 30)}]` : low + 1}, source: label}`;
    });
    const text = `---
name: ${name[0].toUpperCase()}${name.slice(1)}
slug: ${slug}
aliases: []
brands: [${brand}]
classes: [${some(tags, 1, 3).join(', ')}]
uses: [${some(USES, 1, 3).join(', ')}]
rx: prescription
reviewed: 2026-01-01
side_effects:
${effects.join('\n')}
studies:
  - {title: Pivotal trial, participants: ${50 + Math.floor(random() * 900)}, outcome: ${pick(USES)} improved, source: label}
interactions:
  - {with: ${pick(tags)}, severity: moderate, effect: More side effects., source: label}
sources:
  - {id: label, title: Synthetic label for benchmarks, kind: label}
---

## Overview

${paragraph(4)}

## How it works

${paragraph(3)}

## Side effects

${paragraph(3)}

## Warnings

${paragraph(3)}
`;
    writeFileSync(join(dir, `${slug}.md`), text);
  }
}

/** Drug i's stem: three syllables, more once three run out, so every i has its own. */
export function stemOf(i) {
  return spell(i, SYLLABLES, 3);
}

/** Drug i's brand stem, four syllables or more, one of its own for every i. */
export function brandStemOf(i) {
  return spell(i, BRAND_SYLLABLES, 4);
}

/**
 * n written in base `syllables.length` with syllables as digits, least
 * significant first, in at least `length` of them: the first
 * syllables.length ** length numbers are spelt as they always were, and larger
 * ones take another syllable instead of wrapping round to a name already used.
 * All syllables are two letters, so spellings of different lengths differ too.
 */
function spell(n, syllables, length) {
  let out = '';
  for (let k = 0; k < length || n > 0; k++) {
    out += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return out;
}

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ba be bi bo du fa fe fi go ka ke ki ko la le li lo ma me mi mo na ne ni no pa pe pi ra re ri ro'.split(' ');
const BRAND_SYLLABLES = 'zy xa qu vo wy jo ty sy vy zu xo qa vu wo ju tu su zi xe'.split(' ');
const SUFFIXES = ['zolam', 'tinib', 'pril', 'sartan', 'statin', 'olol', 'oxetine', 'azine', 'profen', 'mycin'];
const EFFECTS = 'nausea,headache,dizziness,drowsiness,fatigue,insomnia,dry mouth,constipation,diarrhea,rash,itching,vomiting,abdominal pain,weight gain,weight loss,anxiety,tremor,sweating,blurred vision,cough,back pain,muscle pain,edema,palpitations,hypotension,confusion,agitation,decreased appetite,increased appetite,flushing'.split(',');
const USES = 'hypertension,insomnia,muscle spasm,spasticity,anxiety,depression,type 2 diabetes,high cholesterol,pain,fever,epilepsy,migraine,allergic rhinitis,heart failure,angina,acid reflux,hypothyroidism,nerve pain,panic disorder,schizophrenia'.split(',');
const WORDS = (
  'the drug a tablet patients dose daily muscle spasm pain relief sleep liver kidney blood pressure heart rate receptor ' +
  'brain nerve signals reduce increase effect effects treatment therapy weeks months adults children elderly risk serious rare ' +
  'common monitor level levels trial placebo study studies response symptoms relief tone stiffness relax relaxation sedation ' +
  'driving alcohol caution taper withdrawal stop start morning evening night food absorption metabolism enzyme clearance ' +
  'half life hours steady state plasma protein binding urine feces excreted active metabolite inactive prescribed approved ' +
  'indicated label warning boxed precaution contraindicated pregnancy breastfeeding infant milk fetal harm weight gain loss'
).split(' ');

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [count, dir] = process.argv.slice(2);
  writeSyntheticLibrary(Number(count), dir);
  console.log(`wrote ${count} synthetic monographs to ${dir}`);
}
