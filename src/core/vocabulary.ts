/** The fixed words of the monograph format, shared by the schema and the renderers without loading the schema. */
export const FREQUENCY_WORDS = ['very common', 'common', 'uncommon', 'rare', 'very rare', 'not reported'] as const;
/** `unknown`: a label mentions the pair without wording that makes a grade clear (only `medinfo import` writes it). */
export const SEVERITIES = ['contraindicated', 'major', 'moderate', 'minor', 'unknown'] as const;
export const SOURCE_KINDS = ['label', 'trial', 'article', 'review'] as const;
export const RX_STATUSES = ['prescription', 'otc', 'supplement', 'food'] as const;
/** What a monograph describes besides a drug (a drug has no `kind`). */
export const KINDS = ['substance', 'combination'] as const;
