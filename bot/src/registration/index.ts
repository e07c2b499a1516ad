/**
 * Registration with a per-municipality quota and a waitlist, pre-assignments that can be handed in,
 * and recordings of past events: cards and `ilmoittaudu`, the tab's routes, signed calendar links.
 */
export {
  registrationFeature,
  type CardButton,
  type RegistrationDeps,
  type RegistrationFeature,
  type RegistrationFeatureSettings,
} from './registration-feature';
export type { RegistrationService, SettingsInput } from './registration-service';
export type { RecordingFinder } from './recording-graph';
export { REGISTRATION_PATTERN } from './registration-actions';
