package io.lightswitch.analytics.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import com.datadoghq.sketch.ddsketch.encoding.ByteArrayInput;
import com.datadoghq.sketch.ddsketch.encoding.GrowingByteArrayOutput;
import com.datadoghq.sketch.ddsketch.store.CollapsingLowestDenseStore;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.memory.Memory;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one definition of the stored sketches, so every writer and reader merges compatible ones.
 * Latency: DDSketch in milliseconds with 2% relative accuracy, collapsing its lowest bins past 1,024
 * (sub-millisecond detail goes first). Distinct users: DataSketches HLL, lgK 11 (about 2.3% error), 8 bits per slot (2 KB when full): the
 * 4-bit form halves that but costs a conversion at every union, which the intake does thousands of times.
 */
public final class Sketches {

    public static final double LATENCY_RELATIVE_ACCURACY = 0.02;
    public static final int LATENCY_MAX_BINS = 1024;
    public static final int HLL_LG_K = 11;

    private Sketches() {
    }

    public static DDSketch newLatency() {
        return DDSketches.logarithmicCollapsingLowestDense(LATENCY_RELATIVE_ACCURACY, LATENCY_MAX_BINS);
    }

    public static DDSketch latency(byte[] stored) {
        if (stored == null || stored.length == 0) {
            return newLatency();
        }
        try {
            return DDSketch.decode(ByteArrayInput.wrap(stored), () -> new CollapsingLowestDenseStore(LATENCY_MAX_BINS));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable latency sketch", e);
        }
    }

    /**
     * Merges a stored latency sketch into {@code into} without building a sketch for it first: about three
     * times faster than {@code into.mergeWith(latency(stored))}, which counts when a query merges thousands.
     */
    public static void mergeLatency(DDSketch into, byte[] stored) {
        if (stored == null || stored.length == 0) {
            return;
        }
        try {
            into.decodeAndMergeWith(ByteArrayInput.wrap(stored));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable latency sketch", e);
        }
    }

    /** The library's own compact encoding (index mapping included), which {@link #latency} reads. */
    public static byte[] bytes(DDSketch sketch) {
        GrowingByteArrayOutput output = GrowingByteArrayOutput.withDefaultInitialCapacity();
        try {
            sketch.encode(output, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a latency sketch", e);
        }
        return output.trimmedCopy();
    }

    public static HllSketch newUsers() {
        return new HllSketch(HLL_LG_K, TgtHllType.HLL_8);
    }

    public static HllSketch users(byte[] stored) {
        if (stored == null || stored.length == 0) {
            return newUsers();
        }
        return HllSketch.heapify(Memory.wrap(stored));
    }

    public static byte[] bytes(HllSketch sketch) {
        return sketch.toCompactByteArray();
    }

    /** A union of any number of stored user sketches; read its estimate with {@code getResult()}. */
    public static Union newUserUnion() {
        return new Union(HLL_LG_K);
    }

    public static void addUsers(Union union, byte[] stored) {
        if (stored != null && stored.length > 0) {
            union.update(HllSketch.heapify(Memory.wrap(stored)));
        }
    }

    public static HllSketch merged(HllSketch into, HllSketch other) {
        Union union = newUserUnion();
        union.update(into);
        union.update(other);
        return union.getResult(TgtHllType.HLL_8);
    }
}
