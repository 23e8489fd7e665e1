package io.lightswitch.contracts.flag;

/** A flag was deleted from a project (and so from all its environments). */
public record FlagDeleted(String project, String flagKey, Actor actor, String reason) {
}
