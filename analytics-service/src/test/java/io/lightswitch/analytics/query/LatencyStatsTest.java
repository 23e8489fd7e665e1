package io.lightswitch.analytics.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.lightswitch.analytics.aggregate.Sketches;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void apdexCountsSatisfiedAndHalfTheTolerating() {
        DDSketch sketch = Sketches.newLatency();
        sketch.accept(100, 60);
        sketch.accept(1000, 30);
        sketch.accept(3000, 10);

        LatencyStats.Apdex apdex = LatencyStats.apdex(sketch, 500);

        assertThat(apdex.score()).isCloseTo(0.75, within(1e-9));
        assertThat(apdex.samples()).isEqualTo(100);
        assertThat(apdex.satisfied()).isEqualTo(60);
        assertThat(apdex.tolerating()).isEqualTo(30);
        assertThat(apdex.frustrated()).isEqualTo(10);
        assertThat(LatencyStats.apdex(sketch, 2000).score()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void subMillisecondLatenciesAreSatisfied() {
        DDSketch sketch = Sketches.newLatency();
        sketch.accept(0, 5);
        sketch.accept(0.5, 5);

        assertThat(LatencyStats.apdex(sketch, 1).score()).isEqualTo(1.0);
    }

    @Test
    void noSamplesNoScore() {
        assertThat(LatencyStats.apdex(Sketches.newLatency(), 500).score()).isNull();
        assertThat(LatencyStats.apdex(null, 500).samples()).isZero();
        assertThat(LatencyStats.quantile(null, 0.5)).isNull();
    }
}
