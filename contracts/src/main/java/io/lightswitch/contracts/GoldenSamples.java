package io.lightswitch.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The golden sample of each message type, shipped in this jar so that producer and consumer tests
 * read the same bytes ({@code samples/<Type>.json}).
 */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    public static byte[] bytes(String type) {
        String path = "/samples/" + type + ".json";
        try (InputStream in = GoldenSamples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden sample for " + type);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Envelope envelope(String type) {
        return MessageCodec.decode(bytes(type));
    }
}
