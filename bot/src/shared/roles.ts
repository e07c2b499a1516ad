import type { LocalizedText } from './i18n/language';

/** The participant roles (kohderyhmät) of the network, see DOMAIN.md. */
export const PARTICIPANT_ROLES = ['leadership', 'supervisor', 'developer', 'expert', 'elected'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ROLE_NAMES: Record<ParticipantRole, Required<LocalizedText>> = {
  leadership: {
    fi: 'Johtoryhmä ja ylin johto',
    sv: 'Ledningsgrupp och högsta ledning',
    en: 'Leadership team',
  },
  supervisor: { fi: 'Esihenkilöt', sv: 'Förmän', en: 'Supervisors' },
  developer: { fi: 'Kehittämistehtävissä toimivat', sv: 'Utvecklingspersonal', en: 'Development staff' },
  expert: {
    fi: 'Asiantuntijat ja digilähettiläät',
    sv: 'Sakkunniga och digiambassadörer',
    en: 'Experts and digital ambassadors',
  },
  elected: { fi: 'Luottamushenkilöt', sv: 'Förtroendevalda', en: 'Elected officials' },
};
