import { InitialStore1764000000000 } from './1764000000000-initial-store';

export const STORE_MIGRATIONS = [InitialStore1764000000000];
