package io.lightswitch.workflow.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The service's own keys. Mapped under {@code lightswitch.workflow} rather than {@code lightswitch}: the
 * {@code lightswitch.admin.*} and {@code lightswitch.flag-service.*} keys belong to service-access.
 */
@ConfigMapping(prefix = "lightswitch.workflow")
public interface WorkflowConfig {

    Outbox outbox();

    ProcessedMessages processedMessages();

    Webhooks webhooks();

    FlagTags flagTags();

    interface Outbox {
        @WithDefault("200")
        int batchSize();

        /** How long published commands are kept before the hourly purge. */
        @WithDefault("7d")
        Duration retention();
    }

    interface ProcessedMessages {
        /** How long envelope ids are remembered; redeliveries come within minutes, replays within days. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Webhooks {
        /** Due deliveries one pass claims. */
        @WithDefault("20")
        int batchSize();

        @WithDefault("10s")
        Duration requestTimeout();

        /** Characters of a receiver's response kept on the action. */
        @WithDefault("2000")
        int maxResponseChars();
    }

    interface FlagTags {
        @WithDefault("60s")
        Duration ttl();

        @WithDefault("2s")
        Duration requestTimeout();
    }
}
