package io.lightswitch.ingest.rum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.lightswitch.contracts.Envelope;
import io.lightswitch.contracts.GoldenSamples;
import io.lightswitch.contracts.MessageCodec;
import io.lightswitch.contracts.ingest.RumBatch;
import io.lightswitch.contracts.ingest.RumEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BeaconNormaliserTest {

    private static final String RUM_BATCH = "RumBatch";

    private final BeaconParser parser = new BeaconParser();
    private final BeaconNormaliser normaliser = new BeaconNormaliser();

    @Test
    void theFullFixtureBeaconBecomesExactlyTheGoldenRumBatch() {
        Beacon beacon = parser.parse(RumFixtures.bytes("beacon-full.json")).beacon();

        RumBatch batch = normaliser.normalise(beacon, "shop", "production");

        JsonNode golden = GoldenSamples.envelope(RUM_BATCH).payload();
        assertThat(MessageCodec.tree(batch)).isEqualTo(golden);
    }

    @Test
    void projectAndEnvironmentComeFromTheClientKeyNotTheBody() {
        Beacon beacon = parser.parse(RumFixtures.bytes("beacon-minimal.json")).beacon();

        RumBatch batch = normaliser.normalise(beacon, "kiosk", "staging");

        assertThat(batch.project()).isEqualTo("kiosk");
        assertThat(batch.environment()).isEqualTo("staging");
        assertThat(batch.browser()).isNull();
        assertThat(batch.country()).isNull();
        assertThat(batch.events()).containsExactly(
                RumEvent.pageLoad(beacon.events().get(0).at(), null, 1200.5, null, null));
    }

    @Test
    void theGoldenRumBatchSurvivesDecodeAndEncodeUnchanged() throws IOException {
        byte[] golden = GoldenSamples.bytes(RUM_BATCH);
        Envelope decoded = MessageCodec.decode(golden);
        RumBatch payload = MessageCodec.payload(decoded, RumBatch.class);

        Envelope rewrapped = new Envelope(decoded.id(), decoded.type(), decoded.version(), decoded.occurredAt(),
                decoded.source(), MessageCodec.tree(payload));

        assertThat(MessageCodec.mapper().readTree(MessageCodec.encode(rewrapped)))
                .isEqualTo(MessageCodec.mapper().readTree(golden));
        assertThat(payload.events()).extracting(RumEvent::kind).containsExactly(
                RumEvent.PAGE_LOAD, RumEvent.ACTION, RumEvent.JS_ERROR, RumEvent.CUSTOM, RumEvent.REPLAY);
    }
}
