/** Implementation of {@code dev.waymark.decision}: compiled rules, the stages and the bundle codec. Not API. */
package dev.waymark.decision.internal;
