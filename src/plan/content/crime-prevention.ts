/**
 * Seed data for the intervention area «Kriminalitetsforebyggelse» of Den boligsociale Helhedsplan Randers 2025-29:
 * its problem, sub-agreement, sub-goal with indicator and baselines, staff hours and the five activities Brandkadet,
 * Lommepengejobs, Teenagegrupper, Fritidsaktiviteter – ferieaktiviteter and Brobygning til foreningslivet.
 *
 * Source: content/source/helhedsplan-randers-2025-29.ocr.txt, lines 2287-2870. The problem (lines 2287-2348) is printed
 * in the right-hand column of a two-column page whose left-hand column ends the employment chapter (Job til mor); the
 * two were interleaved line by line by OCR and are separated here. The plan's indicator is area-level only; nothing
 * here is about individual offences.
 */
import type { DataRemark, InterventionArea, PlanRef } from './types.js';

const ALL_AREAS =
  'Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Hermann Stillingsvej-området, Energivej-området, ' +
  'Sjællandsgade-kvarteret og Centrale Randers';

export const crimePrevention: InterventionArea = {
  slug: 'kriminalitetsforebyggelse',
  name: 'Kriminalitetsforebyggelse',
  problem: [
    'De seneste år viser en bekymrende udvikling i kriminaliteten. Danmarks Statistiks boligstatistiske nøgletal fra ' +
      '2024 viser, at kriminaliteten er højest i Centrale Randers, Energivej-området og Hermann Stillingsvej-området ' +
      'med stigende tendenser i særligt de to førstnævnte. Værst ser det ud i Centrale Randers, hvor niveauet for både ' +
      'afgørelser og sigtede personer pr. 1000 indbyggere er mere end fire gange så højt som i kommunen som helhed. ' +
      'I Energivej-området er niveauet for sigtede ligeledes mere end fire gange højere end kommuneniveau, og for ' +
      'afgørelser er det 3,5 gange højere. Herefter kommer Hermann Stillingsvej-området, hvor niveauet for sigtede og ' +
      'afgørelser er ca. tre gange højere end for kommunen. For Hermann Stillingsvej-området viser [tal] fra statens ' +
      'parallelsamfundsdata for 2023, at andelen af dømte er over tre gange højere end landsgennemsnittet, hvilket ' +
      'overstiger grænsen for kriminalitetskriteriet.',
    'I Gl. Jennumparken er niveauet for sigtede knap tre gange højere, mens afgørelser er på niveau med kommunen som ' +
      'helhed. Desværre dog en stigning i sigtede personer fra de seneste år til 2024. I andelen af dømte ligger ' +
      'Jennumparken på over det dobbelte af landsgennemsnittet. I Glarbjergvej-området er niveauet for sigtede ' +
      'halvanden gange højere og for afgørelser på kommuneniveau. Andelen af dømte er mere end det dobbelte af ' +
      'landsgennemsnittet og højere end i Gl. Jennumparken.',
    'Vangdalen ligger på knap det dobbelte for sigtede og halvanden gange højere for afgørelser set i forhold til ' +
      'kommuneniveau, med faldende tendens. Sjællandsgadekvarteret viser dobbelt så mange sigtede og ligger lidt over ' +
      'kommuneniveau for afgørelser. Den boligsociale helhedsplan vil have et stærkt fokus på ' +
      'kriminalitetsforebyggende aktiviteter for børn og unge, særligt i de to udsatte boligområder.',
    'Det strategiske samarbejde mellem boligorganisationer, kommune og Østjyllands Politi styrkes med et skærpet ' +
      'fokus på udviklingen af kriminaliteten, herunder kriminalitetstyperne i boligområderne.',
    'I indsatsområdet for kriminalitetsforebyggelse er der stort fokus på den tidlige forebyggelse igennem styrkelse ' +
      'af sunde fællesskaber og fritidsaktiviteter samt trygge relationer og god trivsel hos børn og unge i ' +
      'boligområderne.',
    'En undersøgelse fra Center for Ungdomsforskning beskriver, at der [er] sammenhæng mellem børns og unges ' +
      'mistrivsel og deres engagement i rusmidler, risikoadfærd og kriminalitet. Unge, der har erfaring med ' +
      'kriminalitet, har oftere oplevet mobning, har mobbet andre, føler sig ensomme eller isolerede, eller står over ' +
      'for problemer, der gør hverdagen udfordrende. Samtidig peger undersøgelsen på, at 8,9 % af de unge med alvorlig ' +
      'kriminel adfærd har en negativ opfattelse af deres liv, mens det samme kun gælder for 2,3 % af unge uden ' +
      'kriminel adfærd.',
    'VIVE fremhæver, at trivsel i en tidlig alder kan være en beskyttende faktor mod kriminalitet senere i livet. ' +
      'Særligt peges der på, at 11-årige, som er glade for deres […], har en lavere risiko for at begå kriminalitet, ' +
      'hvilket hænger sammen med de ressourcer og muligheder, børn har i skole, fritid og familie. ' +
      '(https://dkr.dk/ungdomskriminalitet/den-unge).',
    'Ud over delaftalen for kriminalitetsforebyggelse kan det endvidere bemærkes, at den boligsociale beredskabsplan ' +
      'er et udtryk for et tættere samarbejde, hvor der er et skærpet fokus på forebyggelse og god dialog og ' +
      'erfaringsudveksling omkring de tendenser, der opleves eller konstateres i de boligsociale områder.',
  ].join('\n\n'),
  subAgreement: {
    parties: [
      'Bysekretariatet',
      'Leder af Ungdomsskolen',
      'Centerleder af Børne- og Ungecenter',
      'Projektleder, Kultur og Fritid',
    ],
    periodStart: '2025-08-01',
    periodEnd: '2029-07-31',
    // The sub-agreement (lines 2355-2363) names no goal of its own; this is the plan's statement of the area's focus
    // (lines 2325-2327), see crimePreventionNotes.
    goal:
      'I indsatsområdet for kriminalitetsforebyggelse er der stort fokus på den tidlige forebyggelse igennem ' +
      'styrkelse af sunde fællesskaber og fritidsaktiviteter samt trygge relationer og god trivsel hos børn og unge i ' +
      'boligområderne.',
    ref: { lines: [2355, 2363] },
  },
  subGoals: [
    {
      code: 'krim-delmaal-1',
      text:
        'Unge deltager i fritids- og foreningsaktiviteter. Andelen af unge, der er tilmeldt Randers Ungdomsskole, er ' +
        'på niveau med eller over Randers Kommune.',
      ref: { lines: [2369, 2385] },
      indicators: [
        {
          code: 'krim-1',
          name: 'Andel af børn og unge (13-18 år) tilmeldt et kommunalt fritidstilbud i Ungdomsskolen',
          description:
            'Andelen af børn og unge mellem 13-18 år, der er tilmeldt et kommunalt fritidstilbud i Ungdomsskolen.',
          unit: 'percent',
          direction: 'level-with-municipality',
          targetGroup: 'Børn og unge mellem 13-18 år',
          dataSource: 'Randers Kommune',
          ref: { lines: [2365, 2387] },
          baselines: [
            {
              scope: 'area:gl-jennumparken',
              value: 24,
              printed: '24 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2369, 2370] },
            },
            {
              scope: 'area:glarbjergvej-omraadet',
              value: 26,
              printed: '26 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2369, 2371] },
            },
            {
              scope: 'area:vangdalen',
              value: 15,
              printed: '15 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2374, 2374] },
            },
            {
              scope: 'area:hermann-stillings-vej-omraadet',
              value: 25,
              printed: '25 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2376, 2376] },
            },
            {
              scope: 'area:energivej-omraadet',
              value: 14,
              printed: '14 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2377, 2377] },
            },
            {
              scope: 'area:sjaellandsgade-kvarteret',
              value: 19,
              printed: '19 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2378, 2378] },
            },
            {
              scope: 'area:centrale-randers',
              value: 23,
              printed: '23 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2379, 2379] },
            },
            {
              scope: 'municipality',
              value: 31,
              printed: '31 %',
              period: '1. september 2024',
              source: 'Randers Kommune',
              ref: { lines: [2365, 2369] },
              remarks: [
                {
                  kind: 'reconstructed',
                  text:
                    'Tabellens kolonner er flydt sammen i linje 2369 («Pr. 1/9 2024 31 % Randers Kommune»). 31 % er ' +
                    'læst som kolonnen «Anden baseline – Randers kommune» og «Randers Kommune» som datakilde; ' +
                    'perioden 1. september 2024 er antaget at gælde også kommunens tal, da planen kun nævner den én ' +
                    'gang.',
                },
              ],
            },
          ],
          remarks: [
            {
              kind: 'reconstructed',
              text:
                'Tabellen (linje 2365-2387) er flydt sammen af OCR. Delmålet er samlet af linje 2369-2371 og ' +
                '2381-2385, indikatoren af linje 2369-2372 og 2387 («… kommunalt fritidstil- / bud i ' +
                'Ungdomsskolen»), og områdernes baselines af linje 2369-2379.',
            },
            {
              kind: 'ocr-uncertain',
              text:
                'Delmålets tredje linje lyder i OCR «AUEE]» (linje 2371); den er læst som «aktiviteter» (fritids- og ' +
                'foreningsaktiviteter).',
            },
            {
              kind: 'note',
              text:
                'Målet er, at andelen er «på niveau med eller over Randers Kommune» (linje 2383-2385): at ligge over ' +
                'kommunen er også i orden.',
            },
            {
              kind: 'note',
              text:
                'Delmålet nævner fritids- og foreningsaktiviteter, men indikatoren måler kun tilmelding til ' +
                'Ungdomsskolens kommunale fritidstilbud; planen har ingen indikator for deltagelse i foreningslivet.',
            },
          ],
        },
      ],
    },
  ],
  staffHours: [
    {
      organisation: 'Randers Ungdomsskole (i samarbejde med Falck)',
      activity: 'brandkadet',
      hoursPerYear: 276,
      printed: 'Årligt 276 medarbejdertimer leveres af Randers Ungdomsskole og i samarbejde med Falck.',
      ref: { lines: [2391, 2392] },
    },
    {
      organisation: 'Randers Kommune',
      activity: 'lommepengejobs',
      hoursPerYear: 1664,
      printed:
        'Årligt 1664 ungetimer (fordelt på 11 unge der ansættes i institutioner og 5 get2sport trænere, som ansættes ' +
        'hos Randers Kommune)',
      ref: { lines: [2394, 2395] },
      remarks: [
        {
          kind: 'note',
          text:
            'Ungetimer er de unge lommepengejobberes lønnede arbejdstimer, ikke medarbejdertimer. 16 unge × 2 timer om ' +
            'ugen (linje 2593 og 2599-2600) × 52 uger = 1664.',
        },
      ],
    },
    {
      organisation: 'Boligorganisationerne',
      activity: 'lommepengejobs',
      hoursPerYear: 100,
      printed: 'Årligt 100 ungetimer (fordelt på 5 unge, som ansættes i sommerferien hos Boligorganisationerne)',
      ref: { lines: [2396, 2396] },
      remarks: [
        {
          kind: 'note',
          text:
            'Ungetimer er de unge ejendomsfunktionærers lønnede arbejdstimer i sommerferien, ikke medarbejdertimer ' +
            '(i gennemsnit 20 timer pr. ung). Boligorganisationerne er ikke part i delaftalen.',
        },
      ],
    },
    {
      organisation: 'Randers Kommune, Kultur og Fritid (Get2sport-medarbejder)',
      hoursPerYear: 1040,
      printed: 'Årligt 1040 medarbejdertimer leveret af Randers Kommune (get2sport). Svarende til 20 timer pr. uge.',
      ref: { lines: [2398, 2399] },
      remarks: [
        {
          kind: 'note',
          text:
            'Planen knytter ikke timerne til én aktivitet. Get2sport-medarbejderen har ansvaret for Get2sport-' +
            'trænerne i Lommepengejobs (linje 2592-2593, 2622) og arrangerer sportscamps i Brobygning til ' +
            'foreningslivet (linje 2865).',
        },
      ],
    },
    {
      organisation: 'Bysekretariatet',
      hoursPerYear: 1818,
      printed: 'Årligt 1818 boligsocialmedarbejdertimer om året (svarende til 35 timer om ugen).',
      ref: { lines: [2401, 2402] },
      remarks: [
        {
          kind: 'note',
          text:
            '35 timer om ugen × 52 uger er 1820, ikke 1818; 1818 timer svarer til ca. 34,96 timer om ugen, så ' +
            'ugetallet er afrundet. Timerne er ikke fordelt på aktiviteter.',
        },
      ],
    },
  ],
  activities: [
    {
      slug: 'brandkadet',
      number: 1,
      name: 'Brandkadet',
      purpose: [
        'Formålet med Brandkadet er ikke blot at give de unge et alternativ til risikoadfærd, men også at styrke deres ' +
          'selvtillid, skabe nye sociale muligheder og introducere dem til værdien af fællesskab, ansvar og ' +
          'sammenhold. De unge får mulighed for at opbygge en stærkere identitet gennem meningsfulde aktiviteter og ' +
          'samtidig få positiv voksenkontakt, som kan hjælpe dem til at træffe bedre valg og bryde negative mønstre.',
        'Der arbejdes med tidlig forebyggelse af kriminalitetstruede unge ved at tilbyde de unge positive alternativer ' +
          'og muligheder for at indgå i fællesskaber, hvor de føler sig set og værdsat. Gennem deltagelse i ' +
          'meningsfulde aktiviteter opbygger de unge stærke relationer, som skaber tryghed og tilhørsforhold. Målet er ' +
          'at mindske isolation og øge engagementet i støttende miljøer, der bidrager til deres trivsel og mindsker ' +
          'risikoen for kriminalitet.',
        'Vi ønsker at give de unge redskaber og erfaringer, der kan styrke deres selvbillede og forberede dem til ' +
          'arbejdslivet. Gennem konkret indsigt i arbejdet som brandmand får de unge mulighed for at udvikle både ' +
          'faglige og personlige kompetencer. De opbygger selvtillid, lærer at tage ansvar og får en bedre forståelse ' +
          'af arbejdsmarkedet. Samtidig udvikler de arbejdsrelaterede færdigheder, der kan hjælpe dem, når de skal ' +
          'videre i uddannelse eller i fremtidige job.',
        'Vi vil øge de unges forståelse af og deltagelse i samfundet som aktive medborgere. De lærer, hvordan de kan ' +
          'bidrage til det fælles bedste og tage ansvar. Denne aktive deltagelse fremmer de unges forståelse for ' +
          'rettigheder og pligter som borgere og styrker deres medborgerskab og følelse af ansvar for samfundet.',
      ].join('\n\n'),
      targetGroup: {
        text:
          'Målgruppen for Brandkadet er unge i alderen 13-17 år, som typisk går i 7., 8., 9. eller 10. klasse. Det er ' +
          'unge, der viser tegn på skoletræthed, har lavt selvværd, mangler engagement i fritidsaktiviteter eller er i ' +
          'risiko for at komme ud i kriminalitet. Mange af disse unge mangler desuden en positiv voksenkontakt, som kan ' +
          'give dem vejledning og støtte. Tilbuddet er åbent for alle unge i Randers Kommune; der allokeres årligt 12 ' +
          `pladser til unge fra de syv områder, der er en del af Den boligsociale Helhedsplan: ${ALL_AREAS}. Dette ` +
          'skaber mulighed for positiv spejling, hvor unge med forskellige baggrunde og fra forskellige bydele kan ' +
          'mødes, udveksle erfaringer og danne relationer. Det giver dem chancen for at lære af hinandens ' +
          'forskelligheder, styrke deres sociale netværk og opbygge fællesskaber på tværs af byen.',
        ageMin: 13,
        ageMax: 17,
        areas: [],
        institutions: [],
        schools: [],
        criteria: [
          'Går typisk i 7., 8., 9. eller 10. klasse',
          'Viser tegn på skoletræthed',
          'Har lavt selvværd',
          'Mangler engagement i fritidsaktiviteter',
          'Er i risiko for at komme ud i kriminalitet',
          'Mangler ofte en positiv voksenkontakt',
          'Tilbuddet er åbent for alle unge i Randers Kommune; 12 pladser årligt er afsat til unge fra de syv ' +
            'boligområder',
        ],
      },
      content: [
        '«Brandkadet» er et samarbejde mellem Randers Ungdomsskole, Falck, Beredskab og Sikkerhed, og ' +
          'Bysekretariatet.',
        'Brandkadet har til formål at øge de unges selvværd og forbedre deres sociale færdigheder. Herudover får de ' +
          'unge gennem brandkadet-uddannelsen indsigt i brandmændenes arbejdsdag, hvor regler, disciplin, tillid og ' +
          'fællesskab er centrale værdier. De tilegner sig herigennem kompetencer, der kan styrke deres muligheder i ' +
          'uddannelsessystemet og/eller på arbejdsmarkedet.',
        'Der afholdes to årlige Brandkadet-forløb med opstart i august og februar, som hver består af 10-12 ' +
          'undervisningsgange. Brandkadetterne deltager i et undervisningsforløb én gang om ugen, hvor brandmænd fra ' +
          'beredskabet står for undervisningen. Undervisningen består primært af praksisnær læring og ' +
          'samarbejdsøvelser. Den boligsociale medarbejder og medarbejderen fra Ungdomsskolen fungerer som mentorer ' +
          'for de unge under undervisningen og står til rådighed for individuelle møder efter behov.',
        'Minimum 12 unge fra boligområderne deltager årligt i aktiviteten. De unge fra de områder, der omfattes af Den ' +
          'Boligsociale Helhedsplan, vil ofte blive rekrutteret gennem andre aktiviteter i helhedsplanen. Både de unge ' +
          'og deres familier vil typisk have behov for forskelligartet støtte i forhold til forskellige udfordringer. ' +
          'Den boligsociale indsats spiller derfor en vigtig rolle i at binde forløb sammen på tværs.',
        'De unge deltager i et 12-timers førstehjælpskursus (FH-kursus), som afsluttes med et kursusbevis. Dette kursus ' +
          'er kompetencegivende og kan blandt andet anvendes til at opnå kørekort. Desuden modtager de undervisning i ' +
          'modulet «Grunduddannelse indsats», som er den basisuddannelse, der kræves for at arbejde som brandmand i et ' +
          'slukningstog. Dette modul omfatter blandt andet udvalgte redningsopgaver som afstivning, højderedning og ' +
          'frigørelse. Denne uddannelse sikrer, at de unge er godt forberedte på at håndtere forskellige typer af nød- ' +
          'og redningssituationer.',
        'Efter uddannelsen har de unge mulighed for at fortsætte i korpset og for eksempel tage uddannelse som Ung ' +
          'Leder eller hjælpeinstruktør inden for «Unge i beredskabet» (https://www.ungeiberedskabet.dk/).',
      ].join('\n\n'),
      responsibility:
        'Ansvar: Sekretariatsleder, Bysekretariatet, og leder af Randers Ungdomsskole. Rollefordeling: Ungdomsskolen ' +
        'er ansvarlig for oprettelse af holdene. Ungdomsskolen står i samarbejde med Falck for afholdelse af ' +
        'undervisningen, herunder at sikre gennemførelse af førstehjælpskursus. Bysekretariatet er ansvarlig for at ' +
        'rekruttere 12 unge årligt til Brandkadet; rekruttering vil ofte være meget håndholdt. Bysekretariatet og ' +
        'Ungdomsskolen har en central koordinerende rolle i forhold til arbejdet med de unge og deltager i ' +
        'undervisningen for at skabe tryghed og vejledning. Bysekretariatet fungerer som mentor for de unge fra de syv ' +
        'boligområder og bidrager til undervisningen med en støttende funktion.',
      roles: [
        {
          organisation: 'Randers Ungdomsskole',
          role:
            'Opretter holdene; står i samarbejde med Falck for undervisningen, herunder gennemførelse af ' +
            'førstehjælpskursus; central koordinerende rolle; deltager i undervisningen; medarbejderen er mentor for ' +
            'de unge.',
        },
        {
          organisation: 'Falck',
          role: 'Står i samarbejde med Ungdomsskolen for undervisningen; brandmænd fra beredskabet underviser.',
        },
        {
          organisation: 'Bysekretariatet',
          role:
            'Rekrutterer 12 unge årligt (ofte meget håndholdt); central koordinerende rolle; deltager i undervisningen; ' +
            'mentor for de unge fra de syv boligområder med en støttende funktion i undervisningen.',
        },
      ],
      resources:
        'Årligt 276 medarbejdertimer fra Randers Ungdomsskole i samarbejde med Falck (linje 2391-2392). Bysekretariatets ' +
        'mentorrolle dækkes af sekretariatets 1818 årlige timer til indsatsområdet.',
      targets: [
        {
          code: 'brandkadet-pladser',
          measure: 'pladser til unge fra de syv boligområder',
          kind: 'exact',
          value: 12,
          per: 'plan-year',
          printed: 'der allokeres årligt 12 pladser til unge fra de syv områder',
          ref: { lines: [2481, 2481] },
        },
        {
          code: 'brandkadet-deltagere',
          measure: 'unge fra boligområderne, der deltager i Brandkadet',
          kind: 'minimum',
          min: 12,
          per: 'plan-year',
          printed: 'Minimum 12 unge fra boligområderne deltager årligt i aktiviteten.',
          ref: { lines: [2499, 2499] },
        },
        {
          code: 'brandkadet-rekruttering',
          measure: 'unge rekrutteret af Bysekretariatet til Brandkadet',
          kind: 'exact',
          value: 12,
          per: 'plan-year',
          printed: 'Bysekretariatet er ansvarlige for at rekruttere 12 unge årligt til Brandkadet.',
          ref: { lines: [2521, 2521] },
        },
        {
          code: 'brandkadet-forloeb',
          measure: 'Brandkadet-forløb (opstart i august og februar)',
          kind: 'exact',
          value: 2,
          per: 'plan-year',
          printed: 'Der afholdes to årlige Brandkadet-forløb med opstart i august og februar',
          ref: { lines: [2495, 2495] },
        },
        {
          code: 'brandkadet-undervisningsgange',
          measure: 'undervisningsgange pr. forløb',
          kind: 'range',
          min: 10,
          max: 12,
          per: 'course',
          printed: 'som hver består af 10-12 undervisningsgange',
          ref: { lines: [2495, 2495] },
        },
        {
          code: 'brandkadet-ugentlig-undervisning',
          measure: 'undervisningsgange pr. uge',
          kind: 'exact',
          value: 1,
          per: 'other',
          printed: 'Brandkadetterne deltager i et undervisningsforløb én gang om ugen',
          ref: { lines: [2495, 2496] },
          remarks: [{ kind: 'note', text: 'Pr. uge i forløbet.' }],
        },
        {
          code: 'brandkadet-foerstehjaelp',
          measure: 'timers førstehjælpskursus (FH-kursus) med kursusbevis',
          kind: 'exact',
          value: 12,
          per: 'course',
          printed: 'De unge deltager i et 12-timers førstehjælpskursus (FH-kursus), som afsluttes med et kursusbevis.',
          ref: { lines: [2504, 2504] },
        },
      ],
      ref: { lines: [2442, 2527] },
      remarks: [
        {
          kind: 'note',
          text:
            'Planen citerer en tidligere brandkadet ved navn (linje 2456-2464); citatet er udeladt, da personnavne ' +
            'kun hører til i krisegruppens liste.',
        },
        {
          kind: 'note',
          text:
            'Forløbene starter i august og februar (linje 2495), dvs. ét efterårs- og ét forårsforløb pr. planår.',
        },
        {
          kind: 'note',
          text:
            '«Randers Ungdomsskole, Falck, Beredskab og Sikkerhed, og Bysekretariatet» (linje 2489): det fremgår ikke ' +
            'entydigt, om «Beredskab og Sikkerhed» er en del af Falck eller en selvstændig part.',
        },
      ],
    },
    {
      slug: 'lommepengejobs',
      number: 2,
      name: 'Lommepengejobs',
      purpose: [
        'Mange børn og unge i boligområderne vokser op med forældre, der har en ringe eller ingen tilknytning til ' +
          'arbejdsmarkedet. Børnene har derfor en svag arbejdsidentitet, og forældrene kan have svært ved at hjælpe dem ' +
          'med at søge et job. Forskningen viser, at fritidsjob har en væsentlig betydning for de unges uddannelses- og ' +
          'beskæftigelsesfrekvens senere i livet. Et fritidsjob kan derfor være et betydeligt løft til den unge og ' +
          'afgørende for at bryde den negative sociale arv.',
        'Desværre får mange unge i socialt udsatte boligområder ikke et fritidsjob. De har brug for hjælp, en ' +
          'håndholdt indsats, dels til at søge et job, dels til at forberede og ruste dem til de krav og forventninger, ' +
          'der stilles på en arbejdsplads. Herudover har de behov for hjælp med eksempelvis at få oprettet en ' +
          'NEM-konto, der særligt kan være en udfordring for unge med udenlandsk baggrund.',
        'Formålet med lommepengejob-indsatsen er at styrke de unges arbejdsidentitet, selvtillid og kompetencer ved at ' +
          'give dem deres første erfaringer med arbejdsmarkedet. Indsatsen retter sig primært mod unge i alderen 13-15 ' +
          'år og har til formål at forberede dem til at kunne varetage et ordinært fritidsjob, når de når alderen 15-17 ' +
          'år. Samtidig er målet at klæde de unge på til fremtidige jobmuligheder og uddannelsesforløb, så de står ' +
          'stærkere i deres overgang fra skole til arbejdsmarked.',
        'En undersøgelse fra VIVE, som igennem flere år har fulgt de boligsociale indsatser, viser, at unge i ' +
          'fritidsjobindsatser har tre gange så stor sandsynlighed for at opnå og fastholde et fritidsjob. ' +
          '(Chanceulighed i udsatte boligområder – vive.dk)',
        'Ejendomsinspektøren fortæller: «Ejendomsfunktionærerne har forskellige uddannelser og har ofte haft flere ' +
          'andre jobs og har lidt erfaring i livet, inden de er endt i stillingen som ejendomsfunktionær. Derfor kan de ' +
          'fungere som gode rollemodeller for de unge ejendomsfunktionærer og skabe en god og positiv voksenrelation.» ' +
          '«Når man selv bliver en del af opgaveløsningen, så tager man også større ansvar og ejerskab, og det er mit ' +
          'håb, at de unge mennesker også på sigt vil hjælpe med at tage ansvar for at passe godt på området og ' +
          'boligerne.»',
      ].join('\n\n'),
      targetGroup: {
        text: `Unge fra 13-15 år, som er bosiddende i ${ALL_AREAS}.`,
        ageMin: 13,
        ageMax: 15,
        areas: [],
        institutions: [],
        schools: [],
        criteria: ['Bosiddende i et af de syv boligområder'],
      },
      content: [
        'Der skabes tre typer lommepengejobs: 1) Get2sport-træner, 2) Ung ejendomsfunktionær, 3) Ung i institutioner.',
        'De unge lommepengejobbere ansættes i udgangspunktet i en 1-årig periode, hvor det er formålet, at den unge ' +
          'kvalificerer sig og efterfølgende hjælpes videre til et ordinært fritidsjob. Bysekretariatet vil stå for ' +
          'rekrutteringen af de unge og inddrage relevante samarbejdspartnere i ansættelsessamtalerne. Efter ' +
          'rekrutteringen vil Bysekretariatet facilitere et kort uddannelsesforløb, hvor de unge forberedes grundigt ' +
          'på, hvad der forventes af dem, og hvilke konkrete opgaver og ansvar de vil få i deres lommepengejob. ' +
          'Uddannelsen udformes i tæt samarbejde med relevante partnere, så den er målrettet de unges behov og ' +
          'arbejdsopgaver.',
        'Foruden at forberede de unge til selve jobbet vil der blive taget hånd om en række praktiske forhold. Dette ' +
          'inkluderer blandt andet at assistere de unge med at oprette en NEM-konto, så de kan modtage deres løn. For ' +
          'mange vil det være deres første møde med de administrative aspekter af arbejdslivet, og her vil den ' +
          'boligsociale medarbejder være behjælpelig.',
        'De unges primære kontaktpersoner under deres ansættelse er henholdsvis institutionerne, ' +
          'ejendomsfunktionærerne og fodboldtrænerne, som sikrer, at de unge har faste voksne rollemodeller i deres ' +
          'arbejdsdag. Den boligsociale medarbejder kan fungere som mentor for de unge i deres lommepengejob og støtter ' +
          'de unge med at navigere i de eventuelle udfordringer, der måtte opstå. Den boligsociale medarbejder giver den ' +
          'unge den støtte og opmuntring, der kan være behov for undervejs, og kan eksempelvis vejlede og hjælpe med ' +
          'udarbejdelse af ansøgninger og CV til efterfølgende fritidsjob.',
        'Ad 1) Der ansættes minimum 5 Get2sport-trænere, der bistår det øvrige trænerteam. Get2sport-træneren er den ' +
          'ekstra hjælpende hånd og de ekstra øjne på banen, der bidrager til, at de yngre børn kan føle sig trygge og ' +
          'inkluderet. Get2sport medvirker således også til at opbygge et stærkt fællesskab i den nye klub Randers Nord ' +
          'IF. Den kommunale Get2sport-medarbejder har ansvaret for Get2sport-trænerne, når de er på arbejde. ' +
          'Get2sport-trænerne ansættes 2 timer om ugen.',
        'Ad 2) Boligorganisationerne ansætter minimum 5 unge ejendomsfunktionærer årligt, der i sommerferien arbejder ' +
          'og indgår i teamet med øvrige ejendomsfunktionærer. De vil varetage små opgaver med drift og vedligehold af ' +
          'udearealer og andre forefaldende opgaver i boligområderne.',
        'Ad 3) Randers Kommune ansætter 11 unge lommepengejobbere, der skal arbejde i hver sin institution. De unge ' +
          'ansættes 2 timer om ugen. De unge kan med afsæt i deres modenhed i samarbejde med det pædagogiske personale ' +
          'hjælpe med mindre aktiviteter som leg, højtlæsning, kreative aktiviteter samt bistå med lettere praktiske ' +
          'opgaver.',
        'Alle lommepengejobs er en øvebane og et springbræt videre til et ordinært fritidsjob. Det kan eksempelvis være ' +
          'via Talents of Tomorrow (TOT), der er Randers FC\'s fritidsjob-indsats, der hjælper 15-17-årige til et ' +
          'fritidsjob. Bysekretariatet kan visitere unge til TOT via UU. Bysekretariatet tager således de unge i hånden ' +
          'hele vejen fra opkvalificering til lommepengejob til et efterfølgende fritidsjob og hjælper dem med de ' +
          'problemstillinger, der kan dukke op undervejs.',
      ].join('\n\n'),
      responsibility:
        'Ansvar: Sekretariatsleder, Bysekretariatet, Kultur og Fritid (Get2sport), institutionslederne, ' +
        'Boligorganisationerne. Rollefordeling: Bysekretariatet rekrutterer, uddanner og supporterer ' +
        'lommepengejobberne, følger den unge og hjælper den unge, hvis der opstår udfordringer undervejs. ' +
        'Institutionerne har med hensyntagen til børnegruppens behov ansvar for at guide ungejobberen i aktivitet med ' +
        'børnene, understøtte den unges arbejdsmiljø og give den nødvendige feedback i forhold til opgaveløsningen. ' +
        'Boligorganisationerne har ansvaret for de unge ejendomsfunktionærer i løbet af deres arbejdsdag, herunder ' +
        'arbejdsmiljø, tildeling og igangsættelse af opgaver samt feedback. Den kommunale Get2sport-medarbejder har ' +
        'ansvaret for Get2sport-trænerne.',
      roles: [
        {
          organisation: 'Bysekretariatet',
          role:
            'Rekrutterer, uddanner og supporterer lommepengejobberne; følger den unge og hjælper ved udfordringer; ' +
            'hjælper med NEM-konto, ansøgninger og CV; kan visitere til Talents of Tomorrow via UU.',
        },
        {
          organisation: 'Institutionerne (institutionslederne)',
          role:
            'Guider ungejobberen i aktivitet med børnene, understøtter den unges arbejdsmiljø og giver feedback på ' +
            'opgaveløsningen.',
        },
        {
          organisation: 'Boligorganisationerne',
          role:
            'Ansætter minimum 5 unge ejendomsfunktionærer årligt og har ansvaret for dem i arbejdsdagen: ' +
            'arbejdsmiljø, tildeling og igangsættelse af opgaver samt feedback.',
        },
        {
          organisation: 'Randers Kommune, Kultur og Fritid (Get2sport)',
          role: 'Den kommunale Get2sport-medarbejder har ansvaret for Get2sport-trænerne, når de er på arbejde.',
        },
        {
          organisation: 'Randers Kommune',
          role: 'Ansætter 11 unge lommepengejobbere i hver sin institution og de 5 Get2sport-trænere.',
        },
      ],
      resources:
        'Årligt 1664 ungetimer hos Randers Kommune (11 unge i institutioner og 5 Get2sport-trænere) og årligt 100 ' +
        'ungetimer hos boligorganisationerne (5 unge i sommerferien) (linje 2394-2396); den kommunale ' +
        'Get2sport-medarbejders 1040 årlige timer (linje 2398-2399); Bysekretariatets timer til indsatsområdet.',
      targets: [
        {
          code: 'lommepengejobs-get2sport-traenere',
          measure: 'Get2sport-trænere ansat',
          kind: 'minimum',
          min: 5,
          per: 'plan-year',
          printed: 'Der ansættes minimum 5 Get2sport-trænere, der bistår det øvrige trænerteam.',
          ref: { lines: [2590, 2590] },
          remarks: [
            {
              kind: 'note',
              text:
                'Aktiviteten siger «minimum 5»; medarbejderressourcerne (linje 2395) regner med præcis 5 ' +
                'Get2sport-trænere. Perioden er ikke nævnt ved målet; de unge ansættes i udgangspunktet for 1 år.',
            },
          ],
        },
        {
          code: 'lommepengejobs-ejendomsfunktionaerer',
          measure: 'unge ejendomsfunktionærer ansat af boligorganisationerne i sommerferien',
          kind: 'minimum',
          min: 5,
          per: 'plan-year',
          printed: 'Boligorganisationerne ansætter minimum 5 unge ejendomsfunktionærer årligt',
          ref: { lines: [2595, 2595] },
          remarks: [
            {
              kind: 'note',
              text: 'Medarbejderressourcerne (linje 2396) regner med præcis 5 unge og 100 ungetimer i sommerferien.',
            },
          ],
        },
        {
          code: 'lommepengejobs-institutioner',
          measure: 'unge lommepengejobbere i institutioner (hver i sin institution)',
          kind: 'exact',
          value: 11,
          per: 'plan-year',
          printed: 'Randers Kommune ansætter 11 unge lommepengejobbere, der skal arbejde i hver sin institution.',
          ref: { lines: [2599, 2599] },
        },
        {
          code: 'lommepengejobs-get2sport-timer',
          measure: 'arbejdstimer pr. uge pr. Get2sport-træner',
          kind: 'exact',
          value: 2,
          per: 'other',
          printed: 'Get2sport-trænerne ansættes 2 timer om ugen.',
          ref: { lines: [2593, 2593] },
          remarks: [{ kind: 'note', text: 'Pr. uge.' }],
        },
        {
          code: 'lommepengejobs-institution-timer',
          measure: 'arbejdstimer pr. uge pr. ung i institution',
          kind: 'exact',
          value: 2,
          per: 'other',
          printed: 'De unge ansættes 2 timer om ugen.',
          ref: { lines: [2599, 2600] },
          remarks: [{ kind: 'note', text: 'Pr. uge.' }],
        },
        {
          code: 'lommepengejobs-ansaettelsesperiode',
          measure: 'års ansættelse pr. lommepengejobber (i udgangspunktet)',
          kind: 'exact',
          value: 1,
          per: 'other',
          printed: 'De unge lommepengejobbere ansættes i udgangspunktet i en 1-årig periode',
          ref: { lines: [2573, 2573] },
        },
        {
          code: 'lommepengejobs-jobtyper',
          measure: 'typer lommepengejobs',
          kind: 'exact',
          value: 3,
          per: 'plan-period',
          printed: 'Der skabes tre typer lommepengejobs',
          ref: { lines: [2568, 2571] },
        },
      ],
      ref: { lines: [2529, 2622] },
      remarks: [
        {
          kind: 'note',
          text:
            'Planens citater fra en navngiven ejendomsinspektør (linje 2550-2560) er gengivet uden navn; navnet står ' +
            'desuden forskelligt i teksten og billedteksten.',
        },
        {
          kind: 'note',
          text:
            'Medarbejderressourcerne kalder aktiviteten «Lommepengejob» (linje 2394), overskriften «Lommepengejobs» ' +
            '(linje 2529).',
        },
      ],
    },
    {
      slug: 'teenagegrupper',
      number: 3,
      name: 'Teenagegrupper',
      purpose: [
        'Formålet med at oprette teenagegrupper er at skabe et trygt, støttende og sundt fællesskab for sårbare unge, ' +
          'hvor de kan udvikle sig personligt og socialt. Det vil også være muligt at afholde forløb, hvor deltagerne ' +
          'er de unge sammen med forældre eller forældre alene. Temaerne for forløbene vil være forskellige og kan ' +
          'eksempelvis være brobygning til foreningslivet.',
        'I disse grupper får de unge mulighed for at udvide deres netværk og opbygge relationer, samtidig med at de ' +
          'eksempelvis bliver introduceret til forskellige fritidstilbud og aktiviteter, der kan styrke deres trivsel. ' +
          'Det handler om at give de unge en positiv ramme, hvor de kan lære at indgå i sunde fællesskaber, deltage ' +
          'aktivt i fritidslivet og udvikle kompetencer, der kan hjælpe dem med at navigere i ungdomslivet. Grupperne ' +
          'fungerer dermed både som et trygt rum og som en bro til foreningslivet og andre fællesskaber, der kan styrke ' +
          'de unges livskvalitet og sociale trivsel.',
        'Sideløbende med eller efter afslutningen af teenagegrupperne kan der laves individuel opfølgning, hvis det ' +
          'vurderes at være relevant. Denne opfølgning bygger på det kendskab, som den boligsociale medarbejder opnår ' +
          'til den enkelte unge gennem gruppeaktiviteterne. Individuelle indsatser kan omfatte hjælp til at finde ' +
          'fritidsaktiviteter, støtte til at tackle mobbeproblematikker, konflikthåndtering eller hjælp til at løse ' +
          'familiære udfordringer. Målet er at sikre, at hver ung får den støtte, de har brug for, og at de oplever sig ' +
          'set og hørt i deres unikke udfordringer.',
        'Når der skal planlægges et teenagegruppeforløb, vil vi have for øje, at gruppen af unge, der kan have behov ' +
          'for hjælp til at komme ind i trygge og støttende fællesskaber, ikke er begrænset til minoritetsetniske unge ' +
          'i områderne, selvom de ofte har været i fokus i både forskning og den offentlige debat. Der er også en stor ' +
          'gruppe af majoritetsetniske unge, som kan være i udsatte positioner på grund af faktorer som misbrug, ' +
          'psykisk sygdom eller kriminalitet i hjemmet («Er der behov for et øget fokus på majoritetsetniske drenge i ' +
          'udsatte boligområder?», Vidensnotat, A. Glad, K. Houmøller, J.F. Grønvad).',
        'Eksempler på tidligere teenagegrupper: I 2024 arbejdede en gruppe unge sammen om at arrangere en Grundlovsfest ' +
          'på den lokale skole, hvor de ikke blot fik mulighed for at deltage aktivt, men også lærte om samarbejde og ' +
          'ansvar i forbindelse med planlægningen. Tidligere har vi haft en debatgruppe for unge. Temaet for gruppen ' +
          'var «Let\'s talk»; her mødtes de unge og debatterede forskellige emner, blandt andet ligestilling mellem ' +
          'mænd og kvinder, danskhed, sociale medier, lokalpolitik og meget mere. Forløbet blev afholdt i samarbejde ' +
          'med Randers Bibliotek. Efter dette forløb valgte flere deltagere i samarbejde med de boligsociale ' +
          'medarbejdere at arrangere en koncert til fordel for Danmarks Indsamlingen.',
        'Arbejdet med teenagegrupper vil ske i tæt samarbejde med relevante aktører såsom Børne- og Ungecenteret, ' +
          'lokale klubber, SSP, Ungdomsskolen og foreninger. Samarbejdet skal sikre, at der skabes en sammenhængende ' +
          'indsats omkring de unge, som understøtter deres udvikling og forebygger kriminalitet og sociale ' +
          'udfordringer.',
      ].join('\n\n'),
      targetGroup: {
        text:
          `Unge fra de syv områder, der er en del af Den boligsociale Helhedsplan: ${ALL_AREAS}. Det kan eksempelvis ` +
          'være unge, der mistrives i skolen eller på anden vis står uden for fællesskabet. Denne gruppe er bred og ' +
          'inkluderer både minoritetsetniske og majoritetsetniske unge. Det er vigtigt at anerkende, at behovet for ' +
          'støtte ikke er begrænset til én specifik etnisk gruppe, men at der er mange forskellige unge, der kan drage ' +
          'nytte af et støttende fællesskab.',
        areas: [],
        institutions: [],
        schools: [],
        criteria: [
          'Eksempelvis unge, der mistrives i skolen eller på anden vis står uden for fællesskabet',
          'Både minoritetsetniske og majoritetsetniske unge',
        ],
      },
      content: [
        'Indholdet i teenagegruppeforløbene tilpasses til de behov og interesser, der er til stede blandt de unge. ' +
          'Indholdet i forløbet tilpasses den enkelte gruppe for at sikre størst mulig relevans og engagement. Uanset ' +
          'om der er behov for særligt fokus på integration i foreningslivet, styrkelse af sociale relationer eller ' +
          'fokus på personlig trivsel, vil hver gruppe få et program, der matcher deres udfordringer og ønsker.',
        'Et teenagegruppeforløb kan eksempelvis have fokus på: Foreningsliv og fællesskab – de unge introduceres til ' +
          'lokale foreninger og fritidsaktiviteter, hvor de får mulighed for at styrke deres sociale færdigheder og ' +
          'blive en del af meningsfulde fællesskaber; her fokuseres der på, hvordan de kan tage aktivt del i ' +
          'fællesskabet og få nye interesser. Træningsfællesskab og personlig udvikling – de unge træner i fællesskab ' +
          'op til at gennemføre eksempelvis et løb; aktiviteterne i grupperne vil fremme social sammenhængskraft, og ' +
          'samtidig styrkes deres evner til at samarbejde og støtte hinanden. Kulturelle og samfundsorienterede ' +
          'aktiviteter – de unge er fælles om at planlægge og afholde et arrangement, eksempelvis Grundlovsfest eller ' +
          'andre kulturelle aktiviteter, der bygger bro mellem de unge og det bredere samfund. Netværk for unge – de ' +
          'unge mødes om aktiviteter og oplæg; der er mulighed for fordybelse og samtale om det at være ung.',
        'Ovenstående er blot eksempler på indhold i gruppen. Udover forløb for unge vil det også være muligt at afholde ' +
          'forløb, hvor den unge deltager sammen med forældre, eller forløb for forældre til teenagere.',
        'Rekrutteringen til forløbene kan eksempelvis ske i et tæt samarbejde med forskellige aktører i ' +
          'lokalsamfundet, herunder skolerne, Unge- og Uddannelsesvejledningen (UU), lokale klubber samt ' +
          'SSP-samarbejdet.',
        'Hvert forløb varer ca. 8 uger, og grupperne mødes som udgangspunkt én gang om ugen. Hver gruppe består af ca. ' +
          '10 unge.',
        'Sideløbende med eller efter afslutningen af teenagegruppen kan der laves individuel opfølgning, hvis det ' +
          'vurderes nødvendigt. Denne opfølgning bygger på det kendskab, som medarbejderne opnår til den enkelte unge ' +
          'gennem gruppeaktiviteterne.',
      ].join('\n\n'),
      responsibility: 'Ansvar: Sekretariatsleder, Bysekretariatet. Rollefordeling: Bysekretariatet rekrutterer og afholder aktiviteten.',
      roles: [
        { organisation: 'Bysekretariatet', role: 'Rekrutterer og afholder aktiviteten.' },
        {
          organisation: 'Børne- og Ungecenteret, lokale klubber, SSP, Ungdomsskolen og foreninger',
          role: 'Samarbejdspartnere om en sammenhængende indsats omkring de unge.',
        },
        {
          organisation: 'Skolerne, Unge- og Uddannelsesvejledningen (UU), lokale klubber og SSP-samarbejdet',
          role: 'Kan eksempelvis indgå i rekrutteringen til forløbene.',
        },
      ],
      resources: 'Bysekretariatets timer til indsatsområdet (planen afsætter ingen timer særskilt til aktiviteten).',
      targets: [
        {
          code: 'teenagegrupper-varighed',
          measure: 'uger pr. forløb',
          kind: 'approximate',
          value: 8,
          per: 'course',
          printed: 'Hvert forløb varer ca. 8 uger',
          ref: { lines: [2700, 2700] },
        },
        {
          code: 'teenagegrupper-moeder',
          measure: 'gruppemøder pr. uge (som udgangspunkt)',
          kind: 'exact',
          value: 1,
          per: 'other',
          printed: 'grupperne mødes som udgangspunkt én gang om ugen',
          ref: { lines: [2700, 2700] },
          remarks: [{ kind: 'note', text: 'Pr. uge i forløbet.' }],
        },
        {
          code: 'teenagegrupper-deltagere',
          measure: 'unge pr. gruppe',
          kind: 'approximate',
          value: 10,
          per: 'course',
          printed: 'Hver gruppe består af ca. 10 unge.',
          ref: { lines: [2700, 2700] },
        },
      ],
      ref: { lines: [2624, 2710] },
      remarks: [
        {
          kind: 'note',
          text:
            'Planen angiver ikke, hvor mange teenagegruppeforløb der skal gennemføres om året, og heller ikke en ' +
            'aldersgrænse for «unge».',
        },
        {
          kind: 'note',
          text:
            'Afsnittet om individuel opfølgning står to gange med næsten samme ordlyd (linje 2638-2642 og 2702-2703).',
        },
      ],
    },
    {
      slug: 'fritids-og-ferieaktiviteter',
      number: 4,
      name: 'Fritidsaktiviteter – ferieaktiviteter',
      purpose: [
        'Formålet med at tilbyde børn, unge og deres familier aktiviteter i ferieperioden er at skabe et trygt og ' +
          'meningsfuldt miljø, der kan styrke den sociale sammenhængskraft og forebygge kriminalitet. I ' +
          'ferieperioder mangler mange børn og unge (og deres forældre) den struktur, som de normalt får gennem skole ' +
          'og daglige rutiner. Dette kan føre til, at de føler sig rastløse, socialt isolerede eller fristet af ' +
          'aktiviteter, der kan have negative konsekvenser, som f.eks. kriminalitet, asocial adfærd eller andet ' +
          'uhensigtsmæssigt. For at undgå disse udfordringer er det afgørende at tilbyde strukturerede og engagerende ' +
          'fritidsaktiviteter, hvor de kan være en del af sunde og positive fællesskaber.',
        'Samlet set er målet at skabe et aktivt, inkluderende og støttende miljø, der fremmer social integration, ' +
          'styrker fællesskabet og bidrager til at forebygge kriminalitet i boligområderne. Dette styrker den sociale ' +
          'sammenhængskraft i boligområderne og bidrager til at opbygge stærkere fællesskaber.',
        'De unge og deres familier vil ofte have behov for en række forskellige indsatser, hvorfor fritidsaktiviteter ' +
          'også vil fungere som en platform for rekruttering til andre boligsociale indsatser. Ved at skabe en ' +
          'forbindelse mellem fritidsaktiviteter og andre boligsociale indsatser kan vi identificere og imødekomme de ' +
          'unge og familiernes behov.',
        'Vores tilgang bygger på de erfaringer, vi har gjort os gennem de mange år, hvor vi har arbejdet med at skabe ' +
          'meningsfulde aktiviteter for børn, unge og deres familier i ferieperioderne. Vi har erfaret, at det er af ' +
          'stor betydning at tilbyde aktiviteter, der henvender sig til både familier og unge, da dette imødekommer ' +
          'forskellige behov. Når aktiviteterne inkluderer hele familien, styrkes sammenholdet, og familierne opnår ' +
          'fælles oplevelser, som kan fremme deres trivsel. Samtidig har vi set, at målrettede tilbud for unge er med ' +
          'til at udvikle sociale færdigheder og skabe relationer på egen hånd. Dette dobbelte fokus sikrer, at alle ' +
          'aldersgrupper får mulighed for at deltage i positive fællesskaber, hvilket er med til at reducere risikoen ' +
          'for social isolation og kriminalitet.',
      ].join('\n\n'),
      targetGroup: {
        text:
          `Børn, unge og deres forældre fra de syv områder, der er en del af Den boligsociale Helhedsplan: ${ALL_AREAS}. ` +
          'Familier, hvor der er sociale og/eller økonomiske barrierer, som gør det vanskeligt for dem at organisere ' +
          'og deltage i aktiviteter i forbindelse med skolernes ferier.',
        areas: [],
        institutions: [],
        schools: [],
        criteria: [
          'Familier, hvor der er sociale og/eller økonomiske barrierer, som gør det vanskeligt for dem at organisere ' +
            'og deltage i aktiviteter i forbindelse med skolernes ferier',
        ],
      },
      content: [
        'De boligsociale medarbejdere spiller en vigtig rolle i at skabe meningsfulde og inkluderende ' +
          'fritidsaktiviteter for familier og unge i boligområderne, særligt i skoleferierne. Foruden ' +
          'sommerferieaktiviteterne arrangeres der også aktiviteter i de øvrige skoleferier. Disse kan strække sig over ' +
          'flere dage og vil ofte inkludere oplevelser i nærområdet og udflugter.',
        'I samarbejde med lokale samarbejdspartnere arrangeres aktiviteter, der giver både børn, unge og deres familier ' +
          'mulighed for at deltage i sjove og sociale oplevelser i deres nærområde, som for eksempel boldspil, ' +
          'fællesspisning, aktiviteter på Nordre Fælled samt udflugter uden for boligområderne. Dette giver familier ' +
          'mulighed for at få en ferieoplevelse tæt på hjemmet uden at skulle forlade området. I tillæg til ' +
          'aktiviteterne for familierne arrangeres der også fritidsaktiviteter for teenagere uden forældre, hvilket ' +
          'giver dem mulighed for at engagere sig i sociale fællesskaber på egen hånd. Målet er at skabe variation og ' +
          'tilbyde oplevelser, som både styrker familiernes sammenhold og giver børn og unge adgang til positive ' +
          'fællesskaber. Formålet er at styrke fællesskabet, give børn og unge nye oplevelser og fremme social trivsel ' +
          'i et trygt miljø.',
        'Alt i alt bidrager de boligsociale medarbejderes indsats til at skabe et trygt og meningsfuldt miljø for børn, ' +
          'unge og deres familier i skoleferierne. Aktiviteterne styrker den sociale sammenhængskraft i boligområderne ' +
          'og forebygger ensomhed og isolation, samtidig med at de understøtter fysisk og mental trivsel for alle ' +
          'deltagere.',
        'Konkret afholdes der årligt minimum to staycations, heraf én for familier og én for de unge, i sommerferien ' +
          'samt aktiviteter i de andre skoleferier. Udover at afholde egne aktiviteter i ferierne vil Bysekretariatet ' +
          'også sørge for at formidle relevante ferietilbud til familierne.',
      ].join('\n\n'),
      responsibility:
        'Ansvar: Sekretariatsleder, Bysekretariatet. Rollefordeling: Bysekretariatet afholder aktiviteterne og ' +
        'inddrager ad hoc andre aktører.',
      roles: [
        {
          organisation: 'Bysekretariatet',
          role:
            'Afholder aktiviteterne, inddrager ad hoc andre aktører og formidler relevante ferietilbud til familierne.',
        },
      ],
      resources: 'Bysekretariatets timer til indsatsområdet (planen afsætter ingen timer særskilt til aktiviteten).',
      targets: [
        {
          code: 'ferieaktiviteter-staycations',
          measure: 'staycations i sommerferien',
          kind: 'minimum',
          min: 2,
          per: 'summer',
          printed: 'Konkret afholdes der årligt minimum to staycations, heraf én for familier og én for de unge, i sommerferien',
          ref: { lines: [2765, 2766] },
        },
        {
          code: 'ferieaktiviteter-staycation-familier',
          measure: 'staycations for familier i sommerferien',
          kind: 'minimum',
          min: 1,
          per: 'summer',
          printed: 'heraf én for familier',
          ref: { lines: [2765, 2765] },
          remarks: [{ kind: 'note', text: 'En del af de mindst to staycations.' }],
        },
        {
          code: 'ferieaktiviteter-staycation-unge',
          measure: 'staycations for unge i sommerferien',
          kind: 'minimum',
          min: 1,
          per: 'summer',
          printed: 'og én for de unge',
          ref: { lines: [2765, 2765] },
          remarks: [{ kind: 'note', text: 'En del af de mindst to staycations.' }],
        },
      ],
      ref: { lines: [2711, 2774] },
      remarks: [
        {
          kind: 'note',
          text:
            'Overskriften er «Fritidsaktiviteter – ferieaktiviteter» (linje 2711); organisationsdiagrammet kalder ' +
            'aktiviteten «Fritidsaktiviteter i boligområderne» (linje 469 og 3173).',
        },
        {
          kind: 'note',
          text: 'Aktiviteterne i de øvrige skoleferier (linje 2749 og 2765-2766) har intet antal i planen.',
        },
      ],
    },
    {
      slug: 'brobygning-til-foreningslivet',
      number: 5,
      name: 'Brobygning til foreningslivet',
      purpose: [
        'Børn og unge i udsatte boligområder deltager mindre i organiserede fritidsaktiviteter end deres jævnaldrende ' +
          'på landsplan. Det er veldokumenteret, at børn og unges idrætsdeltagelse er præget af forældrenes sociale og ' +
          'kulturelle baggrund, hvilket kommer til udtryk ved en lavere idrætsdeltagelse hos børn, hvis forældre ikke ' +
          'er i arbejde (60 %), i modsætning til børn, hvis forældre er i arbejde (85 %). Børn i Danmark, hvis ' +
          'forældre er født uden for Europa (61 %), har ligeledes en lavere idrætsdeltagelse end børn, hvis forældre ' +
          'er født i Danmark (84 %) (Tofft-Jørgensen et al., 2017; Madsen et al., 2012). CFBU videnskatalog 2023.',
        'Det kriminalpræventive aspekt er afgørende i arbejdet med at tilbyde børn og unge sunde fritidsaktiviteter. ' +
          'Når børn og unge får mulighed for at deltage i organiserede aktiviteter som sport og foreningsliv, reduceres ' +
          'risikoen for, at de trækkes ind i kriminalitet eller asocial adfærd. Fritidsaktiviteter giver børn og unge ' +
          'en struktureret og tryg ramme, hvor de kan udvikle sig personligt og socialt, samtidig med at de indgår i et ' +
          'fællesskab præget af positive værdier som samarbejde, ansvar og respekt. Ved at deltage i disse aktiviteter ' +
          'opnår de ikke blot nye venskaber og meningsfulde relationer, men udvikler også evnen til at samarbejde om ' +
          'fælles mål og opleve succeser uden for skolens kontekst.',
        'Foreningslivet er særligt værdifuldt, da det giver unge en følelse af tilhørsforhold og accept, hvilket ' +
          'styrker deres selvtillid. Når de engagerer sig i aktiviteter, som interesserer dem – hvad enten det er ' +
          'sport, musik eller kunst – kan det bidrage til at reducere risikoen for, at de påvirkes af negative miljøer, ' +
          'herunder kriminalitet. Samtidig kan det hjælpe med at mindske social isolation og skabe positive ' +
          'fællesskaber.',
        'I de seneste år har der været et tæt samarbejde mellem Bysekretariatet, Randers Kommune og andre lokale ' +
          'aktører. Dette har blandt andet været medvirkende til, at der i 2024 er startet en ny forening, Randers Nord ' +
          'IF. Etableringen af fodboldklubben Randers Nord IF har haft en positiv indvirkning på det lokale samfund i ' +
          'Randers Nord. Klubben er en del af Get2sport-initiativet, der bringer idræt tættere på beboere (børn og ' +
          'unge), som normalt ikke deltager i foreningslivet, herunder mange børn og unge fra udsatte boligområder. ' +
          'Klubben er blevet et lokalt samlingspunkt, hvor børn og unge aktivt bidrager til klubbens udvikling, hvilket ' +
          'skaber et stærkt ejerskab og ansvarsfølelse. Visionen for Randers Nord IF er at videreudvikle foreningen, ' +
          'herunder muligheden for at udvide til at tilbyde andre sportsgrene end fodbold.',
      ].join('\n\n'),
      targetGroup: {
        text:
          `Børn og unge fra: ${ALL_AREAS}. Disse børn og unge er kendetegnet ved at vokse op i familier: med ` +
          'begrænset kendskab til de lokale foreninger og deres aktiviteter samt manglende viden om, hvordan man ' +
          'tilmelder sig disse tilbud; der ikke har midlerne til at betale for kontingenter, hvilket begrænser ' +
          'børnenes muligheder for at deltage; hvor forældrene ikke altid har ressourcerne, evnen eller viljen til at ' +
          'støtte deres børns engagement i fritidsaktiviteter.',
        areas: [],
        institutions: [],
        schools: [],
        criteria: [
          'Familien har begrænset kendskab til de lokale foreninger og deres aktiviteter og mangler viden om, hvordan ' +
            'man tilmelder sig',
          'Familien har ikke midlerne til at betale for kontingenter',
          'Forældrene har ikke altid ressourcerne, evnen eller viljen til at støtte barnets engagement i ' +
            'fritidsaktiviteter',
        ],
      },
      content: [
        'Børn og unge i udsatte boligområder står over for flere barrierer, der hindrer deres deltagelse i ' +
          'fritidsaktiviteter og foreningslivet. Nogle af de største udfordringer er manglende kendskab til de lokale ' +
          'foreninger og de praktiske procedurer for tilmelding, samt økonomiske barrierer, hvor mange familier ikke ' +
          'har råd til at betale kontingent for deres børns deltagelse. Formålet med indsatsen er at mindske de nævnte ' +
          'barrierer og brobygge mellem børn og unge fra udsatte boligområder og det etablerede foreningsliv. ' +
          'Indsatsen skal sikre, at flere børn og unge får mulighed for at deltage i sunde fritidsaktiviteter.',
        'Sportscamps i skolernes ferier og brobygning til foreningslivet: I samarbejde med Kultur og Fritid ' +
          '(Get2sport) og lokale foreninger afholdes sportscamps i skolernes ferieperioder. Disse camps har til formål ' +
          'at introducere børn og unge fra boligområderne til forskellige sportsgrene og fritidsaktiviteter. ' +
          'Sportscamps kan afholdes både i boligområderne, hvor lokale foreninger inviteres til at deltage, og direkte ' +
          'i foreningernes egne faciliteter. Dette styrker forbindelsen mellem børnene og foreningslivet. Gennem ' +
          'sportscamps får børn og unge med forældre, der ikke nødvendigvis kan eller vil støtte dem i deres ' +
          'fritidsaktiviteter, en bedre forståelse af, hvad det vil sige at deltage i foreningslivet.',
        'Økonomisk støtte: En central del af brobygningsindsatsen er at sikre, at økonomiske barrierer ikke forhindrer ' +
          'børnene i at deltage i fritidsaktiviteter. Bysekretariatet støtter familierne med at søge kontingentstøtte ' +
          'gennem fonde og puljer som «Børnenes Kontor», «Broen» og «Randers FC Fonden». Denne støtte er med til at ' +
          'dække omkostningerne ved børnenes deltagelse i foreningsaktiviteter.',
        'Videreudvikling af Randers Nord IF: Randers Nord IF vil i de kommende år fortsat være under udvikling, med ' +
          'ambitioner om at udvide foreningen til at udbyde flere sportsgrene udover fodbold. Foreningen fungerer som ' +
          'en tryg base for børn og unge i Nordbyen. Samtidig er Randers Nord IF mere end blot en idrætsforening – den ' +
          'er også en platform, hvor de unge kan udvikle foreningskompetencer, lære om fællesskab og engagement og ' +
          'derfra blive hjulpet videre til andre foreninger i området, der matcher deres interesser og ambitioner. ' +
          'Gennem et tæt samarbejde mellem DIF Get2Sport-indsatsen i Randers Kommune og Bysekretariatet sikrer Randers ' +
          'Nord IF, at de unge får de bedst mulige rammer for at deltage i et aktivt fritidsliv. Foreningen er således ' +
          'både et trygt, fast tilbud for børn og unge, men også en trædesten, hvor de kan opbygge de nødvendige ' +
          'færdigheder og erfaringer, der gør det lettere for dem at engagere sig i bredere foreningsliv og andre ' +
          'sportsgrene. Dette styrker deres tilknytning til sunde fællesskaber og giver dem mulighed for en varig ' +
          'deltagelse i foreningslivet i Randers.',
        'Der samarbejdes med øvrige idrætsforeninger i området (6-8 idrætsforeninger) om at understøtte brobygning ud ' +
          'i foreningerne.',
      ].join('\n\n'),
      responsibility:
        'Ansvar: Sekretariatsleder, Bysekretariatet, og Projektleder, Kultur og Fritid, Randers Kommune. ' +
        'Rollefordeling: Kultur og Fritid (Get2Sport) arrangerer sportscamps og andre aktiviteter, som afvikles i ' +
        'samarbejde med de lokale foreninger og med deltagelse fra Bysekretariatet. Bysekretariatet hjælper forældrene ' +
        'med at søge kontingentstøtte til deres børn.',
      roles: [
        {
          organisation: 'Randers Kommune, Kultur og Fritid (Get2Sport)',
          role:
            'Arrangerer sportscamps og andre aktiviteter, som afvikles i samarbejde med de lokale foreninger og med ' +
            'deltagelse fra Bysekretariatet.',
        },
        {
          organisation: 'Bysekretariatet',
          role:
            'Deltager i sportscamps og aktiviteter; hjælper forældrene med at søge kontingentstøtte til deres børn; ' +
            'samarbejder med DIF Get2Sport om Randers Nord IF.',
        },
        {
          organisation: 'Lokale foreninger (Randers Nord IF og 6-8 øvrige idrætsforeninger i området)',
          role: 'Afvikler sportscamps og aktiviteter i samarbejde med Kultur og Fritid og understøtter brobygning.',
        },
      ],
      resources:
        'Den kommunale Get2sport-medarbejders 1040 årlige timer (linje 2398-2399) og Bysekretariatets timer til ' +
        'indsatsområdet; kontingentstøtte søges hos fonde og puljer.',
      targets: [
        {
          code: 'brobygning-idraetsforeninger',
          measure: 'øvrige idrætsforeninger i området, der samarbejdes med',
          kind: 'range',
          min: 6,
          max: 8,
          per: 'other',
          printed: 'Der samarbejdes med øvrige idrætsforeninger i området (6-8 idrætsforeninger)',
          ref: { lines: [2858, 2858] },
          remarks: [{ kind: 'note', text: 'Planen nævner ingen periode; samarbejdet er løbende.' }],
        },
      ],
      ref: { lines: [2776, 2869] },
      remarks: [
        {
          kind: 'note',
          text:
            'Planen angiver ikke et antal sportscamps eller et antal børn, der skal brobygges til foreningslivet.',
        },
      ],
    },
  ],
  ref: { lines: [2287, 2869] },
};

