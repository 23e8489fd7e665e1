package io.lightswitch.analytics.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.junit.jupiter.api.Test;

class LatencyMergeTest {

    @Test
    void mergingStoredBytesInPlaceEqualsMergingDecodedSketches() {
        DDSketch fast = Sketches.newLatency();
        fast.accept(100, 90);
        DDSketch slow = Sketches.newLatency();
        slow.accept(1000, 10);
        DDSketch decoded = Sketches.latency(Sketches.bytes(fast));
        decoded.mergeWith(Sketches.latency(Sketches.bytes(slow)));

        DDSketch inPlace = Sketches.newLatency();
        Sketches.mergeLatency(inPlace, Sketches.bytes(fast));
        Sketches.mergeLatency(inPlace, Sketches.bytes(slow));
        Sketches.mergeLatency(inPlace, null);
        Sketches.mergeLatency(inPlace, new byte[0]);

        assertThat(inPlace.getCount()).isEqualTo(100);
        for (double q : new double[] {0.5, 0.9, 0.95, 0.99}) {
            assertThat(inPlace.getValueAtQuantile(q)).isEqualTo(decoded.getValueAtQuantile(q));
        }
    }
}
