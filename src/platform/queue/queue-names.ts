/**
 * Queue and job names are a stable API: jobs already waiting in Redis carry these strings, so a
 * name is never renamed once shipped. Add new names; retire old ones only when no job can hold them.
 */
export enum QueueName {
  /** Domain events for the matching index: candidate.changed, vacancy.changed. */
  Events = 'events',
  /** Long-running imports (ESCO, places, candidate CSVs) and the demo data. */
  Imports = 'imports',
  /** Aftersales follow-ups at 3 and 6 months, and their reconciler. */
  FollowUps = 'follow-ups',
}

export enum JobName {
  CandidateChanged = 'candidate.changed',
  VacancyChanged = 'vacancy.changed',
  EscoImport = 'esco.import',
  CandidateImport = 'candidate.import',
  PlacesImport = 'places.import',
  DemoDataSeed = 'demo-data.seed',
  FollowUpDue = 'follow-up.due',
  FollowUpReconcile = 'follow-up.reconcile',
  FollowUpNotify = 'follow-up.notify',
}

/**
 * The payload of every job, by name. Payloads carry internal ids only: never a BSN, a name or any
 * other personal field.
 */
export interface JobPayloads {
  [JobName.CandidateChanged]: { candidateId: string };
  [JobName.VacancyChanged]: { vacancyId: string };
  [JobName.EscoImport]: { importId: string; folder: string };
  [JobName.CandidateImport]: { importId: string };
  [JobName.PlacesImport]: { folder: string };
  /** The demo users exist already (made in the request, with the password chosen): the rest of the demo data. */
  [JobName.DemoDataSeed]: Record<string, never>;
  [JobName.FollowUpDue]: { followUpId: string };
  [JobName.FollowUpReconcile]: Record<string, never>;
  /** Delivers one recorded notification to the configured webhook. */
  [JobName.FollowUpNotify]: { notificationId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];
