export const FOLLOW_UP_STATUSES = ['PLANNED', 'DUE', 'DONE', 'MISSED', 'CANCELLED'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
export type FollowUpParty = 'CLIENT' | 'EMPLOYER';
