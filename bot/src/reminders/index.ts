/** Workshop reminders: plans, the scheduler, the reminder card with "I can't attend", the tab's routes. */
export {
  remindersFeature,
  type ReminderDeps,
  type ReminderSettings,
  type RemindersFeature,
} from './reminders-feature';
export type { GroupMember } from './reminder-scheduler';
export type { ReminderCardButton, ReminderCardButtons } from './reminder-card';
