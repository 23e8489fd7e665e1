package io.lightswitch.analytics.enrich;

import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns page URLs into operation names with few distinct values, so that pages can be grouped. */
public final class PagePaths {

    static final int MAX_LENGTH = 200;

    private static final String ID = ":id";
    private static final Pattern ORIGIN = Pattern.compile("(?:[A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    // Object ids, hashes and tokens; requiring a digit keeps words such as "facade" from passing for hex.
    private static final Pattern LONG_HEX = Pattern.compile("(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{8,}");

    private PagePaths() {
    }

    /** The path of {@code pageUrl} with ids replaced by {@code :id}; "/" when there is no path to read. */
    public static String operation(String pageUrl) {
        if (pageUrl == null) {
            return "/";
        }
        String url = pageUrl.strip();
        Matcher origin = ORIGIN.matcher(url);
        String rest = origin.lookingAt() ? url.substring(origin.end()) : url;
        return rest.startsWith("/") ? normalise(rest) : "/";
    }

    /** {@code path} without query, fragment, empty segments or trailing slash, and ids as {@code :id}. */
    static String normalise(String path) {
        StringJoiner joined = new StringJoiner("/", "/", "");
        for (String segment : path.split("[?#]", 2)[0].split("/")) {
            if (!segment.isEmpty()) {
                joined.add(isId(segment) ? ID : segment);
            }
        }
        return Text.truncate(joined.toString(), MAX_LENGTH);
    }

    private static boolean isId(String segment) {
        return NUMBER.matcher(segment).matches()
                || UUID.matcher(segment).matches()
                || LONG_HEX.matcher(segment).matches();
    }
}
