import { describe, expect, it } from 'vitest';
import { isSlug, slugOf } from '../../src/core/slug';

describe('the slug a name gets', () => {
  it('keeps letters and digits, drops accents, and joins the words with hyphens', () => {
    expect(slugOf('Bébé-Drug 2')).toBe('bebe-drug-2');
    expect(slugOf('LIPITOR® (atorvastatin calcium)')).toBe('lipitor-atorvastatin-calcium');
    expect(isSlug(slugOf('  Ünïcode—name  '))).toBe(true);
  });

  it('is empty for a name with no letter or digit', () => {
    expect(slugOf('®—…')).toBe('');
  });
});
