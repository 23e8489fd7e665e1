package io.lightswitch.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.support.Gzip;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyDecoderTest {

    @Test
    void inflatesGzipAndPassesPlainBodiesThrough() {
        byte[] plain = "hello telemetry".getBytes(StandardCharsets.UTF_8);

        assertThat(BodyDecoder.decode(Gzip.compress(plain), "gzip", 1024)).isEqualTo(plain);
        assertThat(BodyDecoder.decode(plain, null, 1024)).isEqualTo(plain);
        assertThat(BodyDecoder.decode(plain, "identity", 1024)).isEqualTo(plain);
    }

    @Test
    void gzipBombStopsAtTheLimitInsteadOfInflatingEverything() {
        byte[] bomb = Gzip.zeros(1L << 27);

        assertThatThrownBy(() -> BodyDecoder.decode(bomb, "gzip", 1 << 20))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.TOO_LARGE))
                .hasMessage("the body is larger than 1048576 bytes after decompression");
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() {
        assertThat(BodyDecoder.decode(Gzip.zeros(4096), "gzip", 4096)).hasSize(4096);
        assertThat(BodyDecoder.decode(new byte[4096], null, 4096)).hasSize(4096);
    }

    @Test
    void plainBodyOverTheLimitIsTooLarge() {
        assertThatThrownBy(() -> BodyDecoder.decode(new byte[4097], null, 4096))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.TOO_LARGE));
    }

    @Test
    void corruptGzipIsUndecodableAndUnknownEncodingsAreUnsupported() {
        assertThatThrownBy(() -> BodyDecoder.decode(new byte[] {1, 2, 3}, "gzip", 4096))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.UNDECODABLE));
        assertThatThrownBy(() -> BodyDecoder.decode(new byte[] {1}, "br", 4096))
                .isInstanceOfSatisfying(IngestException.class,
                        e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.UNSUPPORTED_MEDIA_TYPE))
                .hasMessage("Content-Encoding br is not supported; send gzip or no encoding");
    }
}
