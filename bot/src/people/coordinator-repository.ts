import type { Coordinator, TeamsIdentity } from '../shared/participant';
import { escapeKey } from '../platform/storage/keys';
import { deleteIfPresent, getEntity, readAll, type TableStore } from '../platform/storage/table-store';

/** Coordinators (Kuntaliitto, FCG): partition = tenant id, row = object id, like participants. */
interface CoordinatorEntity {
  tenantId: string;
  aadObjectId: string;
  name: string;
  organisation: string;
}

export class CoordinatorRepository {
  constructor(private readonly store: TableStore) {}

  async save(coordinator: Coordinator): Promise<void> {
    const client = await this.store.table('coordinators');
    await client.upsertEntity(
      {
        partitionKey: escapeKey(coordinator.tenantId),
        rowKey: escapeKey(coordinator.aadObjectId),
        tenantId: coordinator.tenantId,
        aadObjectId: coordinator.aadObjectId,
        name: coordinator.name,
        organisation: coordinator.organisation,
      },
      'Replace',
    );
  }

  async get(identity: TeamsIdentity): Promise<Coordinator | undefined> {
    const client = await this.store.table('coordinators');
    const entity = await getEntity<CoordinatorEntity>(
      client,
      escapeKey(identity.tenantId),
      escapeKey(identity.aadObjectId),
    );
    return entity ? toCoordinator(entity) : undefined;
  }

  async delete(identity: TeamsIdentity): Promise<boolean> {
    const client = await this.store.table('coordinators');
    return deleteIfPresent(client, escapeKey(identity.tenantId), escapeKey(identity.aadObjectId));
  }

  async isCoordinator(identity: TeamsIdentity): Promise<boolean> {
    return (await this.get(identity)) !== undefined;
  }

  async list(): Promise<Coordinator[]> {
    const client = await this.store.table('coordinators');
    return readAll<CoordinatorEntity, Coordinator>(client, undefined, toCoordinator);
  }
}

function toCoordinator(entity: CoordinatorEntity): Coordinator {
  return {
    tenantId: entity.tenantId,
    aadObjectId: entity.aadObjectId,
    name: entity.name,
    organisation: entity.organisation === 'FCG' ? 'FCG' : 'Kuntaliitto',
  };
}
