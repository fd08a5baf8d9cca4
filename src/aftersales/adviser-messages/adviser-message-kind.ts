/** Why an adviser is told about a placed client: at risk of losing the job, or the job ended. */
export const ADVISER_MESSAGE_KINDS = ['AT_RISK', 'LEFT_JOB'] as const;
export type AdviserMessageKind = (typeof ADVISER_MESSAGE_KINDS)[number];
