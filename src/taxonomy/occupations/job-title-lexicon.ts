/**
 * Words people type in Dutch and Flemish job titles that ESCO's Dutch labels do not use (colloquial,
 * regional, old institution names, English loanwords, abbreviations), each to the word or words
 * ESCO's labels use for the same thing. Words to words, never to an occupation: "plafonneur" reads
 * as "stukadoor", and the search still decides which stukadoor occupation fits the rest of the title.
 *
 * Written from general knowledge of the Dutch and Flemish labour market, not from any query set.
 * Two rules keep it honest, checked against the real ESCO file by job-title-lexicon.spec.ts:
 * no key is a word (or compound part) of an ESCO label, so no label changes meaning and queries
 * made of ESCO's own labels never touch it; every counterpart word is one ESCO's labels use.
 * A key with a space is a phrase (its words typed in that order). A word with several senses maps
 * only where the job sense is clear, or to each of its counterparts.
 */
type Counterparts = string | readonly string[];

// Logistics: warehouse loanwords of international employers, Flemish "clark" for a forklift truck.
const LOGISTICS: Record<string, Counterparts> = {
  stockist: 'magazijnmedewerker',
  bagageafhandelaar: 'bagage',
  forklift: 'heftruck',
  clark: 'heftruck',
  clarkist: 'heftruckchauffeur',
  heftrucker: 'heftruckchauffeur',
  heftruckrijder: 'heftruckchauffeur',
  picker: 'orderpicker',
  packer: 'inpakker',
  stockbeheerder: 'magazijnbeheerder',
  sjouwer: 'verhuizer',
  verhuisman: 'verhuizer',
  verhuishulp: 'verhuizer',
  mover: 'verhuizer',
  courier: 'koerier',
};

// Transport: drivers and delivery, loanwords and Flemish names of vehicles.
const TRANSPORT: Record<string, Counterparts> = {
  kipperchauffeur: 'vrachtwagenchauffeur',
  bijrijder: 'bezorger',
  flitsbezorger: 'bezorger',
  lijnbus: 'bus',
  streekbus: 'bus',
  belbus: 'bus',
  loodsman: 'loods',
  stationsmanager: 'station',
  'truck driver': 'vrachtwagenchauffeur',
  'flight attendant': 'stewardess',
  driver: 'chauffeur',
  camionette: 'bestelwagen',
  bestelbus: 'bestelwagen',
  autocar: 'bus',
  touringcar: 'bus',
  touringcarchauffeur: 'buschauffeur',
  wattman: 'trambestuurder',
  rider: 'bezorger',
  postbesteller: 'postbode',
  postman: 'postbode',
  pechhulp: 'wegenwachter',
  takelwagen: 'takelaar',
  sleepwagen: 'takelaar',
  deckhand: 'matroos',
  rijschoolhouder: 'rijinstructeur',
};

// Care and welfare: old and colloquial names (zuster, broeder), abbreviations (VIG, POH, SPV).
const CARE: Record<string, Counterparts> = {
  thuisverpleegkundige: 'verpleegkundige thuiszorg',
  thuisverpleging: 'thuiszorg',
  familiehulp: 'verzorgende',
  rvt: 'verzorgingshuis',
  wzc: 'woonzorgcentrum',
  opvoeder: ['begeleider', 'pedagogisch medewerker'],
  agogisch: 'pedagogisch',
  agoog: 'pedagoog',
  zuster: 'verpleegkundige',
  wijkzuster: 'verpleegkundige thuiszorg',
  ziekenzuster: 'verpleegkundige',
  hoofdzuster: 'hoofdverpleegkundige',
  nachtzuster: 'verpleegkundige',
  kinderzuster: ['kinderverpleegkundige', 'kinderverzorger'],
  kraamzuster: 'kraamverzorgende',
  broeder: 'verpleegkundige',
  ziekenbroeder: 'verpleegkundige',
  ziekenoppasser: 'verzorgende',
  ambulancier: 'ambulance',
  vig: 'verzorgende',
  vigger: 'verzorgende',
  poh: 'praktijkondersteuner',
  spv: 'sociaal psychiatrisch verpleegkundige',
  okassistent: 'operatieassistent',
  huisdokter: 'huisarts',
  tandendokter: 'tandarts',
  kinderdokter: 'arts',
  dierendokter: 'dierenarts',
  kraamhulp: 'kraamverzorgende',
  gezinshulp: 'verzorgende',
  gezinshelper: 'verzorgende',
  gezinsverzorger: 'verzorgende',
  gezinsverzorgende: 'verzorgende',
  ziekenverzorger: 'verzorgende',
  bejaardenhuis: 'verzorgingshuis',
  bejaardentehuis: 'verzorgingshuis',
  zwakzinnigenzorg: 'gehandicaptenzorg',
  zwakzinnigen: 'gehandicapten',
  orthopedagoge: 'pedagoog',
  orthopedagoog: 'pedagoog',
  jongerenwerker: 'jeugdwerker',
  welzijnswerker: 'maatschappelijk werker',
  'social worker': 'maatschappelijk werker',
  caregiver: 'verzorgende',
  doctor: 'arts',
  dentist: 'tandarts',
  pharmacist: 'apotheker',
  physiotherapist: 'fysiotherapeut',
  psychologist: 'psycholoog',
};

