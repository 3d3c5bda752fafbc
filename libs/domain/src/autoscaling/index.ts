/**
 * Pure decisions of the HorizontalPodAutoscaler controller (autoscaling/v2). The worker
 * reads the HPA, its target's scale, the target's pods and their latest usage samples,
 * calls hpaDecision with the history it kept from the previous call, and applies the
 * writes it returns.
 */
export * from './replica-calculator';
export * from './hpa-behavior';
export * from './hpa-conditions';
export * from './hpa-decision';
