import { z } from 'zod';
import { SLUG_PATTERN } from './slug.js';
import { FREQUENCY_WORDS, KINDS, RX_STATUSES, SEVERITIES, SOURCE_KINDS } from './vocabulary.js';

/**
 * The monograph front matter, as written in `data/<slug>.md`.
 * Every type the program uses for a monograph is derived from these schemas,
 * so the loader, the renderers, the JSON output and the tests agree on one shape.
 */

export const Slug = z.string().regex(SLUG_PATTERN, 'must be lower-case words joined by hyphens');
const Text = z.string().trim().min(1, 'must not be empty');
const Percent = z.number().min(0, 'must be 0–100').max(100, 'must be 0–100');

/** A single figure, or a `[low, high]` range across studies. */
export const PercentOrRange = z.union([
  Percent,
  z
    .tuple([Percent, Percent])
    .refine(([low, high]) => low <= high, 'a range must be [low, high] with low ≤ high'),
]);

/** YAML turns an unquoted 2026-11-24 into a Date; the monograph keeps the ISO day. */
const IsoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
);

export const SideEffectSchema = z
  .strictObject({
    effect: Text,
    percent: PercentOrRange.optional(),
    frequency: z.enum(FREQUENCY_WORDS).optional(),
    placebo_percent: PercentOrRange.optional(),
    /** The control arm `placebo_percent` comes from when it is not placebo ("warfarin"). */
    comparator: Text.optional(),
    participants: z.number().int().positive().optional(),
    system: Text.optional(),
    source: Slug,
    note: Text.optional(),
  })
  .refine((row) => row.percent !== undefined || row.frequency !== undefined, {
    message: 'needs a percent or a frequency word',
    path: ['percent'],
  })
  .refine((row) => row.placebo_percent === undefined || row.percent !== undefined, {
    message: "gives a placebo or comparator figure but no figure for the drug, so the two cannot be compared",
    path: ['placebo_percent'],
  })
  .refine((row) => row.comparator === undefined || row.placebo_percent !== undefined, {
    message: "names a comparator but gives no figure for it (the comparator's figure goes in placebo_percent)",
    path: ['comparator'],
  });

export const StudySchema = z.strictObject({
  title: Text,
  participants: z.number().int().positive(),
  design: Text.optional(),
  outcome: Text,
  result_percent: Percent.optional(),
  source: Slug,
});

export const InteractionSchema = z.strictObject({
  with: Slug,
  severity: z.enum(SEVERITIES),
  effect: Text,
  /** What to do about it, in our words (the label's advice: avoid, lower the dose, monitor). */
  management: Text.optional(),
  source: Slug,
});

export const SourceSchema = z.strictObject({
  id: Slug,
  title: Text,
  kind: z.enum(SOURCE_KINDS),
  publisher: Text.optional(),
  section: Text.optional(),
  url: z.url().optional(),
  date: IsoDate.optional(),
  /** What a source no row cites backs instead: the prose it is the source of ("Warnings: the intrathecal boxed warning"). */
  supports: Text.optional(),
});

export const FrontMatterSchema = z
  .strictObject({
    name: Text,
    slug: Slug,
    /** Absent for a drug; `substance` (alcohol, grapefruit) or `combination` (Tylenol PM) otherwise. */
    kind: z.enum(KINDS).optional(),
    /** A combination's ingredients: the slugs of drugs in the library. */
    ingredients: z.array(Slug).optional(),
    aliases: z.array(Text).default([]),
    brands: z.array(Text).default([]),
    classes: z.array(Slug).min(1, 'needs at least one class tag'),
    uses: z.array(Text).default([]),
    rx: z.enum(RX_STATUSES),
    reviewed: IsoDate,
    look_alikes: z.array(Text).default([]),
    side_effects: z.array(SideEffectSchema).default([]),
    studies: z.array(StudySchema).default([]),
    interactions: z.array(InteractionSchema).default([]),
    sources: z.array(SourceSchema).min(1, 'needs at least one source'),
    /** What the sources hold that this monograph leaves out, because no copy could be confirmed ("label Table 2: not confirmed"). */
    gaps: z.array(Text).optional(),
  })
  .superRefine((front, context) => {
    if (front.kind !== 'substance' && front.uses.length === 0) context.addIssue({ code: 'custom', path: ['uses'], message: 'needs at least one use' });
    if (front.kind === 'combination' && (front.ingredients?.length ?? 0) < 2) {
      context.addIssue({ code: 'custom', path: ['ingredients'], message: 'a combination needs at least two ingredients' });
    }
    if (front.kind !== 'combination' && front.ingredients !== undefined) {
      context.addIssue({ code: 'custom', path: ['ingredients'], message: 'only a combination (kind: combination) has ingredients' });
    }
  });

export type FrontMatter = z.infer<typeof FrontMatterSchema>;
export type SideEffect = z.infer<typeof SideEffectSchema>;
export type Study = z.infer<typeof StudySchema>;
export type Interaction = z.infer<typeof InteractionSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type PercentValue = z.infer<typeof PercentOrRange>;
export type Severity = (typeof SEVERITIES)[number];
