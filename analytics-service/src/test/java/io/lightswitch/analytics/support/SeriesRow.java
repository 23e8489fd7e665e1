package io.lightswitch.analytics.support;

import com.datadoghq.sketch.ddsketch.DDSketch;
import io.lightswitch.analytics.aggregate.Sketches;
import java.time.Instant;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;

/** One series row built from known observations, so tests can compute what the API must answer. */
public final class SeriesRow {

    private final int resolution;
    private final Instant bucket;
    private final String project;
    private final String environment;
    private String flag = "";
    private String variant = "";
    private String service = "";
    private String operation = "";
    private long requests;
    private long errors;
    private long latencyN;
    private double latencySumLog;
    private DDSketch latency;
    private HllSketch users;
    private long exposures;
    private long beacons;
    private long beaconsJsError;
    private long jsErrors;
    private long pageLoads;
    private long actions;
    private long lcpN;
    private double lcpSumLog;
    private long inpN;
    private double inpSumLog;
    private long clsN;
    private double clsSumLog;

    private SeriesRow(int resolution, Instant bucket, String project, String environment) {
        this.resolution = resolution;
        this.bucket = bucket;
        this.project = project;
        this.environment = environment;
    }

    public static SeriesRow at(int resolution, String bucket, String project, String environment) {
        return at(resolution, Instant.parse(bucket), project, environment);
    }

    public static SeriesRow at(int resolution, Instant bucket, String project, String environment) {
        if (bucket.getEpochSecond() % resolution != 0) {
            throw new IllegalArgumentException(bucket + " is not a bucket start of " + resolution + " s");
        }
        return new SeriesRow(resolution, bucket, project, environment);
    }

    public SeriesRow flag(String flag, String variant) {
        this.flag = flag;
        this.variant = variant;
        return this;
    }

    public SeriesRow service(String service, String operation) {
        this.service = service;
        this.operation = operation;
        return this;
    }

    public SeriesRow requests(long requests, long errors) {
        this.requests += requests;
        this.errors += errors;
        return this;
    }

    /** {@code count} requests of {@code ms} each, into the sketch and the log sums. */
    public SeriesRow latency(double ms, long count) {
        if (latency == null) {
            latency = Sketches.newLatency();
        }
        latency.accept(ms, count);
        latencyN += count;
        latencySumLog += count * Math.log(ms);
        return this;
    }

    public SeriesRow users(String prefix, int first, int last) {
        if (users == null) {
            users = Sketches.newUsers();
        }
        for (int i = first; i <= last; i++) {
            users.update(prefix + i);
        }
        return this;
    }

    public SeriesRow exposures(long exposures) {
        this.exposures += exposures;
        return this;
    }

    public SeriesRow beacons(long beacons, long withJsError, long jsErrors, long pageLoads, long actions) {
        this.beacons += beacons;
        this.beaconsJsError += withJsError;
        this.jsErrors += jsErrors;
        this.pageLoads += pageLoads;
        this.actions += actions;
        return this;
    }

    public SeriesRow lcp(double ms, long count) {
        lcpN += count;
        lcpSumLog += count * Math.log(ms);
        return this;
    }

    public SeriesRow inp(double ms, long count) {
        inpN += count;
        inpSumLog += count * Math.log(ms);
        return this;
    }

    public SeriesRow cls(double cls, long count) {
        clsN += count;
        clsSumLog += count * Math.log(cls + 0.001);
        return this;
    }

    /** The same observations in another resolution's bucket, as the intake writes all three. */
    public SeriesRow copyAt(int otherResolution) {
        Instant start = Instant.ofEpochSecond(Math.floorDiv(bucket.getEpochSecond(), otherResolution) * otherResolution);
        SeriesRow copy = new SeriesRow(otherResolution, start, project, environment);
        copy.flag = flag;
        copy.variant = variant;
        copy.service = service;
        copy.operation = operation;
        copy.requests = requests;
        copy.errors = errors;
        copy.latencyN = latencyN;
        copy.latencySumLog = latencySumLog;
        copy.latency = latency == null ? null : latency.copy();
        copy.users = users == null ? null : users.copy();
        copy.exposures = exposures;
        copy.beacons = beacons;
        copy.beaconsJsError = beaconsJsError;
        copy.jsErrors = jsErrors;
        copy.pageLoads = pageLoads;
        copy.actions = actions;
        copy.lcpN = lcpN;
        copy.lcpSumLog = lcpSumLog;
        copy.inpN = inpN;
        copy.inpSumLog = inpSumLog;
        copy.clsN = clsN;
        copy.clsSumLog = clsSumLog;
        return copy;
    }

    Map<String, Object> columns() {
        String id = String.join("\u001f", String.valueOf(resolution), bucket.toString(), project, environment, flag,
                variant, service, operation);
        return Seed.row("id", id, "resolution", resolution, "bucket_start", bucket, "project", project,
                "environment", environment, "flag_key", flag, "variant", variant, "service", service,
                "operation", operation, "requests", requests, "errors", errors, "latency_n", latencyN,
                "latency_sum_log", latencySumLog, "latency_sketch", latency == null ? null : Sketches.bytes(latency),
                "users_hll", users == null ? null : Sketches.bytes(users), "exposures", exposures,
                "beacons", beacons, "beacons_js_error", beaconsJsError, "js_errors", jsErrors,
                "page_loads", pageLoads, "actions", actions, "lcp_n", lcpN, "lcp_sum_log", lcpSumLog,
                "inp_n", inpN, "inp_sum_log", inpSumLog, "cls_n", clsN, "cls_sum_log", clsSumLog);
    }
}
