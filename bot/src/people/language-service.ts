import type { TeamsIdentity } from '../shared/participant';
import type { Language } from '../shared/i18n/language';
import type { ParticipantRepository } from './participant-repository';
import type { Clock } from '../platform/clock';

const LANGUAGE_WORDS: Record<string, Language> = {
  fi: 'fi',
  suomi: 'fi',
  suomeksi: 'fi',
  finska: 'fi',
  finnish: 'fi',
  sv: 'sv',
  svenska: 'sv',
  ruotsi: 'sv',
  ruotsiksi: 'sv',
  swedish: 'sv',
  en: 'en',
  english: 'en',
  englanti: 'en',
  englanniksi: 'en',
  engelska: 'en',
};

/** Reads a language name as people type it in any of the three languages. */
export function parseLanguageWord(word: string): Language | undefined {
  return LANGUAGE_WORDS[word.trim().toLowerCase()];
}

export class LanguageService {
  constructor(
    private readonly participants: ParticipantRepository,
    private readonly clock: Clock,
  ) {}

  async choose(identity: TeamsIdentity & { name?: string }, language: Language): Promise<void> {
    await this.participants.setLanguage(identity, language, this.clock());
  }
}