/**
 * The plan's section «Sammenhæng med den kommunale indsats i boligområdet» for this intervention area. The
 * InterventionArea type has no field for it, so it is kept beside the area.
 */
export const crimePreventionMunicipalContext: { text: string; ref: PlanRef; remarks: DataRemark[] } = {
  text: [
    'Generelt er dårlig trivsel, højt skolefravær, forældres kriminelle adfærd, ensomhed og anden udsathed ' +
      'risikofaktorer, der har betydning for, at børn og unge har en øget risiko for at begå kriminalitet. Disse ' +
      'risikofaktorer er i højere grad til stede hos børn og unge i helhedsplanens boligområder. VIVE har i rapporten ' +
      '«Boligsociale indsatsers bidrag til at forebygge kriminalitet i udsatte boligområder» fra 2019 dokumenteret, at ' +
      'de boligsociale indsatser generelt har gode erfaringer med at lave tidlig forebyggelse af kriminalitet i form ' +
      'af aktiviteter, der opbygger børn og unges sociale, personlige og faglige kompetencer. Det er forhold, som ' +
      'forskningslitteraturen viser, at hvis der ikke bliver arbejdet med dem, er der en større risiko for kriminel ' +
      'aktivitet. Det drejer sig eksempelvis om selvværd, motivation, tilhørsforhold, fællesskaber, trivsel og ' +
      'fritidsliv.',
    'For at forebygge ungdomskriminalitet er det derfor afgørende at være opmærksom på børn og unges trivsel. Det ' +
      'betyder også, at både familieliv, skole, fritidsliv og sociale relationer skal inddrages for at støtte barnet ' +
      'eller den unge. Hårde opdragelsesmetoder og manglende omsorg i hjemmet kan være risikofaktorer, mens en god ' +
      'skolegang og trivsel i venskaber og fritidsaktiviteter øger chancen for, at de unge undgår kriminalitet.',
    'Aktiviteterne i denne delaftale vil fungere som et vigtigt supplement til og understøttelse af den kommunale ' +
      'indsats «Et godt liv – for alle», som er Randers Kommunes overordnede politiske målsætning fra Vision 2030, ' +
      'hvor der i børne- og ungepolitikken beskrives, at børn og unge skal være en del af meningsfulde fællesskaber: ' +
      '«Alle børn og unge har brug for at indgå i positive og mangfoldige børne- og ungefællesskaber, hvor der er ' +
      'plads til alle uanset køn, etnicitet, handicap eller social baggrund. Fællesskaber med trygge relationer, hvor ' +
      'der både er plads til forskellighed og en oplevelse af sammenhørighed. Vi ved, at en aktiv deltagelse i sociale ' +
      'fællesskaber er en forudsætning for børn og unges trivsel og udvikling. Børn og unge lærer sociale ' +
      'spilleregler gennem venskaber og ved at være en del af et forpligtende og rummeligt fællesskab, hvor der er ' +
      'accept af egne og andres forskelligheder og grænser.»',
    'En afgørende faktor for at forebygge kriminalitet er, at alle unge er en del af et positivt fællesskab, også i ' +
      'deres fritid. Vi ønsker at støtte unge i at blive en aktiv deltager i fællesskaber, hvor alles trivsel og ' +
      'udvikling vægtes lige højt, og hvor der er plads til den enkelte. De boligsociale medarbejdere kan med deres ' +
      'kendskab til beboerne støtte og supplere kommunale aktiviteter, herunder fritidstilbud til unge og kommunens ' +
      'opsøgende kriminalpræventive indsatser.',
    'Tilstedeværelsen af boligsociale medarbejdere bidrager desuden til en øget følelse af tryghed for både børn, ' +
      'unge og andre beboere i boligområderne. Gennem et tæt og koordineret samarbejde mellem de boligsociale ' +
      'medarbejdere, lokale klubtilbud som Klub Nør (Ungdomsskolen), KFUM\'s klubtilbud, Bygger\'n (Børn og Skole) samt ' +
      'det lokale foreningsliv styrkes den samlede kriminalpræventive indsats i boligområderne.',
    'Det strategiske samarbejde mellem boligorganisationer, kommunen og Østjyllands Politi styrkes yderligere ved at ' +
      'fokusere på kriminalitetsudviklingen, herunder de specifikke kriminalitetstyper i boligområderne. ' +
      'Beredskabsplanen beskriver koblingen mellem politiet, SSP og Bysekretariatet i forbindelse med akutte ' +
      'situationer i områderne.',
  ].join('\n\n'),
  ref: { lines: [2404, 2441] },
  remarks: [
    {
      kind: 'ocr-uncertain',
      text: 'Klubnavnet lyder i OCR «Klub Ner» (linje 2435); det er læst som «Klub Nør».',
    },
  ],
};