// Cleaning: Flemish "kuis" (kuisvrouw, kuisploeg), old "glazenlapper", loanwords.
const CLEANING: Record<string, Counterparts> = {
  dienstencheques: 'huishoudhulp',
  dienstencheque: 'huishoudhulp',
  dienstenchequemedewerker: 'huishoudhulp',
  strijkhulp: 'strijker',
  opkuis: 'schoonmaak',
  opkuiser: 'schoonmaker',
  'kuis-': 'poets',
  kuisman: 'schoonmaker',
  kuister: 'schoonmaakster',
  glazenlapper: 'glazenwasser',
  ramenwasser: 'glazenwasser',
  vuilman: 'vuilnisman',
  vuilnisbelader: 'vuilnisophaler',
  afvalophaler: 'vuilnisophaler',
  kamermeid: 'kamermeisje',
  roomattendant: 'kamermeisje',
  cleaner: 'schoonmaker',
  housekeeper: 'huishoudster',
  janitor: 'conciërge',
  huismeester: 'conciërge',
  pedel: 'conciërge',
};

// Hospitality: Flemish "garçon", "dienster" and "frietkot", kitchen and bar words.
const HOSPITALITY: Record<string, Counterparts> = {
  zaalverantwoordelijke: 'bedrijfsleider',
  garcon: 'ober',
  dienster: 'serveerster',
  waiter: 'ober',
  waitress: 'serveerster',
  bardame: 'barman',
  barmeid: 'barman',
  barjuffrouw: 'barman',
  afwasser: 'vaatwasser',
  dishwasher: 'vaatwasser',
  spoelkeuken: 'vaatwasser',
  spoelhulp: 'vaatwasser',
  keukenpiet: 'keukenhulp',
  commis: 'kok',
  souschef: 'sous chef',
  frituur: 'snackbar',
  frietkot: 'snackbar',
  friturist: 'snackbar',
  frituurhouder: 'snackbar',
  frietbakker: 'snackbar',
  patatbakker: 'snackbar',
  cafetaria: 'snackbar',
  bellboy: 'piccolo',
  butcher: 'slager',
};

// Construction and installation: Flemish trades (plafonneur, chauffagist), colloquial names, loanwords.
const CONSTRUCTION: Record<string, Counterparts> = {
  chapewerker: 'vloerlegger',
  dekvloerlegger: 'vloerlegger',
  gyproc: 'gips',
  gipsplaat: 'gips',
  droogbouwer: 'gips',
  gipsplatenmonteur: 'gips',
  plafonneur: 'stukadoor',
  stukwerker: 'stukadoor',
  chauffagist: 'verwarmingsinstallateur',
  elektrieker: 'elektricien',
  bouwvakker: 'bouwvakhulp',
  verver: 'schilder',
  klusser: 'klusjesman',
  handyman: 'klusjesman',
  stratenmaker: 'straatmaker',
  betonvlechter: 'ijzervlechter',
  interieurbouwer: 'interieur',
  standbouwer: 'stand',
  wegenbouwer: 'wegenbouw',
  asfaltwerker: 'asfalt',
  sloopwerker: 'sloper',
  voeger: 'metselaar',
  maatvoerder: 'landmeter',
  tuinaanlegger: 'hovenier',
  houtkapper: 'houthakker',
  painter: 'schilder',
  carpenter: 'timmerman',
  plumber: 'loodgieter',
  electrician: 'elektricien',
  welder: 'lasser',
  bricklayer: 'metselaar',
  roofer: 'dakdekker',
  tiler: 'tegelzetter',
  plasterer: 'stukadoor',
  scaffolder: 'steigerbouwer',
};

