package io.lightswitch.workflow.domain.rule;

import java.util.Collection;

/** Which flags of an environment a rule watches: one flag by key, every flag carrying a tag, or all. */
public sealed interface FlagSelector {

    boolean selects(String flagKey, Collection<String> tags);

    static FlagSelector key(String flagKey) {
        return new ByKey(flagKey);
    }

    static FlagSelector tag(String tag) {
        return new ByTag(tag);
    }

    static FlagSelector all() {
        return new AllFlags();
    }

    record ByKey(String flagKey) implements FlagSelector {
        @Override
        public boolean selects(String candidate, Collection<String> tags) {
            return flagKey != null && flagKey.equals(candidate);
        }
    }

    record ByTag(String tag) implements FlagSelector {
        @Override
        public boolean selects(String candidate, Collection<String> tags) {
            return tag != null && tags != null && tags.contains(tag);
        }
    }

    record AllFlags() implements FlagSelector {
        @Override
        public boolean selects(String candidate, Collection<String> tags) {
            return true;
        }
    }
}
