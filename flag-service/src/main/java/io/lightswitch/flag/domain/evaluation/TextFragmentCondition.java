package io.lightswitch.flag.domain.evaluation;

/** starts_with / ends_with / contains on the attribute's text form, case-sensitively. */
final class TextFragmentCondition extends CompiledCondition {

    enum Position { START, END, ANYWHERE }

    private final Position position;
    private final String[] fragments;

    TextFragmentCondition(String attribute, boolean negate, Position position, String[] fragments) {
        super(attribute, negate);
        this.position = position;
        this.fragments = fragments;
    }

    @Override
    boolean matchesValue(Object value) {
        String text = TextForm.of(value);
        if (text == null) {
            return false;
        }
        for (String fragment : fragments) {
            if (holds(text, fragment)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(String text, String fragment) {
        return switch (position) {
            case START -> text.startsWith(fragment);
            case END -> text.endsWith(fragment);
            case ANYWHERE -> text.contains(fragment);
        };
    }
}
