package io.lightswitch.flag.domain.model;

/** A share of a split, as a percentage (0 to 100, up to three decimals). */
public record WeightedVariant(String variant, double weight) {
}
