import { invitationLetter, meetingMoment } from './invitation-letter';

describe('the invitation letter', () => {
  const facts = {
    channel: 'WORK_FOLDER' as const,
    clientName: 'Jan de Vries',
    attempt: 1,
    // 09:30 UTC on 15 December is 10:30 in Dordrecht (winter time, UTC+1).
    startsAt: new Date('2026-12-15T09:30:00Z'),
    place: 'Spuiboulevard 300, Dordrecht',
    hostNames: ['Ans Adviseur', 'Piet Randstad'],
  };

  it('gives the day, the hour in Dutch time and the place, and says that coming is compulsory', () => {
    const { subject, text } = invitationLetter(facts);
    expect(subject).toBe('Uitnodiging: bijeenkomst Max-WW op dinsdag 15 december 2026');
    expect(text).toContain('Beste Jan de Vries,');
    expect(text).toContain('Datum: dinsdag 15 december 2026\nTijd: 10:30 uur\nPlaats: Spuiboulevard 300, Dordrecht');
    expect(text).toContain('Uw aanwezigheid is verplicht.');
    expect(text).toContain('werkmap');
    expect(text).toContain('Ans Adviseur, Piet Randstad');
  });

  it('says in a second invitation what follows a second no-show, and an e-mail says it is an e-mail', () => {
    const { subject, text } = invitationLetter({ ...facts, attempt: 2, channel: 'EMAIL' });
    expect(subject).toMatch(/^Nieuwe uitnodiging/);
    expect(text).toContain('U was niet bij de vorige bijeenkomst');
    expect(text).toContain('draagt het team u over aan uw adviseur bij UWV');
    expect(text).toContain('per e-mail');
  });

  it('reads the time in summer time too, and greets an erased client without a name', () => {
    expect(meetingMoment(new Date('2027-06-01T08:00:00Z'))).toEqual({ day: 'dinsdag 1 juni 2027', time: '10:00' });
    expect(invitationLetter({ ...facts, clientName: null }).text).toMatch(/^Beste heer, mevrouw,/);
  });
});
