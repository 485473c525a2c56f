/**
 * The governance of Den boligsociale Helhedsplan for Randers 2025-29: the bodies (bestyrelse, styregruppe,
 * Bysekretariatet and the political level) from the organisation chart and the commissorium (OCR lines 378-475 and
 * 3089-3394), the rules for changing the agreements and the commissorium, and the crisis group roster from the
 * beredskabsplan (lines 3430-3447).
 *
 * The roster's names and phone numbers are demo data taken from the plan: the crisis module seeds them once and they
 * are edited and deleted there. No other personal name belongs in this file; members of the bodies are kept by role.
 */
import type { Body, ChangeRule, CrisisRole, DataRemark, Organisation } from './types.js';

const kommune = 'Randers Kommune';
const bysekretariatet = 'Bysekretariatet';

const bestyrelse: Body = {
  slug: 'bestyrelse',
  name: 'Bestyrelsen for Den boligsociale helhedsplan Randers 2025-29',
  purpose:
    'Bestyrelsen skal medvirke til en effektiv styring og koordinering på strategisk og økonomisk niveau samt løbende ' +
    'monitorering af de overordnede succesmål for den boligsociale indsats i Den boligsociale helhedsplan Randers 2025-29, ' +
    'jf. Landsbyggefondens regulativ om tilskud til boligsocial indsats i udsatte almene boligafdelinger af 11. dec. 2019. ' +
    'Bestyrelsen skal desuden forholde sig til og udvikle en strategi for den samlede parallelsamfundsindsats i Randers Kommune. ' +
    'Visionen er at skabe en by i balance og en by uden udsatte boligområder; bestyrelsen arbejder derfor ud fra et bydækkende ' +
    'perspektiv, og helhedsplanen går hånd i hånd med den fysiske planlægning og udvikling af byen. Bestyrelsen skal forholde sig ' +
    'til, hvilke øvrige håndtag der skal anvendes med henblik på at påvirke beboersammensætningen i boligområderne. De udpegede ' +
    'medlemmer har mandat fra deres respektive organisationer til at træffe beslutninger i forhold til dagsordenen på møderne.',
  members: [
    { role: 'formand', organisation: kommune, position: 'Direktør, Udvikling, Miljø og Teknik' },
    { role: 'medlem', organisation: kommune, position: 'Direktør, Social og Arbejdsmarked' },
    { role: 'medlem', organisation: kommune, position: 'Direktør, Børn og Skole' },
    { role: 'medlem', organisation: 'RandersBolig', position: 'Direktør' },
    { role: 'medlem', organisation: bysekretariatet, position: 'Chef for bystrategisk udvikling' },
    { role: 'medlem', organisation: 'Lejerbo', position: 'Forretningsfører' },
  ],
  cadence:
    'Bestyrelsen mødes ved to faste møder årligt (forår og efterår), hvor fremdrift, monitorering af mål, økonomi mv. for den ' +
    'boligsociale helhedsplan følges tæt. Disse møder er ca. tre uger efter, at der har været afholdt møde i styregruppen, således ' +
    'at evt. indstillinger fra styregruppen kan forelægges bestyrelsen. Der afholdes desuden min. to årlige møder, hvor fokus ' +
    'primært vil være på de øvrige strategiske dagsordener, som supplerer og understøtter den boligsociale helhedsplan og ' +
    'udviklingen af alle de omfattede boligområder generelt.',
  tasks: [
    'Følger monitoreringen af boligområderne i forbindelse med de overordnede mål jf. den strategiske aftale, og følger fremdriften for de fire indsatsområder jf. delaftalerne.',
    'Har ansvar for løbende at følge op på de faste overordnede mål for den boligsociale indsats; Landsbyggefonden stiller data for boligområdet til rådighed. Som en del af den årlige revision i forbindelse med regnskabsaflæggelsen skal boligorganisationen over for revisionen dokumentere, at denne opfølgning sker.',
    'Sikrer en tværgående drøftelse af den boligsociale udvikling i boligområderne og drøfter ud fra et bydækkende perspektiv de øvrige håndtag, der skal medvirke til at skabe en mere blandet beboersammensætning, og afklarer hvilke andre tiltag der skal bringes i spil.',
    'Arbejder ud fra en femstrenget bystrategi: byens og boligområdernes fysiske udvikling, kommunikation og markedsføring, sociale investeringer, anvendelse af almenboliglovens udlejnings- og anvisningsregler samt kriminalitetsforebyggelse.',
    'Har det overordnede ansvar for den strategiske aftale samt for delaftalerne for hvert af de fire indsatsområder, og ansvar for, at økonomien følger tilsagnet fra Landsbyggefonden.',
    'Kan træffe beslutninger om forhold, der vedrører Den boligsociale helhedsplan Randers 2025-29. De respektive ledelser i bestyrelsen skal hver især sikre den fornødne opbakning i deres organisationer til beslutninger, der understøtter den bydækkende strategi og visionen om en by i balance.',
    'Formandskabet ligger hos direktøren for Udvikling, Miljø og Teknik i Randers Kommune. Direktøren i RandersBolig er tegningsberettiget for Møllevænget & Storgården, som er overordnet ansvarlig for helhedsplanen, da deres lejemål udgør hovedparten af de omfattede lejemål.',
    'Sekretariatsbetjeningen varetages af chef for bystrategisk udvikling i Bysekretariatet: mødeindkaldelse, dagsorden, afrapportering vedrørende fremdrift og økonomi samt mulige indstillinger fra styregruppen mv. Faste punkter på dagsordenen: fremdriftsafrapportering, monitorering, ledelsesrapportering og økonomiopfølgning.',
    'I bestyrelsens øvrige opgaver omkring visionen En by i balance betjenes bestyrelsen af programleder i Udvikling, Miljø og Teknik i Randers Kommune i samarbejde med chef for bystrategisk udvikling i Bysekretariatet.',
    'Ansvaret for den boligsociale monitorering af data er placeret i Randers Kommune under Udvikling, Miljø og Teknik i tæt og koordineret dialog med Bysekretariatet. Randers Kommunes monitoreringsenhed leverer årligt en datarapport om monitoreringen af boligområderne i forbindelse med de overordnede mål og indikatorer samt evt. supplerende måltal og øvrige monitoreringsindikatorer, som bestyrelsen måtte efterspørge.',
    'Kan ad hoc indkalde andre ressourcepersoner til at deltage med en rådgivende rolle på møderne i forbindelse med det bystrategiske arbejde.',
    'Indgår i dialogen med Østjyllands Politi om kriminalitetsbilledet i boligområderne, og følger løbende op på resultaterne fra det SSP+ mødeforum (etableret 2023, unge 18-30 år) og vurderer, om indsatsen skal styrkes.',
    'Det er et mål for bestyrelsen at kunne tiltrække yderligere investeringer til at udvide sprogindsatsen og tilkoble vidensinstitutioner til metodeudvikling, effektmåling og følgeforskning.',
  ],
  ref: { lines: [3176, 3278] },
};

