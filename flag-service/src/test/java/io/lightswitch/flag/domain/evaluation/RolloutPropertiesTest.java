package io.lightswitch.flag.domain.evaluation;

import static io.lightswitch.flag.domain.evaluation.Flags.split;
import static io.lightswitch.flag.domain.evaluation.Flags.splitFlag;
import static org.assertj.core.api.Assertions.assertThat;

import io.lightswitch.flag.domain.model.FlagConfig;
import io.lightswitch.flag.domain.model.FlagType;
import io.lightswitch.flag.domain.model.Serve;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class RolloutPropertiesTest {

    @Property(seed = "20240501")
    void growingTheFirstShareNeverTurnsAnyoneOff(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 36) String user,
                                                 @ForAll @IntRange(max = 100_000) int oneShareInThousandths,
                                                 @ForAll @IntRange(max = 100_000) int otherShareInThousandths) {
        int smaller = Math.min(oneShareInThousandths, otherShareInThousandths);
        int larger = Math.max(oneShareInThousandths, otherShareInThousandths);
        CompiledFlag before = Flags.compile(splitFlag("rollout", "salt", onShare(smaller)));
        CompiledFlag after = Flags.compile(splitFlag("rollout", "salt", onShare(larger)));

        if ("on".equals(before.evaluate(EvaluationContext.of(user)).variant())) {
            assertThat(after.evaluate(EvaluationContext.of(user)).variant()).isEqualTo("on");
        }
    }

    @Property(seed = "20240501")
    void zeroWeightVariantsNeverServeAnyone(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 36) String user,
                                           @ForAll @IntRange(min = 1, max = 99_999) int firstThousandths) {
        double first = firstThousandths / 1000.0;
        FlagConfig flag = new FlagConfig("zero-shares", FlagType.STRING,
                Map.of("never-a", "a", "first", "1", "never-b", "b", "second", "2", "never-c", "c"), "salt", 1L, true,
                "first", List.of(),
                split("never-a", 0, "first", first, "never-b", 0, "second", 100 - first, "never-c", 0), Map.of());

        assertThat(Flags.compile(flag).evaluate(EvaluationContext.of(user)).variant()).isIn("first", "second");
    }

    private static Serve onShare(int thousandths) {
        double percent = thousandths / 1000.0;
        return split("on", percent, "off", 100 - percent);
    }
}
