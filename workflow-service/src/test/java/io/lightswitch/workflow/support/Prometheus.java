package io.lightswitch.workflow.support;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads series from the application's Prometheus endpoint, as a scraper would. */
public final class Prometheus {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String exposition;

    private Prometheus(String exposition) {
        this.exposition = exposition;
    }

    public static Prometheus scrape() {
        return new Prometheus(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The sum of every sample of the metric whose labels include all of {@code labels}; 0 when none. */
    public double value(String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            // OpenMetrics exemplars (" # {trace_id=...} 1.0 <time>") follow the value on sampled series
            int exemplar = line.indexOf(" # ");
            Matcher sample = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).strip());
            if (sample.matches() && sample.group(1).equals(metric)
                    && labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    public double value(String metric) {
        return value(metric, Map.of());
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text != null) {
            Matcher label = LABEL.matcher(text);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }
}
