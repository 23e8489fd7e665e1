package io.lightswitch.analytics.bench;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.lightswitch.analytics.aggregate.Sketches;
import org.apache.datasketches.hll.HllSketch;

import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * Prints, for the query benchmark's seed, one latency sketch and one users sketch per resolution as the
 * intake would have written them at 100 requests/s per variant: "resolution latency-hex users-hex".
 */
public final class QuerySeedSketches {

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(7);
        for (int resolution : new int[]{10, 60, 3600}) {
            DDSketch latency = Sketches.newLatency();
            HllSketch users = Sketches.newUsers();
            int requests = 100 * resolution;
            for (int i = 0; i < requests; i++) {
                latency.accept(Math.exp(3 + random.nextGaussian() * 0.5));
                users.update("user-" + random.nextInt(Math.min(requests, 20_000)));
            }
            System.out.println(resolution + " " + HexFormat.of().formatHex(Sketches.bytes(latency)) + " "
                    + HexFormat.of().formatHex(Sketches.bytes(users)));
        }
    }
}
