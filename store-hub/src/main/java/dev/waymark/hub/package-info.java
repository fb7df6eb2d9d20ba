/**
 * The store hub: one per store, an embedded HiveMQ CE broker for the store's kiosks with our extension (mutual TLS
 * identities, per-device topic permissions, the hub outbox that acknowledges a kiosk only after its SQLite commit)
 * and a bridge that forwards the outbox to the cloud broker and brings actions, commands and the decision bundle
 * back down. Start one with {@link dev.waymark.hub.StoreHub#start}; configure it with
 * {@link dev.waymark.hub.HubSettings}. Everything else lives in {@code dev.waymark.hub.internal}.
 */
package dev.waymark.hub;
