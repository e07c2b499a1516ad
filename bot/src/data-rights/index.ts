/** People's data rights: `omat tietoni`, export, erasure, retention purge and the audit log route. */
export { dataRightsFeature, MY_DATA_PATTERN, type DataRightsDeps } from './data-rights-feature';
