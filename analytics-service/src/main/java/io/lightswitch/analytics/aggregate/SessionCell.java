package io.lightswitch.analytics.aggregate;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one flush learned about one session; stored by adding to the session's row. */
public final class SessionCell {

    /** One timeline entry: kind is page_load, action, js_error, custom or span. */
    public record TimelineEntry(Instant at, String kind, String name, JsonNode detail) {
    }

    public record ReplayChunk(int seq, Instant at, JsonNode events) {
    }

    private final String project;
    private final String environment;
    private final String sessionId;
    String userId;
    Instant firstSeen;
    Instant lastSeen;
    String userAgent;
    String country;
    final Map<String, String> flags = new TreeMap<>();
    long errors;
    long pageLoads;
    long actions;
    long spans;
    final List<TimelineEntry> timeline = new ArrayList<>();
    final List<ReplayChunk> replay = new ArrayList<>();

    SessionCell(String project, String environment, String sessionId) {
        this.project = project;
        this.environment = environment;
        this.sessionId = sessionId;
    }

    void seen(Instant at, String user, String agent, String countryCode, Map<String, String> flagsSeen) {
        if (firstSeen == null || at.isBefore(firstSeen)) {
            firstSeen = at;
        }
        if (lastSeen == null || at.isAfter(lastSeen)) {
            lastSeen = at;
        }
        if (user != null) {
            userId = user;
        }
        if (userAgent == null && agent != null) {
            userAgent = agent;
        }
        if (country == null && countryCode != null) {
            country = countryCode;
        }
        flags.putAll(flagsSeen);
    }

    public String project() { return project; }
    public String environment() { return environment; }
    public String sessionId() { return sessionId; }
    public String userId() { return userId; }
    public Instant firstSeen() { return firstSeen; }
    public Instant lastSeen() { return lastSeen; }
    public String userAgent() { return userAgent; }
    public String country() { return country; }
    public Map<String, String> flags() { return flags; }
    public long errors() { return errors; }
    public long pageLoads() { return pageLoads; }
    public long actions() { return actions; }
    public long spans() { return spans; }

    /** Timeline entries in time order. */
    public List<TimelineEntry> timeline() {
        timeline.sort(Comparator.comparing(TimelineEntry::at));
        return timeline;
    }

    public List<ReplayChunk> replay() {
        replay.sort(Comparator.comparingInt(ReplayChunk::seq));
        return replay;
    }
}
