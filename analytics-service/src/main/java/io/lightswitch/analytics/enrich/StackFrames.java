package io.lightswitch.analytics.enrich;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the frame an error was thrown from in V8 (Chrome, Edge, Node), SpiderMonkey (Firefox),
 * JavaScriptCore (Safari) and JVM stacks, as function and file without line, column, query or build hash.
 */
final class StackFrames {

    // "\tat com.x.Y.method(Y.java:42)"
    private static final Pattern JVM = Pattern.compile("\\s*at\\s+([^\\s(]+)\\(([^)]*)\\)\\s*");
    // "    at fn (https://x/app.js:10:5)" or, for anonymous functions, "    at https://x/app.js:10:5"
    private static final Pattern V8 = Pattern.compile("\\s*at\\s+(?:(.+?)\\s+\\((.*)\\)|(.+?))\\s*");
    // "fn@https://x/app.js:10:5", "@https://x/app.js:10:5", "forEach@[native code]"
    private static final Pattern GECKO = Pattern.compile("\\s*([^@]*)@(.*?(?::\\d+){1,2}|\\[native code])\\s*");
    private static final Pattern AT_LINE = Pattern.compile("(?m)^\\s*at\\s");
    // Real frames are far shorter; the frame patterns backtrack quadratically on long crafted lines.
    private static final int MAX_FRAME_LENGTH = 1_000;

    private static final Pattern LINE_AND_COLUMN = Pattern.compile("(?::\\d+){1,2}$");
    private static final Pattern ORIGIN = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*");
    // Build hashes: "app.3f9a1c.js", "main-3f9a1c2b.js", "/static/3f9a1c2b/app.js"; the digit spares words.
    private static final Pattern HASH_CHUNK =
            Pattern.compile("(?<=^|[/._-])(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{6,}(?=$|[/._-])");
    private static final Pattern DELIMITER_RUN = Pattern.compile("[._-]+(?=[._-])|(?<=/)[._-]+(?=/)|[._-]+$");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    private static final Pattern JVM_LAMBDA = Pattern.compile("\\$\\$Lambda(?:\\$\\d+)?(?:/(?:0x)?[0-9a-fA-F]+)?");
    // Locations that say the frame is in the engine, not in a file of the application.
    private static final Set<String> NATIVE =
            Set.of("", "native", "[native code]", "<anonymous>", "Native Method", "Unknown Source");
    // V8 places the awaited promises of Promise.all and friends at "index 0", "index 1", ...
    private static final Pattern PROMISE_INDEX = Pattern.compile("index \\d+");

    private record Frame(String function, String file) {

        String label() {
            if (function == null) {
                return file;
            }
            return file == null ? function : function + " (" + file + ")";
        }
    }

    private StackFrames() {
    }

    /** The first frame with a file, else the first frame; null when no line of {@code stack} is a frame. */
    static String top(String stack) {
        // V8 and JVM stacks start with the message, which may contain an '@' that looks like a Gecko frame.
        boolean atStyle = AT_LINE.matcher(stack).find();
        Frame first = null;
        for (String line : stack.split("\\R")) {
            if (line.length() > MAX_FRAME_LENGTH) {
                continue;
            }
            Frame frame = atStyle ? atFrame(line) : geckoFrame(line);
            if (frame == null || (frame.function() == null && frame.file() == null)) {
                continue;
            }
            if (frame.file() != null) {
                return frame.label();
            }
            first = first == null ? frame : first;
        }
        return first == null ? null : first.label();
    }

    private static Frame atFrame(String line) {
        Matcher jvm = JVM.matcher(line);
        if (jvm.matches()) {
            String method = JVM_LAMBDA.matcher(jvm.group(1)).replaceAll("\\$\\$Lambda");
            // Drop the module and class loader prefix: "java.base/", "app//".
            return new Frame(method.substring(method.lastIndexOf('/') + 1), file(jvm.group(2)));
        }
        Matcher v8 = V8.matcher(line);
        if (!v8.matches()) {
            return null;
        }
        return v8.group(3) != null
                ? new Frame(null, file(v8.group(3)))
                : new Frame(function(v8.group(1).replaceFirst("^async\\s+", "")), file(v8.group(2)));
    }

    private static Frame geckoFrame(String line) {
        Matcher gecko = GECKO.matcher(line);
        if (!gecko.matches()) {
            return null;
        }
        // Firefox prefixes async frames with their cause: "promise callback*fn".
        String function = gecko.group(1).substring(gecko.group(1).lastIndexOf('*') + 1);
        return new Frame(function(function), file(gecko.group(2)));
    }

    private static String function(String name) {
        String trimmed = name.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String file(String location) {
        String file = LINE_AND_COLUMN.matcher(location.strip()).replaceFirst("");
        if (NATIVE.contains(file) || PROMISE_INDEX.matcher(file).matches()) {
            return null;
        }
        file = file.split("[?#]", 2)[0];
        file = ORIGIN.matcher(file).replaceFirst("");
        file = HASH_CHUNK.matcher(file).replaceAll("");
        file = DELIMITER_RUN.matcher(file).replaceAll("");
        file = SLASHES.matcher(file).replaceAll("/");
        return file.isEmpty() ? null : file;
    }
}
