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
    void inflatingAsksTheBudgetForEveryBufferAndStopsWhenRefused() {
        java.util.List<Long> asked = new java.util.ArrayList<>();

        assertThatThrownBy(() -> BodyDecoder.decode(Gzip.zeros(1 << 20), "gzip", 1 << 21, bytes -> {
            asked.add(bytes);
            return asked.size() < 3;
        })).isInstanceOfSatisfying(IngestException.class,
                e -> assertThat(e.kind()).isEqualTo(IngestException.Kind.OVERLOADED));
        assertThat(asked).hasSize(3).allSatisfy(bytes -> assertThat(bytes).isPositive());

        java.util.concurrent.atomic.AtomicLong reserved = new java.util.concurrent.atomic.AtomicLong();
        BodyDecoder.decode(Gzip.zeros(1 << 20), "gzip", 1 << 21, bytes -> reserved.addAndGet(bytes) > 0);
        assertThat(reserved.get()).isBetween(1L << 20, 1L << 21);
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
