package io.lightswitch.analytics.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SketchesTest {

    @Test
    void latencySketchesSurviveStorageAndMergeAfterwards() {
        DDSketch first = Sketches.newLatency();
        DDSketch second = Sketches.newLatency();
        for (int i = 1; i <= 1000; i++) {
            first.accept(i);
            second.accept(1000 + i);
        }
        DDSketch restored = Sketches.latency(Sketches.bytes(first));
        restored.mergeWith(Sketches.latency(Sketches.bytes(second)));
        DDSketch again = Sketches.latency(Sketches.bytes(restored));

        assertThat(again.getCount()).isEqualTo(2000);
        assertThat(again.getValueAtQuantile(0.5)).isCloseTo(1000, within(1000 * Sketches.LATENCY_RELATIVE_ACCURACY));
        assertThat(again.getValueAtQuantile(0.99)).isCloseTo(1980, within(1980 * Sketches.LATENCY_RELATIVE_ACCURACY));
    }

    @Test
    void userSketchesSurviveStorageAndUnionWithoutDoubleCounting() {
        HllSketch a = Sketches.newUsers();
        HllSketch b = Sketches.newUsers();
        for (int i = 0; i < 10_000; i++) {
            a.update("user-" + i);
            b.update("user-" + (i + 5_000));
        }
        Union union = Sketches.newUserUnion();
        Sketches.addUsers(union, Sketches.bytes(a));
        Sketches.addUsers(union, Sketches.bytes(b));
        Sketches.addUsers(union, null);

        assertThat(union.getResult().getEstimate()).isCloseTo(15_000, within(15_000 * 0.05));
        assertThat(Sketches.merged(Sketches.users(Sketches.bytes(a)), b).getEstimate())
                .isCloseTo(15_000, within(15_000 * 0.05));
    }
}
