import { z } from 'zod';

/**
 * The judge's reading of one draft as the customer would receive it: expected NPS answer
 * (0–10), probability the customer engages, probability they churn, one-line rationale.
 * From the LLM when one is configured, else the rules judge.
 */
export const JudgeScoreSchema = z.object({
  npsExpected: z.number().min(0).max(10),
  engagementProb: z.number().min(0).max(1),
  churnProb: z.number().min(0).max(1),
  rationale: z.string().max(300),
  source: z.enum(['llm', 'rules']),
});
export type JudgeScore = z.infer<typeof JudgeScoreSchema>;
