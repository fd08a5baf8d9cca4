import { ApiError, NetworkError } from './api-error';

/**
 * Dutch texts for the API's error codes and field messages: the one place where the API's English
 * becomes what the staff read. Add a code here when the API gains one; an unknown code still reads
 * well through the status fallback.
 */
const CODE_TEXTS: Record<string, string> = {
  INVALID_CREDENTIALS: 'Het e-mailadres of het wachtwoord klopt niet.',
  TOO_MANY_LOGIN_ATTEMPTS: 'Te veel mislukte pogingen. Wacht even en probeer het opnieuw.',
  NOT_SIGNED_IN: 'Je bent niet (meer) aangemeld.',
  REFRESH_TOKEN_INVALID: 'Je sessie is beëindigd. Meld je opnieuw aan.',
  ROLE_REQUIRED: 'Je rol geeft geen toegang tot deze functie.',
  NOT_ALLOWED: 'Je hebt geen toegang tot deze gegevens.',
  VALIDATION_FAILED: 'Niet alle velden zijn goed ingevuld.',
  STALE_VERSION: 'Iemand anders heeft dit intussen gewijzigd. Laad de nieuwe versie en probeer het opnieuw.',
  EMAIL_TAKEN: 'Er is al een gebruiker met dit e-mailadres.',
  UNIT_NAME_TAKEN: 'Er is al een eenheid met deze naam.',
  UNIT_IN_USE: 'Deze eenheid heeft nog gebruikers. Verplaats hen eerst naar een andere eenheid.',
  UNIT_UNKNOWN: 'Deze eenheid bestaat niet (meer).',
  UNIT_NOT_FOUND: 'Deze eenheid bestaat niet (meer).',
  USER_NOT_FOUND: 'Deze gebruiker bestaat niet (meer).',
  SETUP_DONE: 'De eerste inrichting is al gedaan. Meld je aan als beheerder.',
  SETUP_TOKEN_INVALID: 'Het set-up-token klopt niet. Gebruik het token dat de service bij het starten toonde.',
  TOO_MANY_SETUP_ATTEMPTS: 'Te veel verkeerde tokens. Wacht een paar minuten en probeer het opnieuw.',
  ESCO_FOLDER_NOT_FOUND: 'Die map bestaat niet op de server.',
  PLACES_FOLDER_NOT_FOUND: 'In die map op de server staan geen postcodebestanden.',
  UPLOAD_MISSING: 'Kies een zipbestand.',
  UPLOAD_NOT_ZIP: 'Dit is geen (leesbaar) zipbestand.',
  UPLOAD_TOO_LARGE: 'Het bestand is te groot.',
  UPLOAD_UNSAFE_PATH: 'Het zipbestand bevat bestanden buiten zijn eigen map en is geweigerd.',
  UPLOAD_INCOMPLETE: 'In het zipbestand ontbreken de verwachte bestanden.',
  UPLOAD_TOO_MANY_FILES: 'Het zipbestand bevat te veel bestanden.',
  DEMO_PASSWORD_TOO_SHORT: 'Het demowachtwoord is te kort.',
  PAYLOAD_TOO_LARGE: 'Wat je verstuurt is te groot.',
  NOT_FOUND: 'Dit bestaat niet (meer).',
  VACANCY_NOT_FOUND: 'Deze vacature bestaat niet (meer).',
  VACANCY_NOT_OPEN: 'Deze vacature staat niet (meer) open.',
  CANDIDATE_NOT_FOUND: 'Deze kandidaat bestaat niet of je mag hem niet zien.',
  CANDIDATE_ERASED: 'Deze kandidaat is op eigen verzoek verwijderd.',
  PROPOSAL_NOT_FOUND: 'Dit voorstel bestaat niet (meer).',
  PROPOSAL_OPEN_ALREADY: 'Deze kandidaat loopt al voor deze vacature.',
  PROPOSAL_TRANSITION_INVALID: 'Deze stap kan niet vanuit de huidige stand van het voorstel.',
  HIRE_THROUGH_PLACEMENT: 'Plaats de kandidaat met de knop Plaatsen.',
  REQUIREMENT_NOT_MET: 'De kandidaat voldoet niet aan een eis van de vacature.',
  NO_POSITION_LEFT: 'De vacature heeft geen open positie meer.',
  INSTRUMENT_NOT_ALLOWED: 'Een gekozen instrument past niet bij deze plaatsing.',
  INSTRUMENT_NOT_ACCEPTED: 'De vacature accepteert een gekozen instrument niet.',
  IDEMPOTENCY_KEY_REUSED: 'Deze plaatsing is al met andere gegevens verstuurd. Open het venster opnieuw.',
  CURSOR_INVALID: 'De lijst is intussen veranderd. Laad de ranglijst opnieuw.',
  KVK_NUMBER_TAKEN: 'Er is al een werkgever met dit KvK-nummer.',
  POSTCODE_UNKNOWN: 'Deze postcode kennen we niet.',
  CERTIFICATE_NOT_SELECTABLE: 'Een van de certificaten kan niet (meer) gekozen worden.',
  EMPLOYER_ARCHIVED: 'Deze werkgever is gearchiveerd. Haal hem eerst terug.',
  EMPLOYER_UNKNOWN: 'Deze werkgever bestaat niet (meer).',
  EMPLOYER_NOT_FOUND: 'Deze werkgever bestaat niet (meer).',
  VACANCY_TRANSITION_INVALID: 'Deze statuswijziging kan niet vanuit de huidige status.',
  VACANCY_CLOSED: 'Deze vacature is afgesloten en kan niet meer wijzigen.',
  FOLLOW_UP_NOT_FOUND: 'Dit gesprek bestaat niet, of hoort niet bij wat je mag zien.',
  FOLLOW_UP_CLAIMED: 'Een collega heeft dit gesprek al opgepakt.',
  FOLLOW_UP_NOT_DUE: 'Dit gesprek is niet (meer) te bellen: het is al afgerond of nog niet aan de beurt.',
  PLACEMENT_ENDED_ALREADY: 'Deze plaatsing is al beëindigd.',
  PICK_UP_NOT_FOUND: 'Deze klant staat niet (meer) op de lijst om weer op te pakken.',
  MEDIATION_NOT_FOUND: 'Deze bemiddeling bestaat niet of je mag de klant niet zien.',
  MEDIATION_EXISTS: 'Deze klant is al in bemiddeling genomen.',
  MEDIATION_ENDED: 'Deze bemiddeling is beëindigd.',
  MEETING_STARTED: 'Deze bijeenkomst is begonnen of voorbij en kan niet meer worden gewijzigd of geannuleerd.',
  MEETING_CANCELLED: 'Deze bijeenkomst is geannuleerd.',
  MEDIATION_END_BEFORE_START: 'Een bemiddeling kan niet eindigen voor haar start.',
  NOT_A_WW_CLIENT: 'Alleen WW-klanten kunnen in Max-WW-bemiddeling.',
  ADVISER_NOT_MAX_WW: 'Kies een Max-WW-adviseur (van UWV of het uitzendbureau).',
  NOT_MAX_WW_TEAM: 'Dit is voor het Max-WW-team: adviseurs van UWV of het uitzendbureau.',
  ROUTE_NOT_MAX_WW_ADVISER: 'Na de triage gaat deze klant niet naar een Max-WW-adviseur.',
  NOT_OWN_CLIENT: 'Je biedt vacatures aan en stelt voor voor je eigen klanten.',
  VACANCY_OFFER_EXISTS: 'Deze vacature is al aan de klant aangeboden.',
  VACANCY_OFFER_NOT_FOUND: 'Dit aanbod bestaat niet (meer).',
  CLIENT_NOT_INTERESTED: 'Stel de klant pas voor als hij of zij interesse heeft in de vacature.',
};

