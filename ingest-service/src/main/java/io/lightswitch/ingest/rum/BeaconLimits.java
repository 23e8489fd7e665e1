package io.lightswitch.ingest.rum;

/**
 * Bounds on what one beacon may carry. Free text over its limit is truncated (an error stays useful
 * without the tail of its stack); identifiers over {@link #maxIdChars} reject the beacon, because a
 * shortened id would join the wrong session or user.
 */
public record BeaconLimits(
        int maxEvents,
        int maxFlags,
        int maxIdChars,
        int maxUrlChars,
        int maxMessageChars,
        int maxStackChars,
        int maxTextChars,
        int maxCustomProps,
        int maxReplayBytes) {

    public static final int DEFAULT_MAX_REPLAY_BYTES = 256 * 1024;

    public BeaconLimits {
        if (maxEvents < 1 || maxFlags < 0 || maxIdChars < 1 || maxUrlChars < 1 || maxMessageChars < 1
                || maxStackChars < 1 || maxTextChars < 1 || maxCustomProps < 0 || maxReplayBytes < 1) {
            throw new IllegalArgumentException("beacon limits must be positive");
        }
    }

    public static BeaconLimits defaults() {
        return new BeaconLimits(200, 100, 256, 2048, 2048, 16384, 1024, 50, DEFAULT_MAX_REPLAY_BYTES);
    }

    public BeaconLimits withMaxReplayBytes(int bytes) {
        return new BeaconLimits(maxEvents, maxFlags, maxIdChars, maxUrlChars, maxMessageChars, maxStackChars,
                maxTextChars, maxCustomProps, bytes);
    }

    public BeaconLimits withMaxEvents(int events) {
        return new BeaconLimits(events, maxFlags, maxIdChars, maxUrlChars, maxMessageChars, maxStackChars,
                maxTextChars, maxCustomProps, maxReplayBytes);
    }
}
