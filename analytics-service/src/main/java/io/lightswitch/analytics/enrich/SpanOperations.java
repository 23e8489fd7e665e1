package io.lightswitch.analytics.enrich;

import io.lightswitch.contracts.ingest.NormalizedSpan;

import java.util.Set;
import java.util.regex.Pattern;

/** Labels spans by operation ("GET /pay") with few distinct values, so that their metrics can be grouped. */
public final class SpanOperations {

    private static final String UNKNOWN = "unknown";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> HTTP_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private SpanOperations() {
    }

    /**
     * @param route the span's {@code http.route}, or null
     * @param kind  SERVER, CLIENT, INTERNAL, PRODUCER or CONSUMER, or null when not known
     */
    public static String operation(String spanName, String route, String kind) {
        if (spanName == null || spanName.isBlank()) {
            return UNKNOWN;
        }
        String name = WHITESPACE.matcher(spanName.strip()).replaceAll(" ");
        String[] methodAndRest = name.split(" ", 2);
        String method = methodAndRest[0];
        String rest = methodAndRest.length > 1 ? methodAndRest[1] : "";
        String label;
        if (HTTP_METHODS.contains(method) && routeApplies(name, route, kind)) {
            label = method + " " + PagePaths.normalise(route.strip());
        } else if (HTTP_METHODS.contains(method) && rest.startsWith("/")) {
            label = method + " " + PagePaths.normalise(rest);
        } else if (name.startsWith("/")) {
            label = PagePaths.normalise(name);
        } else {
            label = name;
        }
        return Text.truncate(label, PagePaths.MAX_LENGTH);
    }

    // http.route is the server's own URL template; on any other kind of span it is borrowed context.
    private static boolean routeApplies(String name, String route, String kind) {
        return route != null && !route.isBlank()
                && (kind == null || NormalizedSpan.SERVER.equals(kind))
                && !name.contains(route.strip());
    }
}
