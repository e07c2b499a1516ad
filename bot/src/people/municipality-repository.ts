import type { TableEntityResult } from '@azure/data-tables';
import {
  MUNICIPALITY_SIZE_CLASSES,
  type Municipality,
  type MunicipalitySizeClass,
  sizeClassFor,
} from '../shared/municipality';
import { escapeKey, unescapeKey } from '../platform/storage/keys';
import { getEntity, readAll, type TableStore } from '../platform/storage/table-store';

/** Municipalities: one partition (a few hundred rows at most), row = municipality id. */
const PARTITION = 'municipality';

interface MunicipalityEntity {
  name: string;
  nameSv?: string;
  nameEn?: string;
  population: number;
  region: string;
  sizeClass: string;
}

export class MunicipalityRepository {
  constructor(private readonly store: TableStore) {}

  async save(municipality: Municipality): Promise<void> {
    const client = await this.store.table('municipalities');
    await client.upsertEntity(
      {
        partitionKey: PARTITION,
        rowKey: escapeKey(municipality.id),
        name: municipality.name,
        ...(municipality.nameSv ? { nameSv: municipality.nameSv } : {}),
        ...(municipality.nameEn ? { nameEn: municipality.nameEn } : {}),
        population: municipality.population,
        region: municipality.region,
        sizeClass: municipality.sizeClass,
      },
      'Replace',
    );
  }

  async get(id: string): Promise<Municipality | undefined> {
    const client = await this.store.table('municipalities');
    const entity = await getEntity<MunicipalityEntity>(client, PARTITION, escapeKey(id));
    return entity ? toMunicipality(id, entity) : undefined;
  }

  async list(): Promise<Municipality[]> {
    const client = await this.store.table('municipalities');
    const all = await readAll<MunicipalityEntity & { rowKey?: string }, Municipality>(
      client,
      undefined,
      (entity) => toMunicipality(unescapeKey(entity.rowKey ?? ''), entity),
    );
    return all.sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  }
}

function isSizeClass(value: string): value is MunicipalitySizeClass {
  return (MUNICIPALITY_SIZE_CLASSES as readonly string[]).includes(value);
}

function toMunicipality(
  id: string,
  entity: MunicipalityEntity | TableEntityResult<MunicipalityEntity>,
): Municipality {
  return {
    id,
    name: entity.name,
    ...(entity.nameSv ? { nameSv: entity.nameSv } : {}),
    ...(entity.nameEn ? { nameEn: entity.nameEn } : {}),
    population: entity.population,
    region: entity.region,
    sizeClass: isSizeClass(entity.sizeClass) ? entity.sizeClass : sizeClassFor(entity.population),
  };
}
