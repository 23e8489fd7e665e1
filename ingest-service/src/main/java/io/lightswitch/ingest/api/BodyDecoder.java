package io.lightswitch.ingest.api;

import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Undoes the Content-Encoding of a request body under a hard limit on the decoded size. Inflating stops
 * as soon as the limit is passed, so a gzip bomb costs at most the limit in memory, not its expansion.
 */
final class BodyDecoder {

    private static final int CHUNK = 64 * 1024;

    private BodyDecoder() {
    }

    static byte[] decode(byte[] body, String contentEncoding, long limit) {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity", "none" -> {
                if (body.length > limit) {
                    throw tooLarge(limit);
                }
                yield body;
            }
            case "gzip", "x-gzip" -> inflate(body, limit);
            default -> throw new IngestException(Kind.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding " + contentEncoding + " is not supported; send gzip or no encoding");
        };
    }

    private static byte[] inflate(byte[] body, long limit) {
        int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), CHUNK)) {
            byte[] buffer = new byte[Math.min(cap, Math.max(CHUNK, body.length * 4))];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (buffer.length >= cap) {
                        throw tooLarge(limit);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, cap));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
            if (length > limit) {
                throw tooLarge(limit);
            }
            return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            throw new IngestException(Kind.UNDECODABLE, "the body is not valid gzip: " + e.getMessage(), e);
        }
    }

    private static IngestException tooLarge(long limit) {
        return new IngestException(Kind.TOO_LARGE,
                "the body is larger than " + limit + " bytes after decompression");
    }
}
