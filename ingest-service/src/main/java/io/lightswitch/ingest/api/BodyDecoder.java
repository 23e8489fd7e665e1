package io.lightswitch.ingest.api;

import io.lightswitch.ingest.domain.IngestException;
import io.lightswitch.ingest.domain.IngestException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongPredicate;
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
        return decode(body, contentEncoding, limit, bytes -> true);
    }

    /**
     * As {@link #decode(byte[], String, long)}, asking {@code reserve} for every buffer it allocates while
     * inflating; when refused the request is OVERLOADED, before its memory is spent.
     */
    static byte[] decode(byte[] body, String contentEncoding, long limit, LongPredicate reserve) {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (encoding) {
            case "", "identity", "none" -> {
                if (body.length > limit) {
                    throw tooLarge(limit);
                }
                yield body;
            }
            case "gzip", "x-gzip" -> inflate(body, limit, reserve);
            default -> throw new IngestException(Kind.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Encoding " + contentEncoding + " is not supported; send gzip or no encoding");
        };
    }

    private static byte[] inflate(byte[] body, long limit, LongPredicate reserve) {
        int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), CHUNK)) {
            byte[] buffer = new byte[reserved(reserve, Math.min(cap, Math.max(CHUNK, body.length * 4)))];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (buffer.length >= cap) {
                        throw tooLarge(limit);
                    }
                    int grown = (int) Math.min((long) buffer.length * 2, cap);
                    buffer = Arrays.copyOf(buffer, reserved(reserve, grown - buffer.length) + buffer.length);
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

    private static int reserved(LongPredicate reserve, int bytes) {
        if (!reserve.test(bytes)) {
            throw new IngestException(Kind.OVERLOADED, "too much telemetry is being decoded or waiting for the broker");
        }
        return bytes;
    }

    private static IngestException tooLarge(long limit) {
        return new IngestException(Kind.TOO_LARGE,
                "the body is larger than " + limit + " bytes after decompression");
    }
}
