package io.lightswitch.flag.domain.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Comparison a condition applies between a context attribute and its configured values. */
public enum Operator {
    /** Attribute equals one of the values (string comparison; numbers and booleans by their text). */
    @JsonProperty("equals") EQUALS,
    /** Alias of EQUALS kept for readability of list conditions ("country in [de, fr]"). */
    @JsonProperty("in") IN,
    @JsonProperty("starts_with") STARTS_WITH,
    @JsonProperty("ends_with") ENDS_WITH,
    @JsonProperty("contains") CONTAINS,
    /** Attribute matches one of the values as a Java regular expression (find, not full match). */
    @JsonProperty("matches") MATCHES,
    @JsonProperty("gt") GT,
    @JsonProperty("gte") GTE,
    @JsonProperty("lt") LT,
    @JsonProperty("lte") LTE,
    @JsonProperty("semver_eq") SEMVER_EQ,
    @JsonProperty("semver_gt") SEMVER_GT,
    @JsonProperty("semver_gte") SEMVER_GTE,
    @JsonProperty("semver_lt") SEMVER_LT,
    @JsonProperty("semver_lte") SEMVER_LTE,
    /** Attribute is an ISO-8601 instant or date (or epoch milliseconds) before the value. */
    @JsonProperty("before") BEFORE,
    @JsonProperty("after") AFTER
}
