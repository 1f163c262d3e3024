import { leadKeyMaterial } from '../../lib/cache-key';
import type { Lead, LeadClassification } from '../../lib/contracts';
import { classifyLeadByRules } from '../../lib/rules/index';
import type { Capability } from '../gateway/gateway';
import type { LeadClassifier, LeadPartial } from '../llm/lead-classifier';
import { stableHashSync } from '../stable-hash';

/** Lead classification: keyed like the extension's own cache (leadCacheKey); partials when streamed. */
export function leadCapability(classifier: LeadClassifier): Capability<Lead, LeadClassification, LeadPartial> {
  return {
    name: 'leads',
    mode: classifier.mode,
    engine: classifier.engine,
    key: async (lead, version, engine) => stableHashSync(leadKeyMaterial(lead, version, engine)),
    rules: classifyLeadByRules,
    run: (lead, profile, { rules, onPartial, signal, deadlineAt }) => classifier.classifyDetailed(lead, profile, { rules, onPartial, signal, deadlineAt }),
  };
}
