package io.lightswitch.analytics.assessment;

import io.lightswitch.analytics.detection.Metric;

/** Metric keys as stored and published, back to the detection core's metrics. */
final class Metrics {

    static final String PAGE_LOAD_PREFIX = "page_load.";
    static final String CONVERSION_PREFIX = "conversion.";

    private Metrics() {
    }

    static Metric byKey(String key) {
        return switch (key) {
            case "error_rate" -> Metric.errorRate();
            case "latency" -> Metric.latency();
            case "js_error_rate" -> Metric.jsErrorRate();
            default -> {
                if (key.startsWith(PAGE_LOAD_PREFIX)) {
                    yield Metric.pageLoad(key.substring(PAGE_LOAD_PREFIX.length()));
                }
                if (key.startsWith(CONVERSION_PREFIX)) {
                    yield Metric.conversion(key.substring(CONVERSION_PREFIX.length()));
                }
                throw new IllegalArgumentException("unknown metric " + key);
            }
        };
    }

    /** Metric tag for meters: conversion event names are user data, so they share one tag value. */
    static String tag(String key) {
        return key.startsWith(CONVERSION_PREFIX) ? "conversion" : key;
    }

    /** Metrics compared per (service, operation) slice as well as over all traffic. */
    static boolean localised(String key) {
        return key.equals("error_rate") || key.equals("latency");
    }
}
