package io.lightswitch.contracts.flag;

/** A project's segment was created, updated or deleted; flags that use it evaluate differently. */
public record SegmentChanged(String project, String segmentKey, String change, Actor actor) {
}
