/**
 * Implementation of {@code dev.waymark.journey}: codecs, pattern rules, the engine core and the trainer's maths.
 * Not API.
 */
package dev.waymark.journey.internal;
