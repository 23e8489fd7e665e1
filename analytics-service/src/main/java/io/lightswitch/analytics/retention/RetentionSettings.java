package io.lightswitch.analytics.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** How long stored data is kept; the retention job deletes what is older. */
@ConfigMapping(prefix = "lightswitch.retention")
public interface RetentionSettings {

    /** Whether the scheduler runs the retention job on this replica; it can still be called. */
    @WithDefault("true")
    boolean enabled();

    @WithName("series-10s")
    Duration series10s();

    @WithName("series-1m")
    Duration series1m();

    @WithName("series-1h")
    Duration series1h();

    /** Sessions by last activity, with their timelines and replays. */
    Duration sessions();

    /** Envelope ids of consumed messages: a redelivery older than this is no longer recognised. */
    Duration processedMessages();

    /** Span ends waiting for the other end of a cross-service call. */
    @WithDefault("10m")
    Duration spanEnds();

    /** Outbox rows once the broker confirmed them. */
    @WithDefault("1d")
    Duration publishedMessages();
}
