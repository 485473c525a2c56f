/**
 * The intervention area Sammenhængskraft og medborgerskab of Den boligsociale Helhedsplan for Randers 2025-29 (OCR
 * lines 2871-3088): the problem, the sub-agreement, its two sub-goals with indicators and baselines, the staff hours and
 * the activity Social vicevært.
 *
 * Lines 2936-3004 are a two-column page that OCR interleaved line by line: the indicator table and the staff hours in the
 * left column, the text on the municipal effort and the start of Social vicevært in the right. Cells are rebuilt from
 * their position and order; where a cell could not be read the indicator says so in a remark instead of guessing.
 * The plan gives the sub-agreement no goal sentence of its own, so `subAgreement.goal` is its two sub-goals' headings.
 */
import type { Baseline, DataRemark, InterventionArea } from './types.js';

const randersBolig = 'RandersBolig';
const lbfTemastatistik = "LBF's temastatistik samt data fra RandersBolig (Lejerbo indgår ikke i opgørelsen)";

const area = (slug: string, value: number, printed: string, source: string, line: number, remarks?: DataRemark[]): Baseline => ({
  scope: `area:${slug}`,
  value,
  printed,
  period: '2023',
  source,
  ref: { lines: [line, line] },
  ...(remarks ? { remarks } : {}),
});

