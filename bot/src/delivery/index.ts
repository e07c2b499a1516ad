/** The outbox: every proactive message goes through it, within Teams' rate limits, at most once per target. */
export {
  deliveryFeature,
  instanceName,
  type DeliveryDeps,
  type DeliveryFeature,
  type DeliverySettings,
} from './delivery-feature';
export type { ConnectorGateway, Conversation, PersonResolution, TeamsUserIdLookup } from './connector-sender';
export { recipientKey, type RecipientDirectory } from './delivery-routes';
export type { SendReachView } from './delivery-contracts';
