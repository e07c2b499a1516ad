/** Top-management peer groups: formation, meetings and invitations, RSVP, `ryhmäni`, the tab's routes. */
export { groupsFeature, type GroupsDeps, type GroupsFeature, type GroupsSettings } from './groups-feature';
export type { InvitationService } from './invitation-service';
export type { PeerGroupService } from './peer-group-service';
export { MY_GROUP_PATTERN } from './my-group-command';
