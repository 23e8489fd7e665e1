package io.lightswitch.analytics.detection.verdict;

public enum Status { HEALTHY, DEGRADED, IMPROVED, INSUFFICIENT_DATA }
