package io.lightswitch.ingest.rum;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which browser origins may send beacons for one environment. Entries are exact origins
 * ({@code https://www.shop.example}, {@code http://localhost:3000}), {@code *} for any origin, or a
 * wildcard subdomain ({@code https://*.shop.example}: any depth of subdomain, not the apex). Scheme and
 * port must match; comparison ignores case, a trailing slash and an explicit default port. The opaque origin {@code null} (sandboxed
 * frames, {@code file:}) is never allowed, not even by {@code *}.
 */
public final class OriginPolicy {

    private final List<String> exact;
    private final List<Origin> wildcards;
    private final boolean any;

    private OriginPolicy(List<String> exact, List<Origin> wildcards, boolean any) {
        this.exact = exact;
        this.wildcards = wildcards;
        this.any = any;
    }

    public static OriginPolicy of(List<String> allowedOrigins) {
        boolean any = allowedOrigins.stream().map(String::strip).anyMatch("*"::equals);
        List<String> exact = allowedOrigins.stream()
                .map(OriginPolicy::normalise)
                .filter(o -> !o.equals("*") && !o.contains("*"))
                .toList();
        List<Origin> wildcards = allowedOrigins.stream()
                .map(OriginPolicy::normalise)
                .filter(o -> o.contains("*.") && !o.equals("*"))
                .map(Origin::parse)
                .filter(Objects::nonNull)
                .toList();
        return new OriginPolicy(exact, wildcards, any);
    }

    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        String candidate = normalise(origin);
        Origin parsed = Origin.parse(candidate);
        if (parsed == null || parsed.host().contains("*")) {
            return false;
        }
        if (any || exact.contains(candidate)) {
            return true;
        }
        return wildcards.stream().anyMatch(w -> w.scheme().equals(parsed.scheme())
                && w.port().equals(parsed.port())
                && parsed.host().endsWith(w.host().substring(1)));
    }

    /**
     * The {@code Access-Control-Allow-Origin} value for a request from {@code origin}, or null to send none.
     * The origin is echoed rather than {@code *} because {@code sendBeacon} with a JSON body makes a
     * credentialed CORS request, on which browsers refuse {@code *}; the response then also needs
     * {@code Vary: Origin}. A text/plain beacon is no-cors and is sent whatever the answer, so the caller
     * must also refuse a disallowed origin itself.
     */
    public String allowOriginHeader(String origin) {
        return allows(origin) ? origin.strip() : null;
    }

    /** Browsers omit default ports and never send a slash, so configured entries are brought to that form. */
    private static String normalise(String origin) {
        String value = origin.strip().toLowerCase(Locale.ROOT);
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.startsWith("https://") && value.endsWith(":443")) {
            value = value.substring(0, value.length() - 4);
        } else if (value.startsWith("http://") && value.endsWith(":80")) {
            value = value.substring(0, value.length() - 3);
        }
        return value;
    }

    /** scheme://host[:port], nothing else: an origin has no path, query or credentials. */
    private record Origin(String scheme, String host, String port) {

        static Origin parse(String value) {
            int separator = value.indexOf("://");
            if (separator <= 0) {
                return null;
            }
            String scheme = value.substring(0, separator);
            String authority = value.substring(separator + 3);
            if (authority.isEmpty() || authority.contains("/") || authority.contains("@")
                    || authority.contains("?") || authority.contains("#")) {
                return null;
            }
            String host = authority;
            String port = "";
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && !authority.endsWith("]")) {
                host = authority.substring(0, colon);
                port = authority.substring(colon + 1);
                if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
                    return null;
                }
            }
            if (host.isEmpty() || (host.contains("*") && !host.startsWith("*.")) || host.indexOf('*', 1) > 0) {
                return null;
            }
            return new Origin(scheme, host, port);
        }
    }
}