// Metal and technics, production: Flemish "technieker" and "mechanieker", colloquial names.
const TECHNICS: Record<string, Counterparts> = {
  technieker: 'technicus',
  mechanieker: 'monteur',
  mechanic: 'monteur',
  fietsenhersteller: 'fietsenmaker',
  rijwielhersteller: 'fietsenmaker',
  tweewielermonteur: 'fietsenmaker',
  metaalwerker: 'metaalbewerker',
  metaalarbeider: 'metaalbewerker',
  constructiewerker: 'constructie',
  productiewerker: 'productiemedewerker',
  lijnwerker: 'productiemedewerker',
  bandwerker: 'productiemedewerker',
  teamlead: 'teamleider',
};

// Retail: old and Flemish shop names, sales loanwords.
const RETAIL: Record<string, Counterparts> = {
  kassajuf: 'caissière',
  cashier: 'caissière',
  winkeljuffrouw: 'winkelmedewerker',
  rekkenvuller: 'vakkenvuller',
  aanvuller: 'vakkenvuller',
  kruidenier: 'winkelier',
  bloembinder: 'bloemist',
  bloemschikker: 'bloemist',
  florist: 'bloemist',
  salesman: 'verkoper',
  handelsreiziger: 'vertegenwoordiger',
  colporteur: 'verkoper',
  webwinkel: 'webshop',
  'customer service': 'klantenservice',
  'customer care': 'klantenservice',
};

// Office and finance: Flemish "zaakvoerder" and "immo", loanwords, old names.
const OFFICE: Record<string, Counterparts> = {
  onthaalbediende: 'receptionist',
  'management assistant': 'managementassistent',
  'personal assistant': 'persoonlijk assistent',
  ambtenares: 'ambtenaar',
  beambte: 'ambtenaar',
  zaakvoerder: ['bedrijfsleider', 'directeur'],
  'functioneel beheerder': 'applicatiebeheerder',
  tikster: 'typist',
  bookkeeper: 'boekhouder',
  loonadministrateur: 'salarisadministrateur',
  'payroll-': 'salarisadministratie',
  hrm: 'hr',
  // UWV's labour expert judges work capacity and re-integration; a job broker (arbeidsbemiddelaar) is another job.
  arbeidsdeskundige: 're-integratiedeskundige',
  klantmanager: 'consulent',
  immo: 'vastgoed',
  secretary: 'secretaresse',
  translator: 'vertaler',
  interpreter: 'tolk',
  lawyer: 'advocaat',
};

// ICT: loanwords and Flemish "informaticien".
const ICT: Record<string, Counterparts> = {
  fullstack: 'software ontwikkelaar',
  backend: 'software ontwikkelaar',
  informaticien: 'informaticus',
  webdeveloper: 'webontwikkelaar',
  frontend: 'front end',
  icter: 'ict',
  werkplekbeheerder: 'systeembeheerder',
  sysadmin: 'systeembeheerder',
};

// Education: "juf" and its compounds (a three-letter word the search does not cut out of a compound).
const EDUCATION: Record<string, Counterparts> = {
  schoolmeester: ['leerkracht', 'onderwijzer'],
  titularis: 'leerkracht',
  professor: 'docent hoger onderwijs',
  huiswerkbegeleider: 'docent',
  juf: ['leerkracht', 'onderwijzer'],
  juffie: ['leerkracht', 'onderwijzer'],
  schooljuf: ['leerkracht', 'onderwijzer'],
  kleuterjuf: ['kleuterleider', 'kleuteronderwijzer'],
  gymjuf: 'leraar lichamelijke opvoeding',
  gymmeester: 'leraar lichamelijke opvoeding',
  gymleraar: 'leraar lichamelijke opvoeding',
  gymdocent: 'leraar lichamelijke opvoeding',
  // "Gym" is the school's PE and also the fitness centre ("medewerker gym").
  gym: ['lichamelijke opvoeding', 'fitness'],
  bijlesdocent: 'docent',
};

// Childcare: the Dutch "gastouder", Flemish "onthaalmoeder" and "kribbe".
const CHILDCARE: Record<string, Counterparts> = {
  oppasmoeder: 'kinderoppas',
  jeugdleider: 'jeugdwerker',
  hondenuitlater: 'dierenoppasser',
  gastouder: ['kinderoppas', 'kinderopvang'],
  gastmoeder: ['kinderoppas', 'kinderopvang'],
  onthaalmoeder: ['kinderoppas', 'kinderopvang'],
  onthaalouder: ['kinderoppas', 'kinderopvang'],
  '-kribbe': 'kinderdagverblijf',
  kdv: 'kinderdagverblijf',
  peuterjuf: 'pedagogisch medewerker',
  peuterleider: 'peuterspeelzaal',
};