const STATUS_TEXTS: Record<number, string> = {
  400: 'Het verzoek klopt niet.',
  401: 'Je bent niet (meer) aangemeld.',
  403: 'Je hebt hiervoor geen toegang.',
  404: 'Dit bestaat niet (meer).',
  409: 'Dit kan nu niet: de gegevens zijn intussen veranderd.',
  410: 'Dit is niet meer beschikbaar.',
  413: 'Wat je verstuurt is te groot.',
  422: 'Niet alle velden zijn goed ingevuld.',
  429: 'Te veel verzoeken. Wacht even en probeer het opnieuw.',
  503: 'De service is tijdelijk niet beschikbaar. Probeer het straks opnieuw.',
};

export const NETWORK_TEXT = 'Geen verbinding met de service. Controleer je netwerk en probeer het opnieuw.';

/** One readable Dutch sentence for any error a page can meet. */
export function describeError(error: unknown): string {
  if (error instanceof NetworkError) return NETWORK_TEXT;
  if (error instanceof ApiError) {
    const text = CODE_TEXTS[error.code] ?? STATUS_TEXTS[error.status];
    if (text) return text;
    if (error.status >= 500) {
      return `Er ging iets mis in de service.${error.requestId ? ` Meld dit met kenmerk ${error.requestId}.` : ''}`;
    }
    return `Dit lukte niet (${error.status}).`;
  }
  return 'Er ging iets mis. Probeer het opnieuw.';
}

