import { buildWelcomeCard } from './help-card';
import { DEFAULT_LANGUAGE, resolveLanguage } from '../shared/i18n/language';
import { messagesFor } from '../shared/i18n/messages';
import type { Clock } from '../platform/clock';
import type { TaskSupervisor } from '../platform/task-supervisor';
import { welcomeKey, type WelcomeLedger } from './welcome-ledger';
import { cardActivity, textActivity, type Turn } from '../platform/teams';
import type { RosterSync } from './roster-sync';
import type { TabLinks } from '../shared/tab-links';

/**
 * The app was added. In a team: one welcome card in the channel, in the network's language,
 * naming who added the app; then the roster is read in the background. In a personal or group
 * chat: a short introduction in the reader's language. A repeated install is not welcomed twice.
 */
export class AppInstalledHandler {
  constructor(
    private readonly links: TabLinks,
    private readonly roster: RosterSync,
    private readonly tasks: TaskSupervisor,
    private readonly welcomes: WelcomeLedger,
    private readonly clock: Clock,
    /** Messages queued before anyone was reachable go out once the roster is known. */
    private readonly reachable: () => Promise<unknown> = () => Promise.resolve(),
  ) {}

  async installed(turn: Turn): Promise<void> {
    const tenantId = turn.tenantId ?? '';
    const teamId = turn.teamId;
    const key = welcomeKey(turn.place, teamId, turn.conversationId, turn.sender.aadObjectId);
    const first = await this.welcomes.firstWelcome(tenantId, key, this.clock());
    if (turn.place === 'channel') {
      if (first) {
        // Teams names the installer; when it does not, the roster may know them.
        const installer = turn.sender.name || (await turn.person()).participant?.name || undefined;
        const welcome = buildWelcomeCard(DEFAULT_LANGUAGE, installer, this.links);
        await turn.send(cardActivity(welcome, messagesFor(DEFAULT_LANGUAGE).welcomeTitle));
      }
      if (teamId && tenantId) {
        const reference = turn.reference();
        this.tasks.run('roster sync', async () => {
          await this.roster.syncTeam(reference, teamId, tenantId);
          await this.reachable();
        });
      }
      return;
    }
    if (turn.place === 'personal') {
      this.tasks.run('retry unreachable', async () => {
        await this.reachable();
      });
    }
    if (!first) return;
    if (turn.place === 'groupChat') {
      // To everyone in the chat, in the language its client speaks, not the installer's own choice.
      const m = messagesFor(resolveLanguage(undefined, turn.locale));
      await turn.send(textActivity(`**${m.introGroupTitle}**\n\n${m.introGroupBody}`));
      return;
    }
    const { language } = await turn.person();
    const m = messagesFor(language);
    await turn.send(textActivity(`**${m.introTitle}**\n\n${m.introBody}`));
  }

  async uninstalled(turn: Turn): Promise<void> {
    const key = welcomeKey(turn.place, turn.teamId, turn.conversationId, turn.sender.aadObjectId);
    await this.welcomes.forget(turn.tenantId ?? '', key);
  }
}
