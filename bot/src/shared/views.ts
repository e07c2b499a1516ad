import { municipalityName, regionName, type Municipality } from './municipality';
import { organisationName } from './organisations';
import type { Participant } from './participant';
import { EVENT_TYPE_NAMES, placeIn, type ProgrammeEvent } from './programme-event';
import { ROLE_NAMES } from './roles';
import {
  formatHelsinkiDateTime,
  formatHelsinkiRange,
  helsinkiWeekday,
  toWallClockText,
} from './i18n/helsinki-time';
import { pickText, type Language } from './i18n/language';
import type { EditableEvent, EventView, MunicipalityView, ParticipantView } from './contracts';

/** How domain objects leave the API: localized, formatted in Helsinki time, nothing internal. */

export function municipalityView(municipality: Municipality, language: Language): MunicipalityView {
  return {
    id: municipality.id,
    displayName: municipalityName(municipality, language),
    name: municipality.name,
    nameSv: municipality.nameSv ?? null,
    population: municipality.population,
    region: municipality.region,
    regionName: regionName(municipality.region, language),
    sizeClass: municipality.sizeClass,
  };
}

export { municipalityName };

export function participantView(
  participant: Participant,
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
): ParticipantView {
  const municipality = participant.municipalityId
    ? municipalities.get(participant.municipalityId)
    : undefined;
  return {
    tenantId: participant.tenantId,
    aadObjectId: participant.aadObjectId,
    name: participant.name,
    email: participant.email ?? null,
    municipalityId: participant.municipalityId ?? null,
    municipalityName: municipality ? municipalityName(municipality, language) : null,
    roles: participant.roles.map((role) => ({ id: role, name: ROLE_NAMES[role][language] })),
    language: participant.language ?? null,
    isGuest: participant.isGuest,
    active: participant.active,
  };
}

export function eventView(
  event: ProgrammeEvent,
  municipalities: ReadonlyMap<string, Municipality>,
  language: Language,
  now: Date,
): EventView {
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const municipality = event.municipalityId ? municipalities.get(event.municipalityId) : undefined;
  const dueAt = event.preAssignment?.dueAt;
  return {
    id: event.id,
    type: event.type,
    typeName: EVENT_TYPE_NAMES[event.type][language],
    title: event.title[language],
    description: event.description ? pickText(event.description, language) : null,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    when: formatHelsinkiRange(start, end, language),
    weekday: helsinkiWeekday(start, language),
    place: event.place ? placeIn(event.place, language) : null,
    onlineUrl: event.onlineUrl ?? null,
    preAssignment: event.preAssignment
      ? {
          text: pickText(event.preAssignment.text, language),
          url: event.preAssignment.url ?? null,
          dueAt: dueAt ?? null,
          dueAtText: dueAt ? formatHelsinkiDateTime(new Date(dueAt), language) : null,
        }
      : null,
    organiser: event.organiser,
    organiserName: organisationName(event.organiser, language),
    municipalityName: municipality
      ? municipalityName(municipality, language)
      : (event.municipalityId ?? null),
    inPersonQuota: event.inPersonQuota ?? null,
    isPast: event.endsAt <= now.toISOString(),
    calendarPath: `/api/programme/${encodeURIComponent(event.id)}/calendar.ics`,
  };
}

export function editableEvent(event: ProgrammeEvent, language: Language): EditableEvent {
  return {
    id: event.id,
    type: event.type,
    typeName: EVENT_TYPE_NAMES[event.type][language],
    title: { ...event.title },
    startsAt: toWallClockText(new Date(event.startsAt)),
    endsAt: toWallClockText(new Date(event.endsAt)),
    place: event.place
      ? {
          name: event.place.name,
          address: event.place.address,
          nameSv: event.place.sv?.name ?? '',
          addressSv: event.place.sv?.address ?? '',
        }
      : null,
    onlineUrl: event.onlineUrl ?? null,
    preAssignment: event.preAssignment
      ? {
          text: {
            fi: event.preAssignment.text.fi,
            sv: event.preAssignment.text.sv ?? '',
            en: event.preAssignment.text.en ?? '',
          },
          url: event.preAssignment.url ?? null,
          dueAt: event.preAssignment.dueAt ? toWallClockText(new Date(event.preAssignment.dueAt)) : null,
        }
      : null,
  };
}
