package io.lightswitch.ingest.rum;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

final class RumFixtures {

    private RumFixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = RumFixtures.class.getResourceAsStream("/rum/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
