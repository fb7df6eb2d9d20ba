/**
 * Next-best-action decisioning: the action catalog with CEL eligibility rules ({@link
 * dev.waymark.decision.ActionCatalog}), the decision pipeline ({@link dev.waymark.decision.DecisionPipeline}),
 * Thompson-sampling propensities ({@link dev.waymark.decision.PropensityModel}), campaign runs and signed decision
 * bundles. Pure: no I/O, no threads, no clock; the request carries the time and a seed fixes the randomness.
 * Nothing here returns or accepts null.
 */
package dev.waymark.decision;
