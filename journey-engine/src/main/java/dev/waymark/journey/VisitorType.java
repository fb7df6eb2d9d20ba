package dev.waymark.journey;

/** Whether the visitor was seen before (a returning cookie, app install or loyalty card), as in the UCI data. */
public enum VisitorType {
    NEW,
    RETURNING,
    OTHER
}
