package io.lightswitch.contracts.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One browser event of a {@link RumBatch}. {@code kind} says which of the nullable fields are set:
 * <ul>
 *   <li>{@link #PAGE_LOAD}: ttfbMs, lcpMs, inpMs (milliseconds), cls (unitless), any of them null when the
 *       page did not measure it</li>
 *   <li>{@link #ACTION}: actionName, actionTarget</li>
 *   <li>{@link #JS_ERROR}: errorMessage, errorType, stack, source, line, column</li>
 *   <li>{@link #CUSTOM}: customName, customValue, customProps (a flat JSON object)</li>
 *   <li>{@link #REPLAY}: replaySeq (order of the chunk within the session), replayEvents (rrweb events)</li>
 * </ul>
 */
public record RumEvent(
        String kind,
        Instant at,
        Double ttfbMs,
        Double lcpMs,
        Double inpMs,
        Double cls,
        String actionName,
        String actionTarget,
        String errorMessage,
        String errorType,
        String stack,
        String source,
        Integer line,
        Integer column,
        String customName,
        Double customValue,
        JsonNode customProps,
        Integer replaySeq,
        JsonNode replayEvents) {

    public static final String PAGE_LOAD = "page_load";
    public static final String ACTION = "action";
    public static final String JS_ERROR = "js_error";
    public static final String CUSTOM = "custom";
    public static final String REPLAY = "replay";

    public static RumEvent pageLoad(Instant at, Double ttfbMs, Double lcpMs, Double inpMs, Double cls) {
        return new RumEvent(PAGE_LOAD, at, ttfbMs, lcpMs, inpMs, cls,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static RumEvent action(Instant at, String name, String target) {
        return new RumEvent(ACTION, at, null, null, null, null,
                name, target, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static RumEvent jsError(Instant at, String message, String errorType, String stack, String source,
                                   Integer line, Integer column) {
        return new RumEvent(JS_ERROR, at, null, null, null, null,
                null, null, message, errorType, stack, source, line, column, null, null, null, null, null);
    }

    public static RumEvent custom(Instant at, String name, Double value, JsonNode props) {
        return new RumEvent(CUSTOM, at, null, null, null, null,
                null, null, null, null, null, null, null, null, name, value, props, null, null);
    }

    public static RumEvent replay(Instant at, int seq, JsonNode rrwebEvents) {
        return new RumEvent(REPLAY, at, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, seq, rrwebEvents);
    }
}
