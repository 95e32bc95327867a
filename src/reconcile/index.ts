/**
 * The reconciliation stage: a cluster of mentions becomes an incident with ranges,
 * best estimates, attribution, disagreements and a grade.
 */
export { harmAssessmentsOf, incidentDate, incidentId, incidentPlaces, markOutliers, reconcileIncident, reviewWarnings } from './incident.js';
export { byCategory, chooseBest, currentFigures, reconcileCategory, reconcileTolls, toClaimOut } from './tolls.js';
export type { DatedClaim, SourceFigure } from './tolls.js';
export { applyHierarchy, deriveTolls } from './hierarchy.js';
export { attribute, attributionStatus, belligerentOf, competingActors, toStanceOut } from './attribution.js';
export { findDisagreements } from './disagreements.js';
export { combatantsOnly, gradeIncident, independentSources, otherPartyLikelier } from './grade.js';
export type { SpeaksFor } from './grade.js';
