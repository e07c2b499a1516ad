import type { Language, LocalizedText } from './i18n/language';

/** The participant roles (kohderyhmät) of the network, see DOMAIN.md. */
export const PARTICIPANT_ROLES = ['leadership', 'supervisor', 'developer', 'expert', 'elected'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ROLE_NAMES: Record<ParticipantRole, Required<LocalizedText>> = {
  leadership: {
    fi: 'Johtoryhmä ja ylin johto',
    sv: 'Ledningsgrupp och högsta ledning',
    en: 'Leadership team',
  },
  supervisor: { fi: 'Esihenkilöt', sv: 'Chefer', en: 'Supervisors' },
  developer: { fi: 'Kehittämistehtävissä toimivat', sv: 'Utvecklingspersonal', en: 'Development staff' },
  expert: {
    fi: 'Asiantuntijat ja digilähettiläät',
    sv: 'Sakkunniga och digiambassadörer',
    en: 'Experts and digital ambassadors',
  },
  elected: { fi: 'Luottamushenkilöt', sv: 'Förtroendevalda', en: 'Elected officials' },
};

/**
 * Roles in running text: `Johtoryhmä ja ylin johto, kehittämistehtävissä toimivat`. Each name is
 * capitalised as a heading on its own; in a list only the first word keeps its capital.
 */
export function roleList(roles: readonly ParticipantRole[], language: Language): string {
  return roles
    .map((role, index) => {
      const name = ROLE_NAMES[role][language];
      return index === 0 ? name : name.charAt(0).toLocaleLowerCase(language) + name.slice(1);
    })
    .join(', ');
}
