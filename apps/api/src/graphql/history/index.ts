import { HistoryResolver } from './history.resolver';

/** Object history queries (HistoryService comes from HistoryModule). */
export const HISTORY_PROVIDERS = [HistoryResolver];
