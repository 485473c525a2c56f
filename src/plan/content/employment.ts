/**
 * The intervention area Beskæftigelse of Den boligsociale Helhedsplan for Randers 2025-29 (OCR lines 1907-2354): the
 * problem, the sub-agreement, its two sub-goals with indicators and baselines, the staff hours, and the activities
 * Fremskudt beskæftigelsesindsats and Job til mor.
 *
 * Lines 2283-2348 are a two-column page that OCR interleaved line by line with the problem text of
 * Kriminalitetsforebyggelse; only the left column (Job til mor: method and responsibility) is used here.
 * The plan gives the sub-agreement no goal sentence of its own, so `subAgreement.goal` is its two sub-goals' headings.
 * Personal names in the Job til mor organisation chart (lines 2216-2222) are left out on purpose.
 */
import type { Baseline, DataRemark, InterventionArea } from './types.js';

const bosoc = 'Kommunens BI/Bosoc-system trukket fra Jobcentrets sagsbehandlingssystem (Fasit)';
const last12Months = 'oktober 2023-september 2024';

const area = (slug: string, value: number, printed: string, period: string, line: number, remarks?: DataRemark[]): Baseline => ({
  scope: `area:${slug}`,
  value,
  printed,
  period,
  source: bosoc,
  ref: { lines: [line, line] },
  ...(remarks ? { remarks } : {}),
});

