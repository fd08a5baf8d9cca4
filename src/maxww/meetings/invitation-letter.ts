import { InvitationChannel } from './dto/meeting.dto';

export interface LetterFacts {
  channel: InvitationChannel;
  /** The client's name as UWV has it: shown in the letter on screen, never in a URL or a log. */
  clientName: string | null;
  attempt: number;
  startsAt: Date;
  place: string;
  hostNames: string[];
}

const DAY = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' });

/** "dinsdag 15 december 2026" and "10:00", in the Netherlands' time. */
export function meetingMoment(startsAt: Date): { day: string; time: string } {
  return { day: DAY.format(startsAt), time: TIME.format(startsAt) };
}

/**
 * The invitation as it goes into UWV's work folder (werkmap) or an e-mail: the meeting's day, hour
 * and place, and that coming is compulsory. It names the client but holds no BSN, client number or
 * other identifier: the channel already knows whom it is for.
 */
export function invitationLetter(facts: LetterFacts): { subject: string; text: string } {
  const { day, time } = meetingMoment(facts.startsAt);
  const second = facts.attempt === 2;
  const subject = `${second ? 'Nieuwe uitnodiging' : 'Uitnodiging'}: bijeenkomst Max-WW op ${day}`;
  const greeting = facts.clientName ? `Beste ${facts.clientName},` : 'Beste heer, mevrouw,';
  const opening = second
    ? 'U was niet bij de vorige bijeenkomst van het Max-WW-team. Daarom nodigen wij u opnieuw uit.'
    : 'Uw WW-uitkering eindigt binnenkort. Het Max-WW-team helpt u om werk te vinden voordat uw WW stopt. ' +
      'Daarom nodigen wij u uit voor een groepsbijeenkomst.';
  const consequence = second
    ? 'Komt u ook nu niet, dan draagt het team u over aan uw adviseur bij UWV.'
    : 'Komt u niet zonder bericht, dan nemen wij contact met u op en krijgt u een nieuwe uitnodiging.';
  const where =
    facts.channel === 'WORK_FOLDER'
      ? 'U vindt dit bericht ook in uw werkmap op werk.nl.'
      : 'U ontvangt deze uitnodiging per e-mail; u vindt haar ook in uw werkmap op werk.nl.';
  const signature = facts.hostNames.length > 0 ? facts.hostNames.join(', ') : 'Het Max-WW-team';
  const text = [
    greeting,
    '',
    opening,
    '',
    `Datum: ${day}`,
    `Tijd: ${time} uur`,
    `Plaats: ${facts.place}`,
    '',
    'Uw aanwezigheid is verplicht. Kunt u echt niet komen, laat het ons dan vóór de bijeenkomst weten. ' + consequence,
    '',
    'In de bijeenkomst vertellen wij wat het Max-WW-team voor u kan doen, en bespreken wij met u de volgende stap.',
    where,
    '',
    'Met vriendelijke groet,',
    '',
    signature,
    'Max-WW-team',
  ].join('\n');
  return { subject, text };
}