const randersBoligForMS = 'RandersBolig for Møllevænget & Storgården';

const styregruppe: Body = {
  slug: 'styregruppe',
  name: 'Styregruppen for Den boligsociale helhedsplan Randers 2025-29',
  purpose:
    'Styregruppen skal medvirke til en effektiv styring og koordinering på det taktiske og udførende niveau i forbindelse med ' +
    'aktiviteterne jf. delaftalerne for de fire indsatsområder. Styregruppen skal sikre den planlagte fremdrift på indsats- og ' +
    'aktivitetsniveau samt følge den løbende monitorering og opfølgning af succesmål/indikatorer på aktivitetsniveau. Der ' +
    'nedsættes én styregruppe for de fire indsatsområder, sammensat med udgangspunkt i de ansvarlige for aktiviteterne; de ' +
    'udpegede medlemmer har mandat fra deres respektive organisationer til at træffe beslutninger i forhold til dagsordenen på ' +
    'møderne. Direktøren for Udvikling, Miljø og Teknik i Randers Kommune deltager som formand i både bestyrelsen og ' +
    'styregruppen for at sikre sammenhæng, koordinering og synergi mellem de to organer.',
  members: [
    { role: 'medlem', organisation: 'RandersBolig', position: 'Inspektør, ' + randersBoligForMS },
    { role: 'medlem', organisation: 'RandersBolig', position: 'Forvaltningskonsulent, ' + randersBoligForMS },
    { role: 'medlem', organisation: bysekretariatet, position: 'Sekretariatsleder' },
    { role: 'medlem', organisation: bysekretariatet, position: 'Chef for bystrategisk udvikling' },
    { role: 'medlem', organisation: 'Lejerbo', position: 'Souschef, Lejerbo Aalborg' },
    { role: 'formand', organisation: kommune, position: 'Direktør, Udvikling, Miljø og Teknik' },
    { role: 'medlem', organisation: kommune, position: 'Skoleleder, Nørrevangsskolen' },
    { role: 'medlem', organisation: kommune, position: 'Skoleleder, Østervangskolen' },
    { role: 'medlem', organisation: kommune, position: 'Skoleleder, Vestervangsskolen' },
    { role: 'medlem', organisation: kommune, position: 'Skoleleder, Hobrovejens Skole' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Ungdommens Uddannelsesvejledning (UU)' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Randers Ungdomsskole' },
    { role: 'medlem', organisation: kommune, position: 'Centerleder for PPR' },
    { role: 'medlem', organisation: kommune, position: 'Centerleder for Familie- og UngeCentret' },
    { role: 'medlem', organisation: kommune, position: 'Leder, Sundhedsplejen' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Randers Sundhedsfremme & Forebyggelse' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Tandplejen' },
    { role: 'medlem', organisation: kommune, position: 'Chef for Litteratur og Læring, Randers Bibliotek' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Dagtilbud Midt' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Dagtilbud Nordøst' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Dagtilbud Nordvest' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Den selvejende institution Glentevejen' },
    { role: 'medlem', organisation: kommune, position: 'Leder af KFUMs institutioner' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Platangården' },
    { role: 'medlem', organisation: kommune, position: 'Leder af Den boligsociale enhed' },
    { role: 'medlem', organisation: kommune, position: 'Afdelingsleder, Randers Jobcenter' },
    { role: 'medlem', organisation: kommune, position: 'Projektleder, Kultur & Fritid' },
  ],
  cadence:
    'Styregruppen mødes ved 3 faste møder årligt (forår, sommer og efterår). To af disse årlige møder (forår og efterår) er ' +
    'ca. tre uger forud for bestyrelsens møder, således at evt. indstillinger fra styregruppen kan forelægges bestyrelsen efterfølgende.',
  tasks: [
    'Sikrer fremdriften og koordineringen af aktiviteterne under de fire indsatsområder, følger delmålene og leverancerne jf. delaftalerne og milepælsplanerne og sikrer, at målene nås.',
    'Medlemmerne har hver især ansvar for at levere data forud for styregruppemøderne i forbindelse med udarbejdelsen af fremdriftsafrapporteringen.',
    'Har ansvar for, at aktiviteterne gennemføres jf. delaftalerne, herunder at medarbejderne i de enkelte organisationer leverer de aftalte erlagte medarbejdertimer jf. budgettet for helhedsplanen.',
    'For de aktiviteter, der udføres af Randers Kommunes medarbejdere, er det Randers Kommunes ansvar, at dette sker ud fra kommunens normale ansvarsfordeling og instruktionsbeføjelser.',
    'Kan indstille til bestyrelsen vedrørende ønskede ændringer på delaftaleniveau jf. punkt 7.',
    'Uregelmæssigheder og bekymringer i relation til delaftalerne orienteres videre til bestyrelsen via sekretariatsbetjeningen.',
    'Sekretariatsbetjeningen varetages af sekretariatsleder og chef for bystrategisk udvikling i Bysekretariatet: mødeindkaldelse, dagsorden og afrapportering vedrørende fremdrift m.m. Faste punkter på dagsordenen: fremdriftsafrapportering, nyt fra deltagerne, koordinering mv. Medlemmernes leverancer til fremdriftsafrapporteringen indhentes forud for møderne af sekretariatslederen i tæt dialog med den enkelte organisation/afdeling.',
    'Randers Kommunes monitoreringsenhed leverer forud for møderne supplerende data/afrapportering i forbindelse med delmål og indikatorer jf. delaftalerne.',
    'Evt. ad hoc personer kan inviteres efter behov.',
  ],
  ref: { lines: [3280, 3380] },
};

const bysekretariatetBody: Body = {
  slug: 'bysekretariatet',
  name: 'Bysekretariatet',
  purpose:
    'Den koordinerende boligsociale enhed. Bysekretariatet er ansvarlig for at koordinere og udføre den boligsociale indsats, der ' +
    'er organisatorisk forankret under boligorganisationerne i Randers, i et tæt strategisk samarbejde mellem Randers Kommune og ' +
    'boligorganisationerne, og skaber rammerne for en sammenhængende indsats mellem de kommunalt etablerede tilbud og den ' +
    'boligsociale indsats. Det daglige arbejde varetages i et tæt og koordineret samarbejde mellem Bysekretariatet og ' +
    'programledelsen i Randers Kommune.',
  members: [
    { role: 'medarbejder', organisation: bysekretariatet, position: 'Chef for bystrategisk udvikling' },
    { role: 'medarbejder', organisation: bysekretariatet, position: 'Sekretariatsleder' },
    { role: 'medarbejder', organisation: bysekretariatet, position: 'Boligsociale medarbejdere' },
    { role: 'medarbejder', organisation: bysekretariatet, position: 'Aktivitetsmedarbejder' },
    { role: 'medarbejder', organisation: kommune, position: 'Monitorerings- og GIS-medarbejder' },
    { role: 'medarbejder', organisation: kommune, position: 'Kommunikationsmedarbejder' },
    { role: 'medarbejder', organisation: kommune, position: 'Planlægningsmedarbejder' },
    { role: 'medarbejder', organisation: kommune, position: 'Programleder' },
    { role: 'medarbejder', organisation: 'RandersBolig', position: 'HR-medarbejder' },
    { role: 'medarbejder', organisation: 'RandersBolig', position: 'IT-medarbejder' },
  ],
  cadence: '',
  tasks: [
    'Betjener bestyrelsen og styregruppen: mødeindkaldelse, dagsorden, afrapportering vedrørende fremdrift og økonomi samt indstillinger fra styregruppen.',
    'Sikrer synergien mellem bestyrelsen og styregruppen via eventuelle indstillinger fra styregruppen.',
    'Er tovholder for beredskabsgruppens årlige statusmøde; chef for bystrategisk udvikling kontaktes ved aktivering af beredskabet og har ansvaret for, at alle bliver inviteret til mødet.',
  ],
  ref: { lines: [400, 411] },
};

const politiskNiveau: Body = {
  slug: 'politisk-niveau',
  name: 'Det politiske niveau – den årlige boligsociale konference',
  purpose:
    'Koblingen til det politiske niveau i henholdsvis boligorganisationerne og Randers Kommune sker gennem den årlige boligsociale ' +
    'konference, der afholdes lokalt i Randers. Hensigten er at sikre en bred forankring, kendskab og følgeskab til det ' +
    'boligsociale arbejde og herunder Den boligsociale helhedsplan Randers 2025-29. Parterne mødes omkring fælles ' +
    'boligstrategiske emner og mål.',
  members: [
    { role: 'deltager', organisation: kommune, position: 'Byrådspolitikere' },
    { role: 'deltager', organisation: kommune, position: 'Administrationen' },
    { role: 'deltager', organisation: 'Boligorganisationerne', position: 'Beboerdemokrater fra organisationsbestyrelserne' },
    { role: 'deltager', organisation: 'Boligorganisationerne', position: 'Administrationen' },
  ],
  cadence: 'Konferencen afholdes hvert år lokalt i Randers.',
  tasks: [
    'Årskonferencen arrangeres af Randers Kommune og boligorganisationerne i samarbejde; de afholder i fællesskab udgifterne til konferencen, og dette aftales for hvert år i bestyrelsen.',
    'Formanden for bestyrelsen sikrer, at de relevante politiske fagudvalg i Randers Kommune hvert år forelægges årsrapporten for Den boligsociale helhedsplan Randers 2025-29 til orientering.',
  ],
  ref: { lines: [3382, 3393] },
};

const changeRules: ChangeRule[] = [
  {
    subject: 'sub-agreement',
    requires: ['board-consensus'],
    text:
      'Ændringer i delaftalerne for de fire indsatsområder kan kun finde sted ved konsensusbeslutning i bestyrelsen. ' +
      'Styregruppen kan indstille til bestyrelsen vedrørende ønskede ændringer på delaftaleniveau; ifølge styregruppens ' +
      'kommissorium sker det ved konsensusbeslutning og efterfølgende indstilling til bestyrelsen, og det er udelukkende ' +
      'bestyrelsen, som har beføjelser til at træffe beslutning herom (linje 3358, 3379-3380).',
    ref: { lines: [3273, 3273] },
  },
  {
    subject: 'strategic-agreement',
    requires: ['board-consensus', 'lbf-approval'],
    text:
      'Ændringer i den strategiske aftale kan kun finde sted ved konsensusbeslutning i bestyrelsen og efterfølgende ' +
      'godkendelse hos Landsbyggefonden.',
    ref: { lines: [3275, 3276] },
  },
  {
    subject: 'commissorium',
    requires: ['board-consensus', 'lbf-approval'],
    text:
      'Ændringer eller tilføjelser til kommissoriet kan kun finde sted ved konsensusbeslutning i bestyrelsen og efterfølgende ' +
      'godkendelse hos Landsbyggefonden. Reglen gentages i styregruppens kommissorium (linje 3375-3377). Kommissoriet er ' +
      'godkendt i forbindelse med tiltrædelse af Den boligsociale helhedsplan Randers 2025-29 (linje 3278).',
    ref: { lines: [3269, 3271] },
  },
];

/** The crisis group as the beredskabsplan lists it for 2025-29 (demo data). */
const crisisGroup: CrisisRole[] = [
  {
    role: 'SSP-konsulent',
    organisation: 'Randers Ungdomsskole',
    principal: { name: 'Claus Hansen', phone: '40867408' },
    isAuthority: true,
    ref: { lines: [3433, 3433] },
  },
  {
    role: 'Politikommissær',
    organisation: 'Østjyllands Politi',
    principal: { name: 'Lasse Bonde', phone: '25583249' },
    substitute: { name: 'Allan Aarslev', phone: '22701226' },
    isAuthority: true,
    ref: { lines: [3434, 3435] },
  },
  {
    role: 'Centerleder',
    organisation: 'Børne- og ungecenter',
    principal: { name: 'Morten Strange', phone: '30359684' },
    isAuthority: true,
    ref: { lines: [3436, 3436] },
  },
  {
    role: 'Afdelingsleder',
    organisation: 'Center for psykiatri og socialt udsatte',
    principal: { name: 'Gine Nerager', phone: '40356073' },
    isAuthority: true,
    ref: { lines: [3437, 3437] },
  },
  {
    role: 'Chef for bystrategisk udvikling',
    organisation: 'Bysekretariatet',
    principal: { name: 'Louise Hou Kragh', phone: '4214 8600' },
    isAuthority: false,
    ref: { lines: [3438, 3438] },
  },
  {
    role: 'Inspektør',
    organisation: 'RandersBolig/driften',
    principal: { name: 'Peter Pedersen', phone: '70260079' },
    isAuthority: false,
    ref: { lines: [3439, 3439] },
  },
  {
    role: 'Lokalinspektør',
    organisation: 'Lejerbo',
    principal: { name: 'Jørgen Lajer', phone: '30840522' },
    isAuthority: false,
    ref: { lines: [3440, 3440] },
  },
];

export const organisation: Organisation = {
  bodies: [bestyrelse, styregruppe, bysekretariatetBody, politiskNiveau],
  changeRules,
  crisisGroup,
};

/** What the plan says about the organisation that the types have no field for: doubts, differences and notes. */
export const organisationRemarks: DataRemark[] = [
  {
    kind: 'note',
    text:
      'Forordet er underskrevet af en konstitueret bestyrelsesformand, direktøren for Social og Arbejdsmarked (linje 56-58), ' +
      'mens kommissoriet lægger formandskabet hos direktøren for Udvikling, Miljø og Teknik (linje 3241, 3266, 3300).',
  },
  {
    kind: 'note',
    text:
      'Organisationsdiagrammet (linje 383-446 og 3089-3149) har også boksene "Årlig boligsocial konference – politisk inddragelse" ' +
      'og "Styregruppe for beredskabsplan"; beredskabsgruppen er gengivet som `crisisGroup`, ikke som et organ.',
  },
  {
    kind: 'note',
    text:
      'Bysekretariatet har ingen mødefrekvens i planen (cadence er tom). Diagrammet placerer programleder, monitorerings- og ' +
      'GIS-, kommunikations- og planlægningsmedarbejder fra Randers Kommune samt HR- og IT-medarbejder fra RandersBolig i ' +
      'Bysekretariatet (linje 400-411).',
  },
  {
    kind: 'note',
    text:
      'Styregruppens kommissorium henviser til "punkt 7" for ændringer på delaftaleniveau (linje 3358); planen har ingen ' +
      'nummererede punkter – reglerne står under "Ændringer/tilføjelser" (linje 3269-3276, 3375-3380).',
  },
  {
    kind: 'contradiction',
    text:
      'Reglen for ændringer i delaftalerne er formuleret forskelligt: i bestyrelsens kommissorium "konsensusbeslutning i ' +
      'bestyrelsen" (linje 3273), i styregruppens "konsensusbeslutning og efterfølgende indstilling til bestyrelsen ... udelukkende ' +
      'bestyrelsen som har beføjelser til at træffe beslutning herom" (linje 3379-3380). Begge fører til bestyrelsens ' +
      'konsensusbeslutning; styregruppens formulering nævner ikke, hvem konsensus skal være i.',
  },
  {
    kind: 'note',
    text:
      'Styregruppens kommissorium kalder indsatsområdet "Medborgerskab og sammenhængskraft" (linje 3298); resten af planen ' +
      'siger "Sammenhængskraft og medborgerskab".',
  },
  {
    kind: 'note',
    text:
      'Styregruppens kommissorium opregner institutionslederne fra Glentevejen (selvejende), KFUMs institutioner og ' +
      'Platangården under "Randers Kommune repræsenteret ved" (linje 3305, 3325-3328); de er gengivet med organisation Randers Kommune som i planen.',
  },
  {
    kind: 'reconstructed',
    text:
      'Styregruppens medlemsliste er sat i to spalter, som OCR har flettet linje for linje (linje 3305-3336); spalterne ' +
      '"Boligorganisationerne"/"Lejerbo" og "Randers Kommune" er skilt ad og holdt op mod diagrammet (linje 422-446).',
  },
  {
    kind: 'note',
    text:
      'Diagrammet kalder sundhedsenheden "sundhedsfremme- og forebyggelsesenheden" og UU "Ungdommens Uddannelsesvejledning UUR" ' +
      '(linje 435, 438); kommissoriet "Randers Sundhedsfremme & Forebyggelse" og "Ungdommens Uddannelsesvejledning (UU)" (linje 3310, 3316).',
  },
  {
    kind: 'note',
    text:
      'Beredskabsgruppen: isAuthority er sat for politiet og for de kommunale medlemmer (SSP-konsulent ved Randers Ungdomsskole, ' +
      'centerleder for Børne- og ungecenter, afdelingsleder i Center for psykiatri og socialt udsatte); planen siger, at politi ' +
      'og kommune er myndigheder, der kan dele informationer inden for retsplejelovens § 115, og at boligorganisationerne ' +
      'repræsenteres af Bysekretariatets chef for bystrategisk udvikling (linje 3474-3475). At Børne- og ungecenter og Center ' +
      'for psykiatri og socialt udsatte er kommunale, står ikke udtrykkeligt i planen.',
  },
  {
    kind: 'ocr-uncertain',
    text:
      'Afdelingslederen i Center for psykiatri og socialt udsatte står som "Gine Nerager" (linje 3437, 3540); efternavnet kan ' +
      'være "Nørager" (OCR læser ofte ø som e). Bevaret som trykt.',
  },
  {
    kind: 'ocr-uncertain',
    text:
      'Linje 3437 har "Center for psykiatri og sociale udsatte", linje 3540 "socialt udsatte"; gengivet som "socialt udsatte".',
  },
  {
    kind: 'contradiction',
    text:
      'Beredskabsplanens underskriftsliste (linje 3534-3545) afviger fra deltagerlisten (linje 3432-3440): politiet ' +
      'underskriver ved vicepolitiinspektøren i stedet for politikommissæren, og inspektøren står for "Møllevænget & Storgården" ' +
      'i stedet for "RandersBolig/driften". Rosteren følger deltagerlisten.',
  },
  {
    kind: 'note',
    text:
      'Opnås der ikke kontakt til politikommissæren eller suppleanten, kontaktes Østjyllands Politis vagtchef på 114 ' +
      '(linje 3502-3504). Ved kontakt til pressen inddrages bestyrelsesformanden, vicepolitiinspektøren, Lejerbos ' +
      'forretningsfører og RandersBoligs direktør (linje 3522-3529); de er ikke med i rosteren.',
  },
];
