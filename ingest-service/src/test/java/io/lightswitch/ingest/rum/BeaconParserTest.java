package io.lightswitch.ingest.rum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BeaconParserTest {

    private final BeaconParser parser = new BeaconParser();

    @Test
    void acceptsEveryKindOfEventWithTheSessionPageAndFlags() {
        BeaconParseResult result = parser.parse(RumFixtures.bytes("beacon-full.json"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.rejectedEvents()).isZero();
        assertThat(result.errors()).isEmpty();
        Beacon beacon = result.beacon();
        assertThat(beacon.sessionId()).isEqualTo("s-5f0c9a7e-2b1d-4c3e-8f6a-0d9e8c7b6a51");
        assertThat(beacon.userId()).isEqualTo("user-1842");
        assertThat(beacon.pageUrl()).isEqualTo("https://www.shop.example/checkout?step=2");
        assertThat(beacon.referrer()).isEqualTo("https://www.shop.example/cart");
        assertThat(beacon.userAgent()).startsWith("Mozilla/5.0");
        assertThat(beacon.flags()).containsExactly(entry("dark-mode", "on"), entry("one-page-checkout", "off"));
        assertThat(beacon.events()).hasExactlyElementsOfTypes(BeaconEvent.PageLoad.class, BeaconEvent.UserAction.class,
                BeaconEvent.JsError.class, BeaconEvent.Custom.class, BeaconEvent.ReplayChunk.class);

        BeaconEvent.PageLoad pageLoad = (BeaconEvent.PageLoad) beacon.events().get(0);
        assertThat(pageLoad).isEqualTo(new BeaconEvent.PageLoad(
                Instant.parse("2026-11-26T09:31:01.020Z"), 182.4, 1930.0, 96.0, 0.04));
        BeaconEvent.JsError error = (BeaconEvent.JsError) beacon.events().get(2);
        assertThat(error.errorType()).isEqualTo("TypeError");
        assertThat(error.line()).isEqualTo(212);
        assertThat(error.column()).isEqualTo(17);
        BeaconEvent.ReplayChunk replay = (BeaconEvent.ReplayChunk) beacon.events().get(4);
        assertThat(replay.seq()).isZero();
        assertThat(replay.rrwebEvents()).hasSize(2);
    }

    @Test
    void acceptsEpochMillisecondsAndIsoInstantsForAt() {
        Beacon beacon = parser.parse(RumFixtures.bytes("beacon-full.json")).beacon();

        assertThat(beacon.events().get(1).at()).isEqualTo(Instant.parse("2026-11-26T09:31:03.511Z"));
        assertThat(beacon.events().get(3).at()).isEqualTo(Instant.parse("2026-11-26T09:31:04Z"));
        assertThat(beacon.events().get(4).at()).isEqualTo(Instant.ofEpochMilli(1795685465000L));
    }

    @Test
    void dropsAndCountsInvalidEventsWhileKeepingTheValidOnes() {
        BeaconParseResult result = parser.parse(RumFixtures.bytes("beacon-partly-invalid.json"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.beacon().events()).hasSize(2);
        assertThat(result.rejectedEvents()).isEqualTo(7);
        assertThat(result.errors()).extracting(FieldError::path).containsExactly(
                "flags.broken",
                "events[1].lcp",
                "events[2].message",
                "events[3].type",
                "events[4].at",
                "events[6].events[0].type",
                "events[7].props.filters",
                "events[8]");
        assertThat(result.errors().get(1).reason()).isEqualTo("must not be negative");
        assertThat(result.errors().get(3).reason()).contains("unknown event type \"scroll\"");
    }

    @Test
    void keepsScalarVariantsAsTextAndIgnoresStructuredOnes() {
        Beacon beacon = parser.parse(RumFixtures.bytes("beacon-partly-invalid.json")).beacon();

        assertThat(beacon.flags()).containsOnlyKeys("dark-mode", "beta-search");
        assertThat(beacon.flags().get("beta-search")).isEqualTo("true");
    }

    @Test
    void rejectsABeaconWithoutSessionId() {
        BeaconParseResult result = parse("{\"v\":1,\"page\":{\"url\":\"https://a.example/\"},\"events\":[]}");

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).containsExactly(new FieldError("sessionId", "required"));
    }

    @Test
    void rejectsAnotherVersionOrAMissingOne() {
        BeaconParseResult v2 = parse("{\"v\":2,\"sessionId\":\"s\",\"page\":{\"url\":\"https://a.example/\"}}");
        BeaconParseResult none = parse("{\"sessionId\":\"s\",\"page\":{\"url\":\"https://a.example/\"}}");
        BeaconParseResult text = parse("{\"v\":\"1\",\"sessionId\":\"s\",\"page\":{\"url\":\"https://a.example/\"}}");

        assertThat(v2.accepted()).isFalse();
        assertThat(v2.errors()).extracting(FieldError::path).containsExactly("v");
        assertThat(v2.errors().get(0).reason()).contains("unsupported version 2");
        assertThat(none.errors()).containsExactly(new FieldError("v", "required"));
        assertThat(text.accepted()).isFalse();
    }

    @Test
    void rejectsABeaconWithoutPageUrlAndReportsEveryBeaconLevelProblemAtOnce() {
        BeaconParseResult result = parse("{\"v\":3,\"sessionId\":42,\"events\":{}}");

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors()).extracting(FieldError::path).containsExactly("v", "sessionId", "page", "events");
    }

    @Test
    void rejectsBodiesThatAreNotAJsonObject() {
        assertThat(parse("not json").errors()).containsExactly(new FieldError("body", "not valid JSON"));
        assertThat(parse("[1,2]").errors()).containsExactly(new FieldError("body", "must be a JSON object"));
        assertThat(parser.parse(new byte[0]).accepted()).isFalse();
    }

    @Test
    void rejectsAnOverlongSessionIdRatherThanCuttingIt() {
        String sessionId = "s".repeat(257);

        BeaconParseResult result = parse("{\"v\":1,\"sessionId\":\"" + sessionId + "\",\"page\":{\"url\":\"https://a.example/\"}}");

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors().get(0).path()).isEqualTo("sessionId");
    }

    @Test
    void truncatesOverlongFreeTextToItsLimit() {
        String message = "m".repeat(5000);
        String stack = "s".repeat(20000);
        String url = "https://a.example/" + "p".repeat(3000);

        Beacon beacon = parse("{\"v\":1,\"sessionId\":\"s\",\"page\":{\"url\":\"" + url + "\"},\"events\":["
                + "{\"type\":\"js_error\",\"at\":1795685461020,\"message\":\"" + message + "\",\"stack\":\"" + stack + "\"}]}")
                .beacon();

        BeaconEvent.JsError error = (BeaconEvent.JsError) beacon.events().get(0);
        assertThat(error.message()).hasSize(2048);
        assertThat(error.stack()).hasSize(16384);
        assertThat(beacon.pageUrl()).hasSize(2048);
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
        String message = "a".repeat(2047) + "\uD83D\uDE00";

        Beacon beacon = parse("{\"v\":1,\"sessionId\":\"s\",\"page\":{\"url\":\"https://a.example/\"},\"events\":["
                + "{\"type\":\"js_error\",\"at\":1795685461020,\"message\":\"" + message + "\"}]}").beacon();

        assertThat(((BeaconEvent.JsError) beacon.events().get(0)).message()).isEqualTo("a".repeat(2047));
    }

    @Test
    void acceptsTheFirstEventsUpToTheLimitAndCountsTheRest() {
        BeaconParser small = new BeaconParser(BeaconLimits.defaults().withMaxEvents(3));
        String events = IntStream.range(0, 5)
                .mapToObj(i -> "{\"type\":\"action\",\"at\":1795685461020,\"name\":\"click-" + i + "\"}")
                .collect(Collectors.joining(","));

        BeaconParseResult result = small.parse(utf8("{\"v\":1,\"sessionId\":\"s\",\"page\":{\"url\":\"https://a.example/\"},"
                + "\"events\":[" + events + "]}"));

        assertThat(result.beacon().events()).hasSize(3);
        assertThat(result.rejectedEvents()).isEqualTo(2);
        assertThat(result.errors()).containsExactly(new FieldError("events", "2 events over the limit of 3 dropped"));
    }

    @Test
    void dropsAReplayChunkOverTheConfiguredSize() {
        BeaconParser tight = new BeaconParser(BeaconLimits.defaults().withMaxReplayBytes(200));
        String bigNode = "x".repeat(300);

        BeaconParseResult result = tight.parse(utf8("{\"v\":1,\"sessionId\":\"s\",\"page\":{\"url\":\"https://a.example/\"},"
                + "\"events\":[{\"type\":\"replay\",\"at\":1795685461020,\"seq\":1,\"events\":["
                + "{\"type\":2,\"timestamp\":1795685461020,\"data\":{\"text\":\"" + bigNode + "\"}}]},"
                + "{\"type\":\"replay\",\"at\":1795685461020,\"seq\":2,\"events\":[{\"type\":3,\"timestamp\":1795685461021}]}]}"));

        assertThat(result.beacon().events()).hasSize(1);
        assertThat(((BeaconEvent.ReplayChunk) result.beacon().events().get(0)).seq()).isEqualTo(2);
        assertThat(result.rejectedEvents()).isEqualTo(1);
        assertThat(result.errors()).containsExactly(
                new FieldError("events[0].events", "replay chunk is over 200 bytes"));
    }

    @Test
    void rejectsNegativeTimingsAndCountsButKeepsAFractionalCls() {
        BeaconParseResult result = parse("{\"v\":1,\"sessionId\":\"s\",\"page\":{\"url\":\"https://a.example/\"},\"events\":["
                + "{\"type\":\"page_load\",\"at\":1795685461020,\"cls\":0.251},"
                + "{\"type\":\"page_load\",\"at\":1795685461020,\"inp\":-1},"
                + "{\"type\":\"page_load\",\"at\":1795685461020,\"ttfb\":\"fast\"},"
                + "{\"type\":\"page_load\",\"at\":1795685461020},"
                + "{\"type\":\"js_error\",\"at\":1795685461020,\"message\":\"x\",\"line\":-3}]}");

        assertThat(result.beacon().events()).containsExactly(
                new BeaconEvent.PageLoad(Instant.ofEpochMilli(1795685461020L), null, null, null, 0.251));
        assertThat(result.errors()).extracting(FieldError::path)
                .containsExactly("events[1].inp", "events[2].ttfb", "events[3]", "events[4].line");
    }

    @Test
    void ignoresUnknownFieldsSoClientsCanAddThem() {
        BeaconParseResult result = parser.parse(RumFixtures.bytes("beacon-full.json"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.beacon().events()).hasSize(5);
    }

    @Test
    void acceptsAMinimalBeaconWithoutUserFlagsOrUserAgent() {
        BeaconParseResult result = parser.parse(RumFixtures.bytes("beacon-minimal.json"));

        assertThat(result.accepted()).isTrue();
        assertThat(result.beacon().userId()).isNull();
        assertThat(result.beacon().userAgent()).isNull();
        assertThat(result.beacon().flags()).isEmpty();
        assertThat(((BeaconEvent.PageLoad) result.beacon().events().get(0)).lcpMs()).isEqualTo(1200.5);
    }

    private BeaconParseResult parse(String json) {
        return parser.parse(utf8(json));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
