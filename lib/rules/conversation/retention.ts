import type { RetentionQuadrant } from '../../contracts';

// Its own module, with nothing but the rule: the extension's content scripts segment a draft's
// feedback by it (lib/learning/segment.ts) and must not pull the triage lexicon in with it.

/**
 * Rule "retention quadrant" (the retention-matrix source): low conformity × low billing → let go;
 * low × high → retain (economic benefits, top priority); high × low → care (loyalty programme);
 * high × high → monitor (proactive prevention). v3: high × low and high × high were swapped.
 */
export function retentionQuadrant(conformity: 'high' | 'low', billing: 'high' | 'low'): RetentionQuadrant {
  if (conformity === 'low') return billing === 'high' ? 'retain' : 'let_go';
  return billing === 'high' ? 'monitor' : 'care';
}
