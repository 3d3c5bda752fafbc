/** Small value types shared by many kinds (apimachinery meta/v1 and core/v1 helpers). */

/** A Kubernetes quantity (`100m`, `1Gi`, `2e3`); JSON may also carry a plain number. */
export type Quantity = string | number;

/** Resource name → quantity, as in `resources.requests`. */
export type ResourceList = Record<string, Quantity>;

/** intstr.IntOrString: `8080`, `"http"`, `"25%"`. */
export type IntOrString = number | string;

/** RFC 3339 timestamp as the API serializes it. */
export type Time = string;

export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

export interface LocalObjectReference {
  name?: string;
}

export interface ObjectReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  fieldPath?: string;
}

export interface TypedLocalObjectReference {
  apiGroup?: string;
  kind: string;
  name: string;
}

export interface TypedObjectReference extends TypedLocalObjectReference {
  namespace?: string;
}

/** metav1.Condition, used by newer kinds; core kinds have their own condition shapes. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown' | string;
  observedGeneration?: number;
  lastTransitionTime?: Time;
  reason?: string;
  message?: string;
}
