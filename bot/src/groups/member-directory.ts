import type { MunicipalityRepository, ParticipantRepository } from '../people';
import type { Municipality } from '../shared/municipality';
import type { Participant } from '../shared/participant';
import { identityOfMember } from './peer-group-model';

/** The people and municipalities that invitations, calendar files and meeting updates name. */
export class MemberDirectory {
  constructor(
    private readonly participants: ParticipantRepository,
    private readonly municipalities: MunicipalityRepository,
  ) {}

  async people(memberIds: readonly string[]): Promise<Map<string, Participant>> {
    const people = new Map<string, Participant>();
    for (const memberId of new Set(memberIds)) {
      const participant = (await this.participants.get(identityOfMember(memberId)))?.value;
      if (participant) people.set(memberId, participant);
    }
    return people;
  }

  async municipalityMap(): Promise<Map<string, Municipality>> {
    return new Map((await this.municipalities.list()).map((municipality) => [municipality.id, municipality]));
  }
}
