package io.lightswitch.analytics.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import org.apache.datasketches.hll.HllSketch;

import java.util.HashMap;
import java.util.Map;

/**
 * The aggregate state of one series row: additive counters, sums of logarithms for the detection's
 * log-normal comparisons, and mergeable sketches for quantiles and distinct users.
 */
public final class SeriesCell {

    /** CLS is often 0; its log-normal sums use ln(cls + CLS_OFFSET). */
    public static final double CLS_OFFSET = 0.001;

    long requests;
    long errors;
    final LogSums latency = new LogSums();
    DDSketch latencySketch;
    HllSketch users;
    long exposures;
    long beacons;
    long beaconsWithJsError;
    long jsErrors;
    long actions;
    long pageLoads;
    final LogSums ttfb = new LogSums();
    final LogSums lcp = new LogSums();
    final LogSums inp = new LogSums();
    final LogSums cls = new LogSums();
    final Map<String, Long> customEvents = new HashMap<>();

    /** n, sum of ln(x) and sum of ln(x)^2 of the positive observations of one measure. */
    public static final class LogSums {
        long n;
        double sumLog;
        double sumLogSq;

        void add(double value) {
            if (value > 0 && Double.isFinite(value)) {
                double log = Math.log(value);
                n++;
                sumLog += log;
                sumLogSq += log * log;
            }
        }

        void merge(LogSums other) {
            n += other.n;
            sumLog += other.sumLog;
            sumLogSq += other.sumLogSq;
        }

        public long n() {
            return n;
        }

        public double sumLog() {
            return sumLog;
        }

        public double sumLogSq() {
            return sumLogSq;
        }

        public void set(long n, double sumLog, double sumLogSq) {
            this.n = n;
            this.sumLog = sumLog;
            this.sumLogSq = sumLogSq;
        }
    }

    public void addRequest(double latencyMs, boolean error, String userKey) {
        requests++;
        if (error) {
            errors++;
        }
        if (latencyMs >= 0 && Double.isFinite(latencyMs)) {
            latency.add(latencyMs);
            latencySketch().accept(latencyMs);
        }
        addUser(userKey);
    }

    public void addUser(String userKey) {
        if (userKey != null) {
            users().update(userKey);
        }
    }

    public void addExposure(String contextId) {
        exposures++;
        addUser(contextId);
    }

    public void addBeacon(boolean hadJsError, long jsErrorCount, long actionCount, String userKey) {
        beacons++;
        if (hadJsError) {
            beaconsWithJsError++;
        }
        jsErrors += jsErrorCount;
        actions += actionCount;
        addUser(userKey);
    }

    public void addPageLoad(Double ttfbMs, Double lcpMs, Double inpMs, Double layoutShift) {
        pageLoads++;
        if (ttfbMs != null) {
            ttfb.add(ttfbMs);
        }
        if (lcpMs != null) {
            lcp.add(lcpMs);
        }
        if (inpMs != null) {
            inp.add(inpMs);
        }
        if (layoutShift != null && layoutShift >= 0) {
            cls.add(layoutShift + CLS_OFFSET);
        }
    }

    public void addCustomEvent(String name) {
        customEvents.merge(name, 1L, Long::sum);
    }

    /** Adds another cell's state to this one. */
    public void merge(SeriesCell other) {
        requests += other.requests;
        errors += other.errors;
        latency.merge(other.latency);
        if (other.latencySketch != null && !other.latencySketch.isEmpty()) {
            latencySketch().mergeWith(other.latencySketch);
        }
        if (other.users != null && !other.users.isEmpty()) {
            users = users == null ? other.users.copy() : Sketches.merged(users, other.users);
        }
        exposures += other.exposures;
        beacons += other.beacons;
        beaconsWithJsError += other.beaconsWithJsError;
        jsErrors += other.jsErrors;
        actions += other.actions;
        pageLoads += other.pageLoads;
        ttfb.merge(other.ttfb);
        lcp.merge(other.lcp);
        inp.merge(other.inp);
        cls.merge(other.cls);
        other.customEvents.forEach((name, count) -> customEvents.merge(name, count, Long::sum));
    }

    DDSketch latencySketch() {
        if (latencySketch == null) {
            latencySketch = Sketches.newLatency();
        }
        return latencySketch;
    }

    HllSketch users() {
        if (users == null) {
            users = Sketches.newUsers();
        }
        return users;
    }

    public long requests() { return requests; }
    public long errors() { return errors; }
    public LogSums latency() { return latency; }
    public long exposures() { return exposures; }
    public long beacons() { return beacons; }
    public long beaconsWithJsError() { return beaconsWithJsError; }
    public long jsErrors() { return jsErrors; }
    public long actions() { return actions; }
    public long pageLoads() { return pageLoads; }
    public LogSums ttfb() { return ttfb; }
    public LogSums lcp() { return lcp; }
    public LogSums inp() { return inp; }
    public LogSums cls() { return cls; }
    public Map<String, Long> customEvents() { return customEvents; }

    public byte[] latencySketchBytes() {
        return latencySketch == null || latencySketch.isEmpty() ? null : Sketches.bytes(latencySketch);
    }

    public byte[] usersBytes() {
        return users == null || users.isEmpty() ? null : Sketches.bytes(users);
    }

    public double usersEstimate() {
        return users == null ? 0 : users.getEstimate();
    }

    public double latencyQuantile(double q) {
        return latencySketch == null || latencySketch.isEmpty() ? Double.NaN : latencySketch.getValueAtQuantile(q);
    }

    /** Restores the stored state of a row (the counterpart of the getters above). */
    public static SeriesCell stored(long requests, long errors, long exposures, long beacons, long beaconsWithJsError,
                                    long jsErrors, long actions, long pageLoads, byte[] latencySketch, byte[] users,
                                    Map<String, Long> customEvents) {
        SeriesCell cell = new SeriesCell();
        cell.requests = requests;
        cell.errors = errors;
        cell.exposures = exposures;
        cell.beacons = beacons;
        cell.beaconsWithJsError = beaconsWithJsError;
        cell.jsErrors = jsErrors;
        cell.actions = actions;
        cell.pageLoads = pageLoads;
        cell.latencySketch = latencySketch == null ? null : Sketches.latency(latencySketch);
        cell.users = users == null ? null : Sketches.users(users);
        cell.customEvents.putAll(customEvents);
        return cell;
    }
}
