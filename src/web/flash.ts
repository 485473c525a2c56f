import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Messages shown once after a redirect (Post/Redirect/Get). The cookie carries only a key into this list, so nothing
 * a visitor sends can end up on the page.
 */
export const FLASH_MESSAGES = {
  loggedOut: 'Du er logget af.',
  userCreated: 'Brugeren er oprettet.',
  userUpdated: 'Brugeren er gemt.',
  tokenRevoked: 'API-nøglen er tilbagekaldt.',
  planSwitched: 'Du arbejder nu i den valgte plan.',
  passwordSet: 'Din adgangskode er gemt. Log ind med den nye adgangskode.',
  setupDone: 'Administratoren er oprettet. Log ind for at fortsætte.',
  planVersionSaved: 'Ændringen er gemt som en ny version.',
  planProposalCreated: 'Ændringen kræver en beslutning og er gemt som et ændringsforslag.',
  planVersionAndProposal: 'Tekstændringerne er gemt som en ny version. Ændringen af målene kræver en beslutning og er gemt som et ændringsforslag.',
  boardDecisionRecorded: 'Bestyrelsens beslutning er registreret.',
  lbfDecisionRecorded: 'Landsbyggefondens afgørelse er registreret.',
  proposalWithdrawn: 'Ændringsforslaget er trukket tilbage.',
  measurementCorrected: 'Værdien er rettet og gemt som en ny version. Den tidligere version står i historikken.',
  measurementExplained: 'Forklaringen er gemt. Værdien kan nu indgå i rapporter og på dashboards.',
  participantRegistered: 'Deltageren er registreret.',
  participantUpdated: 'Deltagerens oplysninger er gemt.',
  participantEnrolled: 'Deltageren er tilmeldt. Målgruppens fund står ved tilmeldingen.',
  enrolmentEnded: 'Tilmeldingen er afsluttet.',
  consentRecorded: 'Samtykket er registreret.',
  consentWithdrawn: 'Tilbagetrækningen af samtykket er registreret.',
  householdCreated: 'Husstanden er oprettet. Registrér eller knyt dens medlemmer.',
  householdLinked: 'Husstanden er gemt.',
  outcomeRecorded: 'Målingen er gemt.',
  outcomeUpdated: 'Målingen er rettet. Den tidligere værdi står i revisionssporet.',
  outcomeUnchanged: 'Målingen var allerede gemt med den samme værdi og kilde.',
  outcomeDeleted: 'Målingen er slettet.',
  outputReported: 'Tallet er indberettet.',
  hoursReported: 'Timerne er indberettet.',
  accessGranted: 'Adgangen er givet.',
  accessUnchanged: 'Adgangen fandtes allerede; intet er ændret.',
  accessRevoked: 'Adgangen er fjernet.',
  personErased: 'Personens data er slettet.',
  retentionRan: 'Opbevaringsjobbet har kørt. Resultatet står under «Seneste kørsel».',
  agendaSeeded: 'Dagsordenen er dannet med det, der kræver opmærksomhed.',
  agendaItemSaved: 'Dagsordenspunktet er gemt.',
  agendaItemMoved: 'Dagsordenspunktet er flyttet.',
  minutesSaved: 'Referatet er gemt.',
  decisionAdded: 'Beslutningen er skrevet i referatet.',
  actionItemAdded: 'Aktionspunktet er skrevet i referatet.',
  actionFollowedUp: 'Opfølgningen er gemt.',
  minutesPublished: 'Referatet er offentliggjort.',
  recommendationCreated: 'Indstillingen er oprettet som udkast.',
  recommendationSaved: 'Udkastet er gemt.',
  recommendationSubmitted: 'Indstillingen er indstillet til bestyrelsen.',
  recommendationDecided: 'Bestyrelsens beslutning er registreret og skrevet i referatet.',
  recommendationWithdrawn: 'Indstillingen er trukket tilbage.',
  deliveriesRequested: 'Anmodningerne er gemt. Hvad der er sendt til hvem, står ved hver organisation.',
  deliveryRemindersSent: 'Påmindelserne er behandlet. Hvad der er sendt til hvem, står ved hver organisation.',
  deliveryItemSaved: 'Beskrivelsen er gemt med tallene, som de står nu.',
  deliveryDelivered: 'Leverancen er afleveret. Tallene er gemt, som de stod ved afleveringen.',
  deliveryReopened: 'Leverancen er genåbnet, så organisationen kan rette den.',
  deliveryMilestoneSet: 'Milepælens status er gemt.',
  milestoneCreated: 'Milepælen er tilføjet milepælsplanen.',
  milestoneSaved: 'Milepælen er gemt.',
  milestoneDeleted: 'Milepælen er slettet.',
  milestoneStatusSet: 'Milepælens status er gemt.',
  reportFrozen: 'Rapporten er frosset som leveret. Udgaven ændres ikke, når data rettes bagefter.',
  incidentActivated: 'Beredskabet er aktiveret. Mødefristen er fastsat, og beredskabsgruppen indkaldes.',
  incidentConveningFailed: 'Beredskabet er aktiveret, og mødefristen er gemt, men indkaldelsen kunne ikke sendes. Se Indkaldelse, og ring til gruppen.',
  incidentLevelChanged: 'Niveauet er skiftet, og den nye mødefrist er fastsat. Beredskabsgruppen får besked.',
  incidentPoliceRecorded: 'Politiets vurdering er registreret i loggen.',
  incidentStoodDown: 'Beredskabet er afmeldt. Vurdér, om indsatsen skal evalueres.',
  crisisLogNoteAdded: 'Notatet er skrevet i loggen.',
  crisisLogCorrected: 'Rettelsen er skrevet i loggen som en ny indførsel. Den oprindelige indførsel står uændret.',
  crisisMemberAdded: 'Medlemmet er tilføjet beredskabsgruppen.',
  crisisMemberSaved: 'Medlemmet er gemt.',
  crisisMemberReplaced: 'Medlemmet er udskiftet. Efterfølgeren står nu i rollen.',
  crisisSubstituteRemoved: 'Suppleanten er fjernet fra beredskabsgruppen.',
  crisisUserLinked: 'Koblingen til brugeren er gemt.',
  crisisContactConfirmed: 'Kontaktoplysningerne er bekræftet.',
  crisisCampaignSent: 'Påmindelsen er sendt. Hvor mange der er sendt til, og hvor mange der har svaret, står under «Sendte påmindelser».',
  crisisTasksFromTemplate: 'Opgaverne fra skabelonen er oprettet i handleplanen.',
  crisisTasksUnchanged: 'Alle skabelonens opgaver fandtes allerede i handleplanen; intet er tilføjet.',
  crisisTaskAdded: 'Opgaven er tilføjet handleplanen.',
  crisisTaskSaved: 'Opgaven er gemt.',
  crisisTaskStatusSet: 'Opgavens status er gemt.',
  crisisCommunicationSuggested: 'Forslagene fra beredskabsplanen er tilføjet kommunikationsplanen som kladder. Tilpas dem, og send dem til godkendelse.',
  crisisCommunicationUnchanged: 'Alle beredskabsplanens forslag fandtes allerede i kommunikationsplanen; intet er tilføjet.',
  crisisCommunicationAdded: 'Punktet er tilføjet kommunikationsplanen som kladde.',
  crisisCommunicationSaved: 'Punktet er gemt.',
  crisisCommunicationReset: 'Punktet er gemt og sat tilbage til kladde. Det skal godkendes igen, før det sendes ud.',
  crisisCommunicationSubmitted: 'Punktet er sendt til godkendelse. Et andet medlem af beredskabsgruppen eller sekretariatet skal godkende det.',
  crisisCommunicationApproved: 'Punktet er godkendt og kan sendes ud.',
  crisisCommunicationRejected: 'Punktet er afvist. Begrundelsen står ved punktet.',
  crisisCommunicationSent: 'Punktet er markeret som udsendt.',
  crisisCommunicationDeleted: 'Punktet er slettet fra kommunikationsplanen.',
  pressContactAdded: 'Pressekontakten er tilføjet.',
  pressContactSaved: 'Pressekontakten er gemt.',
  pressContactDeleted: 'Pressekontakten er slettet.',
} as const;
export type FlashKey = keyof typeof FLASH_MESSAGES;

const COOKIE = 'helhed_flash';

export function setFlash(reply: FastifyReply, key: FlashKey): void {
  reply.setCookie(COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): string | null {
  const key = request.cookies[COOKIE];
  if (!key) return null;
  reply.clearCookie(COOKIE, { path: '/' });
  return key in FLASH_MESSAGES ? FLASH_MESSAGES[key as FlashKey] : null;
}
