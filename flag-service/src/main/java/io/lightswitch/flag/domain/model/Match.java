package io.lightswitch.flag.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a list of conditions combines. */
public enum Match {
    @JsonProperty("all") ALL,
    @JsonProperty("any") ANY
}
