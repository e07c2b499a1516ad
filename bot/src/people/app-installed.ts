import { TurnContext } from 'botbuilder';
import { buildWelcomeCard } from './help-card';
import { DEFAULT_LANGUAGE } from '../shared/i18n/language';
import { messagesFor } from '../shared/i18n/messages';
import type { Clock } from '../platform/clock';
import type { TaskSupervisor } from '../platform/task-supervisor';
import { welcomeKey, type WelcomeLedger } from './welcome-ledger';
import { cardActivity, textActivity } from '../platform/teams/activities';
import type { RosterSync } from './roster-sync';
import type { TabLinks } from '../shared/tab-links';
import type { TurnPeople } from '../platform/teams/turn-people';

/**
 * The app was added. In a team: one welcome card in the channel, in the network's language,
 * naming who added the app; then the roster is read in the background. In a personal or group
 * chat: a short introduction in the reader's language. A repeated install is not welcomed twice.
 */
export class AppInstalledHandler {
  constructor(
    private readonly people: TurnPeople,
    private readonly links: TabLinks,
    private readonly roster: RosterSync,
    private readonly tasks: TaskSupervisor,
    private readonly welcomes: WelcomeLedger,
    private readonly clock: Clock,
  ) {}

  async installed(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const kind = activity.conversation.conversationType;
    const tenantId = activity.conversation.tenantId ?? '';
    const teamId = teamIdOf(context);
    const key = welcomeKey(kind, teamId, activity.conversation.id, activity.from?.aadObjectId);
    const first = await this.welcomes.firstWelcome(tenantId, key, this.clock());
    if (kind === 'channel') {
      if (first) {
        // Teams names the installer; when it does not, the roster may know them.
        const installer =
          activity.from.name || (await this.people.resolve(context)).participant?.name || undefined;
        const welcome = buildWelcomeCard(DEFAULT_LANGUAGE, installer, this.links);
        await context.sendActivity(cardActivity(welcome, messagesFor(DEFAULT_LANGUAGE).welcomeTitle));
      }
      if (teamId && tenantId) {
        const reference = TurnContext.getConversationReference(activity);
        this.tasks.run('roster sync', async () => {
          await this.roster.syncTeam(reference, teamId, tenantId);
        });
      }
      return;
    }
    if (!first) return;
    const { language } = await this.people.resolve(context);
    const m = messagesFor(language);
    await context.sendActivity(textActivity(`**${m.introTitle}**\n\n${m.introBody}`));
  }

  async uninstalled(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const key = welcomeKey(
      activity.conversation.conversationType,
      teamIdOf(context),
      activity.conversation.id,
      activity.from?.aadObjectId,
    );
    await this.welcomes.forget(activity.conversation.tenantId ?? '', key);
  }
}

function teamIdOf(context: TurnContext): string | undefined {
  return (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
}