export const cohesion: InterventionArea = {
  slug: 'sammenhaengskraft-og-medborgerskab',
  name: 'Sammenhængskraft og medborgerskab',
  ref: { lines: [2871, 3088] },
  problem:
    'Udsatte borgere har sværere forudsætninger for at deltage og indgå i samfundets fællesskaber i forhold til resten af ' +
    'befolkningen. Dels fordi de ofte er dårligere stillet sundheds- og trivselsmæssigt, dels fordi denne gruppe har færre ' +
    'sociale, kulturelle og økonomiske ressourcer. På den måde er udsathed forbundet med en ufrivillig ikke-deltagelse. Den ' +
    'boligsociale indsats kan understøtte medborgerskabet og sammenhængskraften i udsatte boligområder ved en skærpet ' +
    'opmærksomhed på de grupper, der har sværere forudsætninger for at deltage og indgå i samfundets fællesskaber. ' +
    'Medborgerskab er noget, man skal lære og praktisere, og ikke noget, man automatisk har som borger.\n\n' +
    'Sammenhængskraften i boligområderne er desuden tæt forbundet med fraflytninger af personer, herunder udsættelser. En ' +
    'hyppig udskiftning af beboerne gør det sværere at skabe tætte naboskaber og kan have indflydelse på beboernes ' +
    'stedstilknytning.\n\n' +
    'Oplevelsen af stedstilknytning kan betyde meget for beboernes lyst til at engagere sig og tage ansvar for deres ' +
    'boligområde. Boligområdernes fraflytningsprocenter lå i 2023 på mellem 11-18 procent om året. Der er desuden en klar ' +
    'tendens til, at indkomstniveauet for de tilflyttede er lavere end for de fraflyttede. Det er i Vangdalen, ' +
    'Glarbjergvej-området og Gl. Jennumparken, hvor der i mange år har været en boligsocial indsats, at fraflytningen er ' +
    'lavest, mellem 11 % og 13 %. I Sjællandsgadekvarteret, Energivej-området og Hermann Stillingsvej-området er niveauet på ' +
    '16 % og 18 %. I de almene familieboliger på landsplan var den gennemsnitlige fraflytningsprocent på 10,3 % i 2023. Høj ' +
    'kriminalitet og alvorligt psykisk syge naboer er også faktorer, der kan bidrage til en grundlæggende følelse af ' +
    'utryghed, der kan begrænse lysten til at komme ud og begå sig med andre i området eller kan føre til fraflytning.\n\n' +
    'Landsbyggefondens trygheds- og trivselsmåling fra 2023 omfatter 198 udvalgte almene boligområder, herunder de tre ' +
    'største boligområder i Randers. Målingen indeholder flere forskellige parametre, der kan påvirke sammenhængskraften og ' +
    'medborgerskabet i et område. I Gl. Jennumparken, Glarbjergvej-området og Hermann Stillingsvej-området er det henholdsvis ' +
    '52 %, 43 % og 32 % af beboerne, der grundlæggende føler sig trygge, og det gælder for 60 % af befolkningen generelt og for ' +
    '50 % i almene boligområder. Andelen af grundlæggende trygge beboere ligger på 41 % i de udvalgte 198 boligområder. Der er ' +
    'samtidig en høj andel af beboerne, der altid eller ofte savner nogen at være sammen med eller ofte føler sig isoleret. ' +
    '22 % af beboerne i både Gl. Jennumparken og Hermann Stillingsvej-området og 14 % af beboerne i Glarbjergvej-området ' +
    'svarer, at de altid eller ofte savner nogen at være sammen med. I befolkningen generelt er det 10 %, i den almene sektor ' +
    '14 % og i de 198 udvalgte boligområder 15 %. Der er ikke samme data til rådighed for de øvrige boligområder, men på en ' +
    'lang række andre parametre er graden af udsathed højere i Energivej-området og i Centrale Randers.\n\n' +
    'Der har igennem de seneste 10 år været stort fokus på forebyggelse af udsættelser i Randers, hvilket har nedbragt ' +
    'antallet af udsættelser betragteligt. Der har især været fokus på økonomisk rådgivning af beboerne, og der har været et ' +
    'tæt samarbejde mellem RandersBolig og Randers Kommunes boligsociale enhed omkring udsættelsestruede beboere med dårlig ' +
    'økonomi. Det skal fortsat have stort fokus, men samtidig er det ambitionen i højere grad også at kunne forebygge eller ' +
    'håndtere nabokonflikter og dermed øge trygheden for beboerne og sammenhængskraften i boligområderne.\n\n' +
    'Indsatsområdet styrkes derfor med ansættelsen af en social vicevært. Den sociale vicevært vil gennem sin kontakt, hjælp ' +
    'og støtte til udsatte beboere blandt andet kunne bidrage til bedre relationer mellem naboer og omgivelser, afklare ' +
    'konflikter, styrke kommunikationen og skabe en større følelse af fællesskab i området. Dette kan mindske følelsen af ' +
    'ensomhed for den enkelte beboer og medvirke til et trygt boligområde for alle. Den sociale vicevært kan desuden støtte og ' +
    'hjælpe beboere, der har svært ved at navigere i det offentlige system, eksempelvis visitere til den rette økonomiske ' +
    'rådgivning og dermed forebygge udsættelser, og kan brobygge til forskellige kommunale tilbud, såsom mestringsvejledere, ' +
    'den boligsociale enhed, SKP m.v. Den sociale vicevært kommer til at samarbejde med driften helt ude i de enkelte ' +
    'boligområder.\n\n' +
    'Helhedsplanen arbejder under øvrige delaftaler desuden bredt med at etablere netværk og engagement blandt beboerne, der ' +
    'understøtter sammenhængskraft i og ud af boligområderne.',
  subAgreement: {
    parties: ['RandersBolig', 'Randers Kommunes boligsociale enhed', 'Center for psykiatri og socialt udsatte'],
    periodStart: '2025-08-01',
    periodEnd: '2029-07-31',
    goal: 'Færre udsættelser i boligområderne. Flere tilfredse beboere.',
    ref: { lines: [2918, 2977] },
  },
  subGoals: [
    {
      code: 'sam-d1',
      text: 'Færre udsættelser i boligområderne: både færre udsættelser i alt og færre effektive udsættelser.',
      ref: { lines: [2939, 2974] },
      indicators: [
        {
          code: 'sam-1',
          name: 'Antallet af udsættelser i de 7 boligområder',
          unit: 'count',
          direction: 'lower-is-better',
          dataSource: randersBolig,
          ref: { lines: [2939, 2963] },
          remarks: [
            {
              kind: 'reconstructed',
              text:
                'Tabellen (linje 2936-2993) er flettet sammen med brødteksten i højre spalte; værdierne er sat på områderne ud ' +
                'fra rækkefølgen. Tallet 29 (linje 2958) står i kolonnen «Evt. anden baseline» under «RandersBolig (i alt ' +
                'Randers kommune)» (linje 2948-2950). Data fra Lejerbo indgår ikke (linje 2952-2953).',
            },
          ],
          baselines: [
            area('gl-jennumparken', 1, '1', randersBolig, 2945),
            area('glarbjergvej-omraadet', 9, '9', randersBolig, 2946),
            area('vangdalen', 1, '1', randersBolig, 2959),
            area('hermann-stillings-vej-omraadet', 4, '4', randersBolig, 2960),
            area('energivej-omraadet', 3, '3', randersBolig, 2961),
            area('sjaellandsgade-kvarteret', 1, '1', randersBolig, 2962),
            area('centrale-randers', 3, '3', randersBolig, 2963),
            {
              scope: 'sector',
              value: 29,
              printed: '29',
              period: '2023',
              source: randersBolig,
              ref: { lines: [2948, 2958] },
              remarks: [
                {
                  kind: 'note',
                  text: 'RandersBolig i alt i Randers Kommune (data fra Lejerbo indgår ikke), ikke hele kommunen.',
                },
              ],
            },
          ],
        },
        {
          code: 'sam-2',
          name: 'Antallet af effektive udsættelser i boligområderne',
          unit: 'count',
          direction: 'lower-is-better',
          dataSource: 'RandersBolig og Lejerbo',
          ref: { lines: [2965, 2974] },
          remarks: [
            {
              kind: 'ocr-uncertain',
              text:
                'Indikatorens navn og datakilde er stærkt forvanskede af OCR («Acr;tallétlaf eﬁgktgfe», «[{a_”derB("\'g og», ' +
                '«FIETO», linje 2965-2966) og er læst som «Antallet af effektive udsættelser» og «RandersBolig og Lejerbo». ' +
                'Kolonnen «Evt. anden baseline» kan ikke læses («% T», «ngrﬁf 40 g», linje 2965-2966), så der er ingen baseline ' +
                'ud over områderne.',
            },
            {
              kind: 'contradiction',
              text:
                'Effektive udsættelser overstiger udsættelser i alt for Energivej-området (4 effektive, linje 2970, mod 3 i alt, ' +
                'linje 2961) og Sjællandsgade-kvarteret (2 effektive, linje 2972, mod 1 i alt, linje 2962). Forskellen kan ' +
                'skyldes, at rækken for udsættelser i alt ikke medtager Lejerbo (linje 2952-2953), men det siger planen ikke.',
            },
          ],
          baselines: [
            area('gl-jennumparken', 1, '1', 'RandersBolig og Lejerbo', 2966),
            area('glarbjergvej-omraadet', 1, '1', 'RandersBolig og Lejerbo', 2967),
            area('vangdalen', 1, '1', 'RandersBolig og Lejerbo', 2968),
            area('hermann-stillings-vej-omraadet', 1, '1', 'RandersBolig og Lejerbo', 2969),
            area('energivej-omraadet', 4, '4', 'RandersBolig og Lejerbo', 2970),
            area('sjaellandsgade-kvarteret', 2, '2', 'RandersBolig og Lejerbo', 2972, [
              {
                kind: 'reconstructed',
                text:
                  'Under Sjællandsgade-kvarteret står desuden «2 (Lejerbo)» (linje 2973), formentlig effektive udsættelser i ' +
                  'Lejerbos afdeling 13 i kvarteret. Det er ikke lagt til værdien, da planen ikke siger, om de 2 indgår i de 2.',
              },
            ]),
            area('centrale-randers', 2, '2', 'RandersBolig og Lejerbo', 2974),
          ],
        },
      ],
    },
    {
      code: 'sam-d2',
      text: 'Flere tilfredse beboere: fraflytningsprocenten falder.',
      ref: { lines: [2976, 2993] },
      indicators: [
        {
          code: 'sam-3',
          name: 'Fraflytningsprocenten (eksterne flytninger)',
          unit: 'percent',
          direction: 'lower-is-better',
          dataSource: lbfTemastatistik,
          ref: { lines: [2976, 2993] },
          remarks: [
            {
              kind: 'reconstructed',
              text:
                'Om «falder» (linje 2977) hører til delmålet eller indikatoren, kan ikke ses af den fladede tabel; her står det ' +
                'i delmålet. Glarbjergvej-området er forvansket til «terguei-omrdet» (linje 2978).',
            },
            {
              kind: 'ocr-uncertain',
              text:
                'Kolonnen «Evt. anden baseline» har ud over almene familieboliger på landsplan en ulæselig celle («?g“%; ' +
                'IeletE:», linje 2978), formentlig en værdi for almene familieboliger i Randers; den er ikke medtaget. ' +
                'Datakildens sidste del er forvansket («iiﬁgigfg?ge“n», «09J1O4 indgar ik?<e i», linje 2978-2980) og læst som ' +
                '«samt data fra RandersBolig (Lejerbo indgår ikke i opgørelsen)».',
            },
          ],
          baselines: [
            area('gl-jennumparken', 12.6, '12,6 %', lbfTemastatistik, 2977),
            area('glarbjergvej-omraadet', 13.3, '13,3 %', lbfTemastatistik, 2978),
            area('vangdalen', 11.3, '11,3 %', lbfTemastatistik, 2979),
            area('hermann-stillings-vej-omraadet', 17.5, '17,5 %', lbfTemastatistik, 2980),
            area('energivej-omraadet', 16.5, '16,5 %', lbfTemastatistik, 2991),
            area('sjaellandsgade-kvarteret', 17.4, '17,4 %', lbfTemastatistik, 2992),
            area('centrale-randers', 12.5, '12,5 %', lbfTemastatistik, 2993),
            {
              scope: 'sector',
              value: 10.3,
              printed: '10,3 %',
              period: '2023',
              source: lbfTemastatistik,
              ref: { lines: [2980, 2985] },
              remarks: [{ kind: 'note', text: 'Almene familieboliger på landsplan; samme tal står i problemafsnittet (linje 2887).' }],
            },
          ],
        },
      ],
    },
  ],
  staffHours: [
    {
      organisation: 'Randers Kommune, Den boligsociale enhed',
      activity: 'social-vicevaert',
      hoursPerYear: 1924,
      printed: 'Årligt 1924 medarbejdertimer (svarende til 37 timer om ugen)',
      ref: { lines: [2995, 2997] },
    },
    {
      organisation: 'Bysekretariatet',
      activity: 'social-vicevaert',
      hoursPerYear: 1924,
      printed: 'Årligt 1924 boligsociale medarbejdertimer om året (svarende til 37 timer om ugen)',
      ref: { lines: [3003, 3004] },
      remarks: [
        {
          kind: 'note',
          text: 'Planen knytter ikke udtrykkeligt Bysekretariatets timer til Social vicevært, men det er indsatsområdets eneste aktivitet.',
        },
      ],
    },
  ],
  activities: [
    {
      slug: 'social-vicevaert',
      number: 1,
      name: 'Social vicevært',
      ref: { lines: [2970, 3088] },
      purpose:
        'Aktiviteten er bydækkende og er for alle beboere, bosiddende i lejemål under RandersBolig, men med et særligt fokus på ' +
        'beboerne i Gl. Jennumparken, Glarbjergvej-området, Vangdalen, Hermann Stillingsvej-området, Energivej-området, ' +
        'Sjællandsgade-kvarteret og Centrale Randers. Den sociale vicevært arbejder relationelt og opsøgende for at skabe stærke ' +
        'relationer til sårbare og udsatte beboere.',
      targetGroup: {
        text:
          'Den sociale viceværts vejledning er tilgængelig for alle beboere i RandersBolig, men med et særligt fokus på sårbare og ' +
          'udsatte grupper i områderne Gl. Jennumparken, Glarbjergvej-området, Sjællandsgade-kvarteret, Energivej-området, ' +
          'Vangdalen og Centrale Randers. Den sociale vicevært støtter primært voksne beboere, der ikke falder ind under de øvrige ' +
          'tilbud i helhedsplanen. Det gælder marginaliserede beboere med problemer som økonomiske udfordringer, social isolation, ' +
          'misbrug, sygdom eller ældre med særlige behov. Den sociale vicevært hjælper med at bryde isolation, skabe netværk og ' +
          'sikre kontakt til relevante sundheds- og støttetilbud. For beboere med etnisk minoritetsbaggrund hjælper den sociale ' +
          'vicevært med at bygge bro til samfundet, herunder forståelse af systemer og kulturel integration. Den sekundære ' +
          'målgruppe er de øvrige beboere, hvis trivsel og tryghed øges.',
        areas: [],
        institutions: [],
        schools: [],
        criteria: [
          'Bosiddende i lejemål under RandersBolig (aktiviteten er bydækkende)',
          'Særligt fokus på sårbare og udsatte beboere i helhedsplanens boligområder',
          'Primært voksne beboere, der ikke falder ind under de øvrige tilbud i helhedsplanen',
          'Marginaliserede beboere med fx økonomiske udfordringer, social isolation, misbrug, sygdom, eller ældre med særlige behov',
          'Beboere med etnisk minoritetsbaggrund: brobygning til samfundet',
          'Sekundær målgruppe: de øvrige beboere',
        ],
      },
      content:
        'Konkret arbejdes der med:\n' +
        'Støtte i konflikthåndtering: Den sociale vicevært støtter beboerne med at identificere, løse og forebygge konflikter. ' +
        'Gennem mægling, støtte og vejledning arbejdes der med at skabe en dialog mellem parterne og finde fælles løsninger, der ' +
        'fremmer forståelse og gensidig respekt. Formålet er at sikre et trygt boligområde, hvor beboerne føler sig trygge.\n' +
        'Brobygning til relevante tilbud: Den sociale vicevært fungerer som bindeled mellem beboerne og de sociale og ' +
        'sundhedsmæssige tilbud, de har behov for, kan facilitere kontakten og vejlede beboerne om, hvordan de kan få adgang til ' +
        'støtte og ydelser, som kan forbedre deres trivsel, så flere beboere oplever, at de ikke står alene med deres ' +
        'udfordringer, og at den nødvendige hjælp bliver tilgængelig.\n' +
        'Økonomisk vejledning: I tæt samarbejde med Randers Kommunes boligsociale enhed tilbydes individuel vejledning i ' +
        'økonomiske spørgsmål. Målet er at hjælpe beboerne med at få styr på deres økonomi, med særligt fokus på at forebygge ' +
        'potentielle udsættelser af boligen. Vejledningen sigter mod at styrke den økonomiske situation for den enkelte beboer ' +
        'og øge trivslen i boligområdet.\n\n' +
        'Den sociale vicevært arbejder tæt sammen med Randers Kommune, RandersBoligs forvaltning og ejendomsfunktionærerne i ' +
        'boligområderne, så beboerne får den rette støtte, når de har brug for det. Den individuelle støtte betyder, at den ' +
        'enkelte beboers behov bliver mødt, og der arbejdes på at skabe positive forandringer ved at styrke beboernes trivsel, ' +
        'relationer og evne til at klare hverdagens udfordringer. Den sociale vicevært arbejder opsøgende med at etablere kontakt ' +
        'til de mest udsatte og sårbare beboere, der ofte har svært ved selv at søge hjælp; ved at skabe en tillidsfuld relation ' +
        'fungerer viceværten som en tryg indgang til at identificere behov og udfordringer og spiller en central rolle i at skabe ' +
        'en mere stabil og tryg hverdag for udsatte beboere.\n\n' +
        'Gennem interventionen oplever beboerne en række positive forandringer: 1. Bedre relationer til naboer og omgivelser: ' +
        'konflikter opstår ofte på baggrund af misforståelser, social isolation eller manglende kommunikationsevner; viceværten ' +
        'støtter beboerne i at fungere bedre i relationerne til naboerne, afklarer konflikter, styrker kommunikationen og skaber ' +
        'en større følelse af fællesskab, hvilket kan mindske ensomhed og skabe et trygt boligområde for alle. 2. Forbedrede ' +
        'evner til at bo i egen bolig og øget psykisk og social trivsel: viceværten støtter beboere med psykiske eller økonomiske ' +
        'barrierer i at skabe en bedre struktur i hjemmelivet – herunder organisering af økonomien – og hjælper dem med at få den ' +
        'rette støtte, så de kan blive boende og undgå huslejerestancesager eller udsættelse. 3. Styrket forståelse af det ' +
        'offentlige system: viceværten skaber bro mellem beboerne og de offentlige instanser – fra hjælp til økonomisk støtte til ' +
        'sundhedsydelser og socialfaglig vejledning – og kobler dem til de rette instanser eller støtteforløb, hvilket kan øge ' +
        'deres selvværd, skabe mere ro i hverdagen, styrke relationerne til naboer og samfundet og give en større følelse af ' +
        'kontrol over eget liv.\n\n' +
        'Hurtig og målrettet hjælp: Den sociale vicevært er kontaktperson for henvendelser fra naboer, ejendomsfunktionærer og ' +
        'andre professionelle, der bliver opmærksomme på beboere med tegn på social eller psykisk mistrivsel, og kan rykke ud ' +
        'med kort varsel og gribe ind, før situationer udvikler sig til alvorlige kriser, så beboeren ikke havner i en ' +
        'situation, hvor udsættelse eller andre drastiske foranstaltninger bliver nødvendige.\n\n' +
        'Den sociale vicevært koordinerer løbende med ejendomsfunktionærerne og afholder halvårlige møder med ' +
        'ejendomsfunktionærer fra de syv områder, der er omfattet af den boligsociale helhedsplan. Derudover har den sociale ' +
        'vicevært faste månedlige møder med den boligsociale enhed fra Randers Kommune for at koordinere indsatsen i forhold til ' +
        'arbejdet med beboere, der er i risiko for at miste deres bolig. Den sociale vicevært har ca. 80 årlige vejledningsforløb.',
      responsibility:
        'Det overordnede ansvar for aktiviteten ligger hos sekretariatslederen i Bysekretariatet. Den sociale vicevært har ' +
        'ansvaret for at levere bred, helhedsorienteret støtte og vejledning til beboerne og for at være brobygger mellem ' +
        'beboerne og de relevante støttetilbud i tæt samarbejde med Randers Kommune og andre relevante instanser; viceværten ' +
        'sikrer, at beboerne får adgang til de nødvendige ydelser og tjenester, og hjælper med at koordinere indsatsen mellem ' +
        'aktørerne. Viceværten arbejder tæt sammen med ejendomsfunktionærerne, som har daglig kontakt med beboerne og er en ' +
        'vigtig informationskilde til at identificere beboere, der ikke selv opsøger hjælp. Den boligsociale enhed har ansvaret ' +
        'for at videregive viden fra den sociale vicevært til de relevante kommunale aktører og holder et månedligt møde med ' +
        'viceværten om beboere i huslejerestance. Boligforeningen bidrager med registrering af restancesager og ' +
        'ophævelsesskrivelser.',
      roles: [
        { organisation: 'Bysekretariatet (sekretariatslederen)', role: 'Overordnet ansvar for aktiviteten' },
        {
          organisation: 'Bysekretariatet (den sociale vicevært)',
          role:
            'Leverer bred, helhedsorienteret støtte og vejledning; brobygger til relevante støttetilbud; koordinerer mellem ' +
            'aktørerne; samarbejder tæt med ejendomsfunktionærerne',
        },
        {
          organisation: 'Randers Kommune, Den boligsociale enhed',
          role:
            'Videregiver viden fra den sociale vicevært til relevante kommunale aktører; månedligt møde med den sociale ' +
            'vicevært om koordinering af indsatsen over for beboere i huslejerestance',
        },
        { organisation: 'RandersBolig (boligforeningen)', role: 'Bidrager med registrering af restancesager og ophævelsesskrivelser' },
        {
          organisation: 'Ejendomsfunktionærerne i boligområderne',
          role: 'Informationskilde med daglig kontakt til beboerne; halvårlige møder med den sociale vicevært',
        },
      ],
      resources:
        'Den boligsociale enhed, Randers Kommune (understøttelse af aktiviteten Social vicevært): årligt 1924 medarbejdertimer ' +
        '(svarende til 37 timer om ugen). Bysekretariatet: årligt 1924 boligsociale medarbejdertimer (svarende til 37 timer om ' +
        'ugen).',
      targets: [
        {
          code: 'sv-1',
          measure: 'vejledningsforløb',
          kind: 'approximate',
          value: 80,
          per: 'plan-year',
          printed: 'ca. 80 årlige vejledningsforløb',
          ref: { lines: [3061, 3061] },
        },
        {
          code: 'sv-2',
          measure: 'møder med ejendomsfunktionærer fra de syv områder',
          kind: 'exact',
          value: 1,
          per: 'half-year',
          printed: 'halvårlige møder',
          ref: { lines: [3056, 3057] },
        },
        {
          code: 'sv-3',
          measure: 'faste møder med den boligsociale enhed fra Randers Kommune',
          kind: 'exact',
          value: 1,
          per: 'other',
          printed: 'faste månedlige møder',
          ref: { lines: [3057, 3059] },
          remarks: [{ kind: 'note', text: 'Ét møde pr. måned; typen har ingen periode «måned», så `per` er «other».' }],
        },
      ],
      remarks: [
        {
          kind: 'contradiction',
          text:
            'Formålet nævner syv fokusområder inklusive Hermann Stillingsvej-området (linje 2973-2975), mens målgruppen kun nævner ' +
            'seks og udelader Hermann Stillingsvej-området (linje 3007-3008).',
        },
        {
          kind: 'note',
          text:
            'Aktiviteten er bydækkende for alle RandersBoligs lejere, ikke kun de syv boligområder; beboere i Lejerbos afdelinger ' +
            '(i Gl. Jennumparken og Sjællandsgade-kvarteret) er ikke omfattet efter ordlyden (linje 2973, 3007).',
        },
        {
          kind: 'note',
          text:
            'Sammenhæng med den kommunale indsats (linje 2927-2967): Bysekretariatet tilbyder forebyggende og helhedsorienteret ' +
            'støtte og vejledning med det overordnede formål at forbedre både trivsel og livskvalitet for sårbare og udsatte ' +
            'voksne beboere i RandersBoligs boligområder, særligt beboere med udfordringer af social, økonomisk og/eller ' +
            'helbredsmæssig karakter, der kan gøre det vanskeligt at opretholde en stabil bolig- og livssituation, og arbejder for ' +
            'at øge trygheden i området. Tilbuddet er et supplement til den eksisterende kommunale ' +
            'indsats rettet mod sårbare og udsatte beboere; Bysekretariatet erstatter ikke kommunale tiltag, men tilføjer en ekstra ' +
            'dimension, som kan afhjælpe udfordringer, der ikke altid kan løses inden for den kommunale indsats alene. ' +
            'Bysekretariatet sikrer den enkelte beboers trivsel gennem tæt koordinering med boligforeningernes daglige drift og ' +
            'Randers Kommunes sociale indsatsområder, herunder tæt samarbejde med støtte-kontakt-personer og mestringsvejledere; et ' +
            'sammenhængende netværk mellem den sociale vicevært, boligforeningerne og kommunens sociale instanser skal sikre den ' +
            'nødvendige hjælp og en mere tryg og stabil hverdag. Huslejerestancesager håndteres løbende i tæt samarbejde med ' +
            'RandersBoligs forvaltning og Den boligsociale enhed med det mål at undgå udsættelser på grund af økonomiske ' +
            'vanskeligheder eller klager fra naboer, med vægt på en tidlig indsats, før situationerne eskalerer.',
        },
        {
          kind: 'reconstructed',
          text:
            'Linje 2936-3004 er en tospaltet side, som OCR har flettet linje for linje: formål og indhold (Støtte i ' +
            'konflikthåndtering, Brobygning, Økonomisk vejledning) står i højre spalte ved siden af indikatortabellen og ' +
            'medarbejderressourcerne.',
        },
      ],
    },
  ],
};
