/**
 * Journeys and intents: events become {@link dev.waymark.journey.Activity activities} through an
 * {@link dev.waymark.journey.ActivityMapping}, each profile has an immutable
 * {@link dev.waymark.journey.JourneyContext}, and the {@link dev.waymark.journey.JourneyEngine} evaluates declarative
 * {@link dev.waymark.journey.IntentPatterns} incrementally, asking the host for timers. The
 * {@link dev.waymark.journey.IntentModel} scores a session's purchase intent. Pure: no I/O, threads or clock; time
 * comes from events and fired timers. Nothing here returns or accepts null.
 */
package dev.waymark.journey;