// Security: old names, door staff loanwords.
const SECURITY: Record<string, Counterparts> = {
  zaalwachter: 'bewaker',
  verkeersregelaar: 'verkeersbrigadier',
  nachtwaker: 'bewaker',
  suppoost: ['bewaker', 'toezichthouder'],
  museumbewaker: 'bewaker',
  surveillant: ['toezichthouder', 'beveiliger'],
  bouncer: 'portier',
  doorman: 'portier',
};

// Public service: Flemish and old names of police, customs, fire brigade and post.
const PUBLIC_SERVICE: Record<string, Counterparts> = {
  commies: 'douanier',
  ocmw: 'sociale',
  dominee: 'predikant',
  priester: 'predikant',
  pastoor: 'predikant',
  pompier: 'brandweerman',
  firefighter: 'brandweerman',
  flik: 'politieagent',
  diender: 'politieagent',
  veldwachter: 'politieagent',
  rijkswachter: 'politieagent',
  police: 'politie',
  marechaussee: 'militaire politie',
  kmar: 'militaire politie',
  soldier: 'soldaat',
};

// Agriculture and green: colloquial trades.
const AGRICULTURE: Record<string, Counterparts> = {
  veeboer: 'veehouder',
  koeienboer: 'veehouder',
  kippenboer: 'pluimveehouder',
  tractorchauffeur: 'tractorbestuurder',
  bosarbeider: 'bosbouwer',
  fruitteler: 'fruitteelt',
  groenteteler: 'tuinbouw',
  tuinbouwer: 'tuinbouw',
  groenvoorziener: 'hovenier',
  groenwerker: 'hovenier',
  groenmedewerker: 'hovenier',
  gardener: ['tuinman', 'hovenier'],
  akkerbouwer: 'landbouwer',
  melkveehouder: 'veehouder',
  melker: 'veehouder',
  boerenhulp: 'landarbeider',
  loonwerker: 'landbouwmachinist',
  trekker: 'tractor',
  trekkerchauffeur: 'tractorbestuurder',
  pikeur: 'paardentrainer',
  trimmer: 'hondentrimmer',
};

// Creative: loanwords, colloquial and female forms the search's rules do not turn into the male one.
const CREATIVE: Record<string, Counterparts> = {
  balletdanser: 'danser',
  ballerina: 'danser',
  opmaker: 'dtp',
  cutter: 'editor',
  tattoo: 'tatoeëerder',
  tattooartiest: 'tatoeëerder',
  tattoozetter: 'tatoeëerder',
  'tattoo artist': 'tatoeëerder',
  photographer: 'fotograaf',
  musician: 'muzikant',
  singer: 'zanger',
  actor: 'acteur',
};

// Beauty: Flemish "coiffeur", loanwords.
const BEAUTY: Record<string, Counterparts> = {
  schoonheidsverzorger: 'schoonheidsspecialist',
  wimperstylist: 'schoonheidsspecialist',
  coiffeur: 'kapper',
  hairdresser: 'kapper',
  barber: 'barbier',
  nail: 'nagel',
  nailstylist: 'nagelstylist',
  beautician: 'schoonheidsspecialist',
  manicuriste: 'manicure',
  pedicuriste: 'pedicure',
};

const DOMAINS = [
  LOGISTICS,
  TRANSPORT,
  CARE,
  CLEANING,
  HOSPITALITY,
  CONSTRUCTION,
  TECHNICS,
  RETAIL,
  OFFICE,
  ICT,
  EDUCATION,
  CHILDCARE,
  SECURITY,
  PUBLIC_SERVICE,
  AGRICULTURE,
  CREATIVE,
  BEAUTY,
];

/** Every key (a word, or a phrase of words apart) to the ESCO words it reads as. */
export const JOB_TITLE_LEXICON: ReadonlyMap<string, readonly string[]> = new Map(
  DOMAINS.flatMap((domain) =>
    Object.entries(domain).map(([key, counterparts]) => [
      key,
      typeof counterparts === 'string' ? [counterparts] : counterparts,
    ]),
  ),
);
