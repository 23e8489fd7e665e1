package io.lightswitch.contracts.flag;

/**
 * Who made a change. {@code kind} is one of {@link #USER}, {@link #API_KEY}, {@link #RULE},
 * {@link #SCHEDULE}, {@link #PROVIDER}; {@code id} identifies it within its kind (a token id, a rule id,
 * a provider name); {@code name} is for people.
 */
public record Actor(String kind, String id, String name) {
    public static final String USER = "user";
    public static final String API_KEY = "api-key";
    public static final String RULE = "rule";
    public static final String SCHEDULE = "schedule";
    public static final String PROVIDER = "provider";
}
