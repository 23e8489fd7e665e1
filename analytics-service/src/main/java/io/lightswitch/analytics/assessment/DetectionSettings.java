package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.DetectionConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** The detection job's settings; the statistical ones default to {@link DetectionConfig#defaults()}. */
@ConfigMapping(prefix = "lightswitch.detection")
public interface DetectionSettings {

    /** Whether the scheduler runs passes on this replica; a pass can still be started by calling it. */
    @WithDefault("true")
    boolean enabled();

    /** Time between passes (read by the scheduler through the same key). */
    @WithDefault("10s")
    Duration interval();

    /** Coverage of the confidence sequences over all looks, 1 - alpha. */
    @WithDefault("0.99")
    double confidence();

    /** Units (requests, page views) each cohort needs before any verdict. */
    @WithName("min-samples")
    @WithDefault("100")
    long minSamples();

    /** Events (errors, conversions) both cohorts of a rate need together before any verdict. */
    @WithDefault("5")
    long minEvents();

    /** Units at which the confidence sequences are tightest. */
    @WithDefault("10000")
    long targetSamples();

    /** Past days with data a full toggle needs for a time-of-day baseline instead of the preceding window. */
    @WithDefault("3")
    int minBaselineDays();

    /** How many past days a full toggle's time-of-day baseline looks at. */
    @WithDefault("7")
    int baselineDays();

    /** The preceding-window baseline of a full toggle: this long before the change. */
    @WithDefault("1h")
    Duration precedingWindow();

    /** The longest assessment window: a flag changed longer ago is assessed over this last stretch. */
    @WithDefault("6h")
    Duration maxWindow();

    /** A flag is assessed while it had traffic this recently. */
    @WithDefault("15m")
    Duration lookback();

    /** Flags of one environment whose last changes lie this close together are ranked against each other. */
    @WithDefault("5m")
    Duration rankingWindow();

    /** Time zone of the clock times in sentences ("since 09:41:10"). */
    @WithDefault("UTC")
    ZoneId zone();

    default DetectionConfig detectionConfig() {
        return new DetectionConfig(confidence(), minSamples(), minEvents(), targetSamples(), minBaselineDays(), zone(),
                Map.of());
    }
}
