/** Learning (policy segments, outreach ranking), English. Every key must exist in learning.es.ts. */
export const learningEn = {
  'segment.let_go': 'Let go',
  'segment.retain': 'Retain',
  'segment.care': 'Care',
  'segment.monitor': 'Monitor',
  'segment.unhappy': 'Unhappy (billing unknown)',
  'segment.satisfied': 'Satisfied (billing unknown)',
  'segment.unknown': 'Unknown',
  'outreach.reason.silence': '{days} days since the last contact',
  'outreach.reason.silence_unknown': 'No date of the last contact',
  'outreach.reason.open_issues': 'Open issues: {count}',
  'outreach.reason.segment': 'Segment: {segment}',
  'outreach.reason.billing_high': 'High billing level',
} as const;
