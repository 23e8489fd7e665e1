package io.lightswitch.workflow.domain.reaction;

/** What a consumed message came to: its effects committed, or its envelope id was already claimed. */
public enum Handled {
    PROCESSED,
    DUPLICATE
}