/** The API's field messages (English, from class-validator and the domain) in Dutch. */
const FIELD_PATTERNS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^must not be empty$/, () => 'Vul dit in.'],
  [/^is required$/, () => 'Vul dit in.'],
  [/^must be an e-mail address$/, () => 'Vul een geldig e-mailadres in.'],
  [/^must be at least (\d+) characters$/, (n) => `Gebruik minstens ${n} tekens.`],
  [/^must be at most (\d+) characters$/, (n) => `Gebruik hoogstens ${n} tekens.`],
  [/^must be text$/, () => 'Vul tekst in.'],
  [/^must be true or false$/, () => 'Kies ja of nee.'],
  [/^must be at least the (\d+) clients invited already$/, (n) => `Minstens ${n}: zoveel klanten zijn al uitgenodigd.`],
  [/^must not be before an invitation was sent$/, () => 'Niet vóór de dag waarop een uitnodiging is verstuurd.'],
  [/^must be today or later$/, () => 'Kies vandaag of later.'],
  [/^must not be after today$/, () => 'Kies vandaag of eerder.'],
  [/^must be within two years$/, () => 'Kies een datum binnen twee jaar.'],
  [
    /^must be after the first meeting of the clients invited here a second time$/,
    () => 'Kies een moment na de eerste bijeenkomst van de klanten die hier voor de tweede keer zijn uitgenodigd.',
  ],
  [/^must be active advisers of the Max-WW team$/, () => 'Kies actieve adviseurs van het Max-WW-team.'],
  [/^must be one of (.+)$/, (list) => `Kies een van: ${list}.`],
  [/^must each be one of (.+)$/, (list) => `Kies alleen uit: ${list}.`],
  [/^must hold at least one role$/, () => 'Kies minstens één rol.'],
  [/^must not repeat a role$/, () => 'Kies elke rol maar één keer.'],
  [/^must be a list of roles$/, () => 'Kies een of meer rollen.'],
  [/^must be the id of a unit$/, () => 'Kies een eenheid.'],
  [/^is not an existing unit$/, () => 'Deze eenheid bestaat niet (meer).'],
  [/^is taken by another user$/, () => 'Dit e-mailadres is al in gebruik.'],
  [/^is not a folder on the server$/, () => 'Deze map bestaat niet op de server.'],
  [/^holds no (.+)$/, (file) => `Hier staat geen ${file} in.`],
  [/^is not the token the service printed at start$/, () => 'Dit is niet het token dat de service toonde.'],
  [/^must be the version you read$/, () => 'Laad de gegevens opnieuw.'],
  [/^is larger than (\d+) MB$/, (n) => `Het bestand is groter dan ${n} MB.`],
  [/^unpacks to more than (\d+) MB$/, (n) => `Uitgepakt is het groter dan ${n} MB.`],
  [/^is not a (readable )?zip file$/, () => 'Dit is geen leesbaar zipbestand.'],
  [/^holds a (file outside its folder|link) \((.+)\)$/, (_kind, name) => `Onveilig pad in de zip: ${name}.`],
  [/^should not exist$/, () => 'Dit veld hoort hier niet.'],
  [/^must be whole (hours|months)/, () => 'Vul een heel getal in.'],
  [/^must say why$/, () => 'Schrijf erbij waarom.'],
  [/^applies to a FIXED_TERM contract only$/, () => 'Alleen bij een tijdelijk contract.'],
  [/^must be a Dutch phone number like (.+)$/, (example) => `Vul een Nederlands telefoonnummer in, zoals ${example}.`],
  [/^must be a house number like (.+)$/, (example) => `Vul een huisnummer in, zoals ${example}.`],
  [/^must be a Dutch postcode like (.+)$/, (example) => `Vul een postcode in, zoals ${example}.`],
  [/^must be exactly 8 digits$/, () => 'Een KvK-nummer heeft precies 8 cijfers.'],
  [/^is already registered for another employer$/, () => 'Er is al een werkgever met dit KvK-nummer.'],
  [/^postcode area (\d{4}) does not exist$/, (area) => `Postcodegebied ${area} bestaat niet.`],
  [/^unknown certificate (.+)$/, (codes) => `Onbekend certificaat: ${codes}.`],
  [/^must be at least hoursMin$/, () => 'Tot moet minstens van zijn.'],
  [/^must be a whole number$/, () => 'Vul een heel getal in.'],
  [/^must be at least (\d+)$/, (n) => `Vul minstens ${n} in.`],
  [/^must be at most (\d+)$/, (n) => `Vul hoogstens ${n} in.`],
  [/^must be a date like (.+)$/, () => 'Vul een datum in.'],
  [/^is required for a FIXED_TERM contract$/, () => 'Vul de looptijd in.'],
  [
    /^must say why the job ended, or what puts it at risk$/,
    () => 'Vul in waarom het werk stopte of wat het risico is.',
  ],
  [/^must not be before startDate$/, () => 'Deze datum ligt vóór de start van de plaatsing.'],
  [/^must not be in the future$/, () => 'Dit moment ligt in de toekomst.'],
  [/^must be a date \(YYYY-MM-DD\)$/, () => 'Vul een datum in.'],
  [
    /^must be an active aftersales user of the follow-up's unit$/,
    () => 'Kies een aftersalesmedewerker van de eenheid.',
  ],
];

export function fieldMessage(english: string): string {
  for (const [pattern, dutch] of FIELD_PATTERNS) {
    const match = pattern.exec(english);
    if (match) return dutch(...match.slice(1));
  }
  // Still readable: the API's own words, marked as such.
  return `Ongeldig: ${english}.`;
}