/**
 * Remarks on the intervention area as a whole, which the InterventionArea type has no place for: where the texts
 * come from and what OCR left in doubt.
 */
export const crimePreventionNotes: (DataRemark & { ref: PlanRef })[] = [
  {
    kind: 'reconstructed',
    text:
      'Problemkomplekset står i højre spalte af en tospaltet side, hvis venstre spalte er slutningen af ' +
      'beskæftigelseskapitlet (Job til mor); OCR har flettet spalterne linje for linje. Teksten er skilt ud ' +
      'sætning for sætning; uvedkommende tekst (billedstøj i linje 2283, 2343 og 2345) er udeladt.',
    ref: { lines: [2283, 2348] },
  },
  {
    kind: 'ocr-uncertain',
    text:
      '«11-årige, som er glade for deres i,» (linje 2338): et ord er tabt i OCR (måske «liv» eller «skole»); det er ' +
      'gengivet som «[…]».',
    ref: { lines: [2336, 2338] },
  },
  {
    kind: 'note',
    text:
      '«For Hermann Stillingsvej-området viser fra statens parallelsamfundsdata» (linje 2299): planen mangler et ord ' +
      'efter «viser»; gengivet som «[tal]». Ligeledes mangler «er» i «at der sammenhæng» (linje 2329), gengivet som «[er]».',
    ref: { lines: [2299, 2329] },
  },
  {
    kind: 'note',
    text:
      'Delaftalen (linje 2355-2363) nævner ingen egen målformulering; som delaftalens mål er brugt planens ' +
      'beskrivelse af indsatsområdets fokus (linje 2325-2327).',
    ref: { lines: [2325, 2363] },
  },
  {
    kind: 'note',
    text:
      'Aktiviteterne er ikke nummereret i planen; numrene følger rækkefølgen i delaftalen (Brandkadet, ' +
      'Lommepengejobs, Teenagegrupper, Fritidsaktiviteter – ferieaktiviteter, Brobygning til foreningslivet). ' +
      'Organisationsdiagrammet (linje 463-471) nævner dem i en anden rækkefølge.',
    ref: { lines: [2442, 2869] },
  },
  {
    kind: 'note',
    text:
      'Centerleder af Børne- og Ungecenter er part i delaftalen, men har hverken timer eller en rolle i aktiviteterne ' +
      '(nævnes kun som samarbejdspartner i Teenagegrupper, linje 2657). Omvendt leverer Falck, boligorganisationerne ' +
      'og kommunens institutioner timer uden at være parter.',
    ref: { lines: [2355, 2402] },
  },
];
