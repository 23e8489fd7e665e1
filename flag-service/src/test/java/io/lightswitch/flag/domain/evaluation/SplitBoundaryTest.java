package io.lightswitch.flag.domain.evaluation;

import static io.lightswitch.flag.domain.evaluation.Flags.split;
import static io.lightswitch.flag.domain.evaluation.Flags.splitFlag;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Uses the documented vector: "user-42" falls in bucket 57751 of flag "new-checkout" with salt "s3cr3t". */
class SplitBoundaryTest {

    private static final EvaluationContext USER_42 = EvaluationContext.of("user-42");

    @Test
    void userInTheLastBucketOfAShareGetsThatShare() {
        CompiledFlag flag = Flags.compile(splitFlag("new-checkout", "s3cr3t", split("on", 57.752, "off", 42.248)));

        assertThat(flag.evaluate(USER_42).variant()).isEqualTo("on");
    }

    @Test
    void userOnAShareUpperBoundGetsTheNextShare() {
        CompiledFlag flag = Flags.compile(splitFlag("new-checkout", "s3cr3t", split("on", 57.751, "off", 42.249)));

        assertThat(flag.evaluate(USER_42).variant()).isEqualTo("off");
    }

    @Test
    void zeroShareBetweenOthersIsSkippedAtItsBound() {
        CompiledFlag flag = Flags.compile(splitFlag("new-checkout", "s3cr3t",
                split("off", 57.751, "on", 0, "off", 42.249)));

        assertThat(flag.evaluate(USER_42).variant()).isEqualTo("off");
    }
}
