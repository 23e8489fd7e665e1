package io.lightswitch.analytics.aggregate;

/** Calls from one service to another in one minute, for one flag variant (empty: all traffic). */
public record EdgeKey(String project, String environment, long bucketStart, String flagKey, String variant,
                      String caller, String callee) {

    public static final int RESOLUTION = 60;
}
