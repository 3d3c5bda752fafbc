// The pure parts of object history; field-path helpers stay inside the folder.
export { LAST_APPLIED_ANNOTATION, NOISE_FIELDS, withoutNoise } from './noise';
export { objectDiff, objectYaml, type DiffOptions, type FieldChange, type ObjectDiff } from './object-diff';
export { summarizeChange, type ChangeSummary } from './change-summary';
export { describePoint, parsePointInTime, parseRevisionParam, parseTimeParam, pointFromQuery, type PointInTime } from './point-in-time';
export { parseHistoryPath, type HistoryTarget, type HistoryView } from './history-path';
