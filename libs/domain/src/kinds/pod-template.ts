import type { ObjectMeta } from '../meta/types';
import type { PodSpec } from './pod';

/** The pod a workload stamps out; metadata carries labels and annotations only. */
export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}
