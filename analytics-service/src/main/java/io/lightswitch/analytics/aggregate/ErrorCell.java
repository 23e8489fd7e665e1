package io.lightswitch.analytics.aggregate;

import org.apache.datasketches.hll.HllSketch;

import java.time.Instant;

/** Occurrences of one error fingerprint for one flag variant within a flush. */
public final class ErrorCell {

    private final String source;
    private final String service;
    private final String errorType;
    private final String message;
    private final String topFrame;
    private final String sampleMessage;
    private final String sampleStack;
    long occurrences;
    HllSketch users;
    Instant firstSeen;
    Instant lastSeen;

    ErrorCell(String source, String service, String errorType, String message, String topFrame,
              String sampleMessage, String sampleStack) {
        this.source = source;
        this.service = service;
        this.errorType = errorType;
        this.message = message;
        this.topFrame = topFrame;
        this.sampleMessage = sampleMessage;
        this.sampleStack = sampleStack;
    }

    void occurred(Instant at, String userKey) {
        occurrences++;
        if (firstSeen == null || at.isBefore(firstSeen)) {
            firstSeen = at;
        }
        if (lastSeen == null || at.isAfter(lastSeen)) {
            lastSeen = at;
        }
        if (userKey != null) {
            if (users == null) {
                users = Sketches.newUsers();
            }
            users.update(userKey);
        }
    }

    public String source() { return source; }
    public String service() { return service; }
    public String errorType() { return errorType; }
    public String message() { return message; }
    public String topFrame() { return topFrame; }
    public String sampleMessage() { return sampleMessage; }
    public String sampleStack() { return sampleStack; }
    public long occurrences() { return occurrences; }
    public Instant firstSeen() { return firstSeen; }
    public Instant lastSeen() { return lastSeen; }

    /** Stored users merged with this flush's. */
    public byte[] usersMergedWith(byte[] stored) {
        if (users == null) {
            return stored;
        }
        return Sketches.bytes(stored == null ? users : Sketches.merged(Sketches.users(stored), users));
    }
}
