import { defineMessages, useMessages } from '../../i18n';
import { useMe } from '../../session';
import { GroupFormationPanel } from './group-formation-panel';
import { MyGroupsPanel } from './my-groups-panel';
import { useGroupStyles } from './styles';

const messages = defineMessages({
  fi: {
    heading: 'Vertaisryhmät',
    intro: 'Ylimmän johdon vertaiskeskustelut pienryhmissä kunkin kehittämispajan jälkeen.',
  },
  sv: {
    heading: 'Kamratgrupper',
    intro: 'Kamratsamtal för högsta ledningen i små grupper efter varje utvecklingsverkstad.',
  },
  en: {
    heading: 'Peer groups',
    intro: 'Top-management peer discussions in small groups after each development workshop.',
  },
});

/** Peer groups: everyone sees their own groups; coordinators also form the groups and send invitations. */
export default function PeerGroupsView() {
  const t = useMessages(messages);
  const me = useMe();
  const styles = useGroupStyles();
  return (
    <section aria-labelledby="peer-groups-heading">
      <h1 id="peer-groups-heading" className={styles.heading}>
        {t.heading}
      </h1>
      <p className={styles.muted}>{t.intro}</p>
      <MyGroupsPanel />
      {me.isCoordinator && <GroupFormationPanel />}
    </section>
  );
}
