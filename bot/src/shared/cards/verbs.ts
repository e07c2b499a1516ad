/**
 * `Action.Execute` verbs, shared by the card templates (passed in as data) and the handlers that
 * serve them, so the two cannot drift apart.
 */
export const VERBS = {
  setLanguage: 'digiverkosto.language.set',
  eraseMyDataAsk: 'digiverkosto.myData.erase.ask',
  eraseMyDataConfirm: 'digiverkosto.myData.erase.confirm',
  eraseMyDataCancel: 'digiverkosto.myData.erase.cancel',
  cannotAttend: 'digiverkosto.reminder.cannotAttend',
  canAttendAfterAll: 'digiverkosto.reminder.canAttendAfterAll',
  reminderCalendar: 'digiverkosto.reminder.calendar',
  rsvp: 'digiverkosto.groups.rsvp',
  pollShow: 'digiverkosto.poll.show',
  pollEdit: 'digiverkosto.poll.edit',
  pollAnswer: 'digiverkosto.poll.answer',
  pollSummary: 'digiverkosto.poll.summary',
  surveyShow: 'digiverkosto.survey.show',
  surveyAnswer: 'digiverkosto.survey.answer',
  surveyStatus: 'digiverkosto.survey.status',
  roadmapTargetsSave: 'digiverkosto.roadmap.targets.save',
  roadmapTargetsShow: 'digiverkosto.roadmap.targets.show',
  roadmapCheckIn: 'digiverkosto.roadmap.checkIn',
  registrationShow: 'digiverkosto.registration.show',
  registrationRegister: 'digiverkosto.registration.register',
  registrationCancel: 'digiverkosto.registration.cancel',
  registrationOffer: 'digiverkosto.registration.offer',
  registrationTransfer: 'digiverkosto.registration.transfer',
  preAssignmentOpen: 'digiverkosto.preAssignment.open',
  preAssignmentHandIn: 'digiverkosto.preAssignment.handIn',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
