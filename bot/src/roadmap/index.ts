/**
 * The digital roadmap (digitiekartta): each municipality's baseline (from the staff survey),
 * target levels, goals, actions and follow-up, the network view and the board's summary document.
 */
export { roadmapFeature, type RoadmapDeps, type RoadmapSettings } from './roadmap-feature';
export type { RoadmapService } from './roadmap-service';
export { ROADMAP_PATTERN } from './roadmap-teams';
export { roadmapIdOf, type Roadmap, type RoadmapPhase, type ActionStatus, type Quarter } from './roadmap';
