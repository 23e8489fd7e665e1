package io.lightswitch.flag.domain.evaluation;

/** gt / gte / lt / lte between a numeric attribute (a number or a numeric string) and numbers. */
final class NumberCondition extends CompiledCondition {

    private final Comparison comparison;
    private final double[] values;

    NumberCondition(String attribute, boolean negate, Comparison comparison, double[] values) {
        super(attribute, negate);
        this.comparison = comparison;
        this.values = values;
    }

    @Override
    boolean matchesValue(Object value) {
        double number = Numbers.parse(value);
        if (Double.isNaN(number)) {
            return false;
        }
        for (double bound : values) {
            // not Double.compare, which orders -0.0 below 0.0
            int ordering = number < bound ? -1 : number > bound ? 1 : 0;
            if (comparison.holds(ordering)) {
                return true;
            }
        }
        return false;
    }
}
