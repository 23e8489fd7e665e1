package io.lightswitch.workflow.domain.reaction;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Runs one step per item, each after the previous one: statements of one connection never overlap. */
final class Sequence {

    private Sequence() {
    }

    static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> step.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
