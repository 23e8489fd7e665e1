package io.lightswitch.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What happened when, printed as it happens: wall-clock time, seconds since the first entry, what, and a
 * sentence of detail. Entries the platform timestamped itself (a verdict, an audit entry) carry that time.
 */
public final class Timeline {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final int DETAIL_INDENT = 43;

    private final PrintStream out;
    private Instant origin;

    public Timeline(PrintStream out) {
        this.out = out;
    }

    public Instant mark(String what, String detail) {
        return mark(Instant.now(), what, detail);
    }

    public synchronized Instant mark(Instant at, String what, String detail) {
        if (origin == null) {
            origin = at;
        }
        double offset = Duration.between(origin, at).toMillis() / 1000.0;
        out.printf(Locale.ROOT, "%s  %+7.1fs  %-18s %s%n", CLOCK.format(at), offset, what, wrap(detail));
        out.flush();
        return at;
    }

    /** A line under the last entry, e.g. evidence or a URL. */
    public synchronized void note(String text) {
        out.println(" ".repeat(DETAIL_INDENT) + wrap(text));
        out.flush();
    }

    private static String wrap(String text) {
        return text == null ? "" : text.replace("\n", "\n" + " ".repeat(DETAIL_INDENT));
    }
}