export const employment: InterventionArea = {
  slug: 'beskaeftigelse',
  name: 'Beskæftigelse',
  ref: { lines: [1907, 2354] },
  problem:
    'Randers Kommune er blandt de 5 kommuner i Danmark med de vanskeligste rammevilkår for beskæftigelsesindsatsen. I 2022 var ' +
    'Randers Kommune nummer 97 ud af 98. Rammevilkår opgøres blandt andet på baggrund af borgernes uddannelsesniveau, ' +
    'alderssammensætning, sundhed og kommunens erhvervsstruktur. Randers Kommune forventede i 2023 at have udgifter på mere end ' +
    '1,9 mia. kr. til indkomstoverførsler. Hvis ledigheden i Randers Kommune var forholdsmæssig i forhold til befolkningen på ' +
    'landsplan, ville kommunen spare 400 mio. kr. (Randers Kommunes beskæftigelsespolitik 2023).\n\n' +
    'I de syv boligsociale områder er der væsentligt flere borgere uden for arbejdsmarkedet end i Randers Kommune generelt. Ca. 17 % ' +
    'i aldersgruppen 18-64 år står uden for arbejdsmarkedet i Randers Kommune ifølge kommunens egen opgørelse over gennemsnittet for ' +
    '12 måneder medio 2024. Værst står det til i Energivej-området, Centrale Randers og Hermann Stillingsvej-området, og hvor tallene ' +
    'er stigende.\n\n' +
    'I de to udsatte boligområder har der de seneste år været en positiv udvikling, viser blandt andet statens parallelsamfundsdata. ' +
    'Ved seneste opgørelse i 2023 var andelen uden for arbejdsmarkedet nedbragt til 40,6 % i Glarbjergvej-området og 43,4 % i ' +
    'Gl. Jennumparken. Dog bemærkes, at trods en positiv udvikling ligger Gl. Jennumparken blandt de tre udsatte boligområder i ' +
    'Danmark, der har den højeste andel uden for arbejdsmarkedet.\n\n' +
    'En meget stor andel af beboerne er modtagere af førtidspension og kan således ikke mobiliseres til job. Førtidspensionisterne ' +
    'udgør omkring 40 % af de beboere, der er uden beskæftigelse i boligområderne, med undtagelse af Vangdalen, hvor det er 33 %. ' +
    'Passive kontanthjælpsmodtagere udgør ligeledes mellem 30 % og 40 % af beboerne uden beskæftigelse. (Danmarks Statistiks ' +
    'Boligstatistiske Nøgletal 2023)\n\n' +
    'Den Sociale Kapitalfond er investor i Randers Kommunes effektinvestering »Job til mor«, hvor Landsbyggefonden er understøttende ' +
    'i kraft af den boligsociale helhedsplan. Der er tale om en social effektinvestering, hvor der investeres i udvalgte familier i de ' +
    'boligsociale områder, hvor en forælder – typisk mor – er på offentlig forsørgelse, og hvor der samtidig er udfordringer omkring ' +
    'børnenes skolefravær. Foranalysen til projektet viser netop, at ser man på børnene til forældre uden for arbejdsmarkedet i de syv ' +
    'boligområder, så er der tale om børn med højt skolefravær, mange skole- og klasseskift, mange omgængere og børn med mange ' +
    'foranstaltninger. Foranalysen viser desuden, at der er mange foranstaltninger på forældrene, og det dokumenterer klart, at der er ' +
    'tale om familier med meget komplekse problemstillinger, der kalder på koordinerede, tværgående og helhedsorienterede indsatser ' +
    'med hele familien i fokus. Det er dét, denne boligsociale helhedsplan i endnu højere grad end tidligere skal understøtte og ' +
    'bidrage til metodeudvikling indenfor.',
  subAgreement: {
    parties: ['Jobcenter Randers', 'Randers Kommune, Familieafdelingen', 'Bysekretariatet'],
    periodStart: '2025-08-01',
    periodEnd: '2029-07-31',
    goal: 'Færre skal stå uden for arbejdsmarkedet. Flere mødre skal i job.',
    ref: { lines: [1941, 1978] },
  },
  subGoals: [
    {
      code: 'besk-d1',
      text:
        'Færre skal stå uden for arbejdsmarkedet. Andelen af borgerne i boligområderne, der står uden for arbejdsmarkedet, skal ' +
        'være faldende og komme under parallelsamfundskriteriet for beskæftigelse.',
      ref: { lines: [1953, 1972] },
      indicators: [
        {
          code: 'besk-1',
          name: 'Andelen uden for arbejdsmarkedet',
          description: 'Kommunens egen opgørelse af andelen uden for arbejdsmarkedet, opgjort for seneste 12 måneder.',
          unit: 'percent',
          direction: 'lower-is-better',
          dataSource: bosoc,
          ref: { lines: [1953, 1964] },
          remarks: [
            {
              kind: 'reconstructed',
              text:
                'Tabellen (linje 1951-1978) er fladet ud af OCR; værdierne er sat på områderne ud fra rækkefølgen i cellen. ' +
                'OCR læser Gl. Jennumparken «43 7%» (linje 1955) og Hermann Stillingsvej-området «484%» (linje 1957), ' +
                'læst som 43,7 % og 48,4 %; kommunens «17 7 o,» (linje 1957) er læst som 17,7 %.',
            },
            {
              kind: 'note',
              text:
                'Planen nævner også statens parallelsamfundsdata for 2023 (en anden opgørelse): 40,6 % i Glarbjergvej-området og ' +
                '43,4 % i Gl. Jennumparken uden for arbejdsmarkedet (linje 1923-1924). Statens kriterium er over 40 %.',
            },
          ],
          baselines: [
            area('glarbjergvej-omraadet', 38.3, '38,3 %', last12Months, 1954),
            area('gl-jennumparken', 43.7, '43,7 %', last12Months, 1955),
            area('hermann-stillings-vej-omraadet', 48.4, '48,4 %', last12Months, 1957),
            area('energivej-omraadet', 54.0, '54,0 %', last12Months, 1958),
            area('vangdalen', 36.0, '36,0 %', last12Months, 1959),
            area('sjaellandsgade-kvarteret', 30.5, '30,5 %', last12Months, 1960),
            area('centrale-randers', 50.3, '50,3 %', last12Months, 1962),
            {
              scope: 'municipality',
              value: 17.7,
              printed: '17,7 %',
              period: last12Months,
              source: bosoc,
              ref: { lines: [1953, 1957] },
              remarks: [
                {
                  kind: 'note',
                  text:
                    'Problemafsnittet siger «Ca. 17 %» for kommunen efter samme opgørelse, gennemsnit for 12 måneder medio 2024 ' +
                    '(linje 1918-1919); tabellen siger 17,7 %.',
                },
              ],
            },
          ],
        },
        {
          code: 'besk-2',
          name: 'Andelen af kontanthjælpsmodtagere (jobparate og aktivitetsparate)',
          description: 'Andelen af kontanthjælpsmodtagere (jobparate og aktivitetsparate), opgjort for seneste 12 måneder.',
          unit: 'percent',
          direction: 'lower-is-better',
          dataSource: bosoc,
          ref: { lines: [1965, 1972] },
          remarks: [
            {
              kind: 'note',
              text:
                'Planen angiver ingen baseline for Randers Kommune for denne indikator; kolonnen «Evt. anden baseline» er kun ' +
                'udfyldt for indikator 1 (linje 1953-1957).',
            },
          ],
          baselines: [
            area('glarbjergvej-omraadet', 7.0, '7,0 %', last12Months, 1966),
            area('gl-jennumparken', 7.1, '7,1 %', last12Months, 1967),
            area('hermann-stillings-vej-omraadet', 9.3, '9,3 %', last12Months, 1968),
            area('energivej-omraadet', 10.8, '10,8 %', last12Months, 1969),
            area('vangdalen', 7.4, '7,4 %', last12Months, 1970),
            area('sjaellandsgade-kvarteret', 4.6, '4,6 %', last12Months, 1971),
            area('centrale-randers', 8.6, '8,6 %', last12Months, 1972),
          ],
        },
      ],
    },
    {
      code: 'besk-d2',
      text: 'Flere mødre skal i job. Flere mødre med børn under 18 år skal i beskæftigelse.',
      ref: { lines: [1973, 1977] },
      indicators: [
        {
          code: 'besk-3',
          name: 'Andelen af mødre på kontanthjælp med børn under 18 år',
          description: 'Andelen af mødre på kontanthjælp med børn under 18 år i forhold til det samlede antal mødre i boligområderne.',
          unit: 'percent',
          direction: 'lower-is-better',
          targetGroup: 'Mødre med børn under 18 år',
          dataSource: bosoc,
          ref: { lines: [1973, 1978] },
          baselines: [
            {
              scope: 'areas',
              value: 10,
              printed: '10 %',
              numerator: 79,
              denominator: 788,
              period: 'december 2024',
              source: bosoc,
              ref: { lines: [1973, 1976] },
            },
            {
              scope: 'municipality',
              value: 2.1,
              printed: '2,1 %',
              numerator: 227,
              denominator: 10873,
              period: 'december 2024',
              source: bosoc,
              ref: { lines: [1973, 1978] },
            },
          ],
        },
      ],
    },
  ],
  staffHours: [
    {
      organisation: 'Jobcenter Randers',
      activity: 'fremskudt-beskaeftigelsesindsats',
      hoursPerYear: 7696,
      printed: '4 årsværk (148 t. ugentligt – 7.696 t. årligt)',
      ref: { lines: [1982, 1984] },
      remarks: [
        {
          kind: 'ocr-uncertain',
          text:
            'OCR læser «dedikerer 4 ar (148 t. ugentligt - 7.696t arligt)» (linje 1983); «ar» er læst som årsværk, ' +
            'da 148 timer om ugen er 4 × 37 timer. En væsentlig del af arbejdstiden foregår i lokalområderne; ' +
            'medarbejderprofilen er primært job- og virksomhedskonsulent.',
        },
      ],
    },
    {
      organisation: 'Jobcenter Randers',
      activity: 'job-til-mor',
      printed: '2 ressourcer (anslået 15 t. ugentligt)',
      ref: { lines: [1986, 1989] },
      remarks: [
        {
          kind: 'note',
          text:
            'Til myndighedsbehandlingen af beskæftigelsesindsatsen, der leveres af en ekstern leverandør. Under Job til mors ' +
            'ansvars- og rollefordeling siger planen, at Jobcenter Randers dedikerer «1-2 medarbejdere» til myndighedssporet ' +
            '(linje 2342-2343). Timer pr. år er ikke angivet.',
        },
      ],
    },
    {
      organisation: 'Bysekretariatet',
      activity: 'job-til-mor',
      printed: '18 timer pr. uge',
      ref: { lines: [1986, 1991] },
      remarks: [
        {
          kind: 'reconstructed',
          text:
            'Linjen «Boligsociale medarbejdertimer: 18 timer pr. uge» (linje 1991) står under overskriften «Job til mor» ' +
            '(linje 1986) og er derfor knyttet til den aktivitet. Timer pr. år er ikke angivet.',
        },
      ],
    },
  ],
  activities: [
    {
      slug: 'fremskudt-beskaeftigelsesindsats',
      number: 1,
      name: 'Fremskudt beskæftigelsesindsats',
      ref: { lines: [1982, 2107] },
      purpose:
        'Den samlede tilknytning til arbejdsmarkedet i områderne omfattet af den boligsociale helhedsplan er op til flere gange ' +
        'dårligere end resten af byen. Formålet er derfor overordnet, at de ledige i områderne kommer tættere på selvforsørgelse ' +
        'gennem job, lønnede timer, opkvalificering mv. Den fremskudte rådgivning har tillige som formål at være et lokalt bindeled ' +
        'til at skabe sammenhæng mellem kommunens øvrige indsatser i området. Beskæftigelsesindsatsen skal endvidere bidrage til, at ' +
        'boligområderne ikke overskrider statens parallelsamfundskriterie for beskæftigelse.',
      targetGroup: {
        text:
          'Målgruppen for aktiviteten er beboere i helhedsplanens boligområder, der ofte er helt eller delvist uden for ' +
          'arbejdsmarkedet. Beboersammensætningen peger på, at de ledige i områderne typisk står længere fra arbejdsmarkedet med ' +
          'udfordringer udover ledighed, ligesom uddannelsesniveauet generelt er lavt. Ud fra beboersammensætningen forventes det ' +
          'imidlertid, at de primære målgrupper for indsatsen er de borgere, der er længere væk fra arbejdsmarkedet: ' +
          'aktivitetsparate kontanthjælpsmodtagere samt modtagere af selvforsørgelses- og hjemrejseydelse. Der er primært tale om ' +
          'borgere over 30 år, men også et jobrettet spor til de borgere, der er under 30 år. Af den årsag er der også i overvejende ' +
          'grad tale om langtidsledige.',
        areas: [],
        institutions: [],
        schools: [],
        criteria: [
          'Beboer i helhedsplanens boligområder',
          'Helt eller delvist uden for arbejdsmarkedet',
          'Primært aktivitetsparate kontanthjælpsmodtagere samt modtagere af selvforsørgelses- og hjemrejseydelse',
          'Primært borgere over 30 år; et jobrettet spor for borgere under 30 år',
          'I overvejende grad langtidsledige',
        ],
      },
      content:
        'Den fremskudte beskæftigelsesindsats består i en jobrettet indsats, som har til formål at støtte borger til at komme i ' +
        'arbejde. Beskæftigelsesmedarbejder kommer med viden om arbejdsmarkedet og de muligheder, det giver borger at komme i ' +
        'arbejde. Erfaringer fra JobFirst viser, at det er virkeligheden (ude på virksomhederne) og medarbejderen, som virker i ' +
        'indsatsen. Det at komme i arbejde parallelt med andre indsatser giver størst effekt. Beskæftigelsesmedarbejder har også en ' +
        'koordinerende rolle, hvor der er behov for det, som bygger på en aftalt samarbejdsmodel mellem de kommunale forvaltninger.\n\n' +
        'Den fremskudte beskæftigelsesindsats adskiller sig fra vanlig kommunal beskæftigelsespraksis i Randers ved, at ' +
        'jobcentermedarbejdere er fysisk placeret i lokalområdet sammen med Bysekretariatet og andre fremskudte aktører. Dette er ' +
        'derfor overordnet en prøvehandling for Jobcenter Randers, hvor man bygger oven på andre kommuners gode erfaringer og skaber ' +
        'en gradvis udvikling i egen praksis.\n\n' +
        'Da netop det relationelle og helhedsorienterede vil være nøgleord i denne indsats, tilrettelægges indsatsen lavpraktisk ved, ' +
        'at medarbejderne alene får sagsstammer med borgere fra lokalområdet, ligesom den samles på så få hænder som muligt for at ' +
        'give rammerne for den gode relation. Dermed muliggøres en helhedsorienteret tilgang til beboerne, der sammen med øvrige ' +
        'indsatser understøtter beskæftigelsesindsatsen og skaber positive synergieffekter på tværs af de mange aktører. Ofte ' +
        'erfares det, at beboerne oplever flere udfordringer på tværs af kommunens forvaltninger, og ved den helhedsorienterede ' +
        'indsats forventes det, at beboerne får bedst mulig hjælp til blandt andet at komme i beskæftigelse.\n\n' +
        'Intentionen er, at Jobcenterets fremskudte beskæftigelsesindsats så vidt muligt får base sammen med de boligsociale ' +
        'medarbejdere med mulighed for yderligere mobilitet ud i områderne. Dette koordineres nærmere frem mod igangsættelse, og der ' +
        'undersøges p.t. mulighed for bl.a. at anvende lokale skolefaciliteter i områderne, hvor Bysekretariatet ikke i dag er ' +
        'lokalt til stede.\n\n' +
        'Indsatsen indeholder to væsentlige elementer: dels selve myndighedssagsbehandlingen i nærheden af de ledige beboere, dels ' +
        'afvikler Jobcentrets medarbejdere beskæftigelsesrettede indsatser for de ledige med udgangspunkt i lokalområderne.\n\n' +
        'Nyere forskning peger på, at især sagsbehandlers tro på den ledige samt den gode relation mellem sagsbehandler og borger ' +
        'har en statistisk signifikant effekt på, om borgeren lykkes med at komme i beskæftigelse. Den tillidsfulde relation er ' +
        'således afgørende, og det er markant lettere at opbygge, når man opholder sig på borgerens »hjemmebane« og indgår i en ' +
        'fælles relation mellem borgeren og de boligsociale medarbejdere. Sagsbehandlernes tilgængelighed for borgeren er således ' +
        'et nøgleord.\n\n' +
        'I den 1-årige evaluering af det eksisterende investeringsprojekt »En ny start for flere« ses en stor styrke i den ' +
        'relationelle kapacitet og tillid, som de boligsociale medarbejdere bibringer i borgerens dialog med kommunens medarbejdere. ' +
        'Derfor er et stærkt samspil med den boligsociale helhedsplan et vigtigt moment: de fremskudte jobformidlere og de ' +
        'boligsociale medarbejdere indgår i et arbejdsfællesskab, hvor der kan aftales fælles borgermøder og arbejdes med løbende ' +
        'videndeling. Ved at opbygge denne relation skaber beskæftigelsesmedarbejderen forventeligt en tillid, der kan bygges oven ' +
        'på, når andre kommunale indsatser skal koordineres og igangsættes over for borgeren. Det fysiske nærvær til de ' +
        'boligsociale medarbejdere giver en fælles vidensdeling og muligheden for at bygge oven på allerede eksisterende relationer, ' +
        'når borgeren deltager i de boligsociale indsatser. Det er formodningen, at dette også kan muliggøre et større forebyggende ' +
        'sigte, når der skal arbejdes på komplekse udfordringer for både borgeren og familien.\n\n' +
        'Samarbejdet er på den måde en gensidig supplering mellem de boligsociale medarbejderes kendskab til beboerne og ' +
        'lokalområdet og jobcenterets kendskab til beboerne og muligheder for at hjælpe med bl.a. jobrådgivning og ' +
        'virksomhedsrettede indsatser, herunder afdækning af arbejdsevnen mhp. afklaring af beskæftigelsesmuligheder.',
      responsibility:
        'Jobcentret har ansvaret for: at planlægge og gennemføre den beskæftigelsesrettede indsats ift. de ledige beboere i ' +
        'områderne; at sikre, at de ledige har adgang til relevante tilbud, der er i områderne og generelt i regi af helhedsplanen; ' +
        'at sikre de aftalte medarbejderressourcer til den fremskudte indsats og at levere viden og data som beskrevet under ' +
        'succeskriterierne; at de fremskudte medarbejdere har den fornødne tid til at koordinere beskæftigelsesindsatsen med ' +
        'indsatser i regi af den boligsociale helhedsplan samt andre grene af kommunens forvaltninger. Randers Jobcenter er ' +
        'myndighed og udfører på aktiviteten i et tværfagligt samarbejde med de andre forvaltninger. Bysekretariatet kan supplere ' +
        'med deltagelse i eksempelvis workshops og kan med sit kendskab til beboerne brobygge til fx sundhedssamtaler eller andre ' +
        'familiekurser, der kan fremme vejen til beskæftigelse, og dermed sikre en mere helhedsorienteret indsats omkring borgeren. ' +
        'Beskæftigelsesmedarbejderen har en koordinerende rolle, hvor der er behov for det, som bygger på en aftalt samarbejdsmodel ' +
        'mellem de kommunale forvaltninger. Arbejdsmarkedsforvaltningen vil være repræsenteret i både bestyrelsen og styregruppen i ' +
        'Den Boligsociale Helhedsplan 2025-29, hvorigennem den løbende overordnede koordinering sker.',
      roles: [
        {
          organisation: 'Jobcenter Randers',
          role:
            'Myndighed og udfører: planlægger og gennemfører den beskæftigelsesrettede indsats, sikrer de ledige adgang til ' +
            'relevante tilbud, sikrer de aftalte medarbejderressourcer, leverer viden og data og sikrer tid til koordinering; ' +
            'beskæftigelsesmedarbejderen koordinerer efter en aftalt samarbejdsmodel mellem de kommunale forvaltninger',
        },
        {
          organisation: 'Bysekretariatet',
          role:
            'Kan supplere med deltagelse i fx workshops og brobygge til fx sundhedssamtaler eller andre familiekurser, der kan ' +
            'fremme vejen til beskæftigelse; deler base og arbejdsfællesskab med de fremskudte medarbejdere',
        },
        {
          organisation: 'Arbejdsmarkedsforvaltningen',
          role: 'Repræsenteret i bestyrelsen og styregruppen, hvorigennem den løbende overordnede koordinering sker',
        },
      ],
      resources:
        'Jobcenter Randers dedikerer 4 årsværk (148 t. ugentligt – 7.696 t. årligt) til fremskudt beskæftigelsesindsats, hvor en ' +
        'væsentlig del af arbejdstiden vil foregå i lokalområderne. Medarbejderprofilen vil primært være job- og ' +
        'virksomhedskonsulent.',
      targets: [],
      remarks: [
        {
          kind: 'note',
          text:
            'Planen angiver intet kvantitativt mål for aktiviteten. Jobcentret skal levere «viden og data som beskrevet under ' +
            'succeskriterierne» (linje 2093-2094), men aktivitetsbeskrivelsen indeholder ingen succeskriterier.',
        },
        {
          kind: 'contradiction',
          text:
            'Delaftalens ansvars- og rollefordeling siger «Ansvar og udførelse er placeret ved Bysekretariatet, der koordinerer og ' +
            'samarbejder ad hoc med lokale samarbejdspartnere» (linje 1941-1942), mens aktiviteten siger «Randers Jobcenter er ' +
            'myndighed og udfører på aktiviteten» (linje 2098) og lægger ansvaret hos Jobcentret (linje 2090-2096).',
        },
        {
          kind: 'note',
          text:
            'Sammenhæng med den kommunale indsats (linje 1993-2012): Jobcenter Randers har ikke tidligere haft dedikeret fremskudt ' +
            'beskæftigelsesindsats i lokalområderne, mens den boligsociale indsats igennem en årrække tydeligt har skabt stærke ' +
            'samarbejdsrelationer i lokalområderne. Dette er derfor en prøvehandling, der forventeligt kan lægge sporene til en større ' +
            'fremskudt beskæftigelsesindsats i fremtiden, der tager afsæt i den relationelle velfærd med borgerens egne ønsker som ' +
            'udgangspunkt. Indsatsen er først og fremmest jobrettet, men skal også i videst muligt omfang fungere som koordinerende ' +
            'sagsbehandlere, så kommunens øvrige indsats over for borgeren sker som helhedsorienterede, koordinerede indsatser og ' +
            'ikke som parallelle indsatser. Indsatsen understøtter Randers Kommunes byråds »Vision 2030« og »Beskæftigelsespolitikken ' +
            '2023-2025«: En beskæftigelse klart over landsgennemsnittet; Vi vil arbejde for, at borgere bliver selvforsørgende; ' +
            'Vi møder borgeren med sammenhængende indsatser.',
        },
      ],
    },
    {
      slug: 'job-til-mor',
      number: 2,
      name: 'Job til mor (social effektinvestering)',
      ref: { lines: [2109, 2354] },
      purpose:
        '»Job til mor« er en tværfaglig social effektinvestering, der som prøvehandling har som primært formål at tænke et ' +
        'kortsigtet beskæftigelsesperspektiv (= »Mor i arbejde«) sammen med et langsigtet, forebyggende perspektiv gennem en ' +
        'helhedsorienteret og koordineret familieindsats og indsats over for barnet. Der skal skabes varige forandringer for ' +
        'familien med permanent beskæftigelse samt lavere skolefravær.\n\n' +
        'Ved siden af forandringen for de enkelte familier ønsker forvaltningen, at der med projektet bliver udviklet et stærkt ' +
        'læringsspor, der vil gøre det muligt at foretage eventuel efterfølgende skalering. Læringen søges både i at finde det rette ' +
        'organisatoriske setup, når der arbejdes på tværs af flere fagområder, og i valget af de faglige metoder over for ' +
        'målgruppen. Formen for både det organisatoriske og det operationelle læringsspor udvikles hen over efteråret 2024 i et ' +
        'samarbejde forvaltningerne imellem og med Den boligsociale helhedsplan samt Carelink, som skal varetage indsatsen.\n\n' +
        'Indsatsen skal bidrage til, at boligområderne ikke overskrider statens parallelsamfundskriterie for beskæftigelse.',
      targetGroup: {
        text:
          'Målgruppen for aktiviteten er 45 udvalgte familier inden for helhedsplanens boligområder. Familierne er udvalgt ud fra, at ' +
          'mor er på forsørgelse (kontanthjælp) og er forælder til et eller flere børn under 18 år. Familierne i projektet er udvalgt ' +
          'ud fra, at den ene forælder – typisk mor – står uden for arbejdsmarkedet, er på kontanthjælp, og at deres barn/børn i ' +
          'skolealderen samtidig har et højt skolefravær.',
        areas: [],
        institutions: [],
        schools: [],
        criteria: [
          'Familie i helhedsplanens boligområder',
          'Mor (den ene forælder, typisk mor) er på forsørgelse (kontanthjælp) og står uden for arbejdsmarkedet',
          'Forælder til et eller flere hjemmeboende børn under 18 år',
          'Barn/børn i skolealderen har et højt skolefravær',
        ],
      },
      content:
        '»Job til mor« er arbejdstitlen på en langsigtet social effektinvestering udført som en helhedsorienteret indsats med et ' +
        'generationsperspektiv for arbejdsløse mødre med hjemmeboende børn under 18 år. En af de stærkeste evidensbelagte ' +
        'indikatorer på børns livsforløb er moderens job- og uddannelsesstatus (Rockwoolfonden, okt. 2022). Anden forskning viser, ' +
        'at hvis forældrene i børnenes formative år ikke er i arbejde, er børnene i dobbelt så stor risiko for selv at ende på ' +
        'overførselsindkomst i deres 18. år (STAR, aug. 2023).\n\n' +
        'I indsatsen laves både det kortsigtede og det langsigtede beskæftigelsesrettede perspektiv i en fremskudt ' +
        'beskæftigelsesindsats sammen med en helhedsorienteret indsats på tværs af fagområder, herunder særligt en familieindsats, ' +
        'der også favner børnenes aktuelle problemstillinger. Familiens udfordringer løftes på fælles møder, hvor fagpersonale fra ' +
        'forskellige forvaltninger er repræsenteret; formen for møderne, mødefrekvens m.m. fastsættes i efteråret 2024. Erfaringer ' +
        'fra tidligere effektinvesteringer i lokalområdet peger på, at barnets skolefravær og mors manglende tilknytning til ' +
        'arbejdsmarkedet er forbundne kar, hvor det ene problem kan stå i vejen for at løse det andet; omvendt kan løsningen på ' +
        'mors situation bidrage til at løse barnets fraværsproblematik og vice versa.\n\n' +
        'Indsatsen omfatter en aktiv periode, en efterværnsperiode og en evalueringsperiode, der strækker sig over syv år: ' +
        'Indsatsperiode (3 år): fokus på både beskæftigelsesindsats og familierettet indsats. Efterværnsperiode (2 år): fokus på at ' +
        'fastholde de opnåede beskæftigelseseffekter. Evalueringsperiode (2 år efter efterværnsperiodens afslutning): evaluering af ' +
        'indsatsens effekt og læring.\n\n' +
        'Forældrene i projektet har kun haft en ringe eller ingen tilknytning til arbejdsmarkedet og vil ofte have andre svære ' +
        'problemstillinger inde på livet. Det vil være en væsentlig livsforandring at skulle påbegynde et job og skabe en nødvendig ' +
        'og ny struktur i hele familiens dagligdag. Der kan også være svære problemstillinger hos børnene, der er en barriere for ' +
        'forælderens beskæftigelsessituation og skaber en udfordring for hele familien.\n\n' +
        'Projektet består af en beskæftigelsesdel og en familiedel og gennemføres i et tæt og koordineret samarbejde mellem Carelink ' +
        '(som leverandør for Den Sociale Kapitalfond), Randers Kommunes Jobcenter, børn- og skoleområdet, sundhedsområdet, ' +
        'socialområdet samt Bysekretariatet. Den konkrete borgernære mødeform etableres efter den konkrete beboers ' +
        'familiekonstellation og udfordringer. Samtidig er der etableret et forum på chefniveau til at drøfte udledte ' +
        'problematikker på tværs af forvaltningerne. I den 1-årige evaluering af det eksisterende investeringsprojekt »En ny start ' +
        'for flere« ses en stor styrke i den relationelle kapacitet og tillid, som de boligsociale medarbejdere bibringer i ' +
        'borgerens dialog med kommunens medarbejdere; derfor er et stærkt samspil med den boligsociale helhedsplan et vigtigt ' +
        'moment. Bysekretariatets boligsociale indsatser og eksisterende gode relationer til borgerne i lokalområdet er fundamentet ' +
        'for at kunne lykkes; erfaringer fra tidligere effektinvesteringer viser tydeligt værdien af at være fysisk til stede, hvor ' +
        'man som kommune eller leverandør kan »koble sig« på den allerede gode sociale relation og bygge videre på den.\n\n' +
        'Beskæftigelsesdelen (leveres generelt af Carelink, med mindre andet angivet): personlig jobrådgiver for hver deltager på ' +
        'overførselsindkomst; personlige samtaler og gruppemoduler for udvikling af jobidentitet og kompetenceafklaring; ' +
        'mestringsindsats for deltagere med udfordringer som smerte, stress, angst og depression; støtte i jobsøgning og ' +
        'identifikation af jobmuligheder gennem Jobcenter Randers\' virksomhedsnetværk; intensiv opfølgning og støtte under ' +
        'praktik- og jobperioder; lokal tilstedeværelse af nøglejobcentermedarbejdere på myndighedssporet (Jobcenter Randers).\n\n' +
        'Familiedelen: personlig familierådgiver, der følger familierne gennem hele indsatsperioden (Carelink); helhedsorienteret ' +
        'familiebehandling i hjemmet (faciliteres af Carelink); koordination af indsatser på tværs af beskæftigelses- og Børn- og ' +
        'Skoleforvaltningen – herunder familieafdelingen; understøttelse af familien fra det boligsociale team, fx ' +
        'familieaktiviteter, netværksforløb, brobygning til foreningslivet.\n\n' +
        'Carelinks medarbejdere har deres daglige arbejdsplads sammen med Bysekretariatets boligsociale medarbejdere og de ' +
        'fremskudte beskæftigelsesmedarbejdere, der arbejder med andre borgere i helhedsplanens boligområder, så samarbejdet om ' +
        'familierne kan koordineres dagligt. Familierådgiveren kan fx også række ud til UU, sundhedsplejen, tandplejen mv., der ' +
        'også er samarbejdspartnere i helhedsplanen, for at facilitere den rette hjælp og støtte til familien.\n\n' +
        'Den faglige ledelse (grafisk udtryk): en styregruppe (med deltagelse af Landsbyggefonden); »Problemknuserudvalget« ' +
        '(arbejdsmarkedschef, centerledere, Fond, Carelink); Tværfagligt ledelsesforum (afdelingsledere på tværs af ' +
        'forvaltningerne samt projektansvarlig ved Carelink); »Sundhedsalliancen« – et internt chefforum i Randers Kommune, der ' +
        'bruges til at drøfte organisering, relevante problemstillinger, politisk formidling m.m.; og »Borgerkoordineringsnetværk« ' +
        'for dagligdagen i områderne (faglige medarbejdere på tværs af forvaltningen, medarbejdere i Bysekretariatet samt ' +
        'Carelinks medarbejdere), med fagområderne arbejdsmarked; børn, skole og familie; sundhed; social; andet. Komplicerede ' +
        'sager og tvivlsspørgsmål kan løftes ind i de forskellige fora, der fungerer som samarbejdsfora på forskellige niveauer ' +
        'med henblik på at løse konflikter og uklarheder på »lavest muligt niveau«. I sidste ende besluttes tvivlsspørgsmål i et ' +
        '»problemknuserudvalg« med kompetence til at beslutte retning; her deltager fagchefen for beskæftigelse, Carelink m.fl.\n\n' +
        'Den boligsociale understøttelse er håndholdt, idet den boligsociale medarbejder er en del af det tværgående team omkring ' +
        'familien. Den kan fx bestå af at: bidrage til afklaring af familiens behov for understøttende aktiviteter i tæt dialog med ' +
        'familien og den udførende beskæftigelses- og familieindsats; udarbejde en individuel familie-fokusplan med fokus på ' +
        'familiens hverdagsmestring og trivsel (i tæt dialog med hele familien og med udgangspunkt i familiens egen vurdering af ' +
        'behovet for støtte og hjælp til at komme i arbejde og trivsel); følge op på familie-fokusplaner med henblik på ' +
        'fastholdelse af de nye forandringer; familienetværksforløb, der skal understøtte fællesskaber og gode rammer for ' +
        'familielivet og brobygge til og give forståelse for forskellige systemer, bl.a. foreningslivet og skole-hjem-samarbejdet; ' +
        'forældreforløb med tematikker ud fra forældrenes ønsker og behov, f.eks. søvnrytme, lektiehjælp, opdragelse, positive ' +
        'relationer, sundhed og motion, rettet både mod de voksne og deres forældreskab; understøttelse af dagligdagsrutiner; ' +
        'børnegruppeforløb/teenagegruppeforløb med fokus på positive fællesskaber, fortrolighed med at ytre egne behov og ' +
        'holdninger, styrket selvværd og selvtillid, øget trivsel, nye rollemodeller mv.; styrkelse af unges arbejdsidentitet ' +
        'gennem brobygning til lommepengejob, fritidsjob og Talents of Tomorrow (TOT) samt understøttelse af »valg af uddannelse« ' +
        'gennem familieorienteret uddannelsesvejledning; brobygning til foreningslivet, sundhedssamtaler, fremmøde i skolen og ' +
        'andre relevante boligsociale aktiviteter. Familierne tilbydes at indgå i ferieaktiviteter, bl.a. staycations, ' +
        'højskoleophold, sportscamps, børne- og ungeuge og forskellige familieaktiviteter ad hoc.\n\n' +
        'Metode: Den overordnede metode er en videreudvikling mhp. en »Randers-model« af især tre projekter: Relationel Velfærd i ' +
        'Viborg Kommune, Opgang-til-Opgang i Aarhus Kommune og »Helhedsorienterede borgerforløb« i Ballerup Kommune. Den bygger bl.a. ' +
        'på »Beskæftigelsesindikatorprojektet« (BIP), hvor sagsbehandlerens tro på borgerens muligheder, og derfor tilliden mellem ' +
        'borger og beskæftigelsesmedarbejder, var afgørende for at skabe en succesfuld forandring. Det er således den gode relation ' +
        'mellem sagsbehandler og borger, der på mange måder er afgørende for projektets succes. Så hvor Carelink og kommunens ' +
        'medarbejdere leverer den konkrete indsats, er det Bysekretariatets rolle at foranstalte og rammesætte det gode samarbejde ' +
        'i lokalområdet. De konkrete indsatser kobler sig således på det allerede skabte relationelle fundament i lokalområderne ' +
        'som det fundament, der er grundlæggende for, at kommune og leverandør kan opbygge samme gode relationer til borgeren. ' +
        'Bysekretariatet har således mere en faciliterende og koordinerende rolle i projektet, som går hånd i hånd med det andet ' +
        'boligsociale arbejde, der allerede foregår i lokalområderne.',
      responsibility:
        'I indsatsen vil Carelink være primær aktør og ansvarlig for denne. Såfremt en familie/mor/barn enten fra start eller ' +
        'undervejs falder uden for scopet i »Job til mor«, falder ansvaret tilbage på kommunen, der efter en konkret og individuel ' +
        'vurdering igangsætter nødvendig indsats. Myndighedsansvaret kan kommunen ikke uddelegere til en privat virksomhed: Randers ' +
        'Jobcenter er fortsat myndighed for så vidt angår beskæftigelsesindsatsen, ligesom familieafdelingen fortsat vil være ' +
        'myndighed på familieindsatsen osv. Den personlige jobrådgiver og den personlige familierådgiver er tilknyttet Carelink, ' +
        'der faciliterer den nødvendige hjælp og støtte fra relevante kommunale afdelinger. Carelink koordinerer desuden med ' +
        'Bysekretariatets boligsociale team med henblik på understøttende aktiviteter, fx familiekurser, netværksforløb og ' +
        'brobygning til foreningslivet, der kan fremme børnenes og familiens trivsel og lette vejen til beskæftigelse for ' +
        'forælderen.\n\n' +
        'Læringer fra den 1-årige evaluering af »En ny start for flere« er indarbejdet: Myndighedssporet skal være på så få hænder ' +
        'som muligt (Jobcenter Randers dedikerer 1-2 medarbejdere frem for 6-7 personer i »En ny start for flere«), og disse ' +
        'medarbejdere vil også være fysisk til stede i lokalområderne. Der laves meget konkrete arbejdsgangsbeskrivelser og ' +
        'samarbejdsaftaler mellem Carelink og Randers Kommune mhp. at undgå dobbeltarbejde, sørge for tilstrækkelig kommunikation ' +
        'mv. Der afsættes tid hos medarbejderne – fra både Carelink og Randers Kommune – til at deltage i de beskrevne mødefora, så ' +
        'uhensigtsmæssigheder kan tages i dialogen så tidligt som muligt.',
      roles: [
        {
          organisation: 'Carelink',
          role:
            'Primær aktør og ansvarlig; serviceleverandør for Den Sociale Kapitalfond med personlige jobrådgivere og personlige ' +
            'familierådgivere, helhedsorienteret familiebehandling i hjemmet; koordinerer med Jobcenteret, familieområdet, ' +
            'socialområdet og Bysekretariatet',
        },
        {
          organisation: 'Jobcenter Randers',
          role:
            'Myndighed for beskæftigelsesindsatsen (myndighedssporet, 1-2 medarbejdere fysisk til stede i lokalområderne); ' +
            'støtte i jobsøgning gennem Jobcenterets virksomhedsnetværk',
        },
        {
          organisation: 'Randers Kommune, Familieafdelingen',
          role: 'Myndighed på familieindsatsen',
        },
        {
          organisation: 'Bysekretariatet',
          role:
            'Faciliterende og koordinerende rolle: foranstalter og rammesætter det gode samarbejde i lokalområdet; håndholdt ' +
            'boligsocial understøttelse af familien (familie-fokusplan, netværks-, forældre- og børnegruppeforløb, brobygning, ' +
            'ferieaktiviteter)',
        },
        {
          organisation: 'Den Sociale Kapitalfond',
          role: 'Investor i effektinvesteringen',
        },
        {
          organisation: 'Landsbyggefonden',
          role: 'Understøttende i kraft af den boligsociale helhedsplan; deltager i projektets styregruppe',
        },
        {
          organisation: 'Randers Kommune: børn- og skoleområdet, sundhedsområdet og socialområdet',
          role: 'Samarbejdspartnere i det tværfaglige samarbejde omkring familien',
        },
      ],
      resources:
        'Beskæftigelsesindsatsen leveres af ekstern leverandør (Carelink). Jobcenter Randers dedikerer 2 ressourcer (anslået 15 t. ' +
        'ugentligt) til myndighedsbehandlingen af beskæftigelsesindsatsen. Boligsociale medarbejdertimer: 18 timer pr. uge.',
      targets: [
        {
          code: 'jtm-1',
          measure: 'udvalgte familier i Job til mor',
          kind: 'exact',
          value: 45,
          per: 'other',
          printed: '45 udvalgte familier',
          ref: { lines: [2127, 2128] },
          remarks: [
            {
              kind: 'note',
              text:
                'Antallet gælder hele effektinvesteringen, ikke pr. år: en indsatsperiode på 3 år, en efterværnsperiode på 2 år og ' +
                'en evalueringsperiode på 2 år, i alt syv år (linje 2149-2154), dvs. ud over helhedsplanens periode.',
            },
          ],
        },
      ],
      remarks: [
        {
          kind: 'reconstructed',
          text:
            'Linje 2283-2348 er en tospaltet side, som OCR har flettet linje for linje med problemkomplekset for ' +
            'Kriminalitetsforebyggelse; kun venstre spalte (Nærmere om metode; Ansvars- og rollefordeling) er brugt her. ' +
            'Organisationsdiagrammet (linje 2209-2246) er genopbygget som tekst; personnavne i styregruppe og problemknuserudvalg ' +
            'er udeladt.',
        },
        {
          kind: 'contradiction',
          text:
            'Delaftalen placerer «Ansvar og udførelse» hos Bysekretariatet (linje 1941-1942), mens aktiviteten siger, at Carelink ' +
            'er primær aktør og ansvarlig (linje 2319) og at Bysekretariatet har en faciliterende og koordinerende rolle ' +
            '(linje 2310).',
        },
        {
          kind: 'note',
          text:
            'Målgruppen beskrives to steder lidt forskelligt: «mor er på forsørgelse (kontanthjælp) og er forælder til et eller ' +
            'flere børn under 18 år» (linje 2127-2128) og «den ene forælder – typisk mor – står uden for arbejdsmarkedet, er på ' +
            'kontanthjælp, og deres barn/børn i skolealderen har samtidig et højt skolefravær» (linje 2158-2159).',
        },
        {
          kind: 'note',
          text:
            'Planen siger, at møde- og læringsformerne fastsættes/udvikles «i efteråret 2024» (linje 2121 og 2144), altså før ' +
            'delaftalens start 1. august 2025.',
        },
      ],
    },
  ],
};
